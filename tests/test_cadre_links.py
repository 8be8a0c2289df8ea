"""gold/cadre_links.json (hand-made cross-article pairs) and the linking rule's measure on
it, as the README reports it."""
from __future__ import annotations

import json
import subprocess
import sys

from conftest import CORPUS, REPO, SHARED

PAIRS = json.loads((REPO / "gold" / "cadre_links.json").read_text(encoding="utf-8"))["pairs"]


def test_at_least_twenty_pairs_of_both_kinds_each_with_a_note():
    assert len(PAIRS) >= 20
    assert {p["same"] for p in PAIRS} == {True, False}
    for p in PAIRS:
        assert p["a"]["name"] == p["b"]["name"] == p["name"]
        assert p["a"]["doc_id"] != p["b"]["doc_id"]
        assert len(p["note"]) >= 10
        for side in (p["a"], p["b"]):
            assert side["role"] in ("cadre", "journalist", "resident", "other")
            assert all(set(post) == {"title", "place"} for post in side["posts"])


def test_every_article_exists():
    texts = {p.stem for p in CORPUS.glob("*.txt")}
    texts |= {p.stem for p in (SHARED / "data" / "real-news").glob("*/*.txt")}
    for p in PAIRS:
        for side in (p["a"], p["b"]):
            assert side["doc_id"] in texts or not (SHARED / "data").is_dir(), side["doc_id"]


def test_readme_reports_the_measure_the_script_gives():
    out = subprocess.run([sys.executable, str(REPO / "scripts" / "cadre_links.py")],
                         capture_output=True, text=True, check=True).stdout
    measure = next(line for line in out.splitlines() if line.startswith("precision"))
    assert measure in (REPO / "README.md").read_text(encoding="utf-8")
