#!/usr/bin/env python3
"""How the official pairings (rules/official_pairings.tsv) meet the dev gold and a run's records.

Dev only: real-news dev, the archive month's dev gold and web pages dev (never an id of a held-out
list). Each gold pairing, and each pairing of the run, is classed by the table: ``official`` (its
two places are, or lie inside, an official pair, helper first), ``reverse`` (only the other way
round), ``not`` (two places no programme pairs) or ``org`` (a side that is no place). Printed per
column: the gold's classes, the run's hits, spurious pairings and misses by class, and of the
official misses how many have both sides named in the text (where knowledge could read them).

    python scripts/accuracy.py && python scripts/official_pairings_probe.py
    python scripts/official_pairings_probe.py RECORDS.jsonl [...]   # e.g. first-sight records
    python scripts/official_pairings_probe.py --show                 # list the official misses
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from accuracy import GOLD, archive_jobs, id_list, jobs, page_jobs  # noqa: E402
from extractor.lexicon.gazetteer import gazetteer  # noqa: E402
from extractor.lexicon.official_pairings import official_pairings  # noqa: E402
from extractor.lexicon.places import canonical_place  # noqa: E402
from extractor.text.normalize import normalize  # noqa: E402


def _codes_by_name() -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for code, unit in gazetteer().units.items():
        if not unit.abolished:
            out.setdefault(unit.name, set()).add(code)
    return out


def _dev_gold(records: dict) -> list[tuple[str, Path]]:
    """(column, gold file) of every dev article the records hold."""
    held = id_list("HELDOUT.txt") | id_list("FRESH.txt") | id_list("FRESH_ARCHIVE.txt") | id_list("FRESH_PAGES.txt")
    out = []
    for sub, column in (("real-news", "real-news dev"), ("archive", "real-news dev"), ("pages", "web pages dev")):
        out += [(column, g) for g in sorted((GOLD / sub).glob("*.json"))
                if g.stem not in held and g.stem in records]
    return out


class _Classes:
    def __init__(self) -> None:
        self.codes = _codes_by_name()
        self.table = official_pairings()

    def of(self, helper: str, recipient: str) -> str:
        hs, rs = self.codes.get(helper, set()), self.codes.get(recipient, set())
        if not hs or not rs:
            return "org"
        if any(self.table.paired(h, r) for h in hs for r in rs):
            return "official"
        return "reverse" if any(self.table.paired(r, h) for h in hs for r in rs) else "not"

    def both_named(self, text: str, helper: str, recipient: str) -> bool:
        found = {f.unit.adcode for hit in gazetteer().find(text) for f in hit.forms}
        return bool(self.codes.get(helper, set()) & found and self.codes.get(recipient, set()) & found)


def _pairs(items: list[dict]) -> set[tuple[str, str]]:
    return {(canonical_place(p.get("helper")), canonical_place(p.get("recipient"))) for p in items}


def probe(records: dict, show: bool) -> Counter:
    classes, counts = _Classes(), Counter()
    paths = {j["doc_id"]: j["path"] for j in jobs([]) + archive_jobs([]) + page_jobs([])[0]}
    for column, g in _dev_gold(records):
        gold = _pairs(json.loads(g.read_text(encoding="utf-8"))["pairings"])
        run = _pairs(records[g.stem].get("pairings", []))
        text = None
        for kind, items in (("gold", gold), ("hit", gold & run), ("spurious", run - gold), ("miss", gold - run)):
            for h, r in sorted(items):
                cls = classes.of(h, r)
                counts[(column, kind, cls)] += 1
                if kind == "miss" and cls == "official" and g.stem in paths:
                    text = text or normalize(Path(paths[g.stem]).read_bytes()).text
                    named = classes.both_named(text, h, r)
                    counts[(column, "official miss, both named", named)] += 1
                    if show:
                        print(f"miss {g.stem}: {h} → {r}{' (both named)' if named else ''}")
    return counts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("records", nargs="*", help="record files (default: out/accuracy/predictions.jsonl)")
    ap.add_argument("--show", action="store_true", help="list the official misses")
    args = ap.parse_args(argv)
    records = {}
    for path in args.records or [REPO / "out" / "accuracy" / "predictions.jsonl"]:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                records[record["doc_id"]] = record
    counts = probe(records, args.show)
    for key in sorted(counts, key=str):
        print(" / ".join(map(str, key)), counts[key])
    return 0


if __name__ == "__main__":
    sys.exit(main())
