"""Pairings (SPEC 6) and the county roles that follow, from tests/cases/pairings.yaml."""
from __future__ import annotations

import datetime
from pathlib import Path

import pytest
import yaml

from extractor import extract, to_frames

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "pairings.yaml").read_text(encoding="utf-8"))


def _params(section: str):
    out = []
    for case in CASES[section]:
        marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if case.get("xfail") else []
        out.append(pytest.param(case, marks=marks, id=case["text"][:20]))
    return out


def _got(text: str) -> set[tuple]:
    rec = extract(text)
    for p in rec.pairings:   # every pairing cites its statement
        assert rec.text[p.span[0]:p.span[1]] == p.text and p.source_span == tuple(p.span)
    return {(p.helper, p.recipient, p.helper_adcode, p.recipient_adcode, p.kind)
            for p in rec.pairings}


@pytest.mark.parametrize("case", _params("statements") + _params("epidemic"))
def test_statement(case):
    assert _got(case["text"]) == {tuple(p) for p in case["pairings"]}
    if "matched" in case:    # the statement each pairing cites, where the row gives it
        assert sorted(p.text for p in extract(case["text"]).pairings) == sorted(case["matched"])


@pytest.mark.parametrize("case", CASES["negatives"], ids=lambda c: c["why"])
def test_not_a_pairing(case):
    assert _got(case["text"]) == set()


@pytest.mark.parametrize("case", _params("roles"))
def test_county_roles(case):
    roles = {c.name: c.role for c in extract(case["text"]).counties}
    assert {name: roles.get(name) for name in case["roles"]} == case["roles"]


def test_an_abolished_unit_is_keyed_inside_but_has_no_adcode_in_the_record():
    # the stages compare units by the gazetteer's key (County.key, Pairing.helper_key); the JSON
    # gives SPEC 2's null adcode and no key
    rec = extract("1998年，北京市西城区对口帮扶崇文区，共建社区服务中心。")
    counties = {c.name: c for c in rec.counties}
    assert (counties["崇文区"].adcode, counties["崇文区"].key) == (None, "1100崇文区")
    assert [(p.recipient_adcode, p.recipient_key, p.helper_key) for p in rec.pairings] == \
        [(None, "1100崇文区", "110102")]
    d = rec.to_dict()
    assert [sorted(c) for c in d["counties"]] == [
        ["adcode", "aliases_seen", "mentions", "name", "prefecture", "province", "role"]] * 2
    assert sorted(d["pairings"][0]) == ["helper", "helper_adcode", "kind", "recipient",
                                        "recipient_adcode", "source_span", "span", "text"]


def test_pairings_table_has_both_adcodes_and_the_date():
    rec = extract("深圳市南山区、福田区分别结对帮扶石渠县、色达县。", doc_id="a",
                  published="2020-07-01")
    table = to_frames([rec])["pairings"]
    rows = table[["doc_id", "published", "helper", "helper_adcode", "recipient",
                  "recipient_adcode", "kind"]].values.tolist()
    day = datetime.date(2020, 7, 1)   # tables hold dates as dates (README: table schema)
    assert rows == [["a", day, "南山区", "440305", "石渠县", "513332", "结对帮扶"],
                    ["a", day, "福田区", "440304", "色达县", "513333", "结对帮扶"]]
