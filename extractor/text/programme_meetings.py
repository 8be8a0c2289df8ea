"""The programme's meetings (``rules/programme_meetings.yaml``): one reading below the stages,
so the counties stage's role window and the pairings stage's programme talk pass over the same
meeting names (援疆座谈会: a meeting a person attends, no help into a place)."""
from __future__ import annotations

from functools import cache

from ..rules import Folder, load_yaml


@cache
def programme_meeting(folder: Folder = None) -> str:
    """The pattern (regex source) of a meeting named by the programme."""
    return load_yaml("programme_meetings.yaml", folder)["programme_meeting"]
