#!/usr/bin/env python3
"""Snapshot the pipeline's records on the seeds and every real-news article, or diff
against a snapshot: the check that a refactor leaves extraction output unchanged.

    python scripts/snapshot_records.py write out/snapshot.jsonl   # before the change
    python scripts/snapshot_records.py diff  out/snapshot.jsonl   # after: lists every change

`diff` exits 1 when any record differs and prints the first differing key of each.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from extractor import extract  # noqa: E402

SHARED = REPO.parent / "shared" / "data"


def inputs():
    """(doc_id, path, published, title) for the seeds and the real-news folders."""
    for p in sorted((REPO / "corpus").glob("*.txt")):
        yield p.stem, p, None, None
    for index in sorted((SHARED / "real-news").glob("*/index.jsonl")):
        for line in index.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                yield str(row["id"]), index.parent / Path(row["file"]).name, row.get("published"), row.get("title")


def records():
    for doc_id, path, published, title in inputs():
        record = extract(path.read_bytes(), doc_id=doc_id, published=published, title=title)
        yield doc_id, record.to_dict()


def first_difference(a, b, where=""):
    if type(a) is not type(b):
        return where or "/"
    if isinstance(a, dict):
        for key in sorted(set(a) | set(b)):
            if key not in a or key not in b:
                return f"{where}/{key}"
            found = first_difference(a[key], b[key], f"{where}/{key}")
            if found:
                return found
        return None
    if isinstance(a, list):
        if len(a) != len(b):
            return f"{where} (length {len(a)} → {len(b)})"
        for i, (x, y) in enumerate(zip(a, b)):
            found = first_difference(x, y, f"{where}[{i}]")
            if found:
                return found
        return None
    return None if a == b else f"{where}: {a!r} → {b!r}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mode", choices=["write", "diff"])
    parser.add_argument("snapshot", type=Path)
    args = parser.parse_args()
    if args.mode == "write":
        args.snapshot.parent.mkdir(parents=True, exist_ok=True)
        with args.snapshot.open("w", encoding="utf-8") as out:
            for doc_id, rec in records():
                out.write(json.dumps(rec, ensure_ascii=False, sort_keys=True) + "\n")
        return 0
    before = {}
    for line in args.snapshot.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        before[rec["doc_id"]] = rec
    changed = 0
    seen = 0
    for doc_id, rec in records():
        seen += 1
        rec = json.loads(json.dumps(rec, ensure_ascii=False))
        old = before.get(doc_id)
        diff = "new article" if old is None else first_difference(old, rec)
        if diff:
            changed += 1
            print(f"{doc_id}: {diff}")
    print(f"{seen} records, {changed} changed")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
