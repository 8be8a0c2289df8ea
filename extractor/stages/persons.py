"""Persons and cadres stage (SPEC 3): every named person with a role, and for each cadre
the origin, posts (title, place, since, until), honours and every mention.

1. **Gating**: one Aho-Corasick pass over the cue lexicon of ``rules/persons.yaml``
   (titles, role nouns, speech verbs, bylines) selects short windows of the text; the
   statistical tagger (:mod:`extractor.ner`) runs only there, all windows in one batch.
2. **Names**: the tagger's PER spans, plus bylines read by a pattern (记者 何 聪), are
   cleaned by rules: transliterated names extended across the middle dot, surnames with a
   title (王书记) and familiar forms (老刘) dropped, places and the negative table dropped,
   ordinary words kept only after a title, names the tagger cut short or ran on repaired
   from the article's other mentions. Every occurrence of an accepted name is a mention.
3. **Roles** from the words around the mentions (journalist > cadre > resident > other).
4. **Cadres**: posts from the title phrase before a mention (县委常委、副县长黄斌; split where
   a 、-part names its own unit) or after it (挂任…副校长, 是…第一书记, 某某代表（省委书记）);
   each post's place from the units the counties stage found inside the title, else the
   prefecture/province it names; a team's post where the team works; a title that only says
   its level (第一书记, 副县长, 自治区…主任) takes that level's unit from the context; company,
   university and central-state posts have no place. Origin from 来自X的 / X选派 / X援藏… /
   X干部 (on a posting). Dates by :func:`extractor.lexicon.years.dates_in`; honours by
   pattern; short references (黄书记, 老黄) tied to the only person with that surname.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import chain, groupby
from types import SimpleNamespace
from typing import Callable, Iterable, NamedTuple, Optional, Sequence

import ahocorasick
import regex

from ..article import Article
from ..lexicon.gazetteer import Gazetteer, common_words, gazetteer
from ..lexicon.years import YearGrammar, dates_in, year_grammar
from ..record import Cadre, Mention, Person, Post
from ..rules import (Folder, alternation, jieba_dictionary, load_tsv, load_yaml, memo_by_identity, plain_pattern,
                     words_pattern)
from ..text.wordfinder import WordFinder

class PlaceSpan(NamedTuple):
    """A county, prefecture or province the counties stage found in the text."""
    start: int
    end: int
    name: str           # official name
    level: str          # county | prefecture | province
    province: Optional[str]
    prefecture: Optional[str] = None


#: kept for callers that pass (start, end, county name) triples
CountySpan = tuple[int, int, str]
Tagger = Callable[[Sequence[str]], list[list[tuple[int, int]]]]

_HAN = plain_pattern(r"\p{Han}")
_HAN_RUN = plain_pattern(r"\p{Han}+")
_SPACE = plain_pattern(r"\s")
_NAME_SHAPE = plain_pattern(r"\p{Han}+(?:[·—]\p{Han}+)*")     # 阿某福—阿某: a dashed foreign name
_TOKEN = plain_pattern(r"[^\s、]+")
_DOT = "·"
#: the spaces that pad a title from its name on one line (国务院扶贫办主任 刘某; full-width too)


@dataclass(frozen=True, eq=False)     # hashed and compared by identity: a cache key as it is
class PersonRules:
    raw: dict
    cues: WordFinder                         # the cue words but those of certain_cues
    certain_cues: tuple[tuple[str, re.Pattern], ...]   # (word, where its check may pass)
    clause_heads: tuple[re.Pattern, ...]     # per clause mark (in clause_marks' order): it before a surname
    cue_window: dict[str, list[tuple[str, int, int]]]  # word → [(kind, before, after)]
    lead_cue: regex.Pattern                  # a title or role noun a name follows
    lead_cue_end: regex.Pattern              # one of 2+ characters ending where a search ends
    initials: frozenset[str]                 # characters a name can start with
    surnames: frozenset[str]                 # Han surnames
    gate_left_out_surnames: frozenset[str]   # Han surnames read after a title by the rules alone (强)
    ungated_name_starts: frozenset[str]      # where _ungated_rule_name can read a name: the two sets above
    followers: regex.Pattern                 # what follows a name (黄斌|表示)
    framed_verbs: regex.Pattern              # a speech verb closing a title's name (经理|程某庆|介绍)
    framed_verb_starts: frozenset[str]       # their first characters
    closed_name_ends: frozenset[str]         # the first characters of what closes a title's name (，, 等)
    gazetteer: Gazetteer
    years: YearGrammar
    byline: regex.Pattern
    byline_cue: re.Pattern               # a word every byline holds (记者, 编辑…): its lines alone are read
    credit: regex.Pattern                # credit lines (朱 某摄（人民视觉）, 杨某  胡某整理)
    author_bracket: regex.Pattern        # authors in brackets closing a paragraph (。(甲某 乙某)⏎)
    author_bracket_marks: frozenset[str] # what stands before such a bracket (the pattern's look-behinds)…
    author_bracket_reach: int            # … at most this many characters before it
    author_bracket_opens: tuple[str, ...] # the brackets such a match opens with (the pattern's first class)
    bare_name_line: regex.Pattern        # a line of bare names (杨某明 王某妍⏎)
    place_name_line: regex.Pattern       # a reader's line: a place, spaces, a name (江西某市  廖某某⏎)
    credit_cue: regex.Pattern            # the words a credit line has (摄, 整理, 采写)
    slash_credit: regex.Pattern          # a web page's slash credit (甲某/文, (摄/甲某))
    slash_credit_cue: regex.Pattern      # the slash and its credit word
    slash_credit_marks: tuple[str, ...]  # the slashes: a text holding none has no slash credit
    label_credit: regex.Pattern          # a web page's label credit (编辑|甲某, 监制 | 乙某)
    label_credit_bars: tuple[str, ...]   # the bars between label and names
    label_credit_cue: regex.Pattern      # any of them
    layout_name: regex.Pattern           # a name alone on its line under a title line
    heading_name: regex.Pattern          # a name closing a heading with a colon
    title_line_name: regex.Pattern       # a name alone after a title and spaces at a line's end
    padded_name_line: regex.Pattern      # a column author's padded 2-character name alone on its line
    cadre_titles: regex.Pattern          # a title word at the end of a phrase
    resident_before: regex.Pattern
    journalist_before: regex.Pattern
    journalist_word: re.Pattern              # a word of journalist_before (its pattern needs one)
    journalist_after: regex.Pattern
    boundary_words: regex.Pattern
    concurrent_post_tail: re.Pattern         # a post after 兼 that is a title alone (区长兼|河长)
    trim_prefix: regex.Pattern
    post_after: regex.Pattern
    post_copula: regex.Pattern
    bracket_post: regex.Pattern
    apposition_post: regex.Pattern
    list_run_dotted_item: regex.Pattern      # a dotted name as an item of a name list
    list_run_long_item: regex.Pattern        # a 4–5-character item of a name list, read over
    list_title: regex.Pattern
    titled_followers: regex.Pattern          # 出席, 一行: end a name right after a title (certain_name)
    list_level_leaders: regex.Pattern        # |、乙等县四大组织领导 after a list's item: every item's post
    list_posting_title: regex.Pattern        # |、乙3名援疆干部 after a list's item: every item's post
    aid_label_heads: dict                    # 援疆, 支教 by first character: a word an assistance label needs
    aid_label_head: regex.Pattern            # 第N批援疆干部人才某科|甲: the label heading a name's list
    aid_label_as: regex.Pattern              # 作为第N批援疆医疗队专家之一，|甲: the label of the clause's subject
    sender_sentence: regex.Pattern           # 火炬区…派出36名教师到大关县学校支教: a posting's sender
    sender_sentence_heads: dict              # its cue words by first character (_word_starts)
    source_line: regex.Pattern               # a page's source line (来源:中山日报)
    source_word: str                         # 来源: the word every source line holds
    own_city_ends: str                       # 市: the units a source line names as the outlet's city
    own_city_level: str                      # the level of the titles placed there (prefecture: 副市长)
    sent_list_verb: regex.Pattern            # 选派了| before a list's first item
    sent_list_after: regex.Pattern           # |、乙…等12名…同志 after a list's item
    titled_name_part: regex.Pattern          # 省委书记甲某| before 、 in a list of titled names
    seat_titles: regex.Pattern
    academic_unit: regex.Pattern
    research_head: regex.Pattern             # a public research institute's head (P7)
    research_section_head: regex.Pattern     # a section's head inside an institute (P7)
    region_body_chair: regex.Pattern         # a Hong Kong or Macao society's chair (香港某会主席): no post
    post_abroad: regex.Pattern               # China's envoy abroad (中国驻某国大使)
    corps_division: regex.Pattern            # a 兵团 division in a title (兵团五师…, P15)
    foreign_place_head: regex.Pattern        # a foreign city's or province's head (尼斯市长)
    state_head_title: re.Pattern             # 总统, 埃米尔…: a foreign head's title (after its state)
    state_head_name: regex.Pattern           # |萨某某相|表示: the head's name, up to a speech verb
    foreign_states: frozenset[str]           # the world's states, also with 共和国/王国 (before a head's title)
    foreign_state_max: int                   # the longest of them
    state_head_regnal: re.Pattern            # 六世 ending a monarch's name
    cadre_titles_anywhere: re.Pattern        # a cadre title anywhere (a description after 某某，)
    international_body: re.Pattern           # 世界…组织, 亚洲…银行 opening a title's part (P4)
    state_media_head: re.Pattern             # 人民日报社副总编辑 ending the text before a name
    work_team_captain: re.Pattern            # 钻井队队长: a captain of a work team, no post
    team_marker: regex.Pattern
    team_village: regex.Pattern              # a village or township right after 驻
    title_unit_kinds: tuple[tuple[str, tuple[str, ...]], ...]   # (校长, (大学, …)): a title's unit kind
    cadre_after: regex.Pattern
    home_unit: regex.Pattern
    employee_title: regex.Pattern            # UNIT(的)(一名)干部: a post that is an employer's designation
    employee_after_name: regex.Pattern       # 是/成为 UNIT一名干部 right after the name
    home_unit_said: regex.Pattern            # a speech verb: what follows is said, not done
    home_unit_others: regex.Pattern          # 迎接, 陪…: a posting word after it is others'
    home_unit_others_act: regex.Pattern      # 看望, 慰问, 与, 向…: so is one after it in its clause
    home_unit_other_label: regex.Pattern     # …after a visit, when a unit labels the cadres visited
    home_unit_posted: regex.Pattern          # a posting word not naming units' pairing
    origin_patterns: tuple[regex.Pattern, ...]
    origin_marker: regex.Pattern
    party_lead: regex.Pattern                # 率: the leader of a visiting party is named before it
    party_member_same: regex.Pattern         # after a member's name: 一行 … a helping word
    party_member_next: regex.Pattern         # after a member's name: 随团 (the leader's sentence before)
    helper_visit: regex.Pattern              # 在, 赴…: a helper's official acting in the recipient (P12)
    helper_visit_stop: regex.Pattern         # a mark ending the name's clause before the recipient
    helper_venue: regex.Pattern              # 举行…: the recipient is the event's venue
    helper_venue_mark: str                   # 在: opens the venue before the recipient (or its address)
    helper_attend: regex.Pattern             # 出席…: the name's sentence attends the event
    party_visit: regex.Pattern               # |、乙等一行赴, |率领的…团日前赴: a party going somewhere
    party_visit_help: regex.Pattern          # 帮扶, 对口…: the party's trip is the helper's work
    visit_site_short: regex.Pattern          # 来|秀对接: a short form of the site's own place after 来
    guest_visit: regex.Pattern               # 一行来|我县, 代表团到…: a party's word and go word
    donor_act: regex.Pattern                 # 甲|代表东丽区向甘谷县捐赠: a donor acting for a unit
    host_meet: regex.Pattern                 # 会见: the units after it in its sentence are the guests'
    donor_thanks: regex.Pattern              # 锦旗: the helped side's thanks
    host_act: regex.Pattern                  # 甲|,县政府副县长乙参加: the name's clause hosts a visit
    host_act_word: regex.Pattern             # 陪同, 参加: any host's act in a text
    visit_unit: regex.Pattern                # 中山区委|书记: the unit a title names (P12's origin)
    visit_level_organ: regex.Pattern         # 区委|, 市政协|: a level's own organ, named without its place
    village_sender: regex.Pattern            # 某医院|驻村: an office before a village post sent the person
    origin_pool: regex.Pattern               # 干部队伍中: a group picked from, no unit
    origin_unnamed: regex.Pattern            # 我院, 院党委: a unit named only by its voice or organ
    site_voices: dict[str, tuple[str, ...]]  # 院 → (我院, 本院, 院党委): the site's voice of each kind
    site_unit_ends: dict[str, tuple[str, ...]]   # 院 → (医院, …): how the unit a voice stands for ends
    site_voice: regex.Pattern                # any site voice
    site_voice_char: re.Pattern              # [院校]: the kinds' characters, every voice holds one
    level_sent: regex.Pattern                # 省里派来的第一书记: a level sent the first secretary (P19)
    level_sent_post: str                     # the post such a secretary holds (第一书记)
    level_sent_units: dict[str, str]         # 省 → province, 市 → prefecture, 县/区 → county
    honour: tuple[regex.Pattern, ...]
    since_after: regex.Pattern
    until_after: regex.Pattern
    words: dict[str, frozenset[str]]     # the plain word lists of the YAML, as sets
    limits: SimpleNamespace              # the YAML's integer settings by name (title_max, …)
    name_lengths: tuple[int, ...]        # han_name_min..han_name_max: the dictionary windows of a name
    rules_name_lengths: tuple[int, ...]  # han_name_min..rules_name_max: Han names the rules alone read
    known_name_lengths: tuple[int, ...]  # known_name_max..han_name_min, longest first
    name_padding: str                    # name_padding_chars (a string: '' is in it, as at a text's end)
    title_gate_openers: frozenset[str]   # title_gate_openers: read like a name start after a gated title
    name_dash: str
    affixes: SimpleNamespace             # word lists read by startswith/endswith, as tuples
    literals: SimpleNamespace            # the YAML's single words, marks and tags read as written (lists as tuples)
    place_after_titles: tuple[str, ...]      # titles that start with a place_after_name word (村长)
    unplaced_units: regex.Pattern        # units whose posts have no place (大学)
    district_title: regex.Pattern        # a district's own title naming no district (区委副书记)
    city_title: regex.Pattern            # a city's own title naming no city (市政府党组成员, 副市长)
    helper_city_title: regex.Pattern     # 市…, 副市长: a title opening with a city's own organ, naming no city
    list_organ_title: regex.Pattern      # a list item's bare organ title (卫计委主任): the list's unit
    list_organ_item: regex.Pattern       # such a title and a name: an item walked over
    list_organ_not: frozenset[str]       # words of an organ that is no local unit's (国家, 大学)
    list_level_title: regex.Pattern      # a part of a bare title of one level (副镇长, 县委副书记)
    list_institution_title: regex.Pattern    # a bare title of an institution's head (副校长, 党支部书记)
    list_level_chars: str                # the level characters a unit's name ends with (省市县…)
    list_level_marks: str                # marks between a list's members (、，)
    # small tables of the YAML that hot code reads, typed once here
    idiom_lengths: tuple[int, ...]       # lengths of the set phrases a tagged name may run into
    byline_suffixes: tuple[str, ...]     # 整理, 报道… ending a byline, tried in the YAML's order
    byline_inner_roles: tuple[str, ...]  # 通讯员, 记者 glued between a byline's names
    dot_title_marks: tuple[tuple[str, str], ...]   # (opening, closing) around a column title
    known_cadre_word_names: frozenset[str]         # known cadres' names that are words (汪洋)
    team_marker_not: tuple[str, ...]     # a team marker in these is the sender's own unit
    seat_markers: tuple[str, ...]        # team markers (前方指挥部) the unit before which may be the seat
    pair_team_marker: regex.Pattern      # 粤黔|协作|工作队: a pair's team, beside a host post only
    pair_team_gate: str                  # 协作: a str `in` before pair_team_marker
    region_short_forms: dict[str, str]   # 香港特区 → 香港特别行政区
    region_names: dict[str, str]         # 香港 → 香港特别行政区: a 特区政府 title's region named before it
    region_government_words: tuple[str, ...]   # 特区政府: a SAR government's title naming no SAR
    region_short_gate: str               # 特区: a str `in` before the short forms and government words
    aid_regions: tuple[tuple[str, str], ...]   # (援藏, 西藏自治区): a team post's region (P16)
    team_context_levels: dict[str, tuple[str, ...]]   # sender's level → context levels, in order
    province_team_words: tuple[str, ...]     # a province's team or command (工作队, 指挥部)
    unit_head_units: regex.Pattern      # the offices whose 负责人 holds a public post
    division_names: dict[str, tuple[str, Optional[str]]]   # 五 → (its official name, its city)
    districtless_towns: dict[str, tuple[str, bool]]        # 中堂镇 → (东莞市, whether a namesake exists)
    districtless_town: regex.Pattern     # a title opening with one of those towns
    level_words: tuple[tuple[str, tuple[str, ...]], ...]   # (level, its words), smallest first
    level_word_noise: tuple[str, ...]    # removed from a title before level_words, in order
    level_kinds: dict[str, tuple[tuple[regex.Pattern, str], ...]]   # level -> (organ word, the unit name's end)
    home_unit_posting: tuple[str, ...]   # posting words: a unit + 干部 is where one comes from
    label_clause: regex.Pattern          # ，她作为北京市第七批…: a batch label the name's clause gives
    label_clause_cue: str                # 批: most texts hold none (a str `in` before the pattern)
    honour_strip: str                    # quote marks stripped from an honour
    origin_after_stops: str              # ；; between a name and an origin after it: another clause's
    tagger: Optional[Tagger] = None


def _cue_finders(r: dict):
    """(the finder of cue words, each word's kinds and window, the certain cues' finders)."""
    cue_window: dict[str, list[tuple[str, int, int]]] = {}
    for kind in r["cues"]:
        for word in r["cues"][kind]:
            # a word in two lists (主席, 总理: 主席苏某 and 苏某主席) is a cue both ways
            cue_window.setdefault(word, []).append((kind, *r["cue_window"].get(kind, (0, 0))))
    # 的 and 家 are a third of all cue hits, and only a name the rules can tell alone counts
    # there: they are found by a pattern that also checks the surname beside them
    certain = [w for w, plan in cue_window.items() if all(k in _CERTAIN_KINDS for k, *_ in plan)]
    # found by their opening characters, in an automaton's order (a third of the time
    # pyahocorasick takes over Chinese text: its root searches 167 opening characters)
    cues = WordFinder(word for word in cue_window if word not in certain)
    surname = "[" + "".join(re.escape(c) for c in sorted(_SPACE.sub("", r["name_initials"]))) + "]"
    return cues, cue_window, tuple((w, _certain_finder(w, surname, {k for k, *_ in cue_window[w]}))
                                   for w in certain)


def _certain_finder(word: str, surname: str, kinds: Iterable[str]) -> re.Pattern:
    """Where ``word`` has a surname right after it (when it is a before_name_certain cue), or
    two or three characters before it (an after_name_certain cue): all its occurrences,
    overlapping ones too. The side a cue's kinds do not read is not looked at (的 with a
    surname before it was half of its candidates, each checked and dropped by
    :func:`_certain_cue`). The standard ``re``: starting with the word, it runs as a literal
    search (4× faster than ``regex`` here). Only a word that may overlap itself needs the
    lookahead around it (which searches at every position: 10× slower than the literal search)."""
    w = re.escape(word)
    sides = ([f"(?={surname})"] if "before_name_certain" in kinds else []) + \
        ([f"(?<={surname}.{w})", f"(?<={surname}..{w})"] if "after_name_certain" in kinds else [])
    found = f"{w}(?:{'|'.join(sides)})"
    overlaps = any(word[:k] == word[-k:] for k in range(1, len(word)))
    return re.compile(f"(?=({found}))" if overlaps else found, re.S)


def _clause_head_finders(marks: Iterable[str], surnames: str) -> tuple[re.Pattern, ...]:
    """For each clause mark, in the order given, where it stands before a Han surname (a
    literal search: most clause marks have none after them)."""
    surname = "[" + "".join(re.escape(c) for c in sorted(surnames)) + "]"
    return tuple(re.compile(f"{re.escape(mark)}(?={surname})") for mark in marks)


def _suffix_pattern(words) -> regex.Pattern:
    return plain_pattern(f"(?:{alternation(words)})$")


def load_rules(folder: Folder = None) -> PersonRules:
    """The stage's rules and tagger, loaded once per folder (``load_rules()`` and
    ``load_rules(None)`` share one tagger)."""
    return _load_rules(folder)


#: the YAML's word lists read as sets (rules.words)
_WORD_LISTS = ("negative", "not_full_name_suffix", "familiar_prefix", "posting_only_titles",
               "posting_words", "resident_sentence", "company_words", "public_words",
               "central_words", "origin_title_words", "origin_trim_prefix",
               "short_ref_suffix", "short_ref_prefix", "not_post_titles", "non_public_units",
               "company_titles", "private_companies", "state_prefixes", "state_markers",
               "state_organs", "private_company_words", "state_sentence_markers",
               "known_cadres", "bounded_name_cues", "foreign_units", "words_tagged_as_names",
               "foreign_leader_names",
               "association_short_forms",
               "tibetan_name_parts", "abroad_only_titles", "police_titles", "police_clause_stops",
               "staff_units", "staff_titles",
               "known_persons", "research_units", "company_team_words", "village_post_words", "unit_name_words",
               "given_name_tails", "surname_only_suffix", "unit_head_titles", "home_unit_visit_words",
               "framed_name_not_tags", "framed_foreign_not_char_tags", "list_odd_item_word_tags",
               "closed_given_not_tags", "chain_post_organs", "local_body_words",
               "clerk_titles", "clerk_not_units", "place_company_nouns",
               "surname_closed_words")
#: the YAML's single characters, each list given as one string, read as sets (rules.words)
_CHARACTER_SETS = ("clause_marks", "clause_name_not_before", "translit_chars", "translit_title_chars",
                   "extend_stop_chars", "titled_name_follower_chars",
                   "given_name_follower_chars", "object_end_chars", "ruled_verb_end_followers",
                   "run_on_end_chars",
                   "name_left_chars", "list_left_chars", "conjunction_chars", "bounded_name_before_de",
                   "state_pair_chars", "place_suffix_chars", "place_end_chars", "pseudonym_chars", "clan_chars",
                   "own_unit_chars", "unit_suffix_chars", "state_side_chars", "state_short_forms",
                   "home_unit_clause_marks", "foreign_place_chars", "heading_end_not", "framed_name_end_not",
                   "closed_name_marks")
#: the YAML's word lists read by startswith/endswith (rules.affixes), as tuples
_AFFIXES = ("known_cadre_not_before", "known_person_not_before", "closed_name_words", "closed_name_titles",
            "chain_last_titles", "dotted_right_end", "bounded_name_not_after", "origin_unit_ends",
            "origin_marker_not", "discipline_commissions", "state_organs", "state_prefixes",
            "name_end_not_tags", "word_given_name_not_tags", "rank_after_name", "list_run_ends",
            "list_run_not_before", "list_run_joins", "list_run_etc", "consultative_bodies",
            "consultative_seat_words", "date_range_marks", "origin_from_words", "cadre_after_no_post",
            "region_units", "region_titles", "region_name_titles", "title_clause_openers", "unit_name_joins",
            "title_line_credit_ends", "name_end_cut_words", "object_char_not_before", "site_after_name",
            "site_end", "credit_role_end", "village_post_words", "origin_subject_links", "past_title_words",
            "visit_own_units", "village_sender_words", "place_after_name", "visit_institution_ends",
            "party_group_titles", "couple_words", "quoted_label_not_before", "guest_delegations",
            "doubled_commas", "origin_request_words", "origin_other_preps", "titled_name_joins",
            "research_section_organs")
#: the YAML's words, marks and tags the code reads as they are written (rules.literals): str
#: ``in``/find/rfind/startswith and tag comparisons, no pattern
_LITERALS = ("quoted_label_open", "quoted_label_close", "work_title_open", "work_title_close",
             "closed_name_word_tag", "ruled_verb_end_tag", "origin_seat_word", "discipline_organs",
             "home_unit_clause_marks", "sender_postings", "label_clause_marks", "donor_act_word",
             "site_voice_clause_marks", "site_voice_others", "site_unit_sentence_ends", "site_unit_not",
             "site_unit_visited_after", "site_unit_list_joins", "lone_head_comma", "lone_head_line_not_after",
             "lone_head_after", "lone_head_predicate_tags", "lone_head_described", "concurrent_post_join")


@cache
def _load_rules(folder: Folder) -> PersonRules:
    # Long on purpose: one keyword per rule of persons.yaml, a table rather than logic.
    r = load_yaml("persons.yaml", folder)
    if r["translit_name_min"] < 1:      # translit_name is asked only before a translit_title_chars character
        raise ValueError("persons.yaml: translit_name_min must be at least 1")
    cues, cue_window, certain_cues = _cue_finders(r)
    words = {k: frozenset(r[k]) for k in _WORD_LISTS}
    words["non_public_units"] |= words["foreign_units"] | words["association_short_forms"]  # P4, Arts bodies
    words["known_names"] = words["known_cadres"] | words["known_persons"]
    for key in _CHARACTER_SETS:
        words[key] = frozenset(_SPACE.sub("", r[key]))
    words["boundary_chars"] = frozenset(r["title_boundary_chars"])
    words["translit_title_chars"] |= words["translit_chars"]
    return PersonRules(
        raw=r, cues=cues, cue_window=cue_window, certain_cues=certain_cues,
        clause_heads=_clause_head_finders(words["clause_marks"], _SPACE.sub("", r["name_initials"])),
        lead_cue=plain_pattern(alternation(r["cues"]["before_name"])),
        lead_cue_end=_suffix_pattern(w for kind in ("before_name", "before_foreign_name")
                                     for w in r["cues"][kind] if len(w) > 1),
        followers=words_pattern(r["name_followers"]),
        framed_verbs=words_pattern(r["framed_name_verbs"]),
        framed_verb_starts=frozenset(w[0] for w in r["framed_name_verbs"]),
        closed_name_ends=frozenset(r["closed_name_marks"]) | {w[0] for w in r["closed_name_words"]},
        titled_followers=words_pattern(r["titled_name_followers"]),
        surnames=frozenset(_SPACE.sub("", r["name_initials"])),
        gate_left_out_surnames=frozenset(r["gate_left_out_surnames"]),
        ungated_name_starts=words["translit_title_chars"] | frozenset(r["gate_left_out_surnames"]),
        initials=frozenset(_SPACE.sub("", r["name_initials"] + r["translit_initials"])), gazetteer=gazetteer(folder),
        years=year_grammar(folder),
        **_credit_rules(r),
        cadre_titles=plain_pattern(f"(?:{alternation(r['cadre_titles'])})$"),
        cadre_titles_anywhere=words_pattern(r["cadre_titles"]),
        resident_before=_suffix_pattern(r["resident_before"]),
        journalist_before=plain_pattern(f"(?:{alternation(r['journalist_before'])})"
                                        r"[\s、]*(?:\p{Han}{1,4}[\s、]+)*$"),
        journalist_word=words_pattern(r["journalist_before"]),
        journalist_after=plain_pattern(rf"[ 　]*(?:{alternation(r['journalist_after'])})"),
        boundary_words=words_pattern(r["title_boundary_words"]),
        concurrent_post_tail=plain_pattern(r["concurrent_post_tail"]),
        # no ^: match(text, i, a) anchors at i, where ^ matched only at the text's start
        # (由省委常委、组织部长徐某 kept 由 in the title and read 由省委 as the origin)
        trim_prefix=plain_pattern(f"(?:{alternation(r['title_trim_prefix'])})+"),
        post_after=words_pattern(r["post_after_verbs"]),
        post_copula=words_pattern(r["post_copula"]),
        bracket_post=plain_pattern(r["bracket_post"]),
        apposition_post=plain_pattern(r["apposition_post"]),
        list_run_dotted_item=plain_pattern(r["list_run_dotted_item"]),
        list_run_long_item=plain_pattern(r["list_run_long_item"]),
        list_title=plain_pattern(r["list_title"].replace("TITLES", alternation(r["cadre_titles"]))),
        source_line=plain_pattern(r["source_line"]),
        source_word=r["source_word"],
        own_city_ends=r["own_city_ends"],
        own_city_level=r["own_city_level"],
        list_posting_title=plain_pattern(r["list_posting_title"]
                                         .replace("POSTINGS", alternation(r["list_posting_words"]))
                                         .replace("TITLES", alternation(r["cadre_titles"]))),
        list_level_leaders=plain_pattern(r["list_level_leaders"]),
        aid_label_heads=_by_first_character(r["aid_label_words"]),
        aid_label_head=_aid_label_pattern(r, "aid_label_head"),
        aid_label_as=_aid_label_pattern(r, "aid_label_as"),
        sender_sentence=plain_pattern(r["sender_sentence"].replace("POSTINGS", alternation(r["sender_postings"]))),
        sender_sentence_heads=_by_first_character(r["sender_sentence_cue"]),
        sent_list_verb=plain_pattern(r["sent_list_verb"]),
        sent_list_after=plain_pattern(r["sent_list_after"]),
        titled_name_part=plain_pattern(r["titled_name_part"].replace("TITLES", alternation(r["cadre_titles"]))),
        seat_titles=_suffix_pattern(r["seat_titles"]),
        academic_unit=plain_pattern(r["academic_unit"]),
        research_head=plain_pattern(r["research_head"]),
        research_section_head=plain_pattern(r["research_section_head"]),
        region_body_chair=plain_pattern(r["region_body_chair"]),
        post_abroad=plain_pattern(r["post_abroad"]),
        corps_division=plain_pattern(r["corps_divisions"]["pattern"]),
        foreign_place_head=plain_pattern(r["foreign_place_head"].replace("PLACE_CHARS", regex.escape(
            "".join(sorted(words["translit_chars"] | words["foreign_place_chars"]))))),
        cadre_after=words_pattern(r["cadre_after"]),
        state_head_title=words_pattern(r["state_head_titles"]),
        state_head_name=plain_pattern(
            rf"(?P<name>\p{{Han}}{{2,{int(r['state_head_name_max'])}}}?)"
            rf"(?:{alternation(r['state_head_adverbs'])})?(?={alternation(r['state_head_verbs'])})"),
        foreign_states=frozenset(state + form for state in r["foreign_states"] for form in ("", "共和国", "王国")),
        foreign_state_max=max(len(state) for state in r["foreign_states"]) + 3,
        international_body=plain_pattern(r["international_body"]),
        state_media_head=plain_pattern(r["state_media_head"]),
        work_team_captain=plain_pattern(r["work_team_captain"]),
        state_head_regnal=plain_pattern(r["state_head_regnal"]),
        home_unit=plain_pattern(r["home_unit"]),
        employee_title=plain_pattern(r["employee_title"]),
        employee_after_name=plain_pattern(r["employee_after_name"]),
        home_unit_said=words_pattern(r["home_unit_said"]),
        home_unit_others=plain_pattern(r["home_unit_others"]),
        home_unit_others_act=plain_pattern(r["home_unit_others_act"]),
        home_unit_other_label=plain_pattern(r["home_unit_other_label"]),
        home_unit_posted=plain_pattern(
            f"(?<!{alternation(r['home_unit_pairing'])})(?:{alternation(r['home_unit_posting'])})"
            f"|{r['home_unit_village_posting']}"),
        team_marker=plain_pattern(r["team_marker"]),
        team_village=plain_pattern(r["team_village"]),
        title_unit_kinds=tuple((head, tuple(ends)) for head, ends in r["title_unit_kinds"].items()),
        origin_patterns=tuple(plain_pattern(p) for p in r["origin_patterns"]),
        origin_marker=plain_pattern(f'{alternation(r["origin_markers"])}|{r["origin_go_marker"]}'),
        **_visit_rules(r),
        **_origin_site_rules(r),
        words=words,
        # parsed once here: the hot functions read them per cue and per mention
        limits=SimpleNamespace(**{k: v for k, v in r.items() if type(v) is int}),
        literals=SimpleNamespace(**{k: tuple(r[k]) if isinstance(r[k], list) else r[k] for k in _LITERALS}),
        name_lengths=tuple(range(r["han_name_min"], r["han_name_max"] + 1)),
        rules_name_lengths=tuple(range(r["han_name_min"], r["rules_name_max"] + 1)),
        known_name_lengths=tuple(range(r["known_name_max"], r["han_name_min"] - 1, -1)),
        name_padding=r["name_padding_chars"],
        title_gate_openers=frozenset(r["title_gate_openers"]),
        name_dash=r["name_dash"],
        affixes=SimpleNamespace(**{k: tuple(r[k]) for k in _AFFIXES}),
        place_after_titles=tuple(w for w in (*r["cadre_titles"], *r["not_full_name_suffix"])
                                 if w.startswith(tuple(r["place_after_name"]))),
        unplaced_units=plain_pattern(r["unplaced_units"]),
        district_title=plain_pattern(r["district_title"]),
        city_title=plain_pattern(r["city_title"]),
        helper_city_title=plain_pattern(r["helper_city_title"]),
        **_list_title_rules(r),
        idiom_lengths=tuple(int(n) for n in r["idiom_lengths"]),
        byline_suffixes=tuple(r["byline_suffix"]),
        byline_inner_roles=tuple(r["byline_inner_roles"]),
        dot_title_marks=tuple((opening, closing) for opening, closing in r["dot_title_marks"]),
        known_cadre_word_names=frozenset(r["known_cadre_word_names"]),
        **_team_region_rules(r),
        unit_head_units=plain_pattern(r["unit_head_units"]),
        division_names={number: (r["corps_divisions"]["name"].format(number), city)
                        for number, city in r["corps_divisions"]["cities"].items()},
        **_districtless_town_rules(folder),
        level_words=tuple((level, tuple(words)) for level, words in r["level_words"].items()),
        level_word_noise=tuple(r["level_word_noise"]),
        level_kinds={level: tuple((plain_pattern(r["level_kind_start"] + regex.escape(word)), end)
                                  for word, end in kinds.items()) for level, kinds in r["level_kinds"].items()},
        home_unit_posting=tuple(r["home_unit_posting"]),
        label_clause=plain_pattern(r["label_clause"]),
        label_clause_cue=r["label_clause_cue"],
        honour_strip=r["honour_strip"],
        origin_after_stops=r["origin_after_stops"],
        tagger=_load_tagger(r.get("tagger_model"), int(r["tagger_cache_size"]),
                            r.get("tagger_cascade_threshold"), r.get("tagger_cascade_empty_threshold")),
    )


def _origin_site_rules(r: dict) -> dict:
    """The rules of a pool's or an unnamed origin, a site's own voices and units, honours, and the words after
    a date that make it a post's since or until (:func:`_dates`)."""
    return dict(
        origin_pool=plain_pattern(r["origin_pool"]),
        origin_unnamed=plain_pattern(r["origin_unnamed"]),
        site_voices={kind: tuple(unit["voices"]) for kind, unit in r["site_units"].items()},
        site_unit_ends={kind: tuple(unit["ends"]) for kind, unit in r["site_units"].items()},
        site_voice=plain_pattern(alternation(v for unit in r["site_units"].values() for v in unit["voices"])),
        site_voice_char=re.compile("[" + "".join(r["site_units"]) + "]"),
        honour=tuple(plain_pattern(p) for p in r["honour_patterns"]),
        since_after=plain_pattern(f".{{0,4}}?(?:{alternation(r['since_cues'])})"),
        until_after=plain_pattern(f".{{0,4}}?(?:{alternation(r['until_cues'])})"),
    )


def _credit_rules(r: dict) -> dict:
    """The rules of credit and byline lines (bylines, credits, author brackets, bare and padded name lines)."""
    return dict(
        byline=plain_pattern(r["byline_pattern"]),
        credit=plain_pattern(r["credit_pattern"]), credit_cue=plain_pattern(r["credit_cue"]),
        slash_credit=plain_pattern(r["slash_credit_pattern"]), slash_credit_cue=plain_pattern(r["slash_credit_cue"]),
        slash_credit_marks=tuple(r["slash_credit_marks"]),
        label_credit=plain_pattern(r["label_credit_pattern"]), label_credit_bars=tuple(r["label_credit_bars"]),
        label_credit_cue=plain_pattern(alternation(r["label_credit_bars"])),
        byline_cue=plain_pattern(r["byline_cue"]),
        author_bracket=plain_pattern(r["author_bracket_pattern"]),
        author_bracket_marks=frozenset(r["author_bracket_marks"]), author_bracket_reach=r["author_bracket_reach"],
        author_bracket_opens=tuple(r["author_bracket_opens"]),
        bare_name_line=plain_pattern(r["bare_name_line_pattern"]),
        place_name_line=plain_pattern(r["place_name_line_pattern"]),
        layout_name=plain_pattern(r["layout_name"]), heading_name=plain_pattern(r["heading_name"]),
        title_line_name=plain_pattern(r["title_line_name"]),
        padded_name_line=plain_pattern(r["padded_name_line"]),
    )


def _visit_rules(r: dict) -> dict:
    """The rules of visits, hosts and guests, donors' acts, party members and the levels that send."""
    return dict(
        party_lead=plain_pattern(alternation(r["party_lead_words"])),
        party_member_same=plain_pattern(r["party_member_same_sentence"]),
        party_member_next=plain_pattern(r["party_member_next_sentence"]),
        helper_visit=plain_pattern(alternation(r["helper_visit_words"])),
        helper_visit_stop=plain_pattern(f"[{regex.escape(r['helper_visit_stops'])}]"),
        helper_venue=plain_pattern(alternation(r["helper_venue_words"])),
        helper_venue_mark=r["helper_venue_mark"],
        helper_attend=plain_pattern(alternation(r["helper_attend_words"])),
        party_visit=plain_pattern(r["party_visit"]),
        visit_site_short=plain_pattern(r["visit_site_short"]),
        guest_visit=regex.compile(r["guest_visit"]),
        donor_act=plain_pattern(r["donor_act"]),
        host_meet=plain_pattern(r["host_meet"]),
        donor_thanks=plain_pattern(alternation(r["donor_thanks"])),
        host_act=plain_pattern(f"[^。！？；：“”\\n]{{0,{r['host_act_reach']}}}?(?:{alternation(r['host_act_words'])})"),
        host_act_word=regex.compile(alternation(r["host_act_words"])),
        party_visit_help=plain_pattern(alternation(r["party_visit_help"])),
        visit_unit=plain_pattern(r["visit_unit"]),
        visit_level_organ=plain_pattern(r["visit_level_organ"]),
        village_sender=plain_pattern(r["village_sender"]),
        level_sent=regex.compile(r["level_sent_pattern"]),
        level_sent_post=r["level_sent_post"], level_sent_units=dict(r["level_sent_units"]),
    )


def _list_title_rules(r: dict) -> dict:
    """The rules of a list's titles (an organ's, a level's or an institution's title before its names)."""
    return dict(
        list_organ_title=plain_pattern(r["list_organ_title"]),
        list_organ_not=frozenset(r["central_words"] + r["company_words"] + r["list_organ_not"]),
        list_organ_item=plain_pattern(f"(?:{r['list_organ_title'].strip('^$')})\\p{{Han}}{{2,3}}$"),
        list_level_title=plain_pattern(r["list_level_title"]),
        list_institution_title=plain_pattern(r["list_institution_title"]),
        list_level_chars=r["list_level_chars"],
        list_level_marks=r["list_level_marks"],
    )


def _team_region_rules(r: dict) -> dict:
    """The rules of team posts (their markers, seats and pairs' teams) and of named regions (SARs, aid regions)."""
    return dict(
        team_marker_not=tuple(r["team_marker_not"]),
        seat_markers=tuple(r["seat_markers"]),
        pair_team_marker=plain_pattern(r["pair_team_marker"]),
        pair_team_gate=r["pair_team_gate"],
        region_short_forms=dict(r["region_short_forms"]),
        region_names=dict(r["region_names"]),
        region_government_words=tuple(r["region_government_words"]),
        region_short_gate=r["region_short_gate"],
        aid_regions=tuple(r["aid_regions"].items()),
        team_context_levels={k: tuple(v) for k, v in r["team_context_levels"].items()},
        province_team_words=tuple(r["province_team_words"]),
    )


def _by_first_character(words) -> dict[str, tuple[str, ...]]:
    heads: dict[str, list[str]] = {}
    for w in words:
        heads.setdefault(w[0], []).append(w)
    return {c: tuple(ws) for c, ws in heads.items()}


def _holds_any(text: str, heads: dict[str, tuple[str, ...]], lo: int = 0, hi: Optional[int] = None) -> bool:
    """``text[lo:hi]`` holds one of the words (grouped by first character): each first character
    is looked for with str.find, which scans for one character many times faster than for a word
    or a regex's alternation (23k characters: 1 µs against 75 µs a word, 430 µs the pattern)."""
    return next(_word_starts(text, heads, lo, hi), None) is not None


def _word_starts(text: str, heads: dict[str, tuple[str, ...]], lo: int = 0, hi: Optional[int] = None):
    """Where each of the words (grouped by first character) starts in ``text[lo:hi]``."""
    hi = len(text) if hi is None else hi
    for c, words in heads.items():
        k = text.find(c, lo, hi)
        while k >= 0:
            if text.startswith(words, k, hi):
                yield k
            k = text.find(c, k + 1, hi)


def _aid_label_pattern(r: dict, key: str) -> regex.Pattern:
    return plain_pattern(r[key].replace("AID", alternation(r["aid_label_words"]))
                         .replace("NOUNS", alternation(r["aid_label_nouns"])))


def _districtless_town_rules(folder: Folder) -> dict:
    """The towns of cities with no county level (rules/districtless_towns.tsv: 中堂镇 of 东莞市), by
    their official and former names: a post of one is placed at its city (gold README W15)."""
    towns = {row["name"]: (row["city"], bool(row["namesakes"])) for row in load_tsv("districtless_towns.tsv", folder)
             if row["form"] in ("official", "former")}
    return {"districtless_towns": towns, "districtless_town": words_pattern(towns)}


def _load_tagger(model: Optional[str], cache_size: int = 0,
                 cascade_threshold: Optional[float] = None,
                 cascade_empty_threshold: Optional[float] = None) -> Optional[Tagger]:
    """The statistical tagger chosen in ``extractor/ner/README.md``, as (start, end) PER
    spans per text; None in an install without ``extractor.ner`` (then only the rules'
    certain names and bylines are found: persons F1 ≈ 0.64 on dev instead of 0.92).
    Windows seen before (bylines, recurring titles) are answered from a bounded cache."""
    try:
        from ..ner import tagger as ner
    except ImportError:
        return None
    # One ONNX thread: the windows are short, and on a shared 2-core machine more threads
    # only contend (measured: 16 K chars/s with 1 thread, 9 K with the default).
    model_name = model or ner.DEFAULT_MODEL
    if model_name == "cascade":     # the student CRF where it is sure, LAC elsewhere
        empty = None if cascade_empty_threshold is None else float(cascade_empty_threshold)
        tagger = ner.CascadeTagger(float(cascade_threshold), ner.LacTagger(threads=1),
                                   empty_threshold=empty)
    else:
        tagger = ner.LacTagger(threads=1) if model_name == "lac" else ner.load_tagger(model_name)
    seen: dict[str, list[tuple[int, int]]] = {}

    def tag(texts: Sequence[str]) -> list[list[tuple[int, int]]]:
        new = list(dict.fromkeys(t for t in texts if t not in seen))
        if new:
            if len(seen) + len(new) > cache_size:
                # forget all but this call's known windows: they are not in ``new``, and
                # an article with a window seen before (a byline) failed on a full cache
                known = {t: seen[t] for t in texts if t in seen}
                seen.clear()
                seen.update(known)
            for t, ents in zip(new, tagger.tag(new, labels=("PER",))):
                seen[t] = [(e.start, e.end) for e in ents if e.label == "PER"]
        return [seen[t] for t in texts]
    tag.cache_clear = seen.clear  # type: ignore[attr-defined]  # for benchmarks

    def organisations(text: str) -> list[tuple[int, int]]:
        """The ORG spans of a whole text: asked only where a site's voice stands for its unit
        (我院, 院党委 as an origin: a few texts in a thousand), never in the hot path."""
        return [(e.start, e.end) for e in tagger.tag([text], labels=("ORG",))[0] if e.label == "ORG"]
    tag.organisations = organisations  # type: ignore[attr-defined]
    return tag


@cache
def _plain_words() -> frozenset[str]:
    """2–4-character words of jieba's dictionary whose POS is not a person name (nr*)."""
    return frozenset(w for w, _, tag in jieba_dictionary()
                     if tag is not None and 2 <= len(w) <= 4 and not tag.startswith("nr"))


@cache
def _single_character_tags() -> dict[str, str]:
    """The POS tag of every one-character word of jieba's dictionary."""
    return {w: tag for w, _, tag in jieba_dictionary() if len(w) == 1 and tag is not None}


@cache
def _common_words_not_names(min_freq: int) -> frozenset[str]:
    """The common words (:func:`common_words`) that are no proper noun of jieba's dictionary
    (nr*, ns*, nt*, nz): 对此, 大会; not 基尔, 巴赫, which transliterated names hold."""
    proper = ("nr", "ns", "nt", "nz")
    return frozenset(w for w, freq, tag in jieba_dictionary()
                     if tag is not None and 2 <= len(w) <= 4 and freq >= min_freq
                     and not tag.startswith(proper))


def _holds_word(name: str, words: frozenset[str], lengths: Iterable[int]) -> bool:
    """Whether a piece of ``name`` of one of ``lengths`` characters is one of ``words`` (a common
    word inside a reading makes it no name: 总统|对此|表示)."""
    return any(name[i:i + n] in words for n in lengths for i in range(len(name) - n + 1))


@cache
def _dictionary_words() -> frozenset[str]:
    """Every 2–4-character word of jieba's dictionary, names included."""
    return frozenset(w for w, _, _ in jieba_dictionary() if 2 <= len(w) <= 4)


# ---------------------------------------------------------------------------- gating

def _cue_spans(text: str, sentence_of, rules: PersonRules):
    """(window start, end, anchor, name start, cue start, kind) for every cue next to a
    possible name start; the anchor is the text where the name would be (the 3 characters
    after a title, the 4 before 说); the name start is known after a title, None before a
    speech verb. Cues come in the automaton's order (by end, the longer first); the
    certain cues' candidates are put in that order (cue_windows keeps the first of equal
    anchors)."""
    steps, step = rules.limits.list_steps, rules.limits.list_step
    initials, plans, (title_cues, name_openers) = rules.initials, rules.cue_window, _title_cue_gate(rules)
    certain = _certain_candidates(text, rules)
    c, certain_end = 0, certain[0][0] if certain else len(text) + 1
    for end_index, word in rules.cues.iter(text):
        end, start = end_index + 1, end_index + 1 - len(word)
        while certain_end <= end and (certain_end < end or -certain[c][1] > len(word)):
            yield from _certain_cue(text, certain[c][2], certain[c][3], rules, sentence_of)
            c += 1
            certain_end = certain[c][0] if c < len(certain) else len(text) + 1
        if word in title_cues and (then := text[end:end + 1]) not in name_openers and not then.isspace():
            continue            # a title with no name start after it (half the cue hits)
        for kind, before, after in plans[word]:
            if kind == "after_name":
                if text[start - 2:start - 1] not in initials and \
                        text[start - 3:start - 2] not in initials and text[start - 4:start - 3] not in initials:
                    continue
                anchor, k = text[max(0, start - 4):start], None
            elif kind in _LINE_KINDS:
                yield from _line_cue(text, start, end, kind, sentence_of, rules)
                continue
            elif kind in _CERTAIN_KINDS:
                yield from _certain_cue(text, start, word, rules, sentence_of, kind)
                continue
            else:
                after_cue = text[end:end + 1]
                if after_cue == "\n" and kind == "before_name":   # 第一书记⏎孙某
                    yield 0, 0, text[end + 1:end + 4], end + 1, start, "layout"
                    continue
                if after_cue and after_cue in rules.name_padding and (name := title_line_name(text, end, rules)):
                    yield 0, 0, text[name[0]:name[1]], name[0], start, "title_line"   # 教授  宋某某⏎
                    continue
                k = end + 1 if after_cue.isspace() or after_cue == "”" else end
                if kind == "before_foreign_name" and (     # 总统|泽某, not 总统|一道, 大使|馆
                        not _HAN.match(text, k) or text[k:k + 2] in _plain_words()
                        or text[start:k + 1] in _dictionary_words()) or \
                        kind != "before_foreign_name" and text[k:k + 1] not in initials:
                    # 局长|强某某、, 部长|勒某尔。: read only before a character such a name starts with (most have none)
                    if text[k:k + 1] in rules.ungated_name_starts and (ruled := _ungated_rule_name(text, k, kind, rules)):
                        yield 0, 0, text[ruled[0]:ruled[1]], k, start, ruled[2]
                    continue
                anchor = text[k:k + 3]
                if kind == "before_name" and rules.heading_name.match(text, k):
                    kind = "heading"                            # 村民某某某讲述：⏎
            s_start, s_end = sentence_of(start)
            lo, hi = max(s_start, start - before), min(s_end, end + after)
            for _ in range(steps):
                if "、" not in text[end:hi] or hi >= s_end:
                    break
                hi = min(s_end, hi + step)
            yield lo, hi, anchor + ("、" if "、" in text[end:hi] else ""), k, start, kind
    for _, _, start, word in certain[c:]:
        yield from _certain_cue(text, start, word, rules, sentence_of)


@cache
def _title_cue_gate(rules: PersonRules) -> tuple[frozenset[str], frozenset[str]]:
    """(the cue words read only before a name, the characters that may stand right after
    such a cue when something follows it there): :func:`_cue_spans` reads one of these words
    (a title, a role noun: every kind of its plan one that goes on only at a name initial or
    a surname left out of the gate, the quote or the spaces before one, or a line break)
    only when one of those characters or a space follows it — the same spans, half of the
    cue hits left at one set look-up. Not a foreign title (总统|泽某: any Han character)."""
    ungated_kinds = {"after_name", "before_foreign_name", *_LINE_KINDS, *_CERTAIN_KINDS}
    words = frozenset(w for w, plan in rules.cue_window.items() if all(k not in ungated_kinds for k, *_ in plan))
    return words, rules.initials | rules.ungated_name_starts | frozenset(rules.name_padding) | rules.title_gate_openers


def _ungated_rule_name(text: str, k: int, kind: str, rules: PersonRules
                       ) -> Optional[tuple[int, int, str]]:
    """(start, end, rule kind) of the name the rules read alone after a title where no name
    initial stands (no tagger window there): a name of a surname left out of the gate
    (局长|强某某、), else a transliterated name (部长|勒某尔。, 总裁|拉某德在)."""
    if kind == "before_name" and text[k:k + 1] in rules.gate_left_out_surnames and \
            (name := certain_name(text, k, rules, surnames=rules.gate_left_out_surnames)
             or framed_name(text, k, rules, surnames=rules.gate_left_out_surnames)):
        return name[0], name[1], "left_out_surname"
    if name := translit_name(text, k, rules) or framed_foreign_name(text, k, rules):
        return name[0], name[1], "translit"
    return None


def _certain_candidates(text: str, rules: PersonRules) -> list[tuple[int, int, int, str]]:
    """(end, -length, start, word) of the certain cues' occurrences whose check may pass (a
    surname beside them, or the text's first two characters, where the check reads
    before the text's start), in the automaton's order."""
    out = []
    for word, finder in rules.certain_cues:
        starts = {m.start() for m in finder.finditer(text)}
        starts.update(i for i in range(2) if text.startswith(word, i))
        out.extend((i + len(word), -len(word), i, word) for i in starts)
    out.sort()
    return out


def _certain_cue(text: str, start: int, word: str, rules: PersonRules, sentence_of,
                 only: Optional[str] = None):
    """The rule anchors of a cue after or before which only a name the rules can tell alone
    counts (的|王某, 王某|家): no tagger window, except after 的 where what follows has a
    name's shape (:func:`_name_shaped`: 在南京工作的|周某吃了, 冯庄乡的|史某某，)."""
    end = start + len(word)
    if word == rules.literals.quoted_label_close and not _quoted_label(text, start, rules):
        return
    for kind, before, after in rules.cue_window[word]:
        if only is not None and kind != only:
            continue
        if kind == "before_name_certain":
            if text[end:end + 1] in rules.surnames:
                lo = hi = 0
                if after and _name_shaped(text, end):
                    s_start, s_end = sentence_of(start)
                    lo, hi = max(s_start, start - before), min(s_end, end + after)
                yield lo, hi, text[end:end + 3], end, start, kind
        elif kind == "after_name_certain":
            if text[start - 2:start - 1] in rules.surnames or text[start - 3:start - 2] in rules.surnames:
                yield 0, 0, text[max(0, start - 4):start], None, start, kind


def _quoted_label(text: str, close: int, rules: PersonRules) -> bool:
    """Whether the quote closing at ``close`` may be a label before a name (“轮胎王”|王某志):
    not one shorter than ``quoted_label_min`` (“爬”|上了坡: a verb set off), not one inside a
    work's title (《“事儿妈”宋某娥》: a character), not one a conjunction or copula follows
    (“…”|和尊法, “…”|成了新的: ``quoted_label_not_before``), not a quote opened farther back
    than ``quoted_label_reach`` (a quoted speech: ”王某说, whose speech verb opens a window)."""
    literal, limits = rules.literals, rules.limits
    if text.startswith(rules.affixes.quoted_label_not_before, close + 1):
        return False
    lo = max(0, close - limits.quoted_label_reach)
    opening = text.rfind(literal.quoted_label_open, lo, close)
    if opening < 0 or close - opening - 1 < limits.quoted_label_min:
        return False
    title = text.rfind(literal.work_title_open, lo, close)
    return title < 0 or literal.work_title_close in text[title:close]


def _name_shaped(text: str, k: int) -> bool:
    """Three Han characters at ``k`` (a surname there, checked by the caller) that may open a
    name: neither the first two nor the three are a word of jieba's dictionary (的|方式,
    的|文化, 的|李子地, 的|汪洋大海, 的|党中央, 的|马铃薯)."""
    return bool(_HAN_RUN.fullmatch(text[k:k + 3])) and len(text[k:k + 3]) == 3 \
        and text[k:k + 2] not in _dictionary_words() and text[k:k + 3] not in _dictionary_words()


#: cue kinds after or before which only a name the rules can tell alone counts (的, 家)
_CERTAIN_KINDS = ("before_name_certain", "after_name_certain")
#: cue kinds read by _line_cue: headings, attribution lines, list ends, seat words, dots
_LINE_KINDS = ("before_name_heading", "attribution", "after_list", "after_seat", "dot",
               "known_cadre", "known_person", "tibetan_part")
#: cue kinds of names read wherever they stand (known_cadres, known_persons)
_KNOWN_KINDS = ("known_cadre", "known_person")


def _line_cue(text: str, start: int, end: int, kind: str, sentence_of, rules: PersonRules):
    """The window or rule anchor of a cue of the issue-10 kinds (as :func:`_cue_spans`)."""
    if kind == "before_name_heading":               # 全国人大代表谢某：⏎
        if rules.heading_name.match(text, end):
            yield 0, 0, text[end:end + 3], end, start, "heading"
    elif kind == "attribution":                     # ⏎——国家一级导演王某某⏎
        line_max = rules.limits.attribution_line_max
        line_end = text.find("\n", end, end + line_max + 1)
        line_end = len(text) if line_end < 0 and len(text) - end <= line_max else line_end
        if (start == 0 or text[start - 1] == "\n") and line_end > end + 1 \
                and not any(c in "，。；！？" for c in text[end:line_end]):
            yield end, line_end, text[end:line_end], None, start, kind
    elif kind == "after_list":                      # 陈某、李某、刘某某等
        first = _list_before(text, start, rules)
        if first is not None:
            s_start, _ = sentence_of(start)
            lo = max(s_start, first - rules.limits.han_name_max)
            yield lo, start, text[lo:start], None, start, kind
    elif kind == "tibetan_part":                    # 次仁|顿珠: two parts in a row
        if text[end:end + 2] in rules.words["tibetan_name_parts"]:
            yield 0, 0, text[start:end + 2], start, start, kind
    elif kind in _KNOWN_KINDS:                      # 焦裕禄, 毛泽东, 钱学森: no title needed
        if _known_name_at(text, start, end, rules, kind):
            yield 0, 0, text[start:end], start, start, kind
    elif kind == "dot":                             # 齐某古丽·库尔班, 科林·布莱克莫尔
        before, after = rules.cue_window["·"][0][1:]
        if _HAN.match(text, start - 1) and _HAN.match(text, end) and \
                not _inside_heading_marks(text, start, before, rules):
            s_start, s_end = sentence_of(start)
            yield max(s_start, start - before), min(s_end, end + after), \
                text[max(0, start - 4):end + 4], None, start, kind
    elif rules.followers.match(text, end):          # after_seat, 某某代表说: the rules alone
        yield 0, 0, text[max(0, start - 4):start], None, start, kind


def _known_name_at(text: str, start: int, end: int, rules: PersonRules, kind: str) -> bool:
    """A name of ``known_cadres`` (or ``known_persons``, by ``kind``) at text[start:end]
    stands for the person: not (a 2-character one) the end of a longer Han name, not a
    work's title (《焦某某》), not a doctrine, award or place named after the person (某某思想,
    某某故居, 某某文学奖)."""
    if text[start - 1:start] == "《" or text[end:end + 1] == "》":
        return False
    if end - start == 2 and _HAN.match(text, start - 1) and \
            text[start - 1] not in rules.words["name_left_chars"] and \
            not rules.lead_cue_end.search(text, max(0, start - rules.limits.lead_cue_reach), start):
        return False
    # nor (2 characters) the start of a longer name: what follows ends it (韩正|出席, 汪洋|、);
    # a name that is also a word (汪洋|无边) needs a name follower or a title after it
    if end - start == 2 and _HAN.match(text, end) and not rules.followers.match(text, end) \
            and not rules.cadre_after.match(text, end) and \
            (not any(text[end:end + n] in _dictionary_words() for n in rules.name_lengths) or
             text[start:end] in rules.known_cadre_word_names):
        return False
    return not text.startswith(rules.affixes.known_cadre_not_before if kind == "known_cadre"
                               else rules.affixes.known_person_not_before, end)


def _inside_heading_marks(text: str, dot: int, reach: int, rules: PersonRules) -> bool:
    """The dot at ``dot`` is inside brackets or quotes opened at most ``reach`` characters
    before it (（小康路上·绿色力量）, 《印象·刘三姐》, “大联动·微治理”): a column or work
    title, not a name."""
    for opening, closing in rules.dot_title_marks:
        i = text.rfind(opening, max(0, dot - reach), dot)
        if i >= 0 and closing not in text[i + 1:dot]:
            return True
    return False


#: cue kinds whose names only the rules read (no tagger window)
_RULE_KINDS = ("layout", "title_line", "translit", "after_seat", "heading", "known_cadre", "known_person", "tibetan_part",
               "clause_start", "left_out_surname", "name_line", "before_name_ruled")


def _list_before(text: str, end: int, rules: PersonRules) -> Optional[int]:
    """Where a 、-list of at least ``list_min_items`` short items (2–4 Han characters, each
    starting with a name initial) ending at ``end`` begins, read back at most
    ``list_window`` characters (a bounded scan from each list end); None when there is
    none."""
    limit = max(0, end - rules.limits.list_window)
    longest = rules.limits.han_name_max
    items, pos, first = 0, end, None
    while True:
        j = pos
        while j > limit and pos - j < longest and _HAN.match(text, j - 1):
            j -= 1
        if pos - j < 2 or text[j] not in rules.initials:
            break
        items, first = items + 1, j
        if j - 1 > limit and text[j - 1] == "、":
            pos = j - 1
        else:
            break
    return first if items >= rules.limits.list_min_items else None


def _sentence_start_spans(text: str, sentences, rules: PersonRules):
    """The head of each sentence that starts with a name initial (李宇是…) but not with an
    ordinary word (同时, 今年, 林果业: jieba's dictionary, not a person name)."""
    head = rules.limits.sentence_start_window
    plain = _plain_words()
    initials = rules.initials
    for s_start, s_end in sentences:
        k = s_start
        if text[k:k + 1] not in initials:       # most sentences: neither a name nor a space
            while k < s_end and text[k].isspace():
                k += 1
        if head and text[k:k + 1] in initials and text[k:k + 2] not in plain and \
                text[k:k + 3] not in plain and text[k:k + 4] not in plain:
            if text[k + 1:k + 2] in rules.name_padding:           # 精品奉献人民⏎姜 某⏎: an author's line
                yield 0, 0, text[k:k + 3], k, k, "name_line"
            yield k, min(s_end, k + head), text[k:k + 3], k, k, "sentence_start"


def _clause_start_spans(text: str, rules: PersonRules):
    """Rule anchors at the head of each clause after one of ``clause_marks`` (在某村，|周某某
    便…) that starts with a Han surname and no ordinary word: only a name the rules tell
    alone counts there (:func:`certain_name`, strict), no tagger window (tagged, clause
    heads added as many false names as true ones on dev and 14% more characters)."""
    plain = _plain_words()
    for heads in rules.clause_heads:        # mark by mark, as clause_marks lists them
        for m in heads.finditer(text):
            k = m.end()
            if text[k:k + 2] not in plain and text[k:k + 3] not in plain and text[k:k + 4] not in plain:
                yield 0, 0, text[k:k + 3], k, k, "clause_start"


def certain_name(text: str, k: int, rules: PersonRules, strict: bool = False,
                 surnames: Optional[frozenset[str]] = None, titled: bool = False) -> Optional[tuple[int, int]]:
    """The name starting at ``k`` when the rules alone can tell its length: one of 2 or 3
    Han characters followed by a name follower (黄斌|表示), no follower inside, and no
    ordinary word inside (王青山 has 青山: left to the tagger). ``strict`` (after a weak cue
    such as 的): 3 characters only (腾飞的|白鸽), and no word of jieba's dictionary at all
    inside, not even one it also tags as a name (阳光, 黄牛, 高峰). ``titled`` (right after a
    title): a digit follows a name too (大使程某某|9月30日); ``surnames``: the surnames a name may
    start with, when not the gate's."""
    if text[k:k + 1] not in (surnames or rules.surnames):
        return None                     # the cheapest test first (every test here is pure)
    fits = []
    # 王某才，: 才, 常, 正 before a mark end the given name (an adverb needs a verb after it)
    given_end = text[k + 2:k + 3] in rules.words["given_name_follower_chars"] and \
        text[k + 3:k + 4] in rules.words["clause_name_not_before"] or _object_char_ends_name(text, k + 2, rules)
    followers, inside = rules.followers, None       # inside: a follower at k + 1, asked once
    for n in (rules.rules_name_lengths[-1:] if strict else rules.rules_name_lengths):
        if n == 2 and given_end:
            continue
        name = text[k:k + n]
        if len(name) == n and _HAN.fullmatch(name[-1]) and (followers.match(text, k + n)
                                                             or titled and (text[k + n:k + n + 1]
                                                             in rules.words["titled_name_follower_chars"]
                                                             or rules.titled_followers.match(text, k + n))):
            if inside is None:
                inside = bool(followers.match(text, k + 1))
            if not inside and not (n == 3 and followers.match(text, k + 2) and not given_end):
                fits.append(n)
    if len(fits) != 1:
        return None
    name = text[k:k + fits[0] + 1]          # with the next character: 齐|助力
    plain = _dictionary_words() if strict else _plain_words()
    # a given name that is a word too (安|兴国) may end a 3-character name
    given = 1 if fits[0] == 3 and name[1:3] in rules.words["given_name_tails"] else None
    if name[-2] in rules.words["place_suffix_chars"] or \
            any(name[i:i + 2] in plain for i in range(len(name) - 1) if i != given):
        return None
    return k, k + fits[0]


def _object_char_ends_name(text: str, i: int, rules: PersonRules) -> bool:
    """``text[i]`` is one of ``object_end_chars`` (让, 为, 从) with no object after it: a speech
    verb, an adverb or punctuation comes next (杜某让|介绍, 陈某从|曾是), not the start of a longer
    word (让|说明: someone is told to explain), so it ends a given name."""
    if text[i:i + 1] not in rules.words["object_end_chars"]:
        return False
    after = next((w for w in rules.affixes.object_char_not_before if text.startswith(w, i + 1)), None)
    return after is not None and (len(after) > 1 or not _HAN.match(after)
                                  or text[i + 1:i + 3] not in _plain_words())


def framed_name(text: str, k: int, rules: PersonRules, surnames: Optional[frozenset[str]] = None
                ) -> Optional[tuple[int, int]]:
    """The Han name starting at ``k`` right after a title when a speech verb closes it
    (项目经理|程某庆|介绍, 党支部书记|周某州|介绍, 副研究员|童某|认为): exactly one length of 2 or 3
    Han characters ends before one of ``framed_name_verbs``, starting with a Han surname (or
    one of ``surnames``). Between a title and a speech verb the name may hold an ordinary word
    (国庆, 徐州: :func:`certain_name` leaves those to the tagger, which misses them), but not a
    pronoun (书记|向他们|表示, 村民|常这么|说: ``framed_name_not_tags``), nor be an ordinary word
    of jieba's dictionary as a whole (选手|乐于|表达, 教练员|代表|说), nor end in a name follower or one of
    ``framed_name_end_not`` (主任|刘某也|认为, 董事长|张某某所|说), nor be a place, a negative-table
    word or a surname with a form of address (市民|李女士|说)."""
    if text[k:k + 1] not in (surnames or rules.surnames):
        return None
    fits = _framed_lengths(text, k, rules.rules_name_lengths[0], rules.rules_name_lengths[-1], rules)
    if len(fits) != 1:
        return None
    return (k, k + fits[0]) if _framed_name_ok(text, k, fits[0], rules) else None


def _framed_name_ok(text: str, k: int, n: int, rules: PersonRules) -> bool:
    """The checks :func:`framed_name` and :func:`closed_name` make of the name text[k:k+n]."""
    name = text[k:k + n]
    w, tags = rules.words, _word_tags()
    return not (name in rules.gazetteer.forms or name in w["negative"] or name[-1] in w["framed_name_end_not"]
                or any(rules.followers.match(text, k + i) for i in range(1, n))
                or name.endswith(tuple(w["not_full_name_suffix"]))
                or name in _plain_words()
                or any(tags.get(name[i:i + 2], "").startswith(tuple(w["framed_name_not_tags"]))
                       for i in range(n - 1)))


def closed_name(text: str, k: int, rules: PersonRules) -> Optional[tuple[int, int]]:
    """The Han name starting at ``k`` right after a title when a mark closes it (县委常委、副县长|
    高某义|，县乡村振兴局局长…, 机关纪委书记|杨某|、纳雍县…, 常务副县长|皮某厚|等县委…): exactly one
    length of 2 or 3 Han characters ends before one of ``closed_name_marks`` (the Han run ends
    there) or ``closed_name_words``. As between a title and a speech verb (:func:`framed_name`,
    whose checks it shares), the name may hold an ordinary word (发义, 忠厚) that makes
    certain_name leave it to the tagger; read only where the tagger found no name there
    (:func:`_fallback_readings`)."""
    if text[k:k + 1] not in rules.surnames:
        return None
    shortest, longest = rules.rules_name_lengths[0], rules.rules_name_lengths[-1]
    run = _HAN_RUN.match(text, k, k + longest + 1)
    end = run.end() - k if run else 0
    words = rules.affixes.closed_name_words
    fits = [n for n in range(shortest, longest + 1)
            if n == end and text[k + n:k + n + 1] in rules.words["closed_name_marks"]
            or n < end and text.startswith(words, k + n)]
    if len(fits) != 1 or not _framed_name_ok(text, k, fits[0], rules):
        return None
    name, w, tags = text[k:k + fits[0]], rules.words, _word_tags()
    if name[0] in w["conjunction_chars"] or name[-1] in w["place_suffix_chars"] \
            or name in _dictionary_words() and tags.get(name) != rules.literals.closed_name_word_tag \
            or len(name) == 3 and tags.get(name[1:]) in w["closed_given_not_tags"]:
        return None         # 负责人|和村医|、, 徐汇区长|宁区|等, 岁的|庄稼汉|，, 贫困户|全覆盖|，, 书记|上党课|、
    return k, k + fits[0]


def _closed_reading(text: str, cue_start: int, k: int, rules: PersonRules) -> Optional[tuple[int, int]]:
    """:func:`closed_name` at ``k`` when the cue text[cue_start:k] is an official's title
    (``closed_name_titles``) that is no familiar form of a name before it: 毛主席|纪念堂 (a surname
    before the title that ends no word there: 到|毛主席, not 党委|书记), nor the end of a word
    (地处长|江源头: no title there)."""
    ends = rules.closed_name_ends          # most titles' names end before no such mark: no more asked
    if text[k + 2:k + 3] not in ends and text[k + 3:k + 4] not in ends or text[k:k + 1] not in rules.surnames:
        return None
    words = _dictionary_words()
    if not text[cue_start:k].rstrip(" ”").endswith(rules.affixes.closed_name_titles) or \
            text[cue_start - 1:cue_start] in rules.surnames and text[cue_start - 2:cue_start] not in words or \
            text[cue_start - 1:cue_start + 1] in words:
        return None
    return closed_name(text, k, rules)


def _fallback_readings(text: str, tagged: list[tuple[int, int]], direct: list[tuple[int, int]],
                       starts: list[int], closed: list[tuple[int, int]], rules: PersonRules
                       ) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(tagged, direct) after the rules' fallbacks: :func:`bounded_name` at the strong cues'
    name starts (:func:`_bounded_fallbacks`), then the names :func:`closed_name` read after
    titles that no span found so far touches (the tagger's reading there is kept)."""
    if starts:
        tagged, bounded = _bounded_fallbacks(text, tagged, starts, rules)
        direct = direct + bounded
    if closed:
        covered = {i for a, b in tagged + direct for i in range(a, b)}
        direct = direct + [span for span in dict.fromkeys(closed) if covered.isdisjoint(range(*span))]
    return tagged, direct


def _framed_lengths(text: str, k: int, shortest: int, longest: int, rules: PersonRules) -> list[int]:
    """The lengths n (``shortest``..``longest``) of the Han runs from ``k`` that a speech verb of
    ``framed_name_verbs`` (Han too) follows at k + n. (A digit after a foreign name, 议长|阿某|6月,
    is no such closer: 本报|乌兰巴托|10月3日电 is a place.)"""
    starts = rules.framed_verb_starts
    if starts.isdisjoint(text[k + shortest:k + longest + 1]):     # most places: no verb near
        return []
    run = _HAN_RUN.match(text, k, k + longest + 1)
    end = run.end() if run else k
    return [n for n in range(shortest, min(longest, end - k - 1) + 1)
            if text[k + n] in starts and rules.framed_verbs.match(text, k + n)]


def framed_foreign_name(text: str, k: int, rules: PersonRules) -> Optional[tuple[int, int]]:
    """A foreign name starting at ``k`` right after a title when a speech verb closes it
    (委员会主席|拉某万|表示, 司长|博某文|认为, 负责人|克某迪娅|认为, 总裁|本某哲朗|说), where
    :func:`translit_name` reads none (a character outside ``translit_chars``: 万, 喜), starting
    with no Han surname (a Han name there is the tagger's or :func:`framed_name`'s): the
    shortest run of ``framed_foreign_min``..``long_name_max`` Han characters that ends before one
    of ``framed_name_verbs``; no common word inside (as translit_name: 拉加 is rare), no
    character outside ``translit_chars`` that jieba has only as a function word
    (``framed_foreign_not_char_tags``: 在贺信|中, 对我, 就曾, 国均), not an ordinary word as a whole
    (到访, 致辞), no name follower inside nor one of ``framed_name_end_not`` at its end, not a
    familiar form (老胡), a place or a negative-table word."""
    if text[k:k + 1] in rules.surnames:     # 学生|沈某萱观影后|说: a Han name, the tagger's
        return None
    fits = _framed_lengths(text, k, rules.limits.framed_foreign_min, rules.limits.long_name_max, rules)
    if not fits:
        return None
    n = fits[0]         # the first verb ends the name (总经理|占某|对本报记者说: not …对本报记者|说)
    name = text[k:k + n]
    w, tags = rules.words, _single_character_tags()
    translit, not_tags = w["translit_chars"], tuple(w["framed_foreign_not_char_tags"])
    common = _common_words_not_names(rules.limits.translit_word_min_freq)
    if name in rules.gazetteer.forms or name in w["negative"] or name in _plain_words() \
            or name[0] in w["familiar_prefix"] or name[-1] in w["framed_name_end_not"] \
            or any(rules.followers.match(text, k + i) for i in range(1, n)) \
            or any(c not in translit and tags.get(c, "").startswith(not_tags) for c in name) \
            or _holds_word(name, common, rules.name_lengths):
        return None
    return k, k + n


@cache
def _word_tags() -> dict[str, str]:
    """The POS tag of every 2–3-character word of jieba's dictionary."""
    return {w: tag for w, _, tag in jieba_dictionary() if tag is not None and 2 <= len(w) <= 3}


def certain_name_before(text: str, end: int, rules: PersonRules) -> Optional[tuple[int, int]]:
    """The name ending at ``end`` (right before a cue such as 说 or 家) when the rules alone
    can tell it: 2 or 3 Han characters starting with a Han surname, with no name follower
    inside, no ordinary word inside or across its end (大|家; 林|家 is a surname's
    family), and a left edge where a name can start (not a Han character or a digit, 900|万人
    表示, or one of ``name_left_chars``: 村|彭某家, 的|王某说); exactly one length must
    fit."""
    fits = []
    plain = _plain_words()
    left_chars = rules.words["name_left_chars"]
    for n in rules.rules_name_lengths:
        k = end - n
        name = text[k:end + 1]
        if k < 0 or text[k] not in rules.surnames or not _HAN_RUN.fullmatch(name[:-1]) \
                or rules.followers.match(text, k + 1) or (n == 3 and rules.followers.match(text, k + 2)) \
                or name[-2] in rules.words["place_suffix_chars"] \
                or name[:2] in plain or (n == 3 and name[1:3] in plain) \
                or (name[-2:] in plain and name[-2] not in rules.surnames) \
                or text.startswith(rules.affixes.name_end_cut_words, end - 1):
            continue                    # 伍某副|教授: 副 opens the rank, 伍某 is the name
        if k == 0 or (not _HAN.match(text, k - 1) and not text[k - 1].isdigit()) \
                or text[k - 1] in left_chars:
            fits.append((k, end))
    return fits[0] if len(fits) == 1 else None


def _rule_name_ok(text: str, a: int, b: int, rules: PersonRules, whole_only: bool = False) -> bool:
    """text[a:b] may be a name the rules take alone: it starts with a name initial, is no
    place of the gazetteer and not in the negative table, and holds no ordinary word
    (``whole_only``: is not one, 端和平 holds 和平)."""
    name = _SPACE.sub("", text[a:b])        # 陈 某: a 2-character name padded by a space
    if not rules.limits.han_name_min <= len(name.replace(_DOT, "")) or text[a] not in rules.initials or \
            name in rules.gazetteer.forms or name in rules.words["negative"]:
        return False
    plain = _plain_words()
    if whole_only or _DOT in name:
        return name not in plain
    return not any(name[i:i + n] in plain for n in rules.name_lengths for i in range(len(name) - n + 1))


def layout_name(text: str, k: int, cue_start: int, rules: PersonRules) -> Optional[tuple[int, int]]:
    """The name alone on the line starting at ``k`` under a short title line that ends with
    the cue at ``cue_start`` (湖南省某村⏎第一书记⏎孙某某⏎): the whole line, when it has the
    shape of a name (2–4 Han characters, or a transliterated name with a middle dot)."""
    line_max = rules.limits.title_line_max
    line_start = text.rfind("\n", max(0, cue_start - line_max - 1), cue_start)
    if line_start < 0 and cue_start > line_max:
        return None
    m = rules.layout_name.match(text, k)
    if not m or not _rule_name_ok(text, *m.span("name"), rules, whole_only=True):
        return None
    return m.span("name")


def title_line_name(text: str, end: int, rules: PersonRules) -> Optional[tuple[int, int]]:
    """The name alone at the end of a title's line, after the spaces that follow the title
    ending at ``end`` (中国人民大学新闻学院教授  宋某某⏎, …委员会主任 陈 某⏎): 2–4 Han characters,
    two with a space between, or a transliterated name with a middle dot, that are not one
    ordinary word; not a credit (新华社记者  某某某摄⏎: credit_names reads it)."""
    m = rules.title_line_name.match(text, end)
    if not m or text.endswith(rules.affixes.title_line_credit_ends, *m.span("name")) or \
            not _rule_name_ok(text, *m.span("name"), rules, whole_only=True):
        return None
    return m.span("name")


def padded_name_line(text: str, k: int, rules: PersonRules) -> Optional[tuple[int, int]]:
    """The padded 2-character name (姜 某) that is all of the line starting at ``k``, right
    under a heading line (the line before ends in none of ``heading_end_not``): a column
    piece's author; the first character a Han surname, the two no ordinary word (目 录)."""
    m = rules.padded_name_line.match(text, k)
    if not m or text[k] not in rules.surnames or text[text.rfind("\n", 0, k) + 1:k].strip():
        return None
    above = text[:k].rstrip()
    if not above or above[-1] in rules.words["heading_end_not"] or "\n" not in text[len(above):k]:
        return None
    return m.span("name") if _rule_name_ok(text, *m.span("name"), rules, whole_only=True) else None


def heading_name(text: str, k: int, rules: PersonRules) -> Optional[tuple[int, int]]:
    """The name that closes a heading after a title or role noun (…村民端某某：⏎, 全国人大代表
    谢某某：⏎, 村民吉某某某讲述：⏎)."""
    m = rules.heading_name.match(text, k)
    if not m or not _rule_name_ok(text, *m.span("name"), rules, whole_only=True):
        return None
    return m.span("name")


def deputy_name(text: str, seat: int, rules: PersonRules) -> Optional[tuple[int, int]]:
    """The name right before an assembly seat word at ``seat`` (局长|降某代表说, 副市长|高某
    委员表示, ⏎杜某某代表（…）): 2–4 Han characters with a title, punctuation or the start of
    the line before them (exactly one length fits), or a transliterated name with a middle
    dot read back over transliteration characters."""
    fits, titled = [], False
    reach = 2 * rules.limits.translit_side_max + 1
    if text[seat - 1:seat] != _DOT and _DOT in text[max(0, seat - reach):seat]:
        a, chars = seat, rules.words["translit_chars"]
        while a > max(0, seat - reach) and (text[a - 1] in chars or text[a - 1] == _DOT):
            a -= 1
        if _DOT in text[a:seat].strip(_DOT):
            fits.append((a, seat))
    else:
        for n in rules.name_lengths:
            a = seat - n
            if a < 0 or not _HAN_RUN.fullmatch(text, a, seat):
                continue
            title = rules.cadre_titles.search(text, max(0, a - rules.limits.title_max), a)
            if a == 0 or text[a - 1] in rules.words["boundary_chars"] or title:
                fits.append((a, seat))
                titled = bool(title)
    if len(fits) != 1:
        return None
    # after a title an ordinary word may be a name (副市长|高某委员), as for the tagger's
    # names (clean_name); at the start of a line or clause it may not (⏎全国|人大代表)
    a, b = fits[0]
    if titled:
        if text[a] not in rules.initials or text[a:b] in rules.gazetteer.forms:
            return None
    elif not _rule_name_ok(text, a, b, rules):
        # ⏎王某生代表（某省委书记…）: the post in brackets is the title, so a name holding
        # a word (王国) may stand, as after a title; not one that is a word
        bracket = rules.bracket_post.match(text, seat)
        if not (bracket and _is_cadre_title(bracket.group("title"), bracket.group("title"), rules, 0)
                and _rule_name_ok(text, a, b, rules, whole_only=True)):
            return None
    return fits[0]


def _rule_name(text: str, kind: str, k: Optional[int], cue_start: int, rules: PersonRules
               ) -> Optional[tuple[int, int]]:
    """The name the rules read alone at a cue of this kind, if any."""
    if kind == "attribution":
        return None
    if kind == "layout":
        return layout_name(text, k, cue_start, rules)
    if kind == "title_line":
        return title_line_name(text, _back_over_padding(text, k, rules), rules)    # from the title's end
    if kind == "name_line":
        return padded_name_line(text, k, rules)
    if kind == "after_seat":
        return deputy_name(text, cue_start, rules)
    if kind == "dot":
        return dotted_name(text, cue_start, rules)
    if kind in _KNOWN_KINDS:
        known = rules.words["known_names"]
        return next((k, k + n) for n in rules.known_name_lengths if text[k:k + n] in known)
    if kind == "heading" and (name := heading_name(text, k, rules)):
        return name
    if kind == "left_out_surname":               # 局长|强某某、: read by _cue_spans
        return certain_name(text, k, rules, surnames=rules.gate_left_out_surnames) or \
            framed_name(text, k, rules, surnames=rules.gate_left_out_surnames)
    if kind == "clause_start":                   # 以来，|顾某某每天: not 路太远，
        name = certain_name(text, k, rules, strict=True)
        return name if name and text[name[1]:name[1] + 1] not in rules.words["clause_name_not_before"] \
            and _rule_name_ok(text, *name, rules) else None
    if k is not None and (name := tibetan_name(text, k, rules)):
        return name
    if kind in _TRANSLIT_KINDS and text[k:k + 1] in rules.words["translit_title_chars"] \
            and (name := translit_name(text, k, rules) or framed_foreign_name(text, k, rules)):   # (as in _cue_spans)
        return name
    if k is not None:
        titled = kind in ("before_name", "before_foreign_name", "before_name_ruled")
        name = certain_name(text, k, rules, strict=kind == "before_name_certain", titled=titled) or \
            (framed_name(text, k, rules) or framed_foreign_name(text, k, rules) if titled else None)
        if name and kind == "before_name_ruled" and name[1] - name[0] == 2 and \
                _single_character_tags().get(text[name[1] - 1], "").startswith(rules.affixes.name_end_not_tags) \
                and not _verb_ended_name_ok(text, name[1], rules):
            return None         # 爱国人士|敬献|的, 同事|和他|在: a verb or pronoun ends no 2-character name there
        return name
    return certain_name_before(text, cue_start, rules)


def _verb_ended_name_ok(text: str, end: int, rules: PersonRules) -> bool:
    """Whether a 2-character name read after a kin or role word (before_name_ruled) may end in a
    character jieba tags as a verb (爱好者|李某|，, 企业代表|王某|在): only before a clause mark or 在
    (``ruled_verb_end_followers``; not 爱国人士|敬献|的), and never a pronoun's or adverb's (同事|和他|在)."""
    return _single_character_tags().get(text[end - 1]) == rules.literals.ruled_verb_end_tag \
        and text[end:end + 1] in rules.words["ruled_verb_end_followers"]


#: cue kinds after which a transliterated name is read (titles and role nouns, heads of state
#: and diplomats; "translit": a title before a name initial of no Han name, 部长|勒某尔)
_TRANSLIT_KINDS = ("before_name", "before_foreign_name", "translit")


def translit_name(text: str, k: int, rules: PersonRules) -> Optional[tuple[int, int]]:
    """A transliterated name without a dot right after a title (财政部长卡某瓦达表示, 部长姆某钦
    开始, 副市长娜某勒代表): the longest run of ``translit_chars`` from ``k``, ``translit_name_min``
    to ``translit_name_max`` characters, that ends before a name follower, with no follower
    inside (阿不都… holds 都: left to the dotted reading), no place or negative-table name, and
    no common word inside (江山|如是说; jieba holds many rare fragments of foreign names, 菲利,
    拉加, so only words at least ``translit_word_min_freq`` frequent count)."""
    chars = rules.words["translit_title_chars"]     # (its callers ask only before one of these)
    shortest, longest = rules.limits.translit_name_min, rules.limits.translit_name_max
    run = k
    while run - k < longest and text[run:run + 1] in chars:
        run += 1
    if run - k < shortest:
        return None
    # a name follower inside the run ends it: no name runs through one (阿不都…)
    run = next((i for i in range(k + 1, run) if rules.followers.match(text, i)), run)
    common = common_words(rules.limits.translit_word_min_freq)
    for b in range(run, k + shortest - 1, -1):
        if rules.followers.match(text, b):
            name = text[k:b]
            # common_words holds words of 2–4 characters: every such piece of the name is asked
            if name in rules.gazetteer.forms or name in rules.words["negative"] or \
                    _holds_word(name, common, rules.name_lengths):
                return None
            return k, b
    return None


def tibetan_name(text: str, k: int, rules: PersonRules) -> Optional[tuple[int, int]]:
    """Two parts of ``tibetan_name_parts`` in a row at ``k`` (次仁|顿珠, 扎西|顿玉): a Tibetan
    name of 4 characters (a third part would pass the longest Han name)."""
    parts = rules.words["tibetan_name_parts"]
    if text[k:k + 2] in parts and text[k + 2:k + 4] in parts:
        return k, k + 4
    return None


def _bounded_cue(text: str, kind: str, k: Optional[int], cue_start: int, rules: PersonRules
                 ) -> bool:
    """The cue before ``k`` is one after which a name surely starts there (村民|余某某,
    某某村的|庞某某): ``bounded_name_cues``, or 的 after a village or township."""
    if k is None:
        return False
    if kind == "before_name_certain":
        return text[cue_start - 1:cue_start] in rules.words["bounded_name_before_de"]
    return kind == "before_name" and text[cue_start:k].rstrip(" ”") in rules.words["bounded_name_cues"] \
        and not text.endswith(rules.affixes.bounded_name_not_after, 0, k)


def bounded_name(text: str, k: int, rules: PersonRules) -> Optional[tuple[int, int]]:
    """The 3-character name starting at ``k`` (after a strong cue) when it ends where a
    word of jieba's dictionary or a name follower starts (权某某|眼里, 周某某|发现), its
    last character forms no word with the next one (not 王某一|家人), and no 2-character
    reading ends before a name follower; it starts with a Han surname and holds no
    ordinary word. (Two characters before a dictionary word are too often a name's start:
    石某|三清晰.) Where no such length fits, or the name starts with no Han surname, a
    4-character name may (:func:`_four_character_name`)."""
    if text[k:k + 1] not in rules.surnames:
        return _four_character_name(text, k, rules)
    words, plain = _dictionary_words(), _plain_words()
    given = rules.words["given_name_follower_chars"]     # 脱贫户|王某双|家: 正 inside a 3-character name
    fits = []
    for n in rules.rules_name_lengths:
        name = text[k:k + n]
        if len(name) < n or not _HAN_RUN.fullmatch(name) or name[-1] in rules.words["place_suffix_chars"] \
                or any(rules.followers.match(text, k + i) and not (i == 1 and n == 3 and name[1] in given)
                       for i in range(1, n)) \
                or any(name[i:i + 2] in plain for i in range(n - 1)) or name in plain:   # 岁的|全运会
            continue
        if (rules.followers.match(text, k + n) or n == 3 and text[k + n:k + n + 2] in words) \
                and text[k + n - 1:k + n + 1] not in words:
            fits.append((k, k + n))
    if not fits:
        return _four_character_name(text, k, rules)
    return fits[0] if len(fits) == 1 and fits[0][1] - k == 3 else None


def _four_character_name(text: str, k: int, rules: PersonRules) -> Optional[tuple[int, int]]:
    """The 4-character name starting at ``k`` after a strong cue where no shorter one ends
    (村民|俄某作某回想…, 50多岁的|说某阿某“逐客”: Yi and other minority names): four Han
    characters starting with a name initial, no name follower inside, a name follower after
    them, no ordinary word inside nor across their end, no known name at their start (贺某|老总),
    and a last character that ends a name (not 施某某|想, 胡某某|忙: name_end_not_tags). A shorter
    name the tagger found there is kept (孙某某|时: :func:`_bounded_fallbacks`)."""
    name = text[k:k + 4]
    if len(name) < 4 or not _HAN_RUN.fullmatch(name) or name[0] not in rules.initials \
            or not rules.followers.match(text, k + 4) \
            or any(rules.followers.match(text, k + i) for i in range(1, 4)):
        return None
    plain, words = _plain_words(), _dictionary_words()
    if any(name[i:i + n] in plain for n in (2, 3) for i in range(5 - n)) or name in words \
            or text[k + 3:k + 5] in words or name[:2] in rules.words["known_names"] \
            or name[:3] in rules.words["known_names"] \
            or _single_character_tags().get(name[-1], "").startswith(rules.affixes.name_end_not_tags):
        return None
    return k, k + 4


def _bounded_fallbacks(text: str, tagged: list[tuple[int, int]], starts: list[int],
                       rules: PersonRules) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(the tagged spans, the names :func:`bounded_name` reads) at the strong cues'
    name starts: where the tagger found nothing (贫困户|权某某眼里) or a span of another
    length starting there (周训|先发现, 马云奎倍|受鼓舞), the rules' reading is taken."""
    at = {a: (a, b) for a, b in tagged}
    covered = {i for a, b in tagged for i in range(a, b)}
    extra, replaced = [], set()
    for k in dict.fromkeys(starts):
        name = bounded_name(text, k, rules)
        if name is None or (k in covered and k not in at) or at.get(k) == name or \
                (k in at and at[k][1] < name[1]):       # 高某|算细账: the tagger's shorter name
            continue
        if k in at:
            replaced.add(at[k])
        extra.append(name)
    return [span for span in tagged if span not in replaced], extra


def cue_windows(text: str, sentence_of, sentences, rules: PersonRules,
                known: Iterable[str] = (), dot_windows: Optional[list[tuple[int, int]]] = None,
                fallback_starts: Optional[list[int]] = None, read_list_ends: frozenset[int] = frozenset(),
                start_windows: Optional[list[tuple[int, int, int]]] = None,
                closed: Optional[list[tuple[int, int]]] = None
                ) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(windows for the tagger, names the rules found alone). Windows surround the cues
    (``cue_window`` characters before and after, by the cue's kind, clipped to the
    sentence) and sentence heads. A window whose anchor text was seen before is skipped:
    the name there, if any, was found at its first occurrence, and every occurrence of a
    found name is a mention. So is a window before a speech verb whose anchor ends with
    a name already known (``known``, the bylines', and the names the rules found alone):
    黄斌说 after 副县长黄斌表示; and a window after a title whose name start begins such a
    name (no middle dot in it; no 、-list in the window): 村民|李某某 where 李某某 was read
    alone (the tagger ran on into 李某某笑笑 there). Cues of the kinds ``after_name_certain``
    (家) and ``before_name_ruled`` (爸爸) open no window: only a name the rules can tell alone
    counts there. ``dot_windows``,
    when given, gets the windows around middle dots instead (kept apart: only a name at the
    dot counts there, not 夏谱 in 六十载·塞上宁夏谱新篇). ``fallback_starts``, when given, gets
    where a name must start after a strong cue (村民|, 某某村的|): read by
    :func:`bounded_name` when the tagger finds no name there or cuts it; none before a 等 in
    ``read_list_ends`` (:func:`list_run_names` read that list). ``start_windows``, when
    given, gets (lo, hi, name start) of the windows after 的 (:func:`_name_shaped`) that no
    other window holds: only a name starting right after the 的 counts there (not 晴时尘 in
    的|田埂路，晴时尘土); without it they open no window. ``closed`` gets :func:`closed_name`'s names."""
    seen: set[str] = set()
    cued, direct, dots, after_de = [], [], [], []
    for lo, hi, anchor, k, cue_start, kind in (*_cue_spans(text, sentence_of, rules),
                                               *_sentence_start_spans(text, sentences, rules),
                                               *_clause_start_spans(text, rules)):
        key = (anchor, kind if kind in _RULE_KINDS else kind.endswith("_certain"))
        if key in seen:
            continue
        seen.add(key)
        name = None if "、" in anchor else _rule_name(text, kind, k, cue_start, rules)
        if not name and fallback_starts is not None and _bounded_cue(text, kind, k, cue_start, rules):
            fallback_starts.append(k)
        if not name and closed is not None and kind == "before_name" and \
                (shut := _closed_reading(text, cue_start, k, rules)):
            closed.append(shut)
        if name:
            direct.append(name)
        elif kind == "dot" and dot_windows is not None:
            dots.append((lo, hi, cue_start))
        elif kind == "before_name_certain":
            if hi > lo and start_windows is not None:
                after_de.append((lo, hi, k))
        elif kind not in ("after_name_certain", "layout", "after_seat", "before_name_ruled") \
                and not (kind == "after_list" and cue_start in read_list_ends) \
                and hi > lo and not (kind == "before_name" and     # 总书记|关心: no name follows
                                     text.endswith(rules.affixes.bounded_name_not_after, 0, k)):
            cued.append((lo, hi, anchor, k))
    read_names = (*known, *(text[a:b] for a, b in direct))
    out = _merged_windows(_unread_windows(text, cued, read_names), rules)
    if dots:
        dot_windows.extend(_uncovered_dots(dots, out, rules.limits.dot_margin))
    if after_de:
        start_windows.extend(_unread_starts(text, after_de, out, read_names, rules))
    return out, direct


def _merged_windows(spans: list[tuple[int, int]], rules: PersonRules) -> list[tuple[int, int]]:
    """Overlapping windows merged up to max_window characters (the tagger's piece length);
    longer ones cut into overlapping pieces."""
    size, overlap = rules.limits.max_window, rules.limits.window_overlap
    spans.sort()
    merged: list[list[int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1] and max(b, merged[-1][1]) - merged[-1][0] <= size:
            merged[-1][1] = max(merged[-1][1], b)
        elif not merged or b > merged[-1][1]:
            merged.append([a, b])
    out = []
    for a, b in merged:
        while b - a > size:
            out.append((a, a + size))
            a += size - overlap
        out.append((a, b))
    return out


def _unread_starts(text: str, after_de: list[tuple[int, int, int]], windows: list[tuple[int, int]],
                   read: Iterable[str], rules: PersonRules) -> list[tuple[int, int, int]]:
    """The windows after 的 (lo, hi, name start) whose name start begins no name already
    read and that no other window holds (the tagger sees the name there already)."""
    read = tuple(set(read))
    uncovered = set(_uncovered_dots(after_de, windows, rules.limits.dot_margin))
    return [(lo, hi, k) for lo, hi, k in after_de
            if (lo, hi) in uncovered and not (read and text.startswith(read, k))]


def _unread_windows(text: str, cued: list[tuple[int, int, str, Optional[int]]],
                    read: Iterable[str]) -> list[tuple[int, int]]:
    """The cue windows whose name is not already read (:func:`cue_windows`): before a
    speech verb, an anchor that ends with a read name; after a title, a name start that
    begins one (a list in the window is always tagged)."""
    names = tuple(set(read))
    # the rules' dotted readings may stop short (阿孜古丽·阿布|都热西提): the tagger still
    # sees what follows a title there
    whole = tuple(name for name in names if _DOT not in name)
    return [(lo, hi) for lo, hi, anchor, k in cued
            if "、" in anchor or (not anchor.endswith(names) if k is None
                                  else not whole or not text.startswith(whole, k))]


def _uncovered_dots(dots: list[tuple[int, int, int]], windows: list[tuple[int, int]],
                    margin: int) -> list[tuple[int, int]]:
    """The dot windows (lo, hi, dot) whose dot no other window holds with ``margin``
    characters either side (the tagger sees that name there already)."""
    starts = [a for a, _ in windows]
    out = []
    for lo, hi, dot in dots:
        i = bisect.bisect_right(starts, dot - margin) - 1
        if i < 0 or windows[i][1] < dot + 1 + margin:
            out.append((lo, hi))
    return out


def _tag_windows(text: str, windows: list[tuple[int, int]], rules: PersonRules
                 ) -> list[list[tuple[int, int]]]:
    """The tagger's PER spans (text offsets) per window, all windows in one batch."""
    if rules.tagger is None or not windows:
        return [[] for _ in windows]
    return [[(a + s, a + e) for s, e in ents]
            for (a, _), ents in zip(windows, rules.tagger([text[a:b] for a, b in windows]))]


def byline_names(text: str, rules: PersonRules) -> list[tuple[int, int]]:
    """Name spans of bylines (本报记者 杨明方 阿尔达克, （记者 何 聪 王伟健整理）): the names
    are separated by spaces or 、; single characters between spaces are one name cut by
    typesetting (何 聪)."""
    # only the lines holding a byline cue: the pattern tried at every line start and bracket
    # of the whole text was 2% of the stage on real news, the lines are 5 times fewer
    return _names_of_lines(text, _cued_line_matches(text, rules.byline_cue, rules.byline, len(text)), rules)


def credit_names(text: str, rules: PersonRules) -> list[tuple[int, int]]:
    """Name spans of credit lines (朱 某摄（人民视觉）, 杨某某  胡某某整理, （本报记者甲某、乙某
    采访整理）, …，本报驻英国记者甲某采访整理）), of slash credits (甲某/文 乙某/摄, (摄/甲某)), of label
    credits (编辑|甲某, 监制 | 乙某) and of authors in brackets closing a paragraph (…活动。(甲某 乙某)⏎)
    or right after a dateline (本报讯(甲某 乙某)): every name must start with a name initial or a surname left out of
    the gate (a heading such as 资料整理 is no credit)."""
    reach = rules.limits.credit_reach
    matches = chain(_credit_matches(text, rules), _author_brackets(text, rules), _name_lines(text, rules))
    # most texts hold no slash and no bar: a look for each mark is quicker than the cue's search
    if any(mark in text for mark in rules.slash_credit_marks):
        matches = chain(matches, _cued_line_matches(text, rules.slash_credit_cue, rules.slash_credit, reach))
    if any(bar in text for bar in rules.label_credit_bars):
        matches = chain(matches, _cued_line_matches(text, rules.label_credit_cue, rules.label_credit, reach))
    # a surname left out of the gate (强) starts words after titles, not a credit's names
    return [(a, b) for a, b in _names_of_lines(text, matches, rules)
            if text[a] in rules.initials or text[a] in rules.gate_left_out_surnames]


class _LoneName(NamedTuple):
    """A match-like span of one name (read by :func:`_names_groups` as a match's ``names``)."""
    span: tuple[int, int]

    def spans(self, _group: str) -> list[tuple[int, int]]:
        return [self.span]


def _author_brackets(text: str, rules: PersonRules):
    """The author bracket pattern's matches; a bracket closing a paragraph that holds one name
    alone (group ``lone``: …分红。(王某好)⏎) only when it is a :func:`_bare_name` (not (办公室), (经济处))."""
    for m in _author_bracket_matches(text, rules):
        if m.group("lone") is None:
            yield m
        elif _bare_name(m.group("lone"), rules):
            yield _LoneName(m.span("lone"))


def _author_bracket_matches(text: str, rules: PersonRules) -> list:
    """The author bracket pattern's matches in the text (those of its ``finditer``), tried only at the
    brackets that stand within author_bracket_reach characters after one of author_bracket_marks (every
    match's look-behind asks for one): a text holds one or two brackets, the search read every character."""
    marks, reach = rules.author_bracket_marks, rules.author_bracket_reach
    starts = []
    for bracket in rules.author_bracket_opens:
        at = text.find(bracket)
        while at >= 0:
            if not marks.isdisjoint(text[max(0, at - reach):at]):
                starts.append(at)
            at = text.find(bracket, at + 1)
    out, done = [], 0
    for at in sorted(starts):
        if at >= done and (m := rules.author_bracket.match(text, at)) is not None:
            out.append(m)
            done = m.end()
    return out


def _name_lines(text: str, rules: PersonRules):
    """The lines of bare names (杨某明 王某妍⏎, and a page's date line: 2018-10-17 10:04:51 赵某平 常某⏎)
    whose every item is a :func:`_bare_name` (not 小木耳 大产业, 总理 李克强, 09:09 大字), and a reader's
    line signing a letter: a place of the gazetteer (one form or two: 江西|新余市, 四川|华蓥), spaces and
    one name, maybe padded (湖南长沙  鲁 某⏎)."""
    longest, start = rules.limits.bare_name_line_max, 0
    for line in text.split("\n"):       # only short lines holding a space are tried
        end = start + len(line)
        if len(line) <= longest and (" " in line or "　" in line):
            if (m := rules.bare_name_line.fullmatch(text, start, end)) \
                    and all(_bare_name(item, rules) for item in m.group("names").split()):
                yield m
            elif (m := rules.place_name_line.fullmatch(text, start, end)) and _gazetteer_place(m.group("place"), rules) \
                    and _bare_name(_SPACE.sub("", m.group("names")), rules):
                yield m
        start = end + 1


def _gazetteer_place(word: str, rules: PersonRules) -> bool:
    """Whether ``word`` is a place of the gazetteer or two of them written together (江西|新余市)."""
    forms = rules.gazetteer.forms
    return word in forms or any(word[:k] in forms and word[k:] in forms for k in range(2, len(word) - 1))


def _bare_name(item: str, rules: PersonRules) -> bool:
    """Whether a credit's item standing with no label (a line of names, a bracket closing a
    paragraph) is a name: it starts with a Han surname, and neither it nor its first two
    characters are a word of jieba's dictionary other than a name (经济|处, 小木耳)."""
    plain = _plain_words()
    return item[0] in rules.surnames and item not in plain and item[:2] not in plain


def _credit_matches(text: str, rules: PersonRules):
    """The credit pattern's matches, tried only on the stretch of line (at most
    ``credit_reach`` characters) before each credit word (摄, 整理, 采写), each line once."""
    return _cued_line_matches(text, rules.credit_cue, rules.credit, rules.limits.credit_reach)


def _cued_line_matches(text: str, cue: re.Pattern, pattern: regex.Pattern, reach: int):
    """``pattern``'s matches (a pattern matching within a line) on the stretch of line, at
    most ``reach`` characters, before each of ``cue``'s hits, each line once: the same
    matches as a search of the whole text when every match holds a hit of ``cue``."""
    done = -1
    for hit in cue.finditer(text):
        if hit.start() < done:
            continue
        start = text.rfind("\n", max(0, hit.start() - reach), hit.start()) + 1 or \
            max(0, hit.start() - reach)
        end = text.find("\n", hit.end())
        end = len(text) if end < 0 else end
        done = end
        yield from pattern.finditer(text, start, end)


def _join_single_characters(tokens: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Runs of one-character tokens are names cut by typesetting, which pads a 2-character
    name to the width of three (何 聪): a run of an even length of four or more is that many
    2-character names (记者 黄 超 左 潇 → 黄超, 左潇), any other run one name."""
    out: list[tuple[int, int]] = []
    for single, group in groupby(tokens, key=lambda t: t[1] - t[0] == 1):
        run = list(group)
        if not single:
            out.extend(run)
        elif len(run) >= 4 and len(run) % 2 == 0:
            out.extend((run[k][0], run[k + 1][1]) for k in range(0, len(run), 2))
        else:
            out.append((run[0][0], run[-1][1]))
    return out


def _names_groups(m) -> list[tuple[int, int]]:
    """The spans of a match's ``names`` group: each of its captures where the pattern repeats
    the group between role words (（甲某 乙某 记者 丙某）: ``regex`` keeps every capture)."""
    spans = getattr(m, "spans", None)
    return spans("names") if spans is not None else [m.span("names")]


def _names_of_lines(text: str, matches, rules: PersonRules) -> list[tuple[int, int]]:
    out = []
    for m in matches:
        tokens = []
        for lo, hi in _names_groups(m):
            tokens += _byline_tokens(text, lo, hi, rules)
        for a, b in _join_single_characters(tokens):
            half = rules.limits.byline_pair_length // 2
            if b - a == 2 * half and text[a] in rules.surnames and text[a + half] in rules.surnames \
                    and _HAN_RUN.fullmatch(text, a, b):
                out += [(a, a + half), (a + half, b)]   # 施某宇郑某皓: two names, no space between
            elif 2 <= len(_SPACE.sub("", text[a:b])) <= rules.limits.translit_side_max:
                out.append((a, b))
    return out


def _byline_tokens(text: str, lo: int, hi: int, rules: PersonRules) -> list[tuple[int, int]]:
    """The tokens (split at spaces and 、) of a byline's names ``text[lo:hi]``, each without a
    credit word at its end (文|整理 in 张 文整理)."""
    tokens = []
    for t in _TOKEN.finditer(text, lo, hi):
        a, b = t.span()
        for suffix in rules.byline_suffixes:
            if text.endswith(suffix, a, b) and b - a - len(suffix) >= 1:
                b -= len(suffix)
                break
        # a token too long for one name may be names glued around a role word (甲某某通讯员乙某某丙某某);
        # a shorter one is left whole (新华社记者|甲某: the agency before the role word is no name)
        tokens += _split_at_roles(text, a, b, rules) if b - a > rules.limits.translit_side_max else [(a, b)]
    return tokens


def _split_at_roles(text: str, a: int, b: int, rules: PersonRules) -> list[tuple[int, int]]:
    """A byline token split at each role word glued between its names (甲某某通讯员乙某某丙某某 →
    甲某某, 乙某某丙某某); the token itself when none stands inside it."""
    for role in rules.byline_inner_roles:
        at = text.find(role, a + 1, b)
        if at > a:
            return [(a, at)] + _split_at_roles(text, at + len(role), b, rules)
    return [(a, b)] if b > a else []


# ---------------------------------------------------------------------------- names

def _extend_translit(text: str, a: int, b: int, rules: PersonRules) -> tuple[int, int]:
    """A name joined by a middle dot, extended over transliteration characters on both
    sides (图尼亚孜 + ·阿卜杜卡德尔). Leftwards it stops where a cue word ends (丈夫|阿不都…:
    夫 is a transliteration character too); rightwards, once the part after the last dot
    has two characters, before a name follower (罗伯特·库恩|则指出)."""
    if _DOT not in text[a:b] and text[b:b + 1] != _DOT and text[a - 1:a] != _DOT:
        return a, b
    chars, side = rules.words["translit_chars"], rules.limits.translit_side_max
    lo, hi = a, b
    while lo > 0 and a - lo < side and (text[lo - 1] in chars or
                                        (text[lo - 1] == _DOT and _HAN.match(text, lo - 2))) \
            and not rules.lead_cue_end.search(text, max(0, lo - rules.limits.lead_cue_reach), lo):
        lo -= 1
    part = hi - (text.rfind(_DOT, a, hi) + 1 if _DOT in text[a:hi] else hi)
    while hi < len(text) and hi - b < side:
        if text[hi] == _DOT and _HAN.match(text, hi + 1):
            part = -1
        elif text[hi] not in chars or part >= 2 and rules.followers.match(text, hi):
            break
        hi, part = hi + 1, part + 1
    return lo, hi


def dotted_name(text: str, dot: int, rules: PersonRules) -> Optional[tuple[int, int]]:
    """The transliterated name (Uyghur, Kazakh: 齐某古丽·库尔班) around the middle dot at
    ``dot`` that the rules read alone: both parts at least two transliteration characters
    (:func:`_extend_translit`); foreign names written with other characters (科林·布莱克莫尔)
    are left to the tagger, which the dot opens a window for."""
    a, b = _extend_translit(text, dot, dot + 1, rules)
    if dot - a < 2 or b - dot - 1 < 2 or text[a:b].rfind(_DOT) > b - a - 3:
        return None
    # both edges must be where a name ends, not a character the list lacks (马|克西姆·德尚)
    left_closed = a == 0 or not _HAN.match(text, a - 1) or \
        text[a - 1] in rules.words["name_left_chars"] or rules.lead_cue_end.search(text, max(0, a - rules.limits.lead_cue_reach), a)
    right_closed = b == len(text) or not _HAN.match(text, b) or \
        rules.followers.match(text, b) or text[b:b + 2] in _plain_words() or \
        text.startswith(rules.affixes.dotted_right_end, b)
    return (a, b) if left_closed and right_closed else None


def _title_before(text: str, a: int, rules: PersonRules) -> bool:
    """A title or role noun right before position ``a`` (援疆教师|高兴)."""
    left = text[max(0, a - rules.limits.title_before_reach):a]
    return bool(rules.cadre_titles.search(left) or rules.resident_before.search(left)
                or _journalist_before(left, rules))


def _journalist_before(left: str, rules: PersonRules) -> bool:
    """``left`` ends with a journalist's word and the names after it (本报记者 甲 乙|): its
    pattern tried only where one of its words stands (a literal search, 3–9× quicker)."""
    return bool(rules.journalist_word.search(left)) and bool(rules.journalist_before.search(left))


@cache
def _by_length(words: frozenset[str]) -> tuple[tuple[int, frozenset[str]], ...]:
    """The words grouped by length, the longest first (a name's end is looked up once per
    length, not compared with every word)."""
    lengths = sorted({len(w) for w in words if w}, reverse=True)
    return tuple((n, frozenset(w for w in words if len(w) == n)) for n in lengths)


def clean_name(text: str, a: int, b: int, rules: PersonRules, titled: bool = False,
               credited: bool = False, framed: bool = False) -> Optional[str]:
    """The full name a candidate span stands for, or None when it is not one. ``titled``:
    a title stands before the list the span is an item of (an ordinary word may be a name
    there, as right after a title); ``credited``: the list is a reporters' list (（本报记者
    甲、于洋、江南报道）), whose items are names even when they are places."""
    a, b = _extend_translit(text, a, b, rules)
    if _DOT in text[a:b] and _dotted_head_after_title(text, a, rules):
        a -= 1                                  # 主席日|瓦丁·约…: the name's first character
    name = _SPACE.sub("", text[a:b]).strip(_DOT)
    w = rules.words
    stripped = not credited                # a credit's item is a name as written (记者:向启家)
    while stripped:                        # 习总书记 → 习总 → 习
        stripped = False
        for n, suffixes in _by_length(w["not_full_name_suffix"]):   # the longest first
            if name[-n:] in suffixes and len(name) >= n and _cuts(name, n, rules):
                name, stripped = name[:-n], True
                break
    if len(name) < 2 or not _NAME_SHAPE.fullmatch(name):
        return None
    if _DOT not in name and len(name) > rules.limits.han_name_max and not framed and not _long_name(name, rules):
        return None
    if name[0] in w["familiar_prefix"] or name in w["negative"]:
        return None
    if name[-1] in w["place_end_chars"] and _HAN.match(text, a - 1):   # 桥|头村
        return None
    if name.endswith(rules.affixes.site_end):        # 作者:|荆楚网, 周口日报: a site or paper
        return None
    if name.endswith(rules.affixes.credit_role_end):   # 作者:|本报通讯员| 甲, 制图：|新华社记者|  乙
        return None
    if not w["pseudonym_chars"].isdisjoint(name):     # 安某冲: no full name
        return None
    if name[1] in w["clan_chars"]:                     # 马氏, 宋氏|兄弟: a family, no name
        return None
    if name[0] in w["conjunction_chars"] and name[1:] in _dictionary_words():   # 和|谈判
        return None
    if text[a - 1:a + 1] in w["surname_closed_words"] and not credited:   # 对于|蔡家崖村: 于 ends a word
        return None
    if name[1] in w["state_pair_chars"] and name[0] not in rules.surnames \
            and _DOT not in name:                                   # 埃中, 塞方; not 阿方索·…
        return None
    if (name in rules.gazetteer.forms or _in_foreign_unit(text, a, b, rules)) and not credited:
        return None
    if (name in _plain_words() or name in w["words_tagged_as_names"]) and \
            name not in w["known_names"] and not titled and not _title_before(text, a, rules) \
            and not _cue_beside(text, a, b, rules):
        return None
    return name


def _cuts(name: str, n: int, rules: PersonRules) -> bool:
    """Whether ``name``'s last ``n`` characters, a not-full-name suffix, are cut: always, but
    for a ``surname_only_suffix`` only after a bare surname (张工) or as the end of a word the
    tagger ran into (梁|施工); 卢展工 is whole."""
    if name[-n:] not in rules.words["surname_only_suffix"] or len(name) - n <= 1:
        return True
    return name[-n - 1:] in _dictionary_words()


def _long_name(name: str, rules: PersonRules) -> bool:
    """A Han name longer than ``han_name_max`` without a dot is a transliterated one: every
    character in ``translit_chars`` (阿卜杜艾力), or, up to ``long_name_max`` characters, not
    a Han name run on into a word (王某荣|平生, 廖某贵|笑盈盈: a Han surname, 1–3 characters,
    then an ordinary word of jieba's dictionary) nor a title run into one (通讯员|胡某某):
    梅某尼科夫, 萨某拉维克拉某."""
    if len(name) <= rules.limits.translit_name_max and rules.words["translit_chars"].issuperset(name):
        return True
    plain = _plain_words()
    return len(name) <= rules.limits.long_name_max and not (
        name[0] in rules.surnames and any(name[n:n + 2] in plain for n in rules.name_lengths)) and \
        not any(name[k] in rules.surnames and (_title_before(name, k, rules) or
                                               rules.lead_cue_end.search(name, 0, k))
                for k in (len(name) - 3, len(name) - 2))     # 通讯员|胡某某, 科员|文某某


def _cue_beside(text: str, a: int, b: int, rules: PersonRules) -> bool:
    """A role noun the tagger's name follows (艺术家|牛某, 管护员|扎西) or a rank after it
    (普某|总统): a word of jieba's dictionary the tagger took for a name there is one."""
    return bool(rules.lead_cue_end.search(text, max(0, a - rules.limits.lead_cue_reach), a)) or \
        text.startswith(rules.affixes.rank_after_name, b)


def _in_foreign_unit(text: str, a: int, b: int, rules: PersonRules) -> bool:
    """text[a:b] overlaps the name of a foreign state or body written there (布隆迪, 吉尔吉|斯
    斯坦, 布|隆迪): the tagger took it for a name in a list of heads of state."""
    reach = rules.limits.han_name_max
    lo = max(0, a - reach)
    # the automaton is given the window as its own string: given the whole text with bounds,
    # pyahocorasick copies the whole text on every call (quadratic on a 500 KB line)
    window = text[lo:b + reach]
    for end, word in _automaton_of(rules.words["foreign_units"]).iter(window):
        if lo + end + 1 > a and lo + end + 1 - len(word) < b:
            return True
    return False


def _occurrences(text: str, name: str) -> list[int]:
    """Where ``name`` occurs, not overlapping. Its first character is looked for and the name
    checked there: str.find scans for one character about twice as fast as for a word of 2–4
    (11k characters: 6–9 µs against 17 µs), and a name is looked up several times an article."""
    if len(name) < 2:
        out, i = [], text.find(name)
        while i >= 0:
            out.append(i)
            i = text.find(name, i + 1)
        return out
    out, first, i = [], name[0], text.find(name[0])
    while i >= 0:
        if text.startswith(name, i):
            out.append(i)
            i = text.find(first, i + len(name))
        else:
            i = text.find(first, i + 1)
    return out


def _repair_cut_names(text: str, names: set[str], rules: PersonRules) -> set[str]:
    """A 2-character name always followed (two or more times) by the same Han character
    that does not usually follow names was cut short (梁经|和)."""
    stop = rules.words["extend_stop_chars"]
    out = set()
    for name in names:
        if len(name) == rules.limits.han_name_min and _DOT not in name:
            found = _occurrences(text, name)
            nexts = {text[i + 2:i + 3] for i in found}
            if len(found) >= 2 and len(nexts) == 1:
                c = nexts.pop()
                # 才, 常, 正 that every occurrence has, before different words (尹某正|倒, 尹某正|是,
                # 尹某正|到): no adverb of one verb, the name's end (not 王某正在 twice)
                given = c in rules.words["given_name_follower_chars"] and \
                    len({text[i + 3:i + 4] for i in found}) > 1
                if _HAN.match(c) and (c not in stop or given) and \
                        not text.startswith(rules.affixes.name_end_cut_words, found[0] + 2):
                    name += c                       # not 莫某|总理 (twice)
        out.add(name)
    return out


def _drop_overlaps(text: str, names: set[str]) -> set[str]:
    """A name that ran on by one character (张锐|常) goes when its prefix occurs alone;
    then a name inside a longer one (文秀 in 黄文秀, 古丽 in 阿孜古丽·…) goes."""
    run_on = {long for long in names if long[:-1] in names
              and len(_occurrences(text, long[:-1])) > len(_occurrences(text, long))}
    kept = names - run_on
    # a name is inside another kept one when the kept names, joined by a character no name
    # holds, contain it more than once (its own item holds it once): linear, not pairwise
    joined = "\n".join(kept)
    return {n for n in kept if joined.count(n) == 1}


def _same_neighbour(text: str, name: str, offset: int) -> bool:
    """Every occurrence of ``name`` has the same character at ``offset`` from its start."""
    return len({text[i + offset:i + offset + 1] for i in _occurrences(text, name)}) == 1


def repair_tagged_edges(text: str, spans: list[tuple[int, int]], rules: PersonRules
                        ) -> list[tuple[int, int]]:
    """The tagger runs a role noun into a name (果农冯某: the noun is dropped) and cuts
    3-character names short at either end (贫困户向|柏成, 谭维|作说):
    a 2-character span grows by the Han surname right before it when a role noun or title
    ends there (贫困户|向柏成; through a conjunction that is also a surname, 村民|和珍倩,
    only when the span occurs again: 专家和林农 is not a name), or by the character after it when a name follower comes
    next (谭维作|说) and the span alone is not followed by one; in both cases only when
    every occurrence of the span has that same neighbour."""
    out = []
    plain = _plain_words()
    stop = rules.words["extend_stop_chars"]
    if _DOT in text:
        spans = _join_dotted(text, spans)
    if rules.name_dash in text:
        spans = _join_dashed(text, spans, rules.name_dash)
    spans = _join_touching(text, spans, rules)
    for a, b in spans:
        if b - a == rules.limits.han_name_max and text[b - 1] in rules.words["run_on_end_chars"] \
                and text[a] in rules.surnames:
            b -= 1                                      # 张某某|说: the speech verb
        lead = rules.lead_cue.match(text, a, b)       # 果农|冯某: the role noun is not the name
        if lead is None and b - a > 2 and (_DOT in text[a:b] or rules.followers.match(text, b)) \
                and (tail := rules.lead_cue_end.search(text, max(0, a - rules.limits.lead_cue_reach), a + 1)) \
                and tail.start() < a:        # 市长|克里斯蒂安·…, 总统|巴沙尔在: 长, 统 end the
            a += 1                           # title (not 部长|迪亚|内代表: a cut name)
        if lead and b - lead.end() >= 2 and text[lead.end()] in rules.initials \
                and not (lead.end() - a == 1 and _DOT in text[a:b]):   # not 科|林·布莱克莫尔
            a = lead.end()
        b = _idiom_cut(text, a, b, rules)          # 廖某某|笑盈盈, 柯某|语重心长
        b = _word_tail_cut(text, a, b, rules)      # 张某|笑言, 王某|英勇
        if b - a >= rules.limits.name_end_cut_min_length \
                and text.startswith(rules.affixes.name_end_cut_words, b - 1):
            b -= 1                                      # 莫某总|理, 钟某教|授, 韩某出|席
        if b - a == 2 and text[a:b] in rules.words["tibetan_name_parts"] and \
                text[b:b + 2] in rules.words["tibetan_name_parts"]:
            b += 2                                      # 久美|彭措: the second part
        elif b - a == 2 and _HAN_RUN.fullmatch(text, a, b):
            name = text[a:b]
            left = text[max(0, a - 1 - rules.limits.title_max):a - 1]
            if a >= 1 and text[a - 1] in rules.surnames and name not in plain and \
                    (rules.cadre_titles.search(left) or rules.resident_before.search(left)) \
                    and text[a - 1:a + 1] not in plain and _same_neighbour(text, name, -1) \
                    and (text[a - 1] not in rules.words["conjunction_chars"]
                         or len(_occurrences(text, name)) >= 2):
                a -= 1
            elif _HAN.match(text, b) and text[a] in rules.surnames \
                    and (text[b] not in stop and not rules.followers.match(text, b)
                         or text[b] in rules.words["given_name_follower_chars"]
                         or _object_char_ends_name(text, b, rules)) \
                    and rules.followers.match(text, b + 1) \
                    and text[b - 1:b + 1] not in plain and text[b:b + 2] not in plain \
                    and _same_neighbour(text, name, 2):
                b += 1
            elif _cut_after_title(text, a, b, rules) or _word_given_name(text, a, b, rules):
                b += 1
        out.append((a, b))
    return out


def _dotted_head_after_title(text: str, a: int, rules: PersonRules) -> bool:
    """A dotted name's tagged span at ``a`` lost its first character to the title before it
    (论坛主席日|瓦丁·约某, 大学教授埃|瓦里斯图斯·伊某: the tagger read the title's last
    character and the name's first as one word): one Han character stands between the
    span and a title or role noun of two or more characters (``lead_cue_end``) that ends
    right before it, that character ends no such cue itself (市长|克里斯蒂安), is no dot and
    no character a name starts after (``name_left_chars``: 村民和|…)."""
    c = text[a - 1:a]
    if not c or not _HAN.match(c) or c in rules.words["name_left_chars"]:
        return False
    reach = rules.limits.lead_cue_reach
    return bool(rules.lead_cue_end.search(text, max(0, a - 1 - reach), a - 1)) and \
        not rules.lead_cue_end.search(text, max(0, a - reach), a)


def _word_given_name(text: str, a: int, b: int, rules: PersonRules) -> bool:
    """A 2-character tagged name (a Han surname and one character) is the head of a
    3-character one whose given name is a word of jieba's dictionary that is no name
    (左秀|发, 黄运|转, 刘国|中, 巴富|强: 秀发, 运转, 国中, 富强), the tagger having read the word
    apart: the character after it is no name follower nor a function word (介词, 代词, 助词…:
    李建|在, 徐明|说, 姜平|等 stay); a name follower comes next (刘国中|和), or a word of the
    dictionary when none starts at that character (左秀发|买来; 王平|安排 stays); and every
    occurrence of the span has that character after it."""
    c = text[b:b + 1]
    if not c or text[b - 1:b + 1] not in _plain_words() or text[a] not in rules.surnames or \
            not _HAN.match(c) or rules.followers.match(text, b) or \
            _single_character_tags().get(c, "").startswith(rules.affixes.word_given_name_not_tags):
        return False
    words = _dictionary_words()
    if rules.followers.match(text, b + 1):
        return _same_neighbour(text, text[a:b], 2)
    # a word after it only when none starts at the character itself (王平|安排 is no 王平安)
    return any(text[b + 1:b + 1 + n] in words for n in rules.name_lengths) and \
        not any(text[b:b + n] in words for n in rules.name_lengths) and _same_neighbour(text, text[a:b], 2)


def _idiom_cut(text: str, a: int, b: int, rules: PersonRules) -> int:
    """Where a tagged Han name ends when the tagger ran it into a set phrase: the first
    position 2 or 3 characters in at which a word of jieba's dictionary of
    ``idiom_lengths`` characters starts and reaches the span's end or past it (柯某语|重心长 →
    柯某, 孙某某齐|声), unless a place suffix starts there (徐某某|镇政府 is a town's name);
    the span's end otherwise. Spans longer than a Han name are left alone (廖某某笑盈盈 stays
    no name): cutting them added more false names than true ones on held-out gold.)"""
    if not 3 <= b - a <= rules.limits.han_name_max or not _HAN_RUN.fullmatch(text, a, b) or text[a] not in rules.surnames or \
            text[a - 1:a] in rules.words["translit_chars"]:         # 阿|卜杜勒…: a longer name
        return b
    words = _dictionary_words()
    for k in (a + 2, a + 3):
        if k < b and text[k] not in rules.words["place_suffix_chars"] and \
                any(k + n >= b and text[k:k + n] in words for n in rules.idiom_lengths):
            return k
    return b


def _word_tail_cut(text: str, a: int, b: int, rules: PersonRules) -> int:
    """Where a tagged Han name of ``han_name_max`` characters ends when it is a 2-character
    name run into a 2-character word (张某|笑言：, 王某|英勇牺牲, 路某|正行): the span opens with
    a Han surname, its last two characters are a word of jieba's dictionary that is no name,
    and neither its first two (a word: no name's head) nor its middle two (建国 of 王建国|家: a
    3-character name and the character after it) are one, and the word is not two
    transliteration characters (梅嫩|德斯); the span's end otherwise."""
    translit = rules.words["translit_chars"]
    if b - a != rules.limits.han_name_max or text[a] not in rules.surnames or \
            not _HAN_RUN.fullmatch(text, a, b) or text[a - 1:a] in translit or \
            all(c in translit for c in text[b - 2:b]):        # 梅嫩|德斯: a transliterated name
        return b
    plain = _plain_words()
    if text[b - 2:b] in plain and text[a:a + 2] not in plain and text[a + 1:a + 3] not in _dictionary_words():
        return b - 2
    return b


def _cut_after_title(text: str, a: int, b: int, rules: PersonRules) -> bool:
    """A 2-character tagged name right after a title or role noun is the head of a
    3-character one (镇长韩某|乾下村, 贫困户某某|边，) when the character after it cannot end
    the sentence's word there: no stop character, not an adverb, verb or other function
    word by jieba's dictionary (才, 常, 发: 某某才认为 stays ambiguous), beginning no word of
    the dictionary, and followed by a name follower or a word; every occurrence of the
    span has that character after it."""
    c = text[b:b + 1]
    if not c or not _HAN.match(c) or c in rules.words["extend_stop_chars"] or \
            text[a] not in rules.surnames or text[a:b] in _plain_words() or \
            _single_character_tags().get(c, "").startswith(rules.affixes.name_end_not_tags) or \
            any(text[b:b + n] in _dictionary_words() for n in rules.name_lengths) or \
            text[b - 1:b + 1] in _plain_words() or \
            not _title_before(text, a, rules):
        return False
    return bool(rules.followers.match(text, b + 1) or text[b + 1:b + 3] in _dictionary_words()) \
        and _same_neighbour(text, text[a:b], 2)


def _join_dotted(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Two tagged spans that only a middle dot separates are one name (奥列格|·|季莫费耶夫)."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and out[-1][1] + 1 == a and text[a - 1] == _DOT:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _join_dashed(text: str, spans: list[tuple[int, int]], dash: str) -> list[tuple[int, int]]:
    """Two tagged spans that only one dash separates are one foreign name (阿某福|—|阿某), and
    a tagged span after a dash that follows one Han character standing alone is that name's
    end (让|—|弗某索瓦·唐某尔): the tagger takes the dash for a break. Places joined by a dash
    (中国—中东欧) are never both tagged as persons."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if a >= 2 and text[a - 1] == dash and _HAN.match(text, a - 2) and \
                not _HAN.match(text, a - 3 if a >= 3 else len(text)) and not (out and out[-1][1] >= a - 2):
            a -= 2                                          # 让|—弗某索瓦
        if out and out[-1][1] + 1 == a and text[a - 1] == dash and \
                text[a - 2] != dash and text[a:a + 1] != dash:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _join_touching(text: str, spans: list[tuple[int, int]], rules: PersonRules
                   ) -> list[tuple[int, int]]:
    """Two tagged spans with nothing between them are one transliterated name the tagger
    cut (赞某|沙塔尔, 萨某拉|维克拉某) when the whole is one by :func:`_long_name` (two Han
    names touch only as a couple's: 李某林陆某芬夫妇, :func:`_couple`)."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and out[-1][1] == a and b - out[-1][0] > rules.limits.han_name_max and \
                _HAN_RUN.fullmatch(text, out[-1][0], b) and _long_name(text[out[-1][0]:b], rules) \
                and not _couple(text, out[-1][0], a, b, rules):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _couple(text: str, a: int, m: int, b: int, rules: PersonRules) -> bool:
    """text[a:m] and text[m:b] are a couple's two Han names written together before a couple
    word (模范伉俪李某林陆某芬夫妇, 王某才王某花夫妇): each of 2–3 characters and starting with
    a Han surname (``couple_words``)."""
    return text.startswith(rules.affixes.couple_words, b) and \
        all(2 <= n <= 3 for n in (m - a, b - m)) and text[a] in rules.surnames and text[m] in rules.surnames


_LIST_ITEM = plain_pattern(r"\p{Han}+(?:·\p{Han}+)*")


def _list_item_after(text: str, j: int, rules: PersonRules) -> Optional[tuple[int, int]]:
    """The item after the 、 at ``j - 1``: a whole run of Han characters (up to the next
    、 or punctuation), else the one 2–3-character name a follower closes (…、蔡某等人)."""
    m = _LIST_ITEM.match(text, j, min(len(text), j + rules.limits.title_max))
    if not m:
        return None
    if m.end() - j <= rules.limits.han_name_max or _DOT in m.group():
        return m.span()
    for suffix in rules.byline_suffixes:        # the last reporter: …、刘某某报道）
        if m.group().endswith(suffix) and 2 <= m.end() - len(suffix) - j <= rules.limits.han_name_max:
            return j, m.end() - len(suffix)
    fits = [n for n in rules.rules_name_lengths if rules.followers.match(text, j + n)]
    return (j, j + fits[0]) if len(fits) == 1 else None


def _list_item_before(text: str, i: int, rules: PersonRules) -> Optional[tuple[int, int]]:
    """The item before the 、 at ``i``: a whole run of Han characters back to punctuation,
    else the 2–4 characters after a title or role noun (外科医生|平某、…)."""
    lo, k = max(0, i - rules.limits.title_max), i
    while k > lo and (_HAN.match(text, k - 1) or text[k - 1] == _DOT):   # the Han run before
        k -= 1
    while k < i and not _HAN.match(text, k):
        k += 1
    if k == i or not _HAN.match(text, i - 1):
        return None
    if i - k <= rules.limits.han_name_max:
        return k, i
    if _DOT in text[k:i]:
        return _dotted_item_start(text, k, i, rules), i
    fits = [n for n in rules.name_lengths if text[i - n] in rules.initials and _title_before(text, i - n, rules)]
    return (i - fits[0], i) if len(fits) == 1 else None


def _dotted_item_start(text: str, k: int, i: int, rules: PersonRules) -> int:
    """Where a transliterated item (努尔·白克力) starts in the Han run ``text[k:i]``: after the
    title or role noun that ends right before its first part (自治区领导|努尔·白克力、韩某…: the
    list's title is every item's), else at the run's start."""
    dot = text.index(_DOT, k, i)
    if dot - k <= rules.limits.han_name_max:
        return k
    fits = [n for n in rules.name_lengths if _title_before(text, dot - n, rules)]
    return dot - fits[0] if len(fits) == 1 else k


def _list_item_name(text: str, item: tuple[int, int], names: set[str], rules: PersonRules,
                    head: tuple[bool, bool] = (False, False)) -> Optional[str]:
    """A list item that is a name: valid by :func:`clean_name`, starting with a name
    initial (any character in a reporters' list: 鲜某), no ordinary word inside a 4-character Han name (文明|交通; shorter ones may hold
    one: 李|保国), no found name inside it (上|夏某:
    the tagger's edges are better than the list's)."""
    found = clean_name(text, *item, rules, *head)
    if not found or (text[item[0]] not in rules.initials and not head[1]) or \
            any(n in found for n in names if n != found):
        return None
    plain = _plain_words()
    if _DOT not in found and len(found) > rules.limits.rules_name_max and \
            any(found[i:i + 2] in plain for i in range(len(found) - 1)):
        return None
    return found


def _titled_item_after(text: str, j: int, names: set[str], rules: PersonRules
                       ) -> tuple[Optional[tuple[int, int]], Optional[str]]:
    """(the name item, the name) of a list item at ``j`` that is a title and a name (副市长陈某、
    |市政府秘书长尚某某及…, 国际奥委会副主席于某某、): the Han run from ``j`` holds a title cue
    (a ``before_name`` cue) right before a list item (:func:`_list_run_item`: 2 or 3 Han
    characters before 、, punctuation, a list's joining or closing word) that is a name by
    :func:`_list_item_name` under a title; exactly one such reading, else none."""
    run = _LIST_ITEM.match(text, j, min(len(text), j + rules.limits.title_max))
    if not run:
        return None, None
    readings = set()
    for end_index, word in rules.cues.iter(run.group()):
        k = j + end_index + 1
        if k >= run.end() or not any(kind == "before_name" for kind, _, _ in rules.cue_window[word]):
            continue
        item, _ = _list_run_item(text, k, rules)
        if item and (found := _list_item_name(text, item, names, rules, (True, False))):
            readings.add((item, found))
    return next(iter(readings)) if len(readings) == 1 else (None, None)


def _list_head(text: str, a: int, rules: PersonRules,
               items_before: Optional[dict] = None) -> tuple[bool, bool]:
    """(a title or role noun stands before the list the item at ``a`` is in, that word is a
    reporter's: 本报记者|甲、乙、…)."""
    start = _list_start(text, a, rules, items_before)
    left = text[max(0, start - rules.limits.title_before_reach):start]
    return _title_before(text, start, rules), _journalist_before(left, rules)


def list_names(text: str, names: set[str], rules: PersonRules) -> set[str]:
    """Names in a list with a found name: the items joined to it by 、 (曹某、吉某、武某三位
    副委员长; 文某、李某、黄某……), each a name by :func:`_list_item_name`."""
    out = set()
    steps = rules.limits.list_max_items
    memo: dict[tuple[int, int], Optional[str]] = {}      # an item is reached from many names
    items_before: dict[int, Optional[tuple[int, int]]] = {}   # each item's list start walks back

    def item_name(item):
        if item not in memo:
            memo[item] = _list_item_name(text, item, names, rules,
                                         _list_head(text, item[0], rules, items_before))
        return memo[item]

    # where a walk went on from, with the steps it had left there: a later walk reaching
    # one with no more steps left stops, the rest was walked; one with more steps goes on
    # (so the names found do not depend on the order the names are walked in)
    went_on_after: dict[int, int] = {}
    went_on_before: dict[int, int] = {}
    beside = _beside_list_marks(text, {len(name) for name in names})
    for name in names:
        if name not in beside:
            continue                # no occurrence stands beside a 、 (most names)
        for i in _occurrences(text, name):
            j = i + len(name)
            for left in range(steps, 0, -1):
                if went_on_after.get(j, 0) >= left or text[j:j + 1] != "、":
                    break
                item = _list_item_after(text, j + 1, rules)
                found = item_name(item) if item else None
                if item is None:            # 陈某、市政府秘书长|尚某某及…: a titled item
                    item, found = _titled_item_after(text, j + 1, names, rules)
                if not found:
                    break
                went_on_after[j] = left
                out.add(found)
                j = item[1]
            for left in range(steps, 0, -1):
                if went_on_before.get(i, 0) >= left or text[i - 1:i] != "、" or \
                        not (item := _item_before(text, i - 1, rules, items_before)) or \
                        not (found := item_name(item)):
                    break
                went_on_before[i] = left
                out.add(found)
                i = item[0]
    return out - names


def _beside_list_marks(text: str, lengths: Iterable[int]) -> set[str]:
    """Every stretch of one of ``lengths`` characters that ends right before a 、 or starts
    right after one: a name is in it when ``name + "、"`` or ``"、" + name`` is in the text.
    One walk over the article's 、 (a few dozen) instead of two searches of the whole text
    per name."""
    out: set[str] = set()
    lengths = tuple(lengths)
    i = text.find("、")
    while i >= 0:
        for n in lengths:
            if i >= n:
                out.add(text[i - n:i])
            out.add(text[i + 1:i + 1 + n])
        i = text.find("、", i + 1)
    return out


def _list_run_item(text: str, j: int, rules: PersonRules) -> tuple[Optional[tuple[int, int]], bool]:
    """(the item of a name list starting at ``j``, whether the list ends with it). An item
    is 2 or 3 Han characters followed by 、 (the list goes on), by a character that is not
    Han, or by one of ``list_run_ends`` (郭某某|这些文艺界…; the list ends); else None."""
    if (dotted := rules.list_run_dotted_item.match(text, j)) and text[dotted.end():dotted.end() + 1] == "、":
        return dotted.span(), False                  # 刘某某、帕某拉·格某朗杰、万某: read on
    if long_item := rules.list_run_long_item.match(text, j):
        return long_item.span(), False               # 王某明、白某赤林、丁某礼: read on
    for n in rules.rules_name_lengths:
        if not _HAN_RUN.fullmatch(text, j, j + n):
            return None, True
        after = text[j + n:j + n + 1]
        if after == "、":
            return (j, j + n), False
        if not after or not _HAN.match(after) or text.startswith(rules.affixes.list_run_ends, j + n) \
                or text.startswith(rules.affixes.list_run_joins, j + n) and \
                _HAN_RUN.fullmatch(text, j + n + 1, j + n + 3):     # …、张某民和|傅某有、
            return (j, j + n), True
    return None, True


def _item_after_join(text: str, b: int, rules: PersonRules) -> Optional[tuple[int, int]]:
    """The last item of a list after a joining word at ``b`` (甲、乙、丙和|丁。), when the
    list ends with it; None when a 、 follows (丁 opens a list of its own) or no item does."""
    join = next((w for w in rules.affixes.list_run_joins if text.startswith(w, b)), None)
    if join is None:
        return None
    item, closed = _list_run_item(text, b + len(join), rules)
    return item if item and closed and _DOT not in text[item[0]:item[1]] and \
        not text.startswith(rules.affixes.list_run_joins, item[1]) else None


def _list_run_first(text: str, i: int, rules: PersonRules) -> Optional[tuple[int, int]]:
    """The first item of a list whose first 、 is at ``i``: the 2 or 3 Han characters
    before it, starting with a Han surname after a character that is not Han or one of
    ``name_left_chars`` (看到了|王某、); exactly one length must fit."""
    fits = []
    left_chars = rules.words["name_left_chars"]
    for n in rules.rules_name_lengths:
        k = i - n
        if k >= 0 and _HAN_RUN.fullmatch(text, k, i) and text[k] in rules.surnames and \
                (k == 0 or not _HAN.match(text, k - 1) or text[k - 1] in left_chars
                 or text[k - 1] in rules.words["list_left_chars"]):      # 分别为|徐某、
            fits.append((k, i))
    if fits:
        return fits[0] if len(fits) == 1 else None
    # glued to the word before it (贫困群众|何某礼、何某荣、何某斗): the next two items' length, when
    # they share it, tells where the first begins, unless its first character ends a word (副主席|万某、
    # 何某某、卢某某: 席 is a surname too)
    if text[i + 1:i + 2] not in rules.surnames:      # most 、 after a surname join no names
        return None
    second, closed = _list_run_item(text, i + 1, rules)
    if second is None or closed:
        return None
    n = second[1] - second[0]
    k = i - n
    if n not in rules.rules_name_lengths or k < 1 or text[k] not in rules.surnames \
            or not _HAN_RUN.fullmatch(text, k, i) or text[k - 1:k + 1] in _plain_words():
        return None
    third, _ = _list_run_item(text, second[1] + 1, rules)
    return (k, i) if third is not None and third[1] - third[0] == n else None


def _list_run_item_ok(name: str, rules: PersonRules, strict: bool) -> bool:
    """An item of a name list the rules read alone: it starts with a Han surname and is
    no place (gazetteer, place suffix); ``strict``: it is not, and holds no, ordinary word."""
    if name[0] not in rules.surnames or name in rules.gazetteer.forms or \
            name[-1] in rules.words["place_suffix_chars"]:
        return False
    if not strict:
        return True
    plain = _plain_words()
    return name not in plain and not any(name[i:i + 2] in plain for i in range(len(name) - 1))


def list_run_names(text: str, rules: PersonRules, groups: Optional[list[list[str]]] = None
                   ) -> list[tuple[int, int]]:
    """Names of 、-lists the rules read alone, with no cue and no found name (王某、秦某、
    郭某某这些文艺界…; 杨某某、王某、何某某等参加): at least ``list_run_min_items`` items (or two
    before 等, 这些 …, ``list_run_ends``), each 2 or 3 Han characters starting with a Han
    surname and no place, all but one of them holding no ordinary word (jieba's dictionary),
    and not before 等 and a word of things (等村, 等特产: ``list_run_not_before``). Each 、 is
    read once and each list at most ``list_max_items`` items long (linear in the text): a
    longer list (the leaders at a national-day reception) is read in pieces of that many
    items, a piece that goes on judged as a list of its own, the next one starting at its
    last item (or, after 和, at the item after it). Dotted items (帕某拉·格某朗杰) are read over
    and taken whole; items of 4–5 characters (白某赤林) are read over, neither judged nor
    taken. ``groups``, when given, gets the items of each list read, taken or not, its
    pieces joined."""
    out: list[tuple[int, int]] = []
    limit, surnames = rules.limits.list_max_items, rules.surnames
    pos, chained, last_piece = 0, -1, None
    while (i := text.find("、", pos)) >= 0:
        pos = i + 1
        if last_piece and last_piece[1] == i:           # a long list's next piece
            first = last_piece
        elif text[i - 2:i - 1] not in surnames and text[i - 3:i - 2] not in surnames:
            continue                                    # most 、 join no names
        else:
            first = _list_run_first(text, i, rules)
        if first is None:
            continue
        items, j, closed = [first], i + 1, False
        while len(items) < limit:
            item, closed = _list_run_item(text, j, rules)
            if item is None:
                break
            items.append(item)
            j = item[1] + 1
            if closed:
                if last := _item_after_join(text, item[1], rules):
                    items.append(last)              # 甲、乙、丙和|丁。
                break
        goes_on = not closed and len(items) == limit and items[-1] is not None
        if not (closed or goes_on) or items[-1] is None:
            pos = max(pos, j)
            continue
        end = items[-1][1]
        pos = max(pos, end)
        join = next((w for w in rules.affixes.list_run_joins if text.startswith(w, end)), "")
        starts_chained, chained = items[0][0] == chained, \
            items[-1][0] if goes_on else end + len(join) if join else -1
        last_piece = items[-1] if goes_on else None
        if groups is not None:
            names = [text[a:b] for a, b in items]
            if starts_chained and groups:
                groups[-1].extend(names)
            else:
                groups.append(names)
        out.extend(_list_run_taken(text, items, end, starts_chained, rules))
    return out


def _list_run_taken(text: str, items: list[tuple[int, int]], end: int, starts_chained: bool,
                    rules: PersonRules) -> list[tuple[int, int]]:
    """The items :func:`list_run_names` takes of one list (or piece of a long list, whose
    first item ends the piece before it when ``starts_chained``) ending at ``end``."""
    dotted = [item for item in items if _DOT in text[item[0]:item[1]]]
    odd = [item for item in items if _DOT not in text[item[0]:item[1]] and item[1] - item[0] > rules.limits.rules_name_max]
    items = [item for item in items if _DOT not in text[item[0]:item[1]] and item[1] - item[0] <= rules.limits.rules_name_max]
    by_word = text.startswith(rules.affixes.list_run_ends, end)
    if len(items) < (2 if by_word else rules.limits.list_run_min_items) or \
            any(text.startswith(etc, end) and
                text.startswith(rules.affixes.list_run_not_before, end + len(etc))
                for etc in rules.affixes.list_run_etc):
        return []
    names = [text[a:b] for a, b in items]
    loose = [_list_run_item_ok(n, rules, False) for n in names]
    strict = sum(_list_run_item_ok(n, rules, True) for n in names)
    # after a 、 the list began with items that are no names (警务、|交通、城管、文旅、卫健等):
    # what is left must be three names at least, none of them an ordinary word
    tail = text[items[0][0] - 1:items[0][0]] == "、" and not starts_chained
    # else all but one hold no ordinary word and all start with a surname; a long list
    # may have one more of each kind per list_run_word_share items (李建国、马凯、热地)
    spare = len(names) // rules.limits.list_run_word_share
    if (strict == len(names) >= rules.limits.list_run_min_items if tail
            else strict >= max(2, len(names) - 1 - spare)) and \
            len(names) - sum(loose) <= (0 if tail else spare):
        return [item for item, ok in zip(items, loose) if ok] + dotted + \
            [item for item in odd + [i for i, ok in zip(items, loose) if not ok]
             if _odd_list_item_ok(text[item[0]:item[1]], rules)]
    return []


def _odd_list_item_ok(name: str, rules: PersonRules) -> bool:
    """An item of a name list the rules took that starts with no Han surname (回某玉, 热某) or is
    4–5 characters long (乌某其木格, 向某平措: read over): a name too when it is no place, no
    ordinary word (but for a proper noun of ``list_odd_item_word_tags``: jieba holds 回某玉 as
    one) and holds no common word (as a transliterated name: :func:`translit_name`)."""
    common = _common_words_not_names(rules.limits.translit_word_min_freq)
    return name not in rules.gazetteer.forms and name[-1] not in rules.words["place_suffix_chars"] \
        and (name not in _plain_words() or _word_tags().get(name) in rules.words["list_odd_item_word_tags"]) \
        and name not in rules.words["negative"] \
        and not _holds_word(name, common, rules.name_lengths)


def find_names(text: str, spans: list[tuple[int, int]], rules: PersonRules,
               credits: frozenset[tuple[int, int]] = frozenset(),
               framed: frozenset[tuple[int, int]] = frozenset(),
               listed: frozenset[tuple[int, int]] = frozenset()) -> set[str]:
    """The names of the candidate spans; a span in ``credits`` (an item of a byline or credit
    line: （本报记者甲、方某、乙报道）) is a name even when it is an ordinary word or a place;
    a span in ``framed`` (a foreign head's name between title and verb) may be longer than
    the longest Han name (别某某穆哈梅多夫); a span in ``listed`` (an item of a name list the rules
    took: :func:`list_run_names`) may be a word of jieba's dictionary, as after a title (…、陈某立、
    周某农、…: jieba holds 周某农 as a word)."""
    # a span the tagger, the rules and a byline all found is cleaned once
    names = {n for a, b in dict.fromkeys(spans)
             if (n := clean_name(text, a, b, rules, titled=(a, b) in credits or (a, b) in listed,
                                 credited=(a, b) in credits,
                                 framed=(a, b) in framed))}
    names = _repair_cut_names(text, names, rules)
    names = _drop_state_heads(text, names, rules)
    return _drop_overlaps(text, names | list_names(text, names, rules))


def state_head_names(text: str, rules: PersonRules) -> list[tuple[int, int, int]]:
    """Foreign heads of state and government named between their state's title and a speech
    verb (卡塔尔埃米尔|塔某某|表示, 亚美尼亚共和国总统|萨某某相|表示, 柬埔寨首相|洪某|曾表示): (frame
    start, name start, name end) of each, read by the rules alone (``state_head_*``,
    ``foreign_states``). A reading that starts with a stop character (总统|在大会上|说), is a
    place, or holds a common word other than a proper noun is none (总统|对此|表示; 基尔, 巴赫
    are common proper nouns of jieba's dictionary and stay)."""
    out = []
    common = _common_words_not_names(rules.limits.translit_word_min_freq)
    stop = rules.words["extend_stop_chars"]
    for m in rules.state_head_title.finditer(text):
        j = m.start() - (text[m.start() - 1:m.start()] in ("前", "原"))
        state = next((n for n in range(rules.foreign_state_max, 1, -1) if text[j - n:j] in rules.foreign_states), 0)
        if not state:
            continue
        n = rules.state_head_name.match(text, m.end())
        if not n:
            continue
        name = n.group("name")
        if (regnal := rules.state_head_regnal.search(name)) and regnal.start() >= 2:
            name = name[:regnal.start()]            # 穆某默德|六世: the number is no common word
        if name[0] in stop or name in rules.gazetteer.forms or name in rules.words["negative"] or \
                _holds_word(name, common, rules.name_lengths):
            continue
        out.append((j - state, n.start("name"), n.end("name")))
    return out


def _read_state_heads(text: str, spans: list[tuple[int, int]], rules: PersonRules
                      ) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(the tagger's spans but those crossing a state head's frame other than as its name —
    埃米尔萨某赫 over the title, 萨某某 cut from 萨某某相, the state 多米尼克 —, the heads' names)."""
    heads = state_head_names(text, rules)
    if not heads:
        return spans, []
    return [(a, b) for a, b in spans
            if not any(a < name_end and b > lo and (a, b) != (name_start, name_end)
                       for lo, name_start, name_end in heads)], [(a, b) for _, a, b in heads]


def _drop_state_heads(text: str, names: set[str], rules: PersonRules) -> set[str]:
    """Where the article opens a clause with a state's one-character short form and 方 (。孟方
    相信, 。苏方赞赏; not an ordinary word such as 双方), a Han name starting with that
    character and standing only at clause heads is that state (孟|司法与…部长, 孟|愿同中方…, 苏方),
    unless it is a known cadre. One pass over the text's 方 (``state_side_chars``)."""
    heads, plain = set(), _plain_words()
    for side in rules.words["state_side_chars"]:
        i = text.find(side)
        while i >= 0:
            if i >= 1 and _HAN.match(text, i - 1) and (i == 1 or not _HAN.match(text, i - 2)) \
                    and text[i - 1:i + 1] not in plain:             # not 双方, 南方, 乙方
                heads.add(text[i - 1])
            i = text.find(side, i + 1)
    if not heads:
        return names
    return {n for n in names if n[0] not in heads or _DOT in n or n in rules.words["known_names"]
            or any(i > 0 and _HAN.match(text, i - 1) for i in _occurrences(text, n))}


def find_mentions(text: str, names: set[str], byline_spans: list[tuple[int, int]],
                  ruled: frozenset[str] = frozenset()) -> dict[str, list[tuple[int, int]]]:
    """Every occurrence of each name (the names the rules read alone first — 总经理|彭某某
    代表说 is not the tagger's 理彭某 —, then longest first, no overlaps), and bylines
    written with spaces (记者 何 聪)."""
    out: dict[str, list[tuple[int, int]]] = {n: [] for n in names}
    if not names:
        return out
    auto = ahocorasick.Automaton()
    for n in names:
        auto.add_word(n, n)
    auto.make_automaton()
    hits = sorted(((e + 1 - len(n), e + 1, n) for e, n in auto.iter(text)),
                  key=lambda h: (h[2] not in ruled, -(h[1] - h[0]), h[0]))
    taken = bytearray(len(text))
    for a, b, n in hits:
        if not any(taken[a:b]):
            taken[a:b] = b"\x01" * (b - a)
            out[n].append((a, b))
    for a, b in byline_spans:
        n = _SPACE.sub("", text[a:b])
        if n in out and not any(taken[a:b]):
            out[n].append((a, b))
    for spans in out.values():
        spans.sort()
    return out


# ---------------------------------------------------------------------------- roles

def _back_over_padding(text: str, j: int, rules: PersonRules) -> int:
    """``j`` moved back over the spaces (name_padding) right before it."""
    while j > 0 and text[j - 1] in rules.name_padding:
        j -= 1
    return j


def _title_edge(text: str, a: int, sent_start: int, rules: PersonRules) -> tuple[int, int, bool]:
    """(where the title before a name ends, how far back it may reach, whether the name
    stands alone on its line under the title). Layout between title and name is skipped:
    spaces (国务院扶贫办主任 刘某), a line break when the name is alone on its line
    (第一书记⏎孙某⏎), the quotes of a quoted title (“第一书记”黄某)."""
    j = _back_over_padding(text, a, rules)
    if j > 0 and text[j - 1] == "\n":
        line_end = text.find("\n", a)
        if 0 <= (line_end if line_end >= 0 else len(text)) - a <= rules.limits.name_line_max:
            j = _back_over_padding(text, j - 1, rules)
            return j, max(text.rfind("\n", 0, j) + 1, j - rules.limits.title_max), True
        else:
            return a, a, False
    if text[j - 1:j] == "”":
        reach = rules.limits.title_bracket_max + rules.limits.quoted_title_beyond_bracket
        opening = text.rfind("“", max(0, j - reach), j)
        if opening >= 0:
            return j - 1, opening + 1, False
    lo = max(sent_start, j - rules.limits.title_max)
    if text[j - 1:j] == "，":          # 作为格吉村的第一书记，|俄某某表示: the clause is the title
        c = _clause_start(text, j - 1, lo, rules)
        opener = next((w for w in rules.affixes.title_clause_openers if text.startswith(w, c)), None)
        if opener and c + len(opener) < j - 1:
            return j - 1, c + len(opener), False
    return j, lo, False


def _clause_start(text: str, end: int, lo: int, rules: PersonRules, over_brackets: bool = False,
                  chars=None) -> int:
    """Where the clause ending at ``end`` opens: just after the nearest boundary character
    (``chars``, by default boundary_chars) before it, else ``lo`` (the title's reach).
    ``over_brackets`` steps over a bracket as short as a title's own (俄国家杜马（议会下院）第一副主席),
    whose marks are boundaries otherwise. The 作为 clause of :func:`_title_edge`, the foreign
    short form of :func:`_abbreviated_state_clause` and the person's own clause of
    :func:`_home_origin` all read a clause this way."""
    chars = rules.words["boundary_chars"] if chars is None else chars
    c = end
    while c > lo:
        if over_brackets and text[c - 1] in "）)":
            opening = max(text.rfind("（", lo, c), text.rfind("(", lo, c))
            if opening > lo and c - opening <= rules.limits.title_bracket_max:
                c = opening
                continue
        if text[c - 1] in chars:
            break
        c -= 1
    return c


class _Memo:
    """What the rules ask more than once about one article, answered once and forgotten
    with the article: a mention's title phrase (its role, its posts and its cadre record
    ask it: 7,422 calls on the 200 real-news articles, 2,608 distinct), its posts (its
    role, then its cadre record), a sentence's origin matches, a position's sentence."""
    __slots__ = ("title_phrases", "post_spans", "origins", "sentences", "items_before", "dates", "site_units",
                 "voice_kind", "name_starts", "sender_sentences", "aid_text")

    def __init__(self, aid_text: bool = True) -> None:
        self.title_phrases: dict[tuple[int, int], tuple[int, str]] = {}
        self.post_spans: dict[tuple, list[tuple[int, int]]] = {}
        self.origins: dict[tuple[int, int], tuple[tuple[int, int, str, int], ...]] = {}
        self.sentences: dict[int, tuple[int, int]] = {}
        self.items_before: dict[int, Optional[tuple[int, int]]] = {}   # _list_start's walks
        self.dates: dict[tuple[int, int], tuple[Optional[str], Optional[str]]] = {}   # per sentence
        self.site_units: dict[Optional[str], Optional[str]] = {None: None}   # voice kind → _site_unit
        self.voice_kind: Optional[str] = ""     # _page_voice_kind ("": not read yet)
        self.name_starts: list[int] = []        # every found person's mentions' starts, in order
        self.sender_sentences: Optional[list[tuple[str, str, str]]] = None   # _sender_sentence_origin
        self.aid_text = aid_text                # the article holds an aid_label_words word (_aid_label)


def title_phrase(text: str, a: int, sent_start: int, rules: PersonRules,
                 memo: Optional[_Memo] = None) -> tuple[int, str]:
    """The phrase before a name back to a boundary (punctuation other than 、, or a word
    such as 担任/是/据): (its start, its text) — 石渠县委常委、副县长 in …，石渠县委常委、副县长黄斌."""
    if memo is None:
        return _title_phrase_at(text, a, sent_start, rules)
    key = (a, sent_start)
    found = memo.title_phrases.get(key)
    if found is None:
        found = memo.title_phrases[key] = _title_phrase_at(text, a, sent_start, rules)
    return found


def _boundary_in_name(text: str, b0: int, b1: int, rules: PersonRules) -> bool:
    """A one-character boundary word (及, 都, 与 …) that is part of a place's or a foreign
    state's name around it (中国驻埃|及|大使, 成|都|市委书记): no boundary there."""
    if b1 - b0 != 1:
        return False
    reach = rules.limits.boundary_name_reach
    lo = max(0, b0 - reach)
    window = text[lo:b1 + reach]
    k = b0 - lo
    # candidates, not find_in_phrase: these windows seldom recur, and would crowd out the
    # titles that find_in_phrase remembers
    if any(hit.start <= k < hit.end for hit in rules.gazetteer.candidates(window)):
        return True
    return any(end - len(word) < k <= end
               for end, word in _automaton_of(rules.words["foreign_units"]).iter(window))


def _title_phrase_at(text: str, a: int, sent_start: int, rules: PersonRules) -> tuple[int, str]:
    a, lo, on_lines = _title_edge(text, a, sent_start, rules)
    chars = rules.words["boundary_chars"]
    i = a
    bracket = rules.limits.title_bracket_max
    while i > lo:
        if text[i - 1] in "）)":
            opening = max(text.rfind("（", lo, i), text.rfind("(", lo, i))
            if opening >= 0 and i - opening <= bracket and opening > lo:
                i = opening
                continue
        if text[i - 1] == "”" and i < a:    # …驻红新村“访惠聚”|驻村工作队队长: a programme's name
            opening = text.rfind("“", lo, i - 1)
            if opening > lo and i - opening - 2 <= rules.limits.title_quote_max and \
                    _HAN_RUN.fullmatch(text, opening + 1, i - 1):
                i = opening
                continue
        if text[i - 1] in chars and not (text[i:i + 1] == "、" and text[i - 1] in rules.affixes.doubled_commas):
            break               # (贵州省赫章县委常委,、宣传部长: a converted page's doubled mark joins the parts)
        i -= 1
    last = None
    for m in rules.boundary_words.finditer(text, i, a):
        if not _boundary_in_name(text, m.start(), m.end(), rules) and not (
                m.group() in rules.affixes.unit_name_joins and
                _has_any(text[last.end() if last else i:m.start()], rules.words["unit_name_words"])):
            last = m            # (规划与投资处: 与 after 自治区某厅规划 joins a unit's name)
    if last is not None:
        i = last.end()
    comma = text.rfind("、", i, a)
    while comma > i:                     # 福建省委书记甲某、|宁夏回族自治区党委书记乙某
        if rules.titled_name_part.search(text, i, comma) and \
                not rules.cadre_titles.search(text, i, comma):
            i = comma + 1
            break
        comma = text.rfind("、", i, comma)
    i = _after_titled_name_join(text, i, a, rules)
    trim = rules.trim_prefix.match(text, i, a)
    if trim:
        i = trim.end()
    if on_lines and i == lo and text[i - 1:i] == "\n":    # 湖南省某村⏎第一书记⏎孙某: the unit line
        prev = text.rfind("\n", 0, i - 1) + 1
        line = text[prev:i - 1].strip()
        if line and len(line) <= rules.limits.title_line_max and \
                not any(c in rules.words["boundary_chars"] for c in line.replace(" ", "")):
            i = text.index(line, prev)
    return i, text[i:a]


def _after_titled_name_join(text: str, i: int, a: int, rules: PersonRules) -> int:
    """Where the title phrase ``text[i:a]`` starts once a titled name joined to the next item by
    a join word (和; 与 and 及 are boundary words already) is left out: 某村副支部书记胡某和|我队
    驻村干部肖某 — the name before the join and its title are another person's."""
    for join in rules.affixes.titled_name_joins:
        at = text.rfind(join, i, a)
        if at > i and rules.titled_name_part.search(text, i, at) and \
                not rules.cadre_titles.search(text, i, at):
            return at + len(join)
    return i


def _state_owned(part: str, rules: PersonRules) -> bool:
    """A company named by the state (中国…, 国家…, 国有, a bank) or by a place alone
    (深圳巴士集团, 北京大兴机场) rather than by a brand (复星) or as a limited or technology
    company (广西某某供应链管理有限公司): state-owned, its heads are cadres."""
    part = part[part.rfind("的") + 1:]                   # 参与对口帮扶的|深圳巴士集团总经理
    if part.startswith(rules.affixes.state_prefixes) or \
            any(w in part for w in rules.words["state_markers"]):
        return True
    if any(w in part for w in rules.words["private_company_words"]):
        return False
    end = 0
    for hit in rules.gazetteer.find_in_phrase(part):    # the places opening the name (北京|大兴|机场)
        if hit.start != end:
            break
        end = hit.end
    return end > 0 and _has_any(part[end:], rules.words["place_company_nouns"])   # 深圳|巴士, not 福建|兴翼机械


@cache
def _automaton_of(words: frozenset[str]) -> ahocorasick.Automaton:
    """One Aho-Corasick automaton per word list (built once): for short texts and windows;
    the cue words of a whole article go through WordFinder instead."""
    finder = ahocorasick.Automaton()
    for word in words:
        finder.add_word(word, word)
    finder.make_automaton()
    return finder


def _has_any(text: str, words: frozenset[str]) -> bool:
    """``any(w in text for w in words)`` in one pass over the text (one automaton per word
    list) rather than one search per word: 122 words of ``non_public_units`` for every
    part of every title phrase was this stage's biggest rule cost."""
    if "" in words:
        return True
    return bool(words) and next(_automaton_of(words).iter(text), None) is not None


def _public_post(part: str, sentence: str, at: int, rules: PersonRules) -> bool:
    """One part of a title phrase (the parts are joined by 、; ``at``: where it starts in
    ``sentence``) is a public post (SPEC 3;
    gold/README convention P4): a cadre title, not in a research institute, foundation,
    association, foreign state or international body (a state organ's name before it is
    another's post in a headline: 国务院总理李某同俄罗斯总理|梅某), not an assembly seat (政协委员, 人大代表),
    in a company only when it is state-owned, and a doctor's or teacher's job, or a post
    below the head of a public hospital or school (convention P6), only on a posting."""
    m = rules.cadre_titles.search(part)
    if not m or rules.resident_before.search(part) or m.group() in rules.words["not_post_titles"]:
        return False
    w = rules.words
    if m.group() in w["unit_head_titles"] and not rules.unit_head_units.search(part):
        return False                    # 项目负责人, 公司负责人: no office of the state's
    if rules.work_team_captain.search(part):
        return False                    # 1205钻井队队长, 骑队队长: a work team's, no post
    if m.group() in w["clerk_titles"] and _has_any(part, w["clerk_not_units"]):
        return False                    # 武警…支队干事, 工会干事: a soldier's or staff clerk's, no post
    if m.group() in w["abroad_only_titles"]:
        return bool(rules.post_abroad.match(part))        # 中国驻某国大使, not 某国驻华大使
    if m.group() in w["police_titles"] and _foreign_police(at + len(part), sentence, rules):
        return False                    # 比利时某市…执勤警察某某: a foreign state's officer (P4)
    if rules.region_body_chair.match(part):
        return False                    # 香港某协会主席: a society's chair in a SAR, no post (P4)
    if _has_any(part, w["research_units"]) and not rules.academic_unit.search(part) and \
            not _has_any(part, w["foreign_units"]):             # P7: a research institute's head
        if part.startswith(rules.affixes.research_section_organs):  # a ministry-level body's division head
            return bool(rules.research_head.search(part) or rules.research_section_head.search(part))
        return bool(rules.research_head.search(part)) and not rules.research_section_head.search(part)
    if part.endswith(rules.affixes.party_group_titles) and _has_any(part, w["non_public_units"]) \
            and not _foreign_part(part, rules):
        return True                     # P28: 某协会分党组书记, a party post
    if (_has_any(part, w["non_public_units"]) and not part.startswith(rules.affixes.state_organs)) \
            or _foreign_part(part, rules) or _foreign_place_head(part, rules) \
            or rules.seat_titles.search(part) or rules.academic_unit.search(part) \
            or (m.group() in rules.affixes.consultative_seat_words and
                any(body in part for body in rules.affixes.consultative_bodies)):
        return False
    if m.group() in w["company_titles"] or _has_any(part, w["private_companies"]) or \
            (_has_any(part, w["company_words"]) and not _has_any(part, w["public_words"])):
        return (_state_owned(part, rules) or _has_any(sentence, w["state_sentence_markers"])) \
            and not _has_any(part, w["private_companies"])
    if m.group() in w["posting_only_titles"] or \
            (m.group() in w["staff_titles"] and _has_any(part, w["staff_units"])):   # P6
        return _has_any(sentence, w["posting_words"])
    return True


@lru_cache(maxsize=256)
def _is_cadre_title(phrase: str, sentence: str, rules: PersonRules, at: int) -> bool:
    """The title phrase (starting at ``at`` in ``sentence``) ends in a title word and any of its parts is a public post
    (驻村第一书记、某银行业务经理: the first; not 总领队、驻村工作队队长朱某声音|洪亮), or ends in one of
    ``chain_last_titles`` after a party or state organ's public post (某大学党委副书记、副教授). A last part of
    two posts joined by ``concurrent_post_join`` whose second is a title alone (``concurrent_post_tail``) but no cadre
    title is read by the post before it (区长兼|河长).
    Remembered for the last 256 phrases (an article asks up to ~100 on real news; a batch
    of articles cycles through, so a repeated benchmark round finds nothing left): a
    mention's role and its posts ask the same phrase in the same sentence."""
    body = phrase.rstrip("的")
    at += len(body) - len(body.lstrip("“”"))      # a quote opening the phrase is no part's
    parts, starts = [], []                         # the parts and where each starts in the sentence
    for p in body.strip("“”").split("、"):
        if p:
            parts.append(p)
            starts.append(at)
        at += len(p) + 1
    if not parts:
        return False
    if not rules.cadre_titles.search(parts[-1]):     # 党委副书记、|副教授|: a rank after a party post
        head, join, tail = parts[-1].rpartition(rules.literals.concurrent_post_join)
        if join and head and rules.cadre_titles.search(head) and rules.concurrent_post_tail.fullmatch(tail):
            # 区长兼|河长: the post before 兼 decides (not 国务委员兼外交部长王毅, a phrase read after a name)
            parts[-1] = head
        else:
            return len(parts) > 1 and parts[-1].endswith(rules.affixes.chain_last_titles) and any(
                _has_any(p, rules.words["chain_post_organs"]) and _public_post(p, sentence, k, rules)
                for p, k in zip(parts[:-1], starts))
    foreign = False
    for part, k in zip(parts, starts):
        if foreign and not _names_own_unit(part, rules):
            continue                    # 老挝…总书记、|国家主席: the unit before it
        if _public_post(part, sentence, k, rules):
            return True
        foreign = _foreign_part(part, rules)
    return False


def _foreign_police(end: int, sentence: str, rules: PersonRules) -> bool:
    """A police title (``police_titles``) is a foreign state's officer: the sentence up to the
    title's part (ending at ``end`` in the sentence, as its caller found it: not the first
    identical part, which may stand earlier), from its last ``police_clause_stops`` mark (a list
    of heroes' items: 维和…在马里…；人民警察某某), names a state of ``foreign_states`` and no
    place of the gazetteer (内蒙古 holds 蒙古)."""
    # a bracket's title may run past the sentence; a title line's phrase may stand before it
    # (第一书记⏎|孙某⏎: the sentence is the name's line), its window then empty
    end = max(0, min(end, len(sentence)))
    start = max((sentence.rfind(stop, 0, end) for stop in rules.words["police_clause_stops"]), default=-1) + 1
    window = sentence[start:end]
    return _has_any(window, rules.foreign_states) and not rules.gazetteer.find_in_phrase(window)


def _foreign_part(part: str, rules: PersonRules) -> bool:
    """A part of a title phrase is a foreign state's or an international body's: it names one
    of ``foreign_units`` or opens with an international body's shape (世界…组织总干事)."""
    return _has_any(part, rules.words["foreign_units"]) or bool(rules.international_body.match(part))


def _foreign_place_head(part: str, rules: PersonRules) -> bool:
    """The part is the head of a foreign city or province (斯特拉斯堡副市长, 首尔市副市长, 埃诺省
    省长): its unit is all transliteration characters and no place of the gazetteer."""
    return bool(rules.foreign_place_head.search(part)) and not rules.gazetteer.find_in_phrase(part)


def _names_own_unit(part: str, rules: PersonRules) -> bool:
    """A part of a title phrase names a unit of its own: a place of the gazetteer, a state
    organ, or a character of ``own_unit_chars`` (县委书记; not 国家主席)."""
    return not rules.words["own_unit_chars"].isdisjoint(part) or \
        part.startswith(rules.affixes.state_organs) or bool(_unit_hits(part, rules))


def mention_role(text: str, span: tuple[int, int], sent: tuple[int, int],
                 rules: PersonRules, memo: Optional[_Memo] = None) -> Optional[str]:
    """The role the words around one mention give, or None."""
    if _journalist_mention(text, span, sent, rules, memo):
        return "journalist"
    if _cadre_mention(text, span, sent, rules, memo):
        return "cadre"
    if rules.resident_before.search(_mention_phrase(text, span[0], sent, rules, memo).rstrip("的")):  # 某某村的|庞某某
        return "resident"
    return None


def _journalist_mention(text: str, span: tuple[int, int], sent: tuple[int, int],
                        rules: PersonRules, memo: Optional[_Memo] = None) -> bool:
    a, b = span
    # in a reporters' list (本报记者甲、乙、…、丙), 记者 before the list is every item's
    start = _list_start(text, a, rules, memo and memo.items_before)
    left = text[max(sent[0], start - rules.limits.role_window):a]
    journalist = _journalist_before(left, rules) or rules.journalist_after.match(text, b)
    return bool(journalist) and not _post_after(text, b, sent[1], rules, gap=sent[1] - b) \
        and not (rules.state_media_head.search(left) and not _foreign_part(left, rules))
    # 编辑某某…担任第一书记; 人民日报社副总编辑|许某中 heads a state newspaper (a cadre, P4)


def _mention_phrase(text: str, a: int, sent: tuple[int, int], rules: PersonRules,
                    memo: Optional[_Memo]) -> str:
    """The title phrase before the list the mention is in (or before the mention)."""
    return _mention_title(text, a, sent, rules, memo)[1]


def _mention_title(text: str, a: int, sent: tuple[int, int], rules: PersonRules,
                   memo: Optional[_Memo]) -> tuple[int, str]:
    """:func:`_mention_phrase` with its start in the text."""
    return title_phrase(text, _list_start(text, a, rules, memo and memo.items_before), sent[0], rules, memo)


def _cadre_mention(text: str, span: tuple[int, int], sent: tuple[int, int],
                   rules: PersonRules, memo: Optional[_Memo], title_after: bool = True,
                   leader_after: Optional[bool] = None) -> bool:
    """One mention makes a cadre; ``title_after``: a leader's title right after the name
    counts (not for a person another mention names as a foreign state's: 印度总理莫某);
    ``leader_after``: :func:`_cadre_title_after` of the mention, when the caller asked it."""
    # 中国驻孟加拉国大使馆…。孟司法与议会事务部部长胡克: a foreign official's title, asked only of
    # a mention the rest makes a cadre (most mentions are none; every reader here is pure)
    return _titled_mention(text, span, sent, rules, memo, title_after, leader_after) and \
        not _abbreviated_state_clause(text, span[0], sent, rules)


def _titled_mention(text: str, span: tuple[int, int], sent: tuple[int, int], rules: PersonRules,
                    memo: Optional[_Memo], title_after: bool, leader_after: Optional[bool]) -> bool:
    """:func:`_cadre_mention` but for the foreign state's clause before the name."""
    a, b = span
    ts, phrase = _mention_title(text, a, sent, rules, memo)
    if _is_cadre_title(phrase, text[sent[0]:sent[1]], rules, ts - sent[0]) \
            or _list_title_after(text, b, sent, rules) \
            or _sent_list_item(text, span, sent, rules, memo):
        return True
    if title_after:
        if leader_after is None:
            leader_after = _cadre_title_after(text, span, rules)
        return leader_after or bool(_post_spans(text, span, sent, rules, memo))
    return any(ts != b for ts, _ in _post_spans(text, span, sent, rules, memo))   # not 莫某|总理


def _abbreviated_state_clause(text: str, a: int, sent: tuple[int, int], rules: PersonRules) -> bool:
    """The clause before a name opens with a foreign state's one-character short form
    (澳农业部长|麦某, 俄国家杜马…主席|梅某) and that state is named in full before it in the
    paragraph (中国驻澳大利亚大使馆…): a foreign official's title, not a post of ours (P4)."""
    # over a short bracket: 俄国家杜马（议会下院）第一副主席
    c = _clause_start(text, a, max(sent[0], a - rules.limits.title_max), rules, over_brackets=True)
    if c >= a - 1 or text[c] not in rules.words["state_short_forms"] or \
            any(hit.start == 0 for hit in
                rules.gazetteer.candidates(text[c:c + rules.limits.state_short_form_place_probe])):
        return False                    # 苏州市委书记, 澳门…: a place of ours
    paragraph = text.rfind("\n", 0, c) + 1
    window = text[max(paragraph, c - rules.limits.state_short_form_reach):a]
    return any(word[0] == text[c] for _, word in _automaton_of(rules.words["foreign_units"]).iter(window))


def _cadre_title_after(text: str, span: tuple[int, int], rules: PersonRules) -> bool:
    """A leader's title right after the name (某某总书记, 某某副总理) makes a cadre when the
    name is a Han one (a Han surname first): a transliterated name there is a foreign head
    of government (西某塞纳总统、维克拉某辛哈总理: P4), and so is a foreign leader's whose first
    character is a Han surname too (``foreign_leader_names``: 莫某总理)."""
    return _han_named(text, *span, rules) and bool(rules.cadre_after.match(text, span[1]))


def _han_named(text: str, a: int, b: int, rules: PersonRules) -> bool:
    """The name text[a:b] opens with a Han surname and is no foreign leader's that does
    (``foreign_leader_names``): the names a title after them (cadre_after) makes cadres."""
    return text[a] in rules.surnames and text[a:b] not in rules.words["foreign_leader_names"]


def _list_start(text: str, a: int, rules: PersonRules,
                items_before: Optional[dict] = None) -> int:
    """Where the 、-list a name is in begins (副委员长曹某、吉某、|武某 → 曹某): the title
    before the list is every item's. ``items_before`` remembers the items read before
    each 、 (every item of a long list walks back over the same ones)."""
    if text[a - 1:a] != "、":                   # most names: in no list
        return a
    for _ in range(rules.limits.list_max_items):
        if text[a - 1:a] != "、" or not (item := _item_before(text, a - 1, rules, items_before)):
            break
        a = item[0]
    return a


def _item_before(text: str, i: int, rules: PersonRules,
                 known: Optional[dict]) -> Optional[tuple[int, int]]:
    """:func:`_list_item_before`, remembered in ``known`` when given."""
    if known is None:
        return _list_item_before(text, i, rules)
    if i not in known:
        known[i] = _list_item_before(text, i, rules)
    return known[i]


def _list_title_after(text: str, b: int, sent: tuple[int, int], rules: PersonRules) -> bool:
    """A cadre title after the list a name is in (曹某、吉某、武某三位副委员长, 某某等同志)."""
    m = rules.list_title.match(text, b, sent[1])
    return bool(m) and _is_cadre_title(m.group("title"), text[sent[0]:sent[1]], rules,
                                       m.start("title") - sent[0])


def _sent_list_item(text: str, span: tuple[int, int], sent: tuple[int, int], rules: PersonRules,
                    memo: Optional[_Memo]) -> bool:
    """The name is an item of a list a sender selected and sent (选派了甲、乙…等12名…同志):
    the count and 同志/干部 after the list (read first: most names have neither), the sending
    verb right before its first item."""
    if not rules.sent_list_after.match(text, span[1], sent[1]):
        return False
    start = _list_start(text, span[0], rules, memo and memo.items_before)
    reach = max(sent[0], start - rules.limits.sent_list_verb_reach)
    return bool(rules.sent_list_verb.search(text, reach, start))


def person_role(text: str, spans: list[tuple[int, int]], sentence_of, rules: PersonRules,
                memo: Optional[_Memo] = None) -> str:
    """The highest role any mention gives (journalist > cadre > resident, as
    :func:`mention_role` ranks one mention's), read rank by rank: once a mention gives a
    rank, the other mentions are not read for it (a cadre named 10 times is read once)."""
    mentions = [(span, sentence_of(span[0])) for span in spans]
    if any(_journalist_mention(text, span, sent, rules, memo) for span, sent in mentions):
        return "journalist"
    # 同莫某总理继续…: a leader's title after the name is a foreign one when another mention
    # names the person's state (印度总理莫某); each mention's answer is asked once
    leader_after = [_cadre_title_after(text, span, rules) for span in spans]
    title_after = not (any(leader_after) and any(
        _has_any(_mention_phrase(text, span[0], sent, rules, memo), rules.words["foreign_units"])
        for span, sent in mentions))
    if any(_cadre_mention(text, span, sent, rules, memo, title_after, after)
           for (span, sent), after in zip(mentions, leader_after)):
        return "cadre"
    if any(rules.resident_before.search(_mention_phrase(text, span[0], sent, rules, memo).rstrip("的"))
           for span, sent in mentions):
        return "resident"
    for a, _ in spans:
        s0, s1 = sentence_of(a)
        if _has_any(text[s0:s1], rules.words["resident_sentence"]):
            return "resident"
    return "other"


# ---------------------------------------------------------------------------- cadres

class _Places(list):
    """An article's units as PlaceSpans (made once per article, not once per post), with
    each level's units apart, in the same order."""

    def __init__(self, units) -> None:
        super().__init__(u if isinstance(u, PlaceSpan) else PlaceSpan(u[0], u[1], u[2], "county", None)
                         for u in units)
        # title → _higher_unit's unit, or None where it reads none (several posts share a title)
        self.higher: dict[str, object] = {}
        # the city a city outlet writes as 我市 (:func:`_own_city`), when its source line names one
        self.own_city: Optional[str] = None
        self.by_level: dict[str, list[PlaceSpan]] = {}
        for u in self:
            self.by_level.setdefault(u.level, []).append(u)
        self._by_name: Optional[dict[str, list[PlaceSpan]]] = None     # see named

    def of_level(self, level: str) -> list[PlaceSpan]:
        return self.by_level.get(level, [])

    def named(self, name: str) -> list[PlaceSpan]:
        """The units named ``name``, in order: an index made on the first question (few articles
        ask: :func:`_lies_in`), so that no question scans all the article's units."""
        if self._by_name is None:
            self._by_name = {}
            for u in self:
                self._by_name.setdefault(u.name, []).append(u)
        return self._by_name.get(name, [])


def _as_places(units) -> _Places:
    return units if isinstance(units, _Places) else _Places(units)


def _of_level(units, level: str) -> list[PlaceSpan]:
    return units.of_level(level) if isinstance(units, _Places) else [u for u in units if u.level == level]


def _unit_hits(title: str, rules: PersonRules) -> list:
    """The gazetteer's hits in a title that start where a place name can: at its start,
    after a non-Han character, a unit suffix or another hit (四川|巴中市), not inside a word
    (阿|拉萨|依村 is a village). A hit before 村, 乡 or 镇 names a village or township unless
    it ends in its own unit's suffix (石渠县|乡村…; not 荆州|乡, whose 州 is no suffix of 荆州市)."""
    out, last_end = [], 0
    place_end, unit_suffix = rules.words["place_end_chars"], rules.words["unit_suffix_chars"]
    for hit in rules.gazetteer.find_in_phrase(title):
        # (a hit at the title's end counts as one before 村 too: so it did when the rule read
        # the YAML string, where the empty slice is "in" it; kept, records unchanged)
        if (hit.end == len(title) or title[hit.end] in place_end) and not (
                title[hit.end - 1] in unit_suffix and
                any(f.unit.name.endswith(title[hit.end - 1]) for f in hit.forms)):
            continue                    # 重庆市|长沙村, 荆州乡: a village named like a city
        if hit.start == 0 or hit.start == last_end or not _HAN.match(title, hit.start - 1) \
                or title[hit.start - 1] in unit_suffix:
            out.append(hit)
            last_end = hit.end
    return out


def _higher_unit(title: str, rules: PersonRules):
    """The prefecture (else province) a title names by the gazetteer (四川省委书记 → 四川省)."""
    higher = None
    for hit in _unit_hits(title, rules):
        units = [f.unit for f in hit.forms if f.unit.level != "county" and not f.weak]
        if units:
            unit = min(units, key=lambda u: u.level != "prefecture")
            if higher is None or unit.level == "prefecture" or higher.level == "province":
                higher = unit
    return higher


def _unit_in(text: str, ts: int, te: int, units: list[PlaceSpan], rules: PersonRules
             ) -> Optional[tuple[str, Optional[str]]]:
    """(name, province) of the unit text[ts:te] names: its last county, else the
    prefecture/province the gazetteer reads in it."""
    inside = [u for u in _of_level(units, "county") if ts <= u.start and u.end <= te]
    if inside:
        return inside[-1].name, inside[-1].province
    title = text[ts:te]
    if isinstance(units, _Places):
        if title not in units.higher:           # None is a reading too (no unit named)
            units.higher[title] = _higher_unit(title, rules)
        higher = units.higher[title]
    else:
        higher = _higher_unit(title, rules)
    if higher is not None:
        return higher.name, higher.province if higher.level != "province" else higher.name
    return None


def _context_unit(text: str, units: list[PlaceSpan], level: str, name: tuple[int, int],
                  sent: tuple[int, int], exclude: frozenset[str] = frozenset()) -> Optional[str]:
    """A unit of ``level`` the context gives a post that names none: the one nearest the
    name in its sentence (第一书记魏某，河北省临城县…), else the one named nearest before it in
    its line, else for a name in a heading (a line without 。) the first named after it,
    else the one named nearest before, else the article's main one."""
    kept = [u for u in _of_level(units, level) if u.name not in exclude
            and u.prefecture not in exclude and not (name[0] <= u.start < name[1])]
    in_sentence = [u for u in kept if sent[0] <= u.start < sent[1]]
    if in_sentence:
        return min(in_sentence, key=lambda u: abs(u.start - name[0])).name
    line_start = text.rfind("\n", 0, name[0]) + 1
    line_end = text.find("\n", name[0])
    line_end = len(text) if line_end < 0 else line_end
    before = [u for u in kept if u.start < name[0]]
    if before and before[-1].start >= line_start:
        return before[-1].name
    if "。" not in text[line_start:line_end]:
        after = [u for u in kept if u.start >= name[1]]
        if after:
            return after[0].name
    if before:
        return before[-1].name
    counts: dict[str, int] = {}
    for u in kept:
        counts[u.name] = counts.get(u.name, 0) + 1
    return max(counts, key=counts.get) if counts else None


def post_place(text: str, ts: int, te: int, name_start: int, units,
               rules: PersonRules, sent: Optional[tuple[int, int]] = None,
               exclude: frozenset[str] = frozenset()) -> Optional[str]:
    """The place of a post whose title is text[ts:te] (SPEC 3, gold/README, conventions P1,
    P2): company and central-state posts have none; a posting or team post (成华区援藏工作队
    组长, 驻连平前方指挥部总指挥) is where the team works: the unit after the posting word,
    else the unit the context gives that is not the sender's, else none; university posts
    have none; other posts: the unit the title names (county, else prefecture/province); a
    title that names none but says its level (第一书记, 镇长, 副县长 → a county; 自治区发改委
    主任 → a province) takes the unit of that level the context gives (:func:`_context_unit`),
    else of the next level up (P2), never one of ``exclude`` (a host's guests': :func:`_guest_visits`)."""
    units = _as_places(units)
    title = text[ts:te]
    sent = sent or (ts, te)
    name = (name_start, name_start)
    w = rules.words
    if rules.post_abroad.match(title):
        return None                 # 中国驻埃及大使: a post abroad, no unit of ours (驻 is no team)
    if division := rules.corps_division.search(title):
        official, city = rules.division_names.get(division.group(1), (None, None))
        if official:        # P15: the division's 师市合一 city if the text names it, else the division
            return city if city and city in text else official
    marker = _team_marker(text, ts, te, rules)
    team = marker is not None
    after = _unit_in(text, marker.end(), te, units, rules) if team else None
    if after:           # a company's or university's team post is where the team works (P1)
        return after[0]     # 北京某大学驻甘肃省秦安县…村第一书记 → 秦安县
    if any(c in title for c in w["company_words"]) and not any(p in title for p in w["public_words"]) \
            and not any(t in title for t in w["company_team_words"]) or rules.unplaced_units.search(title):
        return _village_post_place(text, ts, te, units, name, sent, rules)
    if team:
        return _team_place(text, ts, te, marker.start(), units, name, sent, rules)
    named = _unit_in(text, ts, te, units, rules)
    if named or (town := _districtless_town_city(text, title, rules)):     # 中堂镇副镇长 → 东莞市
        return named[0] if named else town
    if region := _region_of_title(text, title, ts, sent, rules):
        return region
    if any(c in title for c in w["central_words"]):
        return None
    if found := _own_title_place(text, title, units, ts, name, sent, rules, exclude):
        return found
    for noise in rules.level_word_noise:                 # 农村 is no village
        title = title.replace(noise, "")
    levels = [level for level, _ in rules.level_words]
    for k, (level, words) in enumerate(rules.level_words):   # smallest first
        if any(x in title for x in words):
            if level == rules.own_city_level and units.own_city and not any(
                    u.name.endswith(rules.own_city_ends) for u in units if sent[0] <= u.start < ts):
                return units.own_city       # 本报讯…副市长甲率…到昭通市: the outlet's city (P10)
            for up in levels[k:]:        # P2: else the smallest unit the article gives
                found = _context_unit(text, _of_kind(text, units, title, up, rules), up, name, sent, exclude)
                if found:
                    return found
            return _sole_province(units, title, sent, rules, exclude) if level == levels[-1] else None
    if any(x in title for x in w["local_body_words"]):     # P2: a local body's post naming no unit
        for up in levels:                                # (派出所民警, 管委会主任): the smallest unit near
            if found := _near_unit(text, _of_level(units, up), (ts, te), name, sent, exclude):
                return found
    return None


def _near_unit(text: str, units: list[PlaceSpan], title: tuple[int, int], name: tuple[int, int],
               sent: tuple[int, int], exclude: frozenset[str]) -> Optional[str]:
    """The unit nearest the name in its sentence, else the one named last before it in its line
    (paragraph); None if neither names one (not the article's other paragraphs: a roundup's), never
    one read inside the title itself (黄河源园区: no 河源市) or the name."""
    kept = [u for u in units if u.name not in exclude and u.prefecture not in exclude
            and not (name[0] <= u.start < name[1]) and not (title[0] <= u.start < title[1])]
    if in_sentence := [u for u in kept if sent[0] <= u.start < sent[1]]:
        return min(in_sentence, key=lambda u: abs(u.start - name[0])).name
    line_start = text.rfind("\n", 0, name[0]) + 1
    before = [u for u in kept if line_start <= u.start < name[0]]
    return before[-1].name if before else None


def _region_of_title(text: str, title: str, ts: int, sent: tuple[int, int],
                     rules: PersonRules) -> Optional[str]:
    """The SAR a post is placed at (SAR chief executives, gold/README): the SAR the title names in
    full or by its short form, a SAR body's title by 香港/澳门 (香港警察), else for a bare SAR title (…行政长官甲、候任行政长官乙) the SAR named
    last before it in the sentence; None for any other title."""
    if region := next((r for r in rules.affixes.region_units if r in title), None):
        return region                                   # 香港特别行政区行政长官
    if rules.region_short_gate in title and (region := _short_region(text, title, ts, rules)):
        return region                                   # 香港特区行政长官, 特区政府保安局局长
    if title.endswith(rules.affixes.region_name_titles) and \
            (short := _named_last(title, rules.region_names)):    # 香港警察甲: the SAR it names last
        return rules.region_names[short]
    if title.endswith(rules.affixes.region_titles):     # …行政长官甲、候任行政长官乙
        return _named_last(text[sent[0]:ts], rules.affixes.region_units)
    return None


def _named_last(haystack: str, names: Iterable[str], end: Optional[int] = None) -> Optional[str]:
    """The one of ``names`` that starts last in haystack[:end] (on a tie, the greater string, as
    ``max`` orders the pairs), None for none of them."""
    at, name = max(((haystack.rfind(n, 0, end), n) for n in names), default=(-1, None))
    return name if at >= 0 else None


def _short_region(text: str, title: str, ts: int, rules: PersonRules) -> Optional[str]:
    """The SAR of a title that names it by its short form (香港特区行政长官, 澳门特区政府社会文化司司长),
    or of a SAR government's title naming none (特区政府律政司司长: the SAR named last before it
    in the text); None for any other 特区 (深圳经济特区)."""
    if short := next((f for f in rules.region_short_forms if f in title), None):
        return rules.region_short_forms[short]
    if not title.startswith(rules.region_government_words):
        return None
    short = _named_last(text, rules.region_names, ts)
    return rules.region_names[short] if short is not None else None


def _sole_province(units: _Places, title: str, sent: tuple[int, int], rules: PersonRules,
                   exclude: frozenset[str] = frozenset()) -> Optional[str]:
    """The province of a province's title naming none (省政协副主席, 省委常委、省委统战部部长) where the
    text names no province: the one province every county and prefecture the title's sentence names
    lies in (…前往扶贫联系点西乡县调研 → 陕西省), of the title's kind (a 省 title no 自治区), none of
    ``exclude``; none for a sentence naming no county (副县长甲传达了副省长乙的讲话精神: gold null)."""
    ends = _kind_ends(title, "province", rules)
    provinces = {u.province for u in _units_between(units, sent[0], sent[1]) if u.level in ("county", "prefecture")
                 and u.province and u.name not in exclude and u.province not in exclude}
    if len(provinces) != 1 or len(ends) > 1:
        return None
    province = provinces.pop()
    return province if not ends or province.endswith(ends.pop()) else None


def _districtless_town_city(text: str, title: str, rules: PersonRules) -> Optional[str]:
    """The city of a town of a city with no county level that opens a title (中堂镇副镇长 → 东莞市,
    W15), when no other township bears its name or the text writes the city's short name."""
    m = rules.districtless_town.match(title)
    if m is None:
        return None
    city, namesakes = rules.districtless_towns[m.group()]
    return city if not namesakes or city[:2] in text else None


def _village_post_place(text: str, ts: int, te: int, units: _Places, name: tuple[int, int],
                        sent: tuple[int, int], rules: PersonRules) -> Optional[str]:
    """A company's, bank's or university's post (no place of its own, P1) that is a village post
    (village_post_words: 中国铁路…洛阳机务段驻村干部, 郑州大学第一附属医院驻村第一书记) is placed like a
    team post from its village word: the village's county the context gives, never a unit of the
    sender's name; any other such post has none."""
    title = text[ts:te]
    village = min((k for k in (title.find(v) for v in rules.words["village_post_words"]) if k >= 0), default=-1)
    return None if village < 0 else _team_place(text, ts, te, ts + village, units, name, sent, rules)


def _of_kind(text: str, units: _Places, title: str, level: str, rules: PersonRules):
    """The units of ``level`` a bare title's own organ word (opening it or a part) allows
    (level_kinds): a 县 title
    only a unit named with 县, a 省 title only a 省 — as written (日喀则地区 in 2010 is today's
    日喀则市: its 地委 is the 地区's), the official name for a short form (广州, 宁夏); every unit
    when the title holds none of the level's kind words or two kinds (市委常委、州委…)."""
    ends = _kind_ends(title, level, rules)
    if len(ends) != 1:
        return units
    end = ends.pop()
    return [u for u in units.of_level(level) if _as_written(text, u).endswith(end)]


def _kind_ends(title: str, level: str, rules: PersonRules) -> set[str]:
    """The ends of a unit's name (县; 市, 州, 盟; 省, 自治区) that the organ words of ``level`` in
    ``title`` allow (level_kinds: 县委 → a unit named with 县); none when it holds no such word."""
    return {end for word, end in rules.level_kinds.get(level, ()) if word.search(title)}


def _as_written(text: str, unit: PlaceSpan) -> str:
    """A unit's name as the text writes it when that is a full name of its own (a former name:
    日喀则地区 for 日喀则市), else its official name (a short form: 广州, 宁夏)."""
    written = text[unit.start:unit.end]
    return unit.name if unit.name.startswith(written) else written


def _own_title_place(text: str, title: str, units: _Places, ts: int, name: tuple[int, int],
                     sent: tuple[int, int], rules: PersonRules,
                     exclude: frozenset[str] = frozenset()) -> Optional[str]:
    """The place of a district's or county-level city's own title naming no unit (区委副书记,
    市政府党组成员), else None (the level reading decides); never one of ``exclude``."""
    if rules.district_title.search(title) and (found := _district_place(text, units, ts, name, sent, exclude)):
        return found
    if rules.city_title.search(title):
        return _county_city_place(units, ts, sent, exclude)
    return None


def _district_place(text: str, units: _Places, ts: int, name: tuple[int, int],
                    sent: tuple[int, int], exclude: frozenset[str] = frozenset()) -> Optional[str]:
    """The district a district's title at ``ts`` naming none (区委副书记, 副区长, 区领导) is of: the
    district named last before the title in its sentence (麦积区委常委、副区长甲,副区长乙 →
    麦积区; 区政协副主席、西青区农经委副主任乙: not the later part's 西青区), else
    the one the context gives (:func:`_context_unit` over districts only: a county named nearer
    is the guest's, 围场县县长一行来我区…区领导甲 → the site's 丰南区 named later, P25, P10)."""
    districts = [u for u in units.of_level("county") if u.name.endswith("区")]
    before = [u for u in districts if sent[0] <= u.start < ts and u.name not in exclude]
    if before:
        return before[-1].name
    return _context_unit(text, districts, "county", name, sent, exclude)


def _county_city_place(units: _Places, ts: int, sent: tuple[int, int],
                       exclude: frozenset[str] = frozenset()) -> Optional[str]:
    """The county-level city a city's title at ``ts`` naming no city (市政府党组成员, 副市长) is
    of, when the city named last before the title in its sentence is one (莱西市委书记甲,市政府
    党组成员乙 → 莱西市, not the prefecture 陇南市 of the guest county named earlier); None when
    that city is a prefecture's or none is named (the level reading then decides)."""
    cities = [u for u in units if u.name.endswith("市") and sent[0] <= u.start < ts and u.name not in exclude]
    if cities and cities[-1].level == "county":
        return cities[-1].name
    return None


def _team_place(text: str, ts: int, te: int, marker: int, units: list[PlaceSpan],
                name: tuple[int, int], sent: tuple[int, int], rules: PersonRules) -> Optional[str]:
    """The place of a team post text[ts:te] that names no unit after its posting word (at
    ``marker``): a county's team in its own village is in that county; else the unit the
    context gives that is not the sender's; else the region the team's name states (P16)."""
    sender = _unit_in(text, ts, marker, units, rules)
    if sender and rules.team_village.match(text, marker, te) and \
            any(u.name == sender[0] for u in _of_level(units, "county")):
        return sender[0]    # 石门县某局驻某村工作队队长: a county's team in its own village
    exclude = frozenset(sender[:1]) if sender else frozenset()
    # a province's team (湖南省援藏工作队) works across a prefecture, a city's in a county; the
    # units of the sender's own province are the sender's side, never the team's seat
    title = text[ts:te]
    province = sender[0] if sender and sender[0] == sender[1] and any(
        w in title for w in rules.province_team_words) else None
    levels = rules.team_context_levels["province" if province else "other"]
    seats = [u for u in units if not ts <= u.start < te and (province is None or u.province != province)]
    for level in levels:
        found = _context_unit(text, seats, level, name, sent, exclude)
        if found:
            return found
    # P16: the text gives no seat; the region the team's name states
    return next((region for word, region in rules.aid_regions if word in title), None)


def _title_end(text: str, start: int, stop: int, rules: PersonRules) -> Optional[int]:
    """The end of the last title word in text[start:stop] (挂任…副校长|，)."""
    end = None
    for i in range(start + 2, stop + 1):
        if rules.cadre_titles.search(text, start, i):
            end = i
    return end


def _post_after(text: str, b: int, sent_end: int, rules: PersonRules, gap: Optional[int] = None
                ) -> Optional[tuple[int, int]]:
    """A post written after the name: 李宇挂任昭通学院附属中学副校长 (the verb at most ``gap``
    characters after the name, by default ``post_after_gap``)."""
    gap_end = min(sent_end, b + (rules.limits.post_after_gap if gap is None else gap))
    m = rules.post_after.search(text, b, gap_end)
    copula = None
    if not m or (m.start() > b and any(text[i] in "。！？" for i in range(b, m.start()))):
        m = copula = rules.post_copula.match(text, b, sent_end)   # 王某是…村第一书记，
        if not m:
            return None
    start = m.end() + (text[m.end():m.end() + 1] == "“")    # 担任“第一书记”: a quoted title
    stop = min(sent_end, start + rules.limits.post_after_max)
    chars = rules.words["boundary_chars"]
    for i in range(start, stop):
        if text[i] in chars:
            stop = i
            break
    end = _title_end(text, start, stop, rules)
    if copula and (end != stop or not _is_cadre_title(text[start:end], text[b:sent_end], rules, start - b)):
        return None         # 王某是县长的儿子: after 是 the title must close the clause
    return (start, end) if end else None


_BATCH_SUFFIX = plain_pattern(r"第[一二三四五六七八九十0-9]+批.*$")


def _clean_origin(origin: str, rules: PersonRules) -> Optional[str]:
    origin = origin.strip("的、")
    origin = origin[origin.rfind("、") + 1:]        # 连平县委常委、|深圳市南山区|驻…
    origin = origin[origin.rfind("的") + 1:]        # 随刚受任命的|上海|对口援疆指挥部…
    if origin.startswith(rules.affixes.origin_request_words):
        return None                                 # 希望由某医院|选派: the unit asked, not the sender
    while origin and origin[0] in rules.words["origin_trim_prefix"]:
        origin = origin[1:]
    origin = _BATCH_SUFFIX.sub("", origin)
    if len(origin) < 2 or rules.origin_pool.search(origin) or rules.home_unit_others_act.match(origin):
        return None             # 看望慰问|集团选派驻村干部: the sender of those the person visits
    if origin.endswith(rules.affixes.origin_unit_ends) or \
            any(hit.end == len(origin) for hit in rules.gazetteer.find_in_phrase(origin)):
        return origin
    return None                                     # 全国累计|选派, 从|北京飞|到


def _label_place(origin: str, rules: PersonRules) -> Optional[str]:
    """The place a team label's run opens with when the run is no unit (北京|教育人才|援藏队领队,
    广东省|粤黔协作工作队领队): the team's sender (P17). The run's last part only (after 、 and
    的, as :func:`_clean_origin` reads it)."""
    part = origin[max(origin.rfind("、"), origin.rfind("的")) + 1:]
    hits = rules.gazetteer.find_in_phrase(part)
    if len(hits) != 1 or hits[0].start:
        return None         # 云南省景东彝族自治县|挂职副县长: a place run, the posting's seat
    return _clean_origin(part[:hits[0].end], rules)


def origin_of(text: str, span: tuple[int, int], sent: tuple[int, int], phrase: str,
              rules: PersonRules, memo: Optional[_Memo] = None) -> Optional[str]:
    """The sending unit: 来自X的 / X选派 near the name, else the unit before a posting word in
    the title (成华区|援藏工作队), else X in X干部."""
    a, b = span
    best = None
    matches = memo.origins.get(sent) if memo is not None else None
    if matches is None:
        matches = _origin_matches(text, sent, rules.origin_patterns)
        if memo is not None:
            memo.origins[sent] = matches
    for start, end, origin, o_start in matches:
        dist = a - end if end <= a else (start - b if start >= b else None)
        if dist is None and o_start <= a and text.startswith(rules.affixes.origin_subject_links, b) \
                and b < o_start + len(origin):      # 姚某|是中交集团|派驻…: the name is the subject
            dist, origin = 0, text[b:o_start + len(origin)]
        if dist is not None and dist <= rules.limits.origin_reach and (best is None or dist < best[0]) \
                and not (start >= b and (_next_item_origin(text, b, start, end, rules, memo)
                                         or text.startswith(rules.affixes.origin_other_preps, start - 1)
                                         or any(text.find(c, b, start) >= 0 for c in rules.origin_after_stops))):
            best = (dist, origin, end)
    if best:
        if _discipline_organ(text, best[1], best[2], rules):
            return None
        if origin := _clean_origin(best[1], rules):
            return origin       # (来自荆楚大地的汉子: no unit, the title's marker is still read)
    not_markers = rules.affixes.origin_marker_not
    for m in rules.origin_marker.finditer(phrase):
        if not phrase.startswith(not_markers, m.start()):
            break
        unit = rules.village_sender.search(phrase, 0, m.start())
        if unit and phrase.startswith(rules.affixes.village_sender_words, m.start()):
            # 某医院|驻村第一书记, 某支行“访惠聚”|驻村工作队: an office sent the person (P17)
            return _clean_origin(phrase[:unit.end("unit")], rules)
    else:
        m = None
    if m and m.start() >= 2:
        seat = phrase.rfind(rules.literals.origin_seat_word, 0, m.start())    # 由高邮市|在米脂县支教
        origin = phrase[:m.start() if seat < 0 else seat]
        if _discipline_organ(phrase, origin, m.start(), rules):
            return None
        return _clean_origin(origin, rules) or _label_place(origin, rules)
    if _origin_only(phrase, rules, text[sent[0]:sent[1]]):
        word = next(w for w in rules.words["origin_title_words"] if phrase.endswith(w))
        return _clean_origin(phrase[:-len(word)], rules)
    return None


def _discipline_organ(text: str, origin: str, after: int, rules: PersonRules) -> bool:
    """A discipline commission's own stationed organ (湘潭市纪委|驻市发改委纪检监察组组长; 县监委派出|荆州乡
    监察专员): the commission before the marker and an organ word soon after it is the title, not
    a sending (the lead's ruling on 李夏, 2026-12-06)."""
    return origin.endswith(rules.affixes.discipline_commissions) and any(
        w in text[after:after + rules.limits.discipline_organ_reach] for w in rules.literals.discipline_organs)


def _next_item_origin(text: str, b: int, start: int, end: int, rules: PersonRules, memo: Optional[_Memo]) -> bool:
    """An origin written after a name is another item's (…主任科员甲,华鲁集团派驻鄄城县…督导员、
    …乙: 乙's), when a clause mark stands between the name and it and the next name found after
    the name stands before it or follows it before the next clause mark."""
    marks = rules.words["home_unit_clause_marks"]
    if not any(c in marks for c in text[b:start]):
        return False
    nxt = _next_name_start(memo, b)
    return nxt is not None and (nxt < start or not any(c in marks for c in text[end:nxt]))


def _next_name_start(memo: Optional[_Memo], b: int) -> Optional[int]:
    """Where the next found person's mention after ``b`` starts (memo.name_starts), or None."""
    if memo is None:
        return None
    i = bisect.bisect_right(memo.name_starts, b)
    return memo.name_starts[i] if i < len(memo.name_starts) else None


def _origin_matches(text: str, sent: tuple[int, int], patterns: tuple[regex.Pattern, ...]
                    ) -> tuple[tuple[int, int, str, int], ...]:
    """(start, end, origin, origin's start) of every origin pattern's match in the sentence (remembered per
    sentence by the article's memo, however many mentions it holds)."""
    return tuple((m.start(), m.end(), m.group("origin"), m.start("origin")) for pattern in patterns
                 for m in _anchored_finditer(pattern, text, sent[0], sent[1]))


_LEADING_RUN = plain_pattern(r"\(\?P<\w+>\[(?:\\.|[^\]\\])*\]\{(\d+),(\d+)\}\??\)(.+)", regex.S)


@memo_by_identity()   # by identity: a compiled pattern's hash hashes its whole code
def _anchor_of(pattern: regex.Pattern) -> Optional[tuple[regex.Pattern, int, int]]:
    """(what follows, shortest, longest run) of a pattern that opens with a bounded run of
    a character class (X{2,24}?派驻): such a pattern tried at every position costs up to
    24 steps each; None for any other pattern."""
    m = _LEADING_RUN.fullmatch(pattern.pattern)
    if not m or int(m.group(1)) == 0:        # an empty run: matches could be empty
        return None
    try:
        return plain_pattern(m.group(3), pattern.flags), int(m.group(1)), int(m.group(2))
    except regex.error:                 # the rest refers to the run's group
        return None


def _anchored_finditer(pattern: regex.Pattern, text: str, start: int, end: int):
    """The matches ``pattern.finditer(text, start, end)`` gives, found from what follows
    the opening run (the verb of X派驻, a literal search) and looking back at most the
    run's length: a match starts no earlier than the first such verb minus that length,
    so searching from there finds the same leftmost match."""
    anchor = _anchor_of(pattern)
    if anchor is None:
        yield from pattern.finditer(text, start, end)
        return
    after, shortest, longest = anchor
    pos = start
    while pos <= end:
        verb = after.search(text, pos + shortest, end)
        if not verb:
            return
        m = pattern.search(text, max(pos, verb.start() - longest), end)
        if not m:
            return
        yield m
        pos = m.end()


def _origin_only(phrase: str, rules: PersonRules, sentence: str) -> bool:
    """成华区司法局干部 of a person on a posting (援藏, 挂职… in the sentence): a unit + 干部
    says where the person comes from, not a post; without a posting (汉中市扶贫办某科干部)
    it is the person's post."""
    for word in rules.words["origin_title_words"]:
        if phrase.endswith(word):
            return any(w in sentence for w in rules.home_unit_posting) and \
                not rules.cadre_titles.search(phrase[:-len(word)]) and \
                not rules.origin_marker.search(phrase)
    return False


def _dates(text: str, sent: tuple[int, int], ref_year: Optional[int],
           rules: PersonRules) -> tuple[Optional[str], Optional[str]]:
    """(since, until) the sentence gives: a date before 起/以来/挂任…, YYYY年至YYYY年."""
    since = until = None
    dates = dates_in(text, sent[0], sent[1], ref_year, rules.years)
    for i, d in enumerate(dates):
        if text.startswith(rules.affixes.date_range_marks, d.end) and i + 1 < len(dates) \
                and dates[i + 1].start == d.end + 1:
            since, until = d.iso, dates[i + 1].iso
        elif until is None and rules.until_after.match(text, d.end):
            until = d.iso
        elif since is None and rules.since_after.match(text, d.end):
            since = d.iso
    return since, until


def _post_spans(text: str, span: tuple[int, int], sent: tuple[int, int],
                rules: PersonRules, memo: Optional[_Memo] = None) -> list[tuple[int, int]]:
    """Title spans of the posts one mention gives: before the name (县委常委、副县长|黄斌),
    right after it (习近平|总书记), or after a posting verb (挂任…副校长). A mention's role
    asks them, then its cadre record: the memo answers the second time."""
    if memo is None:
        return _posts_of(text, span, sent, rules)
    key = (span, sent)
    found = memo.post_spans.get(key)
    if found is None:
        found = memo.post_spans[key] = _posts_of(text, span, sent, rules, memo)
    return found


def _posts_of(text: str, span: tuple[int, int], sent: tuple[int, int],
              rules: PersonRules, memo: Optional[_Memo] = None) -> list[tuple[int, int]]:
    a, b = span
    ts, phrase = title_phrase(text, _list_start(text, a, rules, memo and memo.items_before),
                              sent[0], rules, memo)
    out = []
    if phrase.startswith(rules.affixes.origin_from_words) and "的" in phrase:   # 来自X的|援藏队员: X is the origin
        ts += phrase.rfind("的") + 1
        phrase = phrase[phrase.rfind("的") + 1:]
    sentence = text[sent[0]:sent[1]]
    if _is_cadre_title(phrase, sentence, rules, ts - sent[0]) and not _origin_only(phrase, rules, sentence):
        out.extend(_split_posts(text, ts, ts + len(phrase), rules))
    right = rules.cadre_after.match(text, b) if _han_named(text, a, b, rules) else None
    if right and right.group() not in rules.affixes.cadre_after_no_post:
        out.append(right.span())
    bracket = rules.bracket_post.match(text, b)             # 某某代表（甘肃省委书记）
    if bracket and _is_cadre_title(bracket.group("title"), sentence, rules, bracket.start("title") - sent[0]):
        out.append(bracket.span("title"))
    after = _post_after(text, b, sent[1], rules)
    if after and not _is_cadre_title(text[after[0]:after[1]], sentence, rules, after[0] - sent[0]):
        after = None        # 出任欧洲央行第四任行长: a foreign body's post is none of ours (P4)
    if after:               # P5 as before the name: 在担任甲市…主任、|乙市市长、市委书记期间 → two posts
        out.extend(_split_posts(text, *after, rules))
    listed = rules.list_posting_title.match(text, b, sent[1]) or \
        rules.list_level_leaders.match(text, b, sent[1])   # 甲、乙3名援疆干部, 甲、乙等县领导: each item's post
    if listed:
        out.append(listed.span("title"))
    apposition = rules.apposition_post.match(text, b, sent[1])   # 姜某，某县原县委书记。
    if apposition and _is_cadre_title(apposition.group("title"), sentence, rules,
                                          apposition.start("title") - sent[0]):
        out.extend(_split_posts(text, *apposition.span("title"), rules))   # P5: 市纪委委员、|县委常委
        if not after and (after := _post_after(text, apposition.end(), sent[1], rules)):
            out.append(after)       # 某某,龙泉市政府副市长、三级调研员,|现挂职广元市昭化区副区长
    if not out and (memo is None or memo.aid_text) and (label := _aid_label(text, span, sent, rules, memo)):
        out.append(label)
    out.sort()          # in the text's order: the first is the home post (某某,县政府副县长,现挂职…)
    return out


def _aid_label(text: str, span: tuple[int, int], sent: tuple[int, int], rules: PersonRules,
               memo: Optional[_Memo]) -> Optional[tuple[int, int]]:
    """The span of an assistance label heading the list a name with no other post is in
    (``aid_label_head``: 第十一批援疆干部人才中西医结合内科|甲、心脏内科|乙; 在大关县支教的|甲、乙等老师),
    read only when an ``aid_label_words`` word is within ``aid_label_reach`` of the name (most
    names have none)."""
    a, b = span
    reach = rules.limits.aid_label_reach
    if not _holds_any(text, rules.aid_label_heads, max(sent[0], a - reach), min(sent[1], b + reach)):
        return None
    start = _list_start(text, a, rules, memo and memo.items_before)
    lo = max(sent[0], start - reach)
    clause = max(lo, *(text.rfind(c, lo, start) + 1 for c in rules.literals.home_unit_clause_marks))
    head = _holds_any(text, rules.aid_label_heads, clause, a) and rules.aid_label_head.search(text, clause, a)
    if head:
        return head.span("title")
    label = clause > lo and _holds_any(text, rules.aid_label_heads, lo, clause) and \
        rules.aid_label_as.search(text, lo, clause)     # 作为…援疆医疗队专家之一，|甲: the clause's subject
    return label.span("title") if label else None


def _names_unit(text: str, start: int, end: int, rules: PersonRules) -> bool:
    return any(not all(f.weak for f in hit.forms) for hit in _unit_hits(text[start:end], rules))


def _team_part(text: str, start: int, end: int, rules: PersonRules) -> bool:
    """A 、-part that is a team or posting post of its own (…镇康县副县长、教育部第六批赴滇西
    挂职干部): its team marker's sender is read from the part, not from the phrase's start."""
    return _team_marker(text, start, end, rules) is not None


def _team_marker(text: str, ts: int, te: int, rules: PersonRules, pair_teams: bool = False):
    """The team marker of a title or part text[ts:te] (rules team_marker; with ``pair_teams`` a pair's
    team too: 粤黔协作工作队, tried only where 协作 is written), else None: none in a part holding one of
    team_marker_not (the sender's own leading group or office). The one reading of a team post's marker
    for :func:`post_place`, :func:`_team_part` and :func:`_host_places`."""
    marker = rules.team_marker.search(text, ts, te)
    if marker is None and pair_teams and rules.pair_team_gate in text[ts:te]:
        marker = rules.pair_team_marker.search(text, ts, te)
    if marker is None:
        return None
    part = text[ts:te]
    return None if any(x in part for x in rules.team_marker_not) else marker


def _split_posts(text: str, ts: int, te: int, rules: PersonRules) -> list[tuple[int, int]]:
    """A title phrase holds several posts where a 、-part names a unit of its own (convention
    P5: 西藏自治区人大常委会副主任、林芝市委书记 → two posts); parts that name none belong to
    the post before them (石渠县委常委、副县长 → one)."""
    spans: list[list[int]] = []
    start = ts
    for i in range(ts, te + 1):
        if i == te or text[i] == "、":
            if spans and (_names_unit(text, start, i, rules) or _team_part(text, start, i, rules)):
                spans.append([start, i])
            elif spans:
                spans[-1][1] = i
            else:
                spans.append([ts, i])
            start = i + 1
    return [(a, b) for a, b in spans]


def _home_origin(text: str, cadre: Cadre, spans: list[tuple[int, int]],
                 sentences: list[tuple[int, int]], rules: PersonRules, memo: Optional[_Memo] = None) -> Optional[str]:
    """A person on a posting whose first title starts with a unit comes from that unit. The
    posting word is looked for in a sentence naming the person, from the clause holding the
    name up to a speech verb after the name: what the person says of others' postings
    (某局局长某某说：“…援藏干部…”) is no posting of theirs, nor is an earlier clause's
    (…援藏工作队总领队甲,琼结县委书记乙,…)."""
    if not cadre.posts:
        return None
    m = rules.home_unit.match(cadre.posts[0].title)
    if not m:
        return None
    marks = rules.words["home_unit_clause_marks"]
    for (a, b), (s0, s1) in dict.fromkeys(zip(spans, sentences)):
        said = rules.home_unit_said.search(text, b, s1)
        end = said.start() if said else s1
        if others := rules.home_unit_others.search(text, b, end):    # 慰问|援藏医疗队: the team's
            end = others.start()
        end = _before_next_named_clause(text, b, end, marks, memo)
        own = _clause_start(text, a, s0, rules, chars=marks)   # the person's own clause: an earlier one is another's…
        if own == a:             # … unless the name opens it (援藏3年间，某某积极投身工作)
            own = s0
        for posted in rules.home_unit_posted.finditer(text, own, end):
            whose = _posting_whose(text, own, posted.start(), m.group("unit"), rules)
            if whose != "others":
                if not _unit_in_aid_region(m.group("unit"), posted.group(), rules):
                    if whose == "own_visit":    # a visiting party's unit (P12): 繁昌县委 → 繁昌县
                        post = cadre.posts[0]
                        return _visit_unit(post.title, post.place, rules) or m.group("unit")
                    return m.group("unit")
                break
    return None


def _before_next_named_clause(text: str, b: int, end: int, marks: str, memo: Optional[_Memo]) -> int:
    """``end``, or the clause mark before the next found name after ``b`` when one stands between
    (…办公室主任甲,单县县委书记乙,…,生前为某村第一书记、丙: a later item's posting is its own);
    not when no mark does (甲和乙是北京第二批援青干部: both are)."""
    nxt = _next_name_start(memo, b)
    if nxt is None or nxt >= end:
        return end
    mark = max(text.rfind(c, b, nxt) for c in marks)
    return mark if mark >= b else end


def _posting_whose(text: str, own: int, at: int, unit: str, rules: PersonRules) -> str:
    """Whose posting the posting word at ``at`` is: "others" when the person's act toward others
    (看望, 慰问, 与, 向, 听取…) comes before it in its clause; "own_visit" when the cadres acted on
    are labelled with the unit's own place (繁昌县委副书记甲一行看望了繁昌县挂职干部: its leader's
    party visits the cadres the unit posted, P12 — the unit is the visiting party's, as
    :func:`_visit_unit` reads it); after a visit, others' only when another unit labels them
    (慰问省中医院援藏医疗队; not 看望、慰问支教教师: ""); "" when no act comes before it."""
    clause = max([own] + [text.rfind(c, own, at) + 1 for c in rules.words["home_unit_clause_marks"]])
    act = None
    for act in rules.home_unit_others_act.finditer(text, clause, at):
        pass
    if act is None:
        return ""
    between = text[act.end():at]
    if any(unit[h.start:h.end] in between for h in rules.gazetteer.find_in_phrase(unit)):
        return "own_visit"
    if act.group() not in rules.words["home_unit_visit_words"] or \
            rules.home_unit_other_label.search(between):
        return "others"
    return ""


def _unit_in_aid_region(unit: str, posting: str, rules: PersonRules) -> bool:
    """The unit a title opens with lies in the region its sentence's aid word names (西藏自治区党委
    with 援藏, 乌兰县委 with 援青): a post at the receiving side, not the home the person was sent
    from (P3)."""
    region = next((r for word, r in rules.aid_regions if word == posting), None)
    if region is None:
        return False
    return any(f.unit.name == region or f.unit.province == region
               for hit in rules.gazetteer.find_in_phrase(unit) if hit.start == 0 for f in hit.forms)


def _home_of_village_post(cadre: Cadre, rules: PersonRules) -> Optional[str]:
    """A first secretary or village team member who also holds a post starting with a unit
    (重庆市林科院经济林研究所所长、某村第一书记; 清远市政府办公室干部 of a 驻村干部) comes from
    that unit: the employer is the origin when no sender is written (P3, P17)."""
    village = rules.affixes.village_post_words
    if len(cadre.posts) < 2 or not any(w in p.title for p in cadre.posts for w in village):
        return None
    home = next((p.title for p in cadre.posts if not any(w in p.title for w in village)), None)
    m = rules.home_unit.match(home) if home else None
    return m.group("unit") if m else None


def _employer_of_village_cadre(text: str, cadre: Cadre, spans: list[tuple[int, int]],
                               sentences: list[tuple[int, int]], rules: PersonRules) -> Optional[str]:
    """A village cadre (a first secretary, a village team's member: in a post, or after the
    name in a sentence naming them, before a speech verb) whose employer is told as an
    employee's designation comes from that employer (P3, P17): a post UNIT(的)(一名)干部
    (县社保局干部, …同时也是某社区驻村帮扶队队长), else 是/成为 UNIT一名干部 right after the name
    (沈某原本是安徽省财政厅一名干部)."""
    village = rules.affixes.village_post_words

    def told_after(b: int, s1: int) -> str:     # up to a speech verb: what follows is said of others
        said = rules.home_unit_said.search(text, b, s1)
        return text[b:said.start() if said else s1]
    if not any(w in p.title for p in cadre.posts for w in village) and not any(
            w in told_after(b, s1) for (_, b), (_, s1) in zip(spans, sentences) for w in village):
        return None
    for post in cadre.posts:
        m = rules.employee_title.match(post.title)
        if m and (unit := _clean_origin(m.group("unit"), rules)):
            return unit
    for (_, b), (_, s1) in zip(spans, sentences):
        m = rules.employee_after_name.match(text, b, s1)
        if m and (unit := _clean_origin(m.group("unit"), rules)):
            return unit
    return None


def build_cadre(text: str, name: str, spans: list[tuple[int, int]], sentence_of,
                counties: list[CountySpan], ref_year: Optional[int], rules: PersonRules,
                memo: Optional[_Memo] = None, guests: Optional[Sequence[tuple[int, frozenset[str]]]] = None) -> Cadre:
    cadre = Cadre(name=name)
    counties = _as_places(counties)
    seen: set[str] = set()
    sentences = []
    for a, b in spans:
        sent = sentence_of(a)
        sentences.append(sent)
        if cadre.origin is None:        # the first mention that gives one (the readers are pure)
            _, phrase = title_phrase(text, a, sent[0], rules, memo)
            if origin := origin_of(text, (a, b), sent, phrase, rules, memo):
                cadre.origin = origin
        post_spans = _post_spans(text, (a, b), sent, rules, memo)
        hosts = _host_places(text, post_spans, counties, rules) if len(post_spans) > 1 else {}
        for ts, te in post_spans:
            title = text[ts:te].replace("\n", "").strip("的“”,，")
            place = hosts.get(ts)
            if title in seen:       # P5: the same title at a second place written after the name
                if ts <= b or not (place := _written_between(b, ts, counties)) or \
                        any(p.title == title and p.place == place for p in cadre.posts):
                    continue
            if title:
                seen.add(title)
                dates = memo.dates.get(sent) if memo is not None else None
                if dates is None:        # a sentence's posts (and its cadres') read it once
                    dates = _dates(text, sent, ref_year, rules)
                    if memo is not None:
                        memo.dates[sent] = dates
                since, until = dates
                cadre.posts.append(Post(title=title, since=since, until=until,
                                        place=place or post_place(text, ts, te, a, counties, rules, sent,
                                                                  _guests_of_host(text, a, b, sent, counties, guests, rules))))
    if cadre.origin is None:
        cadre.origin = _home_origin(text, cadre, spans, sentences, rules, memo) or \
            _home_of_village_post(cadre, rules) or \
            _employer_of_village_cadre(text, cadre, spans, sentences, rules) or \
            _label_origin(text, spans, sentences, rules) or \
            _sender_sentence_origin(text, cadre, rules, memo)
    return cadre


def _host_places(text: str, spans: list[tuple[int, int]], units: _Places, rules: PersonRules) -> dict[int, str]:
    """Team posts placed by the post held beside them (P1: a team post is where the team works;
    P16: a smaller unit the text gives wins): a team or command part of a 、-chain next to a part
    that names a unit of the helped side works where that post is (塔城地委副书记、辽宁省对口支援
    新疆工作前方指挥部总指挥 → 塔城地区, not 新疆; 贵州省政府副秘书长、广东省粤黔协作工作队领队 →
    贵州省). Not where that unit is the sender's side (温州市政府副秘书长、温州市对口援拜指挥部…)
    nor outside the region the team's name states (援藏医疗队总领队、北京协和医院副院长).
    Start of the team part → the place."""
    out: dict[int, str] = {}
    for k, (ts, te) in enumerate(spans):
        marker = _team_marker(text, ts, te, rules, pair_teams=True)
        if marker is None:
            continue
        title = text[ts:te]     # a team whose name states its region works in it (援藏: 西藏)
        region = next((r for word, r in rules.aid_regions if word in title), None)
        for j in (k - 1, k + 1):
            if not 0 <= j < len(spans):
                continue
            a, b = spans[j]
            if not ((b == ts - 1 or te == a - 1) and text[min(b, te)] == "、") or _team_part(text, a, b, rules):
                continue
            host = _unit_in(text, a, b, units, rules)
            if host and (region is None or region in host) and _host_may_seat(text, marker, te, host[0], units, rules):
                out[ts] = host[0]
                break
    return out


def _lies_in(unit: str, area: str, units: _Places) -> bool:
    """Whether the unit named ``unit`` is ``area`` or lies in it (its prefecture or province)."""
    return unit == area or any(area in (u.prefecture, u.province) for u in units.named(unit))


def _host_may_seat(text: str, marker, te: int, host: str, units: _Places, rules: PersonRules) -> bool:
    """Whether ``host`` may be the seat of the team post whose team ``marker`` is given (a match
    searched from the post's start, ending at ``te``): inside the unit after its marker when it names one (对口支援新疆|…: 塔城地区), and not on its sender's side (the unit before
    its marker, one inside it or in its province), except where the marker names no posting
    (伊犁州副州长、伊犁州前方指挥部副总指挥: the unit before 前方指挥部 that the post beside names too is
    the command's seat)."""
    ts = marker.pos
    after = _unit_in(text, marker.end(), te, units, rules)
    if after and not _lies_in(host, after[0], units):
        return False
    sender = _unit_in(text, ts, marker.start(), units, rules)
    if sender is None:
        return True
    if sender[0] == host:
        return marker.group() in rules.seat_markers
    return not (_lies_in(host, sender[0], units) or sender[1] and _lies_in(host, sender[1], units))


def _sender_sentence_origin(text: str, cadre: Cadre, rules: PersonRules, memo: Optional[_Memo]) -> Optional[str]:
    """The sender a sentence of its own writes for the posting of a post the cadre holds
    (``sender_sentence``: 火炬区组团共派出36名教师到大关县学校支教 → 火炬区 for 大关县's 支教 teachers):
    the post's title holds the sentence's posting word and its place is named in the seat.
    The article's sending sentences are read once (none without a ``sender_sentence_cue`` word)."""
    posted = [p for p in cadre.posts if p.place and any(w in p.title for w in rules.literals.sender_postings)]
    if not posted:
        return None
    sends = memo.sender_sentences if memo is not None else None
    if sends is None:
        sends = _sending_sentences(text, rules)
        if memo is not None:
            memo.sender_sentences = sends
    for post in posted:
        for origin, seat, posting in sends:
            if post.place and posting in post.title and _place_in_seat(post.place, seat, rules):
                return _clean_origin(origin, rules)
    return None


def _sending_sentences(text: str, rules: PersonRules) -> list[tuple[str, str, str]]:
    """(sender, seat, posting word) of each ``sender_sentence`` match, read around each
    ``sender_sentence_cue`` word only."""
    found: dict[tuple[int, int], tuple[str, str, str]] = {}
    back, ahead = rules.limits.sender_sentence_back, rules.limits.sender_sentence_ahead
    for k in _word_starts(text, rules.sender_sentence_heads):
        m = rules.sender_sentence.search(text, max(0, k - back), min(len(text), k + ahead))
        if m:
            found[m.span()] = (m.group("origin"), m.group("seat"), m.group("posting"))
    return list(found.values())


def _place_in_seat(place: str, seat: str, rules: PersonRules) -> bool:
    """The seat of a sending sentence names the place: in full or by its short form (大关县 → 大关)."""
    return place in seat or any(hit.start == 0 and place.startswith(seat[:hit.end])
                                for hit in rules.gazetteer.find_in_phrase(seat))


def _label_origin(text: str, spans: list[tuple[int, int]], sentences: list[tuple[int, int]],
                  rules: PersonRules) -> Optional[str]:
    """The unit of a batch label a clause of the name's sentence gives the name (甲是北京第二批援青
    干部; 甲，她作为北京市第七批东西部协作专业技术人才…; 甲，2018年6月挂职某县副县长，是中国外文局第11批…):
    the label right after the name or opening a later clause (label_clause), with no speech verb
    between (甲说，乙是…: another's)."""
    for (a, b), (s0, s1) in zip(spans, sentences):
        if (unit := _label_before_origin(text, a, s0, rules)):
            return unit
        batch = text.find(rules.label_clause_cue, b, s1)     # most sentences: no batch at all
        if batch < 0:
            continue
        said = rules.home_unit_said.search(text, b, batch)
        for m in rules.label_clause.finditer(text, b, said.start() if said else batch + 1):
            if (m.start() == b or text[m.start() - 1] in rules.literals.label_clause_marks) and \
                    (unit := _clean_origin(m.group("unit"), rules)):
                return unit
    return None


def _label_before_origin(text: str, a: int, s0: int, rules: PersonRules) -> Optional[str]:
    """The unit of a batch label in the clause right before the name's (作为广东省第三批援疆医疗队专家
    之一，|甲启程…: the clause's subject is the name), as :func:`_label_origin` reads one after it."""
    batch = text.rfind(rules.label_clause_cue, s0, a)    # most sentences: no batch before the name
    if batch < 0:
        return None
    marks = rules.literals.label_clause_marks
    clause = max(text.rfind(c, batch, a) for c in marks)
    if clause < 0:
        return None
    lead = max(s0, max(text.rfind(c, s0, clause) for c in marks) + 1)
    m = rules.label_clause.match(text, lead, clause)
    return _clean_origin(m.group("unit"), rules) if m else None


def _guest_visits(text: str, units: _Places, sentence_of, rules: PersonRules
                  ) -> Optional[list[tuple[int, frozenset[str]]]]:
    """(end of the go word, the guests' units) of each helper's visit to another side: a party's
    word and go word (guest_visit: 合川区委副书记、区长甲…一行来|我县; 上海市松江区中山街道党政代表团
    到|罗坎镇), a helping word in its sentence (party_visit_help), the units written before the
    party's word in its sentence (the guests' own), and no unit of theirs (nor one inside them)
    within party_visit_place_reach after the go word (a leader touring his own county names no
    other side). None when no host's act (host_act_word) is written at all: no post asks then."""
    if not units or not rules.host_act_word.search(text):
        return None
    reach = rules.limits.party_visit_place_reach
    out = []
    for m in rules.guest_visit.finditer(text):
        s0, s1 = sentence_of(m.start())
        if not m.group().startswith(rules.affixes.guest_delegations) and not rules.party_visit_help.search(text, s0, s1):
            continue
        guests = frozenset(u.name for u in _units_between(units, s0, m.start()))
        to = next(iter(_units_between(units, m.end(), m.end() + reach + 1)), None)
        if guests and not (to is not None and guests & {to.name, to.prefecture, to.province}):
            out.append((m.end(), guests))
    for m in rules.host_meet.finditer(text):       # 会见了由…率领的西藏自治区昌都市…考察团一行
        s0, s1 = sentence_of(m.start())
        if guests := frozenset(u.name for u in _units_between(units, m.end(), s1)):
            out.append((s1, guests))
    return sorted(out, key=lambda visit: visit[0])


def _units_between(units: _Places, start: int, end: int) -> list[PlaceSpan]:
    """The units starting in [start, end), in the text's order (the units are sorted by start:
    a bisection, not a pass over every unit of the article for each visit or host)."""
    return units[bisect.bisect_left(units, start, key=lambda u: u.start):
                 bisect.bisect_left(units, end, key=lambda u: u.start)]


def _guests_of_host(text: str, a: int, b: int, sent: tuple[int, int], units: _Places,
                    guests: Optional[Sequence[tuple[int, frozenset[str]]]], rules: PersonRules) -> frozenset[str]:
    """The units of the guests a name at text[a:b] hosts: those of the last visit of
    :func:`_guest_visits` ending before the name (县政府副县长甲陪同) and those written after the
    host's act in its sentence (省长甲在福州会见了由…率领的西藏自治区昌都市…考察团): a bare title
    there is the visited side's."""
    if guests is None or not rules.host_act_word.search(text, b, sent[1]) \
            or not (m := rules.host_act.match(text, b, sent[1])):
        return frozenset()
    last = bisect.bisect_right(guests, a, key=lambda visit: visit[0])     # the visits ending by the name
    after = frozenset(u.name for u in _units_between(units, m.end(), sent[1]))
    return (guests[last - 1][1] if last else frozenset()) | after


def _written_between(b: int, ts: int, units: _Places) -> Optional[str]:
    """The one county written between a name and a title after it (某某同志派驻|建宁县|某乡某村
    担任|支部第一书记): the posting's own place, read for a title the person held before at
    another place (郑某某: first secretary at 宁化县, then at 建宁县). Counties only: a higher
    unit there is as often the sender's (派驻省…)."""
    counties = units.of_level("county")
    i = bisect.bisect_left(counties, (b,))
    i_end = bisect.bisect_left(counties, (ts,))
    inside = {u.name for u in counties[i:i_end] if u.end <= ts}
    return next(iter(inside)) if len(inside) == 1 else None


def _visiting_party(text: str, found: list["FoundPerson"], units: _Places, sentence_of,
                    rules: PersonRules, memo: Optional[_Memo] = None, pairs: Sequence = ()) -> None:
    """A helper's official in a visiting party takes the unit the title names as origin (P12,
    P18(c)), with no pairing read: a cadre with no origin whose name is followed, in its clause,
    by the party's lead word and a go word (中山区委书记甲，区委副书记、区长乙和…丙等一行8人，赴普兰店
    看望驻村干部; 侨联副主席丁率领的…访问团日前赴宁夏开展项目帮扶), the go word by a county,
    prefecture or province lying outside the place of the post nearest the name (a county's
    leader touring his own townships names no such place; a host holds a post there; an
    institution, a hospital or a company, has no territory: its own city's village counts), and the
    sentence by a helping word after the name. Its origin is the unit its nearest title names
    (中山区委, 市工商联, 福建省侨联: as written, W8), the post's place for a level's own organ
    named without its place (区委副书记 at 中山区) or a title naming no unit (夏津县副县长 → 夏津县),
    the site's unit (党委书记 on a page speaking as 我校) or the one helper of its kind (副校长 and the
    pairing 湖北大学 → 鹤峰县: :func:`_kind_helper`); not a past post (时任…, P18(a))."""
    todo = [p for p in found if p.cadre is not None and p.cadre.origin is None and p.cadre.posts]
    if not todo or not units:
        return
    reach = rules.limits.party_visit_place_reach
    for p in todo:
        for a, b in p.spans:
            s0, s1 = sentence_of(a)
            m = rules.party_visit.match(text, b, s1)
            if not m or rules.home_unit_said.search(text, b, m.end()) \
                    or rules.home_unit_others.search(text, b, m.end()) \
                    or not rules.party_visit_help.search(text, m.end(), s1):
                continue
            posts = _post_spans(text, (a, b), (s0, s1), rules, memo)
            if not posts:
                continue
            title = text[posts[-1][0]:posts[-1][1]].replace("\n", "").strip("的“”")
            post = next((q for q in p.cadre.posts if q.title == title), None)
            ts = posts[-1][0]
            if post is None or title.startswith(rules.affixes.past_title_words) \
                    or text.endswith(rules.affixes.past_title_words, s0, ts):
                continue
            place = post.place
            # a bare title at the page's own city (中山日报: 副市长甲率领…到云南省昭通市) is that city's
            origin = _visit_unit(title, place, rules) or (place if place and place == units.own_city else None)
            own_site = text.startswith(rules.affixes.visit_own_units, m.end()) or \
                _short_site_visit(text, m.end(), s1, units, rules)     # 一行来|我县: never the guest's
            if not own_site and (
                    (u := next((u for u in units if m.end() <= u.start <= m.end() + reach), None)) is None
                    or any(q.place == u.name for q in p.cadre.posts) or (
                        u.name == place or place in (u.province, u.prefecture)) and not (
                        origin and origin.endswith(rules.affixes.visit_institution_ends))):
                continue            # a hospital's 帮扶村 in its own city is still its help
            if (origin is None or rules.origin_unnamed.match(origin)) and memo is not None \
                    and not any(c in title for c in rules.list_level_chars):     # 党委书记甲一行
                origin = _page_site_unit(text, _page_voice_kind(text, rules, memo), rules, memo) \
                    or _kind_helper(title, pairs, rules)
            if origin and not _recipient_side(origin, pairs):
                p.cadre.origin = origin
                break


def _recipient_side(origin: str, pairs: Sequence) -> bool:
    """The visiting party's unit is a recipient of the article's pairings and no helper (乡城县's
    delegation 来到我市 to its helper 建德市): the helped side visiting, no helper acting (P12)."""
    return any(pair.recipient == origin for pair in pairs) and not any(pair.helper == origin for pair in pairs)


def _page_voice_kind(text: str, rules: PersonRules, memo: _Memo) -> Optional[str]:
    """The one kind of voice a page speaks in (我校, 校党委 → 校), or None for none or two: a
    visitor's title of no level (党委书记, 人事处处长) is then the site's own unit's (P12). Read once
    per article."""
    if memo.voice_kind == "":
        kinds = {kind for kind, voices in rules.site_voices.items() if any(v in text for v in voices)}
        memo.voice_kind = kinds.pop() if len(kinds) == 1 else None
    return memo.voice_kind


def _kind_helper(title: str, pairs: Sequence, rules: PersonRules) -> Optional[str]:
    """The one helper of the article's pairings whose name ends in the kind of unit a title
    naming none heads (副校长 → 湖北大学, 总行党委委员、副行长 → 甘肃银行: ``title_unit_kinds``), or
    None for none or two (P12: the helper as written)."""
    ends = next((ends for head, ends in rules.title_unit_kinds if title.endswith(head)), None)
    if ends is None or not pairs:
        return None
    helpers = {pair.helper for pair in pairs if pair.helper.endswith(ends)}
    return helpers.pop() if len(helpers) == 1 else None


def _short_site_visit(text: str, go: int, s1: int, units: _Places, rules: PersonRules) -> bool:
    """率队来|秀对接东西部协作: a short form of the site's own place (no unit read at ``go``) and a visit
    verb after 来, with a helping word in the visit's own clause; a helping word further on (来宁考察，
    再续山海情缘、共谱协作新篇) is no statement of the trip's help (dev page hxsbs, gold null)."""
    if not rules.visit_site_short.match(text, go) or _units_between(units, go, go + 1):
        return False
    stop = rules.helper_visit_stop.search(text, go, s1)
    return rules.party_visit_help.search(text, go, stop.start() if stop else s1) is not None


def _donors(text: str, found: list["FoundPerson"], sentence_of, rules: PersonRules) -> None:
    """A donor acting for a unit takes it as origin, as written (P12, W8): a cadre with no origin
    whose name is followed by 代表东丽区向甘谷县捐赠 (donor_act), the unit read as one by
    :func:`_clean_origin`; not a 锦旗 given (donor_thanks: the helped side's thanks)."""
    if rules.literals.donor_act_word not in text:
        return      # most texts: no donor acting for anyone
    for p in found:
        if p.cadre is None or p.cadre.origin:
            continue
        for a, b in p.spans:
            s1 = sentence_of(a)[1]
            m = rules.donor_act.match(text, b, s1)
            if m and not rules.donor_thanks.search(text, m.end(), s1) and \
                    (origin := _clean_origin(m.group("unit"), rules)):
                p.cadre.origin = origin
                break


def _visit_unit(title: str, place: Optional[str], rules: PersonRules) -> Optional[str]:
    """The unit a visitor's title names (:func:`_visiting_party`): as written (市工商联, 福建省
    侨联, 区财政局), or the place for a level's own organ (莱西市委 → 莱西市 as written, 区委 →
    the post's place) and for a title naming no unit (夏津县副县长 → 夏津县)."""
    m = rules.visit_unit.match(title)
    written = _written_place(title, place, rules) if place else None
    if m:
        unit = m.group("unit")
        head = 0
        for hit in sorted(rules.gazetteer.find_in_phrase(unit), key=lambda h: h.start):
            if hit.start == head:           # 大连市|中山区|委: every place the unit opens with
                head = hit.end
        if not rules.visit_level_organ.fullmatch(unit, head):
            return unit
        return written or (place if not head else None)
    return written


def _party_members(text: str, found: list["FoundPerson"], sentence_of, rules: PersonRules) -> None:
    """Members of a helper unit's visiting party take the unit as origin, as its leader does
    (P18(c)): 繁昌县委副书记甲率繁昌县人大常委会副主任乙及…一行来我县调研结对帮扶 (乙 named after
    the leader's 率, 一行 and a helping word after 乙), 市长甲率襄阳市考察团赴对口援藏的琼结县考察。
    襄阳市副市长乙…随团考察 (the leader in the sentence before). Only a member whose first post
    starts with the place that starts the leader's origin, or is placed there (市政府秘书长丙,
    placed at 襄阳市 by the leader's city): a host named in the sentence (县政府副县长某某陪同)
    is no member. In the sentence after the leader's, with neither word, a member whose first title
    opens with the leader's origin as written (成都市委党校常务副校长甲率队深入定点帮扶村…。大邑县委常委
    丙,成都市委党校副校长乙…陪同调研): the unit's own official at its act."""
    leaders = [(a, b, p.cadre.origin) for p in found if p.cadre is not None and p.cadre.origin
               for a, b in p.spans]
    if not leaders:
        return
    for p in found:
        cadre = p.cadre
        if cadre is None or cadre.origin or not cadre.posts:
            continue
        for a, b in p.spans:
            s0, s1 = sentence_of(a)
            if rules.party_member_same.match(text, b, s1):
                lead = [o for la, lb, o in leaders if s0 <= la and lb <= a
                        and rules.party_lead.search(text, lb, a)]
            elif s0 > 0:        # the leader in the sentence before
                t0, t1 = sentence_of(s0 - 1)
                lead = [o for la, lb, o in leaders if t0 <= la and lb <= t1
                        and rules.party_lead.search(text, lb, t1)]
                if not rules.party_member_next.match(text, b, s1):
                    # 成都市委党校常务副校长甲率队深入…。…成都市委党校副校长乙…陪同调研: with neither word, only a
                    # member whose first title opens with the leader's origin (not a bare 党委)
                    lead = [o for o in lead if _opens_with_origin(cadre.posts[0], o, rules)]
            else:
                continue
            if lead and (_same_leading_place(cadre.posts[0].title, lead[-1], rules)
                         or cadre.posts[0].place == lead[-1]    # 市政府秘书长 placed at 襄阳市
                         or _opens_with_origin(cadre.posts[0], lead[-1], rules)):
                cadre.origin = lead[-1]
                break


def _opens_with_origin(post: Post, origin: str, rules: PersonRules) -> bool:
    """A member's title opens with the leader's origin as written (成都市委党校副校长, 成都市委党校), or
    with what follows the place that origin opens with when the post is placed at that place
    (中堂镇副镇长 at 东莞市, the leader's 东莞市中堂镇: a town of a city with no county level)."""
    if post.title.startswith(origin):
        return _same_leading_place(post.title, origin, rules)
    head = next((h for h in rules.gazetteer.find_in_phrase(origin) if h.start == 0), None)
    if head is None or len(origin) - head.end < 2 or not post.title.startswith(origin[head.end:]):
        return False
    return any(f.unit.name == post.place for f in head.forms)


def _helper_officials(text: str, found: list["FoundPerson"], pairs: Sequence, units: _Places,
                      sentence_of, rules: PersonRules) -> None:
    """A helper's official at an act in the place it helps takes the helper as origin (P12,
    no delegation word): a cadre with no origin whose first post (the role the article presents;
    not 时任…, P18(a), told later) names the helper of one of the article's pairings (the
    pairings stage's reading) and is placed there, none at its recipient, named right before
    a visit to the recipient in its clause (淳安县委书记甲在贵州剑河对接…), or attending the event
    whose venue the article says the recipient is (…签约仪式在麦积区举行。…区长甲…出席会议); so
    does one whose first title names no unit but heads the helper's kind (甲银行在东乡县召开…会议，总行
    副行长乙出席: :func:`_kind_helper`). A host holds a post at the recipient; a recipient inside the
    helper is its own work (P18(b))."""
    if not pairs:
        return
    recipients: dict[str, set[str]] = {}
    for pair in pairs:
        recipients.setdefault(pair.helper, set()).add(pair.recipient)
    todo = [(p, p.cadre.posts[0].place, written) for p in found
            if p.cadre is not None and p.cadre.origin is None and p.cadre.posts
            and p.cadre.posts[0].place in recipients
            and (written := _written_place(p.cadre.posts[0].title, p.cadre.posts[0].place, rules)
                 or _county_city_of_title(p.cadre.posts[0], units, rules))]
    todo += [(p, helper, helper) for p in found       # 总行…副行长甲 at 甲银行's event: the helper itself
             if p.cadre is not None and p.cadre.origin is None and p.cadre.posts
             and p.cadre.posts[0].place is None and (helper := _kind_helper(p.cadre.posts[0].title, pairs, rules))]
    if not todo:
        return
    wanted = set().union(*recipients.values())
    mentions = [u for u in units if u.name in wanted]
    reach, venue_reach = rules.limits.helper_visit_reach, rules.limits.helper_venue_reach
    ending_at: dict[int, list[PlaceSpan]] = {}     # the units by their end, in order (_place_chain_start)
    for u in units:
        ending_at.setdefault(u.end, []).append(u)
    mark = rules.helper_venue_mark
    venues = {u.name for u in mentions if rules.helper_venue.search(text, u.end, u.end + venue_reach) and (
              text[u.start - 1:u.start] == mark or text[_place_chain_start(ending_at, u) - 1:u.start].startswith(mark))}
    for p, helper, written in todo:
        if any(post.place in recipients[helper] for post in p.cadre.posts):
            continue                    # a host, or an official of both sides
        places = {r for r in recipients[helper]
                  if not any(u.name == r and helper in (u.province, u.prefecture) for u in mentions)}
        for a, b in p.spans:
            s0, s1 = sentence_of(a)
            visit = any(u.name in places and b <= u.start <= min(b + reach, s1)
                        and rules.helper_visit.search(text, b, u.start)
                        and not rules.helper_visit_stop.search(text, b, u.start)
                        and not rules.home_unit_said.search(text, b, u.start) for u in mentions)
            if visit or venues & places and rules.helper_attend.search(text, s0, s1):
                p.cadre.origin = written        # as written (P12)
                break


def _place_chain_start(ending_at: dict[int, list[PlaceSpan]], unit: PlaceSpan) -> int:
    """Where the chain of places written right before ``unit`` that hold it starts (在湖北省宜昌市|
    夷陵区召开: the province and prefecture as its address), or its own start. ``ending_at``: the
    article's units by their end (a look-up per link, not a scan of all units per mention)."""
    start = unit.start
    while (outer := next((v for v in ending_at.get(start, ()) if v.name in (unit.province, unit.prefecture)),
                         None)) is not None:
        start = outer.start
    return start


def _list_shared_unit(text: str, found: list["FoundPerson"], rules: PersonRules) -> None:
    """A list of officials each with a title shares its head: an item whose first post is a
    bare organ title placed nowhere (西青区农经委主任甲、卫计委主任乙) takes the place and origin
    of the item before it, walking back over bare items whose name was not read (…、教育局局长丙、
    人社局局长丁), at most ``list_unit_reach`` items; a list whose earlier item is placed nowhere
    (a company's, the central state's) gives nothing, nor does an organ of the state, a company
    or a school (国家文物局局长, 浙商银行党委副书记, 南开大学党委书记: ``list_organ_not``)."""
    todo = [p for p in found if p.cadre is not None and p.cadre.posts and p.cadre.posts[0].place is None
            and rules.list_organ_title.fullmatch(p.cadre.posts[0].title)
            and not _has_any(p.cadre.posts[0].title, rules.list_organ_not)]
    if not todo:
        return
    by_end = {b: p for p in found if p.cadre is not None for _, b in p.spans}
    for p in todo:
        title = p.cadre.posts[0].title
        for a, _ in p.spans:
            ts = a - len(title)
            if ts < 1 or text[ts - 1] != "、" or not text.startswith(title, ts):
                continue
            head = _list_head_post(text, ts - 1, by_end, rules)
            if head is not None:
                p.cadre.posts[0].place = head[1].place
                if p.cadre.origin is None:
                    p.cadre.origin = head[0].origin
                break


def _list_level_members(text: str, found: list["FoundPerson"], rules: PersonRules) -> None:
    """A list of one unit's officials names the unit once, in its first member's title: a member
    whose first title is a bare title of one level (副镇长, 县委副书记、县长: each part fullmatches
    ``list_level_title``) right after a list mark (、，) that ends the name of a member holding a
    placed post written before that name, whose last level character is the same (东莞市石龙镇
    党委书记甲、副镇长乙; 中山市委书记甲、副市长乙), holds his post at that post's place and, when
    his own origin is unread, has that member's origin (a visiting party's, P12/P18(c)). Members
    are read in the text's order, so a later bare member takes what an earlier one took."""
    todo = [(p, level) for p in found if p.cadre is not None and p.cadre.posts
            and (level := _list_level(p.cadre.posts[0].title, rules))]
    if not todo:
        return
    by_end = {b: p for p in found if p.cadre is not None for _, b in p.spans}
    chars = rules.list_level_chars
    for p, level in sorted(todo, key=lambda item: item[0].spans[0][0]):
        post = p.cadre.posts[0]
        for a, _ in p.spans:
            ts = a - len(post.title)
            if ts < 1 or text[ts - 1] not in rules.list_level_marks or not text.startswith(post.title, ts):
                continue
            prev = by_end.get(ts - 1)
            if prev is None or prev is p:
                continue
            head = _post_before_name(text, prev, ts - 1)
            if head is None or not head.place:
                continue
            if level == _INSTITUTION:       # 衡阳市实验中学校长甲、党支部书记乙: the school's
                if not _has_any(head.title, rules.affixes.visit_institution_ends):
                    continue
            elif next((c for c in reversed(head.title) if c in chars), None) != level:
                continue
            post.place = head.place
            if p.cadre.origin is None:
                p.cadre.origin = prev.cadre.origin
            break


_INSTITUTION = "institution"     # _list_level of a bare institution title (副校长, 党支部书记)


def _list_level(title: str, rules: PersonRules) -> Optional[str]:
    """The one level character of a bare title each of whose 、-parts fullmatches
    ``list_level_title`` (县委副书记、县长 → 县), ``_INSTITUTION`` for a bare title of an
    institution's head (``list_institution_title``: 副校长, 党支部书记), else None."""
    if rules.list_institution_title.fullmatch(title):
        return _INSTITUTION
    levels = set()
    for part in title.split("、"):
        m = rules.list_level_title.fullmatch(part)
        if m is None:
            return None
        levels.add(m.group("level"))
    return levels.pop() if len(levels) == 1 else None


def _post_before_name(text: str, person: "FoundPerson", end: int):
    """The post of ``person`` whose title is written right before the name span ending at ``end``
    (东莞市石龙镇党委书记|甲), or None."""
    start = next(a for a, b in person.spans if b == end)
    return next((q for q in person.cadre.posts if text.startswith(q.title, start - len(q.title))), None)


def _list_head_post(text: str, mark: int, by_end: dict, rules: PersonRules):
    """(cadre, post) of the item ending at the 、 at ``mark``: its name's post written right
    before the name, if placed; over bare organ items whose name was not read, to the one before."""
    for _ in range(rules.limits.list_unit_reach):
        prev = by_end.get(mark)
        if prev is not None:
            post = _post_before_name(text, prev, mark)
            return (prev.cadre, post) if post is not None and post.place else None
        lo = text.rfind("、", max(0, mark - rules.limits.list_unit_item_max), mark)
        if lo < 0 or not rules.list_organ_item.fullmatch(text, lo + 1, mark):
            return None
        mark = lo
    return None


def _sent_by_level(text: str, found: list["FoundPerson"], units: _Places, rules: PersonRules) -> None:
    """P19: the article's one first secretary without an origin, presented as one a level sent
    (这是省里派来的第一书记), takes that level's unit holding his post's county (张北县 → 河北省)."""
    word = rules.level_sent_post
    todo = [p.cadre for p in found if p.cadre is not None and p.cadre.origin is None
            and any(word in post.title for post in p.cadre.posts)]
    if len(todo) != 1 or not (m := rules.level_sent.search(text)):
        return
    place = next((post.place for post in todo[0].posts if word in post.title and post.place), None)
    county = next((u for u in units.of_level("county") if u.name == place), None)
    if county is not None:
        todo[0].origin = {"province": county.province, "prefecture": county.prefecture,
                          "county": county.name}[rules.level_sent_units[m.group("level")]]


def _written_place(title: str, place: str, rules: PersonRules) -> Optional[str]:
    """The place as the title itself writes it (繁昌县委副书记 → 繁昌县, placed at today's 繁昌区;
    西青经济技术开发区… → 西青区: a short form gives the official name), None when only the
    context placed the post there (县政府副县长 at the county the sentence names: a host, as
    often as not)."""
    for hit in rules.gazetteer.find_in_phrase(title):
        if any(f.unit.name == place for f in hit.forms):
            return hit.text if hit.text[-1] == place[-1] or hit.text[-1] in rules.words["unit_suffix_chars"] \
                else place
    return None


def _county_city_of_title(post: Post, units: _Places, rules: PersonRules) -> Optional[str]:
    """The county-level city a city's own title naming no city was placed at (市政府党组成员 at
    莱西市, the city named last before it in its sentence: :func:`_county_city_place`): written
    beside the title as much as in it (the prefecture a level reading gives is not)."""
    if post.place and post.place.endswith("市") and rules.city_title.search(post.title) and \
            any(u.name == post.place and u.level == "county" for u in units):
        return post.place
    return None


def _same_leading_place(title: str, origin: str, rules: PersonRules) -> bool:
    """Both start with the same place of the gazetteer (襄阳市副市长, 襄阳市; 繁昌县人大…, 繁昌县委)."""
    first = [next((h.text for h in rules.gazetteer.find_in_phrase(x) if h.start == 0), None)
             for x in (title, origin)]
    return first[0] is not None and first[0] == first[1]


def add_honours(text: str, found: list["FoundPerson"], sentence_of, rules: PersonRules) -> None:
    """荣获/被评为…: the honour goes to the person named last before it in its sentence."""
    strip = rules.honour_strip
    by_sentence: dict[tuple[int, int], list[tuple[int, FoundPerson]]] = {}
    for p in found:
        if p.cadre is not None:
            for a, _ in p.spans:
                by_sentence.setdefault(sentence_of(a), []).append((a, p))
    for sent, people in by_sentence.items():
        for pattern in rules.honour:
            for m in pattern.finditer(text, sent[0], sent[1]):
                before = [(a, p) for a, p in people if a < m.start()]
                if not before:
                    continue
                honour = m.group("honour")
                honour = honour[honour.find("“") + 1:] if "“" in honour else honour
                honour = honour.strip(strip)
                cadre = max(before, key=lambda x: x[0])[1].cadre
                if honour and honour not in cadre.honours:
                    cadre.honours.append(honour)


def add_short_references(text: str, found: list["FoundPerson"], rules: PersonRules) -> None:
    """黄书记, 老黄: a surname with a title or 老/小, tied to the only person of the article
    with that surname (no tie when two persons share it)."""
    by_surname: dict[str, list[FoundPerson]] = {}
    for p in found:
        if _DOT not in p.name and len(p.name) <= rules.limits.rules_name_max:
            by_surname.setdefault(p.name[0], []).append(p)
    taken = bytearray(len(text))
    for p in found:
        for a, b in p.spans:
            taken[a:b] = b"\x01" * (b - a)
    suffixes = tuple(rules.words["short_ref_suffix"])
    prefixes = rules.words["short_ref_prefix"]
    for surname, people in by_surname.items():
        if len(people) != 1:
            continue
        for i in _occurrences(text, surname):
            if text[i - 1:i] in prefixes and not any(taken[i - 1:i + 1]):
                a, b = i - 1, i + 1
            elif text.startswith(suffixes, i + 1) and not taken[i]:
                b = i + 1 + next(len(x) for x in sorted(suffixes, key=len, reverse=True)
                                 if text.startswith(x, i + 1))
                a = i
                if any(taken[a:b]):
                    continue
            else:
                continue
            taken[a:b] = b"\x01" * (b - a)
            people[0].spans.append((a, b))
    for p in found:
        p.spans.sort()


# ---------------------------------------------------------------------------- the stage

@dataclass
class FoundPerson:
    name: str
    role: str
    spans: list[tuple[int, int]]
    cadre: Optional[Cadre] = None


@dataclass
class PersonStats:
    """What the gate let through, for the benchmark: characters tagged, windows."""
    chars: int = 0
    tagged_chars: int = 0
    windows: int = 0
    tagger_missing: bool = False


def _bounded_sentences(sentence_of, reach: int, memo: _Memo):
    known = memo.sentences

    def bounded(a: int) -> tuple[int, int]:
        found = known.get(a)
        if found is None:
            s0, s1 = sentence_of(a)
            found = known[a] = (max(s0, a - reach), min(s1, a + reach))
        return found
    return bounded


def find_persons(text: str, sentence_of, sentences, counties: list[CountySpan],
                 ref_year: Optional[int], rules: PersonRules,
                 stats: Optional[PersonStats] = None, pairs: Sequence = ()) -> list[FoundPerson]:
    """Every named person of ``text`` with role, mentions and (cadres) what the text says.
    What the rules read as a mention's sentence is at most ``sentence_reach`` characters
    either side of it: a line without punctuation is one sentence, and reading all of it
    for each of its names is quadratic."""
    memo = _Memo(aid_text=_holds_any(text, rules.aid_label_heads))     # most articles hold no aid word
    sentence_of = _bounded_sentences(sentence_of, rules.limits.sentence_reach, memo)
    credits = credit_names(text, rules)
    bylines = byline_names(text, rules) + credits
    dot_windows: list[tuple[int, int]] = []
    start_windows: list[tuple[int, int, int]] = []
    fallback_starts: list[int] = []
    closed: list[tuple[int, int]] = []
    list_groups: list[list[str]] = []
    runs = list_run_names(text, rules, list_groups)
    windows, direct = cue_windows(text, sentence_of, sentences, rules,
                                  {_SPACE.sub("", text[a:b]) for a, b in bylines}, dot_windows,
                                  fallback_starts, frozenset(b for _, b in runs), start_windows, closed)
    tagged = repair_tagged_edges(text, _tagged_spans(text, windows, dot_windows, start_windows,
                                                     rules, stats), rules)
    tagged, direct = _fallback_readings(text, tagged, direct, fallback_starts, closed, rules)
    tagged, framed = _read_state_heads(text, tagged, rules)
    direct = direct + runs + framed
    names = find_names(text, tagged + direct + bylines, rules,     # not 作者:|本报记者| 甲某 乙某
                       frozenset(span for span in bylines if not rules.journalist_word.search(text, *span)),
                       frozenset(framed), frozenset(runs))
    found = []
    credited = set(bylines)
    ruled = frozenset(text[a:b] for a, b in direct)
    spaced = [(a, b) for a, b in direct if _SPACE.search(text, a, b)]    # 主任 陈 某⏎
    site = rules.affixes.site_after_name
    for name, mentions in find_mentions(text, names, bylines + spaced, ruled).items():
        if mentions and not all(text.startswith(site, b) for _, b in mentions) \
                and not _village_name(text, name, mentions, rules):     # 某某故居, 杜某|村
            if role := _found_role(text, name, mentions, credited, sentence_of, rules, memo):
                found.append(FoundPerson(name, role, mentions))
    found.sort(key=lambda p: p.spans[0][0])
    _list_cadres(found, list_groups, rules)
    counties = _article_places(text, counties, found, rules)
    guests = _guest_visits(text, counties, sentence_of, rules)
    memo.name_starts = sorted(a for p in found for a, _ in p.spans)
    for p in found:
        if p.role == "cadre":
            p.cadre = build_cadre(text, p.name, p.spans, sentence_of, counties, ref_year, rules, memo, guests)
    _helper_city_titles(found, pairs, counties, rules)
    _site_voice_origins(text, found, sentence_of, rules, memo)
    _visiting_party(text, found, counties, sentence_of, rules, memo, pairs)
    _donors(text, found, sentence_of, rules)
    _party_members(text, found, sentence_of, rules)
    _helper_officials(text, found, pairs, counties, sentence_of, rules)
    _list_shared_unit(text, found, rules)
    _list_level_members(text, found, rules)
    _sent_by_level(text, found, counties, rules)
    _voice_origins(text, found, rules, memo)
    add_honours(text, found, sentence_of, rules)
    add_short_references(text, found, rules)
    return found


def _helper_city_titles(found: list[FoundPerson], pairs: Sequence, units: _Places, rules: PersonRules) -> None:
    """A city's own title naming no city (市委副书记、市长, 副市长, 市政协副主席: ``helper_city_title``)
    that the context placed at another city, in an article whose pairings have one helper city and
    no recipient of a city's level, is the helper's (P12: 建德市's 市政协副主席甲…赴四川省乡城县; the
    level reading took the helper's prefecture or a city of the recipient's province) — not when
    that city holds a recipient (乐山市's 市长 at the 峨边县 signing: the host's)."""
    helpers = {pair.helper for pair in pairs if pair.helper.endswith(rules.own_city_ends)}
    if len(helpers) != 1:       # most texts: no pairing at all
        return
    helper = helpers.pop()
    recipients = {pair.recipient for pair in pairs}
    held = [u for u in units if u.name in recipients]
    if any(u.level == "prefecture" for u in held):
        return
    holders = recipients | {u.prefecture for u in held}
    for p in found:
        post = p.cadre.posts[0] if p.cadre is not None and p.cadre.posts else None
        if post is not None and post.place and post.place != helper and post.place not in holders \
                and rules.helper_city_title.match(post.title):
            post.place = helper


def _article_places(text: str, counties, found: list[FoundPerson], rules: PersonRules) -> _Places:
    """The article's units outside the found names (:func:`_outside_names`), with the city of a
    city's own outlet (:func:`_own_city`)."""
    units = _as_places(_outside_names(counties, found))
    units.own_city = _own_city(text, units, rules)
    return units


def _site_voice_origins(text: str, found: list[FoundPerson], sentence_of, rules: PersonRules,
                        memo: _Memo) -> None:
    """An origin named only by the site's voice or an organ (我院, 我省, 院党委, 党委) is the site's own
    unit where the page names it (:func:`_site_unit`), else none (P22); so is the origin of a
    cadre with none whose clause opens with the voice before the name (我院普外三科甲教授). Read
    before the visiting party's and list rules (a bare 党委 dropped lets them read the member's);
    :func:`_voice_origins` runs again after them."""
    reach, hint = rules.limits.title_max, rules.site_voice_char.search
    originless = [p for p in found if p.cadre is not None and not p.cadre.origin]   # before the voices are read
    _voice_origins(text, found, rules, memo)
    for p in originless:
        for a, _ in p.spans:      # every voice holds its kind's character: most names have none before
            if hint(text, a - reach if a > reach else 0, a) and (m := _clause_voice(text, a, sentence_of, rules)):
                p.cadre.origin = _page_site_unit(text, _voice_kind(m.group(), rules), rules, memo)
                break


def _voice_origins(text: str, found: list[FoundPerson], rules: PersonRules, memo: _Memo) -> None:
    """Each origin of the site's voice (origin_unnamed) → :func:`_page_site_unit` of its kind."""
    for p in found:
        if p.cadre is not None and p.cadre.origin and rules.origin_unnamed.match(p.cadre.origin):
            p.cadre.origin = _page_site_unit(text, _voice_kind(p.cadre.origin, rules), rules, memo)


def _clause_voice(text: str, a: int, sentence_of, rules: PersonRules):
    """The site's voice opening the clause of a name at ``a`` within a title's reach before it
    (，我院普外三科|甲: the person is the site's own), or None; not when a level's unit or another
    party is named between (我校相关领导和宣化县教体局督学|甲: the host's)."""
    s0 = sentence_of(a)[0]
    start = max(s0, *(text.rfind(mark, s0, a) + 1 for mark in rules.literals.site_voice_clause_marks))
    m = rules.site_voice.match(text, start, a)
    if m is None or a - start > rules.limits.title_max:
        return None
    between = text[m.end():a]
    return None if any(c in between for c in rules.list_level_chars) or \
        any(w in between for w in rules.literals.site_voice_others) else m


def _page_site_unit(text: str, kind: Optional[str], rules: PersonRules, memo: _Memo) -> Optional[str]:
    """:func:`_site_unit` of a voice's kind, read once per article."""
    if kind not in memo.site_units:
        memo.site_units[kind] = _site_unit(text, kind, rules)
    return memo.site_units[kind]


def _voice_kind(said: str, rules: PersonRules) -> Optional[str]:
    """The kind of unit (院, 校) whose voice ``said`` holds (我院, 医院党委 → 院), or None."""
    return next((kind for kind, voices in rules.site_voices.items() if any(v in said for v in voices)), None)


def _site_unit(text: str, kind: str, rules: PersonRules) -> Optional[str]:
    """The site's own unit behind its voice (我院 → 北京协和医院 on the hospital's page that names
    it, gold README P22): the one organisation the tagger reads on the page whose name ends in the
    voice's kind (``site_units``), not a state organ (``site_unit_not``: 国务院总理), never where
    someone goes (:func:`_gone_to`: 赴西藏自治区人民医院 is the host's), nor in a sentence where the
    site speaks in its voice (甲医院副院长乙与我院…: the site names itself there, the other is another)."""
    organisations = getattr(rules.tagger, "organisations", None)
    if organisations is None:
        return None
    spans = organisations(text)
    gone = _gone_to(text, spans, rules)
    ends = rules.literals.site_unit_sentence_ends
    voiced = [(max(text.rfind(e, 0, m.start()) for e in ends) + 1, min(_find_or_end(text, e, m.end()) for e in ends))
              for m in rules.site_voice.finditer(text)]
    own = {text[a:b] for a, b in spans if text[a:b].endswith(rules.site_unit_ends[kind])
           and text[a:b] not in rules.literals.site_unit_not
           and not any(s0 <= a < s1 for s0, s1 in voiced)} - gone   # 甲医院副院长乙与我院…: another
    return own.pop() if len(own) == 1 else None


def _find_or_end(text: str, word: str, start: int) -> int:
    """Where ``word`` is found from ``start``, or the text's end."""
    i = text.find(word, start)
    return len(text) if i < 0 else i


def _gone_to(text: str, spans: list[tuple[int, int]], rules: PersonRules) -> set[str]:
    """The organisations written where someone goes: after a go word (``site_unit_visited_after``:
    赴, 支援, 在) or joined (及, 和, 、) to one so written (奔赴甲医院及乙医院), at any mention."""
    go = rules.literals.site_unit_visited_after
    joins = rules.literals.site_unit_list_joins
    gone: set[str] = set()
    previous = (-1, -1)
    for a, b in sorted(spans):
        name = text[a:b]
        if text.endswith(go, 0, a) or (
                text.endswith(joins, 0, a) and previous[1] + 1 == a and text[previous[0]:previous[1]] in gone):
            gone.add(name)
        previous = (a, b)
    return gone


def _own_city(text: str, units: _Places, rules: PersonRules) -> Optional[str]:
    """The city of a city's own outlet (我市, 市扶贫办): the one city (a unit ending in 市) named
    on the page's source lines (来源:中山日报, 信息来源:某市人民政府…办事处), P10: an office the
    page names shows which city; None when they name no city or two."""
    cities: set[str] = set()
    if rules.source_word not in text:         # most texts: no source line at all
        return None
    for m in rules.source_line.finditer(text):
        cities.update(u.name for u in units if m.start() <= u.start < m.end() and u.name.endswith(rules.own_city_ends))
    return cities.pop() if len(cities) == 1 else None


def _outside_names(units, found: list[FoundPerson]) -> list:
    """The units not read inside a found person's name past its first character (曹德宏's 德宏,
    李桂林's 桂林): the places stage reads the gazetteer's names anywhere, and a post placed by
    the nearest unit took the name's (a list of 援疆 doctors placed in 德宏州). A name that is a
    place from its first character (a place read as a name) keeps the place."""
    inside = {i for p in found for a, b in p.spans for i in range(a + 1, b)}
    if not inside:
        return units
    return [u for u in units if u[0] not in inside]


def _found_role(text: str, name: str, mentions: list[tuple[int, int]], credited: set,
                sentence_of, rules: PersonRules, memo: _Memo) -> Optional[str]:
    """The role of a found name, or None when it is no person after all (a lone word at a
    sentence's head, :func:`_lone_head_word`)."""
    role = person_role(text, mentions, sentence_of, rules, memo)
    if role in ("other", "resident") and _lone_head_word(text, name, mentions, rules):
        return None                      # 。曾记否，开国…: a word at a sentence's head
    if name in rules.words["known_cadres"] and role != "journalist":
        return "cadre"                   # 1948年，毛某某在这里…: no title, still a cadre (P4)
    if role == "other" and any(span in credited for span in mentions):
        return "journalist"              # a credit only; in the story, the story's role (P4)
    return role


def _lone_head_word(text: str, name: str, mentions: list[tuple[int, int]], rules: PersonRules) -> bool:
    """A name read once, at a sentence's or line's head right before a comma, whose clause
    after the comma describes no one (no role or title cue, no 男/女): a word the tagger took
    for a name there (。曾记否，开国…; ⏎路好，驱车…), not a person introduced by a description
    (⏎某某，中科院院士、…). ``lone_head_*``; never a known name."""
    if len(mentions) != 1 or name in rules.words["known_names"]:
        return False
    a, b = mentions[0]
    if text[b:b + 1] != rules.literals.lone_head_comma:
        return False
    before = text[a - 1:a] if a else "\n"
    if before == "\n":
        line_end = text[:a - 1].rstrip(rules.name_padding)[-1:] if a else ""
        if line_end and line_end in rules.literals.lone_head_line_not_after:
            return False
    elif before not in rules.literals.lone_head_after:
        return False
    end = b + 1
    while end < len(text) and end - b <= rules.limits.title_max and text[end] not in "，。；！？\n":
        end += 1
    clause = text[b + 1:end]
    if _single_character_tags().get(name[-1]) not in rules.literals.lone_head_predicate_tags:
        return False                     # 王某才，乱发如草: an adverb ends no clause
    return not clause.startswith(rules.literals.lone_head_described) and \
        not rules.lead_cue.search(clause) and not rules.cadre_titles_anywhere.search(clause)


def _village_name(text: str, name: str, mentions: list[tuple[int, int]], rules: PersonRules) -> bool:
    """Whether ``name`` is a village's or township's: a mention is followed by a place word
    (杜某|村党支部, 某某|村民小组) where no title starts (王某某|村长说); never a dotted or known
    name."""
    after, titles = rules.affixes.place_after_name, rules.place_after_titles
    return _DOT not in name and name not in rules.words["known_names"] and any(
        text.startswith(after, b) and not text.startswith(titles, b) for _, b in mentions)


def _tagged_spans(text: str, windows: list[tuple[int, int]], dot_windows: list[tuple[int, int]],
                  start_windows: list[tuple[int, int, int]], rules: PersonRules,
                  stats: Optional[PersonStats]) -> list[tuple[int, int]]:
    """The tagger's name spans over all windows in one batch: every span of a cue window,
    a span at the dot of a dot window, a span starting at the name start of a window
    after 的."""
    after_de = [(lo, hi) for lo, hi, _ in start_windows]
    if stats is not None:
        stats.chars += len(text)
        stats.tagged_chars += sum(b - a for a, b in windows + dot_windows + after_de) if rules.tagger else 0
        stats.windows += len(windows) + len(dot_windows) + len(after_de)
        stats.tagger_missing = rules.tagger is None
    per_window = _retag_cut_edges(text, windows + dot_windows + after_de,
                                  _tag_windows(text, windows + dot_windows + after_de, rules), rules, stats)
    tagged = [span for spans in per_window[:len(windows)] for span in spans]
    n_plain = len(windows) + len(dot_windows)
    for spans in per_window[len(windows):n_plain]:     # at a dot only: 奥列格|·季莫费耶夫, not 夏谱
        tagged.extend((a, b) for a, b in spans if _DOT in text[a - 1:b + 1])
    for (_, _, k), spans in zip(start_windows, per_window[n_plain:]):   # 的|周某, not 晴时尘
        tagged.extend((a, b) for a, b in spans if a == k)
    return tagged


def _retag_cut_edges(text: str, windows: list[tuple[int, int]], per_window: list[list[tuple[int, int]]],
                     rules: PersonRules, stats: Optional[PersonStats]) -> list[list[tuple[int, int]]]:
    """A name the tagger found ending at its window's end, a Han character right after it,
    may run on past the window (部长周某东传达了李某|斌书记, 杨某|亮父子): only those windows
    are tagged again, reaching ``window_edge_reach`` characters further, and their spans
    replaced (one window in twenty articles: no cost worth counting). Not for a dotted name
    (…·阿布都|热西提): the joins of dotted names read those better (two lost on dev when tagged again)."""
    redo = [i for i, ((_, hi), spans) in enumerate(zip(windows, per_window))   # not a dotted name:
            if any(b == hi and _DOT not in text[a:b] for a, b in spans) and _HAN.match(text, hi)]
    if not redo:
        return per_window
    wider = [(windows[i][0], min(len(text), windows[i][1] + rules.limits.window_edge_reach)) for i in redo]
    if stats is not None and rules.tagger:
        stats.tagged_chars += sum(b - a for a, b in wider)
    out = list(per_window)
    for i, spans in zip(redo, _tag_windows(text, wider, rules)):
        out[i] = spans
    return out


def _list_cadres(found: list[FoundPerson], groups: list[list[str]], rules: PersonRules) -> None:
    """A name list (its items as :func:`list_run_names` read them, whoever found the names)
    that holds ``list_cadre_min`` cadres or more is a list of leaders (the national-day
    reception's 某某、某某、…): its other names are cadres too (P4: the PRC's leaders, past
    ones included)."""
    if not groups:
        return
    role = {p.name: p for p in found}
    for names in groups:
        members = [role[n] for n in dict.fromkeys(names) if n in role]
        if sum(p.role == "cadre" for p in members) >= rules.limits.list_cadre_min:
            for p in members:
                if p.role == "other":
                    p.role = "cadre"


def run(article: Article, rules: PersonRules) -> None:
    text = article.text
    counties = sorted([PlaceSpan(m.span[0], m.span[1], c.name, "county", c.province, c.prefecture)
                       for c in article.facts.get("counties", []) for m in c.mentions]
                      + [PlaceSpan(p.start, p.end, p.name, p.level, p.province or p.name,
                                   p.name if p.level == "prefecture" else None)
                         for p in article.facts.get("places") or []])
    found = find_persons(text, article.sentence_of, article.sentences, counties,
                         article.reference_year, rules, pairs=article.facts.get("pairings") or ())
    persons, cadres = [], []
    for p in found:
        mentions = [Mention(text[a:b], (a, b), article.source_span(a, b)) for a, b in p.spans]
        persons.append(Person(name=p.name, role=p.role, mentions=mentions))
        if p.cadre is not None:
            p.cadre.mentions = list(mentions)
            cadres.append(p.cadre)
    article.facts["persons"] = persons
    article.facts["cadres"] = cadres
