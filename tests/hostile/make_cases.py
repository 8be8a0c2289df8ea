#!/usr/bin/env python3
"""The hostile-input suite's files: every case of ``expected.yaml`` built from a recipe
here, so large inputs need not be committed. Small cases are also committed under
``tests/hostile/cases/`` for reading; ``make_cases.py DIR`` writes them all to DIR.

Every text is written for this suite (no sentence of a news source is copied). The
"ordinary news" cases repeat the project's own seed articles in ``corpus/``.

    python tests/hostile/make_cases.py /tmp/hostile          # every case
    python tests/hostile/make_cases.py tests/hostile/cases --small   # the committed ones
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
#: Size of the long-line cases here (the scaling tests and bench/ go to 1 MB and more;
#: a batch keeps every record in memory as JSON, so the suite stays moderate).
LONG = 300 * 1000
#: Cases at most this big are committed; larger ones are generated at test time.
SMALL = 16_000
LINE = "石渠县是深圳市对口帮扶的贫困县。"     # a sentence of our own, with a county


def repeat(unit: str, size: int) -> str:
    """``unit`` repeated to about ``size`` bytes of UTF-8."""
    return unit * max(1, size // len(unit.encode("utf-8")))


def seeds_news(size: int) -> str:
    """Ordinary news: the project's seed articles, repeated to ``size`` bytes."""
    parts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "corpus").glob("*.txt"))]
    text = "\n".join(parts)
    return repeat(text + "\n", size)


def deep_json(depth: int) -> str:
    return "[" * depth + "]" * depth


KB = 1000
MB = 1000 * KB

# name → bytes. The suffix decides how `fupin run` reads the file.
RECIPES = {
    # --- time: long lines and many candidates (each must stay near-linear) ---------
    "time_money_commas.txt": lambda: repeat("投入1万元，", LONG),
    "time_money_spaces.txt": lambda: repeat("投入1万元 ", LONG),
    "time_money_years.txt": lambda: repeat("2019年投入1万元", LONG),
    "time_figures_commas.txt": lambda: repeat("脱贫100人，", LONG),
    "time_figures_no_punct.txt": lambda: repeat("贫困人口减少100人", LONG),
    "time_figures_rate_zero.txt": lambda: repeat("贫困发生率降至0", 500 * KB),
    "time_percent_words.txt": lambda: repeat("百分之", LONG),
    "time_county_shared_30k.txt": lambda: "鼓楼区" * 30_000,
    "time_county_with_parent.txt": lambda: repeat("福州市鼓楼区", LONG),
    "time_county_list.txt": lambda: repeat("石渠县、", LONG) + "等县脱贫摘帽。",
    "time_line_600kb_no_punct.txt": lambda: repeat("扶贫工作在石渠县开展资金投入", 2 * LONG),
    "time_spaces_1m.txt": lambda: "石渠县" + " " * 1_000_000 + "投入1万元。",
    "time_wide_spaces_1m.txt": lambda: "石渠县" + "\u3000" * 300_000 + "投入1万元。",
    "time_doctype_unclosed.html": lambda: "<p>正文</p>" + "<!DOCTYPE" * 100_000,
    "time_comment_unclosed.html": lambda: "<p>正文</p>" + "<!--" * 100_000,
    "time_script_unclosed.html": lambda: "<p>正文</p>" + "<script>" * 100_000,
    "time_script_closed_late.html": lambda: "<p>正文</p>" + "<script>" * 100_000 + "</style>",
    "time_cdata_unclosed.html": lambda: "<p>正文</p>" + "<![CDATA[" * 100_000,
    "time_tags_100k.html": lambda: "<p>" * 100_000 + LINE,
    "time_lt_100k.txt": lambda: "<" * 100_000 + LINE,
    "time_entities_100k.html": lambda: "<p>" + "&amp;" * 100_000 + "</p>",
    "time_mojibake_runs.txt": lambda: repeat("當?shù)", 500 * KB),
    "time_digits_1m.txt": lambda: "1" * 1_000_000 + "万元",
    "time_line_breaks.txt": lambda: repeat("扶贫开发\n\n", LONG),
    "time_news_20mb.txt": lambda: seeds_news(20 * MB),
    # --- limits ------------------------------------------------------------------------
    "limit_many_warnings.txt": lambda: repeat("投入3..5万元，", 400 * KB),
    "limit_over_5m_chars.txt": lambda: repeat("石渠县投入1万元。", 16 * MB),
    # --- numbers -----------------------------------------------------------------------
    "num_scientific.txt": lambda: "石渠县投入1e400万元，另投入300万元。",
    "num_scientific_upper.txt": lambda: "石渠县投入2.5E+8元，另投入300万元。",
    "num_huge_digits.txt": lambda: "石渠县投入" + "9" * 5000 + "万元，另投入300万元。",
    "num_huge_chinese.txt": lambda: "石渠县投入" + "九" * 3000 + "亿亿元，另投入300万元。",
    "num_huge_percent.txt": lambda: "贫困发生率为百分之" + "九" * 3000 + "，脱贫100人。",
    "num_many_multipliers.txt": lambda: "石渠县投入1" + "亿" * 2000 + "元，另投入300万元。",
    "num_decimal_long.txt": lambda: "石渠县投入0." + "1" * 5000 + "万元，另投入300万元。",
    # --- dates ---------------------------------------------------------------------------
    "date_impossible_meta.json": lambda: json.dumps(
        {"doc_id": "d1", "published": "2019-02-30", "text": LINE}, ensure_ascii=False),
    "date_impossible_month.json": lambda: json.dumps(
        {"doc_id": "d2", "published": "2019-13-01", "text": LINE}, ensure_ascii=False),
    "date_impossible_dateline.txt": lambda: "新华社成都2019年2月30日电 " + LINE,
    "date_year_zero.json": lambda: json.dumps(
        {"doc_id": "d3", "published": "0000-00-00", "text": LINE}, ensure_ascii=False),
    # --- invisible characters -----------------------------------------------------------
    "invisible_zwj_county.txt": lambda: "石\u200d渠县投入1万元。",
    "invisible_zwnj_county.txt": lambda: "石\u200c渠县投入1万元。",
    "invisible_word_joiner.txt": lambda: "石渠\u2060县投入1万元。",
    "invisible_soft_hyphen.txt": lambda: "石\u00ad渠县投入1万元。",
    "invisible_zwsp.txt": lambda: "石\u200b渠县投入1万元。",
    "invisible_bom_inside.txt": lambda: "第一段。\n\ufeff石渠\ufeff县投入1万元。",
    "invisible_bidi_marks.txt": lambda: "石\u200e渠县\u202a投入\u202c1万元。",
    # --- markup ----------------------------------------------------------------------------
    "markup_cdata.html": lambda: "<p>丹巴县投入1万元。</p><![CDATA[石渠县投入9万元]]>",
    "markup_nested_divs.html": lambda: "<div>" * 50_000 + LINE + "</div>" * 50_000,
    # --- encodings (bytes) ----------------------------------------------------------------
    "enc_utf16le_nobom.txt": lambda: (LINE * 3).encode("utf-16-le"),
    "enc_utf16be_nobom.txt": lambda: (LINE * 3).encode("utf-16-be"),
    "enc_utf16le_bom.txt": lambda: b"\xff\xfe" + (LINE * 3).encode("utf-16-le"),
    "enc_utf32_bom.txt": lambda: (LINE * 3).encode("utf-32"),
    "enc_gbk.txt": lambda: (LINE * 3).encode("gbk"),
    "enc_gbk.json": lambda: json.dumps({"doc_id": "gbk-json", "text": LINE},
                                       ensure_ascii=False).encode("gbk"),
    "enc_bom_then_gbk.txt": lambda: b"\xef\xbb\xbf" + (LINE * 3).encode("gbk"),
    "enc_mixed_gbk_utf8.txt": lambda: ("第一段是UTF-8写的，丹巴县投入1万元。\n".encode("utf-8")
                                       + "第二段是GBK写的，石渠县投入2万元。\n".encode("gbk")),
    "enc_big5.txt": lambda: "石渠縣是深圳市對口幫扶的貧困縣。".encode("big5"),
    "enc_truncated_utf8.txt": lambda: (LINE * 3).encode("utf-8")[:-1],
    "enc_latin1_html.html": lambda: "<p>Caf\u00e9 r\u00e9sum\u00e9 na\u00efve</p>".encode("latin-1"),
    "enc_binary.txt": lambda: bytes(range(256)) * 64,
    "enc_nul_bytes.txt": lambda: b"\x00" * 10_000,
    "enc_surrogate_text.json": lambda: '{"doc_id": "sur", "text": "石渠县\\ud800投入1万元。"}',
    "enc_surrogate_pair_split.jsonl": lambda: '{"doc_id": "sur2", "text": "\\udc00石渠县投入1万元。\\ud83d"}\n',
    "enc_astral.txt": lambda: "𠀀石渠县😀投入1万元。",
    "enc_control_chars.txt": lambda: "石渠县\x07投入\x1b1万元。\x0c",
    "enc_crlf.txt": lambda: (LINE + "\r\n") * 5,
    "enc_cr_only.txt": lambda: (LINE + "\r") * 5,
    # --- empty and odd shapes -----------------------------------------------------------
    "shape_empty.txt": lambda: b"",
    "shape_whitespace.txt": lambda: " \n\t\u3000\n" * 100,
    "shape_one_char.txt": lambda: "县",
    "shape_json_array.json": lambda: "[1, 2, 3]",
    "shape_json_no_text.json": lambda: '{"doc_id": "x", "title": "无正文"}',
    "shape_json_text_not_str.json": lambda: '{"doc_id": "x", "text": 12345}',
    "shape_jsonl_bad_line.jsonl": lambda: ('{"doc_id": "ok1", "text": "丹巴县投入1万元。"}\n'
                                           '{"doc_id": "bad", "text": \n'
                                           '{"doc_id": "ok2", "text": "石渠县投入2万元。"}\n'),
    # --- batch-level (the io engineer's part of issue 14) -----------------------------
    "batch_deep.json": lambda: deep_json(200_000),
    "batch_deep_line.jsonl": lambda: ('{"doc_id": "a", "text": "丹巴县投入1万元。"}\n'
                                      + deep_json(200_000) + "\n"
                                      + '{"doc_id": "b", "text": "石渠县投入2万元。"}\n'),
    "batch_surrogate_id.jsonl": lambda: '{"doc_id": "id\\ud800x", "text": "石渠县投入1万元。"}\n',
}


def build(name: str) -> bytes:
    data = RECIPES[name]()
    return data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass")


def write_all(folder: Path, small_only: bool = False) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in RECIPES:
        data = build(name)
        if small_only and len(data) > SMALL:
            continue
        path = folder / name
        path.write_bytes(data)
        written.append(path)
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "cases"
    for p in write_all(target, small_only="--small" in sys.argv):
        print(p)
