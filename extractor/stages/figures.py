"""Poverty figures stage (SPEC 5): counts and rates that measure poverty or its reduction.

Only sentences with a poverty cue are examined. Each number with a unit (人/名/户/个/%)
is classified by the noun it counts (贫困人口, 贫困户, 贫困村, 贫困县, 贫困发生率) and the
cue words of its clause: an exit cue (脱贫, 摘帽, 出列) gives the exit metric, a remaining
cue (剩余, 未脱贫, 确保…如期脱贫) gives ``remaining_poor``, a poor-unit noun alone gives a
stock; project-helped counts (帮助5000人就业) are left out. A named county's delisting is
one ``counties_delisted`` record of value 1 per county and article. Tables in
``rules/figures.yaml``.
"""
from __future__ import annotations

import bisect
import dataclasses
import math
import re
from decimal import Decimal
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Callable, NamedTuple, Optional, Sequence

import regex

from ..article import Article
from ..frozen import cached_property
from ..lexicon.numbers import (PERCENT_WORD, Quantity, QuantityGate, Rejected, quantity_pattern, scan,
                               scan_percent_words)
from ..lexicon.years import year_grammar, year_of
from ..record import PovertyFigure
from ..rules import Folder, alternation as _alt, load_yaml, memo_by_identity, plain_pattern, words_pattern

# The fixed patterns the scans below use, compiled once: ``regex.search(string, …)`` looks
# its pattern up in regex's cache on every call, a measurable share of this stage.
_DIGIT = plain_pattern(r"[0-9]")
_DIGITS = plain_pattern(r"[0-9]+")
_DIGIT_OR_GE = plain_pattern(r"[0-9]|个")
_FROM_DIGIT = plain_pattern(r"[0-9].*$")
_BRACKETED = plain_pattern(r"（[^）]*）|\([^)]*\)")
_VILLAGE_CORE = 3   # a village's last two characters and 村: what its other mentions are found by (_village_mentions)
# Characters a negation may stand before the exit cue it negates (未完全脱贫).
_NEGATION_GAP = 2
# A clause ends at a comma, semicolon or colon, or at a sentence end or line break. The
# standard ``re``: a bare character class, found in half the time ``regex`` takes.
_CLAUSE_MARK = re.compile(r"[，,；;：:。！？!?\n]")
_SENTENCE_END = plain_pattern(r"[。！？!?]")
_CLAUSE_END = plain_pattern(r"[，,；;。]")
_LIST_ITEM = plain_pattern(r"[^，,；;：:、和及与（）()“”\s]+")
_ENUM_COMMA = plain_pattern(r"、")
_DENG_OR_COMMA = plain_pattern(r"等|、")
_NOT_A_COUNTY_ITEM = plain_pattern(r"[0-9贫个全各的是]")
_BRACKET_CLOSE = plain_pattern(r"[）)]")
_UNCLOSED_BRACKET = plain_pattern(r"[（(][^）)]*$")
# The words a quantity's text starts with before its digits (超过60% → 超过): its qualifier.
_QUALIFIER_WORDS = plain_pattern(r"^[^0-9]*")


class FigureRules:
    """The figures stage's rules of one rules folder, compiled (read-only after)."""

    def __init__(self, folder: Folder = None) -> None:
        # Long on purpose: one line per rule of figures.yaml, a table rather than logic.
        r = load_yaml("figures.yaml", folder)
        self.unit_of = dict(r["metric_units"])
        self.years = year_grammar(folder)
        self.threshold_after_people = plain_pattern(r["threshold_after_people"])
        self.threshold_after_households = plain_pattern(r["threshold_after_households"])
        self.threshold_after_rate = plain_pattern(r["threshold_after_rate"])
        self.rate_as_standard = plain_pattern(r["rate_as_standard"])
        self.rate_standard_window = int(r["rate_standard_window"])
        self.rate_bound_words = tuple(r["rate_bound_words"])
        self.rate_bound_heads = tuple(r["rate_bound_heads"])
        self.rate_bound_before = plain_pattern(r["rate_bound_before"])
        self.rate_standard_defined_before = plain_pattern(r["rate_standard_defined_before"])
        self.rate_standard_after = plain_pattern(r["rate_standard_after"])
        self.other_people_after = plain_pattern(r["other_people_after"])
        self.delisting_list_item = regex.compile(r["delisting_list_item"])
        self.delisting_named_unit = plain_pattern(r["delisting_named_unit"])
        self.delisting_cue_opens_clause = int(r["delisting_cue_opens_clause"])
        self.delisting_date_only_lead = plain_pattern(r["delisting_date_only_lead"])
        self.delisting_item_lead = plain_pattern(r["delisting_item_lead"])
        self.delisting_item_tail = plain_pattern(r["delisting_item_tail"])
        self.delisting_list_end = plain_pattern(r["delisting_list_end"])
        self.cue_then_colon = plain_pattern(r["cue_then_colon"])
        self.delisting_comma_item = plain_pattern(r["delisting_comma_item"])
        self.followup_openers = tuple(r["delisting_followup_openers"])
        self.delisting_followup = plain_pattern(rf"(?:{_alt(r['delisting_followup_openers'])})"
                                                + r["delisting_followup"])
        # literal words: the standard re finds them in half regex's time (asked of every sentence)
        self.trigger = re.compile(r["trigger"])
        self.person_units = set(r["person_units"])
        self.household_units = set(r["household_units"])
        self.count_units = set(r["count_units"])
        self.percent_units = set(r["percent_units"])
        self.county_units = set(r["county_units"])
        units = (r["person_units"] + r["household_units"] + r["count_units"]
                 + r["percent_units"] + r["county_units"])
        people = _alt(r["people_nouns"])
        units_re = "|".join(regex.escape(u) + ("(?!次)" if "人" in u else "") for u in
                            sorted(units, key=len, reverse=True))
        # 194.36万贫困人口 / 超千万: a bare 万/亿 is a person count (unit "").
        units_re += "|(?:(?<=[万亿])|(?<=[万亿][余多]))(?!人次|次)"   # two lookbehinds: re reads them
        self.pattern = quantity_pattern(units_re)
        self.quantity_gate = QuantityGate(units)   # the bare 万/亿 unit: the gate's multipliers
        self.people = plain_pattern(people)
        modifier = rf"\p{{Han}}{{0,{int(r['weak_noun_modifier_max'])}}}?"
        self.people_after = plain_pattern(   # 308.9万现行标准下贫困人口: the standard qualifies the noun
            rf"^的?(?:{_alt(r['people_noun_modifiers'])})?(?:{people}|{modifier}(?P<weak>{_alt(r['weak_people_nouns'])}))")
        self.households_after = plain_pattern(
            rf"^(?:是|的)?(?:{_alt(r['household_nouns'])}|(?P<weak>{_alt(r['weak_people_nouns'])}))")
        link = rf"(?:{_alt(r['linking_adverbs'])})?(?:{_alt(r['linking'])})"
        year = rf"(?:[0-9]{{4}}年\p{{Han}}{{0,6}}?的?|{_alt(r['stock_time_words'])})?"
        self.noun_before = plain_pattern(
            rf"(?<!{r['non_poor']})(?P<noun>{people}|{_alt(r['poor_before_suffix'])})(?:{link})?{year}"
            rf"(?:[0-9.]+万?户[、，,]?共?)?$")   # 贫困人口989户共5037人
        self.person_then = plain_pattern(r["household_then_people"])
        self.county_head = plain_pattern(_alt(r["county_heads"]))
        self.village_head = plain_pattern(_alt(r["village_heads"]))
        self.poor_marker = plain_pattern(_alt(r["poor_markers"]))
        self.non_poor_unit = plain_pattern(rf"{r['non_poor']}(?:{_alt(r['poor_markers'])})|{r['lifted_units']}")
        self.former_units_before = plain_pattern(r["former_units_before"])
        self.head_window = int(r["head_window"])
        self.people_count_after_head = plain_pattern(r["people_count_after_head"])
        self.joined_county_count_after_head = plain_pattern(r["joined_county_count_after_head"])
        self.people_exit = plain_pattern("|".join(r["people_exit"]))
        self.county_blockers = plain_pattern(r["county_blockers"])
        self.head_modifiers = plain_pattern(r["head_modifiers"])
        self.rate_range_rest = plain_pattern(r["rate_range_rest"])
        self.share_exit_before = plain_pattern(r["share_exit_before"])
        self.named_group_before = plain_pattern(r["named_group_before"])

        self.cue_one_of_after = plain_pattern(r["cue_one_of_after"])
        self.unit_noun_before = plain_pattern(r["unit_noun_before"])
        self.unit_noun_share_after = plain_pattern(r["unit_noun_share_after"])
        self.people_exit_before = plain_pattern(r["people_exit_before"])
        self.village_exit = plain_pattern("|".join(r["village_exit"]))
        self.county_exit = plain_pattern("|".join(r["county_exit"]))
        self.named_county_exit = plain_pattern(r["named_county_exit"])
        self.lower_unit_after_county = plain_pattern(r["lower_unit_after_county"])
        neg = _alt(r["negations"])
        self.negated = plain_pattern(rf"(?:{neg})\p{{Han}}{{0,{_NEGATION_GAP}}}$")
        # the farthest back a negation can start: :meth:`negated_before` looks no further, so
        # a cue repeated along one long line costs the same per cue
        self.negation_reach = max(map(len, r["negations"])) + _NEGATION_GAP
        self.remaining = plain_pattern(_alt(r["remaining"]))
        self.remaining_pair = [(a, b) for a, b in r["remaining_pair"]]
        self.exit_solved_before = plain_pattern(r["exit_solved_before"])
        self.exit_solved_after = plain_pattern(r["exit_solved_after"])
        self.listed_remaining = plain_pattern(_alt(r["listed_remaining"]))
        self.r_change_between = plain_pattern(rf"(?:{_alt(r['change_to'])})[\p{{Han}}0-9]{{0,10}}$")
        self.chain_window = int(r["chain_window"])
        self.partitive_before = plain_pattern(r["partitive_before"])
        self.part_after_exit = plain_pattern(r["part_after_exit"])
        self.share_after_exit = plain_pattern(r["share_after_exit"])
        self.part_exit_before = plain_pattern(r["part_exit_before"])
        self.part_exit_verb_before = plain_pattern(r["part_exit_verb_before"])
        self.part_exit_lead_noun = plain_pattern(r["part_exit_lead_noun"])
        self.shared_head_after = plain_pattern(r["shared_head_after"])
        self.counted_after_head = plain_pattern(r["counted_after_head"])
        self.listed_after_cue = plain_pattern(r["listed_after_cue"])
        self.listed_before_count_window = int(r["listed_before_count_window"])
        self.share_of_poor_after = plain_pattern(r["share_of_poor_after"])
        self.share_of_poor_before = plain_pattern(r["share_of_poor_before"])
        self.apposition_after = plain_pattern(r["apposition_after"])
        self.apposition_window = int(r["apposition_window"])
        self.apposition_list = plain_pattern(r["apposition_list"])
        self.apposition_list_gate = str(r["apposition_list_gate"])
        if self.apposition_list_gate not in r["apposition_list"]:
            raise ValueError("figures.yaml: apposition_list_gate must be a character apposition_list requires")
        self.apposition_metrics = [(plain_pattern(p), m) for p, m in r["apposition_metrics"]]
        self.lifted_noun_before = plain_pattern(r["lifted_noun_before"])
        self.counts_owned_after = plain_pattern(r["counts_owned_after"])
        self.county_reach = plain_pattern(_alt(r["county_reach"]))
        self.reporter_visit_before = plain_pattern(r["reporter_visit_before"])
        self.county_reach_after = plain_pattern(rf"^(?:{_alt(r['county_reach_after'])})")
        self.threshold_after_count = plain_pattern(r["threshold_after_count"])
        self.threshold_selected_after = plain_pattern(r["threshold_selected_after"])
        self.threshold_selected_before = plain_pattern(r["threshold_selected_before"])
        self.selected_from_before = plain_pattern(r["selected_from_before"])
        self.unit_target_before = plain_pattern(r["unit_target_before"])
        self.organisation_group_lead = plain_pattern(r["organisation_group_lead"])
        self.other_head_before = plain_pattern(_alt(r["other_head_before"]))
        self.threshold_before = plain_pattern(r["threshold_before"])
        self.threshold_tail = plain_pattern(r["threshold_tail"])
        self.helped_before = plain_pattern(r["helped_before"])
        # (entries are patterns, each with its reason: reach_frames, reach_owners)
        self.reach_frame = plain_pattern("|".join(f"(?:{p})" for p in r["reach_frames"]))
        self.reach_owner = plain_pattern("|".join(f"(?:{p})" for p in r["reach_owners"]))
        self.reach_whole_area = plain_pattern(r["reach_whole_area"])
        self.partner_people_before = plain_pattern(r["partner_people_before"])
        self.year_in_clause = plain_pattern(r["year_in_clause"])
        self.whole_area_before = plain_pattern(r["whole_area_before"])
        self.area_helpers_before = plain_pattern(r["area_helpers_before"])
        self.subset_words = tuple(r["subset_words"])
        self.collective_exit_next = plain_pattern(r["collective_exit_next"])
        self.people_of_households = plain_pattern(r["people_of_households"])
        self.delisting_county_window = int(r["delisting_county_window"])
        self.cues_per_sentence = int(r["delisting_cues_per_sentence"])
        self.cue_before_noun = int(r["cue_before_noun"])
        self.cue_before_count_window = int(r["cue_before_count_window"])
        self.cue_before_count_gap = plain_pattern(r["cue_before_count_gap"])
        self.exclusion_before = plain_pattern(r["exclusion_before"])
        self.approved_exit_before = plain_pattern(rf"(?:{_alt(r['approved_exit_before'])})$")
        # an approval stands right before 退出, so looking back its longest word is enough
        # (a line of 批准退出 repeated searched the whole line before each cue)
        self.approved_exit_reach = max(map(len, r["approved_exit_before"]))
        self.approved_exit_after = plain_pattern(r["approved_exit_after"])
        self.approved_exit_object_before = plain_pattern(r["approved_exit_object_before"])
        self.approved_object_window = int(r["approved_object_window"])
        self.exit_credited_before = plain_pattern(r["exit_credited_before"])
        self.exit_credited_after = plain_pattern(r["exit_credited_after"])
        self.exit_credited_helper = plain_pattern(r["exit_credited_helper"])
        self.exit_helper_opens = plain_pattern(r["exit_helper_opens"])
        self.exit_helper_in_lead = plain_pattern(r["exit_helper_in_lead"])
        self.helper_areas_noun = plain_pattern(r["helper_areas_noun"])
        self.helper_areas_named_after = plain_pattern(r["helper_areas_named_after"])
        self.helper_areas_stop = plain_pattern(r["helper_areas_stop"])
        self.at_risk = plain_pattern(r["at_risk_nouns"])
        self.share_exit_after = plain_pattern(r["share_exit_after"])
        self.copula_poor_after = plain_pattern(r["copula_poor_after"])
        self.whole_set_after = plain_pattern(r["whole_set_after"])
        # (the word every match holds, the list after a county exit cue), in order: the members
        # listed after the cue (…6个县位列其中), the counties named after the delisted group (…县区中，甲、乙)
        self.member_lists = ((str(r["members_marker"]), plain_pattern(r["members_after_cue"])),
                             (str(r["group_marker"]), plain_pattern(r["group_members_after_cue"])))
        self.headed_list_joiner = str(r["headed_list_joiner"])
        self.delisting_list_end_word = str(r["delisting_list_end_word"])
        self.quoted_label_max = int(r["quoted_label_max"])
        self.cue_as_attribute = plain_pattern(r["cue_as_attribute"])
        self.damaged_before = tuple(r["damaged_before"])
        self.ordinal_before = tuple(r["ordinal_before"])
        self.list_heading = plain_pattern(r["delisting_list_heading"])
        self.list_paragraphs = int(r["delisting_list_paragraphs"])
        self.list_count = plain_pattern(r["delisting_list_count"])
        self.delisting_stated = plain_pattern(r["delisting_stated"])
        self.delisting_generic_after = plain_pattern(r["delisting_generic_after"])
        self.delisting_goal_after = plain_pattern(r["delisting_goal_after"])
        self.delisting_goal_reached = plain_pattern(r["delisting_goal_reached"])
        self.delisting_goal_own = plain_pattern(r["delisting_goal_own"])
        self.threshold_word = plain_pattern(r["threshold_word"])
        self.bracketed_restatement = plain_pattern(r["bracketed_restatement"])
        self.delisting_other_subject = plain_pattern(r["delisting_other_subject"])
        self.delisting_person_subject = plain_pattern(r["delisting_person_subject"])
        self.delisting_person_link = plain_pattern(r["delisting_person_link"])
        self.county_exit_lower_unit_after = plain_pattern(r["county_exit_lower_unit_after"])
        self.change_to = plain_pattern(rf"(?:{_alt(r['change_to'])})\p{{Han}}{{0,4}}$")
        self.change_word = plain_pattern(_alt(r["change_to"]))
        self.unit_stock_metrics = frozenset(r["unit_stock_metrics"])
        self.compare_between = plain_pattern(r["compare_between"])
        self.sibling_exit_between = plain_pattern(r["sibling_exit_between"])
        self.sibling_exit_metrics = frozenset(r["sibling_exit_metrics"])
        self.households_people_between = plain_pattern(r["households_people_between"])
        self.households_people_end = plain_pattern(r["households_people_end"])
        self.bracket_part_head = plain_pattern(r["bracket_part_head"])
        self.bracket_part_window = int(r["bracket_part_window"])
        self.part_openers = tuple(r["part_openers"])
        self.time_continuation_opener = plain_pattern(r["time_continuation_opener"])
        self.colon_heading = plain_pattern(r["colon_heading"]["heading"])
        self.colon_item_before = plain_pattern(r["colon_heading"]["item_before"])
        self.colon_item_after = plain_pattern(r["colon_heading"]["item_after"])
        self.colon_list_window = int(r["colon_heading"]["list_window"])
        self.colon_heading_window = int(r["colon_heading"]["heading_window"])
        self.colon_pair_after = plain_pattern(r["colon_heading"]["pair_after"])
        self.colon_pair_before = plain_pattern(r["colon_heading"]["pair_before"])
        self.colon_paired_people = dict(r["colon_heading"]["paired_people"])
        self.colon_paired_households = dict(r["colon_heading"]["paired_households"])
        self.colon_metrics = {(noun, m["exit"]): (m["metric"], tuple(m["units"]))
                              for m in r["colon_heading"]["metrics"] for noun in m["nouns"]}
        self.compare_metrics = frozenset(r["compare_metrics"])
        self.per_unit_before = plain_pattern(r["per_unit_before"])
        self.copula_people_after = plain_pattern(r["copula_people_after"])
        self.group_partitive = plain_pattern(r["group_partitive"])
        self.lead_window = int(r["lead_window"])
        self.household_part_after_exit = plain_pattern(r["household_part_after_exit"])
        self.project = regex.compile("|".join(sorted(r["project_cues"], key=len, reverse=True)))
        self.village_project = plain_pattern(r["village_project"])
        self.rates = r["rates"]
        self.rate_noun = plain_pattern(rf"{_alt(self.rates)}|\p{{Han}}率")
        self.rate_breakers = plain_pattern(_alt(r["rate_breakers"]))
        self.rate_window = int(r["rate_window"])
        self.rate_parallel_between = plain_pattern(r["rate_parallel_between"])
        # the zeros as one literal search (one call per sentence, not one per zero)
        self.zero_gate = re.compile("|".join(re.escape(z) for z in r["zero_numerals"]))
        zero_numeral = "|".join(regex.escape(z) + not_after for z, not_after in r["zero_numerals"].items())
        self.zero = plain_pattern(rf"(?:{_alt(r['zero_after'])})(?:{zero_numeral})")
        self.suffix = plain_pattern(rf"(?:{_alt(r['county_suffixes'])})$")
        self.scope_levels = dict(r["scope_words"])
        self.scope_fits = {k: tuple(v) for k, v in r["scope_fits"].items()}
        self.scope_word = plain_pattern(rf"(?:{_alt(self.scope_levels)})"
                                        rf"(?!{_alt(r['scope_word_not_before'])}|{r['scope_word_member_of']})")
        self.scope_word_object_before = plain_pattern(r["scope_word_object_before"])
        self.scope_word_member_of = plain_pattern(r["scope_word_member_of"])
        self.nation_background_before = plain_pattern(r["nation_background_before"])
        self.nation_background_count_after = plain_pattern(r["nation_background_count_after"])
        self.nation_word_before = plain_pattern(r["nation_word_before"])
        self.title_max_chars = int(r["title_max_chars"])
        self.nation_in_context = plain_pattern(r["nation_in_context"])
        self.named_regions = plain_pattern(rf"(?:{_alt(r['named_regions'])}|{r['named_region_areas']})")
        self.numbered_region = plain_pattern(r["named_region_numbered"])
        self.region_owns = plain_pattern(r["named_region_owns"])
        self.region_clause_lead = plain_pattern(r["named_region_clause_lead"])
        self.region_not_head_after = plain_pattern(r["named_region_not_head_after"])
        self.region_clause_reach = int(r["named_region_clause_reach"])
        self.region_qualifier = plain_pattern(r["named_region_qualifier"])
        self.region_name_drops = plain_pattern(r["named_region_name_drops"])
        self.named_region_word = words_pattern([*r["named_region_gate"], *r["named_regions"]])
        self.named_region_names = frozenset(r["named_regions"])
        self.named_region_head_max = int(r["named_region_head_max"])
        self.province_region = plain_pattern(r["province_region_after"])
        self.region_members_before = plain_pattern(r["region_members_before"])
        self.region_members_reach = int(r["region_members_reach"])
        self.nation_people_min = Decimal(r["nation_people_min"])
        self.national_batch = plain_pattern(r["national_batch"])
        self.national_batch_reach = int(r["national_batch_reach"])
        self.national_batch_metrics = frozenset(r["national_batch_metrics"])
        self.people_metrics = frozenset(r["people_metrics"])
        self.helper_after_place = plain_pattern(r["helper_after_place"])
        self.article_helper_after = plain_pattern(r["article_helper_after"])
        self.counted_after_place = plain_pattern(r["counted_after_place"])
        self.counted_after_listed_place = plain_pattern(r["counted_after_listed_place"])
        self.full_coverage_after = plain_pattern(r["full_coverage_after"])
        cover = r["helper_coverage"]
        self.coverage_metrics = frozenset(cover["metrics"])
        self.coverage_verb_before = plain_pattern(cover["verb_before"])
        self.coverage_helpers_with_before = plain_pattern(cover["helpers_with_before"])
        self.coverage_listed_partners_before = plain_pattern(cover["listed_partners_before"])
        self.coverage_paired_each_before = plain_pattern(cover["paired_each_before"])
        self.coverage_paired_each_after = plain_pattern(cover["paired_each_after"])
        self.coverage_site_before = plain_pattern(cover["site_before"])
        self.coverage_newly_taken_before = plain_pattern(cover["newly_taken_before"])
        self.partner_exit_metrics = frozenset(cover["partner_exit_metrics"])
        self.partner_exit_after = plain_pattern(cover["partner_exit_after"])
        self.partner_exit_before = plain_pattern(cover["partner_exit_before"])
        self.partner_exit_relative_before = plain_pattern(cover["partner_exit_relative_before"])
        self.partner_exit_whole = plain_pattern(cover["partner_exit_whole"])
        self.coverage_restated_metrics = frozenset(cover["restated_metrics"])
        self.coverage_newly_taken_window = int(cover["newly_taken_window"])
        self.coverage_counted_helpers_before = plain_pattern(cover["counted_helpers_before"])
        self.coverage_site_after = plain_pattern(cover["site_after"])
        self.coverage_helper_set_after = plain_pattern(cover["helper_set_after"])
        self.coverage_task_after = plain_pattern(cover["task_after"])
        self.coverage_part_before = plain_pattern(cover["covered_part_before"])
        self.coverage_part_lead = plain_pattern(cover["covered_part_lead"])
        self.coverage_whole = plain_pattern(cover["whole"])
        self.coverage_designated_after = plain_pattern(cover["designated_after"])
        self.project_noun = plain_pattern(cover["project_noun"])
        self.project_metrics = frozenset(cover["project_metrics"])
        self.national_counties_min = Decimal(cover["national_counties_min"])
        self.remaining_exists = plain_pattern(r["remaining_exists"])
        self.planned_full_exit = plain_pattern(r["planned_full_exit"])
        self.coverage_list_metrics = frozenset(cover["list_metrics"])
        self.coverage_list_between = plain_pattern(cover["list_between"])
        self.backref_before = plain_pattern(cover["backref_before"])
        self.backref_count = cover["backref_count"].replace("{helper}", cover["backref_helper"])
        self.backref_window = int(cover["backref_window"])
        self.full_coverage_before = plain_pattern(r["full_coverage_before"])
        self.whole_area_units_before = plain_pattern(r["whole_area_units_before"])
        self.rate_label_between = plain_pattern(r["rate_label_between"])
        self.county_count_metrics = set(r["county_count_metrics"])
        self.village_context = plain_pattern(r["village_context"])
        self.village_window = int(r["village_window"])
        self.village_name = plain_pattern(r["village_name"])
        self.village_intro_window = int(r["village_intro_window"])
        self.village_after_unit = plain_pattern(r["village_after_unit"])
        self.village_unit_reach = int(r["village_unit_reach"])
        self.village_unit_levels = tuple(r["village_unit_levels"])
        self.village_mentions_max = int(r["village_mentions_max"])
        self.village_paragraph_reach = int(r["village_paragraph_reach"])
        self.heading_max_chars = int(r["heading_max_chars"])
        self.headings_max = int(r["headings_max"])
        self.place_list_joiners = "".join(r["place_list_joiners"])
        self.location_before = plain_pattern(r["location_before"])
        self.several_provinces = plain_pattern(r["several_provinces"])
        self.province_county_count_max = int(r["province_county_count_max"])
        self.place_lookback = int(r["place_lookback"])
        self.year_window = int(r["year_window"])
        self.clause_window = int(r["clause_window"])
        self.layout_spaces = str(r["layout_spaces"])
        self.not_county = set(r["not_county_names"])
        self.admin_prefix = plain_pattern(r["admin_prefix"])
        # Where a cue sentence can give a figure at all: the patterns the
        # sentence's analyses start from (a count's unit or multiplier, a percentage in
        # words, a rate falling to zero, a county exit cue with or without 县 before it, a
        # list heading). Each analysis finds nothing where its own pattern finds nothing, so
        # a sentence without any of them is passed over whole. On poverty news most cue
        # sentences are such (扶贫 is a cue: 2,740 of the real-news corpus's 4,102 hold
        # none of them).
        # Asked as two searches, the count gate on ``re`` first (it is the quantity gate's own
        # pattern), then the others as one ``regex`` union: a union matches somewhere in the
        # sentence exactly when one of its alternatives does, so the answer is the one search's.
        # In one ``regex`` union the count gate's opening class made the engine try every
        # position (19.5 ms a real-news pass over 4,102 cue sentences; as two, 12.0 ms).
        self.figure_gate_rest = plain_pattern("|".join(f"(?:{p})" for p in (
            regex.escape(PERCENT_WORD), self.zero.pattern,
            self.county_exit.pattern, self.named_county_exit.pattern, self.list_heading.pattern)))

    def figure_gate(self, text: str, start: int, end: int) -> tuple[bool, Optional[int]]:
        """(whether text[start:end] holds one of the patterns a figure's analyses start from (see
        ``figure_gate_rest``), where its first quantity can start or None): the count gate's one
        search answers both (the sentence's quantity scan starts there, :func:`_counted_figures`)."""
        first = self.quantity_gate.first_start(text, start, end)
        return first is not None or self.figure_gate_rest.search(text, start, end) is not None, first

    def negated_before(self, text: str, end: int) -> bool:
        """Whether a negation (rules negations: 尚未, 未 …) and at most two characters end at
        ``end``: 未摘帽, 尚未完全脱贫, 没有脱贫的. Looks back ``negation_reach`` characters only."""
        return _ends_at(self.negated, self.negation_reach, text, end)


def _ends_at(pattern: regex.Pattern, reach: int, text: str, end: int) -> bool:
    """Whether ``pattern`` (anchored with $) matches text that ends at ``end`` and starts at
    most ``reach`` characters before it: every look-back before a cue has this one shape,
    so a cue repeated along one long line costs the same each time."""
    return pattern.search(text, max(0, end - reach), end) is not None


@cache
def load_rules(folder: Folder = None) -> FigureRules:
    return FigureRules(folder)


class SentenceClauses:
    """One sentence of the text, for the clause around a number in it. The clause marks
    are found once per sentence, when a number first asks (most cue sentences have
    none); each number's clause is then a bisection."""

    def __init__(self, text: str, s_start: int, s_end: int, window: int = 10 ** 9,
                 layout_spaces: str = "") -> None:
        self.text = text
        self.window = window   # how much of a clause each side of a number is read
        self.s_start = s_start
        self.s_end = s_end
        self._layout_spaces = layout_spaces

    @cached_property
    def spaced(self) -> bool:
        """Whether the sentence has layout spaces (全县 贫困人口 12000 人): its clauses are
        then read without them, as the cue patterns are written."""
        sentence = self.text[self.s_start:self.s_end]   # sliced once, not once a space character
        return any(c in sentence for c in self._layout_spaces)

    @cached_property
    def _drop_spaces(self) -> dict[int, None]:
        # built only for a sentence with layout spaces (most cue sentences have none)
        return dict.fromkeys(map(ord, self._layout_spaces))

    def unspaced(self, s: str) -> str:
        return s.translate(self._drop_spaces) if self.spaced else s

    def read(self, lo: int, hi: int) -> str:
        """The text [lo, hi) as the cue patterns are written: without layout spaces."""
        return self.unspaced(self.text[lo:hi])

    def lead(self, start: int, width: int) -> str:
        """The text before ``start`` back to the previous clause's start, at most ``width``
        characters (for a partitive or a heading there)."""
        return self.read(max(self.previous_clause_start(start), start - width), start)

    @cached_property
    def marks(self) -> list[int]:
        return [m.start() for m in _CLAUSE_MARK.finditer(self.text, self.s_start, self.s_end)]

    def clause_bounds(self, start: int, end: int) -> tuple[int, int]:
        """[start of the clause holding ``start``, end of the clause holding ``end``)."""
        i = bisect.bisect_left(self.marks, start)
        lo = self.marks[i - 1] + 1 if i else self.s_start
        j = bisect.bisect_left(self.marks, end)
        hi = self.marks[j] if j < len(self.marks) else self.s_end
        return lo, hi

    def clause(self, start: int, end: int) -> tuple[str, str]:
        """Text of the clause before ``start`` and after ``end`` (to the clause end)."""
        lo, hi = self.clause_bounds(start, end)
        before, after = self.text[max(lo, start - self.window):start], self.text[end:min(hi, end + self.window)]
        return (self.unspaced(before), self.unspaced(after)) if self.spaced else (before, after)

    def next_clause(self, end: int) -> str:
        """The clause after the one holding ``end`` (empty at the sentence end)."""
        j = bisect.bisect_left(self.marks, end)
        if j >= len(self.marks):
            return ""
        hi = self.marks[j + 1] if j + 1 < len(self.marks) else self.s_end
        return self.read(self.marks[j] + 1, hi)

    def previous_clause_start(self, start: int) -> int:
        """Where the clause before the one holding ``start`` starts."""
        i = bisect.bisect_left(self.marks, start)
        return self.marks[i - 2] + 1 if i >= 2 else self.s_start

    def previous_clause(self, start: int) -> str:
        """The clause before the one holding ``start`` (empty at the sentence start)."""
        i = bisect.bisect_left(self.marks, start)
        if not i:
            return ""
        lo = self.marks[i - 2] + 1 if i >= 2 else self.s_start
        return self.read(lo, self.marks[i - 1])


def _exit_in(pattern: regex.Pattern, rules: FigureRules, window: str) -> Optional[bool]:
    """True for an exit cue, False for a negated one, None for none."""
    found = None
    for m in pattern.finditer(window):
        if rules.negated_before(window, m.start()):
            return False
        found = True
    return found


def _cue_before(pattern: regex.Pattern, rules: FigureRules, before: str) -> Optional[bool]:
    """An exit cue ending the text before a count (此前已经退出贫困序列的16个; 未摘帽的6个), or
    joined to it by 的 over the provinces the counted counties are in (申请脱贫摘帽的中西部20个省区市125个)."""
    tail = before[-rules.cue_before_count_window:]
    found = None
    for m in pattern.finditer(tail):
        if rules.cue_before_count_gap.fullmatch(tail, m.end()):
            found = not rules.negated_before(before, len(before) - len(tail) + m.start())
    return found


def _cue_before_list(pattern: regex.Pattern, rules: FigureRules, before: str) -> Optional[bool]:
    """An exit cue joined by 的 to a list of names that ends right before the count (此次退出的
    赫章县、望谟县等9个): the cue is the count's (False when negated: 尚未摘帽的…等6个)."""
    tail = before[-rules.listed_before_count_window:]
    last = None
    for m in pattern.finditer(tail):
        last = m
    if last is None or not rules.listed_after_cue.match(tail, last.end()):
        return None
    return not rules.negated_before(before, len(before) - len(tail) + last.start())


def _count_of_noun_before(rules: FigureRules, before: str, after: str,
                          lead: str = "") -> tuple[bool, Optional[str]]:
    """A count whose noun comes before it: (decided, metric). ``lead``: the text before
    the count back into the clause before (a partitive across a comma)."""
    part = rules.partitive_before.search(lead or before)
    if part and not rules.county_head.match(after) and not rules.village_head.match(after):
        # 75个贫困县中36个实现脱贫摘帽: a part of the units just counted, by its exit cue;
        # 832个贫困县中，还有52个未摘帽: a part not yet exited is a stock of them
        county = "县" in part["noun"]
        state = _exit_in(rules.county_exit if county else rules.village_exit, rules, after)
        if state:
            return True, ("counties_delisted" if county else "villages_exited")
        if state is False:
            return True, ("poor_counties" if county else "poor_villages")
        return True, None
    part = rules.part_exit_before.search(before)
    if not part and lead and rules.part_exit_verb_before.search(before):
        part = rules.part_exit_lead_noun.search(lead)   # 66个…重点县，截至2018年底已脱贫出列33个
    if part and not rules.county_head.match(after) and not rules.village_head.match(after):
        # 832个贫困县已摘帽436个: the part that exited, counted after its verb
        return True, ("counties_delisted" if "县" in part["noun"] else "villages_exited")
    noun_before = rules.unit_noun_before.search(before)
    if noun_before and (not after or after[0] in "、，,。；;）)（(" or rules.change_word.match(after)
                        or rules.unit_noun_share_after.match(after)):
        # 共有贫困村97个 / 贫困村80个（并村后68个） / 贫困村由120个减少到30个
        # the noun with the words right before it: 累计退出贫困村13个, 全国脱贫摘帽贫困县达436个
        phrase = before[max(0, noun_before.start() - rules.cue_before_noun):]
        if rules.former_units_before.search(before, 0, noun_before.start()):
            return True, None   # 共有原贫困村45个: the units the poverty was (F8)
        county = "县" in noun_before["noun"]
        if county:
            return True, ("counties_delisted" if _exit_in(rules.county_exit, rules, phrase) else "poor_counties")
        state = _exit_in(rules.village_exit, rules, phrase)
        return True, ("villages_exited" if state else "poor_villages")
    return False, None


#: Brackets right after a count open its breakdown (punctuation, not a rule).
_BRACKET_OPENERS = "（("


def _unit_head(rules: FigureRules, after: str) -> Optional[tuple[bool, regex.Match, str]]:
    """The county or village head a count counts (whether a county, its match in the
    window, the phrase up to it), read in the ``head_window`` characters after the count up to
    another number or another counted thing; None if there is none."""
    if after[:1] in _BRACKET_OPENERS:
        return None   # 行政村达到543个（其中建档立卡贫困村数158个）: the brackets break the count down, its head is before
    window = rules.head_modifiers.sub(lambda m: "#" * len(m.group()), after[:rules.head_window])
    stop = _DIGIT_OR_GE.search(window)
    if stop:
        window = window[:stop.start()]
    other = rules.other_head_before.search(window)
    if other:
        window = window[:other.start()]   # 2438个扶贫工作队驻村; 17个属于贫困县品牌
    c = rules.county_head.search(window)
    v = rules.village_head.search(window)
    if not c and not v:
        return None
    county = bool(c) and (not v or c.start() < v.start())
    head = c if county else v
    return county, head, window[:head.end()]


def _classify_count(rules: FigureRules, before: str, after: str, q: Quantity,
                    following: str = "", lead: str = "") -> Optional[str]:
    decided, metric = _count_of_noun_before(rules, before, after, lead)
    if decided:
        return metric
    shared = rules.shared_head_after.match(after)
    if shared:
        after = after[shared.end():]   # 24个和9个贫困县脱贫出列: the later count's head and cue
    found = _unit_head(rules, after)
    if found is None:
        return None
    county, head, phrase = found
    if rules.reporter_visit_before.search(before):
        return None   # 记者深入…20个贫困县: the places a reporter visits (F6)
    if county and rules.county_blockers.search(phrase):
        return None   # 8个省市的贫困县: provinces
    if rules.non_poor_unit.search(phrase):
        return None   # 7个非贫困县: the units that are not poor; 50个脱贫县: those already lifted
    after_head = after[head.end():]   # untrimmed; ``rest`` below loses brackets and later counts
    if rules.counted_after_head.match(after_head):
        return None   # 18个有贫困县的省份: provinces
    rest = _cue_words_after_head(rules, before, after_head)
    if rest is None:
        rest, following = "", ""   # 在全国592个贫困县当中，兰考县…率先退出: the exit is the part's
    exit_pattern = rules.county_exit if county else rules.village_exit
    if rules.part_after_exit.match(after_head) or rules.share_after_exit.match(after_head):
        # 832个贫困县已摘帽436个, 832个贫困县有一半摘帽: the exit is the part's; this one is the stock
        return "poor_counties" if county else "poor_villages"
    state = _exit_in(exit_pattern, rules, phrase + rest)
    if state is None:
        state = _cue_before(exit_pattern, rules, before)
    if state is None and county and before.endswith("等"):
        state = _cue_before_list(exit_pattern, rules, before)
    if state is None and county and not _DIGIT.search(following) \
            and not rules.exclusion_before.search(before):
        # 283个贫困县通过省级评估检查，由省级人民政府宣布脱贫摘帽: the next clause's cue
        state = _exit_in(rules.county_exit, rules, following) or None
    if not county and not state and _project_sites(rules, before + rest.split("、")[0]) \
            and not rules.full_coverage_after.match(rest) and not rules.full_coverage_before.search(before) \
            and not rules.area_helpers_before.search(before) and not rules.whole_area_units_before.search(before):
        return None   # a project's villages; but 811名工作队员奔赴未脱贫的80个贫困村 and 全县240个贫困村 are the area's
    if county and not state and (rules.county_reach.search(before) or rules.county_reach_after.match(rest)
                                 or rules.threshold_after_count.match(after_head)):
        return None   # 151个贫困县接入电商网络; 走访100多个贫困县; 逾100个贫困县达到1亿元
    if not state and _selected(rules, before, after):
        return None   # a selection or a programme's targets (F3, F10)
    poor = bool(rules.poor_marker.search(phrase)) or state is not None \
        or bool(rules.copula_poor_after.match(rest))   # 5个县区为国家级贫困县
    if county:
        if state:
            return "counties_delisted"
        return "poor_counties" if poor else None
    if state:
        return "villages_exited"
    return "poor_villages" if poor else None


def _cue_words_after_head(rules: FigureRules, before: str, after_head: str) -> Optional[str]:
    """The words after a count's head that may hold its own exit cue: without a breakdown in brackets and up to
    another count; None when the count is the whole a part is taken from (…贫困县当中，X县…退出)."""
    if rules.whole_set_after.match(after_head):
        return None
    rest = after_head
    if "（" in before and "）" not in before[before.rindex("（"):] and "）" in rest:
        rest = rest[rest.index("）") + 1:]   # 41个贫困县（20个国定贫困县、21个…）脱贫摘帽
    rest = _BRACKETED.sub("", rest)
    rest = _UNCLOSED_BRACKET.sub("", rest)   # 88个贫困县（已摘帽61个，…）: the breakdown's cues are its own
    other = _DIGIT.search(rest)
    if other and not rules.people_count_after_head.match(rest) and not rules.joined_county_count_after_head.match(rest):
        rest = rest[:other.start()]   # 54个贫困村的2245户8564人脱贫: the cue is the later count's
    return rest


def _selected(rules: FigureRules, before: str, after: str) -> bool:
    """Units picked by a threshold (7个贫困人口在5000人以上的县份, 贫困发生率在10%—30%的4个贫困村: F3), out of a
    larger set (在原定县包乡中确定1个贫困村) or named as a programme's targets (为21个贫困村…安排专项资金: F10):
    not the area's stock."""
    return bool(rules.threshold_selected_after.match(after) or rules.threshold_selected_before.search(before)
                or rules.selected_from_before.search(before) or rules.unit_target_before.search(before))


def _project_sites(rules: FigureRules, window: str) -> bool:
    """Villages a programme reaches (project_cues) or whose projects it counts (village_project:
    实施5个…重点村建设项目, 列入整村推进扶贫的21个贫困村)."""
    return bool(rules.project.search(window) or rules.village_project.search(window))


def _remaining(rules: FigureRules, before: str, after: str) -> bool:
    if rules.remaining.search(before.split("、")[-1]):   # 剩余17个贫困县摘帽、…22万人口脱贫
        return True
    return any(a in before and b in after for a, b in rules.remaining_pair)


def _people_state(rules: FigureRules, before: str, after: str) -> Optional[str]:
    """'remaining', 'exit' or None for a person/household count."""
    if _remaining(rules, before, after):
        return "remaining"
    m = rules.people_exit.search(after)
    if m:
        if rules.negated_before(after, m.start()):     # 没有脱贫的3000人: still to lift
            return "remaining"
        return "exit"
    if rules.people_exit_before.search(before) and not rules.change_to.search(before):
        return "exit"
    if rules.exit_solved_after.match(after) and rules.exit_solved_before.search(before):
        return "exit"   # 解决了8亿人的贫困问题: their poverty solved
    return None


def _people_noun(rules: FigureRules, after: str, households: bool) -> tuple[Optional[bool], str]:
    """Whether a poor noun follows a people or household count (None: the count is of
    something else, a threshold or other people), and the text after it that holds its cue
    (a household count's people count is skipped: 50户贫困户共200人摘掉了穷帽)."""
    noun = False
    if households:
        if rules.threshold_after_households.match(after):
            return None, after   # 贫困户50户以上(含50户)的贫困村: a threshold selecting villages (F3)
        chained = rules.person_then.match(after)
        m = rules.households_after.match(after)
        if m:
            noun = not m["weak"]
            people = rules.people_of_households.match(after[m.end():])
            if people:   # the people's cue is the households' too
                after = after[:m.end()] + after[m.end() + people.end():]
        elif rules.copula_people_after.match(after):
            noun = True   # 其中300户为贫困户。
        elif chained:
            m2 = rules.people_after.match(chained["rest"])
            noun = bool(m2) and not m2["weak"]
            after = chained["rest"]
        return noun, after
    if rules.threshold_after_people.match(after):
        return None, after   # 剩余贫困人口超过1万人的拟摘帽县: a threshold, not a count
    if rules.other_people_after.match(after):
        return None, after   # 43.5万名第一书记: people of another kind
    if rules.copula_people_after.match(after):
        return True, after   # 全村608人，428人为贫困人口。
    m = rules.people_after.match(after)
    return bool(m) and not m["weak"], after


def _classify_people(rules: FigureRules, before: str, after: str, households: bool,
                     previous: str = "", written: str = "", following: str = "",
                     lead: str = "") -> Optional[str]:
    if (rules.threshold_before.search(before) or rules.threshold_word.match(written)) \
            and rules.threshold_tail.match(after):
        return None   # 贫困人口超过1000人和贫困发生率超过10%的共1113个贫困村: a threshold
    if rules.at_risk.search(before[-10:] + after[:6]):
        return None   # 边缘户589户2019人、脱贫监测户738户: groups at risk (convention F3)
    if rules.named_group_before.search(before) or rules.organisation_group_lead.search(lead or before):
        return None   # 王某等5名脱贫户: a group named in the story; 扶贫车间里，12名贫困群众… / 公司…有35个…贫困户: one
        # organisation's people (F2, F9)
    if rules.copula_people_after.match(after) and rules.group_partitive.search(lead):
        return None   # 33名员工里25人是贫困户: a part of another group, not the area's poor
    if households and rules.household_part_after_exit.match(after):
        return "poor_households"   # 86户贫困户已脱贫80户: the households, then the part that exited
    noun, after = _people_noun(rules, after, households)
    if noun is None:
        return None
    if not noun and rules.noun_before.search(before):
        noun = True
    other = _next_number(rules, after)
    owned = rules.counts_owned_after.match(after)
    listed_rest = ""
    if other:
        if after[:other.start()].endswith("、"):
            listed_rest = after[other.start():]   # 551万农村贫困人口、50多个贫困县尚未摘帽
        after = after[:other.start()]   # 84名队员组成的14支…: later cues belong to later counts
    state = _people_state(rules, before, after)
    if state is None and listed_rest and rules.listed_remaining.search(listed_rest):
        state = "remaining"   # a list of counts sharing one "not yet lifted" predicate (F24)
    if state is None and rules.collective_exit_next.match(following):
        state = "exit"   # 共有8户21人，如今都已脱贫
    if state is None and owned:
        return None   # 572户贫困户的580个心愿: who a campaign reached
    if state == "remaining" and households:
        # no remaining-households metric in SPEC 5: households not yet lifted are a stock
        # (convention F5: 还有536户1388人尚未脱贫 → 536 poor households)
        return "poor_households"
    if state == "remaining":
        return "remaining_poor"
    if state == "exit":
        if rules.exit_credited_before.search(before) or rules.exit_credited_after.match(after) \
                or rules.exit_credited_helper.search(before) or rules.partner_people_before.search(before) \
                or (rules.exit_helper_opens.match(before) and rules.exit_helper_in_lead.search(lead)) or (
                before.startswith(rules.subset_words) and rules.project.search(previous)):
            return None   # 带动776户2780人脱贫; 1.1万人依靠芒果产业告别贫困; 纳入低保…其中1693万人脱贫;
            # 直销点…，预计能帮助1000多人脱贫 (F2)
        return "households_lifted" if households else "people_lifted"
    if not noun:
        return None
    if rules.whole_area_before.search(before) or rules.area_helpers_before.search(before):
        # 为全村75户贫困户分红: all of them; 14.5万名党员干部与16万贫困户结对认亲: all the area's (F13)
        return "poor_households" if households else "poor_population"
    if rules.project.search(before + after):
        return None
    if rules.helped_before.search(before) or _reached_unowned(rules, before):
        return None   # 为189万建档立卡贫困人口建立…; 选聘100万贫困人口担任护林员; 向首批…820户贫困户发放贷款 (F9)
    if before.startswith(rules.subset_words) and rules.project.search(previous):
        return None   # 在外劳务人员超过3.1万人，其中建档立卡贫困人口2625人: part of another group
    return "poor_households" if households else "poor_population"


def _reached_unowned(rules: FigureRules, before: str) -> bool:
    """Whether a households/people count is what a helper reached, not an area's own (F9, F13): a
    reach frame (向, 为, 与, 帮扶 …) before it in its clause with no owner (全村, 有, 由 …) after the last one
    and no whole area (全省党员干部与…) before it."""
    last = None
    for last in rules.reach_frame.finditer(before):
        pass
    return last is not None and not rules.reach_owner.search(before, last.end()) \
        and not rules.reach_whole_area.search(before, 0, last.start())


def _next_number(rules: FigureRules, after: str) -> Optional[regex.Match]:
    """The first digit after a count that starts another number, a year inside the count's clause skipped
    (193户1111人已于2020年实现全部脱贫: the exit cue is the count's); None when there is none."""
    for m in _DIGIT.finditer(after):
        k = m.start()
        if k and after[k - 1].isdigit():
            continue   # inside a number already passed over
        if not (rules.year_in_clause.match(after, k) and not _CLAUSE_MARK.search(after, 0, k)):
            return m
    return None


def _classify_percent(rules: FigureRules, ctx: SentenceClauses, q: Quantity, before: str, after: str) -> Optional[str]:
    head = ctx.read(max(ctx.s_start, q.start - rules.rate_window), q.start)
    last = None
    for m in rules.rate_noun.finditer(head):
        last = m
    if _defined_standard(rules, ctx, q, before):
        return None   # 标准…即贫困发生率低于3%; 应低于2%的标准: the exit rule quoted, not a result (F3)
    if last is None and (_share_exits(rules, ctx, q, before, after) or rules.share_exit_after.match(after)
                         or rules.share_exit_before.search(before)):   # 贫困人口将减少85%以上
        return "exit_rate"   # 95%左右的贫困人口将实现脱贫; 占全部贫困县的52.4%; 百分之百脱贫
    if rules.threshold_after_rate.match(rules.rate_range_rest.sub("", after)):
        return None   # 贫困发生率超过5%的县; 在10%—30%的4个贫困村: a threshold
    if q.text.endswith(rules.rate_bound_words) \
            and rules.rate_as_standard.match(ctx.text, q.end, min(ctx.s_end, q.end + rules.rate_standard_window)):
        return None   # 贫困发生率降至2%以下…是贫困县退出的衡量标准: the rule, not a result (F3)
    if last is not None:
        metric = rules.rates.get(last.group())
        between = head[last.end():]
        if not metric or rules.rate_breakers.search(between):
            return None
        if _CLAUSE_MARK.search(between) and not rules.change_to.search(before) \
                and not rules.rate_label_between.fullmatch(between) \
                and not rules.rate_parallel_between.match(between + _QUALIFIER_WORDS.match(q.text).group()):
            return None   # 贫困发生率高，当地有5.6%的居民患有包虫病: another clause's number
        return metric
    if rules.people.match(after) and _remaining(rules, before, after):
        return "remaining_poor"
    return None


def _defined_standard(rules: FigureRules, ctx: SentenceClauses, q: Quantity, before: str) -> bool:
    """A rate bound (2%以下, 低于3%) that its sentence defines as a standard before it (标准…即…, “一低于”指…) or
    calls a standard right after it (…的标准)."""
    bound = q.text.endswith(rules.rate_bound_words) or q.text.startswith(rules.rate_bound_heads) \
        or rules.rate_bound_before.search(before)
    if not bound:
        return False
    return bool(rules.rate_standard_defined_before.search(ctx.text, ctx.s_start, q.start)
                or rules.rate_standard_after.match(ctx.text, q.end, ctx.s_end))


def _share_exits(rules: FigureRules, ctx: SentenceClauses, q: Quantity, before: str, after: str) -> bool:
    """A percentage that is the share of the poor (people, counties, villages) that exit."""
    share = rules.share_of_poor_after.match(after)
    if share:   # 95%左右现行标准的贫困人口将实现脱贫; 90%以上的贫困县将实现摘帽
        rest = after[share.end():]
        return bool(_exit_in(rules.people_exit, rules, rest) or _exit_in(rules.county_exit, rules, rest))
    if rules.share_of_poor_before.search(before):   # 436个贫困县脱贫摘帽，占全部贫困县的52.4%
        return bool(_exit_in(rules.county_exit, rules, ctx.previous_clause(q.start)))
    return False


class _Anchor(NamedTuple):
    """A place the text names, in order: a unit (official name and level) or a scope
    word (全省, 全县, 该州) whose unit is the last one of its level named before it. (A
    named tuple: an article makes dozens, and a frozen dataclass takes 3× as long to build.)"""

    start: int
    end: int
    surface: str
    name: Optional[str]     # official name; None for a scope word
    level: str              # nation | province | prefecture | county | a scope word's level
    province: Optional[str] = None
    prefecture: Optional[str] = None


_RANK = {"nation": 0, "region": 1, "province": 1, "prefecture": 2, "county": 3}


class PlaceScope:
    """Where each figure is (SPEC 5 ``place``), built once per article from the counties
    stage's facts (county mentions, provinces and prefectures named) and the scope words
    of ``rules/figures.yaml``; each question is then a bisection and a bounded look-back.

    The place of a figure is the nearest place named before it in its paragraph (its own
    sentence first), else the article's subject: the most specific unit of its title,
    else 全国 when the article names no unit but the nation. A scope word (全省, 全县)
    stands for the last unit of its level named before it (else the subject when that is
    of the level). A helper (深圳市对口帮扶…) is not where a figure is, and a count it is
    the subject of is none (F19: ``helper_count``). A count of
    counties is above county level; a figure about a village or township (村里, 鄂坪乡)
    is in the last county named before it."""

    def __init__(self, article: Article, rules: FigureRules) -> None:
        text = article.text
        anchors = _scope_anchors(article, rules)
        self.starts = [a.start for a in anchors]
        self.ends = sorted((a.end, k) for k, a in enumerate(anchors) if a.name)
        self._text, self._helper_after, self._anchors, self._helper = text, rules.helper_after_place, anchors, {}
        self._rules, self._helper_names = rules, None
        self.counted = [_counted(rules, text, a) for a in anchors]
        # 铜川市印台区: a prefecture written right before its county is part of its name
        self.prefix = [a.level != "county" and k + 1 < len(anchors) and anchors[k + 1].start == a.end
                       for k, a in enumerate(anchors)]
        # 甘孜州、阿坝州和凉山州木里县: a unit in a list of units is one of several; a figure
        # after the list is about their common parent (the province)
        self.listed = [_in_list(text, anchors, k, rules.place_list_joiners) for k in range(len(anchors))]
        for k in range(1, len(anchors)):   # 和凉山州木里县: a listed prefix lists its county
            if self.prefix[k - 1] and self.listed[k - 1]:
                self.listed[k] = True
        self.list_parent = _list_parents(text, anchors, self.listed, self.prefix, rules.place_list_joiners)
        _region_member_lists(article, rules, anchors, self.list_parent)
        self.subject = self._subject(article, anchors, self.counted, self.prefix, rules.title_max_chars)
        # 全国/我国 said before a figure that nothing else places: a national review piece
        self.first_nation = next((a.start for a in anchors if a.level == "nation"), None)
        # one pass: each scope word takes the latest unit that fits its level
        self.units: list[Optional[tuple[str, str, Optional[str]]]] = []   # (name, level, province)
        self.named_at: list[int] = []   # where each unit is named (a scope word: its unit's name)
        latest: dict[str, tuple[int, tuple]] = {}
        for a in anchors:
            if a.name is None:
                fits = [latest[k] for k in rules.scope_fits[a.level] if k in latest]
                best = max(fits) if fits else None
                unit = best[1] if best else None
                named_at = best[0] if best else -1
                if unit is None and self.subject is not None and \
                        _fit_keys(self.subject) & set(rules.scope_fits[a.level]):
                    unit = (self.subject.name, self.subject.level, self.subject.province)
                self.units.append(unit)
                self.named_at.append(named_at)
                continue
            unit = (a.name, a.level, a.province)
            self.units.append(unit)
            self.named_at.append(a.start)
            for key in _fit_keys(a):
                latest[key] = (a.start, unit)
        county_idx = [i for i, u in enumerate(self.units) if u and u[1] == "county"]
        self.county_starts = [self.starts[i] for i in county_idx]
        self.county_units = [self.units[i] for i in county_idx]
        self._article = article
        self.village_mentions: dict[str, list] = {}   # _village_mentions, per village

    def _section_heads(self, article: Article, rules: FigureRules) -> tuple[list[int], list[tuple[str, str]]]:
        """(start, unit) of each heading line that names exactly one unit (鹿心社代表（广西壮族自治区党委书记）
        heading one speaker's part of a compilation): a line no longer than ``heading_max_chars``
        with no sentence end, whose named units (not the nation, not a scope word) are one."""
        starts: list[int] = []
        units: list[tuple[str, str]] = []
        text = article.text
        for a, b in article.index.paragraphs:
            if not _heading_line(rules, text[a:b]):
                continue
            lo, hi = bisect.bisect_left(self.starts, a), bisect.bisect_left(self.starts, b)
            unit = _one_place([self._anchors[k] for k in range(lo, hi)
                               if self._anchors[k].name and self._anchors[k].level != "nation" and self.units[k]])
            if unit is not None:
                starts.append(a)
                units.append(unit)
        return starts, units

    @cached_property
    def _sections(self) -> tuple[list[int], list[tuple[str, str]]]:
        # read on the first question of section_unit: most articles' figures are placed
        # before it is asked (every paragraph of the article is looked at)
        return self._section_heads(self._article, self._rules)

    def section_unit(self, paragraph_start: int) -> Optional[tuple[str, str]]:
        """The unit of the last one-unit heading line before ``paragraph_start``, if any."""
        section_starts, section_units = self._sections
        k = bisect.bisect_left(section_starts, paragraph_start)
        return section_units[k - 1] if k else None

    def helper(self, k: int) -> bool:
        """Whether anchor ``k`` is a unit named as a helper (深圳市对口帮扶…): asked only of
        the few anchors a figure looks back at, so found on the first question."""
        found = self._helper.get(k)
        if found is None:
            a = self._anchors[k]
            found = self._helper[k] = bool(a.name and self._helper_after.match(self._text, a.end))
        return found

    def helper_count(self, pos: int, sentence_start: int, lookback: int) -> bool:
        """Whether the count at ``pos`` is a helper's (convention F19): the nearest unit named
        before it in its sentence is a helper, named as one there (深圳对口帮扶地区共有建档立卡贫困人口…)
        or elsewhere in the article (深圳成立9个督战小组…聚焦未摘帽的6个贫困县), so the count is of its
        unnamed partner areas, no place's. A helped area named after the helper is nearer and
        keeps the count (深圳市对口帮扶河源，帮助12万贫困人口脱贫); 全国 heading a count of provinces
        (深圳先后与全国17个省区市的100余县开展帮扶合作) is that group, not a place."""
        i = bisect.bisect_left(self.starts, pos)
        for j in range(i - 1, max(-1, i - 1 - lookback), -1):
            if self.starts[j] < sentence_start:
                return False
            unit, a = self.units[j], self._anchors[j]
            if unit is None or (a.level == "nation" and self._rules.several_provinces.match(self._text, a.end)):
                continue
            # a scope word is the unit's own territory (福建对口帮扶宁夏。福建全省还有贫困人口5万人)
            return a.name is not None and (self.helper(j) or unit[0] in self.helper_names())
        return False

    def named_between(self, lo: int, hi: int) -> bool:
        """Whether a unit or a scope word is named starting in ``[lo, hi)``."""
        i = bisect.bisect_left(self.starts, lo)
        return i < len(self.starts) and self.starts[i] < hi

    def helper_names(self) -> set[str]:
        """The units the article names as a helper by ``article_helper_after`` (深圳对口帮扶工作),
        built once, on the first count whose sentence names a unit before it."""
        if self._helper_names is None:
            starts = self.starts   # 闽宁对口扶贫协作: a pair's name is two anchors at one place, both sides
            self._helper_names = {a.name for k, a in enumerate(self._anchors)
                                  if a.name and a.level != "nation"
                                  and starts[k - 1:k] != [a.start] != starts[k + 1:k + 2]
                                  and self._rules.article_helper_after.match(self._text, a.end)}
        return self._helper_names

    @staticmethod
    def _subject(article: Article, anchors: list[_Anchor], counted: list[bool], prefix: list[bool],
                 title_max: int) -> Optional[_Anchor]:
        paragraphs = article.index.paragraphs
        head_end = paragraphs[0][1] if paragraphs and paragraphs[0][1] - paragraphs[0][0] <= title_max else 0
        title = article.title or ""
        units = [a for a in anchors if a.name and a.level != "nation"]
        # a unit the title counts (黑龙江省…甘南等5县(市)脱贫摘帽: 甘南 is the first of the five) is not its subject,
        # nor a prefecture written as part of a counted county's name (陕西省铜川市印台区等29个贫困县)
        counted = [c or (p and counted[k + 1] and anchors[k + 1].level == "county")
                   for k, (c, p) in enumerate(zip(counted, prefix))]
        in_title = [a for a, is_counted in zip(anchors, counted) if a.name and a.level != "nation" and not is_counted
                    and (a.start < head_end or (title and a.surface in title))]
        if in_title:
            return max(in_title, key=lambda a: _RANK[a.level])   # 广西博白 → 博白县
        if not units:
            return next((a for a in anchors if a.level == "nation"), None)
        return None

    def county_before(self, pos: int, window: int) -> tuple[Optional[str], Optional[str]]:
        """The last county named within ``window`` characters before ``pos``."""
        k = bisect.bisect_left(self.county_starts, pos)
        if k and pos - self.county_starts[k - 1] <= window:
            return self.county_units[k - 1][:2]
        return None, None

    def unit_ending_near(self, pos: int, gap: int) -> Optional[tuple[str, str]]:
        """The unit whose name ends at most ``gap`` characters before ``pos`` (甘南|采日玛村)."""
        k = bisect.bisect_right(self.ends, (pos, len(self.ends)))
        if k and pos - self.ends[k - 1][0] <= gap:
            unit = self.units[self.ends[k - 1][1]]
            return unit[:2] if unit else None
        return None

    def county_after(self, pos: int, end: int, lookahead: int) -> Optional[tuple[str, str]]:
        """The first county named after ``pos`` and before ``end`` (a paragraph that opens
        with a quote and names its county after it), at most ``lookahead`` anchors on.
        Only a county: a province or prefecture later in the paragraph is as often a
        helper or a comparison (闽宁镇's 闽) as the figure's place."""
        i = bisect.bisect_left(self.starts, pos)
        for j in range(i, min(len(self.starts), i + lookahead)):
            if self.starts[j] >= end:
                break
            unit = self.units[j]
            if unit is None or self.helper(j) or unit[1] != "county" or self.listed[j]:
                continue
            return unit[:2]
        return None

    def unit_at(self, pos: int, sentence_start: int, paragraph_start: int, lookback: int, *,
                above_county: bool = False, in_village: bool = False,
                county_count: Optional[Decimal] = None, paragraph_end: Optional[int] = None
                ) -> tuple[Optional[str], Optional[str]]:
        """(official name, level) of the place at ``pos``; (None, None) when none."""
        found = self._look_back(pos, sentence_start, paragraph_start, lookback, above_county, county_count)
        if found[0] is not False and found[2] is not None and self.named_at[found[2]] < paragraph_start \
                and paragraph_end is not None and not above_county:
            # 村里 standing for a county of an earlier paragraph, while this one names its own
            # county after the figure (“去年村里又脱贫40多户……”…甘肃镇原县…书记说)
            found = (self.county_after(pos, paragraph_end, lookback) or found[0],) + found[1:]
        if found[0] is not False:
            return found[0]
        skipped = found[1]
        if paragraph_end is not None and not above_county:
            ahead = self.county_after(pos, paragraph_end, lookback)
            if ahead:
                return ahead   # “去年村里又脱贫40多户……”眼看…甘肃镇原县…村党支部书记说
        if in_village and not above_county:
            k = bisect.bisect_left(self.county_starts, pos)
            if k:
                return self.county_units[k - 1][:2]
        section = self.section_unit(paragraph_start)
        if section is not None and not (above_county and section[1] == "county"):
            return section   # a compilation's part headed by one unit: 鹿心社代表（广西壮族自治区党委书记）
        subject = self.subject
        if subject is not None and not (above_county and subject.level == "county"):
            return subject.name, subject.level
        if skipped is not None and skipped[2]:
            return skipped[2], "province"    # 鄂伦春旗等20个贫困旗县 → 内蒙古自治区
        if subject is None and self.first_nation is not None and self.first_nation < pos:
            return "全国", "nation"   # a national piece: its paragraphs of stories name no unit
        return None, None

    def _look_back(self, pos: int, sentence_start: int, paragraph_start: int, lookback: int,
                   above_county: bool, county_count: Optional[Decimal]):
        """(the nearest unit named before ``pos`` in its paragraph, or False when none; the
        first county skipped for a count of counties; the anchor found, or None)."""
        i = bisect.bisect_left(self.starts, pos)
        skipped: Optional[tuple] = None
        for j in range(i - 1, max(-1, i - 1 - lookback), -1):
            if self.starts[j] < paragraph_start:
                break
            unit = self.units[j]
            if unit is None:
                continue
            if self.helper(j):
                if self.starts[j] >= sentence_start:
                    # a helper is not where its sentence's figures are: a count it is the subject of
                    # is dropped before this (helper_count, F19); what still comes here (a delisting
                    # it frames, a 其中 part read with the sentence before) is placed nowhere
                    return (None, None), skipped, None
                continue
            if self.counted[j]:
                skipped = skipped or unit
                continue
            if self.listed[j]:
                parent = self.list_parent[j].unit(county_count)   # the items' common parent, or none
                if parent[0] is None and county_count is not None and self._nation_before(j, sentence_start):
                    parent = ("全国", "nation")   # 全国来看…包括南部县在内、江西井冈山、河南兰考…等28个贫困县
                return parent, skipped, None
            if above_county and (unit[1] == "county" or self.prefix[j]):
                skipped = skipped or unit
                continue
            return unit[:2], skipped, j
        return False, skipped, None


    def region_counting(self, pos: int, sentence_start: int, lookback: int, county_count: Decimal) -> Optional[str]:
        """The region named nearest before a count of counties in its sentence, when it heads the count (民族八省(区)共有…，
        113个少数民族县属于深度贫困县) — not one the count is outside of or a member of (“三区三州”外的中西部169个深度贫困县)."""
        found, _, j = self._look_back(pos, sentence_start, sentence_start, lookback, True, county_count)
        if not found or found[1] != "region" or j is None:
            return None
        a = self._anchors[j]
        last = self._text.rfind(a.surface, a.end, pos)   # written again nearer, where it is no anchor (…外的)
        end = a.end if last < 0 else last + len(a.surface)
        return None if self._rules.region_not_head_after.match(self._text, end) else found[0]

    def _nation_before(self, k: int, sentence_start: int) -> bool:
        """Whether the sentence names the nation before anchor ``k`` (a scope word or 中国 of
        the nation): counties listed across provinces after it are counted nationwide."""
        for j in range(k - 1, -1, -1):
            if self.starts[j] < sentence_start:
                return False
            if self._anchors[j].level == "nation":
                return True
        return False


def _one_place(anchors: list[_Anchor]) -> Optional[tuple[str, str]]:
    """(name, level) of the one place that named anchors write: one unit, or a chain of units each
    inside the next (内蒙古赤峰市阿鲁科尔沁旗 heading its part of a compilation is the banner); None for
    none or for two places side by side."""
    if not anchors:
        return None
    deepest = max(anchors, key=lambda a: _RANK.get(a.level, 0))
    outer = (deepest.province, deepest.prefecture)
    if all(a.name == deepest.name or a.name in outer for a in anchors):
        return deepest.name, deepest.level
    return None


def _heading_line(rules: FigureRules, line: str) -> bool:
    """Whether a paragraph reads as a heading line: at most ``heading_max_chars`` characters
    and no sentence end."""
    return len(line.strip()) <= rules.heading_max_chars and not _SENTENCE_END.search(line)


def _scope_anchors(article: Article, rules: FigureRules) -> list[_Anchor]:
    """Every place the text names, in order (:class:`PlaceScope`'s anchors): county mentions, provinces
    and prefectures, a province's named region (四川藏区), scope words, 中国 as the nation, and named
    regions (三区三州, 民族八省区); a parent in a location phrase after its unit dropped."""
    text = article.text
    anchors = [_Anchor(mn.span[0], mn.span[1], mn.text, c.name, "county", c.province, c.prefecture)
               for c in article.facts.get("counties") or [] if c.adcode
               for mn in getattr(c, "mentions", [])]
    places = article.facts.get("places") or []
    anchors += [_Anchor(p.start, p.end, p.text, p.name, p.level, p.province,
                        p.name if p.level == "prefecture" else None)
                for p in places]
    province_start_by_end = {p.end: p.start for p in places if p.level == "province"}
    for p in places:   # 四川藏区: a province's region, as named (after the province, so found first)
        area = rules.province_region.match(text, p.end) if p.level == "province" else None
        if area and _region_owns_or_heads(rules, text, p.start, area.end(), province_start_by_end):
            anchors.append(_Anchor(p.start, area.end(), text[p.start:area.end()], text[p.start:area.end()],
                                   "region"))
    for m in rules.scope_word.finditer(text):
        if rules.scope_word_object_before.search(text, max(0, m.start() - 2), m.start()):
            continue   # 落实全省…政策: the province's policy, carried out by the clause's subject
        level = rules.scope_levels[m.group()]
        if level == "nation" and _nation_in_background(rules, text, m.start(), m.end()):
            continue
        anchors.append(_Anchor(m.start(), m.end(), m.group(),
                               "全国" if level == "nation" else None, level))
    anchors += [_Anchor(m.start(), m.end(), m.group(), "全国", "nation")
                for m in rules.nation_in_context.finditer(text)   # 中国8亿多贫困人口
                if not rules.scope_word_member_of.match(text, m.end())   # 河北是中国…的省份之一
                and not _nation_in_background(rules, text, m.start(), m.end())]
    anchors += [_Anchor(a, b, text[a:b], rules.region_name_drops.sub("", text[a:b]), "region")
                for a, b in _named_region_spans(rules, text, province_start_by_end)]   # 三区三州, 民族八省区 (as named)
    anchors.sort(key=lambda a: a.start)
    return _without_location_phrases(article, rules, anchors)


def _nation_in_background(rules: FigureRules, text: str, start: int, end: int) -> bool:
    """Whether the nation word at ``start:end`` is named in a comparison, a ranking or a location
    phrase (居全国…第二位, 占全国…的32.5%, 地跨中国六盘山): the clause's figures stay its subject's. A count
    right after it stays the nation's (针对全国160个…县), unless a count of provinces (居全国31个省)."""
    if not rules.nation_background_before.search(text, max(0, start - 3), start):
        return False
    return not rules.nation_background_count_after.match(text, end) \
        or bool(rules.several_provinces.match(text, end))


def _counted(rules: FigureRules, text: str, a: _Anchor) -> bool:
    """Whether the unit named at ``a`` is what a count of counties right after it counts, not
    the place of the figures after it: 西吉县1个贫困县; 甘南等5县(市), a prefecture's name (甘南县
    read as 甘南州) listed first among the counted counties."""
    if a.level == "county":
        return bool(rules.counted_after_place.match(text, a.end))
    return a.level == "prefecture" and bool(rules.counted_after_listed_place.match(text, a.end))


def _without_location_phrases(article: Article, rules: FigureRules, anchors: list[_Anchor]) -> list[_Anchor]:
    """Drop a parent named in a location phrase right after a more specific unit of the same
    sentence (乐山市位于四川盆地西南部; 固原市地处宁夏南部山区): the sentence stays about the unit."""
    kept: list[_Anchor] = []
    for a in anchors:
        last = kept[-1] if kept else None
        if last is not None and last.name and a.name and a.level in _RANK and last.level in _RANK \
                and _RANK[last.level] > _RANK[a.level] \
                and rules.location_before.search(article.text, max(0, a.start - 4), a.start) \
                and article.index.sentence_of(last.start) == article.index.sentence_of(a.start):
            continue
        kept.append(a)
    return kept


def _list_parents(text: str, anchors: list[_Anchor], listed: list[bool], prefix: list[bool],
                  joiners: str) -> list[Optional["_ListParent"]]:
    """For each listed anchor, the units that hold every item of its list (the prefecture
    they share, the province they share; None for either when there is none), with the
    number of counties the list names; None for an anchor in no list."""
    groups: list[list[int]] = []
    for k, a in enumerate(anchors):
        if not listed[k]:
            continue
        joined = k and listed[k - 1] and groups and groups[-1][-1] == k - 1 and (
            prefix[k - 1] or (anchors[k - 1].name and 0 < a.start - anchors[k - 1].end <= 1
                              and text[anchors[k - 1].end:a.start] in joiners))
        if joined:
            groups[-1].append(k)
        else:
            groups.append([k])
    parents: list[Optional[_ListParent]] = [None] * len(anchors)
    for group in groups:
        items = [anchors[k] for k in group if anchors[k].name]
        prefectures = {a.prefecture for a in items}
        provinces = {a.province if a.level != "province" else a.name for a in items}
        parent = _ListParent(
            next(iter(prefectures)) if len(prefectures) == 1 else None,
            next(iter(provinces)) if len(provinces) == 1 else None,
            sum(a.level == "county" for a in items))
        for k in group:
            parents[k] = parent
    return parents


@dataclass(frozen=True)
class _ListParent:
    prefecture: Optional[str]
    province: Optional[str]
    counties: int            # how many counties the list names
    region: Optional[str] = None   # the named region the list spells out (四川藏区包含甘孜州、阿坝州…)

    def unit(self, county_count: Optional[Decimal]) -> tuple[Optional[str], Optional[str]]:
        """The place of a figure after the list: the region it spells out, else their
        prefecture, else their province; a count of more counties than the list names
        (平舆、确山等14个贫困县) reaches beyond their prefecture, so it takes the province."""
        if self.region:
            return self.region, "region"
        if self.prefecture and (county_count is None or county_count <= self.counties):
            return self.prefecture, "prefecture"
        if self.province:
            return self.province, "province"
        return None, None


def _region_member_lists(article: Article, rules: FigureRules, anchors: list[_Anchor],
                         parents: list[Optional["_ListParent"]]) -> None:
    """A list of units opened by a membership verb after a named region of its sentence (四川藏区包含
    甘孜州、阿坝州和凉山州木里县32个贫困县; 西海固地区…其囊括了西吉、原州…等9个贫困县区) spells the
    region out: the figures after the list are the region's (rules ``region_members_before``)."""
    if all(b.level != "region" for b in anchors):
        return   # most articles name no region
    text = article.text
    for k, parent in enumerate(parents):
        if parent is None or (k and parents[k - 1] is parent):
            continue   # only a list's first item opens it
        a = anchors[k]
        if not rules.region_members_before.search(text, max(0, a.start - rules.region_members_reach), a.start):
            continue
        region = _region_named_since(anchors, k, article.index.sentence_of(a.start)[0])
        if region is not None:
            shared = dataclasses.replace(parent, region=region.name)
            for j in range(k, len(parents)):
                if parents[j] is not parent:
                    break
                parents[j] = shared


def _region_named_since(anchors: list[_Anchor], k: int, start: int) -> Optional[_Anchor]:
    """The last named region before anchor ``k`` that starts at or after ``start`` (its sentence's
    start): the anchors are in text order, so the look back stops at the first one before ``start``."""
    for j in range(k - 1, -1, -1):
        if anchors[j].start < start:
            return None
        if anchors[j].level == "region":
            return anchors[j]
    return None


def _in_list(text: str, anchors: list[_Anchor], k: int, joiners: str) -> bool:
    """Whether anchor ``k`` is an item of a list of units (甘孜州、阿坝州和凉山州)."""
    a = anchors[k]
    before = anchors[k - 1] if k else None
    after = anchors[k + 1] if k + 1 < len(anchors) else None
    if before is not None and before.name and 0 < a.start - before.end <= 1 \
            and text[before.end:a.start] in joiners:
        return True
    return after is not None and after.name and 0 < after.start - a.end <= 1 \
        and text[a.end:after.start] in joiners


def _fit_keys(a: _Anchor) -> frozenset[str]:
    """What a unit can stand for: its level, and its level with its name's ending (全市
    is a prefecture or a county-level 市; 全区 a 市辖区 or an autonomous region)."""
    return _fit_keys_of(a.name, a.level)


@lru_cache(maxsize=1024)
def _fit_keys_of(name: Optional[str], level: str) -> frozenset[str]:
    # remembered: an article names the same few units again and again
    keys = {level}
    for ending in ("市", "区", "县", "旗", "州"):
        if name and name.endswith(ending):
            keys.add(f"{level}:{ending}")
    return frozenset(keys)


def _delisting_cues(rules: FigureRules, sentence: str):
    """The county exit cues of the sentence that are not negated (退出 only with 贫困 right
    after it, or after an approval: 现批准退出)."""
    for m in rules.county_exit.finditer(sentence):
        if rules.negated_before(sentence, m.start()):
            continue
        if m.group() == "退出" and rules.county_exit_lower_unit_after.match(sentence, m.end()):
            continue   # 退出贫困村8个: villages leave the register, not the county
        if m.group() == "退出" and "贫困" not in sentence[m.end():m.end() + 6] \
                and not ((_ends_at(rules.approved_exit_before, rules.approved_exit_reach,
                                   sentence, m.start())
                          or _ends_at(rules.approved_exit_object_before,
                                      rules.approved_object_window, sentence, m.start()))
                         and rules.approved_exit_after.match(sentence, m.end())):
            continue   # 退出条件 is no exit; 现批准退出 is; 申请退出低保 is not
        yield m


def _delisting_cue(rules: FigureRules, sentence: str) -> Optional[regex.Match]:
    """The first of :func:`_delisting_cues`, or None."""
    return next(_delisting_cues(rules, sentence), None)


def _delisting_scope(rules: FigureRules, sentence: str, cue: regex.Match) -> int:
    """Where the counties a cue delists start: the cue's clause (丹巴县如期退出贫困县序列,
    not every county of a sentence that ends in 实现脱贫摘帽奔向小康); when the cue opens
    its clause, the clause before; and earlier clauses that are lists of counties."""
    clauses = [m.end() for m in _CLAUSE_MARK.finditer(sentence[:cue.start()])]
    lo = clauses[-1] if clauses else 0
    if ((cue.start() - lo <= rules.delisting_cue_opens_clause
         or rules.delisting_date_only_lead.fullmatch(sentence, lo, cue.start())) and len(clauses) >= 1
            and not rules.delisting_named_unit.search(sentence[lo:cue.start()])):
        lo = clauses[-2] if len(clauses) >= 2 else 0
    while True:
        prev = [c for c in clauses if c < lo]
        if not prev and lo == 0:
            break
        start_prev = prev[-1] if len(prev) >= 1 and prev[-1] < lo else 0
        if len(prev) >= 2:
            start_prev = prev[-2]
        seg = sentence[start_prev:lo]
        if len(rules.delisting_list_item.findall(seg)) >= 2:
            lo = start_prev
        else:
            break
        if start_prev == 0:
            break
    ends = list(rules.delisting_list_end.finditer(sentence, 0, cue.start()))
    if ends:   # 十堰市郧阳区、…、通城县等17个贫困县，均符合…，现批准退出: the whole list
        lo = min(lo, max([c for c in clauses if c <= ends[-1].start()], default=0))
        # 甲县，乙县，丙县等3个县: earlier clauses that are one county's name each
        earlier = [0] + [c for c in clauses if c < lo]
        while earlier and rules.delisting_comma_item.match(sentence, earlier[-1], lo - 1):
            lo = earlier.pop()
    return lo


def _named_delistings(rules: FigureRules, article: Article, ctx: SentenceClauses,
                      seen: set[str], county_mentions: list[tuple[int, int, str]],
                      scope: Callable[[], "PlaceScope"]) -> list[tuple[str, int, int]]:
    """Counties named in a sentence with a county exit cue: [(name, start, end)], for each
    cue of the sentence (申请退出的85个贫困县…，平山县、桐梓县等85个贫困县实现脱贫摘帽);
    when the first cue's scope names none and nothing else is delisted there (2018年，通过
    国家评估验收，脱贫摘帽), the county the sentence is about."""
    sentence = ctx.text[ctx.s_start:ctx.s_end]
    found: list[tuple[str, int, int]] = []
    named_any = False
    cues = list(_delisting_cues(rules, sentence))
    named_cues = [c for c in _named_county_cues(rules, ctx, county_mentions)
                  if not any(c.start() < d.end() and d.start() < c.end() for d in cues)]
    if named_cues:   # 四川丹巴、石渠实现脱贫: 脱贫 with an adverb right after a county's name
        cues = sorted(cues + named_cues, key=lambda c: c.start())
    for k, cue in enumerate(cues):
        if k >= rules.cues_per_sentence:
            break
        goal_clause = _goal_clause(rules, sentence, cue)
        if goal_clause is not None and not rules.delisting_goal_reached.search(goal_clause):
            continue   # 围绕景东脱贫摘帽目标…把工作做好: a goal worked towards, no exit stated
        named, more = _named_in_scope(rules, article, ctx, cue, seen, county_mentions)
        found += more
        named_any = named_any or named
        if k == 0 and not named_any and (goal_clause is None or rules.delisting_goal_own.search(goal_clause)
                                         or not rules.delisting_other_subject.search(sentence, 0, cue.start())):
            found += _subject_delisting(rules, article, ctx, cue, seen, scope)
    return found


def _goal_clause(rules: FigureRules, sentence: str, cue: regex.Match) -> Optional[str]:
    """When the cue names a goal or task (脱贫摘帽目标, 贫困县摘帽的任务): its clause up to the cue, which
    must reach it (实现, 完成) for an exit; to delist the county the text is about, that clause names the
    county as the one reaching it (确保全县如期实现2020年脱贫摘帽目标) or the sentence before the cue names no
    other subject (凉山彝族自治州州委书记表示：…把如期完成脱贫摘帽任务作为…: the prefecture's task). Else None."""
    if not rules.delisting_goal_after.match(sentence, cue.end()):
        return None
    marks = [m.end() for m in _CLAUSE_MARK.finditer(sentence, 0, cue.start())]
    return sentence[marks[-1] if marks else 0:cue.start()]


def _named_county_cues(rules: FigureRules, ctx: SentenceClauses,
                       county_mentions: list[tuple[int, int, str]]):
    """脱贫 with an adverb of completion right after a county mention of the sentence, in
    whatever form the county is written (丹巴、石渠实现脱贫; 井冈山市率先脱贫): a delisting cue
    (county_exit's own 脱贫 cue needs 县 written before it)."""
    starts = _starts_of(county_mentions)
    lo, hi = bisect.bisect_left(starts, ctx.s_start), bisect.bisect_left(starts, ctx.s_end)
    if lo == hi:
        return   # most sentences name no county
    sentence = ctx.text[ctx.s_start:ctx.s_end]
    for a, b, _ in county_mentions[lo:hi]:
        m = rules.named_county_exit.match(sentence, b - ctx.s_start)
        if m:
            yield m


def _named_in_scope(rules: FigureRules, article: Article, ctx: SentenceClauses, cue: regex.Match,
                    seen: set[str], county_mentions: list[tuple[int, int, str]]
                    ) -> tuple[bool, list[tuple[str, int, int]]]:
    """(whether the cue's scope names a county, the ones not seen before)."""
    sentence = ctx.text[ctx.s_start:ctx.s_end]
    limit = ctx.s_start + cue.start()
    first = ctx.s_start + _delisting_scope(rules, sentence, cue)
    colon = rules.cue_then_colon.match(sentence, cue.end())
    if colon:
        # 下列县退出贫困县序列：甲县、乙县: the counties after the colon, to the sentence's end
        first, limit = ctx.s_start + colon.end(), ctx.s_end
    elif members := next((m for marker, pattern in rules.member_lists
                          if marker in sentence and (m := pattern.match(sentence, cue.end()))), None):
        # 批准全省17个县退出贫困县序列，松潘县、九寨沟县…6个县位列其中: the members listed after the cue;
        # 14个脱贫摘帽县区中，龙胜、资源…9个县为…: the counties named as members of the delisted group
        first, limit = ctx.s_start + members.start("list"), ctx.s_start + members.end("list")
    elif rules.cue_as_attribute.match(sentence, cue.end()) and not rules.cue_one_of_after.match(sentence, cue.end()):
        # 2019年拟脱贫摘帽的正安县、水城县…: the counties the cue qualifies follow it
        limit = ctx.clause_bounds(limit, ctx.s_start + cue.end() + 1)[1]
    if not article.facts.get("counties"):   # none confirmed (平舆、确山等14个): read the list
        found = _listed_names(rules, ctx.text, first, limit, seen)
        return bool(found), found
    found = []
    named = False
    starts = _starts_of(county_mentions)
    for a, b, name in county_mentions[bisect.bisect_left(starts, first):
                                      bisect.bisect_left(starts, limit)]:
        if b <= limit:
            if rules.helper_after_place.match(ctx.text, b, limit):
                continue   # 大兴区对口帮扶的正镶白旗…脱贫摘帽: the helper is not delisted
            if rules.lower_unit_after_county.match(ctx.text, b, limit):
                continue   # 兰考县张庄村去年脱贫摘帽: the village exits, not its county
            named = True
            if name not in seen:
                found.append((name, a, b))
                seen.add(name)
    return named, found


#: The current article's county mention list and its starts (the list itself is kept, so
#: that its id cannot be reused by the next article's list while the entry stands).
_STARTS: list[tuple[list, list[int]]] = []


def _starts_of(county_mentions: list[tuple[int, int, str]]) -> list[int]:
    """The start offsets of an article's sorted county mentions, computed once per list."""
    if not _STARTS or _STARTS[0][0] is not county_mentions:
        _STARTS[:] = [(county_mentions, [m[0] for m in county_mentions])]   # one article at a time
    return _STARTS[0][1]


def _followup_listed(rules: FigureRules, text: str, previous_start: int, s_start: int, s_end: int,
                     county_mentions: list[tuple[int, int, str]], seen: set[str]
                     ) -> list[tuple[str, int, int]]:
    """…拟退出贫困县序列。这5个县包括：甲县、乙县: a sentence opening with the list head
    (rules delisting_followup) after a sentence with a county exit cue lists the delisted."""
    head = rules.delisting_followup.match(text, s_start, s_end)
    if head and _delisting_cue(rules, text[previous_start:s_start]):
        return _counties_in(county_mentions, head.end(), s_end, seen)
    return []


def _counties_in(county_mentions: list[tuple[int, int, str]], lo: int, hi: int,
                 seen: set[str]) -> list[tuple[str, int, int]]:
    """The county mentions in text[lo:hi] not seen before (each marked seen)."""
    starts = _starts_of(county_mentions)
    found = []
    for a, b, name in county_mentions[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi)]:
        if name not in seen:
            seen.add(name)
            found.append((name, a, b))
    return found


def _subject_delisting(rules: FigureRules, article: Article, ctx: SentenceClauses,
                       cue: regex.Match, seen: set[str], scope: Callable[[], "PlaceScope"]
                       ) -> list[tuple[str, int, int]]:
    """2018年，通过国家评估验收，脱贫摘帽: the county the sentence is about, when the cue's
    clause (and the one before) says nothing else exits and states the delisting."""
    text, sentence = ctx.text, ctx.text[ctx.s_start:ctx.s_end]
    limit = ctx.s_start + cue.start()
    lead = text[ctx.clause_bounds(ctx.previous_clause_start(limit), limit)[0]:limit]
    if rules.delisting_other_subject.search(lead) or rules.delisting_person_subject.search(lead) \
            or not rules.delisting_stated.search(lead + cue.group()) \
            or rules.delisting_generic_after.match(sentence, cue.end()) \
            or _named_person_exits(rules, article, ctx.clause_bounds(limit, limit)[0], limit):
        return []
    place, level = scope().unit_at(limit, ctx.s_start, article.index.paragraph_of(limit)[0],
                                   rules.place_lookback)
    if level != "county":
        place, level = scope().county_before(limit, rules.delisting_county_window)
    if level == "county" and place not in seen:
        seen.add(place)
        return [(place, limit, ctx.s_start + cue.end())]
    return []


def _named_person_exits(rules: FigureRules, article: Article, clause_start: int, cue_start: int) -> bool:
    """A person the persons stage named in the cue's clause, with only a time or an adverb before
    the cue (马世辉2016年脱贫摘帽): the household's exit, not the county's delisting."""
    persons = article.facts.get("persons")
    if not persons:
        return False
    ends, spans = _mentions_by_end(persons)
    text = article.text
    # only mentions ending inside the clause: each cue reads its own clause's names, not the article's
    return any(clause_start <= start and rules.delisting_person_link.match(text[end:cue_start])
               for end, start in spans[bisect.bisect_left(ends, clause_start):bisect.bisect_right(ends, cue_start)])


@memo_by_identity(maxsize=4)
def _mentions_by_end(persons: list) -> tuple[list[int], list[tuple[int, int]]]:
    """Every person mention's (end, start), sorted by end, with the ends apart for bisect: sorted
    once an article, so each delisting cue looks only at its clause (cues × mentions was quadratic)."""
    spans = sorted((m.span[1], m.span[0]) for p in persons for m in p.mentions)
    return [end for end, _ in spans], spans


def _listed_names(rules: FigureRules, text: str, first: int, limit: int,
                  seen: set[str]) -> list[tuple[str, int, int]]:
    """Fallback without the counties stage: list items ending in a county suffix, or bare
    items before 等N个."""
    found: list[tuple[str, int, int]] = []
    head = text[first:limit]
    for m in _LIST_ITEM.finditer(head):
        item = m.group()
        item = rules.delisting_item_lead.sub("", item)
        item = _FROM_DIGIT.sub("", item)   # 察隅县2018年底实现脱贫 → 察隅县
        item = rules.delisting_item_tail.sub("", item)
        bare_list = rules.delisting_list_end.search(m.group()) or \
            _ENUM_COMMA.match(text[m.end() + first:m.end() + first + 1] or "x")
        item = rules.admin_prefix.sub("", item)
        if not (2 <= len(item) <= 9) or _NOT_A_COUNTY_ITEM.search(item):
            continue
        a = first + m.start()
        if text[a - 1:a] == "“" and text[a + len(m.group()):a + len(m.group()) + 1] == "”":
            continue   # “五县一区”: a quoted label, not a county's name
        if item in rules.not_county:
            continue
        if rules.suffix.search(item) or (bare_list and _in_list_before_deng(rules, head, m)):
            if item.endswith("市") and not item.endswith("县级市"):
                # a prefecture city (凉山州/遵义市) is not delisted; county-level cities are
                # rare in such lists and need the counties stage.
                if _DENG_OR_COMMA.search(head[m.end():m.end() + 1]) is None:
                    continue
            if item not in seen:
                seen.add(item)
                a = first + m.start()
                found.append((item, a, a + len(m.group())))
    return found


def _in_list_before_deng(rules: FigureRules, head: str, m: regex.Match) -> bool:
    """平舆、确山等14个贫困县: bare names in a 、-list that ends in 等N个."""
    end = rules.delisting_list_end.search(head, m.start())
    return bool(end) and not _CLAUSE_END.search(head[m.start():end.start()])


def _metric_of(rules: FigureRules, ctx: SentenceClauses, q: Quantity,
               before: str, after: str) -> Optional[str]:
    """The SPEC 5 metric of one number, by its unit and its clause; None if not a figure."""
    if q.unit in rules.percent_units or q.unit == "%":
        return _classify_percent(rules, ctx, q, before, after)
    if q.unit == "":
        metric = _apposition_metric(rules, ctx, q)
        if metric:
            return metric   # 8239万——这是6年累计减贫人数
        if rules.lifted_noun_before.search(before):
            return "people_lifted"   # 每年减贫人数都保持在1200万以上
    following = ctx.next_clause(q.end)
    if q.unit in rules.count_units:
        m = rules.households_after.match(after)
        lead = ctx.lead(q.start, rules.lead_window)
        if m and not m["weak"]:   # 35个建档立卡贫困户: households counted with 个
            return _classify_people(rules, before, after, True, "", q.text, following, lead)
        return _classify_count(rules, before, after, q, following, lead) or _bracketed_part(rules, ctx, q)
    if q.unit in rules.county_units:   # 祁东县等7县市区脱贫摘帽; 三县退出贫困县
        return _classify_count(rules, before, q.unit + after, q, following)
    previous = ctx.previous_clause(q.start) if before.startswith(rules.subset_words) else ""
    lead = ctx.lead(q.start, rules.lead_window)
    if q.unit in rules.household_units:
        return _classify_people(rules, before, after, True, previous, q.text, following, lead)
    if q.unit in rules.person_units:
        metric = _classify_people(rules, before, after, False, previous, q.text, following, lead)
        if metric == "poor_population" and rules.remaining_exists.search(lead) \
                and rules.planned_full_exit.search(ctx.read(q.end, ctx.s_end)):
            return "remaining_poor"   # 还有…7308名贫困人口,…,要在2017年底前全部脱贫 (F5)
        return metric
    if q.unit == "" and rules.households_after.match(after) and not rules.households_after.match(after)["weak"]:
        return _classify_people(rules, before, after, True, previous, q.text, following, lead)   # 475万贫困户
    if q.unit == "" and (rules.people_after.match(after) or rules.noun_before.search(before)
                         or rules.people_exit_before.search(before)):
        return _classify_people(rules, before, after, False, previous, q.text, following, lead)
    return None


def _bracketed_part(rules: FigureRules, ctx: SentenceClauses, q: Quantity) -> Optional[str]:
    """823个贫困县（已脱贫433个，未脱贫390个）: a count inside brackets that follow a count of
    poor units is a part of them, by its own cue: an exit gives the exit metric, a negated
    exit or a remaining cue the stock, no cue nothing. (A bounded look back: the bracket
    opens at most ``bracket_part_window`` characters before the count.)"""
    text = ctx.text
    lo = max(ctx.s_start, q.start - rules.bracket_part_window)
    opening = max(text.rfind("（", lo, q.start), text.rfind("(", lo, q.start))
    if opening < 0 or _BRACKET_CLOSE.search(text, opening, q.start):
        return None
    head = rules.bracket_part_head.search(text, max(ctx.s_start, opening - rules.head_window), opening)
    if not head:
        return None
    county = "县" in head["noun"]
    inner = text[max(opening + 1, ctx.clause_bounds(q.start, q.end)[0]):q.start]
    state = _exit_in(rules.village_exit, rules, inner)
    if state:
        return "counties_delisted" if county else "villages_exited"
    if state is False or rules.remaining.search(inner):
        return "poor_counties" if county else "poor_villages"
    return None


def _colon_heading_metric(rules: FigureRules, ctx: SentenceClauses, q: Quantity,
                          before: str, after: str) -> Optional[str]:
    """贫困县退出情况：2017年6个，2018年11个; 退出贫困县名单：甲县、乙县，共2个县: a count that is
    an item of a list after a colon heading naming the unit (and its exit) takes the heading's
    metric, when its own clause names nothing else (a year, 共, the unit). Bounded: the colon
    at most ``colon_list_window`` characters before the count, the heading at most
    ``colon_heading_window`` characters before the colon, both in the sentence."""
    text = ctx.text
    lo = max(ctx.s_start, q.start - rules.colon_list_window)
    colon = max(text.rfind("：", lo, q.start), text.rfind(":", lo, q.start))
    if colon < 0:
        return None   # most numbers: two string searches
    pair = rules.colon_pair_after.match(after) if q.unit in rules.household_units else None
    if pair:   # 贫困户：3562户12563人: the households, then their people
        after = after[pair.end():]
    people = None if pair or q.unit not in rules.person_units else rules.colon_pair_before.search(before)
    if people:
        before = before[:people.start()]   # …and the people after their households
    if not rules.colon_item_before.fullmatch(before) or not rules.colon_item_after.fullmatch(after):
        return None
    m = rules.colon_heading.search(text, max(ctx.s_start, colon - rules.colon_heading_window), colon + 1)
    if not m:
        return None
    metric, units = rules.colon_metrics[(m["noun"], bool(m["exit"]))]
    if people:   # the people of a households label (贫困户：3562户12563人), or of a people label
        return rules.colon_paired_people.get(metric) or (metric if q.unit in units else None)
    if pair and q.unit not in units:
        return rules.colon_paired_households.get(metric)   # 贫困人口：3562户12563人: its households
    return metric if q.unit in units else None


def _apposition_metric(rules: FigureRules, ctx: SentenceClauses, q: Quantity) -> Optional[str]:
    """The metric a dash-and-这是 apposition names for the numbers before it (a bounded
    look at the rest of the sentence: the apposition pattern reads at most a list of
    numbers and 24 characters)."""
    m = rules.apposition_after.match(ctx.text[q.end:min(ctx.s_end, q.end + rules.apposition_window)])
    if not m:
        return None
    return next((metric for pattern, metric in rules.apposition_metrics if pattern.search(m["np"])), None)


def _apposition_list(rules: FigureRules, text: str, s_start: int, s_end: int):
    """2、26、40、125、283——这是…相继宣布摘帽的贫困县: a list of bare numbers opening a
    sentence, named by an apposition: (metric, value, start, end) for each number. (Bare
    numbers carry no unit, so the quantity scan does not see them.)"""
    m = rules.apposition_list.match(text[s_start:min(s_end, s_start + rules.apposition_window)])
    if not m:
        return
    np = rules.apposition_after.match(m.group("tail"))
    metric = np and next((mt for pattern, mt in rules.apposition_metrics if pattern.search(np["np"])), None)
    if not metric:
        return
    for n in _DIGITS.finditer(m.group("numbers")):
        a = s_start + m.start("numbers") + n.start()
        yield metric, Decimal(n.group()), a, a + len(n.group())


def _unit_of(metric: str, q: Quantity) -> Optional[str]:
    """The unit when it is not the metric's own: a share (剩余5%) or households still poor."""
    if metric == "remaining_poor":
        return "%" if q.unit in ("%", "％") else ("户" if q.unit == "户" else "人")
    if metric == "poor_households" and q.unit in ("%", "％"):
        return "%"
    return None


def _rates_down_to_zero(rules: FigureRules, text: str, s_start: int, s_end: int):
    """由2012年的16.8%降至0 / 降为零: (rate metric, position of the zero) for each zero of a rate."""
    if not rules.zero_gate.search(text, s_start, s_end):
        return   # the zero pattern needs one of its zeros: most sentences have none
    for m in rules.zero.finditer(text, s_start, s_end):
        rate = None
        for r in rules.rate_noun.finditer(text, max(s_start, m.start() - rules.rate_window), m.start()):
            rate = rules.rates.get(r.group())
        if rate:
            yield rate, m.end() - 1


def find_figures(article: Article, rules: FigureRules) -> list[PovertyFigure]:
    text = article.text
    ref_year = article.reference_year
    figures: list[PovertyFigure] = []
    seen_counties: set[str] = set()
    county_mentions = sorted((mn.span[0], mn.span[1], c.name)
                             for c in article.facts.get("counties") or []
                             for mn in getattr(c, "mentions", []))
    scope: Optional[PlaceScope] = None

    def place_scope() -> PlaceScope:
        # built on the first figure that needs a place: most cue sentences have none
        nonlocal scope
        if scope is None:
            scope = PlaceScope(article, rules)
        return scope

    def add(metric: str, value: Decimal, a: int, b: int, s_start: int, qualifier=None,
            place=None, unit=None, covered=False):
        if place is None:
            if place_scope().helper_count(a, s_start, rules.place_lookback):
                return   # 深圳对口帮扶地区…已帮助194.36万贫困人口实现脱贫: the helper's partners' (F19)
            place = _place_of(rules, place_scope(), article, metric, value, a, s_start, figures)
        (coverage if covered else figures).append(PovertyFigure(
            metric=metric, value=value, unit=unit or rules.unit_of[metric], text=text[a:b],
            span=(a, b), source_span=article.source_span(a, b), place=place,
            year=year_of(text, max(s_start, a - rules.year_window), a, ref_year, rules.years),
            qualifier=qualifier))

    coverage: list[PovertyFigure] = []   # of the helpers' shape (F10): kept if stated as a stock too
    previous_start = 0   # the sentence before, for a list that names its counties
    heads: set[str] = set()   # counties delisted as the head of a count (栾川等33个县退出贫困县)
    for s_start, s_end in article.sentences:
        named = _followup_listed(rules, text, previous_start, s_start, s_end, county_mentions, seen_counties) \
            if text.startswith(rules.followup_openers, s_start) else []   # 这/上述…: rare
        group_counts = _headed_list(rules, text, s_start, s_end, county_mentions, heads, seen_counties, named) \
            if heads else frozenset()   # only after a delisting named by its head (栾川等33个县退出贫困县): rare
        for name, a, b in named:
            add("counties_delisted", Decimal(1), a, b, s_start, place=name)
        previous_start = s_start
        if not rules.trigger.search(text, s_start, s_end):
            continue
        gated, first = rules.figure_gate(text, s_start, s_end)
        if gated:
            ctx = SentenceClauses(text, s_start, s_end, rules.clause_window, rules.layout_spaces)
            for metric, q, unit, covered in _counted_figures(rules, article, ctx, place_scope, first):
                metric = "counties_delisted" if metric == "poor_counties" and q.start in group_counts else metric
                for value, (a, b) in zip(q.values, q.value_spans):
                    add(metric, value, q.start if len(q.values) == 1 else a, q.end if len(q.values) == 1 else b,
                        s_start, q.qualifier, unit=unit, covered=covered)
        for metric, value, a, b, place in _apposition_figures(rules, article, s_start, s_end, place_scope):
            add(metric, value, a, b, s_start, place=place)   # bare numbers: no gate
        if gated:
            for metric, value, a, b, place in _zeros_and_exits(rules, article, ctx, seen_counties,
                                                               county_mentions, place_scope, heads):
                add(metric, value, a, b, s_start, place=place)
    stated = {(f.metric, f.value) for f in figures} if coverage else set()
    figures += [f for f in coverage if f.metric in rules.coverage_restated_metrics and (f.metric, f.value) in stated]
    figures.sort(key=lambda f: f.span[0])
    return figures


def _headed_list(rules: FigureRules, text: str, s_start: int, s_end: int,
                 county_mentions: list[tuple[int, int, str]], heads: set[str], seen: set[str],
                 listed: list[tuple[str, int, int]]) -> frozenset[int]:
    """关于栾川等33个县退出贫困县的公示 … 栾川县、宜阳县…等19个国定贫困县和伊川县…等14个省定贫困县，已完成…程序: a
    sentence with no exit cue of its own whose list of counties opens with a county delisted earlier as
    the head of a count lists the counties that delisting announced: the list's counties not seen
    before are added to ``listed`` (and marked seen); returned: the starts of the 等N个 counts that
    close its groups. Nothing when no list opens with a head, when the sentence has an exit cue (read
    by its own rules) or when the list is cut by a clause mark before its first 等N个."""
    starts = _starts_of(county_mentions)
    mentions = county_mentions[bisect.bisect_left(starts, s_start):bisect.bisect_left(starts, s_end)]
    opening = next((k for k, (a, b, name) in enumerate(mentions)
                    if name in heads and text.startswith(rules.headed_list_joiner, b)
                    and not text.startswith(rules.headed_list_joiner, a - 1)), None)
    if opening is None or _delisting_cue(rules, text[s_start:s_end]):
        return frozenset()
    lo = mentions[opening][0]
    cut = _CLAUSE_END.search(text, lo, s_end)
    hi = cut.start() if cut else s_end
    ends = list(rules.delisting_list_end.finditer(text, lo, hi))
    if not ends:
        return frozenset()
    listed += _counties_in(county_mentions, lo, ends[-1].end(), seen)
    return frozenset(m.start() + len(rules.delisting_list_end_word) for m in ends)


def _apposition_figures(rules: FigureRules, article: Article, s_start: int, s_end: int,
                        scope: Callable[[], "PlaceScope"]):
    """(metric, value, start, end, place) of a list of bare numbers in apposition (2、26、40、125、283——这是…
    摘帽的贫困县): one place for the whole list. Only a sentence whose opening holds the list's
    separator (``apposition_list_gate``) is read: bare numbers have no count gate."""
    if article.text.find(rules.apposition_list_gate, s_start, min(s_end, s_start + rules.apposition_window)) < 0:
        return
    listed = list(_apposition_list(rules, article.text, s_start, s_end))
    if listed:
        metric0, a0 = listed[0][0], listed[0][2]
        place = _place_of(rules, scope(), article, metric0, max(v for _, v, _, _ in listed), a0, s_start)
        for metric, value, a, b in listed:
            yield metric, value, a, b, place


def _zeros_and_exits(rules: FigureRules, article: Article, ctx: SentenceClauses, seen: set[str],
                     county_mentions: list[tuple[int, int, str]], scope: Callable[[], "PlaceScope"],
                     heads: set[str]):
    """(metric, value, start, end, place or None) of one cue sentence's rates fallen to zero,
    counties it names as delisted, and the list of counties its heading introduces. A county named
    as the head of a count (关于栾川等33个县退出贫困县的公示) goes into ``heads``."""
    text, s_start, s_end = ctx.text, ctx.s_start, ctx.s_end
    for rate, a in _rates_down_to_zero(rules, text, s_start, s_end):
        yield rate, Decimal(0), a, a + 1, None
    for name, a, b in _named_delistings(rules, article, ctx, seen, county_mentions, scope):
        if rules.delisting_list_end.match(text, b):
            heads.add(name)
        yield "counties_delisted", Decimal(1), a, b, name
    if rules.list_heading.search(text, s_start, s_end) and _delisting_cue(rules, text[s_start:s_end]):
        names, counts = _delisting_list(rules, article, s_end, county_mentions, seen)
        for name, a, b in names:
            yield "counties_delisted", Decimal(1), a, b, name
        for value, a, b, place in counts:
            yield "counties_delisted", value, a, b, place


def _helper_area_nouns(rules: FigureRules, text: str, s: int, e: int) -> tuple[list[int], list[float]]:
    """(ends, reach) of the 'helper's areas' nouns of the sentence text[s:e] (对口帮扶地区, F19), in
    order: each noun covers the counts from its end up to where the first word after it, before a
    stop, names a unit as one of those areas (之一, 该县), else to the sentence's end; ``reach[i]``
    is the furthest any of the first i + 1 nouns covers (inf: to the end). A count at ``pos`` is of
    the helper's unnamed areas when ``reach[k - 1] > pos`` for the k nouns ending at or before
    ``pos`` — what searching the noun with a lookahead up to ``pos`` finds, read once per sentence
    and answered by one bisect per count."""
    ends = [m.end() for m in rules.helper_areas_noun.finditer(text, s, e)]
    if not ends:
        return [], []
    stops = [m.start() for m in rules.helper_areas_stop.finditer(text, s, e)]
    named = list(rules.helper_areas_named_after.finditer(text, s, e))
    named_starts = [m.start() for m in named]   # non-overlapping: the first after a noun ends first
    reach: list[float] = []
    for end in ends:
        k = bisect.bisect_left(stops, end)
        stop = stops[k] if k < len(stops) else e
        j = bisect.bisect_left(named_starts, end)
        covers = named[j].end() if j < len(named) and named_starts[j] < stop else math.inf
        reach.append(max(reach[-1], covers) if reach else covers)
    return ends, reach


def _counted_figures(rules: FigureRules, article: Article, ctx: SentenceClauses,
                     scope: Callable[[], "PlaceScope"], first: Optional[int]):
    """(metric, quantity, unit or None) for each number of one sentence that is a figure; ``first``:
    where its first quantity can start (QuantityGate.first_start), None for none."""
    text = article.text
    items = [] if first is None else list(scan(text, rules.pattern, first, ctx.s_end))
    items += list(scan_percent_words(text, ctx.s_start, ctx.s_end))
    items.sort(key=lambda q: q.start)
    last_metric: Optional[str] = None
    last_end = ctx.s_start
    covered_end: Optional[int] = None   # the end of the last count of the helpers' coverage shape
    area_ends: Optional[list[int]] = None   # the helper's-areas nouns, read on the first count that needs them
    area_reach: list[float] = []
    project_ends: Optional[list[int]] = None   # the project nouns' ends, read on the first count that needs them
    whole_start = -1
    backref: Optional[int] = None   # where a count pointing back to a helper's partners starts (F12, F19)
    for q in items:
        if _unreadable(rules, article, q):
            continue
        before, after = ctx.clause(q.start, q.end)
        if rules.per_unit_before.search(before):
            continue   # 每100人脱贫就有70人…: a ratio's unit, not a count
        if q.values == (Decimal(1),) and "一" in q.text:
            continue   # 一户/一人/一个: generic, and a named county gives its own record
        if backref is None and rules.backref_before.search(before) and _partners_before(rules, text, ctx.s_start, q):
            backref = q.start   # 对口帮扶…23个县。这23个贫困县全部脱贫摘帽,45万…脱贫: the partners' figures
        metric = _metric_of(rules, ctx, q, before, after)
        if metric is None and last_metric:
            metric = _chained_metric(rules, text, last_metric, last_end, q)
        if metric is None:
            metric = _colon_heading_metric(rules, ctx, q, before, after)
        if metric is None:
            continue
        covered = metric in rules.coverage_metrics and _helper_coverage(rules, ctx, q, metric, before, after) \
            or (backref is not None and not rules.partner_exit_whole.search(text, backref, q.start))
        if metric in rules.partner_exit_metrics and _names_partners(rules, before, after):
            covered = not rules.partner_exit_whole.search(before + after)   # 10个结对县(区)顺利脱贫; 定点扶贫35个县…退出 (F12)
        if not covered and covered_end is not None and metric in rules.coverage_list_metrics \
                and rules.coverage_list_between.fullmatch(text, covered_end, q.start):
            covered = True   # …77个贫困村,建档立卡贫困户8381户、贫困人口32179人: the helpers' list goes on (F9)
        if not covered and area_ends is None:
            area_ends, area_reach = _helper_area_nouns(rules, text, ctx.s_start, ctx.s_end)
        k = 0 if covered else bisect.bisect_right(area_ends, q.start)
        if k and area_reach[k - 1] > q.start:
            covered = True   # 深圳对口帮扶地区共有建档立卡贫困人口204.01万: one helper's unnamed partner areas (F19)
        if not covered and metric in rules.project_metrics:
            if project_ends is None:
                project_ends = [m.end() for m in rules.project_noun.finditer(text, ctx.s_start, ctx.s_end)]
                whole = rules.coverage_whole.search(text, ctx.s_start, ctx.s_end) if project_ends else None
                whole_start = whole.start() if whole else ctx.s_end
            k = bisect.bisect_right(project_ends, q.start)
            if k and whole_start >= q.start and not scope().named_between(project_ends[k - 1], q.start):
                covered = True   # 实施帮扶项目近1918个,1352个贫困村…受益: what the projects reach (F2, F10)
        covered_end = q.end if covered else covered_end
        yield metric, q, _unit_of(metric, q), covered
        last_metric, last_end = metric, q.end


def _unreadable(rules: FigureRules, article: Article, q: Quantity) -> bool:
    """A number that gives no figure whatever its words: malformed, its digits damaged by a converter
    (河北?。?1个: never guess a value), an ordinal (第7个国家扶贫日), or inside a short quoted name (“五县一区”)."""
    text = article.text
    if isinstance(q, Rejected):
        article.warnings.append(f"figures: skipped malformed number {q.text!r} at {q.start}: {q.reason}")
        return True
    if q.start and text[q.start - 1] in rules.ordinal_before:
        return True
    if q.start and text[q.start - 1] in rules.damaged_before:
        article.warnings.append(f"figures: skipped damaged number {q.text!r} at {q.start}")
        return True
    return _in_quoted_label(rules, text, q)


def _partners_before(rules: FigureRules, text: str, s_start: int, q: Quantity) -> bool:
    """Whether a count that points back (这23个贫困县) repeats a count of a helper's partners in the text
    before it (rules backref_count): the helper's verb, then the same number and 个 (对口帮扶河北省…3市23个县), at most
    ``backref_window`` characters before its sentence (asked only after 这/上述/以上: rare)."""
    number = regex.escape(text[q.start:q.end].rstrip("个"))
    pattern = rules.backref_count.replace("{number}", number)
    return regex.search(pattern, text, pos=max(0, s_start - rules.backref_window), endpos=q.start) is not None


def _names_partners(rules: FigureRules, before: str, after: str) -> bool:
    """Whether an exit count's clause names the counted units as one helper's partners (convention F12):
    by their noun (10个结对县), the helper's verb right before (定点扶贫35个县), or its verb and 的 with their
    place or list between (中山对口帮扶的昭通4个县)."""
    return bool(rules.partner_exit_after.match(after) or rules.partner_exit_before.search(before)
                or rules.partner_exit_relative_before.search(before))


def _helper_coverage(rules: FigureRules, ctx: SentenceClauses, q: Quantity, metric: str,
                     before: str, after: str) -> bool:
    """Whether a count of poor counties or villages is the units one helper, one of its
    programmes or one scheme's helpers reach (convention F10: no figure) rather than an
    area's own stock (rules helper_coverage)."""
    if rules.coverage_counted_helpers_before.search(before) or rules.coverage_listed_partners_before.search(before) \
            or (rules.coverage_paired_each_before.search(before) and rules.coverage_paired_each_after.match(after)):
        helpers = True    # 6家企业结对帮扶天等县10个贫困村; 对口帮扶的甲、乙…四个村; 分别与…结对: even of a designated category
    elif rules.coverage_designated_after.match(after):
        return False   # 支持10个深度贫困县: a category the area designates
    elif metric == "poor_counties" and max(q.values) >= rules.national_counties_min:
        return False   # 963家三级医院与834个贫困县: the nation's whole
    elif rules.coverage_helper_set_after.match(after) or rules.coverage_task_after.match(after):
        return True    # 交通银行三个定点扶贫县; 承担了189个…重点县的结对帮扶任务
    else:
        newly_taken = ctx.read(max(ctx.s_start, q.start - rules.coverage_newly_taken_window), q.start)
        helpers = rules.coverage_newly_taken_before.search(newly_taken) \
            or rules.coverage_verb_before.search(before) or rules.coverage_helpers_with_before.search(before) \
            or (rules.coverage_site_before.search(before) and rules.coverage_site_after.match(after)) \
            or (rules.coverage_part_before.search(before)
                and rules.coverage_part_lead.search(ctx.lead(q.start, rules.lead_window)))
    # all of them (全部, 全覆盖) stay the area's stock whoever helps
    return bool(helpers) and not rules.coverage_whole.search(before + after)


def _named_region_spans(rules: FigureRules, text: str, province_start_by_end: dict[int, int]):
    """(start, end) of each region named so that it owns the figures after it or heads their
    clause: the names listed (三区三州, 西海固), a numeral of provinces' areas (四省藏区), and a
    numbered group after its two-character qualifier (民族八省区, 南疆4地州), in order."""
    spans: set[tuple[int, int]] = set()
    for word in rules.named_region_word.finditer(text):   # 省区, 地州, 藏区…: the names are tried just before
        # a lexicon name found whole is tried where it stands (三区三州, 西海固); a grammar word from a few before
        lo = word.start() if word.group() in rules.named_region_names else word.start() - rules.named_region_head_max
        for start in range(max(0, lo), word.start() + 1):
            region = _region_at(rules, text, start, province_start_by_end)
            if region and region[1] >= word.end():
                spans.add(region)
                break
    return sorted(spans)


def _region_at(rules: FigureRules, text: str, start: int,
               province_start_by_end: Optional[dict[int, int]] = None) -> Optional[tuple[int, int]]:
    """The (start, end) of a named region matched from ``start`` that owns the figures after it
    or heads their clause: a name listed or a numeral of provinces' areas (三区三州, 四省藏区), or
    a numbered group with its two-character qualifier read back before ``start`` (民族|八省区)."""
    region = rules.named_regions.match(text, start)
    span = region.span() if region is not None else None
    if span is None and start >= 2 and rules.region_qualifier.fullmatch(text, start - 2, start):
        numbered = rules.numbered_region.match(text, start)
        if numbered is not None:
            span = start - 2, numbered.end()
    if span is not None and _region_owns_or_heads(rules, text, span[0], span[1], province_start_by_end or {}):
        return span
    return None


def _region_owns_or_heads(rules: FigureRules, text: str, start: int, end: int,
                          province_start_by_end: dict[int, int]) -> bool:
    """Whether the region named at ``text[start:end]`` owns the figures after it (“三区三州”还有…)
    or heads its clause whatever its verb (其中，南疆4地州累计脱贫…; 曾经…的宁夏西海固去年…): only a
    time, a linking word or a 的-modifier before it in the clause (after a province named right
    before it), and no list word, exception or membership after it (rules ``named_region_*``)."""
    if rules.region_owns.match(text, end):
        return True
    if rules.region_not_head_after.match(text, end):
        return False
    lead_end = province_start_by_end.get(start, start)
    lo = max(0, lead_end - rules.region_clause_reach)
    last = None
    for last in _CLAUSE_MARK.finditer(text, lo, lead_end):
        pass   # the last mark a clause starts after, before the region's lead ends
    if last is None and lo > 0:
        return False   # no clause start within reach: a long lead is no lead
    return bool(rules.region_clause_lead.fullmatch(text, last.end() if last else 0, lead_end))


def _names_region(rules: FigureRules, text: str, provinces: "re.Match") -> bool:
    """Whether a count of provinces (八省区, 四省) is part of a region's name that owns the figures
    after it (民族八省区, 四省藏区; rules ``named_region_numbered``, ``named_region_areas``)."""
    return _region_at(rules, text, provinces.start()) is not None


def _provinces_not_group(rules: FigureRules, text: str, provinces: "re.Match") -> bool:
    """Whether a count of provinces is no group the figures after it belong to: a region's name
    that does not own them (地跨中国六盘山和四省藏区…，有42个贫困县), or the nation's provinces a ranking
    names (居全国31个省(区、市)第二位，其中…减少744万人: rules ``nation_background_before``)."""
    if rules.named_regions.match(text, provinces.start()):
        return True
    nation = rules.nation_word_before.search(text, max(0, provinces.start() - 4), provinces.start())
    return nation is not None and _nation_in_background(rules, text, nation.start(), nation.end())


def _in_quoted_label(rules: FigureRules, text: str, q: Quantity) -> bool:
    """Whether ``q`` lies inside a short quoted name (“五县一区”): an opening quote before it
    and a closing one after it, at most ``quoted_label_max`` characters apart."""
    lo = max(0, q.end - rules.quoted_label_max - 2)
    opening = text.rfind("“", lo, q.start)
    if opening < 0 or "”" in text[opening:q.start]:
        return False
    closing = text.find("”", q.end, opening + rules.quoted_label_max + 2)
    return closing >= 0


def _place_of(rules: FigureRules, scope: PlaceScope, article: Article, metric: str,
              value: Decimal, pos: int, s_start: int,
              figures: Sequence[PovertyFigure] = ()) -> Optional[str]:
    """The place of one counted figure (see :class:`PlaceScope`); else, for the second number of a
    change, the place of the figure it changes from (``figures``: those found before it)."""
    text = article.text
    village_lo, own_start = None, s_start
    if text.startswith(rules.part_openers, s_start):
        # 桥头村…共有424户1605人。其中，建档立卡贫困户24户: a part of the sentence before, which
        # names what it is a part of (read back from there, within the paragraph)
        s_start = max(article.index.paragraph_of(s_start)[0], article.index.sentence_of(s_start - 1)[0])
    elif s_start and rules.time_continuation_opener.match(text, s_start):
        # 2013年，朱苦拉村共有…。到2018年，贫困人口减贫至10户15人: the same subject later on, its village
        # named in the sentence before (within the paragraph)
        village_lo = max(article.index.paragraph_of(s_start)[0], article.index.sentence_of(s_start - 1)[0])
    lo = max(s_start, pos - rules.village_window)
    counties = metric in rules.county_count_metrics
    # 全国共有贫困县832个，涉及22个省区市。其中，…的西藏，全区74个县全部都是贫困县: a part that names its own unit
    # is not counted over the provinces of the sentence before
    provinces = rules.several_provinces.search(
        text, max(lo, own_start) if own_start > s_start and scope.named_between(own_start, pos) else lo, pos)
    if provinces and (_names_region(rules, text, provinces) or _provinces_not_group(rules, text, provinces)):
        provinces = None   # 民族八省区农村贫困人口…: the region as named (SPEC 5), placed by the scope below
    if provinces:
        return "全国"   # 15个省区市的242个贫困县
    if counties and value > rules.province_county_count_max:
        # 834个贫困县: more than any province has, the nation's — unless a region heads it (民族八省(区)…113个少数民族县)
        return scope.region_counting(pos, s_start, rules.place_lookback, value) or "全国"
    if village_lo is not None and not rules.village_context.search(text, lo, pos):
        lo = village_lo
    in_village = bool(rules.village_context.search(text, lo, pos))
    if in_village and not counties:
        intro = _village_introduced(rules, scope, text, lo, pos)
        if intro:
            return intro[0]   # 采日玛村贫困户人数从… → 甘南, where 甘南采日玛村 was written
    p_start, p_end = _paragraph_with_headings(rules, article, pos)
    place, level = scope.unit_at(pos, s_start, p_start, rules.place_lookback, above_county=counties,
                                 in_village=in_village, county_count=value if counties else None,
                                 paragraph_end=p_end)
    if metric in rules.people_metrics and value >= rules.nation_people_min \
            and level not in ("nation", "province", "region"):
        return "全国"   # 8239万——这是6年累计减贫人数: no province had that many poor
    if place is None and metric in rules.national_batch_metrics \
            and rules.national_batch.search(text, max(s_start, pos - rules.national_batch_reach), pos + rules.national_batch_reach):
        return "全国"   # 第二批申请退出的85个贫困县; 挂牌督战的52个贫困县: the centre's own batch or category
    if place is None and not counties and not in_village:
        # 先进村的贫困户已从…702人 (进村 reads as a verb, not a village context); 三合湾村位于…。2014年建档立卡贫困户89户
        # (the village named in the sentence before): the last village named in the paragraph, written with its
        # county somewhere (平塘县克度镇先进村, 庆城县桐川镇三合湾村), places what nothing else does
        place = (_village_introduced(rules, scope, text, max(p_start, pos - rules.village_paragraph_reach), pos)
                 or (None,))[0]
    return place or _changed_from_place(rules, text, figures, pos, s_start)


def _village_introduced(rules: FigureRules, scope: PlaceScope, text: str, lo: int, pos: int
                        ) -> Optional[tuple[str, str]]:
    """The unit written right before the village named last before ``pos`` (平塘县克度镇先进村): at
    that mention, else at the nearest other mention of the same village before ``pos``, else at the
    first after it (…大古坳村去年成功脱贫31户…图为连南瑶族自治县大坪镇大古坳村); None when no mention has one."""
    name = None
    for m in rules.village_name.finditer(text, lo, pos):
        name = m
    if name is None:
        return None
    end = name.end()
    found = _unit_before_village(rules, scope, text, end)
    if found:
        return found[0]
    written = text[name.start():end]
    before = None
    for at, unit, village in _village_mentions(rules, scope, text, text[end - _VILLAGE_CORE:end]):
        if at + _VILLAGE_CORE != end and written.endswith(village):
            if at < end:
                before = unit
            else:
                return before or unit
    return before


def _village_mentions(rules: FigureRules, scope: PlaceScope, text: str, core: str
                      ) -> list[tuple[int, tuple[str, str], str]]:
    """(start, unit, village as written) of the first ``village_mentions_max`` mentions of ``core``
    (a village's last two characters and 村) written with their unit; once per village and article."""
    found = scope.village_mentions.get(core)
    if found is None:
        found = scope.village_mentions[core] = []
        at, seen = text.find(core), 0
        while at >= 0 and seen < rules.village_mentions_max:
            seen += 1
            unit = _unit_before_village(rules, scope, text, at + _VILLAGE_CORE)
            if unit:
                found.append((at, unit[0], unit[1]))
            at = text.find(core, at + 1)
    return found


def _unit_before_village(rules: FigureRules, scope: PlaceScope, text: str, end: int
                         ) -> Optional[tuple[tuple[str, str], str]]:
    """((name, level) of the county or prefecture written right before the village whose 村 ends at
    ``end``, with at most a township between, the village's own name as written there), or None."""
    k = bisect.bisect_right(scope.ends, (end - _VILLAGE_CORE, len(scope.ends))) - 1
    if k < 0 or scope.ends[k][0] < end - rules.village_unit_reach:
        return None
    unit_end, j = scope.ends[k]
    unit = scope.units[j]
    if unit is None or unit[1] not in rules.village_unit_levels or scope.helper(j):
        return None
    m = rules.village_after_unit.fullmatch(text, unit_end, end - 1)
    return ((unit[0], unit[1]), m.group(1) + "村") if m else None


def _paragraph_with_headings(rules: FigureRules, article: Article, pos: int) -> tuple[int, int]:
    """The paragraph of ``pos``, extended back over the short heading lines right before it
    (江西省白泉村¶第一书记¶夏凌¶…): (start, end)."""
    paragraphs = article.index.paragraphs
    k = article.index.paragraph_index(pos)
    start, end = paragraphs[k]
    for j in range(k - 1, max(-1, k - 1 - rules.headings_max), -1):
        a, b = paragraphs[j]
        if not _heading_line(rules, article.text[a:b]):
            break
        start = a
    return start, end


def _delisting_list(rules: FigureRules, article: Article, pos: int,
                    county_mentions: list[tuple[int, int, str]], seen: set[str]):
    """The paragraphs after a heading such as 第二批85个脱贫摘帽县名单如下: every county
    they name is delisted, and 贵州省(14个) is that province's count; the list ends at the
    first paragraph that names no county (at most ``delisting_list_paragraphs``)."""
    text, index = article.text, article.index
    starts = _starts_of(county_mentions)
    places = sorted(article.facts.get("places") or [], key=lambda p: p.start)
    place_starts = [p.start for p in places]
    names, counts = [], []
    first = index.paragraph_index(pos)
    if index.paragraphs[first][0] < pos:
        first += 1
    for k in range(first, min(first + rules.list_paragraphs, len(index.paragraphs))):
        a, b = index.paragraphs[k]
        lo, hi = bisect.bisect_left(starts, a), bisect.bisect_left(starts, b)
        if lo == hi:
            break
        for s, e, name in county_mentions[lo:hi]:
            if name not in seen:
                seen.add(name)
                names.append((name, s, e))
        for p in places[bisect.bisect_left(place_starts, a):bisect.bisect_left(place_starts, b)]:
            m = rules.list_count.match(text, p.end)
            if m:
                counts.append((Decimal(m["n"]), m.start("n"), m.end("n") + 1, p.name))
    return names, counts


_HOUSEHOLDS_OF = {"poor_population": "poor_households", "people_lifted": "households_lifted"}
_PEOPLE_OF = {v: k for k, v in _HOUSEHOLDS_OF.items()}


def _same_family(rules: FigureRules, metric: str, unit: str) -> str:
    """The metric of the same kind counted in ``unit``: households of a people stock are
    poor households, people of a household exit are people lifted."""
    if unit in rules.household_units:
        return _HOUSEHOLDS_OF.get(metric, metric)
    if unit in rules.person_units:
        return _PEOPLE_OF.get(metric, metric)
    return metric


def _changed_from_place(rules: FigureRules, text: str, figures: Sequence[PovertyFigure], a: int,
                        s_start: int) -> Optional[str]:
    """The place of the figure a change starts from, for its second number that nothing places
    (农村贫困人口从9899万人减少到去年底的551万人: 9899万 is the nation's by its size, and so is 551万):
    the figure right before it in its clause, a change word between (``r_change_between``)."""
    last = figures[-1] if figures else None
    if last is None or last.place is None or last.span[0] < s_start or a - last.span[1] >= rules.chain_window \
            or _CLAUSE_END.search(text, last.span[1], a):
        return None
    return last.place if rules.r_change_between.search(text, last.span[1], a) else None


def _chained_metric(rules: FigureRules, text: str, last_metric: str, last_end: int,
                    q: Quantity) -> Optional[str]:
    """The second number of a change keeps the first one's metric (贫困人口由329万减少到
    25.5万); so does a count in brackets right after (贫困村80个（并村后68个）)."""
    between = text[last_end:q.start]
    if len(between) >= rules.chain_window:
        return None
    if rules.unit_of[last_metric] != "%" and (q.unit != "个" or last_metric in rules.unit_stock_metrics) \
            and rules.r_change_between.search(between):   # 贫困村由120个减少到30个: both stocks
        return _same_family(rules, last_metric, q.unit)   # 从25户230人降低到5户20人
    if last_metric in rules.compare_metrics and rules.compare_between.match(between):
        return _same_family(rules, last_metric, q.unit)   # 1660万人，较2012年末的9899万人
    if q.unit == rules.unit_of[last_metric] and rules.bracketed_restatement.match(between):
        return last_metric
    if last_metric in rules.sibling_exit_metrics and q.unit == rules.unit_of[last_metric] \
            and rules.sibling_exit_between.fullmatch(between):
        return last_metric   # 2016年摘帽2个，2017年摘帽12个: the next year's exits of the same units
    if rules.unit_of[last_metric] == "户" and q.unit in rules.person_units and (
            not between or rules.households_people_between.match(between)
            and rules.households_people_end.match(text, q.end)):
        return _same_family(rules, last_metric, q.unit)   # …降低到5户20人; 贫困户513户,1567口人。
    return None


def run(article: Article, rules: FigureRules) -> None:
    article.facts["poverty_figures"] = find_figures(article, rules)
