"""The review page: one self-contained HTML file to check extractions by eye.

    fupin run corpus/ --with-text -o out/records.jsonl
    fupin review out/records.jsonl --gold gold/ -o out/review.html

Each article's normalised text is shown with every fact highlighted by kind in displaCy's
span view (``spacy.displacy.render(..., style="span", manual=True)``), beside a list of
the facts with their values; a fact's label in the text links to its entry in the list,
and each entry links to its sentence. Checkboxes hide or show each kind.

The text comes from the records: ``fupin run --with-text`` stores the normalised text in
each record as ``text`` (every span is an offset into it). We chose that over
re-normalising from ``source`` because a record then shows exactly the text its spans were
computed on, whatever normaliser version or input folder is at hand later. A record
without ``text`` is still listed with its facts, and a note says how to get the text.

With ``gold``, every article is scored by :mod:`extractor.report.evaluate` (the scoring
of ``fupin eval``, not a copy of it): each spurious fact is marked in the text and the
list, each missed gold item is listed (and underlined where its text is found in the
article), and each disagreement on an attribute is listed, so the page's marks are the
lines of ``fupin eval --misses``, item for item.
"""
from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterable, Optional, Union

from ..record import Record
from ..text.sentences import sentence_bounds
from .evaluate import ArticleResult, FIELDS, evaluate, fact_items, load_gold, load_predictions


@dataclass(frozen=True)
class Kind:
    name: str       # CSS and filter name
    label: str      # the label displaCy shows
    field: str      # the record's fact list
    color: str      # highlight colour
    missed_color: str  # colour of a gold item that was missed (a lighter shade)


KINDS: tuple[Kind, ...] = (
    Kind("county", "COUNTY", "counties", "#7aecec", "#d5f9f9"),
    Kind("cadre", "CADRE", "cadres", "#feca74", "#ffedd1"),
    Kind("person", "PERSON", "persons", "#c887fb", "#ecd9fd"),
    Kind("amount", "AMOUNT", "amounts", "#9cc9cc", "#dbeced"),
    Kind("figure", "FIGURE", "poverty_figures", "#ff9561", "#ffd9c6"),
    Kind("pairing", "PAIRING", "pairings", "#bfe1d9", "#e9f5f2"),
)
KIND_OF_FIELD = {k.field: k for k in KINDS}
SPURIOUS = " ✗ spurious"
MISSED = " ◌ missed"


# ----------------------------------------------------------------------------- facts

@dataclass
class Fact:
    """One entry of the side list: a fact of the record, with the spans it is highlighted at."""
    kind: Kind
    index: int                  # position in fact_items(record, kind.field)
    spans: list[tuple[int, int]]
    title: str                  # what the fact is (its name or text)
    values: list[tuple[str, str]]  # (what, value) pairs shown under it
    number: int = 0             # its number on the page of its article (1, 2, …)
    #: The ``fupin eval --misses`` lines that call it spurious: (field, item as eval shows it).
    spurious_lines: list[tuple[str, str]] = field(default_factory=list)

    @property
    def spurious(self) -> bool:
        return bool(self.spurious_lines)


@dataclass
class Missed:
    """A gold item the record misses (as ``fupin eval --misses`` shows it)."""
    kind: Kind
    shown: str
    span: Optional[tuple[int, int]] = None   # where its text was found, if it was
    number: int = 0


def _span(value: Any) -> Optional[tuple[int, int]]:
    if isinstance(value, (list, tuple)) and len(value) == 2 and all(isinstance(v, int) for v in value):
        return (value[0], value[1]) if 0 <= value[0] < value[1] else None
    return None


def _mention_spans(fact: dict) -> list[tuple[int, int]]:
    spans = [_span(m.get("span")) for m in fact.get("mentions") or [] if isinstance(m, dict)]
    return [s for s in spans if s]


def _number(value: Any) -> str:
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        d = Decimal(str(value))
        return f"{d.normalize():,f}" if d != d.to_integral_value() else f"{int(d):,}"
    return str(value)


def _values(pairs: Iterable[tuple[str, Any]]) -> list[tuple[str, str]]:
    return [(k, v if isinstance(v, str) else str(v) if k == "year" else _number(v))
            for k, v in pairs if v not in (None, "", [])]


def _county(c: dict) -> tuple[str, list]:
    return c.get("name") or "?", _values([
        ("adcode", c.get("adcode") or "null"), ("role", c.get("role")),
        ("in", " ".join(x for x in (c.get("province"), c.get("prefecture")) if x)),
        ("as written", "、".join(c.get("aliases_seen") or []))])


def _post(p: dict) -> str:
    when = "–".join(x or "" for x in (p.get("since"), p.get("until"))) if (p.get("since") or p.get("until")) else ""
    place = f" @ {p['place']}" if p.get("place") else ""
    return f"{p.get('title') or '?'}{place}" + (f" ({when})" if when else "")


def _cadre(c: dict) -> tuple[str, list]:
    posts = [_post(p) for p in c.get("posts") or [] if isinstance(p, dict)]
    origin = " ".join(x for x in (c.get("origin"), c.get("origin_title")) if x)
    return c.get("name") or "?", _values([("origin", origin), ("posts", "; ".join(posts)),
                                          ("honours", "、".join(c.get("honours") or []))])


def _person(p: dict) -> tuple[str, list]:
    return p.get("name") or "?", _values([("role", p.get("role"))])


def _amount(a: dict) -> tuple[str, list]:
    value = f"{_number(a.get('value'))} {a.get('currency') or ''}".strip()
    return a.get("text") or "?", _values([
        ("value", value), ("qualifier", a.get("qualifier")),
        ("relevant", "yes" if a.get("relevant") else "no"), ("purpose", a.get("purpose")),
        ("year", a.get("year"))])


def _figure(f: dict) -> tuple[str, list]:
    value = f"{_number(f.get('value'))} {f.get('unit') or ''}".strip()
    return f.get("text") or "?", _values([
        ("metric", f.get("metric")), ("value", value), ("qualifier", f.get("qualifier")),
        ("place", f.get("place")), ("year", f.get("year"))])


def _pairing(p: dict) -> tuple[str, list]:
    helper = f"{p.get('helper') or '?'}" + (f" ({p['helper_adcode']})" if p.get("helper_adcode") else "")
    recipient = f"{p.get('recipient') or '?'}" + (f" ({p['recipient_adcode']})" if p.get("recipient_adcode") else "")
    return f"{helper} → {recipient}", _values([("kind", p.get("kind")), ("text", p.get("text"))])


_DESCRIBE = {"counties": _county, "cadres": _cadre, "persons": _person, "amounts": _amount,
             "poverty_figures": _figure, "pairings": _pairing}


def record_facts(record: dict) -> list[Fact]:
    """The facts of a record as the page lists and highlights them, by kind.

    Counties, cadres and persons are highlighted at each mention; amounts, figures and
    pairings at their span. A person whose name is also a cadre's is shown once, as the
    cadre (the cadre entry carries the posts).
    """
    cadre_names = {c.get("name") for c in fact_items(record, "cadres")}
    facts: list[Fact] = []
    for kind in KINDS:
        for i, item in enumerate(fact_items(record, kind.field)):
            if kind.field == "persons" and item.get("name") in cadre_names:
                continue
            if kind.field in ("counties", "cadres", "persons"):
                spans = _mention_spans(item)
            else:
                spans = [s for s in [_span(item.get("span"))] if s]
            title, values = _DESCRIBE[kind.field](item)
            facts.append(Fact(kind, i, spans, title, values))
    for n, f in enumerate(facts, 1):
        f.number = n
    return facts


def highlighted_count(record: dict) -> int:
    """How many highlights the page draws for a record (one per mention or span)."""
    text = record.get("text") or ""
    return sum(1 for f in record_facts(record) for s in f.spans if s[1] <= len(text)) if text else 0


# ------------------------------------------------------------------------ gold marks

def _gold_text(item: dict, field_name: str) -> Optional[str]:
    if field_name in ("amounts", "poverty_figures"):
        return item.get("text") or None
    if field_name in ("counties", "cadres", "persons"):
        return item.get("name") or None
    return None


def apply_gold(facts: list[Fact], gold: dict, record: dict, result: ArticleResult,
               text: str) -> list[Missed]:
    """Mark spurious facts, and return the missed gold items (found in the text where possible)."""
    by_place = {(f.kind.field, f.index): f for f in facts}
    missed: list[Missed] = []
    taken: dict[str, int] = {}
    for field_name in FIELDS:
        res = result.fields[field_name]
        for shown, at in zip(res.spurious, res.spurious_at):
            fact = by_place.get((field_name, at))
            if fact is None:  # a person shown as its cadre: mark the cadre's entry
                name = fact_items(record, field_name)[at].get("name")
                cadres = fact_items(record, "cadres")
                fact = next(f for f in facts
                            if f.kind.field == "cadres" and cadres[f.index].get("name") == name)
            fact.spurious_lines.append((field_name, shown))
        gold_items = fact_items(gold, field_name)
        for shown, at in zip(res.misses, res.missed_at):
            needle = _gold_text(gold_items[at], field_name) if at < len(gold_items) else None
            span = None
            if needle and text:
                pos = text.find(needle, taken.get(needle, 0))
                if pos >= 0:
                    span = (pos, pos + len(needle))
                    taken[needle] = pos + 1
            missed.append(Missed(KIND_OF_FIELD[field_name], shown, span))
    return missed


# ------------------------------------------------------------------------- rendering

def _units(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences covering the whole text, merged where a highlight crosses a boundary."""
    bounds = sentence_bounds(text) or [(0, len(text))]
    starts = [0] + [s for s, _ in bounds[1:]]
    units = [(a, b) for a, b in zip(starts, starts[1:] + [len(text)])]
    # One sweep over the spans sorted by start (units ascend too): a unit's start is crossed
    # when the furthest end of the spans opened before it lies beyond it.
    by_start = sorted(spans)
    opened, furthest_end = 0, -1
    merged: list[tuple[int, int]] = []
    for a, b in units:
        while opened < len(by_start) and by_start[opened][0] < a:
            furthest_end = max(furthest_end, by_start[opened][1])
            opened += 1
        if merged and furthest_end > a:
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return merged


# displaCy's span view, with templates that add no whitespace (Chinese has no spaces
# between words) and classes and data attributes the page's filters and tests use.
_TEMPLATES = {
    "span": '<span class="tok" style="height: {total_height}px;">{text}{span_slices}{span_starts}</span>',
    "slice": '<span class="slice" data-bg="{bg}" style="background: {bg}; top: {top_offset}px;"></span>',
    "start": ('<span class="start" data-bg="{bg}" style="background: {bg}; top: {top_offset}px;">'
              '<span class="label" data-label="{label}" style="background: {bg};">{label}{kb_link}</span></span>'),
}
#: Private-use characters that mark the end of a token whose trailing space we drop (the
#: first one the text does not contain).
_PLAIN_ENDS = "\ue000\ue001\ue002\ue003\uf8fe\uf8ff"


def _colors() -> dict[str, str]:
    colors = {}
    for k in KINDS:
        colors[k.label] = colors[k.label + SPURIOUS] = k.color
        colors[k.label + MISSED] = k.missed_color
    return colors


def render_unit(text: str, start: int, end: int, marks: list[dict]) -> str:
    """One sentence (or run of sentences) through ``displacy.render(style="span", manual=True)``.

    ``marks``: {"span", "label", "link", "number"} with spans inside [start, end). Characters
    under a highlight are single tokens (so a long highlight wraps); the rest stay whole.
    """
    from spacy import displacy
    cuts = {start, end}
    covered = set()
    for m in marks:
        s, e = m["span"]
        cuts.update((s, e))
        covered.update(range(s, e))
    cuts.update(covered)
    cuts.update(p + 1 for p in covered)
    edges = sorted(c for c in cuts if start <= c <= end)
    plain_end = next(c for c in _PLAIN_ENDS if c not in text)
    tokens, token_at = [], {}
    for a, b in zip(edges, edges[1:]):
        token_at[a] = len(tokens)
        piece = text[a:b]
        # displaCy adds a space after each token it does not highlight (and after
        # highlighted whitespace): the marker lets us take exactly those spaces out again.
        tokens.append(piece if a in covered and piece.strip() else piece + plain_end)
    token_at[end] = len(tokens)
    spans = [{"start_token": token_at[m["span"][0]], "end_token": token_at[m["span"][1]],
              "label": m["label"], "kb_id": str(m["number"]), "kb_url": m["link"]} for m in marks]
    doc = {"text": text[start:end], "tokens": tokens, "spans": spans}
    out = displacy.render(doc, style="span", manual=True, jupyter=False,
                          options={"template": _TEMPLATES, "colors": _colors()})
    out = out.replace(plain_end + " ", "").replace(plain_end, "")
    inner = out.strip()
    return inner[inner.index(">") + 1:inner.rindex("</div>")]


def _marks(aid: str, facts: list[Fact], missed: list[Missed], length: int) -> list[dict]:
    marks = []
    for f in facts:
        label = f.kind.label + (SPURIOUS if f.spurious else "")
        for s in f.spans:
            if s[1] <= length:
                marks.append({"span": s, "label": label, "link": f"#{aid}-f{f.number}", "number": f.number})
    for m in missed:
        if m.span:
            marks.append({"span": m.span, "label": m.kind.label + MISSED,
                          "link": f"#{aid}-m{m.number}", "number": f"m{m.number}"})
    return marks


def _render_text(aid: str, text: str, marks: list[dict]) -> tuple[str, dict[int, int]]:
    """The article's text as sentence units; returns (markup, unit number of each position
    where a fact starts)."""
    units = _units(text, [m["span"] for m in marks])
    parts, unit_of = [], {}
    for n, (a, b) in enumerate(units, 1):
        inside = [m for m in marks if a <= m["span"][0] < b]
        for m in inside:
            unit_of[m["span"][0]] = n
        parts.append(f'<span class="sent" id="{aid}-s{n}">{render_unit(text, a, b, inside)}</span>')
    return "".join(parts), unit_of


def _esc(s: Any) -> str:
    return html.escape(str(s), quote=True)


def _fact_item(aid: str, f: Fact, unit_of: dict[int, int]) -> str:
    units = sorted({unit_of[s[0]] for s in f.spans if s[0] in unit_of})
    links = " ".join(f'<a class="to-sentence" href="#{aid}-s{u}">¶{u}</a>' for u in units)
    values = "".join(f"<dt>{_esc(k)}</dt><dd>{_esc(v)}</dd>" for k, v in f.values)
    mark = "".join(f'<span class="mark" data-field="{_esc(fld)}" data-eval="{_esc(shown)}" '
                   f'title="{_esc(fld)} spurious: {_esc(shown)}">✗ spurious</span> '
                   for fld, shown in f.spurious_lines)
    cls = f"fact kind-{f.kind.name}" + (" spurious" if f.spurious else "")
    return (f'<li id="{aid}-f{f.number}" class="{cls}" data-kind="{f.kind.name}" '
            f'data-field="{f.kind.field}"><span class="num" style="background:{f.kind.color}">'
            f'{f.number}</span> {mark}<b>{_esc(f.title)}</b> <span class="links">{links}</span>'
            f"<dl>{values}</dl></li>")


def _missed_item(aid: str, m: Missed, unit_of: dict[int, int]) -> str:
    link = ""
    if m.span and m.span[0] in unit_of:
        link = f' <a class="to-sentence" href="#{aid}-s{unit_of[m.span[0]]}">¶{unit_of[m.span[0]]}</a>'
    return (f'<li id="{aid}-m{m.number}" class="miss kind-{m.kind.name}" data-kind="{m.kind.name}" '
            f'data-field="{m.kind.field}"><span class="num" style="background:{m.kind.missed_color}">'
            f'm{m.number}</span> <span class="mark">◌ missed</span> '
            f'<span class="shown">{_esc(m.shown)}</span>{link}</li>')


@dataclass
class ArticleView:
    doc_id: str
    record: Optional[dict]
    gold: Optional[dict] = None
    result: Optional[ArticleResult] = None
    facts: list[Fact] = field(default_factory=list)
    missed: list[Missed] = field(default_factory=list)


def _article_html(n: int, view: ArticleView) -> str:
    aid = f"a{n}"
    rec = view.record or {}
    text = rec.get("text") or ""
    marks = _marks(aid, view.facts, view.missed, len(text))
    body, unit_of = _render_text(aid, text, marks) if text else ("", {})
    if not text:
        note = ("this record has no error-free prediction" if view.record is None or "error" in rec
                else "this record carries no text: run <code>fupin run --with-text</code>")
        body = f'<p class="note">{note}</p>'
    items = [_fact_item(aid, f, unit_of) for f in view.facts]
    items += [_missed_item(aid, m, unit_of) for m in view.missed]
    differs = ""
    if view.result is not None:
        differs = "".join(f'<li class="differs" data-field="{_esc(a)}">≠ <b>{_esc(a)}</b> '
                          f'<span class="shown">{_esc(t)}</span></li>'
                          for a, t in view.result.disagreements)
    head = _article_head(view, len(marks) - sum(1 for m in view.missed if m.span))
    return (f'<section class="article" id="{aid}" data-doc-id="{_esc(view.doc_id)}" '
            f'data-highlights="{sum(1 for m in marks if not m["label"].endswith(MISSED))}">{head}'
            f'<div class="cols"><div class="text">{body}</div>'
            f'<ol class="facts">{"".join(items)}{differs}</ol></div></section>')


def _article_head(view: ArticleView, highlights: int) -> str:
    rec = view.record or {}
    meta = " · ".join(_esc(x) for x in (rec.get("published"), rec.get("source")) if x)
    counts = ", ".join(f"{sum(1 for f in view.facts if f.kind is k)} {k.field}" for k in KINDS)
    score = ""
    if view.result is not None:
        r = view.result
        status = "" if r.status == "ok" else f" [{r.status}: scored as empty]"
        score = (f'<p class="score">gold: {sum(len(x.misses) for x in r.fields.values())} missed, '
                 f'{sum(len(x.spurious) for x in r.fields.values())} spurious, '
                 f"{len(r.disagreements)} attribute disagreements{_esc(status)}</p>")
    title = _esc(rec.get("title") or "")
    return (f"<h2>{_esc(view.doc_id)} <small>{title}</small></h2><p class=\"meta\">{meta}</p>"
            f'<p class="counts">{highlights} highlights: {counts}</p>{score}')


# --------------------------------------------------------------------------- the page

def build_views(records: Iterable[Any], gold_dir=None, *,
                all_gold: bool = False) -> tuple[list[ArticleView], list[dict]]:
    """Article views (records in order, then scored gold articles without a record) and
    error records. The gold articles scored are those ``fupin eval`` scores: the ones with a
    record, or every one with ``all_gold`` (as ``--all-gold``)."""
    records = list(load_predictions(records))
    errors: list[dict] = []
    seen: dict[str, ArticleView] = {}
    for rec in records:
        if "error" in rec and not any(k in rec for k in FIELDS):
            errors.append(rec)
        doc = str(rec.get("doc_id"))
        seen[doc] = ArticleView(doc, rec, facts=record_facts(rec))  # the last, as fupin eval
    views = list(seen.values())
    if gold_dir is None:
        return views, errors
    gold: dict[str, dict] = {}
    for _, g in load_gold(gold_dir):
        gold.setdefault(str(g["doc_id"]), g)  # the first file, as fupin eval
    for result in evaluate(gold_dir, records, only_predicted=not all_gold).articles:
        view = seen.get(result.doc_id)
        if view is None:
            view = seen[result.doc_id] = ArticleView(result.doc_id, None)
            views.append(view)
        view.gold, view.result = gold[result.doc_id], result
        text = (view.record or {}).get("text") or ""
        view.missed = apply_gold(view.facts, view.gold, view.record or {}, result, text)
        for n, m in enumerate(view.missed, 1):
            m.number = n
    return views, errors


_CSS = """
body{font-family:"Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;margin:0;color:#222;background:#fafafa}
header{position:sticky;top:0;background:#fff;border-bottom:1px solid #ddd;padding:.5rem 1rem;z-index:50}
header h1{font-size:1.1rem;margin:.2rem 0}
header label{margin-right:.8rem;font-size:.9rem;white-space:nowrap}
.summary{font-size:.85rem;color:#555}
.article{background:#fff;margin:1rem;padding:.5rem 1rem;border:1px solid #e3e3e3;border-radius:6px}
.article h2{font-size:1rem;margin:.3rem 0}.article h2 small{font-weight:normal;color:#555}
.meta,.counts,.score{font-size:.8rem;color:#666;margin:.1rem 0}.score{color:#a33}
.cols{display:grid;grid-template-columns:minmax(0,3fr) minmax(16rem,2fr);gap:1rem}
.text{white-space:pre-wrap;line-height:2.6;font-size:15px}
.sent{border-radius:3px}.sent:target{background:#fff3b0}
.tok{font-weight:bold;display:inline-block;position:relative}
.slice{height:4px;left:-1px;width:calc(100% + 2px);position:absolute}
.start{height:4px;border-top-left-radius:3px;border-bottom-left-radius:3px;left:-1px;width:calc(100% + 2px);position:absolute}
.label{z-index:10;color:#000;top:-.5em;padding:1px 3px;position:absolute;font-size:.55em;font-weight:bold;line-height:1;border-radius:3px;white-space:nowrap}
.label a{text-decoration:none;color:inherit;font-weight:normal}
.label[data-label$="spurious"]{outline:2px solid #d00}
.label[data-label$="missed"]{outline:1px dashed #777}
.facts{list-style:none;padding:0;margin:0;font-size:.82rem;max-height:80vh;overflow:auto}
.facts li{border-bottom:1px solid #eee;padding:.25rem 0}.facts li:target{background:#fff3b0}
.facts .num{display:inline-block;min-width:1.4em;text-align:center;border-radius:3px;font-size:.75rem}
.facts dl{margin:.1rem 0 0 1.8em;display:grid;grid-template-columns:max-content 1fr;gap:0 .5em}
.facts dt{color:#777}.facts dd{margin:0}
.mark{color:#c00;font-weight:bold}.spurious{background:#fff0f0}.miss{background:#f4f4f4}
.differs{color:#a50}.note{color:#a33}
.links a{font-size:.75rem;color:#06c;text-decoration:none}
"""

_JS = """
(function(){
  function apply(){
    document.querySelectorAll('input.kind-filter').forEach(function(box){
      document.body.classList.toggle('hide-'+box.value, !box.checked);
    });
  }
  document.querySelectorAll('input.kind-filter').forEach(function(box){box.addEventListener('change', apply);});
  var marked = document.getElementById('only-marked');
  if (marked) marked.addEventListener('change', function(){document.body.classList.toggle('only-marked', marked.checked);});
  // What the browser drew, for the reader and for the tests: highlights that start a fact
  // (missed gold items excluded), and those with a size on the page.
  var starts = Array.prototype.filter.call(document.querySelectorAll('.article .label'), function(l){
    return !/missed$/.test(l.getAttribute('data-label'));
  });
  var shown = starts.filter(function(l){var r = l.getBoundingClientRect(); return r.width > 0 && r.height > 0;});
  document.body.setAttribute('data-rendered-highlights', String(starts.length));
  document.body.setAttribute('data-visible-highlights', String(shown.length));
  var out = document.getElementById('rendered');
  if (out) out.textContent = starts.length + ' highlights drawn';
  apply();
})();
"""


def _filter_css() -> str:
    rules = []
    for k in KINDS:
        sel = f'body.hide-{k.name}'
        rules.append(f'{sel} [data-bg="{k.color}"],{sel} [data-bg="{k.missed_color}"],'
                     f'{sel} li[data-kind="{k.name}"]{{display:none}}')
    rules.append("body.only-marked .facts li.fact:not(.spurious){display:none}")
    return "\n".join(rules)


def render_page(views: list[ArticleView], errors: list[dict], *, title: str = "fupin review") -> str:
    filters = "".join(f'<label style="background:{k.color}33"><input type="checkbox" class="kind-filter" '
                      f'value="{k.name}" checked> {k.label.lower()}</label>' for k in KINDS)
    gold = any(v.result is not None for v in views)
    if gold:
        filters += '<label><input type="checkbox" id="only-marked"> only marked items</label>'
    totals = _totals(views)
    err = ""
    if errors:
        err = "<section class=\"article\"><h2>error records</h2><ul>" + "".join(
            f"<li>{_esc(e.get('doc_id'))}: {_esc(json.dumps(e.get('error'), ensure_ascii=False))}</li>"
            for e in errors) + "</ul></section>"
    articles = "".join(_article_html(n, v) for n, v in enumerate(views, 1))
    return ("<!DOCTYPE html><html lang=\"zh\"><head><meta charset=\"utf-8\">"
            f"<title>{_esc(title)}</title><style>{_CSS}{_filter_css()}</style></head><body>"
            f"<header><h1>{_esc(title)}</h1><div>{filters}</div>"
            f'<p class="summary">{totals} · <span id="rendered"></span></p></header>'
            f"{articles}{err}<script>{_JS}</script></body></html>")


def _totals(views: list[ArticleView]) -> str:
    facts = sum(len(v.facts) for v in views)
    out = f"{len(views)} articles, {facts} facts"
    scored = [v.result for v in views if v.result is not None]
    if scored:
        miss = sum(len(f.misses) for r in scored for f in r.fields.values())
        spur = sum(len(f.spurious) for r in scored for f in r.fields.values())
        diff = sum(len(r.disagreements) for r in scored)
        out += (f'; against gold ({len(scored)} articles): <span id="n-missed">{miss}</span> missed, '
                f'<span id="n-spurious">{spur}</span> spurious, <span id="n-differs">{diff}</span> '
                "attribute disagreements (as fupin eval --misses)")
    return out


def review(records: Union[str, Path, Iterable[Any]], out: Union[str, Path], *, gold=None,
           all_gold: bool = False, title: Optional[str] = None) -> dict:
    """Write the review page for ``records`` (a JSONL path, Records or record dicts)."""
    if not isinstance(records, (str, Path)):
        records = [_with_text(r) for r in records]
    views, errors = build_views(records, gold, all_gold=all_gold)
    page = render_page(views, errors, title=title or "fupin review")
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    Path(out).write_text(page, encoding="utf-8")
    return {"articles": len(views), "facts": sum(len(v.facts) for v in views),
            "highlights": sum(highlighted_count(v.record) for v in views if v.record),
            "errors": len(errors)}


def _with_text(record: Any) -> Any:
    """A Record keeps its text outside the JSON: put it back for the page."""
    if isinstance(record, Record):
        d = record.to_dict()
        d["text"] = record.text
        return d
    return record


def run_cli(records: str, out: str, gold: Optional[str] = None, all_gold: bool = False) -> int:
    """``fupin review RECORDS.jsonl [--gold GOLD_DIR [--all-gold]] -o review.html``."""
    import sys
    try:
        summary = review(records, out, gold=gold, all_gold=all_gold)
    except (FileNotFoundError, ValueError) as err:
        print(f"fupin review: {err}", file=sys.stderr)
        return 2
    print(f"fupin review: {summary['articles']} articles, {summary['facts']} facts, "
          f"{summary['highlights']} highlights → {out}", file=sys.stderr)
    return 0
