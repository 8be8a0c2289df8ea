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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--max-steps", type=int, default=None)
    parser.add_argument("--prepare-only", action="store_true")
    parser.add_argument("--finish-only", action="store_true",
                        help="only copy out/ner/training/model-best into the package and score it")
    parser.add_argument("--crf", action="store_true",
                        help="train the python-crfsuite CRF instead of the spaCy model")
    parser.add_argument("--crf-iterations", type=int, default=100)
    args = parser.parse_args()

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
