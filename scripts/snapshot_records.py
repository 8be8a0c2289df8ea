#!/usr/bin/env python3
"""Snapshot the pipeline's records on the seeds and every real-news article, or diff
against a snapshot: the check that a refactor leaves extraction output unchanged.

    python scripts/snapshot_records.py write out/snapshot.jsonl   # before the change
    python scripts/snapshot_records.py diff  out/snapshot.jsonl   # after: lists every change

`--archive` adds every article of the archive month (../shared/data/archive/rmrb-2019-10,
2,109 articles, with their index's title and date), the texts the speed budget is also
measured on. Run with a fixed PYTHONHASHSEED (e.g. 0) on both trees.

`diff` exits 1 when any record's JSON line differs and prints the first differing key of each.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from extractor import extract  # noqa: E402

SHARED = REPO.parent / "shared" / "data"


ARCHIVE_MONTH = SHARED / "archive" / "rmrb-2019-10" / "index.jsonl"


def indexed(index: Path):
    """(doc_id, path, published, title) for each article an index.jsonl lists."""
    for line in index.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            yield str(row["id"]), index.parent / Path(row["file"]).name, row.get("published"), row.get("title")


def inputs(archive: bool = False):
    """(doc_id, path, published, title) for the seeds and the real-news folders, and with
    ``archive`` every article of the archive month."""
    for p in sorted((REPO / "corpus").glob("*.txt")):
        yield p.stem, p, None, None
    for index in sorted((SHARED / "real-news").glob("*/index.jsonl")):
        yield from indexed(index)
    if archive:
        yield from indexed(ARCHIVE_MONTH)


def records(archive: bool = False):
    for doc_id, path, published, title in inputs(archive):
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
    parser.add_argument("--archive", action="store_true",
                        help="also every article of the archive month (2,109 more records)")
    args = parser.parse_args()
    if args.mode == "write":
        args.snapshot.parent.mkdir(parents=True, exist_ok=True)
        with args.snapshot.open("w", encoding="utf-8") as out:
            for doc_id, rec in records(args.archive):
                out.write(json.dumps(rec, ensure_ascii=False, sort_keys=True) + "\n")
        return 0
    # Keyed by doc_id and its occurrence: some archive articles are also in real news.
    before: dict[tuple[str, int], str] = {}
    occurrences: Counter = Counter()
    for line in args.snapshot.read_text(encoding="utf-8").splitlines():
        doc_id = json.loads(line)["doc_id"]
        before[doc_id, occurrences[doc_id]] = line
        occurrences[doc_id] += 1
    occurrences.clear()
    changed = 0
    seen = 0
    for doc_id, rec in records(args.archive):
        seen += 1
        line = json.dumps(rec, ensure_ascii=False, sort_keys=True)
        old = before.get((doc_id, occurrences[doc_id]))
        occurrences[doc_id] += 1
        if old == line:
            continue
        diff = ("new article" if old is None
                else first_difference(json.loads(old), json.loads(line)) or "bytes differ")
        changed += 1
        print(f"{doc_id}: {diff}")
    print(f"{seen} records, {changed} changed")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
