"""The installed package carries its rule data (no network, no checkout needed at run time)."""
import zipfile

import pytest

from conftest import REPO


@pytest.mark.slow
def test_wheel_ships_rules(built_wheel):
    wheel = built_wheel
    names = set(zipfile.ZipFile(wheel).namelist())
    rule_files = {p.name for p in (REPO / "rules").iterdir() if p.suffix in {".yaml", ".tsv", ".json"}}
    assert rule_files and {f"extractor/ruledata/{n}" for n in rule_files} <= names
    assert "extractor/cli.py" in names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "fupin = extractor.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()
