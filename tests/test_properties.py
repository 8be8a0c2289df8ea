"""Property tests (issue 14): whatever text or bytes come in, normalize() and extract()
raise nothing but InputError for non-text, every span lies inside its text and
``text == clean[span]``, source spans lie inside the input, values are finite, the
record is JSON and the same on a second run; a batch gives one line per input."""
from __future__ import annotations

import json
import math
from decimal import Decimal

from hypothesis import HealthCheck, given, settings, strategies as st

from extractor import InputError, extract, normalize

FRAGMENTS = ["石渠县", "鼓楼区", "福州市", "投入", "1万元", "1e400", "9" * 30, "百分之", "脱贫",
             "100人", "贫困发生率", "降至0", "，", "。", "\n", " ", "\u3000", "\u200d", "\u00ad",
             "<p>", "</p>", "<!--", "-->", "<script>", "<![CDATA[", "]]>", "&amp;", "當?shù)",
             "實(shí)", "2019年", "2019-02-30", "\ud800", "１２３", "亿亿亿", "3..5万元"]
texts = st.one_of(st.text(max_size=300),
                  st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join))
raw = st.one_of(st.binary(max_size=400),
                texts.map(lambda t: t.encode("utf-8", "surrogatepass")),
                texts.map(lambda t: t.encode("gb18030", "replace")),
                st.tuples(texts, texts).map(lambda p: p[0].encode("utf-8", "surrogatepass")
                                            + b"\n" + p[1].encode("gbk", "replace")),
                texts.map(lambda t: t.encode("utf-16-le", "surrogatepass")))
SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


def _facts(record):
    for kind in ("amounts", "poverty_figures", "pairings"):
        yield from getattr(record, kind)
    for county in record.counties:
        yield from county.mentions


def _check(record, data):
    clean, source = record.text, record.source_text
    for fact in _facts(record):
        a, b = fact.span
        assert 0 <= a <= b <= len(clean)
        assert fact.text == clean[a:b]
        sa, sb = fact.source_span
        assert 0 <= sa <= sb <= len(source)
        value = getattr(fact, "value", None)
        if isinstance(value, Decimal):
            assert value.is_finite() and math.isfinite(float(value))
    out = json.dumps(record.to_dict(), ensure_ascii=False)
    out.encode("utf-8")   # no lone surrogate gets out
    assert json.dumps(extract(data).to_dict(), ensure_ascii=False) == out


@SETTINGS
@given(texts)
def test_normalize_text(text):
    norm = normalize(text)
    norm.text.encode("utf-8")
    for start in range(0, len(norm.text), max(1, len(norm.text) // 5)):
        a, b = norm.source_span(start, min(len(norm.text), start + 3))
        assert 0 <= a <= b <= len(norm.source)


@SETTINGS
@given(texts)
def test_extract_text(text):
    _check(extract(text), text)


@SETTINGS
@given(raw)
def test_extract_bytes(data):
    try:
        record = extract(data)
    except InputError:
        return   # binary data: an error record in a batch
    _check(record, data)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(texts, st.binary(max_size=100)), min_size=1, max_size=6))
def test_batch_one_line_per_input(tmp_path_factory, items):
    from extractor.io.batch import run
    folder = tmp_path_factory.mktemp("in")
    for i, item in enumerate(items):
        data = item if isinstance(item, bytes) else item.encode("utf-8", "surrogatepass")
        (folder / f"{i:02d}.txt").write_bytes(data)
    out = folder.parent / (folder.name + ".jsonl")
    run([str(folder)], str(out), jobs=1, progress=False)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["doc_id"] for line in lines] == [f"{i:02d}" for i in range(len(items))]
