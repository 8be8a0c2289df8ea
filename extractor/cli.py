"""The ``fupin`` command (also ``python -m extractor``)."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import __version__


def _read_arg(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    with open(path, "rb") as f:
        return f.read()


def cmd_extract(args) -> int:
    from .io.batch import process
    from .io.inputs import Input
    if args.file == "-":
        inp = Input(doc_id=args.doc_id or "stdin", source="-", item=sys.stdin.buffer.read())
    else:
        path = Path(args.file)
        inp = Input(doc_id=args.doc_id or path.stem, source=args.file,
                    path=args.file if path.exists() else None,
                    item=None if path.exists() else FileNotFoundError(args.file))
    record = process(inp, reference_date=args.reference_date, published=args.published)
    json.dump(record, sys.stdout, ensure_ascii=False, indent=None if args.compact else 2)
    sys.stdout.write("\n")
    return 0 if "error" not in record else 1


def cmd_normalize(args) -> int:
    from .text.normalize import InputError, normalize
    try:
        norm = normalize(_read_arg(args.file))
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
        for r in norm.repairs:
            print(f"{r.kind}\t{r.source_span[0]}-{r.source_span[1]}\t{r.original!r} -> {r.replacement!r}",
                  file=out)
        for w in norm.warnings:
            print(f"warning: {w}", file=out)
    return 0


def cmd_run(args) -> int:
    from .io.batch import RunError, run
    try:
        summary = run(args.inputs, args.output, jobs=args.jobs, resume=args.resume,
                      engine=args.engine, scheduler=args.scheduler, ordered=not args.unordered,
                      tables=args.tables, reference_date=args.reference_date)
    except RunError as err:
        print(f"fupin run: {err}", file=sys.stderr)
        return 2
    facts = ", ".join(f"{summary[k]} {k}" for k in
                      ("counties", "cadres", "persons", "amounts", "poverty_figures", "pairings"))
    skipped = f", {summary['skipped']} already done" if summary["skipped"] else ""
    print(f"fupin run: {summary['articles']} articles, {summary['errors']} errors{skipped}; "
          f"{facts}; {summary['seconds']} s", file=sys.stderr)
    return 0


def cmd_eval(args) -> int:
    from .report.evaluate import run_cli
    return run_cli(args.gold_dir, args.predictions, json_out=args.json, misses=args.misses)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fupin", description="Extract counties, cadres, money, poverty figures and "
        "pairings from Chinese poverty-alleviation news.")
    parser.add_argument("--version", action="version", version=f"fupin-extractor {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="one article → one JSON record on stdout")
    p.add_argument("file", help="a .txt/.html file, a JSON object with text/content, or - for stdin")
    p.add_argument("--doc-id")
    p.add_argument("--published", help="publication date (YYYY-MM-DD)")
    p.add_argument("--reference-date", help="date that 今年/去年 are resolved against")
    p.add_argument("--compact", action="store_true", help="one line of JSON")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("run", help="folders, files, globs or JSONL archives → JSONL records")
    p.add_argument("inputs", nargs="+")
    p.add_argument("-o", "--output", required=True, help="output JSONL (- for stdout)")
    p.add_argument("--jobs", "-j", type=int, default=1, help="worker processes")
    p.add_argument("--resume", action="store_true", help="skip inputs already in OUTPUT; append")
    p.add_argument("--unordered", action="store_true", help="write records as they finish")
    p.add_argument("--engine", choices=["local", "dask"], default="local")
    p.add_argument("--scheduler", help="dask scheduler address (with --engine dask)")
    p.add_argument("--tables", metavar="DIR", help="also write Parquet tables to DIR")
    p.add_argument("--reference-date", help="default date for 今年/去年 when an input has none")
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("normalize", help="print the normalised text")
    p.add_argument("file", help="a file, or - for stdin")
    p.add_argument("--explain", action="store_true", help="list every repair on stderr")
    p.set_defaults(func=cmd_normalize)

    p = sub.add_parser("eval", help="score predictions against gold annotations")
    p.add_argument("gold_dir")
    p.add_argument("predictions", help="JSONL of records (fupin run output)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--misses", action="store_true", help="list misses and spurious items")
    p.set_defaults(func=cmd_eval)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("fupin: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
