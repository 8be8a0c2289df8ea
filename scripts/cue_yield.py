#!/usr/bin/env python3
"""What each persons gate cue's tagger windows yield, on the non-held-out scored corpus
(real-news dev with the dev archive, web pages dev; never gold/FRESH*.txt or HELDOUT.txt).

    python scripts/cue_yield.py                      # the table, one row a window label
    python scripts/cue_yield.py --off before_name:处长 byline:本报   # those windows not tagged

A window's label is its cue's kind and word (before_name:书记, after_name:说), or the window
rule (sentence_start, dot). Per label: windows, characters, characters no other label's
window covers ("own"), and the found persons whose every tagged span lies in windows of that
label alone and that no rule read ("only": right / wrong by gold; "shared": right ones it
shares). "only" is an estimate: the tagger reads a merged window whole, so a window left out
changes its neighbours' reading; ``--off`` measures it (persons and cadres per column, and
the names that changed). Speed round 23: a label with no "only" name on dev still yielded
names on text not read (docs/speed.md). The hooks wrap the stage's functions; the stage's
code is unchanged.
"""
from __future__ import annotations

import argparse
import collections
import json
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

import accuracy  # noqa: E402
from extractor import extract  # noqa: E402
from extractor.report.evaluate import clean_name, evaluate  # noqa: E402
from extractor.stages import persons as P  # noqa: E402

#: what the hooks saw in the article being run, and the labels whose windows are left out
SEEN: dict = {}
OFF: set = set()


class _Current:
    """The cue word the stage's cue loop is at (its iterator records each word it hands out)."""

    def __init__(self, finder) -> None:
        self.finder, self.word = finder, None

    def iter(self, text: str):
        for hit in self.finder.iter(text):
            self.word = hit[1]
            yield hit


def _label(text: str, span: tuple, word: str) -> str:
    kind, cue_start = span[5], span[4]
    if kind in P._CERTAIN_KINDS:
        return f"{kind}:{'的《' if text.startswith('的《', cue_start) else text[cue_start]}"
    return f"{kind}:{word}"


def install_hooks() -> None:
    """Wrap the persons stage's window functions to record each window's label, the tagged
    spans and the persons found, and to leave out the windows of the labels in OFF."""
    rules = P.load_rules()
    current = _Current(rules.cues)
    object.__setattr__(rules, "cues", current)      # the rules object is frozen: one field swapped
    cue_spans, starts, unread = P._cue_spans, P._sentence_start_spans, P._unread_windows
    uncovered, unread_starts = P._uncovered_dots, P._unread_starts

    def labelled_cue_spans(text, sentence_of, rules):
        for span in cue_spans(text, sentence_of, rules):
            label = _label(text, span, current.word)
            SEEN["labels"].setdefault(span[:4], label)
            if span[5] == "before_name_certain":        # a window after 的 or ”: (lo, hi, name start)
                SEEN["labels"].setdefault(("after", span[0], span[1], span[3]), label)
            yield span

    def labelled_starts(text, sentences, rules):
        for span in starts(text, sentences, rules):
            SEEN["labels"].setdefault(span[:4], "sentence_start")
            yield span

    def kept_windows(text, cued, read):
        cued = [c for c in cued if SEEN["labels"].get(c) not in OFF]
        for c in cued:
            if unread(text, [c], read):
                SEEN["pre"].append((c[0], c[1], SEEN["labels"].get(c, "?")))
        return unread(text, cued, read)

    def kept_dots(dots, windows, margin):
        if SEEN.get("in_starts"):
            return uncovered(dots, windows, margin)
        dots = [] if "dot" in OFF else dots
        out = uncovered(dots, windows, margin)
        SEEN["pre"].extend((lo, hi, "dot") for lo, hi in out)
        return out

    def kept_starts(text, after_de, windows, read, rules):
        label = {w: SEEN["labels"].get(("after",) + tuple(w), "?") for w in after_de}
        SEEN["in_starts"] = True
        try:
            out = unread_starts(text, [w for w in after_de if label[w] not in OFF], windows, read, rules)
        finally:
            SEEN["in_starts"] = False
        SEEN["pre"].extend((lo, hi, label[(lo, hi, k)]) for lo, hi, k in out)
        return out

    P._cue_spans, P._sentence_start_spans, P._unread_windows = labelled_cue_spans, labelled_starts, kept_windows
    P._uncovered_dots, P._unread_starts = kept_dots, kept_starts
    _install_recorders()


def _install_recorders() -> None:
    """Wrap the persons stage's tagging, name reading and person finding to record what they
    return for the article being run."""
    tagged_spans, find_names, find_persons = P._tagged_spans, P.find_names, P.find_persons

    def recorded_tagged(text, windows, dot_windows, start_windows, rules, stats):
        SEEN["tagged"] = tagged_spans(text, windows, dot_windows, start_windows, rules, stats)
        SEEN["windows"] = list(windows) + list(dot_windows) + [(lo, hi) for lo, hi, _ in start_windows]
        return SEEN["tagged"]

    def recorded_names(text, spans, rules, *args, **kwargs):
        SEEN["spans"] = list(spans)
        return find_names(text, spans, rules, *args, **kwargs)

    def recorded_persons(text, *args, **kwargs):
        found = find_persons(text, *args, **kwargs)
        SEEN["found"] = [(p.name, list(p.spans)) for p in found]
        return found

    P._tagged_spans, P.find_names, P.find_persons = recorded_tagged, recorded_names, recorded_persons


def dev_jobs() -> list[dict]:
    """The non-held-out scored texts (accuracy.py's jobs, archive and page jobs, minus the seeds
    and every id of gold/HELDOUT.txt and gold/FRESH*.txt), each with its gold file."""
    notes: list[str] = []
    todo = [j for j in accuracy.jobs(notes) if not j["source"].startswith("corpus/")]
    todo += accuracy.archive_jobs(notes) + accuracy.page_jobs(notes)[0]
    held = set().union(*(accuracy.id_list(f) for f in ("HELDOUT.txt", "FRESH.txt", "FRESH_ARCHIVE.txt",
                                                       "FRESH_PAGES.txt")))
    for job in todo:
        folder = "pages" if job["source"].startswith("pages/") else \
            "archive" if job["source"].startswith("archive/") else "real-news"
        job["gold"] = accuracy.GOLD / folder / f"{job['doc_id']}.json"
    return [j for j in todo if j["doc_id"] not in held]


def run(todo: list[dict], out: Path) -> list[dict]:
    """Each text's record written to ``out``; per text what the hooks saw, its predicted and
    gold names."""
    rows = []
    with open(out, "w", encoding="utf-8") as f:
        for job in todo:
            SEEN.clear()
            SEEN.update(labels={}, pre=[], tagged=[], spans=[], found=[], windows=[])
            record = extract(Path(job["path"]).read_bytes(), doc_id=job["doc_id"], title=job["title"],
                             published=job["published"])
            f.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
            gold = json.loads(job["gold"].read_text(encoding="utf-8"))
            rows.append({"doc": job["doc_id"], "gold": {clean_name(p.get("name")) for p in gold.get("persons") or []},
                         "pred": {clean_name(p.name) for p in record.persons},
                         **{k: SEEN[k] for k in ("pre", "tagged", "spans", "found", "windows")}})
    return rows


def _sources(row: dict, spans: list[tuple[int, int]]) -> tuple[set, bool]:
    """(the label sets of the tagged spans over a person's mentions, whether a rule read one)."""
    tagged, labels, ruled = row["tagged"], set(), False
    for a, b in spans:
        for x, y in row["spans"]:
            if x < b and a < y:
                if any(t[0] < y and x < t[1] for t in tagged):
                    labels.add(frozenset(lab for lo, hi, lab in row["pre"] if lo < y and x < hi))
                else:
                    ruled = True
    return labels, ruled


def yield_table(rows: list[dict]) -> list[str]:
    """One line a label: windows, characters, own characters, only right / wrong, shared right."""
    count = collections.defaultdict(collections.Counter)
    for row in rows:
        cover = collections.defaultdict(set)
        for lo, hi, lab in row["pre"]:
            count[lab]["windows"] += 1
            count[lab]["chars"] += hi - lo
            for i in range(lo, hi):
                cover[i].add(lab)
        for labs in cover.values():
            if len(labs) == 1:
                count[next(iter(labs))]["own"] += 1
        for name, spans in row["found"]:
            labels, ruled = _sources(row, spans)
            alone = set().union(*labels) if labels else set()
            right = name in row["gold"]
            if not ruled and len(alone) == 1:
                count[next(iter(alone))]["only right" if right else "only wrong"] += 1
            elif right:
                for lab in alone:
                    count[lab]["shared right"] += 1
    cols = ("windows", "chars", "own", "only right", "only wrong", "shared right")
    lines = [f"{'label':32}" + "".join(f"{c:>13}" for c in cols)]
    for lab, c in sorted(count.items(), key=lambda x: -x[1]["own"]):
        lines.append(f"{lab:32}" + "".join(f"{c[k]:>13}" for k in cols))
    total = sum(b - a for row in rows for a, b in row["windows"])
    return [f"{len(rows)} texts; {total} characters in the tagger's windows (merged; no edge retagging)"] + lines


def scores(todo: list[dict], out: Path) -> list[str]:
    """Persons and cadres per column (real-news dev with the dev archive; web pages dev)."""
    report = evaluate([j["gold"] for j in todo], out)
    lines = []
    for name, parent in (("real-news dev", ("real-news", "archive")), ("web pages dev", ("pages",))):
        r = report.subset(lambda a, parent=parent: Path(a.gold_path).parent.name in parent)
        p, c = r.fields["persons"], r.fields["cadres"]
        lines.append(f"{name}: persons tp {p.tp} fp {p.fp} fn {p.fn} F1 {p.f1:.4f}; cadres tp {c.tp} fp {c.fp} "
                     f"fn {c.fn} F1 {c.f1:.4f}; place {r.attributes['cadres.place'].accuracy:.4f} "
                     f"origin {r.attributes['cadres.origin'].accuracy:.4f}")
    return lines


def changed_names(base: list[dict], rows: list[dict]) -> list[str]:
    """One line per text whose predicted names changed between two :func:`run` results: the
    names lost and gained, and which of them are gold (also scripts/tagger_cascade.py)."""
    out = []
    for old, new in zip(base, rows):
        if old["pred"] != new["pred"]:
            lost, gained = old["pred"] - new["pred"], new["pred"] - old["pred"]
            out.append(f"{old['doc']}: lost {sorted(lost)} (gold: {sorted(lost & old['gold'])}), "
                       f"gained {sorted(gained)} (gold: {sorted(gained & old['gold'])})")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--off", nargs="*", default=[], help="labels whose windows are not tagged")
    args = parser.parse_args()
    install_hooks()
    todo = dev_jobs()
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "predictions.jsonl"
        base = run(todo, out)
        before = scores(todo, out)
        if not args.off:
            print("\n".join(yield_table(base) + before))
            return
        OFF.update(args.off)
        after = run(todo, out)
        print("\n".join(["with every window:"] + before + [f"without {' '.join(args.off)}:"] + scores(todo, out)))
        chars = [sum(b - a for row in rows for a, b in row["windows"]) for rows in (base, after)]
        print(f"characters in the tagger's windows: {chars[0]} -> {chars[1]}")
        for line in changed_names(base, after):
            print(f"  {line}")


if __name__ == "__main__":
    main()
