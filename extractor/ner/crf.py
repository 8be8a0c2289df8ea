"""A character CRF (python-crfsuite) for PER/LOC/ORG: the features, shared by training
(scripts/train_ner.py --crf) and tagging (extractor.ner.tagger.CrfTagger)."""
from __future__ import annotations

from functools import cache

_PAD = ("^", "^")


def _norm(ch: str) -> str:
    if ch.isdigit():
        return "0"
    if ch.isascii() and ch.isalpha():
        return "a"
    return ch


def char_features(text: str) -> list[list[str]]:
    """Per character: the character, its neighbours ±2, and the bigrams around it."""
    c = ["^", "^"] + [_norm(ch) for ch in text] + ["$", "$"]
    return [["c" + c[i], "p" + c[i - 1], "n" + c[i + 1], "P" + c[i - 2], "N" + c[i + 2],
             "b" + c[i - 1] + c[i], "B" + c[i] + c[i + 1], "s" + c[i - 1] + c[i + 1]]
            for i in range(2, len(c) - 2)]


def _fold(ch: str) -> str:
    """Full-width ASCII forms as ASCII (，→ , ：→ :), as LAC's own q2b table reads them: pages
    write ``州长娄某,龙井`` with either comma."""
    code = ord(ch)
    return chr(code - 0xFEE0) if 0xFF01 <= code <= 0xFF5E else " " if ch == "\u3000" else ch


def char_features_window(text: str) -> list[list[str]]:
    """:func:`char_features` of the text with full-width ASCII forms folded (:func:`_fold`),
    plus where the character stands in its window: how far from the start and from the end
    (0, 1, 2, 3 or more). The cascade's student (``zh_char_crf_lac``) learns LAC's PER spans
    over the persons stage's short windows, and LAC reads a name at a window's edge otherwise
    than inside. Built from one ``str.translate`` (the student tags every window: the per-
    character ``_norm`` calls were a third of its feature time); a text with a character above
    the Basic Multilingual Plane, which the table leaves out, is read character by character."""
    n = len(text)
    if n and max(text) > "\uffff":
        text = "".join(_norm(_fold(ch)) for ch in text)
    c = "^^" + text.translate(_window_table()) + "$$"
    starts = (_STARTS + ("a3",) * n)[:n]
    ends = (("z3",) * n + _ENDS)[-n:] if n else ()
    # each character with its neighbours by zip over shifted copies (not five indexings a character)
    return [["c" + x, "p" + p, "n" + q, "P" + pp, "N" + qq, "b" + p + x, "B" + x + q, "s" + p + q, a, z]
            for pp, p, x, q, qq, a, z in zip(c, c[1:], c[2:n + 2], c[3:], c[4:], starts, ends)]


_STARTS, _ENDS = ("a0", "a1", "a2"), ("z2", "z1", "z0")


@cache
def _window_table() -> dict[int, str]:
    """str.translate's table of :func:`_norm` after :func:`_fold` over the Basic Multilingual
    Plane (the ≈ 600 characters it changes)."""
    table = {}
    for code in range(0x10000):     # _norm(_fold()) once a character: a comprehension that tests it called it twice
        ch = chr(code)
        to = _norm(_fold(ch))
        if to != ch:
            table[code] = to
    return table


#: the feature sets a model folder's ``features`` file may name
FEATURES = {"basic": char_features, "window": char_features_window}
