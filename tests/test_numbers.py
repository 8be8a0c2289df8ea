"""Data-driven tests of the number grammar (tables in tests/cases/numbers*.yaml)."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from extractor.lexicon.numbers import NumberError, Quantity, Rejected, parse_values, quantity_pattern, scan

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "numbers.yaml").read_text("utf-8"))


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0] for c in CASES])
def test_parse_values(text: str, expected: list[str]) -> None:
    if not expected:
        with pytest.raises(NumberError):
            parse_values(text)
        return
    assert parse_values(text) == tuple(Decimal(v) for v in expected)


SCAN = [
    # text, [(values, qualifier)], rejected count
    ("超过400亿元", [(["40000000000"], "over")], 0),
    ("490余万元", [(["4900000"], "over")], 0),
    ("106万余元", [(["1060000"], "over")], 0),
    ("90多亿元", [(["9000000000"], "over")], 0),
    ("20亿元以上", [(["2000000000"], "over")], 0),
    ("约3万元", [(["30000"], "approx")], 0),
    ("5000元左右", [(["5000"], "approx")], 0),
    ("不足2000元", [(["2000"], "under")], 0),
    ("近万元", [(["10000"], "approx")], 0),
    ("由95.5亿元增至249.6亿元", [(["9550000000"], None), (["24960000000"], None)], 0),
    ("3—5万元", [(["30000", "50000"], None)], 0),
    ("2500至3000元", [(["2500", "3000"], None)], 0),
    ("3..5万元", [], 1),
    ("123456789012345亿元", [], 1),
    ("万元", [], 1),
    ("几十万元", [], 0),
    ("数万元", [], 0),
    # a range's start shares the end's multiplier only when it is the smaller bare number
    ("从8500到3万元", [(["8500", "30000"], None)], 0),
    ("两到三万元", [(["20000", "30000"], None)], 0),
    ("十八至三十万元", [(["180000", "300000"], None)], 0),
    ("2——3万元", [(["20000", "30000"], None)], 0),
    ("50000到3万元", [], 1),
    # a range's start of every kind of body character (a decimal mark, grouping spaces, an
    # infix and a multiplier, Chinese numerals): the grammar tries a start only where such
    # a run reaches a separator
    ("1.5至2亿元", [(["150000000", "200000000"], None)], 0),
    ("1 000—2 000元", [(["1000", "2000"], None)], 0),
    ("30余万至50万元", [(["300000", "500000"], None)], 0),
    ("一千二到一千五百元", [(["1200", "1500"], None)], 0),
    # full-width separators, the Chinese decimal point, spaces before the unit
    ("1．5亿元", [(["150000000"], None)], 0),
    ("12，345元", [(["12345"], None)], 0),
    ("18，20万元", [], 1),
    ("十七点四元", [(["17.4"], None)], 0),
    ("177.1 亿元", [(["17710000000"], None)], 0),
    ("肆佰叁拾萬元", [(["4300000"], None)], 0),
    # spaces grouping digits in threes are thousands separators; a first group of more
    # than three digits before one is no grouping: unreadable, never 350万 alone
    ("7 204 萬元", [(["72040000"], None)], 0),
    ("1 000 000元", [(["1000000"], None)], 0),
    ("6\u2009480元", [(["6480"], None)], 0),
    ("2018 350万元", [], 1),
    # 上/过 only before a bare multiplier; the value is the multiplier's
    ("上亿元", [(["100000000"], "over")], 0),
    ("过万亿元", [(["1000000000000"], "over")], 0),
    ("过两万元", [(["20000"], None)], 0),
]


@pytest.mark.parametrize("text,expected,rejected", SCAN, ids=[s[0] for s in SCAN])
def test_scan(text, expected, rejected) -> None:
    found = list(scan(text, quantity_pattern("元")))
    qs = [q for q in found if isinstance(q, Quantity)]
    assert [([str(v) for v in q.values], q.qualifier) for q in qs] == [
        (vals, qual) for vals, qual in expected]
    assert sum(isinstance(q, Rejected) for q in found) == rejected
