"""spaCy for spaCy users: our tokenizer and components. Nothing on the hot path imports
this module.

Registered through entry points (``pyproject.toml``: ``spacy_factories``,
``spacy_tokenizers``), so in any process::

    nlp = spacy.blank("zh")
    nlp.add_pipe("fupin_counties")        # doc.spans["county"], label COUNTY, kb_id_ adcode
    nlp.add_pipe("fupin_pairings")        # doc.spans["pairing"], label the kind, span._.pairings

and a saved pipeline (``nlp.to_disk``) loads back with ``spacy.load``. The rule data is
read in ``initialize`` (``nlp.initialize()``), from the project's rules or another folder
(``config={"rules_dir": ...}``); a component used before ``initialize`` loads the
project's rules the first time it runs.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import registry

from .article import Article
from .stages.counties import counties_of, find_counties, load_rules as load_county_rules
from .stages.pairings import find_pairings, load_rules as load_pairing_rules
from .stages.persons import find_persons, load_rules as load_person_rules
from .text.normalize import Normalized
from .text.offsets import OffsetMap
from .text.segment import Segmenter
from .text.sentences import TextIndex, sentence_bounds

TOKENIZER_NAME = "fupin.Tokenizer.v1"


class SpacyTokenizer:
    """spaCy tokenizer around :class:`Segmenter`: whitespace runs become their own tokens
    (so ``doc.text == text``), and sentence starts follow :func:`sentence_bounds`."""

    def __init__(self, vocab, engine: str = "rjieba") -> None:
        self.vocab = vocab
        self.segmenter = Segmenter(engine)

    def __call__(self, text: str) -> Doc:
        words, spaces = [], []
        for tok in self.segmenter.cut(text):
            if tok == " " and words and not spaces[-1]:
                spaces[-1] = True
            else:
                words.append(tok)
                spaces.append(False)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        starts = {s for s, _ in sentence_bounds(text)}
        for i, token in enumerate(doc):
            token.is_sent_start = i == 0 or token.idx in starts
        return doc

    # The dictionary is rebuilt from rules/ on load (jieba's is not serialisable): only the
    # engine's name is saved.
    def to_bytes(self, **kwargs) -> bytes:
        return self.segmenter.engine.encode()

    def from_bytes(self, data: bytes, **kwargs):
        self.segmenter = Segmenter(data.decode() or "rjieba")
        return self

    def to_disk(self, path, **kwargs) -> None:
        Path(path).write_text(self.segmenter.engine, encoding="utf-8")

    def from_disk(self, path, **kwargs):
        self.segmenter = Segmenter(Path(path).read_text(encoding="utf-8").strip() or "rjieba")
        return self


@registry.tokenizers(TOKENIZER_NAME)
def create_tokenizer(engine: str = "rjieba"):
    """``[nlp.tokenizer] @tokenizers = "fupin.Tokenizer.v1"``."""
    def make(nlp: Language) -> SpacyTokenizer:
        return SpacyTokenizer(nlp.vocab, engine)
    return make


def _doc_index(doc: Doc) -> TextIndex:
    """The doc's sentences: spaCy's where a component set them, else ours (as the pipeline
    cuts them), never the whole text as one sentence (rules look within a sentence)."""
    if doc.has_annotation("SENT_START"):
        return TextIndex(doc.text, [(s.start_char, s.end_char) for s in doc.sents])
    return TextIndex(doc.text, sentence_bounds(doc.text))


class CountiesComponent:
    """Writes every county mention to ``doc.spans[spans_key]``: label COUNTY, ``kb_id_`` the
    adcode (empty when ambiguous), span expanded to whole tokens (石渠县委 → the token)."""

    def __init__(self, spans_key: str = "county", rules_dir: Optional[str] = None) -> None:
        self.spans_key = spans_key
        self.rules_dir = rules_dir
        self.county_rules = None

    def initialize(self, get_examples=None, *, nlp=None, rules_dir: Optional[str] = None) -> None:
        """Load the county rules and gazetteer (from ``rules_dir`` when given)."""
        self.rules_dir = rules_dir or self.rules_dir
        self.county_rules = load_county_rules(self.rules_dir)

    def __call__(self, doc: Doc) -> Doc:
        if self.county_rules is None:
            self.initialize()
        index = _doc_index(doc)
        spans = []
        for m in find_counties(doc.text, self.county_rules, sentence_of=index.sentence_of):
            span = doc.char_span(m.hit.start, m.hit.end, label="COUNTY",
                                 kb_id=(m.unit.code if m.unit else None) or "",
                                 alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc


@Language.factory("fupin_counties", assigns=["doc.spans"],
                  default_config={"spans_key": "county", "rules_dir": None})
def make_counties(nlp: Language, name: str, spans_key: str, rules_dir: Optional[str]):
    return CountiesComponent(spans_key, rules_dir)


class PairingsComponent:
    """Writes every pairing statement to ``doc.spans[spans_key]``: the span of the statement
    (expanded to whole tokens), label its kind (对口帮扶, 援建 …), and ``span._.pairings`` the
    pairings it states, each {"helper", "recipient", "helper_adcode", "recipient_adcode",
    "kind"} (a list: 广东省对口帮扶广西、贵州 states two).
    Counties are found on the doc's own text first, as the pipeline does."""

    def __init__(self, spans_key: str = "pairing", rules_dir: Optional[str] = None) -> None:
        self.spans_key = spans_key
        self.rules_dir = rules_dir
        self.rules = None
        if not Span.has_extension("pairings"):
            Span.set_extension("pairings", default=None)

    def initialize(self, get_examples=None, *, nlp=None, rules_dir: Optional[str] = None) -> None:
        """Load the pairing and county rules (from ``rules_dir`` when given)."""
        self.rules_dir = rules_dir or self.rules_dir
        self.rules = (load_county_rules(self.rules_dir), load_pairing_rules(self.rules_dir))

    def __call__(self, doc: Doc) -> Doc:
        if self.rules is None:
            self.initialize()
        county_rules, pairing_rules = self.rules
        # the doc's own text, not normalised: spans are the doc's offsets
        article = Article(norm=Normalized(text=doc.text, source=doc.text, offsets=OffsetMap()),
                          rules_dir=self.rules_dir)
        article.facts["counties"] = counties_of(article, county_rules)
        by_statement: dict[tuple[int, int], list] = {}
        for p in find_pairings(article, pairing_rules):
            by_statement.setdefault(p.span, []).append(p)
        spans = []
        for (start, end), pairs in by_statement.items():
            span = doc.char_span(start, end, label=pairs[0].kind or "pairing",
                                 alignment_mode="expand")
            if span is not None:
                # extension values belong to (start, end, label): one span per statement
                span._.pairings = [{"helper": p.helper, "recipient": p.recipient,
                                    "helper_adcode": p.helper_adcode,
                                    "recipient_adcode": p.recipient_adcode, "kind": p.kind}
                                   for p in pairs]
                spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc


@Language.factory("fupin_pairings", assigns=["doc.spans"],
                  default_config={"spans_key": "pairing", "rules_dir": None})
def make_pairings(nlp: Language, name: str, spans_key: str, rules_dir: Optional[str]):
    return PairingsComponent(spans_key, rules_dir)


class PersonsComponent:
    """Writes every person mention to ``doc.spans[spans_key]`` with the person's role as the
    label (CADRE, JOURNALIST, RESIDENT, OTHER) and the full name as ``kb_id_`` (so 黄书记 is
    tied to 黄斌). Posts are placed with the counties the text names."""

    def __init__(self, spans_key: str = "person", rules_dir: Optional[str] = None,
                 reference_year: Optional[int] = None) -> None:
        self.spans_key = spans_key
        self.rules_dir = rules_dir
        self.reference_year = reference_year
        self.rules = None
        self.county_rules = None

    def initialize(self, get_examples=None, *, nlp=None, rules_dir: Optional[str] = None) -> None:
        """Load the person rules, the tagger and the county rules (with the gazetteer)."""
        self.rules_dir = rules_dir or self.rules_dir
        self.rules = load_person_rules(self.rules_dir)
        self.county_rules = load_county_rules(self.rules_dir)

    def __call__(self, doc: Doc) -> Doc:
        if self.rules is None:
            self.initialize()
        index = _doc_index(doc)
        counties = [(m.hit.start, m.hit.end, m.unit.name)
                    for m in find_counties(doc.text, self.county_rules, sentence_of=index.sentence_of)
                    if m.unit is not None]
        spans = []
        for person in find_persons(doc.text, index.sentence_of, index.sentences, counties,
                                   self.reference_year, self.rules):
            for a, b in person.spans:
                span = doc.char_span(a, b, label=person.role.upper(), kb_id=person.name,
                                     alignment_mode="expand")
                if span is not None:
                    spans.append(span)
        doc.spans[self.spans_key] = sorted(spans, key=lambda s: s.start_char)
        return doc


@Language.factory("fupin_persons", assigns=["doc.spans"],
                  default_config={"spans_key": "person", "rules_dir": None, "reference_year": None})
def make_persons(nlp: Language, name: str, spans_key: str, rules_dir: Optional[str],
                 reference_year: Optional[int]):
    return PersonsComponent(spans_key, rules_dir, reference_year)


def make_nlp(engine: str = "rjieba", components: tuple[str, ...] = ("fupin_counties",)) -> Language:
    """``spacy.blank("zh")`` with our segmenter and the project's components."""
    import spacy
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER_NAME,
                                                          "engine": engine}}})
    for name in components:
        nlp.add_pipe(name)
    return nlp
