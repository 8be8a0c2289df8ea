"""Table-driven tests of the persons/cadres stage: tests/cases/persons.yaml (titles and
posts, roles, dates against a reference date, transliterated names, the negative table),
and the date grammar it uses (tests/cases/dates_in.yaml)."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import extractor
from extractor.lexicon.places import canonical_place
from extractor.lexicon.years import dates_in, year_grammar
from extractor.stages.persons import _load_tagger, load_rules

CASES = Path(__file__).parent / "cases"
# The statistical tagger ships with extractor.ner; an install without it finds only the
# rules' certain names and bylines, so the tests of names the tagger finds are skipped there.
needs_tagger = pytest.mark.skipif(load_rules().tagger is None,
                                  reason="extractor.ner (the name tagger) is not installed")


def _rows():
    for group, rows in yaml.safe_load((CASES / "persons.yaml").read_text("utf-8")).items():
        for row in rows:
            marks = [pytest.mark.xfail(strict=True, reason=row["xfail"])] if row.get("xfail") else []
            if group not in ("negative", "rules_alone"):
                marks.append(needs_tagger)
            yield pytest.param(row, marks=marks, id=f"{group}:{row['text'][:18]}")


@pytest.mark.parametrize("row", list(_rows()))
def test_persons_table(row: dict) -> None:
    record = extractor.extract(row["text"], reference_date=row.get("reference_date"))
    roles = {p.name: p.role for p in record.persons}
    for name, role in (row.get("persons") or {}).items():
        assert roles.get(name) == role, (name, roles)
    for name in row.get("absent", []):
        assert name not in roles, (name, roles)
    cadres = {c.name: c for c in record.cadres}
    assert set(cadres) == {n for n, r in roles.items() if r == "cadre"}
    for name, want in (row.get("cadres") or {}).items():
        cadre = cadres[name]
        if "origin" in want:
            assert cadre.origin == want["origin"]
        if "places" in want:
            got = {canonical_place(p.place) for p in cadre.posts if p.place}
            assert got == set(want["places"])
        if "titles" in want:
            assert set(want["titles"]) <= {p.title for p in cadre.posts}
        if "since" in want:
            assert set(want["since"]) <= {p.since for p in cadre.posts}


@needs_tagger
def test_a_full_tagger_cache_still_answers_the_windows_it_knew() -> None:
    """A call whose new windows overflow the cache still answers its windows seen before (a
    byline repeated across an archive's articles): the cache forgot them and the article failed."""
    tag = _load_tagger(None, cache_size=2)
    assert tag(["记者王小明", "村民李大山"]) == [[(2, 5)], [(2, 5)]]
    assert tag(["记者王小明", "书记张三丰说", "县长赵四海"]) == [[(2, 5)], [(2, 5)], [(2, 5)]]


@needs_tagger
def test_every_mention_and_short_references() -> None:
    text = "援藏干部黄志明挂任丹巴县副县长。黄书记说，黄志明的工作很细。老黄笑了。"
    [person] = extractor.extract(text).persons
    assert [m.text for m in person.mentions] == ["黄志明", "黄书记", "黄志明", "老黄"]
    for m in person.mentions:
        assert text[m.span[0]:m.span[1]] == m.text


@needs_tagger
def test_short_reference_is_not_tied_when_two_share_the_surname() -> None:
    text = "县委书记黄志明和村民黄秀兰一起修路。黄书记说，路通了。"
    mentions = {p.name: [m.text for m in p.mentions] for p in extractor.extract(text).persons}
    assert mentions == {"黄志明": ["黄志明"], "黄秀兰": ["黄秀兰"]}


@needs_tagger
def test_honours_go_to_the_cadre_named_before() -> None:
    text = "援藏干部黄志明挂任丹巴县副县长。黄志明荣获“民族团结进步模范个人”称号。"
    [cadre] = extractor.extract(text).cadres
    assert cadre.honours == ["民族团结进步模范个人"]


def test_gating_skips_text_without_cues() -> None:
    rules = load_rules()
    from extractor.article import Article
    from extractor.text.normalize import normalize
    article = Article(norm=normalize("今年全县粮食产量稳定增长，道路全部硬化。"))
    from extractor.stages.persons import cue_windows
    windows, direct = cue_windows(article.text, article.sentence_of, article.sentences, rules)
    assert windows == [] and direct == []


DATES = yaml.safe_load((CASES / "dates_in.yaml").read_text("utf-8"))


@pytest.mark.parametrize("text,ref_year,expected", [(r["text"], r["ref_year"], r["dates"]) for r in DATES],
                         ids=[r["text"] for r in DATES])
def test_dates_in(text: str, ref_year: int, expected: list[str]) -> None:
    got = [d.iso for d in dates_in(text, 0, len(text), ref_year, year_grammar())]
    assert got == expected


@needs_tagger
def test_spacy_component_labels_mentions_with_the_role() -> None:
    from extractor.spacy_ext import make_nlp
    nlp = make_nlp(components=("fupin_persons",))
    doc = nlp("援藏干部黄志明挂任丹巴县副县长。黄书记说，村民王秀英家脱贫了。")
    assert [(s.text, s.label_, s.kb_id_) for s in doc.spans["person"]] == [
        ("黄志明", "CADRE", "黄志明"), ("黄书记", "CADRE", "黄志明"), ("王秀英", "RESIDENT", "王秀英")]


# A long list is walked at most list_max_items (12) items from each found name. Which names
# a list yields must not depend on the order the found names are walked in (a set's order
# changes with PYTHONHASHSEED): a walk that reaches a place an earlier walk passed with
# fewer steps left goes on.
_LONG_LIST = "、".join(["王立新", "赵晓东", "钱永福", "孙建国", "周海燕", "吴春生", "郑志强",
                        "冯秋菊", "陈德胜", "褚卫民", "卫红梅", "蒋文斌", "沈玉兰", "韩雪松",
                        "杨金凤", "朱士杰", "秦月娥", "尤振华", "许桂英", "何长林"])


@pytest.mark.parametrize("order", [("王立新", "周海燕"), ("周海燕", "王立新")])
def test_list_names_do_not_depend_on_walk_order(order):
    from extractor.stages.persons import list_names

    text = f"（本报记者{_LONG_LIST}报道）"
    names = _LONG_LIST.split("、")

    class Ordered(set):                      # a set iterated in the given order
        def __iter__(self):
            return iter(order)

    found = list_names(text, Ordered(order), load_rules())
    # from 王立新 (item 1) and 周海燕 (item 5): items 2–4 and 6–17 (5 + 12), never 18–20
    assert sorted(found, key=names.index) == names[1:4] + names[5:17]


@pytest.mark.parametrize("text,cue_start,expected", [
    ("新华村的张明远说", 3, True),      # 的 after a village: a name surely starts after it
    ("他们的张明远说", 2, False),       # 的 after anything else: no
    ("的张明远说", 0, False),           # 的 opening the text: nothing before it, no village
])
def test_bounded_name_start_after_de(text: str, cue_start: int, expected: bool) -> None:
    from extractor.stages.persons import _bounded_cue

    k = cue_start + 1
    assert _bounded_cue(text, "before_name_certain", k, cue_start, load_rules()) is expected


def test_byline_search_on_cued_lines_finds_what_a_whole_text_search_finds(real_news_dir):
    """The byline pattern is tried only on lines holding a word of ``byline_cue`` (speed);
    that is lossless only while every role word of ``byline_pattern`` holds a cue word. A role
    word added to the pattern alone would lose its bylines silently: this compares both
    searches over the real news, the seeds and one line per role word."""
    from extractor.stages.persons import _cued_line_matches

    rules = load_rules()
    role_lines = [f"本报{role} 王立新" for role in ("记者", "通讯员", "摄影", "编辑", "插画", "采访人员")] + [
        f"{role}：王立新" for role in ("统筹", "策划", "责编", "责任编辑", "版式设计", "制图", "作者",
                                     "采访", "整理", "审核", "审核人", "审定", "发布人")]
    texts = [p.read_text(encoding="utf-8") for p in sorted(real_news_dir.glob("*/*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parents[1] / "corpus").glob("*.txt"))]
    texts.append("\n".join(role_lines))
    for text in texts:
        whole = [m.span() for m in rules.byline.finditer(text)]
        cued = [m.span() for m in _cued_line_matches(text, rules.byline_cue, rules.byline, len(text))]
        assert cued == whole, text[:40]
    assert len([m for m in rules.byline.finditer(texts[-1])]) == len(role_lines)
