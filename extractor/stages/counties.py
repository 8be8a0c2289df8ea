"""Counties stage (SPEC 2): every county-level unit the article names, resolved to its adcode.

1. Match every gazetteer surface on characters (``gazetteer.find``), with the false-hit
   guards of ``rules/counties.yaml``.
2. Sort the hits: provinces and prefectures are context; a bare short form that a prefecture
   shares with a county (阿坝, 玉树, 哈密) is the prefecture.
3. A name that several counties share (南山区, 鼓楼区, 朝阳) is resolved from the article:
   parent written right before, parent named in the sentence or the article, other
   counties of the same prefecture. No clear winner → adcode null and a warning.
4. Role per mention from the cue lists, then one role per county.
"""
from __future__ import annotations

import re
from bisect import bisect_left

import regex
from dataclasses import dataclass, field
from functools import cache
from typing import Mapping, Optional

from ..article import Article
from ..frozen import cached_property
from ..lexicon.gazetteer import Gazetteer, Hit, Unit, gazetteer
from ..record import County, Mention, NamedPlace
from ..rules import Folder, plain_pattern, words_pattern
from ..text.clauses import ClauseMarks, clause_bounded, clause_marks
from ..text.programme_meetings import programme_meeting


@dataclass
class _Mention:
    hit: Hit
    units: list[Unit]                   # county candidates
    unit: Optional[Unit] = None         # resolved
    role: str = "other"


def find_counties(text: str, rules: CountyRules | None = None,
                  sentence_of=None, warnings: list[str] | None = None,
                  context: list[tuple[Hit, Unit]] | None = None) -> list[_Mention]:
    """County mentions of ``text`` with their resolved unit (or None when ambiguous).
    ``context``, when given, receives the provinces and prefectures named."""
    rules = rules or load_rules()
    gaz = rules.gazetteer
    if context is None:
        context = []                              # provinces/prefectures named
    mentions: list[_Mention] = []
    readings = rules.surface_readings
    for h in gaz.find(text):
        reading = readings.get(h.text)
        if reading is None:
            reading = readings[h.text] = _surface_reading(h.forms)
        counties, higher = reading
        if higher:
            context.extend((h, u) for u in higher)
        elif counties:
            mentions.append(_Mention(h, list(counties)))
    _resolve(text, rules, mentions, context, sentence_of, warnings)
    return mentions


def _surface_reading(forms) -> tuple[tuple[Unit, ...], tuple[Unit, ...]]:
    """(the county units a surface names, the higher units it names instead): what a hit of
    the surface is, read from its forms alone (remembered per surface in
    ``CountyRules.surface_readings``: ≈ 4,800 hits of a few hundred surfaces a real-news pass)."""
    counties = [f.unit for f in forms if f.unit.level == "county"]
    if len(counties) > 1:
        # one unit once, though two of its forms share the surface (赣县: short form of
        # 赣县区 and the renamed county's alias; twice it read as two candidates, "ambiguous")
        counties = list({u.adcode: u for u in counties}.values())
    higher = [f.unit for f in forms if f.unit.level != "county"]
    if higher:
        # a bare form or full name shared with a prefecture/province is the prefecture
        # (阿坝, 玉树, 哈密); a county's full name or alias beats a higher unit's short form
        county_named = any(f.unit.level == "county" and f.kind in ("full", "alias")
                           for f in forms)
        higher_full = any(f.kind in ("full", "alias", "pair")
                          for f in forms if f.unit.level != "county")
        if not county_named or higher_full:
            return (), tuple(higher)
    return tuple(counties), ()


class _ArticleEvidence:
    """What the article says about where its county names are: the provinces and
    prefectures it names, and the counties it writes in full."""

    def __init__(self, text: str, rules: CountyRules, mentions: list[_Mention],
                 context: list[tuple[Hit, Unit]], sentence_of) -> None:
        self.rules = rules
        self.text = text
        self.weights = rules.evidence
        self.context = context
        self.sentence_of = sentence_of
        self.named = {u.adcode for _, u in context}
        self.listed: set[int] = set()   # bare short forms in a list of county names
        # names that need their parent, in a list beside full names: those names' prefectures
        self.listed_prefectures: dict[int, set[str]] = {}
        self.named_events: set[int] = set()   # bare short forms naming an event (汶川地震)
        # counties written in full (or by alias) somewhere in the article
        # (not names that are ordinary words without their parent: 解放区 is the liberated areas)
        needs_parent = rules.gazetteer.needs_parent
        self.written = {u.adcode for m in mentions
                        if not m.hit.bare and m.hit.text not in needs_parent for u in m.units}
        # Where each province/prefecture is named (starts and ends, sorted), so "is the
        # parent right before / in this sentence" is a bisection, not a scan of every
        # context hit for every mention (quadratic in an article naming both many times).
        self._starts: dict[str, list[int]] = {}
        self._ends: dict[str, list[int]] = {}
        for h, cu in context:
            self._starts.setdefault(cu.adcode, []).append(h.start)
            self._ends.setdefault(cu.adcode, []).append(h.end)
        for positions in (*self._starts.values(), *self._ends.values()):
            positions.sort()
        # the provinces/prefectures that end at each position (广东茂名|滨海新区)
        self._ending_at: dict[int, set[str]] = {}
        for h, cu in context:
            self._ending_at.setdefault(h.end, set()).add(cu.adcode)

    @cached_property
    def _programme_ends(self) -> dict[str, list[int]]:
        """Where a programme word naming a province ends (援藏干部: 西藏), in text order.
        Read on first use: only a bare short form with no other confirmation asks, so most
        articles never scan for programme words."""
        ends: dict[str, list[int]] = {}
        if self.rules.province_programme_words is not None:
            for pm in self.rules.province_programme_words.finditer(self.text):
                ends.setdefault(self.rules.province_programme[pm.group()], []).append(pm.end())
        return ends

    def _named_between(self, table: dict[str, list[int]], adcodes, lo: int, hi: int) -> bool:
        """Whether one of ``adcodes`` has a position in [lo, hi]."""
        for adcode in adcodes:
            positions = table.get(adcode)
            if positions:
                i = bisect_left(positions, lo)
                if i < len(positions) and positions[i] <= hi:
                    return True
        return False

    def parent_adjacent(self, m: _Mention, u: Unit) -> bool:
        """A parent of ``u`` ends at most ``max_gap`` characters before the mention."""
        start = m.hit.start
        return self._named_between(self._ends, u.parents, start - self.weights["max_gap"], start)

    def parent_in_sentence(self, m: _Mention, u: Unit, parents: tuple[str, ...]) -> bool:
        s_start, s_end = self.sentence_of(m.hit.start)
        return self._named_between(self._starts, parents, s_start, s_end - 1)

    def confirmed(self, m: _Mention, u: Unit, weak: bool) -> bool:
        """A bare short form's unit is confirmed by its full name, its parent right before
        it, or (unless the form is an ordinary word) its parent named in the article or
        its province in the sentence."""
        if m.hit.text in self.rules.gazetteer.parent_not_enough:
            return False      # 四川南部: a direction after its parent; the county writes 南部县
        if u.adcode in self.written or self.parent_adjacent(m, u) or m.hit.start in self.listed \
                or m.hit.start in self.named_events:
            return True
        if m.hit.text in self.rules.gazetteer.standalone and len(m.units) == 1 \
                and not self.in_title(m):
            return True       # 搬迁到格尔木: known by the name alone (rules standalone_short_forms)
        if weak:
            return False
        if u.parents[0] in self.named:   # prefecture, or the province for 直辖 units
            return True
        province = (u.adcode[:2] + "0000",)
        if self.parent_in_sentence(m, u, province):
            return True
        start = m.hit.start   # 援藏干部江孜联络小组: 援藏 names 西藏 right before
        return self._named_between(self._programme_ends, province, start - self.rules.programme_word_gap, start)

    def other_parent_before(self, m: _Mention, u: Unit) -> bool:
        """A province or prefecture that is none of ``u``'s parents is written right before the
        mention (广东茂名滨海新区: Maoming's new zone, not Tianjin's 滨海新区)."""
        before = self._ending_at.get(m.hit.start)
        return bool(before) and not any(p in before for p in u.parents) and u.adcode not in before

    def in_title(self, m: _Mention) -> bool:
        """The mention stands inside a work's title (沪剧《敦煌女儿》: an opera, not the city),
        read back a bounded window."""
        lo = max(0, m.hit.start - self.rules.gazetteer.rules["title_window"])
        return self.text.rfind("《", lo, m.hit.start) > self.text.rfind("》", lo, m.hit.start)

    def score(self, m: _Mention, u: Unit, siblings: dict[str, set[str]]) -> int:
        ev = self.weights
        score = 0
        if self.parent_adjacent(m, u):
            score += ev["parent_adjacent"]
        if self.parent_in_sentence(m, u, u.parents):
            score += ev["parent_in_sentence"]
        if any(p in self.named for p in u.parents):
            score += ev["parent_in_article"]
        if u.prefecture and siblings.get(u.adcode[:4], set()) - {u.adcode}:
            score += ev["sibling_in_article"]
        return score


def _resolve(text: str, rules: CountyRules, mentions: list[_Mention],
             context: list[tuple[Hit, Unit]], sentence_of, warnings: list[str] | None) -> None:
    evidence = _ArticleEvidence(text, rules, mentions, context,
                                sentence_of or (lambda pos: (0, len(text))))
    bare_runs = list(_joined_runs(text, mentions, rules.lists.joiners, _bare_one_county))
    evidence.listed = _listed_short_forms(text, bare_runs, rules.lists)
    if sentence_of is not None:
        evidence.listed |= _sibling_short_forms(mentions, bare_runs, sentence_of, rules.lists)
    evidence.listed_prefectures = _listed_prefectures(text, mentions, rules)
    said_re, said_window = rules.said_county, rules.said_county_window
    right_confirms = rules.gazetteer.bare_right_names
    facility = rules.gazetteer.bare_right_facility
    township = rules.gazetteer.bare_right_township
    facility_word = rules.gazetteer.bare_right_facility_word
    evidence.named_events = {m.hit.start for m in mentions
                             if m.hit.bare and (text.startswith(right_confirms, m.hit.end)
                                                or text.startswith(facility.get(m.hit.text, ()), m.hit.end)
                                                or ((township.match(text, m.hit.end)
                                                     or facility_word.match(text, m.hit.end))
                                                    and not all(f.weak for f in m.hit.forms)) or (
                                 said_re is not None and len(m.units) == 1
                                 and said_re.match(text[m.hit.end:m.hit.end + said_window])))}
    _confirm_short_forms(evidence, mentions)
    mentions[:] = [m for m in mentions if m.units]
    for m in mentions:
        if len(m.units) == 1:
            m.unit = m.units[0]
    _resolve_shared_names(evidence, mentions, warnings)


def _joined_runs(text: str, mentions: list[_Mention], joiners, is_item=lambda m: True):
    """Runs of consecutive mentions that are items (``is_item``) with only a joiner (、, 和 …)
    between neighbours; a mention that is no item ends the run before it."""
    run: list[_Mention] = []
    for m in mentions:
        item = is_item(m)
        if item and run and text[run[-1].hit.end:m.hit.start] in joiners:
            run.append(m)
            continue
        if run:
            yield run
        run = [m] if item else []
    if run:
        yield run


def _bare_one_county(m: _Mention) -> bool:
    """A bare short form naming one county only: an item of the lists the two rules below read."""
    return m.hit.bare and len(m.units) == 1


def _listed_short_forms(text: str, bare_runs: list[list[_Mention]], rule: _ListRules) -> set[int]:
    """Positions of bare short forms that stand in a list of at least ``min_items`` bare short
    forms of counties (巴东、宁陕、元阳等贫困地区): each item names one county only, none is an
    ordinary word, and only a joiner stands between two items. A run of county names confirms
    each of them, as a parent written before would. ``bare_runs``: the article's runs of
    :func:`_bare_one_county` mentions (:func:`_joined_runs`)."""
    count_after = rule.count_after
    listed: set[int] = set()
    for run in bare_runs:
        # an ordinary word or a landform (峨眉山) is carried by the county names around it
        # (夹江、井研、犍为和峨眉山) but does not make a list
        items = sum(1 for r in run if not any(f.weak for f in r.hit.forms))
        if items >= rule.min_items or (
                items >= rule.count_after_min_items
                and count_after.match(text[run[-1].hit.end:run[-1].hit.end + rule.count_after_window])):
            listed.update(r.hit.start for r in run)   # 城口、巫溪两县: the count says they are counties
    return listed


def _sibling_short_forms(mentions: list[_Mention], bare_runs: list[list[_Mention]], sentence_of,
                         rule: _ListRules) -> set[int]:
    """Positions of bare short forms, each naming one county and none an ordinary word, where
    one sentence names at least ``siblings_in_sentence`` different counties of one prefecture
    apart (一个是大关，一个是镇雄: two counties of 昭通): the names vouch for each other. Names
    joined as a list (沽源、康保: a run of ``bare_runs`` longer than one) are left to the list
    rule and its counts."""
    if rule.siblings_in_sentence < 2:
        return set()
    in_list = {r.hit.start for run in bare_runs if len(run) > 1 for r in run}
    groups: dict[tuple[int, str], dict[str, list[int]]] = {}
    for m in mentions:
        if _bare_one_county(m) and not any(f.weak for f in m.hit.forms) and m.hit.start not in in_list:
            u = m.units[0]   # adcode[:4]: its prefecture (a 直辖市's or province's own counties too)
            key = (sentence_of(m.hit.start)[0], u.adcode[:4])
            groups.setdefault(key, {}).setdefault(u.adcode, []).append(m.hit.start)
    return {start for by_county in groups.values() if len(by_county) >= rule.siblings_in_sentence
            for starts in by_county.values() for start in starts}


def _listed_prefectures(text: str, mentions: list[_Mention], rules: CountyRules) -> dict[int, set[str]]:
    """For each name that needs its parent (市中区, 城区) standing in a list of county names
    joined only by joiners: the prefectures (adcode[:4]) that the list's full names belong to
    (（市中区、五通桥区、沙湾区）: the 市中区 of 乐山, beside its sibling districts)."""
    needs_parent = rules.gazetteer.needs_parent
    found: dict[int, set[str]] = {}
    for run in _joined_runs(text, mentions, rules.lists.joiners):
        if len(run) > 1 and any(r.hit.text in needs_parent for r in run):
            prefectures = {r.units[0].adcode[:4] for r in run if len(r.units) == 1
                           and not r.hit.bare and r.hit.text not in needs_parent}
            for r in run:
                if r.hit.text in needs_parent:
                    found[r.hit.start] = prefectures
    return found


def _confirm_short_forms(evidence: _ArticleEvidence, mentions: list[_Mention]) -> None:
    """Bare short forms count only when the article confirms them (SPEC 2: a short form
    counts when it is unambiguous in the article)."""
    rules = evidence.rules
    gaz, text = rules.gazetteer, evidence.text
    # 和县县委书记: a name that needs its parent is confirmed in the whole article by its own
    # office written right after it (rules needs_parent_own_office)
    own_office = {m.hit.text for m in mentions if m.hit.text in gaz.needs_parent
                  and text.startswith(gaz.own_office, m.hit.end)}
    for m in mentions:
        if m.hit.bare:
            weak = all(f.weak for f in m.hit.forms)
            m.units = [u for u in m.units if evidence.confirmed(m, u, weak)]
            if len(m.units) > 1:
                full = [u for u in m.units if u.adcode in evidence.written]
                if full:
                    m.units = full
            if len(m.units) > 1 and rules.bare_prefers_city:
                cities = [u for u in m.units if u.name == m.hit.text + "市"]
                if len(cities) == 1:
                    m.units = cities
        elif len(m.units) == 1 and evidence.other_parent_before(m, m.units[0]):
            m.units = []      # 广东茂名滨海新区: the name of a zone of the place before it
        elif m.hit.text in gaz.needs_parent and m.hit.text not in own_office:
            m.units = [u for u in m.units if evidence.parent_adjacent(m, u)
                       or u.adcode[:4] in evidence.listed_prefectures.get(m.hit.start, ())]
    # a bare short form the article confirms once names that county wherever else it stands
    # bare (祁阳, confirmed by 湖南省 in its first sentence, is 祁阳 two sentences on too)
    confirmed: dict[str, set[str]] = {}
    for m in mentions:
        if m.hit.bare and len(m.units) == 1:
            confirmed.setdefault(m.hit.text, set()).add(m.units[0].adcode)
    for m in mentions:
        if m.hit.bare and not m.units and len(confirmed.get(m.hit.text, ())) == 1 \
                and not all(f.weak for f in m.hit.forms) and not evidence.in_title(m):
            code = next(iter(confirmed[m.hit.text]))
            m.units = [u for f in m.hit.forms if (u := f.unit).adcode == code][:1]


def _resolve_shared_names(evidence: _ArticleEvidence, mentions: list[_Mention],
                          warnings: list[str] | None) -> None:
    """A name several units share (南山区, 鼓楼区): the unit with the most evidence, when
    it is the only one; else adcode null and a warning."""
    siblings: dict[str, set[str]] = {}
    for m in mentions:
        if m.unit is not None and m.unit.prefecture:
            siblings.setdefault(m.unit.adcode[:4], set()).add(m.unit.adcode)
    unresolved = []
    for m in mentions:
        if m.unit is not None:
            continue
        scores = [evidence.score(m, u, siblings) for u in m.units]
        top = max(scores)
        winners = [u for u, sc in zip(m.units, scores) if sc == top]
        if top > 0 and len(winners) == 1:
            m.unit = winners[0]
        else:
            unresolved.append(m)
    if not unresolved:
        return
    # a shared name whose unit the article names elsewhere, resolved (沈阳铁西区), is that unit at
    # its other mentions (“铁西三剑客”, with only 辽宁 around: 沈阳's, 鞍山's and 四平's 铁西区 are all
    # in 辽宁 or beside it), as a confirmed bare short form names its county wherever it stands;
    # when two of its candidates are named so, it stays open
    named = {m.unit.adcode for m in mentions if m.unit is not None}
    for m in unresolved:
        named_here = [u for u in m.units if u.adcode in named]
        if len(named_here) == 1:
            m.unit = named_here[0]
        if m.unit is None and warnings is not None:
            names = "、".join(f"{u.prefecture or u.province}{u.name}" for u in m.units)
            warnings.append(f"counties: {m.hit.text} at {m.hit.start} is ambiguous ({names}); "
                            "adcode left null")


# ---------------------------------------------------------------------------- roles

@dataclass(frozen=True)
class _RoleRules:
    """rules/counties.yaml's roles."""
    window: int
    not_help: tuple[str, ...]
    programme_meeting: regex.Pattern   # rules/programme_meetings.yaml, shared with the pairings stage
    not_cue_words: tuple[str, ...]
    helper_after: tuple[str, ...]
    recipient_after: tuple[str, ...]
    recipient_before: tuple[str, ...]
    helper_before: tuple[str, ...]
    helper_before_needs: tuple[str, ...]
    helper_before_needs_windows: int
    receiving: regex.Pattern
    helper_after_max_gap: int
    helper_before_max_gap: int
    clauses: ClauseMarks        # the window stays in the mention's clause (rules/clauses.yaml)

    # The cue lists as patterns, for where the nearest cue of a list stands (_first_cue,
    # _last_cue_end): one search instead of a substring test of each cue (≈ 20 a list) for
    # each of ≈ 1,300 county mentions a real-news pass. The lists before the name are
    # searched written backwards: the first cue of the reversed text ends last in the text.
    @cached_property
    def helper_after_cues(self) -> Optional[re.Pattern]:
        return _cues_pattern(self.helper_after)

    @cached_property
    def recipient_after_cues(self) -> Optional[re.Pattern]:
        return _cues_pattern(self.recipient_after)

    @cached_property
    def recipient_before_cues_reversed(self) -> Optional[re.Pattern]:
        return _cues_pattern(c[::-1] for c in self.recipient_before)

    @cached_property
    def helper_before_cues_reversed(self) -> Optional[re.Pattern]:
        return _cues_pattern(c[::-1] for c in self.helper_before)

    @classmethod
    def of(cls, r: dict, clauses: ClauseMarks, meeting: str) -> _RoleRules:
        return cls(
            window=r["window"], not_help=tuple(r["not_help"]), programme_meeting=plain_pattern(meeting),
            not_cue_words=tuple(r["not_cue_words"]), helper_after=tuple(r["helper_after"]),
            recipient_after=tuple(r["recipient_after"]), recipient_before=tuple(r["recipient_before"]),
            helper_before=tuple(r["helper_before"]), helper_before_needs=tuple(r["helper_before_needs"]),
            helper_before_needs_windows=r["helper_before_needs_windows"],
            receiving=plain_pattern(r["receiving"]), helper_after_max_gap=r["helper_after_max_gap"],
            helper_before_max_gap=r["helper_before_max_gap"], clauses=clauses)


def _cues_pattern(cues) -> Optional[re.Pattern]:
    """The cue words as one pattern (None for no cue: an empty alternation matches anywhere)."""
    cues = list(cues)
    return words_pattern(cues) if cues else None


#: :func:`_first_cue`'s answer for no cue after the name: farther than any window reaches
_NO_CUE_AFTER = 10 ** 6


def _first_cue(segment: str, cues: Optional[re.Pattern]) -> int:
    """Where the first cue in ``segment`` starts (_NO_CUE_AFTER for none): the leftmost match of
    the cues' alternation starts where the earliest-starting cue does."""
    m = cues.search(segment) if cues is not None else None
    return m.start() if m else _NO_CUE_AFTER


def _last_cue_end(segment: str, reversed_cues: Optional[re.Pattern]) -> int:
    """Where the cue in ``segment`` that ends last ends (-1 for none), by the leftmost match
    of the reversed cues in the reversed segment (a cue ending at e starts there at n - e)."""
    m = reversed_cues.search(segment[::-1]) if reversed_cues is not None else None
    return len(segment) - m.start() if m else -1


def _blanked(m) -> str:
    return "\0" * (m.end() - m.start())


def _blank_words(segment: str, words) -> str:
    """``segment`` with each of ``words`` blanked to as many NULs as it has characters (what
    :func:`_blanked` does for a pattern's matches), in the words' order."""
    for word in words:
        if word in segment:
            segment = segment.replace(word, "\0" * len(word))
    return segment


def _role(text: str, m: _Mention, sent: tuple[int, int], rules: _RoleRules) -> str:
    """The role cues right around one mention (rules/counties.yaml, roles); the pairings
    stage decides the county's role from the whole article (gold/README, County roles)."""
    start, end = m.hit.start, m.hit.end
    window = rules.window
    # the cues of the mention's own clause (…援疆方案布置,台山市的卫计系统: 援疆 is the plan's)
    lo, hi = clause_bounded(text, max(sent[0], start - window), start, end, min(sent[1], end + window),
                            rules.clauses)
    before, after = text[lo:start], text[end:hi]
    # blanked, not deleted, as not_cue_words are: the gaps measured from a cue to the name
    # (helper_before_max_gap) stay the text's own, and no cue forms across a removed phrase
    before = _blank_words(before, rules.not_help)            # 在精准扶贫政策的帮扶下: a policy, no giver
    before = rules.programme_meeting.sub(_blanked, before)   # 参加完援疆座谈会就启程返回伊宁: a meeting
    before = _blank_words(before, rules.not_cue_words)       # 江阴港派出所: a police station, not 派出
    after = _blank_words(after, rules.not_cue_words)
    # cues directly around the name decide; nearest wins
    helper_after = _first_cue(after, rules.helper_after_cues)
    recipient_after = _first_cue(after, rules.recipient_after_cues)
    recipient_before = _last_cue_end(before, rules.recipient_before_cues_reversed)
    helper_before = _last_cue_end(before, rules.helper_before_cues_reversed)
    reach = rules.helper_before_needs_windows * window
    near = text[max(sent[0], start - reach):min(sent[1], end + reach)]
    if helper_before >= 0 and not any(w in near for w in rules.helper_before_needs):
        helper_before = -1          # 从峨边县人民医院转入…: a patient, not a helper's origin
    if rules.receiving.search(before) and helper_after < _NO_CUE_AFTER:
        return "recipient"          # 为华池县投入资金: the county receives what follows
    # 成华区对口援助丹巴县: for 成华区 the verb follows (helper); for 丹巴县 it precedes
    if (helper_after < _NO_CUE_AFTER and helper_after <= recipient_after
            and helper_after <= rules.helper_after_max_gap):
        return "helper"
    if (helper_before >= 0 and helper_before >= recipient_before
            and len(before) - helper_before <= rules.helper_before_max_gap):
        return "helper"
    if recipient_before >= 0 or recipient_after < _NO_CUE_AFTER:
        return "recipient"
    if helper_after < _NO_CUE_AFTER:
        return "helper"
    return "other"


def _merge_role(roles: list[str]) -> str:
    if "recipient" in roles:
        return "recipient" if roles.count("recipient") >= roles.count("helper") else "helper"
    if "helper" in roles:
        return "helper"
    return "other"


# ---------------------------------------------------------------------------- the stage

@dataclass(frozen=True)
class _ListRules:
    """rules/counties.yaml's list_confirms: a list of bare short forms confirms them."""
    joiners: tuple[str, ...]
    min_items: int
    count_after: regex.Pattern
    count_after_min_items: int
    count_after_window: int
    siblings_in_sentence: int   # 0: off


@dataclass(frozen=True)
class CountyRules:
    """The counties stage's rules: the gazetteer (which reads ``rules/counties.yaml``) and
    that file's resolution and role rules, compiled once."""
    gazetteer: Gazetteer
    evidence: Mapping[str, int]           # weights of the evidence for a shared name
    lists: _ListRules
    said_county: Optional[regex.Pattern]  # a bare short form the sentence says is a county
    said_county_window: int
    bare_prefers_city: bool
    roles: _RoleRules
    # programme words naming a province (援藏 → 540000), and their pattern
    province_programme: Mapping[str, str]
    province_programme_words: Optional[object]   # a pattern (plain_pattern: re or regex), or none
    programme_word_gap: int
    # surface → _surface_reading of its forms (a surface's forms are the gazetteer's, fixed)
    surface_readings: dict[str, tuple[tuple[Unit, ...], tuple[Unit, ...]]] = field(
        default_factory=dict, compare=False, hash=False, repr=False)


@cache
def load_rules(folder: Folder = None) -> CountyRules:
    gaz = gazetteer(folder)
    r = gaz.rules
    lists, said = r["list_confirms"], r.get("bare_said_county")
    programme = {w: str(code) for code, words in (r.get("province_programme_words") or {}).items() for w in words}
    return CountyRules(
        gazetteer=gaz, evidence=r["evidence"],
        lists=_ListRules(joiners=tuple(lists["joiners"]), min_items=lists["min_items"],
                         count_after=regex.compile(lists["count_after"]),
                         count_after_min_items=lists["count_after_min_items"],
                         count_after_window=lists["count_after_window"],
                         siblings_in_sentence=lists.get("siblings_in_sentence", 0)),
        said_county=plain_pattern(said["pattern"]) if said else None,
        said_county_window=said["window"] if said else 0,
        bare_prefers_city=bool(r.get("bare_prefers_city")), roles=_RoleRules.of(r["roles"], clause_marks(folder),
                                                                     programme_meeting(folder)),
        province_programme=programme, programme_word_gap=int(r.get("programme_word_gap", 0)),
        province_programme_words=plain_pattern("|".join(sorted(programme, key=len, reverse=True))) if programme else None)


def counties_of(article: Article, rules: CountyRules) -> list[County]:
    text = article.text
    sentence_of = article.sentence_of
    context: list[tuple[Hit, Unit]] = []
    mentions = find_counties(text, rules, sentence_of, article.warnings, context)
    article.facts["places"] = [NamedPlace(h.start, h.end, h.text, u.name, u.adcode, u.level,
                                          u.province if u.level != "province" else None)
                               for h, u in context]
    role_rules = rules.roles
    by_key: dict[str, tuple[County, list[str]]] = {}
    for m in mentions:
        m.role = _role(text, m, sentence_of(m.hit.start), role_rules)
        unit = m.unit
        key = unit.adcode if unit else m.hit.text
        if key not in by_key:
            if unit:
                county = County(name=unit.name, adcode=unit.code, province=unit.province,
                                prefecture=unit.prefecture, key=unit.adcode)
            else:
                same = {(u.province, u.prefecture) for u in m.units}
                province = next(iter(same))[0] if len({p for p, _ in same}) == 1 else None
                county = County(name=m.units[0].name if len({u.name for u in m.units}) == 1
                                else m.hit.text, adcode=None, province=province, prefecture=None)
            by_key[key] = (county, [])
        county, roles = by_key[key]
        roles.append(m.role)
        if m.hit.text != county.name and m.hit.text not in county.aliases_seen:
            county.aliases_seen.append(m.hit.text)
        county.mentions.append(Mention(m.hit.text, (m.hit.start, m.hit.end),
                                       article.source_span(m.hit.start, m.hit.end)))
    out = []
    for county, roles in by_key.values():
        county.role = _merge_role(roles)
        out.append(county)
    return out


def run(article: Article, rules: CountyRules) -> None:
    article.facts["counties"] = counties_of(article, rules)
