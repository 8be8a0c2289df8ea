"""Same-process speed comparison of two checkouts of this project (e.g. a start commit's
worktree against main): both trees' ``extract`` run in turn over the same texts, CPU time,
best of N rounds per tree. The benchmark's ratio to jieba moves by ±15% between runs on a
shared machine; one process with both trees loaded cancels most of that.

    git worktree add --detach /tmp/wt-start <commit>
    python scripts/compare_trees.py /tmp/wt-start . --rounds 9

Each tree keeps its own ``extractor`` modules, swapped into ``sys.modules`` before its
rounds, so imports made at call time resolve to the tree's own code and rules.
"""
from __future__ import annotations

import argparse
import importlib
import sys
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def load_tree(root: str):
    """The tree's ``extract`` and its modules, warmed up (rules and tagger loaded)."""
    for name in [k for k in sys.modules if k == "extractor" or k.startswith("extractor.")]:
        del sys.modules[name]
    sys.path.insert(0, root)
    import extractor
    importlib.reload(extractor)
    if not extractor.__file__.startswith(str(Path(root).resolve())):
        raise SystemExit(f"{root}: imported {extractor.__file__} instead")
    extractor.extract("warm up 石渠县")
    modules = {k: v for k, v in sys.modules.items() if k == "extractor" or k.startswith("extractor.")}
    sys.path.remove(root)
    return extractor.extract, modules


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before")
    parser.add_argument("after")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--archive-step", type=int, default=10)
    args = parser.parse_args()
    corpora = {
        "real news": [p.read_text(encoding="utf-8") for p in sorted(SHARED.glob("real-news/*/*.txt"))],
        "archive month": [p.read_bytes().decode("utf-8", "replace")
                          for p in sorted(SHARED.glob("archive/rmrb-2019-10/*.txt"))[::args.archive_step]],
    }
    trees = {root: load_tree(str(Path(root).resolve())) for root in (args.before, args.after)}
    for name, texts in corpora.items():
        for extract, modules in trees.values():      # first pass: per-article caches warm
            sys.modules.update(modules)
            for text in texts[:20]:
                extract(text)
        times: dict[str, list[float]] = {root: [] for root in trees}
        for i in range(args.rounds):
            for root in (list(trees) if i % 2 == 0 else list(trees)[::-1]):
                extract, modules = trees[root]
                sys.modules.update(modules)
                t = time.process_time()
                for text in texts:
                    extract(text)
                times[root].append(time.process_time() - t)
        before, after = min(times[args.before]), min(times[args.after])
        print(f"{name}: before {before:.3f} s, after {after:.3f} s CPU (best of {args.rounds}); "
              f"after/before {after / before:.3f}")


if __name__ == "__main__":
    main()
