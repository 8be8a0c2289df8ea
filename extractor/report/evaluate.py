"""Score pipeline records against the gold annotations (SPEC.md sections 2–7).

    >>> from extractor.evaluate import evaluate
    >>> report = evaluate("gold", "out/predictions.jsonl")
    >>> print(report.format_table())

How each field is scored, per article, then summed over articles (micro P/R/F1):

- ``counties``: the set of adcodes (the canonical name where the adcode is null);
  ``counties.role`` is the share of matched counties whose ``role`` agrees.
- ``persons``: the set of names (any role).
- ``cadres``: the set of names in ``cadres``; for matched cadres, whether the sets of
  canonical ``posts[].place`` (nulls ignored) are equal (``cadres.place``) and whether
  ``origin`` agrees leniently (``cadres.origin``: both null, or equal after dropping
  parent place names, or one contains the other).
- ``amounts``: the multiset of (value to 4 decimals, currency); matched items are paired
  in document order within each key, and ``amounts.relevant`` is the share of pairs
  whose ``relevant`` agrees.
- ``poverty_figures``: the multiset of (metric, value to 4 decimals); ``poverty_figures.place``
  is the share of matched pairs whose canonical ``place`` agrees (both null agrees). Within a
  (metric, value), items with the same place are paired first, then the rest in document order
  (ten counties' delistings are ten records of one key: the ones found pair with their own).
- ``pairings``: the set of (canonical helper, canonical recipient).

Place names compare by the unit's own name: 深圳市宝安区 = 宝安区, 深圳 = 深圳市, 西藏察隅县 =
察隅县 (:func:`canonical_place`, from ``rules/places_admin.tsv``, built from the official
code lists by ``scripts/build_admin_tables.py``; a suffix rule when that file is absent).

Only articles with gold are scored. A gold article without a prediction, or whose
prediction is an error record, scores as an empty prediction and is reported. When a
field has nothing predicted and nothing to find, P = R = F1 = 1; when it has nothing
predicted but something to find, P = 0.
"""
from __future__ import annotations

import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, Optional, Union

from ..lexicon.places import PLACES_FILE, canonical_place, clean_name, origins_agree, places_table_present
from ..record import Record
from ..rules import load_yaml

FIELDS = Record.FACT_KINDS
ATTRIBUTES = ("counties.role", "amounts.relevant", "cadres.place", "cadres.origin", "poverty_figures.place")

# --------------------------------------------------------------------------------------
# Keys

_Q = Decimal("0.0001")


def number_key(value: Any) -> Union[Decimal, str, None]:
    """A value rounded to 4 decimals (1.96e8 = 196000000 = "196000000.0")."""
    if value is None or isinstance(value, bool):
        return None if value is None else str(value)
    try:
        d = value if isinstance(value, Decimal) else Decimal(str(value).strip())
        return d.quantize(_Q, rounding=ROUND_HALF_UP)
    except (InvalidOperation, ValueError):
        return str(value)


def _fmt_number(d: Any) -> str:
    if isinstance(d, Decimal):
        d = d.normalize()
        return format(d, "f")
    return str(d)


@lru_cache(maxsize=1)
def _currency_codes() -> dict[str, str]:
    """Currency unit as written (元, 美元, 港币…) → ISO code, from ``rules/money.yaml``."""
    codes = {unit: code for unit, (code, _factor) in load_yaml("money.yaml")["currencies"].items()}
    codes.update({"人民币": "CNY", "RMB": "CNY"})
    return codes


def currency_key(cur: Any) -> str:
    s = clean_name(cur)
    codes = _currency_codes()
    return codes.get(s, codes.get(s.upper(), s.upper()))


def _adcode(a: Any) -> Optional[str]:
    if a is None or a == "":
        return None
    if isinstance(a, int) and not isinstance(a, bool):
        return str(a).zfill(6)
    return clean_name(a) or None


def county_key(c: dict) -> tuple[str, str]:
    """("513332", display) or ("name:宝安区", display) when the adcode is null."""
    code = _adcode(c.get("adcode"))
    name = canonical_place(c.get("name")) or ""
    if code:
        return code, f"{code} {name}".strip()
    return f"name:{name}", f"{name} (adcode null)"


# --------------------------------------------------------------------------------------
# Results


def _ratio(num: int, den: int, empty: float) -> float:
    return num / den if den else empty


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp, 1.0 if self.fn == 0 else 0.0)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn, 1.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __iadd__(self, other: "Counts") -> "Counts":
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        return self

    def to_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4)}


@dataclass
class Agreement:
    agree: int = 0
    total: int = 0

    @property
    def accuracy(self) -> Optional[float]:
        return self.agree / self.total if self.total else None

    def add(self, ok: bool) -> None:
        self.total += 1
        self.agree += bool(ok)

    def __iadd__(self, other: "Agreement") -> "Agreement":
        self.agree += other.agree
        self.total += other.total
        return self

    def to_dict(self) -> dict:
        acc = self.accuracy
        return {"agree": self.agree, "total": self.total,
                "accuracy": None if acc is None else round(acc, 4)}


@dataclass
class FieldResult:
    counts: Counts = field(default_factory=Counts)
    misses: list[str] = field(default_factory=list)    # gold items not predicted
    spurious: list[str] = field(default_factory=list)  # predicted items not in gold
    # Where each of them is, parallel to ``misses`` / ``spurious``: the index in
    # ``fact_items(gold, field)`` / ``fact_items(prediction, field)`` (the review page marks
    # exactly these items, so its marks are this scoring's, item for item).
    missed_at: list[int] = field(default_factory=list)
    spurious_at: list[int] = field(default_factory=list)


@dataclass
class ArticleResult:
    doc_id: str
    gold_path: Optional[str] = None
    status: str = "ok"  # ok | missing (no prediction) | error (error record)
    fields: dict[str, FieldResult] = field(default_factory=dict)
    attributes: dict[str, Agreement] = field(default_factory=dict)
    disagreements: list[tuple[str, str]] = field(default_factory=list)  # (attribute, text)

    def to_dict(self) -> dict:
        return {
            "doc_id": self.doc_id, "gold": self.gold_path, "status": self.status,
            "fields": {f: {**r.counts.to_dict(), "misses": r.misses, "spurious": r.spurious}
                       for f, r in self.fields.items()},
            "attributes": {a: g.to_dict() for a, g in self.attributes.items()},
            "disagreements": [{"attribute": a, "detail": t} for a, t in self.disagreements],
        }


# --------------------------------------------------------------------------------------
# Field scorers: (gold facts, predicted facts, article result) → fills the result


def fact_items(record: dict, kind: str) -> list[dict]:
    """The facts of one kind that are scored (dicts only), in record order."""
    value = record.get(kind) or []
    return [x for x in value if isinstance(x, dict)]


_items = fact_items

Keyed = dict[Any, tuple[str, int]]  # key → (how it is shown, index of its first item)


def _set_score(res: FieldResult, gold: Keyed, pred: Keyed) -> None:
    res.counts = Counts(tp=len(gold.keys() & pred.keys()), fp=len(pred.keys() - gold.keys()),
                        fn=len(gold.keys() - pred.keys()))
    for k, (shown, at) in gold.items():
        if k not in pred:
            res.misses.append(shown)
            res.missed_at.append(at)
    for k, (shown, at) in pred.items():
        if k not in gold:
            res.spurious.append(shown)
            res.spurious_at.append(at)


def _keyed(items: list[dict], key: Callable[[dict], Optional[tuple[Any, str]]]) -> Keyed:
    """key → (shown, index of the first item with that key); items keyed None are skipped."""
    out: Keyed = {}
    for at, it in enumerate(items):
        keyed = key(it)
        if keyed is not None:
            out.setdefault(keyed[0], (keyed[1], at))
    return out


Indexed = list[tuple[int, dict]]


def _pair_within_key(gs: Indexed, ps: Indexed, prefer: Optional[Callable[[dict], Any]]
                     ) -> tuple[list[tuple[dict, dict]], Indexed, Indexed]:
    """Pairs the gold and predicted items of one key: first those whose ``prefer`` values are
    equal, then the rest, each in document order. Returns the pairs and the unpaired gold and
    predicted items. (Ten delisted counties are ten figures with one key; a prediction that
    finds four of them is paired with those four, not with the first four gold items.)"""
    if prefer is None:
        return [(g, p) for (_, g), (_, p) in zip(gs, ps)], gs[len(ps):], ps[len(gs):]
    waiting: dict[Any, list[tuple[int, dict]]] = defaultdict(list)
    for item in ps:
        waiting[prefer(item[1])].append(item)
    pairs: list[tuple[dict, dict]] = []
    taken: set[int] = set()
    gold_left: Indexed = []
    for at, g in gs:
        queue = waiting.get(prefer(g))
        if queue:
            p_at, p = queue.pop(0)
            taken.add(p_at)
            pairs.append((g, p))
        else:
            gold_left.append((at, g))
    pred_left = [item for item in ps if item[0] not in taken]
    pairs.extend((g, p) for (_, g), (_, p) in zip(gold_left, pred_left))
    return pairs, gold_left[len(pred_left):], pred_left[len(gold_left):]


def _multiset_score(res: FieldResult, gold: list[dict], pred: list[dict],
                    key: Callable[[dict], Any], show: Callable[[dict], str],
                    prefer: Optional[Callable[[dict], Any]] = None) -> list[tuple[dict, dict]]:
    """Multiset match; returns the matched (gold, pred) pairs. Within a key, items whose
    ``prefer`` values agree are paired first, then the rest in document order."""
    by_key_g: dict[Any, Indexed] = defaultdict(list)
    by_key_p: dict[Any, Indexed] = defaultdict(list)
    for at, g in enumerate(gold):
        by_key_g[key(g)].append((at, g))
    for at, p in enumerate(pred):
        by_key_p[key(p)].append((at, p))
    pairs: list[tuple[dict, dict]] = []
    for k in [*by_key_g, *(k for k in by_key_p if k not in by_key_g)]:   # gold's order first, as written
        matched, gold_left, pred_left = _pair_within_key(by_key_g.get(k, []), by_key_p.get(k, []), prefer)
        pairs.extend(matched)
        for at, g in gold_left:
            res.misses.append(show(g))
            res.missed_at.append(at)
        for at, p in pred_left:
            res.spurious.append(show(p))
            res.spurious_at.append(at)
    tp = len(pairs)
    res.counts = Counts(tp=tp, fp=len(pred) - tp, fn=len(gold) - tp)
    return pairs


def _roles(items: list[dict]) -> dict[Any, str]:
    """county key → role (the first entry of a county wins, as in ``_keyed``)."""
    out: dict[Any, str] = {}
    for c in items:
        out.setdefault(county_key(c)[0], clean_name(c.get("role")) or "other")
    return out


def _score_counties(gold, pred, art: ArticleResult) -> None:
    keyed_gold = _keyed(gold, county_key)
    _set_score(art.fields["counties"], keyed_gold, _keyed(pred, county_key))
    gold_roles, pred_roles = _roles(gold), _roles(pred)
    agreement = art.attributes["counties.role"]
    for key, role in gold_roles.items():
        if key not in pred_roles:
            continue
        agreement.add(role == pred_roles[key])
        if role != pred_roles[key]:
            art.disagreements.append(("counties.role", f"{keyed_gold[key][0]}: gold {role} ≠ "
                                      f"predicted {pred_roles[key]}"))


def _score_persons(gold, pred, art: ArticleResult) -> None:
    key = lambda p: (clean_name(p.get("name")), clean_name(p.get("name")))  # noqa: E731
    _set_score(art.fields["persons"], _keyed(gold, key), _keyed(pred, key))


def _cadre_table(items: list[dict]) -> dict[str, dict]:
    """name → {"places": set, "origin": first non-empty origin}; repeated names merge."""
    out: dict[str, dict] = {}
    for c in items:
        name = clean_name(c.get("name"))
        if not name:
            continue
        entry = out.setdefault(name, {"places": set(), "origin": None})
        for post in c.get("posts") or []:
            if isinstance(post, dict):
                place = canonical_place(post.get("place"))
                if place:
                    entry["places"].add(place)
        if entry["origin"] is None and clean_name(c.get("origin")):
            entry["origin"] = c.get("origin")
    return out


def _cadre_key(c: dict) -> Optional[tuple[str, str]]:
    name = clean_name(c.get("name"))
    return (name, name) if name else None


def _score_cadres(gold, pred, art: ArticleResult) -> None:
    g, p = _cadre_table(gold), _cadre_table(pred)
    _set_score(art.fields["cadres"], _keyed(gold, _cadre_key), _keyed(pred, _cadre_key))
    place, origin = art.attributes["cadres.place"], art.attributes["cadres.origin"]
    for name in g:
        if name not in p:
            continue
        gp, pp = g[name]["places"], p[name]["places"]
        place.add(gp == pp)
        if gp != pp:
            art.disagreements.append(("cadres.place", f"{name}: gold {sorted(gp)} ≠ predicted {sorted(pp)}"))
        go, po = g[name]["origin"], p[name]["origin"]
        ok = origins_agree(go, po)
        origin.add(ok)
        if not ok:
            art.disagreements.append(("cadres.origin", f"{name}: gold {go!r} ≠ predicted {po!r}"))


def _amount_key(a: dict) -> tuple:
    return number_key(a.get("value")), currency_key(a.get("currency"))


def _show_amount(a: dict) -> str:
    v, c = _amount_key(a)
    text = a.get("text")
    return f"{_fmt_number(v)} {c}" + (f" ({text})" if text else "")


def _score_amounts(gold, pred, art: ArticleResult) -> None:
    pairs = _multiset_score(art.fields["amounts"], gold, pred, _amount_key, _show_amount)
    agreement = art.attributes["amounts.relevant"]
    for g, p in pairs:
        ok = bool(g.get("relevant", True)) == bool(p.get("relevant", True))
        agreement.add(ok)
        if not ok:
            art.disagreements.append(("amounts.relevant", f"{_show_amount(g)}: gold relevant="
                                      f"{g.get('relevant')} ≠ predicted {p.get('relevant')}"))


def _figure_key(f: dict) -> tuple:
    return clean_name(f.get("metric")), number_key(f.get("value"))


def _show_figure(f: dict) -> str:
    m, v = _figure_key(f)
    text = f.get("text")
    return f"{m} {_fmt_number(v)}" + (f" ({text})" if text else "")


def _score_figures(gold, pred, art: ArticleResult) -> None:
    pairs = _multiset_score(art.fields["poverty_figures"], gold, pred, _figure_key, _show_figure,
                            prefer=lambda f: canonical_place(f.get("place")))
    agreement = art.attributes["poverty_figures.place"]
    for g, p in pairs:
        gp, pp = canonical_place(g.get("place")), canonical_place(p.get("place"))
        agreement.add(gp == pp)
        if gp != pp:
            art.disagreements.append(("poverty_figures.place",
                                      f"{_show_figure(g)}: gold place {gp!r} ≠ predicted {pp!r}"))


def _pairing_key(p: dict) -> tuple[tuple, str]:
    h, r = canonical_place(p.get("helper")), canonical_place(p.get("recipient"))
    return (h, r), f"{h} → {r}"


def _score_pairings(gold, pred, art: ArticleResult) -> None:
    _set_score(art.fields["pairings"], _keyed(gold, _pairing_key), _keyed(pred, _pairing_key))


_SCORERS = {"counties": _score_counties, "persons": _score_persons, "cadres": _score_cadres,
            "amounts": _score_amounts, "poverty_figures": _score_figures,
            "pairings": _score_pairings}


def score_article(gold: dict, pred: Optional[dict], *, doc_id: Optional[str] = None,
                  gold_path: Optional[str] = None) -> ArticleResult:
    """Score one article; ``pred`` None (or an error record) is an empty prediction."""
    art = ArticleResult(doc_id=doc_id or str(gold.get("doc_id")), gold_path=gold_path)
    if pred is None:
        art.status, pred = "missing", {}
    elif "error" in pred and not any(k in pred for k in FIELDS):
        art.status, pred = "error", {}
    art.fields = {f: FieldResult() for f in FIELDS}
    art.attributes = {a: Agreement() for a in ATTRIBUTES}
    for f in FIELDS:
        _SCORERS[f](_items(gold, f), _items(pred, f), art)
    return art


# --------------------------------------------------------------------------------------
# Report


@dataclass
class Report:
    articles: list[ArticleResult] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    unmatched_predictions: list[str] = field(default_factory=list)  # doc_ids without gold

    @property
    def fields(self) -> dict[str, Counts]:
        out = {f: Counts() for f in FIELDS}
        for art in self.articles:
            for f in FIELDS:
                out[f] += art.fields[f].counts
        return out

    @property
    def overall(self) -> Counts:
        total = Counts()
        for c in self.fields.values():
            total += c
        return total

    @property
    def attributes(self) -> dict[str, Agreement]:
        out = {a: Agreement() for a in ATTRIBUTES}
        for art in self.articles:
            for a in ATTRIBUTES:
                out[a] += art.attributes[a]
        return out

    @property
    def missing(self) -> list[str]:
        return [a.doc_id for a in self.articles if a.status == "missing"]

    @property
    def errors(self) -> list[str]:
        return [a.doc_id for a in self.articles if a.status == "error"]

    def subset(self, keep: Union[Callable[[ArticleResult], bool], Iterable[str]]) -> "Report":
        """The report restricted to some articles (a predicate or a collection of doc_ids)."""
        if not callable(keep):
            ids = set(keep)
            keep = lambda a: a.doc_id in ids  # noqa: E731
        arts = [a for a in self.articles if keep(a)]
        return Report(articles=arts, warnings=list(self.warnings),
                      unmatched_predictions=list(self.unmatched_predictions))

    # -- output ------------------------------------------------------------------------

    def summary_line(self) -> str:
        parts = [f"{len(self.articles)} gold articles scored"]
        if self.missing:
            parts.append(f"{len(self.missing)} without prediction")
        if self.errors:
            parts.append(f"{len(self.errors)} error records")
        if self.unmatched_predictions:
            parts.append(f"{len(self.unmatched_predictions)} predictions without gold (ignored)")
        return "; ".join(parts)

    def format_table(self, misses: bool = False) -> str:
        lines = [self.summary_line(), ""]
        head = f"{'field':<16} {'P':>6} {'R':>6} {'F1':>6} {'tp':>6} {'fp':>6} {'fn':>6}"
        lines += [head, "-" * len(head)]
        rows = list(self.fields.items()) + [("all (micro)", self.overall)]
        for name, c in rows:
            if name == "all (micro)":
                lines.append("-" * len(head))
            lines.append(f"{name:<16} {c.precision:>6.3f} {c.recall:>6.3f} {c.f1:>6.3f} "
                         f"{c.tp:>6} {c.fp:>6} {c.fn:>6}")
        lines += ["", f"{'on matched items':<24} {'agree':>6} {'of':>6} {'acc':>6}"]
        for name, g in self.attributes.items():
            acc = "-" if g.accuracy is None else f"{g.accuracy:.3f}"
            lines.append(f"{name:<24} {g.agree:>6} {g.total:>6} {acc:>6}")
        for w in self.warnings:
            lines.append(f"warning: {w}")
        if misses:
            lines.append("")
            lines.extend(self.format_misses())
        return "\n".join(lines)

    def format_misses(self) -> list[str]:
        lines: list[str] = []
        for art in self.articles:
            body: list[str] = []
            for f in FIELDS:
                r = art.fields[f]
                for m in r.misses:
                    body.append(f"  {f:<16} miss      {m}")
                for s in r.spurious:
                    body.append(f"  {f:<16} spurious  {s}")
            for attr, text in art.disagreements:
                body.append(f"  {attr:<16} differs   {text}")
            if body or art.status != "ok":
                status = "" if art.status == "ok" else f"  [{art.status}: scored as empty]"
                lines.append(f"== {art.doc_id}{status}")
                lines.extend(body)
        return lines or ["(no misses, no spurious items)"]

    def to_dict(self) -> dict:
        return {
            "articles": len(self.articles),
            "missing_predictions": self.missing,
            "error_records": self.errors,
            "predictions_without_gold": self.unmatched_predictions,
            "fields": {f: c.to_dict() for f, c in self.fields.items()},
            "overall": self.overall.to_dict(),
            "attributes": {a: g.to_dict() for a, g in self.attributes.items()},
            "warnings": list(self.warnings),
            "per_article": [a.to_dict() for a in self.articles],
        }


# --------------------------------------------------------------------------------------
# Loading


#: Sub-folder of a gold folder that holds second annotations (gold/agreement/README.md).
SECOND_ANNOTATIONS = "agreement"


def load_gold(gold_dir: Union[str, Path, Iterable[Union[str, Path]]]) -> list[tuple[Path, dict]]:
    """Gold files: a folder (searched recursively for *.json, second annotations left out),
    one file, or a list of files."""
    if isinstance(gold_dir, (str, Path)):
        root = Path(gold_dir)
        if root.is_dir():
            # a second annotator's files (gold/agreement/, the inter-annotator study) re-annotate
            # articles that have gold elsewhere in the folder: they are not gold themselves
            paths = sorted(p for p in root.rglob("*.json")
                           if SECOND_ANNOTATIONS not in p.relative_to(root).parts[:-1])
        elif root.is_file():
            paths = [root]
        else:
            raise FileNotFoundError(f"no gold folder or file {root}")
    else:
        paths = [Path(p) for p in gold_dir]
    out = []
    for p in paths:
        with open(p, encoding="utf-8") as f:
            data = json.load(f)
        if isinstance(data, dict) and "doc_id" in data:
            out.append((p, data))
    return out


def load_predictions(predictions: Union[str, Path, Iterable[Any]]) -> Iterable[dict]:
    """Records from a JSONL path, or from an iterable of dicts / Records."""
    if isinstance(predictions, (str, Path)):
        with open(predictions, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as err:
                    raise ValueError(f"{predictions}:{n}: not JSON ({err})") from err
                if isinstance(rec, dict):
                    yield rec
        return
    for rec in predictions:
        if hasattr(rec, "to_dict"):
            rec = rec.to_dict()
        if isinstance(rec, dict):
            yield rec


def evaluate(gold_dir: Union[str, Path, Iterable[Union[str, Path]]],
             predictions: Union[str, Path, Iterable[Any]], *,
             only_predicted: bool = False) -> Report:
    """Score predictions (JSONL path or record dicts) against the gold files in ``gold_dir``.

    ``only_predicted`` scores only the gold articles that have a prediction (what
    ``fupin eval`` does unless ``--all-gold``); otherwise a gold article without a
    prediction scores as empty."""
    report = Report()
    gold = load_gold(gold_dir)
    seen: dict[str, Path] = {}
    for path, g in gold:
        doc = str(g["doc_id"])
        if doc in seen:
            report.warnings.append(f"doc_id {doc} in two gold files ({seen[doc]}, {path}); "
                                   "the second is ignored")
        else:
            seen[doc] = path
    preds: dict[str, dict] = {}
    for rec in load_predictions(predictions):
        doc = rec.get("doc_id")
        if doc is None:
            report.warnings.append("a prediction without doc_id was ignored")
            continue
        doc = str(doc)
        if doc in preds:
            report.warnings.append(f"doc_id {doc} predicted twice; the last record is used")
        preds[doc] = rec
    done: set[str] = set()
    not_scored = 0
    for path, g in gold:
        doc = str(g["doc_id"])
        if doc in done:
            continue
        done.add(doc)
        if only_predicted and doc not in preds:
            not_scored += 1
            continue
        report.articles.append(score_article(g, preds.get(doc), doc_id=doc, gold_path=str(path)))
    report.unmatched_predictions = [d for d in preds if d not in done]
    if not_scored:
        report.warnings.append(f"{not_scored} gold articles have no prediction and were not "
                               f"scored (--all-gold scores them as empty)")
    if report.missing:
        shown = ", ".join(report.missing[:5]) + (" …" if len(report.missing) > 5 else "")
        report.warnings.append(f"{len(report.missing)} gold articles have no prediction and "
                               f"score as empty: {shown}")
    if report.errors:
        shown = ", ".join(report.errors[:5]) + (" …" if len(report.errors) > 5 else "")
        report.warnings.append(f"{len(report.errors)} gold articles have error records and "
                               f"score as empty: {shown}")
    if not places_table_present():
        report.warnings.append(f"rules/{PLACES_FILE} not found: place names compared by a "
                               "suffix rule only")
    return report


# --------------------------------------------------------------------------------------
# Command line


def run_cli(gold_dir, pred_path, *, json_out: bool = False, misses: bool = False,
            all_gold: bool = False) -> int:
    """``fupin eval GOLD_DIR PRED.jsonl [--json] [--misses] [--all-gold]``: print the
    report, return 0. Only gold articles with a prediction are scored unless ``all_gold``."""
    try:
        report = evaluate(gold_dir, pred_path, only_predicted=not all_gold)
    except (FileNotFoundError, ValueError) as err:
        print(f"fupin eval: {err}", file=sys.stderr)
        return 2
    if json_out:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(report.format_table(misses=misses))
    return 0


def main(argv: Optional[list[str]] = None) -> int:
    import argparse
    ap = argparse.ArgumentParser(prog="fupin eval", description="Score predictions against gold.")
    ap.add_argument("gold_dir")
    ap.add_argument("predictions")
    ap.add_argument("--json", action="store_true", help="machine-readable output")
    ap.add_argument("--misses", action="store_true", help="list misses and spurious items")
    ap.add_argument("--all-gold", action="store_true",
                    help="score every gold article (no prediction scores as empty)")
    args = ap.parse_args(argv)
    return run_cli(args.gold_dir, args.predictions, json_out=args.json, misses=args.misses,
                   all_gold=args.all_gold)


if __name__ == "__main__":
    sys.exit(main())
