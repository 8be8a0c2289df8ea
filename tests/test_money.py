"""Data-driven money tests: tests/cases/money_dev.yaml and money_eval.yaml (SPEC 4)."""
from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

import extractor
from extractor.stages.money import find_amounts, load_rules as money_rules
from extractor.text.normalize import normalize
from extractor.article import Article

# Importing a stage module registers that stage alone; load them all so that extract()
# runs the whole pipeline (counties feed figures) whatever the import order.

CASES = Path(__file__).parent / "cases"


# Each table row is one sentence of an article about poverty work: SPEC 4 decides
# relevance from the article's subject as well as the sentence, so a row runs under this
# title unless it gives its own (`title: ''` runs the sentence alone, as an article with
# no subject, whose amounts are never relevant).
POVERTY_ARTICLE_TITLE = "东西部扶贫协作：对口帮扶助贫困县脱贫"


def _rows(name: str):
    rows = yaml.safe_load((CASES / name).read_text("utf-8"))
    for row in rows:
        marks = [pytest.mark.xfail(strict=True, reason=row["xfail"])] if row.get("xfail") else []
        yield pytest.param(row["text"], row.get("title", POVERTY_ARTICLE_TITLE), row["amounts"],
                           marks=marks, id=row["text"][:24])


@pytest.mark.parametrize("text,title,expected", [*_rows("money_dev.yaml"), *_rows("money_eval.yaml")])
def test_amount_table(text: str, title: str, expected: list[dict]) -> None:
    """Value, currency, qualifier, relevance and the matched text of every amount, in order
    (through extract(): traditional-script rows are converted by the normaliser first)."""
    got = [(a.text, a.value, a.currency, a.qualifier, a.relevant)
           for a in extractor.extract(text, title=title or None).amounts]
    want = [(e["match"], Decimal(e["value"]), e["currency"], e["qualifier"], e["relevant"])
            for e in expected]
    assert got == want


def test_every_table_row_checks_the_matched_text() -> None:
    for name in ("money_dev.yaml", "money_eval.yaml"):
        for row in yaml.safe_load((CASES / name).read_text("utf-8")):
            assert all("match" in a for a in row["amounts"]), row["text"]


def test_values_are_exact_decimals() -> None:
    amounts = extractor.extract("投入16.4亿元，白银收于每盎司22.988美元。").amounts
    assert [str(a.value) for a in amounts] == ["1640000000", "22.988"]
    assert json.dumps([a.to_dict()["value"] for a in amounts]) == "[1640000000, 22.988]"


def test_spans_point_back_to_the_text() -> None:
    raw = "<p>累计投入帮扶资金超过４００亿元。</p>"
    record = extractor.extract(raw)
    (amount,) = record.amounts
    assert record.text[amount.span[0]:amount.span[1]] == amount.text == "超过400亿元"
    a, b = amount.source_span
    assert raw[a:b] == "超过４００亿元"


@pytest.mark.parametrize("garbage", ["１２３４５６７８９０１２３４５亿元", "3..5万元", "万元", "2018 350万元"])
def test_garbage_is_skipped_with_a_warning(garbage: str) -> None:
    article = Article(norm=normalize(f"资金{garbage}到位。"))
    assert find_amounts(article, money_rules()) == []
    assert any(w.startswith("money:") for w in article.warnings)


@pytest.mark.parametrize("text", ["村里出了二十户万元户。", "一个“芯屏端网”万亿元产业集群已具雏形。",
                                  "全县已有3个千万元村。", "着力打造两个百亿元产业。"])
def test_money_labels_are_no_amount_and_warn_nothing(text: str) -> None:
    """万元户 names a kind of household, 万亿元产业集群 and 千万元村 a scale (the lead's ruling of 19:39 UTC
    2026-12-07 on money words as labels): no amount, and no 'malformed amount' warning."""
    article = Article(norm=normalize(text))
    assert find_amounts(article, money_rules()) == []
    assert not [w for w in article.warnings if w.startswith("money:")]


def test_purpose_and_year() -> None:
    (amount,) = extractor.extract("2014年以来，深圳累计投入脱贫攻坚资金46亿元。").amounts
    assert amount.purpose == "脱贫攻坚资金"
    assert amount.year == 2014


def test_relevance_uses_the_neighbourhood() -> None:
    text = ("枝江村民爱网购。\n去年帮村民网购，平均每月金额都超30万元。\n村里通了快递。\n"
            "另一个村的故事。\n第一书记向上级争取了30多万元帮扶资金，带领贫困户脱贫。")
    assert [a.relevant for a in extractor.extract(text).amounts] == [False, True]
