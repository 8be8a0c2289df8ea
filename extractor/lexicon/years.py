"""Years in text (2019年, 今年, 去年底) and which year a fact's sentence gives it.

Tables in ``rules/years.yaml``: one year range for the whole project.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Optional

import regex

from ..rules import Folder, alternation, load_yaml


@dataclass(frozen=True)
class YearGrammar:
    year: regex.Pattern             # group 1: the four digits, before 年
    relative: regex.Pattern
    relative_offset: dict[str, int]
    year_of_another: regex.Pattern


def _range_pattern(first: int, last: int) -> str:
    """An alternation of the years first..last (exact, whatever the bounds)."""
    return "|".join(str(y) for y in range(last, first - 1, -1))


@cache
def year_grammar(folder: Folder = None) -> YearGrammar:
    r = load_yaml("years.yaml", folder)
    years = _range_pattern(int(r["first_year"]), int(r["last_year"]))
    offsets = {k: int(v) for k, v in r["relative_years"].items()}
    return YearGrammar(
        year=regex.compile(rf"(?<![0-9])({years})年"),
        relative=regex.compile(alternation(offsets)),
        relative_offset=offsets,
        year_of_another=regex.compile(r["year_of_another"]),
    )


def years_named(text: str, grammar: YearGrammar) -> list[int]:
    """Every year the text names with 年, in order."""
    return [int(m[1]) for m in grammar.year.finditer(text)]


def year_of(text: str, sent_start: int, pos: int, ref_year: Optional[int],
            grammar: YearGrammar) -> Optional[int]:
    """The year the sentence states before ``pos``: the last 2019年 (or 今年/去年 from the
    reference year) between the sentence start and ``pos``."""
    best: Optional[tuple[int, int]] = None
    for m in grammar.year.finditer(text, sent_start, pos):
        if grammar.year_of_another.match(text, m.end(), pos):
            continue
        best = (m.start(), int(m[1]))
    if ref_year is not None:
        for m in grammar.relative.finditer(text, sent_start, pos):
            if best is None or m.start() > best[0]:
                best = (m.start(), ref_year + grammar.relative_offset[m.group()])
    return best[1] if best else None
