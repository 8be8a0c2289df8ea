"""A set of strings in a few bytes each, so that keeping doc_ids unique over an archive of
millions of articles does not make the parent process grow with it.

A Python ``set`` of doc_ids takes about 150 bytes per id (the str object and its slot);
:class:`DigestSet` keeps a 64-bit BLAKE2b digest of each string in one open-addressing
``array('Q')``, 16–32 bytes per member. Two different strings with the same digest count
as one: the odds are about n²/2⁶⁵ (3·10⁻⁸ for a million strings), and the digest is the
same in every run, so a run that meets such a pair gives the same ids when it is resumed.
"""
from __future__ import annotations

from array import array
from hashlib import blake2b
from typing import Iterable


def digest(value: str) -> int:
    """A string's 64-bit digest, never 0 (0 marks an empty slot)."""
    raw = blake2b(value.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(raw, "little") or 1


class DigestSet:
    """Strings kept as digests: ``add`` and ``in``, nothing else (no iteration)."""

    __slots__ = ("_slots", "_mask", "_count")

    def __init__(self, values: Iterable[str] = ()):
        self._slots = array("Q", bytes(8 * 64))
        self._mask = 63
        self._count = 0
        for value in values:
            self.add(value)

    def __len__(self) -> int:
        return self._count

    def _find(self, key: int) -> int:
        """The slot holding ``key``, or the empty slot where it would go (linear probing)."""
        slots, mask = self._slots, self._mask
        i = key & mask
        while True:
            found = slots[i]
            if found == key or found == 0:
                return i
            i = (i + 1) & mask

    def __contains__(self, value: str) -> bool:
        return self._slots[self._find(digest(value))] != 0

    def add(self, value: str) -> bool:
        """Add ``value``; True when it was not there yet."""
        key = digest(value)
        i = self._find(key)
        if self._slots[i]:
            return False
        self._slots[i] = key
        self._count += 1
        if 2 * self._count > self._mask:   # keep at most half full: probes stay short
            self._grow()
        return True

    def _grow(self) -> None:
        old = self._slots
        self._slots = array("Q", bytes(16 * len(old)))
        self._mask = 2 * len(old) - 1
        for key in old:
            if key:
                self._slots[self._find(key)] = key
