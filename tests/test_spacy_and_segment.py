"""Segmenter (rjieba/jieba with the project dictionary, no global state) and the spaCy container."""
from __future__ import annotations

import pytest

from extractor.spacy_ext import make_nlp
from extractor.text.segment import Segmenter

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


def test_counties_component_without_sentences_cuts_them_as_the_pipeline_does():
    # spaCy's own character tokenizer sets no sentence starts: the component cuts the text
    # into sentences itself, so it finds what it finds under our tokenizer
    import spacy
    nlp = spacy.blank("zh")
    nlp.add_pipe("fupin_counties")
    doc = nlp("石渠县委常委在深圳南山区工作。塔县的群众。")
    assert not doc.has_annotation("SENT_START")
    assert [(s.text, s.kb_id_) for s in doc.spans["county"]] == [
        ("石渠县", "513332"), ("南山区", "440305"), ("塔县", "653131")]


def test_spacy_span_expands_to_tokens():
    nlp = make_nlp()
    doc = nlp("他是石渠县委的干部")
    (span,) = doc.spans["county"]
    assert span.text.startswith("石渠县") and span.kb_id_ == "513332"


def _fresh_python(code: str, tmp_path) -> str:
    """Run ``code`` in a new interpreter (nothing of ours imported first); its stdout."""
    import subprocess
    import sys
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=tmp_path, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip()


def test_add_pipe_in_a_fresh_process_finds_our_factory(tmp_path):
    out = _fresh_python(
        "import spacy\n"
        "nlp = spacy.blank('zh')\n"
        "nlp.add_pipe('fupin_counties')\n"
        "doc = nlp('深圳对口帮扶石渠县。')\n"
        "print([(s.label_, s.kb_id_) for s in doc.spans['county']])\n", tmp_path)
    assert out == "[('COUNTY', '513332')]"


def test_saved_pipeline_loads_back_with_spacy_load(tmp_path):
    make_nlp().to_disk(tmp_path / "pipeline")
    out = _fresh_python(
        "import spacy\n"
        f"nlp = spacy.load({str(tmp_path / 'pipeline')!r})\n"
        "doc = nlp('石渠县委常委在深圳南山区工作。塔县的群众。')\n"
        "print(type(nlp.tokenizer).__name__, nlp.pipe_names, "
        "[(s.text, s.kb_id_) for s in doc.spans['county']], len(list(doc.sents)))\n", tmp_path)
    assert out == ("SpacyTokenizer ['fupin_counties'] [('石渠县', '513332'), ('南山区', '440305'), "
                   "('塔县', '653131')] 2")


def test_initialize_reads_rules_from_another_folder(alias_folder):
    # a researcher's own alias table: 石县 for 石渠县 (made up, not in the project's rules)
    folder = alias_folder("石县\t513332\tabbr\t\ttest: a made-up abbreviation")
    nlp = make_nlp(components=())
    nlp.add_pipe("fupin_counties", config={"rules_dir": str(folder)})
    nlp.initialize()
    doc = nlp("深圳对口帮扶石县。")
    assert [(s.text, s.kb_id_) for s in doc.spans["county"]] == [("石县", "513332")]


def test_pairings_component_writes_statements():
    nlp = make_nlp(components=("fupin_counties", "fupin_pairings"))
    doc = nlp("广东省对口帮扶广西、贵州。深圳市南山区、福田区分别结对帮扶石渠县、色达县。")
    got = [(s.text, s.label_, [(p["helper"], p["recipient"], p["recipient_adcode"])
                               for p in s._.pairings]) for s in doc.spans["pairing"]]
    assert got == [
        ("广东省对口帮扶广西、贵州", "对口帮扶",
         [("广东省", "广西壮族自治区", "450000"), ("广东省", "贵州省", "520000")]),
        ("深圳市南山区、福田区分别结对帮扶石渠县、色达县", "结对帮扶",
         [("南山区", "石渠县", "513332"), ("福田区", "色达县", "513333")])]


def test_pairings_factory_by_entry_point_in_a_fresh_process(tmp_path):
    # the installed package's entry points, as for fupin_counties: nothing imported first
    out = _fresh_python(
        "import spacy\n"
        "nlp = spacy.blank('zh')\n"
        "nlp.add_pipe('fupin_pairings')\n"
        "doc = nlp('深圳对口帮扶石渠县。')\n"
        "print([(s.label_, [(p['helper'], p['recipient_adcode']) for p in s._.pairings]) "
        "for s in doc.spans['pairing']])\n", tmp_path)
    assert out == "[('对口帮扶', [('深圳市', '513332')])]"
