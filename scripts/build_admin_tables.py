#!/usr/bin/env python3
"""Build the administrative-division tables in ``rules/`` from the official code lists.

Input:  ``../shared/data/admin-divisions/`` (NBS 2023 code lists: provinces.csv,
        cities.csv, areas.csv; see SOURCE.md there), ``rules/admin_names.yaml`` (suffixes,
        nationality names, exclusions) and jieba's bundled dictionary (for ``weak``).
Output (committed; a test checks all four are current with this script):

- ``rules/gazetteer.tsv`` (the counties stage's matcher): one row per province, prefecture
  and county-level unit: adcode, name, level, province, prefecture, ``short`` (short forms,
  ``|``-separated: 丹巴县 → 丹巴; 都安瑶族自治县 → 都安, 都安县; 甘孜藏族自治州 → 甘孜, 甘孜州;
  广西壮族自治区 → 广西) and ``weak`` (short forms that are ordinary words: 南部, 合作, 通道 …,
  matched only with their suffix). Development zones are excluded.
- ``rules/places_admin.tsv`` (place-name canonicalisation, ``extractor.lexicon.places``):
  code (2, 4 or 6 digits), level, official name, one short form; development zones
  included, since an annotator may name one.
- ``rules/county_former_names.tsv`` (aliases for the gazetteer, after the hand-kept
  ``rules/county_aliases.tsv``): STEM县 for each district or county-level city STEM区/STEM市
  whose STEM县 the code list writes nowhere and whose stem is no other unit's, and STEM市 for
  each district STEM区 by the same rule, where STEM市 reads across no common word (the file's
  header gives the reason and the exclusions).
- ``rules/districtless_towns.tsv`` (the pairings stage's parties): the towns and street offices of
  each city with no county level between (东莞, 中山, 儋州, 嘉峪关), with the city's county-level
  code and how many townships elsewhere bear the same name (the header gives the reason).

Usage: python scripts/build_admin_tables.py [--source DIR] [--out DIR] [--check]
"""
from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from extractor.rules import jieba_dictionary, load_tsv, load_yaml  # noqa: E402

DEFAULT_SOURCE = REPO.parent / "shared" / "data" / "admin-divisions"
NAMES = load_yaml("admin_names.yaml")
NATIONALITIES = sorted(NAMES["nationalities"], key=len, reverse=True)


def read_csv(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


# ------------------------------------------------------------------ gazetteer.tsv

def strip_nationalities(stem: str) -> str:
    """塔什库尔干塔吉克 → 塔什库尔干; 双江拉祜族佤族布朗族傣族 → 双江; 东乡族 → 东乡."""
    original = stem
    names = NATIONALITIES + ["各"]
    while True:
        for eth in names:
            # a one-character nationality only with 族 (as _nationality_tail): 彭水苗族土家族 ends
            # in 水 (the 水 people) once 苗族土家族 is gone, but 彭水 is the place (彭县 is wrong)
            forms = (eth + "族",) if len(eth) == 1 else (eth + "族", eth)
            tail = next((t for t in forms if stem.endswith(t) and len(stem) > len(t)), None)
            if tail:
                stem = stem[: -len(tail)]
                break
        else:
            break
    if stem == original and original.endswith("族"):
        stem = original[:-1]          # 东乡族 (自治县): the nationality is the place name
    return stem


def gazetteer_short_forms(name: str, level: str) -> list[str]:
    out: list[str] = []
    for suffix in NAMES["suffixes"]["gazetteer"][level]:
        if name.endswith(suffix) and len(name) > len(suffix):
            stem = name[: -len(suffix)]
            if level != "province" and suffix.startswith("自治"):
                base = strip_nationalities(stem)
                out += [base, base + suffix[-1]]       # 都安, 都安县; 甘孜, 甘孜州
                if level == "county":
                    out.append(base + suffix)          # 石柱自治县, 莫力达瓦自治旗: the nationality left out
            else:
                out.append(stem)
            break
    return [s for s in dict.fromkeys(out) if len(s) >= 2 and s != name]


def is_weak(short: str, words: dict[str, tuple[int, str]]) -> bool:
    if short not in words:
        return False
    freq, tag = words[short]
    if tag == "ns":
        return freq >= NAMES["weak_place_min_freq"]
    if tag in NAMES["proper_tags"]:
        return freq >= NAMES["weak_proper_min_freq"]
    return freq >= NAMES["weak_min_freq"]


def gazetteer_rows(source: Path) -> list[dict]:
    provinces = {r["code"]: r["name"] for r in read_csv(source / "provinces.csv")}
    cities = {r["code"]: r for r in read_csv(source / "cities.csv")}
    not_prefecture = set(NAMES["not_prefectures"])
    exclude = {str(code) for code in NAMES["gazetteer_exclude"]}
    rows: list[dict] = []
    for code, name in provinces.items():
        rows.append({"adcode": code + "0000", "name": name, "level": "province",
                     "province": name, "prefecture": "",
                     "short": gazetteer_short_forms(name, "province")})
    for code, city in cities.items():
        if city["name"] in not_prefecture:
            continue
        rows.append({"adcode": code + "00", "name": city["name"], "level": "prefecture",
                     "province": provinces[city["provinceCode"]], "prefecture": city["name"],
                     "short": gazetteer_short_forms(city["name"], "prefecture")})
    for area in read_csv(source / "areas.csv"):
        code = area["code"]
        if code in exclude or code[4] == "7":         # 7x: development zones
            continue
        city = cities[area["cityCode"]]
        prefecture = "" if city["name"] in not_prefecture else city["name"]
        rows.append({"adcode": code, "name": area["name"], "level": "county",
                     "province": provinces[area["provinceCode"]], "prefecture": prefecture,
                     "short": gazetteer_short_forms(area["name"], "county")})
    rows.sort(key=lambda r: r["adcode"])
    return rows


def render_gazetteer(source: Path) -> str:
    words = {w: (freq, tag) for w, freq, tag in jieba_dictionary() if tag is not None}
    out = io.StringIO()
    out.write("# Generated by scripts/build_admin_tables.py from ../shared/data/admin-divisions "
              "(NBS 2023). Do not edit: change the script or rules/county_aliases.tsv.\n")
    out.write("# short: short forms (|); weak: short forms that are ordinary words and need "
              "their suffix (jieba dictionary).\n")
    out.write("adcode\tname\tlevel\tprovince\tprefecture\tshort\tweak\n")
    for r in gazetteer_rows(source):
        weak = [s for s in r["short"] if is_weak(s, words)]
        out.write("\t".join([r["adcode"], r["name"], r["level"], r["province"], r["prefecture"],
                             "|".join(r["short"]), "|".join(weak)]) + "\n")
    return out.getvalue()


# ------------------------------------------------------------------ county_former_names.tsv

FORMER_NAMES_HEADER = """\
# Generated by scripts/build_admin_tables.py from ../shared/data/admin-divisions (NBS 2023),
# rules/county_aliases.tsv and rules/counties.yaml. Do not edit: change the script, or add a
# hand-kept row to rules/county_aliases.tsv (hand-kept rows win: a generated alias is left out
# when the hand-kept file has the same surface).
# Why: most districts and county-level cities were counties until recently (孟津县 → 孟津区 2021,
# 茌平县 → 茌平区 2019, 南和县 → 南和区 2020, 海伦县 → 海伦市 1989), and older articles and web pages
# write them by the county name they had then. A unit named STEM区 or STEM市 today whose STEM县 the
# code list writes nowhere gets STEM县 as an alias: an alias fires only where a text writes STEM县,
# so a district that never was a county costs nothing.
# Left out: stems of one character (滦县, hand-kept); a stem that is another unit's too (as a
# county, district, city, prefecture or province, or any unit's short form: 淮安县 could be 淮安区
# or 淮安市); STEM县 that is an official name or short form today (东山县, 江城县), a hand-kept
# alias, or a false-hit surface of rules/counties.yaml; a stem of rules/admin_names.yaml
# former_name_exclude (a word that STEM县 reads across: 振兴县域经济, 结对合作县).
# Then STEM市 for each district STEM区 that was a county-level city (江都市 → 江都区 2011, 萧山市 → 萧山区
# 2001, 蓬莱市 → 蓬莱区 2020), by the same rule, and not where STEM市 reads across a common word ending
# in 市 (rules/admin_names.yaml former_city_word_ends: 地级以上城市 reads 上城市; former_city_stem_starts:
# 上海市南市区 reads 市南市) unless jieba's dictionary lists STEM市 as a word, a name (双城市, 阿城市:
# former_city_word_attested, but not former_city_not_attested's 新都市).
# alias: the surface; adcode: today's unit; name: today's name.
"""


def gazetteer_surfaces(rows: list[dict]) -> set[str]:
    """Every name and short form the gazetteer's rows write (what a generated alias must not be)."""
    return {r["name"] for r in rows} | {short for r in rows for short in r["short"]}


def former_name_rows(source: Path) -> list[tuple[str, str, str]]:
    """(STEM县, adcode, today's name) per district or county-level city, then (STEM市, adcode,
    today's name) per district, by the rule of FORMER_NAMES_HEADER."""
    rows = gazetteer_rows(source)
    excluded = set(NAMES["former_name_exclude"])
    surfaces = gazetteer_surfaces(rows)
    owners: dict[str, int] = {}
    for r in rows:
        for short in set(r["short"]):
            owners[short] = owners.get(short, 0) + 1
    hand = {r["alias"] for r in load_tsv("county_aliases.tsv")}
    # STEM市 that jieba's dictionary lists as a word is a name there (增城市), never a reading across a word
    dictionary = {word for word, _, _ in jieba_dictionary()} if NAMES.get("former_city_word_attested") else set()
    not_attested = set(NAMES.get("former_city_not_attested", {}))
    false_hits = {fh["surface"] for fh in load_yaml("counties.yaml").get("false_hits", [])}
    # (today's suffixes, the former suffix, stem ends and stem starts that read across a common word)
    renamings = [(tuple(NAMES["former_name_today_suffixes"]), NAMES["former_name_suffix"], (), ()),
                 ((NAMES["former_city_today_suffix"],), NAMES["former_city_suffix"],
                  tuple(NAMES["former_city_word_ends"]), tuple(NAMES["former_city_stem_starts"]))]
    out = []
    for today_suffixes, former_suffix, word_ends, stem_starts in renamings:
        for r in rows:
            name = r["name"]
            suffix = next((x for x in today_suffixes if name.endswith(x)), None)
            if r["level"] != "county" or suffix is None or name.endswith("自治区"):
                continue
            stem = name[:-len(suffix)]
            alias = stem + former_suffix
            if len(stem) < 2 or owners.get(stem, 0) > 1 or alias in surfaces or alias in hand \
                    or alias in false_hits or stem in false_hits or stem in excluded \
                    or (stem.endswith(word_ends) and (alias not in dictionary or stem in not_attested)) \
                    or stem.startswith(stem_starts):
                continue
            out.append((alias, r["adcode"], name))
    return out


def _render_rows(header: str, columns: tuple[str, ...], rows) -> str:
    """A generated TSV file: its comment header, the column line, then one line per row."""
    out = io.StringIO()
    out.write(header)
    out.write("\t".join(columns) + "\n")
    for row in rows:
        out.write("\t".join(row) + "\n")
    return out.getvalue()


def render_former_names(source: Path) -> str:
    return _render_rows(FORMER_NAMES_HEADER, ("alias", "adcode", "name"), former_name_rows(source))


# ------------------------------------------------------------------ places_admin.tsv

def _nationality_tail() -> re.Pattern:
    """A trailing run of nationality names: multi-character ones with or without 族,
    single-character ones only with 族 (白族, 土族), and 各族."""
    multi = [e for e in NATIONALITIES if len(e) > 1]
    single = [e for e in NATIONALITIES if len(e) == 1]
    return re.compile("(?:(?:" + "|".join(multi) + ")族?|(?:" + "|".join(single) + ")族|各族)+$")


def places_short_form(name: str, level: str, tail: re.Pattern) -> str:
    """The name without its generic suffix and nationality names, or '' if too short."""
    for suffix in NAMES["suffixes"]["places"][level]:
        if name.endswith(suffix) and len(name) > len(suffix):
            stem = name[: -len(suffix)]
            if suffix.startswith("自治"):
                bare = tail.sub("", stem)
                stem = bare if len(bare) >= 2 else stem  # 内蒙古自治区 → 内蒙古
            return stem if len(stem) >= 2 else ""
    return ""


def render_places(source: Path) -> str:
    tail = _nationality_tail()
    skip = set(NAMES["not_prefectures"])
    rows = [(r["code"], "province", r["name"]) for r in read_csv(source / "provinces.csv")]
    rows += [(r["code"], "prefecture", r["name"]) for r in read_csv(source / "cities.csv")
             if r["name"] not in skip]
    rows += [(r["code"], "county", r["name"]) for r in read_csv(source / "areas.csv")
             if r["name"] not in skip]
    out = io.StringIO()
    out.write("# Built by scripts/build_admin_tables.py from ../shared/data/admin-divisions "
              "(NBS 2023 code lists); do not edit by hand.\n")
    out.write("code\tlevel\tname\tshort\n")
    for code, level, name in rows:
        out.write("\t".join((code, level, name, places_short_form(name, level, tail))) + "\n")
    return out.getvalue()

# ------------------------------------------------------------------ districtless_towns.tsv

DISTRICTLESS_HEADER = """\
# Generated by scripts/build_admin_tables.py from ../shared/data/admin-divisions (NBS 2023) and
# rules/admin_names.yaml (districtless_*). Do not edit: change the script or the yaml.
# Why: a city with no county level between it and its towns (东莞, 中山, 儋州, 嘉峪关: its only
# county-level row is the city itself) writes its towns alone where another city writes a district
# (由火炬开发区、石岐区、东区、小榄镇分别结对…; 凤岗镇党委书记…率凤岗镇党政代表团赴…德江县): the town is
# the party, named as written (gold/README W15), and the city's code is its key. A town name alone
# is ambiguous elsewhere, so only these cities' towns are listed.
# name: as written (a street office STEM街道 also as STEM区, or STEM if it ends in 区, form former, where no gazetteer unit
# writes STEM区, and none shorter than 3 characters: 南区 reads inside 西南区域; form former_shared where STEM区 is
# a unit's full name the counties stage reads only after its parent, rules/counties.yaml needs_parent: 中山's 东区
# and 西区, 攀枝花's districts' names, read where the article names the city), and the town group it leads as
# STEM组团 (form group: 虎门组团); official: the code list's name; county: the city's county-level code (the key);
# city: its name; namesakes: the county-level codes of other townships of the same name (|), whose
# articles write the same name for another place.
"""


def districtless_town_rows(source: Path) -> list[tuple[str, str, str, str, str, str]]:
    """(name, form, official, county code, city, namesakes' county codes) per town of each
    districtless city, by the rule of DISTRICTLESS_HEADER."""
    cities = {r["code"]: r["name"] for r in read_csv(source / "cities.csv")}
    own: dict[str, str] = {}            # county-level code → city name, for districtless cities
    by_city: dict[str, list[dict]] = {}
    for area in read_csv(source / "areas.csv"):
        by_city.setdefault(area["cityCode"], []).append(area)
    for code, areas in by_city.items():
        if len(areas) == 1 and areas[0]["name"] == cities.get(code):
            own[areas[0]["code"]] = areas[0]["name"]
    streets = read_csv(source / "streets.csv")
    counties_of: dict[str, set[str]] = {}
    for st in streets:
        counties_of.setdefault(st["name"], set()).add(st["areaCode"])
    endings = tuple(NAMES["districtless_town_endings"])
    street_end, former = NAMES["districtless_street_ending"], NAMES["districtless_street_former_suffix"]
    rows = gazetteer_rows(source)
    surfaces = gazetteer_surfaces(rows)
    # a unit's full name the counties stage reads only after its parent (东区, 西区 of 攀枝花) is free
    # for a street office's former name, read where the article names the city
    needs_parent = set(load_yaml("counties.yaml")["needs_parent"])
    codes_of: dict[str, set[str]] = {}
    for r in rows:
        if r["name"] in needs_parent:
            codes_of.setdefault(r["name"], set()).add(r["adcode"])
    out = []
    for st in streets:
        city = own.get(st["areaCode"])
        name = st["name"]
        if city is None or not name.endswith(endings):
            continue
        namesakes = "|".join(sorted(counties_of[name] - {st["areaCode"]}))
        out.append((name, "official", name, st["areaCode"], city, namesakes))
        stem = next(name[:-len(e)] for e in endings if name.endswith(e))
        if len(stem) >= 2:
            out.append((stem + NAMES["districtless_group_suffix"], "group", name, st["areaCode"], city, ""))
        if name.endswith(street_end):
            stem = name[:-len(street_end)]
            written = stem if stem.endswith(former) else stem + former   # 东区街道 was 东区
            if written not in surfaces and written not in counties_of \
                    and len(written) >= NAMES["districtless_name_min"]:
                out.append((written, "former", name, st["areaCode"], city, ""))
            elif written in codes_of and written not in counties_of:
                out.append((written, "former_shared", name, st["areaCode"], city, "|".join(sorted(codes_of[written]))))
    return out


def render_districtless_towns(source: Path) -> str:
    return _render_rows(DISTRICTLESS_HEADER, ("name", "form", "official", "county", "city", "namesakes"),
                        districtless_town_rows(source))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    ap.add_argument("--out", type=Path, default=REPO / "rules")
    ap.add_argument("--check", action="store_true", help="exit 1 if the files are out of date")
    args = ap.parse_args(argv)
    if not (args.source / "areas.csv").is_file():
        print(f"no code lists in {args.source}", file=sys.stderr)
        return 2
    # Imported here, not at the top: the tests load this file alone for render() (scripts/ is
    # on the path only when the script runs).
    from shipped_files import write_or_check
    return write_or_check({args.out / "gazetteer.tsv": render_gazetteer(args.source),
                           args.out / "places_admin.tsv": render_places(args.source),
                           args.out / "county_former_names.tsv": render_former_names(args.source),
                           args.out / "districtless_towns.tsv": render_districtless_towns(args.source)},
                          args.check)


if __name__ == "__main__":
    sys.exit(main())
