"""Inputs: folders, files, globs, JSONL archives, manifests and stdin, expanded into
:class:`Input` items in order, and :func:`load` to read one."""
from __future__ import annotations

import glob
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional

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
