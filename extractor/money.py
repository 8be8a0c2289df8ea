"""Money stage (SPEC 4): every monetary amount, with currency, qualifier, relevance,
purpose and year. Tables and cue lists live in ``rules/money.yaml``.

The number grammar is :mod:`extractor.numbers`; this module only adds currency units,
guards against measure-word look-alikes (一块地), and decides relevance from cue words
in the sentence and its paragraph.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Optional

import regex

from .numbers import Quantity, Rejected, quantity_pattern, scan, tables as number_tables
from .pipeline import Article, stage
from .record import Amount
from .rules import load_yaml


def _alt(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class _Rules:
    pattern: regex.Pattern
    anchor: regex.Pattern
    currencies: dict[str, tuple[str, Decimal]]
    kuai_strict: bool
    market: regex.Pattern
    other_cause: regex.Pattern
    commerce: regex.Pattern
    poverty: regex.Pattern
    window: int
    purpose: regex.Pattern
    trim: regex.Pattern
    purpose_max: int


@cache
def _rules() -> _Rules:
    r = load_yaml("money.yaml")
    currencies = {k: (v[0], Decimal(str(v[1]))) for k, v in r["currencies"].items()}
    units = []
    for unit in sorted(currencies, key=len, reverse=True):
        blocked = r["not_after_unit"].get(unit)
        guard = f"(?!{_alt(blocked)})" if blocked else ""
        units.append(regex.escape(unit) + guard)
    bigs = regex.escape("".join(number_tables().big))
    # 近两个亿的资金: a bare 亿/万 followed by a money noun; the unit is the empty string.
    units.append(rf"(?<=[{bigs}])(?=(?:{_alt(r['bare_yi_followed_by'])}))")
    rel = r["relevance"]

    def words(key: str) -> regex.Pattern:
        return regex.compile(_alt(rel[key]))

    return _Rules(
        pattern=quantity_pattern("|".join(units)),
        anchor=regex.compile("[" + regex.escape("".join({u[0] for u in currencies})) + "]|亿"),
        currencies=currencies,
        kuai_strict=bool(r["bare_kuai_needs_arabic_or_multiplier"]),
        market=words("market_cues"), other_cause=words("other_cause_cues"),
        commerce=words("commerce_cues"), poverty=words("poverty_cues"),
        window=int(rel["paragraph_window"]),
        purpose=regex.compile(rf"\p{{Han}}{{0,12}}?(?:{_alt(r['purpose_heads'])})"
                              rf"(?=[为达约近超逾共计是了有]{{0,3}}$)"),
        trim=regex.compile(_alt(r["purpose_trim"])),
        purpose_max=int(r["purpose_max_len"]),
    )


_YEAR = regex.compile(r"(?<![0-9])(19[5-9][0-9]|20[0-4][0-9])年")
_RELATIVE_YEAR = {"今年": 0, "当年": 0, "去年": -1, "前年": -2, "明年": 1}
_RELATIVE = regex.compile("|".join(_RELATIVE_YEAR))
_CLAUSE_BREAK = regex.compile(r"[，,；;：:。！？!?、\n]")


class _Index:
    """Sentence and paragraph lookup for offsets of one article."""

    def __init__(self, article: Article) -> None:
        text = article.text
        self.text = text
        self.sentences = article.sentences
        self.sent_starts = [s for s, _ in self.sentences]
        paras, start = [], 0
        for m in regex.finditer(r"\n+", text):
            if text[start:m.start()].strip():
                paras.append((start, m.start()))
            start = m.end()
        if text[start:].strip():
            paras.append((start, len(text)))
        self.paras = paras or [(0, len(text))]
        self.para_starts = [s for s, _ in self.paras]

    def sentence(self, pos: int) -> tuple[int, int]:
        i = max(0, bisect.bisect_right(self.sent_starts, pos) - 1)
        return self.sentences[i] if self.sentences else (0, len(self.text))

    def paragraph_window(self, pos: int, window: int) -> str:
        i = max(0, bisect.bisect_right(self.para_starts, pos) - 1)
        lo, hi = max(0, i - window), min(len(self.paras) - 1, i + window)
        return self.text[self.paras[lo][0]:self.paras[hi][1]]


def reference_year(article: Article) -> Optional[int]:
    for value in (article.reference_date, article.published):
        if value and value[:4].isdigit():
            return int(value[:4])
    return None


_YEAR_OF_ANOTHER = regex.compile(r"(?:底|末|初)?的[0-9.]+")


def year_of(text: str, sent_start: int, pos: int, ref_year: Optional[int]) -> Optional[int]:
    """The year the sentence states before ``pos`` (2019年, or 今年/去年 from the reference)."""
    head = text[sent_start:pos]
    best: Optional[tuple[int, int]] = None
    for m in _YEAR.finditer(head):
        # 由2012年的16.8%降至0: a year joined by 的 to another number is that number's.
        if _YEAR_OF_ANOTHER.match(head, m.end()):
            continue
        best = (m.start(), int(m[1]))
    if ref_year is not None:
        for m in _RELATIVE.finditer(head):
            if best is None or m.start() > best[0]:
                best = (m.start(), ref_year + _RELATIVE_YEAR[m.group()])
    return best[1] if best else None


def _purpose(rules: _Rules, text: str, sent_start: int, pos: int) -> Optional[str]:
    clause_start = sent_start
    for m in _CLAUSE_BREAK.finditer(text, sent_start, pos):
        clause_start = m.end()
    clause = text[clause_start:pos]
    # Drop the qualifier prefix of the amount itself (超过, 近): the head must end the clause.
    m = rules.purpose.search(clause)
    if not m:
        return None
    phrase = m.group()
    cut = 0
    for t in rules.trim.finditer(phrase):
        if t.end() < len(phrase) - 1:
            cut = t.end()
    phrase = phrase[cut:]
    return phrase[-rules.purpose_max:] or None


def _relevant(rules: _Rules, sentence: str, window: str) -> bool:
    poverty_here = bool(rules.poverty.search(sentence))
    if rules.market.search(sentence) and not poverty_here:
        return False   # 期货 in 保险+期货 poverty pilots stays relevant
    if rules.other_cause.search(sentence) and not poverty_here:
        return False
    if rules.commerce.search(sentence) and not rules.poverty.search(window):
        return False
    return True


def _is_measure_word(q: Quantity, rules: _Rules) -> bool:
    """一块/第二块 (a piece): bare 块 after a plain Chinese digit is not money."""
    if q.unit != "块" or not rules.kuai_strict:
        return False
    body = q.text
    return not regex.search(r"[0-9万亿千百]", body)


def _scan_near_units(text: str, rules: _Rules):
    """Run the full grammar only in windows around currency units (cheap on long texts)."""
    lo = hi = -1
    for m in rules.anchor.finditer(text):
        a, b = max(0, m.start() - 40), m.end() + 4
        if a <= hi:
            hi = b
            continue
        if hi >= 0:
            yield from scan(text, rules.pattern, lo, min(hi, len(text)))
        lo, hi = a, b
    if hi >= 0:
        yield from scan(text, rules.pattern, lo, min(hi, len(text)))


def find_amounts(article: Article) -> list[Amount]:
    rules = _rules()
    text = article.text
    index = _Index(article)
    ref_year = reference_year(article)
    amounts: list[Amount] = []
    for q in _scan_near_units(text, rules):
        if isinstance(q, Rejected):
            article.warnings.append(f"money: skipped malformed amount {q.text!r} at {q.start}: {q.reason}")
            continue
        if _is_measure_word(q, rules):
            continue
        currency, factor = rules.currencies.get(q.unit, ("CNY", Decimal(1)))
        s_start, s_end = index.sentence(q.start)
        sentence = text[s_start:s_end]
        relevant = _relevant(rules, sentence, index.paragraph_window(q.start, rules.window))
        purpose = _purpose(rules, text, s_start, q.start)
        year = year_of(text, s_start, q.start, ref_year)
        for value, (a, b) in zip(q.values, q.value_spans):
            if len(q.values) == 1:
                a, b = q.start, q.end
            amounts.append(Amount(
                text=text[a:b], value=_tidy(value * factor), currency=currency,
                qualifier=q.qualifier, relevant=relevant,
                span=(a, b), source_span=article.source_span(a, b),
                purpose=purpose, year=year))
    return amounts


def _tidy(value: Decimal) -> Decimal:
    if value == value.to_integral_value():
        return Decimal(int(value))
    return value.normalize()


@stage("money")
def money_stage(article: Article) -> None:
    article.facts["amounts"] = find_amounts(article)
