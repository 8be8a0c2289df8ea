"""Probe the pipeline on unlabelled text nobody held out (issue 12, round 21): sentences with a
poverty noun or exit cue and a number where the figures stage gives no figure (a recall
probe), figures the stage gives on texts without gold (a precision probe), and amounts with
their relevance call in the archive month. Prints a seeded random sample to read.

    python scripts/unseen_probe.py missed --sample 80
    python scripts/unseen_probe.py given --sample 60
    python scripts/unseen_probe.py relevance --sample 60

The texts: the seeds, real news, the archive month's articles with a poverty cue (index
``cue_hits`` > 0) and the dev web pages in .cache/pages. Left out: every held-out id
(gold/FRESH.txt, FRESH_ARCHIVE.txt, FRESH_PAGES.txt, HELDOUT.txt) and any text whose opening
is a held-out text's opening (a repost under another id). Held-out texts are opened only to
compare openings, never printed. Records are cached in /tmp (``--fresh`` reruns the pipeline).
"""
from __future__ import annotations

import argparse
import json
import pickle
import random
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from extractor import extract  # noqa: E402

SHARED = REPO.parent / "shared" / "data"
GOLD = REPO / "gold"
PAGES = REPO / ".cache" / "pages"
HELD_OUT_LISTS = ("FRESH.txt", "FRESH_ARCHIVE.txt", "FRESH_PAGES.txt", "HELDOUT.txt")
#: characters compared to tell a repost of a held-out text (whitespace removed)
OPENING_CHARS = 60
#: a poverty noun or exit cue (SPEC 5's statements); the probe's own filter, not a rule
POVERTY_CUE = re.compile(r"贫困人口|贫困户|贫困村|贫困县|贫困群众|贫困发生率|建档立卡|脱贫|摘帽|出列|贫困人数|贫困乡|深度贫困")
NUMBER = re.compile(r"[0-9０-９]+|[一二两三四五六七八九十百千万亿]{2,}")
SENTENCE_END = re.compile(r"[。！？!?\n]")


def _ids(name: str) -> set[str]:
    path = GOLD / name
    if not path.exists():
        return set()
    return {line.split("#")[0].strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.split("#")[0].strip()}


def _opening(text: str) -> str:
    return "".join(text.split())[:OPENING_CHARS]


def _indexed(index: Path):
    for line in index.read_text(encoding="utf-8").splitlines():
        if line.strip():
            yield json.loads(line)


def texts():
    """(doc_id, path, published, title, has_gold) of every non-held-out text, and the held-out
    paths (for openings)."""
    held = set().union(*(_ids(n) for n in HELD_OUT_LISTS))
    gold_ids = {p.stem for p in GOLD.glob("*/*.json")}
    out, held_paths = [], []
    for p in sorted((REPO / "corpus").glob("*.txt")):
        out.append((p.stem, p, None, None, True))
    for index in sorted((SHARED / "real-news").glob("*/index.jsonl")):
        for row in _indexed(index):
            path = index.parent / Path(row["file"]).name
            if str(row["id"]) in held:
                held_paths.append(path)
            else:
                out.append((str(row["id"]), path, row.get("published"), row.get("title"), str(row["id"]) in gold_ids))
    archive = SHARED / "archive" / "rmrb-2019-10" / "index.jsonl"
    for row in _indexed(archive):
        path = archive.parent / Path(row["file"]).name
        if str(row["id"]) in held:
            held_paths.append(path)
        elif row.get("cue_hits", 0) > 0:
            out.append((str(row["id"]), path, row.get("published"), row.get("title"), str(row["id"]) in gold_ids))
    for path in sorted(PAGES.glob("*.txt")):
        if path.stem in held:
            held_paths.append(path)
        else:
            out.append((path.stem, path, None, None, path.stem in gold_ids))
    held_openings = {_opening(p.read_text(encoding="utf-8", errors="replace")) for p in held_paths if p.is_file()}
    kept = [t for t in out if t[1].is_file()
            and _opening(t[1].read_text(encoding="utf-8", errors="replace")) not in held_openings]
    return kept, len(out) - len(kept)


def records(fresh: bool):
    cache = Path("/tmp/unseen_probe_records.pkl")
    if cache.exists() and not fresh:
        return pickle.loads(cache.read_bytes())
    kept, reposts = texts()
    rows = []
    for doc_id, path, published, title, has_gold in kept:
        raw = path.read_bytes()
        record = extract(raw, doc_id=doc_id, published=str(published)[:10] if published else None, title=title)
        rows.append((doc_id, has_gold, raw.decode("utf-8", errors="replace"), record.to_dict()))
    cache.write_bytes(pickle.dumps((rows, reposts)))
    return rows, reposts


def sentences(text: str):
    start = 0
    for m in SENTENCE_END.finditer(text):
        yield start, m.end()
        start = m.end()
    if start < len(text):
        yield start, len(text)


def missed(rows):
    """Sentences of texts without gold with a poverty cue and a number and no figure inside
    (gold texts' misses are listed by scripts/accuracy.py --misses)."""
    for doc_id, has_gold, text, record in rows:
        if has_gold:
            continue
        spans = [f["source_span"] for f in record["poverty_figures"]]
        for lo, hi in sentences(text):
            s = text[lo:hi]
            if POVERTY_CUE.search(s) and NUMBER.search(s) and not any(lo <= a < hi for a, _ in spans):
                yield doc_id, s.strip()


def _sentence_around(text: str, a: int, b: int) -> str:
    """The sentence holding text[a:b] (from the end mark before it to the one after it)."""
    lo = max(text.rfind(c, 0, a) for c in "。！？\n") + 1
    hi = min([i for i in (text.find(c, b) for c in "。！？\n") if i >= 0] or [len(text)]) + 1
    return text[lo:hi].strip()


def given(rows):
    """Figures the stage gives on texts without gold, with their sentence."""
    for doc_id, has_gold, text, record in rows:
        if has_gold:
            continue
        for f in record["poverty_figures"]:
            a, b = f["source_span"]
            yield doc_id, f"{f['metric']} {f['value']} {f['unit']} place={f['place']} year={f['year']} «{f['text']}» | {_sentence_around(text, a, b)}"


def relevance(rows):
    """Amounts of archive-month texts without gold, with their relevance call and sentence."""
    for doc_id, has_gold, text, record in rows:
        if has_gold or not re.match(r"\d{8}-", doc_id):
            continue
        for m in record["amounts"]:
            a, b = m["source_span"]
            yield doc_id, f"relevant={m['relevant']} «{m['text']}» | {_sentence_around(text, a, b)}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("probe", choices=("missed", "given", "relevance"))
    parser.add_argument("--sample", type=int, default=80)
    parser.add_argument("--seed", type=int, default=20261205)
    parser.add_argument("--fresh", action="store_true", help="rerun the pipeline (else the /tmp cache)")
    args = parser.parse_args()
    rows, reposts = records(args.fresh)
    found = list({"missed": missed, "given": given, "relevance": relevance}[args.probe](rows))
    print(f"# {len(rows)} texts ({reposts} left out as reposts of held-out texts); {len(found)} {args.probe} items")
    for i, (doc_id, line) in enumerate(random.Random(args.seed).sample(found, min(args.sample, len(found)))):
        print(f"{i:3d} {doc_id}: {line[:300]}")


if __name__ == "__main__":
    main()
