"""Years in text (2019年, 今年, 去年底) and which year a fact's sentence gives it.

Tables in ``rules/years.yaml``: one year range for the whole project.
"""
from __future__ import annotations

from dataclasses import dataclass
from bisect import bisect_right
from functools import cache
from typing import Optional

import regex

from ..rules import Folder, alternation, load_yaml, plain_pattern, trie_alternation


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
    """An alternation of the years first..last (exact, whatever the bounds), written as a
    trie (:func:`trie_alternation`; the same matches: of two years that stand at one
    position, one is a prefix of the other, and both forms try the longer, larger, one
    first): a digit is read against one branch a place instead of against each of the
    hundred years (the dates pattern scans real news in half the time)."""
    return trie_alternation(str(y) for y in range(last, first - 1, -1))


@cache
def year_grammar(folder: Folder = None) -> YearGrammar:
    r = load_yaml("years.yaml", folder)
    years = _range_pattern(int(r["first_year"]), int(r["last_year"]))
    offsets = {k: int(v) for k, v in r["relative_years"].items()}
    return YearGrammar(
        year=regex.compile(rf"(?<![0-9])({years})年"),
        relative=plain_pattern(alternation(offsets)),
        relative_offset=offsets,
        year_of_another=plain_pattern(r["year_of_another"]),
        date=regex.compile(rf"(?<![0-9])(?:({years})年|({alternation(offsets)})){r['date_tail']}"
                           rf"|(?<![0-9今去前明当])({alternation(r['bare_periods'])})"),
        period_month={k: int(v) for k, v in r["period_month"].items()},
        bare_periods=dict(r["bare_periods"]),
    )


def years_named(text: str, grammar: YearGrammar) -> list[int]:
    """Every year the text names with 年, in order."""
    return [int(m[1]) for m in _years_in(text, grammar)]


# Keyed by the grammar's id, holding the grammar itself: an id can be reused by a new
# grammar once the old one is gone, and the identity check below then refuses the entry.
_last_years: dict[int, tuple[YearGrammar, str, list]] = {}


def _years_in(text: str, grammar: YearGrammar) -> list:
    """The matches of ``grammar.year`` in the text being processed, found once (one list per
    grammar, the last text): the dates stage (:func:`years_named`, a text without a date)
    and the year index (:func:`year_of`, money and figures) read the same text's years."""
    cached = _last_years.get(id(grammar))
    if cached is None or cached[0] is not grammar or cached[1] is not text:
        cached = (grammar, text, list(grammar.year.finditer(text)))
        _last_years[id(grammar)] = cached
    return cached[2]


def year_of(text: str, sent_start: int, pos: int, ref_year: Optional[int],
            grammar: YearGrammar) -> Optional[int]:
    """The year the sentence states before ``pos``: the last 2019年 (or 今年/去年 from the
    reference year) between the sentence start and ``pos``.

    The years of a text are found once (:func:`_year_index`) and each question is answered
    by bisection, so a sentence with many facts costs O(log n) a fact, not O(n)."""
    index = _year_index(text, grammar)
    best: Optional[tuple[int, int]] = None
    found = index.last_year(text, sent_start, pos)
    if found is not None:
        best = found
    if ref_year is not None:
        rel = index.last_relative(sent_start, pos)
        if rel is not None and (best is None or rel[0] > best[0]):
            best = (rel[0], ref_year + grammar.relative_offset[rel[1]])
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


class _YearIndex:
    """Every year (2019年) and relative year (今年) of one text, in order, with whether a
    year belongs to the number after it (2012年的16.8%: ``year_of_another``)."""

    def __init__(self, text: str, grammar: YearGrammar) -> None:
        self.grammar = grammar
        years = _years_in(text, grammar)
        self.starts = [m.start() for m in years]
        self.ends = [m.end() for m in years]
        self.values = [int(m[1]) for m in years]
        # Where year_of_another matches after each year when the text is read to its end
        # (None: no match); a match that ends beyond a question's position is re-checked
        # against that position, since the scan of one question stops there.
        self.another_end: list[Optional[int]] = []
        self.prev_own: list[int] = []   # the last index <= i whose year is its own (-1: none)
        last = -1
        for i, m in enumerate(years):
            other = grammar.year_of_another.match(text, m.end())
            self.another_end.append(other.end() if other else None)
            if other is None:
                last = i
            self.prev_own.append(last)
        relative = list(grammar.relative.finditer(text))
        self.rel_starts = [m.start() for m in relative]
        self.rel_ends = [m.end() for m in relative]
        self.rel_words = [m.group() for m in relative]

    def last_year(self, text: str, lo: int, pos: int) -> Optional[tuple[int, int]]:
        """(start, year) of the last own year in text[lo:pos], as a scan of that slice sees it."""
        i = bisect_right(self.ends, pos) - 1
        while i >= 0 and self.starts[i] >= lo:
            end = self.another_end[i]
            if end is not None and end > pos:   # the 的… after it runs past pos: check the cut
                if self.grammar.year_of_another.match(text, self.ends[i], pos):
                    i -= 1
                    continue
                return self.starts[i], self.values[i]
            i = self.prev_own[i]
            if i >= 0 and self.starts[i] >= lo:
                return self.starts[i], self.values[i]
            return None
        return None

    def last_relative(self, lo: int, pos: int) -> Optional[tuple[int, str]]:
        i = bisect_right(self.rel_ends, pos) - 1
        if i >= 0 and self.rel_starts[i] >= lo:
            return self.rel_starts[i], self.rel_words[i]
        return None


_last_index: dict[int, tuple[str, _YearIndex]] = {}


def _year_index(text: str, grammar: YearGrammar) -> _YearIndex:
    """The index of the text being processed, built once (one per grammar, the last text)."""
    cached = _last_index.get(id(grammar))
    if cached is None or cached[0] is not text:
        cached = (text, _YearIndex(text, grammar))
        _last_index[id(grammar)] = cached
    return cached[1]
