"""Segmentation: sentences (and, via the counties issue, tokens and the spaCy container)."""
from __future__ import annotations

import regex

# A sentence ends at 。！？ (and ASCII !?) plus any closing quotes, or at a line break.
_SENTENCE_END = regex.compile(r"[。！？!?]+[”’」』）)]*|\n+")


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """[start, end) of each sentence; line breaks always end a sentence."""
    bounds = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.end()
        if text[start:end].strip():
            bounds.append((start, end))
        start = end
    if start < len(text) and text[start:].strip():
        bounds.append((start, len(text)))
    return bounds
