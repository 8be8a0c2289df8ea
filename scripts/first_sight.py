#!/usr/bin/env python3
"""First sight: how the rules did on each dev page draw before any rule was written from it.

Each page draw of gold/DEV_PAGES.txt is new text when its list lands: the commit that adds the
draw's header holds the rules that had never seen it. This script exports the tree of that
commit's parent (``git archive``, into a cache folder), runs its pipeline on the draw's page
texts and scores the records against today's gold with this tree's scorer. Pooled over the
draws drawn like the fresh held-out pages, that is an estimate of how the rules do on text
nobody has read, made from development text only: its misses may be read (they are dev) and
tell which classes fail on new text, where the dev misses tell only what is left after fitting.

    python scripts/first_sight.py                      # the draws from the 27th on, pooled
    python scripts/first_sight.py --draws 40,41 --per-draw
    python scripts/first_sight.py --misses counties.role   # the first-sight misses of a field (dev pages)
    python scripts/first_sight.py --now                # and this tree on the same pages
    python scripts/first_sight.py --now --misses cadres.place   # first-sight misses, then this tree's left

Held-out lists are never run here: only ids of gold/DEV_PAGES.txt whose page text is present.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Optional

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from accuracy import PAGES, id_list, table  # noqa: E402
from extractor.report.evaluate import evaluate  # noqa: E402

DEV_PAGES = REPO / "gold" / "DEV_PAGES.txt"
CACHE = Path(tempfile.gettempdir()) / "fupin_first_sight"
#: a draw's header line in gold/DEV_PAGES.txt: "# Forty-first page draw (2026-12-07, …"
HEADER = re.compile(r"# ([A-Z][a-z]+(?:-[a-z]+)?) page draw\b")
UNITS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
         "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
         "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
         "nineteenth": 19}
TENS = {"twent": 20, "thirt": 30, "fort": 40, "fift": 50, "sixt": 60, "sevent": 70, "eight": 80,
        "ninet": 90}
#: the draws from this one on were drawn like the fresh held-out pages (gold/README, issue 12)
FIRST_HELD_OUT_LIKE = 27
#: what the old tree runs: the draw's pages, one record a line (its own extract, its own rules)
RUNNER = """
import json, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from extractor import extract
pages, out = Path(sys.argv[2]), open(sys.argv[4], "w", encoding="utf-8")
for doc_id in sys.argv[3].split(","):
    record = extract((pages / f"{doc_id}.txt").read_bytes(), doc_id=doc_id).to_dict()
    out.write(json.dumps(record, ensure_ascii=False) + "\\n")
"""


def ordinal(word: str) -> Optional[int]:
    """The number of an English ordinal as the headers write it (Forty-first → 41)."""
    word = word.lower()
    if word in UNITS:
        return UNITS[word]
    if word.endswith("ieth") and word[:-4] in TENS:      # twentieth, fortieth
        return TENS[word[:-4]]
    head, _, tail = word.partition("-")
    if head.endswith("y") and head[:-1] in TENS and tail in UNITS and UNITS[tail] < 10:
        return TENS[head[:-1]] + UNITS[tail]
    return None


def draws(text: str) -> dict[int, tuple[str, list[str]]]:
    """Draw number → (its header line, its page ids in list order), from the text of DEV_PAGES.txt."""
    out: dict[int, tuple[str, list[str]]] = {}
    current: Optional[int] = None
    for line in text.splitlines():
        m = HEADER.match(line)
        if m and ordinal(m.group(1)) is not None:
            current = ordinal(m.group(1))
            out[current] = (line, [])
            continue
        doc_id = line.split("#")[0].strip()
        if doc_id and current is not None:
            out[current][1].append(doc_id)
    return out


def _git(*args: str) -> str:
    return subprocess.run(["git", "-C", str(REPO), *args], check=True, capture_output=True,
                          text=True).stdout.strip()


def rules_before(header: str) -> Optional[str]:
    """The commit before the one that added the draw's header to DEV_PAGES.txt (the rules that
    had not seen the draw); None when the header is not committed yet (this tree's rules then)."""
    phrase = HEADER.match(header).group(0)
    added = _git("log", "--format=%H", "--reverse", "-S", phrase, "--", str(DEV_PAGES.relative_to(REPO)))
    return _git("rev-parse", f"{added.split()[0]}^") if added else None


def exported(commit: str) -> Path:
    """The tree of ``commit``, exported once into the cache."""
    tree = CACHE / commit
    if not (tree / "extractor").is_dir():
        tree.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(["git", "-C", str(REPO), "archive", commit], check=True,
                                 capture_output=True).stdout
        with tempfile.TemporaryFile() as f:
            f.write(archive)
            f.seek(0)
            with tarfile.open(fileobj=f) as tar:
                tar.extractall(tree)
    return tree


def records(tree: Path, doc_ids: list[str], out: Path) -> Path:
    """Run ``tree``'s pipeline on the pages (in its own process: its own rules), once."""
    if not out.is_file():
        out.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-c", RUNNER, str(tree), str(PAGES), ",".join(doc_ids),
                        str(out)], check=True)
    return out


def run_draws(numbers: list[int], now: bool) -> tuple[list[Path], list[Path], list[Path], dict]:
    """Gold files, first-sight record files and (with ``now``) this tree's record files of the draws."""
    listed = draws(DEV_PAGES.read_text(encoding="utf-8"))
    held_out = id_list("FRESH_PAGES.txt") | id_list("HELDOUT.txt")
    gold, first, current, per_draw = [], [], [], {}
    for n in numbers:
        header, ids = listed[n]
        ids = [i for i in ids if i not in held_out and (PAGES / f"{i}.txt").is_file()
               and (REPO / "gold" / "pages" / f"{i}.json").is_file()]
        if not ids:
            continue
        commit = rules_before(header)
        tree = exported(commit) if commit else REPO
        # keyed by the id list too: a draw lands in batches, and a run between two batches must not
        # leave a cache of the first batch's records for later runs to score the whole draw against
        id_key = hashlib.sha1(",".join(ids).encode()).hexdigest()[:10]
        first.append(records(tree, ids, CACHE / "records" / f"{commit or 'worktree'}-{n}-{id_key}.jsonl"))
        if now:
            current.append(records(REPO, ids, Path(tempfile.mkdtemp()) / f"now-{n}.jsonl"))
        files = [REPO / "gold" / "pages" / f"{i}.json" for i in ids]
        gold += files
        per_draw[n] = (files, first[-1], (commit or "worktree")[:7])
    return gold, first, current, per_draw


def _joined(files: list[Path]) -> list[dict]:
    return [json.loads(line) for f in files for line in f.read_text(encoding="utf-8").splitlines() if line]


def only_field(lines: list[str], field: str) -> list[str]:
    """The lines of Report.format_misses about ``field`` (all when empty), each under its article's header."""
    if not field:
        return lines
    out: list[str] = []
    header = ""
    for line in lines:
        if line.startswith("== "):
            header = line
        elif line.split()[:1] == [field]:
            if header:
                out.append(header)
                header = ""
            out.append(line)
    return out


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--draws", help="draw numbers, comma-separated (default: every draw of DEV_PAGES.txt "
                    f"from the {FIRST_HELD_OUT_LIKE}th on)")
    ap.add_argument("--per-draw", action="store_true", help="a column for each draw too")
    ap.add_argument("--now", action="store_true", help="a column for this tree on the same pages")
    ap.add_argument("--misses", nargs="?", const="", metavar="FIELD",
                    help="list the first-sight misses (dev pages), only FIELD's when given (counties.role, pairings …); "
                    "with --now, this tree's misses on the same pages after them")
    args = ap.parse_args(argv)
    listed = draws(DEV_PAGES.read_text(encoding="utf-8"))
    numbers = [int(x) for x in args.draws.split(",")] if args.draws else \
        sorted(n for n in listed if n >= FIRST_HELD_OUT_LIKE)
    gold, first, current, per_draw = run_draws(numbers, args.now)
    report = evaluate(gold, _joined(first))
    groups = [(f"first sight, {len(per_draw)} draws", report)]
    if args.now:
        groups.append(("this tree, same pages", evaluate(gold, _joined(current))))
    if args.per_draw:
        groups += [(f"draw {n} @{c}", evaluate(g, _joined([f]))) for n, (g, f, c) in per_draw.items()]
    print(table(groups))
    if args.misses is not None:
        print()
        print("\n".join(only_field(report.format_misses(), args.misses)))
        if args.now:      # what is left on the same pages with this tree's rules
            print("\n# this tree, same pages: misses left")
            print("\n".join(only_field(groups[1][1].format_misses(), args.misses)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
