"""Pairings stage (SPEC 6): explicit statements that one party assists another, as
(helper, recipient, kind), and the county roles that follow from them.

Only sentences holding a cue of ``rules/pairings.yaml`` are read. In such a sentence:

1. **Parties**: places from the gazetteer (county-level units exactly as the counties stage
   resolved them; a chain 广东省肇庆市鼎湖区 is its last unit), with a trailing village,
   school, hospital or team (永善县新拉村 → 永善县; 深圳市妇幼保健院 is an organisation of
   深圳市); organisations named without a place (复旦大学, 交通银行); province-pair
   abbreviations (闽宁).
2. **Statements**, around each cue, in the shapes the rules name (bounded windows):
   ``active`` H cue R (成华区对口援助丹巴县), ``object`` R 是 H 的 cue 地区, ``target``
   H 的 cue 县 R…, ``owner`` cue R 的 H, ``under`` 在 H 的 cue 下 … R, ``toward``
   H 对/向/与 R … cue. Lists give one pairing per (helper, recipient); 分别 pairs in order.
3. **Exclusions** (SPEC 6): statements inside quotation or book-title marks, followed by a
   label noun (工作队, 指挥部) unless the team is credited with the work, or by a plan noun.

Names: a place by the unit's own official name and adcode (深圳 → 深圳市 440300); an
organisation as written (an abbreviation such as 郑商所 becomes the full name the article
also writes, 郑州商品交易所). A recipient is always a place.

Roles: a county that is a recipient is ``recipient``; a county that helps, or lies inside a
helper's territory and outside every recipient's, is ``helper``.
"""
from __future__ import annotations

from collections import Counter
from operator import attrgetter, itemgetter
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache
from itertools import accumulate, chain, islice, product
import re
from typing import Iterable, Iterator, Optional, Union

import regex

from ..article import Article
from ..frozen import cached_property, quick_frozen
from ..lexicon.gazetteer import Gazetteer, Hit, gazetteer
from ..lexicon.official_pairings import official_pairings
from ..record import County, NamedPlace, Pairing
from ..rules import Folder, alternation, load_tsv, lead_gated_pattern, load_yaml, plain_pattern, trie_alternation, words_pattern
from ..text.clauses import ClauseMarks, clause_marks
from ..text.programme_meetings import programme_meeting


@quick_frozen   # 1,429 a real-news pass (parties: 1,041)
class Place:
    name: str
    adcode: Optional[str]   # the gazetteer's key (County.key): an abolished county's is no code
    level: str      # province | prefecture | county | region | town (a town of a city with no county level, its city's key)
    abolished: bool = False

    @property
    def code(self) -> Optional[str]:
        """The adcode a record gives: None for an abolished county (下城区, SPEC 2)."""
        return None if self.abolished else self.adcode


def _county_place(c: County) -> Place:
    """A county of the counties stage as a place, keyed as the gazetteer keys it."""
    return Place(c.name, c.key, "county", abolished=c.key is not None and c.adcode is None)


@quick_frozen
class Party:
    start: int
    end: int
    place: Optional[Place] = None        # None for an organisation without a place
    org: Optional[str] = None            # the organisation as written, else None
    pair: Optional[tuple[Place, Place]] = None   # a province-pair abbreviation
    deictic: bool = False                # 这里/当地 standing for the article's main recipient
    bare: bool = False                   # a unit named by a bare level word (市工商联, W16): never helps its own place
    township: Optional[str] = None       # a township, street or village written after its place (锡北镇, W15)

    @property
    def helper(self) -> tuple[str, Optional[str], Optional[str]]:
        """The helper's name, adcode (for the record) and key (for the roles)."""
        if self.org:
            return self.org, None, None
        if self.township:
            # W15: a helper township, street office or village is named as written; its county or
            # district (the key) takes the role helper
            return self.township, None, self.place.adcode
        return self.place.name, self.place.code, self.place.adcode

    @property
    def recipient(self) -> Optional[Place]:
        return self.place


@dataclass(frozen=True)
class Cue:
    kind: str
    shapes: frozenset[str]


class PairingRules:
    """``rules/pairings.yaml`` compiled, with the gazetteer it reads places from."""

    def __init__(self, folder: Folder = None) -> None:
        r = load_yaml("pairings.yaml", folder)
        self.gaz: Gazetteer = gazetteer(folder)
        self.opening_units: dict = {}   # organisation name head → the unit it opens with (_opening_unit)
        self._load_cues(r)
        self._load_lists(r)
        self._load_shapes(r)
        self._load_help_frame(r["help_frame"])
        self._load_paired(r)
        self._load_other_news_shapes(r)
        self._load_organisations(r)
        self._load_help_units(r)
        self._load_shares(r)
        self._load_joint_acts(r["joint_acts"])
        self._load_stations(r["stations"])
        self._load_village_designation(r["village_designation"])
        self._load_charity_works(r["charity_works"])
        self._load_bounds(r, folder)
        self._load_context(r)
        self._load_regions(r)
        self._load_visits_and_signings(r)
        self._load_passages(r)
        self._load_clause_marks(clause_marks(folder))   # first: every roles pattern writes them
        self._load_thanks(r["roles"]["thanks_gift"])     # before the roles: _without_no_help reads it
        # before the roles: programme_talk writes {programme_meeting}, the list the counties stage's window shares
        self._meeting = programme_meeting(folder)
        self._load_roles(r["roles"])
        self._load_aid_gate(r["roles"])
        self._load_helper_side(r["roles"])
        self._load_settings(r["roles"])
        self._load_quote_attribution(r["roles"]["quote_attribution"])
        self._load_sent(r["sent"])
        self._load_formed(r["formed"])
        self._load_arrived(r["arrived"])
        self._load_posted(r["posted"])
        self._load_visiting(r["visiting"])
        self._load_instances(r["instances"])
        self._load_carried(r["carried"])
        self._load_credited(r["credited"])
        self._load_sole_county(r["sole_county"])
        self._load_official(r["official"], folder)
        # what a cue sentence must hold to name a party besides a gazetteer hit (Context.may_name_party)
        self.party_signals = (self.org_suffix, self.central_units, self.region_pattern, self.deictic,
                              self.bare_level_pattern, self.anaphor_pattern, self.self_words,
                              self.self_places, self.bare_unit_pattern, self.districtless_town_pattern)

    def _load_passages(self, r: dict) -> None:
        """What a statement split over two sentences reads (the lone shape, a passage's place) and
        the names that only look like places inside a village's name (issue 11 round 33)."""
        self.lone_after = plain_pattern(r["lone_after"])
        self.passage_origin = plain_pattern(r["passage_origin"])
        self.village_name_before = tuple(r["village_name"]["before"])
        self.village_name_after = tuple(r["village_name"]["after"])
        self.dateline_after = plain_pattern(r["dateline_after"])

    def _load_bare_units(self, bare: dict) -> None:
        """Units named by a bare level word (市工商联, 区教育局: rules bare_units, W16)."""
        self.bare_unit_pattern = plain_pattern(r"(?:%s)\p{Han}{0,%d}?(%s)" % (
            alternation(bare["levels"]), int(bare["middle_max"]), bare["tails"]))
        self.bare_unit_not = tuple(bare["not_words"])
        self.bare_unit_place_max = int(bare["place_max"])
        self.bare_unit_unplaced, self.bare_unit_unresolved = (frozenset(bare[k]) for k in ("unplaced_levels",
                                                                                          "unresolved_levels"))

    def _load_village_designation(self, d: dict) -> None:
        """A village named as a unit's assigned help village (凉水井村是县文体新广局的帮扶村: rules
        village_designation, gold/README W7)."""
        self.designation_gate = d["gate"]
        self.designation = plain_pattern(d["pattern"])
        self.designation_kind = d["kind"]

    def _load_charity_works(self, c: dict) -> None:
        """Charity works named for their giver, listed by place (A、B…8座华润希望小镇: rules charity_works)."""
        self.charity_gate = c["gate"]
        self.charity_works = plain_pattern(c["pattern"])
        self.charity_kind = c["kind"]
        self.charity_separator = c["separator"]

    def _load_help_units(self, r: dict) -> None:
        """Units a help label names (帮扶单位甘肃银行, 余杭区等帮扶单位): the labels, the list's
        reach and joiners, the words that are no unit (rules help_units)."""
        hu = r["help_units"]
        self.help_unit_prefixes = tuple(hu["prefixes"])
        self.help_unit_gates = tuple(hu["gates"])
        self.help_unit_before = plain_pattern(hu["before"])
        self.help_unit_kind = hu["kind"]
        self.help_unit_owned_kind = hu["owned_kind"]
        self.help_unit_owner_gap = plain_pattern(hu["owner_gap"])
        self.help_unit_owner_levels = frozenset(hu["owner_levels"])
        self.help_unit_not_after = tuple(hu["not_after"])
        self.help_unit_people_after = tuple(hu["people_after"])
        self.help_unit_run = plain_pattern(hu["run"])
        self.help_unit_item_split = plain_pattern(alternation(hu["item_separators"]))
        self.help_unit_item = plain_pattern(hu["item"])
        self.help_unit_not_items = tuple(hu["not_items"])
        self.help_unit_items_min = int(hu["items_min"])
        self.help_unit_list_ends = tuple(hu["list_ends"])
        self.help_unit_joiners = tuple(sorted(set(r["helper_list_separators"]) | set(hu["organ_joiners"]),
                                              key=len, reverse=True))

    def _load_shares(self, r: dict) -> None:
        """A helper's money shared among named places (rules shares): the share words, the sum a share
        sentence holds, the funds word of a giver's sentence before it and how far back it is asked."""
        shares = r["shares"]
        self.share_words = words_pattern(shares["words"])
        self.share_sum = plain_pattern(shares["sum"])
        self.share_funds = shares["funds"]
        self.share_back = int(shares["back"])
        self.share_min_places = int(shares["min_places"])
        self.share_place_levels = tuple(shares["place_levels"])
        self.share_kind = shares["kind"]

    def _load_joint_acts(self, joint: dict) -> None:
        """Joint acts of an eastern and a western place (rules joint_acts): the literal gates, the verbs, what may
        stand between the last place and its verb, the joiners, the article's frames, the mutual words."""
        self.joint_gates = tuple(joint["gates"])
        self.joint_verbs = plain_pattern(joint["verbs"])
        self.joint_between = plain_pattern(joint["between"])
        self.joint_joiners = tuple(joint["joiners"])
        self.joint_frame_cues = frozenset(joint["frame_cues"])
        self.joint_frame_before_cue = joint["frame_before_cue"]
        self.joint_mutual = tuple(joint["mutual"])
        self.joint_kind = joint["kind"]

    def _load_stations(self, st: dict) -> None:
        """A helper's station in the place it is stationed in (rules stations): the mark, the place endings before it,
        what may not follow it, the station noun, the people of a post, the words of its work."""
        self.station_mark = st["mark"]
        self.station_before = tuple(st["before"])
        self.station_not_after = tuple(st["not_after"])
        self.station_tail = plain_pattern(st["tail"])
        self.station_people = tuple(st["people"])
        self.station_work = words_pattern(st["work"])
        self.station_kind = st["kind"]

    def _load_visits_and_signings(self, r: dict) -> None:
        """The visit shape (H 赴 R 开展 cue) and signed agreements (签署《…》, 签订…协议书):
        each pattern anchored at the end of the stretch searched ($ at endpos), bounded by the
        longest of its words."""
        v = r["visit"]
        self.visit = {"gap": plain_pattern(f"(?:(?:{alternation(v['gap_comma'])})?(?:{alternation(v['gaps'])}))?$"),
                      "delegation": plain_pattern(v["delegation"]), "delegation_max": int(v["delegation_max"]),
                      "marks": plain_pattern(f"(?:{alternation(v['marks'])})$"),
                      "lead": plain_pattern(f"(?:{alternation(v['leads'])})?$"),
                      "in_name": plain_pattern(f"(?:{alternation(v['name_after_posts'])})\\p{{Han}}$"),
                      "in_name_max": _longest(tuple(v["name_after_posts"])) + 1,
                      "gap_max": _longest(tuple(v["gaps"])) + 1, "marks_max": _longest(tuple(v["marks"])),
                      "lead_max": _longest(tuple(v["leads"])), "checks": plain_pattern(v["checks"]),
                      "checks_reach": int(v["checks_reach"])}
        self.agreements = plain_pattern(f"(?:{alternation(r['agreements'])})")
        st = r["signed_title"]
        self.signed_title = {"open": st["open"], "reach": _longest(tuple(st["verbs"])) + 1,
                             "title": plain_pattern(f"{regex.escape(st['open'])}{st['year']}$"),
                             "title_max": len(st["open"]) + 14,
                             "verbs": plain_pattern(f"(?:{alternation(st['verbs'])})了?$")}

    def _load_formed(self, f: dict) -> None:
        """A team formed by named units and sent (W22): the units' joiners and count, the team,
        where it goes or is stationed, and the words that make it a team of help."""
        self.formed_verb = f["verb"]
        self.formed_joiners = frozenset(f["joiners"])
        self.formed_count_tail = plain_pattern(f["count_tail"])
        self.formed_team = plain_pattern(f"({f['team_lead']})(?:{alternation(f['teams'])})")
        self.formed_stationed = f["stationed"]
        self.formed_going = plain_pattern(f"[，,]?(?:{alternation(f['goings'])})")
        self.formed_help = plain_pattern(f["help_words"])

    def _load_sent(self, sent: dict) -> None:
        """People sent from one place to another (W9): the sending verbs, the gap to the going
        mark, who may be sent, and what is no work for the place."""
        verbs = list(sent["verbs"]) + list(sent["organising_verbs"])
        self.sent_verbs = plain_pattern(f"(?:{alternation(verbs)})(?!{alternation(sent['not_after_verb'])})")
        self.organising_verbs = frozenset(sent["organising_verbs"])
        self.organising_help = plain_pattern(sent["organising_help"])
        self.sent_regions = {word: self.gaz.units[code] for word, code in sent["regions"].items()}
        self.sent_going = plain_pattern(
            f"了?({sent['gap']})({alternation(list(sent['goings']) + list(self.sent_regions))})")
        self.sent_people = words_pattern(sent["people"])
        self.sent_single = plain_pattern(sent["single"])
        self.sent_not_work = tuple(sent["not_work"])
        self.sent_kind = sent["kind"]
        self.sent_clause_lead = plain_pattern(sent["clause_lead"])
        self.sent_leads = tuple(sent["leads"])
        self.sent_subject_lead = plain_pattern(sent["subject_time"] + sent["clause_lead"])
        self.sent_people_after = plain_pattern("(?:%s)?(?:%s)" % (
            alternation(sent["people_labels"]), alternation(sent["people"])))

    def _load_arrived(self, a: dict) -> None:
        """A labelled team arriving at the place it serves (the arrived shape): the label, who
        arrives and the verb in one pattern (group 1 the label, the kind); the lead between the
        helper and the label, anchored at the label."""
        self.arrived = plain_pattern("(%s)(?:%s)(?:%s)" % (
            alternation(a["labels"]), alternation(a["people"]), alternation(a["verbs"])))
        self.arrived_lead = plain_pattern(f"{a['lead']}$")
        self.arrived_lead_max = a["lead_max"]

    def _load_posted(self, p: dict) -> None:
        """A sending unit's posting label with the place its cadre works (the posted shape): the
        label cue → the province prefix of the places it may name, the people after it, the lead
        between the helper and the label (anchored at the label) and the levels read."""
        self.posted_provinces: dict[str, str] = dict(p["labels"])
        self.posted_people = tuple(p["people"])
        self.posted_lead = plain_pattern(p["lead"])
        if not p["lead"].endswith("$"):   # posted_lead_to is the same rule without its anchor
            raise ValueError("rules/pairings.yaml posted.lead must end with $ (anchored at the label)")
        self.posted_lead_to = plain_pattern(p["lead"].removesuffix("$"))   # read forward from a party
        self.posted_aid_words = tuple(self.posted_provinces)
        self.posted_team_names = tuple(p["team_names"])
        self.posted_clause_break = plain_pattern(p["clause_break"])
        self.posted_quote = plain_pattern(p["quote"])
        self.posted_lead_max = p["lead_max"]
        self.posted_levels = frozenset(p["levels"])

    def _load_visiting(self, v: dict) -> None:
        """A delegation's visit read alone (the visiting reader): the trigger (delegation word,
        head count, going mark), the acts after the place and what is no act of help."""
        self.visiting = plain_pattern("(?:%s)%s(?P<go>%s(?:%s))" % (
            alternation(v["delegations"]), v["count"], v["between"], alternation(v["marks"])))
        self.visiting_acts = plain_pattern(v["acts"])
        self.visiting_composed = tuple(v["composed"])
        self.visiting_composed_by = v["composed_by"]
        self.visiting_item_after_place = plain_pattern(f"{v['item_after_place']}|{v['leader_after_place']}")
        self.visiting_reach = int(v["act_reach"])
        self.visiting_not_between = tuple(v["act_not_between"])
        self.visiting_not_acts = tuple(v["not_acts"])
        self.visiting_not_reach = _longest(self.visiting_not_acts)
        self.visiting_kind = v["kind"]

    def _load_instances(self, i: dict) -> None:
        """A group statement's members told after 其中 (the instances shape): the opening words,
        the group's count, the clause breaks between the members."""
        self.instances_open = plain_pattern(alternation(i["opens"]))
        self.instances_group = plain_pattern(i["group"])
        self.instances_breaks = plain_pattern(alternation(i["clause_breaks"]))

    def _load_carried(self, c: dict) -> None:
        """The carried pair (a helper's unit told alone in a later sentence of a one-recipient
        article): the kinds of the cue after the unit that carry it."""
        self.carried_clause_breaks = tuple(c["clause_breaks"])
        self.carried_not_after = tuple(c["not_after"])
        self.carried_not_before = tuple(c["not_before"])
        self.carried_not_inside = tuple(c["not_inside"])
        self.clause_reach = c["clause_reach"]
        self.clause_not_between = tuple(c["clause_not_between"])

    def _load_sole_county(self, c: dict) -> None:
        """The sole-county reader (rules/pairings.yaml, sole_county)."""
        self.sole_cues = frozenset(c["cues"])
        self.sole_gap = c["gap"]
        self.sole_open_indent = c["open_indent"]
        self.sole_labels = tuple(c["labels"])
        self.sole_object_marks = tuple(c["object_marks"])
        self.sole_destination_marks = tuple(c["destination_marks"])
        self.sole_own_levels = tuple(c["own_levels"])
        self.sole_own_reach = c["own_reach"]
        self.sole_coordinated = tuple(c["coordinated"])
        self.sole_helper_kinds = tuple(c["helper_kinds"])

    def _load_official(self, o: dict, folder: Folder) -> None:
        """The official-pairs reader (rules/pairings.yaml official) and the table it reads."""
        self.official_pairs = official_pairings(folder)
        self.official_cues = frozenset(o["cues"])
        self.official_not_in = plain_pattern(o["not_in"])
        self.official_list_marks = tuple(o["list_marks"])
        self.official_sectors = tuple(o["sectors"])

    def _load_credited(self, c: dict) -> None:
        """A helper's 援疆/援藏 body credited with its work (the credited reader): the cues, the
        words between the helper and its cue, the body and its work (or the frame around them)."""
        self.credited_cues = frozenset(c["cues"])
        self.credited_before_cue = plain_pattern(c["before_cue"])
        self.credited_work = plain_pattern(f"(?:{c['body']})(?:{c['work']})")
        self.credited_frame_open = tuple(c["frame_open"])
        self.credited_frame_close = plain_pattern(f"(?:{c['body']})(?:{c['frame_close']})")

    def _load_cues(self, r: dict) -> None:
        """The cue words and what keeps a cue from stating a pairing: windows, labels,
        programme names, quoted names, the epidemic's relief."""
        self.cues = {c["cue"]: Cue(c["kind"], frozenset(c["shapes"])) for c in r["cues"]}
        self.cue_pattern = words_pattern(self.cues)
        # a cue ending where a search stops ($ at endpos): an item right after a cue is its object
        self.cue_before = plain_pattern(f"(?:{alternation(list(self.cues))})$")
        self.cue_max = _longest(tuple(self.cues))
        self.w = dict(r["windows"])
        in_verbs = r["gap_breakers_in_verbs"]
        self.breakers = plain_pattern("|".join(
            f"(?<!{alternation(in_verbs[b])}){regex.escape(b)}" if b in in_verbs else regex.escape(b)
            for b in r["gap_breakers"]))
        self.labels = tuple(sorted(r["labels"], key=len, reverse=True))
        self.label_joiner = r["label_joiner"]
        self.team_name = plain_pattern(r["team_name"]["team"])
        self.team_name_honours = plain_pattern(r["team_name"]["honours"])
        self.people_word = r["people_label"]["word"]     # (a str gate before the pattern: 人 after a cue is rare)
        self.people_label = plain_pattern(regex.escape(self.people_word) + r["people_label"]["after"])
        self.paired_list_names = tuple(r["paired_list_names"])
        self.origin_marks = tuple(r["origin_marks"])
        self.origin_close = r["origin_close"]
        self.mutual_modifiers = tuple(r["mutual_modifiers"])
        self.time_clause_ends = tuple(r["time_clause_ends"])
        self.unnamed_subject = plain_pattern(r["unnamed_subject"])
        self.under_people = tuple(r["under_people"])
        self.under_people_joiner = r["under_people_joiner"]
        self.mobiliser_names = tuple(r["mobilisers"]["names"])
        self.mobilising_verbs = words_pattern(r["mobilisers"]["verbs"])
        self.programmes = plain_pattern(alternation(r["programmes"]))
        self.programme_described = plain_pattern(r["programme_described"])
        self.programme_modifier = r["programme_modifier"]
        self.quotes = dict(r["name_quotes"])
        self.meeting_name_quotes = frozenset(r["meeting_name"]["quotes"])
        self.meeting_name_end = plain_pattern(f"(?:{r['paired_meeting']})$")
        self.speech_quotes = tuple(r["speech_quotes"])
        self.speech_openers = tuple(r["speech_openers"])
        self.pair_cues = tuple(r["pair_cues"])
        self.pair_cue_gap = r["pair_cue_gap"]
        self.pair_project_name = plain_pattern(r["pair_project_name"])
        counted = r["pair_counted"]
        self.pair_counts = tuple(sorted(counted["counts"], key=len, reverse=True))
        self.pair_counted_cues = frozenset(counted["cues"])
        self.pair_counted_mutual = plain_pattern(alternation(counted["mutual"]))
        self.pair_counted_name_tails = tuple(counted["name_tails"])
        self.pair_relation_tails = tuple(counted["relation_tails"])
        self.own_unit_label = plain_pattern(r["own_unit_label"])
        self.pair_relation_under = tuple(counted["relation_under"])
        pair_funds = r["pair_funds"]
        self.pair_funds_word = pair_funds["word"]
        self.pair_funds_pattern = regex.compile(pair_funds["pattern"])
        self.pair_funds_kind = pair_funds["kind"]
        ep = r["epidemic"]
        self.epidemic_province = ep["province"][:2]
        self.epidemic_words = plain_pattern(alternation(ep["words"]))
        self.epidemic_kind = ep["kind"]
        self.epidemic_plain_kinds = frozenset(ep["plain_kinds"])
        self.relief_words = plain_pattern(alternation(r["relief_words"]))

    def _load_lists(self, r: dict) -> None:
        """Lists of parties: separators, 分别, clause breaks and the openers of a later
        clause that keeps the sentence's helper."""
        self.separators = tuple(sorted(r["list_separators"], key=len, reverse=True))
        self.chain_joiners = frozenset(r["chain_joiners"])
        self.chain_descriptors = frozenset(r["chain_descriptors"])
        self.enumeration = tuple(x for x in self.separators if x not in r["mutual_connectors"]
                                 and x not in ("和", "及", "以及"))
        self.helper_separators = tuple(sorted(r["helper_list_separators"], key=len, reverse=True))
        self.adding_words = frozenset(r["adding_words"])
        self.respectively = r["respectively"]
        self.respectively_openers = tuple(r["respectively_openers"])
        self.clause_break = re.compile(r"[，,；;：:]")
        self.carry_over = tuple(r["carry_over_openers"])
        self.subject_task_openers = tuple(r["subject_task_openers"])
        funds = r["funds"]
        self.funds_kind = funds["kind"]
        self.funds_use_pattern = plain_pattern(funds["use"])
        thanked = r["thanked_giver"]
        self.thanked_gate, self.thanked_kind = thanked["gate"], thanked["kind"]
        self.thanked_pattern = plain_pattern(thanked["pattern"])
        self.funds_placed_pattern = plain_pattern(funds["placed"])
        self.funds_word = funds["gate"]["word"]
        self.funds_use_before = tuple(funds["gate"]["use_before"])
        self.funds_placed_before = tuple(funds["gate"]["placed_before"])
        tally = r["tallies"]
        self.tally_regions = dict(tally["regions"])
        self.tally_opener = tally["opener"]
        self.tally_pattern = plain_pattern(tally["pattern"] % alternation(self.tally_regions))
        self.list_clause_breaks = frozenset(r["list_clause_breaks"])
        self.carry_over_lead = plain_pattern(r["carry_over_lead"])

    def _load_shapes(self, r: dict) -> None:
        """The words each statement shape reads around its cue (object, toward, mutual,
        owned, under, at, by, listed, enclosed, invested, from, teams)."""
        self.object_verbs = tuple(r["object_verbs"])
        self.object_nouns = tuple(sorted(r["object_nouns"], key=len, reverse=True))
        self.object_cue_nouns = frozenset(r["object_cue_nouns"])
        self.object_count = plain_pattern(r["object_count"])
        self.target_lead = plain_pattern(r["target_lead"])
        self.object_as_verb = r["object_as"]["verb"]
        self.object_as_gap = plain_pattern(r["object_as"]["gap"])
        self.target_nouns = tuple(sorted(r["target_nouns"], key=len, reverse=True))
        self.target_apposition = tuple(sorted(r["target_apposition"], key=len, reverse=True))
        self.toward = tuple(r["toward_connectors"])
        self.toward_not_words = tuple(r["toward_not_words"])
        self.mutual = tuple(r["mutual_connectors"])
        self.mutual_verbs = plain_pattern(alternation(r["mutual_verbs"]))
        self.mutual_cues = frozenset(r["mutual_cues"])
        self.owner_joiner = r["owner_joiner"]
        self.owned_nouns = tuple(sorted(r["owned_nouns"], key=len, reverse=True))
        self.owned_gap = plain_pattern(r["owned_gap"])
        sub = r["owned_subject"]
        self.owned_subject_nouns = tuple(sorted(sub["nouns"], key=len, reverse=True))
        self.owned_subject_cues = frozenset(sub["cues"])
        self.owned_subject_cue_nouns = tuple(sub["cue_nouns"])
        self.owned_subject_noun_gap = plain_pattern(sub["noun_gap"])
        self.owned_subject_unit_gap = plain_pattern(sub["unit_gap"])
        self.owned_subject_unit_gap_max = sub["unit_gap_max"]
        if self.owned_subject_unit_gap.fullmatch("中" * (self.owned_subject_unit_gap_max + 1)):
            raise ValueError("rules/pairings.yaml: owned_subject.unit_gap matches more than unit_gap_max characters")
        self.owned_subject_verbs = tuple(sorted(sub["verbs"], key=len, reverse=True))
        self.under_open, self.under_close = r["under_open"], r["under_close"]
        self.at_open, self.by_open = r["at_open"], r["by_open"]
        self.at_means = tuple(r["at_means"])
        self.at_people = plain_pattern(r["at_people"])
        self.listed_gap = plain_pattern(r["listed_gap"])
        self.listed_nouns = plain_pattern(r["listed_nouns"])
        self.lead_gap = plain_pattern(r["lead_gap"])
        self.bracket_open, self.bracket_close = r["enclosed_brackets"]
        self.invested_place = plain_pattern(r["invested_place"])
        self.from_marks = tuple(sorted(r["from_marks"], key=len, reverse=True))
        self.caused_after = plain_pattern(r["caused"]["after"])
        self.leaning = plain_pattern(r["leaning"])
        self.own_unit_kinds = frozenset(r["own_unit_kinds"])
        self.as_helper_label = plain_pattern(r["as_helper"]["label"])
        self.as_helper_verb = plain_pattern(r["as_helper"]["verb"])
        self.caused_not_before = tuple(r["caused"]["not_before"])
        self.thanks_mark = r["thanks"]["mark"]
        self.thanks_after = plain_pattern(r["thanks"]["after"])
        self.going_marks = frozenset(r["going_marks"])
        self.built_cues = frozenset(r["built_cues"])
        self.built_team = plain_pattern(r["built_team"])
        self.team_cues = frozenset(r["team_cues"])
        self.team_labels = tuple(r["team_labels"])
        self.team_work = tuple(r["team_work"])
        self.subject_cues = frozenset(r["article_subject_cues"])
        self.bare_cues = frozenset(r["bare_cues"])
        self.means_openers = tuple(r["means"]["openers"])
        self.means_tail = plain_pattern(r["means"]["tail"])

    def _load_help_frame(self, frame: dict) -> None:
        """H 为/给/向 R … help verb (help_frame)."""
        self.frame_connectors = plain_pattern(alternation(frame["connectors"]))
        self.frame_verbs = plain_pattern(alternation(frame["verbs"]))
        self.frame_breaks = plain_pattern(frame["breaks"])
        self.w["frame_reach"] = int(frame["reach"])

    def _load_paired(self, r: dict) -> None:
        """The paired shape's words: the two sides joined (和, 、), the relation named after the
        cue (是…关系), the two sides counted after them (两省区)."""
        self.paired_cues = frozenset(r["paired_cues"])
        self.paired_joiners = tuple(r["paired_joiners"])
        self.paired_openers = frozenset(r["paired_openers"])
        self.paired_relation_links = tuple(r["paired_relation"]["links"])
        self.paired_relation_nouns = tuple(r["paired_relation"]["nouns"])
        self.paired_meeting = plain_pattern(r["paired_meeting"])
        self.paired_meeting_sector = plain_pattern(r["paired_meeting_sector"])
        self.paired_list_joiners = tuple(r["paired_list_joiners"])
        self.paired_any_joiners = self.paired_list_joiners + self.paired_joiners   # 广东、广西两省区
        joint = r["paired_joint"]
        self.paired_joint = plain_pattern(f"(?:{alternation(joint['counts'])})"
                                          f"[^\\p{{P}}\\s]{{0,{joint['action_max']}}}$")
        self.paired_joint_max = _longest(tuple(joint["counts"])) + joint["action_max"]
        self.paired_joint_counts = tuple(sorted(joint["counts"], key=len, reverse=True))

    def _load_other_news_shapes(self, r: dict) -> None:
        """What other news writes between the parties and the cue (the means, the fields, a
        joint clause before it) and 援 + a province's one-character name (round 13)."""
        self.toward_means = plain_pattern(r["toward_means"])
        self.toward_scope = plain_pattern(r["toward_scope"])
        self.toward_items = plain_pattern(r["toward_items"])
        self.toward_village_list = plain_pattern(r["toward_village_list"])
        self.fund_verbs = tuple(r["fund_verbs"])
        self.toward_villages = plain_pattern(r["toward_villages"])
        self.fund_nouns = tuple(r["fund_nouns"])
        self.joined = {"breaks": tuple(r["joined"]["breaks"]), "lead": plain_pattern(r["joined"]["lead"])}
        self.aid_abbreviations = {cue: self.gaz.units[code] for cue, code in r["aid_abbreviations"].items()}

    def _load_organisations(self, r: dict) -> None:
        """Names of places' units and of organisations: tails after a place, suffixes,
        prefixes, generic words, counts before a kind, anaphors (学校, 该行)."""
        tails = r["place_tails"]
        self.tail_classes = {k: tuple(v) for k, v in tails.items() if k != "own_hospital"}
        self.own_hospital = plain_pattern(tails["own_hospital"])
        # an organisation suffix after a place also makes an institution (…自治区政协办公厅)
        self.tail_classes["organisation"] += tuple(r["org_suffixes"])
        all_tails = {s for v in self.tail_classes.values() for s in v}
        self.tail_pattern = plain_pattern(   # (a trie: the alternation's matches, a fifth quicker)
            r"\p{Han}{0,%d}?(?:%s)" % (self.w["tail_max"], trie_alternation(all_tails)))
        not_after = r["org_suffix_not_after"]
        # each alternative opens with its word and looks behind it afterwards (部(?<![干全]部),
        # not (?<![干全])部: the same matches): an alternation whose every branch opens with a
        # literal lets `re` skip to the positions of those first characters; one opening with
        # a lookbehind made it try all 43 suffixes at every position (7x slower)
        self.org_suffix = plain_pattern("|".join(
            regex.escape(w) + (f"(?<![{''.join(map(regex.escape, not_after[w]))}]{regex.escape(w)})"
                               if w in not_after else "")
            for w in sorted(set(r["org_suffixes"]), key=lambda w: (-len(w), w))))
        self.org_suffix_list = tuple(r["org_suffixes"])
        self.org_post_words = tuple(r["org_post_words"])
        self.org_suffix_not_before = tuple(r["org_suffix_not_before"]) + self.org_post_words
        self.org_parent_prefixes = frozenset(r["org_parent_prefixes"])
        self.org_kept_heads = tuple(r["org_kept_heads"])
        self.org_station_marks = tuple(r["org_station_marks"])
        self._load_bare_units(r["bare_units"])
        marked = r["own_unit_marked"]
        self.own_unit_marked_kinds = frozenset(marked["kinds"])
        self.own_unit_marks = plain_pattern(alternation(marked["marks"]))
        self.org_place_heads = tuple(r["org_place_heads"])
        self.society_suffixes = tuple(r["society_suffixes"])
        self.unnamed_org_heads = tuple(r["unnamed_org_heads"])
        self.unnamed_org_kept_endings = tuple(r["unnamed_org_kept_endings"])
        self.org_verb_heads = plain_pattern(alternation(r["org_verb_heads"]))
        self.department_suffixes = frozenset(r["department_suffixes"])
        self.org_boundaries = frozenset(r["org_left_boundaries"])
        self.org_keep_at = _by_character(r["org_keep_inside"])   # (_kept_inside)
        self.org_number_mark = plain_pattern(r["org_number_mark"])
        self.org_full_tails = tuple(r["org_full_tails"])
        self.tail_sentence_end = re.compile("[%s]" % re.escape("".join(r["org_full_tail_sentence_marks"])))
        self.company_endings = tuple(r["company_endings"])
        self.org_bracket = plain_pattern(r["org_bracket"]["pattern"])
        self.org_bracket_closers = frozenset(r["org_bracket"]["closers"])
        self.org_bracket_openers = frozenset(r["org_bracket"]["openers"])
        self.org_bracket_head = r["org_bracket"]["head_min"]
        # a run of Han characters that are no boundary, matched back from where a name ends
        # (one call instead of a test per character)
        self.org_run_back = plain_pattern(r"(?rV1)[\p{Han}--[%s]]*" % "".join(
            regex.escape(ch) for ch in sorted(self.org_boundaries)))
        self.unit_joiners = tuple(r["unit_joiners"])
        self.generic_org = words_pattern(r["generic_org_words"])
        self.generic_org_not_before = {w: tuple(v) for w, v in r["generic_org_not_before"].items()}
        self.kind_only_names = frozenset(r["kind_only_names"])
        self.org_count_head = plain_pattern(r["org_count_head"])
        self.central_units = words_pattern(r["central_units"] + r["central_enterprises"])
        self._load_party_committees(r["party_committees"])
        self.anaphors = {k: tuple(sorted(v, key=len, reverse=True)) for k, v in r["anaphors"].items()}
        self.anaphor_pattern = plain_pattern("(?:%s)(?=%s)" % (
            alternation(self.anaphors), alternation(self.cues)))

    def _load_party_committees(self, committees: dict) -> None:
        """A democratic party's (or the Youth League's) committees of a place, alone or over a list of places."""
        # party, place, level, end (农工党江苏省委, 九三学社佛山市委会)
        parties = r"(%s)(?!%s)" % (alternation(committees["parties"]), alternation(committees["not_before"]))
        ending = r"(%s)(%s)(?!员)" % (alternation(committees["levels"]), alternation(committees["ends"]))
        self.party_committee = plain_pattern(r"%s(\p{Han}{0,%d}?)%s" % (
            parties, int(committees["place_max"]), ending))
        # … one party's committees of several places in one list (农工党常州、泰州…等市委): the places, 等, the ending
        joiners = alternation(committees["list_joiners"])
        stem = r"\p{Han}{1,%d}?" % int(committees["place_max"])
        self.party_committee_list = plain_pattern(r"%s((?:%s(?:%s)){1,%d}%s)等?%s" % (
            parties, stem, joiners, int(committees["list_max"]) - 1, stem, ending))
        self.party_committee_joiners = plain_pattern(joiners)
        self.party_names = words_pattern(committees["parties"])

    def _load_bounds(self, r: dict, folder: Folder) -> None:
        """Where a party's name ends and begins: the statement's verbs before an organisation
        (org_name_verbs), the suffixes' word contexts for a place's tail, and townships (W15)."""
        verbs_not_before = r["org_name_verbs_not_before"]
        self.org_name_verbs = plain_pattern("|".join(
            regex.escape(w) + (f"(?!{alternation(verbs_not_before[w])})" if w in verbs_not_before else "")
            for w in sorted(set(r["org_name_verbs"]), key=lambda w: (-len(w), w))))
        self.org_suffix_not_after = {w: tuple(v) for w, v in r["org_suffix_not_after"].items()}
        self.township_not_words = frozenset(r["township_not_words"])
        self.township_not_endings = tuple(r["township_not_endings"])
        self.township_word_goes_on = {k: tuple(v) for k, v in r["township_word_goes_on"].items()}
        self._load_districtless_towns(r, folder)

    def _load_districtless_towns(self, r: dict, folder: Folder) -> None:
        """The towns of cities with no county level (rules/districtless_towns.tsv, generated): each
        name's city (its county-level unit, the key) and the counties of its namesakes elsewhere."""
        self.districtless_towns: dict[str, tuple[Place, frozenset[str], bool]] = {}
        needs_city = frozenset(r["districtless_forms_needing_city"])
        for row in load_tsv("districtless_towns.tsv", folder):
            u = self.gaz.units.get(row["county"])
            if u is not None:
                self.districtless_towns[row["name"]] = (
                    Place(u.name, u.adcode, "town"), frozenset(filter(None, row["namesakes"].split("|"))),
                    row["form"] in needs_city)
        self.districtless_town_pattern = words_pattern(self.districtless_towns)
        self.districtless_town_organs = tuple(sorted(r["districtless_town_organs"], key=len, reverse=True))
        organs = r["place_organs"]
        self.listener_connectors = tuple(r["toward_listener"]["connectors"])
        self.listener_verbs = words_pattern(r["toward_listener"]["verbs"])
        self.place_organ_head = organs["head"]
        self.place_organs = plain_pattern(organs["pattern"])

    def _load_context(self, r: dict) -> None:
        """Article context: deictic words, title subjects, defined short names, the main
        recipient and helper, a village written before its county."""
        self.deictic = words_pattern(r["deictic_places"] + r["deictic_near"])
        self.deictic_near = frozenset(r["deictic_near"])
        self.main_recipient_min_mentions = r["main_recipient_min_mentions"]
        self.title_marks = tuple(r["title_subject_marks"])
        self.title_page_labels = frozenset(r["title_page_labels"])
        self.title_page_label_endings = tuple(r["title_page_label_endings"])
        self.main_helper_min = r["main_helper_min_mentions"]
        self.bare_levels = tuple(r["bare_levels"])
        self.bare_level_pattern = plain_pattern(r"(?<!%s)(?:%s)(?!%s)" % (
            alternation(r["bare_level_not_after"]), alternation(self.bare_levels),
            alternation(r["bare_level_not_before"])))
        self.abbreviation_marker = r["abbreviation_marker"]
        self.abbreviation_definition = regex.compile(r["abbreviation_definition"])
        self.places_located = plain_pattern(r["places_located"])
        self.places_located_verbs = words_pattern(r["places_located_verbs"])
        self.township_after = plain_pattern(r["township_after"])
        own = r["self_names"]
        self.self_words = words_pattern(own["words"])
        self.self_city = words_pattern(own["city_words"])
        self.self_province = words_pattern(own["province_words"])
        self.self_county = words_pattern(own["county_words"])
        self.self_prefecture = words_pattern(own["prefecture_words"])
        self.self_prefecture_suffix = own["prefecture_suffix"]
        # (all four, for the one search a sentence without any makes)
        self.self_places = words_pattern(own["city_words"] + own["province_words"] + own["county_words"]
                                         + own["prefecture_words"])
        self.list_closers = tuple(r["list_closing_connectors"])
        self.funds_after = plain_pattern(r["funds_after"])
        self.self_city_suffix = own["county_city_suffix"]
        self.self_name = plain_pattern(r"(?:%s)(%s)" % (alternation(own["leads"]), own["name"]))

    def _load_regions(self, r: dict) -> None:
        """Places that are no county of the code list or that stand for two: named regions
        (四川藏区), 兵团 divisions, helper pairs (京津), the east–west lists."""
        self.regions: dict[str, Place] = {}
        self.region_areas: dict[str, tuple[str, ...]] = {}
        self.region_short: dict[str, str] = {}
        for g in r["regions"]:
            place = Place(g["name"], None, "region")
            self.region_areas[g["name"]] = tuple(g["areas"])
            for surface in g["surfaces"]:
                self.regions[surface] = place
            for surface in g["short"]:
                self.region_short[surface] = g["name"]
        self.region_pattern = words_pattern(list(self.regions) + list(self.region_short))
        div = r["divisions"]
        self.division_mark, self.division_name = div["mark"], div["name"]
        self.division_pattern = regex.compile(div["pattern"])
        self.division_city = plain_pattern(alternation(div["cities"]))
        city_units = {u.name: u for u in self.gaz.units.values() if u.name in div["cities"]}
        self.division_city_of = {n: Place(c, city_units[c].adcode, "county")
                                 for n, c in div["city_of"].items() if c}
        self.helper_pairs = {k: tuple(v) for k, v in r["helper_pairs"].items()}
        self.helper_pair_pattern = plain_pattern("(?:%s)(?:%s)" % (
            alternation(self.helper_pairs), alternation(r["pair_cues"])))
        self.east_helpers = frozenset(r["east_helpers"])
        self.west_recipients = frozenset(r["west_recipients"])

    def _load_clause_marks(self, marks: ClauseMarks) -> None:
        """The clause marks of the roles readers, both widths (rules/clauses.yaml, shared with the
        counties stage's role window): {clause}, {part} and {comma} in a roles pattern stand for them
        (inside a character class)."""
        self.clause_chars = marks.chars
        self._marks = {"{clause}": regex.escape(marks.chars),
                       "{part}": regex.escape(marks.part + marks.end),
                       "{comma}": regex.escape(marks.comma)}
        # a sentence's parts (；;), looked for forward and back from a mention (help_comes_in)
        self.part_break = plain_pattern(f"[{regex.escape(marks.part)}]")
        self.part_marks = tuple(marks.part)
        self.clause_mark = marks.mark
        self.clause_mark_back = marks.mark_back

    def part_start(self, text: str, lo: int, at: int) -> int:
        """Where the sentence part holding ``at`` starts in text[lo:at]: after its last part mark
        (；;), else ``lo``. One str.rfind per mark, not a reverse pattern search: the cheaper call
        on the short windows help_comes_in reads (speed round 26b)."""
        return max(lo, *(text.rfind(mark, lo, at) + 1 for mark in self.part_marks))

    def _marked(self, pattern: str) -> str:
        """A roles pattern with its clause-mark placeholders written out."""
        for name, chars in self._marks.items():
            pattern = pattern.replace(name, chars)
        return pattern

    def _load_roles(self, roles: dict) -> None:
        """County roles: the help-in evidence, its reach, and what is no help."""
        m = self._marked
        self.help_in = words_pattern(roles["help_in"])
        self.help_in_not = tuple(roles["help_in_not"])
        self.nationwide_cadres = plain_pattern(m(roles["nationwide_cadres"]))
        self.programme_talk = regex.compile(roles["programme_talk"].replace("{programme_meeting}", self._meeting))
        self.prefecture_help = regex.compile(m(roles["prefecture_help"]))
        self.help_with_party = plain_pattern(alternation(roles["help_with_party"]))
        self.higher_level_funds = regex.compile(roles["higher_level_funds"])
        # help told in a phrase rather than a word (invited experts, a province pair's
        # programme); {pairs} stands for the province-pair abbreviations of the gazetteer
        pairs = alternation(s for s, forms in self.gaz.forms.items() if any(f.kind == "pair" for f in forms))
        self.help_in_phrases = regex.compile("|".join(
            f"(?:{m(x['pattern']).replace('{pairs}', f'(?:{pairs})')})" for x in roles["help_in_phrases"]))
        # whether a stretch holds any of them (one lead-gated search instead of four: most stretches hold none); without
        # the service verbs, where a county's own body must stand before the help (_own_body_gives: 扶贫 of 扶贫日)
        self._load_outsiders(roles)
        cues = "|".join(f"(?:{p.pattern})" for p in (self.help_in, self.higher_level_funds, self.help_with_party,
                                                     self.help_in_phrases))
        self.help_cue_no_service = lead_gated_pattern(cues)
        self.any_help_cue = lead_gated_pattern(f"{cues}|(?:{self.service_verbs.pattern})")
        self.receiving = plain_pattern(roles["receiving"])
        self.acting_reach = roles["acting_reach"]
        self.acting_cues = plain_pattern(alternation(roles["acting_cues"]))
        self.acting_not = tuple(roles["acting_not"])
        self.acting_breakers = plain_pattern(f"{alternation(roles['acting_breakers'])}|{self.clause_mark.pattern}")
        self.cadre_origin_marks = tuple(roles["cadre_origin_marks"])
        self.help_in_paragraphs = roles["help_in_paragraphs"]
        self.help_in_next_sentences = roles["help_in_next_sentences"]
        self.heading_max, self.section_reach = roles["heading_max"], roles["section_reach"]
        self.attribution = plain_pattern(alternation(roles["attribution"]))
        self.signature = plain_pattern(roles["signature"])
        self.opening_reach, self.opening_others = roles["opening_reach"], roles["opening_others"]
        self.help_in_reach = roles["help_in_reach"]
        self.origin_tail = plain_pattern(r"\p{Han}{0,%d}?(?:%s)" % (
            roles["origin_tail_reach"], alternation(roles["origin_tails"])))
        self.origin_tail_reach = roles["origin_tail_reach"]
        self.places_inside = plain_pattern(roles["places_inside"])
        self.located_before = plain_pattern(m(roles["located_before"]))
        self.located_reach = roles["located_reach"]
        self.located_units = words_pattern(roles["located_units"])
        # (?:{county})TAIL: the tail is compiled once; the county's names are looked for as
        # words (_own_postings), not compiled into a pattern per county (a
        # regex compile costs 1.5-10 ms; real news compiled 69 of them on a first pass)
        own = m(roles["own_posting"])
        if not own.startswith("(?:{county})") or "{county}" in own[len("(?:{county})"):]:
            raise ValueError("pairings.yaml roles.own_posting must open with (?:{county}) and "
                             "name {county} only there")
        self.own_posting_tail = plain_pattern(own[len("(?:{county})"):])
        self._load_own_members(roles)
        self.own_level_senders = {k: tuple(v) for k, v in roles["own_level_senders"].items()}
        self.sends_team = plain_pattern(roles["sends_team"])
        self.sends_people = tuple(plain_pattern(m(p)) for p in roles["sends_people"])   # see _first_match
        self.origin_labels = plain_pattern(roles["origin_labels"])
        self.team_words = words_pattern(roles["team_words"])
        self.outside_team_marks = words_pattern(roles["outside_team_marks"])
        self.own_tiers = regex.compile(m(roles["own_tiers"]))
        self._load_own_subject(roles["own_subject"])
        self._load_own_whole(roles["own_whole"], roles["own_bodies"])

    def _load_own_members(self, roles: dict) -> None:
        """A member of a county's own unit holding its team's post (_HelpEvidence._sends_own_team), and its own people
        named as givers by their township or village (_HelpEvidence._own_people_give)."""
        self.own_member_posting = plain_pattern(self._marked(roles["own_member_posting"]))
        self.own_team_heads = plain_pattern(roles["own_team_heads"])
        self.own_people = plain_pattern(roles["own_people"]["pattern"])
        self.own_people_cues = words_pattern(roles["own_people"]["cues"])

    def _load_aid_gate(self, roles: dict) -> None:
        """The everyday help words read only in a text about aid, and the words that make it one."""
        self.generic_help = frozenset(roles["generic_help"])
        self.aid_article_words = plain_pattern(alternation(roles["aid_article_words"]))   # one search: a third of 23 `in`s

    def _load_thanks(self, thanks: dict) -> None:
        """A thank-you token given (roles.thanks_gift): no help, its receiver the helper."""
        tail = self._marked(thanks["tail"]).replace("{tokens}", alternation(thanks["tokens"]))
        self.thanks_tokens = words_pattern(thanks["tokens"])     # most stretches hold none: looked for first
        self.thanks_tail = plain_pattern(tail)
        self.thanks_to, self.thanks_reach = tuple(thanks["to"]), thanks["reach"]
        self.thanks_gift = plain_pattern(f"(?:{alternation(thanks['verbs'])}){tail}")

    def _load_quote_attribution(self, quote: dict) -> None:
        """A quotation's opening and its speaker named after it (_HelpEvidence.quoted_elsewhere)."""
        self.quote_open = plain_pattern(quote["opening"])
        self.quote_attribution = plain_pattern(quote["speaker"])

    def _load_settings(self, roles: dict) -> None:
        """A mention naming the setting of a meeting or a leader's visit (_HelpEvidence.names_setting),
        or a native's place (_HelpEvidence._places_read); the reading of an article's only county
        (_HelpEvidence.help_anywhere)."""
        self.setting_lead = roles["setting_lead"]
        # the article's only county (help_anywhere): how often it is named, the cues read anywhere
        self.sole_county_mentions = roles["sole_county_mentions"]
        self.sole_county_cues = words_pattern(w for w in roles["help_in"] if w not in roles["sole_county_not"])
        self.setting_word = roles["setting_word"]
        self.setting_before = plain_pattern(r"%s\p{Han}{0,%d}$" % (regex.escape(self.setting_word), self.setting_lead))
        self.setting_after = plain_pattern(roles["setting_after"])
        # a native's place (恩阳区人，…): 人 and what may follow it, every clause mark among them
        native = roles["native_tail"]
        self.native_tails = tuple(native["word"] + x for x in (*native["then"], *self.clause_chars))
        self.branch_tails = tuple(roles["branch_tails"])    # a company's branch (七里河支行): no place named
        # a site's furniture line (_HelpEvidence.names_furniture): a footer's label, a publisher line
        furniture = roles["furniture"]
        self.furniture_labels = plain_pattern(furniture["labels"])
        self.furniture_publishers = tuple(furniture["publishers"])
        self.furniture_publisher = plain_pattern(f"(?:{alternation(self.furniture_publishers)}){furniture['publisher_tail']}")

    def _load_helper_side(self, roles: dict) -> None:
        """What makes a county the helping side's own unit (assign_roles, _HelpEvidence.sends_team)."""
        # each province pair's helping province (the first of its row: 京蒙 → 北京市), whose units
        # are the programme's helper side where the article writes the pair's programme
        self.pair_helpers = {s: next(Place(f.unit.name, f.unit.adcode, f.unit.level)
                                     for f in forms if f.kind == "pair")
                             for s, forms in self.gaz.forms.items() if any(f.kind == "pair" for f in forms)}
        # each pair's two sides (京蒙 → 北京市, 内蒙古自治区: the helper, the helped)
        self.pair_sides = {s: sides for s, forms in self.gaz.forms.items()
                           for sides in (tuple(Place(f.unit.name, f.unit.adcode, f.unit.level)
                                               for f in forms if f.kind == "pair"),)
                           if len(sides) == 2}
        self.east_west_cues = words_pattern(roles["east_west_cues"])
        # consumption aid (_HelpEvidence.sold_outside): the article's literal gate, then the cue words
        consumption = roles["consumption_aid"]
        self.consumption_gate = tuple(consumption["gate"])
        self.consumption_cues = words_pattern(consumption["cues"])
        self.province_talk = plain_pattern(roles["province_talk"].replace(
            "{pairs}", f"(?:{alternation(self.pair_helpers)})"))
        self.pair_programme = plain_pattern(roles["pair_programme"].replace(
            "{pairs}", f"(?:{alternation(self.pair_helpers)})"))
        words = roles["delegation_words"]
        self.delegation_words = words_pattern(words)
        self.delegation_reach = roles["delegation_reach"]
        self.sends_delegation = plain_pattern(self._marked(roles["sends_delegation"]).replace(
            "{delegation_words}", alternation(words)))

    def _load_own_subject(self, subject: dict) -> None:
        """The county or its own leadership as a sentence's posting subject (_HelpEvidence._own_subject_posts)."""
        self.own_subject_lead = plain_pattern(subject["lead"])
        self.own_subject_lead_max = subject["lead_max"]
        self.own_subject_heads = {level: tuple(heads) for level, heads in subject["heads"].items()}
        self.own_subject_verbs = words_pattern(subject["verbs"])
        self.own_subject_breaks = words_pattern(subject["breaks"])
        self.own_subject_verb_not_before = tuple(subject["verb_not_before"])
        self.own_subject_team_reach = subject["team_reach"]
        giver = subject["giver"]
        self.own_giver_verbs = words_pattern(giver["verbs"])
        self.own_giver_receiving = words_pattern(giver["receiving"])

    def _load_own_whole(self, whole: dict, bodies: dict) -> None:
        """The county's own whole named as the giver (_HelpEvidence._own_whole_gives), and its own
        bodies (_HelpEvidence._own_body_gives)."""
        self.own_bodies = words_pattern(bodies["bodies"])
        self.own_bodies_reach = int(bodies["reach"])
        self.own_whole_heads = {level: words_pattern(heads) for level, heads in whole["heads"].items()}
        self.own_whole_words = {level: tuple(heads) for level, heads in whole["heads"].items()}
        self.own_whole_cues = words_pattern(whole["cues"])
        self.own_whole_not_between = words_pattern(whole["not_between"])

    def _load_outsiders(self, roles: dict) -> None:
        """Who counts as a party from outside a county (_HelpEvidence._outsider_named)."""
        self.own_org_heads = tuple(roles["own_org_heads"])
        self.helper_org_services = tuple(roles["helper_org_services"])
        self.outsider_org_suffixes = tuple(roles["outsider_org_suffixes"])
        self.institution_tail = plain_pattern(r"\p{Han}{0,%d}?(?:%s)" % (
            roles["institution_head_max"], alternation(self.outsider_org_suffixes)))
        # its own name: the top-level origin_marks (W9 (b) givers) is another list, read apart
        self.outsider_origin_marks = tuple(roles["origin_marks"])
        self.outsider_names = regex.compile("|".join(f"(?:{o['name']})" for o in roles["outsider_names"]))
        # what an outsider cannot be named without: one of its suffixes (in the stretch, or in
        # an institution's tail running past its end), or an origin mark; how far past the
        # end such a tail reaches
        self.outsider_signals = words_pattern(self.outsider_org_suffixes + self.outsider_origin_marks)
        self.institution_tail_reach = roles["institution_head_max"] + max(map(len, self.outsider_org_suffixes))
        # an outsider's service (roles.outsider_service): its cues (the verbs and the work words,
        # 扶贫 after an organisation's name), and the marks that make the outsider before the cue
        # its object or place rather than its subject
        service = roles["outsider_service"]
        self.service_cues = words_pattern(v["word"] for v in service["verbs"] + service["work_words"])
        # the work words stand in most sentences of a poverty article: a stretch's first help cue
        # (any_help_cue, which holds only the verbs) is one of them only where an outsider is named
        self.service_verbs = words_pattern(v["word"] for v in service["verbs"])
        self.outsider_work = words_pattern(w["word"] for w in service["work_words"])
        self.outsider_org_ends = words_pattern(self.outsider_org_suffixes)     # (an organisation's: not 从, 来自)
        self.service_not_subject = tuple(service["not_subject_marks"])
        self.service_not_subject_max = _longest(self.service_not_subject)


@cache
def _rules(folder: Folder) -> PairingRules:
    return PairingRules(folder)


def load_rules(folder: Folder = None) -> PairingRules:
    return _rules(folder)


# ---------------------------------------------------------------------------- parties

# _higher_place's answers by the hit's forms: (the forms, the place). Why it is safe: the answer
# depends on the forms alone, and a gazetteer gives every hit of one surface the same tuple of
# forms, kept for its lifetime; the entry keeps its tuple alive, so no other tuple can take its
# id while the entry stands, and the identity is checked besides. Place is frozen (compared by
# value, never by identity), so one instance serves every hit. Why: a real-news pass asked
# 1,148 times for a few hundred surfaces, each a set of the forms' units built anew.
_HIGHER_PLACES: dict[int, tuple[tuple, Optional[Place]]] = {}


def _higher_place(hit: Hit) -> Optional[Place]:
    """The province or prefecture a hit names, when it names exactly one (吉林 → the province)."""
    known = _HIGHER_PLACES.get(id(hit.forms))
    if known is not None and known[0] is hit.forms:
        return known[1]
    place = _HIGHER_PLACES[id(hit.forms)] = (hit.forms, _higher_place_of(hit.forms))
    return place[1]


def _higher_place_of(forms: tuple) -> Optional[Place]:
    units = {f.unit for f in forms if f.unit.level != "county"}
    for level in ("province", "prefecture"):
        at = [u for u in units if u.level == level]
        if len(at) == 1:
            return Place(at[0].name, at[0].adcode, level)
        if at:
            return None
    return None


def _county_city(hit: Hit, suffix: str) -> Optional[Place]:
    """The county-level city a hit names, when it names exactly one unit and that is a county whose
    name ends in ``suffix`` (建德 → 建德市), else None."""
    units = {f.unit for f in hit.forms}
    if len(units) != 1:
        return None
    u = next(iter(units))
    return Place(u.name, u.adcode, "county") if u.level == "county" and u.name.endswith(suffix) else None


def _contains(outer: Place, inner: Place) -> bool:
    if outer.level == "region" or inner.level == "region":
        return False   # a named region (四川藏区) is not a parent unit in the code list
    if not outer.adcode or not inner.adcode:
        return outer.level != "county"
    if outer.level == "province":
        return inner.adcode[:2] == outer.adcode[:2] and inner.adcode != outer.adcode
    if outer.level == "prefecture":
        return inner.adcode[:4] == outer.adcode[:4] and inner.adcode != outer.adcode
    return False


def _places(text: str, s: int, e: int, rules: PairingRules,
            county_at: dict[int, County],
            hits: Optional[tuple[list, list[int]]] = None) -> list[tuple[int, int, Optional[Place], Optional[tuple]]]:
    """(start, end, place, pair) of the sentence's place names, chains merged. ``hits``: the
    whole text's gazetteer hits and their starts (read once per article), else the sentence
    is scanned."""
    found: list[tuple[int, int, Optional[Place], Optional[tuple]]] = []
    if hits is not None:
        all_hits, starts = hits
        sentence_hits = [(h.start, h.end, h) for h in
                         all_hits[bisect_left(starts, s):bisect_left(starts, e)] if h.end <= e]
    else:
        sentence_hits = [(s + h.start, s + h.end, h) for h in rules.gaz.find(text[s:e])]
    for start, end, h in sentence_hits:
        if start in county_at:
            c = county_at[start]
            found.append((start, end, _county_place(c), None))
        elif any(f.kind == "pair" for f in h.forms):
            units = [f.unit for f in h.forms if f.kind == "pair"]
            pair = tuple(Place(u.name, u.adcode, u.level) for u in units)
            if len(pair) == 2:
                found.append((start, end, None, pair))
        else:
            place = _higher_place(h)
            if place is not None and not (text.endswith(rules.village_name_before, s, start)
                                          and text.startswith(rules.village_name_after, end)) \
                    and not _dateline(text, end, rules):
                found.append((start, end, place, None))   # (岑溪乡桂林村's 桂林: a village's name)
    chained: list = []
    for item in found:
        if (chained and item[2] is not None and chained[-1][2] is not None
                and _chain_joined(text[chained[-1][1]:item[0]], item[2], rules)
                and _contains(chained[-1][2], item[2])):
            chained[-1] = (chained[-1][0], item[1], item[2], None)
        else:
            chained.append(item)
    return chained


def _chain_joined(between: str, inner: Place, rules: PairingRules) -> bool:
    """Whether a unit and the next one (inside it, tested after) are one chain: a chain joiner
    between them, or a county's descriptor (陕西省地震重灾区宁强县, optionally after 的)."""
    if between in rules.chain_joiners:
        return True
    return inner.level == "county" and between.removeprefix("的") in rules.chain_descriptors


def _dateline(text: str, end: int, rules: PairingRules) -> bool:
    """Whether the place ending at ``end`` heads a dateline (本报北京9月21日电): where the report was filed,
    no party. The digit test first: most places are not followed by one."""
    return end < len(text) and text[end].isdigit() and rules.dateline_after.match(text, end) is not None


def _tail(text: str, end: int, limit: int, rules: PairingRules,
          starts: list[int]) -> tuple[int, Optional[str]]:
    """A place's trailing name (新拉村, 人民医院, 工作组): (new end, class) or (end, None)."""
    m = rules.tail_pattern.match(text, end, min(limit, end + rules.w["tail_max"] + 6))
    if not m or m.end() == end:
        return end, None
    tail = m.group()
    if rules.own_hospital.fullmatch(tail) and not _any_between(starts, end, m.end()):
        # 宁波市第一人民医院, 绍兴市人民医院: the place's own hospital, named as written (a
        # recipient's is still its place: the party keeps both)
        return m.end(), "organisation"
    if any(ch in rules.org_boundaries for ch in tail) or rules.cue_pattern.search(tail) \
            or rules.org_name_verbs.search(tail) or _generic_org(tail, rules) or text.startswith(rules.org_post_words, m.end()) \
            or _any_between(starts, end, m.end()):
        return end, None
    for cls in ("association", "organisation", "team", "recipient"):
        if tail.endswith(rules.tail_classes[cls]):
            if cls == "organisation" and (text.startswith(rules.org_suffix_not_before, m.end()) or any(
                    tail.endswith(w) and tail.endswith(before, 0, len(tail) - len(w))
                    for w, before in rules.org_suffix_not_after.items())):
                # 青岛市政府统一部署, 洛阳市西南部: the suffix is part of a longer word, as for any organisation
                return end, None
            return m.end(), cls
    return end, None


def _any_between(ordered: list[int], a: int, b: int) -> bool:
    """Whether a number of ``ordered`` lies strictly between ``a`` and ``b``."""
    k = bisect_right(ordered, a)
    return k < len(ordered) and ordered[k] < b


_HAN = plain_pattern(r"\p{Han}")
_HAN_RUN = plain_pattern(r"\p{Han}+")
_SENTENCE_END = plain_pattern(r"[。！？!?\n]")
_HAN_DIGIT = plain_pattern(r"[0-9０-９一二三四五六七八九十百千万亿]")


def _past_place(org: str, place: Optional[Place]) -> str:
    """The organisation's name after the place it opens with (四川农业大学 → 农业大学): a numeral
    there counts the organisation (7个…研究院), one inside the place's name (四川, 三明) does not."""
    if place is not None:
        for form in (place.name, place.name[:2]):
            if org.startswith(form):
                return org[len(form):]
    return org


class _Spans:
    """A fixed set of [start, end) spans, asked whether a span overlaps any of them: bisect
    over their starts and a prefix maximum of their ends (a line is one sentence; its
    thousands of names must not each be compared with all the others)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted((a, b) for a, b in spans)
        self.starts = [a for a, _ in ordered]
        self.reach = list(accumulate((b for _, b in ordered), max))

    def overlaps(self, a: int, b: int) -> bool:
        """``not all(b <= x or a >= y for x, y in spans)``."""
        k = bisect_left(self.starts, b) - 1
        return k >= 0 and self.reach[k] > a


class _DisjointSpans:
    """Spans that never overlap, added one by one (the organisations kept so far)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, a: int, b: int) -> bool:
        """``not all(b <= x or a >= y for x, y in spans)`` (disjoint non-empty spans: their
        ends are in the order of their starts, and only the last one starting before ``b``
        can reach past ``a``)."""
        k = bisect_left(self.starts, b) - 1
        return k >= 0 and self.ends[k] > a

    def add(self, a: int, b: int) -> None:
        k = bisect_left(self.starts, a)
        self.starts.insert(k, a)
        self.ends.insert(k, b)


def _org_reach(text: str, end: int, rules: PairingRules) -> int:
    """How long a name ending at ``end`` may be: org_max, or company_max for a company's registered
    name (…有限公司, …合作社: 湖南省科罗纳多汽车销售服务有限公司)."""
    return rules.w["company_max"] if text.endswith(rules.company_endings, 0, end) else rules.w["org_max"]


def _org_start(text: str, suffix_start: int, floor: int, rules: PairingRules) -> int:
    """Where an organisation name ending at ``suffix_start`` + suffix begins (at most
    org_max characters back: ``floor``)."""
    i = rules.org_run_back.match(text, floor, suffix_start).start()
    number = rules.org_number_mark.search(text, max(floor, i - 5), i) if i > floor else None
    if number is not None:
        # 第180医院: the numbered unit's name goes on back over its number
        i = rules.org_run_back.match(text, floor, number.start()).start()
    if i > floor and text[i - 1] in rules.org_bracket_closers:
        # 纳洋(天津)科技发展有限公司: the name goes on back over its bracketed part
        bracket = rules.org_bracket.search(text, max(floor, i - 6), i)
        if bracket is not None and bracket.start() > floor:
            head = rules.org_run_back.match(text, floor, bracket.start()).start()
            i = head if head <= bracket.start() - rules.org_bracket_head else i   # (民(宗)委 names no company)
    # a boundary inside a name (和 in 协和医院) does not end the run
    while i > floor and text[i - 1] in rules.org_boundaries and _HAN.match(text[i - 1]) \
            and _kept_inside(text, i - 1, rules.org_keep_at):
        i = rules.org_run_back.match(text, floor, i - 1).start()
    return i


def _after_verbs(text: str, start: int, end: int, rules: PairingRules) -> int:
    """Where a name run back to ``start`` begins: after the last verb in text[start:end] (the
    sending verbs: 北京理工大学派遣多个专业学院的师生团队, the sender, then who is sent (W9); the
    statement's verbs: 牵头联合广铁集团, 调研评估交通银行 — no part of the name)."""
    for pattern in (rules.sent_verbs, rules.org_name_verbs):
        for verb in pattern.finditer(text, start, end):
            start = verb.end()
    return start


def _by_character(words) -> dict[str, tuple[tuple[str, int], ...]]:
    """Each word by each of its characters, with where in the word that character stands."""
    found: dict[str, tuple[tuple[str, int], ...]] = {}
    for w in dict.fromkeys(words):
        for o, ch in enumerate(w):
            found[ch] = found.get(ch, ()) + ((w, o),)
    return found


def _kept_inside(text: str, pos: int, words_at: dict[str, tuple[tuple[str, int], ...]]) -> bool:
    """Whether the character at ``pos`` belongs to one of the words (和 in 协和医院): ``words_at`` gives
    each word by each of its characters with its place in the word (PairingRules.org_keep_at), so only
    the words holding that character are tried, each where it would start."""
    return any(o <= pos and text.startswith(w, pos - o) for w, o in words_at.get(text[pos:pos + 1], ()))


def _organisation_at(text: str, m, floor: int, rules: PairingRules, taken_starts: list[int],
                     in_order: bool, taken_end: dict[int, int]) -> Optional[tuple[int, int, str]]:
    """The organisation :func:`_organisations` reads at one suffix match ``m`` (its name
    starting no further back than ``floor``), or None."""
    if text.startswith(rules.org_suffix_not_before, m.end()):
        return None   # 部门, 部分: the suffix is part of a longer word
    start = _org_start(text, m.start(), floor, rules)
    start = _after_verbs(text, start, m.start(), rules)
    name = text[start:m.end()]
    if in_order:
        k = bisect_right(taken_starts, start)
        inner = taken_starts[k] if k < len(taken_starts) and taken_starts[k] < m.start() else None
    else:
        inner = next((a for a in taken_starts if start < a < m.start()), None)
    if inner is not None and (m.start() < taken_end.get(inner, inner) < m.end()
                              or text[inner - 1] in rules.org_bracket_openers):
        # 拱北海关: a place read inside the name that runs into its suffix (北海) heads nothing; nor does one
        # in the name's brackets (纳洋(天津)科技发展有限公司)
        inner = None
    if inner is not None and not rules.org_suffix.search(text, start, inner) \
            and not text.endswith(rules.org_kept_heads, start, inner) \
            and not text.endswith(rules.org_station_marks, start, inner):
        # 时任福建省委: the name starts at the place (复旦大学附属金山医院 does not, nor 武警甘肃总队)
        start, name = inner, text[inner:m.end()]
    lead = rules.org_verb_heads.match(name)
    if lead is not None and len(name) - lead.end() >= rules.w["org_min"]:
        start, name = start + lead.end(), name[lead.end():]   # 充分调动锦湖集团: the verb is no part of it
    if len(name) < rules.w["org_min"] or m.start() == start or name in rules.kind_only_names:
        return None
    if m.start() - start < rules.w["org_stem_min"] and start > 0 and _HAN.match(text, start - 1):
        return None   # one character before the suffix, cut from the word it ends (了|解公司对口帮扶): no name
        #               (郑商所 after a boundary is one)
    count = rules.org_count_head.match(text, start, m.start())
    if count is not None and (count.end() - start > 1 or (start > 0 and text[start - 1].isdigit())):
        return None   # 天津市10家医院, 三所大学: a count of a place's institutions, no name
    if (name.startswith(rules.unnamed_org_heads) and not name.endswith(rules.unnamed_org_kept_endings)) or (
            m.group() in rules.department_suffixes and m.start() - start <= 2):
        return None   # 区教育局, 卫生局: a department of a place the name does not say
    if _generic_org(name, rules) and not (
            len(name) >= rules.w["named_org_min"] and name.endswith(rules.society_suffixes)
            and _place_headed(name, rules)) and not _unit_of_named_org(name, rules):
        start = _after_role_label(name, start, rules)
        if start is None:
            return None   # 帮扶单位, 三级医院; but 香港各界扶贫促进会 is a name (its place heads it)
        name = text[start:m.end()]
    if taken_end.get(start, -1) >= m.end():
        return None   # a place with its institution: found with the place
    return start, m.end(), name


def _organisations(text: str, s: int, e: int, rules: PairingRules,
                   taken: list[tuple[int, int]], central: bool = False,
                   read: Optional[dict] = None) -> list[tuple[int, int, str]]:
    """Organisations named without a place before them: (start, end, name); with
    ``central``, also the central organs named as such (教育部, 国务院扶贫办, 共青团中央: no
    place heads them), read where a statement's parties are (a cue sentence, the title).
    ``read``, with no places ``taken``, remembers each suffix's organisation (or None) by
    the suffix's span and how far back its name may start: an article's anaphors read back
    over the same organisations again and again."""
    out: list[tuple[int, int, str]] = [(m.start(), m.end(), m.group())
                                       for m in rules.central_units.finditer(text, s, e)] if central else []
    # the places' starts in order, and the farthest end of a place at each start
    taken_starts = [a for a, _ in taken]
    in_order = all(x <= y for x, y in zip(taken_starts, taken_starts[1:]))
    taken_end: dict[int, int] = {}
    for a, b in taken:
        taken_end[a] = max(b, taken_end.get(a, b))
    out += _party_committees(text, s, e, rules)
    for m in rules.org_suffix.finditer(text, s, e):
        floor = max(s, m.end() - _org_reach(text, m.end(), rules))
        if read is None:
            found = _organisation_at(text, m, floor, rules, taken_starts, in_order, taken_end)
        else:
            key = (m.start(), m.end(), floor)
            if key not in read:
                read[key] = _organisation_at(text, m, floor, rules, [], True, {})
            found = read[key]
        if found is not None:
            out.append(found)
    # longest first, no overlaps (复旦大学附属金山医院 over 复旦大学)
    out.sort(key=lambda o: (-(o[1] - o[0]), o[0]))
    kept: list[tuple[int, int, str]] = []
    spans = _DisjointSpans()
    for o in out:
        if not spans.overlaps(o[0], o[1]):
            kept.append(o)
            spans.add(o[0], o[1])
    return kept


def _party_committees(text: str, s: int, e: int, rules: PairingRules) -> list[tuple[int, int, str]]:
    """A democratic party's committees named in text[s:e] (rules party_committees): the party's name after a
    boundary, then nothing or one place of the code list (or a place and its districts: 佛山市顺德区) written
    with the level, then the committee's end."""
    out = []
    if not rules.party_names.search(text, s, e):
        return out   # most sentences name no party: one plain search instead of the two patterns
    for m in rules.party_committee.finditer(text, s, e):
        a = m.start()
        if _inside_word(text, a, 0, rules):
            continue   # 村民建议市委: 民建 inside a word
        if m.group(2) and not _places_exactly(m.group(2) + m.group(3), rules):
            continue
        out.append((a, m.end(), m.group()))
    for m in rules.party_committee_list.finditer(text, s, e):
        a = m.start()
        if _inside_word(text, a, 0, rules):
            continue
        level, end = m.group(3), m.group(4)
        places = _split_list(m.group(2), rules.party_committee_joiners)
        if not places or not all(_places_exactly(p + level, rules) for _, _, p in places):
            continue
        at = m.start(2)
        for k, (i, j, place) in enumerate(places):
            # each committee spans its place in the list (the first from the party's name): in order for 分别
            # (the last to the ending: 重庆市委 is no other organisation)
            out.append((a if k == 0 else at + i, m.end() if k == len(places) - 1 else at + j,
                        m.group(1) + place + level + end))
    return out


def _inside_word(text: str, a: int, lo: int, rules: PairingRules) -> bool:
    """Whether a name read from ``a`` (past ``lo``) starts inside a word: a Han character before it
    that is no organisation boundary (rules org_boundaries)."""
    return a > lo and bool(_HAN.match(text[a - 1])) and text[a - 1] not in rules.org_boundaries


def _split_list(words: str, joiners: regex.Pattern) -> list[tuple[int, int, str]]:
    """The items of a list written with ``joiners`` between them: (start, end, item)."""
    out, pos = [], 0
    for j in joiners.finditer(words):
        out.append((pos, j.start(), words[pos:j.start()]))
        pos = j.end()
    out.append((pos, len(words), words[pos:]))
    return out if all(item for _, _, item in out) else []


def _places_exactly(words: str, rules: PairingRules) -> bool:
    """Whether ``words`` is one place of the code list, or places written one after another, and nothing else."""
    pos = 0
    for h in sorted(rules.gaz.find(words), key=lambda h: (h.start, -h.end)):
        if h.start == pos and h.end > pos:
            pos = h.end
    return pos == len(words)


def _generic_org(name: str, rules: PairingRules):
    """The first generic word of a name (rules generic_org_words), none inside a longer word that
    names a kind of unit (合作 of 农民专业合作社: generic_org_not_before)."""
    m = rules.generic_org.search(name)
    while m is not None and name.startswith(rules.generic_org_not_before.get(m.group(), ()), m.end()):
        m = rules.generic_org.search(name, m.start() + 1)
    return m


def _after_role_label(name: str, start: int, rules: PairingRules) -> Optional[int]:
    """Where a name starts after a role label written before it (帮扶单位中国农业银行 →
    中国农业银行): the generic words, then one of the owned nouns, then a name of at least
    org_min + 1 characters with no generic word; else None."""
    last = None
    for last in rules.generic_org.finditer(name):
        pass
    noun = _noun_after(name, last.end(), rules.owned_nouns)
    if noun is None and name.endswith(rules.owned_nouns, 0, last.end()):
        noun = last.end()      # the generic word is the noun itself (帮扶单位)
    if noun is None:
        return None
    rest = name[noun:]
    if len(rest) <= rules.w["org_min"] or rules.generic_org.search(rest) \
            or rest.startswith(rules.unnamed_org_heads):
        return None
    return start + noun


def _unit_of_named_org(name: str, rules: PairingRules) -> bool:
    """北京大学人民医院: a generic unit word (人民医院) after a named organisation (北京大学) is
    that organisation's unit, one name."""
    m = rules.generic_org.search(name)
    while m is not None:
        head = name[:m.start()]
        if name.endswith(m.group()) and len(head) >= rules.w["org_min"] \
                and head.endswith(rules.org_suffix_list) and not rules.generic_org.search(head):
            return True
        m = rules.generic_org.search(name, m.end())
    return False


def _place_headed(name: str, rules: PairingRules) -> bool:
    """Whether an organisation's name opens with a place (香港各界扶贫促进会, 深圳市扶贫基金会)."""
    if name.startswith(rules.org_place_heads):
        return True
    return any(h.start == 0 and any(f.kind in ("full", "short") for f in h.forms)
               for h in rules.gaz.find(name[:8]))


def _regions(text: str, s: int, e: int, rules: PairingRules,
             context: "Context") -> list[tuple[int, int, Place]]:
    """Named regions (四川藏区; 藏区 when the article also writes 四川藏区); the 兵团's divisions
    when the article names the 兵团 (``context.divisions``). A division written before its own city
    (兵团第二师铁门关市, 师市合一) comes with no place: its span hides the places inside it
    (新疆) and opens the city's name, the party."""
    out = []
    if context.divisions:
        for m in rules.division_pattern.finditer(text, s, e):
            place = None if rules.division_city.match(text, m.end(), e) \
                else context.division(m.group(1))
            out.append((m.start(), m.end(), place))
    for m in rules.region_pattern.finditer(text, s, e):
        place = rules.regions.get(m.group())
        if place is None and rules.region_short[m.group()] in context.regions_written:
            place = Place(rules.region_short[m.group()], None, "region")
        if place is not None:
            out.append((m.start(), m.end(), place))
    return out


def _regions_chained(text: str, places: list, rules: PairingRules) -> list:
    """A county written right after a named region (三峡库区的忠县, chain_joiners) is that county, its name
    reaching back over the region, as a county after its own prefecture (:func:`_places`)."""
    region_at = {p[1]: p[0] for p in places if p[2] is not None and p[2].level == "region"}
    if not region_at:
        return places
    out, dropped = [], set()
    for p in places:
        joiner = next((j for j in rules.chain_joiners if p[0] - len(j) in region_at
                       and text.startswith(j, p[0] - len(j))), None)
        if joiner is not None and p[2] is not None and p[2].level == "county":
            start = region_at[p[0] - len(joiner)]
            dropped.add(start)
            p = (start,) + tuple(p[1:])
        out.append(p)
    return [p for p in out if not (p[0] in dropped and p[2] is not None and p[2].level == "region")]


def _context_places(text: str, s: int, e: int, rules: PairingRules, places: list,
                    context: "Context") -> list:
    """The sentence's places with what the article lends: named regions (over the places they
    cover), deictics (该县, 当地), a bare 自治区, townships and villages first written after their
    county; in order."""
    regions = _regions(text, s, e, rules, context)
    if regions:
        region_spans = _Spans((a, b) for a, b, _ in regions)
        places = [p for p in places if not region_spans.overlaps(p[0], p[1])]
        places += [(a, b, place, None) for a, b, place in regions if place is not None]
        places = _regions_chained(text, places, rules)
        # a division before its own city (兵团第二师铁门关市) is the start of the city's name
        city_from = {b: a for a, b, place in regions if place is None}
        if city_from:
            places = [(city_from.get(p[0], p[0]),) + tuple(p[1:]) for p in places]
    # the names found so far, built when a name below needs it (most sentences have none)
    taken_now = places[:]
    taken: list[_Spans] = []

    def free(a: int, b: int) -> bool:
        if not taken:
            taken.append(_Spans((p[0], p[1]) for p in taken_now))
        return not taken[0].overlaps(a, b)

    for m in rules.deictic.finditer(text, s, e):
        place = context.county_before(m.start()) if m.group() in rules.deictic_near \
            else context.main_recipient
        if place is None:
            continue
        if free(m.start(), m.end()):
            places.append((m.start(), m.end(), place, "deictic"))
    # 我市, 我省, 我县 for the city, province or county the text names most (rules/pairings.yaml, self_names)
    places += [(a, b, place, None) for a, b, place in _own_words(text, s, e, rules, context) if free(a, b)]
    # a level word alone (支持自治区人民医院) for the one such province the article names
    if rules.bare_level_pattern.search(text, s, e):
        for m in rules.bare_level_pattern.finditer(text, s, e):
            place = context.bare_level(m.group())
            if place is not None and free(m.start(), m.end()):
                places.append((m.start(), m.end(), place, None))
    # a town of a city with no county level, named alone (凤岗镇党委书记…率凤岗镇党政代表团赴…): the
    # town, keyed by its city (W15); a place name inside it (长安 of 长安镇) is no place, and one
    # written right before it (东莞石龙镇) reads it as its tail
    towns = [(m.start(), m.end(), context.districtless_town(m.group()))
             for m in rules.districtless_town_pattern.finditer(text, s, e)]
    towns = [t for t in towns if t[2] is not None and not text.startswith(
        rules.township_word_goes_on.get(text[t[1] - 1], ()), t[1]) and all(p[1] != t[0] for p in places)]
    if towns:
        town_spans = _Spans((a, b) for a, b, _ in towns)
        places = [p for p in places if not town_spans.overlaps(p[0], p[1])]
        places += [(a, b, place, "town") for a, b, place in towns]
        taken_now = places[:]
    # a township or village first written after its county, named alone (海则梁乡 …
    # 对海则梁…实施精准帮扶): the county
    for a, b, place in context.inside_places(s, e):
        if free(a, b):
            places.append((a, b, place, "inside"))
    places.sort(key=lambda p: p[0])
    return places


def _own_words(text: str, s: int, e: int, rules: PairingRules, context: "Context") -> list:
    """(start, end, place) of each 我市, 我省, 我县, 我州 in text[s:e] whose place the text names most
    (Context.own_city, own_province, own_county, own_prefecture; none when no place is named most)."""
    found: list = []
    if not rules.self_places.search(text, s, e):
        return found
    for words, own in ((rules.self_city, "own_city"), (rules.self_province, "own_province"),
                       (rules.self_county, "own_county"), (rules.self_prefecture, "own_prefecture")):
        if words.search(text, s, e) and getattr(context, own) is not None:
            found += [(m.start(), m.end(), getattr(context, own)) for m in words.finditer(text, s, e)]
    return found


def sentence_parties(text: str, s: int, e: int, rules: PairingRules,
                     county_at: dict[int, County], context: "Context" = None) -> list[Party]:
    """Every party named in text[s:e], in order."""
    places = _places(text, s, e, rules, county_at, context.hits if context is not None else None)
    if context is not None:
        places = _context_places(text, s, e, rules, places, context)
    starts = sorted({p[0] for p in places})
    parties: list[Party] = []
    # the last township party's name and how far its written units reach (锡北镇泾西村): a township
    # the article named alone inside that reach is the same unit, by the same name
    township_reach, township_named = -1, None
    for start, end, place, pair in places:
        if pair in ("deictic", "town"):
            parties.append(Party(start, end, place=place, deictic=True) if pair == "deictic"
                           else _town_party(text, start, end, e, place, rules))
            continue
        if pair == "inside":
            township = township_named if start < township_reach else _township(text, start, end, rules)
            parties.append(Party(start, end, place=place, township=township))
            continue
        if pair is not None or start < township_reach:
            if pair is not None:   # (else a hit inside the units written after a place: 军乐镇朝阳村's 朝阳)
                parties.append(Party(start, end, pair=pair))
            continue
        new_end, cls = _place_tail(text, end, e, rules, starts)
        if cls == "association":
            # 湖南作协: a society of the place's people, never the place helped
            parties.append(Party(start, new_end, org=text[start:new_end]))
            continue
        org = text[start:new_end] if cls == "organisation" else None
        township = _written_township(text, end, e, rules) if cls == "recipient" else None
        if township is not None:
            township_named, township_reach = township
            township = township_named
        parties.append(Party(start, new_end, place=place, org=org, township=township))
    if context is not None and rules.bare_unit_pattern.search(text, s, e):
        parties = _with_bare_units(text, s, e, rules, parties, context)
    orgs = _organisations(text, s, e, rules, [(p.start, p.end) for p in parties], context is not None)
    if context is not None:
        short_names = context.abbreviations.find(text, s, e)
        if short_names:
            org_spans = _Spans((a, b) for a, b, _ in orgs)
            orgs += [o for o in short_names if not org_spans.overlaps(o[0], o[1])]
        if rules.anaphor_pattern.search(text, s, e):
            taken = _Spans([(p.start, p.end) for p in parties] + [(a, b) for a, b, _ in orgs])
            orgs += context.anaphors(s, e, taken)
        if rules.self_words.search(text, s, e) and context.own_hospital is not None:
            # 我院 on a hospital's own page: the hospital the page names (rules/pairings.yaml, self_names)
            taken = _Spans([(p.start, p.end) for p in parties] + [(a, b) for a, b, _ in orgs])
            orgs += [(m.start(), m.end(), context.own_hospital) for m in rules.self_words.finditer(text, s, e)
                     if not taken.overlaps(m.start(), m.end())]
    orgs = _outside_towns(orgs, parties)
    if orgs:
        # a place inside an organisation's name (复旦大学附属金山医院) is part of the name (the
        # organisations never overlap one another)
        org_spans = _Spans((a, b) for a, b, _ in orgs)
        parties = [p for p in parties if not org_spans.overlaps(p.start, p.end)]
        parties += [Party(start, end, org=name) for start, end, name in orgs]
    parties.sort(key=lambda p: p.start)
    return _join_adjacent_organisations(text, parties)


def _place_tail(text: str, end: int, e: int, rules: PairingRules, starts: list[int]) -> tuple[int, Optional[str]]:
    """A place's trailing name (:func:`_tail`), or its party committee and government written right after it
    (rules place_organs: 天津市委市政府, 莱西市委、市政府), which are the place itself: (new end, None)."""
    if text.startswith(rules.place_organ_head, end):
        organs = rules.place_organs.match(text, end, e)
        if organs is not None:
            return organs.end(), None
    return _tail(text, end, e, rules, starts)


def _town_party(text: str, start: int, end: int, e: int, place: Place, rules: PairingRules) -> Party:
    """A town of a city with no county level named alone at text[start:end] (W15: named as written), its
    span over the town's organs written right after it (中堂镇党委政府: the town)."""
    organ = next((w for w in rules.districtless_town_organs if text.startswith(w, end, e)), "")
    return Party(start, end + len(organ), place=place, township=text[start:end])


def _outside_towns(orgs: list[tuple[int, int, str]], parties: list[Party]) -> list[tuple[int, int, str]]:
    """The organisations not inside a town party's span: a town's organ (中堂镇党委) is the town."""
    towns = [(p.start, p.end) for p in parties if p.place is not None and p.place.level == "town"]
    if not towns or not orgs:
        return orgs
    return [o for o in orgs if not any(a <= o[0] and o[1] <= b for a, b in towns)]


def _written_township(text: str, end: int, e: int, rules: PairingRules) -> Optional[tuple[str, int]]:
    """The township, street office or village written right after a place ending at ``end``
    (roles.places_inside), named by its smallest unit (锡北镇泾西村 → 泾西村), and where the
    units written end; or None. The party's span stays its tail's."""
    units = rules.places_inside.match(text, end, e)
    if units is None or units.end() == end:
        return None
    unit = 2 if units.group(2) else 1
    name = _township(text, units.start(unit), units.end(unit), rules)
    return None if name is None else (name, units.end())


def _township(text: str, a: int, b: int, rules: PairingRules) -> Optional[str]:
    """The own name of a township, street office or village written at text[a:b] (锡北镇, 建筑新村街道,
    泾西村: W15 names a helper so), or None for a kind of place (新农村, 希望小镇: rules township_not_words,
    township_not_endings; 美丽乡 of 美丽乡村: a word goes on after it) or a generic word."""
    name = text[a:b]
    if name in rules.township_not_words or name.endswith(rules.township_not_endings) \
            or text.startswith(rules.township_word_goes_on.get(name[-1], ()), b) or _generic_org(name, rules) \
            or _org_start(name, len(name), 0, rules) > 0 or rules.org_name_verbs.search(name) \
            or rules.org_verb_heads.search(name):
        return None   # 还组织全区街道: a clause's words up to a kind of place, no name
    return name


def _with_bare_units(text: str, s: int, e: int, rules: PairingRules, parties: list[Party],
                     context: "Context") -> list[Party]:
    """The sentence's parties with its units named by a bare level word (rules bare_units, W16):
    each after a boundary, resolved to a place by :meth:`Context.bare_unit`; a place party inside
    the unit's span (温州商会 of 市温州商会) gives way to it."""
    for m in rules.bare_unit_pattern.finditer(text, s, e):
        a = m.start()
        if _inside_word(text, a, s, rules):
            continue
        if text.startswith(rules.bare_unit_not, a) or _generic_org(text[a + 1:m.start(1)], rules):
            continue
        if any(p.start < a < p.end for p in parties):
            continue
        found = context.bare_unit(m.group(), text[a])
        unnamed = False
        if text[a] in rules.bare_unit_unplaced:
            # 省统计局: a province's unit, named as written (or in full), helps its own counties too
            name, place = (found[0] if found else m.group()), None
        elif found is None:
            if text[a] not in rules.bare_unit_unresolved:
                continue
            # 市库区移民工作处 on a page naming no city: as written, for its 结对/定点 help only (add)
            name, place, unnamed = m.group(), None, True
        else:
            name, place = found
        parties = [p for p in parties if not (a <= p.start < m.end())]
        parties.append(Party(a, m.end(), place=place, org=name, bare=place is not None or unnamed))
    parties.sort(key=lambda p: p.start)
    return parties


def _join_adjacent_organisations(text: str, parties: list[Party]) -> list[Party]:
    """An organisation written right after another is its unit, one name with it
    (四川大学 + 华西医院 → 四川大学华西医院)."""
    out: list[Party] = []
    for p in parties:
        if out and p.org and out[-1].org and out[-1].end == p.start:
            q = out[-1]
            out[-1] = Party(q.start, p.end, place=q.place, org=text[q.start:p.end])
        else:
            out.append(p)
    return out


class SentenceParties(list):
    """A cue sentence's parties (pairs apart), in order of their starts, with the lookups
    the statement shapes make around each cue: by position (bisect over starts, and a
    prefix maximum of ends for "the last party ending before"), and the sentence's clause
    breaks, quotation marks and 分别, found once. A 300 KB line is one sentence, and each
    shape runs once per cue: a walk over all its parties or characters per cue would make
    the stage quadratic. Ends are not strictly in order (a place's tail may run over the
    next place), hence the prefix maximum."""

    def __init__(self, parties: Iterable[Party], text: str, s: int, e: int,
                 rules: PairingRules) -> None:
        super().__init__(parties)
        self.text, self.s, self.e, self.rules = text, s, e, rules
        self.starts = [p.start for p in self]
        self.reach = list(accumulate((p.end for p in self), max))
        self._placed: Optional[tuple[list[int], list[int], list[int]]] = None
        self._counties: Optional[tuple[list[int], list[int]]] = None
        self._county_places: Optional[dict[Place, int]] = None
        self._named_county_places: dict[Place, int] = {}
        self._places: Optional[set[Party]] = None
        self._by_end: Optional[list[tuple[int, int]]] = None
        self._breaks: Optional[list[int]] = None
        self._marks: dict[str, list[int]] = {}
        self._cue_in: dict[tuple[int, int], bool] = {}
        self._team_work: Optional[list[int]] = None

    # -- parties by position

    def first_from(self, pos: int) -> int:
        """Index of the first party starting at or after ``pos`` (len when none)."""
        return bisect_left(self.starts, pos)

    def any_starting(self, lo: int, hi: int) -> bool:
        """Whether a party starts in [lo, hi)."""
        i = bisect_left(self.starts, lo)
        return i < len(self) and self.starts[i] < hi

    def last_ending(self, lo: int, hi: int) -> Optional[int]:
        """Index of the last party (in order) whose end lies in [lo, hi], else None."""
        k = bisect_right(self.starts, hi) - 1
        while k >= 0 and self.reach[k] >= lo:
            if lo <= self[k].end <= hi:
                return k
            k -= 1
        return None

    def last_placed_ending(self, lo: int, hi: int, below: Optional[int] = None) -> Optional[int]:
        """Index of the last party with a place (before index ``below``) whose end lies in
        [lo, hi], else None."""
        if self._placed is None:
            idx = [i for i, p in enumerate(self) if p.place]
            self._placed = (idx, [self[i].start for i in idx],
                            list(accumulate((self[i].end for i in idx), max)))
        idx, starts, reach = self._placed
        k = bisect_right(starts, hi) - 1
        if below is not None:
            k = min(k, bisect_left(idx, below) - 1)
        while k >= 0 and reach[k] >= lo:
            if lo <= self[idx[k]].end <= hi:
                return idx[k]
            k -= 1
        return None

    def first_placed_starting(self, lo: int, hi: int) -> Optional[Party]:
        """The first party with a place starting in [lo, hi), else None."""
        if self._placed is None:
            self.last_placed_ending(0, -1)
        idx, starts, _ = self._placed
        k = bisect_left(starts, lo)
        return self[idx[k]] if k < len(idx) and starts[k] < hi else None

    def first_county_after(self, pos: int) -> Optional[Party]:
        """The first party whose place is a county starting after ``pos``, else None."""
        if self._counties is None:
            idx = [i for i, p in enumerate(self) if p.place and p.place.level == "county"]
            self._counties = (idx, [self[i].start for i in idx])
        idx, starts = self._counties
        k = bisect_right(starts, pos)
        return self[idx[k]] if k < len(idx) else None

    def first_ending_at(self, pos: int) -> Optional[int]:
        """Index of the first party (in order) ending at ``pos``, else None."""
        if self._by_end is None:
            self._by_end = sorted((p.end, i) for i, p in enumerate(self))
        k = bisect_left(self._by_end, (pos, -1))
        if k < len(self._by_end) and self._by_end[k][0] == pos:
            return self._by_end[k][1]
        return None

    def position(self, party: Party) -> int:
        """``list.index``: the first party equal to ``party`` (equal parties start alike)."""
        i = bisect_left(self.starts, party.start)
        while i < len(self) and self.starts[i] == party.start:
            if self[i] == party:
                return i
            i += 1
        raise ValueError(f"{party!r} is not in the sentence's parties")

    def names_other_place(self, helpers: list[Party]) -> bool:
        """``any(p.place and p not in helpers for p in self)``, by a set of the parties with a
        place, made once per sentence."""
        if self._places is None:
            self._places = {p for p in self if p.place}
        return len(self._places) > len({h for h in helpers if h in self._places})

    def sole_county_besides(self, h: Party, named: bool = False) -> Optional[Place]:
        """The one county the sentence names besides party ``h`` (one of its parties), else
        None: ``{p.place for p in self if p is not h and p.place.level == "county"}`` when it
        holds one place, from a count of the sentence's county places made once. ``named``:
        counties written by name only (当地, 该县 left out: they stand for a place)."""
        if self._county_places is None:
            self._county_places, self._named_county_places = {}, {}
            for p in self:
                if p.place and p.place.level == "county":
                    self._county_places[p.place] = self._county_places.get(p.place, 0) + 1
                    if not p.deictic:
                        self._named_county_places[p.place] = self._named_county_places.get(p.place, 0) + 1
        counts = self._named_county_places if named else self._county_places
        alone = h.place if h.place in counts and counts[h.place] == 1 \
            and any(p is h for p in self.around(h)) else None
        if len(counts) - (alone is not None) != 1:
            return None
        return next(place for place in counts if place != alone)

    def around(self, party: Party) -> list[Party]:
        """The parties starting where ``party`` starts."""
        return self[bisect_left(self.starts, party.start):bisect_right(self.starts, party.start)]

    # -- the sentence's marks

    def team_work_after(self, pos: int) -> bool:
        """Whether the sentence tells a team's work after ``pos`` (one of rules.team_work
        before the sentence's end: the words' starts found once; they hold no sentence end)."""
        if self._team_work is None:
            self._team_work = sorted(j for w in self.rules.team_work for j in self.occurrences(w))
        end = e_of(self.text, pos, self.e)
        k = bisect_left(self._team_work, pos)
        return k < len(self._team_work) and self._team_work[k] < end

    def clause_breaks(self) -> list[int]:
        """Ends of the sentence's clause breaks (，；：), in order."""
        if self._breaks is None:
            self._breaks = [m.end() for m in self.rules.clause_break.finditer(self.text, self.s, self.e)]
        return self._breaks

    def clause_start(self, pos: int) -> int:
        """The end of the last clause break before ``pos`` in the sentence, else its start."""
        if pos > self.e:
            return _clause_start(self.text, self.s, pos, self.rules)
        breaks = self.clause_breaks()
        k = bisect_right(breaks, pos) - 1
        return breaks[k] if k >= 0 else self.s

    def first_break_after(self, pos: int, limit: int) -> Optional[int]:
        """Start of the first clause break in [pos, limit), else None."""
        breaks = self.clause_breaks()
        k = bisect_right(breaks, pos)     # a break at ``pos`` ends at pos + 1
        return breaks[k] - 1 if k < len(breaks) and breaks[k] <= limit else None

    def occurrences(self, word: str) -> list[int]:
        """Where ``word`` starts in the sentence, in order (overlaps included)."""
        found = self._marks.get(word)
        if found is None:
            found, j = [], self.text.find(word, self.s, self.e)
            while j >= 0:
                found.append(j)
                j = self.text.find(word, j + 1, self.e)
            self._marks[word] = found
        return found

    def holds(self, word: str, lo: int, hi: int) -> bool:
        """``text.find(word, lo, hi) >= 0``."""
        if lo < self.s or hi > self.e:
            return self.text.find(word, lo, hi) >= 0
        found = self.occurrences(word)
        k = bisect_left(found, lo)
        return k < len(found) and found[k] + len(word) <= hi

    def first_at(self, word: str, lo: int, hi: int) -> int:
        """``text.find(word, lo, hi)``."""
        if lo < self.s or hi > self.e:
            return self.text.find(word, lo, hi)
        found = self.occurrences(word)
        k = bisect_left(found, lo)
        return found[k] if k < len(found) and found[k] + len(word) <= hi else -1

    def last_at(self, word: str, lo: int, hi: int) -> int:
        """``text.rfind(word, lo, hi)``."""
        if lo < self.s or hi > self.e:
            return self.text.rfind(word, lo, hi)
        found = self.occurrences(word)
        k = bisect_right(found, hi - len(word)) - 1
        return found[k] if k >= 0 and found[k] >= lo else -1

    def cue_in(self, lo: int, hi: int) -> bool:
        """Whether a cue lies in text[lo:hi] (remembered: each cue asks of the same clause)."""
        found = self._cue_in.get((lo, hi))
        if found is None:
            found = self._cue_in[(lo, hi)] = bool(self.rules.cue_pattern.search(self.text, lo, hi))
        return found


# ---------------------------------------------------------------------------- lists

def _between(text: str, a: int, b: int) -> str:
    return text[a:b] if a <= b else ""


@cache
def _longest(words: Iterable[str]) -> int:
    return max(map(len, words), default=0)


def _one_of(text: str, a: int, b: int, words: Iterable[str]) -> bool:
    """``text[a:b] in words``, without copying a long stretch (once per cue, a stretch may
    be most of a line)."""
    return b - a <= _longest(words) and text[a:b] in words


def _list_back(text: str, parties: list[Party], i: int, seps: tuple[str, ...],
               rules: Optional[PairingRules] = None) -> list[Party]:
    """parties[i] and the list items before it (A、B和C → [A, B, C]). With ``rules``, an item
    right after a cue is the object of the statement before and ends the list (济南市对口重庆武隆区、
    烟台市对口重庆巫山县: 武隆区 is no helper of 巫山县)."""
    items = [parties[i]]
    while i > 0:
        a, b = parties[i - 1].end, parties[i].start
        if rules is not None and a < b and rules.cue_before.search(
                text, max(0, parties[i - 1].start - rules.cue_max), parties[i - 1].start):
            break
        if a >= b or _one_of(text, a, b, seps):
            i -= 1
            items.insert(0, parties[i])
        else:
            break
    return items


def _list_forward(text: str, parties: list[Party], i: int, seps: tuple[str, ...],
                  rules: Optional[PairingRules] = None) -> list[Party]:
    """parties[i] and the list items after it. With ``rules``, an item after a clause break
    that a cue follows (an opener such as 也 between) opens the next clause as its subject
    and ends the list (西湖区结对帮扶雷山县，萧山区结对帮扶台江县); so does an item after any
    separator that a cue follows right away (济南市对口重庆武隆区、烟台市对口重庆巫山县)."""
    items = [parties[i]]
    while i + 1 < len(parties):
        a, b = parties[i].end, parties[i + 1].start
        if a >= b or _one_of(text, a, b, seps):
            if rules is not None and a < b and (
                    rules.cue_pattern.match(text, parties[i + 1].end)
                    or (text[a:b] in rules.list_clause_breaks and _opens_clause(text, parties[i + 1].end, rules))):
                break
            i += 1
            items.append(parties[i])
        else:
            break
    return items


def _opens_clause(text: str, end: int, rules: PairingRules) -> bool:
    """Whether a cue follows right at ``end``, or after one carry-over opener (也, 还 …)."""
    return any(text.startswith(o, end) and rules.cue_pattern.match(text, end + len(o))
               for o in rules.carry_over)


def _ending_before(text: str, parties: SentenceParties, pos: int, gap: int, rules: PairingRules,
                   floor: int) -> Optional[int]:
    """Index of the last party ending at most ``gap`` before ``pos`` with no breaker between."""
    i = parties.last_ending(-1, pos)
    if i is None:
        return None
    p = parties[i]
    if pos - p.end > gap or p.start < floor:
        return None
    if rules.breakers.search(text, p.end, pos):
        return None
    return i


def _starting_after(text: str, parties: SentenceParties, pos: int, gap: int) -> Optional[int]:
    """Index of the first party starting at or after ``pos``, when it starts at most ``gap``
    after it with only 了的过 between, else None."""
    i = parties.first_from(pos)
    if i == len(parties):
        return None
    p = parties[i]
    if p.start - pos <= gap and all(ch in "了的过" for ch in text[pos:p.start]):
        return i
    return None


# ---------------------------------------------------------------------------- shapes

Statement = tuple[list[Party], list[Party], int, int]   # helpers, recipients, start, end


def _under(text, parties, cs, ce, s, rules, ctx=None) -> Optional[Statement]:
    close = text.find(rules.under_close, ce, ce + rules.w["under_gap"] + 1)
    if close < 0 or rules.breakers.search(text, ce, close):
        return None
    opened = text.rfind(rules.under_open, max(s, cs - rules.w["helper_gap"] - 8), cs)
    if opened < 0:
        return None
    # the last party inside 在…cue (opened is at most helper_gap + 8 before the cue)
    last = next((i for i in range(bisect_right(parties.starts, cs) - 1, -1, -1) if parties[i].start <= opened
                 or parties[i].end <= cs), None)
    if last is None or parties[last].start <= opened:
        return None
    joiner = rules.under_people_joiner
    if text.startswith(joiner, cs - len(joiner)) \
            and text.endswith(rules.under_people, parties[last].start, cs - len(joiner)):
        return None   # 在广州专家的援助下 (the party's tail or after it): people described by where they come from
        #               (W9 (b)), not the place's help
    helpers = _list_back(text, parties, last, rules.helper_separators)
    helpers = [h for h in helpers if h.start > opened]
    limit = rules.w["under_recipient"]
    after = parties.first_placed_starting(close + 1, close + limit + 1)
    bi = parties.last_placed_ending(opened - limit, opened)
    before = parties[bi] if bi is not None else None
    # the subject of the clause (喀什市人民医院新生儿科在…对口援助下), else what follows
    # (在深圳南山区的帮扶下，连平县…)
    more: list[Party] = []
    if before and not rules.clause_break.search(text, before.end, opened):
        recipient = before
    else:
        recipient = after if after else before
        if after:     # 在…的帮扶下，连平县、和平县…: each place of the list
            more = _list_forward(text, parties, parties.position(after), rules.separators)[1:]
            more = [p for p in more if p.place]
    if recipient is None:
        # 在福建等援藏队的帮助下，我们的产品…: the sentence names no place but the helpers; the
        # recipient is the place the passage speaks of (the speaker's, the paragraph's)
        place = _passage_place(parties, helpers, opened, ctx)
        if place is None:
            return None
        recipient = Party(cs, ce, place=place)
    elif ctx is not None and recipient.place.level == "prefecture":
        # 察布查尔县…。在江苏援疆工作组的帮助下，蟹苗在伊犁成功培育: the prefecture is where; the
        # passage's county inside it is the place helped
        county = ctx.county_before(opened)
        if county is not None and _contains(recipient.place, county):
            recipient = Party(recipient.start, recipient.end, place=county)
    return helpers, [recipient] + more, min(opened, recipient.start), max(close + 1, (more or [recipient])[-1].end)


def _passage_place(parties, helpers, pos, ctx) -> Optional[Place]:
    """The place a statement that names only its helpers speaks of: the last county named
    before ``pos`` in its paragraph or the one before, else the article's main recipient;
    none when the sentence names another place (it would be that place's statement)."""
    if ctx is None or parties.names_other_place(helpers):
        return None
    return ctx.county_before(pos, helped=True) or ctx.prefecture_before(pos, helpers) or ctx.main_recipient


def _from(text, parties, cs, ce, s, rules, ctx=None) -> Optional[Statement]:
    """来自 H 的 cue / 得到 H 的 cue: 检查设备来自于郑州商品交易所的捐赠 — the recipient is the
    place the clause speaks of (a place before the mark in the sentence, else the passage's)."""
    joiner = text.rfind("的", max(s, cs - 1 - rules.w["from_gap"]), cs)
    if joiner < 0 or not _HAN_RUN.fullmatch(text, joiner, cs):
        return None   # H 的(意外保险)扶助: at most from_gap characters of one word between
    hi = parties.first_ending_at(joiner)
    if hi is None:
        return None
    h = parties[hi]
    mark = next((m for m in rules.from_marks if text.endswith(m, 0, h.start)), None)
    if mark is None and text.endswith(rules.thanks_mark, 0, h.start) \
            and rules.thanks_after.match(text, ce):
        mark = rules.thanks_mark   # 谢明光对深圳的帮扶十分感激: thanks for help received
    if mark is None:
        return None
    at = h.start - len(mark)
    if mark == rules.thanks_mark and text.find(mark, parties.clause_start(h.start), at) >= 0:
        # 对莱西市委、市政府及社会各界对两当县的对口帮扶表示感谢: an earlier 对 in the clause names who is
        # thanked (its organs, 莱西市委, not the place), for its help to H: H receives, it gives nothing
        return None
    # a place named beats a word standing for the article's place (连平县…合作社理事长、当地致富带头人
    # 谢明光对深圳的帮扶十分感激: 当地 is 连平县 here)
    bi = parties.last_placed_ending(-1, at, below=hi)
    named = bi
    while named is not None and parties[named].deictic:
        named = parties.last_placed_ending(-1, at, below=named)
    bi = named if named is not None else bi
    if bi is not None:
        # 巍山县、洱源县、弥渡县等地的学校得到了上海市的捐赠: each place of the list receives
        recipients = [p for p in _list_back(text, parties, bi, rules.helper_separators)
                      if p.place is not None and not p.deictic] or [parties[bi]]
        return [h], recipients, recipients[0].start, ce
    place = _passage_place(parties, [h], at, ctx)
    if place is None:
        return None
    return [h], [Party(cs, ce, place=place)], at, ce


def _caused(text, parties, cs, ce, s, rules) -> Optional[Statement]:
    """H 的 cue 让/使 R …: 上海的对口帮扶让云南省元阳县旧貌换新颜 — the help named as what changed
    the place named right after the verb (at most from_gap characters of one word between 的
    and the cue, as in the from shape)."""
    joiner = text.rfind("的", max(s, cs - 1 - rules.w["from_gap"]), cs)
    if joiner < 0 or not _HAN_RUN.fullmatch(text, joiner, cs):
        return None
    hi = parties.first_ending_at(joiner)
    if hi is None:
        return None
    h = parties[hi]
    if text.endswith(rules.caused_not_before, 0, h.start):
        return None   # 对石渠县的帮扶, 在深圳的帮扶下: the place before 的 is no giver here
    verb = rules.caused_after.match(text, ce)
    if verb is None:
        return None
    ri = _starting_after(text, parties, verb.end(), 0)
    if ri is None or parties[ri].place is None or parties[ri].place == h.place:
        return None
    recipients = _list_forward(text, parties, ri, rules.helper_separators)
    return [h], recipients, h.start, recipients[-1].end


def _abbreviated(text, parties, cs, ce, s, rules) -> Optional[Statement]:
    """H 援X: the character after 援 stands for the province helped (福建援宁, 上海援滇; 深圳援疆
    工作…投入46亿元, SPEC 6's sentence about the work itself), when no place follows the cue (the
    active shape's) and the helper stands right before it (at most abbreviated_gap characters)."""
    unit = rules.aid_abbreviations.get(text[cs:ce])
    if unit is None:
        return None
    hi = _ending_before(text, parties, cs, rules.w["abbreviated_gap"], rules, s)
    if hi is None or _starting_after(text, parties, ce, rules.w["recipient_gap"]) is not None:
        return None
    helper = parties[hi]
    if helper.place is not None and helper.place.adcode and helper.place.adcode[:2] == unit.adcode[:2]:
        return None   # 新疆援疆干部, 西藏援藏…: a place inside the province helps no one here
    inside = parties.first_from(cs + 1)
    if inside < len(parties) and parties[inside].start == cs + 1 and parties[inside].place is not None:
        # 援桂林, 援宁夏: the place's name opens with the character, the place is helped
        return [helper], [parties[inside]], helper.start, parties[inside].end
    province = Place(unit.name, unit.adcode, unit.level)
    return [helper], [Party(cs + 1, ce, place=province)], helper.start, ce


def _point(text, parties, cs, ce, s, rules, ctx) -> Optional[Statement]:
    """H 扶贫点 + a township or village with no county named after the cue: 七星关区委宣传部扶贫点
    清水铺镇橙满园村 — a county's own unit (its name opens with the county) keeps its 扶贫点 in its
    own county, the recipient (gold/README W6)."""
    hi = _ending_before(text, parties, cs, 0, rules, s)
    if hi is None:
        return None
    h = parties[hi]
    if not h.org or _starting_after(text, parties, ce, rules.w["recipient_gap"]) is not None:
        return None
    own = h.place if h.place is not None and h.place.level == "county" else ctx.county_at_start(h.start, h.end)
    village = rules.township_after.match(text, ce)
    if own is None or village is None:
        return None
    # the county's units listed before the cue (七星关区委宣传部、七星关区教育局扶贫点…): each of them
    units = [p for p in _list_back(text, parties, hi, rules.helper_separators) if p.org]
    return units, [Party(h.start, h.end, place=own)], units[0].start, village.end()


def _leaning(text, parties, cs, ce, s, rules) -> Optional[Statement]:
    """R 依托 H (的) cue: 麦积区依托天津市西青区对口帮扶优势 — the helper right before the cue (at
    most 的 between), a verb of leaning (rules/pairings.yaml, leaning) filling the gap between
    the place before it and the helper; that place leans on the help, it is helped."""
    hi = _ending_before(text, parties, cs, 1, rules, s)
    if hi is None or hi == 0 or text[parties[hi].end:cs] not in ("", "的"):
        return None
    h, r = parties[hi], parties[hi - 1]
    if r.place is None or r.org or r.place == h.place or not rules.leaning.fullmatch(text, r.end, h.start):
        return None
    # a list leaning on it (麦积区、秦州区依托西青区对口帮扶优势): each of them
    recipients = [p for p in _list_back(text, parties, hi - 1, rules.separators) if p.place and not p.org]
    return [h], recipients, recipients[0].start, ce


def _joined(text, parties, cs, ce, s, rules) -> Optional[Statement]:
    """A 与 B <joint verb> …，<lead> cue: the two sides joined in the clause before, the cue's own
    clause naming no party (南昌市与固原市结成友好协作城市，开展扶贫协作; 杭州市与恩施州签订协议，
    开展东西部扶贫协作); the eastern side helps (:func:`_east_helps`)."""
    cl = parties.clause_start(cs)
    if cl <= s or text[cl - 1] not in rules.joined["breaks"] or parties.any_starting(cl, cs) \
            or not rules.joined["lead"].fullmatch(text, cl, cs):
        return None
    pcl = parties.clause_start(cl - 1)
    bi = parties.last_ending(pcl, cl - 1)
    # B, then the joint verb within toward_gap: the last party of the clause before
    while bi is not None and bi > 0:
        b, a = parties[bi], parties[bi - 1]
        if a.start >= pcl and text[a.end:b.start] in rules.mutual \
                and rules.mutual_verbs.search(text, b.end, min(cl, b.end + rules.w["toward_gap"])):
            # a list on A's side (南昌市、九江市与固原市结成…): each of them
            side = [p for p in _list_back(text, parties, bi - 1, rules.helper_separators) if p.start >= pcl]
            return _east_helps(side, [b], side[0].start, ce, rules, text[cs:ce])
        bi -= 1
    return None


def _as_helper(text, parties, cs, ce, s, rules) -> Optional[Statement]:
    """作为 cue 单位，H 为/向 R …: 作为对口支援单位，北京市为拉萨市投入资金3亿元 — the label (作为 +
    the cue + a role noun, no party in it) opens the sentence; the clause after it opens with
    the helpers, then a connector and the recipients right after it."""
    if not text.endswith(rules.object_as_verb, 0, cs) or cs - len(rules.object_as_verb) - s > 2:
        return None
    label = rules.as_helper_label.match(text, ce)
    if label is None or parties.any_starting(s, label.end()):
        return None
    hi = _starting_after(text, parties, label.end(), 0)
    if hi is None:
        return None
    helpers = _list_forward(text, parties, hi, rules.helper_separators)
    verb = rules.as_helper_verb.match(text, helpers[-1].end)
    if verb is None:
        return None
    ri = _starting_after(text, parties, verb.end(), 0)
    if ri is None or parties[ri].place is None:
        return None
    recipients = _list_forward(text, parties, ri, rules.separators)
    return helpers, recipients, cs, recipients[-1].end


def _noun_after(text: str, pos: int, nouns: tuple[str, ...]) -> Optional[int]:
    for n in nouns:
        if text.startswith(n, pos):
            return pos + len(n)
    return None


#: Marks that end a clause or sentence between a party and its verb.
_CLAUSE_STOPS = ("。", "；", ";", "！", "？")   # (; as web pages write it: 吉林省…;宝钢集团(现为…))


def _object(text, parties, cs, ce, s, rules) -> Optional[Statement]:
    # 的 may stand between the cue and its noun (威信县是教育部定点扶贫的县; 承德市是北京市对口帮扶的
    # 地区之一)
    after = ce + 1 if text.startswith("的", ce) else ce
    # a cue that is itself the recipient's role (…那坡县百南乡的5个村，是南宁海关的扶贫点): no noun after it
    noun_end = ce if text[cs:ce] in rules.object_cue_nouns else _noun_after(text, after, rules.object_nouns)
    if noun_end is None:
        # 正镶白旗是大兴区对口帮扶内蒙古3个贫困旗之一: the recipients' parent, a count
        region = parties.first_placed_starting(after, after + 1)
        count = rules.object_count.match(text, region.end if region else after)
        if count is not None:
            noun_end = _noun_after(text, count.end(), rules.object_nouns)
    # (target_lead opens with 的: no match without it)
    lead = rules.target_lead.match(text, ce) if after > ce else None
    if noun_end is None and lead is None:
        return None
    hi = _ending_before(text, parties, cs, rules.w["helper_gap"], rules, s)
    if hi is None:
        return None
    helpers = _list_back(text, parties, hi, rules.helper_separators)
    if lead is not None:
        # H cue 的(N个县)(分别)是 R…: 厦门大学定点扶贫的是屏边县; 国家开发银行定点帮扶的4个县分别是…
        ri = _starting_after(text, parties, lead.end(), rules.w["recipient_gap"])
        if ri is not None and parties[ri].place:
            recipients = _list_forward(text, parties, ri, rules.separators)
            return helpers, recipients, helpers[0].start, recipients[-1].end
        if noun_end is None:
            return None
    head = text[max(s, helpers[0].start - 3):helpers[0].start]
    verb = next((v for v in rules.object_verbs if v in head), None)
    if verb is not None:
        vpos = text.rfind(verb, max(s, helpers[0].start - 3), helpers[0].start)
        if text.startswith(rules.object_as_verb, vpos - len(rules.object_as_verb) + len(verb)):
            # 作为北京市对口帮扶的地区，承德市…: the recipient opens the next clause
            gap = rules.object_as_gap.match(text, noun_end)
            ri = _starting_after(text, parties, gap.end(), 0) if gap else None
            if ri is not None and parties[ri].place:
                return helpers, [parties[ri]], helpers[0].start, parties[ri].end
            # else R 作为 H 的 cue noun (纳雍县作为越秀区的对口帮扶县，…): the place before 作为
        # the last place before the verb with no clause stop between
        stop = max((parties.last_at(mark, parties.s, vpos) for mark in _CLAUSE_STOPS), default=-1)
        bi = _object_subject(text, parties, stop + 1, vpos, rules)
        if bi is not None:
            # a list before the verb (剑河县、台江县是淳安县的东西部扶贫协作对口县; 龙州县武德乡、那坡县百南乡
            # 的5个村，是…: townships, each read with its county): each of them
            recipients = [r for r in _list_back(text, parties, bi, rules.separators) if r.place]
            return helpers, recipients, recipients[0].start, noun_end
        return None
    # target: 三个定点扶贫县甘肃天祝、四川理塘
    if _noun_after(text, ce, rules.target_nouns) is not None:
        ri = _starting_after(text, parties, noun_end, rules.w["recipient_gap"])
        mark = next((m for m in rules.target_apposition if text.startswith(m, noun_end)), None)
        if ri is None and mark is not None:
            # 清华大学定点帮扶县——云南省…南涧彝族自治县: the unit's assigned county named in
            # apposition (gold/README W7)
            ri = _starting_after(text, parties, noun_end + len(mark), 0)
        if ri is not None:
            recipients = _list_forward(text, parties, ri, rules.separators)
            return helpers, recipients, helpers[0].start, recipients[-1].end
    return None


def _object_subject(text, parties, lo, vpos, rules) -> Optional[int]:
    """The recipient before the object shape's verb: the last place between ``lo`` and the verb,
    unless a locative verb (位于, 地处, 坐落) right after a place stands shortly before it
    (windows.object_located_reach) — the place the verb describes is the subject, the places
    after the verb only say where it lies (栾川县地处洛阳市西南部、伏牛山腹地，是中国铁路总公司
    定点扶贫县: 栾川县, not 洛阳市)."""
    bi = parties.last_placed_ending(lo, vpos)
    if bi is None:
        return None
    located = rules.places_located_verbs.search(
        text, max(lo, parties[bi].start - rules.w["object_located_reach"]), parties[bi].start)
    if located is not None:
        si = parties.first_ending_at(located.start())
        if si is not None and parties[si].place and not parties[si].org:
            return si
    return bi


def _owned(text, parties, cs, ce, s, rules, ctx=None) -> Optional[Statement]:
    """R 的 cue 城市/单位 H: the recipient's helper named by its role (石渠县的对口帮扶城市深圳市;
    作为色达县的结对帮扶单位，南山区…; 兰坪县的帮扶单位是珠海市); with no R before 的, the place
    the passage speaks of (来自对口帮扶城市深圳市的专家 in an article about 石渠县)."""
    if text[cs:ce] in rules.owned_subject_cues:
        return _owned_by_subject(text, parties, cs, ce, s, rules)
    noun_end = _noun_after(text, ce, rules.owned_nouns)
    if noun_end is None:
        return None
    gap = rules.owned_gap.match(text, noun_end)
    hi = _starting_after(text, parties, gap.end(), 0)
    if hi is None:
        return _owned_by_subject(text, parties, cs, ce, s, rules)
    helper = parties[hi]
    ri = parties.first_ending_at(cs - 1) if text.startswith("的", cs - 1) else None
    if ri is not None and parties[ri].place and ri != hi:
        # a list before 的 (石渠县、色达县的对口帮扶城市深圳市): each of them
        recipients = [r for r in _list_back(text, parties, ri, rules.separators) if r.place]
        return [helper], recipients, recipients[0].start, helper.end
    if text.startswith("的", cs - 1) or ri is not None:
        return None
    if text.startswith(rules.under_open, cs - len(rules.under_open)):
        # 在对口帮扶城市广州的支持下，黔南州荔波县…: the place after 下, as in the under shape
        close = text.find(rules.under_close, helper.end, helper.end + rules.w["owned_under_gap"] + 1)
        if close >= 0 and not rules.breakers.search(text, helper.end, close):
            after = parties.first_placed_starting(close + 1, close + rules.w["under_recipient"] + 1)
            if after:
                return [helper], [after], cs, after.end
    place = _passage_place(parties, [helper], cs, ctx)
    if place is None:
        return None
    return [helper], [Party(cs, ce, place=place)], cs, helper.end


def _owned_by_subject(text, parties, cs, ce, s, rules) -> Optional[Statement]:
    """H 是 R 的 cue 城市/单位: the helper is the subject, named by its role for the recipient
    (深圳市是石渠县的对口帮扶城市; 北京妇产医院是拉萨市人民医院妇产科的“院包科”医院)."""
    gap = rules.owned_subject_noun_gap.match(text, ce)
    nouns = rules.owned_subject_cue_nouns if text[cs:ce] in rules.owned_subject_cues \
        else rules.owned_subject_nouns
    noun_end = _noun_after(text, gap.end(), nouns)
    opener = cs - 1 if text[cs - 1:cs] in rules.quotes else cs
    if noun_end is None or not text.startswith("的", opener - 1):
        return None
    # R (or a unit of R's institution: 拉萨市人民医院妇产科) right before 的
    ri = _last_placed_before(text, parties, opener - 1, rules.owned_subject_unit_gap,
                             rules.owned_subject_unit_gap_max)
    if ri is None:
        return None
    r = parties[ri]
    verb = next((v for v in rules.owned_subject_verbs if text.endswith(v, s, r.start)), None)
    if verb is None:
        return None
    # (a party ending before R starts before it: its index is below R's)
    hi = parties.last_ending(r.start - len(verb), r.start - len(verb))
    if hi is None:
        return None
    return [parties[hi]], [r], parties[hi].start, noun_end


def _last_placed_before(text, parties, pos, gap, gap_max) -> Optional[int]:
    """Index of the last party with a place ending at most ``pos`` whose gap to ``pos``
    ``gap`` matches in full; ``gap`` matches at most ``gap_max`` characters, so only the
    parties ending that far back are tried."""
    k = parties.last_placed_ending(pos - gap_max, pos)
    while k is not None:
        if gap.fullmatch(text, parties[k].end, pos):
            return k
        k = parties.last_placed_ending(pos - gap_max, pos, below=k)
    return None


def _owner(text, parties, cs, ce, s, rules) -> Optional[Statement]:
    ri = _starting_after(text, parties, ce, 0)
    if ri is None:
        return None
    recipients = _list_forward(text, parties, ri, rules.helper_separators)
    j = recipients[-1].end
    if not text.startswith(rules.owner_joiner, j):
        return None
    hi = _starting_after(text, parties, j + len(rules.owner_joiner), 0)
    if hi is None:
        return None
    helpers = _list_forward(text, parties, hi, rules.helper_separators)
    return helpers, recipients, cs, helpers[-1].end


def _signed_title_open(text: str, s: int, cs: int, rules: PairingRules) -> Optional[int]:
    """The start of the book title a cue at ``cs`` opens (only the agreement's year between), when a
    signing verb stands right before the title (签订《2024年东西部协作协议》), else None."""
    t = rules.signed_title
    title = t["title"].search(text, max(s, cs - t["title_max"]), cs)
    if title is None or not t["verbs"].search(text, max(s, title.start() - t["reach"]), title.start()):
        return None
    return title.start()


def _toward(text, parties, cs, ce, s, rules, ctx=None) -> Optional[Statement]:
    villages = _toward_villages(text, parties, cs, ce, s, rules, ctx)
    if villages is not None:
        return villages
    pos = _signed_title_open(text, s, cs, rules)
    if pos is None:
        pos = cs   # (else 与黔西南州签署了《东西部扶贫协作框架协议》: the title of what they sign)
    ri = _toward_last_recipient(text, parties, pos, s, rules)
    if ri is None:
        return None
    # the connector (与, 和) ends the recipients' list: only 、 and commas join it
    recipients = _list_back(text, parties, ri, rules.enumeration)
    first = recipients[0]
    conn = next((c for c in rules.toward + rules.mutual if text.endswith(c, 0, first.start)), None)
    if conn is not None and text.endswith(rules.toward_not_words, 0, first.start):
        conn = None   # 作为, 成为: the 为 of a verb, no connector (纳雍县作为越秀区的帮扶县)
    joint = text[cs:ce] in rules.mutual_cues or text[cs:ce] in rules.paired_cues
    if conn is None or (conn in rules.mutual and not joint
                        and not rules.mutual_verbs.search(text, recipients[-1].end, cs)):
        # 对贵州务川、正安、道真和四川古蔺: 和 joins a list that 对/向 opens
        recipients = _list_back(text, parties, ri, rules.helper_separators)
        first = recipients[0]
        conn = next((c for c in rules.toward if text.endswith(c, 0, first.start)), None)
        if conn is None and (text.startswith(rules.fund_nouns, ce) or text[cs:ce].endswith(rules.fund_nouns)):
            # 东莞市到位镇雄县帮扶资金5000万元: a verb of paying out takes the place, then the fund
            conn = next((v for v in rules.fund_verbs if text.endswith(v, 0, first.start)), None)
    if conn is None or text.endswith(rules.toward_not_words, 0, first.start):
        return None
    cpos = first.start - len(conn)
    if conn == rules.thanks_mark and rules.thanks_after.match(text, ce) \
            and text.find(conn, parties.clause_start(cpos), cpos) < 0:
        return None   # 我县群众对温州市大力援助的感恩之心: thanks for help received, the other way (but
        #               对莱西市委…对两当县的对口帮扶表示感谢: the first 对 names the thanked helper)
    if conn in rules.mutual and not joint \
            and not rules.mutual_verbs.search(text, recipients[-1].end, cs):
        return None
    hi = _ending_before(text, parties, cpos, rules.w["toward_helper_gap"], rules, s)
    if hi is None:
        # 复旦大学通过支援设备、医疗队派驻…等多种方式对永平县进行定点扶贫: the means told between
        hi = _ending_before_phrase(text, parties, rules.toward_means, rules.w["toward_means_reach"], cpos,
                                   rules.w["toward_helper_gap"], rules, s)
    if hi is None:
        # 华夏幸福与涞源县…签订了对口帮扶…: an organisation the article names without a name
        # ending; …，对巴中市南江县开展定点帮扶: the sentence's subject; 不断加大对贵州务川…的帮扶:
        # the article's main helper
        helper = _unnamed_org(text, parties, s, cpos, rules, ctx) or _sentence_subject(text, parties, s, cpos, rules)
        if helper is None and conn in rules.toward:
            helper = _subjectless(text, parties, cpos, cs, s, rules, ctx)
        if helper is not None and conn in rules.mutual:
            return _east_helps([helper], recipients, first.start, ce, rules, text[cs:ce])
        return ([helper], recipients, first.start, ce) if helper else None
    helpers = _list_back(text, parties, hi, rules.helper_separators)
    if conn in rules.list_closers and len(helpers) > 1 and helpers[-1].end == cpos:
        # 在银川市、吴忠市和固原市开展捐赠帮扶: 和 right after a list's last item closes that one list
        # of places, no two sides (常州、无锡、昆山等苏南地区的村和克州…贫困村签署: the list closed before 和)
        return None
    if conn in rules.mutual:
        return _east_helps(helpers, recipients, helpers[0].start, ce, rules, text[cs:ce],
                           counted=text.startswith(rules.paired_joint_counts, recipients[-1].end))
    return helpers, recipients, helpers[0].start, ce


def _toward_last_recipient(text, parties, pos, s, rules) -> Optional[int]:
    """The toward shape's last recipient before the cue at ``pos``: within toward_gap, or before
    the fields told between (苏州市与铜仁市围绕产业合作、劳务协作等开展东西部扶贫协作), or opening a
    list of unnamed items closed by their count (对海则梁、白泥井、周台子3个特困乡实施精准帮扶)."""
    ri = _ending_before(text, parties, pos, rules.w["toward_gap"], rules, s)
    if ri is None:
        ri = _ending_before_phrase(text, parties, rules.toward_scope, rules.w["toward_scope_reach"], pos,
                                   rules.w["toward_gap"], rules, s)
    if ri is None:
        ri = _ending_before_phrase(text, parties, rules.toward_items, rules.w["toward_items_reach"], pos, 0, rules, s)
    if ri is None:
        ri = _before_village_list(text, parties, pos, s, rules)
    return ri


def _before_village_list(text, parties, pos, s, rules) -> Optional[int]:
    """The party whose villages are listed from its end up to the verb before the cue at ``pos``
    (甘谷县安远镇大城村、古坡镇大卜峪村达成村企结对帮扶协议): one of the last three parties ending within
    toward_village_list_reach, the list matching right from its end."""
    lo = max(s, pos - rules.w["toward_village_list_reach"])
    k = parties.last_ending(lo, pos)
    for _ in range(3):
        if k is None or parties[k].end < lo:
            return None
        if rules.toward_village_list.fullmatch(text, parties[k].end, pos):
            return k
        k = k - 1 if k > 0 else None
    return None


def _ending_before_phrase(text, parties, phrase, reach, pos, gap, rules, s) -> Optional[int]:
    """The party ending within ``gap`` before the first match of ``phrase`` (a compiled pattern)
    in the ``reach`` characters before ``pos``: a party named before the words told between it and
    the cue (the means, the fields, a list's count)."""
    found = phrase.search(text, max(s, pos - reach), pos)
    return None if found is None else _ending_before(text, parties, found.start(), gap, rules, s)


def _toward_villages(text, parties, cs, ce, s, rules, ctx) -> Optional[Statement]:
    """H 与/对 N 个贫困村 … cue: 锦湖集团、通运建材公司…等114家企业与100个贫困村建立结对帮扶关系 — the
    villages are the passage's county's (:func:`_passage_place`), the named helpers before the
    connector; none when the helper is that county or holds it (its own villages)."""
    m = rules.toward_villages.search(text, max(s, cs - rules.w["toward_villages_reach"]), cs)
    if m is None:
        return None
    hi = _ending_before(text, parties, m.start(), rules.w["toward_helper_gap"], rules, s)
    if hi is None:
        return None
    helpers = _list_back(text, parties, hi, rules.helper_separators)
    # the county the sentence names before the helpers (西乡县大力实施…，充分调动…与100个贫困村), else
    # the passage's
    before = parties.last_placed_ending(s, helpers[0].start, below=parties.position(helpers[0]))
    place = parties[before].place if before is not None and parties[before].place.level == "county" \
        else _passage_place(parties, helpers, m.start(), ctx)
    if place is None or any(h.place is not None and (h.place == place or _contains(h.place, place))
                            for h in helpers):
        return None
    return helpers, [Party(m.start(1), m.end(1), place=place)], helpers[0].start, ce


def _east(p: Party, rules: PairingRules, side: str = "helpers", placed_orgs: bool = False) -> bool:
    """Whether a party is a place of the east–west programme's helping side (``helpers``) or
    of its helped side (``recipients``); with ``placed_orgs``, also an organisation named with
    such a place (由佛山市政协、…组成的一行: a delegation composed of units comes from their places)."""
    codes = rules.east_helpers if side == "helpers" else rules.west_recipients
    return (placed_orgs or not p.org) and p.place is not None and bool(p.place.adcode) \
        and p.place.adcode[:2] in codes


def _east_and_west(a: Party, b: Party, rules: PairingRules) -> bool:
    """Whether two parties are the two sides of the east–west programme, one in the east and
    the other in the west, in either order (广东、广西; never 广东、浙江, two helpers)."""
    return (_east(a, rules) and _east(b, rules, "recipients")) \
        or (_east(b, rules) and _east(a, rules, "recipients"))


def _same_side_provinces(a: Party, b: Party, rules: PairingRules) -> bool:
    """Whether two parties are provinces both of the east–west programme's helping side or both
    of its helped side (广东、浙江; 广西、贵州)."""
    if a.org or b.org or a.place is None or b.place is None \
            or a.place.level != "province" or b.place.level != "province":
        return False
    return any(_east(a, rules, side) and _east(b, rules, side) for side in ("helpers", "recipients"))


def _east_helps(first: list[Party], second: list[Party], start: int, end: int,
                rules: PairingRules, cue: str = "", counted: bool = False) -> Optional[Statement]:
    """A joint action (A 与 B 结对, A 和 B 东西部扶贫协作) names the helper first unless the
    first side lies in the west and the second in the east (石渠县与深圳市南山区结成帮扶对子).
    An east–west cue pairs the east with the west, and the order written says nothing of who
    helps: the two sides counted (``counted``: 广东和浙江两省开展扶贫协作, as the paired shape reads
    them) state a pairing only when one is in the east and the other in the west; uncounted, two
    provinces on the same side (广东和浙江开展扶贫协作: two helpers) state none (other joint cues
    keep the order: 上海市与江苏省开展结对帮扶)."""
    if cue in rules.paired_cues:
        one_each = len(first) == len(second) == 1
        if counted and not (one_each and _east_and_west(first[0], second[0], rules)):
            return None
        if one_each and _same_side_provinces(first[0], second[0], rules):
            return None
    if all(_east(p, rules) for p in second) and all(_east(p, rules, "recipients") for p in first):
        return second, first, start, end
    return first, second, start, end


def _clause_start(text: str, s: int, pos: int, rules: PairingRules) -> int:
    breaks = [m.end() for m in rules.clause_break.finditer(text, s, pos)]
    return breaks[-1] if breaks else s


def _subjectless(text, parties, pos, cs, s, rules, ctx) -> Optional[Party]:
    """The article's main helper for a clause that names no party before ``pos``."""
    if ctx is None:
        return None
    start = parties.clause_start(pos)
    if parties.any_starting(start, pos) or rules.unnamed_subject.match(text, start, pos):
        return None
    return ctx.main_helper(cs)


def _sentence_subject(text, parties, s, pos, rules) -> Optional[Party]:
    """The party a sentence opens with, for a later clause that names none (香港各界扶贫促进会与…
    签署…备忘录，…，对巴中市南江县开展定点帮扶): the first party, at most subject_lead characters
    after the sentence start, when the clause before ``pos`` names no party."""
    start = parties.clause_start(pos)
    if start == s or parties.any_starting(start, pos) or rules.unnamed_subject.match(text, start, pos):
        return None   # (…;一跨国企业连续2年向果洛州捐赠: the clause's own giver, unnamed)
    # the first clause of the sentence that opens with a party (after a time or a 在 clause:
    # 在国务院扶贫办推动下，香港各界扶贫促进会与…; 在广西百色靖西市，深圳龙岗区依托…)
    breaks = parties.clause_breaks()
    opens = chain([s], islice(breaks, bisect_right(breaks, start)))
    for o in opens:
        if o - s > rules.w["subject_lead"] * 2:
            break
        if text.startswith(rules.under_open, o):
            continue   # 在…下 or 在 + a place: a frame (who pushed, where), not the subject
        first = _clause_opener(parties, o, start, rules)
        if first is not None:
            first = _after_time_clause(text, parties, first, start, rules) or first
            return Party(first.start, first.end, place=first.place, org=first.org)
    return None


def _clause_opener(parties, o, start, rules) -> Optional[Party]:
    """The party opening the clause that starts at ``o``: the first party from ``o``, before
    ``start``, at most subject_clause_lead characters in, neither deictic nor a pair."""
    i = parties.first_from(o)
    first = parties[i] if i < len(parties) and parties[i].start < start else None
    if first is None or first.start - o > rules.w["subject_clause_lead"] or first.deictic or first.pair:
        return None
    return first


def _after_time_clause(text, parties, first, start, rules) -> Optional[Party]:
    """The party opening the clause right after ``first``'s clause when that clause is a time adverbial
    (rules time_clause_ends: 江苏省工商联启动“百企帮百村”扶贫活动以来，昆山高新区商会积极投身结对帮扶工作，与…华长村…开展
    结对帮扶 — the chamber is the subject), when it opens before ``start``."""
    b = parties.first_break_after(first.end, start)
    if b is None or not text.endswith(rules.time_clause_ends, first.end, b):
        return None
    return _clause_opener(parties, b + 1, start, rules)


def _unnamed_org(text, parties, s, pos, rules, ctx) -> Optional[Party]:
    """An organisation written without a name ending (华夏幸福, 北大医学部): the run of 2 to
    unnamed_org_max Han characters that opens the clause right before the connector at ``pos``,
    when the article writes it at least unnamed_org_repeats times, each time after a boundary."""
    if ctx is None:
        return None
    start = parties.clause_start(pos)
    name = text[start:pos]
    if not (2 <= len(name) <= rules.w["unnamed_org_max"]) or not _HAN_RUN.fullmatch(name) \
            or rules.generic_org.search(name) or rules.cue_pattern.search(name) \
            or rules.gaz.find(name) or any(name.startswith(w) for w in rules.kind_only_names):
        return None   # (集团公司每年: a kind's own word, no name)
    if ctx.standalone_count(name) < rules.w["unnamed_org_repeats"]:
        return None
    return Party(start, pos, org=name)


def _paired(text, parties, cs, ce, s, rules) -> Optional[Statement]:
    """H 和/与 R + east–west cue: 自杭州和恩施东西部协作以来 (the east named first); H 和 R 是 cue
    关系 (厦门市思明区和临夏州东乡县是对口帮扶关系: the relation named, any pairing cue); H、R
    east–west cue with one side in the east and the other in the west (福建、宁夏扶贫对口协作)."""
    end = cs
    meeting = False
    if text[cs:ce] not in rules.paired_cues:
        if rules.paired_meeting.match(text, ce):
            # 西青区与麦积区对口帮扶工作座谈会: a meeting of the pair's work, held on either side
            meeting = True
        elif not text.startswith(rules.paired_relation_nouns, ce):
            return None
        else:
            end = next((cs - len(w) for w in rules.paired_relation_links if text.endswith(w, 0, cs)),
                       None)
            if end is None:
                return None
    elif text.startswith(rules.paired_relation_nouns, ce):
        # 延边州和宁波市是东西部扶贫协作结对城市: the relation named after an east–west cue
        end = next((cs - len(w) for w in rules.paired_relation_links if text.endswith(w, 0, cs)), cs)
    ri = _ending_before(text, parties, end, rules.w["recipient_gap"], rules, s)
    if ri is None and end == cs and rules.paired_meeting.match(text, ce):
        # 西湖区-青川县卫生健康系统东西部协作…座谈会: a sector between the pair and the cue of a
        # meeting; the two sides one east, one west, as any meeting's
        i = parties.last_ending(-1, cs)
        if i is not None and i > 0 and parties[i].start >= s \
                and rules.paired_meeting_sector.fullmatch(text, parties[i].end, cs):
            ri, meeting = i, True
    both_sides = False
    if ri is None and end == cs:
        # the two sides counted after them (广东、广西两省区开始扶贫协作; 杭州和恩施两地携手开展东西部
        # 协作): the pair, then the count word and a few words of its action
        joint = rules.paired_joint.search(text, max(s, cs - rules.paired_joint_max), cs)
        if joint is not None:
            ri = _ending_before(text, parties, joint.start(), 0, rules, s)
            both_sides = True
    if ri is None or ri == 0:
        return None
    r, h = parties[ri], parties[ri - 1]
    joiner = text[h.end:r.start]
    if both_sides:
        # two sides are named: one in the east, the other in the west (广东、浙江两省 are two
        # helpers), and no third place before them
        if joiner not in rules.paired_any_joiners \
                or (ri >= 2 and _one_of(text, parties[ri - 2].end, h.start,
                                        rules.paired_any_joiners)) \
                or not _east_and_west(h, r, rules):
            return None
    elif joiner in rules.paired_list_joiners and end == cs:
        # a bare list: only two places on the two sides of the east–west programme
        if (ri >= 2 and _one_of(text, parties[ri - 2].end, h.start, rules.paired_list_joiners)) \
                or text.startswith(rules.paired_list_names, ce):
            return None   # (or a park's or action's name: 南浔·广安东西部扶贫协作产业园, 浙江·四川东西部协作“万企兴万村”行动)
        if not _east_and_west(h, r, rules):
            return None
    elif joiner not in rules.paired_joiners:
        return None
    if meeting and not _east_and_west(h, r, rules):
        return None   # the meeting's name says nothing of who helps: only the programme's sides do
    return _east_helps([h], [r], h.start, ce, rules, text[cs:ce])


def _listed(text, parties, cs, ce, s, rules, ctx=None) -> Optional[Statement]:
    """R、R…(等)(N个) cue (的)(贫困)县/地区: 郧西、丹江口4个对口帮扶的贫困县市."""
    noun = rules.listed_nouns.match(text, ce)
    if noun is None:
        return None
    ri = parties.last_ending(-1, cs)
    if ri is None:
        return None
    if not rules.listed_gap.fullmatch(text, parties[ri].end, cs):
        return None
    recipients = _list_back(text, parties, ri, rules.helper_separators)
    first = recipients[0]
    conn = next((c for c in rules.toward + (rules.at_open,) if text.endswith(c, 0, first.start)), "")
    hi = _ending_before(text, parties, first.start - len(conn), rules.w["toward_helper_gap"], rules, s)
    if hi is not None and parties[hi] not in recipients:
        helpers = _list_back(text, parties, hi, rules.helper_separators)
    else:
        helper = _subjectless(text, parties, first.start - len(conn), cs, s, rules, ctx)
        if helper is None:
            return None
        helpers = [helper]
    return helpers, recipients, first.start, noun.end()


def _at(text, parties, cs, ce, s, rules, ctx=None) -> Optional[Statement]:
    """H … 在 R … cue: 上海、广州……等7个东部对口帮扶城市已在贵州开展了帮扶项目."""
    if text.find(rules.under_close, ce, ce + rules.w["under_gap"] + 1) >= 0:
        return None   # 在 H 的帮扶下 is the under shape
    start = parties.clause_start(cs)
    opened = text.rfind(rules.at_open, max(start, cs - rules.w["at_window"]), cs)
    means = opened < 0 and start > s and text.startswith(rules.at_means, start)
    if means:
        # 复旦大学在云南省永平县，通过支援设备…: the place opens the clause before one of means
        opened = text.rfind(rules.at_open, max(parties.clause_start(start - 1),
                                               start - rules.w["at_window"]), start - 1)
    if opened < 0:
        return None
    ri = _starting_after(text, parties, opened + len(rules.at_open), 0)
    if ri is None:
        return None
    recipients = _list_forward(text, parties, ri, rules.helper_separators)
    if recipients[-1].end > cs or (means and recipients[-1].end != start - 1):
        return None
    if recipients[-1].end == cs and text[cs:ce] in rules.built_cues and text.startswith("的", ce):
        return None   # 昂仁县演员在淄博援建的…中心演出: 淄博 built the thing, it is no place helped
    hi = _ending_before(text, parties, opened, rules.w["helper_gap"], rules, s)
    if hi is None:
        return None
    if rules.at_people.fullmatch(text, parties[hi].end, opened):
        return None   # H急诊科杨某、麻醉科蔡某正在该院进行对口支援: people's posting told of them (W9 a)
    helpers = _list_back(text, parties, hi, rules.helper_separators)
    if any(h.place and not h.org and r.place and _contains(h.place, r.place)
           for h in helpers for r in recipients):
        return None   # 山西  在河曲县、五台县  保利集团定点扶贫项目: a heading, not the helper
    return helpers, recipients, helpers[0].start, ce


def _by(text, parties, cs, ce, s, rules, ctx=None) -> Optional[Statement]:
    """由 H (无偿)援建 with no recipient named: 蚕房由对口帮扶的深圳市无偿援建 → the article's
    main recipient."""
    if ctx is None:
        return None
    if _starting_after(text, parties, ce, rules.w["recipient_gap"]) is not None:
        return None
    hi = _ending_before(text, parties, cs, rules.w["by_gap"], rules, s)
    if hi is None:
        return None
    h = parties[hi]
    opened = text.rfind(rules.by_open, max(s, h.start - 8), h.start)
    if opened < 0:
        return None
    filler = text[opened + len(rules.by_open):h.start]
    if filler and not (filler.endswith("的") and rules.cue_pattern.fullmatch(filler[:-1])):
        return None
    # 果洛州的学校由上海市对口援建: the place the clause opens with (before 由, no clause break)
    start = parties.clause_start(opened)
    # the first such place, read only within subject_lead of the clause's start (a later one
    # is no opening either)
    opening = None
    for i in range(parties.first_from(start), len(parties)):
        p = parties[i]
        if p.start - start > rules.w["subject_lead"]:
            break
        if p.end <= opened and p.place and not p.org and p is not h:
            opening = p
            break
    if opening is not None:
        return [h], [opening], opening.start, ce
    # the article's main recipient; else the one county the sentence names besides the helper
    # (蚕房由对口帮扶的深圳市无偿援建，收购则由农行那坡县支行…); else the place the passage speaks
    # of (…在日喀则市人民医院，一栋崭新的…大楼特别显眼。这座楼由上海市援建: its last county, else
    # its last prefecture), as for a statement that names only its helpers. A place the helper
    # is, holds or lies in is never its own recipient: the next one is asked (…来到红寺堡区…弘德村
    # …。这个由福建泉州德化县援建的扶贫车间: 德化县, named most in the cue sentences, is the helper)
    candidates = (lambda: ctx.main_recipient, lambda: parties.sole_county_besides(h),
                  lambda: _passage_place(parties, [h], opened, ctx))
    place = next((p for p in (ask() for ask in candidates)
                  if p is not None and not _helps_itself(h, p)), None)
    if place is None:
        return None
    recipient = Party(cs, ce, place=place)
    return [h], [recipient], opened, ce


def _lone(text, parties, cs, ce, s, rules, ctx=None) -> Optional[Statement]:
    """H cue with nothing after it in its clause (丰台区对口帮扶后，…; 由怀柔对口帮扶): a statement split
    over two sentences, its recipient the last county named before this sentence in its paragraph or
    the one before (rules/pairings.yaml, lone_after); none when the sentence names a county besides
    the helper, or another place not its own parent or part (it would be that place's statement), or
    the helper is, holds or lies in that county."""
    if ctx is None or not rules.lone_after.match(text, ce):
        return None
    hi = _ending_before(text, parties, cs, 0, rules, s)
    if hi is None or parties[hi].deictic:
        return None
    h = parties[hi]
    if parties.sole_county_besides(h) is not None or any(
            p is not h and p.place is not None and (p.place.level == "county" or not _helps_itself(h, p.place))
            for p in parties):
        return None   # a county besides the helper, or any other place not the helper's own parent or part
        #               (喀什地区…广东、上海、山东以及深圳对口支援: the prefecture the sentence is about; not
        #               北京 after 丰台区), would be that place's statement
    place = _passage_county(ctx, s, h)
    if place is None:
        return None
    return [h], [Party(cs, ce, place=place)], h.start, ce


def _passage_county(ctx: "Context", s: int, h: Party) -> Optional[Place]:
    """The county a statement naming only its helper ``h`` speaks of (the lone shape, the credited
    reader): the last county named before sentence ``s`` in its paragraph or the one before
    (Context.county_before, helped), none when ``h`` is, holds or lies in it."""
    place = ctx.county_before(s, helped=True)
    return None if place is None or _helps_itself(h, place) else place


def _helps_itself(h: Party, place: Place) -> bool:
    """Whether ``h`` (a place, or an organisation named for its place: 衢江区慈善总会) is
    ``place``, holds it or lies in it: a unit does not give to itself, its parent or its part
    (find_pairings' ``add`` drops such a statement; a shape that picks the recipient from the
    passage asks for the next candidate instead)."""
    return h.place is not None and \
        (h.place == place or _contains(place, h.place) or _contains(h.place, place))


def _with_adder(text: str, parties: SentenceParties, helpers: list[Party],
                rules: PairingRules) -> list[Party]:
    """``helpers`` and the place before them that adds them (广东省新增江门、肇庆2市所辖县帮扶广西:
    the province helps too), when it holds every one of them."""
    first = parties.position(helpers[0])
    if first == 0 or not _one_of(text, parties[first - 1].end, helpers[0].start, rules.adding_words):
        return helpers
    adder = parties[first - 1]
    if adder.place and not adder.org and all(
            h.place and not h.org and _contains(adder.place, h.place) for h in helpers):
        return [adder] + helpers
    return helpers


def _active(text, parties, cs, ce, s, rules) -> Optional[Statement]:
    hi = _ending_before(text, parties, cs, rules.w["helper_gap"], rules, s)
    if text[cs:ce] in rules.team_cues:
        # 珠海市驻怒江州扶贫工作组: a team states a pairing only when named for both, H 驻/赴 R
        r = parties[hi] if hi else None
        if r is not None and r.end == cs and r.place \
                and _one_of(text, parties[hi - 1].end, r.start, rules.going_marks):
            team = _list_back(text, parties, hi - 1, rules.helper_separators)   # 珠海市、中山市驻…
            return team, [r], team[0].start, ce
        return None
    if hi is None:
        # 深圳龙岗区依托…优势，在对口帮扶的靖西市…: cue 的 R, the helper the sentence's subject
        if text.startswith("的", ce):
            ri = _starting_after(text, parties, ce + 1, 0)
            if ri is not None and _one_of(text, parties.clause_start(cs), cs, rules.paired_openers):
                helper = _sentence_subject(text, parties, s, cs, rules)
                if helper is not None and helper.start < parties[ri].start:
                    return [helper], [parties[ri]], cs, parties[ri].end
        return _subject_task(text, parties, cs, ce, s, rules)
    helpers = _with_adder(text, parties, _list_back(text, parties, hi, rules.helper_separators, rules), rules)
    ri = _starting_after(text, parties, ce, rules.w["recipient_gap"])
    if ri is None:
        r = parties[hi]
        # 厦门市赴甘肃临夏回族自治州帮扶工作队: H 赴 R cue (a team named for both parties)
        if r.end == cs and r.place and hi > 0 and _one_of(text, parties[hi - 1].end, r.start, rules.going_marks):
            team = _list_back(text, parties, hi - 1, rules.helper_separators)
            return team, [r], team[0].start, ce
        # 广东第八批援藏工作队墨脱工作组…帮助当地脱贫攻坚: the team of H for R, and the sentence
        # tells its work
        label = next((x for x in rules.team_labels if text.startswith(x, ce)), None)
        if label:
            ti = _starting_after(text, parties, ce + len(label), 0)
            if ti is not None and parties[ti].place and parties[ti].place.level == "county" \
                    and (text.startswith(rules.team_labels, parties[ti].end)
                         or text[parties[ti].start:parties[ti].end].endswith(rules.team_labels)) \
                    and parties.team_work_after(parties[ti].end):
                return [r], [parties[ti]], r.start, parties[ti].end
        # 山东援建的高标准智能温室…，仅喀什疏勒一个县就…: H 援建的 <thing>, then the place
        # (also through its team: 辽宁省边防总队驻村工作队援建的“连心桥”项目在…岫岩县…开工)
        if text.startswith("的", ce) and text[cs:ce] in rules.built_cues \
                and (r.end == cs or rules.built_team.fullmatch(text, r.end, cs)):
            after = parties.first_county_after(ce) or _sole_county_party(parties, r)
            if after:
                return [r], [after], min(r.start, after.start), max(after.end, ce)
        # 深圳牵头实施的对口广西扶贫协作: 对口 R cue
        if len(helpers) == 1 and text.endswith("对口", 0, r.start) and r.end == cs:
            hj = _ending_before(text, parties, r.start - 2, rules.w["helper_gap"], rules, s)
            if hj is not None:
                return [parties[hj]], [r], parties[hj].start, ce
        return None
    recipients = _list_forward(text, parties, ri, rules.separators, rules)
    if text[cs:ce] in rules.bare_cues and rules.cue_pattern.match(text, recipients[-1].end):
        return None   # 深圳对口广西扶贫协作, 对口河池扶贫协作五年规划: the cue after the place speaks
    if all(h.end == helpers[-1].end for h in helpers) and text[ce:recipients[0].start] == "的" \
            and text.endswith(rules.paired_joiners, helpers[-1].end, cs):
        # 册亨县和对口帮扶的宁波市江北区, 苍溪县还主动与扶贫协作的浙江省三门县: the party after 的 helps
        # (parties ending alike are one unit: 册亨县巧马镇 and 巧马镇, a township read twice)
        givers = _list_forward(text, parties, parties.position(recipients[0]), rules.enumeration)
        return givers, helpers, helpers[0].start, givers[-1].end
    return helpers, recipients, helpers[0].start, recipients[-1].end


def _subject_task(text, parties, cs, ce, s, rules) -> Optional[Statement]:
    """H…，先后担负起对口支援 R(及其下辖 A、B…)的重任: a clause that opens with a task verb
    (rules/pairings.yaml, subject_task_openers) right before the cue takes the sentence's subject
    as the helper, the place or list right after the cue as the recipients."""
    if not text.endswith(rules.subject_task_openers, 0, cs):
        return None   # most cues: no task verb right before them (one look before the clause's start is asked)
    start = parties.clause_start(cs)
    if not any(text[start:cs].endswith(v) and len(text[start:cs]) - len(v) <= rules.w["task_adverb_max"]
               for v in rules.subject_task_openers):
        return None
    ri = _starting_after(text, parties, ce, rules.w["recipient_gap"])
    helper = _sentence_subject(text, parties, s, cs, rules)
    if ri is None or helper is None or helper.org is None and helper.place is None:
        return None
    recipients = _list_forward(text, parties, ri, rules.separators, rules)
    return [helper], recipients, helper.start, recipients[-1].end


def _sending(text: str, ce: int, e: int, rules: PairingRules) -> Optional[regex.Match]:
    """The going mark after a sending verb ending at ``ce`` (W9), when people are sent: a group
    of people named before it (not one person); else None. Read before the sentence's parties."""
    go = rules.sent_going.match(text, ce, e)
    if go is None or rules.sent_single.search(go.group(1)):
        return None
    if not go.group(1) or rules.sent_people.search(go.group(1)):
        return go     # with nobody before the mark, who is sent follows the place (:func:`_sent`)
    return None


def _sent(text, parties, cs, go, s, rules) -> Optional[Statement]:
    """H 选派/派出 (people) 赴/到 R (gold/README W9; rules/pairings.yaml, sent): the unit that
    sends people to work for a place helps it. The going mark within the verb's clause (one
    comma after the team the people form: ``go``, :func:`_sending`); the helper right before the
    verb, else the sentence's subject when the verb's clause names none; not people sent to learn,
    not the helped side's cadres going to the helping side."""
    hi = _ending_before(text, parties, cs, rules.w["helper_gap"], rules, s)
    clause = parties.clause_start(cs)
    fi = parties.first_from(clause)
    senders = None
    if hi is not None:
        helper = parties[hi]
        senders = _list_back(text, parties, hi, rules.helper_separators)   # 苏州市、无锡市选派…
    elif fi < len(parties) and parties[fi].start == clause and parties[fi].end < cs \
            and rules.sent_subject_lead.fullmatch(text, parties[fi].end, cs):
        helper = parties[fi]   # 我院自2003年开始选派…: the party opening the clause
    elif rules.sent_clause_lead.fullmatch(text, clause, cs):
        helper = _sentence_subject(text, parties, s, cs, rules)
    else:
        senders = _sending_leads(text, parties, clause, s, rules)
        helper = senders[0] if senders else None
    if helper is None:
        return None
    region = rules.sent_regions.get(go.group(2))
    if region is not None:
        place = Place(region.name, region.adcode, region.level)
        if any(p.place is not None and _contains(place, p.place) for p in parties):
            return None   # …对口支援西藏阿里地区，…选派干部人才进藏: the place named is the recipient
        recipients = [Party(go.start(2), go.end(), place=place)]
    else:
        ri = _starting_after(text, parties, go.end(), 0)
        if ri is None:
            return None
        recipients = _list_forward(text, parties, ri, rules.separators, rules)
        if text.startswith(rules.sent_not_work, recipients[-1].end):
            return None   # 赴上海进修学习: sent to learn, not to work for the place
    if not go.group(1) and not rules.sent_people_after.match(text, recipients[-1].end):
        return None       # nobody named before the mark nor right after the place
    if any(_east(helper, rules, "recipients") and _east(r, rules) for r in recipients):
        return None       # 滦平县选派干部到密云区挂职锻炼: the helped side's cadres learn
    senders = senders or [helper]
    return senders, recipients, min(senders[0].start, cs), recipients[-1].end


def _sending_leads(text, parties, clause, s, rules) -> Optional[list[Party]]:
    """H、H牵头，(the units led) 派出…: the parties that make up the whole clause before the sending
    verb's clause and lead the sending (rules/pairings.yaml sent.leads; W7), else None."""
    mark = clause - 1
    if mark <= s or text[mark] not in rules.list_clause_breaks:
        return None
    lead = next((w for w in rules.sent_leads if text.endswith(w, s, mark)), None)
    i = None if lead is None else parties.first_ending_at(mark - len(lead))
    if i is None:
        return None
    leads = _list_back(text, parties, i, rules.helper_separators)
    if parties.clause_start(leads[0].start) != leads[0].start:
        return None       # the lead clause holds more than its parties
    return leads


def _visit(text, parties, cs, ce, s, rules) -> Optional[Statement]:
    """H 赴 R 开展 cue: the helper's delegation going to the place it helps to do the cue's
    work (南明区赴普安县开展结对帮扶工作, 吴中区党政代表团赴沿河县考察对接东西部扶贫协作): the
    party before the going mark helps the place after it, unless it lies in the helped
    provinces and the place in the helping ones (a western delegation visiting its eastern
    helper: the joint action's rule). Every look-back is anchored and bounded (visit.*)."""
    v = rules.visit
    gap = v["gap"].search(text, max(s, cs - v["gap_max"]), cs)
    ri = parties.first_ending_at(gap.start()) if gap else None
    if ri is None or ri == 0 or not parties[ri].place:
        return None
    r = parties[ri]
    # a list of places visited (赴吉林省延边州龙井市、敦化市开展对口帮扶): the mark before its first item
    places = [p for p in _list_back(text, parties, ri, rules.separators) if p.place and not p.org]
    if not places or places[-1] is not r:
        places = [r]
    first = places[0]
    mark = v["marks"].search(text, max(s, first.start - v["marks_max"]), first.start)
    if mark is None:
        return None
    ri = parties.position(first)
    lead = v["lead"].search(text, max(s, mark.start() - v["lead_max"]), mark.start())
    hi = parties.first_ending_at(lead.start()) if lead else None
    if hi is None and ri > 0:
        # the delegation told between the party nearest the mark and the mark (…董事长徐世保一行赴)
        k = ri - 1
        if k > 0 and v["in_name"].search(text, max(s, parties[k].start - v["in_name_max"]), parties[k].start):
            k -= 1   # 组织部部长邹朝阳带领考察组来: 朝阳 is the leader's given name; the party before leads
        before = parties[k]
        if mark.start() - before.end <= v["delegation_max"] \
                and v["delegation"].fullmatch(text, before.end, mark.start()):
            hi = k
    if hi is None or hi >= ri or v["checks"].match(text, ce, e_of(text, ce, ce + v["checks_reach"])):
        return None   # (…深入务川县开展东西部扶贫协作成效考核: an inspector's visit, rules visit.checks)
    h = parties[hi]
    # a list going together (中山大学、南方医科大学赴林芝市开展对口支援): each of them
    group = _list_back(text, parties, hi, rules.helper_separators)
    if _east(h, rules, "recipients") and _east(r, rules):
        return [r], group, group[0].start, ce
    return group, places, group[0].start, ce


def e_of(text: str, s: int, limit: int) -> int:
    """The end of the sentence starting at ``s`` (its 。！？ or line break), or ``limit`` when
    it ends later: ``min(sentence end, limit)``, read no farther than ``limit``."""
    m = _SENTENCE_END.search(text, s, limit)
    return m.end() if m else min(len(text), limit)


def _at_lead(text, parties, cs, ce, s, rules) -> Optional[Statement]:
    """在 R(、R) H cue, no recipient after the cue: 在河曲县、五台县 保利集团定点扶贫项目16个."""
    if _starting_after(text, parties, ce, rules.w["recipient_gap"]) is not None:
        return None
    hi = _ending_before(text, parties, cs, rules.w["helper_gap"], rules, s)
    if hi is None or hi == 0:
        return None
    helpers = _list_back(text, parties, hi, rules.helper_separators)
    k = parties.position(helpers[0])
    if k == 0 or not rules.lead_gap.fullmatch(text, parties[k - 1].end, helpers[0].start):
        return None
    recipients = [r for r in _list_back(text, parties, k - 1, rules.helper_separators) if r.place]
    if not recipients:
        return None
    first = recipients[0]
    opened = text.rfind(rules.at_open, max(s, first.start - rules.w["at_window"]), first.start)
    if opened < 0 or rules.clause_break.search(text, opened, first.start) \
            or parties.any_starting(opened + 1, first.start):
        return None
    return helpers, recipients, opened, ce


def _enclosed(text, parties, cs, ce, s, rules, ctx=None) -> Optional[Statement]:
    """cue 县（R、R，R） with the recipients in brackets: 加大对定点扶贫县（河北武强、饶阳，贵州
    黄平）的信贷支持; the helper before the cue (or before 对), else the article's main helper."""
    noun_end = _noun_after(text, ce, rules.target_nouns)
    if noun_end is None or not text.startswith(rules.bracket_open, noun_end):
        return None
    ri = _starting_after(text, parties, noun_end + 1, 0)
    if ri is None:
        return None
    recipients = [r for r in _list_forward(text, parties, ri, rules.separators) if r.place]
    if not recipients or not text.startswith(rules.bracket_close, recipients[-1].end):
        return None
    conn = next((c for c in rules.toward if text.endswith(c, 0, cs)), "")
    hi = _ending_before(text, parties, cs - len(conn), rules.w["toward_helper_gap"], rules, s)
    if hi is not None:
        helpers = _list_back(text, parties, hi, rules.helper_separators)
    else:
        helper = _subjectless(text, parties, cs - len(conn), cs, s, rules, ctx)
        if helper is None:
            return None
        helpers = [helper]
    return helpers, recipients, min(cs, helpers[0].start), recipients[-1].end + 1


def _labelled_subject(text, parties, cs, ce, s, rules) -> Optional[Statement]:
    """…，支援R with no earlier statement: the helpers are the list the sentence opens with,
    when that opening clause names them by a cue used as a label (国家卫健委和北京、上海、广东等
    7个对口支援省（市）指派医院，…，支援西藏自治区人民医院)."""
    start = parties.clause_start(cs)
    if start == s or not _one_of(text, start, cs, rules.carry_over):
        return None
    ri = _starting_after(text, parties, ce, rules.w["recipient_gap"])
    if ri is None or not parties[ri].place:
        return None
    first = _sentence_subject(text, parties, s, cs, rules)
    if first is None:
        return None
    k = parties.first_from(first.start)     # (first is a copy of one of them)
    helpers = _list_forward(text, parties, k, rules.helper_separators)
    opening = parties.first_break_after(helpers[-1].end, cs)
    if opening is None or not parties.cue_in(helpers[-1].end, opening):
        return None
    recipients = _list_forward(text, parties, ri, rules.separators)
    return helpers, recipients, cs, recipients[-1].end


def _article_subject(text, parties, cs, ce, s, rules, ctx) -> Optional[Statement]:
    """cue R in a sentence that names no party before the cue (从1988年定点帮扶陕西省安康市，…):
    the article's main helper (its title's subject, or the party named most often)."""
    if cs - s > rules.w["subject_lead"] * 2 or (parties and parties.starts[0] < cs):
        return None
    ri = _starting_after(text, parties, ce, rules.w["recipient_gap"])
    if ri is None or not parties[ri].place:
        return None
    helper = ctx.main_helper(cs)
    if helper is None:
        return None
    recipients = [r for r in _list_forward(text, parties, ri, rules.helper_separators) if r.place]
    return [helper], recipients, cs, recipients[-1].end


def _helper_pairs(text, s, e, parties, rules, add) -> None:
    """京津对口帮扶: an abbreviation of two helpers with a pair cue; the recipient is the place
    the sentence opens with (河北省通过…，发挥京津对口帮扶作用)."""
    for m in rules.helper_pair_pattern.finditer(text, s, e):
        if _quoted(text, s, m.start(), rules, parties):
            continue
        first = parties[0] if parties else None
        if first is None or first.start - s > rules.w["subject_lead"] or not first.place \
                or first.deictic or first.org or first.start >= m.start():
            continue
        abbreviation = next(a for a in rules.helper_pairs if text.startswith(a, m.start()))
        cue = text[m.start() + len(abbreviation):m.end()]
        for code in rules.helper_pairs[abbreviation]:
            unit = rules.gaz.units[code]
            helper = Party(m.start(), m.end(), place=Place(unit.name, code, unit.level))
            add(helper, first.place, rules.cues[cue].kind if cue in rules.cues else cue,
                m.start(), m.end(), s, e)


def _invested(text, parties, cs, ce, s, rules, ctx=None) -> Optional[Statement]:
    """H 注资/投入帮扶资金 N 在 R (建设): 珠海注资1226万元在云南省兰坪县…建设; the helper before
    the cue, else the party the sentence opens with (a later clause: …；投入帮扶资金286万元在泸水市)."""
    at = rules.invested_place.match(text, ce, e_of(text, ce, ce + rules.w["invested_gap"] + 1))
    if at is None:
        return None
    ri = _starting_after(text, parties, at.end(), 0)
    if ri is None or not parties[ri].place:
        return None
    hi = _ending_before(text, parties, cs, rules.w["helper_gap"], rules, s)
    if hi is not None:
        helpers = _list_back(text, parties, hi, rules.helper_separators)
    else:
        start = parties.clause_start(cs)
        i = parties.first_from(s)
        first = parties[i] if i < len(parties) and parties[i].start < cs else None
        if start == s or first is None or first.start - s > 2 or first.deictic:
            return None
        if parties.any_starting(start, cs):
            return None
        helpers = [first]
    return helpers, [parties[ri]], min(cs, helpers[0].start), parties[ri].end


def _carried(text, parties, cs, ce, s, rules, helpers) -> Optional[Statement]:
    """…，对口帮扶河源、汕尾: the clause has no subject; the previous statement's helpers."""
    start = parties.clause_start(cs)
    if start == s or (not _one_of(text, start, cs, rules.carry_over)
                      and not rules.carry_over_lead.fullmatch(text, start, cs)):
        return None
    ri = _starting_after(text, parties, ce, rules.w["recipient_gap"])
    if ri is None:
        return None
    recipients = _list_forward(text, parties, ri, rules.separators)
    return helpers, recipients, cs, recipients[-1].end


def _means(text, parties, cs, ce, s, rules) -> Optional[Statement]:
    """H 通过“院包科”的形式，支持 R: the cue names the means, the verb after it the help
    (the helper before 通过/以, the recipient right after the verb)."""
    lead = cs - 1 if text[cs - 1:cs] in rules.quotes else cs
    opener = next((o for o in rules.means_openers if text.endswith(o, s, lead)), None)
    if opener is None:
        return None
    m = rules.means_tail.match(text, ce)
    if m is None:
        return None
    ri = _starting_after(text, parties, m.end(), rules.w["recipient_gap"])
    if ri is None or parties[ri].place is None:
        return None
    hi = _ending_before(text, parties, lead - len(opener), rules.w["helper_gap"], rules, s)
    if hi is None:
        return None
    helpers = _list_back(text, parties, hi, rules.helper_separators)
    recipients = _list_forward(text, parties, ri, rules.separators)
    return helpers, recipients, helpers[0].start, recipients[-1].end


def _funds(text, parties, cs, ce, s, rules, ctx=None) -> Optional[Statement]:
    """H cue (…)资金 N: the helper's money named by its help in an account of a place's funds
    (其中，财政扶贫资金8356.5万元，上海对口帮扶资金1488万元，玉溪市对口帮扶资金1300万元 on 德钦县's
    page): the helper right before the cue, the recipient the one county the sentence names besides
    it, else the article's main recipient, else the last county named before in its passage
    (rules/pairings.yaml, funds)."""
    if ctx is None or rules.funds_after.match(text, ce) is None:
        return None
    hi = parties.first_ending_at(cs)
    if hi is None or parties[hi].place is None:
        return None
    h = parties[hi]
    place = parties.sole_county_besides(h) or ctx.main_recipient or ctx.county_before(cs)
    if place is None or _helps_itself(h, place):
        return None
    return [h], [Party(cs, ce, place=place)], h.start, ce


SHAPES = (("under", _under), ("from", _from), ("owned", _owned), ("enclosed", _enclosed), ("object", _object), ("owner", _owner),
          ("toward", _toward), ("visit", _visit), ("active", _active), ("listed", _listed), ("at", _at), ("by", _by),
          ("paired", _paired), ("at_lead", _at_lead), ("invested", _invested), ("means", _means),
          ("caused", _caused), ("as_helper", _as_helper), ("abbreviated", _abbreviated), ("joined", _joined),
          ("leaning", _leaning), ("point", _point), ("funds", _funds), ("lone", _lone))
# shapes that may leave a party to the article (main recipient, main helper)
WITH_CONTEXT = frozenset({"toward", "listed", "at", "by", "enclosed", "invested", "under", "from",
                          "owned", "point", "funds", "lone"})


@cache
def _shapes_of(shapes: frozenset[str]) -> tuple[tuple[str, object, bool], ...]:
    """A cue's shapes in reading order (:data:`SHAPES`), each with whether it takes the
    context (once per cue kind, not per cue read)."""
    return tuple((shape, fn, shape in WITH_CONTEXT) for shape, fn in SHAPES if shape in shapes)


# ---------------------------------------------------------------------------- exclusions

def _quoted(text: str, s: int, start: int, rules: PairingRules, marks: SentenceParties,
            meeting_from: Optional[int] = None) -> bool:
    """Whether ``start`` lies inside an open quotation or book-title mark of its sentence
    (the marks looked up in the sentence's, found once). With ``meeting_from`` (the statement's
    last party's end): not when the quotation names a meeting and closes after that party
    (“中山大学、南方医科大学赴林芝市对口支援工作座谈会”: the meeting's name states both sides)."""
    for open_, close in rules.quotes.items():
        o = marks.last_at(open_, s, start)
        if o >= 0 and not marks.holds(close, o, start):
            if open_ in rules.speech_quotes and (o == s or text.endswith(rules.speech_openers, s, o)):
                continue   # “在福建援藏队的帮助下，我们…” opening the sentence: speech, not a name
            if meeting_from is not None and open_ in rules.meeting_name_quotes:
                c = marks.first_at(close, meeting_from, marks.e)
                if c >= 0 and rules.meeting_name_end.search(text, meeting_from, c):
                    continue
            return True
    return False


def _label_after(text: str, cue_end: int, rules: PairingRules) -> bool:
    """Whether an assistance label follows the cue, right after it or after 的 (援藏干部,
    帮扶的干部; rules label_joiner): the cue names people or a team, not a statement."""
    joiner = rules.label_joiner
    return text.startswith(rules.labels, cue_end) or (
        text.startswith(joiner, cue_end) and text.startswith(rules.labels, cue_end + len(joiner))) or (
        text.startswith(rules.people_word, cue_end) and rules.people_label.match(text, cue_end) is not None)


def _label_only_team(text: str, s: int, e: int, r_end: int, rules: PairingRules) -> bool:
    """Whether a team's or command's name ends the statement at ``r_end`` (…对口支援新疆察布查尔锡伯自治县工作组) in a
    sentence of honours (rules team_name; the 11:08 ruling, Q1): a label in a list of honoured collectives."""
    return rules.team_name.match(text, r_end) is not None and rules.team_name_honours.search(text, s, e) is not None


def _gives_thanks(text: str, start: Optional[int], end: int, rules: PairingRules) -> bool:
    """Whether the giving word at text[start:end] gives a thank-you token (捐赠了锦旗, roles.thanks_gift):
    the token after it, or the gift phrase read from its start (when known)."""
    return rules.thanks_tail.match(text, end) is not None or (
        start is not None and rules.thanks_gift.match(text, start) is not None)


def _told_to(text: str, s: int, parties: list, cue_start: int, rules: PairingRules) -> bool:
    """Whether ``parties`` (a list in order) are followed, before the cue, by a verb of reporting or asking
    (rules toward_listener) with 向 before them in their clause: whom the subject speaks to, no party of the help."""
    if not parties or parties[-1].end >= cue_start \
            or rules.listener_verbs.search(text, parties[-1].end, cue_start) is None:
        return False
    lo = _clause_start(text, s, parties[0].start, rules)
    return any(text.find(c, lo, parties[0].start) >= 0 for c in rules.listener_connectors)


def _no_one_way_help(text: str, s: int, helpers: list, recipients: list, cue_start: int, rules: PairingRules) -> bool:
    """Whether the statement's parties are no helper and recipient of one-way help: listeners (我州将向上海市委、
    市政府及嘉定、宝山区汇报…帮扶迪庆工作), help both ways (签订了全域互联结对帮扶协议, 相互精准帮扶: W24), or givers
    described only by where they come from (来自浙江省的数千家企业将对四川…进行帮扶: W9 (b))."""
    return _told_to(text, s, helpers, cue_start, rules) or _told_to(text, s, recipients, cue_start, rules) \
        or text.endswith(rules.mutual_modifiers, 0, cue_start) \
        or (bool(helpers) and text.endswith(rules.origin_marks, 0, helpers[0].start)
            and text.startswith(rules.origin_close, helpers[-1].end))


def _excluded(text: str, s: int, e: int, stmt: Statement, cue_end: int, rules: PairingRules,
              marks: SentenceParties, cue_start: Optional[int] = None) -> bool:
    helpers, recipients, start, end = stmt
    if _no_one_way_help(text, s, helpers, recipients, cue_end if cue_start is None else cue_start, rules):
        return True
    named_from = max(p.end for p in helpers + recipients) if helpers and recipients else None
    if _quoted(text, s, start, rules, marks, named_from) or _gives_thanks(text, cue_start, cue_end, rules):
        return True     # …or a thank-you token given (捐赠了锦旗): no help (roles.thanks_gift)
    if _label_after(text, cue_end, rules) and not (recipients and recipients[-1].end <= cue_end - 1 and helpers
                         and helpers[-1].end <= recipients[0].start) \
            and not (recipients and recipients[0].start > cue_end):
        return True   # 援藏干部, 援疆工作队; but 厦门市赴临夏州帮扶工作队 names both parties, and
        # 广东援藏工作队墨脱工作组…帮助当地 names its recipient after the label (see _active)
    if recipients and recipients[-1].start >= cue_end and _label_only_team(text, s, e, recipients[-1].end, rules):
        return True
    last = max(recipients[-1].end, cue_end) if recipients else cue_end
    if helpers and all(h.start == h.end for h in helpers) \
            and (rules.programme_described.match(text, last, e)
                 or (recipients[-1].start >= cue_end and text.startswith(rules.programme_modifier, last))):
        return True   # 对口支援西藏，是党中央作出的一项重大战略部署: the programme described, no
        #               helper at work (the article's main helper would stand in for none); 得益于对口
        #               支援西藏的成功实践: the cue and its place a noun's modifier
    if rules.programmes.search(text, last, min(e, last + rules.w["programme_gap"] + 2)):
        # …与庄浪县签订携手奔小康协议书: the agreement two parties sign states the pairing
        signed = cue_start is not None and rules.signed_title["verbs"].search(
            text, max(s, cue_start - rules.signed_title["reach"]), cue_start)
        return not (signed and rules.agreements.match(text, cue_end))
    return False


# ---------------------------------------------------------------------------- the stage

def _pairs(helpers: list[Party], recipients: list[Party], respectively: bool):
    if respectively and len(helpers) == len(recipients) and len(helpers) > 1:
        return zip(helpers, recipients)
    return product(helpers, recipients)


class _Abbreviations:
    """An organisation written short (郑商所) → the full name the article also writes
    (郑州商品交易所): same first and last character, the short one's characters in order."""

    def __init__(self, text: str, rules: PairingRules) -> None:
        self.text, self.rules = text, rules
        self._names: Optional[list[str]] = None
        self._committees: Optional[set[str]] = None   # the party committees the article writes, on first use
        self._full: dict[str, str] = {}     # name → its fullest form, once per name
        self._sentence_ends: Optional[list[int]] = None   # where rules.tail_sentence_end matches, on first use
        # short names the article defines (国家开发银行（简称国开行）)
        self.defined: dict[str, str] = {}
        if rules.abbreviation_marker in text:
            for m in rules.abbreviation_definition.finditer(text):
                full = _organisations(m.group(1), 0, len(m.group(1)), rules, [])
                if full and full[-1][1] == len(m.group(1)):
                    self.defined[m.group(2)] = full[-1][2]
        self.defined_pattern = plain_pattern(alternation(self.defined)) if self.defined else None

    def find(self, text: str, s: int, e: int) -> list[tuple[int, int, str]]:
        """The defined short names in text[s:e], as organisations."""
        if self.defined_pattern is None:
            return []
        return [(m.start(), m.end(), self.defined[m.group()])
                for m in self.defined_pattern.finditer(text, s, e)]

    def _all_names(self) -> list[str]:
        if self._names is None:
            found = _organisations(self.text, 0, len(self.text), self.rules, [])
            self._names = sorted({n for _, _, n in found}, key=len, reverse=True)
        return self._names

    def full(self, name: str) -> str:
        """The name a researcher can join on: a defined short name's full name; a short
        form's full name (郑商所 → 郑州商品交易所); a name the article also writes with its
        parent (农业银行 → 中国农业银行, 华西医院 → 四川大学华西医院); an overlong run cut to
        the organisation it ends with (保利星火班全面覆盖保利集团 → 保利集团)."""
        if name not in self._full:
            self._full[name] = self._fullest(name)
        return self._full[name]

    def _fullest(self, name: str) -> str:
        if name in self.defined:
            return self.defined[name]
        text, rules = self.text, self.rules
        committee = rules.party_committee.fullmatch(name)
        if committee is not None and not committee.group(2):
            # 农工党省委: the committee of that party and level the article writes with its place (农工党江苏省委)
            if self._committees is None:
                self._committees = {c for _, _, c in _party_committees(text, 0, len(text), rules)}
            placed = {c for c in self._committees
                      if c != name and c.startswith(committee.group(1)) and c.endswith(name[len(committee.group(1)):])}
            if len(placed) == 1:
                return placed.pop()
        if committee is not None:
            return name   # 民盟重庆市委: the party's committee, not the CPC's 重庆市委 the text also writes
        if rules.central_units.fullmatch(name):
            return self._with_tail(name)   # 中央和国家机关工委 is one organ: not cut to 国家机关工委 after 和
        # overlong: what precedes a name the article writes alone is not a parent (but a kind of
        # unit written alone, 在合作社里打工, is no name: 上红源种植农民专业合作社 stays)
        bracketed = max(name.rfind(c) for c in rules.org_bracket_closers)
        for i in range(max(1, bracketed + 2), len(name) - rules.w["org_min"] + 1):
            cand = name[i:]   # (not cut at or inside a bracketed part: 纳洋(天津)科技发展有限公司 is one name)
            if cand[0].isdigit():
                continue   # 第180医院: a cut at or inside the unit's number names nothing (180医院, 80医院)
            if cand.endswith(rules.org_suffix_list) and cand not in rules.org_suffix_list \
                    and cand not in rules.kind_only_names and self._alone(cand) and not self._parent(name[:i]):
                return cand
        # short: the article also writes it after a parent (中国农业银行, 四川大学华西医院); a
        # name opening with its own place takes no place before it (舟山市工商联, not 浙江省舟山市工商联:
        # the name as the statement writes it, W8)
        longest = name
        placed = any(h.start == 0 for h in rules.gaz.find(name))
        j = text.find(name)
        while j >= 0:
            start = _org_start(text, j, max(0, j + len(name) - _org_reach(text, j + len(name), rules)), rules)
            cand = text[start:j + len(name)]
            if len(cand) > len(longest) and self._parent(cand[:-len(name)]) \
                    and not (placed and self._place_only(cand[:-len(name)])) \
                    and not rules.generic_org.search(cand) and self._ends_name(j + len(name)):
                longest = cand
            j = text.find(name, j + 1)
        if longest == name:
            longest = self._with_tail(name)
        if longest != name or len(name) > 4 or not self._may_write_longer(name):
            return longest
        for cand in self._all_names():
            if len(cand) > len(name) and cand[0] == name[0] and cand[-1] == name[-1] \
                    and not cand.endswith(name) and _subsequence(name, cand):
                return cand
        return name

    def _may_write_longer(self, name: str) -> bool:
        """Whether the article may name an organisation that the loop of :meth:`_fullest` over
        :meth:`_all_names` would take for ``name``'s full form; False only when none can be.
        Why it is safe: every name :func:`_organisations` reads (each of :meth:`_all_names`) is
        text[start:m.end()] for a match m of org_suffix over the whole text, the same finditer,
        with m.end() - org_max <= start (its floor). Such a name is taken only when it ends with
        name[-1], does not end with ``name`` and holds ``name`` as a subsequence from its first
        character, name[0], on: looked for here over every start its floor allows. Why: reading
        every organisation of the text (a fiftieth of the stage) for the few short names is
        the costly part, and most articles write no longer form."""
        text, rules = self.text, self.rules
        reach, n = max(rules.w["org_max"], rules.w["company_max"]), len(name)
        first, last = name[0], name[-1]
        for m in rules.org_suffix.finditer(text):
            end = m.end()
            if end <= n or text[end - 1] != last or text.startswith(name, end - n):
                continue
            i = text.find(first, max(0, end - reach), end - n)
            while i >= 0:
                if _subsequence(name, text[i:end]):
                    return True
                i = text.find(first, i + 1, end - n)
        return False

    def _sentence_around(self, a: int, b: int) -> tuple[int, int]:
        """(after the last sentence mark before ``a``, the first at or after ``b``): one pass over the text
        for all occurrences (a str.find per mark and occurrence ran to the text's end for an absent mark)."""
        if self._sentence_ends is None:
            self._sentence_ends = [m.start() for m in self.rules.tail_sentence_end.finditer(self.text)]
        ends = self._sentence_ends
        i, k = bisect_left(ends, a), bisect_left(ends, b)
        return (ends[i - 1] + 1 if i else 0), (ends[k] if k < len(ends) else len(self.text))

    def _with_tail(self, name: str) -> str:
        """``name`` with a company tail (rules org_full_tails: 中国石化 → 中国石化集团公司) when the article writes
        that form after a boundary, ending a name, in a sentence holding a pairing cue (W26); else ``name``.
        One pass over the name's own occurrences (few), each tried with the tails (longest first)."""
        text, rules = self.text, self.rules
        j = text.find(name)
        while j >= 0:
            after = j + len(name)
            tail = next((t for t in rules.org_full_tails if text.startswith(t, after)), None)
            if tail is not None and not _inside_word(text, j, 0, rules) and self._ends_name(after + len(tail)):
                s, e = self._sentence_around(j, after)
                if rules.cue_pattern.search(text, s, e):
                    return name + tail
            j = text.find(name, after)
        return name

    def _ends_name(self, end: int) -> bool:
        """Whether a name ending at ``end`` is not the head of a longer one (中国保利集团有限公司):
        no organisation suffix in the run of characters after it."""
        run_end = end
        limit = min(len(self.text), end + self.rules.w["org_max"])
        while run_end < limit and _HAN.match(self.text[run_end]) \
                and self.text[run_end] not in self.rules.org_boundaries:
            run_end += 1
        return not self.rules.org_suffix.search(self.text, end, run_end)

    def _alone(self, name: str) -> bool:
        """Whether the article writes ``name`` with a boundary before it."""
        j = self.text.find(name)
        while j >= 0:
            before = self.text[j - 1] if j else ""
            if j == 0 or (not _HAN.match(before) and before not in self.rules.org_bracket_closers) or (
                    before in self.rules.org_boundaries and not _kept_inside(self.text, j - 1, self.rules.org_keep_at)):
                return True   # (not after 经 of 经营 nor a name's bracket: 上海合阳市场经营管理有限公司, 纳洋(天津)科技…)
            j = self.text.find(name, j + 1)
        return False

    def _place_only(self, prefix: str) -> bool:
        """Whether ``prefix`` is one place name and nothing else (浙江省)."""
        return any(h.start == 0 and h.end == len(prefix) for h in self.rules.gaz.find(prefix))

    def _parent(self, prefix: str) -> bool:
        """Whether ``prefix`` before an organisation's name names its parent: a national
        prefix (中国), an organisation (四川大学), or a place (深圳市)."""
        rules = self.rules
        if prefix in rules.org_parent_prefixes or prefix.endswith(rules.org_suffix_list):
            return True
        return self._place_only(prefix)


def _cut_at_kind(name: str, kinds: tuple[str, ...]) -> str:
    """The organisation a unit's name starts with (浙江大学动物科学学院 → 浙江大学 for 学校):
    cut after the first of ``kinds`` (longest first at each position) written in it."""
    for i in range(len(name)):
        for k in kinds:
            if name.startswith(k, i):
                return name[:i + len(k)]
    return name


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


class Context:
    """What an article lends to its statements: its main recipient (for 这里/当地 and for
    由 H 援建) and its main helper (for clauses without a subject); see rules/pairings.yaml."""

    def __init__(self, article: Article, rules: PairingRules, cue_sentences: set,
                 counties: list[County], abbreviations: "_Abbreviations") -> None:
        self.article, self.rules, self.abbreviations = article, rules, abbreviations
        text = article.text
        self.divisions = rules.division_mark in text
        self._division_places: dict[str, Place] = {}
        self._bare: Optional[dict[str, Optional[Place]]] = None
        self._cue_sentences, self._counties = cue_sentences, counties
        self._main: Optional[tuple] = None
        hits = rules.gaz.find(text)          # the counties stage's scan of the same text
        self.hits = (hits, [h.start for h in hits])
        self.parties: list[Party] = []       # every party of the cue sentences, for counting
        self._helper: Optional[tuple] = None
        # first reading: statements that need the main helper wait (their sentences are kept)
        self.first_reading = True
        self.waiting: set = set()
        self.explicit_recipients: set[str] = set()
        self._anaphor_organisations: dict = {}   # _organisations(read=…) for anaphors
        self.sentence: Optional[tuple] = None
        self._standalone: dict[str, int] = {}
        self._inside: Optional[dict[str, Place]] = None
        self._towns: dict[str, Optional[Place]] = {}
        self._county_starts: Optional[list[tuple[int, int]]] = None
        self._county_positions: list[int] = []

    @cached_property
    def sole_county(self) -> Optional[Place]:
        """The article's county when it names exactly one, else None."""
        return _county_place(self._counties[0]) if len(self._counties) == 1 else None

    @cached_property
    def sole_county_names(self) -> frozenset:
        """The names the article writes for its one county (维西县, 维西), with its full name; none
        when it names no county or several (:attr:`sole_county` is None then)."""
        if len(self._counties) != 1:
            return frozenset()
        c = self._counties[0]
        return frozenset(m.text for m in c.mentions) | {c.name}

    @cached_property
    def regions_written(self) -> set[str]:
        """The named regions the article writes in full (四川藏区), for their short forms
        (藏区); on first use: few articles write a short form, and each region is a search
        of the whole text."""
        return {p.name for surface, p in self.rules.regions.items() if surface in self.article.text}

    @cached_property
    def own_hospital(self) -> Optional[str]:
        """The hospital a page's 我院/本院 stands for: the one name of a hospital the page writes
        in passing that holds no place and opens with no generic word (rules/pairings.yaml,
        self_names), else None; on first use (only a sentence with 我院 asks)."""
        text, rules = self.article.text, self.rules
        hits, starts = self.hits
        names = set()
        for m in rules.self_name.finditer(text):
            a, b = m.span(1)
            k = bisect_left(starts, a)
            if (k < len(starts) and starts[k] < b) or rules.generic_org.match(text, a):
                continue   # 石河子大学医院: where the doctors go; 三级医院: no name
            names.add(m.group(1))
        return names.pop() if len(names) == 1 else None

    @cached_property
    def own_city(self) -> Optional[Place]:
        """The city a page's 我市 stands for: the prefecture-level or county-level city the text names most often
        (at least main_recipient_min_mentions times, strictly more than any other; rules/pairings.yaml,
        self_names), else None; on first use (only a sentence with 我市 asks)."""
        cities = Counter(p for p in (_county_city(h, self.rules.self_city_suffix) or _higher_place(h)
                                     for h in self.hits[0])
                         if p is not None and p.level in ("prefecture", "county"))
        ranked = cities.most_common(2)
        if not ranked or ranked[0][1] < self.rules.main_recipient_min_mentions \
                or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
            return None
        return ranked[0][0]

    @cached_property
    def own_province(self) -> Optional[Place]:
        """The province a page's 我省 stands for: the province the text names most often (as own_city
        counts), else None; on first use."""
        return self._named_most(p for p in map(_higher_place, self.hits[0]) if p is not None and p.level == "province")

    @cached_property
    def own_county(self) -> Optional[Place]:
        """The county a page's 我县 stands for: the county the text names most often (as own_city
        counts), else None; on first use."""
        return self._named_most(_county_place(c) for c in self._counties for _ in c.mentions)

    @cached_property
    def own_prefecture(self) -> Optional[Place]:
        """The autonomous prefecture a page's 我州 stands for: the prefecture named …州 that the text names
        most often (as own_city counts), else None; on first use."""
        suffix = self.rules.self_prefecture_suffix
        return self._named_most(p for p in map(_higher_place, self.hits[0])
                                if p is not None and p.level == "prefecture" and p.name.endswith(suffix))

    def _named_most(self, places: Iterable[Place]) -> Optional[Place]:
        """The place counted most often, at least main_recipient_min_mentions times and strictly more
        than any other, else None."""
        ranked = Counter(places).most_common(2)
        if not ranked or ranked[0][1] < self.rules.main_recipient_min_mentions \
                or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
            return None
        return ranked[0][0]

    def districtless_town(self, name: str) -> Optional[Place]:
        """The city of a town of a city with no county level named alone (rules/districtless_towns.tsv),
        or None when the name is also another township's and the article names that township's county
        or prefecture and not the city (长安镇 in a text on 海宁: 海宁's 长安镇), or is a form that needs the
        city named (rules districtless_forms_needing_city: 新城组团 is also a planner's word) and it is not."""
        found = self._towns.get(name, False)
        if found is False:
            place, namesakes, needs_city = self.rules.districtless_towns[name]
            found = place
            if namesakes or needs_city:
                named = self.named_codes
                city_named = place.adcode in named or place.adcode[:4] + "00" in named
                if not city_named and (needs_city or any(c in named or c[:4] + "00" in named for c in namesakes)):
                    found = None
            self._towns[name] = found
        return found

    @cached_property
    def named_codes(self) -> frozenset[str]:
        """The codes of every unit the article's place names may stand for; on first use."""
        return frozenset(f.unit.adcode for h in self.hits[0] for f in h.forms)

    def bare_unit(self, name: str, level: str) -> Optional[tuple[str, Place]]:
        """A unit named by a bare level word (市人民医院): (its full name as the article writes it, that
        name's place) when the article writes a place of that level right before the name, else
        (the name, the place of that level the article names most often: :attr:`own_city` for 市,
        else the county of that suffix named most often), else None."""
        text = self.article.text
        j = text.find(name)
        while j >= 0:
            if j > 0 and _HAN.match(text[j - 1]):
                # a place that ends with the name's level word (绍兴市 of 市人民医院), read in a window
                # of at most bare_unit_place_max characters before that word
                window = max(0, j - self.rules.bare_unit_place_max)
                for h in self.rules.gaz.find(text[window:j + 1]):
                    if h.end == j + 1 - window and any(f.unit.name.endswith(level) for f in h.forms):
                        units = [f.unit for f in h.forms if f.unit.name.endswith(level)]
                        if len(units) == 1:
                            u = units[0]
                            return text[window + h.start:j + len(name)], Place(u.name, u.adcode, u.level)
            j = text.find(name, j + 1)
        if level == self.rules.self_city_suffix:
            return (name, self.own_city) if self.own_city is not None else None
        named = Counter(c.key for c in self._counties if c.name.endswith(level) for _ in c.mentions)
        ranked = named.most_common(2)
        if not ranked or ranked[0][1] < self.rules.main_recipient_min_mentions \
                or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
            return None
        c = next(c for c in self._counties if c.key == ranked[0][0])
        return name, _county_place(c)

    def bare_level(self, word: str) -> Optional[Place]:
        """The one province the article names whose name ends in ``word`` (自治区 → 西藏自治区
        in an article naming no other autonomous region), else None."""
        if self._bare is None:
            self._bare = {}
            for w in self.rules.bare_levels:
                named = {p.name: p for p in (_higher_place(h) for h in self.hits[0])
                         if p is not None and p.level == "province" and p.name.endswith(w)}
                self._bare[w] = next(iter(named.values())) if len(named) == 1 else None
        return self._bare.get(word)

    def division(self, numeral: str) -> Place:
        """The 兵团 division of ``numeral`` as a party: its 师市合一 city where the article names that
        city anywhere (W1, the lead's ruling of 03:55 UTC 2026-12-07 (3): 六师驻地五家渠市), else the
        division by its official name."""
        place = self._division_places.get(numeral)
        if place is None:
            city = self.rules.division_city_of.get(numeral)
            place = city if city is not None and city.name in self.article.text \
                else Place(self.rules.division_name.format(numeral), None, "region")
            self._division_places[numeral] = place
        return place

    def county_before(self, pos: int, helped: bool = False) -> Optional[Place]:
        """The last county named before ``pos`` in its paragraph or the one before (该院,
        该县: the place just spoken of). ``helped``: the place a statement naming only its
        helpers speaks of, never a county written as a person's home (装配工…来自广西兴业县…:
        rules/pairings.yaml, passage_origin), the county before it asked instead."""
        floor = self.article.index.previous_paragraph_start(pos)
        self._index_counties()
        k = bisect_left(self._county_positions, pos) - 1
        while helped and k >= 0 and self._county_starts[k][0] >= floor \
                and self.rules.passage_origin.search(
                    self.article.text, max(0, self._county_starts[k][0] - self.rules.w["origin_reach"]),
                    self._county_starts[k][0]):
            k -= 1
        if k < 0 or self._county_starts[k][0] < floor:
            return None
        c = self._counties[self._county_starts[k][1]]
        return _county_place(c)

    def county_at_start(self, a: int, b: int) -> Optional[Place]:
        """The county whose mention starts at ``a`` and ends by ``b`` (七星关区 opening the name
        七星关区委宣传部), else None."""
        self._index_counties()
        positions = self._county_positions
        k = bisect_left(positions, a)
        # every county with a mention starting at ``a`` (two counties may share a start: a short
        # form and a longer name), not only the first
        while k < len(positions) and positions[k] == a:
            c = self._counties[self._county_starts[k][1]]
            if any(m.span[0] == a and m.span[1] <= b for m in c.mentions):
                return _county_place(c)
            k += 1
        return None

    def _index_counties(self) -> None:
        if self._county_starts is None:
            self._county_starts = sorted((m.span[0], k) for k, c in enumerate(self._counties)
                                         if c.key for m in c.mentions)
            self._county_positions = [s for s, _ in self._county_starts]

    def prefecture_before(self, pos: int, helpers: list[Party]) -> Optional[Place]:
        """The last prefecture named before ``pos`` in its paragraph or the one before, when
        no county is (在广州专家的援助下，康复科… in a passage about 林芝市人民医院): neither a
        helper's place nor one that holds it or lies in it; none when the passage writes it
        right before a township or village (南阳市黄岗镇: the place is that township's county,
        unwritten). At most passage_hits names are looked at."""
        index, text = self.article.index, self.article.text
        floor = index.previous_paragraph_start(pos)
        hits, starts = self.hits
        own = [h.place for h in helpers if h.place is not None]
        found: Optional[Place] = None
        k = bisect_left(starts, pos) - 1
        for _ in range(self.rules.w["passage_hits"]):
            if k < 0 or starts[k] < floor:
                break
            hit = hits[k]
            k -= 1
            place = _higher_place(hit)
            if place is None or place.level != "prefecture" or (found and place != found):
                continue
            if any(o == place or _contains(o, place) or _contains(place, o) for o in own):
                continue
            if self.rules.township_after.match(text, hit.end):
                return None
            found = place
        return found

    def may_name_party(self, s: int, e: int) -> bool:
        """False when text[s:e] can name no party for :func:`sentence_parties`: no gazetteer hit
        starts in it and none of the patterns a party is read from (an organisation's suffix, a
        central unit, a region, a deictic, a bare level word, an anaphor, a defined short name,
        a township first written after its county) matches in it, searched with the same bounds
        as there. About half of the cue sentences name no party (帮扶干部…): they skip the
        reading of parties."""
        starts = self.hits[1]
        k = bisect_left(starts, s)
        if k < len(starts) and starts[k] < e:
            return True
        text = self.article.text
        if any(p.search(text, s, e) for p in self.rules.party_signals):
            return True
        if self.divisions and self.rules.division_pattern.search(text, s, e):
            return True
        defined = self.abbreviations.defined_pattern
        if defined is not None and defined.search(text, s, e):
            return True
        return any(text.find(name, s, e) >= 0 for name in self._inside_names())

    def _inside_names(self) -> dict[str, Place]:
        """The townships and villages the article first wrote right after their county, with
        that county (rules/pairings.yaml, places_inside), longest first; built on first use."""
        if self._inside is None:
            names: dict[str, Place] = {}
            text = self.article.text
            for c in self._counties:
                if not c.key:
                    continue
                for m in c.mentions:
                    found = self.rules.places_inside.match(text, m.span[1])
                    lo = max(0, m.span[0] - self.rules.w["located_reach"])
                    located = self.rules.places_located.search(text, lo, m.span[0]) \
                        if self.rules.places_located_verbs.search(text, lo, m.span[0]) else None
                    for name in (found.groups() if found else ()) + ((located.group(1),) if located else ()):
                        if name:
                            place = _county_place(c)
                            names.setdefault(name, place)
                            stem = name[:-1] if name.endswith(("乡", "镇", "村")) else None
                            if stem and len(stem) >= self.rules.w["inside_stem_min"]:
                                names.setdefault(stem, place)
            # longest first, so a township's full name wins over its stem (海则梁乡, 海则梁)
            self._inside = dict(sorted(names.items(), key=lambda kv: -len(kv[0])))
        return self._inside

    def inside_places(self, s: int, e: int) -> list[tuple[int, int, Place]]:
        """Townships and villages named in text[s:e] that the article first wrote right after
        their county (rules/pairings.yaml, places_inside), with that county."""
        text, found = self.article.text, []
        for name, place in self._inside_names().items():     # a handful of names per article
            j = text.find(name, s, e)
            while j >= 0:
                if all(j >= b or j + len(name) <= a for a, b, _ in found):
                    found.append((j, j + len(name), place))
                j = text.find(name, j + len(name), e)
        return sorted(found, key=lambda f: f[0])

    def anaphors(self, s: int, e: int, taken: "_Spans") -> list[tuple[int, int, str]]:
        """学校/公司/该行 right before a cue (他来到学校定点帮扶的…县; 前往公司对口帮扶的…村): the
        last organisation of that kind named before it, in its paragraph or the one before
        (浙江大学动物科学学院副教授… → 浙江大学), cut after the kind's word."""
        rules, text, out = self.rules, self.article.text, []
        for m in rules.anaphor_pattern.finditer(text, s, e):
            if taken.overlaps(m.start(), m.end()) or text[m.start() - 1:m.start()] in rules.org_bracket_closers:
                continue   # (…(bào)集团对口支援: the end of a name with a bracket, no anaphor)
            lo = max(self.article.index.previous_paragraph_start(m.start()), m.start() - rules.w["anaphor_reach"])
            kinds = rules.anaphors[m.group()]
            named = [n for _, _, n in _organisations(text, lo, m.start(), rules, [],
                                                     read=self._anaphor_organisations)
                     if any(k in n for k in kinds)]
            if named:
                out.append((m.start(), m.end(), _cut_at_kind(named[-1], kinds)))
        return out

    def standalone_count(self, name: str) -> int:
        """How often the article writes ``name`` after a boundary (not inside a longer run)."""
        found = self._standalone.get(name)
        if found is None:
            text, n, j = self.article.text, 0, self.article.text.find(name)
            while j >= 0:
                if j == 0 or not _HAN.match(text[j - 1]) or text[j - 1] in self.rules.org_boundaries:
                    n += 1
                j = text.find(name, j + len(name))
            found = self._standalone[name] = n
        return found

    @property
    def main_recipient(self) -> Optional[Place]:
        """The county named most often in cue sentences (strictly), computed when needed."""
        if self._main is None:
            counts = []
            for c in self._counties:
                if c.key:
                    n = sum(1 for m in c.mentions
                            if self.article.sentence_of(m.span[0]) in self._cue_sentences)
                    counts.append((n, c))
            counts.sort(key=lambda x: -x[0])
            main = None
            if counts and counts[0][0] > 0 and (len(counts) == 1 or counts[0][0] > counts[1][0]):
                main = _county_place(counts[0][1])
            elif not counts or counts[0][0] == 0:
                # no county in a cue sentence: the county the article names most often
                ranked = sorted(((len(c.mentions), c) for c in self._counties if c.key),
                                key=lambda x: -x[0])
                if ranked and ranked[0][0] >= self.rules.main_recipient_min_mentions \
                        and (len(ranked) == 1 or ranked[0][0] > ranked[1][0]):
                    main = _county_place(ranked[0][1])
            self._main = (main,)
        return self._main[0]

    def _title(self) -> str:
        title = self.article.title or ""
        if not title:
            # the first line, when it reads as a headline (short, no full stop)
            text = self.article.text.lstrip()
            line = text[:text.find("\n")] if "\n" in text else ""
            if len(line) <= self.rules.w["title_max"] and "。" not in line:
                title = line
        return title.strip()

    def _from_title(self) -> Optional[Party]:
        rules, title = self.rules, self._title()
        for mark in rules.title_marks:
            i = title.find(mark)
            # a head with nothing after its mark is a page's label, no headline (搜索中心:, 当前位置:)
            if 1 < i <= rules.w["title_subject_max"] and title[i + len(mark):].strip() \
                    and _HAN.fullmatch(title[0]) and all(_HAN.match(ch) for ch in title[:i]) \
                    and title[:i] not in rules.title_page_labels \
                    and not title.endswith(rules.title_page_label_endings, 0, i):
                head = title[:i]
                hits = [h for h in rules.gaz.find(head) if h.start == 0 and h.end == len(head)]
                place = _higher_place(hits[0]) if hits else None
                return Party(0, 0, place=place) if place else Party(0, 0, org=head)
        orgs = _organisations(title, 0, len(title), rules, [], True) + self.abbreviations.find(title, 0, len(title))
        if orgs:
            first = min(orgs, key=lambda o: o[0])
            return Party(0, 0, org=self.abbreviations.full(first[2]))
        return None

    def _most_named(self) -> Optional[Party]:
        counts: dict[tuple, list[Party]] = {}
        for p in self.parties:
            name = p.org and self.abbreviations.full(p.org) or p.place and p.place.name
            if p.deictic or p.pair or name in self.explicit_recipients:
                continue
            key = (p.org, p.place.name if p.place else None)
            counts.setdefault(key, []).append(p)
        ranked = sorted(counts.values(), key=len, reverse=True)
        if not ranked or len(ranked[0]) < self.rules.main_helper_min \
                or (len(ranked) > 1 and len(ranked[1]) == len(ranked[0])):
            return None
        top = ranked[0][0]
        main = self.main_recipient
        if top.place and main and (top.place == main or _contains(top.place, main)):
            return None
        return top

    def main_helper(self, at: int) -> Optional[Party]:
        if self.first_reading:
            self.waiting.add(self.sentence)
            return None
        if self._helper is None:
            self._helper = (self._from_title() or self._most_named(),)
        h = self._helper[0]
        return Party(at, at, place=h.place, org=h.org) if h else None


def find_pairings(article: Article, rules: PairingRules,
                  evidence: Optional[set] = None) -> list[Pairing]:
    """The article's pairings; ``evidence`` (when given) receives the keys (County.key) of counties
    named inside a helper organisation's name.

    Long on purpose: ``add`` is a closure over the article (its text, paragraphs, the
    epidemic check, the abbreviations and the output), and the two readings (explicit
    statements first, then those that need the article's main helper) share all of it."""
    text = article.text
    counties: list[County] = article.facts.get("counties", [])
    county_at = {m.span[0]: c for c in counties for m in c.mentions}
    sentences: dict[tuple[int, int], list[regex.Match]] = {}
    for m in rules.cue_pattern.finditer(text):
        sentences.setdefault(article.sentence_of(m.start()), []).append(m)
    if not sentences and not rules.sent_verbs.search(text) \
            and not (rules.charity_gate in text and rules.charity_works.search(text)):
        return []
    pair_cue = tuple(rules.pair_cues)
    abbreviations = _Abbreviations(text, rules)
    ctx = Context(article, rules, set(sentences), counties, abbreviations)
    out: dict[tuple[str, str], Pairing] = {}
    stated: list[tuple[int, Place]] = []   # (statement start, recipient) of every statement read
    given: list[tuple[Party, Place]] = []  # (helper, recipient) of every pairing, as first read

    epidemic: list[bool] = []

    def epidemic_article() -> bool:
        if not epidemic:
            epidemic.append(bool(rules.epidemic_words.search(text)))
        return epidemic[0]

    # (once per paragraph or sentence, not per statement: a line is one of each)
    searched: dict[tuple[str, int, int], bool] = {}

    def words_in(words, a: int, b: int) -> bool:   # words: rules.epidemic_words or rules.relief_words
        found = searched.get((words.pattern, a, b))
        if found is None:
            found = searched[(words.pattern, a, b)] = bool(words.search(text, a, b))
        return found

    mention_starts = sorted(county_at)

    def add(h: Party, r_place: Place, kind: str, start: int, end: int, s: int, e: int) -> None:
        if h.deictic:
            return
        name, code, helper_key = h.helper
        if h.org:
            name = abbreviations.full(name)
        # a county's own unit that keeps a 扶贫点 or 结对 with villages of its own county states a
        # pairing (gold/README W6: 七星关区委宣传部扶贫点… → 七星关区)
        own_unit = bool(h.org) and (kind in rules.own_unit_kinds or (
            kind in rules.own_unit_marked_kinds and rules.own_unit_marks.search(text, s, e) is not None))
        if _helps_not(text, h, name, r_place, own_unit, s, end, rules):
            return
        if h.org and evidence is not None:
            inside = [county_at[p] for p in
                      mention_starts[bisect_left(mention_starts, h.start):bisect_left(mention_starts, h.end)]
                      if not text.endswith(rules.org_station_marks, h.start, p)]
            # (a county after 驻 is where the unit is stationed, not its owner: 晋江驻红寺堡办事处)
            if any(c.key == r_place.adcode for c in inside) and not own_unit:
                return   # the county's own unit in its own village (石门县文旅广体局驻金河村帮扶
                #          工作队): its own work (gold/README `other`), no pairing
            evidence.update(c.key for c in inside if c.key)
        if kind in rules.epidemic_plain_kinds:
            ps, pe = article.index.paragraph_of(s)
            hubei = bool(r_place.adcode) and r_place.adcode[:2] == rules.epidemic_province
            if words_in(rules.epidemic_words, ps, pe) or (hubei and epidemic_article()):
                return   # 派出医护人员支援湖北省 in the epidemic: relief, not a stated pairing
            if words_in(rules.relief_words, s, e):
                return   # 派出工作组赶赴江西、广西…协助抗洪抢险: disaster relief, not a stated pairing
        if r_place.adcode and r_place.adcode[:2] == rules.epidemic_province \
                and words_in(rules.epidemic_words, s, e):
            kind = rules.epidemic_kind
        key = (name, r_place.name)
        stated.append((start, r_place))
        if key not in out:
            given.append((h, r_place))
            out[key] = Pairing(helper=name, recipient=r_place.name, text=text[start:end],
                               span=(start, end), source_span=article.source_span(start, end),
                               helper_adcode=code, recipient_adcode=r_place.code, kind=kind,
                               helper_key=helper_key, recipient_key=r_place.adcode)

    parties_of: dict[tuple[int, int], list] = {}

    def parties_in(s: int, e: int) -> list:
        """The parties of the sentence (s, e), read once: the cue sentences first, then any
        sentence a sending or an arrival stands in reuses them."""
        parties = parties_of.get((s, e))
        if parties is None:
            parties = parties_of[(s, e)] = sentence_parties(text, s, e, rules, county_at, ctx) \
                if ctx.may_name_party(s, e) else []
        return parties

    for (s, e) in sentences:
        ctx.parties.extend(parties_in(s, e))
    for (s, e), cues in sentences.items():
        parties = parties_of[(s, e)]
        if not parties:
            continue
        ctx.sentence = (s, e)
        _read_sentence(text, s, e, cues, parties, rules, ctx, add, pair_cue)
    if ctx.waiting:
        # second reading of the statements without a helper, now that the explicit
        # statements say who helps in this article
        ctx.first_reading = False
        ctx.explicit_recipients = {p.recipient for p in out.values()}
        for s, e in sorted(ctx.waiting):
            _read_sentence(text, s, e, sentences[(s, e)], parties_of[(s, e)], rules, ctx, add, pair_cue)
    _read_other_shapes(text, article, sentences, parties_of, parties_in, county_at, rules, ctx, add,
                       stated, given, out)
    return list(out.values())


def _read_other_shapes(text, article, sentences, parties_of, parties_in, county_at, rules, ctx, add,
                       stated, given, out) -> None:
    """The readers of every shape but a cue sentence's statement, after the cue sentences' two readings
    (:func:`find_pairings`) and in this order: several read what those stated (``stated``, ``given``,
    ``out``), and each is asked only behind its own cheap literal gate where it has one."""
    _read_sendings(text, rules, ctx, add, parties_in)
    _read_arrivals(text, rules, ctx, add, parties_in)
    _read_postings(text, sentences, parties_of, rules, add, given)
    _read_formed_teams(text, rules, ctx, add, parties_in)
    if any(m.group() not in rules.bare_cues for cues in sentences.values() for m in cues):
        # (an article whose only cue is a bare 对口, 对口合作/对口交流 between equals, tells no help)
        _read_visiting(text, rules, ctx, add, parties_in, stated, out)
    if stated:
        _read_instances(text, rules, ctx, add, parties_in, stated)
        _read_carried(text, sentences, parties_of, rules, add, stated, {h for h, _ in out})
    _read_clauses(text, sentences, parties_of, rules, add, stated)
    _read_credited(text, sentences, parties_of, rules, add, ctx)
    if any(g in text for g in rules.help_unit_gates):
        _read_help_units(text, article, rules, ctx, add, parties_in)
    if rules.designation_gate in text:
        _read_designations(text, article, rules, ctx, add, parties_in)
    if rules.charity_gate in text:
        _read_charity_works(text, article, rules, add, parties_in)
    _read_shares(text, article, sentences, rules, add, parties_in)
    if rules.tally_pattern.search(text):
        _read_tallies(text, article, parties_of, rules, add)
    if rules.thanked_gate in text:
        _read_thanked(text, sentences, parties_of, rules, add)
    if _funds_written(text, rules):
        _read_funds(text, article, county_at, rules, add, parties_in, given)
    if rules.pair_funds_word in text:
        _read_pair_funds(text, article, rules, add, parties_in)
    if rules.station_mark in text:
        _read_stations(text, article, rules, add, parties_in)
    if _joint_framed(text, sentences, rules) and any(g in text for g in rules.joint_gates):
        _read_joint_acts(text, article, rules, add, parties_in)
    _read_sole_county(text, sentences, parties_of, rules, add, ctx, out)
    _read_official(text, sentences, parties_of, rules, add, stated, out, county_at.values())


def _helps_not(text: str, h: Party, name: str, r_place: Place, own_unit: bool, s: int, end: int,
               rules: PairingRules) -> bool:
    """Whether helper ``h`` (written ``name``; ``own_unit``: a county's own unit keeping a 扶贫点 or 结对
    there) states no pairing with ``r_place`` in the statement ending at ``end`` of a sentence from ``s``,
    by who the two are: the first screen of :func:`find_pairings`' ``add``."""
    if name == r_place.name or (h.place and h.place == r_place and not own_unit):
        return True
    if r_place.level == "town":
        return True   # a town of a city with no county level named alone is read as a helper only (W15):
        #               such cities give help (东莞, 中山), and 新城镇, 港口镇 are words too (建设新城镇)
    if h.place and not h.org and (_contains(r_place, h.place) or _contains(h.place, r_place)):
        return True   # a unit does not help its own parent (丹巴县 … 甘孜州) nor its own part
    if h.bare and not own_unit and (h.place is None or h.place == r_place or _contains(h.place, r_place)):
        return True   # 市教育局 in its own city's county: its own work (W16's units), but its 结对帮扶 or
        #               定点帮扶 there is its pairing (the 00:57 ruling (4) of 2026-12-06, W6)
    if h.org and _only_mobilises(text, h, s, end, rules):
        return True   # 全国工商联动员310家民营企业帮扶织金县: the members help, not the federation (W20)
    # 诸暨市慈善总会 → 绍兴市, 昆山高新区商会 → 苏州市: a body of a place gives to others, not its own parent
    return bool(h.org) and not own_unit and _of_own_place(h, r_place, rules)


def _only_mobilises(text: str, h: Party, s: int, end: int, rules: PairingRules) -> bool:
    """Whether the organisation ``h`` (its caller asks only for one) is a federation or chamber (rules mobilisers)
    followed in its sentence, before the statement's end, by a verb of mobilising others (全国工商联动员310家民营企业
    帮扶织金县): its members help, not it (W20, the 02:30 ruling (1))."""
    return h.org.endswith(rules.mobiliser_names) and rules.mobilising_verbs.search(text, max(s, h.end), end) is not None


def _read_pair_funds(text, article, rules, add, parties_in) -> None:
    """The pair's helping province named with its fiscal money in an article that writes the
    pair (rules/pairings.yaml, pair_funds): 沪滇协作… 全省到位上海市财政援助资金 → 上海市 → 云南省."""
    written = {rules.pair_sides[p.text] for p in article.facts.get("places") or () if p.text in rules.pair_sides}
    if not written:
        return
    for m in rules.pair_funds_pattern.finditer(text):
        s, e = article.sentence_of(m.start())
        h = next((p for p in parties_in(s, e) if p.end == m.start() and p.place is not None
                  and not p.org and not p.deictic), None)
        for east, west in written:
            if h is not None and h.place == east:
                add(h, west, rules.pair_funds_kind, h.start, m.end(), s, e)


def _read_joint_acts(text, article, rules, add, parties_in) -> None:
    """An eastern and a western place joined right before a verb of joint making, in an article that
    writes the east–west programme or paired help (rules/pairings.yaml, joint_acts): 西湖区和九龙县共同
    打造的红茶 → 西湖区 → 九龙县 (W25: the programme says who helps; the joint act is its work)."""
    for m in rules.joint_verbs.finditer(text):
        s, e = article.sentence_of(m.start())
        if any(w in text[s:e] for w in rules.joint_mutual):
            continue
        sides = _joined_places(text, parties_in(s, e), s, m.start(), rules)
        east = [p for p in sides if _east(p, rules)]
        west = [p for p in sides if _east(p, rules, "recipients")]
        if len(east) != 1 or not west or len(east) + len(west) != len(sides):
            continue    # (two places of one side, or a place of neither: who helps is not written)
        for r in west:
            add(east[0], r.place, rules.joint_kind, sides[0].start, m.end(), s, e)


def _read_stations(text, article, rules, add, parties_in) -> None:
    """A helper's station or team named for the place it is stationed in, with its work told later in the sentence
    (rules/pairings.yaml, stations): 珠海市驻电白区观珠镇帮扶工作队开展特色农产品消费帮扶 → 珠海市 → 电白区."""
    mark, i = rules.station_mark, text.find(rules.station_mark)
    while i >= 0:   # (a 驻 opening the text has no place before it: the ending check below skips it, not the loop)
        if text.endswith(rules.station_before, 0, i) and not text.startswith(rules.station_not_after, i + 1):
            s, e = article.sentence_of(i)
            parties = parties_in(s, e)
            h = next((p for p in parties if p.end == i and p.place and not p.org and not p.deictic), None)
            r = next((p for p in parties if p.start == i + 1 and p.place and not p.org and not p.deictic), None)
            tail = rules.station_tail.match(text, r.end, e) if h is not None and r is not None else None
            if tail is not None and not text.startswith(rules.station_people, tail.end()) \
                    and rules.station_work.search(text, tail.end(), e) is not None \
                    and not (_east(h, rules, "recipients") and _east(r, rules)):
                add(h, r.place, rules.station_kind, h.start, tail.end(), s, e)
        i = text.find(mark, i + 1)


def _joint_framed(text: str, sentences: dict, rules: PairingRules) -> bool:
    """Whether the article writes the east–west programme or paired help, read from its cue matches
    (rules joint_acts.frame_cues, or a cue right after 协作: 在西湖区协作帮扶下)."""
    return any(m.group() in rules.joint_frame_cues or text.endswith(rules.joint_frame_before_cue, 0, m.start())
               for cues in sentences.values() for m in cues)


def _joined_places(text: str, parties: list, s: int, verb: int, rules: PairingRules) -> list:
    """The places joined (和/与/、) whose last ends right before ``verb`` (but for a count, a bond's
    words or a date: rules joint_acts.between), in writing order; [] when any of them is no place."""
    last = next((p for p in parties if s <= p.end <= verb
                 and rules.joint_between.fullmatch(text, p.end, verb)), None)
    if last is None:
        return []
    chain = [last]
    for p in reversed([q for q in parties if q.end <= last.start and q.start >= s]):
        if text[p.end:chain[0].start] not in rules.joint_joiners:
            break
        chain.insert(0, p)
    if len(chain) < 2 or any(p.org or p.pair or p.deictic or p.township or p.place is None for p in chain):
        return []
    return chain


def _home_holds(x: Party, r0: Place, rules: PairingRules) -> bool:
    """Whether organisation ``x`` is of R's own place, of a unit holding it or of a county of R's own
    prefecture: its own place, and the place its name opens with (毕节酒厂 of 毕节市, for 七星关区)."""
    homes = [x.place] if x.place is not None else []
    homes += [place for h in rules.gaz.find(x.org) if h.start == 0
              for place in (_higher_place(h),) if place is not None]
    return any(home == r0 or _contains(home, r0) or _same_prefecture(home, r0) for home in homes)


def _of_own_place(h: Party, r: Place, rules: PairingRules) -> bool:
    """Whether organisation ``h`` is of place ``r`` or of a unit inside it: its place, or the one unit its
    name opens with (宁夏侨联, 诸暨市慈善总会, 昆山高新区商会), is ``r`` or has ``r`` for a parent."""
    if not r.adcode:
        return False
    if h.place is not None and h.place.adcode and (h.place.adcode == r.adcode or _contains(r, h.place)):
        return True
    u = _opening_unit(h.org, rules)
    return u is not None and (u.adcode == r.adcode or r.adcode in u.parents)


def _opening_unit(org: str, rules: PairingRules):
    """The one unit an organisation's name opens with (宁夏 of 宁夏侨联), else None; kept per name (the
    same organisations give many statements)."""
    head, known = org[:8], rules.opening_units
    if head not in known:
        if len(known) > rules.w["opening_units_kept"]:
            known.clear()
        found = None
        for hit in rules.gaz.find(head):
            units = {f.unit for f in hit.forms}
            if hit.start == 0 and len(units) == 1:
                found = next(iter(units))
                break
        known[head] = found
    return known[head]


def _same_prefecture(a: Place, b: Place) -> bool:
    """Two counties of one prefecture (金沙县 and 七星关区, both of 毕节市)."""
    return a.level == b.level == "county" and bool(a.adcode) and bool(b.adcode) \
        and a.adcode[:4] == b.adcode[:4]


def _unstated_sentences(sentences: dict, stated) -> Iterator[tuple[tuple[int, int], list]]:
    """The cue sentences ((start, end), cues) in which no statement was read: no stated
    pairing's start lies in them."""
    starts = sorted(start for start, _ in stated)
    for (s, e), cues in sentences.items():
        k = bisect_left(starts, s)
        if not (k < len(starts) and starts[k] < e):
            yield (s, e), cues


def _read_carried(text, sentences, parties_of, rules, add, stated, helper_names) -> None:
    """The article's established pair carried to a later sentence that names one more party only
    (rules/pairings.yaml, carried): when every statement read has one recipient R, a cue sentence
    that gave no statement, whose parties besides R's own (R, its units, its places) are one
    organisation written before a cue in the cue's clause, gives that organisation R
    (杭州奥立达电梯有限公司向阿都村…捐赠 in a passage on 乡城县; the village is no party)."""
    recipients = {r for _, r in stated}
    if len(recipients) != 1:
        return
    r0 = next(iter(recipients))
    for (s, e), cues in _unstated_sentences(sentences, stated):
        parties = parties_of.get((s, e))
        if not parties:
            continue
        others = [p for p in parties if not (p.place is not None and not p.deictic
                                             and (p.place == r0 or _contains(r0, p.place)))]
        if not others or len({(p.org, p.place) for p in others}) != 1:
            continue
        x = others[0]
        if not x.org or x.deictic or x.pair or x.bare or _home_holds(x, r0, rules):
            continue     # (a unit or company of R's own prefecture helping R: its own work)
        if text.startswith(rules.carried_not_after, x.end) or text.endswith(rules.carried_not_before, s, x.start) \
                or any(w in x.org for w in rules.carried_not_inside):
            continue
        if any(x.org.endswith(n) or n.endswith(x.org) for n in helper_names):
            continue     # a helper already read, written with its province (浙江省舟山市工商联)
        cue = next((m for m in cues if m.start() >= x.end), None)
        if cue is None or any(b in text[x.end:cue.start()] for b in rules.carried_clause_breaks):
            continue
        if _label_after(text, cue.end(), rules):
            continue     # 援藏干部, 帮扶的干部: a label, no statement
        if _quoted(text, s, x.start, rules, SentenceParties(parties, text, s, e, rules)):
            continue
        add(x, r0, rules.cues[cue.group()].kind, x.start, cue.end(), s, e)


def _read_clauses(text, sentences, parties_of, rules, add, stated) -> None:
    """A cue sentence that gave no statement, read clause by clause: the party nearest before an
    active cue in its clause and the place nearest after it."""
    for (s, e), cues in _unstated_sentences(sentences, stated):
        parties = [p for p in parties_of.get((s, e)) or () if p.pair is None and not p.deictic]
        if len(parties) < 2:
            continue
        for cue in cues:
            if "active" not in rules.cues[cue.group()].shapes:
                continue
            x = max((p for p in parties if p.end <= cue.start()), key=attrgetter("end"), default=None)
            y = next((p for p in parties if p.start >= cue.end()), None)
            if x is None or y is None or y.org or y.place is None or x.bare:
                continue
            if cue.start() - x.end > rules.w["helper_gap"] or y.start - cue.end() > rules.clause_reach:
                continue
            if any(b in text[x.end:cue.start()] or b in text[cue.end():y.start] for b in rules.carried_clause_breaks):
                continue
            # a unit's fixed point or 结对 named right after the cue (定点帮扶村大邑县) may lie in its own city
            own_unit = bool(x.org) and rules.cues[cue.group()].kind in rules.own_unit_kinds \
                and rules.own_unit_label.fullmatch(text, cue.end(), y.start) is not None
            if x.place is not None and (x.place == y.place or _contains(y.place, x.place)
                                        or (_contains(x.place, y.place) and not own_unit)):
                continue     # (a unit's 定点帮扶村 in its own city's county is its pairing: the 00:57 ruling (4))
            if x.org and ((not own_unit and _home_holds(x, y.place, rules))
                          or any(w in x.org for w in rules.carried_not_inside)):
                continue     # (院长付继勇带领医院: a name run back over a person leading)
            if _east(y, rules) or _east(x, rules, "recipients"):
                continue     # an eastern helper after the cue, a western place before it: not its help
            if _label_after(text, cue.end(), rules):
                continue     # 上海市第九批援藏干部…江孜: a label, no statement
            if any(w in text[cue.end():y.start] for w in rules.clause_not_between) \
                    or text[cue.start():cue.end()] in rules.bare_cues and rules.cue_pattern.match(text, y.end):
                continue     # …扶贫协作在四川省: where, not whom; 深圳对口河池扶贫协作: a programme's name
            singles = SentenceParties(parties, text, s, e, rules)
            if _excluded(text, s, e, ([x], [y], x.start, y.end), cue.end(), rules, singles, cue.start()) \
                    or _quoted(text, s, y.start, rules, singles):
                continue     # (…交易市场“广西馆”: a name)
            ys = [r for r in _list_forward(text, singles, singles.position(y), rules.separators, rules)
                  if r.place is not None and not r.org]
            for r in ys:
                add(x, r.place, rules.cues[cue.group()].kind, x.start, ys[-1].end, s, e)


def _sole_county_party(parties: SentenceParties, h: Party) -> Optional[Party]:
    """The first party naming the one county the sentence names besides ``h`` (itself, or a unit
    in it: 皮山县人民医院 → 皮山县), else None."""
    place = parties.sole_county_besides(h, named=True)
    if place is None:
        return None
    return next((p for p in parties if p.place == place and not p.deictic), None)


def _tally_giver(text: str, parties: list, pos: int, rules: PairingRules) -> Optional[Party]:
    """The party written right before a tally at ``pos`` (its bare 对口 and a bracketed later name
    between: 宝钢集团(现为宝武集团)对口援藏项目133个 → 宝钢集团)."""
    if text.endswith(rules.tally_opener, 0, pos):
        pos -= len(rules.tally_opener)
    if text.endswith((")", "）"), 0, pos):
        pos = max(text.rfind("(", 0, pos), text.rfind("（", 0, pos))
    giver = next((p for p in parties if p.end == pos), None)
    if giver is None or giver.deictic or giver.pair or giver.bare:
        return None
    return giver


def _tally_recipient(article: Article, parties_of: dict, s: int, region: str) -> Optional[Place]:
    """The last place of the tally's region (a prefecture or county) named in the cue sentences
    before it, in its paragraph or the one before (日喀则累计接受…对口援藏项目 before 上海市对口援藏
    项目…): the place the tallies are of."""
    lo = article.index.previous_paragraph_start(s)
    found = None
    for (a, b), parties in parties_of.items():
        if b <= lo or a >= s:
            continue
        for p in parties:
            if p.place is not None and not p.org and not p.deictic and p.place.level in ("prefecture", "county") \
                    and (p.place.adcode or "").startswith(region) and lo <= p.start < s \
                    and (found is None or p.start > found.start):
                found = p
    return found.place if found is not None else None


def _read_tallies(text, article, parties_of, rules, add) -> None:
    """Each giver's tally in a list of them (rules/pairings.yaml, tallies): H对口援藏项目N个、援藏资金…;
    H2对口援藏项目… states H's 援藏 of the place the passage is about (the twenty-ninth draw's W14
    class: 上海市、山东省…宝钢集团、中化集团 → 日喀则市). The region word fixes where the place lies."""
    for m in rules.tally_pattern.finditer(text):
        s, e = article.sentence_of(m.start())
        parties = parties_of.get((s, e))
        if not parties:
            continue
        giver = _tally_giver(text, parties, m.start(), rules)
        if giver is None:
            continue
        region = rules.tally_regions[m.group("cue")]
        place = _tally_recipient(article, parties_of, s, region)
        if place is not None:
            add(giver, place, rules.cues[m.group("cue")].kind, giver.start, m.end(), s, e)


def _funds_county(article: Article, county_at: dict, s: int, e: int) -> Optional[Place]:
    """The county funds are used in: the one county the sentence names, else, when it names none,
    the one county named before it in its paragraph or the one before."""
    starts = sorted(county_at)
    inside = {county_at[p].key for p in starts[bisect_left(starts, s):bisect_left(starts, e)]}
    if len(inside) > 1:
        return None
    if inside:
        return next(_county_place(county_at[p]) for p in starts[bisect_left(starts, s):] if county_at[p].key in inside)
    lo = article.index.previous_paragraph_start(s)
    before = {county_at[p].key: county_at[p] for p in starts[bisect_left(starts, lo):bisect_left(starts, s)]}
    return _county_place(next(iter(before.values()))) if len(before) == 1 else None


def _funds_written(text: str, rules: PairingRules) -> bool:
    """Whether the text holds funds put to use or placed (rules/pairings.yaml, funds): each pattern is
    searched only when its gate word (资金) stands right after one of the words its shape writes before it."""
    use = placed = False
    at = text.find(rules.funds_word)
    while at >= 0 and not (use and placed):
        use = use or text.endswith(rules.funds_use_before, 0, at)
        placed = placed or text.endswith(rules.funds_placed_before, 0, at)
        at = text.find(rules.funds_word, at + 1)
    return bool(use and rules.funds_use_pattern.search(text) or placed and rules.funds_placed_pattern.search(text))


def _read_funds(text, article, county_at, rules, add, parties_in, given) -> None:
    """W19 funds in a named county (rules/pairings.yaml, funds; the lead's 19:29 rulings (2)):
    a helper's funds put to use (我们用北京的资金建立了… in a passage on 怀安县 → 北京市 → 怀安县), and
    funds placed in a county with no giver written (今年在务川自治县安排帮扶资金…), given by the helper
    of the one pairing read whose recipient holds that county (上海市 → 遵义市)."""
    for m in rules.funds_use_pattern.finditer(text):
        s, e = article.sentence_of(m.start())
        h = next((p for p in parties_in(s, e) if p.start == m.start("h") and p.end == m.end("h")), None)
        place = _funds_county(article, county_at, s, e) if h is not None and not (h.deictic or h.pair) else None
        if place is not None:
            add(h, place, rules.funds_kind, m.start("h"), m.end(), s, e)
    for m in rules.funds_placed_pattern.finditer(text):
        s, e = article.sentence_of(m.start())
        r = next((p for p in parties_in(s, e) if p.start == m.start("r") and p.end == m.end("r")
                  and p.place is not None and p.place.level == "county" and not p.org), None)
        helpers = {h.helper[0]: h for h, place in given if r is not None and _contains(place, r.place)}
        if len(helpers) == 1:
            add(next(iter(helpers.values())), r.place, rules.funds_kind, m.start("r"), m.end(), s, e)


def _read_thanked(text, sentences, parties_of, rules, add) -> None:
    """Thanks for the help a party gave a place (rules/pairings.yaml, thanked_giver): 对 H (多年来)给予 R 的…
    帮扶/援助…表示感谢 in a cue sentence — H, a party written whole between 对 and 给予, helps R, the place
    party right after 给予 (赵卫东对中车集团多年来给予天水的大力支持和无私帮扶工作表示衷心的感谢)."""
    for (s, e) in sentences:
        parties = parties_of.get((s, e))
        if not parties or text.find(rules.thanked_gate, s, e) < 0:
            continue
        for m in rules.thanked_pattern.finditer(text, s, e):
            h = next((p for p in parties if p.start == m.start("h") and p.end == m.end("h")), None)
            r = next((p for p in parties if p.start == m.start("r") and p.place is not None and not p.org), None)
            if h is None or r is None or h.deictic or h.pair or r.deictic:
                continue
            if h.place is not None and (h.place == r.place or _contains(h.place, r.place)):
                continue     # (甘肃省委给予天水市的帮扶: a higher level's own support, no SPEC 6 cue: W6)
            add(h, r.place, rules.thanked_kind, m.start("h"), m.end(), s, e)


def _read_credited(text, sentences, parties_of, rules, add, ctx) -> None:
    """A helper's 援疆/援藏 body credited with its work (rules/pairings.yaml, credited): a place
    right before the cue (广东援疆选派优秀教师…; 依靠安徽援疆专家和援疆资金的支持), in a sentence
    naming one county besides it: that county is helped; in a sentence naming no county, the last
    county named before it in its paragraph or the one before (Context.county_before). A label
    (援藏干部、…书记; 援藏专家姜丽) has no work after it."""
    for (s, e), cues in sentences.items():
        parties = parties_of.get((s, e))
        if not parties:
            continue
        singles = None
        for cue in cues:
            if cue.group() not in rules.credited_cues:
                continue
            x = next((p for p in parties if s <= p.end <= cue.start() and p.place and not p.org
                      and p.pair is None and not p.deictic
                      and rules.credited_before_cue.fullmatch(text, p.end, cue.start())), None)
            if x is None:
                continue
            framed = text.endswith(rules.credited_frame_open, s, x.start) \
                and rules.credited_frame_close.match(text, cue.end()) is not None
            if not framed and rules.credited_work.match(text, cue.end()) is None:
                continue
            singles = singles or SentenceParties([p for p in parties if p.pair is None], text, s, e, rules)
            if _quoted(text, s, x.start, rules, singles):
                continue
            r = _sole_county_party(singles, x)
            if r is not None:
                add(x, r.place, rules.cues[cue.group()].kind, min(x.start, r.start), max(cue.end(), r.end), s, e)
            elif not any(p.place is not None and p.place.level == "county" for p in singles):
                # …在山南市加查县正式投产。⏎由湖北援藏工作队通过招商引资引进的这家公司…: a sentence naming no
                # county speaks of its passage's (as the lone shape reads it)
                place = _passage_county(ctx, s, x)
                if place is not None:
                    add(x, place, rules.cues[cue.group()].kind, x.start, cue.end(), s, e)


def _help_unit_items(text: str, parties: "SentenceParties", end: int, e: int, rules: PairingRules) -> list[Party]:
    """The units listed right after a help label (包联单位汇森煤业、清水川能源、西部信托和西部证券帮扶4个村): each item a
    party of the sentence when one spans it, else a unit named as written — only in a list of at least
    rules help_units items_min items (a single word after the label may be a verb or a noun phrase)."""
    run = rules.help_unit_run.match(text, end, e)
    if run is None or not text.startswith(rules.help_unit_list_ends, run.end()):
        return []   # (a list not closed by 等 or 帮扶 may run on into the clause's verb: 县住建局和桐川镇联合举办)
    items, a = [], end
    for sep in list(rules.help_unit_item_split.finditer(text, end, run.end())) + [None]:
        b = sep.start() if sep else run.end()
        if not rules.help_unit_item.fullmatch(text, a, b) or text.startswith(rules.help_unit_not_items, a):
            return []
        k = parties.first_from(a)
        p = parties[k] if k < len(parties) and parties[k].start == a and parties[k].end == b else None
        items.append(p if p is not None else Party(a, b, org=text[a:b]))
        a = sep.end() if sep else b
    return items if len(items) >= rules.help_unit_items_min else \
        [p for p in items if p in parties]


def _help_unit_helpers(text: str, parties: "SentenceParties", label: tuple[int, int], e: int,
                       rules: PairingRules) -> list[Party]:
    """The units the help label at ``label`` (start, end) names (rules help_units): the list right after it
    (帮扶单位甘肃银行, 包联单位A、B和C), else the list ending right before it with 等 (余杭区等帮扶单位,
    A和B等对口帮扶单位)."""
    start, end = label
    items = _help_unit_items(text, parties, end, e, rules)
    k = parties.first_from(end)
    if k < len(parties) and parties[k].start == end:
        listed = _list_forward(text, parties, k, rules.helper_separators, rules)
        return items if len(items) > len(listed) else listed
    if items:
        return items
    for k in range(len(parties) - 1, -1, -1):
        p = parties[k]
        if p.end <= start:
            if rules.help_unit_before.fullmatch(text, p.end, start):
                return _list_back(text, parties, k, rules.help_unit_joiners)
            break
    return []


def _help_unit_owner(text: str, parties: "SentenceParties", label_start: int, rules: PairingRules) -> Optional[Party]:
    """The place whose help unit the label starting at ``label_start`` names (三合湾村帮扶单位县住建局, 茅坪村
    第一帮扶单位): the party ending right before it, at most rules help_units owner_gap between."""
    for p in reversed(parties):
        if p.end <= label_start:
            if p.place is not None and not p.org and rules.help_unit_owner_gap.fullmatch(text, p.end, label_start) \
                    and (p.township or p.place.level in rules.help_unit_owner_levels):
                return p   # (杭州市帮扶单位杭州银行: a city's own units, no owner helped)
            return None
    return None


def _help_unit_labels(text: str, rules: PairingRules) -> Iterator[tuple[int, int]]:
    """(start, end) of each help label of the text with its prefix (对口帮扶单位 of 帮扶单位), by plain string
    search (a regex alternation over the whole text cost 1 ms an article)."""
    for word in rules.help_unit_gates:
        j = text.find(word)
        while j >= 0:
            a = next((j - len(x) for x in rules.help_unit_prefixes if text.endswith(x, 0, j)), j)
            b = j + len(word)
            if not text.endswith(rules.help_unit_not_after, 0, a) and not text.startswith(rules.help_unit_people_after, b):
                yield a, b   # (not 被帮扶企业, 优秀帮扶企业, 帮扶企业代表: the helped, an honour, people)
            j = text.find(word, b)


def _read_help_units(text, article, rules, ctx, add, parties_in) -> None:
    """Units named by a help label (rules/pairings.yaml, help_units): each helps the place whose help unit
    the label says it is, else the one county its sentence names besides the units, else the county its
    passage speaks of (the credited reader's _passage_county), else the article's main recipient."""
    for label in _help_unit_labels(text, rules):
        label_start, label_end = label
        s, e = article.sentence_of(label_start)
        parties = parties_in(s, e)
        singles = SentenceParties(sorted((p for p in parties if p.pair is None), key=lambda p: p.start),
                                  text, s, e, rules)
        helpers = [h for h in _help_unit_helpers(text, singles, label, e, rules)
                   if not h.deictic and (h.place is not None or h.org is not None)]
        if not helpers:
            continue
        owner = _help_unit_owner(text, singles, label_start, rules)
        others = SentenceParties([p for p in singles if p not in helpers], text, s, e, rules)
        for h in helpers:
            if owner is not None:
                place, kind = owner.place, rules.help_unit_owned_kind
            else:
                r = _sole_county_party(others, h)
                place = r.place if r is not None else (_passage_county(ctx, s, h) or ctx.main_recipient)
                kind = rules.help_unit_kind
            if place is not None and not (h.place is not None and not h.org and _helps_itself(h, place)):
                add(h, place, kind, min(h.start, label_start), max(h.end, label_end), s, e)


def _read_designations(text, article, rules, ctx, add, parties_in) -> None:
    """A village named as a unit's assigned help village (rules/pairings.yaml, village_designation; gold/README
    W7, W6): the unit written between 是 and 的 (the party that spans it) helps the county the sentence writes
    before the village, else the county its passage speaks of, else (a county's unit) its own county — a county's
    own unit too (W6: a named relation)."""
    j = text.find(rules.designation_gate)
    while j >= 0:
        s, e = article.sentence_of(j)
        m = rules.designation.match(text, j + len(rules.designation_gate) - 1, e)
        parties = parties_in(s, e) if m is not None else []
        h = next((p for p in parties if p.start == m.start("h") and p.end == m.end("h")), None) if m else None
        if h is not None and not h.deictic and (h.org or h.place):
            county = next((p for p in reversed(parties) if p.end <= j + 1 and p.place is not None
                           and p.place.level == "county" and not p.org), None)
            place = county.place if county is not None else ctx.county_before(s, helped=True)
            if place is None and h.org and h.place is not None and h.place.level == "county":
                place = h.place   # 骆庄村是郧县农商银行的精准帮扶结对村: a county's own unit's village (W6)
            if place is not None and not (h.place is not None and not h.org and _helps_itself(h, place)):
                add(h, place, rules.designation_kind, h.start, m.end(), s, e)
        j = text.find(rules.designation_gate, j + len(rules.designation_gate))


def _read_charity_works(text, article, rules, add, parties_in) -> None:
    """Charity works named for their giver, listed by place (rules/pairings.yaml, charity_works): the places
    listed right before the count (…宁夏海原8座华润希望小镇) are each helped by the giver the work's name writes,
    by its fullest form the article writes (华润 → 华润集团)."""
    for m in rules.charity_works.finditer(text):
        s, e = article.sentence_of(m.start())
        parties = SentenceParties((p for p in parties_in(s, e) if p.pair is None), text, s, e, rules)
        i = parties.first_ending_at(m.start())
        if i is None or parties[i].org or parties[i].place is None:
            continue
        # the list's items are separated by 、 and may hold a place the gazetteer does not know (河北西柏坡): each
        # item's place party ending at the item's end, back to the clause's start
        clause = parties.clause_start(m.start())
        mark = text.rfind(rules.charity_separator, clause, m.start())
        items = [m.start()]
        while mark >= 0:
            items.append(mark)
            mark = text.rfind(rules.charity_separator, clause, mark)
        places = [parties[k] for k in (parties.first_ending_at(j) for j in reversed(items)) if k is not None
                  and parties[k].place is not None and not parties[k].org and not parties[k].deictic]
        short = m.group("giver")
        name = short if short.endswith(rules.org_full_tails) else \
            next((short + t for t in rules.org_full_tails if short + t in text), None)
        if name is None:
            continue      # no company of that name in the article (3所爱心希望小学: a word, no giver)
        giver = Party(m.start("giver"), m.end("giver"), org=name)
        for p in places:
            add(giver, p.place, rules.charity_kind, places[0].start, m.end(), s, e)


def _may_give(p: Party, rules: PairingRules, west_starts: frozenset) -> bool:
    """Whether a party may give the shares of its money (rules/pairings.yaml, shares): an eastern place,
    or an organisation not of a western place (a western county's own bureau shares out its own money)
    nor written with one right after it (中国农业银行贵州省分行: its branch there lends in its own province)."""
    if p.deictic or p.pair is not None or p.bare:
        return False
    if p.org:
        return (p.place is None or not _east(p, rules, "recipients", placed_orgs=True)) and p.end not in west_starts
    return _east(p, rules)


def _west_starts(parties: list[Party], rules: PairingRules) -> frozenset:
    """Where the sentence's places of the helped provinces start (read once a sentence, for :func:`_may_give`)."""
    return frozenset(q.start for q in parties if _east(q, rules, "recipients"))


def _takes_share(p: Party, rules: PairingRules) -> bool:
    """Whether a party may take a share: a county or prefecture of a western province, named as a place
    (towns and villages are a county's own places, never recipients of its shares)."""
    return not p.org and p.pair is None and not p.deictic and p.place is not None \
        and p.place.level in rules.share_place_levels and _east(p, rules, "recipients")


def _share_sentences(text: str, sentences: dict, rules: PairingRules) -> Iterator:
    """((s, e), (start, end)) of each cue sentence holding a share word, with its first share word: one
    pre-compiled alternation searched in the cue sentences only (a search of the whole text for each
    word cost a pairings pass 2–3%)."""
    for (s, e) in sentences:
        m = rules.share_words.search(text, s, e)
        if m is not None:
            yield (s, e), m.span()


def _share_givers(text: str, parties: list[Party], givers: list[int], at: int, places: list[Party],
                  rules: PairingRules) -> list[tuple[Party, Party]]:
    """(giver, place) of a share sentence whose givers (``givers``: their indices in ``parties``, at least
    one) stand before the share word at ``at``: one giver gives each place its share; several, with 分别
    after the last of them, give in order when their list is as long as the places'."""
    if _one_giver(parties[i] for i in givers):
        return [(parties[givers[0]], r) for r in places]
    if text.find(rules.respectively, parties[givers[-1]].end, at + len(rules.respectively)) < 0:
        return []
    listed = _list_back(text, parties, givers[-1], rules.helper_separators)
    return list(zip(listed, places)) if len(listed) == len(places) else []


def _one_giver(givers: Iterable[Party]) -> bool:
    """Whether the givers named (at least one) are one helper by its recorded name, however often it is
    written: the one test of both share readers (:func:`_share_givers`, :func:`_giver_before`)."""
    return len({p.helper[0] for p in givers}) == 1


def _giver_before(text: str, article: Article, s: int, parties_in, rules: PairingRules) -> Optional[Party]:
    """The one giver of the nearest sentence before ``s`` (at most shares.back sentences) that names a
    giver, when it holds the funds word (浙江省财政援助资金倾斜支持四川50个…县。); none when it names several."""
    k = bisect_left(article.sentences, s, key=itemgetter(0))   # (no list of starts built per call: near-linear)
    for ps, pe in reversed(article.sentences[max(0, k - rules.share_back):k]):
        before = parties_in(ps, pe)
        west = _west_starts(before, rules)
        givers = [p for p in before if _may_give(p, rules, west)]
        if givers:
            return givers[0] if _one_giver(givers) and text.find(rules.share_funds, ps, pe) >= 0 else None
    return None


def _read_shares(text, article, sentences, rules, add, parties_in) -> None:
    """A helper's money shared among named places (rules/pairings.yaml, shares; gold/README W19): in a
    cue sentence holding a share word (用于, 每县, 分配给 …) and a sum, each western county or prefecture
    named after the giver — or anywhere in it when the giver is named in a sentence before — is helped
    by the giver (上海市援助云南省帮扶资金1亿元，主要用于迪庆藏区及红河、文山、普洱3州市…)."""
    for (s, e), (at, word_end) in _share_sentences(text, sentences, rules):
        if rules.share_sum.search(text, s, e) is None:
            continue
        parties = [p for p in parties_in(s, e) if p.pair is None]
        west = _west_starts(parties, rules)
        givers = [i for i, p in enumerate(parties) if p.start < at and _may_give(p, rules, west)]
        floor = max((parties[i].end for i in givers), default=None)     # (read once: _share_givers takes them)
        places, seen = [], set()
        for p in parties:
            if p.start >= (s if floor is None else floor) and _takes_share(p, rules) and p.place not in seen:
                seen.add(p.place)
                places.append(p)
        if len(places) < rules.share_min_places:
            continue
        if floor is not None:
            pairs = _share_givers(text, parties, givers, at, places, rules)
        else:
            h = _giver_before(text, article, s, parties_in, rules)
            pairs = [(h, r) for r in places] if h is not None else []
        for h, r in pairs:
            start = h.start if s <= h.start < e else s
            add(h, r.place, rules.share_kind, start, max(r.end, word_end), s, e)


def _read_sole_county(text, sentences, parties_of, rules, add, ctx, out) -> None:
    """A help statement that names its helper and no recipient, in an article naming one county
    (rules/pairings.yaml, sole_county; gold/README, the lead's 23:55 ruling (5)): that county is
    helped (调研评估交通银行巩固衔接定点帮扶工作 in a text about 浑源县 alone). Read only when no
    pairing names the county yet, for a SPEC 6 cue and an outside helper (:func:`_sole_outside`)."""
    place = ctx.sole_county
    if place is None or any(p.recipient == place.name for p in out.values()):
        return
    text_end = len(text.rstrip())      # where the written text ends (a cue there is a cut)
    for (s, e), cues in sentences.items():
        parties = parties_of.get((s, e))
        if not parties:
            continue
        opening = text[s:s + rules.sole_open_indent]
        if rules.instances_open.match(text, s + len(opening) - len(opening.lstrip())):
            continue   # 其中，H…: a member of a group statement before (the instances reader's)
        singles = None
        for cue in cues:
            if cue.group() not in rules.sole_cues or text.startswith(rules.sole_labels, cue.end()) \
                    or cue.end() >= text_end or rules.lone_after.match(text, cue.end()):
                continue   # 帮扶干部, 帮扶司: a label or a name's part; H cue。: a heading or a cut (lone's)
            if singles is None:    # built once per sentence (an empty one too: it is falsy)
                singles = SentenceParties((p for p in parties if p.pair is None), text, s, e, rules)
            h = _sole_helper(text, singles, cue, s, rules)
            kind = rules.cues[cue.group()].kind
            if h is None or not _sole_outside(text, singles, h, place, kind, ctx, rules):
                continue
            name = h.helper[0]
            if any(k[0].endswith(name) for k in out):
                continue   # 长兴集团 after 安康市长兴集团: the short form of a helper read; a helper paired
                #            elsewhere in the article speaks of its recipients there (深圳对口帮扶工作…)
            add(h, place, kind, h.start, cue.end(), s, e)


def _read_official(text, sentences, parties_of, rules, add, stated, out, counties) -> None:
    """Who is officially paired (rules/official_pairings.tsv; rules/pairings.yaml official): a cue sentence of a
    programme in which no statement was read, naming two places only, one officially assigned to help the other,
    states that help — the table gives the direction the wording leaves unsaid (定海区和革命老区四川宣汉县达成东西部
    对口帮扶机制 → 定海区 → 宣汉县; 广州市委、市政府调拨…医疗物资发往疏附县，援疆… → 广州市 → 疏附县). Guards in
    :func:`_official_cue` and :func:`_official_sides`."""
    named = county_keys = None    # built on the first candidate sentence (most articles have none)
    for (s, e), cues in _unstated_sentences(sentences, stated):
        parties = parties_of.get((s, e))
        cue = _official_cue(text, s, e, cues, rules) if parties else None
        if cue is not None and named is None:
            named = [(p.helper_key, p.recipient_key) for p in out.values()]
            county_keys = {c.key for c in counties if c.key}
        sides = _official_sides(text, s, e, parties, rules, named, county_keys) if cue else None
        if sides is None:
            continue
        h, r = sides
        start, end = min(h.start, r.start, cue.start()), max(h.end, r.end, cue.end())
        # what excludes any statement (a programme's or plan's name, a mutual relation, a label, thanks)
        if not _excluded(text, s, e, ([h], [r], start, end), cue.end(), rules,
                         SentenceParties(parties, text, s, e, rules), cue.start()):
            add(h, r.place, rules.cues[cue.group()].kind, start, end, s, e)


def _official_cue(text, s, e, cues, rules):
    """The sentence's first programme cue (official.cues) that is no label (援藏干部), no heading's or cut's end
    (rules lone_after, or the written text ending there), no park's name (paired_list_names: …扶贫协作产业园) and
    no sector's own work (official.sectors: 卫生健康系统东西部协作项目); none in a sentence of visits, meetings or
    postings (official.not_in: SPEC 6)."""
    if not any(m.group() in rules.official_cues for m in cues):
        return None   # (the cheap test first: most unstated cue sentences hold no programme cue)
    text_end = len(text.rstrip())
    cue = next((m for m in cues if m.group() in rules.official_cues and not _label_after(text, m.end(), rules)
                and m.end() < text_end and not rules.lone_after.match(text, m.end())
                and not text.startswith(rules.paired_list_names, m.end())
                and not text.endswith(rules.official_sectors, s, m.start())), None)
    return None if cue is None or rules.official_not_in.search(text, s, e) else cue


def _official_sides(text, s, e, parties, rules, named, county_keys) -> Optional[tuple[Party, Party]]:
    """(helper, recipient) of the sentence's two places when the table pairs them one way, else None. Not for a
    township's or bare unit's place, a place in a quotation (a name: “深圳小镇”) or heading a dateline, a recipient in a
    list (漾濞、永平等5个县: the list readers'), a team's name after it in honours (the 11:08 ruling, Q1), two places
    with a space between (a page's run of labels: 天津对口援疆工作 结对帮扶工作 和田地区), a province
    helped as a whole, a pair the article already states at its own level or below (大兴区 → 察右前旗 before 乌兰察布与
    大兴…协作), nor a province helping where the article names a county of it (北京市第七批…人才 with 顺义区: W26's fullest form)."""
    places = [p for p in parties if p.place is not None and p.place.adcode and not p.org and not p.pair
              and not p.deictic]
    units = {p.place.adcode for p in places}
    if len(units) != 2 or any(p.township or p.bare for p in places):
        return None
    side = rules.official_pairs.direction(*units)
    if side is None or rules.gaz.units[side[1]].level == "province":
        return None
    h = next(p for p in places if p.place.adcode == side[0])
    r = next(p for p in places if p.place.adcode == side[1])
    marks = SentenceParties(places, text, s, e, rules)
    a, b = sorted((h, r), key=lambda p: p.start)
    if any(_quoted(text, s, p.start, rules, marks) or _dateline(text, p.end, rules) for p in (h, r)) \
            or text.startswith(rules.official_list_marks, r.end) or _label_only_team(text, s, e, r.end, rules) \
            or any(c.isspace() for c in text[a.end:b.start]):
        return None
    if any(_within(hk, side[0], rules) and _within(rk, side[1], rules) for hk, rk in named):
        return None
    if h.place.level == "province" and any(k[:2] == side[0][:2] and k != side[0] for k in county_keys):
        return None
    return h, r


def _within(key: Optional[str], outer: str, rules: PairingRules) -> bool:
    """Whether the unit of ``key`` is ``outer`` or lies inside it."""
    unit = rules.gaz.units.get(key) if key else None
    return unit is not None and (key == outer or outer in unit.parents)


def _sole_helper(text, singles, cue, s, rules) -> Optional[Party]:
    """The helper of a cue read by :func:`_read_sole_county`: the party ending at most
    sole_county.gap before it in its clause; past an object mark (H 向 R 援建: R's giver before
    向); none inside a quotation (a programme's name) or where a destination is written (赴藏, 驻村)."""
    floor = singles.clause_start(cue.start())
    hi = _ending_before(text, singles, cue.start(), rules.sole_gap, rules, floor)
    if hi is None or _quoted(text, s, cue.start(), rules, singles) \
            or text.endswith(rules.sole_destination_marks, s, singles[hi].start):
        return None
    h = singles[hi]
    mark = next((m for m in rules.sole_object_marks if text.endswith(m, s, h.start)), None)
    if mark is not None:
        hi = _ending_before(text, singles, h.start - len(mark), rules.sole_gap, rules, floor)
        if hi is None:
            return None
        h = singles[hi]
    if any(m in text[h.end:cue.start()] for m in rules.sole_destination_marks):
        return None
    return h


def _sole_outside(text, singles, h, place, kind, ctx, rules) -> bool:
    """Whether ``h`` helps the article's one county ``place`` from outside: an organisation of one
    of sole_county.helper_kinds (a place is no body: 沧州市三名干部赴藏对口支援), not the county's
    own (its name or a bare 县 in the name, or the county right before it: 都匀经济开发区) — any
    organisation, its own too, for a kind W6 reads for own units (维西县财政局挂钩帮扶…); no other
    place in the sentence but the province holding the county before the helper (a place after
    it would be the statement's recipient: 上海对口帮扶遵义市); not coordinated by the county
    (在北京市西城区的协调下，H援建…: the county is a helper)."""
    if h.deictic or not h.org or not (kind in rules.own_unit_kinds or h.org.endswith(rules.sole_helper_kinds)):
        return False
    if kind not in rules.own_unit_kinds and (
            h.org.startswith(rules.sole_own_levels) or any(n in h.org for n in ctx.sole_county_names)
            or _after_own_name(text, singles.s, h.start, ctx.sole_county_names, rules.sole_own_reach)):
        return False
    return not any(p.place is not None and p.place != place and p.start != h.start
                   and (p.start > h.start or p.place.level != "province" or not _contains(p.place, place))
                   for p in singles) \
        and not any(p.place == place and p.start < h.start and text.startswith(rules.sole_coordinated, p.end)
                    for p in singles)


def _after_own_name(text: str, s: int, start: int, names: frozenset, reach: int) -> bool:
    """Whether one of ``names`` ends at most ``reach`` Han characters before ``start`` (都匀经济开发区
    read from 济开发区: the county's own body)."""
    for n in names:
        j = text.rfind(n, max(s, start - reach - len(n)), start)
        if j >= 0 and (j + len(n) == start or _HAN_RUN.fullmatch(text, j + len(n), start)):
            return True
    return False


def _read_instances(text, rules, ctx, add, parties_in, stated) -> None:
    """其中，H1…cue…；H2…cue… right after a group statement (rules/pairings.yaml, instances; gold/README
    W2): each clause opening with an organisation and holding a cue gives that organisation the
    recipients of the sentence before, whose helpers are a counted group (…等114家企业与…结对帮扶)."""
    article = ctx.article
    for m in rules.instances_open.finditer(text):
        s, e = article.sentence_of(m.start())
        if s == 0 or text[s:m.start()].strip():
            continue      # 其中 opens the sentence
        ps, pe = article.sentence_of(s - 1)
        recipients = list(dict.fromkeys(r for start, r in stated if ps <= start < pe))
        if not recipients or not rules.instances_group.search(text, ps, pe):
            continue
        parties = parties_in(s, e)
        if not parties:
            continue
        starts = {p.start: p for p in parties if p.org and p.place is None}
        clause = m.end()
        for brk in chain(rules.instances_breaks.finditer(text, m.end(), e), (None,)):
            end = brk.start() if brk else e
            lead = clause + len(text[clause:end]) - len(text[clause:end].lstrip())
            h = starts.get(lead)
            cue = rules.cue_pattern.search(text, h.end, end) if h is not None else None
            if cue is not None:
                for r_place in recipients:
                    add(h, r_place, rules.cues[cue.group()].kind, h.start, cue.end(), s, e)
            clause = brk.end() if brk else e


def _read_arrivals(text, rules, ctx, add, parties_in) -> None:
    """H 的第N批援疆干部抵达 R (rules/pairings.yaml, arrived): the place right before a team's
    assistance label helps the place right after its arrival verb. Of one helper's arrivals, a
    place holding another arrival's place yields to it (抵达喀什 beside 到达喀什地区巴楚县)."""
    article = ctx.article
    found: list[tuple[Party, Party, str, int, int, int, int]] = []
    for m in rules.arrived.finditer(text):
        s, e = article.sentence_of(m.start())
        parties = parties_in(s, e)
        if not parties:
            continue
        singles = SentenceParties((p for p in parties if p.pair is None), text, s, e, rules)
        lead = rules.arrived_lead.search(text, max(s, m.start() - rules.arrived_lead_max), m.start())
        hi = singles.first_ending_at(lead.start()) if lead else None
        ri = _starting_after(text, singles, m.end(), 0)
        if hi is None or ri is None:
            continue
        for r in _list_forward(text, singles, ri, rules.separators, rules):
            if r.recipient is not None and r is not singles[hi]:
                found.append((singles[hi], r, m.group(1), singles[hi].start, r.end, s, e))
    for h, r, kind, start, end, s, e in found:
        if any(h.helper == h2.helper and r2.recipient != r.recipient
               and _contains(r.recipient, r2.recipient) for h2, r2, *_ in found):
            continue
        add(h, r.recipient, kind, start, end, s, e)


def _read_postings(text, sentences, parties_of, rules, add, given) -> None:
    """H (第N批) 援X干部 with a place of X's province in its sentence (rules/pairings.yaml, posted; W9 (b)):
    作为上海市第十批援滇干部的刘于朋，来到…绿春县挂职 → 上海市 → 绿春县, when another sentence of the
    article says H helps (:func:`_stated_elsewhere`). A place written as a team's name (江孜联络小组) or
    across a quotation mark from the label (林芝市委书记马升昌说：“深圳援藏干部人才…: the speaker's post) is
    none, and a place holding or inside one H is already read to help yields to it."""
    statements = None   # who the cue sentences say helps, read at the first label asking (most articles have none)
    for (s, e), cues in sentences.items():
        singles = None   # the sentence's single parties, found at its first label (most sentences have none)
        for m in cues:
            province = rules.posted_provinces.get(m.group())
            if province is None or not text.startswith(rules.posted_people, m.end()):
                continue
            if singles is None:
                singles = SentenceParties((p for p in parties_of.get((s, e)) or () if p.pair is None), text, s, e, rules)
            lead = rules.posted_lead.search(text, max(s, m.start() - rules.posted_lead_max), m.start())
            hi = singles.first_ending_at(lead.start()) if lead else None
            if hi is None or singles[hi].deictic:
                continue
            h = singles[hi]
            places: dict[Place, Party] = {}
            for p in singles:
                if p is not h and not p.org and p.place is not None and p.place.level in rules.posted_levels \
                        and (p.place.adcode or "")[:2] == province \
                        and not text.startswith(rules.posted_team_names, p.end) \
                        and rules.posted_quote.search(text, min(p.end, m.start()), max(p.start, m.end())) is None:
                    places.setdefault(p.place, p)
            kept = [r for r in places if not any(r != r2 and _contains(r, r2) for r2 in places)
                    and not any(g.helper[0] == h.helper[0] and r2 != r and (_contains(r, r2) or _contains(r2, r))
                                for g, r2 in given)]
            if kept and statements is None:
                statements = _statements(text, sentences, parties_of, rules)
            if kept and _stated_elsewhere(h, (s, e), statements):
                for r in kept:
                    add(h, r, rules.cues[m.group()].kind, min(h.start, places[r].start),
                        max(m.end(), places[r].end), s, e)


def _statements(text, sentences, parties_of, rules) -> tuple[dict[Place, list], dict[str, list]]:
    """Who the article's cue sentences say helps (W9 (b)), for :func:`_stated_elsewhere`: (the sentences of each
    place that opens a province pair written there: 上海市 for 沪滇; the sentences of each helper named there), in
    the order of ``sentences``, where the party stands in one clause with a cue that is neither a 援X nor a label
    (这所学校北京投资援建两亿多元, not 2018年绿春沪滇扶贫协作项目清单) and a named helper owns no 援X of its own
    (湖南援藏工作队, 广东援疆). Read once an article: a walk over every sentence for each label asking was
    quadratic (a label in each of 10,000 sentences, 400 KB: ≈ 70 s)."""
    by_pair: dict[Place, list] = {}
    by_name: dict[str, list] = {}
    for key, cues in sentences.items():
        strong = [c for c in cues if c.group() not in rules.posted_provinces and not _label_after(text, c.end(), rules)]
        if not strong:
            continue     # (援藏工作, 援藏使命: the label's own word tells the team's work, not the unit's)
        for p in parties_of.get(key) or ():
            if p.deictic:
                continue
            if p.pair is not None:
                stated = by_pair.setdefault(p.pair[0], [])
            elif not _owns_aid(text, p, key[1], rules):
                stated = by_name.setdefault(p.helper[0], [])
            else:
                continue
            if (not stated or stated[-1] != key) and any(
                    rules.posted_clause_break.search(text, min(p.end, c.end()), max(p.start, c.start())) is None
                    for c in strong):
                stated.append(key)
    return by_pair, by_name


def _stated_elsewhere(h: Party, here: tuple[int, int], statements: tuple[dict[Place, list], dict[str, list]]) -> bool:
    """Whether a cue sentence other than ``here`` says ``h`` helps (:func:`_statements`): ``h`` by its name, or a
    province pair its place opens (沪滇 for 上海市; W9 (b): a sentence of the article says the unit helps)."""
    by_pair, by_name = statements
    if h.place is not None and any(key != here for key in by_pair.get(h.place, ())):
        return True
    return any(key != here for key in by_name.get(h.helper[0], ()))


def _owns_aid(text: str, p: Party, e: int, rules: PairingRules) -> bool:
    """Whether the party owns a 援X right after it (北京市19名援青干部, 湖南援藏工作队, 广东援疆认真贯彻…):
    a label or the team's work, no statement of the party's own."""
    lead = rules.posted_lead_to.match(text, p.end, e)
    return lead is not None and text.startswith(rules.posted_aid_words, lead.end())


def _read_formed_teams(text, rules, ctx, add, parties_in) -> None:
    """A team that named units form and send to a place (rules/pairings.yaml, formed; W22): each
    unit helps the place (省统计局牵头联合广铁集团、省港航集团…组成工作队，进入廉江对口帮扶)."""
    article = ctx.article
    at = text.find(rules.formed_verb)
    while at >= 0:
        after = at + len(rules.formed_verb)
        s, e = article.sentence_of(at)
        team = rules.formed_team.match(text, after, e)
        if team is not None:
            found = _formed_team(text, parties_in(s, e), at, after, team, s, e, rules)
            if found is not None:
                units, recipients, kind = found
                for h in units:
                    for r in recipients:
                        add(h, r.recipient, kind, units[0].start, r.end, s, e)
        at = text.find(rules.formed_verb, after)


def _formed_team(text, parties, at, after, team, s, e, rules):
    """The units, places and kind of one team formed at ``at`` (组成) whose words end at ``team``,
    else None (:func:`_read_formed_teams`)."""
    if len(parties) < 2:
        return None
    singles = SentenceParties((p for p in parties if p.pair is None and not p.deictic), text, s, e, rules)
    stationed = text.find(rules.formed_stationed, team.start(1), team.end(1))
    if stationed >= 0:
        ri = _starting_after(text, singles, stationed + len(rules.formed_stationed), 0)
    else:
        go = rules.formed_going.match(text, team.end(), e)
        ri = _starting_after(text, singles, go.end(), 0) if go is not None else None
    if ri is None:
        return None
    recipients = [r for r in _list_forward(text, singles, ri, rules.separators, rules)
                  if r.recipient is not None and not r.org]
    if not recipients or text.startswith(rules.sent_not_work, recipients[-1].end):
        return None    # 组成考察团，赴济南学习: sent to learn
    cue = rules.cue_pattern.search(text, s, e)
    if cue is None and not rules.formed_help.search(text, after, team.end()):
        return None    # no word of help: a team of any other work
    composed = _composers(text, singles, after, s, rules)
    units = composed[0] if composed is not None else _formed_subjects(text, singles, at, s, rules)
    if not units or _quoted(text, s, units[0].start, rules, singles):
        return None
    units = [u for u in units if u not in recipients]
    kind = rules.cues[cue.group()].kind if cue else rules.sent_kind
    return units, recipients, kind


def _formed_subjects(text, parties, at, s, rules) -> list[Party]:
    """The units written as the subject of 组成 at ``at``: the party right before it, with at most
    a count of units and people between (三家单位共4名干部), and those joined before it by the
    formed joiners (牵头联合, 、)."""
    k = parties.last_ending(s, at)
    if k is None or not rules.formed_count_tail.fullmatch(text, parties[k].end, at):
        return []
    units = [parties[k]]
    while k > 0 and text[parties[k - 1].end:parties[k].start] in rules.formed_joiners:
        k -= 1
        units.insert(0, parties[k])
    return units


def _visitor(text, parties, pos, s, rules) -> Optional[Party]:
    """The party whose delegation is told right before ``pos`` (the end of the delegation word
    and its head count): the visit shape's delegation, at most delegation_max characters, with
    a place read in the leader's given name skipped (部长邹朝阳带领考察组)."""
    v = rules.visit
    k = parties.last_ending(max(s, pos - v["delegation_max"]), pos)
    if k is None:
        return None
    if k > 0 and v["in_name"].search(text, max(s, parties[k].start - v["in_name_max"]), parties[k].start):
        k -= 1
    before = parties[k]
    if pos - before.end > v["delegation_max"] or not v["delegation"].fullmatch(text, before.end, pos):
        return None
    return before


def _composers(text, parties, pos, s, rules) -> Optional[tuple[list[Party], list[Party]]]:
    """由 A、B…等单位…组成的 <delegation word at ``pos``>: the units named after 由 (the visitors) and
    every party read between 由 and 组成 (the side the delegation comes from), else None."""
    if not text.endswith(rules.visiting_composed, s, pos):
        return None
    comp = text.rfind(rules.visiting_composed[-1], s, pos)
    by = text.rfind(rules.visiting_composed_by, s, comp)
    if by < 0:
        return None
    lo, hi = parties.first_from(by + 1), parties.first_from(comp)
    inside = [p for p in parties[lo:hi] if p.end <= comp]
    if not inside or inside[0].start != by + 1:
        return None     # 由 opens the list of units (not 自由, 由于 inside other words)
    units = []
    for i, p in enumerate(inside):
        if (i > 0 and inside[i - 1].end == p.start) or (i + 1 < len(inside) and inside[i + 1].start == p.end):
            continue    # a name read in two pieces (湖南省 + 科罗纳多汽车销售服务有限公司)
        if p.org or rules.visiting_item_after_place.match(text, p.end):
            units.append(p)
    return (units, inside) if units else None


def _read_visiting(text, rules, ctx, add, parties_in, stated, out) -> None:
    """A delegation's visit read alone (rules/pairings.yaml, visiting): H 的代表团一行赴 R 考察 with
    no statement in its sentence, the direction from the east–west lists or from a pairing the
    article states with H as helper."""
    article = ctx.article
    starts = sorted(start for start, _ in stated)
    helped: dict[str, list[tuple[Place, str]]] = {}
    for p in out.values():
        place = _place_of(p.recipient, p.recipient_key, rules)
        if place is not None:
            helped.setdefault(p.helper, []).append((place, p.kind))
    for m in rules.visiting.finditer(text):
        s, e = article.sentence_of(m.start())
        k = bisect_left(starts, s)
        if k < len(starts) and starts[k] < e:
            continue     # a statement read in the sentence already
        parties = parties_in(s, e)
        if len(parties) < 2:
            continue
        singles = SentenceParties((p for p in parties if p.pair is None and not p.deictic), text, s, e, rules)
        ri = _starting_after(text, singles, m.end(), 0)
        if ri is None:
            continue
        places = [r for r in _list_forward(text, singles, ri, rules.separators, rules)
                  if r.place is not None and not r.org]
        if not places:
            continue
        end = places[-1].end
        act = rules.visiting_acts.search(text, end, min(e, end + rules.visiting_reach))
        if act is None or any(b in text[end:act.start()] for b in rules.visiting_not_between) \
                or any(w in text[end:act.end() + rules.visiting_not_reach] for w in rules.visiting_not_acts):
            continue     # (赴济南学习考察, 来秦安县考察学习: the visitor learns)
        visitors = _composers(text, singles, m.start(), s, rules)
        composed = visitors is not None
        if visitors is None:
            h = _visitor(text, singles, m.start("go"), s, rules)
            visitors = ([h], [h]) if h is not None and h not in places else None
        if visitors is None or _quoted(text, s, visitors[1][0].start, rules, singles):
            continue     # (专题片《萧山区区长李四一行赴美姑县开展…》: a title, no visit told)
        for h, r in product(visitors[0], places):
            name = h.helper[0]
            if r.place.level == "province" and not (h.place is not None and h.place.level == "province"):
                continue     # 金华市代表团赴西藏考察: a city's visit names the region, not the place it helps
            if any(r.place != r2 and _contains(r.place, r2) for _, r2 in stated):
                continue     # 仓山区代表团赴定西考察 beside 仓山区…临洮县: the place stated within yields
            # the established pairing: a place the article states H helps, or one of its parts
            kind = next((k for r2, k in helped.get(name, ()) if r2 == r.place or _contains(r2, r.place)), None)
            if kind is None and any(_east(x, rules, placed_orgs=composed) for x in visitors[1]) \
                    and _east(r, rules, "recipients"):
                kind = rules.cues[c.group()].kind if (c := rules.cue_pattern.search(text, s, e)) else rules.visiting_kind
            if kind is None:
                continue
            add(h, r.place, kind, visitors[1][0].start, act.end(), s, e)


def _read_sendings(text, rules, ctx, add, parties_in) -> None:
    """People sent from one place to another (W9): the sentences with a sending verb, read after
    the cue sentences (a sending verb is no cue: it lends nothing to the article's main
    recipient or helper); a cue sentence's parties are reused."""
    article = ctx.article
    for m in rules.sent_verbs.finditer(text):
        s, e = article.sentence_of(m.start())
        go = _sending(text, m.end(), e, rules)
        if go is None:
            continue
        organising = m.group() in rules.organising_verbs
        if organising and not rules.organising_help.search(text, go.end(), e):
            continue   # 组织: help said after the place (rules sent), asked before the sentence's parties
        parties = parties_in(s, e)
        if not parties:
            continue
        ctx.sentence = (s, e)
        singles = SentenceParties((p for p in parties if p.pair is None), text, s, e, rules)
        stmt = _sent(text, singles, m.start(), go, s, rules)
        if stmt is None or _quoted(text, s, stmt[2], rules, singles):
            continue
        cue = rules.cue_pattern.search(text, s, e)
        kind = rules.cues[cue.group()].kind if cue else rules.sent_kind
        helpers, recipients, start, end = stmt
        if organising and helpers[-1].end != m.start():
            continue   # 组织: only the unit written right before it sends (rules sent)
        for h in helpers:
            for r in recipients:
                if r.recipient is not None and r is not h:
                    add(h, r.recipient, kind, start, end, s, e)


def _read_help_frames(text, s, e, cues, singles, rules, add) -> None:
    """H 为/给/向 R … help verb in a cue sentence (rules/pairings.yaml, help_frame): the helper right
    before the connector, the recipients right after it, a verb of giving or doing for them later in
    their clause; the kind is the nearest cue's."""
    for m in rules.frame_connectors.finditer(text, s, e):
        if text.endswith(rules.toward_not_words, s, m.end()):
            continue   # 作为, 成为: no connector
        ri = singles.first_from(m.end())
        if ri == len(singles) or singles[ri].start != m.end():
            continue
        recipients = [r for r in _list_forward(text, singles, ri, rules.helper_separators, rules)
                      if r.recipient is not None]
        if not recipients:
            continue
        last = recipients[-1].end
        verb = rules.frame_verbs.search(text, last, min(e, last + rules.w["frame_reach"]))
        if verb is None or rules.frame_breaks.search(text, last, verb.start()) \
                or _gives_thanks(text, verb.start(), verb.end(), rules):
            continue     # (…向密云区委区政府捐赠了锦旗: a thank-you token, roles.thanks_gift)
        hi = _ending_before(text, singles, m.start(), rules.w["toward_helper_gap"], rules, s)
        if hi is None:
            continue
        helpers = _list_back(text, singles, hi, rules.helper_separators)
        if _quoted(text, s, helpers[0].start, rules, singles):
            continue
        cue = min(cues, key=lambda c: abs(c.start() - m.start()))
        kind = rules.cues[cue.group()].kind
        for h in helpers:
            for r in recipients:
                if r is not h:
                    add(h, r.recipient, kind, helpers[0].start, verb.end(), s, e)


def _pair_counted_cue(text, p, s, e, cues, rules) -> Optional[regex.Match]:
    """闽宁两省区…开创了东西部扶贫协作的“闽宁模式”: a pair abbreviation with its two sides counted,
    then a pairing cue of the same sentence that names no agreement or plan, nor a relation unless
    the sentence sets it under 东西部扶贫协作 (W25 ALSO: …作出开展东西部扶贫协作的重大决策,京蒙两地建立
    对口帮扶关系; rules pair_counted); None when the sentence calls the help mutual (鲁渝两地从对口
    支援转向双向协作)."""
    if rules.pair_counted_mutual.search(text, p.end, e):
        return None
    return next((m for m in cues if m.start() >= p.end and m.group() in rules.pair_counted_cues
                 and not text.startswith(rules.pair_counted_name_tails, m.end())
                 and (not text.startswith(rules.pair_relation_tails, m.end())
                      or _relation_under_programme(text, s, e, rules))), None)


def _relation_under_programme(text: str, s: int, e: int, rules: PairingRules) -> bool:
    """Whether the sentence sets a relation under 东西部扶贫协作 (rules pair_relation_under): asked
    only where a relation tail follows the cue."""
    sentence = text[s:e]
    return any(w in sentence for w in rules.pair_relation_under)


def _read_sentence(text, s, e, cues, parties, rules, ctx, add, pair_cue) -> None:
    """The statements of one cue sentence, each given to ``add``."""
    singles = SentenceParties((p for p in parties if p.pair is None), text, s, e, rules)
    for p in parties:
        if p.pair and text.startswith(pair_cue, p.end) and not _quoted(text, s, p.start, rules, singles):
            cue = next(c for c in pair_cue if text.startswith(c, p.end))
            if rules.pair_project_name.match(text, p.end + len(cue), e):
                continue     # 沪滇对口帮扶新农村建设项目: a project's name (W23)
            helper = Party(p.start, p.end, place=p.pair[0])
            add(helper, p.pair[1], rules.cues[cue].kind if cue in rules.cues else cue,
                p.start, p.end + len(cue), s, e)
        elif p.pair and text.startswith(rules.pair_counts, p.end):
            m = _pair_counted_cue(text, p, s, e, cues, rules)
            if m is not None and not _quoted(text, s, p.start, rules, singles):
                add(Party(p.start, p.end, place=p.pair[0]), p.pair[1], rules.cues[m.group()].kind,
                    p.start, m.end(), s, e)
    _helper_pairs(text, s, e, singles, rules, add)
    last_helpers: list[Party] = []
    for m in cues:
        cue = rules.cues[m.group()]
        for shape, fn, with_context in _shapes_of(cue.shapes):
            if with_context:
                stmt = fn(text, singles, m.start(), m.end(), s, rules, ctx)
            else:
                stmt = fn(text, singles, m.start(), m.end(), s, rules)
            if stmt is None and shape == "active" and last_helpers:
                stmt = _carried(text, singles, m.start(), m.end(), s, rules, last_helpers)
            if stmt is None and shape == "active" and not last_helpers:
                stmt = _labelled_subject(text, singles, m.start(), m.end(), s, rules)
            if stmt is None and shape == "active" and not last_helpers and m.group() in rules.subject_cues:
                stmt = _article_subject(text, singles, m.start(), m.end(), s, rules, ctx)
            if stmt is None:
                continue
            last_helpers = stmt[0]
            if not _excluded(text, s, e, stmt, m.end(), rules, singles, m.start()):
                helpers, recipients, start, end = stmt
                respectively = singles.holds(rules.respectively, helpers[-1].end, m.start()) \
                    or (helpers[-1].end == m.start() and text.endswith(rules.respectively_openers, s, helpers[0].start))
                for h, r in _pairs(helpers, recipients, respectively):
                    if r.recipient is not None and r is not h:
                        add(h, r.recipient, cue.kind, min(start, m.start()),
                            max(end, m.end()), s, e)
            break
    if ctx.first_reading and rules.frame_connectors.search(text, s, e):
        # after the cue shapes: a statement they read keeps its own words
        _read_help_frames(text, s, e, cues, singles, rules, add)


def _area(place: Union[Place, NamedPlace]) -> Optional[str]:
    """The adcode prefix a province's or prefecture's units share (44 for 广东省, 4404 for
    珠海市); None for a county or a place without a code."""
    if not place.adcode:
        return None
    return {"province": place.adcode[:2], "prefecture": place.adcode[:4]}.get(place.level)


def _helping_areas(article: Article, helper_places: list[Place], rules: "PairingRules") -> set[str]:
    """The helping side's areas (:func:`_area`): its pairings' helpers, and the helping province
    of a province-pair programme the article writes (京蒙协作: 北京市's districts are its helper
    side). The counties stage's places hold the pairs it read: a scan of the text cost a fortieth
    of the stage's time."""
    written_pairs = {rules.pair_helpers[p.text] for p in article.facts.get("places") or ()
                     if p.text in rules.pair_helpers and rules.pair_programme.match(article.text, p.start)}
    return {a for a in map(_area, chain(helper_places, written_pairs)) if a}


def assign_roles(article: Article, counties: Iterable[County], helper_places: list[Place],
                 recipient_places: list[Place], rules: "PairingRules",
                 region_areas: Iterable[str] = (), org_helpers: Iterable[str] = (), helper_orgs: Iterable[str] = ()) -> None:
    """County roles (gold/README, County roles: does help come into the county from outside
    it?), decided in this order:

    1. a pairing's recipient is ``recipient``; a pairing's helper, or a county named inside
       a helper organisation's name, is ``helper``;
    2. a county inside a helping province or city (and inside no recipient) is ``helper``
       when it is named as the origin of the help (深圳宝安人民医院, 南山区桃源街道干部,
       时任句容市副市长): the counties stage gave it a helper cue, or an origin tail follows it;
    3. a county inside a recipient region (四川藏区 → 甘孜州) is ``recipient``;
    4. a help cue right before the name (counties stage: 对口帮扶石渠县, 挂职丹巴) or help coming in
       near a mention or a helper body named with it (rules/pairings.yaml, roles): ``recipient``; in the helping side ``helper``;
    5. a helper cue of the counties stage right at the name: ``helper``; else ``other`` (its
       own poverty work, its figures or delisting, a visit: no help from outside)."""
    recipient_codes = {p.adcode for p in recipient_places if p.level == "county"}
    helper_codes = {p.adcode for p in helper_places if p.level == "county"} | set(org_helpers)
    helper_areas = _helping_areas(article, helper_places, rules)
    counties = list(counties)
    recipient_areas = {a for a in map(_area, recipient_places) if a}
    region_areas = tuple(region_areas)
    evidence = _HelpEvidence(article, counties, rules, helper_orgs)
    named = [c for c in counties if c.key]
    # a county of the helped provinces is named: the article may tell east–west help
    west_named = any(c.key[:2] in rules.west_recipients for c in named)
    for c in counties:
        if not c.key:
            continue
        local = evidence.local_role(c)       # the counties stage's cues right at the name
        if c.key in recipient_codes:
            c.role = "recipient"
            continue
        if c.key in helper_codes:
            c.role = "helper"
            continue
        in_helper_area = any(c.key.startswith(a) for a in helper_areas) \
            and not any(c.key.startswith(a) for a in recipient_areas)
        if in_helper_area and (local == "helper" or evidence.named_as_origin(c)):
            c.role = "helper"
        elif region_areas and c.key.startswith(region_areas):
            c.role = "recipient"
        elif evidence.cadre_origin(c) or evidence.sends_team(c) or evidence.thanked(c) or (
                # one of the helping provinces' counties read giving at its name, one of the helped named
                # (牟平区…捐助的物资抵达重庆市巫山县): the help told around it is what it gives
                local == "helper" and west_named and c.key[:2] in rules.east_helpers and evidence.aid_article()):
            c.role = "helper"
        else:
            seen = evidence.help_comes_in(c) or ("in" if evidence.help_besides(c, len(named) == 1, local) else "")
            if local == "recipient" or seen == "in":
                # the help told at the helping side's unit is what its side gives (大兴区, 京蒙协作; 夏津县捐赠…东西部协作)
                c.role = "helper" if in_helper_area or (west_named or local == "helper") and evidence.east_west_side(c) else "recipient"
            elif sum((local == "helper", seen == "acts", in_helper_area)) >= 2 and evidence.aid_article():
                # two signs of giving (a giving cue at the name, the county seen giving, inside
                # a helping place): one alone is too weak (西乡县杨河镇帮扶干部 are its own)
                c.role = "helper"
            else:
                c.role = "other"


def _without_no_help(sentence: str, rules: PairingRules) -> str:
    """The stretch without the phrases that name no help (roles.help_in_not)."""
    for phrase in rules.help_in_not:
        sentence = sentence.replace(phrase, "")
    sentence = rules.prefecture_help.sub("", sentence)
    if rules.thanks_tokens.search(sentence):
        sentence = rules.thanks_gift.sub("", sentence)
    return rules.programme_talk.sub("", rules.nationwide_cadres.sub("", sentence))


def _specific_help_cue(sentence: str, rules: PairingRules) -> bool:
    """Whether the stretch says help comes in by more than the everyday words of help_in (roles.generic_help):
    read so in an article that is not about aid (派驻到街道, 就业援助)."""
    return bool(rules.higher_level_funds.search(sentence) or rules.help_in_phrases.search(sentence)
                or _beyond_generic_help(rules.help_in.finditer(sentence), rules))


def _beyond_generic_help(cues: Iterator, rules: PairingRules) -> bool:
    """Whether any of the help cues found is more than an everyday word of help (roles.generic_help)."""
    return any(m.group() not in rules.generic_help for m in cues)


def _strong_help_cue(sentence: str, rules: PairingRules) -> bool:
    """Whether the stretch says help comes in on its own: a help word, higher-level funds,
    or a phrase of help (invited experts, a province pair's programme)."""
    return bool(rules.help_in.search(sentence) or rules.higher_level_funds.search(sentence)
                or rules.help_in_phrases.search(sentence))


def _own_postings(stretch: str, stems: set[str], tail: regex.Pattern) -> list[tuple[int, int]]:
    """The non-overlapping matches, left to right, of ``(?:stem|stem…)tail`` in ``stretch``
    (the stems as the alternation of :func:`alternation` orders them, longest first), as
    ``regex`` finds them: at the leftmost position, the first stem whose tail matches."""
    ordered = sorted(stems, key=lambda w: (-len(w), w))
    starts = set()
    for stem in ordered:
        at = stretch.find(stem)
        while at >= 0:
            starts.add(at)
            at = stretch.find(stem, at + 1)
    found: list[tuple[int, int]] = []
    done = 0
    for at in sorted(starts):
        if at < done:
            continue
        for stem in ordered:
            if stretch.startswith(stem, at):
                m = tail.match(stretch, at + len(stem))
                if m:
                    found.append((at, m.end()))
                    done = m.end()
                    break
    return found


def _posting_is_own(text: str, a: int, b: int, rules: PairingRules) -> bool:
    """Whether the posting matched at text[a:b] (roles.own_posting) is the county's own: its team
    is not marked as sent from outside (陆川县由省直单位干部组成的工作队: the county names a team it
    did not form; roles.outside_team_marks)."""
    return not rules.outside_team_marks.search(text, a, b)


def _own_stems(c: County, rules: PairingRules) -> set[str]:
    """The forms of county ``c`` that open its own postings (渠县陆续派出…, 秦州区从部门单位选派…): its
    name, its first two characters, the aliases the article writes, and its own level named as the
    sender (区里派来的第一书记 in a district: roles.own_level_senders)."""
    return {c.name, c.name[:2], *c.aliases_seen, *rules.own_level_senders.get(c.name[-1:], ())}


def _without_spans(stretch: str, spans: list[tuple[int, int]]) -> str:
    """``stretch`` with ``spans`` (non-overlapping, left to right) cut out."""
    if not spans:
        return stretch
    return "".join(stretch[a:b] for a, b in zip([0] + [q for _, q in spans],
                                                [p for p, _ in spans] + [len(stretch)]))


class _HelpEvidence:
    """Where an article says that help comes into a county: a help cue (rules/pairings.yaml,
    roles: help_in) in the sentence of one of its mentions or in the sentences after it, up
    to the next other county named, within its paragraph and the next
    ``help_in_paragraphs``. Each sentence is searched once."""

    def __init__(self, article: Article, counties: list[County], rules: "PairingRules",
                 helper_orgs: Iterable[str] = ()) -> None:
        self.article, self.rules, self.text = article, rules, article.text
        # the article's helper bodies of public service (roles.helper_org_services), for names_body
        self.bodies = [o for o in helper_orgs if o.endswith(rules.helper_org_services)]
        # every county mention's start with its county: "up to the next other county named"
        self.starts = sorted((m.span[0], m.span[1], i) for i, c in enumerate(counties)
                             for m in c.mentions)
        self.positions = [s for s, _, _ in self.starts]
        # run_end[k]: the first index after k whose mention is of another county than k's (a
        # line repeating one county thousands of times must not be walked from each mention)
        self.run_end = [len(self.starts)] * len(self.starts)
        for k in range(len(self.starts) - 2, -1, -1):
            self.run_end[k] = k + 1 if self.starts[k + 1][2] != self.starts[k][2] else self.run_end[k + 1]
        # run_start[k]: the last index before k whose mention is of another county than k's
        self.run_start = [-1] * len(self.starts)
        for k in range(1, len(self.starts)):
            self.run_start[k] = k - 1 if self.starts[k - 1][2] != self.starts[k][2] else self.run_start[k - 1]
        self.number = {id(c): i for i, c in enumerate(counties)}
        self.county_at = {m.span[0]: c for c in counties for m in c.mentions}
        self._places: Optional[tuple[list[int], list[str], list[str]]] = None   # _named_places
        self._cue: dict[tuple[int, int], bool] = {}
        self._parties: dict[tuple[int, int], list[Party]] = {}     # see _outsider_named
        self._own_team: dict[int, bool] = {}
        self._tiers: Optional[list[int]] = None                    # see _own_tiers
        self._besides_teams: dict[tuple[int, int, int], bool] = {}
        self._first_cues: dict[tuple[int, int], int] = {}         # see _first_help_cue
        self._works: dict[tuple[int, int], int] = {}              # see _outsider_work
        self._first_strict: dict[tuple[int, int], int] = {}       # see _own_body_gives
        self._own_verbs: Optional[list[int]] = None               # see _sends_own_team
        self._others: dict[int, tuple[list, list]] = {}           # see _others_pairings
        self._consumption: Optional[bool] = None                  # see sold_outside
        self._aid: Optional[bool] = None                          # see aid_article
        self._bodies: Optional[bool] = None                       # see _names_own_body
        self._heads: Optional[list] = None                        # see _team_heads
        self._people: Optional[bool] = None                       # see _own_people_give

    def aid_article(self) -> bool:
        """Whether the article speaks of poverty work or aid at all (roles.aid_article_words); looked
        for once, when a stretch first holds a cue."""
        if self._aid is None:
            self._aid = self.rules.aid_article_words.search(self.text) is not None
        return self._aid

    def _first_help_cue(self, s: int, e: int) -> int:
        """Where the first help cue in text[s:e] starts, -1 for none: an any_help_cue match, or an
        outsider's work word before it (:meth:`_outsider_work`, 扶贫 after an organisation's name). Remembered per
        (s, e): the mentions of one sentence, of one county or of several, read the same
        stretches (a fifth of the searches a real-news pass were repeats); the same search
        with the same bounds gives the same answer."""
        found = self._first_cues.get((s, e))
        if found is None:
            rules, text = self.rules, self.text
            m = rules.any_help_cue.search(text, s, e)
            found = m.start() if m else -1
            # an outsider's work word (扶贫) before it counts only after an organisation's name
            work = self._outsider_work(s, e if found < 0 else found)
            if work >= 0:
                found = work
            self._first_cues[(s, e)] = found
        return found

    def _outsider_work(self, s: int, e: int) -> int:
        """Where the first outsider work word (roles.outsider_service.work_words: 扶贫) in text[s:e] that
        follows an organisation's name end or an outside body's name starts, -1 for none: the cheap look
        before the service reader reads parties (扶贫 stands in most sentences of a poverty article).
        Remembered per (s, e): :meth:`_first_help_cue` and :meth:`_has_cue` ask of the same stretch
        (a quarter of a real-news pass's calls were repeats)."""
        found = self._works.get((s, e))
        if found is None:
            rules, text = self.rules, self.text
            found = -1
            if rules.outsider_work.search(text, s, e) is not None:
                ends = [m.end() for m in (rules.outsider_org_ends.search(text, s, e),
                                          rules.outsider_names.search(text, s, e)) if m is not None]
                work = rules.outsider_work.search(text, min(ends), e) if ends else None
                found = work.start() if work is not None else -1
            self._works[(s, e)] = found
        return found

    def _has_cue(self, s: int, e: int, c: County) -> bool:
        found = self._cue.get((s, e))
        if found is None:
            rules, text = self.rules, self.text
            strong = weak = False
            # most stretches hold no cue at all: search the text in place, and copy the stretch
            # (to drop the phrases that are no help) only when a cue is there
            if self._first_help_cue(s, e) >= 0:
                sentence = _without_no_help(text[s:e], rules)
                strong = _strong_help_cue(sentence, rules)
                weak = not strong and bool(rules.help_with_party.search(sentence))
                if (strong or weak) and not self.aid_article():
                    # outside a text about aid the everyday words tell no help (roles.generic_help)
                    strong = strong and _specific_help_cue(sentence, rules)
                    weak = not strong and _beyond_generic_help(rules.help_with_party.finditer(sentence), rules)
            service = not strong and not weak and (rules.service_verbs.search(text, s, e) is not None
                                                   or self._outsider_work(s, e) >= 0)
            found = self._cue[(s, e)] = "strong" if strong else "weak" if weak else \
                "service" if service else ""
        if found and self._own_body_gives(s, e, c):
            return False
        if found == "strong" and (self._own_posting_only(s, e, c) or self._own_giving_only(s, e, c)
                                  or self._own_whole_gives(s, e, c) or self._own_people_give(s, e, c)
                                  or self._others_pairings_only(s, e, c)
                                  or ((self._sends_own_team(c) or self.rules.own_tiers.search(self.text, s, e)
                                       or self._own_subject_posts(s, e, c))
                                      and not self._strong_besides_teams(s, e, c))):
            return False
        return found == "strong" or (found == "weak" and self._outsider_named(s, e, c)) \
            or (found == "service" and self._outsider_serves(s, e, c))

    def _others_pairings_only(self, s: int, e: int, c: County) -> bool:
        """Whether text[s:e]'s help cues all lie in statements of pairings whose recipient is a
        place that does not hold county ``c`` (…深圳市对口帮扶贵州毕节地区和黔南州 read for 榕江县, a
        county of 黔东南州): the help the statement tells goes there, not into the county. Not a
        statement that also names the county or another place holding it (…在银川市、吴忠市和固原市
        开展捐赠帮扶, 吴忠市 holding 盐池县): that one may tell its help too."""
        others, own = self._others_pairings(c)
        found = [(p, area) for p, area in others if p.span[0] < e and p.span[1] > s]
        if not found:
            return False        # most stretches: no pairing statement in them
        starts, _, areas = self._named_places()
        cut: list[tuple[int, int]] = []
        for p, recipient_area in found:
            a, b = p.span
            k = bisect_left(starts, a)
            if any(a <= m.span[0] < b for m in c.mentions) or any(x < b and y > a for x, y in own) or any(
                    at < b and area and c.key.startswith(area) and not recipient_area.startswith(area)
                    for at, area in zip(starts[k:], areas[k:])):
                continue
            cut.append((max(a, s) - s, min(b, e) - s))
        if not cut:
            return False
        merged: list[tuple[int, int]] = []
        for a, b in sorted(cut):
            if merged and a <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
            else:
                merged.append((a, b))
        return not _strong_help_cue(_without_no_help(_without_spans(self.text[s:e], merged), self.rules), self.rules)

    def _others_pairings(self, c: County) -> tuple[list[tuple[Pairing, str]], list[tuple[int, int]]]:
        """The article's pairings whose recipient is a known place that does not hold county ``c``,
        each with the recipient's area (its adcode prefix, :func:`_area`; a county's whole key), and
        the statement spans of the other pairings. Found once per county (most articles: none)."""
        found = self._others.get(id(c))
        if found is None:
            others, own = [], []
            for p in self.article.facts.get("pairings") or ():
                key = p.recipient_key
                unit = self.rules.gaz.units.get(key) if key else None
                area = (_area(unit) or key) if unit else None
                if area is not None and not c.key.startswith(area):
                    others.append((p, area))
                else:
                    own.append(p.span)
            found = self._others[id(c)] = (others, own)
        return found

    def _sends_own_team(self, c: County) -> bool:
        """Whether the article shows the county posting its own team or first secretary (渠县陆续
        派出…干部驻村扶贫, 石门县文旅广体局驻金河村帮扶工作队): the own-posting tail right after one
        of its mentions (bounded), or a member of its own unit posted as first secretary (roles.own_member_posting:
        永仁县法院法官助理刘培斌…作为…驻村第一书记). Its teams told elsewhere in its passage are then that team."""
        found = self._own_team.get(id(c))
        if found is None:
            tail = self.rules.own_posting_tail
            member = self.rules.own_member_posting
            found = any((t := tail.match(self.text, m.span[1]) or member.match(self.text, m.span[1])) is not None
                        and _posting_is_own(self.text, *t.span(), self.rules)
                        for m in c.mentions)
            # 区里派来的第一书记, 全县派驻…扶贫队员: its own level sends (R5), in its passage (the last county named is it)
            for level in self.rules.own_level_senders.get(c.name[-1:], ()):
                at = self.text.find(level) if not found else -1
                while at >= 0 and not found:
                    found = self._in_passage_of(c, at) and bool(tail.match(self.text, at + len(level)))
                    at = self.text.find(level, at + len(level))
            # its team's head is a member of its own unit, named by its bare level (驻村工作队队长—县纪委…组长)
            found = found or any(t.group("level") == c.name[-1:] and self._in_passage_of(c, t.start())
                                 for t in self._team_heads())
            # its own tiers of work named beside a team word in its passage (石阡县…县级指挥部、乡镇前线
            # 指挥部、村级驻村工作队…四级作战体系: the first secretaries it counts next are those tiers')
            found = found or any(self._in_passage_of(c, at) for at in self._own_tiers())
            # a sentence of a mention opening with the county as its posting subject (防城区顺利完成…
            # 驻村工作队轮换调整工作): the teams its passage tells next are the ones it posted
            sentence_of = self.article.index.sentence_of
            if not found and self._own_verbs is None:     # where the posting verbs are, found once
                self._own_verbs = [v.start() for v in self.rules.own_subject_verbs.finditer(self.text)]
            found = found or any(_any_between(self._own_verbs, *span)
                                 and self._own_subject_posts(*span, c, team_object=True)
                                 for span in {sentence_of(m.span[0]) for m in c.mentions})
            self._own_team[id(c)] = found
        return found

    def _team_heads(self) -> list:
        """The article's team heads held by a member of a county's own unit (roles.own_team_heads), found once."""
        if self._heads is None:
            self._heads = list(self.rules.own_team_heads.finditer(self.text))
        return self._heads

    def _own_subject_posts(self, s: int, e: int, c: County, team_object: bool = False) -> bool:
        """Whether text[s:e] opens with county ``c`` or its own leadership as the subject
        (roles.own_subject: 县四套班子成员…，选派16名优秀干部担任“第一书记”; 永善县按照…，组建驻村扶贫
        工作队105支) and goes on to a posting verb of that subject's: no 的 after it, no other
        sender named between. ``team_object``: the verb's clause must name the team it posts
        (驻村工作队轮换, 选派…第一书记; not 确保选派帮扶工作, a posting spoken of as a task)."""
        rules, text = self.rules, self.text
        if not rules.own_subject_verbs.search(text, s, e):
            return False        # most stretches: no posting verb
        subject_end = self._own_subject_end(s, e, c)
        if subject_end < 0:
            return False
        for verb in rules.own_subject_verbs.finditer(text, subject_end, e):
            if rules.own_subject_breaks.search(text, subject_end, verb.start()):
                return False
            if text.startswith(rules.own_subject_verb_not_before, verb.end()):
                continue
            if not team_object or self._posts_team(verb.start(), verb.end(), subject_end, e):
                return True
        return False

    def _own_subject_end(self, s: int, e: int, c: County) -> int:
        """Where the subject ends when text[s:e] opens (after roles.own_subject.lead: a date, a
        dateline, the county's parents) with county ``c``, its short form or its own leadership
        (县委, 全县 …), else -1."""
        rules, text = self.rules, self.text
        heads = sorted({*_own_stems(c, rules), *rules.own_subject_heads.get(c.name[-1:], ())},
                       key=len, reverse=True)
        for at in range(s, min(e, s + rules.own_subject_lead_max)):
            head = next((h for h in heads if text.startswith(h, at)), None)
            if head and rules.own_subject_lead.fullmatch(text, s, at):
                return at + len(head)
        return -1

    def _own_giving_only(self, s: int, e: int, c: County) -> bool:
        """Whether text[s:e]'s help is a donation of the county's own (roles.own_giver): the
        stretch opens with the county or one of its own bodies as the subject (苍南县宜云纺织有限公司
        负责人…在捐助本村村民; 都匀经济开发区开展精准扶贫捐赠活动), whose clause goes on to a donation
        word with no word of receiving between (县…小学收到…捐赠: the county receives); no party from
        outside the county is named in it; and without the donation words it holds no other help
        cue. Its local companies and the money it raises are its own means (gold/README County
        roles, `other`)."""
        rules, text = self.rules, self.text
        verb = rules.own_giver_verbs.search(text, s, e)
        if verb is None:
            return False        # most strong stretches: no donation word
        subject_end = self._own_subject_end(s, verb.start(), c)
        if subject_end < 0 or rules.clause_mark.search(text, subject_end, verb.start()) \
                or rules.own_giver_receiving.search(text, subject_end, verb.start()):
            return False
        if self._outsider_named(s, e, c):
            return False
        rest = rules.own_giver_verbs.sub("", _without_no_help(text[s:e], rules))
        return not _strong_help_cue(rest, rules)

    def _own_whole_gives(self, s: int, e: int, c: County) -> bool:
        """Whether text[s:e]'s help cues all lie in the county's own whole giving (roles.own_whole:
        全县150多名个体私营企业老总…捐资助学, 内乡全县参与帮扶企业97个, 收到该县机关单位…捐赠的): a head (全县,
        该县 …) and, in the same part of the sentence, a giving or sending word with no word of receiving
        or having between; no party from outside the county named in the stretch. The companies,
        units and people a county mobilises are its own means (gold/README R5, R6: `other`)."""
        rules = self.rules
        heads = rules.own_whole_heads.get(c.name[-1:])
        if heads is None:
            return False
        cut = self._head_to_cue_cuts(heads, rules.own_whole_cues, s, e, to_part_end=False)
        return self._help_all_in(cut, s, e, c)      # (most strong stretches: no head, no cut)

    def _own_people_give(self, s: int, e: int, c: County) -> bool:
        """Whether text[s:e]'s help cues all lie in the giving of the county's own people named by their township or
        village (roles.own_people: 茶岭镇22位爱心人士纷纷慷慨解囊,捐赠…, 启动资金由村里的干部捐助): the people, then in the
        same part of the sentence a giving word with no word of receiving between, the span from them to the part's
        end; no party from outside the county named in the stretch (gold/README R6: its own people's means)."""
        rules, text = self.rules, self.text
        if self._people is None:     # one search an article: most name no such givers
            self._people = rules.own_people.search(text) is not None
        if not self._people:
            return False
        cut = self._head_to_cue_cuts(rules.own_people, rules.own_people_cues, s, e, to_part_end=True)
        return self._help_all_in(cut, s, e, c)

    def _help_all_in(self, cut: list[tuple[int, int]], s: int, e: int, c: County) -> bool:
        """Whether ``cut`` (stretches of text[s:e], as offsets from ``s``: :meth:`_head_to_cue_cuts`) holds all
        the stretch's strong help: some stretch is cut, no party from outside county ``c`` is named in text[s:e]
        and no strong help cue is left outside the stretches."""
        if not cut or self._outsider_named(s, e, c):
            return False
        return not _strong_help_cue(_without_no_help(_without_spans(self.text[s:e], cut), self.rules), self.rules)

    def _head_to_cue_cuts(self, heads, cues, s: int, e: int, to_part_end: bool) -> list[tuple[int, int]]:
        """The stretches of text[s:e] (as offsets from ``s``) that run from a match of ``heads`` to a match of
        ``cues`` in the same part of the sentence (roles part_break) with no word of receiving between them
        (own_whole_not_between): to the cue's end, or with ``to_part_end`` to the part's end; the next head is
        looked for after the stretch. What :meth:`_own_whole_gives` and :meth:`_own_people_give` cut out."""
        rules, text = self.rules, self.text
        head = heads.search(text, s, e)
        cut: list[tuple[int, int]] = []
        while head is not None:
            part = rules.part_break.search(text, head.end(), e)
            end = part.start() if part else e
            cue = cues.search(text, head.end(), end)
            if cue is not None and not rules.own_whole_not_between.search(text, head.end(), cue.start()):
                stop = end if to_part_end else cue.end()
                cut.append((head.start() - s, stop - s))
                head = heads.search(text, stop, e)
            else:
                head = heads.search(text, head.end(), e)
        return cut

    def _names_own_body(self) -> bool:
        """Whether the article names any body of roles.own_bodies: one search an article (most name none),
        asked before :meth:`_own_body_gives` and :meth:`_with_own_body_sentences` read further."""
        if self._bodies is None:
            self._bodies = self.rules.own_bodies.search(self.text) is not None
        return self._bodies

    def _own_body_gives(self, s: int, e: int, c: County) -> bool:
        """Whether the help told in text[s:e] is given by one of county ``c``'s own bodies
        (roles.own_bodies: 盂县医疗集团…义诊, 利州区直机关工委…捐赠, 收到该县机关单位…捐赠的): the body,
        right after the county's name or own whole, before the stretch's first help cue and at most
        own_bodies.reach characters before the stretch, with no other county named and no party from
        outside the county from it to the stretch's end (gold/README R5, R8: its own means)."""
        rules, text = self.rules, self.text
        if not self._names_own_body():
            return False
        first_cue = self._first_strict.get((s, e))
        if first_cue is None:   # a stretch is asked of again for each county that reads it
            found = rules.help_cue_no_service.search(text, s, e)
            # a service verb only: its body may stand anywhere before e
            first_cue = self._first_strict[(s, e)] = found.start() if found else e
        heads = (*_own_stems(c, rules), *rules.own_whole_words.get(c.name[-1:], ()))
        own = self.number[id(c)]
        for body in rules.own_bodies.finditer(text, max(0, s - rules.own_bodies_reach), first_cue):
            a = body.start()
            head = next((h for h in heads if text.endswith(h, 0, a)), None)
            if head is None:
                continue
            k = bisect_left(self.positions, a - len(head))
            if any(self.starts[j][2] != own for j in range(k, bisect_left(self.positions, e))):
                continue
            # the body named again bare (号召医疗集团医务人员) is no outsider
            if all(text[x:y] == body.group() for x, y in self._outsiders(a - len(head), e, c)):
                return True
        return False

    def _posts_team(self, a: int, b: int, lo: int, hi: int) -> bool:
        """Whether the posting verb at text[a:b] has a team word (roles.team_words) in its
        clause within own_subject.team_reach characters: its object (选派…第一书记) or the team
        it turns over (驻村工作队轮换)."""
        rules, text = self.rules, self.text
        reach = rules.own_subject_team_reach
        back, ahead = rules.clause_mark_back.search(text, lo, a), rules.clause_mark.search(text, b, hi)
        left = max(lo, a - reach, back.end() if back else lo)
        right = ahead.start() if ahead else hi
        # not the verb itself (派驻 is a team word too)
        return rules.team_words.search(text, left, a) is not None \
            or rules.team_words.search(text, b, min(right, b + reach)) is not None

    def _in_passage_of(self, c: County, at: int) -> bool:
        """Whether the last county named at or before ``at`` is ``c``."""
        k = bisect_right(self.positions, at) - 1
        return k >= 0 and self.starts[k][2] == self.number[id(c)]

    def _own_tiers(self) -> list[int]:
        """Where the article names a county's own tiers of work (roles.own_tiers) in a sentence
        with a team word (not 县、乡、村三级医疗卫生服务), found once."""
        if self._tiers is None:
            sentence_of, team = self.article.index.sentence_of, self.rules.team_words
            self._tiers = [m.start() for m in self.rules.own_tiers.finditer(self.text)
                           if team.search(self.text, *sentence_of(m.start()))]
        return self._tiers

    def _strong_besides_teams(self, s: int, e: int, c: County) -> bool:
        """Whether text[s:e] says help comes in with more than team and first-secretary words
        (roles.team_words) and the county's own postings (秦州区从部门单位选派优秀干部挂职担任贫困村第一书记:
        its 挂职 is its own): a fund, a donation, an outside helper's cue."""
        found = self._besides_teams.get((s, e, id(c)))
        if found is None:
            stretch = self._without_own_work(self.text[s:e], c)
            # a team said to come from outside is no team of the county's own (省里派来的驻村
            # 第一书记, 中央单位派驻的工作队)
            found = bool(self.rules.outside_team_marks.search(stretch)) \
                or _strong_help_cue(self.rules.team_words.sub("", stretch), self.rules)
            self._besides_teams[(s, e, id(c))] = found
        return found

    def _without_own_work(self, stretch: str, c: County,
                          postings: Optional[list[tuple[int, int]]] = None) -> str:
        """``stretch`` without the county's own postings (秦州区从部门单位选派优秀干部挂职担任贫困村第一
        书记: the 挂职 there is its own cadres', no help come in), then without the phrases that
        name no help (:func:`_without_no_help`). ``postings``: the own postings, when the caller
        has found them already."""
        if postings is None:
            postings = self._postings_of(stretch, c)
        return _without_no_help(_without_spans(stretch, postings), self.rules)

    def _postings_of(self, stretch: str, c: County, stems: Optional[set[str]] = None) -> list[tuple[int, int]]:
        """County ``c``'s own postings in ``stretch``: the :func:`_own_postings` matches that
        :func:`_posting_is_own` keeps."""
        rules = self.rules
        found = _own_postings(stretch, stems or _own_stems(c, rules), rules.own_posting_tail)
        return [(a, b) for a, b in found if _posting_is_own(stretch, a, b, rules)]

    def _own_posting_only(self, s: int, e: int, c: County) -> bool:
        """Whether the stretch's help cues are all the county's own postings: its own units
        sending cadres or teams to its own villages (环江县教育局驻山岗村第一书记, 渠县陆续派出…
        干部驻村扶贫; gold/README: work teams a county sends to its own villages are its own
        work)."""
        rules, text = self.rules, self.text
        stems = _own_stems(c, rules)
        if not any(text.find(x, s, e) >= 0 for x in stems):
            return False
        stretch = text[s:e]
        postings = self._postings_of(stretch, c, stems)
        if not postings:
            return False
        return not _strong_help_cue(self._without_own_work(stretch, c, postings), rules)

    def _outsider_named(self, s: int, e: int, c: County) -> bool:
        """Whether text[s:e] names a party from outside county ``c``: an organisation, or a
        place that is neither the county nor one of its parents."""
        return next(self._outsiders(s, e, c), None) is not None

    def _outsider_serves(self, s: int, e: int, c: County) -> bool:
        """Whether text[s:e] tells a party from outside county ``c`` giving a service
        (roles.outsider_service: 中国文联扶贫办…主办…武都区音乐舞蹈培训提高班): the outsider is named
        before the service verb, in the same sentence, as its subject — not after a mark that
        makes it the object or place (为清华大学培训, 赴浙江大学培训: the county's people go there)."""
        text, rules = self.text, self.rules
        last_verb = max((m.start() for m in rules.service_cues.finditer(text, s, e)), default=-1)
        # an outsider ends before the verb, so its name, suffix or origin mark starts before it: most
        # stretches with a service verb name none there, and no parties need reading
        if not (rules.outsider_names.search(text, s, last_verb)
                or rules.outsider_signals.search(text, s, last_verb)):
            return False
        # the county named before the outsider is the clause's subject or co-subject (松潘县政府与
        # 京东云启动合作, 某县组织教师参加…大学培训): no service to it is told
        own = self.number[id(c)]
        first_named = next((self.starts[k][0] for k in range(bisect_left(self.positions, s), len(self.starts))
                            if self.starts[k][0] >= e or self.starts[k][2] == own), e)
        return any(b <= last_verb and a <= first_named
                   and not text.endswith(rules.service_not_subject, max(s, a - rules.service_not_subject_max), a)
                   for a, b in self._outsiders(s, e, c))

    def _outsiders(self, s: int, e: int, c: County) -> Iterator[tuple[int, int]]:
        """Where text[s:e] names a party from outside county ``c`` (start, end), in the order
        :meth:`_outsider_named` reads them: the bodies known by their names alone, then the
        parties read in the stretch."""
        rules = self.rules
        for m in rules.outsider_names.finditer(self.text, s, e):
            yield m.span()      # 京东, 支付宝: a body known by its name alone (roles.outsider_names)
        parties = self._parties.get((s, e))
        if parties is None and not rules.outsider_signals.search(self.text, s, e + rules.institution_tail_reach):
            return              # most stretches: no suffix, no origin mark, so no party read
        if parties is None:     # a stretch is asked of again for each county that reads it
            parties = self._parties[(s, e)] = sentence_parties(self.text, s, e, rules, self.county_at)
        for party in parties:
            org = party.org
            if org and org.endswith(rules.outsider_org_suffixes) and not _HAN_DIGIT.search(_past_place(org, party.place)) \
                    and not org.startswith(rules.own_org_heads) and c.name[:2] not in org:
                yield party.start, party.end
                continue
            place = party.place
            # an institution of another county (苏州市吴江区人民医院派出专家到…镇宁县: the place
            # party carries the institution's name)
            if not org and place is not None and place.level == "county" and place.adcode \
                    and place.adcode != c.key \
                    and rules.institution_tail.match(self.text, party.end):
                yield party.start, party.end
                continue
            # a province or city that is not the county's own, named as where the help comes
            # from (来自安徽的农业专家); places merely listed beside the county give nothing
            if not org and place is not None and place.adcode \
                    and place.level in ("province", "prefecture") \
                    and not c.key.startswith(_area(place)) \
                    and self.text.endswith(rules.outsider_origin_marks, max(s, party.start - 2), party.start):
                yield party.start, party.end

    def _own_entry_end(self, c: County, at: int, s: int, e: int) -> int:
        """Where the mention at ``at`` reads its sentence text[s:e] up to: the last clause mark before the next other
        county named in it, when one stands between (a list of entries, each county's its own: 单县…第一书记 is no help
        into 定陶区 named two entries before); else ``e``. Not when the county's own entry (from the clause after the
        last other county named before it) names a party from outside it (中山市人民医院为盐津县6岁患儿成功“补心”，…派驻…):
        the help its entry begins may be told further on. Counties in one clause (为巍山县、洱源县等地…捐赠) share it."""
        own = self.number[id(c)]
        k = bisect_right(self.positions, at)
        while k < len(self.starts) and self.starts[k][0] < e:
            if self.starts[k][2] != own:
                m = self.rules.clause_mark_back.search(self.text, at, self.starts[k][0])
                if m is None:
                    return e
                # its entry: from the clause after the last other county named before it
                j = bisect_left(self.positions, at) - 1
                while j >= 0 and self.starts[j][0] >= s and self.starts[j][2] == own:
                    j -= 1
                lo = s
                if j >= 0 and self.starts[j][0] >= s:
                    mark = self.rules.clause_mark.search(self.text, self.starts[j][1], at)
                    lo = mark.end() if mark else s
                return e if self._outsider_named(lo, m.start(), c) else m.start()
            k += 1
        return e

    def _stop(self, c: County, pos: int, limit: int) -> int:
        """The start of the next mention of another county at or after ``pos``, else ``limit``."""
        i = bisect_left(self.positions, pos)
        if i < len(self.starts) and self.starts[i][2] == self.number[id(c)]:
            i = self.run_end[i]
        return min(limit, self.starts[i][0]) if i < len(self.starts) else limit

    def _start(self, c: County, pos: int, limit: int) -> int:
        """The end of the last mention of another county before ``pos``, else ``limit``."""
        i = bisect_left(self.positions, pos) - 1
        if i >= 0 and self.starts[i][2] == self.number[id(c)]:
            i = self.run_start[i]
        return max(limit, self.starts[i][1]) if i >= 0 else limit

    def _places_read(self, c: County) -> Iterable[tuple[int, Optional[int]]]:
        """Where :meth:`help_comes_in` reads from: (start, end) of the county's mentions (not
        an event's name, 汶川地震, nor a native's, 石渠县人), then (start, None) of the
        townships and villages written after it; these are looked for only when no mention
        has found help coming in (a third of the counties stop at a mention)."""
        text, rules = self.text, self.rules
        yield from [(m.span[0], m.span[1]) for m in c.mentions
                    if not self.names_event(m.span[1]) and not text.startswith(rules.native_tails, m.span[1])
                    and not text.startswith(rules.branch_tails, m.span[1])
                    and not self.names_setting(*m.span) and not self.names_furniture(*m.span)]
        for p in self._places_inside(c):
            yield p, None

    def _places_inside(self, c: County) -> list[int]:
        """Where the article names a township or village that it first wrote after the county
        (昭觉县三岔河乡三河村 … 三河村第一书记张凌): those sentences speak of the county too."""
        names: set[str] = set()
        rules = self.rules
        for m in c.mentions:
            found = rules.places_inside.match(self.text, m.span[1])
            if found:
                names.update(n for n in found.groups() if n)
            # …or right before it, located in it (大湾村在有“红军摇篮”之称的安徽省金寨县); most
            # mentions have no village word before them: look for one first (in C)
            lo = max(0, m.span[0] - rules.located_reach)
            if rules.located_units.search(self.text, lo, m.span[0]):
                found = rules.located_before.search(self.text, lo, m.span[0])
                if found:
                    names.add(found.group(1))
        positions: list[int] = []
        for name in names:
            j = self.text.find(name)
            while j >= 0:
                positions.append(j)
                j = self.text.find(name, j + len(name))
        return positions

    def acts(self, c: County, start: int, end: int) -> bool:
        """Whether the mention at [start, end) is the one giving: a help cue follows it in its
        clause, with nothing between that makes another party the subject (深圳宝安区通过对口
        扶贫协作…, 宝安区已安排…扶贫协作资金; not 石渠县是深圳对口帮扶地区)."""
        rules = self.rules
        if rules.receiving.search(self.text, max(0, start - rules.acting_reach - 8), start):
            return False
        limit = min(end + rules.acting_reach + 8, self._stop(c, end, len(self.text)))
        cue = rules.acting_cues.search(self.text, end, limit)
        while cue is not None and self.text.startswith(rules.acting_not, cue.start()):
            cue = rules.acting_cues.search(self.text, cue.end(), limit)   # 派出所: no sending
        if cue is None or cue.start() - end > rules.acting_reach:
            return False
        gap = self.text[end:cue.start()]
        # 渠县陆续派出…干部驻村: its own cadres to its own villages, no giving
        return not rules.acting_breakers.search(gap) and not rules.own_posting_tail.match(self.text, end) \
            and not self._posts_at_home(c, start)

    def _posts_at_home(self, c: County, at: int) -> bool:
        """Whether the sentence at ``at`` has county ``c`` as its posting subject (roles.own_subject:
        永昌县从各机关事业单位选派32名…干部，统一安排到…扶贫村任职) and sends nowhere else: no other county
        named in it, no word of outside help (own_subject.breaks: 援, 对口, 协作 …). Its own people to
        its own villages: no giving (gold/README R5)."""
        s, e = self.article.index.sentence_of(at)
        if self.rules.own_subject_breaks.search(self.text, s, e) or not self._own_subject_posts(s, e, c):
            return False
        own = self.number[id(c)]
        k = bisect_left(self.positions, s)
        return all(self.starts[j][2] == own for j in range(k, bisect_left(self.positions, e, k)))

    def help_comes_in(self, c: County) -> str:
        """``in`` when help comes into the county near one of its mentions, ``acts`` when it
        is only seen giving, else ``""``.

        Long on purpose: one walk over the county's mentions, where each mention's reading
        window (its part of the sentence, a heading's section, the next paragraph's first
        sentences) and the bookkeeping of sections already read (``covered``) depend on each
        other; split up, the window's bounds would travel through four return values."""
        index = self.article.index
        paragraphs = index.paragraphs
        places = self._places_read(c)
        acting = False
        covered = 0          # where the sections read from headings end
        for at, end in places:
            section = False
            if end is not None and self.acts(c, at, end):
                acting = True
                continue       # its stretch tells what it gives
            s, sentence_end = index.sentence_of(at)
            # at most help_in_reach characters around the mention (a 500 KB line is one sentence)
            reach = self.rules.help_in_reach
            s, e = max(s, at - reach), min(sentence_end, at + reach)
            # a sentence that strings places with ；speaks of each in its own part (在新疆乌什县，
            # …驻村干部…；在山东胶州，…)
            s = self.rules.part_start(self.text, s, at)
            # a break past the farthest the reading can stop changes nothing; searching only
            # that far keeps a 500 KB one-sentence line linear
            farthest = at + max(4 * reach, self.rules.section_reach)
            found = self.rules.part_break.search(self.text, at, min(sentence_end, farthest))
            part_end = found.start() if found else -1
            if part_end >= 0:
                sentence_end = part_end
                e = min(e, part_end)
            # a sentence listing entries of several counties between commas (…菏泽市定陶区扶贫开发领导小组办公室主任吴彬,
            # 单县县委书记穆杰,…生前为单县黄岗镇柴庄村第一书记…): the county's own part ends before the next county's entry;
            # the walk past the sentence stops at the next other county named after it, as before
            whole, e = e, self._own_entry_end(c, at, s, e)
            own = index.paragraph_index(at)
            last = min(len(paragraphs) - 1, own + self.rules.help_in_paragraphs)
            limit, far = paragraphs[last][1], at + 4 * reach
            ps, pe = paragraphs[own]
            if self._is_heading(ps, pe):
                if self.rules.attribution.search(self.text, at, pe) or self.rules.signature.match(self.text, ps):
                    # a speaker's attribution (…村村民王自学讲述) closes the section it signs:
                    # read back to the last other county named
                    lo = self._start(c, at, max(0, at - self.rules.section_reach))
                    lo = self._after_attribution(lo, ps)
                    if lo < ps and self._has_cue(lo, ps, c):
                        return "in"
                    continue
                # a heading that names the county (重庆江津·脱贫农民杨万良): its section follows,
                # up to the next other county named; read once (a run of headings naming the
                # county must not read the same section from each of them)
                if at < covered:
                    continue
                limit = far = at + self.rules.section_reach
                section = True
            elif last > own:
                # of the paragraphs after its own, only the first sentences: a new paragraph
                # often turns to another place or to general talk
                k = paragraphs[own + 1][0]
                if self._opens_section(*paragraphs[own + 1]):
                    k = paragraphs[own][1]     # its words are the next section's (打造鲁渝协作“升级版”)
                for _ in range(self.rules.help_in_next_sentences if k > paragraphs[own][1] else 0):
                    k = index.sentence_of(k)[1]
                limit = min(limit, max(k, paragraphs[own][1]))
            stop = self._stop(c, whole, min(limit, far))
            if section:
                covered = max(covered, stop)
            # every stretch the walk below reads lies in [s, stop), and a help cue in a stretch
            # is a match of this one search too (any_help_cue's lookarounds are positive): no
            # match, no walk (most mentions); else stretches that end by its start hold none
            first_cue = self._first_help_cue(s, stop)
            if first_cue < 0:
                continue
            end = sentence_end            # where the (part of the) sentence read last ends
            far = False                   # a sentence after the mention's own (roles.province_talk)
            while True:
                if min(e, stop) > first_cue and self._has_cue(s, min(e, stop), c) \
                        and not (far and self.rules.province_talk.search(self.text, s, min(e, stop))):
                    return "in"
                if end >= stop:
                    break
                # the next sentence, past a paragraph's line break (sentence_of at the break
                # is the sentence just read)
                following = index.sentence_after(end)
                if following is None or following[0] >= stop:
                    break     # the last sentence of the text, or past the stop
                s, nxt, far = *following, True
                opening = self._named_places()[0]     # built once, where a walk goes on
                k = bisect_left(opening, s)
                if k < len(opening) and opening[k] <= s + self.rules.opening_reach \
                        and self.opens_elsewhere(c, s, nxt, k):
                    break     # 广东省珠海市驻…扶贫工作组组长…: the passage turns to another place
                if self.quoted_elsewhere(c, s, nxt):
                    break     # “我们加强与福建福州扶贫协作…”甘肃省定西市委书记…说: another speaker's words
                end, e = nxt, min(nxt, s + reach)
        return "acts" if acting else ""

    def help_besides(self, c: County, sole: bool, local: str) -> bool:
        """Help into county ``c`` read beyond its mentions' stretches: the article is about it alone (help_anywhere), its
        helper university or hospital is named with it (names_body), or its goods are bought from outside the helped
        provinces (sold_outside; a county of those provinces)."""
        return sole and self.help_anywhere(c) or local != "recipient" and self.names_body(c) \
            or c.key[:2] in self.rules.west_recipients and self.sold_outside(c)

    def names_body(self, c: County) -> bool:
        """Whether the part (up to ；) of a sentence naming county ``c`` names one of the article's
        helper bodies of public service (roles.helper_org_services: 清华大学 paired with 南涧县, named
        beside 丘北县) that does not carry the county's own name."""
        bodies = [b for b in self.bodies if c.name[:2] not in b]
        if not bodies:
            return False        # most articles: no helper body
        return any(any(self.text.find(b, s, e) >= 0 for b in bodies) for s, e in self._mention_parts(c))

    def sold_outside(self, c: County) -> bool:
        """Whether the part (up to ；) of a sentence naming county ``c`` tells consumption aid (roles.consumption_aid:
        产销签约, 扶贫产品 …) and names a place outside the helped provinces, the buyers' or the fair's (…与河南商丘
        农产品批发市场…进行产销签约; 湖北秭归的橙皮…在南京…会场…扶贫产品): the county's goods bought from outside.
        Looked for only in an article that holds one of the gate's words (most hold none)."""
        if self._consumption is None:
            self._consumption = any(w in self.text for w in self.rules.consumption_gate)
        if not self._consumption:
            return False
        return any(self.rules.consumption_cues.search(self.text, s, e) and self._names_beyond_west(s, e)
                   for s, e in self._mention_parts(c))

    def _names_beyond_west(self, s: int, e: int) -> bool:
        """Whether text[s:e] names a province, prefecture or county outside the helped provinces (west_recipients)."""
        west = self.rules.west_recipients
        starts, codes, _ = self._named_places()
        k = bisect_left(starts, s)
        while k < len(starts) and starts[k] < e:
            if codes[k][:2] not in west:
                return True
            k += 1
        k = bisect_left(self.positions, s)
        while k < len(self.starts) and self.starts[k][0] < e:
            other = self.county_at[self.starts[k][0]]
            if other.key and other.key[:2] not in west:
                return True
            k += 1
        return False

    def _mention_parts(self, c: County) -> Iterator[tuple[int, int]]:
        """The parts (up to ；) of the sentences of county ``c``'s mentions (not a village of it: its sentences
        are read for help words only), at most help_in_reach characters around the mention, as help_comes_in reads."""
        text, rules = self.text, self.rules
        for at, end in self._places_read(c):
            if end is None:
                continue
            s, e = self.article.index.sentence_of(at)
            s, e = max(s, at - rules.help_in_reach), min(e, end + rules.help_in_reach)
            ahead = rules.part_break.search(text, end, e)
            yield rules.part_start(text, s, at), (ahead.start() if ahead else e)

    def _is_heading(self, ps: int, pe: int) -> bool:
        """Whether the paragraph text[ps:pe] is a heading: short (``heading_max``), no 。 in it."""
        return pe - ps <= self.rules.heading_max and self.text.find("。", ps, pe) < 0

    def _opens_section(self, ps: int, pe: int) -> bool:
        """Whether the paragraph text[ps:pe] is a heading that opens the next section (打造鲁渝协作
        “升级版”), not one that signs the section before it (…第一书记孔青山讲述, ——福贡县…邓前堆)."""
        return self._is_heading(ps, pe) and not self.rules.attribution.search(self.text, ps, pe) \
            and not self.rules.signature.match(self.text, ps)

    def _named_places(self) -> tuple[list[int], list[str], list[str]]:
        """The starts, adcodes and areas (:func:`_area`) of the provinces and prefectures the
        article names (the counties stage's places, in text order), built on first use."""
        if self._places is None:
            places = sorted(self.article.facts.get("places") or [], key=attrgetter("start"))
            self._places = ([p.start for p in places], [p.adcode for p in places],
                            [_area(p) for p in places])
        return self._places

    def opens_elsewhere(self, c: County, s: int, e: int, i: int) -> bool:
        """Whether the sentence text[s:e] turns to another place: it opens (after blanks,
        within opening_reach characters) with a province or prefecture that does not hold
        county ``c``, and is a heading (广东珠海对口帮扶干部卢仰之: a new story) or names a second
        such place further on (广东省珠海市驻云南省怒江州扶贫工作组…: help between two other
        places). A sentence whose opening place only gives (上海的企业捐款援建了加工厂) does not:
        that may be help for the county. At most opening_others places and county mentions
        are looked at."""
        rules, text = self.rules, self.text
        starts, codes, areas = self._named_places()   # i: the first place at or after s
        if text[s:starts[i]].strip():
            return False
        area = areas[i]
        if c.key.startswith(area):
            return False
        ps, pe = self.article.index.paragraph_of(s)
        if self._is_heading(ps, pe):
            return True
        e = min(e, s + rules.help_in_reach)
        for j in range(i + 1, min(len(starts), i + 1 + rules.opening_others)):
            if starts[j] >= e:
                break
            if not codes[j].startswith(area) and not c.key.startswith(areas[j]):
                return True
        k = bisect_left(self.positions, s)
        for k in range(k, min(len(self.starts), k + rules.opening_others)):
            if self.starts[k][0] >= e:
                break
            other = self.county_at[self.starts[k][0]]
            if other is not c and other.key and not other.key.startswith(area):
                return True
        return False

    def quoted_elsewhere(self, c: County, s: int, e: int) -> bool:
        """Whether the sentence text[s:e] is a quotation whose speaker, named right after it
        (roles.quote_attribution), belongs to another place: a province or prefecture that does not
        hold county ``c``, or another county (“我们加强与福建福州扶贫协作…”甘肃省定西市委书记唐晓明代表说:
        定西's words, not 伊通满族自治县's told before them)."""
        rules, text = self.rules, self.text
        if not rules.quote_open.match(text, s, e):
            return False
        said = rules.quote_attribution.match(text, e)
        if said is None:
            return False
        a, b = said.span()
        starts, _, areas = self._named_places()
        for i in range(bisect_left(starts, a), len(starts)):
            if starts[i] >= b:
                break
            if not c.key.startswith(areas[i]):
                return True
        for k in range(bisect_left(self.positions, a), len(self.starts)):
            if self.starts[k][0] >= b:
                break
            other = self.county_at[self.starts[k][0]]
            if other is not c:
                return True
        return False

    def _after_attribution(self, lo: int, ps: int) -> int:
        """Where the section an attribution at ``ps`` signs begins, reading back from ``lo``:
        after the last attribution heading in between (…村第一书记孔青山讲述 signs the story
        before it, not the next speaker's)."""
        index, rules = self.article.index, self.rules
        for m in rules.attribution.finditer(self.text, lo, ps):
            a, b = index.paragraphs[index.paragraph_index(m.start())]
            if self._is_heading(a, b):
                lo = max(lo, b)
        return lo

    def east_west_side(self, c: County) -> bool:
        """Whether the county lies in the helping provinces and a sentence of one of its mentions
        tells east–west cooperation (roles.east_west_cues): the help there is what its side gives."""
        if c.key[:2] not in self.rules.east_helpers:
            return False
        sentence_of = self.article.index.sentence_of
        return any(self.rules.east_west_cues.search(self.text, *sentence_of(m.span[0])) for m in c.mentions)

    def local_role(self, c: County) -> str:
        """The counties stage's role of the county (its cues right at the name), but not
        ``recipient`` when every mention names a meeting's or a visit's setting: the cue is the
        meeting's (湖南省第4批援藏干部座谈会在西藏扎囊县召开)."""
        if c.role == "recipient" and all(self.names_setting(*m.span) for m in c.mentions):
            return "other"
        return c.role

    def names_setting(self, start: int, end: int) -> bool:
        """Whether the mention at [start, end) names the setting of a meeting or a leader's visit
        (在西藏扎囊县召开的座谈会, 在贵州省黔东南州黎平县肇兴侗寨考察调研时强调): roles.setting_after."""
        rules, text = self.rules, self.text
        lo = max(0, start - rules.setting_lead - 1)
        # most mentions have no 在 before them: a plain look first
        return text.rfind(rules.setting_word, lo, start) >= 0 \
            and rules.setting_before.search(text, lo, start) is not None \
            and rules.setting_after.match(text, end) is not None

    def names_furniture(self, start: int, end: int) -> bool:
        """Whether the mention at [start, end) stands in a line of the site's furniture, not in its
        story: a footer's or header's labelled line (地址:江苏省南京市鼓楼区漓江路…, 主办单位:…) or the
        publisher's line (• 察隅县人民政府): roles.furniture. Such a line is short (a heading by
        :meth:`_is_heading`); read as one, the story after it would be taken for the county's."""
        rules, text = self.rules, self.text
        # most mentions have neither a publisher's name after them nor a label's colon before them
        # on their line: a plain look first
        publisher = text.startswith(rules.furniture_publishers, end)
        lo = max(0, start - rules.heading_max)
        if not publisher and text.rfind(":", lo, start) < 0 and text.rfind("：", lo, start) < 0:
            return False
        ps, pe = self.article.index.paragraph_of(start)
        if not self._is_heading(ps, pe):
            return False
        return rules.furniture_labels.match(text, ps, start) is not None \
            or (publisher and rules.furniture_publisher.fullmatch(text, end, pe) is not None)

    def names_event(self, end: int) -> bool:
        """Whether the mention ending at ``end`` names an event (汶川地震), not the county."""
        return self.text.startswith(self.rules.gaz.bare_right_confirms, end)

    def help_anywhere(self, c: County) -> bool:
        """For the only county an article names, at least sole_county_mentions times: a help
        cue anywhere in the article (奉节县 … 柳池村的驻村第一书记, the village named without
        its county two paragraphs on)."""
        if sum(not self.names_event(m.span[1]) and not self.names_setting(*m.span)
               and not self.names_furniture(*m.span) for m in c.mentions) < self.rules.sole_county_mentions:
            return False
        text = self.text
        if not self.rules.sole_county_cues.search(text):
            return False
        # the sentences telling its own donations (_own_giving_only) or its own whole giving
        # (_own_whole_gives) are its own means
        own = self._with_sentences([], self.rules.own_giver_verbs, lambda s, e: self._own_giving_only(s, e, c))
        heads = self.rules.own_whole_heads.get(c.name[-1:])
        if heads is not None:
            own = self._with_sentences(own, heads, lambda s, e: self._own_whole_gives(s, e, c))
        own = self._with_own_body_sentences(c, own)
        text = _without_spans(text, own)
        if self._sends_own_team(c):
            # its teams, and the postings that show them its own, are its own
            text = self.rules.team_words.sub("", self._without_own_work(text, c))
        else:
            text = _without_no_help(text, self.rules)
        # outside a text about aid the everyday words tell no help (roles.generic_help)
        return any(self.aid_article() or m.group() not in self.rules.generic_help
                   for m in self.rules.sole_county_cues.finditer(text))

    def _with_own_body_sentences(self, c: County, own: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """``own`` (sorted, disjoint sentence spans) with the sentences whose help one of county ``c``'s own bodies gives
        added (:meth:`_own_body_gives`: 郑营村扶贫车间由郓城县人大代表…援建): read for the only county named as its
        mentions' stretches are (gold/README R5, R6). Looked for only where the article names such a body."""
        if not self._names_own_body():
            return own
        return self._with_sentences(own, self.rules.own_bodies, lambda s, e: self._own_body_gives(s, e, c))

    def _with_sentences(self, own: list[tuple[int, int]], pattern, gives) -> list[tuple[int, int]]:
        """``own`` (sorted, disjoint sentence spans) with each other sentence that holds a match of ``pattern``
        and that ``gives(s, e)`` accepts, sorted: how :meth:`help_anywhere` gathers the sentences of a county's
        own means (its donations, its whole giving, its bodies' help)."""
        sentence_of = self.article.index.sentence_of
        spans = {sentence_of(m.start()) for m in pattern.finditer(self.text)} - set(own)
        return sorted([*own, *(span for span in spans if gives(*span))])

    def named_as_origin(self, c: County) -> bool:
        """An origin tail right after a mention (宝安人民医院, 南山区桃源街道干部, 句容市副市长)."""
        reach = self.rules.origin_tail_reach
        return any(self.rules.origin_tail.search(self.text, m.span[1], m.span[1] + reach)
                   for m in c.mentions)

    def sends_team(self, c: County) -> bool:
        """A county whose team is posted in another county (长沙市天心区驻湘西自治州龙山县洛塔乡
        工作队: 天心区 sends it, gold/README `helper`), or whose cadres, teachers or doctors go
        to another county to serve there (密云区则选派5名干部赴滦平县挂职: roles.sends_people):
        the posting right after a mention names another county — not when the county lies in
        the helped provinces and the other in the helping ones (滦平县选派干部到密云区挂职锻炼:
        a two-way exchange, the helped side's cadres go to learn), or whose delegation goes to
        another county for giving or the two sides' work (龙岗区工商联副调研员…带领…前往靖西开展…慰问
        工作: roles.sends_delegation). Or an assistance label right
        after a county of the helping provinces (深圳市罗湖区的援疆干部: roles.origin_labels)."""
        rules = self.rules
        west = c.key[:2] in rules.west_recipients
        for m in c.mentions:
            if not west and rules.origin_labels.match(self.text, m.span[1]):
                return True
            found_all = [rules.sends_team.match(self.text, m.span[1]),
                         _first_match(rules.sends_people, self.text, m.span[1])]
            # a delegation is looked for only where one of its words follows (most mentions: none)
            if rules.delegation_words.search(self.text, m.span[1], m.span[1] + rules.delegation_reach):
                found_all.append(rules.sends_delegation.match(self.text, m.span[1]))
            for found in found_all:
                if found is None:
                    continue
                k = bisect_left(self.positions, found.start(1))
                while k < len(self.starts) and self.starts[k][1] <= found.end(1):
                    other = self.county_at[self.starts[k][0]]
                    if other is not c and not (west and other.key
                                               and other.key[:2] in rules.east_helpers):
                        return True
                    k += 1
        return False

    def thanked(self, c: County) -> bool:
        """Whether the county receives a thank-you token (库伦旗…向密云区委区政府捐赠了锦旗: roles.thanks_gift):
        named right after 向/给/为, the token's giving follows within thanks_gift.reach characters of its
        clause. The helped thank their helper."""
        rules, text = self.rules, self.text
        for m in c.mentions:
            a, b = m.span
            if not text.endswith(rules.thanks_to, max(0, a - 1), a):
                continue
            found = rules.thanks_gift.search(text, b, b + rules.thanks_reach)
            if found and "。" not in text[b:found.start()] and not rules.clause_mark.search(text, b, found.start()):
                return True
        return False

    def cadre_origin(self, c: County) -> bool:
        """A county named as where an assistance cadre comes from or served before (时任江苏镇江
        句容市副市长的王华申请援疆): an origin mark shortly before it, an origin tail after it,
        and a help cue in the sentence."""
        rules, index = self.rules, self.article.index
        for m in c.mentions:
            before = self.text[max(0, m.span[0] - rules.origin_tail_reach):m.span[0]]
            if any(mark in before for mark in rules.cadre_origin_marks) \
                    and rules.origin_tail.match(self.text, m.span[1]):
                s, e = index.sentence_of(m.span[0])
                reach = rules.help_in_reach
                if rules.help_in.search(self.text, max(s, m.span[0] - reach), min(e, m.span[1] + reach)):
                    return True
        return False


def _first_match(patterns: tuple, text: str, pos: int):
    """The match at ``pos`` of the first of ``patterns`` that matches there, else None: what
    one pattern ``(?|p1|p2…)`` would match (a branch reset takes its first branch that matches,
    and each branch's group 1 is the group 1)."""
    for pattern in patterns:
        found = pattern.match(text, pos)
        if found is not None:
            return found
    return None


def _place_of(name: str, code: Optional[str], rules: PairingRules) -> Optional[Place]:
    if code is None:
        return None
    unit = rules.gaz.units.get(code)
    return Place(name, code, unit.level if unit else "county")


def _units_of_helper_orgs(article: Article, names: set[str], rules: PairingRules) -> set[str]:
    """Adcodes of counties named inside a unit of a helper organisation (复旦大学附属金山医院,
    a unit of the helper 复旦大学 → 金山区; gold/README: a county inside the name of a helper
    organisation is `helper`): the organisation's name and a unit joiner right before the
    county's mention, an organisation tail right after it."""
    if not names:
        return set()
    text, out = article.text, set()
    heads = tuple(n + j for n in names for j in rules.unit_joiners)
    longest = max(map(len, heads))
    for c in article.facts.get("counties", []):
        if not c.key:
            continue
        for m in c.mentions:
            a, b = m.span
            if text.endswith(heads, max(0, a - longest), a) \
                    and text.startswith(rules.tail_classes["organisation"], b):
                out.add(c.key)
                break
    return out


def run(article: Article, rules: PairingRules) -> None:
    org_helpers: set[str] = set()
    pairings = find_pairings(article, rules, org_helpers)
    article.facts["pairings"] = pairings
    helpers = [p for p in (_place_of(x.helper, x.helper_key, rules) for x in pairings) if p]
    recipients = [p for p in (_place_of(x.recipient, x.recipient_key, rules) for x in pairings) if p]
    regions = [a for x in pairings for a in rules.region_areas.get(x.recipient, ())]
    helper_orgs = {x.helper for x in pairings if x.helper_key is None}   # helpers that are no place
    org_helpers |= _units_of_helper_orgs(article, helper_orgs, rules)
    assign_roles(article, article.facts.get("counties", []), helpers, recipients, rules,
                 regions, org_helpers, helper_orgs)
