"""scripts/archive_false_positives.py: importable counts of what the pipeline finds in an
archive's articles that have no poverty cue (SPEC 4/5: each one is a false positive)."""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "archive_false_positives.py"


def _module():
    spec = importlib.util.spec_from_file_location("archive_false_positives", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module     # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _archive(tmp_path: Path) -> Path:
    articles = {
        # no poverty cue: a city's economy and a ticket price (amounts, none relevant)
        "a1": ("前三季度经济运行平稳", "前三季度经济运行平稳\n全市地区生产总值达到2900亿元，同比增长6.1%。\n", 0),
        "a2": ("秋日游园", "秋日游园\n公园门票每张20元，学生半价。\n", 0),
        # a poverty article (not counted: it has cues)
        "a3": ("对口帮扶", "对口帮扶\n东部城市投入帮扶资金3亿元，帮助贫困村脱贫。\n", 4),
    }
    rows = []
    for doc_id, (title, text, cues) in articles.items():
        (tmp_path / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        rows.append({"id": doc_id, "file": f"x/{doc_id}.txt", "title": title,
                     "published": "2019-10-01", "cue_hits": cues, "also_in": []})
    (tmp_path / "index.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return tmp_path


def test_counts_on_a_small_archive(tmp_path: Path) -> None:
    counts = _module().archive_counts(_archive(tmp_path))
    assert (counts.articles, counts.no_cue_articles) == (3, 2)
    assert (counts.amounts, counts.relevant_amounts, counts.poverty_figures) == (2, 0, 0)
    assert counts.summary()["relevant_amounts_per_1000"] == 0.0


def test_absent_archive_gives_none(tmp_path: Path) -> None:
    assert _module().archive_counts(tmp_path / "missing") is None
