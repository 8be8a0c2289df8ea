"""Segmentation: sentences (and, via the counties issue, tokens and the spaCy container)."""
from __future__ import annotations

import regex

# A sentence ends at 。！？ (and ASCII !?) plus any closing quotes, or at a line break.
_SENTENCE_END = regex.compile(r"[。！？!?]+[”’」』）)]*|\n+")


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """[start, end) of each sentence; line breaks always end a sentence."""
    bounds = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.end()
        if text[start:end].strip():
            bounds.append((start, end))
        start = end
    if start < len(text) and text[start:].strip():
        bounds.append((start, len(text)))
    return bounds


# ---------------------------------------------------------------------------- tokens

#: Frequency given to the project's own words (place names) in the segmenter dictionary.
PROJECT_WORD_FREQ = 2000


def project_words() -> list[str]:
    """Words the segmenter must keep whole: full unit names and hand-kept aliases
    (丹巴县, 塔什库尔干塔吉克自治县, 塔县). Bare short forms are left out: adding 迁安 would
    make the segmenter cut 搬迁安置 wrongly."""
    from .rules import load_tsv
    words = {r["name"] for r in load_tsv("gazetteer.tsv")}
    words |= {r["alias"] for r in load_tsv("county_aliases.tsv") if r["kind"] != "pair"}
    return sorted(w for w in words if len(w) >= 2)


class Segmenter:
    """A word segmenter with the project dictionary, isolated from any global jieba state.

    ``engine``: ``rjieba`` (Rust, ~20× faster, the default) or ``jieba`` (its own
    ``jieba.Tokenizer``). Each instance has its own dictionary; nothing is global.
    """

    def __init__(self, engine: str = "rjieba", extra_words: list[str] | None = None) -> None:
        self.engine = engine
        words = project_words() + list(extra_words or [])
        if engine == "rjieba":
            import rjieba
            self._impl = rjieba.Jieba()
            for w in words:
                self._impl.add_word(w, PROJECT_WORD_FREQ, None)
            self._cut = lambda text: self._impl.cut(text, True)
        elif engine == "jieba":
            import jieba
            self._impl = jieba.Tokenizer()
            for w in words:
                self._impl.add_word(w, PROJECT_WORD_FREQ)
            self._cut = lambda text: self._impl.lcut(text, HMM=True)
        else:
            raise ValueError(f"unknown segmenter engine {engine!r}")

    def cut(self, text: str) -> list[str]:
        """Tokens whose concatenation is exactly ``text``."""
        return list(self._cut(text)) if text else []

    def spans(self, text: str) -> list[tuple[int, int]]:
        out, pos = [], 0
        for tok in self.cut(text):
            out.append((pos, pos + len(tok)))
            pos += len(tok)
        return out


# ---------------------------------------------------------------------------- spaCy

class SpacyTokenizer:
    """spaCy tokenizer around :class:`Segmenter`: whitespace runs become their own tokens
    (so ``doc.text == text``), and sentence starts follow :func:`sentence_bounds`."""

    def __init__(self, vocab, engine: str = "rjieba") -> None:
        self.vocab = vocab
        self.segmenter = Segmenter(engine)

    def __call__(self, text: str):
        from spacy.tokens import Doc
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

    # spaCy serialises tokenizers; ours is rebuilt from rules/ (the dictionary is not saved)
    def to_bytes(self, **kwargs) -> bytes:
        return self.segmenter.engine.encode()

    def from_bytes(self, data: bytes, **kwargs):
        self.segmenter = Segmenter(data.decode() or "rjieba")
        return self

    def to_disk(self, path, **kwargs) -> None:
        from pathlib import Path
        Path(path).write_text(self.segmenter.engine, encoding="utf-8")

    def from_disk(self, path, **kwargs):
        from pathlib import Path
        self.segmenter = Segmenter(Path(path).read_text(encoding="utf-8").strip() or "rjieba")
        return self


def make_nlp(engine: str = "rjieba", components: tuple[str, ...] = ("fupin_counties",)):
    """``spacy.blank("zh")`` with our segmenter and the project's components."""
    import spacy
    _register_components()
    nlp = spacy.blank("zh")
    nlp.tokenizer = SpacyTokenizer(nlp.vocab, engine)
    for name in components:
        nlp.add_pipe(name)
    return nlp


_REGISTERED = False


def _register_components() -> None:
    """Register the spaCy factories (once; importing spaCy only when asked)."""
    global _REGISTERED
    if _REGISTERED:
        return
    from spacy.language import Language

    @Language.factory("fupin_counties", assigns=["doc.spans"],
                      default_config={"spans_key": "county"})
    def make_counties(nlp, name: str, spans_key: str):
        return CountiesComponent(spans_key)

    _REGISTERED = True


class CountiesComponent:
    """Writes every county mention to ``doc.spans[spans_key]``: label COUNTY, ``kb_id_`` the
    adcode (empty when ambiguous), span expanded to whole tokens (石渠县委 → the token)."""

    def __init__(self, spans_key: str = "county") -> None:
        self.spans_key = spans_key

    def __call__(self, doc):
        from .counties import find_counties
        bounds = [(s.start_char, s.end_char) for s in doc.sents] if doc.has_annotation("SENT_START") else None

        def sentence_of(pos: int) -> tuple[int, int]:
            for s, e in bounds or ():
                if s <= pos < e:
                    return (s, e)
            return (0, len(doc.text))
        spans = []
        for m in find_counties(doc.text, sentence_of=sentence_of):
            span = doc.char_span(m.hit.start, m.hit.end, label="COUNTY",
                                 kb_id=m.unit.adcode if m.unit else "", alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc
