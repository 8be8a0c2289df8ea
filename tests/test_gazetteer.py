"""The generated gazetteer is current, complete, and the hand-kept aliases are valid."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from extractor.lexicon.gazetteer import gazetteer
from extractor.rules import load_tsv

REPO = Path(__file__).resolve().parent.parent
SOURCE = REPO.parent / "shared" / "data" / "admin-divisions"


@pytest.mark.skipif(not (SOURCE / "areas.csv").exists(), reason="admin-divisions not beside the repo")
def test_admin_tables_are_up_to_date():
    """rules/gazetteer.tsv, rules/places_admin.tsv, rules/county_former_names.tsv and rules/districtless_towns.tsv are what the
    build script makes."""
    done = subprocess.run([sys.executable, str(REPO / "scripts" / "build_admin_tables.py"), "--check"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr + " — run scripts/build_admin_tables.py"


def test_levels_and_exclusions():
    rows = load_tsv("gazetteer.tsv")
    levels = {lvl: sum(r["level"] == lvl for r in rows) for lvl in ("province", "prefecture", "county")}
    assert levels["province"] == 31
    assert 330 <= levels["prefecture"] <= 340
    assert 2830 <= levels["county"] <= 2860          # 2,978 rows minus development zones
    codes = {r["adcode"] for r in rows}
    assert "130171" not in codes                      # 石家庄高新技术产业开发区
    assert "320576" not in codes                      # 苏州工业园区
    assert "440305" in codes and "659001" in codes    # 南山区, 石河子市


@pytest.mark.parametrize("name,shorts", [
    ("丹巴县", {"丹巴"}),
    ("都安瑶族自治县", {"都安", "都安县", "都安自治县"}),
    ("塔什库尔干塔吉克自治县", {"塔什库尔干", "塔什库尔干县", "塔什库尔干自治县"}),
    ("双江拉祜族佤族布朗族傣族自治县", {"双江", "双江县", "双江自治县"}),
    ("东乡族自治县", {"东乡", "东乡县", "东乡自治县"}),
    ("甘孜藏族自治州", {"甘孜", "甘孜州"}),
    ("广西壮族自治区", {"广西"}),
    ("环县", set()),                                  # one-character stems are never short forms
])
def test_short_forms(name, shorts):
    row = next(r for r in load_tsv("gazetteer.tsv") if r["name"] == name)
    assert set(filter(None, row["short"].split("|"))) == shorts


def test_one_gazetteer_per_rules_folder():
    """The stages call gazetteer(folder) with folder None, the scripts gazetteer(): the same one
    (benchmark.py clears its phrase hits, compare_trees.py sets its scan memo)."""
    assert gazetteer() is gazetteer(None) is gazetteer(folder=None)


def test_aliases_point_at_existing_units():
    gaz = gazetteer()                                 # raises on an unknown adcode
    for row in load_tsv("county_aliases.tsv"):
        for code in row["adcode"].split("|"):
            assert code in gaz.units, row
    assert gaz.forms["郫县"][0].unit.name == "郫都区"
    assert gaz.forms["塔县"][0].unit.adcode == "653131"


@pytest.mark.parametrize("alias,adcode,name", [
    ("孟津县", "410308", "孟津区"),                   # 2021
    ("茌平县", "371503", "茌平区"),                   # 2019
    ("南和县", "130506", "南和区"),                   # 2020
    ("海伦县", "231283", "海伦市"),                   # 1989
    ("萧山市", "330109", "萧山区"),                   # a county-level city until 2001 (issue 12 round 17)
    ("章丘市", "370114", "章丘区"),                   # 2016
])
def test_former_county_names_are_generated_aliases(alias, adcode, name):
    (form,) = gazetteer().forms[alias]
    assert (form.kind, form.unit.adcode, form.unit.name) == ("alias", adcode, name)


@pytest.mark.parametrize("alias", [
    "淮安县",        # 淮安区 or 淮安市: the stem is two units'
    "东山县",        # a county today (福建), not 东山区 of 鹤岗
    "振兴县",        # 振兴县域经济 (admin_names.yaml former_name_exclude)
    "平泉县",        # hand-kept (county_aliases.tsv), not generated twice
    "上城市",        # 地级以上城市 (admin_names.yaml former_city_word_ends: 城市)
    "新都市",        # 新都市报 (都市)
    "市南市",        # 上海市南市区 (former_city_stem_starts)
    "江都市",        # hand-kept (county_aliases.tsv), not generated twice
])
def test_former_county_names_left_out(alias):
    generated = {r["alias"] for r in load_tsv("county_former_names.tsv")}
    assert alias not in generated


def test_hand_kept_alias_wins_over_a_generated_one(alias_folder):
    """A hand-kept row (here a researcher's own table) with a generated alias's surface replaces it."""
    from extractor.lexicon.gazetteer import Gazetteer
    folder = alias_folder("孟津县\t410323\tabbr\t\ttest: made up, 孟津县 read as 孟津区's neighbour 新安县")
    forms = Gazetteer(folder).forms["孟津县"]
    assert [f.unit.adcode for f in forms] == ["410323"]


# Every surface occurrence, overlapping ones included, whether the text is short (matched
# in a loop) or long (matched with numpy): the same hits at the same places.
@pytest.mark.parametrize("text,expected", [
    ("石渠县委书记来到甘孜州", [("石渠", 0), ("石渠县", 0), ("甘孜", 8), ("甘孜州", 8)]),
    ("成都市成华区对口帮扶丹巴县", [("成都", 0), ("成都市", 0), ("成华", 3), ("成华区", 3),
                                  ("丹巴", 10), ("丹巴县", 10)]),
    ("今天天气很好", []),
])
@pytest.mark.parametrize("padding", [0, 300])
def test_candidates_every_occurrence(text, expected, padding):
    filler = "。" * padding
    hits = [(h.text, h.start - padding) for h in gazetteer().candidates(filler + text + filler)]
    assert sorted(hits, key=lambda h: (h[1], len(h[0]))) == expected


@pytest.mark.parametrize("phrase, names", [
    ("四川省甘孜藏族自治州石渠县委书记", ["四川省", "甘孜藏族自治州", "石渠县"]),
    ("总书记", []),
    ("甘肃宁县县长", ["甘肃", "宁县"]),
])
def test_a_remembered_phrase_has_the_hits_of_find(phrase, names):
    """find_in_phrase remembers a title's hits across articles: asked twice, the same as find."""
    gaz = gazetteer()
    first, again = gaz.find_in_phrase(phrase), gaz.find_in_phrase(phrase)
    assert [h.text for h in first] == [h.text for h in again] == [h.text for h in gaz.find(phrase)] == names


def test_districtless_towns():
    """rules/districtless_towns.tsv lists the towns of the cities with no county level only, a street office
    also under its former 区 name where no unit writes that name (or only as a full name that needs its parent),
    never a two-character one otherwise."""
    rows = load_tsv("districtless_towns.tsv")
    assert {r["city"] for r in rows} == {"东莞市", "中山市", "儋州市", "嘉峪关市"}
    names = {r["name"]: r for r in rows}
    assert names["小榄镇"]["county"] == "442000" and names["凤岗镇"]["county"] == "441900"
    assert names["石岐区"]["official"] == "石岐街道" and names["石岐区"]["form"] == "former"
    assert "东城区" not in names                              # 北京's 东城区
    # 东区 is 攀枝花's district's full name too, read by the counties stage only after its parent
    assert names["东区"]["form"] == "former_shared" and names["东区"]["namesakes"] == "510402"
    assert "南区" not in names                              # reads inside 西南区域
    assert "洋浦经济开发区" not in names                     # a statistical row, no township
    assert names["小榄镇"]["namesakes"] == "" and "360723" in names["新城镇"]["namesakes"].split("|")
