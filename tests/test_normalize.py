"""The normaliser, specified by tables in tests/cases/normalize/ (in the manner of ftfy)."""
import json

import pytest
from hypothesis import given, settings, strategies as st

from extractor.text.normalize import InputError, decode, normalize
from conftest import CASES, CORPUS

KINDS = ["markup", "html_entities", "pinyin", "mojibake", "joined_lines", "width", "spaced_words", "script"]


def _rows(kind):
    rows = json.loads((CASES / "normalize" / f"{kind}.json").read_text(encoding="utf-8"))
    return [pytest.param(r, id=f"{kind}-{i}") for i, r in enumerate(rows)]


@pytest.mark.parametrize("case", [p for k in KINDS for p in _rows(k)])
def test_repairs(case):
    assert normalize(case["original"]).text == case["expected"], case["comment"]


@pytest.mark.parametrize("case", _rows("negative"))
def test_left_alone(case):
    assert normalize(case["original"]).text == case["original"], case["comment"]


def _seed(prefix):
    [path] = CORPUS.glob(prefix + "_*.txt")
    return normalize(path.read_bytes())


def test_seed_003_traditional_damage():
    norm = _seed("003")
    for good in ["当地干部群众", "实现精准帮扶", "两不愁三保障", "成华区对口援助丹巴县"]:
        assert good in norm.text
    for bad in ["(xiàn)", "&", "?shù", "(nóng)", "/p>"]:
        assert bad not in norm.text
    assert norm.script == "traditional"
    counts = norm.repair_counts()
    assert counts["mojibake_runs"] == 7
    assert counts["pinyin_annotations"] >= 300
    assert any("could not be recovered" in w for w in norm.warnings)


def test_seed_004_broken_lines():
    norm = _seed("004")
    assert "救护车5辆" in norm.text and "2月10日" in norm.text
    assert norm.repair_counts()["joined_lines"] >= 3
    # the caption stays its own paragraph
    assert "\n■中山市对口帮扶的昭通市永善县新拉村蓝莓基地。\n" in norm.text


def test_seed_002_markup():
    norm = _seed("002")
    assert "[bookmark" not in norm.text
    assert norm.repair_counts()["markup_removed"] == 1


def test_repairs_point_into_the_source():
    norm = _seed("003")
    for r in norm.repairs:
        assert norm.source[r.source_span[0]:r.source_span[1]] == r.original
    pinyin = [r for r in norm.repairs if r.kind == "pinyin_annotations"]
    assert pinyin[0].original == "(xiàn)" and pinyin[0].replacement == ""


@pytest.mark.parametrize("source", [
    "　　石渠县投入100万元。",            # indentation at the very start
    "\n\n   \n石渠县投入100万元。",         # blank lines and spaces first
    "<p>石渠县投入100万元。</p>",          # markup right before
    "这是<b>石渠县</b>投入100万元。",      # markup inside a sentence
    "这是\u200b石渠县投入100万元。",       # an invisible character dropped
])
def test_a_span_starts_after_what_was_deleted_before_it(source):
    """Defect (found checking web pages' source spans): a span right after deleted text
    (indentation, markup) started at the deletion, so the first county of a web page's
    body had a source span from the top of the page to the county."""
    norm = normalize(source)
    at = norm.text.index("石渠县")
    start, end = norm.source_span(at, at + 3)
    assert source[start:end] == "石渠县"


def test_source_span_of_a_repaired_word():
    norm = _seed("003")
    start = norm.text.index("实现精准帮扶")
    s, e = norm.source_span(start, start + 6)
    # 實現(xiàn)精準幫扶 in the source: the note lies inside the span
    assert norm.source[s:e] == "實現(xiàn)精準幫扶"


# ------------------------------------------------------------------ decoding

@pytest.mark.parametrize("data, encoding", [
    ("石渠县对口帮扶".encode("utf-8"), "utf-8"),
    ("\ufeff石渠县对口帮扶".encode("utf-8"), "utf-8"),
    ("石渠县对口帮扶".encode("utf-16"), "utf-16"),
    ("石渠县对口帮扶，贫困人口减贫".encode("gbk"), "gb18030"),
    ("石渠縣對口幫扶，貧困人口減貧工作".encode("big5"), "big5"),
])
def test_decode_detects_encoding(data, encoding):
    text, enc, warnings = decode(data)
    assert enc == encoding and "对口" in normalize(data).text and not warnings


def test_truncated_utf8_is_replaced_with_a_warning():
    data = "石渠县对口帮扶".encode("utf-8")[:-1]
    norm = normalize(data)
    assert norm.text.startswith("石渠县对口帮") and "\ufffd" in norm.text
    assert any("U+FFFD" in w for w in norm.warnings)


@pytest.mark.parametrize("data", [b"\x00\x01\x02\x03" * 100, bytes(range(256)) * 4])
def test_binary_is_an_input_error(data):
    with pytest.raises(InputError):
        normalize(data)


def test_empty_input():
    assert normalize(b"").text == ""


# ------------------------------------------------------------------ offsets

damaged = st.sampled_from([
    "實現(xiàn)", "&ldquo;", "&nbsp;", "<p>", "</p>", "　　", "２０", "\n\n", "救\n\n护车",
    "當?shù)馗刹咳罕姷?ldquo;", "[bookmark: _GoBack]", "脫貧", "，", "。", "(含)",
])
texts = st.lists(st.one_of(damaged, st.text(max_size=8)), max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(texts, st.data())
def test_offset_map_lands_inside_source_and_keeps_order(text, data):
    norm = normalize(text)
    n = len(norm.text)
    a = data.draw(st.integers(0, n))
    b = data.draw(st.integers(a, n))
    s, e = norm.source_span(a, b)
    assert 0 <= s <= e <= len(norm.source)
    # order: a later span never maps before an earlier one
    s2, e2 = norm.source_span(b, n)
    assert s <= s2 and e <= e2
    # every character of the clean span comes from inside the source span
    if b > a:
        s1, e1 = norm.source_span(a, a + 1)
        assert s <= s1 <= e1 <= max(e, e1) and s1 <= e


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 6), st.integers(0, 4), st.text(max_size=3),
                          st.sampled_from(["", "joined_lines", "markup_removed"])), max_size=12),
       st.text(min_size=0, max_size=40))
def test_rewriter_step_keeps_edits_as_offset_lists(replacements, text):
    """A Rewriter's step keeps its edits as offset lists and makes the Edit records when read:
    the same records, in order, as StepMap built from them, and split by kind in order."""
    from extractor.text.offsets import Rewriter, StepMap
    rw, pos = Rewriter(text), 0
    for gap, length, new, kind in replacements:
        start = min(len(text), pos + gap)
        end = min(len(text), start + length)
        rw.replace(start, end, new, kind)
        pos = end
    out, step = rw.finish()
    again = StepMap(step.edits, step.src_len, step.out_len)
    assert (again.out_starts, again.out_ends, again.src_starts, again.src_ends, again.kinds) == \
        (step.out_starts, step.out_ends, step.src_starts, step.src_ends, step.kinds)
    assert step.edits_of_kind(True) == [e for e in step.edits if e.kind]
    assert step.edits_of_kind(False) == [e for e in step.edits if not e.kind]
    assert all(out[e.out_start:e.out_end] != text[e.src_start:e.src_end] for e in step.edits)


# ------------------------------------------------------------------ the OpenCC gate

def test_t2s_gate_is_up_to_date():
    """rules/t2s_gate.yaml is what scripts/build_t2s_gate.py makes from the installed
    opencc package's dictionaries."""
    import subprocess
    import sys
    from pathlib import Path
    script = Path(__file__).resolve().parent.parent / "scripts" / "build_t2s_gate.py"
    done = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr + " — run scripts/build_t2s_gate.py"


@pytest.mark.parametrize("text, opens", [
    ("脱贫攻坚取得决定性胜利", False),        # simplified: no character t2s changes
    ("实现了覆盖全县的网络", False),          # 覆 alone stays 覆 (覆盖)
    ("他答覆了来信", True),                   # 答覆 → 答复: a phrase whose characters stay alone
    ("脫貧攻堅", True),                       # 脫, 貧, 堅 change
    ("乾坤", True),                           # 乾 → 干 (the normaliser keeps it in simplified text)
    ("\U00020000字", True),                   # beyond the BMP: always converted
])
def test_t2s_gate_opens_on_what_t2s_changes(text, opens):
    from extractor.text.normalize import _t2s_gate
    characters, phrases = _t2s_gate()
    assert bool(characters.search(text) or phrases.search(text)) is opens


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(sorted(set("答覆回复沈深坏土藉口瞭解一目然什么甦醒哩英海"
                                                     "脱贫攻坚中国人民"))), max_size=20))
def test_a_text_the_t2s_gate_skips_is_its_own_conversion(text):
    import opencc
    from extractor.text.normalize import _t2s_gate
    characters, phrases = _t2s_gate()
    if not characters.search(text) and not phrases.search(text):
        assert opencc.OpenCC("t2s").convert(text) == text


def test_fix_doctests():
    """Each fix's public function documents itself with examples (ftfy's manner)."""
    import doctest
    import extractor.text.normalize as module
    result = doctest.testmod(module)
    assert result.attempted and not result.failed


@pytest.mark.parametrize("switch, damaged, off, on", [
    ("punctuation_shift", "大家好?!皻g迎", "大家好?!皻g迎", "大家好?“欢迎"),
    ("pinyin_shift", "他們都變?yōu)橹赂粠ь^人", "他们都变?yōu)橹赂粠ь^人", "他们都变为致富带头人"),
    ("spaced_words", "(记者 李光泽 龙 璐)", "(记者 李光泽 龙 璐)", "(记者 李光泽 龙璐)"),
])
def test_shift_switch(monkeypatch, switch, damaged, off, on):
    """rules/normalize.yaml punctuation_shift, pinyin_shift or spaced_words: false leaves the damaged runs as they are."""
    from dataclasses import replace
    import extractor.text.normalize as module
    rules = module._rules()
    monkeypatch.setattr(module, "_rules", lambda: replace(rules, **{switch: False}))
    assert normalize(damaged).text == off
    monkeypatch.undo()
    assert normalize(damaged).text == on


def test_gbk_pinyin_table_is_up_to_date():
    """rules/gbk_pinyin.tsv is what scripts/build_gbk_pinyin.py makes from the pinned pypinyin
    (the test extra) and the normaliser's frequency test."""
    import subprocess
    import sys
    from pathlib import Path
    pytest.importorskip("pypinyin")
    script = Path(__file__).resolve().parent.parent / "scripts" / "build_gbk_pinyin.py"
    done = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr + " — run scripts/build_gbk_pinyin.py"
