"""Reading inputs (files, folders, globs, JSONL archives, stdin) and writing outputs.

Every input yields exactly one line of output: a record, or an error record naming the
input. One bad input never stops a run.
"""
from __future__ import annotations

import glob
import json
import os
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional

from .record import Record, error_record

TEXT_SUFFIXES = {".txt", ".text", ".html", ".htm"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
TEXT_KEYS = ("text", "content", "body", "html")
META_KEYS = ("doc_id", "title", "published", "url", "reference_date")


@dataclass(frozen=True)
class Input:
    """One article to process: where it comes from, and how to get its content."""

    doc_id: str
    source: str                      # file path, or path:line for JSONL
    item: Any = None                 # already-loaded content (a str, bytes or dict)
    path: Optional[str] = None       # a file to read lazily (text, html or a JSON object)
    meta: Optional[dict] = None      # title/published/url from a manifest line


class RunError(Exception):
    """The run cannot start at all (no inputs, unreadable output, missing engine)."""


# ---------------------------------------------------------------------------- inputs

def iter_inputs(paths: Iterable[str]) -> Iterator[Input]:
    """Expand folders, globs and JSONL archives into Inputs, in order."""
    for raw in paths:
        if raw == "-":
            yield Input(doc_id="stdin", source="-", item=sys.stdin.buffer.read())
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file()
                           and p.suffix.lower() in TEXT_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES
                           and not p.name.startswith("."))
            # Files that a manifest (index.jsonl) lists come in through the manifest,
            # with its metadata, and not a second time on their own.
            listed = {f for m in files if m.suffix.lower() in JSONL_SUFFIXES
                      for f in _manifest_files(m)}
            files = [f for f in files if f.resolve() not in listed]
        elif path.exists():
            files = [path]
        else:
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                yield Input(doc_id=path.stem or raw, source=raw, item=FileNotFoundError(raw))
                continue
            files = [Path(m) for m in matches if Path(m).is_file()]
        for file in files:
            if file.suffix.lower() in JSONL_SUFFIXES:
                yield from _iter_jsonl(file)
            else:
                yield Input(doc_id=file.stem, source=str(file), path=str(file))


def _manifest_target(file: Path, obj) -> Optional[Path]:
    """A manifest line names a file (``{"id", "file", "published", ...}``) and has no text."""
    if not isinstance(obj, dict) or not isinstance(obj.get("file"), str):
        return None
    if any(isinstance(obj.get(k), str) for k in TEXT_KEYS):
        return None
    for base in (file.parent, file.parent.parent):
        target = base / obj["file"]
        if target.is_file():
            return target
    return file.parent / obj["file"]


def _manifest_files(file: Path) -> set[Path]:
    found = set()
    try:
        with open(file, "rb") as f:
            for line in f:
                try:
                    target = _manifest_target(file, json.loads(line))
                except ValueError:
                    return found
                if target is None:
                    return found  # not a manifest: an archive of articles
                found.add(target.resolve())
    except OSError:
        pass
    return found


def _iter_jsonl(file: Path) -> Iterator[Input]:
    try:
        handle = open(file, "rb")
    except OSError as err:
        yield Input(doc_id=file.stem, source=str(file), item=err)
        return
    with handle:
        for lineno, line in enumerate(handle, 1):
            if not line.strip():
                continue
            source = f"{file}:{lineno}"
            try:
                obj = json.loads(line)
            except ValueError as err:
                yield Input(doc_id=f"{file.stem}:{lineno}", source=source,
                            item=ValueError(f"line {lineno} is not JSON: {err}"))
                continue
            doc_id = str(obj.get("doc_id") or obj.get("id") or f"{file.stem}:{lineno}") \
                if isinstance(obj, dict) else f"{file.stem}:{lineno}"
            target = _manifest_target(file, obj)
            if target is not None:
                meta = {k: obj[k] for k in META_KEYS if obj.get(k) is not None}
                yield Input(doc_id=doc_id, source=str(target), path=str(target), meta=meta)
            else:
                yield Input(doc_id=doc_id, source=source, item=obj)


def load(inp: Input) -> dict:
    """The content of an input as {'text': str|bytes, meta...}; raises on bad input."""
    item = inp.item
    if isinstance(item, Exception):
        raise item
    if inp.path is not None:
        with open(inp.path, "rb") as f:
            data = f.read()
        if Path(inp.path).suffix.lower() in JSON_SUFFIXES:
            try:
                item = json.loads(data.decode("utf-8-sig"))
            except (ValueError, UnicodeDecodeError) as err:
                raise ValueError(f"not a JSON object: {err}") from None
        else:
            return {**(inp.meta or {}), "text": data, "doc_id": inp.doc_id}
    if isinstance(item, (str, bytes, bytearray)):
        return {"text": item, "doc_id": inp.doc_id}
    if isinstance(item, dict):
        text = next((item[k] for k in TEXT_KEYS if isinstance(item.get(k), str)), None)
        if text is None:
            raise ValueError(f"JSON object has no text field (one of {', '.join(TEXT_KEYS)})")
        out = {k: item.get(k) for k in META_KEYS if item.get(k) is not None}
        out["text"] = text
        out["doc_id"] = str(out.get("doc_id") or inp.doc_id)
        return out
    raise ValueError(f"cannot read an article from {type(item).__name__}")


# ------------------------------------------------------------------------- processing

def process(inp: Input, reference_date: Optional[str] = None,
            published: Optional[str] = None) -> dict:
    """One input → a record dict, or an error record. Never raises.

    ``reference_date`` is a default for inputs without one; ``published`` overrides.
    """
    try:
        content = load(inp)
    except FileNotFoundError as err:
        return error_record(inp.doc_id, inp.source, "not_found", f"no such file or pattern: {err}")
    except OSError as err:
        return error_record(inp.doc_id, inp.source, "unreadable", str(err))
    except ValueError as err:
        return error_record(inp.doc_id, inp.source, "bad_input", str(err))
    try:
        record = _extract(content, reference_date, published)
    except ValueError as err:  # InputError and friends: input we cannot read as text
        return error_record(inp.doc_id, inp.source, getattr(err, "kind", "bad_input"), str(err))
    except Exception as err:  # a bug must not stop a batch: report it on the record
        return error_record(inp.doc_id, inp.source, "internal",
                            f"{type(err).__name__}: {err}")
    out = record.to_dict()
    if content.get("url"):
        out["url"] = content["url"]
    return out


def _process_star(args):
    return process(*args)


def run_items(items: Iterable, *, jobs: int = 1, reference_date: Optional[str] = None) -> Iterator[Record]:
    """Library helper behind extract_many: texts/bytes/dicts → Records (errors raise)."""
    for n, item in enumerate(items):
        if isinstance(item, dict):
            content = load(Input(doc_id=str(item.get("doc_id", n)), source=str(n), item=item))
        else:
            content = {"text": item, "doc_id": None}
        yield _extract(content, reference_date)


def _extract(content: dict, reference_date: Optional[str] = None,
             published: Optional[str] = None) -> Record:
    """extract() on loaded content: its own dates win over defaults, ``published`` over both."""
    from .pipeline import extract
    return extract(content["text"], doc_id=content.get("doc_id"), title=content.get("title"),
                   published=published or content.get("published"),
                   reference_date=content.get("reference_date") or reference_date)


def map_inputs(inputs: list[Input], *, jobs: int = 1, engine: str = "local",
               scheduler: Optional[str] = None, ordered: bool = True,
               reference_date: Optional[str] = None) -> Iterator[dict]:
    """Process inputs with the chosen engine, yielding record dicts."""
    args = [(inp, reference_date) for inp in inputs]
    if engine == "dask":
        yield from _map_dask(args, scheduler=scheduler, jobs=jobs)
    elif jobs <= 1:
        for a in args:
            yield process(*a)
    else:
        import multiprocessing as mp
        ctx = mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")
        with ctx.Pool(jobs) as pool:
            mapper = pool.imap if ordered else pool.imap_unordered
            yield from mapper(_process_star, args, chunksize=4)


def _map_dask(args, *, scheduler: Optional[str], jobs: int) -> Iterator[dict]:
    try:
        import dask.bag as db
    except ImportError:
        raise RunError("the dask engine needs dask: pip install 'fupin-extractor[dask]'") from None
    bag = db.from_sequence(args, npartitions=max(1, min(len(args), jobs * 4 or 1)))
    results = bag.map(_process_star)
    if scheduler:
        from dask.distributed import Client
        with Client(scheduler) as client:
            yield from client.compute(results).result()
    else:
        yield from results.compute(scheduler="processes" if jobs > 1 else "sync",
                                   num_workers=max(1, jobs))


# --------------------------------------------------------------------------- outputs

def done_ids(out_path: Path) -> set[str]:
    """doc_ids with a finished record in an existing output (for --resume)."""
    done: set[str] = set()
    if not out_path.exists():
        return done
    with open(out_path, encoding="utf-8", errors="replace") as f:
        for line in f:
            try:
                obj = json.loads(line)
            except ValueError:
                continue  # a line cut off by an interrupted run
            if isinstance(obj, dict) and "error" not in obj and obj.get("doc_id") is not None:
                done.add(str(obj["doc_id"]))
    return done


def _repair_tail(out_path: Path) -> None:
    """Drop a last line cut off by an interrupted run, so appended records stay JSONL."""
    if not out_path.exists() or out_path.stat().st_size == 0:
        return
    with open(out_path, "rb+") as f:
        f.seek(-1, os.SEEK_END)
        if f.read(1) == b"\n":
            return
        f.seek(0)
        data = f.read()
        f.truncate(data.rfind(b"\n") + 1)


def run(paths: list[str], out: str, *, jobs: int = 1, resume: bool = False,
        engine: str = "local", scheduler: Optional[str] = None, ordered: bool = True,
        tables: Optional[str] = None, reference_date: Optional[str] = None,
        progress: Optional[bool] = None) -> dict:
    """The batch job behind ``fupin run``. Returns the summary."""
    started = time.perf_counter()
    inputs = list(iter_inputs(paths))
    if not inputs:
        raise RunError("no inputs found")
    out_path = Path(out)
    if out != "-":
        out_path.parent.mkdir(parents=True, exist_ok=True)
    skipped = 0
    if resume and out != "-":
        done = done_ids(out_path)
        before = len(inputs)
        inputs = [i for i in inputs if i.doc_id not in done]
        skipped = before - len(inputs)
        _repair_tail(out_path)
    mode = "a" if resume else "w"
    sink = sys.stdout if out == "-" else open(out_path, mode, encoding="utf-8")
    if progress is None:
        progress = sys.stderr.isatty()
    counts: Counter = Counter()
    table_records = [] if tables else None
    try:
        results = map_inputs(inputs, jobs=jobs, engine=engine, scheduler=scheduler,
                             ordered=ordered, reference_date=reference_date)
        if progress:
            from tqdm import tqdm
            results = tqdm(results, total=len(inputs), unit="article", file=sys.stderr)
        for rec in results:
            sink.write(json.dumps(rec, ensure_ascii=False) + "\n")
            sink.flush()
            if "error" in rec:
                counts["errors"] += 1
            else:
                counts["articles"] += 1
                for kind in Record.FACT_KINDS:
                    counts[kind] += len(rec.get(kind, []))
                if table_records is not None:
                    table_records.append(rec)
    finally:
        if sink is not sys.stdout:
            sink.close()
    if tables:
        write_tables(table_records, tables)
    summary = {"articles": counts["articles"], "errors": counts["errors"], "skipped": skipped,
               **{k: counts[k] for k in Record.FACT_KINDS},
               "seconds": round(time.perf_counter() - started, 2)}
    return summary


# ---------------------------------------------------------------------------- tables

def _flat(value):
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


def to_frames(records) -> dict:
    """Records or record dicts → {table: DataFrame}: one table per fact kind + articles."""
    import pandas as pd
    articles, rows = [], {k: [] for k in Record.FACT_KINDS}
    for rec in records:
        d = rec.to_dict() if hasattr(rec, "to_dict") else rec
        if "error" in d:
            continue
        articles.append({k: _flat(v) for k, v in d.items() if k not in Record.FACT_KINDS})
        for kind in Record.FACT_KINDS:
            for i, fact in enumerate(d.get(kind, [])):
                row = {"doc_id": d.get("doc_id"), "index": i}
                row.update({k: _flat(v) for k, v in fact.items()})
                rows[kind].append(row)
    frames = {"articles": pd.DataFrame(articles)}
    for kind, r in rows.items():
        frames[kind] = pd.DataFrame(r, columns=None if r else ["doc_id", "index"])
    return frames


def write_tables(records, folder: str) -> None:
    Path(folder).mkdir(parents=True, exist_ok=True)
    for name, frame in to_frames(records).items():
        frame.to_parquet(Path(folder) / f"{name}.parquet", index=False)
