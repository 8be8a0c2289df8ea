"""Segmenter (rjieba/jieba with the project dictionary, no global state) and the spaCy container."""
from __future__ import annotations

import pytest

from extractor.segment import Segmenter, make_nlp

TEXTS = [
    "石渠县委常委、副县长黄斌来自深圳市南山区桃源街道。",
    "深圳对口支援塔县的项目全面启动，群众完成搬迁安置。",
    "",
    "  12345 abc \n第二段。",
]


@pytest.mark.parametrize("engine", ["rjieba", "jieba"])
@pytest.mark.parametrize("text", TEXTS)
def test_tokens_cover_text(engine, text):
    assert "".join(Segmenter(engine).cut(text)) == text


@pytest.mark.parametrize("engine", ["rjieba", "jieba"])
def test_project_dictionary(engine):
    tokens = Segmenter(engine).cut("深圳对口支援塔县和塔什库尔干塔吉克自治县")
    assert "塔县" in tokens and "塔什库尔干塔吉克自治县" in tokens


def test_no_global_jieba_state():
    import jieba
    Segmenter("jieba", extra_words=["测试专用词语"])
    assert "测试专用词语" not in jieba.lcut("这是测试专用词语")


def test_spacy_container():
    nlp = make_nlp()
    doc = nlp("石渠县委常委在深圳南山区工作。塔县的群众。")
    assert doc.text == "石渠县委常委在深圳南山区工作。塔县的群众。"
    spans = doc.spans["county"]
    assert [(s.text, s.kb_id_) for s in spans] == [
        ("石渠县", "513332"), ("南山区", "440305"), ("塔县", "653131")]
    assert len(list(doc.sents)) == 2


def test_spacy_span_expands_to_tokens():
    nlp = make_nlp()
    doc = nlp("他是石渠县委的干部")
    (span,) = doc.spans["county"]
    assert span.text.startswith("石渠县") and span.kb_id_ == "513332"

