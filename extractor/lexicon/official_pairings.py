"""Official pairings: who a programme's public documents assign to help whom (东西部扶贫协作, 对口支援
新疆/西藏/青海/四省藏区, 携手奔小康 …), as knowledge the texts assume rather than state.

Data: ``rules/official_pairings.tsv`` (built by hand from the documents each row names; its header
says how). Every row resolves to today's units of ``rules/gazetteer.tsv`` by adcode, and the name
written must be that unit's name: a table that drifts from the code list fails at load.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Optional

from ..rules import Folder, load_tsv
from .gazetteer import Unit, gazetteer

PAIRINGS_FILE = "official_pairings.tsv"


@dataclass(frozen=True)
class OfficialPair:
    helper: Unit
    recipient: Unit
    programme: str
    years: str


class OfficialPairings:
    """The table, and whether two units are officially paired: each side equal to a row's side or
    lying inside it (浦东新区 → 莎车县 lies inside 上海市 → 喀什地区; 上海市 → 莎车县 is a row)."""

    def __init__(self, folder: Folder = None) -> None:
        units = gazetteer(folder).units
        self.rows: list[OfficialPair] = []
        for row in load_tsv(PAIRINGS_FILE, folder):
            sides = []
            for side in ("helper", "recipient"):
                unit = units.get(row[f"{side}_adcode"])
                if unit is None or unit.name != row[side]:
                    raise ValueError(f"{PAIRINGS_FILE}: {row[side]} is not the unit "
                                     f"{row[f'{side}_adcode']} ({unit.name if unit else 'no such code'})")
                sides.append(unit)
            self.rows.append(OfficialPair(sides[0], sides[1], row["programme"], row["years"]))
        self._pairs = frozenset((p.helper.adcode, p.recipient.adcode) for p in self.rows)
        self._helpers = frozenset(p.helper.adcode for p in self.rows)
        self._units = units

    def _with_parents(self, adcode: str) -> tuple[str, ...]:
        unit = self._units.get(adcode)
        return (adcode,) + unit.parents if unit is not None else (adcode,)

    def paired(self, helper: Optional[str], recipient: Optional[str]) -> bool:
        """Whether the units of these adcodes are (or lie inside) an official pair, helper first."""
        if not helper or not recipient:
            return False
        return any((h, r) in self._pairs for h in self._with_parents(helper)
                   for r in self._with_parents(recipient))

    def direction(self, a: Optional[str], b: Optional[str]) -> Optional[tuple[str, str]]:
        """(helper, recipient) when exactly one order of the two units is officially paired."""
        ab, ba = self.paired(a, b), self.paired(b, a)
        if ab == ba:
            return None
        return (a, b) if ab else (b, a)

    def is_helper_side(self, adcode: Optional[str]) -> bool:
        """Whether the unit (or a parent) helps in some official pair."""
        return bool(adcode) and any(c in self._helpers for c in self._with_parents(adcode))


def official_pairings(folder: Folder = None) -> OfficialPairings:
    """The table of a rules folder, loaded once per process (read-only after)."""
    return _official_pairings_of(folder)


@cache
def _official_pairings_of(folder: Folder) -> OfficialPairings:
    return OfficialPairings(folder)
