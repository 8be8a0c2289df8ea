"""fupin-extractor: structured facts from Chinese poverty-alleviation news.

    >>> from extractor import extract
    >>> record = extract("石渠县是深圳对口帮扶地区……")
    >>> record.to_dict()["counties"]
"""
from .normalize import InputError, Normalized, normalize
from .pipeline import extract, extract_many
from .record import Record

__version__ = "0.1.0"


def to_frames(records):
    """Records (or their dicts) → {table name: pandas.DataFrame}, as ``fupin run --tables``."""
    from .io import to_frames as _to_frames
    return _to_frames(records)


__all__ = ["extract", "extract_many", "normalize", "to_frames", "Record", "Normalized",
           "InputError", "__version__"]
