#!/usr/bin/env python3
"""Build ``rules/t2s_gate.yaml``: what a text must contain for OpenCC t2s to change it.

Input:  the dictionaries of the installed ``opencc`` package's ``t2s.json`` (its
        normalisation dictionary and its conversion group), dumped to text with the
        package's own ``opencc_dict``.
Output (committed; a test checks it is current with this script and the installed package):
``characters`` — every single-character key whose conversion (its first candidate, the one
OpenCC writes) differs from it; ``phrases`` — every longer key whose conversion differs and
that holds none of those characters.

Why this is exact: OpenCC replaces each longest dictionary match by its first candidate and
copies every other character. A match that changes the text is a key whose first candidate
differs from it; every such key is a listed character, holds one, or is a listed phrase.
A text holding none of them has no changing match, so its conversion is the text itself
(``extractor.text.normalize`` then skips OpenCC). The normaliser treats any character
outside the Basic Multilingual Plane as possibly converting, so ``characters`` needs no
fast matcher beyond the BMP.

Usage: python scripts/build_t2s_gate.py [--check]
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "rules" / "t2s_gate.yaml"


def opencc_share() -> tuple[Path, Path, str]:
    """(the share/opencc folder, the opencc_dict tool, the package's version)."""
    import opencc
    from importlib.metadata import version
    clib = Path(opencc.__file__).resolve().parent / "clib"
    return clib / "share" / "opencc", clib / "bin" / "opencc_dict", version("opencc")


def t2s_dictionaries(share: Path) -> list[str]:
    """Every ocd2 file t2s.json reads, normalisation first."""
    config = json.loads((share / "t2s.json").read_text(encoding="utf-8"))
    files: list[str] = []

    def walk(node):
        if isinstance(node, dict):
            if node.get("type") == "ocd2":
                files.append(node["file"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
    walk(config.get("normalization", []))
    walk(config["conversion_chain"])
    return files


def changing_keys() -> tuple[set[str], set[str], str]:
    share, tool, opencc_version = opencc_share()
    keys: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in t2s_dictionaries(share):
            dumped = Path(tmp) / (name + ".txt")
            subprocess.run([str(tool), "-i", str(share / name), "-o", str(dumped),
                            "-f", "ocd2", "-t", "text"], check=True, capture_output=True)
            for line in dumped.read_text(encoding="utf-8").splitlines():
                key, candidates = line.split("\t")
                keys.append((key, candidates.split(" ")[0]))
    characters = {key for key, first in keys if len(key) == 1 and key != first}
    phrases = {key for key, first in keys if len(key) > 1 and key != first
               and not any(c in characters for c in key)}
    return characters, phrases, opencc_version


def render() -> str:
    characters, phrases, opencc_version = changing_keys()
    lines = [
        "# Built by scripts/build_t2s_gate.py from the installed opencc package's t2s",
        "# dictionaries; do not edit by hand. A text holding none of these characters and",
        "# phrases is left unchanged by OpenCC t2s, so the normaliser does not convert it.",
        f"opencc_version: {json.dumps(opencc_version)}",
        f"characters: {json.dumps(''.join(sorted(characters)), ensure_ascii=False)}",
        "phrases:",
    ]
    lines += [f"  - {json.dumps(p, ensure_ascii=False)}" for p in sorted(phrases)]
    return "\n".join(lines) + "\n"


def main() -> int:
    # Imported here, not at the top: the tests load this file alone for render() (scripts/ is
    # on the path only when the script runs).
    from shipped_files import single_file_main
    return single_file_main(__doc__.splitlines()[0], OUT, render)


if __name__ == "__main__":
    sys.exit(main())
