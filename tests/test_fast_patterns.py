"""Speed rewrites that must find what the plain regex finds: rule patterns compiled by the
standard re where it reads them (rules.plain_pattern), word lists written as a trie
(rules.words_pattern, rules.trie_alternation), and a county's own postings found by its names
and one compiled tail (pairings) instead of a pattern compiled per county; literal gates that
keep a pattern from being searched where it cannot match (pairings' funds, persons' author brackets);
the last clause mark in a window found by a forward re search (rules.last_mark_pattern) instead of
regex's reverse search; long alternations opened by a look at their first characters
(rules.lead_gated_pattern)."""
import re

import pytest
import regex

from extractor.rules import (alternation, last_mark_pattern, lead_gated_pattern, plain_pattern, trie_alternation,
                             words_pattern)
from extractor.stages.pairings import _funds_written, _own_postings, load_rules

PLAIN_ROWS = [
    # re reads it: compiled by re, same matches
    (r"[，,；;：:]", re.Pattern, "一，二；三", ["，", "；"]),
    (r"(?:全县|全省)(?!第一)", re.Pattern, "全县第一，全省", ["全省"]),
    # regex's \p{Han}, \s and \d written out as the code points regex gives them (re's own
    # \s also takes U+001C–U+001F, its \d misses digits newer than its Unicode)
    (r"\p{Han}{2}县", re.Pattern, "在石渠县", ["石渠县"]),
    (r"[^\p{Han}\s]+", re.Pattern, "石渠县 ａ２\x1c三", ["ａ２\x1c"]),
    (r"\S+", re.Pattern, "甲\x1c乙 丙", ["甲\x1c乙", "丙"]),
    (r"\d+", re.Pattern, "二〇二〇 2020 𑵐𑵑", ["2020", "𑵐𑵑"]),
    # a variable-width lookbehind, another \p{…}, \w or \b (17,608 code points apart), an
    # inline case-folding flag: regex's only
    (r"(?<=[村乡]|镇上)人", regex.Pattern, "镇上人和村人", ["人", "人"]),
    (r"\p{P}+", regex.Pattern, "村，镇。", ["，", "。"]),
    (r"\w+", regex.Pattern, "m²面积", ["m", "面积"]),    # re: ["m²面积"]
    (r"(?i)ab", regex.Pattern, "AB", ["AB"]),
]


@pytest.mark.parametrize("pattern, engine, text, expected", PLAIN_ROWS)
def test_plain_pattern_takes_re_where_it_can(pattern, engine, text, expected):
    compiled = plain_pattern(pattern)
    assert isinstance(compiled, engine)
    assert [m.group() for m in compiled.finditer(text)] == expected
    assert [m.group() for m in regex.compile(pattern).finditer(text)] == expected


@pytest.mark.parametrize("pattern", [r"\p{Han}", r"\s", r"\S", r"\d", r"\D", r"[^\p{Han}\s\d]"])
def test_written_out_classes_hold_every_code_point_regex_gives_them(pattern):
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    compiled = plain_pattern(pattern)
    assert isinstance(compiled, re.Pattern)
    assert compiled.sub("", every) == regex.compile(pattern).sub("", every)


def test_the_class_runs_in_use_are_the_installed_regex_s():
    """plain_pattern writes ``\\p{Han}``, ``\\s`` and ``\\d`` out as the installed regex's own
    runs: the shipped ones when extractor/regex_classes.py was generated from this regex
    version, else read off every code point (a newer regex may add code points: 2026.12.2's
    \\p{Han} holds U+2B81E, which 2026.5.9's does not)."""
    from extractor.rules import _class_runs, read_class_runs
    for name in (r"\p{Han}", r"\s", r"\d"):
        assert _class_runs(name) == read_class_runs(name)


def _shipped_version() -> str:
    from extractor import regex_classes
    return regex_classes.REGEX_VERSION


@pytest.mark.skipif(_shipped_version() != regex.__version__,
                    reason="the shipped runs are for another regex version; the runs are read off "
                           "the installed regex instead (the test above); run "
                           "scripts/build_regex_classes.py --write to ship them for this one")
def test_shipped_class_runs_are_what_their_regex_version_gives():
    """extractor/regex_classes.py is what scripts/build_regex_classes.py makes from the
    installed regex (regenerated here in memory) when that is the version the file names."""
    import importlib.util
    from pathlib import Path
    repo = Path(__file__).resolve().parent.parent
    spec = importlib.util.spec_from_file_location(
        "build_regex_classes", repo / "scripts" / "build_regex_classes.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    assert script.render() == (repo / "extractor" / "regex_classes.py").read_text(encoding="utf-8")


TRIE_ROWS = [
    # a word that is a prefix of another: the longest at each position (中国作协, not 中国)
    (["中国", "中国作协", "教育部", "部"], "中国作协和中国人在教育部的部里", ["中国作协", "中国", "教育部", "部"]),
    (["国务院扶贫办", "国务院", "共青团中央"], "国务院扶贫办与共青团中央及国务院", ["国务院扶贫办", "共青团中央", "国务院"]),
]


@pytest.mark.parametrize("words, text, expected", TRIE_ROWS)
def test_word_lists_as_a_trie_find_what_the_alternation_finds(words, text, expected):
    """Every stage's word lists (rules.words_pattern; central_units, the t2s gate's phrases)
    are searched as a trie: the same words, longest first, as the plain alternation."""
    assert re.findall(trie_alternation(words), text) == expected
    assert words_pattern(words).findall(text) == expected
    assert re.findall(alternation(words), text) == expected


OWN_ROWS = [
    # a unit of the county sends its own cadre: the whole posting
    ({"渠县", "渠"}, "渠县教育局驻石村第一书记说", ["渠县教育局驻石村第一书记"]),
    # two postings, the second where a longer name holds the county's name (as regex reads it)
    ({"渠县", "渠"}, "渠县选派干部驻村，石渠县派出工作队", ["渠县选派干部驻村", "渠县派出工作队"]),
    # the name is there, no posting verb after it
    ({"渠县", "渠"}, "渠县的干部去了成都", []),
    # the longer name is tried first at a position
    ({"平昌", "平昌县"}, "平昌县派驻工作组", ["平昌县派驻工作组"]),
]


@pytest.mark.parametrize("stems, stretch, expected", OWN_ROWS)
def test_own_postings_are_the_compiled_patterns_matches(stems, stretch, expected):
    rules = load_rules()
    found = _own_postings(stretch, stems, rules.own_posting_tail)
    assert [stretch[a:b] for a, b in found] == expected
    whole = regex.compile(f"(?:{alternation(stems)}){rules.own_posting_tail.pattern}")
    assert [m.group() for m in whole.finditer(stretch)] == expected


FUNDS_ROWS = [
    "我们用北京的资金建立了一批设施农业",          # use
    "依托保利集团的资金和技术支持",
    "借助上海市的帮扶资金",
    "今年在务川自治县安排帮扶资金1400万元",        # placed
    "北京的资金优势和技术优势",                    # neither: no use verb
    "引进上海资金", "在县里安排资金", "资金", "",
    "用北京的资金资金优势", "利用浙江的援建资金资金",
]


def _funds_texts() -> list[str]:
    from pathlib import Path
    shared = Path(__file__).resolve().parents[1].parent / "shared" / "data"
    return FUNDS_ROWS + [p.read_text(encoding="utf-8") for p in sorted(shared.glob("real-news/*/*.txt"))]


def test_funds_gate_keeps_every_text_the_patterns_match():
    """pairings' funds reader searches its two patterns only where 资金 follows a word either
    shape writes before it (rules/pairings.yaml, funds.gate): the same texts as both searches."""
    rules = load_rules()
    for text in _funds_texts():
        expected = bool(rules.funds_use_pattern.search(text) or rules.funds_placed_pattern.search(text))
        assert _funds_written(text, rules) == expected, text[:40]


AUTHOR_ROWS = [
    "分红。(王某好)\n下一段", "活动。 （甲某 乙某）\n", "。\n(甲某 乙某)", "本报讯(记者 甲某 乙某)今天",
    "新华社电（记者甲某）", "。(办公室)\n", "。（图/文：县融媒体中心 甲某）\n", "(甲某 乙某)\n", "讯  (甲某)",
    "。((甲某 乙某)\n", "",
]


def test_author_brackets_tried_at_their_marks_are_the_patterns_matches():
    """persons' author brackets are matched only at brackets within author_bracket_reach after one of
    author_bracket_marks (the pattern's look-behinds): the same matches as the pattern's finditer."""
    from pathlib import Path
    from extractor.stages.persons import _author_bracket_matches
    from extractor.stages.persons import load_rules as person_rules
    rules = person_rules()
    shared = Path(__file__).resolve().parents[1].parent / "shared" / "data"
    for text in AUTHOR_ROWS + [p.read_text(encoding="utf-8") for p in sorted(shared.glob("real-news/*/*.txt"))]:
        expected = [m.span() for m in rules.author_bracket.finditer(text)]
        assert [m.span() for m in _author_bracket_matches(text, rules)] == expected, text[:40]


def test_kept_inside_by_character_is_the_plain_look_at_every_word():
    """pairings' _kept_inside tries only the kept words holding the character (org_keep_at): the same
    answer as a look for every word at every start that would cover the position."""
    import yaml
    from pathlib import Path
    from extractor.stages.pairings import _kept_inside
    rules = load_rules()
    words = yaml.safe_load((Path(__file__).resolve().parents[1] / "rules" / "pairings.yaml").read_text(
        encoding="utf-8"))["org_keep_inside"]
    shared = Path(__file__).resolve().parents[1].parent / "shared" / "data"
    texts = ["协和医院", "和平村", "经营管理有限公司", "中和人和共和同和附属", "和", ""]
    texts += [p.read_text(encoding="utf-8") for p in sorted(shared.glob("real-news/*/*.txt"))[:40]]
    for text in texts:
        for pos in range(len(text)):
            plain = any(text.startswith(w, j) for w in words for j in range(max(0, pos - len(w) + 1), pos + 1))
            assert _kept_inside(text, pos, rules.org_keep_at) == plain, (text[:20], pos)


LAST_MARK_ROWS = [
    # (text, pos, endpos): the last mark in text[pos:endpos], as regex's reverse search finds it
    ("甲，乙；丙，丁", 0, 7, 5),
    ("甲，乙；丙，丁", 0, 5, 3),      # endpos before the last comma: the semicolon
    ("甲，乙；丙，丁", 2, 3, None),   # no mark in the window
    ("甲，乙\n丙", 0, 5, 3),           # a line break is a mark, and re's \Z stands at endpos
    ("，，，", 1, 3, 2),
    ("", 0, 0, None),
]


@pytest.mark.parametrize("text, pos, endpos, expected", LAST_MARK_ROWS)
def test_last_mark_is_regex_reverse_search(text, pos, endpos, expected):
    chars = "，,；;：:。！？!?、\n"
    m = last_mark_pattern(chars).search(text, pos, endpos)
    back = regex.compile(f"(?r)[{regex.escape(chars)}]").search(text, pos, endpos)
    assert (m.start() if m else None) == expected == (back.start() if back else None)
    assert (m and m.span()) == (back and back.span())



LEAD_ROWS = [
    # (pattern, whether a look at its first characters opens it, text, the matches regex finds)
    # a lookbehind before the first character: the characters after it open the match
    (r"(?<![县区])(?:乐团|剧团)演出|帮扶", True, "县乐团演出，市剧团演出，帮扶", ["剧团演出", "帮扶"]),
    (r"(?:中央|国家)财政|(?<=\p{Han}{2})[市州](?=财政)", True, "省里市财政，中央财政", ["市", "中央财政"]),
    (r"(?:请来|请进)了?[^。，]{0,4}专家|专家[^。，]{0,6}?请进村", True, "请来了农业专家，专家被请进村", ["请来了农业专家", "专家被请进村"]),
    (r"x*(?:援|助)", True, "xx援，助", ["xx援", "助"]),
    # no set of first characters: re's plain version (a match may be empty, any character
    # or a negated set may open it), or regex's where re cannot read the pattern
    (r"帮?扶?", False, "帮扶", ["帮扶", ""]),
    (r".帮", False, "来帮", ["来帮"]),
    (r"[^，]帮扶", False, "来帮扶", ["来帮扶"]),
    (r"(?<=[村乡]|镇上)人", False, "镇上人和村人", ["人", "人"]),
]


@pytest.mark.parametrize("pattern, gated, text, expected", LEAD_ROWS)
def test_lead_gated_pattern_finds_what_regex_finds(pattern, gated, text, expected):
    compiled = lead_gated_pattern(pattern)
    assert compiled.pattern.startswith("(?=[") == gated
    assert [m.group() for m in compiled.finditer(text)] == expected
    plain = regex.compile(pattern)
    assert [m.span() for m in compiled.finditer(text)] == [m.span() for m in plain.finditer(text)]
    for s in range(len(text) + 1):        # bounded searches, as the stages ask them
        for e in range(s, len(text) + 1):
            a, b = compiled.search(text, s, e), plain.search(text, s, e)
            assert (a and a.span()) == (b and b.span()), (s, e)


def test_help_cues_opened_by_their_first_characters_are_the_regex_union():
    """pairings' any_help_cue and help_cue_no_service (lead_gated_pattern): the matches of the
    regex union of the roles' help patterns, in stretches of every kind of cue."""
    rules = load_rules()
    cues = "|".join(f"(?:{p.pattern})" for p in (rules.help_in, rules.higher_level_funds,
                                                 rules.help_with_party, rules.help_in_phrases))
    text = ("东西部扶贫协作让村里变了样，县里获得了中央财政专项资金。市乐团文艺志愿服务小分队在村文化广场演出。"
            "他们请来了农业专家授课，开展义诊和培训；该州财政补助300万元，沪滇协作产业园开工。")
    # (市乐团: the lookbehind's 市 stops it; 该州财政: one Han character before 州)
    strict = ["扶贫协作", "获得了中央财政专项资金", "请来了农业专家", "沪滇协作"]
    for compiled, union, expected in (
            (rules.help_cue_no_service, regex.compile(cues), strict),
            (rules.any_help_cue, regex.compile(f"{cues}|(?:{rules.service_verbs.pattern})"),
             strict[:3] + ["授课", "义诊", "培训", "沪滇协作"])):
        assert compiled.pattern.startswith("(?=[")
        assert [m.group() for m in compiled.finditer(text)] == expected
        assert [m.span() for m in compiled.finditer(text)] == [m.span() for m in union.finditer(text)]
        for s in range(0, len(text), 3):
            for e in range(s, len(text) + 1, 7):
                a, b = compiled.search(text, s, e), union.search(text, s, e)
                assert (a and a.span()) == (b and b.span()), (s, e)
