"""Batch runs: every input yields exactly one line of output, a record or an error record
naming the input; one bad input never stops a run. Local processes or Dask."""
from __future__ import annotations

import json
import os
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Iterable, Iterator, Optional

from ..pipeline import extract
from ..record import Record, error_record
from .inputs import Input, iter_inputs, load
from .tables import write_tables


class RunError(Exception):
    """The run cannot start at all (no inputs, unreadable output, missing engine)."""


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


def extract_many(items: Iterable, *, jobs: int = 1,
                 reference_date: Optional[str] = None) -> Iterator[Record]:
    """Extract many articles, in order: each item a text, bytes, or a dict with
    ``text``/``content`` (and optional ``doc_id``/``id``, ``title``, ``published``…).

    ``doc_id`` is the dict's own id, else the item's position (``"0"``, ``"1"``…), so
    :func:`to_frames` can group facts by article. ``jobs > 1`` runs that many worker
    processes. A bad item raises (use ``fupin run`` for error records instead).
    """
    contents = (_content_of(n, item) for n, item in enumerate(items))
    if jobs <= 1:
        for content in contents:
            yield _extract(content, reference_date)
        return
    args = [(content, reference_date) for content in contents]
    with _pool(jobs) as pool:
        yield from pool.imap(_extract_star, args, chunksize=4)


def _content_of(position: int, item) -> dict:
    if isinstance(item, dict):
        own_id = item.get("doc_id", item.get("id"))
        return load(Input(doc_id=str(position if own_id is None else own_id),
                          source=str(position), item=item))
    return {"text": item, "doc_id": str(position)}


def _extract_star(args) -> Record:
    return _extract(*args)


def _pool(jobs: int):
    import multiprocessing as mp
    ctx = mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    return ctx.Pool(jobs)


def _extract(content: dict, reference_date: Optional[str] = None,
             published: Optional[str] = None) -> Record:
    """extract() on loaded content: its own dates win over defaults, ``published`` over both."""
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
        with _pool(jobs) as pool:
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


