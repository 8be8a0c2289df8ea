"""Data-driven poverty-figure tests: tests/cases/figures_dev.yaml and figures_eval.yaml."""
from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

import extractor
from extractor.stages.figures import load_rules as figure_rules

# Importing a stage module registers that stage alone; load them all so that extract()
# runs the whole pipeline (counties feed figures) whatever the import order.

CASES = Path(__file__).parent / "cases"
METRICS = {"people_lifted", "households_lifted", "poor_population", "poor_households",
           "remaining_poor", "villages_exited", "poor_villages", "counties_delisted",
           "poor_counties", "incidence_rate", "exit_rate"}


def _rows(name: str):
    rows = yaml.safe_load((CASES / name).read_text("utf-8"))
    for row in rows:
        marks = [pytest.mark.xfail(strict=True, reason=row["xfail"])] if row.get("xfail") else []
        yield pytest.param(row["text"], row["figures"], row.get("matched"), marks=marks, id=row["text"][:24])


@pytest.mark.parametrize("text,expected,matched", [*_rows("figures_dev.yaml"), *_rows("figures_eval.yaml")])
def test_figure_table(text: str, expected: list[list], matched) -> None:
    """Each row: [metric, value] and, where given, the figure's place and year (SPEC 5);
    ``matched``, where given: each figure's text, in text order."""
    figures = extractor.extract(text, published="2020-05-01").poverty_figures
    got = Counter((f.metric, f.value) for f in figures)
    assert got == Counter((row[0], Decimal(row[1])) for row in expected)
    if matched is not None:
        assert [f.text for f in sorted(figures, key=lambda f: f.span[0])] == matched
    for row in expected:
        if len(row) > 2:
            want = (row[0], Decimal(row[1]), row[2], *row[3:4])
            have = {(f.metric, f.value, f.place, *((f.year,) if len(row) > 3 else ()))
                    for f in figures}
            assert want in have, f"{want} not in {sorted(map(str, have))}"


def test_metric_vocabulary_is_spec_5() -> None:
    assert set(figure_rules().unit_of) == METRICS


def test_rate_change_gives_two_records_with_years() -> None:
    text = "2019年，丹巴县贫困发生率由2012年的16.8%降至0。"
    figs = [(f.metric, f.value, f.year) for f in extractor.extract(text).poverty_figures]
    assert figs[0] == ("incidence_rate", Decimal("16.8"), 2012)
    assert figs[1][:2] == ("incidence_rate", Decimal(0))


def test_named_delisting_has_place_and_is_counted_once() -> None:
    text = "察隅县2018年底实现脱贫摘帽。察隅县脱贫摘帽后继续巩固成果。"
    figs = extractor.extract(text).poverty_figures
    assert [(f.metric, f.value, f.place) for f in figs] == [
        ("counties_delisted", Decimal(1), "察隅县")]


def test_qualifier() -> None:
    (fig,) = extractor.extract("五年来全省190余万人脱贫。").poverty_figures   # an area's own exit (F19: not a helper's)
    assert (fig.metric, fig.value, fig.qualifier) == ("people_lifted", Decimal(1900000), "over")


@pytest.mark.parametrize("sentence, expected", [
    # a year joined by 的 to the from-value belongs to it; the to-value takes the sentence's
    ("2019年贫困发生率由2012年的16.8%降至0。", [("incidence_rate", 2012), ("incidence_rate", 2019)]),
    ("2019年，石渠县完成了5621户25037名贫困人口减贫。", [("households_lifted", 2019), ("people_lifted", 2019)]),
    ("贫困发生率由2015年底的8.2%下降到1.1%。", [("incidence_rate", 2015), ("incidence_rate", None)]),
])
def test_figure_years(sentence, expected):
    from extractor import extract
    assert [(f.metric, f.year) for f in extract(sentence).poverty_figures] == expected
