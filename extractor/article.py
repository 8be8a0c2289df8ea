"""What every stage works on: the normalised text, ONE index of its sentences and
paragraphs, the article's metadata, and the facts found so far."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from .rules import Folder
from .text.normalize import Normalized
from .text.sentences import Bounds, TextIndex


@dataclass
class Article:
    norm: Normalized
    doc_id: Optional[str] = None
    title: Optional[str] = None
    published: Optional[str] = None
    reference_date: Optional[str] = None
    facts: dict[str, list] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    rules_dir: Folder = None
    _index: Optional[TextIndex] = field(default=None, repr=False)

    @property
    def text(self) -> str:
        return self.norm.text

    @property
    def index(self) -> TextIndex:
        if self._index is None:
            self._index = TextIndex(self.norm.text)
        return self._index

    @property
    def sentences(self) -> list[Bounds]:
        return self.index.sentences

    def sentence_of(self, pos: int) -> Bounds:
        return self.index.sentence_of(pos)

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        return self.norm.source_span(start, end)

    @property
    def reference_year(self) -> Optional[int]:
        """The year of ``reference_date`` (else ``published``), for 今年/去年."""
        for value in (self.reference_date, self.published):
            if value and value[:4].isdigit():
                return int(value[:4])
        return None
