"""Normalisation: bytes or scraped text → clean simplified text with an offset map.

Steps, in order (each reports its edits so spans map back to the decoded input):

1. decode      bytes → str (BOMs, UTF-8, GB18030/GBK, Big5; U+FFFD + warning on damage)
2. markup      HTML tags, script/style blocks, entities, document-conversion leftovers
3. pinyin      converter notes after a Han character: 實現(xiàn) → 實現
4. mojibake    GBK one-byte-shift runs: 當?shù)馗刹? → 當地干部; punctuation shift: 好?!皻g迎 → 好?“歡迎
5. lines       line breaks inside a sentence joined; paragraph breaks kept
6. width       full-width digits/letters/spaces → ASCII; indentation removed; spaced
               two-character words joined (记者 李光泽 龙 璐 → 龙璐)
7. script      variant forms t2s leaves (陜 → 陕), then OpenCC t2s, only when the text has traditional characters

The tables behind every step live in ``rules/normalize.yaml``.
"""
from __future__ import annotations

import codecs
from bisect import bisect_left
import html
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, partial
from typing import Callable, Iterator

import regex

from .offsets import Edit, OffsetMap, Rewriter, StepMap
from ..frozen import cached_property
from ..rules import jieba_dictionary, load_tsv, load_yaml, plain_pattern, words_pattern

#: The repair kinds SPEC.md names; every record reports all of them.
REPAIR_KINDS = ("pinyin_annotations", "html_entities", "mojibake_runs", "joined_lines",
                "markup_removed")


class InputError(ValueError):
    """Input that cannot be read as an article at all (binary data, wrong type)."""

    kind = "input"


@dataclass(frozen=True)
class Repair:
    """One repair: ``kind`` at ``source_span`` of the decoded input, and what it became."""

    kind: str
    source_span: tuple[int, int]
    original: str
    replacement: str


@dataclass
class Normalized:
    text: str                       # the clean simplified text
    source: str                     # the decoded input that source spans index
    offsets: OffsetMap
    repairs: list[Repair] = field(default_factory=list)
    script: str = "simplified"      # simplified | traditional | mixed
    encoding: str = "utf-8"
    warnings: list[str] = field(default_factory=list)
    #: how to read :attr:`edits`, step by step (each with the offsets of the steps before it)
    edit_readers: list[Callable[[], list[Repair]]] = field(default_factory=list, repr=False,
                                                          compare=False)

    @cached_property
    def edits(self) -> list[Repair]:
        """Every other edit (indentation, width, script, line breaks), kind = the step's
        name. Read when first asked for: only ``fupin normalize --explain`` asks, and a
        scraped page has one per indented line (5,755 on the real-news corpus, each mapped
        back through the steps before it)."""
        return [r for read in self.edit_readers for r in read()]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        return self.offsets.to_source(start, end)

    def repair_counts(self) -> dict[str, int]:
        counts = dict.fromkeys(REPAIR_KINDS, 0)
        for r in self.repairs:
            counts[r.kind] = counts.get(r.kind, 0) + 1
        return counts


# ---------------------------------------------------------------------------- decode

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
         (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
_CONTROL = regex.compile(r"[\x00-\x08\x0e-\x1f]")
_HAN = plain_pattern(r"\p{Han}")


def decode(data: bytes) -> tuple[str, str, list[str]]:
    """Decode bytes, detecting the encoding. Returns (text, encoding, warnings)."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise InputError(f"expected bytes or str, got {type(data).__name__}")
    data = bytes(data)
    for bom, enc in _BOMS:
        if data.startswith(bom):
            if enc == "utf-8-sig":
                return _decode_utf8_bom(data)
            return _decode_lossy(data, enc)
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    try:
        return _check_binary(data.decode("utf-8"), "utf-8", [])
    except UnicodeDecodeError:
        pass
    # UTF-8 with a few bad bytes (a truncated file, one damaged character) stays UTF-8:
    # GBK read as UTF-8 fails on nearly every character, not on one or two.
    lossy = data.decode("utf-8", errors="replace")
    bad_utf8 = lossy.count("\ufffd")
    if bad_utf8 <= max(1, len(lossy) // 1000):
        return _decode_lossy(data, "utf-8")
    candidates = []
    for enc in ("gb18030", "big5"):
        try:
            candidates.append((data.decode(enc), enc))
        except UnicodeDecodeError:
            pass
    if len(candidates) == 2:  # both decode: the one that reads as more common Chinese wins
        candidates.sort(key=lambda c: -_common_han_share(c[0]))
    if candidates:
        return _check_binary(candidates[0][0], candidates[0][1], [])
    # Nothing decodes cleanly: lines of UTF-8 and lines of GBK mixed (a file appended to
    # by two programs), else damaged UTF-8 or damaged GBK, whichever reads better.
    mixed = _decode_lines(data, bad_utf8)
    if mixed is not None:
        return mixed
    if bad_utf8 < len(lossy) / 2:
        return _decode_lossy(data, "utf-8")
    return _decode_lossy(data, "gb18030")


def _utf16_without_bom(data: bytes):
    """UTF-16 without a byte-order mark: NUL bytes on one side (ASCII), or a strict
    decoding that reads as text (common Chinese, ASCII, punctuation). None otherwise."""
    if len(data) < 2 or len(data) % 2:
        return None
    sample = data[:20000]
    nul_even, nul_odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    orders = []
    if nul_odd > 0.2 * half and nul_even < 0.02 * half:
        orders.append("utf-16-le")
    elif nul_even > 0.2 * half and nul_odd < 0.02 * half:
        orders.append("utf-16-be")
    elif not nul_even and not nul_odd:
        orders = ["utf-16-le", "utf-16-be"]
    for enc in orders:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        # GBK read as UTF-16 gives rare, private-use and unassigned characters: a
        # reading with at least half plausible characters and none of those is UTF-16.
        if not _IMPLAUSIBLE.search(text[:10000]) and _plausible_share(text) >= 0.5:
            return _check_binary(text, "utf-16", [f"decode: read as {enc} (no byte-order mark)"])
    return None


_IMPLAUSIBLE = regex.compile(r"[\x00-\x08\x0e-\x1f\p{Co}\p{Cn}\p{Cs}]")
_PLAIN = regex.compile(r"[\x20-\x7e\s\p{P}]")


def _plausible_share(text: str) -> float:
    """Share of characters that are common Chinese, ASCII, white space or punctuation."""
    sample = text[:10000]
    if not sample:
        return 0.0
    common = _common_han()
    return sum(ch in common or bool(_PLAIN.match(ch)) for ch in sample) / len(sample)


def _decode_utf8_bom(data: bytes):
    """A UTF-8 BOM, normally before UTF-8; when the body is not UTF-8 (a GBK body after
    a BOM some editor added), the body is decoded on its own."""
    body = data[len(codecs.BOM_UTF8):]
    try:
        return _check_binary(body.decode("utf-8"), "utf-8", [])
    except UnicodeDecodeError:
        pass
    bad = body.decode("utf-8", errors="replace").count("\ufffd")
    if bad <= max(1, len(body) // 3000):
        return _decode_lossy(data, "utf-8-sig")
    text, enc, warnings = decode(body)
    return text, enc, [f"decode: a UTF-8 byte-order mark before a {enc} body", *warnings]


def _decode_lines(data: bytes, bad_whole: int):
    """Each line in UTF-8 when it is UTF-8, else GB18030: used when that leaves fewer
    undecodable bytes than reading the whole file one way. None when it does not help."""
    lines = data.split(b"\n")
    out, gbk_lines, bad = [], 0, 0
    for line in lines:
        try:
            out.append(line.decode("utf-8"))
            continue
        except UnicodeDecodeError:
            pass
        try:
            out.append(line.decode("gb18030"))
            gbk_lines += 1
        except UnicodeDecodeError:
            text = line.decode("utf-8", errors="replace")
            bad += text.count("\ufffd")
            out.append(text)
    if not gbk_lines or gbk_lines == len(lines) or bad >= bad_whole:
        return None
    warnings = [f"decode: UTF-8 and GBK mixed; read line by line ({gbk_lines} of {len(lines)} "
                "lines as GB18030)"]
    if bad:
        warnings.append(f"decode: {bad} undecodable byte sequence(s) replaced by U+FFFD")
    return _check_binary("\n".join(out), "utf-8+gb18030", warnings)


def _decode_lossy(data: bytes, enc: str) -> tuple[str, str, list[str]]:
    text = data.decode(enc, errors="replace")
    warnings = []
    bad = text.count("\ufffd")
    if bad:
        warnings.append(f"decode: {bad} undecodable byte sequence(s) in {enc} replaced by U+FFFD")
    return _check_binary(text, enc.replace("-sig", ""), warnings)


def _check_binary(text: str, enc: str, warnings: list[str]):
    sample = text[:65536]
    if sample and (sample.count("\x00") + len(_CONTROL.findall(sample))) > 0.05 * len(sample):
        raise InputError("input looks like binary data, not text")
    return text, enc, warnings


@cache
def _han_frequency() -> dict[str, int]:
    """Each character's summed word frequency in jieba's dictionary."""
    from collections import Counter
    counts: Counter = Counter()
    for word, freq, _tag in jieba_dictionary():
        for ch in word:
            counts[ch] += freq
    return counts


@cache
def _common_han() -> frozenset[str]:
    # The 1,000 most frequent characters of jieba's dictionary stand for "common Chinese".
    return frozenset(ch for ch, _ in _han_frequency().most_common(1000))


def _common_han_share(text: str) -> float:
    han = _HAN.findall(text[:20000])
    if not han:
        return 0.0
    common = _common_han()
    return sum(ch in common for ch in han) / len(han)


# --------------------------------------------------------------------------- the rules

@dataclass(frozen=True)
class _Rules:
    html_hint: regex.Pattern
    block_open: regex.Pattern
    block_close: regex.Pattern
    tag: regex.Pattern
    block_tags: frozenset
    entity: regex.Pattern
    leftovers: regex.Pattern
    pinyin_note: regex.Pattern
    tone_marks: regex.Pattern
    neutral: frozenset
    toneless_syllable: regex.Pattern
    toneless_min_notes: int
    mojibake: tuple
    mojibake_window: int
    punctuation_shift: bool
    punctuation_shift_run: re.Pattern  # a mark, the run after it, its ASCII trail or a "?"
    punctuation_shift_alone: str
    punctuation_shift_marks: str
    punctuation_shift_min_frequency: int
    punctuation_shift_quotes: str
    pinyin_shift: bool
    pinyin_shift_note: re.Pattern      # "?" and a converter's note: ?yōu)
    pinyin_shift_before: regex.Pattern  # the character before it, and its own note: 變, 當(dāng)
    pinyin_shift_table: str
    pinyin_shift_min_frequency: int
    swallowed_entity: regex.Pattern
    swallowed_tag: regex.Pattern
    swallowed_pinyin: regex.Pattern
    line_break: re.Pattern   # from a line break on: it and the breaks and spaces after it
    line_space: str          # spaces that join a line break (before it, on the line's end)
    sentence_final: str
    closing_marks: str
    cannot_end: str
    cannot_start: str
    unit_after_digit: str
    word_window: int
    min_cut_word: int
    caption_marks: str
    width: regex.Pattern  # indentation/trailing spaces (group "indent") or one wide char
    width_start: re.Pattern  # a character a width match starts with (the standard re: see _width)
    simplified_also: frozenset
    traditional_share: float
    variants: dict          # str.translate table: variant forms t2s leaves → simplified
    variant_found: re.Pattern
    spaced_words: bool      # the switch of spaced_word_joins
    spaced_word_cues: tuple  # byline words a spaced name follows directly (记者王 琼)
    space_chars: str        # the width step's spaces (ASCII and width_spaces), read across by spaced_word_joins


@cache
def _rules() -> _Rules:
    # Long on purpose: one keyword a table of rules/normalize.yaml, each compiled once here.
    r = load_yaml("normalize.yaml")
    letters = r["pinyin_letters"]
    syllable = f"[{letters}]{{1,{int(r['pinyin_syllable_max'])}}}"   # one pinyin syllable
    drop = "|".join(r["drop_elements"])
    wide_spaces, dropped = r["width_spaces"], r["width_dropped"]   # no class metacharacters
    # the width step's two character classes (spaces; full-width digits and letters, dropped
    # marks), one source for its pattern and for the standard re's skip to where a match starts
    width_spaces = " \t" + wide_spaces      # characters, not escapes: the class reads them, and so does `in`
    width_chars = rf"\uff10-\uff19\uff21-\uff3a\uff41-\uff5a{dropped}"
    return _Rules(
        html_hint=regex.compile(rf"</?(?:{'|'.join(r['html_hint_tags'])})\b[^<>]{{0,500}}>", regex.I),
        block_open=regex.compile(rf"<({drop})\b|<!--|<!\[CDATA\[", regex.I),
        block_close=regex.compile(rf"</({drop})\s*>", regex.I),
        tag=regex.compile(r"</?([a-zA-Z][a-zA-Z0-9]{0,15})\b[^<>]{0,1000}>|<!DOCTYPE[^>]*>", regex.I),
        block_tags=frozenset(r["block_tags"]),
        entity=regex.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});"),
        leftovers=regex.compile("|".join(f"(?:{p})" for p in r["markup_leftovers"])),
        pinyin_note=regex.compile(rf"(?<=\p{{Han}})[(（]({syllable})[)）]"),
        tone_marks=regex.compile(f"[{r['tone_marks']}]"),
        neutral=frozenset(r["neutral_syllables"]),
        toneless_syllable=regex.compile(r["toneless_syllable"]),
        toneless_min_notes=int(r["toneless_min_notes"]),
        mojibake=tuple((regex.compile(t["pattern"]), int(t["lead_byte"])) for t in r["mojibake_triggers"]),
        mojibake_window=int(r["mojibake_window"]),
        punctuation_shift=bool(r["punctuation_shift"]),
        # a mark; the run read one byte off (no ASCII, no break); then the ASCII trail byte
        # that put the decoder back in step (not a Latin word's first letter), or the "?"
        # of a trail byte lost before ASCII
        punctuation_shift_run=re.compile(
            rf"[{re.escape(r['punctuation_shift_marks'])}]([^\x00-\x7f]{{0,{int(r['punctuation_shift_max_run'])}}}+)"
            r"(?:([\x40-\x7e])(?![0-9A-Za-z])|(?=\?))"),
        punctuation_shift_alone=r["punctuation_shift_alone"],
        punctuation_shift_marks=r["punctuation_shift_marks"],
        punctuation_shift_min_frequency=int(r["punctuation_shift_min_frequency"]),
        punctuation_shift_quotes=r["punctuation_shift_quotes"],
        pinyin_shift=bool(r["pinyin_shift"]),
        pinyin_shift_note=re.compile(rf"\?({syllable})\)"),
        pinyin_shift_before=regex.compile(rf"(\p{{Han}})(?:\({syllable}\))?\Z"),
        pinyin_shift_table=r["pinyin_shift_table"],
        pinyin_shift_min_frequency=int(r["pinyin_shift_min_frequency"]),
        swallowed_entity=regex.compile(rf"(?:{'|'.join(r['swallowed_entities'])}|#\d{{1,7}});"),
        swallowed_tag=regex.compile(r"/?([a-zA-Z][a-zA-Z0-9]{0,15})\b[^<>\n]{0,200}>"),
        swallowed_pinyin=regex.compile(rf"{syllable}\)"),
        line_break=re.compile(r"(?:\r?\n[ \t\u3000\u00a0]*)+"),
        line_space=" \t\u3000\u00a0",
        sentence_final=r["sentence_final"],
        closing_marks=r["closing_marks"],
        cannot_end=r["cannot_end_line"],
        cannot_start=r["cannot_start_line"],
        unit_after_digit=r["unit_after_digit"],
        word_window=int(r["word_window"]),
        min_cut_word=int(r["min_cut_word"]),
        caption_marks=r["caption_marks"],
        width=regex.compile(
            # A run of spaces (group "space") or one wide or dropped character. A run is
            # matched whole, once; whether it indents or ends a line is checked in code
            # (a pattern asking "[ ]+$" at every space of a run is quadratic in its length).
            rf"(?P<space>[{width_spaces}]+)|[{width_chars}]"),
        width_start=re.compile(rf"[{width_spaces}{width_chars}]"),   # the same two classes
        simplified_also=frozenset(r["simplified_also"]),
        traditional_share=float(r["traditional_share"]),
        variants=str.maketrans(r["variant_characters"]),
        variant_found=re.compile(f"[{re.escape(''.join(r['variant_characters']))}]"),
        spaced_words=bool(r["spaced_words"]),
        spaced_word_cues=tuple(r["spaced_word_cues"]),
        space_chars=width_spaces,
    )


# ------------------------------------------------------------------------------ steps

def _dropped_blocks(text: str, rules: _Rules) -> Iterator[tuple[int, int]]:
    """Every element whose content is dropped (``<script …>…</script>``), comment
    (``<!--…-->``) and CDATA section (``<![CDATA[…]]>``, a bogus comment in HTML), as
    ``<(script|…)\\b[^>]*>.*?</\\1\\s*>|<!--.*?-->`` would find them, in linear time.

    Each opener looks up the first ``>`` and the first closer after it in position lists
    built once, instead of scanning the rest of the text: 100,000 unclosed ``<script>``
    or ``<!--`` would otherwise be read to the end 100,000 times."""
    gts = [m.start() for m in regex.finditer(">", text)]
    comment_ends = [m.start() for m in regex.finditer("(?=-->)", text)]
    cdata_ends = [m.start() for m in regex.finditer(r"(?=\]\]>)", text)]
    closers: dict[str, list[tuple[int, int]]] = {}
    for m in rules.block_close.finditer(text):
        closers.setdefault(m.group(1).lower(), []).append((m.start(), m.end()))
    pos = 0
    while True:
        m = rules.block_open.search(text, pos)
        if m is None:
            return
        start = m.start()
        end = None
        if m.group(1):
            i = bisect_left(gts, m.end())
            ends = closers.get(m.group(1).lower(), [])
            j = bisect_left(ends, (gts[i] + 1, 0)) if i < len(gts) else len(ends)
            if j < len(ends):
                end = ends[j][1]
        else:
            marks, length = (comment_ends, 3) if m.group() == "<!--" else (cdata_ends, 3)
            j = bisect_left(marks, m.end())
            if j < len(marks):
                end = marks[j] + length
        if end is None:
            pos = start + 1
        else:
            yield start, end
            pos = end


def _markup(text: str, rules: _Rules, warnings: list[str]) -> tuple[str, StepMap]:
    rw = Rewriter(text)
    is_html = bool(rules.html_hint.search(text)) or "<![CDATA[" in text
    if is_html:
        spans = []
        for start, end in _dropped_blocks(text, rules):
            spans.append((start, end, "", "markup_removed"))
        # Every tag ends in ">": not scanning past the last one keeps an unclosed
        # <!DOCTYPE from being read to the end of the text, once per occurrence.
        for m in rules.tag.finditer(text, 0, text.rfind(">") + 1):
            name = (m.group(1) or "").lower()
            new = "\n" if name in rules.block_tags else ""
            spans.append((m.start(), m.end(), new, "markup_removed"))
    else:
        spans = []
    for m in rules.leftovers.finditer(text):
        spans.append((m.start(), m.end(), "", "markup_removed"))
    for m in rules.entity.finditer(text):
        new = html.unescape(m.group())
        if new == m.group():
            continue  # not an entity html knows: leave it
        spans.append((m.start(), m.end(), new.replace("\xa0", " "), "html_entities"))
    spans.sort(key=lambda s: (s[0], -s[1]))  # an enclosing block before its inner tags
    pos = 0
    for start, end, new, kind in spans:
        if start < pos:  # inside a dropped block
            continue
        rw.replace(start, end, new, kind)
        pos = end
    return rw.finish()


def _pinyin(text: str, rules: _Rules) -> tuple[str, StepMap]:
    rw = Rewriter(text)
    # each note with whether it is a reading without tone marks, asked once
    notes = [(m, bool(rules.toneless_syllable.fullmatch(m.group(1))))
             for m in rules.pinyin_note.finditer(text)]
    # a page that annotates its characters writes readings without tone marks (泸(lu)溪(xi)县)
    toneless_page = sum(toneless for _, toneless in notes) >= rules.toneless_min_notes
    for m, toneless in notes:
        syllable = m.group(1)
        if rules.tone_marks.search(syllable) or syllable in rules.neutral \
                or (toneless_page and toneless):
            rw.replace(m.start(), m.end(), "", "pinyin_annotations")
    return rw.finish()


def _mojibake(text: str, rules: _Rules, warnings: list[str]) -> tuple[str, StepMap]:
    found = sorted(((m, lead) for pattern, lead in rules.mojibake for m in pattern.finditer(text)),
                   key=lambda ml: ml[0].start())
    # (start, end, repair, 0 for a trigger's run | 1 for a note's, what its repair warns)
    runs: list[tuple[int, int, str, int, list[str]]] = []
    lost, pos = 0, 0
    for m, lead in found:
        if m.start() < pos:
            continue
        heard: list[str] = []
        pos, repaired, _ = _shifted_run(text, m.end(), lead, rules, heard)
        lost += repaired.count("\ufffd")
        runs.append((m.start(), pos, repaired.replace("\ufffd", ""), 0, heard))
    # A clean text pays a str `in` (real news writes ？, and notes are rare).
    if rules.pinyin_shift and "?" in text:
        runs = sorted(runs + [(*run, 1, heard) for *run, heard in _pinyin_shift_runs(text, rules)],
                      key=lambda run: run[:2] + (run[3],))
    rw = Rewriter(text)
    for start, end, repaired, _, heard in runs:
        if start >= rw.pos:   # a trigger's run and a note's run can cover the same damage
            rw.replace(start, end, repaired, "mojibake_runs")
            warnings.extend(heard)
    if lost:
        warnings.append(f"mojibake: {lost} character(s) could not be recovered and were dropped")
    return rw.finish()


def _shifted_run(text: str, start: int, lead: int, rules: _Rules,
                 warnings: list[str]) -> tuple[int, str, bool]:
    """The run from ``start`` decoded one byte late, whose lost lead byte is ``lead``: where
    its damage ends, what it was (U+FFFD for a character that cannot be recovered), and
    whether it ends at the "?" of a character lost with the byte after it."""
    window_end = start
    encoded = bytearray([lead])
    limit = min(len(text), start + rules.mojibake_window)
    while window_end < limit and text[window_end] != "\n":
        try:
            encoded += text[window_end].encode("gbk")
        except UnicodeEncodeError:
            break
        window_end += 1
    window = text[start:window_end]
    decoded = bytes(encoded).decode("gbk", errors="replace")
    # The shifted decoding re-synchronises: from there on it equals the input.
    common = 0
    while (common < len(window) and common < len(decoded)
           and window[-1 - common] == decoded[-1 - common]):
        common += 1
    damaged_end = window_end - common
    repaired = decoded[: len(decoded) - common]
    # A "?" right after the run is where the first wrong decoding gave up: the
    # character whose trail byte it ate is lost (U+FFFD here), and so is the ASCII
    # byte after it; what that byte was shows in the text that follows.
    at_mark = repaired.endswith("\ufffd") and text.startswith("?", damaged_end)
    if at_mark:
        lost_lead = (bytes([lead]) + text[start:damaged_end].encode("gbk"))[-1]
        damaged_end += 1
        rest = text[damaged_end:]
        swallowed = (rules.swallowed_entity.match(rest) or rules.swallowed_tag.match(rest)
                     or rules.swallowed_pinyin.match(rest))
        if swallowed and swallowed.re is rules.swallowed_entity:
            repaired += html.unescape("&" + swallowed.group())
            damaged_end += len(swallowed.group())
        elif swallowed and swallowed.re is rules.swallowed_tag:
            name = swallowed.group(1).lower()
            repaired += "\n" if name in rules.block_tags else ""
            damaged_end += len(swallowed.group())
        elif swallowed:  # the "(" of a pinyin note: the note names the lost character
            damaged_end += len(swallowed.group())
            named = _named_by_note(swallowed.group()[:-1], lost_lead, rules)
            repaired = repaired[:-1] + named if named else repaired
        else:
            warnings.append(f"mojibake: a character and the byte after it are lost before {rest[:6]!r}")
    return damaged_end, repaired, at_mark


def pinyin_shift_repairs(text: str) -> list[tuple[int, int, str]]:
    """Runs a converter's pinyin note shows shifted, and their exact repairs: ``(start, end,
    replacement)`` of ``text``, in order (``rules/normalize.yaml``, pinyin_shift, says how the
    damage arises).

    The decoder restarted one byte back: X's trail byte and the next character's lead byte L
    were read as one character, whose reading the converter wrote before it became ``?``.
    That reading and X's trail byte name L; put back, the run after the note decodes in step.
    A lost character that a note names comes back; one that no note names stays ``?``.

    >>> pinyin_shift_repairs("他們都變?yōu)橹赂粠ь^人")   # ? for 優 = [變's trail, 為's lead]
    [(4, 14, '為致富帶頭')]
    >>> pinyin_shift_repairs("各家各戶?mò)?bāng)助")   # the run's last character 幫 named by its note
    [(4, 14, '幫')]
    >>> pinyin_shift_repairs("今年?xuān)側丝谠黾?明年")    # 加 (and the "," after it) lost: "?" stays
    [(2, 13, '總人口增?')]
    >>> pinyin_shift_repairs("大?fà)W生")                # 8A or 8C both read as text: ambiguous, left
    []
    >>> pinyin_shift_repairs("今年?xuān)側丝谠5恼n")        # a character lost inside the run: left
    []
    >>> pinyin_shift_repairs("這是什么?shí)刻,你好?hǎo)呀")   # clean notes after ASCII or rare runs
    []
    """
    rules = _rules()
    return [] if not rules.pinyin_shift else [run[:3] for run in _pinyin_shift_runs(text, rules)]


def _pinyin_shift_runs(text: str, rules: _Rules) -> Iterator[tuple[int, int, str, list[str]]]:
    """Each note's run and its repair, with what the repair warns."""
    for m in rules.pinyin_shift_note.finditer(text):
        before = rules.pinyin_shift_before.search(text, max(0, m.start() - 9), m.start())
        if before is None:
            continue
        found = []
        for lead in _leads_by_note(before.group(1), m.group(1)):
            heard: list[str] = []
            end, repaired, at_mark = _shifted_run(text, m.end(), lead, rules, heard)
            # a character lost inside the run, not at a "?", is damage of another kind
            lost_inside = "\ufffd" in (repaired[:-1] if at_mark else repaired)
            if not lost_inside and _reads_as_shifted_text(repaired, rules):
                found.append((end, repaired, heard))
        if len(found) == 1:   # two leads that both read as text: ambiguous, left
            end, repaired, heard = found[0]
            yield m.start(), end, repaired.replace("\ufffd", "?"), heard


@cache
def _gbk_readings() -> dict[str, str]:
    """Each reading's GBK characters (rules/gbk_pinyin.tsv), read at the first damaged text."""
    return {row["reading"]: row["characters"] for row in load_tsv(_rules().pinyin_shift_table)}


def _leads_by_note(before: str, reading: str) -> list[int]:
    """The lead bytes L for which [``before``'s trail byte, L] is a character of ``reading``."""
    try:
        raw = before.encode("gbk")
    except UnicodeEncodeError:
        return []
    if len(raw) != 2:
        return []
    found = []
    for char in _gbk_readings().get(reading, ""):
        code = char.encode("gbk")
        if code[0] == raw[1] and code[1] >= 0x81:
            found.append(code[1])
    return found


def _named_by_note(reading: str, lead: int, rules: _Rules) -> str:
    """The one frequent character of ``reading`` whose lead byte is ``lead``, else ""."""
    if not rules.pinyin_shift:
        return ""
    frequency, floor = _han_frequency(), rules.pinyin_shift_min_frequency
    found = [char for char in _gbk_readings().get(reading, "")
             if char.encode("gbk")[0] == lead and frequency.get(_t2s().convert(char), 0) >= floor]
    return found[0] if len(found) == 1 else ""


def _reads_as_shifted_text(repaired: str, rules: _Rules) -> bool:
    """Frequent Han characters (in simplified form), punctuation and lost characters (U+FFFD)
    only, and a Han character among them: a wrong lead byte gives rare characters or symbols."""
    frequency, floor = _han_frequency(), rules.pinyin_shift_min_frequency
    simplified = _t2s().convert(repaired)
    if len(simplified) != len(repaired) or not _HAN.search(simplified):
        return False
    return all(frequency.get(ch, 0) >= floor if _HAN.fullmatch(ch) else
               ch == "\ufffd" or ch.isascii() or unicodedata.category(ch).startswith("P")
               for ch in simplified)


def punctuation_shift_repairs(text: str) -> list[tuple[int, int, str]]:
    """Runs a byte-level full-width → ASCII converter shifted, and their exact repairs:
    ``(start, end, replacement)`` of ``text``, in order (``rules/normalize.yaml``,
    punctuation_shift, says how the damage arises).

    The converter turned A3 A1 (！) into ``!`` also where A3 ended 。 (A1 A3) and A1 began
    “ (A1 B0): the run after the mark was read one byte off until an ASCII trail byte put
    the decoder back in step. The mark's code + 0x80 is the lost lead byte; put back, the
    run decodes in step. Marks and the lone byte's ``?`` before them stay.

    >>> punctuation_shift_repairs("大家好?!皻g迎來到這裡")
    [(4, 7, '“歡')]
    >>> punctuation_shift_repairs("散會??h長講話")
    [(3, 5, '縣')]
    >>> punctuation_shift_repairs("他說!斑@樣好")         # the lone byte dropped, no "?"
    [(2, 5, '“這')]
    >>> punctuation_shift_repairs("他說?!敖裉旌?,走")  # 好's trail byte lost before the ","
    [(3, 7, '“今天')]
    >>> punctuation_shift_repairs("真好!我們走吧?对!A股") # clean text: no repair
    []
    """
    return _shift_repairs(text, _rules())


def _shift_repairs(text: str, rules: _Rules) -> list[tuple[int, int, str]]:
    # A clean text pays a str `in` per mark (real news writes ！ and ？, not ! and ?): a run opens with one.
    if not rules.punctuation_shift or not any(mark in text for mark in rules.punctuation_shift_marks):
        return []
    return list(_punctuation_shift_runs(text, rules))


def _punctuation_shift_runs(text: str, rules: _Rules) -> Iterator[tuple[int, int, str]]:
    for m in rules.punctuation_shift_run.finditer(text):
        start, mark = m.start(), m.group()[0]
        before = text[start - 1] if start else "\n"
        if not (before == "?" or (mark in rules.punctuation_shift_alone and before > "\x7f")):
            continue
        run, trail = m.group(1), m.group(2) or ""
        try:
            raw = run.encode("gbk")
        except UnicodeEncodeError:
            continue
        if len(raw) != 2 * len(run) or not (run or trail):
            continue   # a character outside GBK's double-byte range: no shifted run
        repaired = (bytes([ord(mark) + 0x80]) + raw + trail.encode()).decode("gbk", "replace")
        if not trail:   # the last character's trail byte is the "?": it is lost
            repaired = repaired[:-1]
        if repaired and _reads_as_text(repaired, rules):
            yield start, m.end(), repaired


def _reads_as_text(repaired: str, rules: _Rules) -> bool:
    """Every character a known Han character (in simplified form), or a quote at the start."""
    frequency, floor = _han_frequency(), rules.punctuation_shift_min_frequency
    body = repaired[1:] if repaired[0] in rules.punctuation_shift_quotes else repaired
    simplified = _t2s().convert(body)
    return bool(simplified) and len(simplified) == len(body) and all(
        _HAN.fullmatch(ch) and frequency.get(ch, 0) >= floor for ch in simplified)


def _punctuation_shift(text: str, rules: _Rules) -> tuple[str, StepMap]:
    found = _shift_repairs(text, rules)
    if not found:
        return text, StepMap([], len(text), len(text))
    rw = Rewriter(text)
    for start, end, repaired in found:
        rw.replace(start, end, repaired, "mojibake_runs")
    return rw.finish()


def _join_lines(text: str, rules: _Rules) -> tuple[str, StepMap]:
    """Join line breaks that fall inside a sentence; keep paragraph breaks. The line before a
    break is read in place (its first, last two and last ``word_window`` characters), not
    copied: ≈ 5,100 breaks a real-news pass, most lines read for one character."""
    rw = Rewriter(text)
    line_start = 0
    n = len(text)
    for start, end in _line_breaks(text, rules):
        if line_start == start or end == n:   # no line before it, or nothing after it
            new = "\n" if line_start < start and end < n else ""
        elif _is_inner_break(text, line_start, start, end, rules):
            rw.replace(start, end, "", "joined_lines")
            continue   # the joined line continues: its start stays
        else:
            new = "\n"
        line_start = end
        if end - start != len(new) or (new and text[start] != new):
            rw.replace(start, end, new, "")
    return rw.finish()


def _line_breaks(text: str, rules: _Rules) -> list[tuple[int, int]]:
    r"""The spans of ``[ \t\u3000\u00a0]*(?:\r?\n[ \t\u3000\u00a0]*)+`` in order (a run of line
    breaks with the spaces around them), found from each line break: ``str.find`` skips to
    it, the spaces before it are read back (not into the run before), the run after it
    matched there. The pattern's own scan tried its leading spaces at every character:
    3× the time, the same spans (every match holds a line break)."""
    spans = []
    find, run_from, spaces = text.find, rules.line_break.match, rules.line_space
    done = 0
    i = find("\n")
    while i >= 0:
        start = i - 1 if i and text[i - 1] == "\r" else i
        end = run_from(text, start).end()
        while start > done and text[start - 1] in spaces:
            start -= 1
        spans.append((start, end))
        done = end
        i = find("\n", end)
    return spans


def _is_inner_break(text: str, line_start: int, start: int, end: int, rules: _Rules) -> bool:
    """Whether the line break text[start:end] falls inside a sentence: the line before it is
    text[line_start:start] (not empty), the text after it opens at ``end`` (not at the end)."""
    last = text[start - 1]
    if last in rules.sentence_final:
        # two breaks in three on real news; the tests up to the first True one all answer
        # False, so this one (a character read) goes before the caption test (the line's start)
        return False
    next_char = text[end]
    first = line_start
    while first < start and text[first] in " \t\u3000":
        first += 1
    # (a line of spaces only: its first character "" is a caption mark, as "" is in every string)
    first_of_prev = text[first] if first < start else ""
    if first_of_prev in rules.caption_marks or next_char in rules.caption_marks:
        return False
    if last in rules.closing_marks and start - line_start > 1 and text[start - 2] in rules.sentence_final:
        return False
    if last in rules.cannot_end or next_char in rules.cannot_start:
        return True
    if last.isdigit() and next_char in rules.unit_after_digit:
        return True
    return _cuts_a_word(text[max(line_start, start - rules.word_window):start],
                        text[end:end + rules.word_window], rules)


def _cuts_a_word(before: str, after: str, rules: _Rules) -> bool:
    if not (_HAN.match(before[-1:]) and _HAN.match(after[:1])):
        return False
    joined = before + after[: rules.word_window]
    if not _dictionary_word_across(joined, len(before), rules.min_cut_word):
        return False    # nearly every break: no token long enough can cross it
    pos = 0
    for token in _word_segmenter()(joined):
        if pos < len(before) < pos + len(token) and len(token) >= rules.min_cut_word:
            return True
        pos += len(token)
    return False


def _dictionary_word_across(text: str, cut: int, min_len: int) -> bool:
    """Whether a word of jieba's dictionary of at least ``min_len`` characters stands across
    ``cut`` in ``text``. The segmenter (no HMM) gives a token of two or more characters
    only where its dictionary has the word, or for a run of letters and digits, and
    :func:`_cuts_a_word` asks only between two Han characters: without such a word no
    token crosses the cut (the segmenter is not run; 1,736 breaks of a pass over real news
    and the archive sample had none; rjieba's 1,035,811 multi-character Han tokens of real
    news, the whole archive and the cached pages are all in jieba's ``dict.txt``)."""
    words = _dictionary_word_set(min_len)
    return any(text[a:b] in words for a in range(cut) for b in range(max(cut + 1, a + min_len), len(text) + 1))


@cache
def _dictionary_word_set(shortest: int) -> frozenset[str]:
    """jieba's dictionary words of at least ``shortest`` characters (one set per length
    floor: keyed on the window's length too, it was built again for every window length)."""
    return frozenset(w for w, _, _ in jieba_dictionary() if shortest <= len(w))


@cache
def _word_segmenter():
    try:
        import rjieba
        return lambda text: rjieba.cut(text, False)  # dictionary words only, no HMM guesses
    except ImportError:  # same dictionary, slower
        import jieba
        tokenizer = jieba.Tokenizer()
        return lambda text: tokenizer.lcut(text, HMM=False)


_WIDTH = {chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF5B)}
_WIDTH.update({"\u3000": " ", "\u00a0": " ", "\u2002": " ", "\u2003": " "})


def _width(text: str, rules: _Rules) -> tuple[str, StepMap]:
    """Indentation and trailing spaces go (full-width 　　 included); full-width letters,
    digits and spaces become ASCII one for one; zero-width marks go; the spaces inside a
    two-character word (龙 璐: :func:`spaced_word_joins`) go. One pass."""
    rw = Rewriter(text)
    end_of_text = len(text)
    pairs: set[str] = set()   # two-character words found spaced so far
    # Every match starts with a character of width_start and a match starts at each such
    # character not inside the match before: the standard re skips to them over a bitmap
    # (≈ 6 ns a character), where the regex module's finditer tried the pattern at every
    # position (≈ 30); the match is then read there, so the matches are finditer's.
    find, read, spaced = rules.width_start.search, rules.width.match, rules.spaced_words
    pos = 0
    while (hit := find(text, pos)) is not None:
        m = read(text, hit.start())
        start, end = m.span()
        pos = end
        if not m.group("space"):
            rw.replace(start, end, _WIDTH.get(m.group(), ""), "")
        elif (start == 0 or text[start - 1] == "\n") or (end == end_of_text or text[end] == "\n"):
            rw.replace(start, end, "", "")   # indentation or trailing spaces
        elif spaced and _is_han(text[start - 1]) and _is_han(text[end]) \
                and _inside_spaced_word(text, start, end, pairs):
            rw.replace(start, end, "", "")   # inside a two-character word
        else:   # inside a line: each wide space becomes one ASCII space
            for i in range(start, end):
                if text[i] not in " \t":
                    rw.replace(i, i + 1, " ", "")
    return rw.finish()


def _is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff"


def _lone_han(text: str, i: int) -> bool:
    """A Han character at ``i`` with no Han character on either side."""
    return (0 <= i < len(text) and _is_han(text[i]) and (i == 0 or not _is_han(text[i - 1]))
            and (i + 1 == len(text) or not _is_han(text[i + 1])))


def _lone_han_across(text: str, i: int, step: int, spaces: str) -> bool:
    """Whether spaces (``spaces``: the width step's) from ``i`` on (step 1) or back (step -1) lead to a
    lone Han character."""
    j = i
    while 0 <= j < len(text) and text[j] in spaces:
        j += step
    return j != i and _lone_han(text, j)


def spaced_word_joins(text: str, runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The runs of spaces (``runs``, in order: each between two Han characters) that sit
    inside a two-character word: pages pad two-character names to the width of three (记者
    李光泽 龙 璐, 监  制 宋乐永 赵  刚), and nothing downstream reads 龙 璐 as a name. A run
    joins when a lone character stands on each side and no third lone one follows or precedes
    across spaces (大 中 小 and 张 炜 崔 佳 are no pair); when the right one is lone and the
    left follows a byline word (rules/normalize.yaml spaced_word_cues: 通讯员望 勤); and, once
    a pair is known so, where the same two characters stand spaced after it (干部曾 翔的).

    >>> t = "记者 李光泽 龙 璐)"
    >>> spaced_word_joins(t, [(2, 3), (6, 7), (8, 9)])
    [(8, 9)]
    >>> t = "字号 大 中 小"
    >>> spaced_word_joins(t, [(2, 3), (4, 5), (6, 7)])
    []
    """
    pairs: set[str] = set()
    return [(s, e) for s, e in runs if _inside_spaced_word(text, s, e, pairs)]


def _inside_spaced_word(text: str, start: int, end: int, pairs: set[str]) -> bool:
    """Whether the spaces at start:end (a Han character on each side) sit inside a
    two-character word (:func:`spaced_word_joins`); a pair found so is added to ``pairs``."""
    left, right, spaces = start - 1, end, _rules().space_chars
    if right + 1 < len(text) and _is_han(text[right + 1]):
        # the right one begins a word (记者  张枨: most runs): only a known pair joins
        return end - start <= 3 and text[left] + text[right] in pairs
    if not _lone_han(text, right) or _lone_han_across(text, right + 1, 1, spaces):
        return False
    if _lone_han(text, left) and not _lone_han_across(text, left - 1, -1, spaces):
        pairs.add(text[left] + text[right])
        return True
    return (any(text.endswith(cue, 0, left) for cue in _rules().spaced_word_cues)
            or (end - start <= 3 and text[left] + text[right] in pairs))


@cache
def _t2s():
    import opencc
    return opencc.OpenCC("t2s")


@cache
def _t2s_gate() -> tuple[re.Pattern, re.Pattern]:
    """(a character OpenCC t2s changes, or any character beyond the BMP; a phrase it changes
    that holds none of those characters): a text matching neither is its own conversion
    (``rules/t2s_gate.yaml``, built from OpenCC's own dictionaries, says why). A BMP-only
    class compiles to a bitmap, ≈ 5 ns a character; OpenCC itself takes ≈ 40."""
    gate = load_yaml("t2s_gate.yaml")
    bmp = "".join(c for c in gate["characters"] if ord(c) <= 0xFFFF)
    characters = re.compile(f"[{re.escape(bmp)}]|[\U00010000-\U0010FFFF]")
    phrases = words_pattern(gate["phrases"])
    return characters, phrases


def _converted_lines(text: str, gated: list[tuple[int, int]]) -> str:
    """OpenCC's t2s conversion of ``text``, converting only the lines that hold a gate hit
    (``gated``: :func:`_gate_lines`): the rest are their own conversion, by the gate's premise (a text
    matching neither pattern is unchanged), and no dictionary phrase holds a line break, so
    OpenCC segments each line apart (the length-changing branch of :func:`_to_simplified`
    converts line by line for the same reason). A simplified article with one 乾 or 薹 (6 of
    200 real-news texts) was converted whole: ≈ 9 ms a real-news pass, for the same text."""
    parts: list[str] = []
    pos = 0
    for start, end in gated:
        parts += (text[pos:start], _t2s().convert(text[start:end]))
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def _gate_lines(text: str, characters: re.Pattern, phrases: re.Pattern) -> list[tuple[int, int]]:
    """The spans of the lines (between line breaks "\n") that hold a hit of the t2s gate, in
    order: the only lines t2s can change (:func:`_converted_lines`)."""
    hits = sorted(m.start() for gate in (characters, phrases) for m in gate.finditer(text))
    lines: list[tuple[int, int]] = []
    pos = 0   # where the text not yet read starts: 0, or the line break ending a gated line
    for hit in hits:
        if pos and hit <= pos:
            continue   # a line already gated (no hit is a line break: no gate word holds one)
        # the hit's line start, searched back to pos only: one search per line, not one from each
        # hit back to the text's start (quadratic on a long traditional line)
        start = text.rfind("\n", pos, hit) + 1
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        lines.append((start, end))
        pos = end
    return lines


def _to_simplified(text: str, rules: _Rules) -> tuple[str, StepMap, str]:
    no_change = StepMap([], len(text), len(text))
    if rules.variant_found.search(text):   # same length: offsets unchanged
        text = text.translate(rules.variants)
    gated = _gate_lines(text, *_t2s_gate())   # read once: the conversion and the alignment below
    if not gated:
        return text, no_change, "simplified"   # what converting would give: see _t2s_gate
    converted = _converted_lines(text, gated)
    if converted == text:
        return text, no_change, "simplified"
    same_length = len(converted) == len(text)
    if same_length:
        changed = [(a, b) for a, b in zip(text, converted) if a != b]
        evidence = sum(a not in rules.simplified_also for a, _ in changed)
    else:
        evidence = len(_HAN.findall(text))
    if evidence == 0:
        return text, no_change, "simplified"
    han = len(_HAN.findall(text)) or 1
    script = "traditional" if evidence / han > rules.traditional_share else "mixed"
    if script == "mixed" and same_length:
        # Keep characters that simplified text uses too; convert only the traditional ones.
        converted = "".join(b if a not in rules.simplified_also else a
                            for a, b in zip(text, converted))
    if same_length:  # character for character: offsets unchanged
        return converted, no_change, script
    # A phrase changed length: align line by line so offsets stay exact elsewhere. Each line
    # of str.splitlines (a line break, \r, \u2028 … ends one; its break kept) is converted
    # apart. Only the lines inside a gated line (with the line break after it: the same
    # lines as the whole text's split) can change: a line of an ungated one holds no gate hit
    # either. So the rest of the text is not converted a second time.
    rw = Rewriter(text)
    for start, end in gated:
        pos = start
        for line in text[start:end + 1].splitlines(keepends=True):
            new = _t2s().convert(line)
            if new != line:
                rw.replace(pos, pos + len(line), new, "")
            pos += len(line)
    out, step = rw.finish()
    return out, step, script


# ---------------------------------------------------------------------------- public

def _same_length_edits(before: str, after: str, offsets: OffsetMap, source: str,
                       kind: str) -> list[Repair]:
    """The runs of characters that differ between two texts of the same length."""
    out, i, n = [], 0, len(before)
    while i < n:
        if before[i] == after[i]:
            i += 1
            continue
        j = i
        while j < n and before[j] != after[j]:
            j += 1
        src = offsets.to_source(i, j)
        out.append(Repair(kind, src, source[src[0]:src[1]], after[i:j]))
        i = j
    return out


def _repairs(source: str, offsets: OffsetMap, new_text: str, edits: list[Edit],
             step_name: str) -> list[Repair]:
    """One step's edits as Repairs of the decoded input (``offsets``: the steps before it);
    an edit without a repair kind takes the step's name."""
    out = []
    for e in edits:
        src = offsets.to_source(e.src_start, e.src_end)
        out.append(Repair(e.kind or step_name, src, source[src[0]:src[1]],
                          new_text[e.out_start:e.out_end]))
    return out


def _unkinded_repairs(source: str, offsets: OffsetMap, new_text: str, step: StepMap,
                      step_name: str) -> list[Repair]:
    """:func:`_repairs` of the step's edits that have no repair kind."""
    return _repairs(source, offsets, new_text, step.edits_of_kind(False), step_name)


_SURROGATE = regex.compile(r"[\ud800-\udfff]")


def _without_surrogates(text: str, warnings: list[str]) -> str:
    """Lone surrogates (from JSON escapes such as \\ud800) cannot be encoded: each becomes
    U+FFFD, one for one, so offsets stay."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    count = len(_SURROGATE.findall(text))
    warnings.append(f"decode: {count} lone surrogate(s) replaced by U+FFFD")
    return _SURROGATE.sub("\ufffd", text)


def normalize(data: str | bytes, max_chars: int | None = None) -> Normalized:
    """Normalise one article. Raises :class:`InputError` only for non-text input.

    ``max_chars``: a longer input is cut to its first ``max_chars`` characters, with a
    warning (``rules/limits.yaml`` gives the pipeline's default)."""
    warnings: list[str] = []
    if isinstance(data, str):
        source, encoding = _without_surrogates(data, warnings), "utf-8"
    else:
        if max_chars is not None and len(data) > 4 * max_chars:
            data = data[:4 * max_chars]   # no encoding takes more than 4 bytes a character
        source, encoding, warnings = decode(data)
        warnings = list(warnings)
    if max_chars is not None and len(source) > max_chars:
        warnings.append(f"input: longer than {max_chars:,} characters; only the first "
                        f"{max_chars:,} were read (max_input_chars)")
        source = source[:max_chars]
    rules = _rules()
    offsets = OffsetMap()
    repairs: list[Repair] = []
    text = source  # CRLF becomes LF in the line step, with the other breaks

    edit_readers: list[Callable[[], list[Repair]]] = []   # edits no repair kind counts, for --explain

    def apply(new_text: str, step: StepMap, step_name: str) -> str:
        kinds = step.kinds
        if any(kinds):
            repairs.extend(_repairs(source, offsets, new_text, step.edits_of_kind(True), step_name))
        if not all(kinds):
            # the edits no repair kind counts are made into records only when read (--explain)
            edit_readers.append(partial(_unkinded_repairs, source, OffsetMap(list(offsets.steps)),
                                        new_text, step, step_name))
        offsets.add(step)
        return new_text

    text = apply(*_markup(text, rules, warnings), "markup")
    # Mojibake before pinyin: notes inside a damaged run are readable only once repaired.
    text = apply(*_mojibake(text, rules, warnings), "mojibake")
    text = apply(*_punctuation_shift(text, rules), "mojibake")
    text = apply(*_pinyin(text, rules), "pinyin")
    text = apply(*_join_lines(text, rules), "lines")
    text = apply(*_width(text, rules), "width")
    before = text
    text, step, script = _to_simplified(text, rules)
    if not step.out_starts and text != before:  # converted character for character
        edit_readers.append(partial(_same_length_edits, before, text, OffsetMap(list(offsets.steps)),
                                    source, "script"))
    text = apply(text, step, "script")
    return Normalized(text=text, source=source, offsets=offsets, repairs=repairs,
                      script=script, encoding=encoding, warnings=warnings, edit_readers=edit_readers)
