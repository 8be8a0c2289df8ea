"""The write-or-check step that every script building a shipped data file ends with.

A build script renders its files' texts; with ``--check`` it only says which committed files
differ from what it renders (a test runs that, so shipped data never drifts from its source),
without it it writes the ones that differ. One function, so the three build scripts (and any
new one) say "out of date" the same way and exit with the same codes.
"""
from __future__ import annotations

import sys
from pathlib import Path


def write_or_check(targets: dict[Path, str], check: bool) -> int:
    """Write each target whose file differs from its rendered text, or with ``check`` only
    name them on stderr; the exit code: 1 when checking finds a stale file, else 0."""
    stale = [path for path, text in targets.items()
             if (path.read_text(encoding="utf-8") if path.exists() else None) != text]
    if check:
        if stale:
            print("out of date: " + ", ".join(str(path) for path in stale), file=sys.stderr)
            return 1
        return 0
    for path in stale:
        path.write_text(targets[path], encoding="utf-8")
    return 0
