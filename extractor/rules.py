"""Loading of the rule and gazetteer data in ``rules/`` (YAML and TSV, loaded once)."""
from __future__ import annotations

import csv
from functools import cache
from importlib import resources
from pathlib import Path

import yaml


def rules_dir():
    """The rules folder: ``rules/`` in a checkout, installed as ``extractor.ruledata``.

    Returns a Path in a checkout, else an importlib Traversable: use ``/`` and ``.open()``.
    """
    here = Path(__file__).resolve().parent.parent / "rules"
    if here.is_dir():
        return here
    return resources.files("extractor.ruledata")


@cache
def load_yaml(name: str) -> dict:
    with (rules_dir() / name).open("r", encoding="utf-8") as f:
        return yaml.safe_load(f)


@cache
def load_tsv(name: str) -> tuple[dict, ...]:
    """Rows of a TSV file with a header line; lines starting with # are comments."""
    with (rules_dir() / name).open("r", encoding="utf-8", newline="") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    return tuple(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
