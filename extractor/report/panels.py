"""Panels across articles, rebuilt from the records (JSONL) alone.

    fupin panel out/records.jsonl -o out/panels/

writes, as Parquet and CSV (and the network as GraphML for Gephi):

- ``county_year``: one row per county and year: articles, relevant CNY amounts, figures,
  helpers named; with the long tables ``county_year_amounts`` (by purpose and currency,
  relevant amounts only), ``county_year_figures`` (by metric) and ``county_year_helpers``.
- ``cadres``: one row per cadre across articles (every article and post listed), and
  ``cadre_mentions``: one row per cadre entry of an article, with the ``cadre_id`` it was
  linked to and why.
- ``pairing_edges`` and ``pairing_nodes``, and ``pairings.graphml``: helper → recipient
  with kinds, years and the articles that state it.

Everything is sorted and summed exactly (``Decimal``), so the same records give the same
bytes, in whatever order and from however many processes they came.

How facts are placed (the rules, in order; the first that applies wins):

- the **year** of a fact is its own ``year``, else the article's (``published``, else
  ``reference_date``);
- an **amount** (relevant ones only) belongs to a recipient county of the article named in
  the same sentence (the nearest mention before it, else the first after; needs the
  record's ``text``, from ``fupin run --with-text``), else to the article's only recipient
  county, else to no county (a row with an empty ``adcode``, so totals still add up);
- a **figure** with a ``place`` belongs to that county when the place is one of the
  article's counties, and to no county when the place is a prefecture or province;
  a figure without a place follows the amount rules;
- a **helper** is named for a county and year when a pairing of the article has that
  county as its recipient.

Cadres across articles (:func:`link_cadres`): entries with the same name are one cadre
when they share evidence — their origins agree (both given; the evaluator's lenient
comparison, :func:`extractor.lexicon.places.origins_agree`), or they share a post's place
(by the unit's own name) or a post's title. Entries whose origins are both given and
disagree are namesakes and never join, not even through a third entry. An entry with
neither origin nor posts stays on its own. Posts at different places are no conflict:
cadres move. Entries of one name within one article are one person.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterable, Optional, Union

from ..lexicon.places import canonical_place, clean_name, origins_agree
from ..text.sentences import TextIndex
from .evaluate import fact_items, load_predictions

NO_COUNTY = ""  # adcode of the row that collects facts placed in no county


# ------------------------------------------------------------------------- reading

def _year(value: Any) -> Optional[int]:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and re.match(r"^\d{4}", value):
        return int(value[:4])
    return None


def article_year(record: dict) -> Optional[int]:
    return _year(record.get("published")) or _year(record.get("reference_date"))


def load_records(records: Union[str, Path, Iterable[Any]]) -> list[dict]:
    """Record dicts without error records, sorted by doc_id (so input order never matters)."""
    out = [r for r in load_predictions(records) if "error" not in r]
    return sorted(out, key=lambda r: str(r.get("doc_id")))


def _dec(value: Any) -> Optional[Decimal]:
    if value is None or isinstance(value, bool):
        return None
    try:
        return Decimal(str(value))
    except ArithmeticError:
        return None


def _num(d: Optional[Decimal]) -> Optional[float]:
    return None if d is None else float(d)


@dataclass
class CountyRef:
    adcode: str
    name: str
    province: Optional[str] = None
    prefecture: Optional[str] = None


def _county_ref(c: dict) -> CountyRef:
    name = canonical_place(c.get("name")) or clean_name(c.get("name"))
    code = str(c.get("adcode") or "") or f"name:{name}"
    return CountyRef(code, name, c.get("province"), c.get("prefecture"))


# ------------------------------------------------------------------ placing facts

class Placer:
    """Which county of one article a fact belongs to (the rules in the module docstring)."""

    def __init__(self, record: dict):
        self.counties = [(_county_ref(c), c) for c in fact_items(record, "counties")]
        self.recipients = [ref for ref, c in self.counties if c.get("role") == "recipient"]
        self.by_name = {ref.name: ref for ref, _ in self.counties}
        text = record.get("text") or ""
        self.index = TextIndex(text) if text else None
        self.mentions = sorted(
            (m["span"][0], ref.adcode) for ref, c in self.counties if c.get("role") == "recipient"
            for m in c.get("mentions") or [] if isinstance(m, dict) and _ok_span(m.get("span")))
        self.refs = {ref.adcode: ref for ref, _ in self.counties}

    def _same_sentence(self, span: Any) -> Optional[CountyRef]:
        if self.index is None or not _ok_span(span):
            return None
        start, end = self.index.sentence_of(span[0])
        inside = [(pos, code) for pos, code in self.mentions if start <= pos < end]
        before = [x for x in inside if x[0] <= span[0]]
        pick = before[-1] if before else (inside[0] if inside else None)
        return self.refs[pick[1]] if pick else None

    def place_amount(self, fact: dict) -> Optional[CountyRef]:
        found = self._same_sentence(fact.get("span"))
        if found is None and len(self.recipients) == 1:
            found = self.recipients[0]
        return found

    def place_figure(self, fact: dict) -> Optional[CountyRef]:
        place = canonical_place(fact.get("place"))
        if place:
            return self.by_name.get(place)
        return self.place_amount(fact)


def _ok_span(span: Any) -> bool:
    return isinstance(span, (list, tuple)) and len(span) == 2 and all(isinstance(x, int) for x in span)


# --------------------------------------------------------------- county × year

def _cell(table: dict, key: tuple, **init) -> dict:
    if key not in table:
        table[key] = {**init, "doc_ids": set()}
    return table[key]


def _joined(values: Iterable[Any], sep: str = ";") -> str:
    return sep.join(sorted({str(v) for v in values if v not in (None, "")}))


def county_panels(records: list[dict]) -> dict[str, list[dict]]:
    """The four county × year tables as lists of rows."""
    amounts: dict[tuple, dict] = {}
    figures: dict[tuple, dict] = {}
    helpers: dict[tuple, dict] = {}
    articles: dict[tuple, dict] = {}
    refs: dict[str, CountyRef] = {NO_COUNTY: CountyRef(NO_COUNTY, "(no county)")}
    for rec in records:
        doc, year, placer = str(rec.get("doc_id")), article_year(rec), Placer(rec)
        for ref, c in placer.counties:
            refs.setdefault(ref.adcode, ref)
            cell = _cell(articles, (ref.adcode, year), roles=set())
            cell["doc_ids"].add(doc)
            cell["roles"].add(c.get("role") or "other")
        for a in fact_items(rec, "amounts"):
            if not a.get("relevant") or _dec(a.get("value")) is None:
                continue
            ref = placer.place_amount(a)
            key = (ref.adcode if ref else NO_COUNTY, _year(a.get("year")) or year,
                   a.get("purpose") or "", a.get("currency") or "")
            cell = _cell(amounts, key, total=Decimal(0), n=0)
            cell["total"] += _dec(a.get("value"))
            cell["n"] += 1
            cell["doc_ids"].add(doc)
        for f in fact_items(rec, "poverty_figures"):
            ref = placer.place_figure(f)
            key = (ref.adcode if ref else NO_COUNTY, _year(f.get("year")) or year,
                   f.get("metric") or "", f.get("unit") or "")
            cell = _cell(figures, key, values=[])
            if _dec(f.get("value")) is not None:
                cell["values"].append(_dec(f.get("value")))
            cell["doc_ids"].add(doc)
        for p in fact_items(rec, "pairings"):
            _add_helper(helpers, placer, p, year, doc)
    return _county_rows(refs, articles, amounts, figures, helpers)


def _add_helper(helpers: dict, placer: Placer, p: dict, year: Optional[int], doc: str) -> None:
    recipient = canonical_place(p.get("recipient"))
    ref = next((r for r, _ in placer.counties
                if (p.get("recipient_adcode") and r.adcode == str(p["recipient_adcode"]))
                or r.name == recipient), None)
    if ref is None:
        return
    helper = canonical_place(p.get("helper")) or ""
    cell = _cell(helpers, (ref.adcode, year, helper), kinds=set(), helper_adcode=set())
    cell["kinds"].add(p.get("kind"))
    cell["helper_adcode"].add(p.get("helper_adcode"))
    cell["doc_ids"].add(doc)


def _base(refs: dict, code: str, year: Optional[int]) -> dict:
    ref = refs.get(code) or CountyRef(code, code)
    return {"adcode": code, "county": ref.name, "province": ref.province or "",
            "prefecture": ref.prefecture or "", "year": year}


def _sort_key(key: tuple) -> tuple:
    return tuple((x is None, "" if x is None else x) for x in key)


def _county_rows(refs, articles, amounts, figures, helpers) -> dict[str, list[dict]]:
    amount_rows = [{**_base(refs, k[0], k[1]), "purpose": k[2], "currency": k[3],
                    "total": _num(v["total"]), "amounts": v["n"], "articles": len(v["doc_ids"]),
                    "doc_ids": _joined(v["doc_ids"])} for k, v in sorted(amounts.items(), key=lambda kv: _sort_key(kv[0]))]
    figure_rows = [{**_base(refs, k[0], k[1]), "metric": k[2], "unit": k[3],
                    "figures": len(v["values"]), "min": _num(min(v["values"], default=None)),
                    "max": _num(max(v["values"], default=None)),
                    "values": json.dumps([_num(x) for x in sorted(v["values"])]),
                    "articles": len(v["doc_ids"]), "doc_ids": _joined(v["doc_ids"])}
                   for k, v in sorted(figures.items(), key=lambda kv: _sort_key(kv[0]))]
    helper_rows = [{**_base(refs, k[0], k[1]), "helper": k[2],
                    "helper_adcode": _joined(v["helper_adcode"]), "kinds": _joined(v["kinds"]),
                    "articles": len(v["doc_ids"]), "doc_ids": _joined(v["doc_ids"])}
                   for k, v in sorted(helpers.items(), key=lambda kv: _sort_key(kv[0]))]
    return {"county_year": _summary_rows(refs, articles, amounts, figures, helpers),
            "county_year_amounts": amount_rows, "county_year_figures": figure_rows,
            "county_year_helpers": helper_rows}


def _summary_rows(refs, articles, amounts, figures, helpers) -> list[dict]:
    keys = {k[:2] for table in (articles, amounts, figures, helpers) for k in table}
    rows = []
    for code, year in sorted(keys, key=_sort_key):
        art = articles.get((code, year), {"doc_ids": set(), "roles": set()})
        cny = [v for k, v in amounts.items() if k[:2] == (code, year) and k[3] == "CNY"]
        figs = [v for k, v in figures.items() if k[:2] == (code, year)]
        named = [k[2] for k in helpers if k[:2] == (code, year)]
        rows.append({**_base(refs, code, year), "articles": len(art["doc_ids"]),
                     "roles": _joined(art["roles"]), "doc_ids": _joined(art["doc_ids"]),
                     "relevant_cny": _num(sum((v["total"] for v in cny), Decimal(0))),
                     "amounts": sum(v["n"] for v in cny),
                     "figures": sum(len(v["values"]) for v in figs),
                     "helpers": _joined(named, "、")})
    return rows


# ----------------------------------------------------------------------- cadres

@dataclass
class CadreEntry:
    """One article's cadre, as the linking sees it."""
    doc_id: str
    index: int
    name: str
    origin: Optional[str]
    posts: list[str]
    places: set[str] = field(default_factory=set)
    titles: set[str] = field(default_factory=set)
    year: Optional[int] = None

    @classmethod
    def of(cls, doc_id: str, index: int, c: dict, year: Optional[int] = None) -> "CadreEntry":
        posts = [p for p in c.get("posts") or [] if isinstance(p, dict)]
        return cls(doc_id=doc_id, index=index, name=clean_name(c.get("name")),
                   origin=clean_name(c.get("origin")) or None,
                   posts=[_post_text(p) for p in posts],
                   places={x for x in (canonical_place(p.get("place")) for p in posts) if x},
                   titles={clean_name(p.get("title")) for p in posts if clean_name(p.get("title"))},
                   year=year)


def _post_text(p: dict) -> str:
    return clean_name(p.get("title")) + (f"@{canonical_place(p['place'])}" if p.get("place") else "")


def evidence(a: CadreEntry, b: CadreEntry) -> Optional[str]:
    """Why two same-name entries are one cadre, or None."""
    if a.origin and b.origin and origins_agree(a.origin, b.origin):
        return "origin"
    if a.places & b.places:
        return "post place"
    if a.titles & b.titles:
        return "post title"
    return None


def conflict(a: CadreEntry, b: CadreEntry) -> bool:
    """Namesakes: both origins given, and they disagree."""
    return bool(a.origin and b.origin and not origins_agree(a.origin, b.origin))


class _Clusters:
    """Union-find over nodes, refusing a union that would put disagreeing origins together."""

    def __init__(self, origins: list[set[str]]):
        self.parent = list(range(len(origins)))
        self.origins = origins  # per root: every origin in the cluster

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int, check: bool = True) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if check and any(not origins_agree(x, y) for x in self.origins[ra] for y in self.origins[rb]):
            return  # namesakes: never joined, not even through a third entry
        lo, hi = min(ra, rb), max(ra, rb)
        self.parent[hi] = lo
        self.origins[lo] |= self.origins[hi]


def _profile(e: CadreEntry) -> tuple:
    return (e.origin, tuple(sorted(e.places)), tuple(sorted(e.titles)))


def _link_name(group: list[CadreEntry]) -> list[int]:
    """Cluster number (0, 1, …) of each entry of one name, sorted by (doc_id, index).

    Entries with the same origin and posts are one node (so a name in a hundred thousand
    articles with a few distinct profiles costs a few comparisons); nodes are compared
    pairwise.
    """
    nodes: list[int] = []          # node → its first entry
    node_of: list[int] = []        # entry → node
    by_profile: dict[tuple, int] = {}
    for i, e in enumerate(group):
        prof = _profile(e)
        if prof in by_profile:
            node = by_profile[prof]
        else:
            node = len(nodes)
            nodes.append(i)
            if prof != (None, (), ()):  # an entry with nothing to compare stays alone
                by_profile[prof] = node
        node_of.append(node)
    clusters = _Clusters([{group[i].origin} - {None} for i in nodes])
    first_in_doc: dict[str, int] = {}
    for i, e in enumerate(group):
        clusters.union(node_of[first_in_doc.setdefault(e.doc_id, i)], node_of[i], check=False)
    for a in range(len(nodes)):
        for b in range(a + 1, len(nodes)):
            if evidence(group[nodes[a]], group[nodes[b]]):
                clusters.union(a, b)
    roots: dict[int, int] = {}
    return [roots.setdefault(clusters.find(node_of[i]), len(roots)) for i in range(len(group))]


def link_cadres(entries: Iterable[CadreEntry]) -> dict[tuple[str, int], tuple[str, str]]:
    """(doc_id, index) → (cadre_id, why it joined its cadre): the rule of the module docstring.

    ``cadre_id`` is the name and a number in order of first appearance (黄斌#1, 黄斌#2); why
    is ``first`` for a cadre's first entry, else what it shares with that entry (``same
    article``, ``origin``, ``post place``, ``post title``) or ``through another entry``.
    """
    by_name: dict[str, list[CadreEntry]] = defaultdict(list)
    for e in entries:
        if e.name:
            by_name[e.name].append(e)
    out: dict[tuple[str, int], tuple[str, str]] = {}
    for name in sorted(by_name):
        group = sorted(by_name[name], key=lambda e: (e.doc_id, e.index))
        numbers = _link_name(group)
        first: dict[int, CadreEntry] = {}
        for e, n in zip(group, numbers):
            head = first.setdefault(n, e)
            if head is e:
                why = "first"
            elif head.doc_id == e.doc_id:
                why = "same article"
            else:
                why = evidence(head, e) or "through another entry"
            out[(e.doc_id, e.index)] = (f"{name}#{n + 1}", why)
    return out


def cadre_entries(records: list[dict]) -> list[CadreEntry]:
    return [CadreEntry.of(str(r.get("doc_id")), i, c, article_year(r))
            for r in records for i, c in enumerate(fact_items(r, "cadres"))]


def cadre_panels(records: list[dict]) -> dict[str, list[dict]]:
    entries = cadre_entries(records)
    links = link_cadres(entries)
    mentions, cadres = [], defaultdict(list)
    for e in entries:
        if not e.name:
            continue
        cid, why = links[(e.doc_id, e.index)]
        cadres[cid].append(e)
        mentions.append({"cadre_id": cid, "name": e.name, "doc_id": e.doc_id, "index": e.index,
                         "year": e.year, "origin": e.origin or "", "posts": "; ".join(e.posts),
                         "linked_by": why})
    mentions.sort(key=lambda m: (m["cadre_id"], m["doc_id"], m["index"]))
    rows = []
    for cid in sorted(cadres):
        es = cadres[cid]
        rows.append({"cadre_id": cid, "name": es[0].name, "articles": len({e.doc_id for e in es}),
                     "doc_ids": _joined(e.doc_id for e in es),
                     "years": _joined(e.year for e in es),
                     "origins": _joined((e.origin for e in es), "; "),
                     "posts": _joined((p for e in es for p in e.posts), "; "),
                     "places": _joined((p for e in es for p in e.places), "、")})
    return {"cadres": rows, "cadre_mentions": mentions}


# ---------------------------------------------------------------------- network

def pairing_panels(records: list[dict]) -> dict[str, list[dict]]:
    edges: dict[tuple[str, str], dict] = {}
    for rec in records:
        doc, year = str(rec.get("doc_id")), article_year(rec)
        for p in fact_items(rec, "pairings"):
            h, r = canonical_place(p.get("helper")), canonical_place(p.get("recipient"))
            if not h or not r:
                continue
            cell = _cell(edges, (h, r), kinds=set(), years=set(), h_code=set(), r_code=set())
            cell["kinds"].add(p.get("kind"))
            cell["years"].add(year)
            cell["h_code"].add(p.get("helper_adcode"))
            cell["r_code"].add(p.get("recipient_adcode"))
            cell["doc_ids"].add(doc)
    edge_rows = [{"helper": h, "recipient": r, "helper_adcode": _joined(v["h_code"]),
                  "recipient_adcode": _joined(v["r_code"]), "kinds": _joined(v["kinds"]),
                  "years": _joined(v["years"]), "articles": len(v["doc_ids"]),
                  "doc_ids": _joined(v["doc_ids"])} for (h, r), v in sorted(edges.items())]
    nodes: dict[str, dict] = {}
    for e in edge_rows:
        for side, other in (("helper", "recipient"), ("recipient", "helper")):
            n = nodes.setdefault(e[side], {"name": e[side], "adcode": set(), "helps": 0,
                                           "helped_by": 0, "doc_ids": set()})
            n["adcode"].add(e[f"{side}_adcode"])
            n["helps" if side == "helper" else "helped_by"] += 1
            n["doc_ids"].update(e["doc_ids"].split(";"))
    node_rows = [{"name": k, "adcode": _joined(v["adcode"]), "helps": v["helps"],
                  "helped_by": v["helped_by"], "articles": len(v["doc_ids"] - {""})}
                 for k, v in sorted(nodes.items())]
    return {"pairing_edges": edge_rows, "pairing_nodes": node_rows}


def network(panels: dict[str, list[dict]]):
    """The pairing network as a networkx DiGraph (nodes: places; edges: helper → recipient)."""
    import networkx as nx
    g = nx.DiGraph()
    for n in panels["pairing_nodes"]:
        g.add_node(n["name"], adcode=n["adcode"], helps=n["helps"], helped_by=n["helped_by"],
                   articles=n["articles"])
    for e in panels["pairing_edges"]:
        g.add_edge(e["helper"], e["recipient"], kinds=e["kinds"], years=e["years"],
                   articles=e["articles"], doc_ids=e["doc_ids"])
    return g


# ------------------------------------------------------------------------- output

def build_panels(records: Union[str, Path, Iterable[Any]]) -> dict[str, list[dict]]:
    """All panels as {table name: rows}, from a JSONL path or record dicts / Records."""
    recs = load_records(records)
    return {**county_panels(recs), **cadre_panels(recs), **pairing_panels(recs)}


_EMPTY_COLUMNS = {
    "county_year": ["adcode", "county", "province", "prefecture", "year", "articles", "roles",
                    "doc_ids", "relevant_cny", "amounts", "figures", "helpers"],
    "county_year_amounts": ["adcode", "county", "province", "prefecture", "year", "purpose",
                            "currency", "total", "amounts", "articles", "doc_ids"],
    "county_year_figures": ["adcode", "county", "province", "prefecture", "year", "metric",
                            "unit", "figures", "min", "max", "values", "articles", "doc_ids"],
    "county_year_helpers": ["adcode", "county", "province", "prefecture", "year", "helper",
                            "helper_adcode", "kinds", "articles", "doc_ids"],
    "cadres": ["cadre_id", "name", "articles", "doc_ids", "years", "origins", "posts", "places"],
    "cadre_mentions": ["cadre_id", "name", "doc_id", "index", "year", "origin", "posts",
                       "linked_by"],
    "pairing_edges": ["helper", "recipient", "helper_adcode", "recipient_adcode", "kinds",
                      "years", "articles", "doc_ids"],
    "pairing_nodes": ["name", "adcode", "helps", "helped_by", "articles"],
}


def to_frames(panels: dict[str, list[dict]]) -> dict[str, Any]:
    import pandas as pd
    frames = {}
    for name, rows in panels.items():
        frame = pd.DataFrame(rows, columns=_EMPTY_COLUMNS.get(name))
        if "year" in frame.columns:
            frame["year"] = frame["year"].astype("Int64")
        frames[name] = frame
    return frames


def write_panels(records: Union[str, Path, Iterable[Any]], folder: Union[str, Path]) -> dict[str, int]:
    """Write every panel as ``NAME.parquet`` and ``NAME.csv``, and ``pairings.graphml``."""
    import networkx as nx
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    panels = build_panels(records)
    for name, frame in to_frames(panels).items():
        frame.to_parquet(folder / f"{name}.parquet", index=False)
        frame.to_csv(folder / f"{name}.csv", index=False, lineterminator="\n")
    nx.write_graphml(network(panels), folder / "pairings.graphml")
    return {name: len(rows) for name, rows in panels.items()}


def run_cli(records: str, out: str) -> int:
    """``fupin panel RECORDS.jsonl -o DIR``."""
    import sys
    try:
        counts = write_panels(records, out)
    except (FileNotFoundError, ValueError) as err:
        print(f"fupin panel: {err}", file=sys.stderr)
        return 2
    shown = ", ".join(f"{n} {k}" for k, n in counts.items())
    print(f"fupin panel: {shown} → {out}", file=sys.stderr)
    return 0
