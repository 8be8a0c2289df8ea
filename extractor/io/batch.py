"""Batch runs: every input yields exactly one line of output, a record or an error record
naming the input; one bad input never stops a run. Local processes or Dask.

Durability: lines are written whole and flushed as they come, so a killed run leaves at
most one cut line, which ``--resume`` drops. ``--resume`` skips inputs with a record,
retries the rest, and at the end rewrites the output (atomically) in input order with one
line per input, so it equals the output of an uninterrupted run. Tables are always built
from the whole output file.
"""
from __future__ import annotations

import json
import os
import signal
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

from ..pipeline import extract
from ..record import Record, error_record
from ..text.normalize import InputError, decode
from .inputs import BadFile, Input, escape_all, escape_text, iter_inputs, load
from .tables import read_records, record_dict, write_tables
from .webpage import is_page, read_page
from .workers import WorkerPool

#: Default per-article time limit of a batch run, in seconds (``--timeout``; 0: none).
DEFAULT_TIMEOUT = 60.0


class RunError(Exception):
    """The run cannot start at all (no inputs, unreadable output, missing engine)."""


class Interrupted(Exception):
    """SIGINT or SIGTERM during a run: the output holds whole lines; ``--resume`` goes on."""

    def __init__(self, signum: int, summary: dict):
        super().__init__(f"interrupted by signal {signum}")
        self.signum = signum
        self.summary = summary


# ------------------------------------------------------------------------- processing

def process(inp: Input, reference_date: Optional[str] = None,
            published: Optional[str] = None, with_text: bool = False) -> dict:
    """One input → a record dict (with ``source``), or an error record. Never raises.

    ``with_text`` adds the normalised text as ``text`` (every span's offsets are into it:
    what ``fupin review`` shows)."""
    try:
        content = load(inp)
    except FileNotFoundError as err:
        return error_record(inp.doc_id, inp.source, "not_found", str(err))
    except BadFile as err:
        return error_record(inp.doc_id, inp.source, err.kind, str(err))
    except OSError as err:
        return error_record(inp.doc_id, inp.source, "unreadable", escape_text(str(err)))
    except (ValueError, RecursionError, MemoryError) as err:
        return error_record(inp.doc_id, inp.source, "bad_input", escape_text(str(err) or type(err).__name__))
    try:
        record = _extract(content, reference_date, published)
        out = record_dict(record, inp.source)
    except InputError as err:  # input we cannot read as text (binary data)
        return error_record(inp.doc_id, inp.source, err.kind, str(err))
    except (RecursionError, MemoryError) as err:
        return error_record(inp.doc_id, inp.source, "too_large",
                            f"{type(err).__name__}: the article is too large or too deep to process")
    except Exception as err:  # a bug must not stop a batch: report it on the record
        return error_record(inp.doc_id, inp.source, "internal",
                            escape_text(f"{type(err).__name__}: {err}"))
    if content.get("url"):
        out["url"] = content["url"]
    if with_text:
        out["text"] = record.text
    return out


def _extract(content: dict, reference_date: Optional[str] = None,
             published: Optional[str] = None) -> Record:
    """extract() on loaded content: its own dates win over defaults, ``published`` over
    both. A whole web page goes through :func:`read_page` first."""
    text, title = content["text"], content.get("title")
    page_published, warnings = None, []
    if content.get("format") in ("html", "txt") and _may_be_page(text):
        decoded = text
        if not isinstance(text, str):
            decoded, _, warnings = decode(text)
        if is_page(decoded):
            page = read_page(decoded)
            if page is None:
                warnings = [*warnings, "web page: no article body found; the whole page was read"]
            else:
                text, title = page.text, title or page.title
                page_published, warnings = page.published, [*warnings, *page.warnings]
    record = extract(text, doc_id=content.get("doc_id"), title=title,
                     published=published or content.get("published") or page_published,
                     reference_date=content.get("reference_date") or reference_date)
    if warnings:
        record.warnings[:0] = [w for w in warnings if w not in record.warnings]
    return record


def _may_be_page(text) -> bool:
    head = text[:4096]
    if isinstance(head, (bytes, bytearray)):
        head = bytes(head).decode("latin-1")
    return "<" in head and is_page(head)


def _process_star(args):
    return process(*args)


def _process_batch(batch: list, reference_date: Optional[str], with_text: bool = False,
                   timeout: Optional[float] = None) -> list[dict]:
    """A dask task: the records of a batch of inputs. With a time limit, each input runs
    in a child process of the dask worker, which is killed and replaced when an input
    runs late (a thread cannot be stopped, and a stalled regex holds the GIL)."""
    if not timeout:
        return [process(inp, reference_date, None, with_text) for inp in batch]
    pool = _timed_pool(reference_date, with_text, timeout)
    return list(pool.map(batch, ordered=True, on_timeout=_timeout_record,
                         on_crash=_crash_record))


#: A dask worker's pools of one child process, one per task thread and settings.
_TIMED_POOLS: dict = {}


def _timed_pool(reference_date: Optional[str], with_text: bool, timeout: float) -> WorkerPool:
    import threading
    key = (threading.get_ident(), reference_date, with_text, timeout)
    pool = _TIMED_POOLS.get(key)
    if pool is None:
        pool = _TIMED_POOLS[key] = WorkerPool(1, _worker_task, (reference_date, with_text),
                                              timeout=timeout)
    return pool


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


def extract_file(path: str | os.PathLike, **kwargs) -> Record:
    """One file (txt, html page or body, a JSON object) → a Record, as ``fupin extract``
    reads it. Raises OSError or ValueError for a file that cannot be read."""
    inputs = list(iter_inputs([os.fspath(path)]))
    if len(inputs) != 1:
        raise ValueError(f"{path} holds {len(inputs)} articles: use extract_many or fupin run")
    content = load(inputs[0])
    return _extract(content, kwargs.get("reference_date"), kwargs.get("published"))


def _content_of(position: int, item) -> dict:
    if isinstance(item, dict):
        own_id = item.get("doc_id", item.get("id"))
        doc_id = str(position if own_id is None else own_id)
        return load(Input(doc_id=doc_id, source=str(position), item=item))
    return {"text": item, "doc_id": str(position), "format": "txt"}


def _extract_star(args) -> Record:
    return _extract(*args)


def _pool(jobs: int):
    import multiprocessing as mp
    ctx = mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    return ctx.Pool(jobs)


# ---------------------------------------------------------------------------- engines

def connect_dask(scheduler: Optional[str], jobs: int):
    """A dask Client: to ``scheduler``, else a local cluster of ``jobs`` processes.
    Raises RunError with a one-line reason (dask missing, scheduler unreachable)."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise RunError("the dask engine needs dask: pip install 'fupin-extractor[dask]'") from None
    import logging
    logging.getLogger("distributed").setLevel(logging.ERROR)
    import dask
    # The scheduler (in this process for a local cluster) and the client keep logs of
    # past transitions and of recent messages: kept short so they do not hold thousands
    # of batches' worth of inputs.
    short_logs = {"distributed.admin.low-level-log-length": 10,
                  "distributed.admin.log-length": 100,
                  "distributed.admin.system-monitor.log-length": 120}
    try:
        if scheduler:
            with dask.config.set(short_logs):
                return Client(scheduler, timeout="10s")
        # forked workers start in a fraction of a second (spawned ones re-import
        # everything), and each loads the pipeline once, before the first batch arrives
        with dask.config.set({**short_logs, **QUIET_CLUSTER,
                              "distributed.worker.multiprocessing-method": "fork"}):
            # The scheduler serves HTTP (health, metrics) even without a dashboard, on
            # port 8787 unless told otherwise, and warns on stderr when that is taken (by
            # another run): any free loopback port does.
            cluster = LocalCluster(n_workers=max(1, jobs), threads_per_worker=1,
                                   processes=True, dashboard_address=None,
                                   scheduler_kwargs={"dashboard_address": "127.0.0.1:0"})
            client = Client(cluster)
        client.run(_warm_up)
        return client
    except (OSError, TimeoutError, ValueError) as err:
        raise RunError(f"cannot reach the dask scheduler at {scheduler}: "
                       f"{type(err).__name__}: {err}") from None


#: A local cluster's housekeeping, made less frequent. With dask's defaults an idle local
#: cluster of 2 workers used ~3% of a core in the parent and ~1.6% in each worker (event
#: loop ticks every 20 ms, memory checks every 100 ms, system samples every 500 ms, a
#: sampling profiler every 10 ms in each worker), which a long run pays all along.
QUIET_CLUSTER = {
    "distributed.worker.profile.enabled": False,       # for the dashboard, which is off
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.scheduler.work-stealing": False,      # a bounded window of equal batches
    "distributed.scheduler.active-memory-manager.start": False,   # no data kept on workers
}


def _warm_up() -> None:
    from ..pipeline import default_pipeline
    default_pipeline()


def _map_dask(inputs: Iterable[Input], client, *, jobs: int, reference_date: Optional[str],
              with_text: bool = False, timeout: Optional[float] = None,
              batch_size: int = 0, window: int = 0) -> Iterator[dict]:
    """Records from the cluster in input order, with at most ``window`` batches of
    ``batch_size`` inputs in flight: the parent holds a bounded number of results,
    whatever the corpus size. The window is 2 batches per worker thread of the cluster
    (a remote one may have many more than ``jobs``): one running, one waiting."""
    from collections import deque
    batch_size = batch_size or DASK_BATCH
    window = window or max(2, 2 * max(1, jobs, _cluster_threads(client)))
    pending: deque = deque()
    batch: list[Input] = []
    submitted = 0

    def submit(b):
        nonlocal submitted
        pending.append((client.submit(_process_batch, b, reference_date, with_text, timeout,
                                      pure=False), b))
        submitted += 1
        if submitted % TRIM_EVERY == 0:
            _trim_scheduler(client)

    def collect():
        future, b = pending.popleft()
        try:
            return future.result()
        except Exception as err:  # a worker lost for good (KilledWorker…): one line each
            return [_crash_record(inp, f"dask: {type(err).__name__}") for inp in b]

    for inp in inputs:
        batch.append(inp)
        if len(batch) >= batch_size:
            submit(batch)
            batch = []
            while len(pending) >= window:
                yield from collect()
    if batch:
        submit(batch)
    while pending:
        yield from collect()


#: Articles per dask task. Dask spends about 13 ms of CPU per task over the parent and
#: the worker (scheduling, transitions, metrics, serialisation): with 16 articles a task
#: that was 0.8 ms per article, 15% of the pipeline's own time on the archive month.
DASK_BATCH = 64


def _cluster_threads(client) -> int:
    try:
        return sum(client.nthreads().values())
    except Exception:  # a stand-in client (tests), or a scheduler that does not answer
        return 0


#: Every how many batches the in-process scheduler's span metadata is trimmed.
TRIM_EVERY = 16


def _trim_scheduler(client) -> None:
    """Drop what the scheduler of our own local cluster (in this process) keeps of every
    submission: each ``submit`` appends an entry to its span's metadata, for the
    dashboard, which nobody reads here and which would grow with the corpus. A remote
    scheduler is left alone (its memory is not ours)."""
    scheduler = getattr(getattr(client, "cluster", None), "scheduler", None)
    spans = getattr(scheduler, "extensions", {}).get("spans") if scheduler else None
    if spans is None:
        return

    def trim():
        for span in getattr(spans, "spans", {}).values():
            if getattr(span, "_metadata", None):
                span._metadata = None
    scheduler.loop.add_callback(trim)


def map_inputs(inputs: Iterable[Input], *, jobs: int = 1, engine: str = "local",
               client=None, ordered: bool = True, reference_date: Optional[str] = None,
               timeout: Optional[float] = DEFAULT_TIMEOUT, with_text: bool = False) -> Iterator[dict]:
    """Process inputs with the chosen engine, yielding record dicts."""
    if engine == "dask":
        yield from _map_dask(inputs, client, jobs=jobs, reference_date=reference_date,
                             with_text=with_text, timeout=timeout)
        return
    if jobs <= 1 and not timeout:
        for inp in inputs:
            yield process(inp, reference_date, None, with_text)
        return
    with WorkerPool(max(1, jobs), _worker_task, (reference_date, with_text),
                    timeout=timeout or None) as pool:
        yield from pool.map(inputs, ordered=ordered, on_timeout=_timeout_record,
                            on_crash=_crash_record)


def _worker_task(inp: Input, reference_date: Optional[str], with_text: bool = False) -> dict:
    return process(inp, reference_date, None, with_text)


def _timeout_record(inp: Input, seconds: float) -> dict:
    return error_record(inp.doc_id, inp.source, "timeout",
                        f"took longer than the time limit of {seconds:g} s; the worker was "
                        f"replaced (--timeout sets the limit)")


def _crash_record(inp: Input, reason: str) -> dict:
    return error_record(inp.doc_id, inp.source, "internal",
                        f"the worker processing this input died ({reason}); it was replaced")


# --------------------------------------------------------------------------- outputs

def _scan_output(out_path: Path) -> tuple[set[str], bool]:
    """doc_ids with a finished record in an existing output; and whether it has error lines."""
    done: set[str] = set()
    has_errors = False
    for obj in read_records(out_path):
        if "error" in obj:
            has_errors = True
        elif obj.get("doc_id") is not None:
            done.add(str(obj["doc_id"]))
    return done, has_errors


def done_ids(out_path: Path) -> set[str]:
    """doc_ids with a finished record in an existing output (for --resume)."""
    return _scan_output(Path(out_path))[0] if Path(out_path).exists() else set()


def _repair_tail(out_path: Path) -> None:
    """Drop a last line cut off by an interrupted run, so appended records stay JSONL."""
    if not out_path.exists() or out_path.stat().st_size == 0:
        return
    with open(out_path, "rb+") as f:
        f.seek(-1, os.SEEK_END)
        if f.read(1) == b"\n":
            return
        size = f.seek(0, os.SEEK_END)
        block, pos = 1 << 16, size
        while pos > 0:  # find the last newline from the end, a block at a time
            pos = max(0, pos - block)
            f.seek(pos)
            chunk = f.read(min(block, size - pos))
            cut = chunk.rfind(b"\n")
            if cut >= 0:
                f.truncate(pos + cut + 1)
                return
        f.truncate(0)


def _compact(out_path: Path, order: list[str]) -> None:
    """Rewrite the output in input order, one line per doc_id (its last line wins: a retried
    error is replaced by its record). Lines of ids not in this run keep their place after
    the run's own. Written to a temporary file and renamed over the output."""
    last: dict[str, tuple[int, int]] = {}
    others: list[tuple[int, int]] = []
    with open(out_path, "rb") as f:
        pos = 0
        for line in f:
            try:
                doc_id = json.loads(line).get("doc_id")
            except (ValueError, AttributeError, RecursionError):
                doc_id = None
            if doc_id is None:
                others.append((pos, len(line)))
            else:
                last[str(doc_id)] = (pos, len(line))
            pos += len(line)
        in_run = set(order)
        keep = [last[i] for i in order if i in last]
        keep += sorted(others + [v for k, v in last.items() if k not in in_run])
        fd, tmp = tempfile.mkstemp(prefix=f".{out_path.name}.", dir=out_path.parent)
        try:
            with os.fdopen(fd, "wb") as w:
                for start, length in keep:
                    f.seek(start)
                    w.write(f.read(length))
                w.flush()
                os.fsync(w.fileno())
            os.replace(tmp, out_path)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise


#: Characters JSON leaves raw but that line splitters (Python's ``str.splitlines``, many
#: editors, JavaScript) take for line ends: escaped so that one record stays one line.
_LINE_BREAKS_JSON_KEEPS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028",
                                         "\u2029": "\\u2029"})


def json_line(rec: dict) -> str:
    """A record as one line of valid UTF-8 JSON: text that is not valid Unicode (a lone
    surrogate) is escaped as :func:`escape_text` documents, and the line breaks JSON allows
    raw inside strings (U+0085, U+2028, U+2029) are written as escapes."""
    line = json.dumps(rec, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        line = json.dumps(escape_all(rec), ensure_ascii=False)
    return line.translate(_LINE_BREAKS_JSON_KEEPS) + "\n"


class _Signals:
    """SIGINT/SIGTERM raise :class:`KeyboardInterrupt` in the parent while a run writes,
    remembering which signal came, so the run stops between two whole lines."""

    def __init__(self):
        self.signum: Optional[int] = None
        self._old: dict = {}

    def __enter__(self):
        import threading
        if threading.current_thread() is threading.main_thread():
            for sig in (signal.SIGINT, signal.SIGTERM):
                self._old[sig] = signal.signal(sig, self._handle)
        return self

    def _handle(self, signum, frame):
        self.signum = signum
        raise KeyboardInterrupt

    def __exit__(self, *exc):
        for sig, handler in self._old.items():
            signal.signal(sig, handler)
        return False


def run(paths: list[str], out: str, *, jobs: int = 1, resume: bool = False,
        engine: str = "local", scheduler: Optional[str] = None, ordered: bool = True,
        tables: Optional[str] = None, tables_format: str = "parquet",
        reference_date: Optional[str] = None, progress: Optional[bool] = None,
        fmt: Optional[str] = None, columns: Optional[dict] = None,
        timeout: Optional[float] = DEFAULT_TIMEOUT, allow_outside: bool = False,
        on_skip: Optional[Callable[[str, str], None]] = None, with_text: bool = False) -> dict:
    """The batch job behind ``fupin run``. Returns the summary; raises :class:`RunError`
    when it cannot start and :class:`Interrupted` after SIGINT/SIGTERM."""
    started = time.perf_counter()
    out_path = Path(out)
    to_stdout = out == "-"
    if to_stdout and resume:
        raise RunError("--resume needs an output file, not -")
    exclude = [] if to_stdout else [str(out_path)]
    if tables:
        exclude.append(tables)
    client = connect_dask(scheduler, jobs) if engine == "dask" else None
    try:
        inputs = iter_inputs(paths, fmt=fmt, columns=columns, exclude=exclude,
                             allow_outside=allow_outside, on_skip=on_skip)
        first = next(inputs, None)
        if first is None:
            raise RunError("no inputs found" + ("" if on_skip else ""))
        return _run(_chain(first, inputs), out_path, to_stdout, client, started, jobs=jobs,
                    resume=resume, engine=engine, ordered=ordered, tables=tables,
                    tables_format=tables_format, reference_date=reference_date,
                    progress=progress, timeout=timeout, with_text=with_text)
    finally:
        if client is not None:
            cluster = getattr(client, "cluster", None)
            client.close()
            if cluster is not None:
                cluster.close()


def _chain(first: Input, rest: Iterator[Input]) -> Iterator[Input]:
    yield first
    yield from rest


def _run(inputs: Iterator[Input], out_path: Path, to_stdout: bool, client, started: float, *,
         jobs, resume, engine, ordered, tables, tables_format, reference_date, progress,
         timeout, with_text=False) -> dict:
    if not to_stdout:
        out_path.parent.mkdir(parents=True, exist_ok=True)
    done: set[str] = set()
    had_errors = False
    if resume and out_path.exists():
        _repair_tail(out_path)
        done, had_errors = _scan_output(out_path)
    order: list[str] = []
    counts: Counter = Counter()

    def todo() -> Iterator[Input]:
        for inp in inputs:
            if resume:  # only a resumed run rewrites the output in input order
                order.append(inp.doc_id)
            if inp.doc_id in done:
                counts["skipped"] += 1
                continue
            yield inp

    sink = sys.stdout if to_stdout else open(out_path, "a" if resume else "w", encoding="utf-8")
    if progress is None:
        progress = sys.stderr.isatty()
    with _Signals() as signals:
        try:
            results = map_inputs(todo(), jobs=jobs, engine=engine, client=client,
                                 ordered=ordered, reference_date=reference_date, timeout=timeout,
                                 with_text=with_text)
            if progress:
                from tqdm import tqdm
                results = tqdm(results, unit="article", file=sys.stderr)
            for rec in results:
                sink.write(json_line(rec))
                sink.flush()
                if "error" in rec:
                    counts["errors"] += 1
                else:
                    counts["articles"] += 1
                    for kind in Record.FACT_KINDS:
                        counts[kind] += len(rec.get(kind, []))
        except KeyboardInterrupt:
            results.close() if hasattr(results, "close") else None
            if sink is not sys.stdout:
                sink.close()
            raise Interrupted(signals.signum or signal.SIGINT, _summary(counts, started)) from None
        finally:
            if sink is not sys.stdout and not sink.closed:
                sink.close()
    if resume and not to_stdout and (counts["skipped"] or had_errors):
        _compact(out_path, order)
    if tables:
        source = read_records(out_path) if not to_stdout else []
        write_tables(source, tables, fmt=tables_format)
    return _summary(counts, started)


def _summary(counts: Counter, started: float) -> dict:
    return {"articles": counts["articles"], "errors": counts["errors"],
            "skipped": counts["skipped"], **{k: counts[k] for k in Record.FACT_KINDS},
            "seconds": round(time.perf_counter() - started, 2)}
