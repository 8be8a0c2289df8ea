"""scripts/first_sight.py: the draws of gold/DEV_PAGES.txt read from their headers (the ordinal
words the headers write), and every draw from the 27th on found in today's list."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def first_sight(load_script):
    return load_script("first_sight")


@pytest.mark.parametrize("word, number", [("Third", 3), ("Twelfth", 12), ("Nineteenth", 19), ("Twentieth", 20),
                                          ("Twenty-seventh", 27), ("Thirtieth", 30), ("Thirty-second", 32),
                                          ("Fortieth", 40), ("Forty-first", 41), ("Forty-fourth", 44)])
def test_ordinal(first_sight, word, number):
    assert first_sight.ordinal(word) == number


@pytest.mark.parametrize("word", ["Twenty", "Forty-", "Thirty-twelfth", "page"])
def test_not_an_ordinal(first_sight, word):
    assert first_sight.ordinal(word) is None


def test_draws_from_headers(first_sight):
    text = ("# pages of the first list\nold-1\n"
            "# Forty-first page draw (2026-12-07, annota): all 24 development\n"
            "# 1 a query — 2 a-1 b-2\n"
            "a-1  # 东西部协作 query\n"
            "b-2\n"
            "# Forty-fourth page draw (2026-12-07): the next\n"
            "c-3\n")
    found = first_sight.draws(text)
    assert sorted(found) == [41, 44]
    assert found[41][1] == ["a-1", "b-2"] and found[44][1] == ["c-3"]
    assert found[41][0].startswith("# Forty-first page draw")


def test_todays_list(first_sight):
    found = first_sight.draws(first_sight.DEV_PAGES.read_text(encoding="utf-8"))
    assert {27, 28, 29, 30, 32, 33, 35, 37, 40, 41} <= set(found)
    # a draw lands in batches of 8 (its list grows with each batch's gold): the finished ones hold 16 or 24
    assert all(len(found[n][1]) in (16, 24) for n in (27, 28, 29, 30, 32, 33, 35, 37, 40, 41))


def test_only_field(first_sight):
    lines = ["== a", "  persons          miss      李某", "  counties.role    differs   510802 利州区: gold other",
             "== b", "  pairings         miss      南通市 → 伊宁县", "== c", "  counties.role    differs   x"]
    assert first_sight.only_field(lines, "counties.role") == [
        "== a", "  counties.role    differs   510802 利州区: gold other", "== c", "  counties.role    differs   x"]
    assert first_sight.only_field(lines, "") == lines
