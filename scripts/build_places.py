#!/usr/bin/env python3
"""Build ``rules/places_admin.tsv``: the province, prefecture and county names that the
evaluator's place canonicaliser needs (extractor/evaluate.py), from the official code
lists in ``../shared/data/admin-divisions`` (NBS 2023, see its SOURCE.md).

The TSV is committed, so the evaluator works without ``../shared``; rerun this script
only when the code lists change:

    python scripts/build_places.py [ADMIN_DIVISIONS_DIR]

Columns: ``code`` (2, 4 or 6 digits), ``level`` (province | prefecture | county),
``name`` (official full name), ``short`` (the name without its generic suffix, e.g.
深圳市 → 深圳, 甘孜藏族自治州 → 甘孜, 塔什库尔干塔吉克自治县 → 塔什库尔干; empty when the
suffix cannot be dropped safely).
"""
from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SRC = REPO.parent / "shared" / "data" / "admin-divisions"
OUT = REPO / "rules" / "places_admin.tsv"

# The 55 officially recognised minority nationalities (plus 汉), as they appear in the
# names of autonomous units (维吾尔自治区, 塔什库尔干塔吉克自治县, 湘西土家族苗族自治州).
ETHNIC = """蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲
高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米
塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺
汉""".split()
_multi = sorted((e for e in ETHNIC if len(e) > 1), key=len, reverse=True)
_single = [e for e in ETHNIC if len(e) == 1]
# A trailing run of nationality names: multi-character ones with or without 族,
# single-character ones only with 族 (白族, 土族), and 各族.
ETHNIC_TAIL = re.compile(
    "(?:(?:" + "|".join(_multi) + ")族?|(?:" + "|".join(_single) + ")族|各族)+$")

PROVINCE_SUFFIXES = ("特别行政区", "自治区", "省", "市")
PREFECTURE_SUFFIXES = ("自治州", "地区", "盟", "市")
COUNTY_SUFFIXES = ("自治县", "自治旗", "林区", "特区", "县", "区", "市", "旗")
SKIP = ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划")


def short_form(name: str, suffixes: tuple[str, ...]) -> str:
    """The name without its generic suffix and nationality names, or '' if too short."""
    for suffix in suffixes:
        if name.endswith(suffix) and len(name) > len(suffix):
            stem = name[: -len(suffix)]
            if suffix.startswith("自治"):
                bare = ETHNIC_TAIL.sub("", stem)
                stem = bare if len(bare) >= 2 else stem  # 内蒙古自治区 → 内蒙古
            return stem if len(stem) >= 2 else ""
    return ""


def build(src: Path) -> list[tuple[str, str, str, str]]:
    rows: list[tuple[str, str, str, str]] = []
    with open(src / "provinces.csv", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            rows.append((r["code"], "province", r["name"], short_form(r["name"], PROVINCE_SUFFIXES)))
    with open(src / "cities.csv", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["name"] in SKIP:
                continue
            rows.append((r["code"], "prefecture", r["name"], short_form(r["name"], PREFECTURE_SUFFIXES)))
    with open(src / "areas.csv", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["name"] in SKIP:
                continue
            rows.append((r["code"], "county", r["name"], short_form(r["name"], COUNTY_SUFFIXES)))
    return rows


def main(argv: list[str]) -> int:
    src = Path(argv[0]) if argv else DEFAULT_SRC
    if not (src / "areas.csv").is_file():
        print(f"no code lists in {src}", file=sys.stderr)
        return 1
    rows = build(src)
    with open(OUT, "w", encoding="utf-8", newline="") as f:
        f.write("# Built by scripts/build_places.py from ../shared/data/admin-divisions "
                "(NBS 2023 code lists); do not edit by hand.\n")
        f.write("code\tlevel\tname\tshort\n")
        for row in rows:
            f.write("\t".join(row) + "\n")
    print(f"wrote {len(rows)} rows to {OUT.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
