"""scripts/tagger_cascade.py --windows: the estimate from recorded windows (which the cascade
keeps at a bar, the share left to LAC, the kept windows that differ from LAC's spans)."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def script(load_script):
    return load_script("tagger_cascade")


def _window(chars, kinds, sure, student, lac):
    return {"chars": chars, "kinds": set(kinds), "sure": sure, "student": student, "lac": lac}


WINDOWS = [
    _window(10, {"before_name"}, 0.9985, [], [(2, 5)]),           # 村民王大山村长说: an empty path, LAC finds one
    _window(20, {"after_name"}, 0.995, [(0, 3)], [(0, 3)]),       # a name, sure enough, as LAC
    _window(30, {"sentence_start"}, 0.9995, [], []),              # nobody, very sure
    _window(40, {"before_name", "dot"}, 0.97, [(1, 4)], [(1, 5)]),  # unsure: to LAC at any bar
]


def test_cascade_keeps_by_bar_and_kind(script):
    keeps = [script.cascade_keeps(w, 0.99, 0.998) for w in WINDOWS]
    assert keeps == [True, True, True, False]
    assert [script.cascade_keeps(w, 0.99, 0.999) for w in WINDOWS] == [False, True, True, False]
    assert script.cascade_keeps(WINDOWS[0], 0.99, 0.998, frozenset({"before_name"})) is False
    assert script.cascade_keeps(WINDOWS[2], 0.99, 0.998, frozenset({"before_name"})) is True


def test_window_table(script):
    lines = script.window_table(WINDOWS, [0.99, 0.99], [0.998, 0.999], {"before_name"})
    assert lines[0] == "4 windows, 100 characters"
    assert lines[1] == ("bar 0.99/0.998: characters to LAC 40.0%, kept windows differing from LAC 1 "
                        "(1 with an empty student path)")
    assert lines[2].startswith("bar 0.99/0.998, empty in before_name to LAC: characters to LAC 50.0%, "
                               "kept windows differing from LAC 0 ")
    assert lines[3].startswith("bar 0.99/0.999: characters to LAC 50.0%, kept windows differing from LAC 0 ")
    assert "  before_name: 2 windows, 50 characters, kept at 0.99/0.998 20%" in lines
    assert "  dot: 1 windows, 40 characters, kept at 0.99/0.998 0%" in lines
