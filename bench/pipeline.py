#!/usr/bin/env python3
"""Speed and memory of the whole pipeline and of batch runs (a benchmark, not a test).

    python bench/pipeline.py                       # real-news and the archive month, 1×
    python bench/pipeline.py --corpus archive --scale 1 10 --engines local2 dask --repeat 3

Reports, for each corpus (../shared/data/real-news, ../shared/data/archive; skipped when
absent):
- KB/s of the whole pipeline and of each step (normalise, then every stage of STAGES), on
  one core, and jieba.lcut on the same texts in the same run (the ratio is the budget:
  the pipeline's time ≤ jieba's);
- wall time of ``fupin run`` with --jobs 1, --jobs 2 and --engine dask --jobs 2, its CPU
  time (the parent's, and the whole process tree's), with the peak RSS of the parent and
  of each worker (sampled every 50 ms with psutil); ``--repeat N`` runs each N times,
  interleaved, and shows the fastest;
- the same as the corpus grows (--scale 10 copies it ten times into a temporary folder).
Nothing is written into the repository.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data"
CORPORA = {"real-news": DATA / "real-news", "archive": DATA / "archive"}
sys.path.insert(0, str(REPO))


def articles_of(folder: Path) -> list[bytes]:
    return [p.read_bytes() for p in sorted(folder.rglob("*.txt"))]


def stage_speeds(texts: list[bytes]) -> None:
    """KB/s of normalise and of each stage, the whole pipeline and jieba.lcut."""
    import jieba

    from extractor.article import Article
    from extractor.pipeline import default_pipeline
    from extractor.text.normalize import normalize

    pipe = default_pipeline()
    pipe.extract("warm up 石渠县投入100万元")
    timings = {"normalize": 0.0, **{s.name: 0.0 for s in pipe.stages}}
    started = time.perf_counter()
    for data in texts:
        t = time.perf_counter()
        norm = normalize(data)
        timings["normalize"] += time.perf_counter() - t
        article = Article(norm=norm, warnings=list(norm.warnings), rules_dir=pipe.rules_dir)
        for spec in pipe.stages:
            t = time.perf_counter()
            spec.run(article, pipe.stage_rules[spec.name])
            timings[spec.name] += time.perf_counter() - t
    whole = time.perf_counter() - started
    decoded = [normalize(d).text for d in texts]
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    t = time.perf_counter()
    for text in decoded:
        tokenizer.lcut(text)
    jieba_s = time.perf_counter() - t
    kb = sum(len(d) for d in texts) / 1000
    print(f"  {len(texts)} articles, {kb:.0f} KB")
    for name, seconds in timings.items():
        print(f"  {name:<10} {kb / seconds:9.0f} KB/s  ({100 * seconds / whole:4.1f}% of the pipeline)")
    print(f"  {'pipeline':<10} {kb / whole:9.0f} KB/s")
    print(f"  {'jieba.lcut':<10} {kb / jieba_s:9.0f} KB/s   pipeline time / jieba time = {whole / jieba_s:.2f}×")


def measure_run(folder: Path, out_dir: Path, args: list[str]) -> dict:
    """Wall time, CPU time and peak RSS (parent, largest worker) of one ``fupin run``.

    CPU time is the parent's (sampled) and the whole process tree's (the children this
    process waited for, which include the workers the parent waited for): on a shared
    machine it varies less than the wall time."""
    import psutil
    out = out_dir / "records.jsonl"
    if out.exists():
        out.unlink()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "extractor", "run", str(folder), "-o", str(out),
                             "--no-progress", *args], env=env, stderr=subprocess.PIPE)
    parent = psutil.Process(proc.pid)
    peak_parent, peak_worker, parent_cpu = 0, 0, 0.0
    while proc.poll() is None:
        try:
            peak_parent = max(peak_parent, parent.memory_info().rss)
            times = parent.cpu_times()
            parent_cpu = times.user + times.system
            for child in parent.children(recursive=True):
                try:
                    peak_worker = max(peak_worker, child.memory_info().rss)
                except psutil.Error:
                    pass
        except psutil.Error:
            pass
        time.sleep(0.05)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    err = proc.stderr.read().decode(errors="replace").strip().splitlines()
    return {"seconds": seconds, "parent_mb": peak_parent / 1e6,
            "worker_mb": peak_worker / 1e6, "summary": err[-1] if err else "",
            "parent_cpu": parent_cpu,
            "cpu": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
            "lines": sum(1 for _ in open(out, encoding="utf-8")) if out.exists() else 0}


def scaled(folder: Path, scale: int, tmp: Path) -> Path:
    if scale == 1:
        return folder
    target = tmp / f"x{scale}"
    if not target.exists():
        for n in range(scale):
            shutil.copytree(folder, target / f"copy{n}")
    return target


ENGINES = {"local1": ["--jobs", "1"], "local2": ["--jobs", "2"],
           "dask": ["--engine", "dask", "--jobs", "2"]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", nargs="+", choices=list(CORPORA), default=list(CORPORA))
    ap.add_argument("--scale", nargs="+", type=int, default=[1])
    ap.add_argument("--engines", nargs="+", choices=list(ENGINES), default=list(ENGINES))
    ap.add_argument("--no-stages", action="store_true", help="skip the per-stage speeds")
    ap.add_argument("--repeat", type=int, default=1,
                    help="runs of each engine, interleaved; the fastest is shown (peaks: the largest)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="fupin-bench-") as tmp:
        tmp = Path(tmp)
        for name in args.corpus:
            folder = CORPORA[name]
            if not folder.is_dir():
                print(f"{name}: {folder} not found, skipped")
                continue
            print(f"== {name}")
            if not args.no_stages:
                stage_speeds(articles_of(folder))
            for scale in args.scale:
                source = scaled(folder, scale, tmp)
                kb = sum(p.stat().st_size for p in source.rglob("*.txt")) / 1000
                runs: dict[str, list[dict]] = {e: [] for e in args.engines}
                for _ in range(args.repeat):   # interleaved, so load changes hit all alike
                    for engine in args.engines:
                        runs[engine].append(measure_run(source, tmp, ENGINES[engine]))
                for engine, results in runs.items():
                    best = min(results, key=lambda r: r["seconds"])
                    print(f"  {scale:>2}× {engine:<7} {best['lines']:6d} lines {best['seconds']:7.1f} s "
                          f"{kb / best['seconds']:7.0f} KB/s  CPU {best['cpu']:6.1f} s "
                          f"(parent {best['parent_cpu']:5.1f} s)  parent peak "
                          f"{max(r['parent_mb'] for r in results):5.0f} MB  worker peak "
                          f"{max(r['worker_mb'] for r in results):5.0f} MB"
                          + (f"  (best of {len(results)}: "
                             + ", ".join(f"{r['seconds']:.1f}" for r in results) + " s)"
                             if len(results) > 1 else ""))


if __name__ == "__main__":
    main()
