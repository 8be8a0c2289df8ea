"""Panels across articles (fupin panel): county × year, cadres linked across articles, the
pairing network; deterministic, and the same from --jobs 1 and --jobs 2 runs."""
from __future__ import annotations

import copy
import json
import random

import networkx as nx
import pandas as pd
import pytest

from conftest import CORPUS
from extractor.cli import main
from extractor.report.panels import CadreEntry, build_panels, link_cadres, write_panels
from handmade import handmade_records


def _rows(table, **where):
    return [r for r in table if all(r[k] == v for k, v in where.items())]


def test_county_year_amounts_figures_helpers():
    p = build_panels(handmade_records())
    (row,) = _rows(p["county_year"], county="石渠县", year=2019)
    assert row["adcode"] == "513332" and row["relevant_cny"] == 120000000
    assert row["figures"] == 1 and row["helpers"] == "南山区" and row["doc_ids"] == "hm-a"
    (amount,) = _rows(p["county_year_amounts"], county="石渠县", year=2020)
    assert (amount["purpose"], amount["total"], amount["currency"]) == ("帮扶资金", 30000000, "CNY")
    (figure,) = _rows(p["county_year_figures"], county="石渠县", year=2020)
    assert (figure["metric"], figure["min"], figure["unit"]) == ("incidence_rate", 0, "%")
    (helper,) = _rows(p["county_year_helpers"], county="泸水市")
    assert (helper["helper"], helper["kinds"], helper["year"]) == ("思明区", "结对帮扶", 2020)
    # a helper county receives nothing
    assert all(r["relevant_cny"] == 0 for r in _rows(p["county_year"], county="南山区"))


def test_irrelevant_amounts_are_left_out_and_unplaced_ones_kept_apart():
    a = handmade_records()[0]
    a["amounts"][0]["relevant"] = False
    assert not _rows(build_panels([a])["county_year_amounts"])
    # two recipient counties, the amount in a sentence naming neither: no county
    b = handmade_records()[0]
    b["counties"][0]["role"] = "recipient"
    b["amounts"][0]["span"] = [0, 2]  # first sentence names 南山区 (now a recipient)
    (row,) = build_panels([b])["county_year_amounts"]
    assert row["county"] == "南山区"
    b["text"] = ""
    (row,) = build_panels([b])["county_year_amounts"]
    assert (row["adcode"], row["county"]) == ("", "(no county)")


def test_a_figure_about_a_prefecture_is_placed_in_no_county():
    a = handmade_records()[0]
    a["poverty_figures"][0]["place"] = "甘孜藏族自治州"
    (row,) = build_panels([a])["county_year_figures"]
    assert row["adcode"] == "" and row["metric"] == "people_lifted"


def test_cadres_across_articles_and_namesakes():
    p = build_panels(handmade_records())
    cadres = {r["cadre_id"]: r for r in p["cadres"]}
    assert cadres["黄斌#1"]["doc_ids"] == "hm-a;hm-b"
    assert cadres["黄斌#1"]["posts"] == "石渠县委常委、副县长@石渠县"
    assert cadres["黄斌#2"]["doc_ids"] == "hm-c"  # a namesake in 泸水市
    why = {(m["doc_id"], m["cadre_id"]): m["linked_by"] for m in p["cadre_mentions"]}
    assert why == {("hm-a", "黄斌#1"): "first", ("hm-b", "黄斌#1"): "post place",
                   ("hm-c", "黄斌#2"): "first"}


def _entry(doc, origin=None, places=(), titles=()):
    return CadreEntry(doc, 0, "王某", origin, [], set(places), set(titles))


def test_conflicting_origins_never_join_even_through_a_third_entry():
    links = link_cadres([_entry("a", "深圳市南山区", ["石渠县"]), _entry("b", None, ["石渠县"]),
                         _entry("c", "厦门市思明区", ["石渠县"])])
    assert links[("a", 0)][0] == links[("b", 0)][0] != links[("c", 0)][0]


def test_origin_or_title_links_and_an_empty_entry_stays_alone():
    links = link_cadres([_entry("a", "深圳市南山区桃源街道"), _entry("b", "南山区"),
                         _entry("c", None, (), ["总书记"]), _entry("d", None, (), ["总书记"]),
                         _entry("e"), _entry("f")])
    ids = {doc: cid for (doc, _), (cid, _) in links.items()}
    assert ids["a"] == ids["b"] and ids["c"] == ids["d"]
    assert len({ids["a"], ids["c"], ids["e"], ids["f"]}) == 4


def test_a_name_in_many_articles_with_one_profile_is_one_cadre():
    entries = [_entry(f"d{n:05d}", None, (), ["总书记"]) for n in range(3000)]
    assert {cid for cid, _ in link_cadres(entries).values()} == {"王某#1"}


def _bytes(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_identical_when_rebuilt_and_in_any_input_order(tmp_path):
    records = handmade_records()
    write_panels(records, tmp_path / "one")
    shuffled = copy.deepcopy(records)
    random.Random(7).shuffle(shuffled)
    jsonl = tmp_path / "records.jsonl"
    jsonl.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in shuffled),
                     encoding="utf-8")
    assert main(["panel", str(jsonl), "-o", str(tmp_path / "two")]) == 0
    one, two = _bytes(tmp_path / "one"), _bytes(tmp_path / "two")
    assert one == two
    assert {"county_year.parquet", "county_year.csv", "cadres.parquet", "pairing_edges.csv",
            "pairings.graphml"} <= set(one)


def test_same_panels_from_jobs_1_and_jobs_2(tmp_path):
    for jobs, extra in (("1", []), ("2", ["--unordered"])):
        out = tmp_path / f"jobs{jobs}.jsonl"
        assert main(["run", str(CORPUS), "--with-text", "--jobs", jobs, *extra, "-o", str(out)]) == 0
        assert main(["panel", str(out), "-o", str(tmp_path / f"panel{jobs}")]) == 0
    assert _bytes(tmp_path / "panel1") == _bytes(tmp_path / "panel2")
    # every relevant CNY amount lands in exactly one row (a county's, or no county's)
    records = [json.loads(x) for x in (tmp_path / "jobs1.jsonl").read_text(encoding="utf-8").splitlines()]
    relevant = sum(a["value"] for r in records for a in r["amounts"]
                   if a["relevant"] and a["currency"] == "CNY")
    frame = pd.read_parquet(tmp_path / "panel1" / "county_year.parquet")
    assert relevant > 0 and frame.relevant_cny.sum() == pytest.approx(relevant)
    assert set(frame[frame.county == "石渠县"].adcode) == {"513332"}


def test_tables_and_graphml_agree(tmp_path):
    write_panels(handmade_records(), tmp_path)
    csv = pd.read_csv(tmp_path / "pairing_edges.csv", dtype=str)
    parquet = pd.read_parquet(tmp_path / "pairing_edges.parquet")
    assert list(csv.helper) == list(parquet.helper) == ["南山区", "思明区"]
    g = nx.read_graphml(tmp_path / "pairings.graphml")
    assert g.edges["南山区", "石渠县"]["kinds"] == "对口帮扶;援建"
    assert g.edges["南山区", "石渠县"]["years"] == "2019;2020"
    assert g.edges["南山区", "石渠县"]["doc_ids"] == "hm-a;hm-b"


def test_empty_records_give_empty_tables_with_columns(tmp_path):
    write_panels([], tmp_path)
    assert list(pd.read_parquet(tmp_path / "cadres.parquet").columns)[:2] == ["cadre_id", "name"]


@pytest.mark.parametrize("bad", ["missing.jsonl"])
def test_missing_records_file_is_a_clear_error(tmp_path, capsys, bad):
    assert main(["panel", str(tmp_path / bad), "-o", str(tmp_path / "p")]) == 2
    assert "fupin panel:" in capsys.readouterr().err
