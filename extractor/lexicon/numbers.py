"""One number grammar for money and poverty figures (tables in ``rules/numbers.yaml``).

Handles Arabic numbers with ASCII or full-width separators (1,234.5; 12，345; 1．5), Chinese
numerals (二十三万, 两千三百万, 二〇一九, 十七点四) and financial ones (肆佰叁拾萬), mixed forms
(1.4万, 3千万, 1万5千, 3千万亿), qualifiers (超过 … 以上 → over, 约/近/左右 → approx, 不到/以下
→ under), Chinese digit ranges (二三十万 → 20万 and 30万), ranges with a separator (3—5万元 →
3万 and 5万, but 8500到3万 → 8500 and 3万) and 百分之五. Values are exact ``Decimal``s
(16.4亿 = 1640000000).

Callers compile a quantity pattern for their units with :func:`quantity_pattern` and scan
text with :func:`scan`; malformed numbers (3..5万元, 25-digit runs) come back as
:class:`Rejected` items so the caller can warn instead of guessing.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache
from operator import itemgetter
from typing import Callable, Iterable, Iterator, Optional, Union

import regex

from ..frozen import quick_frozen
from ..rules import alternation, load_yaml, memo_by_identity, plain_pattern


class NumberError(ValueError):
    """A string that looks like a number but is not a sensible one."""


@dataclass(frozen=True)
class _Tables:
    digits: dict[str, int]
    small: dict[str, int]
    big: dict[str, int]
    prefix: dict[str, str]      # surface → qualifier
    bare_prefix: dict[str, str]  # 上/过: a qualifier only before a bare multiplier (上亿)
    infix: dict[str, str]
    suffix: dict[str, str]
    separators: tuple[str, ...]
    max_value: Decimal
    max_digits: int
    vague_before: tuple[str, ...]
    vague_before_multiplier: tuple[str, ...]
    decimal_points: str
    thousands_separators: str
    space_groups: str           # spaces that group digits in threes (9 899)
    chinese_point: str

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
                   prefix=flat(q["prefix"]), bare_prefix=flat(q["before_bare_multiplier"]),
                   infix=flat(q["infix"]), suffix=flat(q["suffix"]),
                   separators=tuple(r["range_separators"]),
                   max_value=Decimal(r["max_value"]), max_digits=int(r["max_integer_digits"]),
                   vague_before=tuple(r["vague_before"]),
                   vague_before_multiplier=tuple(r["vague_before_multiplier"]),
                   decimal_points="".join(r["decimal_points"]),
                   thousands_separators="".join(r["thousands_separators"]),
                   space_groups="".join(r["space_group_separators"]),
                   chinese_point=r["chinese_decimal_point"])


@cache
def _arabic_re() -> regex.Pattern:
    t = tables()
    point, group = regex.escape(t.decimal_points), regex.escape(t.thousands_separators)
    return plain_pattern(rf"[0-9]{{1,3}}(?:[{group}][0-9]{{3}})+(?:[{point}][0-9]+)?|[0-9]+(?:[{point}][0-9]+)?")


@cache
def _space_group_re() -> regex.Pattern:
    return regex.compile(rf"(?<=[0-9])[{regex.escape(tables().space_groups)}](?=[0-9])")


def space_group_run() -> str:
    """A regex alternative for a grouping space inside a digit run: between a digit and a
    group of exactly three digits (9 899, 1 234 567)."""
    sp = regex.escape(tables().space_groups)
    return rf"[{sp}](?<=[0-9][{sp}])(?=[0-9]{{3}}(?![0-9]))"


def first_digit() -> str:
    """The first digit of an Arabic number, unless it starts the second group of a spaced
    number (the 899 of 9 899 is never a number of its own). Checked after the digit
    matched, so that the guard costs nothing at the positions where no number starts."""
    sp = regex.escape(tables().space_groups)
    return rf"[0-9](?:(?<![0-9][{sp}][0-9])|(?![0-9]{{2}}(?![0-9])))"


def ungroup_spaces(body: str) -> str:
    """A number body with its spaces resolved: a space between digits becomes a thousands
    separator (validated by the Arabic grammar: 9 899 → 9,899 = 9899, but 2019 100 →
    2019,100 is rejected), any other space (177.1 亿) is dropped."""
    if not _space_re().search(body):
        return body        # nearly every number: nothing to resolve
    body = _space_group_re().sub(",", body)
    return _space_re().sub("", body)


@cache
def _space_re() -> re.Pattern:
    # the standard re: on a bare character class, quicker than regex
    return re.compile(f"[{re.escape(tables().space_groups)}]")


def tidy_decimal(value: Decimal) -> Decimal:
    """Exact and tidy: integral values lose their exponent/trailing zeros (1.64E+9 → 1640000000)."""
    if value == value.to_integral_value():
        return Decimal(int(value))
    return value.normalize()


def _arabic(tok: str, t: _Tables) -> Decimal:
    if not _arabic_re().fullmatch(tok):
        raise NumberError(f"malformed number {tok!r}")
    grouped = any(sep in tok for sep in t.thousands_separators)
    for sep in t.thousands_separators:
        tok = tok.replace(sep, "")
    for point in t.decimal_points:
        tok = tok.replace(point, ".")
    integer = tok.split(".")[0]
    if not grouped and len(integer.lstrip("0") or "0") > t.max_digits:
        raise NumberError(f"implausibly long number {tok!r}")
    try:
        return Decimal(tok)
    except InvalidOperation as err:  # pragma: no cover - regex guarantees the form
        raise NumberError(str(err)) from None


@cache
def _token_re() -> regex.Pattern:
    t = tables()
    seps = regex.escape(t.decimal_points + t.thousands_separators)
    return plain_pattern(rf"[0-9][0-9{seps}]*|[" + regex.escape(t.numerals) + r"]|.", regex.S)


def parse_number(text: str) -> Decimal:
    """A number without qualifiers or unit → exact Decimal; raises :class:`NumberError`."""
    t = tables()
    if not text:
        raise NumberError("empty number")
    if text.isdigit() and text.isascii():   # plain digits (most numbers): no tokens to read
        if len(text.lstrip("0") or "0") > t.max_digits:
            raise NumberError(f"implausibly long number {text!r}")
        value = Decimal(text)
    elif (value := _digits_times_multiplier(text, t)) is not None:
        pass
    elif t.chinese_point in text:
        value = _parse_chinese_point(text, t)
    else:
        value = _parse_integer_part(text, t)
    if value > t.max_value:
        raise NumberError(f"implausibly large number {text!r}")
    return tidy_decimal(value)


def _digits_times_multiplier(text: str, t: _Tables) -> Optional[Decimal]:
    """3万, 1000万, 3.5亿 (ASCII digits, at most one ASCII point, one multiplier: a third of the
    bodies a real-news pass reads) → the value :func:`_parse_integer_part` gives them, without
    its tokens; None for any other text, and for one that reading would refuse (0万, too many
    digits), which then goes the long way and gets its error there."""
    head = text[:-1]
    multiplier = t.big.get(text[-1:])
    if multiplier is None or not head.isascii():
        return None
    integer, point, fraction = head.partition(".")
    if not integer.isdigit() or (point and not fraction.isdigit()) \
            or len(integer.lstrip("0") or "0") > t.max_digits:
        return None
    base = Decimal(head)
    return base * multiplier if base else None


def _parse_chinese_point(text: str, t: _Tables) -> Decimal:
    """十七点四 = 17.4; 三点五亿 = 3.5 × 10^8: the digits after 点 are read one by one,
    and the multipliers that end the number scale the whole."""
    head, _, tail = text.partition(t.chinese_point)
    bigs = _big_suffix(tail)
    fraction = tail[:len(tail) - len(bigs)]
    if not head or not fraction or any(ch not in t.digits for ch in fraction) or any(
            ch in t.big for ch in head):
        raise NumberError(f"malformed decimal {text!r}")
    value = _parse_integer_part(head, t) + Decimal("0." + "".join(str(t.digits[ch]) for ch in fraction))
    for ch in bigs:
        value *= t.big[ch]
    return value


def _parse_integer_part(text: str, t: _Tables) -> Decimal:
    tokens = _token_re().findall(text)
    # 二〇一九: digit by digit, no multipliers.
    if len(tokens) > 1 and all(tok in t.digits for tok in tokens):
        return Decimal("".join(str(t.digits[tok]) for tok in tokens))
    total = section = Decimal(0)
    cur: Optional[Decimal] = None
    last_multiplier = 0    # the multiplier just before a trailing lone digit (一万五)
    seen_any = False
    for tok in tokens:
        if tok[0].isdigit():
            if cur is not None:
                raise NumberError(f"two numbers in a row in {text!r}")
            cur = _arabic(tok, t)
            last_multiplier = last_multiplier if len(tok) == 1 else 0
        elif tok in t.digits:
            d = t.digits[tok]
            if d == 0 and cur is None and (section or total):
                last_multiplier = 0
                continue  # place-holder zero: 一千零五
            if cur is not None:
                raise NumberError(f"two digits in a row in {text!r}")
            cur = Decimal(d)
        elif tok in t.small:
            section += (Decimal(1) if cur is None else cur) * t.small[tok]
            cur, last_multiplier = None, t.small[tok]
        elif tok in t.big:
            base = section + (cur or 0)
            if base == 0 and not total:
                raise NumberError(f"multiplier without a number in {text!r}")
            if t.big[tok] > 10000:
                total = (total + base) * t.big[tok]
            else:
                total += (base or 1) * t.big[tok]
            section, cur, last_multiplier = Decimal(0), None, t.big[tok]
        else:
            raise NumberError(f"unexpected {tok!r} in {text!r}")
        seen_any = True
    if not seen_any:
        raise NumberError(f"no number in {text!r}")
    if cur is not None and last_multiplier >= 100 and cur < 10:
        cur *= Decimal(last_multiplier) / 10   # 一万五 = 15000, 三百五 = 350: the next place down
    return total + section + (cur or 0)


@cache
def _cn_range_re() -> regex.Pattern:
    # 二三十万, 四五万, 两三百, 七八: two consecutive digits then the shared multipliers.
    t = tables()
    return plain_pattern(r"([一二两三四五六七八九])([二三四五六七八九])([" + regex.escape(
        "".join(t.small) + "".join(t.big)) + r"]*)")


@lru_cache(maxsize=256)
def parse_values(body: str) -> tuple[Decimal, ...]:
    """A number body (no qualifier words) → one value, or two for 二三十万-style ranges.
    Remembered for the last 256 bodies: the money and figures stages read the same numbers
    of an article, each with its own pattern (half the calls on real news are repeats; an
    article reads at most ~40 distinct bodies, and a batch cycles through far more than
    256, so a repeated benchmark round finds nothing left)."""
    t = tables()
    m = _cn_range_re().fullmatch(body)
    if m:
        a, b, rest = t.digits[m[1]], t.digits[m[2]], m[3]
        if b == a + 1:
            return (parse_number(m[1] + rest), parse_number(m[2] + rest))
    return (parse_number(body),)


@quick_frozen
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


class QuantityGate:
    """Where a quantity of :func:`quantity_pattern` with these unit strings can start in a
    text, found without running the grammar.

    The gate is a necessary condition for a match (its unit alternatives without their
    guards): a numeral right before a unit, an infix and one space allowed between (3户,
    20余人, 5 %), or a multiplier anywhere (万人, 近万, 3.5亿: every form with one, bare or
    not). A number run can only end on a numeral, so every match holds a gate hit, and the
    characters of the match before that hit are number characters (numerals, marks,
    separators, spaces, infixes, 个), after at most a prefix word. So no match starts
    before the run of number characters that ends at the first gate hit, less the longest
    prefix; with no gate hit there is none at all. Most poverty-cue sentences hold no count
    (on real news the gate finds nothing in 2,920 of the 2,927 that have none), and where
    one does, the prose before it is not tried. The standard ``re`` finds the gate at a
    fraction of the grammar's cost."""

    def __init__(self, units: Iterable[str]) -> None:
        t = tables()
        numerals = re.escape("0123456789" + t.numerals)
        infix = "|".join(re.escape(w) for w in sorted(t.infix, key=len, reverse=True))
        unit_re = "|".join(re.escape(u) for u in sorted(set(units), key=len, reverse=True) if u)
        big = re.escape("".join(t.big))
        # `[numerals](?:infix)? ?(?:units)|[big]`, written to open with one character class
        # (each branch after a look back at the class it opened with: the same matches): the
        # standard ``re`` then skips to that class's characters over the text instead of
        # trying both branches at every position (a real-news sentence's search in 0.65× the time)
        self.pattern = re.compile(rf"[{numerals}{big}](?:(?<=[{numerals}])(?:{infix})? ?(?:{unit_re})|(?<=[{big}]))")
        self.number_chars = frozenset(
            "0123456789 " + t.numerals + t.decimal_points + t.thousands_separators + t.space_groups
            + t.chinese_point + "个" + "".join(t.infix) + "".join(t.separators))
        self.prefix_max = max(map(len, (*t.prefix, *t.bare_prefix)), default=0)

    def first_start(self, text: str, start: int, end: int) -> Optional[int]:
        """The first position of text[start:end] where a quantity can start; None when the
        span holds none. (Linear: one search and a walk back over one run.)"""
        hit = self.pattern.search(text, start, end)
        if hit is None:
            return None
        i = hit.start()
        chars = self.number_chars
        while i > start and text[i - 1] in chars:
            i -= 1
        return max(start, i - self.prefix_max)


def quantity_pattern(units: str, *, unit_guard: str = "") -> Union[re.Pattern, regex.Pattern]:
    """Compile the quantity grammar for a unit alternation (a regex, e.g. ``元|美元``), by the
    standard ``re`` when it reads the units (:func:`plain_pattern`: a lookbehind of two widths
    there is written as two lookbehinds, ``(?:(?<=万)|(?<=万余))``).

    ``unit_guard`` is a regex appended after the unit (a negative lookahead, say) that
    keeps words such as 元旦 or 一块地 out.
    """
    t = tables()
    num = regex.escape(t.numerals)
    digits = regex.escape("".join(t.digits))
    bigs = regex.escape("".join(t.big))
    points, groups = regex.escape(t.decimal_points), regex.escape(t.thousands_separators)
    marks = points + groups
    point = regex.escape(t.chinese_point)
    # A run of numerals: starts with a digit or numeral; separators only between digits
    # (a run like 3..5 or 18，20 is kept whole so that it is rejected rather than
    # half-read); 点 only between Chinese numerals (十七点四).
    # A space groups digits only before exactly three more (9 899 万).
    # (the lookbehinds of two widths written as two lookbehinds, so that the standard re reads the
    # grammar: on re a cue sentence's scan costs half of regex's, the same matches)
    run = (rf"(?:{first_digit()}|[{num}])(?:[0-9{num}]|[{marks}](?:(?<=[0-9][{marks}])|(?<=[.,]))(?=[0-9{marks}])"
           rf"|{space_group_run()}|(?<=[{num}]){point}(?=[{digits}]))*")
    infix = alternation(t.infix)
    # One space may stand between a number and its multiplier or unit (新台币 177.1 亿元).
    body = rf"{run}(?: ?(?:{infix})?个?[{bigs}]{{1,2}})?"
    sep = alternation(t.separators)
    vague = regex.escape("".join(t.vague_before))
    vague_mult = alternation(t.vague_before_multiplier)
    # Every match starts with a prefix word or a numeral: looking at that one character
    # first lets the search skip the other positions without trying the lookbehinds and
    # alternations there (4× faster on news sentences; same matches).
    first = regex.escape("".join(sorted(set("0123456789" + t.numerals)
                                        | {w[0] for w in t.prefix} | {w[0] for w in t.bare_prefix})))
    mults = regex.escape("".join(t.small) + "".join(t.big))
    # A range's start is a body and a separator: a body is a run of these characters, and
    # a separator none of them opens, so the start is tried only where such a run ends on a
    # separator's first character. Without the look, every number that is no range start
    # (nearly all) was read as one first, then backed off character by character to look
    # for a separator after each shorter run: two thirds of a match's cost (same matches).
    body_chars = regex.escape("".join(sorted(set(
        "0123456789 " + t.numerals + t.decimal_points + t.thousands_separators + t.space_groups
        + t.chinese_point + "个" + "".join(t.infix) + "".join(t.big)))))
    sep_openings = regex.escape("".join(sorted({s[0] for s in t.separators})))
    pattern = (
        rf"(?=[{first}])"
        rf"(?<![0-9{points}{num}{vague}])(?<![0-9][{groups}])(?<![{num}]{point})"
        rf"(?<!{vague_mult}(?=[{num}]))"
        rf"(?:(?P<pre>{alternation(t.prefix)})|(?P<bare>{alternation(t.bare_prefix)})(?=[{mults}]))?"
        rf"(?:(?=[{body_chars}]+[{sep_openings}])(?P<first>{body})(?P<sep>{sep}))?"
        rf"(?P<num>{body})(?P<inf>{infix})? ?"
        rf"(?P<unit>{units}){unit_guard}"
        rf"(?P<post>{alternation(t.suffix)})?"
    )
    return plain_pattern(pattern)


@lru_cache(maxsize=256)
def _strip_body(body: str) -> tuple[str, str]:
    """Remove 余/多 (and the other infixes) and the 个 of 两个亿 from a body; say which infix
    was there ("" for none: 十来万 → 来, approx; 490余万 → 余, over). Remembered for the last
    256 bodies, as :func:`parse_values` (money and figures strip the same numbers)."""
    t = tables()
    had = ""
    for w in t.infix:
        if w in body:
            had = had or w
            body = body.replace(w, "")
    return ungroup_spaces(body.replace("个", "")), had


def _big_suffix(body: str) -> str:
    t = tables()
    i = len(body)
    while i > 0 and body[i - 1] in t.big:
        i -= 1
    return body[i:]


def _range_start(first_body: str, end_body: str) -> tuple[Decimal, ...]:
    """The start of a range whose end has a multiplier the start lacks: 3—5万 shares 万
    (3 ≤ 5), 8500到3万 does not (8500 > 3 but below 30000). A start that fits neither
    reading (50000到3万) is unreadable."""
    first = parse_values(first_body)
    shared = _big_suffix(end_body)
    if not shared or _big_suffix(first_body):
        return first
    end_bare = parse_values(end_body[:-len(shared)])[0]
    if max(first) <= end_bare:
        return parse_values(first_body + shared)
    if max(first) < parse_values(end_body)[0]:
        return first
    raise NumberError(f"range start {first_body!r} does not fit the end {end_body!r}")


#: A mantissa and exponent mark right before a number (1e400, 2.5E+8).
_SCIENTIFIC = regex.compile(r"[0-9][eE][+\-]?$")


#: The groups :func:`scan` reads, in this order.
_SCAN_GROUPS = ("pre", "bare", "post", "num", "inf", "first", "unit")


@memo_by_identity()
def _scan_groups(pattern: Union[re.Pattern, regex.Pattern]) -> Callable[[tuple], tuple]:
    """The getter of ``_SCAN_GROUPS`` from a quantity pattern's ``m.groups()``: read by
    number at once, not by name one lookup each (a named lookup costs as much as the rest
    of a match's bookkeeping). Remembered by the pattern's identity, not its hash: ≈ 1,800
    calls a real-news pass, each hash of the quantity grammar ≈ 17–21 µs."""
    return itemgetter(*(pattern.groupindex[name] - 1 for name in _SCAN_GROUPS))


def scan(text: str, pattern: regex.Pattern, start: int = 0,
         end: Optional[int] = None) -> Iterator[Union[Quantity, Rejected]]:
    """Every quantity of ``pattern`` in ``text[start:end]``, in order."""
    t = tables()
    groups_of = _scan_groups(pattern)
    # spans by group number: a lookup by name costs ≈ 3× as much, once a match
    num_group, first_group = pattern.groupindex["num"], pattern.groupindex["first"]
    for m in pattern.finditer(text, start, len(text) if end is None else end):
        start = m.start()
        # an exponent ends with e/E or its sign right before the number: look only then
        sci = start and text[start - 1] in "eE+-" and _SCIENTIFIC.search(text, max(0, start - 3), start)
        if sci:   # 1e400万元: the 400 is an exponent; never read it as an amount
            yield Rejected(sci.start(), m.end(), text[sci.start():m.end()],
                           "scientific notation is not read")
            continue
        pre, bare, post, num, inf, first, unit = groups_of(m.groups())
        qualifier = None
        if pre:
            qualifier = t.prefix[pre]
        elif bare:
            qualifier = t.bare_prefix[bare]
        elif post:
            qualifier = t.suffix[post]
        body, had_infix = _strip_body(num)
        if inf or had_infix:
            qualifier = qualifier or t.infix.get(inf or had_infix, "over")
        try:
            if (pre or bare or post or inf) and not first and body and all(ch in t.big for ch in body):
                # 近万元, 上亿元, 过万亿元, 亿元以上, 万把块钱: the value of the multipliers alone (万亿 = 10^12)
                values = (tidy_decimal(math.prod((Decimal(t.big[ch]) for ch in body), start=Decimal(1))),)
            else:
                values = parse_values(body)
            if len(values) == 2 and qualifier is None:
                qualifier = "approx"   # 二三十万: "twenty or thirty ten-thousands"
            spans = [(m.start(num_group), m.end())] * len(values)
            if first:
                first_values = _range_start(_strip_body(first)[0], body)
                values = first_values + values
                spans = [m.span(first_group)] * len(first_values) + spans
        except (NumberError, ArithmeticError) as err:   # Decimal overflow too
            yield Rejected(start, m.end(), m.group(), str(err))
            continue
        yield Quantity(start, m.end(), m.group(), tuple(values), qualifier, unit, tuple(spans))


#: The word every percentage in words holds (百分之五): where it does not stand,
#: :func:`scan_percent_words` finds nothing.
PERCENT_WORD = "百分之"


@cache
def _percent_word_re() -> regex.Pattern:
    t = tables()
    num = regex.escape(t.numerals)
    # 点 only between numerals, as in the other Chinese numbers (百分之十点二 = 10.2)
    return regex.compile(rf"(?P<pre>{alternation(t.prefix)})?{PERCENT_WORD}(?P<num>[0-9.{num}]+(?:点[{num}]+)?)")


def scan_percent_words(text: str, start: int = 0,
                       end: Optional[int] = None) -> Iterator[Union[Quantity, Rejected]]:
    """百分之五, 百分之三十五点五: 百分之 + numerals (with 点 between numerals) → unit %."""
    end = len(text) if end is None else end
    if text.find(PERCENT_WORD, start, end) < 0:
        return   # nearly every text: no pattern run
    t = tables()
    for m in _percent_word_re().finditer(text, start, end):
        try:
            value = parse_number(m["num"])
        except (NumberError, ArithmeticError) as err:   # Decimal overflow too
            yield Rejected(m.start(), m.end(), m.group(), str(err))
            continue
        q = t.prefix[m["pre"]] if m["pre"] else None
        yield Quantity(m.start(), m.end(), m.group(), (value,), q, "%",
                       ((m.start("num") - 3, m.end()),))
