"""Tables for researchers: ``articles``, one table per fact kind (one row per fact), and
``mentions`` (one row per mention of a county or person), with a fixed schema.

The columns of each fact table come from the dataclasses of :mod:`extractor.record`, so
a field added there becomes a column here: ``str`` → string, ``int`` → int32 (``year``),
``bool`` → bool, ``Decimal`` → decimal128(38, 6) (exact), a span → two int64 columns
``*_start``/``*_end``, other lists → JSON text, ``mentions`` → the ``mentions`` table. The
same columns and types are written whether or not a batch has any fact of a kind, so the
tables of separate runs read together (DuckDB ``read_parquet('runs/*/amounts.parquet')``).

Extra columns on amounts and poverty figures: ``sentence`` (the fact's sentence in the
normalised text), ``county`` and ``adcode`` (the county when the sentence names exactly
one, so money and figures join to counties). Pairings carry ``sentence`` and the
article's ``published`` date too.
"""
from __future__ import annotations

import dataclasses
import datetime
import json
import os
import shutil
import tempfile
import typing
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Iterable, Iterator, Optional

from ..record import (Amount, Cadre, County, Pairing, Person, PovertyFigure, Record)
from ..text.sentences import TextIndex

FACT_CLASSES = {"counties": County, "cadres": Cadre, "persons": Person, "amounts": Amount,
                "poverty_figures": PovertyFigure, "pairings": Pairing}
#: Fact kinds whose rows get the sentence, and (amounts, figures) the county it names.
WITH_SENTENCE = ("amounts", "poverty_figures", "pairings")
WITH_COUNTY = ("amounts", "poverty_figures")
DECIMAL_PRECISION, DECIMAL_SCALE = 38, 6
MENTION_KINDS = {"counties": "county", "persons": "person"}


# ------------------------------------------------------------------- record → dict

#: Longest ``sentence`` given on a fact (the longest real sentence seen is 713 characters).
SENTENCE_MAX = 1000

def record_dict(record: Record, source: Optional[str] = None) -> dict:
    """``record.to_dict()`` with ``source`` after ``doc_id``, and each amount, figure and
    pairing given its ``sentence`` (and amounts and figures the ``county``/``adcode`` their
    sentence names, when it names exactly one)."""
    d = record.to_dict()
    out = {"schema": d.pop("schema"), "doc_id": d.pop("doc_id"), "source": source}
    out.update(d)
    if not record.text:
        return out
    index = TextIndex(record.text)
    by_sentence: dict[tuple[int, int], dict[str, Optional[str]]] = {}
    for county in record.counties:
        for m in county.mentions:
            by_sentence.setdefault(tuple(index.sentence_of(m.span[0])), {})[county.name] = county.adcode
    for kind in WITH_SENTENCE:
        for fact in out.get(kind, []):
            bounds = tuple(index.sentence_of(fact["span"][0]))
            # A sentence longer than SENTENCE_MAX (a line without punctuation) is given
            # as the SENTENCE_MAX characters around the fact: a copy of a 1 MB line on each
            # of its 100,000 amounts would fill the memory.
            lo = max(bounds[0], min(fact["span"][0] - SENTENCE_MAX // 2, bounds[1] - SENTENCE_MAX))
            fact["sentence"] = record.text[lo:min(bounds[1], lo + SENTENCE_MAX)]
            if kind in WITH_COUNTY:
                named = by_sentence.get(bounds, {})
                (name, adcode), = named.items() if len(named) == 1 else ((None, None),)
                fact["county"], fact["adcode"] = name, adcode
    return out


# ------------------------------------------------------------------------- schema

def _is_span(tp) -> bool:
    return typing.get_origin(tp) is tuple


def _base(tp):
    """Optional[X] → X."""
    if typing.get_origin(tp) in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return args[0] if len(args) == 1 else tp
    return tp


def fact_columns(kind: str) -> list[tuple[str, str]]:
    """(column, type) of a fact table; type is one of string, int32, int64, bool, decimal,
    date, json."""
    cls = FACT_CLASSES[kind]
    hints = typing.get_type_hints(cls)
    cols = [("doc_id", "string"), ("index", "int32")]
    if kind == "pairings":
        # edges of the assistance network, comparable across articles and time
        cols.append(("published", "date"))
    for f in dataclasses.fields(cls):
        tp = _base(hints[f.name])
        if f.name == "mentions":
            cols.append(("n_mentions", "int32"))
        elif _is_span(tp):
            prefix = "source" if f.name == "source_span" else "span"
            cols += [(f"{prefix}_start", "int64"), (f"{prefix}_end", "int64")]
        elif tp is Decimal:
            cols.append((f.name, "decimal"))
        elif tp is bool:
            cols.append((f.name, "bool"))
        elif tp is int:
            cols.append((f.name, "int32" if f.name == "year" else "int64"))
        elif tp is str:
            cols.append((f.name, "string"))
        else:
            cols.append((f.name, "json"))
    if kind in WITH_COUNTY:
        cols += [("county", "string"), ("adcode", "string")]
    if kind in WITH_SENTENCE:
        cols.append(("sentence", "string"))
    return cols


ARTICLE_COLUMNS = [("doc_id", "string"), ("source", "string"), ("title", "string"),
                   ("published", "date"), ("reference_date", "date"), ("script", "string"),
                   ("url", "string"), ("year", "int32"), ("repairs", "json"),
                   ("warnings", "json"), ("n_warnings", "int32")]
MENTION_COLUMNS = [("doc_id", "string"), ("kind", "string"), ("fact_index", "int32"),
                   ("name", "string"), ("adcode", "string"), ("text", "string"),
                   ("span_start", "int64"), ("span_end", "int64"),
                   ("source_start", "int64"), ("source_end", "int64")]
ERROR_COLUMNS = [("doc_id", "string"), ("source", "string"), ("kind", "string"),
                 ("message", "string")]


def schema() -> dict[str, list[tuple[str, str]]]:
    """Every table's (column, type) list, in order."""
    out = {"articles": ARTICLE_COLUMNS}
    for kind in Record.FACT_KINDS:
        out[kind] = fact_columns(kind)
    out["mentions"] = MENTION_COLUMNS
    out["errors"] = ERROR_COLUMNS
    return out


# --------------------------------------------------------------------------- rows

def _date(value) -> Optional[datetime.date]:
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return datetime.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _year(value) -> Optional[int]:
    """The year of an ISO date, however precise (``2019``, ``2019-05``, ``2019-05-01``)."""
    if isinstance(value, str) and len(value) >= 4 and value[:4].isdigit():
        return int(value[:4])
    return None


def _decimal(value) -> Optional[Decimal]:
    if value is None or isinstance(value, bool):
        return None
    try:
        d = Decimal(str(value))
        q = d.quantize(Decimal(1).scaleb(-DECIMAL_SCALE))
    except (InvalidOperation, ValueError):
        return None
    if not q.is_finite() or len(q.as_tuple().digits) > DECIMAL_PRECISION:
        return None
    return q


def _cell(value, typ: str):
    if typ == "json":
        return None if value is None else json.dumps(value, ensure_ascii=False)
    if typ == "decimal":
        return _decimal(value)
    if typ == "date":
        return _date(value)
    if typ in ("int32", "int64"):
        return value if isinstance(value, int) and not isinstance(value, bool) else None
    if typ == "bool":
        return value if isinstance(value, bool) else None
    return None if value is None else str(value)


def rows_of(record: dict) -> Iterator[tuple[str, dict]]:
    """(table, row) for one record dict (a line of ``fupin run`` output)."""
    if "error" in record:
        err = record.get("error") or {}
        yield "errors", {"doc_id": record.get("doc_id"), "source": record.get("source"),
                         "kind": err.get("kind"), "message": err.get("message")}
        return
    doc_id = record.get("doc_id")
    warnings = record.get("warnings") or []
    yield "articles", {**{c: _cell(record.get(c), t) for c, t in ARTICLE_COLUMNS},
                       "year": _year(record.get("published")) or _year(record.get("reference_date")),
                       "n_warnings": len(warnings)}
    for kind in Record.FACT_KINDS:
        cols = fact_columns(kind)
        for i, fact in enumerate(record.get(kind) or []):
            row = {"doc_id": doc_id, "index": i}
            for c, t in cols[2:]:
                if c == "n_mentions":
                    row[c] = len(fact.get("mentions") or [])
                elif kind == "pairings" and c == "published":
                    row[c] = _date(record.get("published"))
                elif c.startswith(("span_", "source_")) and t == "int64":
                    key = "source_span" if c.startswith("source_") else "span"
                    span = fact.get(key) or [None, None]
                    row[c] = span[0 if c.endswith("_start") else 1]
                else:
                    row[c] = _cell(fact.get(c), t)
            yield kind, row
            if kind in MENTION_KINDS:
                for m in fact.get("mentions") or []:
                    span, src = m.get("span") or [None, None], m.get("source_span") or [None, None]
                    yield "mentions", {"doc_id": doc_id, "kind": MENTION_KINDS[kind],
                                       "fact_index": i, "name": fact.get("name"),
                                       "adcode": fact.get("adcode"), "text": m.get("text"),
                                       "span_start": span[0], "span_end": span[1],
                                       "source_start": src[0], "source_end": src[1]}


# ------------------------------------------------------------------------- frames

def _arrow_type(typ: str):
    import pyarrow as pa
    return {"string": pa.string(), "json": pa.string(), "int32": pa.int32(),
            "int64": pa.int64(), "bool": pa.bool_(), "date": pa.date32(),
            "decimal": pa.decimal128(DECIMAL_PRECISION, DECIMAL_SCALE)}[typ]


_PANDAS_DTYPES = {"int32": "Int32", "int64": "Int64", "bool": "boolean", "string": "string",
                  "json": "string", "decimal": "object", "date": "object"}


def arrow_schema(table: str):
    """The Arrow schema of a table, with pandas metadata so that ``pd.read_parquet``
    gives nullable integers (``year`` stays 2019, not 2019.0) and booleans."""
    import pandas as pd
    import pyarrow as pa
    cols = schema()[table]
    empty = pd.DataFrame({c: pd.Series([], dtype=_PANDAS_DTYPES[t]) for c, t in cols})
    meta = pa.Schema.from_pandas(empty, preserve_index=False).metadata
    return pa.schema([(c, _arrow_type(t)) for c, t in cols], metadata=meta)


def _as_dicts(records) -> Iterator[dict]:
    for rec in records:
        yield record_dict(rec) if isinstance(rec, Record) else rec


def to_frames(records) -> dict:
    """Records or record dicts → {table: DataFrame}, with the schema of :func:`schema`
    (``value`` as exact decimals, ``year`` as a nullable integer, dates as dates)."""
    tables = {name: [] for name in schema()}
    for rec in _as_dicts(records):
        for name, row in rows_of(rec):
            tables[name].append(row)
    import pyarrow as pa
    return {name: pa.Table.from_pylist(rows, schema=arrow_schema(name)).to_pandas(
        types_mapper=_pandas_types) for name, rows in tables.items()}


def _pandas_types(arrow_type):
    import pandas as pd
    import pyarrow as pa
    if pa.types.is_integer(arrow_type):
        return pd.Int64Dtype() if arrow_type == pa.int64() else pd.Int32Dtype()
    if pa.types.is_boolean(arrow_type):
        return pd.BooleanDtype()
    if pa.types.is_string(arrow_type):
        return pd.StringDtype()
    return None


def read_records(path: str | Path) -> Iterator[dict]:
    """The record dicts of a ``fupin run`` output, skipping a line cut off by a kill."""
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            try:
                obj = json.loads(line)
            except (ValueError, RecursionError):
                continue
            if isinstance(obj, dict):
                yield obj


def write_tables(records: Iterable, folder: str | Path, fmt: str = "parquet",
                 batch_rows: int = 20_000) -> None:
    """Write every table of :func:`schema` to ``folder`` (``NAME.parquet`` or ``NAME.csv``),
    streaming: at most ``batch_rows`` rows per table are held at once. The folder is
    written beside its final place and renamed into it, so it is whole or absent."""
    import pyarrow as pa
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    folder = Path(folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    names = list(schema())
    writers, buffers = {}, {n: [] for n in names}
    try:
        for name in names:
            path = tmp / f"{name}.{fmt}"
            writers[name] = (pq.ParquetWriter(path, arrow_schema(name)) if fmt == "parquet"
                             else pacsv.CSVWriter(path, arrow_schema(name)))

        def flush(name: str) -> None:
            writers[name].write_table(pa.Table.from_pylist(buffers[name], schema=arrow_schema(name)))
            buffers[name] = []

        for rec in _as_dicts(records):
            for name, row in rows_of(rec):
                buffers[name].append(row)
                if len(buffers[name]) >= batch_rows:
                    flush(name)
        for name in names:
            flush(name)
            writers[name].close()
        _replace_folder(tmp, folder)
    except BaseException:
        for w in writers.values():
            try:
                w.close()
            except Exception:  # already closed, or the error we are reporting broke it
                pass
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _replace_folder(new: Path, folder: Path) -> None:
    old = None
    if folder.exists():
        old = folder.parent / f".{folder.name}.old.{os.getpid()}"
        os.replace(folder, old)
    os.replace(new, folder)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
