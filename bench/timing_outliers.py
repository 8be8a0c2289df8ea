#!/usr/bin/env python3
"""Timing outliers (issue 14): no input of at most 1 MB may take more than 10x the median
article's time per KB. Times every real-news and archive article (../shared/data, when
present), the seeds, and the hostile suite (tests/hostile/make_cases.py), and prints the
slowest ten by time per KB. Exit status 1 when an input of <= 1 MB is over the bound.

    PYTHONPATH=$PWD python bench/timing_outliers.py [--archive-limit N]
"""
from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
DATA = REPO.parent / "shared" / "data"


def inputs(archive_limit: int):
    for p in sorted((REPO / "corpus").glob("*.txt")):
        yield "seed", p.name, p.read_bytes()
    for p in sorted((DATA / "real-news").glob("*/*.txt")):
        yield "real-news", p.name, p.read_bytes()
    for p in sorted((DATA / "archive").glob("*/*.txt"))[:archive_limit]:
        yield "archive", p.name, p.read_bytes()
    spec = importlib.util.spec_from_file_location("make_cases", REPO / "tests/hostile/make_cases.py")
    cases = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(cases)
    for name in cases.RECIPES:
        data = cases.build(name)
        if len(data) <= 1_000_000:
            yield "hostile", name, data


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--archive-limit", type=int, default=500)
    args = parser.parse_args()
    from extractor import extract
    for seed in sorted((REPO / "corpus").glob("*.txt")):   # load every lazy resource first
        extract(seed.read_bytes())
    timed = []
    for group, name, data in inputs(args.archive_limit):
        start = time.perf_counter()
        try:
            extract(data)
        except Exception as err:  # timing only: the suite checks outcomes
            print(f"{group}/{name}: {type(err).__name__}", file=sys.stderr)
        timed.append((time.perf_counter() - start, len(data), group, name))
    # Time per KB, with inputs shorter than the median article counted at its size: a
    # 10-byte file's fixed cost per KB says nothing about how time grows with length.
    floor = statistics.median(size for _, size, group, _ in timed if group != "hostile")
    rows = [(seconds / max(size, floor) * 1000, seconds, size, group, name)
            for seconds, size, group, name in timed]
    articles = [r[0] for r in rows if r[3] in ("real-news", "archive", "seed")]
    median = statistics.median(articles)
    bound = 10 * median
    print(f"median article: {median * 1000:.2f} ms/KB over {len(articles)} articles "
          f"(inputs under {floor / 1000:.1f} KB counted at that size); "
          f"bound {bound * 1000:.2f} ms/KB")
    print(f"{'ms/KB':>8} {'seconds':>8} {'KB':>7}  input")
    for per_kb, seconds, size, group, name in sorted(rows, reverse=True)[:10]:
        flag = "  OVER" if per_kb > bound and size <= 1_000_000 else ""
        print(f"{per_kb * 1000:8.2f} {seconds:8.2f} {size / 1000:7.0f}  {group}/{name}{flag}")
    over = [r for r in rows if r[0] > bound and r[2] <= 1_000_000]
    print(f"{len(over)} input(s) of <= 1 MB over 10x the median per KB")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
