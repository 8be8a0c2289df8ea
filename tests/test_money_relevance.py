"""Relevance of amounts by the article's subject (SPEC 4): whole articles in our own words,
tests/cases/money_relevance.yaml — partly about poverty work, about it, a passing mention."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import extractor

CASES = Path(__file__).parent / "cases" / "money_relevance.yaml"


def _rows():
    for row in yaml.safe_load(CASES.read_text("utf-8")):
        marks = [pytest.mark.xfail(strict=True, reason=row["xfail"])] if row.get("xfail") else []
        yield pytest.param(row["title"], "\n".join(row["paragraphs"]), row["relevant"], marks=marks,
                           id=f"{row['class']}:{row['title']}")


@pytest.mark.parametrize("title,text,relevant", list(_rows()))
def test_relevance_follows_the_poverty_part(title: str, text: str, relevant: list[bool]) -> None:
    amounts = extractor.extract(text, title=title).amounts
    assert [[a.text, a.relevant] for a in amounts] == relevant
