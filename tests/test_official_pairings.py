"""The table of official pairings (rules/official_pairings.tsv, issue 11 round 40): every row resolves
to a unit of the code list by adcode and name, and "paired" reads units lying inside a row's sides."""
from __future__ import annotations

import pytest

from extractor.lexicon.gazetteer import gazetteer
from extractor.lexicon.official_pairings import OfficialPairings, official_pairings
from extractor.rules import load_tsv


def test_every_row_resolves_to_its_unit():
    units = gazetteer().units
    rows = load_tsv("official_pairings.tsv")
    assert len(rows) >= 150
    for row in rows:
        for side in ("helper", "recipient"):
            unit = units.get(row[f"{side}_adcode"])
            assert unit is not None and unit.name == row[side], row
        assert row["helper_adcode"] != row["recipient_adcode"], row
        assert row["programme"] and row["years"] and row["source"] and row["issuer"], row


def test_rows_are_unique_per_programme():
    keys = [(r["helper_adcode"], r["recipient_adcode"], r["programme"]) for r in load_tsv("official_pairings.tsv")]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("helper, recipient, expected", [
    ("310000", "653125", True),    # 上海市 → 莎车县: a row of 对口支援新疆
    ("310115", "653125", True),    # 浦东新区 → 莎车县: the helper lies inside 上海市
    ("330100", "522600", True),    # 杭州市 → 黔东南州 (2016 guidance)
    ("330100", "522631", True),    # 杭州市 → 黎平县: the recipient lies inside 黔东南州
    ("320582", "520627", True),    # 张家港市 → 沿河土家族自治县 (携手奔小康)
    ("653125", "310000", False),   # the other way round
    ("310000", "520100", False),   # 上海市 → 贵阳市: no programme pairs them
    ("440000", "450000", True),    # 广东省 → 广西壮族自治区 (东西部扶贫协作)
    ("440000", "650000", False),   # 广东 helps 喀什地区, not the whole of 新疆
    ("350000", "540300", True),    # 福建省 → 昌都市: Fujian's Tibet aid moved there from 林芝 in 2016 (round 42)
    ("441900", "520602", True),    # 东莞市 → 碧江区: inside 铜仁市, Dongguan's 粤黔 协作 city since 2021 (round 43)
    (None, "653125", False),       # an organisation (no adcode) is never in the table
])
def test_paired(helper, recipient, expected):
    assert official_pairings().paired(helper, recipient) is expected


def test_direction_and_helper_side():
    table = official_pairings()
    assert table.direction("522600", "330100") == ("330100", "522600")   # 黔东南州, 杭州市 → 杭州市 helps
    assert table.direction("310000", "320000") is None                   # 上海市, 江苏省: neither helps the other
    assert table.is_helper_side("310115") and not table.is_helper_side("653125")


def test_a_row_naming_another_unit_fails_at_load(tmp_path):
    header = "helper\thelper_adcode\trecipient\trecipient_adcode\tprogramme\tyears\tsource\tissuer\turl\n"
    (tmp_path / "official_pairings.tsv").write_text(
        header + "杭州市\t330100\t黔南州\t522600\t东西部扶贫协作\t2016-2020\tdoc\tissuer\t\n", encoding="utf-8")
    with pytest.raises(ValueError, match="黔南州"):
        OfficialPairings(tmp_path)
