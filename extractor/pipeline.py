"""The pipeline: normalise → segment → stages → Record.

Stages are registered by name (as spaCy registers components) and run in order over an
:class:`Article`, each adding its facts to ``article.facts[kind]``; later stages may read
earlier ones (pairings read counties). ``extract`` assembles the Record.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Optional

from .normalize import Normalized, normalize
from .record import Record
from .segment import sentence_bounds


@dataclass
class Article:
    """What the stages work on: the normalised text, its sentences, facts so far."""

    norm: Normalized
    doc_id: Optional[str] = None
    title: Optional[str] = None
    published: Optional[str] = None
    reference_date: Optional[str] = None
    facts: dict[str, list] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    _sentences: Optional[list[tuple[int, int]]] = None

    @property
    def text(self) -> str:
        return self.norm.text

    @property
    def sentences(self) -> list[tuple[int, int]]:
        if self._sentences is None:
            self._sentences = sentence_bounds(self.norm.text)
        return self._sentences

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        return self.norm.source_span(start, end)


Stage = Callable[[Article], None]
STAGES: dict[str, Stage] = {}
#: Stage order: facts that others depend on first.
ORDER = ["dates", "counties", "money", "figures", "persons", "pairings"]


def stage(name: str) -> Callable[[Stage], Stage]:
    """Register a pipeline stage (``@stage("counties")``)."""
    def register(fn: Stage) -> Stage:
        STAGES[name] = fn
        return fn
    return register


_stages_loaded = False


def _load_stages() -> None:
    # Importing a stage module registers it; a stage not built yet is simply absent.
    global _stages_loaded
    if _stages_loaded:
        return
    import importlib
    for name in ORDER:
        module = {"money": "money", "figures": "figures"}.get(name, name)
        try:
            importlib.import_module(f".{module}", __package__)
        except ModuleNotFoundError as err:
            if err.name != f"{__package__}.{module}":
                raise
    _stages_loaded = True


def extract(text: str | bytes, *, doc_id: str | None = None, title: str | None = None,
            published: str | None = None, reference_date: str | None = None) -> Record:
    """Extract one article (text or raw bytes) into a :class:`Record`."""
    _load_stages()  # a stage module imported on its own must not hide the others
    norm = normalize(text)
    article = Article(norm=norm, doc_id=doc_id, title=title, published=published,
                      reference_date=reference_date, warnings=list(norm.warnings))
    for name in ORDER:
        if name in STAGES:
            STAGES[name](article)
    record = Record(doc_id=doc_id, title=article.title, published=article.published,
                    reference_date=article.reference_date, script=norm.script,
                    repairs=norm.repair_counts(), warnings=article.warnings,
                    text=norm.text, source_text=norm.source)
    for kind in Record.FACT_KINDS:
        setattr(record, kind, article.facts.get(kind, []))
    return record


def extract_many(items: Iterable, *, jobs: int = 1, reference_date: str | None = None) -> Iterator[Record]:
    """Extract many articles: each item a text, bytes, or a dict with ``text``/``content``."""
    from .io import run_items
    yield from run_items(items, jobs=jobs, reference_date=reference_date)
