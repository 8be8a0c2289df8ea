"""One number grammar for money and poverty figures (tables in ``rules/numbers.yaml``).

Handles Arabic numbers (1,234.5; 357.73), Chinese numerals (二十三万, 两千三百万, 二〇一九),
mixed forms (1.4万, 3千万, 1万5千), qualifiers (超过 … 以上 → over, 约/近/左右 → approx,
不到/以下 → under), Chinese digit ranges (二三十万 → 20万 and 30万), ranges with a separator
(3—5万元 → 3万 and 5万) and 百分之五. Values are exact ``Decimal``s (16.4亿 = 1640000000).

Callers compile a quantity pattern for their units with :func:`quantity_pattern` and scan
text with :func:`scan`; malformed numbers (3..5万元, 25-digit runs) come back as
:class:`Rejected` items so the caller can warn instead of guessing.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Iterator, Optional, Union

import regex

from ..rules import alternation, load_yaml


class NumberError(ValueError):
    """A string that looks like a number but is not a sensible one."""


@dataclass(frozen=True)
class _Tables:
    digits: dict[str, int]
    small: dict[str, int]
    big: dict[str, int]
    prefix: dict[str, str]      # surface → qualifier
    infix: dict[str, str]
    suffix: dict[str, str]
    separators: tuple[str, ...]
    max_value: Decimal
    max_digits: int
    vague_before: tuple[str, ...]
    vague_before_multiplier: tuple[str, ...]

    @property
    def numerals(self) -> str:
        return "".join(self.digits) + "".join(self.small) + "".join(self.big)


@cache
def tables() -> _Tables:
    r = load_yaml("numbers.yaml")
    q = r["qualifiers"]

    def flat(section: dict) -> dict[str, str]:
        return {w: kind for kind, words in section.items() for w in words}

    return _Tables(digits=r["digits"], small=r["small_units"], big=r["big_units"],
                   prefix=flat(q["prefix"]), infix=flat(q["infix"]), suffix=flat(q["suffix"]),
                   separators=tuple(r["range_separators"]),
                   max_value=Decimal(r["max_value"]), max_digits=int(r["max_integer_digits"]),
                   vague_before=tuple(r["vague_before"]),
                   vague_before_multiplier=tuple(r["vague_before_multiplier"]))


_ARABIC = regex.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?")


def tidy_decimal(value: Decimal) -> Decimal:
    """Exact and tidy: integral values lose their exponent/trailing zeros (1.64E+9 → 1640000000)."""
    if value == value.to_integral_value():
        return Decimal(int(value))
    return value.normalize()


def _arabic(tok: str, t: _Tables) -> Decimal:
    if not _ARABIC.fullmatch(tok):
        raise NumberError(f"malformed number {tok!r}")
    integer = tok.split(".")[0]
    if "," not in integer and len(integer.lstrip("0") or "0") > t.max_digits:
        raise NumberError(f"implausibly long number {tok!r}")
    try:
        return Decimal(tok.replace(",", ""))
    except InvalidOperation as err:  # pragma: no cover - regex guarantees the form
        raise NumberError(str(err)) from None


@cache
def _token_re() -> regex.Pattern:
    t = tables()
    return regex.compile(r"[0-9][0-9,.]*|[" + regex.escape(t.numerals) + r"]|.", regex.S)


def parse_number(text: str) -> Decimal:
    """A number without qualifiers or unit → exact Decimal; raises :class:`NumberError`."""
    t = tables()
    if not text:
        raise NumberError("empty number")
    tokens = _token_re().findall(text)
    # 二〇一九: digit by digit, no multipliers.
    if len(tokens) > 1 and all(tok in t.digits for tok in tokens):
        return Decimal("".join(str(t.digits[tok]) for tok in tokens))
    total = section = Decimal(0)
    cur: Optional[Decimal] = None
    seen_any = False
    for tok in tokens:
        if tok[0].isdigit():
            if cur is not None:
                raise NumberError(f"two numbers in a row in {text!r}")
            cur = _arabic(tok, t)
        elif tok in t.digits:
            d = t.digits[tok]
            if d == 0 and cur is None and (section or total):
                continue  # place-holder zero: 一千零五
            if cur is not None:
                raise NumberError(f"two digits in a row in {text!r}")
            cur = Decimal(d)
        elif tok in t.small:
            section += (Decimal(1) if cur is None else cur) * t.small[tok]
            cur = None
        elif tok in t.big:
            base = section + (cur or 0)
            if base == 0 and not total:
                raise NumberError(f"multiplier without a number in {text!r}")
            if t.big[tok] > 10000:
                total = (total + base) * t.big[tok]
            else:
                total += (base or 1) * t.big[tok]
            section, cur = Decimal(0), None
        else:
            raise NumberError(f"unexpected {tok!r} in {text!r}")
        seen_any = True
    if not seen_any:
        raise NumberError(f"no number in {text!r}")
    value = total + section + (cur or 0)
    if value > t.max_value:
        raise NumberError(f"implausibly large number {text!r}")
    return tidy_decimal(value)


@cache
def _cn_range_re() -> regex.Pattern:
    # 二三十万, 四五万, 两三百, 七八: two consecutive digits then the shared multipliers.
    t = tables()
    return regex.compile(r"([一二两三四五六七八九])([二三四五六七八九])([" + regex.escape(
        "".join(t.small) + "".join(t.big)) + r"]*)")


def parse_values(body: str) -> tuple[Decimal, ...]:
    """A number body (no qualifier words) → one value, or two for 二三十万-style ranges."""
    t = tables()
    m = _cn_range_re().fullmatch(body)
    if m:
        a, b, rest = t.digits[m[1]], t.digits[m[2]], m[3]
        if b == a + 1:
            return (parse_number(m[1] + rest), parse_number(m[2] + rest))
    return (parse_number(body),)


@dataclass(frozen=True)
class Quantity:
    """A number with its unit, as found in text. ``values`` has two items for a range."""

    start: int
    end: int
    text: str
    values: tuple[Decimal, ...]
    qualifier: Optional[str]
    unit: str
    #: [start, end) of each value's own expression (a range's parts), in text offsets.
    value_spans: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Rejected:
    """A number-like run that is not a sensible number; the caller warns and skips it."""

    start: int
    end: int
    text: str
    reason: str


def quantity_pattern(units: str, *, unit_guard: str = "") -> regex.Pattern:
    """Compile the quantity grammar for a unit alternation (a regex, e.g. ``元|美元``).

    ``unit_guard`` is a regex appended after the unit (a negative lookahead, say) that
    keeps words such as 元旦 or 一块地 out.
    """
    t = tables()
    num = regex.escape(t.numerals)
    bigs = regex.escape("".join(t.big))
    # A run of numerals: starts with a digit or numeral; '.' and ',' only between digits
    # (a run like 3..5 is kept whole so that it is rejected rather than half-read).
    run = rf"(?:[0-9]|[{num}])(?:[0-9{num}]|[.,](?=[0-9.,]))*"
    infix = alternation(t.infix)
    body = rf"{run}(?:(?:{infix})?个?[{bigs}]{{1,2}})?"
    sep = alternation(t.separators)
    vague = regex.escape("".join(t.vague_before))
    vague_mult = alternation(t.vague_before_multiplier)
    pattern = (
        rf"(?<![0-9.{num}{vague}])(?<![0-9],)(?<!{vague_mult}(?=[{num}]))"
        rf"(?P<pre>{alternation(t.prefix)})?"
        rf"(?:(?P<first>{body})(?P<sep>{sep}))?"
        rf"(?P<num>{body})(?P<inf>{infix})?"
        rf"(?P<unit>{units}){unit_guard}"
        rf"(?P<post>{alternation(t.suffix)})?"
    )
    return regex.compile(pattern)


def _strip_body(body: str) -> tuple[str, bool]:
    """Remove 余/多 and the 个 of 两个亿 from a body; say whether an infix was there."""
    t = tables()
    had = False
    for w in t.infix:
        if w in body:
            had = True
            body = body.replace(w, "")
    return body.replace("个", ""), had


def _big_suffix(body: str) -> str:
    t = tables()
    i = len(body)
    while i > 0 and body[i - 1] in t.big:
        i -= 1
    return body[i:]


def scan(text: str, pattern: regex.Pattern, start: int = 0,
         end: Optional[int] = None) -> Iterator[Union[Quantity, Rejected]]:
    """Every quantity of ``pattern`` in ``text[start:end]``, in order."""
    t = tables()
    for m in pattern.finditer(text, start, len(text) if end is None else end):
        qualifier = None
        if m["pre"]:
            qualifier = t.prefix[m["pre"]]
        elif m["post"]:
            qualifier = t.suffix[m["post"]]
        body, had_infix = _strip_body(m["num"])
        if m["inf"] or had_infix:
            qualifier = qualifier or t.infix.get(m["inf"] or "余", "over")
        try:
            if body in t.big and m["pre"] and not m["first"]:
                values = (Decimal(t.big[body]),)   # 近万元: "nearly ten thousand"
            else:
                values = parse_values(body)
            if len(values) == 2 and qualifier is None:
                qualifier = "approx"   # 二三十万: "twenty or thirty ten-thousands"
            spans = [(m.start("num"), m.end())] * len(values)
            if m["first"]:
                first_body, first_infix = _strip_body(m["first"])
                if not _big_suffix(first_body):
                    first_body += _big_suffix(body)   # 3—5万元: 3 takes 万 too
                first = parse_values(first_body)
                values = first + values
                spans = [(m.start("first"), m.end("first"))] * len(first) + spans
        except NumberError as err:
            yield Rejected(m.start(), m.end(), m.group(), str(err))
            continue
        yield Quantity(m.start(), m.end(), m.group(), tuple(values), qualifier, m["unit"],
                       tuple(spans))


@cache
def _percent_word_re() -> regex.Pattern:
    t = tables()
    num = regex.escape(t.numerals)
    return regex.compile(rf"(?P<pre>{alternation(t.prefix)})?百分之(?P<num>[0-9.{num}]+)")


def scan_percent_words(text: str, start: int = 0,
                       end: Optional[int] = None) -> Iterator[Union[Quantity, Rejected]]:
    """百分之五, 百分之三十五点五 is not supported (rare): 百分之 + numerals → unit %."""
    t = tables()
    for m in _percent_word_re().finditer(text, start, len(text) if end is None else end):
        try:
            value = parse_number(m["num"])
        except NumberError as err:
            yield Rejected(m.start(), m.end(), m.group(), str(err))
            continue
        q = t.prefix[m["pre"]] if m["pre"] else None
        yield Quantity(m.start(), m.end(), m.group(), (value,), q, "%",
                       ((m.start("num") - 3, m.end()),))
