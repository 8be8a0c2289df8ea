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

    def __post_init__(self) -> None:
        # Plain attributes, not properties and methods that delegate: the stages read them
        # ≈ 15,000 (index), 15,000 (text), 9,000 (sentence_of) and 6,000 (source_span) times
        # a real-news pass, and each level of delegation is a Python call (≈ 0.5% of the
        # pipeline in all). Every stage reads the index, so it is built here.
        self.text: str = self.norm.text
        self.index: TextIndex = TextIndex(self.text)
        self.sentences: list[Bounds] = self.index.sentences
        #: ``sentence_of(pos)``: the sentence holding ``pos`` (TextIndex.sentence_of)
        self.sentence_of = self.index.sentence_of
        #: ``source_span(start, end)``: the span of the input text (Normalized.source_span)
        self.source_span = self.norm.offsets.to_source

    @property
    def reference_year(self) -> Optional[int]:
        """The year of ``reference_date`` (else ``published``), for 今年/去年."""
        for value in (self.reference_date, self.published):
            if value and value[:4].isdigit():
                return int(value[:4])
        return None
