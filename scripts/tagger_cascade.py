#!/usr/bin/env python3
"""The tagger cascade on the non-held-out scored corpus (real-news dev with the dev archive, web
pages dev; never gold/FRESH*.txt or HELDOUT.txt): persons and cadres per dev column with LAC
alone, then with the cascade (rules/persons.yaml ``tagger_model: cascade``) at each threshold,
the share of windows and characters still sent to LAC, and every name that changed.

    python scripts/tagger_cascade.py                        # the thresholds 0.98 0.99 0.995 0.999
    python scripts/tagger_cascade.py --thresholds 0.99 --student zh_char_crf

Choose a threshold on these dev numbers only (docs/speed.md, round 24).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

import cue_yield  # noqa: E402
from extractor.ner import tagger as ner  # noqa: E402
from extractor.stages import persons as P  # noqa: E402


def stage_tagger(tagger, teacher):
    """``tagger`` in the form the persons stage calls (PER spans per window, no cache), its
    organisations asked of ``teacher`` as the stage does."""
    def tag(texts):
        return [[(e.start, e.end) for e in ents if e.label == "PER"] for ents in tagger.tag(texts, labels=("PER",))]
    tag.cache_clear = lambda: None
    tag.organisations = lambda text: [(e.start, e.end) for e in teacher.tag([text], labels=("ORG",))[0]
                                      if e.label == "ORG"]
    return tag


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--thresholds", nargs="*", type=float, default=[0.98, 0.99, 0.995, 0.999])
    parser.add_argument("--empty-thresholds", nargs="*", type=float, default=None,
                        help="the bar for a path with no name, one per --thresholds (default: the same)")
    parser.add_argument("--student", default="zh_char_crf_lac")
    args = parser.parse_args()
    rules, todo = P.load_rules(), cue_yield.dev_jobs()
    lac = ner.LacTagger(threads=1)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "predictions.jsonl"
        object.__setattr__(rules, "tagger", stage_tagger(lac, lac))     # the rules object is frozen
        base = cue_yield.run(todo, out)
        print("LAC alone:", *cue_yield.scores(todo, out), sep="\n  ", flush=True)
        empties = args.empty_thresholds or args.thresholds
        for threshold, empty in zip(args.thresholds, empties):
            cascade = ner.CascadeTagger(threshold, lac, args.student, empty)
            object.__setattr__(rules, "tagger", stage_tagger(cascade, lac))
            rows = cue_yield.run(todo, out)
            k = cascade.counts
            chars = k["sent_chars"] + k["kept_chars"]
            lines = [f"  {line}" for line in cue_yield.changed_names(base, rows)]
            print(f"cascade ({args.student}, threshold {threshold}, empty {empty}): windows to LAC {k['sent']} of "
                  f"{k['sent'] + k['kept']}, characters {k['sent_chars']} of {chars} "
                  f"({k['sent_chars'] / max(chars, 1):.1%}); {len(lines)} texts changed",
                  *cue_yield.scores(todo, out), *lines, sep="\n  ", flush=True)


if __name__ == "__main__":
    main()
