"""The pipeline: normalise → Article → stages (in the order of the stage table) → Record.

Each stage is declared once in :data:`STAGES`, in the manner of spaCy's
``@Language.factory(..., requires=..., assigns=...)``: its name, how its rules load from a
rules folder, the function that runs it, and the article attributes and fact lists it
requires and assigns. The order is checked once, when the module is imported: a stage
may only require what an earlier stage assigns.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Optional

from .article import Article
from .record import Record
from .rules import Folder, load_yaml
from .stages import counties, dates, figures, money, pairings, persons
from .text.normalize import InputError, normalize

#: What an article has before any stage runs.
GIVEN = ("text", "doc_id")


@dataclass(frozen=True)
class StageSpec:
    name: str
    load_rules: Callable[[Folder], Any]      # cached per folder
    run: Callable[[Article, Any], None]      # adds its facts to the article
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


STAGES: tuple[StageSpec, ...] = (
    StageSpec("dates", dates.load_rules, dates.run,
              requires=("text",), assigns=("published", "reference_date", "title")),
    StageSpec("counties", counties.load_rules, counties.run,
              requires=("text",), assigns=("counties", "places")),
    StageSpec("money", money.load_rules, money.run,
              requires=("text", "reference_date"), assigns=("amounts",)),
    # pairings also sets the role of the counties it names (a recipient, a helper)
    StageSpec("pairings", pairings.load_rules, pairings.run,
              requires=("text", "counties"), assigns=("pairings", "counties.role")),
    StageSpec("persons", persons.load_rules, persons.run,
              # persons reads the pairings (a helper's officials acting in its recipient: P12)
              requires=("text", "reference_date", "counties", "places", "pairings"),
              assigns=("persons", "cadres")),
    # figures runs last: it reads the persons (马世辉2016年脱贫摘帽 is a household's exit, not a county's)
    StageSpec("figures", figures.load_rules, figures.run,
              requires=("text", "reference_date", "counties", "places", "persons"),
              assigns=("poverty_figures",)),
)


def check_order(stages: Iterable[StageSpec]) -> None:
    """Raise ValueError when a stage requires what no earlier stage assigns."""
    available = set(GIVEN)
    for spec in stages:
        missing = [r for r in spec.requires if r not in available]
        if missing:
            raise ValueError(f"stage {spec.name!r} requires {missing}, which no earlier stage assigns")
        available.update(spec.assigns)


check_order(STAGES)


class Pipeline:
    """The stages of :data:`STAGES` with their rules loaded from ``rules_dir`` (files there
    replace the project's files of the same name; the rest come from the project).

        >>> Pipeline(rules_dir="my_rules").extract("石渠县……").counties
    """

    def __init__(self, rules_dir: Folder = None, stages: Iterable[StageSpec] = STAGES, *,
                 max_input_chars: Optional[int] = None, max_warnings: Optional[int] = None) -> None:
        self.rules_dir = rules_dir
        self.stages = tuple(stages)
        check_order(self.stages)
        self.stage_rules = {spec.name: spec.load_rules(rules_dir) for spec in self.stages}
        limits = load_yaml("limits.yaml", rules_dir)
        #: Characters read of one article (the rest is dropped with a warning).
        self.max_input_chars = int(max_input_chars or limits["max_input_chars"])
        #: Warnings kept on one record (the rest are counted in a last one).
        self.max_warnings = int(limits["max_warnings"] if max_warnings is None else max_warnings)
        self.max_warning_chars = int(limits["max_warning_chars"])

    def extract(self, text: str | bytes, *, doc_id: str | None = None, title: str | None = None,
                published: str | None = None, reference_date: str | None = None,
                max_input_chars: Optional[int] = None,
                max_warnings: Optional[int] = None) -> Record:
        """Extract one article (text or raw bytes) into a :class:`Record`. A path
        (``pathlib.Path``) is read as the file's bytes; a str that names an existing file
        is refused, since it is almost surely not the article."""
        text = _article_data(text)
        norm = normalize(text, max_chars=max_input_chars or self.max_input_chars)
        article = Article(norm=norm, doc_id=doc_id, title=title, published=published,
                          reference_date=reference_date, warnings=list(norm.warnings),
                          rules_dir=self.rules_dir)
        for spec in self.stages:
            spec.run(article, self.stage_rules[spec.name])
        record = Record(doc_id=doc_id, title=article.title, published=article.published,
                        reference_date=article.reference_date, script=norm.script,
                        repairs=norm.repair_counts(),
                        warnings=self._capped(article.warnings, max_warnings),
                        text=norm.text, source_text=norm.source)
        for kind in Record.FACT_KINDS:
            setattr(record, kind, article.facts.get(kind, []))
        return record

    def _capped(self, warnings: list[str], max_warnings: Optional[int]) -> list[str]:
        keep = self.max_warnings if max_warnings is None else max_warnings
        return _capped_warnings(warnings, keep, self.max_warning_chars)


#: A str longer than this, or with a line break, is never taken for a file path.
_PATH_LIKE_MAX = 4096


def _capped_warnings(warnings: list[str], keep: int, width: int) -> list[str]:
    """At most ``keep`` warnings of at most ``width`` characters, and a count of the rest."""
    out = [w if len(w) <= width else w[:width - 1] + "…" for w in warnings[:keep]]
    if len(warnings) > keep:
        out.append(f"warnings: {len(warnings) - keep} more not shown (max_warnings {keep})")
    return out


def _article_data(text):
    if isinstance(text, os.PathLike):
        with open(text, "rb") as f:
            return f.read()
    if isinstance(text, str) and len(text) < _PATH_LIKE_MAX and "\n" not in text \
            and os.path.isfile(text):
        raise InputError(f"extract() got the path of a file, not an article: {text!r}; "
                         f"pass extract(pathlib.Path(path)), the file's bytes, or use "
                         f"extractor.extract_file(path) for web pages and JSON")
    return text


_default: Optional[Pipeline] = None


def default_pipeline() -> Pipeline:
    """The pipeline with the project's own rules, built once per process."""
    global _default
    if _default is None:
        _default = Pipeline()
    return _default


def extract(text: str | bytes, *, doc_id: str | None = None, title: str | None = None,
            published: str | None = None, reference_date: str | None = None,
            max_input_chars: Optional[int] = None, max_warnings: Optional[int] = None) -> Record:
    """Extract one article (text or raw bytes) with the project's rules.
    ``max_input_chars`` and ``max_warnings`` override ``rules/limits.yaml``."""
    return default_pipeline().extract(text, doc_id=doc_id, title=title, published=published,
                                      reference_date=reference_date,
                                      max_input_chars=max_input_chars, max_warnings=max_warnings)
