#!/usr/bin/env python3
"""Speed, measured as ratios to jieba.lcut in the same run (machines here are shared and noisy).

    python scripts/benchmark.py [--mb 2]

Reports, on one core:
- normaliser throughput on already-simplified text (the real-news corpus, repeated) and on
  damaged traditional text (seed 003, repeated), in MB/s;
- the whole pipeline (extract) against jieba.lcut on the same text: the budget is ≤ 1.0×
  jieba's time; on the real-news corpus and on the one-month archive sample
  (../shared/data/archive/rmrb-2019-10, every --archive-step-th article); interleaved
  rounds, best of --rounds, in wall-clock and CPU time;
- the persons stage: its own time (as a share of jieba's), the share of characters the
  gate sends to the tagger, and the tagger's load time.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from extractor import extract  # noqa: E402
from extractor.pipeline import STAGES, Pipeline  # noqa: E402
from extractor.stages import persons  # noqa: E402
from extractor.text.sentences import TextIndex  # noqa: E402
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
    parser.add_argument("--archive-step", type=int, default=10,
                        help="run every N-th article of the archive month (1 = all)")
    parser.add_argument("--rounds", type=int, default=5,
                        help="interleaved rounds of jieba / pipeline without persons / pipeline")
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

    t = time.perf_counter()
    persons.load_rules()
    print(f"persons stage: rules and tagger loaded in {time.perf_counter() - t:.2f} s "
          f"(the issue's budget for the model: under 2 s)")
    import jieba
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    extract("warm up 石渠县")  # load rules and data once
    archive = load_archive(args.archive_step)
    for name, texts in (("real news", articles), ("archive month", archive)):
        if texts:
            compare(name, texts, tokenizer, args.rounds)


def load_archive(step: int) -> list[str]:
    root = REPO.parent / "shared" / "data" / "archive" / "rmrb-2019-10"
    return [p.read_bytes().decode("utf-8", "replace") for p in sorted(root.glob("*.txt"))[::step]]


def tagged_share(texts: list[str]) -> float:
    """Share of characters the persons gate sends to the tagger."""
    rules = persons.load_rules()
    total = tagged = 0
    for text in texts:
        text = normalize(text).text
        index = TextIndex(text)
        windows, _ = persons.cue_windows(text, index.sentence_of, index.sentences, rules)
        total += len(text)
        tagged += sum(b - a for a, b in windows)
    return tagged / max(total, 1)


def compare(name: str, texts: list[str], tokenizer, rounds: int) -> None:
    """jieba.lcut, the pipeline without the persons stage and the whole pipeline, on the
    same texts, interleaved (one of each per round, so a busy spell of the shared machine
    hits all three alike), best of ``rounds``; in wall-clock and in CPU time (the process's
    own, which other processes on the machine disturb less)."""
    without = Pipeline(stages=[s for s in STAGES if s.name != "persons"])
    tagger = persons.load_rules().tagger
    runs = {"jieba": lambda: [tokenizer.lcut(a) for a in texts],
            "base": lambda: [without.extract(a) for a in texts],
            "pipeline": lambda: [extract(a) for a in texts]}
    best = {(k, clock): float("inf") for k in runs for clock in ("wall", "cpu")}
    for _ in range(rounds):
        for k, fn in runs.items():
            if tagger is not None:
                tagger.cache_clear()  # every round tags afresh (within it, texts share the cache)
            wall, cpu = time.perf_counter(), time.process_time()
            fn()
            best[k, "wall"] = min(best[k, "wall"], time.perf_counter() - wall)
            best[k, "cpu"] = min(best[k, "cpu"], time.process_time() - cpu)
    mb = sum(len(a.encode()) for a in texts) / 1e6
    print(f"{name}: {len(texts)} articles ({mb:.2f} MB); best of {rounds} interleaved rounds; "
          f"{tagged_share(texts):.1%} of characters tagged by the persons stage")
    for clock in ("wall", "cpu"):
        jieba_s, base_s, pipeline_s = (best[k, clock] for k in runs)
        print(f"  {clock:>4}: jieba.lcut {jieba_s:.2f} s; pipeline (extract) {pipeline_s:.2f} s = "
              f"throughput {jieba_s / pipeline_s:.2f}× jieba's (budget ≥ 1.00×); persons stage "
              f"{pipeline_s - base_s:.2f} s = {(pipeline_s - base_s) / jieba_s:.2f}× jieba's time")


if __name__ == "__main__":
    main()
