#!/usr/bin/env python3
"""The accuracy report: run the pipeline on the seeds (corpus/*.txt) and on every
real-news article that has gold, write out/accuracy/predictions.jsonl, and print one
table field × (P, R, F1) for seeds, real news and all, scored by extractor.report.evaluate.

    make accuracy                      # or: python scripts/accuracy.py
    python scripts/accuracy.py --misses   # also list misses and spurious items
    python scripts/accuracy.py --retired  # also a column for the retired held-out articles

Real-news dev = every real-news gold article not listed in gold/HELDOUT.txt or gold/FRESH.txt;
it includes gold/RETIRED_HELDOUT.txt (the old held-out set, retired into development on
2026-12-02, issue 11: its scores are no longer estimates). gold/HELDOUT.txt is empty since
then, so the held-out column says so; gold/FRESH.txt is the honest held-out estimate, and
gold/FRESH_ARCHIVE.txt a second one: archive-month articles (gold in gold/archive/) annotated
blind on 2026-12-02, scored in their own column and never in the dev column.
gold/FRESH_PAGES.txt is a held-out set of web pages of other sites (gold in gold/pages/, texts
in PAGES), drawn and annotated blind on 2026-12-04 for issue 12: scored in the column "fresh
pages held-out", kept out of "web pages dev" and out of --misses.
    fupin eval gold out/accuracy/predictions.jsonl --misses   # the same scoring, in detail
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
import traceback
from pathlib import Path
from typing import Optional

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from extractor import extract  # noqa: E402
from extractor.report.evaluate import ATTRIBUTES, FIELDS, SECOND_ANNOTATIONS, evaluate  # noqa: E402

SHARED = REPO.parent / "shared" / "data"
REAL_NEWS = SHARED / "real-news"
ARCHIVE = SHARED / "archive" / "rmrb-2019-10"
GOLD = REPO / "gold"
#: Texts of the web pages annotated in gold/pages/ (not ours to publish: kept out of the
#: repo). A page whose text is absent here is skipped, with a note.
PAGES = Path(os.environ.get("FUPIN_PAGES_DIR", REPO / ".cache" / "pages"))


def real_news_index() -> dict[str, dict]:
    """doc_id → index row (title, published, file) from real-news/*/index.jsonl."""
    out: dict[str, dict] = {}
    for index in sorted(REAL_NEWS.glob("*/index.jsonl")):
        with open(index, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    row = json.loads(line)
                    row["_dir"] = index.parent
                    out[str(row["id"])] = row
    return out


def jobs(warnings: list[str]) -> list[dict]:
    """What to run: {doc_id, path, published, title, source}."""
    todo = [{"doc_id": p.stem, "path": p, "published": None, "title": None,
             "source": f"corpus/{p.name}"} for p in sorted((REPO / "corpus").glob("*.txt"))]
    gold_real = sorted((GOLD / "real-news").glob("*.json"))
    if not REAL_NEWS.is_dir():
        warnings.append(f"{REAL_NEWS} is absent: real-news articles not run")
        return todo
    index = real_news_index()
    for g in gold_real:
        doc_id = g.stem
        row = index.get(doc_id)
        if row is not None:
            path = row["_dir"] / Path(row["file"]).name
        else:
            hits = sorted(REAL_NEWS.glob(f"*/{doc_id}.txt"))
            path = hits[0] if hits else None
        if path is None or not path.is_file():
            warnings.append(f"no text for gold article {doc_id}")
            continue
        published = (row or {}).get("published")
        todo.append({"doc_id": doc_id, "path": path,
                     "published": str(published)[:10] if published else None,
                     "title": (row or {}).get("title"),
                     "source": str(path.relative_to(SHARED))})
    return todo


def archive_jobs(notes: list[str]) -> list[dict]:
    """Dev gold from the archive month (gold/archive/, source archive/rmrb-2019-10/<id>.txt):
    jobs to run, with title and date from the archive's index. The texts stay in
    ../shared/data; when they are absent the articles are skipped with a note."""
    gold = sorted((GOLD / "archive").glob("*.json"))
    if not gold:
        return []
    index: dict[str, dict] = {}
    if (ARCHIVE / "index.jsonl").is_file():
        with open(ARCHIVE / "index.jsonl", encoding="utf-8") as f:
            index = {str(r["id"]): r for r in map(json.loads, filter(str.strip, f))}
    todo, missing = [], 0
    for g in gold:
        source = json.loads(g.read_text(encoding="utf-8")).get("source") or ""
        path = SHARED / source
        if not source.startswith("archive/") or not path.is_file():
            missing += 1
            continue
        row = index.get(g.stem, {})
        todo.append({"doc_id": g.stem, "path": path, "title": row.get("title"),
                     "published": str(row["published"])[:10] if row.get("published") else None,
                     "source": source})
    if missing:
        notes.append(f"{missing} archive gold files skipped: their texts are not in {SHARED / 'archive'}")
    return todo


def page_jobs(notes: list[str]) -> tuple[list[dict], list[Path]]:
    """Web-page gold (gold/pages/) whose text is in PAGES: jobs to run and gold to score;
    the others are skipped with a note (their text is not in the repo)."""
    todo, scored, absent = [], [], []
    for g in sorted((GOLD / "pages").glob("*.json")):
        path = PAGES / f"{g.stem}.txt"
        if not path.is_file():
            absent.append(g.stem)
            continue
        todo.append({"doc_id": g.stem, "path": path, "published": None, "title": None,
                     "source": f"pages/{path.name}"})
        scored.append(g)
    if absent:
        notes.append(f"{len(absent)} web-page gold files skipped: their texts are not in {PAGES} "
                     "(gold/README.md says how to fetch them: url and query are in each file)")
    return todo, scored


def archive_false_positives(notes: list[str]) -> Optional[dict]:
    """Relevant amounts and poverty figures per 1,000 no-cue articles of the archive month.
    Uses ``archive_counts()`` of scripts/archive_false_positives.py when that script is
    there, else the same count here: no-cue = index row with ``cue_hits == 0`` and no
    ``also_in``; every relevant amount and every figure found in them is a false positive."""
    try:
        sys.path.insert(0, str(REPO / "scripts"))
        from archive_false_positives import archive_counts  # type: ignore
    except ImportError:
        archive_counts = _archive_counts
    counts = archive_counts(ARCHIVE)
    if counts is None:
        notes.append(f"{ARCHIVE} is absent: archive false positives not measured")
        return None
    return counts.summary() if hasattr(counts, "summary") else counts


def _archive_counts(archive: Path) -> Optional[dict]:
    index = archive / "index.jsonl"
    if not index.is_file():
        return None
    n = amounts = relevant = figures = 0
    with open(index, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    for row in rows:
        if row.get("cue_hits", 0) != 0 or row.get("also_in"):
            continue
        n += 1
        record = extract((archive / Path(row["file"]).name).read_bytes(), doc_id=row["id"],
                         title=row.get("title"), published=row.get("published"))
        amounts += len(record.amounts)
        relevant += sum(1 for a in record.amounts if a.relevant)
        figures += len(record.poverty_figures)
    per = (lambda k: round(1000 * k / n, 2) if n else 0.0)
    return {"articles": len(rows), "no_cue_articles": n, "amounts": amounts,
            "relevant_amounts": relevant, "poverty_figures": figures,
            "relevant_amounts_per_1000": per(relevant), "poverty_figures_per_1000": per(figures)}


def run(todo: list[dict], out: Path) -> tuple[int, float]:
    out.parent.mkdir(parents=True, exist_ok=True)
    errors = 0
    t0 = time.perf_counter()
    with open(out, "w", encoding="utf-8") as f:
        for job in todo:
            try:
                data = Path(job["path"]).read_bytes()
                record = extract(data, doc_id=job["doc_id"], title=job["title"],
                                 published=job["published"]).to_dict()
            except Exception as err:  # one failing article must not stop the report
                errors += 1
                record = {"doc_id": job["doc_id"], "source": job["source"],
                          "error": {"kind": type(err).__name__, "message": str(err)}}
                print(f"error on {job['doc_id']}: {type(err).__name__}: {err}", file=sys.stderr)
                if "--traceback" in sys.argv:
                    traceback.print_exc()
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return errors, time.perf_counter() - t0


def table(groups: list[tuple[str, object]]) -> str:
    head1 = f"{'':<21}" + "".join(f" | {name + ' (' + str(len(r.articles)) + ')':^20}"
                                   for name, r in groups)
    head2 = f"{'field':<21}" + "".join(f" | {'P':>6}{'R':>7}{'F1':>7}" for _ in groups)
    lines = [head1, head2, "-" * len(head2)]
    for field in FIELDS + ("all (micro)",):
        row = f"{field:<21}"
        for _, rep in groups:
            c = rep.overall if field == "all (micro)" else rep.fields[field]
            row += f" | {c.precision:>6.3f}{c.recall:>7.3f}{c.f1:>7.3f}"
        lines.append(row)
    lines.append("-" * len(head2))
    lines.append(f"{'on matched items':<21}" + "".join(f" | {'accuracy (n)':^20}" for _ in groups))
    for attr in ATTRIBUTES:
        row = f"{attr:<21}"
        for _, rep in groups:
            g = rep.attributes[attr]
            acc = "-" if g.accuracy is None else f"{g.accuracy:.3f}"
            row += f" | {acc + ' (' + str(g.total) + ')':^20}"
        lines.append(f"{row}")
    return "\n".join(lines)


def id_list(name: str) -> set[str]:
    """A list of gold doc_ids, one a line, `#` comments. gold/HELDOUT.txt and gold/FRESH.txt
    are kept out of rule development (their scores are the honest estimate);
    gold/RETIRED_HELDOUT.txt lists former held-out articles now used for development."""
    path = GOLD / name
    if not path.exists():
        return set()
    return {line.split("#")[0].strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.split("#")[0].strip()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=str(REPO / "out" / "accuracy"), help="output folder")
    ap.add_argument("--misses", action="store_true",
                    help="also list misses and spurious items of the development articles")
    ap.add_argument("--misses-held-out", action="store_true",
                    help="list the held-out articles' misses too (they stop being held out "
                    "once rules are written from them)")
    ap.add_argument("--retired", action="store_true",
                    help="add a column for the retired held-out articles (gold/RETIRED_HELDOUT.txt; "
                    "they are also in real-news dev)")
    ap.add_argument("--traceback", action="store_true", help="print tracebacks of failures")
    ap.add_argument("--no-archive", action="store_true",
                    help="skip the archive false-positive counts (the month takes a few seconds)")
    args = ap.parse_args(argv)

    warnings: list[str] = []
    notes: list[str] = []
    todo = jobs(warnings)
    archive_todo = archive_jobs(notes)
    todo += archive_todo
    pages_todo, pages_gold = page_jobs(notes)
    todo += pages_todo
    pred = Path(args.out) / "predictions.jsonl"
    errors, seconds = run(todo, pred)

    ran = {t["doc_id"] for t in archive_todo}
    # gold/agreement/ holds second annotations of gold articles (not gold): never scored here
    scored = [p for p in sorted(GOLD.rglob("*.json"))
              if p.parent not in (GOLD / "pages", GOLD / "archive", GOLD / SECOND_ANNOTATIONS)
              or (p.parent == GOLD / "archive" and p.stem in ran)] + pages_gold
    report = evaluate(scored, pred)
    heldout_ids, fresh_ids = id_list("HELDOUT.txt"), id_list("FRESH.txt")
    fresh_archive_ids = id_list("FRESH_ARCHIVE.txt")
    fresh_pages_ids = id_list("FRESH_PAGES.txt")  # web pages held out (issue 12)
    retired_ids = id_list("RETIRED_HELDOUT.txt") - heldout_ids - fresh_ids
    kept_out = heldout_ids | fresh_ids | fresh_archive_ids | fresh_pages_ids
    seeds = report.subset(lambda a: Path(a.gold_path).parent == GOLD)
    # the dev column: real-news articles not held out, and the archive month's dev gold
    real = report.subset(lambda a: Path(a.gold_path).parent in (GOLD / "real-news", GOLD / "archive")
                         and Path(a.gold_path).stem not in kept_out)
    archive_dev = report.subset(lambda a: Path(a.gold_path).parent == GOLD / "archive"
                                and Path(a.gold_path).stem not in kept_out)
    pages = report.subset(lambda a: Path(a.gold_path).parent == GOLD / "pages"
                          and Path(a.gold_path).stem not in fresh_pages_ids)
    fresh_pages = report.subset(lambda a: Path(a.gold_path).parent == GOLD / "pages"
                                and Path(a.gold_path).stem in fresh_pages_ids)
    held = report.subset(lambda a: Path(a.gold_path).stem in heldout_ids)
    fresh = report.subset(lambda a: Path(a.gold_path).stem in fresh_ids)
    fresh_archive = report.subset(lambda a: Path(a.gold_path).stem in fresh_archive_ids)
    retired = report.subset(lambda a: Path(a.gold_path).stem in retired_ids)
    print(f"fupin-extractor accuracy: {len(todo)} articles run in {seconds:.1f} s "
          f"({errors} errors); predictions in {pred.relative_to(REPO) if pred.is_relative_to(REPO) else pred}")
    print()
    groups = [("seeds", seeds), ("real-news dev", real)]
    if args.retired and retired_ids:
        groups.append(("retired, in dev", retired))
    if archive_dev.articles:
        groups.append(("of which archive", archive_dev))
    if heldout_ids:
        groups.append(("held-out", held))
    if fresh_ids:
        groups.append(("fresh held-out", fresh))
    if fresh_archive.articles:
        groups.append(("fresh archive held-out", fresh_archive))
    if pages.articles:
        groups.append(("web pages dev", pages))
    if fresh_pages.articles:
        groups.append(("fresh pages held-out", fresh_pages))
    print(table(groups + [("all", report)]))
    archive = None if args.no_archive else archive_false_positives(notes)
    if archive:
        print()
        print(f"archive {ARCHIVE.name}: {archive['no_cue_articles']} of {archive['articles']} articles "
              "carry no poverty cue; in them (each one a false positive):")
        print(f"  relevant amounts  {archive['relevant_amounts']:>5} = "
              f"{archive['relevant_amounts_per_1000']:.1f} per 1,000 no-cue articles")
        print(f"  poverty figures   {archive['poverty_figures']:>5} = "
              f"{archive['poverty_figures_per_1000']:.1f} per 1,000 no-cue articles")
    if retired_ids:
        notes.append(f"real-news dev includes the {len(retired.articles)} retired held-out articles "
                     "(gold/RETIRED_HELDOUT.txt, each block there says when and why it left held-out): not an estimate.")
    if not heldout_ids:
        notes.append("held-out: none — gold/HELDOUT.txt lists no articles since its set was retired "
                     "into development; the fresh held-out column (gold/FRESH.txt) is the held-out "
                     "estimate.")
    for n in notes:
        print(f"note: {n}")
    for w in warnings + report.warnings:
        print(f"warning: {w}")
    if args.misses or args.misses_held_out:
        shown = report if args.misses_held_out else report.subset(
            lambda a: Path(a.gold_path).stem not in kept_out)
        print()
        print("\n".join(shown.format_misses()))
    summary = Path(args.out) / "report.json"
    summary.write_text(json.dumps({"seeds": seeds.to_dict(), "real-news dev": real.to_dict(),
                                   "retired held-out (in dev)": retired.to_dict(),
                                   "archive dev": archive_dev.to_dict(),
                                   "held-out": held.to_dict(), "fresh held-out": fresh.to_dict(),
                                   "fresh archive held-out": fresh_archive.to_dict(),
                                   "web pages dev": pages.to_dict(),
                                   "fresh pages held-out": fresh_pages.to_dict(), "all": report.to_dict(),
                                   "archive": archive},
                                  ensure_ascii=False, indent=1),
                       encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
