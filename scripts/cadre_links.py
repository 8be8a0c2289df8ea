#!/usr/bin/env python3
"""Precision and recall of the cadre-linking rule (extractor/report/panels.py) on the
hand-made pairs of gold/cadre_links.json (same person / namesake, across articles).

    python scripts/cadre_links.py                      # cadre facts from gold
    python scripts/cadre_links.py --records PRED.jsonl # cadre facts from pipeline records
    python scripts/cadre_links.py --run                # run the pipeline on the pairs' articles

Where each side's cadre facts come from:
- default: the article's gold file (gold/**/<doc_id>.json) when it lists the person among
  its cadres, else what the pair itself records for that side (written by reading the
  article); a side read as a resident enters with no origin and no posts, as a stage that
  took them for a cadre would give it — the hard case for the rule;
- ``--records``: the records' ``cadres`` (the persons stage's output); a side the records
  do not list is reported as not found and counts as not linked.

All sides go through ``link_cadres`` together, as ``fupin panel`` would link them; a pair
is linked when both sides get the same cadre_id.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from extractor.report.evaluate import fact_items, load_gold, load_predictions  # noqa: E402
from extractor.report.panels import CadreEntry, link_cadres  # noqa: E402

PAIRS = REPO / "gold" / "cadre_links.json"


def gold_cadres() -> dict[tuple[str, str], dict]:
    out = {}
    for _, g in load_gold(REPO / "gold"):
        for c in fact_items(g, "cadres"):
            out.setdefault((str(g["doc_id"]), c.get("name")), c)
    return out


def record_cadres(path: str) -> dict[tuple[str, str], dict]:
    out = {}
    for rec in load_predictions(path):
        for c in fact_items(rec, "cadres"):
            out.setdefault((str(rec.get("doc_id")), c.get("name")), c)
    return out


def run_pipeline(pairs: list[dict]) -> dict[tuple[str, str], dict]:
    """The pipeline's cadres on every article the pairs name (seeds and real news)."""
    from extractor import extract
    real_news = REPO.parent / "shared" / "data" / "real-news"
    published = {}
    for index in sorted(real_news.glob("*/index.jsonl")):
        for line in index.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                published[str(row["id"])] = str(row.get("published") or "")[:10] or None
    out = {}
    for doc in sorted({side["doc_id"] for p in pairs for side in (p["a"], p["b"])}):
        paths = [REPO / "corpus" / f"{doc}.txt", *sorted(real_news.glob(f"*/{doc}.txt"))]
        path = next((p for p in paths if p.is_file()), None)
        if path is None:
            print(f"warning: no text for {doc}", file=sys.stderr)
            continue
        record = extract(path.read_bytes(), doc_id=doc, published=published.get(doc)).to_dict()
        for c in fact_items(record, "cadres"):
            out.setdefault((doc, c.get("name")), c)
    return out


def sides(pairs: list[dict], source: dict, fall_back: bool) -> tuple[dict, dict]:
    """(doc_id, name) → (cadre dict, where it came from), for every side of every pair."""
    found, origin = {}, {}
    for pair in pairs:
        for side in (pair["a"], pair["b"]):
            key = (side["doc_id"], side["name"])
            if key in source:
                found[key], origin[key] = source[key], "gold file" if fall_back else "records"
            elif fall_back:
                found[key], origin[key] = side, "pair annotation"
            else:
                origin[key] = "not found"
    return found, origin


def measure(pairs: list[dict], found: dict) -> tuple[dict, list[tuple]]:
    keys = sorted(found)
    links = link_cadres(CadreEntry.of(doc, n, found[(doc, name)]) for n, (doc, name) in enumerate(keys))
    at = {key: (key[0], n) for n, key in enumerate(keys)}
    counts = {"tp": 0, "fp": 0, "fn": 0, "tn": 0}
    rows = []
    for pair in pairs:
        a, b = ((p["doc_id"], p["name"]) for p in (pair["a"], pair["b"]))
        la, lb = (links.get(at[k]) if k in found else None for k in (a, b))
        linked = la is not None and lb is not None and la[0] == lb[0]
        key = ("tp" if linked else "fn") if pair["same"] else ("fp" if linked else "tn")
        counts[key] += 1
        why = (lb or la or ("", "not found"))[1] if linked else "-"
        rows.append((pair["name"], a[0], b[0], "same" if pair["same"] else "namesake",
                     "linked" if linked else "apart", why, key))
    return counts, rows


def _ratio(n: int, d: int) -> float:
    return n / d if d else 1.0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--records", help="JSONL of pipeline records (else gold cadres)")
    ap.add_argument("--run", action="store_true",
                    help="run the pipeline on the pairs' articles and use its cadres")
    ap.add_argument("--json", action="store_true", help="machine-readable output")
    args = ap.parse_args(argv)
    pairs = json.loads(PAIRS.read_text(encoding="utf-8"))["pairs"]
    from_records = bool(args.records or args.run)
    if args.run:
        source = run_pipeline(pairs)
    else:
        source = record_cadres(args.records) if args.records else gold_cadres()
    found, origin = sides(pairs, source, fall_back=not from_records)
    counts, rows = measure(pairs, found)
    p = _ratio(counts["tp"], counts["tp"] + counts["fp"])
    r = _ratio(counts["tp"], counts["tp"] + counts["fn"])
    summary = {"pairs": len(pairs), "same": sum(p_["same"] for p_ in pairs),
               "namesake": sum(not p_["same"] for p_ in pairs), **counts,
               "precision": round(p, 3), "recall": round(r, 3),
               "sides": {k: list(origin.values()).count(k) for k in sorted(set(origin.values()))}}
    if args.json:
        print(json.dumps({**summary, "rows": rows}, ensure_ascii=False, indent=1))
        return 0
    print(f"{len(pairs)} pairs ({summary['same']} same person, {summary['namesake']} namesakes); "
          f"cadre facts from {'the pipeline' if args.run else 'records ' + args.records if args.records else 'gold'}: "
          + ", ".join(f"{n} sides from {k}" for k, n in summary["sides"].items()))
    print(f"precision {p:.3f}  recall {r:.3f}  (tp {counts['tp']}, fp {counts['fp']}, "
          f"fn {counts['fn']}, tn {counts['tn']})")
    both = [row for row, pair in zip(rows, pairs)
            if all((side["doc_id"], side["name"]) in found for side in (pair["a"], pair["b"]))]
    same = [row for row in both if row[3] == "same"]
    print(f"pairs with both sides found: {len(both)}; same-person ones linked: "
          f"{sum(row[6] == 'tp' for row in same)} of {len(same)}\n")
    for name, a, b, truth, got, why, key in rows:
        print(f"  {key}  {name:<4} {a:<22} {b:<22} {truth:<8} {got:<6} {why}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
