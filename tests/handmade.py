"""Hand-made records with every fact kind (sentences written for the tests), so the review
page and the panels are exercised on persons, cadres and pairings before those stages
land. Spans are found in the text, so they are right by construction.

Three articles: 黄斌 of 南山区 posted to 石渠县 (2019, and again in 2020: one cadre), and a
namesake 黄斌 with a post in 泸水市 (2020: another person).
"""
from __future__ import annotations


def _at(text: str, s: str, nth: int = 0) -> list[int]:
    pos = -1
    for _ in range(nth + 1):
        pos = text.index(s, pos + 1)
    return [pos, pos + len(s)]


def _mentions(text: str, s: str, count: int = 1) -> list[dict]:
    return [{"text": s, "span": _at(text, s, n), "source_span": _at(text, s, n)} for n in range(count)]


def _fact(text: str, s: str, **values) -> dict:
    return {"text": s, "span": _at(text, s), "source_span": _at(text, s), **values}


def _county(text, name, adcode, role, count=1, province=None, prefecture=None):
    return {"name": name, "adcode": adcode, "province": province, "prefecture": prefecture,
            "aliases_seen": [], "role": role, "mentions": _mentions(text, name, count)}


def _record(doc_id, published, text, **facts):
    rec = {"schema": "1", "doc_id": doc_id, "title": None, "published": published,
           "reference_date": published, "script": "simplified", "repairs": {},
           "counties": [], "cadres": [], "persons": [], "amounts": [], "poverty_figures": [],
           "pairings": [], "warnings": [], "text": text}
    rec.update(facts)
    return rec


TEXT_A = ("深圳市南山区对口帮扶石渠县。南山区桃源街道干部黄斌挂任石渠县委常委、副县长。"
          "今年南山区投入帮扶资金超过1.2亿元。石渠县2019年有25037名贫困人口减贫。（记者张洋）")
TEXT_B = ("石渠县委常委、副县长黄斌说，深圳市南山区援建的学校已经开学。"
          "南山区今年再投入帮扶资金3000万元。石渠县贫困发生率降至0。")
TEXT_C = "泸水市扶贫办主任黄斌介绍，厦门市思明区结对帮扶泸水市，今年投入帮扶资金500万元。"


def handmade_records() -> list[dict]:
    a = _record(
        "hm-a", "2019-06-01", TEXT_A,
        counties=[_county(TEXT_A, "南山区", "440305", "helper", 3, "广东省", "深圳市"),
                  _county(TEXT_A, "石渠县", "513332", "recipient", 3, "四川省", "甘孜藏族自治州")],
        persons=[{"name": "黄斌", "role": "cadre", "mentions": _mentions(TEXT_A, "黄斌")},
                 {"name": "张洋", "role": "journalist", "mentions": _mentions(TEXT_A, "张洋")}],
        cadres=[{"name": "黄斌", "origin": "深圳市南山区桃源街道", "origin_title": "干部",
                 "posts": [{"title": "石渠县委常委、副县长", "place": "石渠县", "since": "2019",
                            "until": None}],
                 "honours": [], "mentions": _mentions(TEXT_A, "黄斌")}],
        amounts=[_fact(TEXT_A, "超过1.2亿元", value=120000000, currency="CNY", qualifier="over",
                       relevant=True, purpose="帮扶资金", year=2019)],
        poverty_figures=[_fact(TEXT_A, "25037名贫困人口减贫", metric="people_lifted", value=25037,
                               unit="人", place="石渠县", year=2019, qualifier=None)],
        pairings=[_fact(TEXT_A, "深圳市南山区对口帮扶石渠县", helper="南山区", recipient="石渠县",
                        helper_adcode="440305", recipient_adcode="513332", kind="对口帮扶")],
    )
    b = _record(
        "hm-b", "2020-05-01", TEXT_B,
        counties=[_county(TEXT_B, "石渠县", "513332", "recipient", 2, "四川省", "甘孜藏族自治州"),
                  _county(TEXT_B, "南山区", "440305", "helper", 2, "广东省", "深圳市")],
        persons=[{"name": "黄斌", "role": "cadre", "mentions": _mentions(TEXT_B, "黄斌")}],
        cadres=[{"name": "黄斌", "origin": None, "origin_title": None,
                 "posts": [{"title": "石渠县委常委、副县长", "place": "石渠县", "since": None,
                            "until": None}],
                 "honours": [], "mentions": _mentions(TEXT_B, "黄斌")}],
        amounts=[_fact(TEXT_B, "3000万元", value=30000000, currency="CNY", qualifier=None,
                       relevant=True, purpose="帮扶资金", year=2020)],
        poverty_figures=[_fact(TEXT_B, "贫困发生率降至0", metric="incidence_rate", value=0,
                               unit="%", place="石渠县", year=2020, qualifier=None)],
        pairings=[_fact(TEXT_B, "深圳市南山区援建的学校", helper="南山区", recipient="石渠县",
                        helper_adcode="440305", recipient_adcode="513332", kind="援建")],
    )
    c = _record(
        "hm-c", "2020-01-01", TEXT_C,
        counties=[_county(TEXT_C, "泸水市", "533301", "recipient", 2, "云南省", "怒江傈僳族自治州"),
                  _county(TEXT_C, "思明区", "350203", "helper", 1, "福建省", "厦门市")],
        persons=[{"name": "黄斌", "role": "cadre", "mentions": _mentions(TEXT_C, "黄斌")}],
        cadres=[{"name": "黄斌", "origin": None, "origin_title": None,
                 "posts": [{"title": "泸水市扶贫办主任", "place": "泸水市", "since": None,
                            "until": None}],
                 "honours": [], "mentions": _mentions(TEXT_C, "黄斌")}],
        amounts=[_fact(TEXT_C, "500万元", value=5000000, currency="CNY", qualifier=None,
                       relevant=True, purpose="帮扶资金", year=2020)],
        pairings=[_fact(TEXT_C, "厦门市思明区结对帮扶泸水市", helper="思明区", recipient="泸水市",
                        helper_adcode="350203", recipient_adcode="533301", kind="结对帮扶")],
    )
    return [a, b, c]
