"""Statistical named-entity taggers (person finder for the persons/cadres stage).

See ``extractor/ner/README.md`` for the models, how they were measured and chosen.
"""
from .tagger import (AVAILABLE_MODELS, DEFAULT_MODEL, Entity, find_persons, load_tagger,
                     split_pieces, tag)

__all__ = ["AVAILABLE_MODELS", "DEFAULT_MODEL", "Entity", "find_persons", "load_tagger",
           "split_pieces", "tag"]
