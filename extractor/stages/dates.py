"""Dates stage: publication date, reference date (for 今年/去年底) and title."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache

import regex

from ..article import Article
from ..lexicon.years import YearGrammar, year_grammar, years_named
from ..rules import Folder, load_yaml

_ISO = regex.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


@dataclass(frozen=True)
class DateRules:
    datelines: tuple[regex.Pattern, ...]
    dateline_window: int
    max_title: int
    years: YearGrammar


@cache
def load_rules(folder: Folder = None) -> DateRules:
    r = load_yaml("dates.yaml", folder)
    return DateRules(datelines=tuple(regex.compile(p) for p in r["dateline_patterns"]),
                     dateline_window=int(r["dateline_window"]),
                     max_title=int(r["max_title_length"]),
                     years=year_grammar(folder))


def parse_date(value) -> str | None:
    """A date given as metadata (ISO, '2015-10-17 19:14:08', 'Oct 17, 2015', date) → ISO."""
    if value is None or value == "":
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.strftime("%Y-%m-%d")
    text = str(value).strip()
    m = _ISO.match(text)
    if m and (len(text) == m.end() or not text[m.end()].isdigit()):
        y, mo, d = m.groups()
        try:   # 2019-02-30 and 2019-13-01 are no dates: the caller warns
            dt.date(int(y), int(mo or 1), int(d or 1))
        except ValueError:
            return None
        if d:
            return f"{int(y):04d}-{int(mo):02d}-{int(d):02d}"
        return f"{int(y):04d}-{int(mo):02d}" if mo else f"{int(y):04d}"
    for pattern in load_rules().datelines:
        m = pattern.search(text)
        if m:
            return _ymd(m)
    import dateparser  # slow to import: only for unusual formats
    parsed = dateparser.parse(text, settings={"PREFER_DAY_OF_MONTH": "first"})
    return parsed.strftime("%Y-%m-%d") if parsed else None


def _ymd(m) -> str | None:
    try:
        return dt.date(int(m["y"]), int(m["m"]), int(m["d"])).isoformat()
    except ValueError:
        return None


def dateline(text: str, rules: DateRules) -> str | None:
    head = text[: rules.dateline_window]
    for pattern in rules.datelines:
        m = pattern.search(head)
        if m and _ymd(m):
            return _ymd(m)
    return None


def guess_year(text: str, rules: DateRules) -> int | None:
    years = years_named(text, rules.years)
    return max(years) if years else None


def title_line(text: str, rules: DateRules) -> str | None:
    first = text.lstrip().split("\n", 1)[0].strip()
    if first and len(first) <= rules.max_title and first[-1] not in "。！？!?，,；;":
        return first
    return None


def run(article: Article, rules: DateRules) -> None:
    published = None
    if article.published:
        published = parse_date(article.published)
        if published is None:
            article.warnings.append(f"published: could not read {article.published!r} as a date")
    article.published = published or dateline(article.text, rules)
    if article.reference_date:
        given = parse_date(article.reference_date)
        if given is None:
            article.warnings.append(f"reference_date: could not read {article.reference_date!r}")
        article.reference_date = given
    if not article.reference_date:
        article.reference_date = article.published
    if not article.reference_date:
        year = guess_year(article.text, rules)
        if year:
            article.reference_date = str(year)
            article.warnings.append(f"reference_date: guessed {year} from the latest year the text names")
        else:
            article.warnings.append("reference_date: unknown (no date given, none in the text)")
    if article.title is None:
        article.title = title_line(article.text, rules)
