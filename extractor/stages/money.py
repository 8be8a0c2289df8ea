"""Money stage (SPEC 4): every monetary amount, with currency, qualifier, relevance,
purpose and year. Tables and cue lists live in ``rules/money.yaml``.

The number grammar is :mod:`extractor.lexicon.numbers`; this module adds currency units
(after the number, or named before it: 港币两千九百六十元), the parts of a yuan after it
(六角七分, 两块五), guards against measure-word look-alikes (一块地), and decides relevance
from the article's subject and cue words in the sentence and its paragraph.
"""
from __future__ import annotations

import heapq
from bisect import bisect_right
import math
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Optional

import regex

from ..article import Article
from ..frozen import quick_frozen
from ..lexicon.numbers import (NumberError, Quantity, QuantityGate, Rejected, parse_values,
                               quantity_pattern, scan, space_group_run, tables as number_tables,
                               tidy_decimal, ungroup_spaces)
from ..lexicon.years import YearGrammar, year_grammar, year_of
from ..record import Amount
from ..rules import Folder, alternation, load_yaml, plain_pattern, words_pattern


@dataclass(frozen=True)
class MoneyRules:
    pattern: regex.Pattern
    quantity_gate: QuantityGate   # where an amount can start in a window (the bare 亿: its multiplier)
    anchor: re.Pattern
    currencies: dict[str, tuple[str, Decimal]]
    kuai_strict: bool
    measure_units: frozenset[str]
    money_numerals: regex.Pattern
    before_number: dict[str, str]
    before_number_re: regex.Pattern
    before_number_max: int
    subunit_after: frozenset[str]
    subunit: regex.Pattern
    subunit_values: dict[str, Decimal]
    subunit_window: int
    bare_tenth_after: frozenset[str]
    bare_tenth: regex.Pattern
    per_unit: regex.Pattern
    signs: regex.Pattern
    # the currency signs that hold no other sign (US$ holds $): a text with none of them has
    # no signed amount, and each is one substring test of the whole text
    sign_words: tuple[str, ...]
    market: re.Pattern
    other_cause: re.Pattern
    commerce: re.Pattern
    macro_total: re.Pattern
    macro_reach: int
    industry_total: frozenset[str]
    industry_reach: int
    plan_total: frozenset[str]
    plan_words: regex.Pattern
    visitor_total: frozenset[str]   # 旅游收入: a place's total only beside a count of its visitors
    visitor_words: regex.Pattern
    any_total: re.Pattern   # macro and industry cues in one pattern: one search per amount
    company_sum: regex.Pattern   # 产值, 营业额, 利润 before the amount (convention M7)
    company_sum_after: regex.Pattern   # 200多万元销售额
    company_grant_before: regex.Pattern   # 将得到500万元专项资金 (convention M10)
    company_grant_after: regex.Pattern
    company: re.Pattern
    poor_tie: re.Pattern   # 贫困户, 分红: the sum reaches the poor
    investment_head: regex.Pattern   # 投资, 到位资金, 金额 right before the amount: the one cheap search
    investment_head_reach: int
    investment: regex.Pattern   # a commercial-investment shape ending at the amount (the investment sweep)
    investment_reach: int
    household_income: regex.Pattern   # 村民人均年收入 right before the amount (M8, M9)
    passage_paragraphs: int
    titled_earnings: regex.Pattern   # 挣, 收入, 贷款, 投资 right before the amount, in a thin titled feature
    lead_max: int   # a feature's lead that heads it as a title does: at most this long
    lead_paragraphs: int   # …read among the first paragraphs (the heading lines before it)
    poverty: re.Pattern
    subject: re.Pattern
    subject_min: int
    subject_density: Decimal
    subject_reach: int
    subject_coverage: Decimal
    subject_head_min_han: int   # a line before the cues' paragraph that is a title, not page chrome
    part_paragraph_max: int
    divided_into: tuple[str, ...]
    divided_into_len: int
    things_before: frozenset[str]   # 篮球场2块: a thing counted in pieces right before the number
    place_suffixes: tuple[str, ...]   # 五元村: a unit in plain Chinese digits before these is in a place's name
    magnitude_after: tuple[str, ...]   # 千亿元级: a unit before these names a class of size
    bare_label: regex.Pattern   # 万亿元产业集群, 千万元村: a bare multiplier's unit before a kind names no sum
    broken_decimal_marks: tuple[str, ...]   # 14。24亿元: a decimal point lost to a full stop
    donation: re.Pattern
    pair_cooperation: regex.Pattern   # 粤桂协作, 闽宁协作: the East-West pairing programme
    assisted: re.Pattern   # 困难群众, 低保, 特困: hardship recipients of social assistance (M11)
    assistance_paid: re.Pattern   # 发放, 补贴, 救助: a payment to them
    gift: re.Pattern   # 捐赠, 资金: the same gift told again (partly-about articles)
    not_work: regex.Pattern
    topic_max: int
    brief_dateline: regex.Pattern
    brief_heading_max: int
    goods_unit: regex.Pattern
    price_words: regex.Pattern
    rate_before: regex.Pattern
    rate_after: regex.Pattern
    price_continued: regex.Pattern
    price_before: int
    price_after: int
    window: int
    negative_signs: frozenset[str]
    unit_last_chars: frozenset[str]
    purpose: regex.Pattern
    trim: re.Pattern
    purpose_max: int
    purpose_reach: int
    scan_before: int
    scan_after: int
    years: YearGrammar


@cache
def load_rules(folder: Folder = None) -> MoneyRules:
    # Long on purpose: one keyword per rule of money.yaml, a table rather than logic.
    r = load_yaml("money.yaml", folder)
    currencies = {k: (v[0], Decimal(str(v[1]))) for k, v in r["currencies"].items()}
    signs = {sign: (code, Decimal(1)) for sign, code in r["currency_signs"].items()}
    units = []
    quotes = regex.escape("".join(r["not_after_unit_quotes"]))
    for unit in sorted(currencies, key=len, reverse=True):
        blocked = r["not_after_unit"].get(unit)
        guard = f"(?![{quotes}]?(?:{alternation(blocked)}))" if blocked else ""
        units.append(regex.escape(unit) + guard)
    bigs = regex.escape("".join(number_tables().big))
    # 近两个亿的资金: a bare 亿/万 followed by a money noun; the unit is the empty string.
    followers = [regex.escape(w) + (f"(?!{alternation(r['not_after_unit'][w])})" if w in r["not_after_unit"] else "")
                 for w in r["bare_yi_followed_by"]]   # 万元户 is not 万 + 元
    units.append(rf"(?<=[{bigs}])(?=(?:{'|'.join(followers)}))")
    rel = r["relevance"]
    link = regex.escape(r["purpose_link_chars"])
    link_max, lead = int(r["purpose_link_max"]), int(r["purpose_lead_max"])
    before = dict(r["currency_before_number"])
    return MoneyRules(
        pattern=quantity_pattern("|".join(units)), quantity_gate=QuantityGate(currencies),
        # the currency words and the bare multipliers, all literal words: the standard re
        # then skips to their first characters (the regex module tried the alternation at
        # every character: 15 → 4 ms a real-news pass, the same matches)
        anchor=words_pattern([*currencies, *r["bare_multiplier_anchor"]]),
        currencies=currencies | signs,
        kuai_strict=bool(r["bare_kuai_needs_arabic_or_multiplier"]),
        measure_units=frozenset(r["measure_word_units"]),
        money_numerals=regex.compile(f"[{regex.escape(r['money_numerals'])}]"),
        before_number=before,
        # Anchored at the end of the text before the amount: 港币 + one optional space.
        before_number_re=plain_pattern(rf"(?:{alternation(before)}) ?$"),
        before_number_max=max(map(len, before)) + 1,
        subunit_after=frozenset(r["subunit_after"]),
        subunit=_subunit_pattern(r),
        subunit_values={k: Decimal(str(v)) for k, v in r["subunits"].items()},
        subunit_window=int(r["subunit_window"]),
        bare_tenth_after=frozenset(r["bare_tenth_after"]),
        bare_tenth=_bare_tenth_pattern(r), per_unit=regex.compile(r["price_per_unit_after_kuai"]),
        signs=_sign_pattern(r), sign_words=_innermost(r["currency_signs"]),
        market=words_pattern(rel["market_cues"]), other_cause=words_pattern(rel["other_cause_cues"]),
        commerce=words_pattern(rel["commerce_cues"]), poverty=words_pattern(rel["poverty_cues"]),
        macro_total=words_pattern(rel["macro_total"]["cues"]), macro_reach=int(rel["macro_total"]["reach"]),
        industry_total=frozenset(rel["macro_total"]["industry_cues"]),
        industry_reach=int(rel["macro_total"]["industry_reach"]),
        plan_total=frozenset(rel["macro_total"]["plan_cues"]),
        plan_words=regex.compile(rel["macro_total"]["plan_words"]),
        visitor_total=frozenset(rel["macro_total"]["visitor_cues"]),
        visitor_words=regex.compile(rel["macro_total"]["visitor_words"]),
        any_total=words_pattern(rel["macro_total"]["cues"] + rel["macro_total"]["industry_cues"]
                                + rel["macro_total"]["plan_cues"] + rel["macro_total"]["visitor_cues"]),
        company_sum=plain_pattern(rel["company_sum"]["sums"]),
        company_sum_after=plain_pattern(rel["company_sum"]["after"]),
        company_grant_before=plain_pattern(rel["company_sum"]["grant_before"]),
        company_grant_after=plain_pattern(rel["company_sum"]["grant_after"]),
        company=words_pattern(rel["company_sum"]["companies"]), poor_tie=words_pattern(rel["company_sum"]["ties"]),
        investment_head=plain_pattern(f"(?:{rel['commercial_investment']['head']}){rel['commercial_investment']['link']}$"),
        investment_head_reach=int(rel["commercial_investment"]["head_reach"]),
        investment=_investment_pattern(rel["commercial_investment"]),
        investment_reach=int(rel["commercial_investment"]["reach"]),
        household_income=regex.compile(rel["household_income"]["before"]),
        passage_paragraphs=int(rel["household_income"]["passage_paragraphs"]),
        titled_earnings=regex.compile(rel["titled_feature_earnings"]),
        lead_max=int(rel["titled_feature_lead_max"]), lead_paragraphs=int(rel["titled_feature_lead_paragraphs"]),
        subject=words_pattern(rel["subject_cues"]), subject_min=int(rel["subject_min_cues"]),
        subject_density=Decimal(str(rel["subject_min_per_1000_chars"])),
        subject_reach=int(rel["subject_reach"]), subject_coverage=Decimal(str(rel["subject_min_coverage"])),
        subject_head_min_han=int(rel["subject_head_min_han"]),
        divided_into=tuple(r["measure_word_after_verbs"]),
        divided_into_len=max(map(len, r["measure_word_after_verbs"])),
        things_before=frozenset(r["measure_word_after_things"]),
        place_suffixes=tuple(r["place_suffixes_after_unit"]),
        magnitude_after=tuple(r["magnitude_after_unit"]),
        bare_label=plain_pattern(rf"{r['label_count_before']}[{regex.escape(r['bare_multipliers'])}]+(?:{alternation(currencies)})"
                                 rf"(?=(?:{alternation(r['label_after_bare_multiplier'])}))"),
        broken_decimal_marks=tuple(r["broken_decimal_marks"]),
        part_paragraph_max=int(rel["part_paragraph_max"]), donation=words_pattern(rel["donation_cues"]),
        pair_cooperation=regex.compile(rel["pair_cooperation"]),
        assisted=words_pattern(rel["social_assistance"]["recipients"]),
        assistance_paid=words_pattern(rel["social_assistance"]["payments"]),
        gift=words_pattern(rel["gift_words"]),
        not_work=regex.compile(rel["cue_not_work"]), brief_heading_max=int(rel["brief_heading_max"]),
        topic_max=int(rel["topic_sentence_max"]), brief_dateline=plain_pattern(rel["brief_dateline"]),
        goods_unit=plain_pattern(rel["unit_price"]["goods_unit"]), price_words=plain_pattern(rel["unit_price"]["price_words"]),
        rate_before=plain_pattern(rel["unit_price"]["rate_before"]), rate_after=plain_pattern(rel["unit_price"]["rate_after"]),
        price_continued=regex.compile(rel["unit_price"]["continued_between"]),
        price_before=int(rel["unit_price"]["before"]), price_after=int(rel["unit_price"]["after"]),
        window=int(rel["paragraph_window"]), negative_signs=frozenset(r["negative_signs"]),
        unit_last_chars=frozenset(u[-1] for u in currencies),
        purpose=plain_pattern(rf"\p{{Han}}{{0,{lead}}}?(?:{alternation(r['purpose_heads'])})"
                              rf"(?=[{link}]{{0,{link_max}}}$)"),
        trim=words_pattern(r["purpose_trim"]),
        purpose_max=int(r["purpose_max_len"]),
        # The longest text a purpose match can cover: searching only that much before the
        # amount finds the same phrase as searching the whole clause.
        purpose_reach=lead + max(map(len, r["purpose_heads"])) + link_max,
        scan_before=int(r["scan_window_before"]), scan_after=int(r["scan_window_after"]),
        years=year_grammar(folder),
    )


def _investment_pattern(r: dict) -> regex.Pattern:
    """The shapes of ``commercial_investment`` in one pattern, anchored at the amount: a cue, at
    most its gap of the sentence with none of ``not_between``, a head, the link words."""
    between = rf"(?:(?!{r['not_between']})[^。；;！？!?\n])"
    shapes = [rf"(?:{s['cue']}){between}{{0,{int(s['gap'])}}}?(?:{s['heads']})" for s in r["shapes"]]
    return plain_pattern(rf"(?:{'|'.join(shapes)}){r['link']}$")


def _subunit_pattern(r: dict) -> regex.Pattern:
    """What may follow 元/块/圆: 六角七分(钱), 三毛, 零五分, 整, or 块's lone tenth digit."""
    t = number_tables()
    digit = "[0-9" + regex.escape("".join(t.digits)) + "]"
    sub = r["subunits"]
    tenths = alternation(k for k, v in sub.items() if Decimal(str(v)) == Decimal("0.1"))
    hundredths = alternation(k for k, v in sub.items() if Decimal(str(v)) == Decimal("0.01"))
    guard = r["subunit_not_before"]
    end = alternation(r["subunit_end"])
    fen_end = regex.escape(r["hundredths_followed_by"])
    return plain_pattern(
        rf"(?:(?P<tenth>{digit})(?P<tu>{tenths})(?!{alternation(guard)}))?"
        rf"(?:零?(?P<hundredth>{digit}){hundredths}(?=[{fen_end}]|[^\p{{Han}}]|$))?"
        rf"(?P<end>{end})?")


def _bare_tenth_pattern(r: dict) -> regex.Pattern:
    """两块五(钱) — a lone digit after 块; ``rest`` is set when something else follows it."""
    t = number_tables()
    digit = "[0-9" + regex.escape("".join(t.digits)) + "]"
    numeral = "0-9" + regex.escape(t.numerals)
    # 六块五一斤: a price per unit of goods after the digit ends the amount too.
    return regex.compile(rf"(?P<digit>{digit})(?:(?={r['price_per_unit_after_kuai']})|(?![{numeral}])"
                         rf"(?:(?P<end>{alternation(r['subunit_end'])})|(?=[\p{{P}}\s]|$)|(?P<rest>.)))", regex.S)


def _sign_pattern(r: dict) -> regex.Pattern:
    """￥1,234.00 / US$30亿 / HK$ 300元: a sign, an Arabic number, maybe 万/亿 and 元."""
    t = number_tables()
    marks = regex.escape(t.decimal_points + t.thousands_separators)
    bigs = regex.escape("".join(t.big))
    return regex.compile(
        rf"(?P<pre>{alternation(t.prefix)})?(?<![A-Za-z])(?P<unit>{alternation(r['currency_signs'])}) ?"
        rf"(?P<num>[0-9](?:[0-9]|[{marks}](?=[0-9])|{space_group_run()})*(?: ?[{bigs}]{{1,2}})?)(?:元(?!{alternation(r['not_after_unit']['元'])}))?"
        rf"(?![0-9])")


def _innermost(words: list[str]) -> tuple[str, ...]:
    """The words that hold no other of ``words``: a text holds one of ``words`` iff it holds
    one of these."""
    return tuple(w for w in words if not any(o != w and o in w for o in words))


def _scan_signs(text: str, rules: MoneyRules):
    """Amounts written with a currency sign before the number (one linear pass)."""
    if not any(sign in text for sign in rules.sign_words):
        return   # nearly every text (a substring test, not the pattern tried at each position)
    prefix = number_tables().prefix
    for m in rules.signs.finditer(text):
        try:
            values = parse_values(ungroup_spaces(m["num"]))
        except NumberError as err:
            yield Rejected(m.start(), m.end(), m.group(), str(err))
            continue
        yield Quantity(m.start(), m.end(), m.group(), values, prefix.get(m["pre"] or ""), m["unit"],
                       ((m.start(), m.end()),) * len(values))


def _purpose(rules: MoneyRules, article: Article, sent_start: int, pos: int) -> Optional[str]:
    start = article.index.clause_start(sent_start, pos, rules.purpose_reach)
    clause = article.text[start:pos]
    # Drop the qualifier prefix of the amount itself (超过, 近): the head must end the clause.
    m = rules.purpose.search(clause)
    if not m:
        return None
    phrase = m.group()
    cut = 0
    for t in rules.trim.finditer(phrase):
        if t.end() < len(phrase) - 1:
            cut = t.end()
    phrase = phrase[cut:]
    return phrase[-rules.purpose_max:] or None


def about_poverty_work(rules: MoneyRules, article: Article) -> Optional[bool]:
    """What the article is about, from its subject cues (title included), counted once:
    None with no cue at all, True when about poverty work, False for a passing mention or
    an article only partly about it (its cues leave much of the text far from any)."""
    return _subject_of(rules, article.title or "", article.text)


def _subject_of(rules: MoneyRules, title: str, text: str) -> Optional[bool]:
    """about_poverty_work for one text under its title (one pass over the text: its cues
    are counted, then spread)."""
    enough = _subject_cues_needed(rules, title, text)
    in_title = len(rules.subject.findall(title))
    cues = [m.span() for m in rules.subject.finditer(text)]   # read once, counted and spread
    if in_title + len(cues) >= enough:
        return _spread_through(rules, text, in_title > 0, cues)
    return None if in_title + len(cues) == 0 else False


def _subject_cues_needed(rules: MoneyRules, title: str, text: str) -> int:
    """How many subject cues make a text under its title about poverty work: subject_min_cues,
    or subject_min_per_1000_chars of a longer text (the one threshold :func:`_subject_of` and
    :func:`titled_thin_feature` both read)."""
    return max(rules.subject_min, math.ceil(rules.subject_density * (len(title) + len(text)) / 1000))


def titled_thin_feature(rules: MoneyRules, article: Article) -> bool:
    """Whether the article's headline names poverty work while its text has fewer subject cues than
    the subject test asks (a short feature headed by the work; rules/money.yaml titled_feature_earnings).
    The headline: the title, or the text's first line when it is a heading. Asked only of articles
    read as partly about the work (one more pass over the text's cues)."""
    title, text = article.title or "", article.text
    if not title and article.index.paragraphs:
        first = text[slice(*article.index.paragraphs[0])]
        title = first if _is_heading(rules, first) else ""
    if not (title and _names_work(rules, title)) and not _lead_names_work(rules, article):
        return False
    own_title = article.title or ""   # the article's own title: the count the subject test made
    return len(rules.subject.findall(own_title)) + len(rules.subject.findall(text)) \
        < _subject_cues_needed(rules, own_title, text)


def _lead_names_work(rules: MoneyRules, article: Article) -> bool:
    """Whether the feature's lead — its first paragraph after the heading lines, when short (a quote or a
    one-sentence lead, at most ``lead_max`` characters) — names poverty work: it heads the story as a title
    does (实施精准扶贫以来，我和村里的许多年轻人纷纷回到家乡 over a villager's profile)."""
    text = article.text
    for start, end in article.index.paragraphs[:rules.lead_paragraphs]:
        paragraph = text[start:end]
        if _is_heading(rules, paragraph):
            continue
        return len(paragraph.strip()) <= rules.lead_max and _names_work(rules, paragraph)
    return False


def brief_subjects(rules: MoneyRules, article: Article) -> list[tuple[int, Optional[bool]]]:
    """A page of news briefs (资讯速递: a heading, then 本报电 and the item, twice or more)
    is several articles: the start of each brief (its heading) and what it is about, in
    order; [] for an ordinary article. One pass over the paragraphs."""
    text = article.text
    paragraphs = article.index.paragraphs
    heads = [paragraphs[i - 1] for i in range(1, len(paragraphs))
             if rules.brief_dateline.match(text, paragraphs[i][0], paragraphs[i][1])
             and _is_heading(rules, text[paragraphs[i - 1][0]:paragraphs[i - 1][1]])]
    if len(heads) < 2:
        return []
    ends = [h[0] for h in heads[1:]] + [len(text)]
    return [(h_start if k else 0, _subject_of(rules, text[h_start:h_end], text[h_end:end]))
            for k, ((h_start, h_end), end) in enumerate(zip(heads, ends))]


#: A heading line has no sentence end (punctuation, not a rule).
_SENTENCE_END = plain_pattern("[。！？!?]")


def _is_heading(rules: MoneyRules, line: str) -> bool:
    line = line.strip()
    return 0 < len(line) <= rules.brief_heading_max and not _SENTENCE_END.search(line)


_HAN = regex.compile(r"\p{Han}")


def _titled_above(rules: MoneyRules, head: str) -> bool:
    """Whether the lines above the cues' paragraph hold a title: a line of at least
    ``subject_head_min_han`` Han characters (page chrome such as 分享到: or a source line has fewer)."""
    return any(len(_HAN.findall(line)) >= rules.subject_head_min_han for line in head.split("\n"))


def _spread_through(rules: MoneyRules, text: str, title_cue: bool,
                    cues: list[tuple[int, int]]) -> bool:
    """Whether the subject cues reach most of the text: the share of characters within
    ``subject_reach`` of a cue is at least ``subject_min_coverage``; a cue in the title
    reaches the text's first ``subject_reach`` characters (the lead it heads). A province's
    report with one poverty section, a bank's report with one poverty paragraph, leave
    most of the text out of reach (one pass over the cues: ``cues``, their spans in order)."""
    if not text:
        return True
    reach = rules.subject_reach
    end = min(len(text), reach) if title_cue else 0   # the end of the stretch covered so far
    covered = end
    for start, stop in cues:
        lo, hi = max(start - reach, end), min(len(text), stop + reach)
        if hi > lo:
            covered += hi - lo
            end = hi
    if not title_cue and cues and "\n" not in text[cues[0][0]:cues[-1][1]] \
            and "\n" in text[:cues[0][0]].strip() \
            and _titled_above(rules, text[:text.rfind("\n", 0, cues[0][0])]):
        # Every cue in one paragraph under a title about something else (a culture-fund
        # brief with one sentence on poor areas): that paragraph is the poverty part. Not
        # under page chrome alone (分享到:, 来源:昭通新闻网, |): no title there. Not
        # when that paragraph opens the text: a lead that names the work heads the story
        # as a title does (and a text of one line, a page whose paragraphs the scrape ran
        # together, has only that one), read by the coverage alone.
        return False
    return Decimal(covered) >= rules.subject_coverage * len(text)


def _topic_start(rules: MoneyRules, article: Article, s_start: int, p_start: int) -> int:
    """Where the amount's sentence starts, or its topic sentence right before it in its
    paragraph (四是对口援疆力度不断加大。: short, no number), which names what it is about."""
    if s_start <= p_start:
        return s_start
    lead = article.index.sentence_of(s_start - 1)[0]
    if s_start - lead > rules.topic_max or _DIGIT.search(article.text, lead, s_start):
        return s_start
    return lead


#: A topic sentence states no number (a sentence with one is itself a result).
_DIGIT = regex.compile(r"\d")


def _relevant(rules: MoneyRules, about: Optional[bool], sentence: str, window: str,
              short_paragraph: str) -> bool:
    """``short_paragraph``: the amount's paragraph when it is at most ``part_paragraph_max``
    characters long, else "" (the caller slices only such paragraphs)."""
    if about is None:
        # SPEC 4: an article not about poverty work has no relevant amounts — but social
        # assistance paid to hardship recipients is help to the poor wherever it is told (M11)
        return _social_assistance(rules, sentence)
    if not about:
        # A passing mention, or an article partly about poverty work: only its poverty
        # part counts, the amount's sentence (with the sentence before it, its topic
        # sentence) or its (short) paragraph naming the work; money for another cause in a
        # sentence that names no poverty work is not (为国家挽回经济损失 beside a paragraph on
        # the poor the official helped).
        if rules.other_cause.search(sentence) and not rules.poverty.search(sentence):
            return False
        return bool(_names_work(rules, sentence) or _names_work(rules, short_paragraph)
                    or rules.donation.search(sentence) or rules.pair_cooperation.search(sentence)
                    or _social_assistance(rules, sentence))
    poverty_here = bool(rules.poverty.search(sentence))
    if rules.market.search(sentence) and not poverty_here:
        return False   # 期货 in 保险+期货 poverty pilots stays relevant
    if rules.other_cause.search(sentence) and not poverty_here:
        return False
    if rules.commerce.search(sentence) and not rules.poverty.search(window):
        return False
    return True


def _social_assistance(rules: MoneyRules, sentence: str) -> bool:
    """A sentence that pays hardship recipients (发放价格临时补贴…惠及困难群众, 低保金, 特困供养):
    social assistance, help to the poor by convention M11 in any article."""
    return bool(rules.assisted.search(sentence) and rules.assistance_paid.search(sentence))


def _names_work(rules: MoneyRules, text: str) -> bool:
    """A subject cue in ``text`` that names poverty work, not a person's poor family (因为家里贫困，
    他休学下井) nor help to a company's customers (帮扶下游客户开拓市场): asked of a sentence or a
    short paragraph of an article that names the work only in passing."""
    if not rules.subject.search(text):
        return False
    return bool(rules.subject.search(rules.not_work.sub("", text)))


def _amount_relevant(rules: MoneyRules, article: Article, about: Optional[bool], relevant: bool, priced: bool,
                     s_start: int, start: int, end: int, s_end: int) -> bool:
    """The amount's own relevance from its sentence's (``relevant``): a unit price or another
    subject's money is not relevant (以每粒0.17元托底收购, 全县旅游总收入, 公司的营业额); in an article
    partly about poverty work, a household's or a village's income in a passage that names the work
    is (武石村以前是贫困村 … 现在村民人均年收入突破万元, M9)."""
    if relevant:
        return not (priced or _another_subject(rules, article, s_start, start, end, s_end))
    return about is False and not priced and _household_income_in_poor_passage(rules, article, s_start, start) \
        and not _another_subject(rules, article, s_start, start, end, s_end)


def _titled_feature_earnings(rules: MoneyRules, article: Article, subjects: "_Subjects",
                             s_start: int, start: int, end: int, s_end: int) -> bool:
    """A person's or a village's earnings, loan or project (挣上100多美元, 贷款5万元) in a feature whose
    headline names poverty work and whose text names it seldom (:func:`titled_thin_feature`), not
    another subject's sum. Asked only of amounts not already relevant in an article partly about the
    work; the headline is read once per article and comes first (most articles stop there)."""
    if not subjects.titled_thin():
        return False
    text, index = article.text, article.index
    clause_start = index.clause_start(s_start, start, rules.macro_reach)
    return bool(rules.titled_earnings.search(text, clause_start, start)) \
        and not _another_subject(rules, article, s_start, start, end, s_end)


def _household_income_in_poor_passage(rules: MoneyRules, article: Article, s_start: int, start: int) -> bool:
    """A household's or a village's own income (全家…纯收入, 村民人均年收入: conventions M8, M9) in a
    passage that names poverty work: the amount's paragraph or one at most ``passage_paragraphs``
    away on either side, not across a heading line (a feature's next section is another passage).
    Asked only of amounts not already relevant in an article partly about poverty work."""
    text, index = article.text, article.index
    clause_start = index.clause_start(s_start, start, rules.macro_reach)
    if not rules.household_income.search(text, clause_start, start):
        return False   # most amounts: one search
    paragraphs, here = index.paragraphs, index.paragraph_index(start)
    if _names_work(rules, text[slice(*paragraphs[here])]):
        return True
    for step in (-1, 1):
        for k in range(here + step, here + step * (rules.passage_paragraphs + 1), step):
            if not 0 <= k < len(paragraphs):
                break
            paragraph = text[slice(*paragraphs[k])]
            if _is_heading(rules, paragraph):
                break
            if _names_work(rules, paragraph):
                return True
    return False


def _unit_price(rules: MoneyRules, text: str, start: int, end: int, s_start: int, s_end: int,
                price_end: int = -1, previous_end: int = -1) -> bool:
    """An amount that is the price of a unit of goods (convention M3): a price word and a
    unit of goods within a few characters of it, inside its sentence; or a unit of goods
    (a price noun) right before its number or qualifier (每粒不到0.1元, 价格10元), or a unit
    of goods right after it (三块一斤); or the next price of a sentence whose unit price ends at
    ``price_end`` (卖20元，运到村委会要40多元), with no income or total word between. The look-back
    stops at the amount before it (ending at ``previous_end``): that amount's price words are its
    own (每斤卖5元，贫困户每月增收2000元), and a price that goes on is the case above."""
    if s_start < price_end and rules.price_continued.fullmatch(text, price_end, start):
        return True
    before = text[max(s_start, start - rules.price_before, previous_end):start]
    after = text[end:min(s_end, end + rules.price_after)]
    near = before + "|" + after
    return bool(rules.price_words.search(near) and rules.goods_unit.search(near)
                or rules.rate_before.search(before) or rules.rate_after.match(after))


def _macro_total(rules: MoneyRules, article: Article, s_start: int, clause_start: int, start: int,
                 s_end: int) -> bool:
    """An amount that is a place's economic total (GDP, fiscal revenue, trade): its clause
    names such a total right before it and no poverty work; or an industry's total (tourism),
    tourism revenue beside a count of visitors (接待游客…人次，实现旅游收入…), or the total investment
    of a plan of major projects (云南省基础设施重大工程发布，总投资约3.6万亿元), in a sentence that names
    no poverty work. ``clause_start``: where the amount's clause starts (:func:`_another_subject`)."""
    clause = article.text[clause_start:start]
    total = rules.any_total.search(clause)
    if total is None:
        return False   # most amounts: one search
    word = total.group()
    if (word not in rules.industry_total and word not in rules.plan_total and word not in rules.visitor_total) \
            or rules.macro_total.search(clause):
        return not rules.poverty.search(clause)
    lo, hi = max(s_start, start - rules.industry_reach), min(s_end, start + rules.industry_reach)
    if word in rules.plan_total and not rules.plan_words.search(article.text, lo, hi):
        return False   # 总投资1.5亿元的雪梨基地: one project, left to the article's subject
    if word in rules.visitor_total and not rules.visitor_words.search(article.text, lo, hi):
        return False   # 全村累计实现旅游收入150余万元: a village's income, left to the article's subject
    return not rules.poverty.search(article.text, lo, hi)


def _another_subject(rules: MoneyRules, article: Article, s_start: int, start: int, end: int, s_end: int) -> bool:
    """A place's economic total or a company's sum: money of another subject (SPEC 4). Both
    read the amount's clause before it, at most ``macro_reach`` characters back."""
    clause_start = article.index.clause_start(s_start, start, rules.macro_reach)
    return _macro_total(rules, article, s_start, clause_start, start, s_end) \
        or _company_sum(rules, article, s_start, clause_start, start, end, s_end) \
        or _commercial_investment(rules, article.text, s_start, start)


def _commercial_investment(rules: MoneyRules, text: str, s_start: int, start: int) -> bool:
    """Companies' investment attracted, guided, signed or levered by a helper (引导341家企业投资108.3亿元,
    签约项目68个，总投资357.73亿元, 实际投资额178亿元): commercial cooperation, not poverty money (the
    investment sweep's ruling). Aid or public money between the cue and the amount (帮扶, 援建, 财政) keeps it."""
    if not rules.investment_head.search(text, max(s_start, start - rules.investment_head_reach), start):
        return False   # most amounts: one search
    return bool(rules.investment.search(text, max(s_start, start - rules.investment_reach), start))


def _company_sum(rules: MoneyRules, article: Article, s_start: int, clause_start: int, start: int,
                 end: int, s_end: int) -> bool:
    """A company's output, turnover, sales or profit (convention M7): a sum word in the amount's
    clause right before it (公司当年的营业额超过1000万元) or right after it (200多万元销售额), or a grant
    to it (将得到500万元专项资金, convention M10), a company named in its sentence, and nothing there
    tying the sum to the poor (贫困户, 分红)."""
    text = article.text
    if not (rules.company_sum.search(text, clause_start, start) or rules.company_sum_after.match(text, end, s_end)
            or (rules.company_grant_after.match(text, end, s_end)
                and rules.company_grant_before.search(text, clause_start, start))):
        return False   # most amounts: one or two searches
    # The sentence read as far as industry_reach on each side: a one-line text is one sentence.
    lo, hi = max(s_start, start - rules.industry_reach), min(s_end, end + rules.industry_reach)
    return bool(rules.company.search(text, lo, hi)) and not rules.poor_tie.search(text, lo, hi)


def _bare_label(text: str, q: "Quantity | Rejected", rules: MoneyRules) -> bool:
    """A bare multiplier and its unit, the whole match, right before a word for a kind (万亿元产业集群,
    千万元村, 亿元企业): a label that names no sum (rules/money.yaml label_after_bare_multiplier)."""
    m = rules.bare_label.match(text, q.start)
    return m is not None and m.end() == q.end


def _after_broken_decimal(text: str, q: Quantity, rules: MoneyRules) -> bool:
    """14。24亿元: the number's digits follow a full stop that follows a digit (a decimal point a
    rewording tool turned into a full stop); unreadable, never the tail alone (24亿元)."""
    return q.start >= 2 and text[q.start - 1] in rules.broken_decimal_marks and text[q.start - 2].isdigit()


def _is_measure_word(text: str, q: Quantity, rules: MoneyRules, has_subunits: bool) -> bool:
    """一块/第二块 (a piece), 一圆 (a circle): a bare 块/圆 after plain Chinese digits is
    not money, unless parts of a yuan follow (十块三毛); nor after a verb of dividing or a thing
    that comes in pieces, with any digits (草场划分为9块, 篮球场2块: pieces)."""
    if q.unit not in rules.measure_units or not rules.kuai_strict or has_subunits:
        return False
    if text.endswith(rules.divided_into, max(0, q.start - rules.divided_into_len), q.start):
        return True
    if q.start and text[q.start - 1] in rules.things_before:
        return True   # 篮球场2块, 标志牌2块: pieces of a thing
    return not rules.money_numerals.search(q.text)


def _currency_before(text: str, q: Quantity, rules: MoneyRules) -> Optional[tuple[str, int]]:
    """港币两千九百六十元: the currency named right before the number, and where it starts."""
    lo = max(0, q.start - rules.before_number_max)
    m = rules.before_number_re.search(text, lo, q.start)
    return (rules.before_number[m.group().strip()], m.start()) if m else None


@quick_frozen   # one per amount: 845 a real-news pass
class _Subunits:
    end: int                 # where the amount ends, 整 and 钱 included
    add: Decimal             # in yuan
    unreadable: bool = False
    priced: bool = False     # 三块一斤: a price per unit of goods follows, so 块 is money


def _subunits(text: str, q: Quantity, rules: MoneyRules) -> _Subunits:
    """六角七分 after 135块 adds 0.67; 两块五 adds 0.5; 12块5斤 is unreadable."""
    if q.unit not in rules.subunit_after:
        return _Subunits(q.end, Decimal(0))
    if q.unit in rules.bare_tenth_after and rules.per_unit.match(text, q.end):
        return _Subunits(q.end, Decimal(0), priced=True)
    digits = number_tables().digits
    limit = min(len(text), q.end + rules.subunit_window)
    m = rules.subunit.match(text, q.end, limit)
    add = Decimal(0)
    if m and m["tenth"]:
        add += _digit(m["tenth"], digits) * rules.subunit_values[m["tu"]]
    if m and m["hundredth"]:
        add += _digit(m["hundredth"], digits) / 100
    end = m.end() if m else q.end
    if end == q.end and q.unit in rules.bare_tenth_after and end < limit:
        # 两块五 / 12块5: a lone digit, then nothing that could make it another number.
        m = rules.bare_tenth.match(text, q.end, limit)
        if m:
            if m["rest"]:
                return _Subunits(q.end, Decimal(0), unreadable=True)
            return _Subunits(m.end("digit"), _digit(m["digit"], digits) / 10)
    return _Subunits(end, add)


def _negative(text: str, q: Quantity, rules: MoneyRules) -> bool:
    """A minus sign right before the number (净利润-3亿元, 为－0.5亿元), not the dash of a
    range (3-5万元: a digit before the dash) and not a qualifier's place."""
    if len(q.values) != 1 or q.qualifier or q.start == 0 or text[q.start - 1] not in rules.negative_signs:
        return False
    if q.start < 2:
        return True
    before = text[q.start - 2]   # 1万元--5万元 and 3万元-5万元 are ranges, not signs
    return not (before.isdigit() or rules.money_numerals.match(before) or before in rules.negative_signs
                or before in rules.unit_last_chars)


def _digit(ch: str, digits: dict[str, int]) -> Decimal:
    return Decimal(int(ch)) if ch.isdigit() else Decimal(digits[ch])


def _scan_near_units(text: str, rules: MoneyRules):
    """Run the full grammar only in windows around currency units (cheap on long texts),
    and in each window only from where the quantity gate says an amount can start."""
    lo = hi = -1
    for m in rules.anchor.finditer(text):
        a, b = max(0, m.start() - rules.scan_before), m.end() + rules.scan_after
        if a <= hi:
            hi = b
            continue
        if hi >= 0:
            yield from _scan_window(text, rules, lo, min(hi, len(text)))
        lo, hi = a, b
    if hi >= 0:
        yield from _scan_window(text, rules, lo, min(hi, len(text)))


def _scan_window(text: str, rules: MoneyRules, lo: int, hi: int):
    first = rules.quantity_gate.first_start(text, lo, hi)
    if first is not None:
        yield from scan(text, rules.pattern, first, hi)


class _Subjects:
    """What the article is about, or on a page of briefs what each brief is about: counted
    on the first amount only (an article without amounts is never counted)."""

    def __init__(self, rules: MoneyRules, article: Article) -> None:
        self.rules, self.article = rules, article
        self.whole: Optional[bool] = None
        self.briefs: Optional[list[tuple[int, Optional[bool]]]] = None
        self.starts: list[int] = []
        self.thin: Optional[bool] = None

    def titled_thin(self) -> bool:
        """:func:`titled_thin_feature` of the whole article (never of a page of briefs), once."""
        if self.thin is None:
            self.thin = not self.briefs and titled_thin_feature(self.rules, self.article)
        return self.thin

    def at(self, pos: int) -> Optional[bool]:
        if self.briefs is None:
            self.whole = about_poverty_work(self.rules, self.article)
            self.briefs = brief_subjects(self.rules, self.article)
            self.starts = [start for start, _ in self.briefs]
        if self.briefs:
            return self.briefs[max(0, bisect_right(self.starts, pos) - 1)][1]
        return self.whole


def _sentence_relevant(rules: MoneyRules, article: Article, relevance: dict[tuple[int, int], bool],
                       about: Optional[bool], pos: int, s_start: int, s_end: int) -> bool:
    """:func:`_relevant` of the sentence (and paragraph) of the amount at ``pos``, kept in
    ``relevance``: once per sentence, not per amount (a long sentence with many amounts must
    not be searched again for each)."""
    index, text = article.index, article.text
    key = (s_start, index.paragraph_index(pos))
    relevant = relevance.get(key)
    if relevant is None:
        p_start, p_end = index.paragraph_of(pos)
        lead = _topic_start(rules, article, s_start, p_start) if about is False else s_start
        relevant = relevance[key] = _relevant(
            rules, about, text[lead:s_end], index.paragraph_window(pos, rules.window),
            text[p_start:p_end] if p_end - p_start <= rules.part_paragraph_max else "")
    return relevant


def find_amounts(article: Article, rules: MoneyRules) -> list[Amount]:
    text = article.text
    index = article.index
    ref_year = article.reference_year
    amounts: list[Amount] = []
    relevance: dict[tuple[int, int], bool] = {}
    gifts: list[tuple[int, int]] = []   # amounts whose sentence names a gift, in an article partly about the work
    subjects = _Subjects(rules, article)
    consumed, price_end = 0, -1   # the ends of the last amount (its 六角七分钱 included) and of the last unit price
    for q in heapq.merge(_scan_near_units(text, rules), _scan_signs(text, rules), key=lambda q: q.start):
        if q.start < consumed or _bare_label(text, q, rules):
            continue   # 七分钱 inside 一百三十五块六角七分钱; 万亿元产业集群: a label of a kind or a scale, no sum
        if isinstance(q, Rejected):
            article.warnings.append(f"money: skipped malformed amount {q.text!r} at {q.start}: {q.reason}")
            continue
        sub = _subunits(text, q, rules)
        if sub.unreadable or (sub.add and len(q.values) > 1) or _after_broken_decimal(text, q, rules):
            article.warnings.append(f"money: skipped unreadable amount {text[q.start:q.end + 2]!r} at {q.start}")
            continue
        if _is_measure_word(text, q, rules, sub.end > q.end or sub.priced):
            continue
        if text.startswith(rules.place_suffixes, q.end) and not rules.money_numerals.search(q.text):
            continue   # 五元村, 三元乡: a place's name, not money
        if text.startswith(rules.magnitude_after, q.end):
            continue   # 千亿元级产业链, 从百元级到万元级: an order of magnitude, not a sum
        previous_end, consumed = consumed, sub.end
        currency, factor = rules.currencies.get(q.unit, ("CNY", Decimal(1)))
        start = q.start
        sign = Decimal(1)
        if _negative(text, q, rules):
            sign, start = Decimal(-1), q.start - 1
        named = _currency_before(text, q, rules)
        if named and rules.currencies.get(q.unit, ("CNY",))[0] in ("CNY", named[0]) and factor == 1:
            currency, start = named[0], min(start, named[1])
        s_start, s_end = index.sentence_of(q.start)
        about = subjects.at(q.start)
        relevant = _sentence_relevant(rules, article, relevance, about, q.start, s_start, s_end)
        priced = _unit_price(rules, text, start, sub.end, s_start, s_end, price_end, previous_end)
        if priced:
            price_end = sub.end   # 卖20元，运到村委会要40多元: the price goes on in the next clause
        relevant = _amount_relevant(rules, article, about, relevant, priced, s_start, start, sub.end, s_end) \
            or (about is False and not priced and _titled_feature_earnings(rules, article, subjects, s_start, start, sub.end, s_end))
        purpose = _purpose(rules, article, s_start, q.start)
        year = year_of(text, s_start, q.start, ref_year, rules.years)
        spans = list(q.value_spans)
        if len(spans) == 1:
            spans = [(q.start, q.end)]
        spans[0] = (min(start, spans[0][0]), spans[0][1])
        spans[-1] = (spans[-1][0], sub.end)
        if about is False and rules.gift.search(text, s_start, s_end):
            gifts.append((len(amounts), len(q.values)))   # the amounts about to be added
        for value, (a, b) in zip(q.values, spans):
            amounts.append(Amount(
                text=text[a:b], value=tidy_decimal(sign * (value + sub.add) * factor), currency=currency,
                qualifier=q.qualifier, relevant=relevant,
                span=(a, b), source_span=article.source_span(a, b),
                purpose=purpose, year=year))
    if gifts:
        _retold_gifts(amounts, gifts)
    return amounts


def _retold_gifts(amounts: list[Amount], gifts: list[tuple[int, int]]) -> None:
    """In an article partly about poverty work, a gift named in its sentence (捐赠, 资金) whose value
    and currency a relevant gift of the article has is that gift told again (a headline, a quote):
    relevant too. ``gifts``: (first index, count) of the amounts whose sentence names a gift."""
    named = [amounts[i] for first, count in gifts for i in range(first, first + count)]
    given = {(a.value, a.currency) for a in named if a.relevant}
    for a in named:
        if not a.relevant and (a.value, a.currency) in given:
            a.relevant = True


def run(article: Article, rules: MoneyRules) -> None:
    article.facts["amounts"] = find_amounts(article, rules)
