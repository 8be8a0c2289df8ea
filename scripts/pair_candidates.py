#!/usr/bin/env python3
"""Pairings, issue 11: how many dev gold pairings could a pair scorer reach at all?

For every DEV gold pairing (seeds, real-news dev, archive dev, web pages dev; never a held-out
list: gold/HELDOUT.txt, FRESH.txt, FRESH_ARCHIVE.txt, FRESH_PAGES.txt), is each party found as
a mention by the pairings stage's own party reader (sentence_parties: places, organisations,
我市, pair abbreviations …), and do both parties stand in one cue sentence / one paragraph
holding a cue sentence? Prints the ceiling table; ``docs()`` (every dev article's gold, the
rules' pairings and the parties of each sentence) is what scripts/train_pair_model.py reads.

Result on main f817873 (2026-12-06): of 338 dev gold pairings the rules find 265; 284 have both
parties in one cue sentence (40 of them missed by the rules), 24 more only in one paragraph
holding a cue sentence; 17 have a helper the party reader never reads (bare 市工商联, 区教育局, …).

    python scripts/pair_candidates.py            # the table
    python scripts/pair_candidates.py --list     # also each gold pairing that is no candidate
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from accuracy import GOLD, archive_jobs, id_list, jobs, page_jobs  # noqa: E402
from extractor.article import Article  # noqa: E402
from extractor.lexicon.places import canonical_place  # noqa: E402
from extractor.pipeline import STAGES, _article_data  # noqa: E402
from extractor.stages import pairings as P  # noqa: E402
from extractor.text.normalize import normalize  # noqa: E402

KEPT_OUT = ("HELDOUT.txt", "FRESH.txt", "FRESH_ARCHIVE.txt", "FRESH_PAGES.txt")
_UP_TO_PAIRINGS = tuple(s for s in STAGES if s.name in ("dates", "counties", "pairings"))


@dataclass
class Mention:
    """One party of a sentence as the stage reads it (plain data)."""
    start: int
    end: int
    name: str                      # canonical name (helper side)
    recipient: str | None          # canonical place name when the party is a place
    level: str | None              # province | prefecture | county | None (organisation)
    adcode: str | None
    org: bool
    deictic: bool
    pair: bool = False             # one side of a province-pair abbreviation (闽宁)
    party: object = None           # the stage's Party

    @property
    def kind(self) -> str:
        return "org" if self.org else (self.level or "org")

    @property
    def province(self) -> str | None:
        return self.adcode[:2] if self.adcode and not self.org else None


@dataclass
class Sentence:
    s: int
    e: int
    paragraph: int
    cues: list[tuple[int, int, str]]       # (start, end, cue family: the cue's kind)
    mentions: list[Mention]


@dataclass
class Doc:
    doc_id: str
    column: str
    text: str
    gold: set[tuple[str, str]]
    rules: set[tuple[str, str]]            # the rules' pairings (canonical keys)
    east: frozenset = frozenset()
    west: frozenset = frozenset()
    rule_spans: set = field(default_factory=set)   # (sentence start, recipient) of each rules' pairing
    sentences: list[Sentence] = field(default_factory=list)   # every sentence with a party


def dev_jobs() -> list[tuple[dict, Path, str]]:
    """(job, gold path, column) of every dev article."""
    kept = set().union(*(id_list(n) for n in KEPT_OUT))
    warnings, notes = [], []
    out = []
    for job in jobs(warnings):
        if job["doc_id"] in kept:
            continue
        if str(job["source"]).startswith("corpus/"):
            g, col = GOLD / f"{job['doc_id']}.json", "seeds"
        else:
            g, col = GOLD / "real-news" / f"{job['doc_id']}.json", "real-news dev"
        if g.is_file():
            out.append((job, g, col))
    for job in archive_jobs(notes):
        if job["doc_id"] not in kept:
            out.append((job, GOLD / "archive" / f"{job['doc_id']}.json", "archive dev"))
    pages, _ = page_jobs(notes)
    for job in pages:
        if job["doc_id"] not in kept:
            out.append((job, GOLD / "pages" / f"{job['doc_id']}.json", "web pages dev"))
    return out


def _key(h: str, r: str) -> tuple[str, str]:
    return canonical_place(h), canonical_place(r)


def read_doc(job: dict, gold_path: Path, column: str) -> Doc:
    rules_of = {s.name: s.load_rules(None) for s in _UP_TO_PAIRINGS}
    norm = normalize(_article_data(Path(job["path"]).read_bytes()))
    article = Article(norm=norm, doc_id=job["doc_id"], title=job["title"], published=job["published"])
    for spec in _UP_TO_PAIRINGS:
        spec.run(article, rules_of[spec.name])
    rules: P.PairingRules = rules_of["pairings"]
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = article.text
    doc = Doc(job["doc_id"], column, text,
              {_key(p["helper"], p["recipient"]) for p in gold.get("pairings") or []},
              {_key(p.helper, p.recipient) for p in article.facts["pairings"]})
    doc.east, doc.west = frozenset(rules.east_helpers), frozenset(rules.west_recipients)
    for p in article.facts["pairings"]:
        doc.rule_spans.add((article.sentence_of(p.span[0])[0], canonical_place(p.recipient)))
    counties = article.facts.get("counties", [])
    county_at = {m.span[0]: c for c in counties for m in c.mentions}
    cues: dict[tuple[int, int], list] = {}
    for m in rules.cue_pattern.finditer(text):
        cues.setdefault(article.sentence_of(m.start()), []).append(
            (m.start(), m.end(), rules.cues[m.group()].kind))
    abbreviations = P._Abbreviations(text, rules)
    ctx = P.Context(article, rules, set(cues), counties, abbreviations)
    for s, e in article.sentences:
        if not ctx.may_name_party(s, e):
            continue
        mentions = []
        for p in P.sentence_parties(text, s, e, rules, county_at, ctx):
            if p.pair is not None:
                a, b = p.pair
                mentions.append(Mention(p.start, p.end, canonical_place(a.name), canonical_place(a.name),
                                        a.level, a.adcode, False, False, True, p))
                mentions.append(Mention(p.start, p.end, canonical_place(b.name), canonical_place(b.name),
                                        b.level, b.adcode, False, False, True, p))
                continue
            if p.org:
                name = abbreviations.full(p.org)
            elif p.place is not None:
                name = p.place.name
            else:
                continue
            place = p.place     # an organisation of a place receives as its place (Party.recipient)
            mentions.append(Mention(p.start, p.end, canonical_place(name),
                                    canonical_place(place.name) if place else None,
                                    place.level if place else None, place.adcode if place else None,
                                    bool(p.org), p.deictic, False, p))
        if mentions:
            doc.sentences.append(Sentence(s, e, article.index.paragraph_index(s), cues.get((s, e), []),
                                          mentions))
    return doc


def docs(limit: int | None = None) -> list[Doc]:
    todo = dev_jobs()[:limit]
    return [read_doc(*t) for t in todo]


def ceiling(all_docs: list[Doc], listing: bool = False) -> str:
    cols = ["seeds", "real-news dev", "archive dev", "web pages dev"]
    rows = Counter()
    why_list = []
    for d in all_docs:
        helpers_anywhere = {m.name for st in d.sentences for m in st.mentions}
        recips_anywhere = {m.recipient for st in d.sentences for m in st.mentions if m.recipient}
        cue_paragraphs = {st.paragraph for st in d.sentences if st.cues}
        sent_pairs, para_pairs, nocue_sent = set(), set(), set()
        by_par: dict[int, list[Mention]] = {}
        for st in d.sentences:
            hs = {m.name for m in st.mentions if not m.deictic}
            rs = {m.recipient for m in st.mentions if m.recipient}
            pairs = {(h, r) for h in hs for r in rs if h != r}
            (sent_pairs if st.cues else nocue_sent).update(pairs)
            if st.paragraph in cue_paragraphs:
                by_par.setdefault(st.paragraph, []).extend(st.mentions)
        for ms in by_par.values():
            hs = {m.name for m in ms if not m.deictic}
            rs = {m.recipient for m in ms if m.recipient}
            para_pairs |= {(h, r) for h in hs for r in rs if h != r}
        for key in d.gold:
            c = d.column
            rows[(c, "gold")] += 1
            if key in d.rules:
                rows[(c, "rules")] += 1
            if key in sent_pairs:
                rows[(c, "cue sentence")] += 1
                if key not in d.rules:
                    rows[(c, "cue sentence, rules miss")] += 1
            elif key in para_pairs:
                rows[(c, "cue paragraph only")] += 1
            else:
                h, r = key
                if h not in helpers_anywhere and r not in recips_anywhere:
                    why = "neither party read anywhere"
                elif h not in helpers_anywhere:
                    why = "helper never read"
                elif r not in recips_anywhere:
                    why = "recipient never read"
                elif key in nocue_sent:
                    why = "both in one sentence without cue (paragraph without cue)"
                else:
                    why = "both read, never in one cue paragraph"
                rows[(c, why)] += 1
                why_list.append((c, d.doc_id, key, why))
    labels = ["gold", "rules", "cue sentence", "cue sentence, rules miss", "cue paragraph only",
              "both in one sentence without cue (paragraph without cue)",
              "both read, never in one cue paragraph", "helper never read", "recipient never read",
              "neither party read anywhere"]
    out = ["| | " + " | ".join(cols) + " | all |", "|---|" + "---|" * (len(cols) + 1)]
    for lab in labels:
        vals = [rows[(c, lab)] for c in cols]
        out.append(f"| {lab} | " + " | ".join(map(str, vals)) + f" | {sum(vals)} |")
    if listing:
        out.append("")
        out += [f"{c}\t{doc}\t{h} → {r}\t{why}" for c, doc, (h, r), why in sorted(why_list)]
    return "\n".join(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--limit", type=int)
    args = ap.parse_args()
    print(ceiling(docs(args.limit), args.list))
    return 0


if __name__ == "__main__":
    sys.exit(main())
