#!/usr/bin/env python3
"""A learned pair scorer for the pairings stage (issue 11): article-grouped cross-validation.

Candidates: in every dev cue sentence, each (helper, recipient) pair of party mentions that the
rules did not give, whose recipient the rules gave nothing in that sentence (the scorer only
ADDS pairs; it never vetoes a rules' pairing). Label: the pair is in the article's gold.
Features: ``pair_features`` below, general shape only (no word of one page): the cue's family
(its kind in rules/pairings.yaml) and where it stands, order, distance and clause breaks, the
function words around each party (向/为/给/与/对/帮助/受/由/到/赴…), party kinds (province /
prefecture / county / organisation), a parent written beside its own unit, the east–west
direction (rules/pairings.yaml east_helpers / west_recipients), same province, and whether the
rules' pairings of the article have each party as helper or recipient. Model: L2 logistic regression
(Newton steps, numpy); threshold: the best F1 of rules + additions on out-of-fold scores of the
training articles (inner 4-fold), so it is chosen inside the training data.

    python scripts/train_pair_model.py --cv              # rules + scorer additions, per dev column
    python scripts/train_pair_model.py --cv --cue-between  # candidates with the cue between the parties
    python scripts/train_pair_model.py --cv-alone        # the scorer as an extractor on its own

Dev only (pair_candidates.dev_jobs keeps every held-out list out).

Result (2026-12-06, main f817873, 463 dev articles): a no-go, so no model ships and the stage is
unchanged; this script keeps the experiment reproducible. Of 2,285 candidate pairs (by key) only
39 are gold; the top-scored ones are mostly a true party's parent or a pair the gold leaves out.
CV pairings F1, rules → rules + scorer: seeds 0.947 → 0.867, real-news dev 0.924 → 0.928,
archive dev 1.000 → 1.000, web pages dev 0.775 → 0.766 (--cue-between: 0.947 → 0.923,
0.924 → 0.924, 0.775 → 0.763). The scorer alone (--cv-alone) reaches F1 0.53 / 0.57 on
real-news / web pages dev against the rules' 0.92 / 0.78.
"""
from __future__ import annotations

import argparse
import random
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Sequence

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from pair_candidates import Doc, docs  # noqa: E402
from extractor.report.evaluate import Counts  # noqa: E402
from extractor.stages import pairings as P  # noqa: E402

L2 = 1.0
MIN_COUNT = 2
FOLDS = 5
SEED = 11
GRID = [round(0.05 * i, 2) for i in range(2, 20)]
COLUMNS = ("seeds", "real-news dev", "archive dev", "web pages dev")


@dataclass(frozen=True)
class PartyView:
    """One party mention as the scorer sees it."""
    start: int
    end: int
    kind: str                   # province | prefecture | county | org
    province: Optional[str]     # the place's adcode prefix (two digits), None for an organisation
    adcode: Optional[str] = None    # the place's adcode (None for an organisation)


def _contains(outer: PartyView, inner: PartyView) -> bool:
    """Whether ``outer`` is a province or prefecture holding ``inner`` (by adcode)."""
    if not outer.adcode or not inner.adcode or outer.adcode == inner.adcode:
        return False
    width = {"province": 2, "prefecture": 4}.get(outer.kind)
    return width is not None and inner.adcode[:width] == outer.adcode[:width]


#: Function words read right before a party (longest first): how the sentence ties the party
#: to the help (向R捐赠, 为R, 帮助R, 受H, 由H, 赴R, 与R结对).
BEFORE_WORDS = ("帮助", "来自", "支持", "对口", "向", "为", "给", "与", "对", "受", "由", "到", "赴",
                "和", "同", "在", "驻", "是", "的", "、", "，")
#: What follows a party: its own role (的), a list (、等), a joint action (与/和), a cue.
AFTER_WORDS = ("对口", "的", "、", "等", "与", "和", "同", "向", "为", "在", "，", "。", "；", "是", "赴",
               "到", "驻")
CLAUSE_MARKS = frozenset("，；：")


def _bucket(n: int, edges: Sequence[int]) -> int:
    for i, edge in enumerate(edges):
        if n <= edge:
            return i
    return len(edges)


def _word_before(text: str, pos: int, floor: int) -> str:
    for w in BEFORE_WORDS:
        if pos - len(w) >= floor and text.startswith(w, pos - len(w)):
            return w
    return "-"


def _word_after(text: str, pos: int, end: int) -> str:
    for w in AFTER_WORDS:
        if pos + len(w) <= end and text.startswith(w, pos):
            return w
    return "-"


def pair_features(text: str, s: int, e: int, cues: Sequence[tuple[int, int, str]],
                  h: PartyView, r: PartyView, parties: Sequence[PartyView],
                  east: frozenset, west: frozenset, known: tuple[bool, bool, bool, bool]) -> list[str]:
    """The features of helper ``h`` and recipient ``r`` in the sentence text[s:e]; ``cues`` are
    the sentence's help cues (start, end, family), ``parties`` all its parties in order;
    ``known``: whether the rules' pairings of the article have h as a helper, h as a recipient,
    r as a helper, r as a recipient."""
    lo, hi = min(h.start, r.start), max(h.end, r.end)
    gap = max(0, max(h.start, r.start) - min(h.end, r.end))
    order = "hr" if h.start < r.start else "rh"
    between = sum(1 for p in parties if p.start >= lo and p.end <= hi and p is not h and p is not r)
    breaks = sum(1 for ch in text[min(h.end, r.end):max(h.start, r.start)] if ch in CLAUSE_MARKS)
    f = ["bias", f"order={order}", f"gap={_bucket(gap, (0, 2, 5, 10, 20, 40))}",
         f"between={min(between, 3)}", f"breaks={min(breaks, 2)}",
         f"order_breaks={order}{min(breaks, 2)}",
         f"hk={h.kind}", f"rk={r.kind}", f"kinds={h.kind}>{r.kind}",
         f"hb={_word_before(text, h.start, s)}", f"rb={_word_before(text, r.start, s)}",
         f"ha={_word_after(text, h.end, e)}", f"ra={_word_after(text, r.end, e)}",
         f"hb_order={_word_before(text, h.start, s)}{order}", f"rb_order={_word_before(text, r.start, s)}{order}",
         f"nparties={min(len(parties), 6)}",
         f"h_first={parties[0] is h}",
         # a parent written beside its own unit: the unit is the party (上海市…浦东新区)
         f"h_holds_other={any(_contains(h, p) for p in parties if p is not r)}",
         f"r_holds_other={any(_contains(r, p) for p in parties if p is not h)}",
         f"h_inside_other={any(_contains(p, h) for p in parties if p is not r)}",
         f"r_inside_other={any(_contains(p, r) for p in parties if p is not h)}",
         "known=%d%d%d%d" % known, f"h_helps={known[0]}", f"r_helped={known[3]}",
         f"h_helped={known[1]}", f"r_helps={known[2]}"]
    if cues:
        def dist(c):
            return 0 if lo <= c[0] < hi else (lo - c[1] if c[1] <= lo else c[0] - hi)
        c = min(cues, key=dist)
        pos = "between" if lo <= c[0] < hi else ("before" if c[1] <= lo else "after")
        if pos == "between":
            pos = "h_cue_r" if order == "hr" else "r_cue_h"
        f += [f"cue={c[2]}", f"cuepos={pos}", f"cue_pos={c[2]}|{pos}",
              f"cuedist={_bucket(dist(c), (0, 2, 5, 10, 20, 40))}",
              f"cue_after_r={r.end == c[0]}", f"cue_after_h={h.end == c[0]}"]
    he, hw = h.province in east, h.province in west
    re_, rw = r.province in east, r.province in west
    f += [f"dir={'E' if he else 'W' if hw else 'o' if h.province else 'x'}>"
          f"{'E' if re_ else 'W' if rw else 'o' if r.province else 'x'}",
          f"same_province={h.province is not None and h.province == r.province}"]
    return f


def candidates(doc: Doc, alone: bool = False) -> list[tuple[tuple[str, str], list[str], bool]]:
    """The candidate pairs of one article: (key, features, in gold). ``alone``: every pair of
    the cue sentences, the rules' own too, with no feature read from the rules' output (the
    scorer as an extractor on its own, for comparison)."""
    out = []
    helpers, recipients = ({h for h, _ in doc.rules}, {r for _, r in doc.rules}) if not alone else (set(), set())
    for st in doc.sentences:
        if not st.cues:
            continue
        ms = [m for m in st.mentions if not m.pair]
        views = [PartyView(m.start, m.end, m.kind, m.province, None if m.org else m.adcode) for m in ms]
        given = {r for ss, r in doc.rule_spans if ss == st.s} if not alone else set()
        for i, h in enumerate(ms):
            if h.deictic:
                continue
            for j, r in enumerate(ms):
                if i == j or not r.recipient or h.name == r.recipient or r.recipient in given:
                    continue
                key = (h.name, r.recipient)
                if key in doc.rules and not alone:
                    continue
                hp, rp = h.party.place, r.party.place
                if hp is not None and (P._contains(rp, hp) or hp == rp or
                                       (not h.org and P._contains(hp, rp))):
                    continue   # a place does not help its parent or part; a unit of r is r's own
                known = (h.name in helpers, h.name in recipients, r.recipient in helpers,
                         r.recipient in recipients)
                feats = pair_features(doc.text, st.s, st.e, st.cues, views[i], views[j], views,
                                      doc.east, doc.west, known)
                out.append((key, feats, key in doc.gold))
    return out


def fit(rows: list[tuple[list[str], bool]]) -> dict[str, float]:
    counts = defaultdict(int)
    for feats, _ in rows:
        for x in set(feats):
            counts[x] += 1
    vocab = sorted(x for x, n in counts.items() if n >= MIN_COUNT or x == "bias")
    index = {x: i for i, x in enumerate(vocab)}
    X = np.zeros((len(rows), len(vocab)))
    for k, (feats, _) in enumerate(rows):
        for x in feats:
            if x in index:
                X[k, index[x]] = 1.0
    y = np.array([1.0 if lab else 0.0 for _, lab in rows])
    reg = np.full(len(vocab), L2)
    reg[index["bias"]] = 1e-6
    w = np.zeros(len(vocab))
    for _ in range(30):
        p = 1.0 / (1.0 + np.exp(-X @ w))
        grad = X.T @ (p - y) + reg * w
        hess = (X.T * (p * (1 - p))) @ X + np.diag(reg)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return {x: float(v) for x, v in zip(vocab, w)}


def score(weights: dict[str, float], feats: list[str]) -> float:
    z = sum(weights.get(x, 0.0) for x in feats)
    return 1.0 / (1.0 + np.exp(-z))


def added(doc_cands, weights, threshold) -> set:
    best: dict = {}
    for key, feats, _ in doc_cands:
        best[key] = max(best.get(key, 0.0), score(weights, feats))
    return {k for k, v in best.items() if v >= threshold}


def counts(doc: Doc, extra: set, alone: bool = False) -> tuple[int, int, int]:
    pred = extra if alone else doc.rules | extra
    tp = len(pred & doc.gold)
    return tp, len(pred) - tp, len(doc.gold) - tp


def folds(ds: list[Doc], k: int, seed: int) -> list[list[int]]:
    ids = sorted(range(len(ds)), key=lambda i: ds[i].doc_id)
    random.Random(seed).shuffle(ids)
    return [ids[f::k] for f in range(k)]


def prf(tp, fp, fn) -> tuple[float, float, float]:
    """P, R and F1 as `fupin eval` computes them (one definition: evaluate.Counts)."""
    c = Counts(tp, fp, fn)
    return c.precision, c.recall, c.f1


def train(ds: list[Doc], cands: list[list], alone: bool = False) -> tuple[dict[str, float], float]:
    """Weights on all of ``ds`` and a threshold chosen on inner out-of-fold scores."""
    oof: list[dict] = [None] * len(ds)
    for part in folds(ds, 4, SEED + 1):
        inner = set(part)
        w = fit([(f, lab) for i in range(len(ds)) if i not in inner for _, f, lab in cands[i]])
        for i in part:
            oof[i] = w
    best = (-1.0, 0.5)
    for t in GRID:
        tot = [0, 0, 0]
        for i, d in enumerate(ds):
            c = counts(d, added(cands[i], oof[i], t), alone)
            tot = [x + y for x, y in zip(tot, c)]
        f1 = prf(*tot)[2]
        if f1 > best[0] + 1e-12:
            best = (f1, t)
    weights = fit([(f, lab) for c in cands for _, f, lab in c])
    return weights, best[1]


def cross_validate(ds: list[Doc], cands: list[list], alone: bool = False) -> str:
    rules_tot = defaultdict(lambda: [0, 0, 0])
    both_tot = defaultdict(lambda: [0, 0, 0])
    thresholds, adds = [], defaultdict(list)
    for part in folds(ds, FOLDS, SEED):
        test = set(part)
        tr = [i for i in range(len(ds)) if i not in test]
        weights, t = train([ds[i] for i in tr], [cands[i] for i in tr], alone)
        thresholds.append(t)
        for i in part:
            d = ds[i]
            extra = added(cands[i], weights, t)
            for col in (d.column, "all"):
                rules_tot[col] = [x + y for x, y in zip(rules_tot[col], counts(d, set()))]
                both_tot[col] = [x + y for x, y in zip(both_tot[col], counts(d, extra, alone))]
            for k in extra - (set() if alone else d.rules):
                adds[d.column].append((d.doc_id, k, k in d.gold))
    name = "scorer alone" if alone else "rules + scorer"
    lines = [f"| column | rules P / R / F1 | {name} P / R / F1 | {'found' if alone else 'added'} (right / wrong) |",
             "|---|---|---|---|"]
    for col in COLUMNS + ("all",):
        a, b = prf(*rules_tot[col]), prf(*both_tot[col])
        ad = adds[col] if col != "all" else [x for v in adds.values() for x in v]
        lines.append(f"| {col} | {a[0]:.3f} / {a[1]:.3f} / {a[2]:.3f} | {b[0]:.3f} / {b[1]:.3f} / {b[2]:.3f} | "
                     f"{sum(1 for x in ad if x[2])} / {sum(1 for x in ad if not x[2])} |")
    lines.append(f"thresholds chosen in the training folds: {thresholds}")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--cv", action="store_true", help="CV of the rules plus the scorer's additions")
    g.add_argument("--cv-alone", action="store_true", help="CV of the scorer as an extractor on its own")
    ap.add_argument("--cue-between", action="store_true",
                    help="only candidates with a help cue between the two parties")
    args = ap.parse_args()
    ds = docs()
    cands = [candidates(d, args.cv_alone) for d in ds]
    if args.cue_between:
        cands = [[c for c in cs if any(x in c[1] for x in ("cuepos=h_cue_r", "cuepos=r_cue_h"))]
                 for cs in cands]
    n = sum(map(len, cands))
    print(f"{len(ds)} dev articles, {n} candidates, {sum(lab for c in cands for *_, lab in c)} positive")
    print(cross_validate(ds, cands, args.cv_alone))
    return 0


if __name__ == "__main__":
    sys.exit(main())
