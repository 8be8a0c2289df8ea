"""Table-driven tests of the counties stage (cases in tests/cases/counties.yaml)."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from extractor.stages.counties import counties_of, load_rules
from extractor.text.normalize import normalize
from extractor.article import Article

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "counties.yaml").read_text("utf-8"))


def run(text: str):
    article = Article(norm=normalize(text))
    return counties_of(article, load_rules()), article


def rows(*groups):
    return [pytest.param(c, id=f"{g}:{c['text'][:14]}",
                         marks=[pytest.mark.xfail(strict=True, reason=c["xfail"])] if c.get("xfail") else [])
            for g in groups for c in CASES[g]]


@pytest.mark.parametrize("case", rows("short_forms", "renamed", "ambiguous", "standalone", "false_hits", "lists",
                                 "nothing"))
def test_counties(case):
    counties, article = run(case["text"])
    got = sorted(f"{c.name} {c.adcode or 'null'}" for c in counties)
    assert got == sorted(case["expect"])
    if "matched" in case:     # the text each mention matched, in text order
        spans = sorted((m.span[0], m.text) for c in counties for m in c.mentions)
        assert [t for _, t in spans] == case["matched"]
    if any(e.endswith(" null") for e in case["expect"]):
        assert any("ambiguous" in w for w in article.warnings)


@pytest.mark.parametrize("case", rows("abolished"))
def test_abolished_units_are_named_without_a_code(case):
    """A county-level unit abolished or merged away (rules/county_aliases.tsv kind abolished) is recorded
    by its name with adcode null (SPEC 2), under the province and prefecture it belonged to; no
    ambiguity is claimed."""
    counties, article = run(case["text"])
    got = sorted(f"{c.name} {c.adcode or 'null'} {c.province} {c.prefecture or '-'}" for c in counties)
    assert got == sorted(case["expect"])
    spans = sorted((m.span[0], m.text) for c in counties for m in c.mentions)
    assert [t for _, t in spans] == case["matched"]
    assert not any("ambiguous" in w for w in article.warnings)


@pytest.mark.parametrize("case", rows("roles"))
def test_roles(case):
    counties, _ = run(case["text"])
    roles = {c.name: c.role for c in counties}
    for name, role in case["roles"].items():
        assert roles.get(name) == role, (name, roles)


def test_mentions_have_spans_and_aliases():
    text = "深圳对口支援塔县。塔什库尔干塔吉克自治县的群众。"
    counties, article = run(text)
    (c,) = counties
    assert c.aliases_seen == ["塔县"]
    assert c.province == "新疆维吾尔自治区" and c.prefecture == "喀什地区"
    assert [m.text for m in c.mentions] == ["塔县", "塔什库尔干塔吉克自治县"]
    for m in c.mentions:
        assert article.text[m.span[0]:m.span[1]] == m.text
        assert m.source_span == m.span    # clean input: offsets unchanged


def test_source_spans_through_markup():
    raw = "<p>四川&nbsp;丹巴县</p>"
    counties, article = run(raw)
    (c,) = counties
    s, e = c.mentions[0].source_span
    assert article.norm.source[s:e] == "丹巴县"


def test_stage_in_the_stage_table():
    from extractor.pipeline import STAGES
    (spec,) = [s for s in STAGES if s.name == "counties"]
    assert spec.assigns == ("counties", "places")


def test_provinces_and_prefectures_named_are_context_for_other_stages():
    counties, article = run("四川省凉山州昭觉县2019年脱贫。")
    assert [c.name for c in counties] == ["昭觉县"]
    assert [(p.text, p.name, p.level) for p in article.facts["places"]] == [
        ("四川省", "四川省", "province"), ("凉山州", "凉山彝族自治州", "prefecture")]


@pytest.mark.parametrize("case", rows("place_false_hits"))
def test_place_false_hits(case):
    """Provinces and prefectures named, as the figures stage reads them: a short form inside
    an ordinary word (和田间, 阿里的钉钉, 天山南北, 长治久安) is none."""
    _, article = run(case["text"])
    assert [[p.text, p.name] for p in article.facts["places"]] == case["places"]
