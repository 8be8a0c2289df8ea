"""The installed package carries its rule data (no network, no checkout needed at run time)."""
import subprocess
import sys
import zipfile

import pytest

from conftest import REPO


@pytest.mark.slow
def test_wheel_ships_rules(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                           "-w", str(tmp_path), str(REPO)], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    [wheel] = tmp_path.glob("fupin_extractor-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    rule_files = {p.name for p in (REPO / "rules").iterdir() if p.suffix in {".yaml", ".tsv", ".json"}}
    assert rule_files and {f"extractor/ruledata/{n}" for n in rule_files} <= names
    assert "extractor/cli.py" in names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "fupin = extractor.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()
