"""Sentences, paragraphs and clauses of a normalised text, and one index that answers
"which sentence (paragraph) holds this position" for every stage.

A sentence ends at 。！？ (and ASCII !?) plus any closing quotes, or at a line break; a
paragraph is a run of non-blank lines; a clause ends at a comma-like mark.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Optional

import regex

from ..rules import last_mark_pattern

Bounds = tuple[int, int]

#: ``[。！？!?]+[”’」』）)]*|\n+`` (a run of sentence-final marks and the closing quotes
#: after it, or a run of line breaks), written to open with a bare character class: the
#: standard ``re`` then skips to the class's characters over a bitmap and finds the ends of
#: a text in 60% of the time the ``regex`` module takes for the two-branch form (a line
#: break opens the first branch, a mark the second: the same matches).
_SENTENCE_END = re.compile(r"[。！？!?\n](?:(?<=\n)\n*|[。！？!?]*[”’」』）)]*)")
_PARAGRAPH_BREAK = regex.compile(r"\n+")
#: Marks that end a clause inside a sentence (the money stage's purpose and the figures
#: stage's cue look no further back than the clause). The standard ``re``: on a bare
#: character class it finds the marks of a text in half the time ``regex`` takes.
_CLAUSE_BREAK_CHARS = "，,；;：:。！？!?、\n"
CLAUSE_BREAK = re.compile(f"[{re.escape(_CLAUSE_BREAK_CHARS)}]")
#: The last of the same marks before a position, within a short reach.
_LAST_CLAUSE_BREAK = last_mark_pattern(_CLAUSE_BREAK_CHARS)


def sentence_bounds(text: str) -> list[Bounds]:
    """[start, end) of each sentence; line breaks always end a sentence."""
    return _runs(text, _SENTENCE_END, keep_break=True)


def paragraph_bounds(text: str) -> list[Bounds]:
    """[start, end) of each paragraph (its line break not included)."""
    return _runs(text, _PARAGRAPH_BREAK, keep_break=False)


def _runs(text: str, breaks: re.Pattern | regex.Pattern, keep_break: bool) -> list[Bounds]:
    """The runs between breaks (with their break when ``keep_break``) that hold more than
    whitespace."""
    if keep_break:
        # each run ends where its break ends and the next starts there: the ends are read
        # in one comprehension, the runs paired and filtered in another
        ends = [m.end() for m in breaks.finditer(text)]
        starts = [0, *ends]
        if (ends[-1] if ends else 0) < len(text):
            ends.append(len(text))
        else:
            starts.pop()
        # a run opening with no space holds more than spaces: only the rest are sliced and read
        return [(s, e) for s, e in zip(starts, ends) if not (text[s].isspace() and text[s:e].isspace())]
    bounds = []
    start = 0
    for m in breaks.finditer(text):
        end = m.start()
        # more than whitespace: a paragraph opening with no space is not sliced to be read
        if start < end and (not text[start].isspace() or not text[start:end].isspace()):
            bounds.append((start, end))
        start = m.end()
    if start < len(text) and text[start:].strip():
        bounds.append((start, len(text)))
    return bounds


class TextIndex:
    """Sentence and paragraph lookup by position, built once per text (O(log n) a query)."""

    def __init__(self, text: str, sentences: Optional[list[Bounds]] = None) -> None:
        self.text = text
        self.sentences = sentence_bounds(text) if sentences is None else sentences
        self.paragraphs = paragraph_bounds(text) or [(0, len(text))]
        self._sentence_starts = [s for s, _ in self.sentences]
        self._paragraph_starts = [s for s, _ in self.paragraphs]
        self._clause_breaks: Optional[list[int]] = None

    def sentence_of(self, pos: int) -> Bounds:
        """The sentence holding ``pos`` (the first one for a position before it; the
        whole text when there is none)."""
        if not self.sentences:
            return (0, len(self.text))
        i = bisect_right(self._sentence_starts, pos) - 1
        return self.sentences[i if i > 0 else 0]

    def sentence_after(self, pos: int) -> Optional[Bounds]:
        """The first sentence starting at or after ``pos`` (past a paragraph's line break),
        or None at the end of the text."""
        i = bisect_left(self._sentence_starts, pos)
        return self.sentences[i] if i < len(self.sentences) else None

    def paragraph_index(self, pos: int) -> int:
        i = bisect_right(self._paragraph_starts, pos) - 1
        return i if i > 0 else 0

    def paragraph_of(self, pos: int) -> Bounds:
        return self.paragraphs[self.paragraph_index(pos)]

    def previous_paragraph_start(self, pos: int) -> int:
        """Where the paragraph before the one holding ``pos`` starts (the first paragraph's own
        start when ``pos`` is in it): a passage read over two paragraphs begins there."""
        return self.paragraphs[max(0, self.paragraph_index(pos) - 1)][0]

    def paragraph_window(self, pos: int, window: int) -> str:
        """The paragraph holding ``pos`` with ``window`` paragraphs either side."""
        i = self.paragraph_index(pos)
        lo, hi = max(0, i - window), min(len(self.paragraphs) - 1, i + window)
        return self.text[self.paragraphs[lo][0]:self.paragraphs[hi][1]]

    def clause_start(self, sentence_start: int, pos: int, reach: Optional[int] = None) -> int:
        """Where the clause holding ``pos`` starts (after the last clause break at or
        after ``sentence_start``), or with ``reach``, ``max(that, pos - reach)``: the
        clause read at most ``reach`` characters back. Without a reach the breaks are found
        once per text, so this is O(log n) however long the sentence; with one, only the
        ``reach`` characters before ``pos`` are read (the money stage asks ≈ 8 an article:
        listing a whole text's breaks for them cost more than its reads)."""
        if reach is not None:
            lo = max(sentence_start, pos - reach)
            last = _LAST_CLAUSE_BREAK.search(self.text, lo, pos)
            return last.end() if last else lo
        if self._clause_breaks is None:
            self._clause_breaks = [m.start() for m in CLAUSE_BREAK.finditer(self.text)]
        i = bisect_left(self._clause_breaks, pos) - 1
        if i >= 0 and self._clause_breaks[i] >= sentence_start:
            return self._clause_breaks[i] + 1
        return sentence_start
