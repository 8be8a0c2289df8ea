#!/usr/bin/env python3
"""Which engine is quicker for each rule pattern: record every call the pipeline makes on
every ``regex`` pattern over the real news, then replay each pattern's calls compiled by
``regex`` and by ``rules.plain_pattern`` (``re`` where it reads the pattern the same way),
checking the results are equal and timing both (best of N).

How it records: a proxy replaces each compiled ``regex`` pattern reachable from the stages'
rules objects and the modules of ``extractor`` (attributes, tuples, lists, dicts, a few levels
deep), and keeps the arguments of every search/match/finditer/... call; then the 200
real-news articles run once (the benchmark's texts, cold gazetteer memo).

How to pick patterns with it (speed round 11, docs/speed.md):

    PYTHONPATH=$PWD python scripts/replay_patterns.py                  # this tree
    PYTHONPATH=/base python scripts/replay_patterns.py --branch .      # record in the base,
                                                                       # plain_pattern of a branch

A row is ``Δ ms (re − regex)  calls  regex ms  re ms  same?  pattern``, quickest gain first.
Move a pattern to ``plain_pattern`` only when its row says ``True`` and a clearly negative Δ
(``re`` wins on short spans; long scans without a literal start, like money's currency anchors
or years' year scan, are several times slower on ``re``), then prove byte identity with
``scripts/snapshot_records.py --archive diff`` and time the change with
``scripts/compare_trees.py``. Patterns already on ``re`` are not recorded (only ``regex``'s);
to re-check one, record in a tree where it is still on ``regex``.
"""
from __future__ import annotations

import argparse
import collections
import re
import sys
import time
import types
from pathlib import Path

import regex

SCRIPTS = Path(__file__).resolve().parent
CALLS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class RecordingPattern:
    """A compiled pattern that keeps the arguments of every call made on it."""
    __slots__ = ("_pattern", "_calls")

    def __init__(self, pattern, calls):
        self._pattern = pattern
        self._calls = calls

    def __getattr__(self, name):
        attr = getattr(self._pattern, name)
        if name not in CALLS:
            return attr
        calls = self._calls

        def recorded(*args, **kwargs):
            calls.append((name, args, kwargs))
            return attr(*args, **kwargs)
        return recorded


def install_recorders(obj, calls_by_pattern, seen, depth=0):
    """``obj`` with every ``regex`` pattern it reaches replaced by a recorder (in place where
    it can; a tuple is rebuilt)."""
    if isinstance(obj, regex.Pattern):
        return RecordingPattern(obj, calls_by_pattern[(obj.pattern, obj.flags)])
    if depth > 4 or id(obj) in seen:
        return obj
    seen.add(id(obj))

    def again(value):
        return install_recorders(value, calls_by_pattern, seen, depth + 1)
    if isinstance(obj, tuple):
        new = tuple(again(x) for x in obj)
        return new if any(a is not b for a, b in zip(new, obj)) else obj
    if isinstance(obj, list):
        obj[:] = [again(x) for x in obj]
        return obj
    if isinstance(obj, dict):
        for key in list(obj):
            obj[key] = again(obj[key])
        return obj
    if isinstance(obj, (type, types.ModuleType, types.FunctionType)):
        return obj
    for key, value in list(getattr(obj, "__dict__", {}).items()):
        new = again(value)
        if new is not value:
            object.__setattr__(obj, key, new)
    for slot in getattr(type(obj), "__slots__", ()):
        try:
            value = getattr(obj, slot)
        except AttributeError:
            continue
        new = again(value)
        if new is not value:
            object.__setattr__(obj, slot, new)
    return obj


def record_calls() -> dict:
    """(pattern, flags) → every call the pipeline made on it over the real news."""
    sys.path.insert(0, str(SCRIPTS))
    from benchmark import load_real_news
    from extractor import extract
    from extractor.lexicon.gazetteer import gazetteer
    from extractor.pipeline import default_pipeline
    texts = load_real_news()
    extract("warm up 石渠县")
    calls_by_pattern = collections.defaultdict(list)
    seen: set[int] = set()
    for rules in default_pipeline().stage_rules.values():
        install_recorders(rules, calls_by_pattern, seen)
    for name, module in list(sys.modules.items()):
        if name != "extractor" and not name.startswith("extractor."):
            continue
        for key, value in list(vars(module).items()):
            if isinstance(value, regex.Pattern):
                setattr(module, key, install_recorders(value, calls_by_pattern, seen))
            elif not key.startswith("__") and not isinstance(
                    value, (types.ModuleType, type, types.FunctionType)):
                install_recorders(value, calls_by_pattern, seen)
    gazetteer().clear_phrase_hits()
    for text in texts:
        extract(text)
    return calls_by_pattern


def comparable(result):
    if isinstance(result, (regex.Match, re.Match)):
        return result.span(), result.groups(), result.groupdict()
    if hasattr(result, "__next__") or isinstance(result, list):
        return [comparable(x) for x in result]
    return result


def replayed(pattern, calls) -> list:
    return [comparable(getattr(pattern, name)(*args, **kwargs)) for name, args, kwargs in calls]


def best_time(pattern, calls, rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for name, args, kwargs in calls:
            result = getattr(pattern, name)(*args, **kwargs)
            if name == "finditer":
                for _match in result:
                    pass
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--branch", help="tree whose rules.plain_pattern compiles the "
                        "candidates (default: the tree that records)")
    parser.add_argument("--rounds", type=int, default=5, help="replays per engine (best of)")
    args = parser.parse_args()
    calls_by_pattern = record_calls()
    print(f"patterns called {len(calls_by_pattern)}, calls "
          f"{sum(map(len, calls_by_pattern.values()))}", file=sys.stderr)
    if args.branch:
        sys.path.insert(0, str(Path(args.branch).resolve()))
        for name in [m for m in sys.modules if m == "extractor" or m.startswith("extractor.")]:
            del sys.modules[name]
    from extractor.rules import plain_pattern
    rows = []
    for (source, flags), calls in calls_by_pattern.items():
        flags &= ~(regex.UNICODE | regex.VERSION0)
        candidate = plain_pattern(source, flags)
        if not isinstance(candidate, re.Pattern):
            continue
        current = regex.compile(source, flags)
        same = replayed(current, calls) == replayed(candidate, calls)
        t_regex, t_re = best_time(current, calls, args.rounds), best_time(candidate, calls, args.rounds)
        rows.append((t_re - t_regex, len(calls), t_regex, t_re, same, source[:70]))
    rows.sort()
    print(f"total regex {sum(r[2] for r in rows) * 1000:.1f} ms -> re "
          f"{sum(r[3] for r in rows) * 1000:.1f} ms; all same: {all(r[4] for r in rows)}")
    for delta, n, t_regex, t_re, same, source in rows:
        print(f"{delta * 1000:7.2f} {n:6d} {t_regex * 1000:7.2f} {t_re * 1000:7.2f} {same} {source!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
