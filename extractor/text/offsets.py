"""Offset bookkeeping: map spans of the normalised text back to the original input.

Every normalisation step rewrites the text by replacing some regions and copying the
rest.  A step reports its replaced regions as an :class:`Edit` list; the text between
edits is copied unchanged.  :class:`OffsetMap` chains the steps, so a span of the final
text maps back to the decoded input through every step in reverse.

Mapping is *covering*: a span's start maps to the start of the source region it falls
in, its end to the end, so the source span always contains everything the clean span
came from, and order is preserved.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Callable, Iterable

from ..frozen import quick_frozen


@quick_frozen
class Edit:
    """One replaced region: ``src[src_start:src_end]`` became ``out[out_start:out_end]``."""

    out_start: int
    out_end: int
    src_start: int
    src_end: int
    kind: str = ""  # what the step repaired here (normalize's repair kinds)


class StepMap:
    """Offsets through one rewrite step (sorted, non-overlapping edits). The edits' four
    offsets are kept as plain lists, read by index: :meth:`OffsetMap.to_source` maps
    ≈ 6,600 spans a real-news pass (every record's source span) through ≈ 1.6 steps each, and
    an attribute read on an ``Edit`` per branch cost ≈ 15 ms of the pass. A :class:`Rewriter`
    hands its step the lists themselves, and the :class:`Edit` records are made only when
    :attr:`edits` is read (:meth:`edits_of_kind` makes the ones a reader asks for): a
    real-news pass rewrites ≈ 6,300 regions, nearly all of them line breaks and indentation
    that no repair counts, and a record each cost ≈ 1 µs and four list reads."""

    __slots__ = ("out_starts", "out_ends", "src_starts", "src_ends", "kinds", "src_len", "out_len",
                 "_edits")

    def __init__(self, edits: list[Edit], src_len: int, out_len: int):
        self._edits = edits
        self.out_starts = [e.out_start for e in edits]
        self.out_ends = [e.out_end for e in edits]
        self.src_starts = [e.src_start for e in edits]
        self.src_ends = [e.src_end for e in edits]
        self.kinds = [e.kind for e in edits]
        self.src_len = src_len
        self.out_len = out_len

    @classmethod
    def of_offsets(cls, out_starts: list[int], out_ends: list[int], src_starts: list[int],
                   src_ends: list[int], kinds: list[str], src_len: int, out_len: int) -> StepMap:
        """The step whose i-th edit is ``Edit(out_starts[i], out_ends[i], src_starts[i],
        src_ends[i], kinds[i])`` (the lists are kept, not copied)."""
        step = cls.__new__(cls)
        step._edits = None
        step.out_starts, step.out_ends, step.src_starts, step.src_ends, step.kinds = \
            out_starts, out_ends, src_starts, src_ends, kinds
        step.src_len, step.out_len = src_len, out_len
        return step

    @property
    def edits(self) -> list[Edit]:
        """The step's edits in order (made on the first read)."""
        if self._edits is None:
            self._edits = [Edit(*offsets) for offsets in zip(
                self.out_starts, self.out_ends, self.src_starts, self.src_ends, self.kinds)]
        return self._edits

    def edits_of_kind(self, with_kind: bool) -> list[Edit]:
        """The edits in order that have a repair kind (``with_kind``) or that have none."""
        return [Edit(*offsets) for offsets in zip(
            self.out_starts, self.out_ends, self.src_starts, self.src_ends, self.kinds)
            if bool(offsets[4]) is with_kind]

    def to_source(self, pos: int, *, end: bool) -> int:
        """Map an output offset to a source offset.

        ``end`` selects covering behaviour for span ends: a position strictly inside a
        replaced region maps to the region's source end (for ends) or start (for starts).
        """
        return self.end_to_source(pos) if end else self.start_to_source(pos)

    def start_to_source(self, pos: int) -> int:
        """:meth:`to_source` of a span's start."""
        i = bisect_right(self.out_starts, pos) - 1
        if i < 0:
            return min(pos, self.src_len)
        out_end = self.out_ends[i]
        if pos < out_end:
            return self.src_starts[i]
        if pos == out_end == self.out_starts[i]:
            # a deletion (markup, indentation) right before pos: nothing of a span that
            # starts here came from it, so the span starts after it
            return self.src_ends[i]
        return min(self.src_ends[i] + (pos - out_end), self.src_len)

    def end_to_source(self, pos: int) -> int:
        """:meth:`to_source` of a span's end."""
        out_starts = self.out_starts
        i = bisect_right(out_starts, pos) - 1
        # An end offset equal to a region's start belongs to the text before it.
        if i >= 0 and pos == out_starts[i] and pos > 0:
            i -= 1
            while i >= 0 and out_starts[i] == pos:
                i -= 1
        if i < 0:
            return min(pos, self.src_len)
        out_start, out_end = out_starts[i], self.out_ends[i]
        if pos < out_end:
            return self.src_ends[i] if pos > out_start else self.src_starts[i]
        if pos == out_start == out_end:
            # a deletion right before pos (at 0: see above): nothing of the span came from it
            return self.src_starts[i]
        if pos == out_end:
            return self.src_ends[i]
        return min(self.src_ends[i] + (pos - out_end), self.src_len)


@dataclass
class OffsetMap:
    """The composition of all steps: final text offsets → original decoded text offsets."""

    steps: list[StepMap] = field(default_factory=list)

    def add(self, step: StepMap) -> None:
        if step.out_starts:
            self.steps.append(step)

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        for step in reversed(self.steps):
            start, end = step.start_to_source(start), step.end_to_source(end)
            if end < start:  # an empty span at a region boundary
                end = start
        return start, end


class Rewriter:
    """Builds one step's output text and its edits.

    Copy untouched text with :meth:`keep` (implicitly, by jumping forward) and
    replacements with :meth:`replace`; :meth:`finish` returns the text and StepMap.
    """

    __slots__ = ("src", "pos", "parts", "out_len", "out_starts", "out_ends", "src_starts",
                 "src_ends", "kinds")

    def __init__(self, src: str):
        self.src = src
        self.pos = 0
        self.parts: list[str] = []
        self.out_len = 0
        # the edits' offsets and kinds, one list each (StepMap.of_offsets): no Edit record per region
        self.out_starts: list[int] = []
        self.out_ends: list[int] = []
        self.src_starts: list[int] = []
        self.src_ends: list[int] = []
        self.kinds: list[str] = []

    def replace(self, start: int, end: int, new: str, kind: str = "") -> None:
        if start < self.pos:
            raise ValueError("edits must be in order and must not overlap")
        if start > self.pos:
            chunk = self.src[self.pos:start]
            self.parts.append(chunk)
            self.out_len += len(chunk)
        if new != self.src[start:end]:
            self.out_starts.append(self.out_len)
            self.out_ends.append(self.out_len + len(new))
            self.src_starts.append(start)
            self.src_ends.append(end)
            self.kinds.append(kind)
        self.parts.append(new)
        self.out_len += len(new)
        self.pos = end

    def finish(self) -> tuple[str, StepMap]:
        if self.pos < len(self.src):
            self.parts.append(self.src[self.pos:])
            self.out_len += len(self.src) - self.pos
        text = "".join(self.parts)
        return text, StepMap.of_offsets(self.out_starts, self.out_ends, self.src_starts,
                                        self.src_ends, self.kinds, len(self.src), len(text))


def rewrite(text: str, matches: Iterable, replacement: Callable[[object], str | None]):
    """Apply ``replacement`` to each regex match (None keeps the match as it is)."""
    rw = Rewriter(text)
    for m in matches:
        new = replacement(m)
        if new is not None:
            rw.replace(m.start(), m.end(), new)
    return rw.finish()
