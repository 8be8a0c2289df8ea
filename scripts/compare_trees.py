"""Same-process speed comparison of two checkouts of this project (e.g. a start commit's
worktree against main): both trees' ``extract`` run in turn over the same texts, CPU time,
best of N rounds per tree. The benchmark's ratio to jieba moves by ±15% between runs on a
shared machine; one process with both trees loaded cancels most of that.

    git worktree add --detach /tmp/wt-start <commit>
    python scripts/compare_trees.py /tmp/wt-start . --rounds 9

Each tree keeps its own ``extractor`` modules, swapped into ``sys.modules`` before its
rounds, so imports made at call time resolve to the tree's own code and rules.

``--stage NAME`` times that stage alone: each tree runs the stages before it once per
article, and each round gets a fresh copy of the facts they gave and the gazetteer's memo of
the article's scan, as the pipeline would (the copies are not timed). A stage that is a tenth
of the pipeline is lost in the whole pipeline's noise; alone, a few percent show.

``--cold`` clears the tree's tagger cache and the gazetteer's phrase memo before every timed
run (not timed), as ``benchmark.py`` does each round: without it the best of N rounds
leaves the tagging out (every window was tagged in the first round), so a change in what
is tagged does not show. With ``--per-article`` each article is then tagged cold (no
window shared with the articles before it, as bylines are in one benchmark pass).
"""
from __future__ import annotations

import argparse
import copy
import importlib
import sys
import time
from pathlib import Path
from typing import Optional

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


def cold_start(modules):
    """A function that forgets what the tree remembers across articles and rounds: the
    tagger's windows and the gazetteer's phrases (older trees may lack either)."""
    tagger = modules["extractor.stages.persons"].load_rules().tagger
    gazetteer = modules["extractor.lexicon.gazetteer"].gazetteer()

    def clear() -> None:
        if hasattr(tagger, "cache_clear"):
            tagger.cache_clear()
        if hasattr(gazetteer, "clear_phrase_hits"):
            gazetteer.clear_phrase_hits()
    return clear


def stage_runner(modules, name: str, texts: list[str], cold=None):
    """A function that runs stage ``name`` of the tree over ``texts`` (the stages before it
    run once, here) and returns the CPU time of the stage alone."""
    sys.modules.update(modules)
    pipeline = modules["extractor.pipeline"].default_pipeline()
    article_type = modules["extractor.article"].Article
    normalize = modules["extractor.text.normalize"].normalize
    # the stages' own gazetteer: they call gazetteer(folder), and before 2026-12-05 the
    # cache keyed gazetteer() apart from gazetteer(None) (older trees still do)
    gazetteer = modules["extractor.lexicon.gazetteer"].gazetteer(pipeline.rules_dir)
    names = [spec.name for spec in pipeline.stages]
    spec = pipeline.stages[names.index(name)]
    rules = pipeline.stage_rules[name]
    prepared = []
    for text in texts:
        norm = normalize(text, max_chars=pipeline.max_input_chars)
        article = article_type(norm=norm, warnings=list(norm.warnings))
        for before in pipeline.stages[:names.index(name)]:
            before.run(article, pipeline.stage_rules[before.name])
        # the gazetteer's memo of the article's scan is private (Gazetteer.find): the script
        # reads and sets it directly because the BEFORE tree, older code, has no public way
        prepared.append((article, copy.deepcopy(article.facts), gazetteer._last))

    def run(which: Optional[list[int]] = None) -> float:
        spent = 0.0
        for article, facts, scanned in (prepared if which is None else [prepared[i] for i in which]):
            article.facts = copy.deepcopy(facts)
            gazetteer._last = scanned       # the counties stage's scan of this text
            if cold is not None:
                cold()
            t = time.process_time()
            spec.run(article, rules)
            spent += time.process_time() - t
        return spent
    return run


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before")
    parser.add_argument("after")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--archive-step", type=int, default=10)
    parser.add_argument("--stage", help="time this stage alone (e.g. pairings)")
    parser.add_argument("--per-article", action="store_true",
                        help="best of --rounds per article, the trees interleaved article by "
                             "article, summed (steadier under load than the best whole pass)")
    parser.add_argument("--cold", action="store_true",
                        help="clear the tagger's cache and the gazetteer's phrase memo before "
                             "each timed run (as benchmark.py does each round)")
    return parser.parse_args()


def main() -> None:
    args = arguments()
    corpora = {
        "real news": [p.read_text(encoding="utf-8") for p in sorted(SHARED.glob("real-news/*/*.txt"))],
        "archive month": [p.read_bytes().decode("utf-8", "replace")
                          for p in sorted(SHARED.glob("archive/rmrb-2019-10/*.txt"))[::args.archive_step]],
    }
    trees = {root: load_tree(str(Path(root).resolve())) for root in (args.before, args.after)}
    for name, texts in corpora.items():
        runs = {}
        for root, (extract, modules) in trees.items():
            sys.modules.update(modules)
            cold = cold_start(modules) if args.cold else None
            if args.stage:
                runs[root] = stage_runner(modules, args.stage, texts, cold)
                runs[root]()                          # first pass: per-article caches warm
                continue
            for text in texts[:20]:                   # first pass: per-article caches warm
                extract(text)

            def run(which: Optional[list[int]] = None, extract=extract, cold=cold) -> float:
                if cold is not None:
                    cold()
                t = time.process_time()
                for text in (texts if which is None else [texts[i] for i in which]):
                    extract(text)
                return time.process_time() - t
            runs[root] = run
        what = f"the {args.stage} stage" if args.stage else "the pipeline"
        what += ", tagger cold" if args.cold else ""
        if args.per_article:
            # each article's best of N, the trees interleaved article by article, summed: a load
            # spike spoils one article's round, not a whole pass (on a busy machine the best of
            # whole passes still moves by +-9%)
            best = {root: 0.0 for root in trees}
            for k in range(len(texts)):
                spent: dict[str, list[float]] = {root: [] for root in trees}
                for i in range(args.rounds):
                    for root in (list(trees) if (i + k) % 2 == 0 else list(trees)[::-1]):
                        sys.modules.update(trees[root][1])
                        spent[root].append(runs[root]([k]))
                for root in trees:
                    best[root] += min(spent[root])
            before, after = best[args.before], best[args.after]
            print(f"{name}, {what}: before {before:.3f} s, after {after:.3f} s CPU (sum of each "
                  f"article's best of {args.rounds}); after/before {after / before:.3f}")
            continue
        times: dict[str, list[float]] = {root: [] for root in trees}
        for i in range(args.rounds):
            for root in (list(trees) if i % 2 == 0 else list(trees)[::-1]):
                sys.modules.update(trees[root][1])
                times[root].append(runs[root]())
        before, after = min(times[args.before]), min(times[args.after])
        print(f"{name}, {what}: before {before:.3f} s, after {after:.3f} s CPU (best of {args.rounds}); "
              f"after/before {after / before:.3f}")


if __name__ == "__main__":
    main()
