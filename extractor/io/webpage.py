"""Whole web pages: the article body, title and publication date of an HTML page, taken
with trafilatura (body, title) and htmldate (date, from the page's metadata), so that no
fact comes from the navigation, sidebars, footers or scripts around the article.

Offsets still lead back to the page. The body is not handed on as trafilatura's own text:
each paragraph it found is located in the page (through the normaliser's offset map), and
everything of the decoded page outside those paragraphs is blanked to spaces (line breaks
kept). The result has exactly the length of the decoded page, so every ``source_span`` of
a record indexes the decoded HTML of the page itself.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

import regex

from ..text.normalize import normalize

#: A document is a whole page (not an article body in a few tags) when it has one of these.
_PAGE_MARK = regex.compile(r"<(?:!doctype\s+html|html[\s>]|body[\s>]|head[\s>])", regex.I)
#: How far into the text to look for the page mark.
PAGE_MARK_WINDOW = 4096


@dataclass
class Page:
    text: str                          # the decoded page, blanked outside the article body
    title: Optional[str] = None
    published: Optional[str] = None
    warnings: list[str] = field(default_factory=list)


def is_page(text: str) -> bool:
    """True for a whole HTML page (doctype, <html>, <head> or <body> near the start)."""
    return bool(_PAGE_MARK.search(text[:PAGE_MARK_WINDOW]))


def read_page(html: str) -> Optional[Page]:
    """The article of a whole page, or None when trafilatura finds no article body (the
    caller then reads the page as it would any HTML, with a warning)."""
    import trafilatura
    from htmldate import find_date

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      include_tables=True, favor_precision=True)
    if doc is None or not (doc.text or "").strip():
        return None
    try:
        published = find_date(html, original_date=True, extensive_search=False,
                              outputformat="%Y-%m-%d")
    except (ValueError, TypeError):  # htmldate on odd markup; the date is optional
        published = None
    paragraphs = [line for line in doc.text.split("\n") if line.strip()]
    ranges, missing = _locate(html, paragraphs)
    if not ranges:
        return None
    page = Page(text=_blank_outside(html, ranges), title=doc.title or None,
                published=published or None)
    if missing:
        page.warnings.append(f"web page: {missing} of {len(paragraphs)} body paragraphs "
                             f"could not be located in the page source and were left out")
    return page


def _locate(html: str, paragraphs: list[str]) -> tuple[list[tuple[int, int]], int]:
    """Source ranges of the paragraphs in the decoded page, in order; and how many could
    not be found. Both sides go through the normaliser, so entities, tags inside a
    paragraph, indentation and width differences do not matter."""
    page = normalize(html)
    clean = normalize("\n".join(paragraphs)).text.split("\n")
    ranges, missing, cursor = [], 0, 0
    for para in clean:
        para = para.strip()
        if not para:
            continue
        at = page.text.find(para, cursor)
        if at < 0:
            missing += 1
            continue
        start, end = page.source_span(at, at + len(para))
        ranges.append((start, end))
        cursor = at + len(para)
    return ranges, missing


def _blank_outside(html: str, ranges: list[tuple[int, int]]) -> str:
    """The page with every character outside ``ranges`` replaced by a space (line breaks
    kept, and one at the start of every gap so paragraphs stay apart)."""
    out = []
    pos = 0
    for start, end in ranges:
        if start > pos:
            out.append(_blank(html[pos:start]))
        if start >= pos:
            out.append(html[start:end])
            pos = end
    out.append(_blank(html[pos:]))
    return "".join(out)


def _blank(gap: str) -> str:
    if not gap:
        return gap
    blanked = "".join(ch if ch == "\n" else " " for ch in gap)
    return "\n" + blanked[1:]
