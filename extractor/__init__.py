"""fupin-extractor: structured facts from Chinese poverty-alleviation news.

    >>> from extractor import extract
    >>> record = extract("石渠县是深圳对口帮扶地区……")
    >>> record.to_dict()["counties"]
"""
from .io.batch import extract_file, extract_many
from .io.tables import to_frames
from .pipeline import Pipeline, extract
from .record import Record
from .text.normalize import InputError, Normalized, normalize

__version__ = "0.1.0"

__all__ = ["extract", "extract_file", "extract_many", "normalize", "to_frames", "Pipeline", "Record",
           "Normalized", "InputError", "__version__"]
