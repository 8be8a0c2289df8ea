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
    date: regex.Pattern             # groups: year, relative word, month, day, period
    period_month: dict[str, int]
    bare_periods: dict[str, Optional[int]]


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
        date=regex.compile(rf"(?<![0-9])(?:({years})年|({alternation(offsets)})){r['date_tail']}"
                           rf"|(?<![0-9今去前明当])({alternation(r['bare_periods'])})"),
        period_month={k: int(v) for k, v in r["period_month"].items()},
        bare_periods=dict(r["bare_periods"]),
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


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    iso: str                        # YYYY, YYYY-MM or YYYY-MM-DD, as precise as the text


def dates_in(text: str, start: int, end: int, ref_year: Optional[int],
             grammar: YearGrammar) -> list[DateMention]:
    """Every date in text[start:end]: 2018年5月, 2019年, 今年4月, 去年底 (relative words
    resolved against ``ref_year``; skipped when it is None). Month 13+ or day 32+ is not a
    date and gives the year alone."""
    out = []
    for m in grammar.date.finditer(text, start, end):
        year_text, relative, month, day, period, bare = m.groups()
        if bare:
            if ref_year is None:
                continue
            month_of = grammar.bare_periods[bare]
            iso = f"{ref_year:04d}" + (f"-{month_of:02d}" if month_of else "")
            out.append(DateMention(m.start(), m.end(), iso))
            continue
        if year_text:
            year = int(year_text)
        elif ref_year is not None:
            year = ref_year + grammar.relative_offset[relative]
        else:
            continue
        iso = f"{year:04d}"
        if month and 1 <= int(month) <= 12:
            iso += f"-{int(month):02d}"
            if day and 1 <= int(day) <= 31:
                iso += f"-{int(day):02d}"
        elif period in grammar.period_month:
            iso += f"-{grammar.period_month[period]:02d}"
        out.append(DateMention(m.start(), m.end(), iso))
    return out
