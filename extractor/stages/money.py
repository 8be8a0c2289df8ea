"""Money stage (SPEC 4): every monetary amount, with currency, qualifier, relevance,
purpose and year. Tables and cue lists live in ``rules/money.yaml``.

The number grammar is :mod:`extractor.numbers`; this module only adds currency units,
guards against measure-word look-alikes (一块地), and decides relevance from cue words
in the sentence and its paragraph.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Optional

import regex

from ..article import Article
from ..lexicon.numbers import Quantity, Rejected, quantity_pattern, scan, tables as number_tables, tidy_decimal
from ..lexicon.years import YearGrammar, year_grammar, year_of
from ..record import Amount
from ..rules import Folder, alternation, load_yaml, words_pattern


@dataclass(frozen=True)
class MoneyRules:
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
    scan_before: int
    scan_after: int
    years: YearGrammar


@cache
def load_rules(folder: Folder = None) -> MoneyRules:
    r = load_yaml("money.yaml", folder)
    currencies = {k: (v[0], Decimal(str(v[1]))) for k, v in r["currencies"].items()}
    units = []
    for unit in sorted(currencies, key=len, reverse=True):
        blocked = r["not_after_unit"].get(unit)
        guard = f"(?!{alternation(blocked)})" if blocked else ""
        units.append(regex.escape(unit) + guard)
    bigs = regex.escape("".join(number_tables().big))
    # 近两个亿的资金: a bare 亿/万 followed by a money noun; the unit is the empty string.
    units.append(rf"(?<=[{bigs}])(?=(?:{alternation(r['bare_yi_followed_by'])}))")
    rel = r["relevance"]
    link = regex.escape(r["purpose_link_chars"])
    return MoneyRules(
        pattern=quantity_pattern("|".join(units)),
        anchor=regex.compile("[" + regex.escape("".join({u[0] for u in currencies})) + "]|亿"),
        currencies=currencies,
        kuai_strict=bool(r["bare_kuai_needs_arabic_or_multiplier"]),
        market=words_pattern(rel["market_cues"]), other_cause=words_pattern(rel["other_cause_cues"]),
        commerce=words_pattern(rel["commerce_cues"]), poverty=words_pattern(rel["poverty_cues"]),
        window=int(rel["paragraph_window"]),
        purpose=regex.compile(rf"\p{{Han}}{{0,12}}?(?:{alternation(r['purpose_heads'])})"
                              rf"(?=[{link}]{{0,{int(r['purpose_link_max'])}}}$)"),
        trim=words_pattern(r["purpose_trim"]),
        purpose_max=int(r["purpose_max_len"]),
        scan_before=int(r["scan_window_before"]), scan_after=int(r["scan_window_after"]),
        years=year_grammar(folder),
    )


def _purpose(rules: MoneyRules, article: Article, sent_start: int, pos: int) -> Optional[str]:
    clause = article.text[article.index.clause_start(sent_start, pos):pos]
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


def _relevant(rules: MoneyRules, sentence: str, window: str) -> bool:
    poverty_here = bool(rules.poverty.search(sentence))
    if rules.market.search(sentence) and not poverty_here:
        return False   # 期货 in 保险+期货 poverty pilots stays relevant
    if rules.other_cause.search(sentence) and not poverty_here:
        return False
    if rules.commerce.search(sentence) and not rules.poverty.search(window):
        return False
    return True


def _is_measure_word(q: Quantity, rules: MoneyRules) -> bool:
    """一块/第二块 (a piece): bare 块 after a plain Chinese digit is not money."""
    if q.unit != "块" or not rules.kuai_strict:
        return False
    body = q.text
    return not regex.search(r"[0-9万亿千百]", body)


def _scan_near_units(text: str, rules: MoneyRules):
    """Run the full grammar only in windows around currency units (cheap on long texts)."""
    lo = hi = -1
    for m in rules.anchor.finditer(text):
        a, b = max(0, m.start() - rules.scan_before), m.end() + rules.scan_after
        if a <= hi:
            hi = b
            continue
        if hi >= 0:
            yield from scan(text, rules.pattern, lo, min(hi, len(text)))
        lo, hi = a, b
    if hi >= 0:
        yield from scan(text, rules.pattern, lo, min(hi, len(text)))


def find_amounts(article: Article, rules: MoneyRules) -> list[Amount]:
    text = article.text
    index = article.index
    ref_year = article.reference_year
    amounts: list[Amount] = []
    for q in _scan_near_units(text, rules):
        if isinstance(q, Rejected):
            article.warnings.append(f"money: skipped malformed amount {q.text!r} at {q.start}: {q.reason}")
            continue
        if _is_measure_word(q, rules):
            continue
        currency, factor = rules.currencies.get(q.unit, ("CNY", Decimal(1)))
        s_start, s_end = index.sentence_of(q.start)
        sentence = text[s_start:s_end]
        relevant = _relevant(rules, sentence, index.paragraph_window(q.start, rules.window))
        purpose = _purpose(rules, article, s_start, q.start)
        year = year_of(text, s_start, q.start, ref_year, rules.years)
        for value, (a, b) in zip(q.values, q.value_spans):
            if len(q.values) == 1:
                a, b = q.start, q.end
            amounts.append(Amount(
                text=text[a:b], value=tidy_decimal(value * factor), currency=currency,
                qualifier=q.qualifier, relevant=relevant,
                span=(a, b), source_span=article.source_span(a, b),
                purpose=purpose, year=year))
    return amounts


def run(article: Article, rules: MoneyRules) -> None:
    article.facts["amounts"] = find_amounts(article, rules)
