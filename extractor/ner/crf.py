"""A character CRF (python-crfsuite) for PER/LOC/ORG: the features, shared by training
(scripts/train_ner.py --crf) and tagging (extractor.ner.tagger.CrfTagger)."""
from __future__ import annotations

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
