"""The clause marks every roles reader bounds its windows with (``rules/clauses.yaml``): one
reading below the stages, so the counties stage's role window and the pairings stage's roles
readers end a clause at the same marks, in both widths."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import regex

from ..rules import Folder, last_mark_pattern, load_yaml


@dataclass(frozen=True)
class ClauseMarks:
    """``clause_marks`` of rules/clauses.yaml: the characters of each kind and their classes."""
    comma: str                  # ，,
    part: str                   # ；; (a sentence's parts)
    end: str                    # ！!？? (a sentence's own ends, where the splitter kept them inside)
    chars: str                  # every mark that ends a clause
    mark: re.Pattern            # the first clause mark from a position on: search(text, pos, endpos)
    mark_back: regex.Pattern    # the last clause mark in [pos, endpos): a reverse search
    mark_back_near: re.Pattern  # the same in a window of a bounded reach (last_mark_pattern)


@cache
def clause_marks(folder: Folder = None) -> ClauseMarks:
    marks = load_yaml("clauses.yaml", folder)["clause_marks"]
    chars = marks["comma"] + marks["part"] + marks["end"]
    return ClauseMarks(comma=marks["comma"], part=marks["part"], end=marks["end"], chars=chars,
                       mark=re.compile(f"[{re.escape(chars)}]"),
                       mark_back=regex.compile(f"(?r)[{regex.escape(chars)}]"),
                       mark_back_near=last_mark_pattern(chars))


def clause_bounded(text: str, lo: int, start: int, end: int, hi: int, marks: ClauseMarks) -> tuple[int, int]:
    """[lo, start) and [end, hi) cut to the clause that holds [start, end): the window before a
    mention starts after the last clause mark in it, the window after ends at the first."""
    back = marks.mark_back_near.search(text, lo, start)
    ahead = marks.mark.search(text, end, hi)
    return (back.end() if back else lo), (ahead.start() if ahead else hi)
