#!/usr/bin/env python3
"""Build ``rules/gbk_pinyin.tsv``: the readings of the GBK characters the pinyin-note shift
repair reads or restores (``rules/normalize.yaml``, pinyin_shift, says how the damage arises).

Input:  the ``pypinyin`` package (its readings, every heteronym, tone marks), the GBK codec,
        and the normaliser's frequency test (jieba's dictionary, OpenCC t2s).
Output (committed; a test checks it is current with this script and the installed packages):
one line per reading, its characters in GBK order. A character is listed when it can be
  - the lost character the converter annotated: its trail byte is a lead byte (0x81–0xFE),
    since the repair reads that byte as the lead the shifted run lost; every such character,
    rare or not, so that two characters of one reading leave the repair ambiguous; or
  - a character the repair restores from a note: any trail byte, but only characters
    frequent enough to pass the repair's plausibility test (pinyin_shift_min_frequency).

The package is needed only to rebuild and check the table (the test extra: ``pip install ".[test]"``); the
normaliser reads the table, never the package.

Usage: python scripts/build_gbk_pinyin.py [--check]
"""
from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "rules" / "gbk_pinyin.tsv"


def gbk_characters() -> list[tuple[int, int, str]]:
    """Every GBK double-byte character with its two bytes, in code order."""
    found = []
    for lead in range(0x81, 0xFF):
        for trail in range(0x40, 0xFF):
            if trail == 0x7F:
                continue
            try:
                found.append((lead, trail, bytes([lead, trail]).decode("gbk")))
            except UnicodeDecodeError:
                pass
    return found


def render() -> str:
    sys.path.insert(0, str(REPO))
    from importlib.metadata import version
    from pypinyin import Style, pinyin
    from extractor.rules import load_yaml
    from extractor.text.normalize import _han_frequency, _t2s
    floor = int(load_yaml("normalize.yaml")["pinyin_shift_min_frequency"])
    frequency, t2s = _han_frequency(), _t2s()
    by_reading: dict[str, list[str]] = defaultdict(list)
    for _lead, trail, char in gbk_characters():
        if trail < 0x81 and frequency.get(t2s.convert(char), 0) < floor:
            continue
        found = pinyin(char, style=Style.TONE, heteronym=True, errors="ignore")
        for reading in dict.fromkeys(found[0] if found else []):
            by_reading[reading].append(char)
    lines = [
        "# Built by scripts/build_gbk_pinyin.py from the pypinyin package; do not edit by hand.",
        f"# pypinyin {version('pypinyin')}; characters a shifted GBK run can lose under a",
        "# converter's pinyin note (normalize.yaml, pinyin_shift), in GBK order.",
        "reading\tcharacters",
    ]
    lines += [f"{reading}\t{''.join(chars)}" for reading, chars in sorted(by_reading.items())]
    return "\n".join(lines) + "\n"


def main() -> int:
    # Imported here, not at the top: the tests load this file alone for render() (scripts/ is
    # on the path only when the script runs).
    from shipped_files import single_file_main
    return single_file_main(__doc__.splitlines()[0], OUT, render)


if __name__ == "__main__":
    sys.exit(main())
