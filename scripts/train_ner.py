#!/usr/bin/env python3
"""Train the spaCy character NER (PER/LOC/ORG) that ships in extractor/ner/models/.

    python scripts/train_ner.py                 # data → train → copy weights (≈ 25 min, 2 cores)
    python scripts/train_ner.py --max-steps 300 # a quick smoke run
    python scripts/train_ner.py --prepare-only  # only write out/ner/*.spacy

Data (research-use corpora in ../shared/data/ner/, never copied into the repo; see its
SOURCES.md):
- MSRA NER train (People's Daily 1998, PER/LOC/ORG, BIO per character): every 20th
  sentence goes to dev, the rest to train;
- CLUENER2020 train (+ dev into our dev): name → PER, address → LOC,
  organization/government/company → ORG; repeats of a labelled surface that CLUENER left
  unlabelled are labelled too.
Text is put in the form our normaliser gives (full-width digits, Latin letters and spaces
→ ASCII), and long MSRA paragraphs are cut after 。！？； so batches stay small.

The trained pipeline (tok2vec + ner, no tokenizer data besides the "char" segmenter) is
copied to extractor/ner/models/zh_char_cnn/, with meta.json holding the dev scores; the
MSRA test split (never trained on) is scored at the end and printed.
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from extractor.ner.tagger import bio_entities  # noqa: E402
DATA = REPO.parent / "shared" / "data" / "ner"
WORK = REPO / "out" / "ner"
CONFIG = REPO / "extractor" / "ner" / "char_cnn.cfg"
MODEL_DIR = REPO / "extractor" / "ner" / "models" / "zh_char_cnn"
CRF_DIR = REPO / "extractor" / "ner" / "models" / "zh_char_crf"
STUDENT_DIR = REPO / "extractor" / "ner" / "models" / "zh_char_crf_lac"
SHARED = REPO.parent / "shared" / "data"
GOLD = REPO / "gold"

CLUENER_MAP = {"name": "PER", "address": "LOC", "organization": "ORG",
               "government": "ORG", "company": "ORG"}
SENT_END = set("。！？；")


def to_half_width(ch: str) -> str:
    """What extractor.normalize does to width: full-width ASCII letters/digits/space → ASCII."""
    code = ord(ch)
    if 0xFF10 <= code <= 0xFF19 or 0xFF21 <= code <= 0xFF3A or 0xFF41 <= code <= 0xFF5A:
        return chr(code - 0xFEE0)
    if ch == "\u3000":
        return " "
    return ch


def read_bio(path: Path):
    """MSRA: char<TAB>tag lines, blank line between sentences → (text, [(start, end, label)])."""
    chars: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if chars:
                    yield from split_sentence(chars, tags)
                chars, tags = [], []
                continue
            ch, tag = line.split("\t")
            chars.append(to_half_width(ch))
            tags.append(tag)
    if chars:
        yield from split_sentence(chars, tags)


def split_sentence(chars, tags, max_len: int = 150):
    """Cut a long paragraph after sentence-final punctuation outside any entity."""
    pieces = []
    begin = 0
    for i, ch in enumerate(chars):
        nxt = tags[i + 1] if i + 1 < len(tags) else "O"
        if ch in SENT_END and not nxt.startswith("I-") and i + 1 - begin >= 10:
            pieces.append((begin, i + 1))
            begin = i + 1
    if begin < len(chars):
        pieces.append((begin, len(chars)))
    if len(chars) <= max_len:
        pieces = [(0, len(chars))]
    for a, b in pieces:
        yield "".join(chars[a:b]), bio_entities(tags[a:b])


def read_cluener(path: Path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            text = "".join(to_half_width(c) for c in row["text"])
            spans = []
            for kind, surfaces in row.get("label", {}).items():
                label = CLUENER_MAP.get(kind)
                if label is None:
                    continue
                for surface, offsets in surfaces.items():
                    for start, end in offsets:
                        spans.append((start, end + 1, label))
                    # CLUENER leaves many repeats unlabelled: label them too.
                    i = text.find(surface)
                    while i >= 0:
                        spans.append((i, i + len(surface), label))
                        i = text.find(surface, i + 1)
            yield text, drop_overlaps(spans)


def drop_overlaps(spans):
    out = []
    for s in sorted(set(spans), key=lambda s: (s[0], -(s[1] - s[0]))):
        if not out or s[0] >= out[-1][1]:
            out.append(s)
    return out


def to_docbin(nlp, examples, path: Path) -> int:
    from spacy.tokens import DocBin
    db = DocBin(store_user_data=False)
    n = 0
    for text, spans in examples:
        doc = nlp.make_doc(text)
        ents = []
        for start, end, label in spans:
            span = doc.char_span(start, end, label=label, alignment_mode="strict")
            if span is not None:
                ents.append(span)
        try:
            doc.ents = ents
        except ValueError:
            continue
        db.add(doc)
        n += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(path)
    return n


def corpora() -> tuple[list, list, list]:
    """(train, dev, msra_test) as lists of (text, [(start, end, label)])."""
    msra = list(read_bio(DATA / "msra" / "msra_train_bio"))
    train = [ex for i, ex in enumerate(msra) if i % 20 != 0]
    dev = [ex for i, ex in enumerate(msra) if i % 20 == 0]
    clue_train = list(read_cluener(DATA / "cluener2020" / "train.json"))
    clue_dev = list(read_cluener(DATA / "cluener2020" / "dev.json"))
    train += clue_train
    dev += clue_dev
    random.Random(0).shuffle(train)
    return train, dev, list(read_bio(DATA / "msra" / "msra_test_bio"))


def prepare(nlp) -> dict:
    train, dev, test = corpora()
    counts = {
        "train": to_docbin(nlp, train, WORK / "train.spacy"),
        "dev": to_docbin(nlp, dev, WORK / "dev.spacy"),
        "msra_test": to_docbin(nlp, test, WORK / "msra_test.spacy"),
    }
    return counts


def score(model_path: Path, docbin: Path) -> dict:
    import spacy
    from spacy.tokens import DocBin
    from spacy.scorer import Scorer
    from spacy.training import Example
    nlp = spacy.load(model_path)
    gold = list(DocBin().from_disk(docbin).get_docs(nlp.vocab))
    examples = [Example(pred, ref) for pred, ref in zip(nlp.pipe(d.text for d in gold), gold)]
    s = Scorer.score_spans(examples, "ents")
    return {k: (round(v, 4) if isinstance(v, float) else
                {lab: {m: round(x, 4) for m, x in d.items()} for lab, d in v.items()})
            for k, v in s.items()}


def bio_tags(text: str, spans) -> list[str]:
    tags = ["O"] * len(text)
    for start, end, label in spans:
        tags[start] = "B-" + label
        for i in range(start + 1, end):
            tags[i] = "I-" + label
    return tags


def train_crf(max_iterations: int) -> None:
    """The CRF alternative: python-crfsuite, L-BFGS, features of extractor/ner/crf.py."""
    import pycrfsuite
    sys.path.insert(0, str(REPO))
    from extractor.ner.crf import char_features

    t0 = time.time()
    train, dev, test = corpora()
    trainer = pycrfsuite.Trainer(verbose=False)
    for text, spans in train:
        trainer.append(char_features(text), bio_tags(text, spans))
    trainer.set_params({"c1": 0.1, "c2": 0.01, "max_iterations": max_iterations,
                        "feature.minfreq": 2, "feature.possible_transitions": True})
    CRF_DIR.mkdir(parents=True, exist_ok=True)
    print(f"CRF: {len(train)} sentences loaded in {time.time() - t0:.0f} s; training", flush=True)
    t1 = time.time()
    trainer.train(str(CRF_DIR / "model.crfsuite"))
    train_seconds = time.time() - t1
    tagger = pycrfsuite.Tagger()
    tagger.open(str(CRF_DIR / "model.crfsuite"))
    report = {"train_seconds": round(train_seconds), "sentences": {"train": len(train)}}
    for name, data in (("dev", dev), ("msra_test", test)):
        tp = fp = fn = 0
        for text, spans in data:
            pred = {(s, e, lab) for s, e, lab in bio_entities(tagger.tag(char_features(text)))
                    if lab == "PER"}
            gold = {s for s in spans if s[2] == "PER"}
            tp += len(pred & gold)
            fp += len(pred - gold)
            fn += len(gold - pred)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        report[name + "_PER"] = {"p": round(p, 4), "r": round(r, 4),
                                 "f": round(2 * p * r / (p + r) if p + r else 0.0, 4)}
    (WORK / "train_crf_report.json").write_text(json.dumps(report, indent=1))
    print(json.dumps(report, indent=1))


def unscored_archive_ids() -> list[Path]:
    """The archive month's texts that no gold file or id list names (never a held-out or a
    dev-scored text: the student's dev check stays honest)."""
    named = set()
    for f in GOLD.glob("*.txt"):
        named |= {line.split("#")[0].split()[0] for line in f.read_text(encoding="utf-8").splitlines()
                  if line.split("#")[0].strip()}
    for folder in ("archive", "real-news", "pages"):
        named |= {g.stem for g in (GOLD / folder).glob("*.json")}
    return [p for p in sorted((SHARED / "archive" / "rmrb-2019-10").glob("*.txt")) if p.stem not in named]


def corpus_sentences() -> list[str]:
    """MSRA train, CLUENER train and the People's Daily (zjy) sentences, texts only."""
    sents = [t for t, _ in read_bio(DATA / "msra" / "msra_train_bio")]
    sents += [t for t, _ in read_cluener(DATA / "cluener2020" / "train.json")]
    for name in ("example.dev", "example.test"):
        chars: list[str] = []
        for line in open(DATA / "peoples_daily_zjy" / name, encoding="utf-8"):
            if line.split():
                chars.append(to_half_width(line.split()[0]))
            elif chars:
                sents.append("".join(chars))
                chars = []
    return sents


def gate_windows(archive: list[Path], sentences: list[str]) -> list[tuple[str, list]]:
    """The persons stage's own tagger windows (edge retagging included) over the unscored
    archive texts and the corpus sentences (20 a pseudo-article, 5 a paragraph), each with
    the PER spans LAC gives it: the pipeline is run with its tagger wrapped."""
    from extractor import extract
    from extractor.stages import persons as P

    rules = P.load_rules()
    inner, seen = rules.tagger, []

    def recorded(texts):
        spans = inner(texts)
        seen.extend(zip(texts, spans))
        return spans
    recorded.cache_clear, recorded.organisations = inner.cache_clear, lambda text: []
    object.__setattr__(rules, "tagger", recorded)     # the rules object is frozen
    for path in archive:
        extract(path.read_bytes(), doc_id=path.stem)
    for k in range(0, len(sentences), 20):
        group = sentences[k:k + 20]
        extract("\n".join("".join(group[j:j + 5]) for j in range(0, len(group), 5)), doc_id=f"ner{k}")
    object.__setattr__(rules, "tagger", inner)
    return seen


def random_windows(lines: list[str], lengths: list[int], msra, seed: int, every: int, reach: int) -> list[str]:
    """More windows of the gate's lengths: random cuts of each line (one per ``every``
    characters), and a cut around each PER of MSRA train reaching 0 to ``reach`` characters
    either side."""
    rng = random.Random(seed)
    out = []
    for line in lines:
        for _ in range(max(1, len(line) // every)):
            n = rng.choice(lengths)
            a = rng.randrange(0, len(line) - n + 1) if n < len(line) else 0
            out.append(line[a:a + n])
    for text, spans in msra:
        for s, e, label in spans:
            if label == "PER":
                out.append(text[max(0, s - rng.randint(0, reach)):min(len(text), e + rng.randint(0, reach))])
    return list(dict.fromkeys(w for w in out if w.strip()))


def student_data() -> list[tuple[str, list]]:
    """(window, LAC's PER spans in it): the gate's windows and the random ones (see
    extractor/ner/models/zh_char_crf_lac/PROVENANCE.md)."""
    from extractor.ner.tagger import LacTagger

    archive = unscored_archive_ids()
    sentences = corpus_sentences()
    gate = gate_windows(archive, sentences)
    lines = [line.strip() for p in archive for line in p.read_text(encoding="utf-8").splitlines()
             if len(line.strip()) >= 4]
    msra = list(read_bio(DATA / "msra" / "msra_train_bio"))
    lines += [t for t, _ in msra] + [t for t, _ in read_cluener(DATA / "cluener2020" / "train.json")]
    lengths = [len(t) for t, _ in gate]
    lac, data = LacTagger(threads=1), dict(gate)
    for seed, every, reach in ((24, 60, 9), (2424, 40, 12)):      # two draws
        extra = random_windows(lines, lengths, msra, seed, every, reach)
        for k in range(0, len(extra), 2000):
            for text, ents in zip(extra[k:k + 2000], lac.tag(extra[k:k + 2000], labels=("PER",))):
                data.setdefault(text, [(e.start, e.end) for e in ents])
    print(f"student: {len(archive)} archive texts, {len(sentences)} sentences; {len(gate)} gate windows, "
          f"{len(data)} distinct windows with the random ones", flush=True)
    return list(data.items())


def train_student(max_iterations: int) -> None:
    """The cascade's student: the CRF with the window features trained on LAC's PER spans
    (``--crf extended``), into extractor/ner/models/zh_char_crf_lac."""
    import pycrfsuite
    from extractor.ner.crf import char_features_window
    from extractor.ner.tagger import split_pieces

    trainer = pycrfsuite.Trainer(verbose=False)
    for text, spans in student_data():
        for a, b in split_pieces(text):
            tags = bio_tags(text[a:b], [(s - a, e - a, "PER") for s, e in spans if a <= s and e <= b])
            trainer.append(char_features_window(text[a:b]), tags)
    trainer.set_params({"c1": 0.1, "c2": 0.01, "max_iterations": max_iterations,
                        "feature.minfreq": 2, "feature.possible_transitions": True})
    STUDENT_DIR.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    trainer.train(str(STUDENT_DIR / "model.crfsuite"))
    (STUDENT_DIR / "features").write_text("window\n")
    print(f"student trained in {time.time() - t0:.0f} s", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--max-steps", type=int, default=None)
    parser.add_argument("--prepare-only", action="store_true")
    parser.add_argument("--finish-only", action="store_true",
                        help="only copy out/ner/training/model-best into the package and score it")
    parser.add_argument("--crf", nargs="?", const="basic", choices=("basic", "extended"),
                        help="train the python-crfsuite CRF instead of the spaCy model: on the NER "
                             "corpora (basic), or the cascade's student on LAC's PER spans (extended)")
    parser.add_argument("--crf-iterations", type=int, default=100)
    args = parser.parse_args()

    if args.crf == "extended":
        return train_student(args.crf_iterations)
    if args.crf:
        return train_crf(args.crf_iterations)
    if args.finish_only:
        return finish()
    import spacy
    from spacy.cli.train import train

    t0 = time.time()
    nlp = spacy.blank("zh")  # the "char" segmenter: one token per character
    counts = prepare(nlp)
    print(f"prepared {counts} in {time.time() - t0:.0f} s", flush=True)
    if args.prepare_only:
        return
    overrides = {"paths.train": str(WORK / "train.spacy"), "paths.dev": str(WORK / "dev.spacy")}
    if args.max_steps:
        overrides["training.max_steps"] = args.max_steps
    t1 = time.time()
    train(CONFIG, WORK / "training", overrides=overrides)
    finish(counts, round(time.time() - t1))


def finish(counts: dict | None = None, train_seconds: int | None = None) -> None:
    """Copy out/ner/training/model-best into the package and score it on MSRA test."""
    best = WORK / "training" / "model-best"
    if MODEL_DIR.exists():
        shutil.rmtree(MODEL_DIR)
    shutil.copytree(best, MODEL_DIR, ignore=shutil.ignore_patterns("*.pyc"))
    test = score(MODEL_DIR, WORK / "msra_test.spacy")
    meta = json.loads((MODEL_DIR / "meta.json").read_text(encoding="utf-8"))
    report = {"train_seconds": train_seconds, "sentences": counts,
              "dev_ents_f": meta.get("performance", {}).get("ents_f"),
              "dev_per_type": meta.get("performance", {}).get("ents_per_type"),
              "msra_test": {"ents_f": test["ents_f"], "per_type": test["ents_per_type"]}}
    (WORK / "train_report.json").write_text(json.dumps(report, indent=1, ensure_ascii=False))
    print(json.dumps(report, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    sys.exit(main())
