"""The write-or-check step that every script building a shipped data file ends with.

A build script renders its files' texts; with ``--check`` it only says which committed files
differ from what it renders (a test runs that, so shipped data never drifts from its source),
without it it writes the ones that differ. One function, so the build scripts (and any new
one) say "out of date" the same way and exit with the same codes; and one command line for
the scripts that build a single file with no other option (:func:`single_file_main`).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Callable


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


def single_file_main(description: str, out: Path, render: Callable[[], str]) -> int:
    """The command line of a script that builds the one file ``out`` from ``render()``:
    ``[--check]``, as :func:`write_or_check` reads it."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--check", action="store_true",
                        help=f"exit 1 if {out.parent.name}/{out.name} is not what this script makes")
    args = parser.parse_args()
    return write_or_check({out: render()}, args.check)
