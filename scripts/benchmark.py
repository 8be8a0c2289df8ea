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
- each stage's own CPU time inside those pipeline runs (best of the rounds, as a share of
  jieba's CPU time; "normalise" is the rest of extract: normalising, the sentence index,
  the record), the persons stage's tagger alone on the same windows, the share of
  characters the gate sends to the tagger, and the tagger's load time.

Caches that outlive an article are cleared before every round, so no round finds the
previous round's work: the tagger's answers and the gazetteer's remembered phrases
(``Gazetteer.find_in_phrase``: posts' titles, origins). Within a round, articles share them
as in a batch run.
"""
from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from extractor import extract  # noqa: E402
from extractor.pipeline import STAGES, Pipeline, StageSpec  # noqa: E402
from extractor.lexicon.gazetteer import gazetteer  # noqa: E402
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
                        help="interleaved rounds of jieba / the whole pipeline")
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


def tagger_windows(texts: list[str]) -> tuple[list[list[str]], int, int]:
    """The windows the persons gate sends to the tagger, per text; characters tagged and
    characters in all."""
    rules = persons.load_rules()
    windows, total, tagged = [], 0, 0
    for text in texts:
        text = normalize(text).text
        index = TextIndex(text)
        known = {"".join(text[a:b].split()) for a, b in persons.byline_names(text, rules)}
        spans, _ = persons.cue_windows(text, index.sentence_of, index.sentences, rules, known)
        windows.append([text[a:b] for a, b in spans])
        total += len(text)
        tagged += sum(b - a for a, b in spans)
    return windows, tagged, total


class StageClock:
    """CPU time spent in each stage's run function, summed over the articles."""

    def __init__(self) -> None:
        self.cpu: dict[str, float] = defaultdict(float)

    def timed(self, spec: StageSpec) -> StageSpec:
        run = spec.run

        def timed_run(article, rules):
            start = time.process_time()
            run(article, rules)
            self.cpu[spec.name] += time.process_time() - start
        return dataclasses.replace(spec, run=timed_run)


def compare(name: str, texts: list[str], tokenizer, rounds: int) -> None:
    """jieba.lcut and the whole pipeline on the same texts, interleaved (one of each per
    round, so a busy spell of the shared machine hits both alike), best of ``rounds``; in
    wall-clock and in CPU time (the process's own, which other processes on the machine
    disturb less); each stage's CPU time inside the pipeline runs, best of the rounds."""
    clock = StageClock()
    pipeline = Pipeline(stages=[clock.timed(s) for s in STAGES])
    tagger = persons.load_rules().tagger
    runs = {"jieba": lambda: [tokenizer.lcut(a) for a in texts],
            "pipeline": lambda: [pipeline.extract(a) for a in texts]}
    best = {(k, clock_name): float("inf") for k in runs for clock_name in ("wall", "cpu")}
    stage_best: dict[str, float] = defaultdict(lambda: float("inf"))
    for _ in range(rounds):
        for k, fn in runs.items():
            if tagger is not None:
                tagger.cache_clear()  # every round tags afresh (within it, texts share the cache)
            gazetteer().clear_phrase_hits()  # and reads the posts' titles afresh
            clock.cpu.clear()
            wall, cpu = time.perf_counter(), time.process_time()
            fn()
            best[k, "wall"] = min(best[k, "wall"], time.perf_counter() - wall)
            cpu = time.process_time() - cpu
            best[k, "cpu"] = min(best[k, "cpu"], cpu)
            if k == "pipeline":
                stage_best["normalise"] = min(stage_best["normalise"], cpu - sum(clock.cpu.values()))
                for stage, seconds in clock.cpu.items():
                    stage_best[stage] = min(stage_best[stage], seconds)
    windows, tagged, total = tagger_windows(texts)
    tagger_cpu = float("inf")
    if tagger is not None:
        for _ in range(rounds):
            tagger.cache_clear()
            start = time.process_time()
            for batch in windows:
                if batch:
                    tagger(batch)
            tagger_cpu = min(tagger_cpu, time.process_time() - start)
    mb = sum(len(a.encode()) for a in texts) / 1e6
    print(f"{name}: {len(texts)} articles ({mb:.2f} MB); best of {rounds} interleaved rounds; "
          f"{tagged / max(total, 1):.1%} of characters tagged by the persons stage")
    for clock_name in ("wall", "cpu"):
        jieba_s, pipeline_s = (best[k, clock_name] for k in runs)
        print(f"  {clock_name:>4}: jieba.lcut {jieba_s:.2f} s; pipeline (extract) {pipeline_s:.2f} s = "
              f"throughput {jieba_s / pipeline_s:.2f}× jieba's (budget ≥ 1.00×)")
    jieba_cpu = best["jieba", "cpu"]
    shares = ", ".join(f"{stage} {seconds / jieba_cpu:.2f}×" for stage, seconds in stage_best.items())
    print(f"  stages, CPU time as a share of jieba's: {shares}")
    if tagger is not None:
        print(f"  persons stage {stage_best['persons']:.2f} s = {stage_best['persons'] / jieba_cpu:.2f}× "
              f"jieba's time, of which the tagger alone {tagger_cpu:.2f} s = "
              f"{tagger_cpu / jieba_cpu:.2f}×")


if __name__ == "__main__":
    main()
