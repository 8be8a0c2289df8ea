"""Place names by the unit's own official name (深圳市宝安区 → 宝安区, 深圳 → 深圳市):
the one canonicalisation shared by the evaluator and the stages that name places.

Data: ``rules/places_admin.tsv``, built from the official code lists by
``scripts/build_admin_tables.py``.
"""
from __future__ import annotations

import re
from collections import defaultdict
from functools import cache
from typing import Any, Iterable, Optional

from ..rules import alternation, load_tsv, load_yaml


PLACES_FILE = "places_admin.tsv"
_LEVEL_RANK = {"province": 0, "prefecture": 1, "county": 2}
_SPACE = re.compile(r"\s+")
_BRACKETS = str.maketrans({"（": "(", "）": ")", "【": "[", "】": "]", "〔": "[", "〕": "]",
                           "・": "·", "•": "·", "‧": "·", "．": "·"})


class _Places:
    """Official names, their short forms, and the parent names that may prefix them."""

    def __init__(self, rows: Iterable[tuple[str, str, str]], autonomous_suffixes: tuple[str, ...] = ()):
        self.full: dict[str, int] = {}           # full name → best (lowest) level rank
        shorts: dict[str, dict[str, int]] = defaultdict(dict)
        self.parents: set[str] = set()           # province / prefecture names and short forms
        for level, name, short in rows:
            rank = _LEVEL_RANK.get(level, 2)
            self.full[name] = min(rank, self.full.get(name, 9))
            if short and short != name:
                shorts[short][name] = min(rank, shorts[short].get(name, 9))
                # 甘孜州 = 甘孜藏族自治州, 石柱县 = 石柱土家族自治县, 鄂伦春旗 = 鄂伦春自治旗
                for suffix in autonomous_suffixes:
                    if name.endswith(suffix):
                        alias = short + suffix[-1]
                        shorts[alias][name] = min(rank, shorts[alias].get(name, 9))
                        if rank < 2:
                            self.parents.add(alias)
            if rank < 2:
                self.parents.add(name)
                if short:
                    self.parents.add(short)
        # A short form names one unit; when several share it, the highest level wins if it
        # is unique there (阿坝 → 阿坝藏族羌族自治州, not 阿坝县); else it stays ambiguous.
        self.short: dict[str, str] = {}
        for short, names in shorts.items():
            if short in self.full:
                continue  # 吉林 is not a unit's full name, but e.g. 城区 is: keep full names
            best = min(names.values())
            top = [n for n, r in names.items() if r == best]
            if len(top) == 1:
                self.short[short] = top[0]
        self.max_parent = max((len(p) for p in self.parents), default=0)

    def known(self, s: str) -> Optional[str]:
        """The official name ``s`` denotes, stripping leading parent names; None if unknown."""
        if s in self.full:
            return s
        if s in self.short:
            return self.short[s]
        for k in range(min(len(s) - 1, self.max_parent), 1, -1):
            if s[:k] in self.parents:
                found = self.known(s[k:])
                if found:
                    return found
        return None

    def strip_parents(self, s: str) -> str:
        """Drop leading province/prefecture names (深圳市南山区桃源街道 → 南山区桃源街道)."""
        changed = True
        while changed:
            changed = False
            for k in range(min(len(s) - 2, self.max_parent), 1, -1):
                if s[:k] in self.parents:
                    was_short = s[:k] not in self.full
                    s = s[k:]
                    # a short form plus an old or informal suffix: 那曲|地区那曲县
                    m = _GENERIC_HEAD.match(s) if was_short else None
                    if m and len(s) - m.end() >= 2:
                        s = s[m.end():]
                    changed = True
                    break
        return s


_GENERIC_HEAD = re.compile(r"^(?:地区|自治州|州|盟|省|市)")
_UNIT_END = re.compile(r"(?:县|区|市|旗|州|盟|地区|林区|特区)$")
_FALLBACK_PARENT = re.compile(r"^(.{2,}?(?:特别行政区|自治区|自治州|地区|盟|省|市))(?=.{2,}(?:县|区|市|旗)$)")


@cache
def _region_aliases() -> dict[str, str]:
    """One policy region's other names → the name compared (rules/admin_names.yaml region_aliases)."""
    return dict(load_yaml("admin_names.yaml").get("region_aliases") or {})


@cache
def _zone_end() -> re.Pattern:
    """A name ending in a zone or a policy region that is not an administrative unit
    (rules/admin_names.yaml zone_suffixes, policy_region_suffixes)."""
    names = load_yaml("admin_names.yaml")
    return re.compile(f"(?:{alternation(names['zone_suffixes'] + names['policy_region_suffixes'])})$")


def places_table_present() -> bool:
    """Whether ``rules/places_admin.tsv`` could be read (else a suffix rule stands in)."""
    return _places() is not None


@cache
def _places() -> Optional[_Places]:
    try:
        rows = load_tsv(PLACES_FILE)
    except OSError:  # a trimmed install without the table: canonical_place falls back
        return None
    return _Places(((r.get("level") or "county", r.get("name") or "", r.get("short") or "")
                    for r in rows), tuple(load_yaml("admin_names.yaml")["autonomous_suffixes"]))


def clean_name(s: Any) -> str:
    """No white space, ASCII brackets and one middle dot (阿依古丽·买买提)."""
    if s is None:
        return ""
    return _SPACE.sub("", str(s)).translate(_BRACKETS)


def canonical_place(name: Any) -> Optional[str]:
    """A place name by the unit's own official name: 深圳市宝安区 → 宝安区, 深圳 → 深圳市.

    Names that are not places (organisations, 全国) come back cleaned but unchanged;
    None or an empty string gives None.
    """
    s = clean_name(name)
    if not s:
        return None
    s = _region_aliases().get(s, s)
    places = _places()
    if places is not None:
        found = places.known(s)
        if found:
            return found
    if _zone_end().search(s):
        return s  # a zone's name holds its parent: 天津港保税区 stays whole
    if places is not None:
        # A unit missing from the 2023 lists (那曲县, abolished): still drop its parents.
        bare = places.strip_parents(s)
        return bare if _UNIT_END.search(bare) else s
    # Without the data file: drop leading units that end in a parent-level suffix.
    while True:
        m = _FALLBACK_PARENT.match(s)
        if not m:
            return s
        s = s[m.end():]


def _origin_variants(origin: Any) -> set[str]:
    s = clean_name(origin)
    if not s:
        return set()
    out = {s, canonical_place(s) or s}
    places = _places()
    if places is not None:
        out.add(places.strip_parents(s))
    else:
        out.add(canonical_place(s) or s)
    return {v for v in out if v}


def origins_agree(gold: Any, pred: Any) -> bool:
    """Lenient origin comparison: both empty, or equal / containing after normalising."""
    g, p = _origin_variants(gold), _origin_variants(pred)
    if not g or not p:
        return not g and not p
    return any(a == b or a in b or b in a for a in g for b in p)


def _name(s: Any) -> str:
    return clean_name(s)
