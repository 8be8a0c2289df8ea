"""Loading of the rule and gazetteer data in ``rules/`` (YAML and TSV, loaded once)."""
from __future__ import annotations

import csv
from functools import cache
from importlib import resources
from pathlib import Path

import yaml


def rules_dir() -> Path:
    """The rules folder: ``extractor.rules`` when installed, ``rules/`` in a checkout."""
    here = Path(__file__).resolve().parent.parent / "rules"
    if here.is_dir():
        return here
    return Path(str(resources.files("extractor.rules")))


@cache
def load_yaml(name: str) -> dict:
    with open(rules_dir() / name, encoding="utf-8") as f:
        return yaml.safe_load(f)


@cache
def load_tsv(name: str) -> tuple[dict, ...]:
    """Rows of a TSV file with a header line; lines starting with # are comments."""
    with open(rules_dir() / name, encoding="utf-8", newline="") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    return tuple(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
