"""Every occurrence of a set of words in a text, by the characters that end them.

An Aho-Corasick automaton over Chinese text (pyahocorasick) walks every character and, at
its root, searches a child list as long as the number of distinct opening characters (167
for the persons stage's cues): about 120 ns a character, the persons stage's biggest rule
cost on real news. :class:`WordFinder` gives the same occurrences, in the same order, by
the gazetteer matcher's method (:class:`PairOpenings`, which both use): the words of two or
more characters are found where their last two characters stand (every character pair of
the text looked up at once with numpy in a hashed table, then the few hits checked
exactly), the one-character words by a character class (the standard ``re``). For a handful of words (an article's names) the
automaton stays quicker: its root has only a few children to search.
"""
from __future__ import annotations

import re
from typing import Collection, Iterable, Optional

import numpy as np

#: Texts shorter than this look their pairs up in a loop (numpy's set-up costs more there).
_VECTOR_MIN_CHARS = 256
#: The hash's multiplier of a pair's first code point.
_MULTIPLIER = np.uint32(40503)


class PairOpenings:
    """The positions of a text where one of ``pairs`` (two-character strings) stands. Long
    texts: every character pair looked up at once with numpy in a hashed table of
    ``table_size`` slots (a power of two, several times the number of pairs so that few
    slots collide), then the few hits checked exactly; short ones in a loop. Serves
    :class:`WordFinder` and the gazetteer's matcher."""

    def __init__(self, pairs: Collection[str], table_size: int) -> None:
        self.pairs = pairs            # kept as given: a dict's keys are looked up as fast
        self._mask = np.uint32(table_size - 1)
        self._seen = np.zeros(table_size, dtype=bool)
        if pairs:
            firsts, seconds = (np.array([ord(p[i]) for p in pairs], dtype=np.uint32) for i in (0, 1))
            self._seen[self._hash(firsts, seconds)] = True

    def _hash(self, first, second):
        """Two arrays of code points (numpy uint32, wrapping on overflow) → slots of the table
        (:meth:`maybe` computes the same in place)."""
        return ((first * _MULTIPLIER) ^ second) & self._mask

    def __call__(self, text: str) -> list[int]:
        pairs = self.pairs
        return [i for i in self.maybe(text) if text[i:i + 2] in pairs]   # a hash can collide

    def maybe(self, text: str):
        """The positions where one of the pairs may stand (every one where one does): the
        hashed table's hits, or every position of a short text. A caller that looks each
        position's pair up anyway saves the exact check of :meth:`__call__`."""
        if len(text) < _VECTOR_MIN_CHARS:
            return range(len(text) - 1)
        slots = _pair_slots(text, self._mask)
        # ``take``, not ``self._seen[slots]``: indexing by a uint32 array casts it first
        # (≈ 16 against 2 µs for 2,000 positions)
        return self._seen.take(slots).nonzero()[0].tolist()


#: The last long text's pair hashes: (text, unmasked hashes, {mask: slots}).
_last_hashes: Optional[tuple[str, np.ndarray, dict]] = None


def _pair_slots(text: str, mask: np.uint32) -> np.ndarray:
    """Every character pair's slot of ``text`` in a table of ``mask + 1`` slots (see
    :meth:`PairOpenings._hash`). The gazetteer's matcher and the persons stage's cues read
    the same article text in turn, with tables of one size, and numpy's calls are dear
    there (its code comes in cold between the stages: ≈ 4× their cost in a loop): computed
    once for both. The text is kept with them, so the identity check cannot meet another
    text at the same address."""
    global _last_hashes
    last = _last_hashes
    if last is None or last[0] is not text:
        chars = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        hashes = chars[:-1] * _MULTIPLIER
        hashes ^= chars[1:]
        last = _last_hashes = (text, hashes, {})
    slots = last[2].get(mask)
    if slots is None:
        slots = last[2][mask] = last[1] & mask
    return slots


#: Slots of WordFinder's table of closing character pairs (a few hundred pairs): the size of
#: the gazetteer's, so that both read one array of slots of an article's text.
_WORD_PAIR_TABLE_SIZE = 1 << 20


class WordFinder:
    """All occurrences of ``words`` in a text (overlapping ones too) as ``(end index, word)``
    pairs — the end index is the word's last character, as pyahocorasick's ``iter`` gives
    it — ordered by end, the longer word first at the same end (the automaton's order)."""

    def __init__(self, words: Iterable[str]) -> None:
        words = set(words)
        if "" in words:
            raise ValueError("an empty word would match everywhere")
        self.words = frozenset(words)
        singles = sorted(w for w in words if len(w) == 1)
        self._singles = re.compile("[" + re.escape("".join(singles)) + "]") if singles else None
        # a word's last two characters → [(length, word)] of the longer words, longest first.
        # The last pair, not the first: the persons stage's role nouns open with a common word
        # and end with a rare pair (脱贫|户, 贫困|户, 帮扶|人, 工作|人员): by their first pair, 55% of the
        # places looked at held no cue on real news
        by_pair: dict[str, list[tuple[int, str]]] = {}
        for w in words:
            if len(w) > 1:
                by_pair.setdefault(w[-2:], []).append((len(w), w))
        self._by_pair = {pair: tuple(sorted(ws, reverse=True)) for pair, ws in by_pair.items()}
        # positions where the last two characters of some longer word stand
        self._closing_pairs = PairOpenings(self._by_pair, _WORD_PAIR_TABLE_SIZE)

    def iter(self, text: str) -> list[tuple[int, str]]:
        found = []   # (end, -length, word): sorted, the automaton's order
        words_ending_in = self._by_pair.get
        # each candidate's pair looked up once (not checked, then looked up again)
        for i in self._closing_pairs.maybe(text):
            end = i + 2
            for length, word in words_ending_in(text[i:end], ()):
                start = end - length
                if start >= 0 and text.startswith(word, start):
                    found.append((end, -length, word))
        if self._singles is not None:
            found.extend((m.end(), -1, m.group()) for m in self._singles.finditer(text))
        found.sort()
        # a list, not a generator: ≈ 50 hits a text, each resumption of a generator costs more
        return [(end - 1, word) for end, _, word in found]
