#!/usr/bin/env python3
"""The tagger cascade on the non-held-out scored corpus (real-news dev with the dev archive, web
pages dev; never gold/FRESH*.txt or HELDOUT.txt): persons and cadres per dev column with LAC
alone, then with the cascade (rules/persons.yaml ``tagger_model: cascade``) at each threshold,
the share of windows and characters still sent to LAC, and every name that changed.

    python scripts/tagger_cascade.py                        # the thresholds 0.98 0.99 0.995 0.999
    python scripts/tagger_cascade.py --thresholds 0.99 --student zh_char_crf
    python scripts/tagger_cascade.py --windows --thresholds 0.99 0.99 --empty-thresholds 0.998 0.999

Choose a threshold on these dev numbers only (docs/speed.md, round 24).

``--windows`` runs the pipeline once (LAC alone) and asks the student about every window the
persons stage tags, each labelled by its cues' kinds (scripts/cue_yield.py's hooks): per bar, the
share of characters left to LAC and the windows the cascade would keep whose spans differ from
LAC's, with the bar alone and with an empty student path in a window of an ``--expect`` kind
(a cue says a name is there) always sent to LAC; then, per window kind, how much the student
keeps (speed round 25). An estimate in seconds where a full run takes minutes: a differing
window is not always a changed name (the stage reads the spans further).
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
    parser.add_argument("--windows", action="store_true", help="estimate from the tagged windows (one run)")
    parser.add_argument("--expect", nargs="*", default=["before_name"],
                        help="with --windows: the window kinds where an empty student path goes to LAC")
    args = parser.parse_args()
    rules, todo = P.load_rules(), cue_yield.dev_jobs()
    lac = ner.LacTagger(threads=1)
    if args.windows:
        windows = record_windows(todo, rules, lac, ner.CrfTagger(args.student))
        print(*window_table(windows, args.thresholds, args.empty_thresholds or args.thresholds,
                            set(args.expect)), sep="\n")
        return
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


def record_windows(todo: list[dict], rules, lac, student) -> list[dict]:
    """Every window the persons stage tags on ``todo`` with LAC alone: its text, its cues' kinds,
    LAC's spans and the student's spans with their probability."""
    cue_yield.install_hooks()
    object.__setattr__(rules, "tagger", stage_tagger(lac, lac))
    windows: list[dict] = []
    tag_windows = P._tag_windows

    def recorded(text, spans, rules):
        out = tag_windows(text, spans, rules)
        scored = student.tag_scored([text[a:b] for a, b in spans], ("PER",)) if spans else []
        for (a, b), lac_spans, (ents, sure) in zip(spans, out, scored):
            kinds = {label.split(":")[0] for lo, hi, label in cue_yield.SEEN["pre"] if lo < b and a < hi}
            windows.append({"chars": b - a, "kinds": kinds, "lac": sorted(lac_spans), "sure": sure,
                            "student": sorted((a + e.start, a + e.end) for e in ents)})
        return out
    P._tag_windows = recorded
    try:
        with tempfile.TemporaryDirectory() as folder:
            cue_yield.run(todo, Path(folder) / "predictions.jsonl")
    finally:
        P._tag_windows = tag_windows
    return windows


def cascade_keeps(window: dict, threshold: float, empty: float, expect: frozenset = frozenset()) -> bool:
    """Whether the cascade keeps the student's spans of a recorded window: a path with a name
    from ``threshold``, an empty one from ``empty`` and never in a window of an ``expect`` kind."""
    if window["student"]:
        return window["sure"] >= threshold
    return window["sure"] >= empty and not window["kinds"] & expect


def window_table(windows: list[dict], thresholds, empties, expect: set[str]) -> list[str]:
    """The estimate of --windows: per bar (alone, then with an empty path in a window of an
    ``expect`` kind sent to LAC), the share of characters to LAC and the kept windows whose spans
    differ from LAC's; then per window kind (a window of several kinds counts in each) the share
    of its characters the student keeps at the first bar."""
    total = sum(w["chars"] for w in windows) or 1
    lines = [f"{len(windows)} windows, {total} characters"]
    for threshold, empty in zip(thresholds, empties):
        for rule, kinds in (("", frozenset()), (f", empty in {'/'.join(sorted(expect))} to LAC", frozenset(expect))):
            kept = [w for w in windows if cascade_keeps(w, threshold, empty, kinds)]
            differ = [w for w in kept if w["student"] != w["lac"]]
            lines.append(f"bar {threshold}/{empty}{rule}: characters to LAC "
                         f"{1 - sum(w['chars'] for w in kept) / total:.1%}, kept windows differing from LAC "
                         f"{len(differ)} ({sum(not w['student'] for w in differ)} with an empty student path)")
    for kind in sorted({k for w in windows for k in w["kinds"]}):
        mine = [w for w in windows if kind in w["kinds"]]
        chars = sum(w["chars"] for w in mine)
        kept = sum(w["chars"] for w in mine if cascade_keeps(w, thresholds[0], empties[0]))
        lines.append(f"  {kind}: {len(mine)} windows, {chars} characters, kept at "
                     f"{thresholds[0]}/{empties[0]} {kept / chars:.0%}")
    return lines


if __name__ == "__main__":
    main()
