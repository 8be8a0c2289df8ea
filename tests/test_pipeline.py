"""The pipeline: its stage table, building it from another rules folder, and
extract_many in one or several processes."""
from __future__ import annotations

import pytest

from extractor import Pipeline, extract, extract_many, to_frames
from extractor.pipeline import STAGES, StageSpec, check_order

TEXTS = ["石渠县是深圳对口帮扶地区，累计投入帮扶资金超过400亿元。",
         {"id": "own-id", "text": "察隅县2018年底实现脱贫摘帽。"},
         "丹巴县贫困发生率由2014年的16.8%降至0。"]


def test_stage_order_is_checked():
    assert [s.name for s in STAGES] == ["dates", "counties", "money", "pairings", "persons", "figures"]
    swapped = (STAGES[5], STAGES[1])    # figures before counties
    with pytest.raises(ValueError, match="figures"):
        check_order(swapped)


def test_a_stage_table_entry_declares_what_it_assigns():
    (money,) = [s for s in STAGES if s.name == "money"]
    assert isinstance(money, StageSpec)
    assert money.assigns == ("amounts",) and "reference_date" in money.requires


def test_pipeline_from_another_rules_folder(tmp_path):
    # a researcher adds a currency unit (made up for the test) without forking
    import yaml

    from extractor.rules import load_yaml
    money = dict(load_yaml("money.yaml"))
    money["currencies"] = {**money["currencies"], "测试币": ["XTS", 1]}
    (tmp_path / "money.yaml").write_text(yaml.safe_dump(money, allow_unicode=True), encoding="utf-8")
    text = "村里收到捐款300测试币。"
    assert [a.currency for a in Pipeline(rules_dir=tmp_path).extract(text).amounts] == ["XTS"]
    assert extract(text).amounts == []


def test_extract_many_gives_every_record_a_doc_id():
    records = list(extract_many(TEXTS))
    assert [r.doc_id for r in records] == ["0", "own-id", "2"]
    frames = to_frames(records)
    assert set(frames["amounts"]["doc_id"]) == {"0"}


def test_extract_many_with_two_jobs_matches_one_job(monkeypatch):
    import multiprocessing.pool

    pools = []
    real_init = multiprocessing.pool.Pool.__init__

    def spy(self, processes=None, *args, **kwargs):
        pools.append(processes)
        real_init(self, processes, *args, **kwargs)

    monkeypatch.setattr(multiprocessing.pool.Pool, "__init__", spy)
    one = [r.to_dict() for r in extract_many(TEXTS, jobs=1)]
    two = [r.to_dict() for r in extract_many(TEXTS, jobs=2)]
    assert pools == [2]
    assert one == two
