#!/usr/bin/env python3
"""Speed, measured as ratios to jieba.lcut in the same run (machines here are shared and noisy).

    python scripts/benchmark.py [--mb 2]

Reports, on one core:
- normaliser throughput on already-simplified text (the real-news corpus, repeated) and on
  damaged traditional text (seed 003, repeated), in MB/s;
- the whole pipeline (extract) against jieba.lcut on the same text: the budget is ≤ 1.0×
  jieba's time.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from extractor import extract  # noqa: E402
from extractor.text.normalize import normalize  # noqa: E402


def best_of(fn, repeat=3):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def load_real_news() -> list[str]:
    """The real-news articles as scraped (indentation, CRLF, CCTV's <p> tags and all)."""
    root = REPO.parent / "shared" / "data" / "real-news"
    paths = sorted(root.glob("*/*.txt")) or sorted((REPO / "corpus").glob("*.txt"))
    return [p.read_bytes().decode("utf-8") for p in paths]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=2.0, help="size of each test text in MB")
    args = parser.parse_args()
    target = int(args.mb * 1_000_000)

    articles = load_real_news()
    simplified = "\n".join(articles)
    simplified = (simplified * (target // len(simplified.encode()) + 1))
    seed003 = next((REPO / "corpus").glob("003_*.txt")).read_text(encoding="utf-8")
    damaged = seed003 * (target // len(seed003.encode()) + 1)

    normalize("warm up 實現(xiàn)")
    for name, text in (("simplified", simplified), ("damaged traditional (seed 003)", damaged)):
        mb = len(text.encode()) / 1e6
        seconds = best_of(lambda: normalize(text), repeat=2)
        print(f"normalize {name}: {mb:.1f} MB in {seconds:.2f} s = {mb / seconds:.1f} MB/s")

    import jieba
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    extract("warm up 石渠县")  # load rules and data once
    corpus_mb = sum(len(a.encode()) for a in articles) / 1e6
    jieba_s = best_of(lambda: [tokenizer.lcut(a) for a in articles])
    pipeline_s = best_of(lambda: [extract(a) for a in articles])
    print(f"jieba.lcut on {len(articles)} articles ({corpus_mb:.2f} MB): {jieba_s:.2f} s")
    print(f"pipeline (extract) on the same: {pipeline_s:.2f} s = {pipeline_s / jieba_s:.2f}× jieba.lcut's time "
          f"(budget ≤ 1.00×)")


if __name__ == "__main__":
    main()
