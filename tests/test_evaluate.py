"""The scorer itself, on a hand-made gold/prediction pair with counts worked out by hand.

tests/cases/eval/gold: eval-a (predicted), eval-b (error record), sub/eval-c (no
prediction); tests/cases/eval/predictions.jsonl also holds eval-z, which has no gold.

Hand count, per field (eval-a | eval-b | eval-c):

counties   gold a {513332 石渠县, 440306 宝安区, 那曲县 (adcode null)}; predicted
           {513332, 440306 (named 深圳市宝安区), 西藏那曲县 (null → 那曲县), 440305 南山区}
           → a: tp 3, fp 1 (南山区), fn 0;  b: fn 1;  c: fn 1      → tp 3 fp 1 fn 2
           role on the 3 matched: 石渠县 recipient/recipient, 宝安区 helper/helper,
           那曲县 other/recipient → 2 of 3
persons    a: {黄斌, 王甘露, 张三} vs {黄斌, 王甘露, 李四} → tp 2, fp 1, fn 1; b: fn 1
                                                              → tp 2 fp 1 fn 2
cadres     a: {黄斌, 王甘露} vs {黄斌, 王甘露, 李四} → tp 2 fp 1; b: fn 1 → tp 2 fp 1 fn 1
           place: 黄斌 {石渠县} = {四川省甘孜州石渠县 → 石渠县} agree; 王甘露 {宝安区, 察隅县}
           ≠ {宝安区} → 1 of 2. origin: 深圳市南山区桃源街道 ~ 南山区桃源街道 agree;
           深圳宝安人民医院（集团） vs 中国农业银行 → 1 of 2.
amounts    a gold: 4e10, 1e7, 1e7 (repeated), 2.5 USD, 3.14159, 7.77 (CNY)
           a pred: 4e10 (as 40000000000.0), 1e7 once, 2.50004 USD, 3.1416, 7.7701, 99
           to 4 decimals: 3.14159 → 3.1416 = 3.1416; 2.50004 → 2.5000 = 2.5; 7.7701 ≠ 7.7700
           → a: tp 4 (4e10, 1e7, 2.5, 3.1416), fp 2 (7.7701, 99), fn 2 (second 1e7, 7.77)
           b: fn 1                                            → tp 4 fp 2 fn 3
           relevant on the 4 pairs: 4e10 T/F no; 1e7 T/T; 2.5 F/F; 3.1416 T/T → 3 of 4
figures    a gold: people_lifted 25037, incidence_rate 16.8, incidence_rate 0
           a pred: people_lifted 25037, incidence_rate 16.8, poor_population 100
           → tp 2, fp 1, fn 1; c: fn 1                        → tp 2 fp 1 fn 2
           place: 石渠县 = 甘孜州石渠县 agree; 石渠县 ≠ 甘孜藏族自治州 → 1 of 2
pairings   a gold {深圳市→石渠县, 宝安区→察隅县}; pred {深圳→石渠县, 深圳市宝安区→西藏察隅县,
           深圳市→喀什市} → tp 2, fp 1; c: fn 1               → tp 2 fp 1 fn 1
"""
from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from extractor.report import evaluate as ev
from extractor.report.evaluate import canonical_place, evaluate, number_key, origins_agree, run_cli

CASE = Path(__file__).parent / "cases" / "eval"
GOLD = CASE / "gold"
PRED = CASE / "predictions.jsonl"
REPO_GOLD = Path(__file__).resolve().parents[1] / "gold"

EXPECTED = {  # field: (tp, fp, fn)
    "counties": (3, 1, 2),
    "persons": (2, 1, 2),
    "cadres": (2, 1, 1),
    "amounts": (4, 2, 3),
    "poverty_figures": (2, 1, 2),
    "pairings": (2, 1, 1),
}
# P, R, F1 as exact fractions, from the counts above
EXPECTED_PRF = {
    "counties": (Fraction(3, 4), Fraction(3, 5), Fraction(2, 3)),
    "persons": (Fraction(2, 3), Fraction(1, 2), Fraction(4, 7)),
    "cadres": (Fraction(2, 3), Fraction(2, 3), Fraction(2, 3)),
    "amounts": (Fraction(2, 3), Fraction(4, 7), Fraction(8, 13)),
    "poverty_figures": (Fraction(2, 3), Fraction(1, 2), Fraction(4, 7)),
    "pairings": (Fraction(2, 3), Fraction(2, 3), Fraction(2, 3)),
}
EXPECTED_ATTR = {  # attribute: (agree, total)
    "counties.role": (2, 3),
    "amounts.relevant": (3, 4),
    "cadres.place": (1, 2),
    "cadres.origin": (1, 2),
    "poverty_figures.place": (1, 2),
}


@pytest.fixture(scope="module")
def report():
    return evaluate(GOLD, PRED)


def test_counts_per_field(report):
    got = {f: (c.tp, c.fp, c.fn) for f, c in report.fields.items()}
    assert got == EXPECTED


@pytest.mark.parametrize("name", list(EXPECTED_PRF))
def test_precision_recall_f1(report, name):
    c = report.fields[name]
    p, r, f1 = EXPECTED_PRF[name]
    assert c.precision == pytest.approx(float(p), abs=1e-12)
    assert c.recall == pytest.approx(float(r), abs=1e-12)
    assert c.f1 == pytest.approx(float(f1), abs=1e-12)


def test_overall_micro(report):
    o = report.overall
    assert (o.tp, o.fp, o.fn) == (15, 7, 11)
    assert o.f1 == pytest.approx(30 / 48)


def test_attribute_agreement(report):
    got = {a: (g.agree, g.total) for a, g in report.attributes.items()}
    assert got == EXPECTED_ATTR
    assert report.attributes["amounts.relevant"].accuracy == 0.75


def test_articles_missing_error_and_extra(report):
    assert [a.doc_id for a in report.articles] == ["eval-a", "eval-b", "eval-c"]
    assert report.missing == ["eval-c"]
    assert report.errors == ["eval-b"]
    assert report.unmatched_predictions == ["eval-z"]
    assert any("no prediction" in w and "eval-c" in w for w in report.warnings)
    assert any("error record" in w and "eval-b" in w for w in report.warnings)


def test_misses_and_spurious_lists(report):
    a = {art.doc_id: art for art in report.articles}["eval-a"]
    amounts = a.fields["amounts"]
    assert amounts.misses == ["10000000 CNY (1000万元)", "7.77 CNY (7.77元)"]
    assert amounts.spurious == ["7.7701 CNY (7.7701元)", "99 CNY (99元)"]
    assert a.fields["counties"].spurious == ["440305 南山区"]
    assert a.fields["counties"].misses == []
    assert a.fields["persons"].misses == ["张三"]
    assert a.fields["pairings"].spurious == ["深圳市 → 喀什市"]
    assert a.fields["poverty_figures"].misses == ["incidence_rate 0 (降至0)"]
    attrs = [attr for attr, _ in a.disagreements]
    assert sorted(attrs) == ["amounts.relevant", "cadres.origin", "cadres.place",
                             "counties.role", "poverty_figures.place"]
    assert ("counties.role", "那曲县 (adcode null): gold other ≠ predicted recipient") in a.disagreements
    c = {art.doc_id: art for art in report.articles}["eval-c"]
    assert c.status == "missing"
    assert c.fields["pairings"].misses == ["深圳市 → 察隅县"]


def test_iterable_of_dicts_same_as_jsonl(report):
    records = [json.loads(line) for line in PRED.read_text(encoding="utf-8").splitlines()]
    again = evaluate(GOLD, records)
    assert again.to_dict()["fields"] == report.to_dict()["fields"]


def test_subset(report):
    only_a = report.subset(["eval-a"])
    c = only_a.fields["amounts"]
    assert (c.tp, c.fp, c.fn) == (4, 2, 2)


def test_perfect_and_empty_predictions():
    gold = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD.rglob("*.json"))]
    perfect = evaluate(GOLD, gold)
    for c in perfect.fields.values():
        assert (c.fp, c.fn) == (0, 0)
        assert c.f1 == 1.0
    empty = evaluate(GOLD, [])
    assert empty.fields["amounts"].tp == 0
    assert empty.fields["amounts"].precision == 0.0  # nothing predicted, something to find
    assert len(empty.missing) == 3


def test_field_with_nothing_to_find_and_nothing_predicted():
    c = ev.Counts()
    assert (c.precision, c.recall, c.f1) == (1.0, 1.0, 1.0)


@pytest.mark.skipif(not REPO_GOLD.is_dir(), reason="no gold/ folder")
def test_repo_gold_scores_perfectly_against_itself():
    gold = [data for _, data in ev.load_gold(REPO_GOLD)]   # second annotations are not gold
    rep = evaluate(REPO_GOLD, gold)
    assert rep.overall.f1 == 1.0
    for g in rep.attributes.values():
        assert g.agree == g.total


# --- the pieces ---------------------------------------------------------------------

@pytest.mark.parametrize("written, own", [
    ("深圳市宝安区", "宝安区"), ("宝安区", "宝安区"), ("广东省深圳市宝安区", "宝安区"),
    ("深圳", "深圳市"), ("深圳市", "深圳市"), ("西藏察隅县", "察隅县"),
    ("四川", "四川省"), ("甘孜州", "甘孜藏族自治州"), ("凉山州昭觉县", "昭觉县"),
    ("阿坝", "阿坝藏族羌族自治州"), ("塔什库尔干", "塔什库尔干塔吉克自治县"),
    ("西藏那曲县", "那曲县"), ("全国", "全国"), ("中国农业银行", "中国农业银行"),
    ("吉林市", "吉林市"), (None, None), ("", None),
    # zones are not units: their parent is part of their own name
    ("天津港保税区", "天津港保税区"), ("苏州工业园区", "苏州工业园区"), ("浦东新区", "浦东新区"),
    ("上海市浦东新区", "浦东新区"),
    ("四川藏区", "四川藏区"), ("青海藏区", "青海藏区"), ("四川彝区", "四川彝区"),   # regions as named, never 藏区

    ("滇西边境山区", "滇西"), ("滇西边境片区", "滇西"), ("滇西", "滇西"),   # one region's names (region_aliases)
])
def test_canonical_place(written, own):
    assert canonical_place(written) == own


def test_canonical_place_without_data_file(monkeypatch):
    from extractor.lexicon import places
    monkeypatch.setattr(places, "_places", lambda: None)
    assert canonical_place("深圳市宝安区") == "宝安区"
    assert canonical_place("四川省甘孜藏族自治州石渠县") == "石渠县"
    assert canonical_place("宝安区") == "宝安区"
    assert canonical_place("中国农业银行") == "中国农业银行"
    assert canonical_place("天津港保税区") == "天津港保税区"


def test_number_key_four_decimals():
    assert number_key(196000000) == number_key(196000000.0) == number_key("196000000")
    assert number_key(1.96e8) == number_key(196000000)
    assert number_key(3.14159) == Decimal("3.1416")
    assert number_key(2.50004) == number_key(2.5)
    assert number_key(7.7701) != number_key(7.77)
    assert number_key(0.1 + 0.2) == number_key(0.3)


def test_origins_agree():
    assert origins_agree("深圳市南山区桃源街道", "南山区桃源街道")
    assert origins_agree("深圳宝安人民医院（集团）", "深圳宝安人民医院")
    assert origins_agree("深圳", "深圳市")
    assert origins_agree(None, None)
    assert not origins_agree("中国农业银行", None)
    assert not origins_agree("中国农业银行", "深圳市")


def test_run_cli_table_and_json(capsys):
    assert run_cli(GOLD, PRED, misses=True, all_gold=True) == 0
    out = capsys.readouterr().out
    assert "amounts" in out and "spurious" in out and "eval-c" in out
    assert run_cli(GOLD, PRED, json_out=True, all_gold=True) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["fields"]["amounts"]["tp"] == 4
    assert data["fields"]["counties"]["precision"] == 0.75
    assert data["attributes"]["amounts.relevant"] == {"agree": 3, "total": 4, "accuracy": 0.75}
    assert data["missing_predictions"] == ["eval-c"]
    assert {a["doc_id"] for a in data["per_article"]} == {"eval-a", "eval-b", "eval-c"}


def test_run_cli_scores_only_predicted_articles_by_default(capsys):
    # issue 13: eval-c has gold but no prediction; by default it is not scored as empty
    assert run_cli(GOLD, PRED, json_out=True) == 0
    data = json.loads(capsys.readouterr().out)
    assert {a["doc_id"] for a in data["per_article"]} == {"eval-a", "eval-b"}
    assert data["missing_predictions"] == []
    assert any("1 gold articles have no prediction and were not scored" in w
               for w in data["warnings"])


def test_run_cli_missing_file(capsys):
    assert run_cli(GOLD, CASE / "nope.jsonl") == 2


def test_accuracy_script_runs(tmp_path, capsys):
    """scripts/accuracy.py end to end (seeds, plus real news when ../shared is there)."""
    import importlib.util
    spec = importlib.util.spec_from_file_location(
        "accuracy_script", Path(__file__).resolve().parents[1] / "scripts" / "accuracy.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert mod.main(["--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "seeds (" in out and "real-news dev (" in out and "all (micro)" in out
    lines = (tmp_path / "predictions.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) >= 5
    assert json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["all"]["articles"] >= 5


def _delistings(*places):
    return [{"metric": "counties_delisted", "value": 1, "place": p} for p in places]


# Figures of one (metric, value) pair up by place first, then in document order: a prediction
# that finds some of ten named delistings is scored on the ones it found.
FIGURE_PAIRING = [
    # gold places, predicted places, (tp, fp, fn), places agreeing of matched, misses
    (("甲县", "乙县", "丙县", "丁县"), ("丙县", "丁县"), (2, 0, 2), (2, 2), ["甲县", "乙县"]),
    (("甲县", "乙县"), ("乙县", "戊县", "己县"), (2, 1, 0), (1, 2), []),
    (("甲县", "乙县"), ("戊县",), (1, 0, 1), (0, 1), ["乙县"]),
    (("四川省甘孜州石渠县",), ("石渠县",), (1, 0, 0), (1, 1), []),
]


@pytest.mark.parametrize("gold_places, pred_places, counts, agree, missed", FIGURE_PAIRING)
def test_figures_pair_by_place_first(gold_places, pred_places, counts, agree, missed):
    gold = {"doc_id": "f", "poverty_figures": _delistings(*gold_places)}
    pred = {"doc_id": "f", "poverty_figures": _delistings(*pred_places)}
    art = ev.score_article(gold, pred, doc_id="f")
    c = art.fields["poverty_figures"].counts
    assert (c.tp, c.fp, c.fn) == counts
    a = art.attributes["poverty_figures.place"]
    assert (a.agree, a.total) == agree
    assert [gold_places[at] for at in art.fields["poverty_figures"].missed_at] == missed
