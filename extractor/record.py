"""Typed facts and the per-article Record (SPEC.md sections 1–6).

Every fact keeps ``text``, ``span`` (offsets into the normalised text) and
``source_span`` (offsets into the decoded input). ``to_dict()`` gives the JSON of SPEC.md.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from decimal import Decimal
from typing import Any, Optional

from .frozen import quick_frozen
from .text.sentences import TextIndex

SCHEMA_VERSION = "1"

Span = tuple[int, int]


def json_number(value: Decimal | int | float | None):
    """Decimal → int when whole, else float (JSON has no Decimal)."""
    if value is None or isinstance(value, (int, float)):
        return value
    if value == value.to_integral_value():
        return int(value)
    return float(value)


@dataclass
class Mention:
    text: str
    span: Span
    source_span: Span


@quick_frozen   # 2,823 a real-news pass: each province or prefecture the counties stage reads
class NamedPlace:
    """A province or prefecture the text names (``article.facts["places"]``, set by the
    counties stage): context for the stages that say where a fact is. Not a record field."""

    start: int
    end: int
    text: str
    name: str       # official name (四川 → 四川省, 凉山州 → 凉山彝族自治州)
    adcode: str
    level: str      # province | prefecture
    province: Optional[str] = None   # a prefecture's province


class _WithKeys:
    """Facts that carry gazetteer keys for the stages after theirs: not in the JSON."""

    KEYS: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        d = asdict(self)
        for k in self.KEYS:
            del d[k]
        return d


@dataclass
class County(_WithKeys):
    name: str
    adcode: Optional[str]
    province: Optional[str]
    prefecture: Optional[str]
    aliases_seen: list[str] = field(default_factory=list)
    role: str = "other"  # recipient | helper | other
    mentions: list[Mention] = field(default_factory=list)
    #: the gazetteer's key of the unit, for the stages that compare units: its adcode, or for an
    #: abolished unit (下城区: ``adcode`` null, SPEC 2) its prefecture's code stem and name; None
    #: when the name stayed ambiguous
    key: Optional[str] = field(default=None, repr=False)

    KEYS = ("key",)


@dataclass
class Person:
    name: str
    role: str  # cadre | journalist | resident | other
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Post:
    title: str
    place: Optional[str] = None
    since: Optional[str] = None
    until: Optional[str] = None


@dataclass
class Cadre:
    name: str
    origin: Optional[str] = None
    origin_title: Optional[str] = None
    posts: list[Post] = field(default_factory=list)
    honours: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)


class _HasValue:
    """Facts whose ``value`` is a Decimal: JSON gets an int or a float."""

    def to_dict(self) -> dict:
        d = asdict(self)
        d["value"] = json_number(self.value)
        return d


@dataclass
class Amount(_HasValue):
    text: str
    value: Decimal
    currency: str
    qualifier: Optional[str]
    relevant: bool
    span: Span
    source_span: Span
    purpose: Optional[str] = None
    year: Optional[int] = None


@dataclass
class PovertyFigure(_HasValue):
    metric: str
    value: Decimal
    unit: str
    text: str
    span: Span
    source_span: Span
    place: Optional[str] = None
    year: Optional[int] = None
    qualifier: Optional[str] = None


@dataclass
class Pairing(_WithKeys):
    helper: str
    recipient: str
    text: str
    span: Span
    source_span: Span
    helper_adcode: Optional[str] = None
    recipient_adcode: Optional[str] = None
    kind: Optional[str] = None
    #: the parties' gazetteer keys (see ``County.key``; an abolished unit has a key but no adcode),
    #: for the county roles; None for an organisation
    helper_key: Optional[str] = field(default=None, repr=False)
    recipient_key: Optional[str] = field(default=None, repr=False)

    KEYS = ("helper_key", "recipient_key")


def _fact_dict(fact: Any) -> dict:
    return fact.to_dict() if hasattr(fact, "to_dict") else asdict(fact)


@dataclass
class Record:
    doc_id: Optional[str]
    title: Optional[str] = None
    published: Optional[str] = None
    reference_date: Optional[str] = None
    script: str = "simplified"
    repairs: dict[str, int] = field(default_factory=dict)
    counties: list[County] = field(default_factory=list)
    cadres: list[Cadre] = field(default_factory=list)
    persons: list[Person] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    poverty_figures: list[PovertyFigure] = field(default_factory=list)
    pairings: list[Pairing] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # Not in the JSON: the texts, for callers that want to go back to the sentence.
    text: str = field(default="", repr=False)
    source_text: str = field(default="", repr=False)

    FACT_KINDS = ("counties", "cadres", "persons", "amounts", "poverty_figures", "pairings")

    def to_dict(self) -> dict:
        out: dict[str, Any] = {"schema": SCHEMA_VERSION}
        for f in fields(self):
            if f.name in ("text", "source_text"):
                continue
            value = getattr(self, f.name)
            if f.name in self.FACT_KINDS:
                value = [_fact_dict(x) for x in value]
            out[f.name] = value
        return out

    def sentence_of(self, span: Span) -> str:
        """The sentence of the normalised text that contains ``span``."""
        if not self.text:
            return ""
        start, end = TextIndex(self.text).sentence_of(span[0])
        return self.text[start:end]


def error_record(doc_id: Optional[str], source: Optional[str], kind: str, message: str) -> dict:
    """An error record per SPEC 8: these keys and nothing else."""
    return {"doc_id": doc_id, "source": source, "error": {"kind": kind, "message": message}}
