"""The ``fupin`` command (also ``python -m extractor``).

Every argument is checked before any file is read or written: a bad date, ``--jobs 0``, a
scheduler address without ``--engine dask`` or that cannot be reached stop the command
with one line on stderr and exit code 2, and an existing output is left as it was.
"""
from __future__ import annotations

import argparse
import datetime
import json
import os
import re
import signal
import sys

from . import __version__

EXIT_CODES = """exit codes:
  0    done (a run with error records for bad inputs is still done)
  1    fupin extract: the input gave an error record; normalize: unreadable input
  2    bad arguments, or the run could not start (no inputs, dask missing, scheduler
       unreachable); nothing was written
  130  interrupted by Ctrl-C (SIGINT), 143 by SIGTERM: the output holds whole lines,
       run the same command with --resume to finish"""

FORMATS_HELP = """input formats (by suffix; --format forces one, e.g. for stdin):
  .txt .text          one article (any encoding: UTF-8/16/32, GB18030/GBK, Big5)
  .html .htm          one article: a whole web page (body, title and date taken with
                      trafilatura/htmldate) or an article body in a few tags
  .json               one article object, or an array of them
  .jsonl .ndjson      one article object per line; or a manifest (lines naming a "file")
  .csv .tsv           one article per row, with a header (columns: see --columns)
  any of them + .gz   gzip-compressed
  article objects: text|content|body|html, and optional id|doc_id, title,
  published|date, url, reference_date"""


class _Help(argparse.RawDescriptionHelpFormatter, argparse.ArgumentDefaultsHelpFormatter):
    """Keeps the epilog's layout and shows every default that says something (not for
    flags, options without a default, or help that already states its default)."""

    def _get_help_string(self, action):
        if action.default in (None, False) or "default" in (action.help or ""):
            return action.help
        return super()._get_help_string(action)


def _date(value: str) -> str:
    try:
        datetime.date.fromisoformat(value)
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None
    return value


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {n}")
    return n


def _seconds(value: str) -> float:
    try:
        s = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}") from None
    if not (s >= 0) or s == float("inf"):
        raise argparse.ArgumentTypeError(f"must be 0 (no limit) or more seconds, got {value}")
    return s


_SCHEDULER = re.compile(r"^(?:(?:tcp|tls|ucx|ws|wss)://)?(?:\[[0-9a-fA-F:]+\]|[\w.-]+):(\d{1,5})$")


def _scheduler(value: str) -> str:
    m = _SCHEDULER.match(value)
    if not m or not 0 < int(m.group(1)) < 65536:
        raise argparse.ArgumentTypeError(
            f"not a scheduler address (tcp://HOST:PORT): {value!r}")
    return value


def _columns(value: str) -> dict:
    """``text=正文,id=编号`` → {"text": ("正文",), "id": ("编号",)}."""
    from .io.inputs import DEFAULT_COLUMNS
    out: dict = {}
    for part in value.split(","):
        role, _, names = part.partition("=")
        role = role.strip()
        if role not in DEFAULT_COLUMNS or not names.strip():
            raise argparse.ArgumentTypeError(
                f"expected ROLE=COLUMN[|COLUMN…] with ROLE one of {', '.join(DEFAULT_COLUMNS)}: {part!r}")
        out[role] = tuple(n.strip() for n in names.split("|") if n.strip())
    return out


#: Skipped files named one by one before the rest are only counted (--verbose: all).
SKIPPED_NAMED = 20


def _say_skip(verbose: bool):
    state = {"n": 0}

    def on_skip(path: str, reason: str) -> None:
        from .io.inputs import escape_text
        state["n"] += 1
        if verbose or state["n"] <= SKIPPED_NAMED:
            print(f"fupin: skipped {escape_text(path)}: {reason}", file=sys.stderr)
    return on_skip, state


def _say_skipped_count(state: dict, verbose: bool) -> None:
    if not verbose and state["n"] > SKIPPED_NAMED:
        print(f"fupin: … and {state['n'] - SKIPPED_NAMED} more files skipped "
              f"({state['n']} in all; --verbose names every one)", file=sys.stderr)


# --------------------------------------------------------------------------- commands

def cmd_extract(args) -> int:
    from .io.batch import json_line, process
    from .io.inputs import iter_inputs
    stdin = sys.stdin.buffer if args.file == "-" else None
    on_skip, _ = _say_skip(False)
    inputs = list(iter_inputs([args.file], fmt=args.format, columns=args.columns, stdin=stdin,
                              on_skip=on_skip))
    if not inputs:
        print(f"fupin extract: nothing to read in {args.file}", file=sys.stderr)
        return 2
    status = 0
    for inp in inputs:
        if args.doc_id and len(inputs) == 1:
            inp = type(inp)(**{**inp.__dict__, "doc_id": args.doc_id})
        record = process(inp, reference_date=args.reference_date, published=args.published)
        if len(inputs) == 1 and not args.compact:
            line = json_line(record)
            sys.stdout.write(json.dumps(json.loads(line), ensure_ascii=False, indent=2) + "\n")
        else:  # a container: one line per article
            sys.stdout.write(json_line(record))
        if "error" in record:
            status = 1
    return status


def cmd_normalize(args) -> int:
    from .text.normalize import InputError, normalize
    try:
        data = sys.stdin.buffer.read() if args.file == "-" else open(args.file, "rb").read()
        norm = normalize(data)
    except (OSError, InputError) as err:
        print(f"fupin normalize: {err}", file=sys.stderr)
        return 1
    sys.stdout.write(norm.text)
    if not norm.text.endswith("\n"):
        sys.stdout.write("\n")
    if args.explain:
        out = sys.stderr
        print(f"# encoding: {norm.encoding}; script: {norm.script}; "
              f"repairs: {json.dumps(norm.repair_counts(), ensure_ascii=False)}", file=out)
        for r in sorted(norm.repairs + norm.edits, key=lambda r: r.source_span):
            print(f"{r.kind}\t{r.source_span[0]}-{r.source_span[1]}\t{r.original!r} -> {r.replacement!r}",
                  file=out)
        for w in norm.warnings:
            print(f"warning: {w}", file=out)
    return 0


def _check_run_args(args) -> str | None:
    """The reason a run cannot start, found without touching a file; else None."""
    if args.scheduler and args.engine != "dask":
        return "--scheduler needs --engine dask"
    if args.engine == "dask":
        try:
            import dask.distributed  # noqa: F401
        except ImportError:
            return "the dask engine needs dask: pip install 'fupin-extractor[dask]'"
    if args.output == "-" and (args.resume or args.tables):
        return "--resume and --tables need an output file (-o FILE), not -"
    if args.output != "-" and os.path.isdir(args.output):
        return f"the output {args.output} is a folder; give a file name"
    if args.tables:
        from .io.tables import schema
        ours = {f"{n}.{ext}" for n in schema() for ext in ("parquet", "csv")}
        if os.path.isdir(args.tables) and any(e not in ours for e in os.listdir(args.tables)):
            return (f"--tables {args.tables} holds other files; give a new or a tables-only folder "
                    "(it is replaced as a whole)")
    if args.resume and args.output != "-" and os.path.exists(args.output) \
            and not os.access(args.output, os.R_OK | os.W_OK):
        return f"cannot read and write {args.output} to resume"
    return None


def cmd_run(args) -> int:
    from .io.batch import Interrupted, RunError, run
    problem = _check_run_args(args)
    if problem:
        print(f"fupin run: {problem}", file=sys.stderr)
        return 2
    on_skip, skipped = _say_skip(args.verbose)
    try:
        summary = run(args.inputs, args.output, jobs=args.jobs, resume=args.resume,
                      engine=args.engine, scheduler=args.scheduler, ordered=not args.unordered,
                      tables=args.tables, tables_format=args.tables_format,
                      reference_date=args.reference_date, fmt=args.format, columns=args.columns,
                      timeout=args.timeout, allow_outside=args.allow_outside, on_skip=on_skip,
                      progress=False if args.no_progress else None, with_text=args.with_text)
    except RunError as err:
        _say_skipped_count(skipped, args.verbose)
        extra = f" ({skipped['n']} files skipped, named above)" if skipped["n"] else ""
        print(f"fupin run: {err}{extra}", file=sys.stderr)
        return 2
    except Interrupted as stop:
        s = stop.summary
        name = "SIGTERM" if stop.signum == signal.SIGTERM else "Ctrl-C"
        print(f"fupin run: stopped by {name} after {s['articles']} articles and {s['errors']} "
              f"errors; the output holds whole lines: add --resume to finish", file=sys.stderr)
        return 143 if stop.signum == signal.SIGTERM else 130
    _say_skipped_count(skipped, args.verbose)
    facts = ", ".join(f"{summary[k]} {k}" for k in
                      ("counties", "cadres", "persons", "amounts", "poverty_figures", "pairings"))
    done = f", {summary['skipped']} already done" if summary["skipped"] else ""
    print(f"fupin run: {summary['articles']} articles, {summary['errors']} errors{done}; "
          f"{facts}; {summary['seconds']} s", file=sys.stderr)
    return 0


def cmd_eval(args) -> int:
    from .report.evaluate import run_cli
    return run_cli(args.gold_dir, args.predictions, json_out=args.json, misses=args.misses,
                   all_gold=args.all_gold)


def cmd_review(args) -> int:
    from .report.review import run_cli
    return run_cli(args.records, args.output, gold=args.gold, all_gold=args.all_gold)


def cmd_panel(args) -> int:
    from .report.panels import run_cli
    return run_cli(args.records, args.output)


# ----------------------------------------------------------------------------- parser

def build_parser() -> argparse.ArgumentParser:
    from .io.batch import DEFAULT_TIMEOUT
    from .io.inputs import FORMATS
    parser = argparse.ArgumentParser(
        prog="fupin", formatter_class=_Help,
        description="Extract counties, cadres, money, poverty figures and pairings from "
        "Chinese poverty-alleviation news, as JSON records with a span back to the source.",
        epilog=FORMATS_HELP + "\n\n" + EXIT_CODES + "\n\nexamples:\n"
        "  fupin extract article.html\n  fupin run corpus/ -o out/records.jsonl --tables out/tables\n"
        "  fupin COMMAND --help   (each command's options and examples)")
    parser.add_argument("--version", action="version", version=f"fupin-extractor {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    _add_extract(sub, FORMATS)
    _add_run(sub, FORMATS, DEFAULT_TIMEOUT)
    _add_normalize_and_eval(sub)
    _add_review(sub)
    return parser


def _add_extract(sub, FORMATS) -> None:
    p = sub.add_parser(
        "extract", formatter_class=_Help, help="one file or stdin → JSON record(s) on stdout",
        description="Read one file (or stdin) and print its record: indented JSON for one "
        "article, one compact line per article for a container (JSONL, CSV, a JSON array). "
        "A file that cannot be read prints an error record {doc_id, source, error: {kind, "
        "message}}. The output is always valid UTF-8 JSON.",
        epilog=FORMATS_HELP + "\n\n" + EXIT_CODES + "\n\nexamples:\n"
        "  fupin extract page.html\n  fupin extract - --format json < article.json\n"
        "  fupin extract archive.jsonl.gz --compact > records.jsonl\n"
        "  cat a.txt | fupin extract - --published 2020-06-18")
    p.add_argument("file", help="a file, or - for stdin")
    p.add_argument("--format", choices=FORMATS, help="read as this format (default: by the "
                   "file's suffix; stdin: JSON when it is JSON, else text)")
    p.add_argument("--columns", type=_columns, help="CSV/JSON column names by role, e.g. "
                   "text=正文,id=编号|序号 (roles: id, title, text, published, url)")
    p.add_argument("--doc-id", help="doc_id of the record (default: the file's stem, or the "
                   "article's own id)")
    p.add_argument("--published", type=_date, help="publication date YYYY-MM-DD (overrides the input's)")
    p.add_argument("--reference-date", type=_date,
                   help="date YYYY-MM-DD that 今年/去年 are resolved against when the input has none")
    p.add_argument("--compact", action="store_true", help="one line of JSON per record")
    p.set_defaults(func=cmd_extract)


def _add_run(sub, FORMATS, DEFAULT_TIMEOUT) -> None:
    p = sub.add_parser(
        "run", formatter_class=_Help, help="folders, files, globs, archives → JSONL records",
        description="Process every article of the inputs into OUTPUT: exactly one line per "
        "article, a record or an error record {doc_id, source, error: {kind, message}} (kinds: "
        "not_found, unreadable, not_regular, outside, bad_input, input, too_large, timeout, "
        "internal). Records come in input order. Folders are walked recursively; unsupported "
        "files are named on stderr and skipped; OUTPUT and the tables folder are never read "
        "as input.",
        epilog=FORMATS_HELP + "\n\n" + EXIT_CODES + "\n\nexamples:\n"
        "  fupin run corpus/ -o out/records.jsonl\n"
        "  fupin run archive/ -o out/records.jsonl --jobs 2 --tables out/tables\n"
        "  fupin run archive/ -o out/records.jsonl --resume --tables out/tables   (after a stop)\n"
        "  fupin run news.csv --columns text=正文,id=编号 -o out/records.jsonl\n"
        "  fupin run archive/ -o out/r.jsonl --engine dask --scheduler tcp://10.0.0.5:8786")
    p.add_argument("inputs", nargs="+", help="folders, files, globs, or - for stdin")
    p.add_argument("-o", "--output", required=True, help="output JSONL file (- for stdout)")
    p.add_argument("--jobs", "-j", type=_jobs, default=1, help="worker processes (≥ 1)")
    p.add_argument("--resume", action="store_true", help="keep the records already in OUTPUT, "
                   "retry its errors, process the rest; OUTPUT ends in input order, one line per "
                   "article, as an uninterrupted run would leave it")
    p.add_argument("--unordered", action="store_true", help="write records as they finish")
    p.add_argument("--engine", choices=["local", "dask"], default="local",
                   help="local processes, or dask (a local cluster of --jobs processes, or --scheduler)")
    p.add_argument("--scheduler", type=_scheduler, help="dask scheduler address "
                   "tcp://HOST:PORT (needs --engine dask)")
    p.add_argument("--tables", metavar="DIR", help="also write the tables (schema in the README) "
                   "to DIR, built from the whole OUTPUT")
    p.add_argument("--tables-format", choices=["parquet", "csv"], default="parquet",
                   help="file format of --tables")
    p.add_argument("--reference-date", type=_date,
                   help="date YYYY-MM-DD for 今年/去年 when an input has none")
    p.add_argument("--format", choices=FORMATS, help="read every input as this format "
                   "(default: by suffix; stdin: JSON when it is JSON, else text)")
    p.add_argument("--columns", type=_columns, help="CSV/JSON column names by role, e.g. "
                   "text=正文,id=编号 (defaults: id|doc_id, title, content|text, published|date, url)")
    p.add_argument("--timeout", type=_seconds, default=DEFAULT_TIMEOUT,
                   help="seconds one article may take (both engines); a later one gets an error "
                   "record of kind timeout and its worker process is replaced; 0 = no limit")
    p.add_argument("--allow-outside", action="store_true",
                   help="let a manifest name files outside its own folder")
    p.add_argument("--verbose", "-v", action="store_true", help=f"name every skipped file (else the first {SKIPPED_NAMED} and a count)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar on a terminal")
    p.add_argument("--with-text", action="store_true",
                   help="add the normalised text to each record as `text` (for fupin review)")
    p.set_defaults(func=cmd_run)


def _add_normalize_and_eval(sub) -> None:
    p = sub.add_parser(
        "normalize", formatter_class=_Help, help="print the normalised text",
        description="Print the normalised text of one file or stdin (decoded, markup removed, "
        "mojibake and converter notes repaired, broken lines joined, widths and script unified).",
        epilog=EXIT_CODES + "\n\nexamples:\n  fupin normalize corpus/003_dded6dd67a8340da.txt --explain")
    p.add_argument("file", help="a file, or - for stdin")
    p.add_argument("--explain", action="store_true", help="list every repair on stderr")
    p.set_defaults(func=cmd_normalize)

    p = sub.add_parser(
        "eval", formatter_class=_Help, help="score predictions against gold annotations",
        description="Precision, recall and F1 per field of PREDICTIONS against the gold "
        "annotations in GOLD_DIR. Only the gold articles that have a prediction are scored, "
        "unless --all-gold.",
        epilog=EXIT_CODES + "\n\nexamples:\n  fupin run corpus/ -o out/seeds.jsonl && "
        "fupin eval gold/ out/seeds.jsonl --misses")
    p.add_argument("gold_dir")
    p.add_argument("predictions", help="JSONL of records (fupin run output)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--misses", action="store_true", help="list misses and spurious items")
    p.add_argument("--all-gold", action="store_true",
                   help="score every gold article; one without a prediction scores as empty")
    p.set_defaults(func=cmd_eval)


def _add_review(sub) -> None:
    p = sub.add_parser(
        "review", formatter_class=_Help, help="one HTML page to check the facts of each article by eye",
        description="Write one self-contained HTML page: each article's normalised text with "
        "every fact highlighted by kind, a list of the facts with their values, filters by kind. "
        "With --gold, missed and spurious items are marked exactly as fupin eval --misses lists them.",
        epilog=EXIT_CODES + "\n\nexamples:\n  fupin run corpus/ --with-text -o out/records.jsonl\n"
        "  fupin review out/records.jsonl --gold gold/ -o out/review.html")
    p.add_argument("records", help="JSONL of records (fupin run --with-text output)")
    p.add_argument("-o", "--output", required=True, help="the HTML page to write")
    p.add_argument("--gold", metavar="GOLD_DIR", help="mark missed and spurious items against gold")
    p.add_argument("--all-gold", action="store_true",
                   help="also show gold articles without a record (as fupin eval --all-gold)")
    p.set_defaults(func=cmd_review)

    p = sub.add_parser(
        "panel", formatter_class=_Help, help="panels across articles: counties × year, cadres, "
        "the pairing network (Parquet, CSV, GraphML)",
        description="Build the panels across articles from the records alone: county × year "
        "(relevant amounts by purpose, figures by metric, helpers, articles), cadres linked "
        "across articles, and the pairing network; each table as Parquet and CSV, the network "
        "also as GraphML. The same records give the same bytes.",
        epilog=EXIT_CODES + "\n\nexamples:\n  fupin panel out/records.jsonl -o out/panels")
    p.add_argument("records", help="JSONL of records (fupin run output)")
    p.add_argument("-o", "--output", required=True, metavar="DIR", help="folder for the tables")
    p.set_defaults(func=cmd_panel)


def main(argv: list[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("fupin: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
