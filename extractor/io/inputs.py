"""Inputs: folders, files, globs, containers (JSON, JSONL, CSV/TSV, gzip), manifests and
stdin, expanded into :class:`Input` items in order, and :func:`load` to read one.

One :class:`Input` is one article, whatever the container. Every input carries a
``source`` (the path as given, ``:N`` for the N-th line or row of a container) and a
``doc_id`` that is unique within a run (see :func:`iter_inputs` for the rule). Nothing
here raises for a bad file: it becomes an Input whose ``item`` is the exception, which
the batch runner turns into an error record.
"""
from __future__ import annotations

import csv
import errno
import glob
import gzip
import io
import json
import os
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional

from ..text.normalize import InputError, decode
from .digests import DigestSet

#: Formats by file suffix (after a ``.gz``, which any of them may carry).
SUFFIX_FORMATS = {".txt": "txt", ".text": "txt", ".html": "html", ".htm": "html",
                  ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
                  ".csv": "csv", ".tsv": "tsv"}
FORMATS = ("txt", "html", "json", "jsonl", "csv", "tsv")
#: Formats read when the inputs are listed (their articles carry their own ids).
CONTAINER_FORMATS = {"json", "jsonl", "csv", "tsv"}
TEXT_KEYS = ("text", "content", "body", "html")
META_KEYS = ("doc_id", "title", "published", "url", "reference_date")

#: Column names read from CSV/TSV rows (and JSON objects), by role; the first present wins.
DEFAULT_COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("id", "doc_id"), "title": ("title",), "text": ("content", "text"),
    "published": ("published", "date"), "url": ("url",),
}


class BadFile(OSError):
    """A path that is not a regular file (FIFO, device, socket, symlink loop) or lies
    outside its manifest's folder."""

    def __init__(self, message: str, kind: str = "unreadable"):
        super().__init__(message)
        self.kind = kind

    def __reduce__(self):  # pickled to worker processes with its kind
        return (BadFile, (str(self), self.kind))

    def __str__(self) -> str:
        return self.args[0] if self.args else ""


@dataclass(frozen=True)
class Input:
    """One article to process: where it comes from, and how to get its content."""

    doc_id: str
    source: str                      # file path as given, or path:N for a container line/row
    item: Any = None                 # already-loaded content (str, bytes, dict) or an Exception
    path: Optional[str] = None       # a file to read lazily
    meta: Optional[dict] = None      # title/published/url from a manifest line
    fmt: str = "txt"                 # how to read ``path``: txt | html | json
    columns: Optional[dict] = field(default=None, compare=False)


# ----------------------------------------------------------------------- text safety

def escape_text(value: str) -> str:
    """A str that encodes as UTF-8: each lone surrogate is written out as an escape.

    A file name byte that is not UTF-8 (Python keeps it as U+DC80…U+DCFF) becomes
    ``\\xNN``; any other lone surrogate (from JSON ``"\\ud800"``) becomes ``\\uXXXX``.
    Valid text is returned unchanged.
    """
    try:
        value.encode("utf-8")
        return value
    except UnicodeEncodeError:
        pass
    out = []
    for ch in value:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:
            out.append(f"\\x{code - 0xDC00:02x}")
        elif 0xD800 <= code <= 0xDFFF:
            out.append(f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)


def escape_all(value):
    """:func:`escape_text` on every str inside lists and dicts (keys too)."""
    if isinstance(value, str):
        return escape_text(value)
    if isinstance(value, dict):
        return {escape_all(k): escape_all(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [escape_all(v) for v in value]
    return value


# ---------------------------------------------------------------------------- listing

def format_of(path: str | Path) -> Optional[str]:
    """The format of a file by its suffix (``x.jsonl.gz`` → jsonl), or None."""
    name = str(path).lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return SUFFIX_FORMATS.get(os.path.splitext(name)[1])


def _stem(path: str) -> str:
    name = os.path.basename(path)
    if name.lower().endswith(".gz"):
        name = name[:-3]
    return os.path.splitext(name)[0] or name


@dataclass
class _File:
    path: str          # as it will appear in ``source``
    rel: str           # relative to its input folder (the path itself for a named file)
    fmt: Optional[str]
    error: Optional[Exception] = None   # not a regular file, a symlink loop…
    real: Optional[str] = None          # its real path, when the walk knows it


def _check_regular(path: str) -> Optional[Exception]:
    """None for a regular file; else the reason it cannot be read. Never opens it."""
    try:
        st = os.stat(path)
    except OSError as err:
        if err.errno == errno.ELOOP:
            return BadFile(f"symlink loop: {escape_text(path)}")
        if err.errno == errno.ENOENT:
            if os.path.islink(path):
                return BadFile(f"broken symlink: {escape_text(path)}")
            return FileNotFoundError(f"no such file: {escape_text(path)}")
        return err
    if stat.S_ISREG(st.st_mode):
        return None
    what = ("a FIFO" if stat.S_ISFIFO(st.st_mode) else "a device" if
            stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode) else
            "a socket" if stat.S_ISSOCK(st.st_mode) else "a directory" if
            stat.S_ISDIR(st.st_mode) else "not a regular file")
    return BadFile(f"not a regular file ({what}): {escape_text(path)}", kind="not_regular")


def _walk(root: str, exclude: set[str], skip: Callable[[str, str], None]) -> Iterator[_File]:
    """The files under ``root``, sorted, recursively. Symlinked folders are followed once
    (a folder already visited is a loop: named and skipped); hidden entries are ignored.
    Holds one folder's sorted names at a time, never the whole tree."""
    visited: set[str] = set()

    def visit(folder: str, rel_folder: str) -> Iterator[_File]:
        real_folder = os.path.realpath(folder)
        if real_folder in visited:
            skip(folder, "symlink loop (folder already visited)")
            return
        visited.add(real_folder)
        try:
            with os.scandir(folder) as listing:
                entries = sorted((e.name, _is_dir(e), e.is_symlink())
                                 for e in listing if not e.name.startswith("."))
        except OSError as err:
            skip(folder, f"cannot list folder: {err.strerror or err}")
            return
        # paths built by concatenation, as scandir builds them (os.path calls per file
        # were most of the listing's time on an archive)
        prefix = folder if folder.endswith(os.sep) else folder + os.sep
        real_prefix = real_folder.rstrip(os.sep) + os.sep
        for name, is_dir, is_link in entries:
            path, rel = prefix + name, rel_folder + name
            # the real path without a system call per file: only a symlink needs resolving
            real = os.path.realpath(path) if is_link else real_prefix + name
            if real in exclude:
                skip(path, "the run's own output")
                continue
            if is_dir:
                yield from visit(path, rel + os.sep)
                continue
            fmt = format_of(name)
            if fmt is None:
                error = _check_regular(path)
                if error is not None and "symlink loop" in str(error):
                    yield _File(path, rel, None, error, real)
                else:
                    skip(path, f"unsupported file type ({os.path.splitext(name)[1] or 'no suffix'})")
                continue
            yield _File(path, rel, fmt, _check_regular(path), real)

    yield from visit(root, "")


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir(follow_symlinks=True)
    except OSError:
        return False


def _list_files(paths: list[str], exclude: set[str],
                skip: Callable[[str, str], None]) -> Iterator[_File]:
    """The files of the inputs, in order; lazily, so it can be walked again."""
    for raw in paths:
        if raw == "-":
            yield _File("-", "-", None)
            continue
        if os.path.isdir(raw):
            yield from _walk(raw, exclude, skip)
        elif os.path.lexists(raw):
            yield _File(raw, raw, format_of(raw), _check_regular(raw))
        else:
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                yield _File(raw, raw, format_of(raw),
                            FileNotFoundError(f"no such file or pattern: {raw}"))
            for m in matches:
                if os.path.isdir(m) or os.path.realpath(m) in exclude:
                    continue
                fmt = format_of(m)
                if fmt is None:
                    skip(m, "unsupported file type")
                else:
                    yield _File(m, m, fmt, _check_regular(m))


def _id_keys(f: _File) -> tuple[str, str, str]:
    """A file's candidate ids, from the shortest: its stem, its path relative to the input
    folder without the suffix, the same with the suffix. Files with the same relative path
    have the same stem, so a later candidate only matters where the earlier ones clash."""
    if f.path == "-":
        return ("stdin", "-", "-")
    rel = f.rel.replace(os.sep, "/")
    if rel.lower().endswith(".gz"):
        rel = rel[:-3]
    return (_stem(f.rel), os.path.splitext(rel)[0], rel)


class _FileIds:
    """doc_ids for the files of a run: the stem, unless several files share it; then the
    path relative to the input folder without the suffix (``a/x``, ``b/x``); where that
    still clashes, with the suffix (``x.txt``, ``x.html``); then the path as given.

    The files are counted first, in up to two walks over the inputs (:meth:`count` every
    file's stem; then, when stems clash, :meth:`count_clashing` the longer candidates of
    the files whose stem clashes), then :meth:`of` gives each file's id. Only digests are
    kept (:class:`DigestSet`), so the parent stays small however many files the run has.
    """

    def __init__(self):
        self._once = [DigestSet() for _ in range(3)]
        self._twice = [DigestSet() for _ in range(3)]

    def count(self, f: _File) -> None:
        self._count(0, _id_keys(f)[0])

    def stems_clash(self) -> bool:
        return len(self._twice[0]) > 0

    def count_clashing(self, f: _File) -> None:
        keys = _id_keys(f)
        if keys[0] in self._twice[0]:
            self._count(1, keys[1])
            self._count(2, keys[2])

    def _count(self, level: int, key: str) -> None:
        if not self._once[level].add(key):
            self._twice[level].add(key)

    def counted(self) -> None:
        """Counting is over: only the keys seen more than once are kept."""
        self._once = []

    def of(self, f: _File) -> str:
        for level, key in enumerate(_id_keys(f)):
            if key not in self._twice[level]:
                return escape_text(key)
        return escape_text(f.path)


def iter_inputs(paths: Iterable[str], *, fmt: Optional[str] = None,
                columns: Optional[dict] = None, exclude: Iterable[str] = (),
                allow_outside: bool = False, stdin=None,
                on_skip: Optional[Callable[[str, str], None]] = None) -> Iterator[Input]:
    """Expand folders, globs and containers into Inputs, in order.

    ``fmt`` forces the format of every input (needed for stdin, ``-``; default txt with
    JSON objects recognised). ``columns`` overrides :data:`DEFAULT_COLUMNS` by role.
    ``exclude`` lists paths never read (the run's own output and tables). Files that are
    skipped (unsupported type, the output) are passed to ``on_skip(path, reason)``.

    doc_ids are unique within the run: a file's stem (disambiguated as :class:`_FileIds`
    says); a container line's own ``id``/``doc_id``, else ``FILE_ID:N``; an id that a
    file of the run has, or that an earlier container article used, becomes
    ``ID@SOURCE``.

    The inputs are walked up to five times (manifests; stems; longer ids where stems
    clash; the files' ids, when there are containers; then for good): what is kept in
    memory is a few digests per file, not the list of files.
    """
    skip = on_skip or (lambda path, reason: None)
    cols = {**DEFAULT_COLUMNS, **(columns or {})}
    excluded = {os.path.realpath(p) for p in exclude}
    paths = list(paths)
    kept, file_ids, seen = _census(paths, excluded, fmt)

    def unique(doc_id: str, source: str) -> str:
        doc_id = escape_text(doc_id)
        if not seen.add(doc_id):
            doc_id = f"{doc_id}@{source}"
            seen.add(doc_id)
        return doc_id

    for f in _list_files(paths, excluded, skip):
        if kept(f):
            yield from _inputs_of_file(f, file_ids.of(f), fmt or f.fmt, cols, unique, stdin,
                                       allow_outside)


def _census(paths: list[str], excluded: set[str], fmt: Optional[str]
            ) -> tuple[Callable[[_File], bool], _FileIds, DigestSet]:
    """The walks before the first Input (see :func:`iter_inputs`): which files are read
    on their own (not through a manifest), their ids, and the ids files own."""
    def quiet(path: str, reason: str) -> None:
        pass

    # Files that a manifest (a JSONL of {"file": …} lines) lists come in through the
    # manifest, with its metadata, and not a second time on their own.
    listed = DigestSet()
    for f in _list_files(paths, excluded, quiet):
        if f.error is None and f.fmt == "jsonl" and f.path != "-":
            for target in _manifest_files(f.path):
                listed.add(target)

    def kept(f: _File) -> bool:
        return (f.error is not None or f.path == "-"
                or (f.real or os.path.realpath(f.path)) not in listed)

    file_ids = _FileIds()
    has_containers = False
    for f in _list_files(paths, excluded, quiet):
        if kept(f):
            file_ids.count(f)
            has_containers = has_containers or (fmt or f.fmt) in CONTAINER_FORMATS \
                or f.path == "-"
    if file_ids.stems_clash():
        for f in _list_files(paths, excluded, quiet):
            if kept(f):
                file_ids.count_clashing(f)
    file_ids.counted()

    # ids that files own, which a container's article may not take
    owned = DigestSet()
    if has_containers:
        for f in _list_files(paths, excluded, quiet):
            if kept(f) and (fmt or f.fmt) not in CONTAINER_FORMATS and f.path != "-":
                owned.add(file_ids.of(f))
    return kept, file_ids, owned


def _inputs_of_file(f: _File, file_id: str, file_fmt: Optional[str], cols: dict,
                    unique: Callable[[str, str], str], stdin, allow_outside: bool) -> Iterator[Input]:
    """The Inputs of one listed file: itself, or the articles of a container."""
    source = escape_text(f.path)
    if f.error is not None:
        yield Input(doc_id=file_id, source=source, item=f.error)
        return
    if f.path == "-":
        data = _read_stdin(stdin)
        if isinstance(data, Exception):
            yield Input(doc_id="stdin", source="-", item=data)
            return
        try:
            stream = io.BytesIO(_gunzip(data))
        except BadFile as err:
            yield Input(doc_id="stdin", source="-", item=err)
            return
        yield from _expand(stream, "-", "stdin", file_fmt or _sniff(stream.getvalue()),
                           cols, unique, allow_outside=allow_outside)
        return
    if file_fmt in CONTAINER_FORMATS:
        try:
            stream = _open(f.path)
        except (OSError, MemoryError) as err:
            yield Input(doc_id=file_id, source=source, item=err)
            return
        with stream:
            yield from _expand(stream, f.path, file_id, file_fmt, cols, unique,
                               allow_outside=allow_outside)
    else:
        yield Input(doc_id=file_id, source=source, path=f.path, fmt=file_fmt or "txt",
                    columns=cols)


def _read_stdin(stdin) -> bytes | Exception:
    try:
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read()
        return data.encode("utf-8", "surrogateescape") if isinstance(data, str) else data
    except (OSError, MemoryError, ValueError) as err:
        return err


def _sniff(data: bytes) -> str:
    """The format of stdin without --format: a JSON object or array is json, several lines
    of JSON objects jsonl, anything else text (a page or body in HTML is found by content)."""
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if head not in (b"{", b"["):
        return "txt"
    try:
        json.loads(_text_of(data))
        return "json"
    except (ValueError, InputError, RecursionError, MemoryError):
        pass
    lines = [line for line in data.splitlines() if line.strip()]
    if len(lines) > 1 and all(line.lstrip()[:1] == b"{" for line in lines[:5]):
        return "jsonl"
    return "json" if head == b"{" else "txt"


def _open(path: str):
    """A binary stream of a regular file's bytes, decompressed when gzip."""
    error = _check_regular(path)
    if error is not None:
        raise error
    handle = open(path, "rb")
    if handle.peek(2)[:2] == b"\x1f\x8b":
        return gzip.GzipFile(fileobj=handle, mode="rb")
    return handle


def _read_file(path: str) -> bytes:
    error = _check_regular(path)
    if error is not None:
        raise error
    with open(path, "rb") as f:
        data = f.read()
    return _gunzip(data)


def _gunzip(data: bytes) -> bytes:
    if data[:2] == b"\x1f\x8b":
        try:
            return gzip.decompress(data)
        except (OSError, EOFError) as err:
            raise BadFile(f"broken gzip data: {err}", kind="bad_input") from None
    return data


def _text_of(data: bytes) -> str:
    """Container bytes → text (UTF-8, else the encoding the normaliser detects)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text, _, _ = decode(data)
        return text


# ------------------------------------------------------------------------ containers

def _expand(stream, path: str, file_id: str, fmt: str, cols: dict,
            unique: Callable[[str, str], str], *, allow_outside: bool) -> Iterator[Input]:
    """One container's stream → its articles (one Input per line, row or array item).
    JSONL is read line by line; a container that breaks part-way (a truncated gzip)
    gives an error record for the rest."""
    source = escape_text(path)
    try:
        if fmt == "jsonl":
            yield from _iter_jsonl(stream, path, file_id, cols, unique, allow_outside)
            return
        data = stream.read()
    except (OSError, EOFError, MemoryError) as err:
        yield Input(doc_id=unique(f"{file_id}:rest", source), source=source,
                    item=BadFile(f"cannot read the rest of {source}: {err}", kind="bad_input"))
        return
    if fmt in ("csv", "tsv"):
        yield from _iter_csv(data, source, file_id, fmt, cols, unique)
    elif fmt == "json":
        try:
            obj = json.loads(_text_of(data))
        except (ValueError, InputError, RecursionError, MemoryError) as err:
            yield Input(doc_id=unique(file_id, source), source=source, item=_json_error(err))
            return
        items = obj if isinstance(obj, list) else [obj]
        for n, item in enumerate(items, 1):
            src = f"{source}:{n}" if isinstance(obj, list) else source
            fallback = f"{file_id}:{n}" if isinstance(obj, list) else file_id
            yield Input(doc_id=unique(_own_id(item, cols) or fallback, src), source=src,
                        item=item, columns=cols)
    else:  # txt / html on stdin
        yield Input(doc_id=unique(file_id, source), source=source, item=data, fmt=fmt,
                    columns=cols)


def _json_error(err: BaseException) -> ValueError:
    if isinstance(err, RecursionError):
        return ValueError("JSON nested too deeply to read")
    if isinstance(err, MemoryError):
        return ValueError("JSON too large to read in memory")
    return ValueError(f"not JSON: {err}")


def _own_id(obj, cols: dict) -> Optional[str]:
    if not isinstance(obj, dict):
        return None
    for key in cols["id"]:
        value = obj.get(key)
        if value is not None and value != "":
            return str(value)
    return None


def _iter_jsonl(stream, path: str, file_id: str, cols: dict,
                unique: Callable[[str, str], str], allow_outside: bool) -> Iterator[Input]:
    source = escape_text(path)
    folder = os.path.dirname(os.path.realpath(path)) if path != "-" else None
    for lineno, line in enumerate(stream, 1):
        if not line.strip():
            continue
        src = f"{source}:{lineno}"
        try:
            obj = json.loads(_text_of(line))
        except (ValueError, InputError, RecursionError, MemoryError) as err:
            message = _json_error(err)
            yield Input(doc_id=unique(f"{file_id}:{lineno}", src), source=src,
                        item=ValueError(f"line {lineno}: {message}"))
            continue
        doc_id = unique(_own_id(obj, cols) or f"{file_id}:{lineno}", src)
        target = _manifest_target(path, obj) if folder else None
        if target is None:
            yield Input(doc_id=doc_id, source=src, item=obj, columns=cols)
            continue
        meta = {k: obj[k] for k in META_KEYS if obj.get(k) is not None}
        target_src = escape_text(str(target))
        real = os.path.realpath(target)
        if not allow_outside and os.path.commonpath([real, folder]) != folder:
            yield Input(doc_id=doc_id, source=target_src, item=BadFile(
                f"{src}: {escape_text(obj['file'])} is outside the manifest's folder "
                f"(--allow-outside reads it)", kind="outside"))
            continue
        error = _check_regular(str(target))
        yield Input(doc_id=doc_id, source=target_src, item=error, path=str(target), meta=meta,
                    fmt=format_of(target) or "txt", columns=cols)


def _iter_csv(data: bytes, source: str, file_id: str, fmt: str, cols: dict,
              unique: Callable[[str, str], str]) -> Iterator[Input]:
    try:
        text = _text_of(data)
    except InputError as err:
        yield Input(doc_id=unique(file_id, source), source=source, item=err)
        return
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter="\t" if fmt == "tsv" else ",")
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as err:
        yield Input(doc_id=unique(file_id, source), source=source, item=ValueError(f"not CSV: {err}"))
        return
    header = [h.strip().lstrip("\ufeff") for h in header]
    if not any(name in header for name in cols["text"]):
        yield Input(doc_id=unique(file_id, source), source=source, item=ValueError(
            f"no text column (one of {', '.join(cols['text'])}) in the header: {', '.join(header)}"))
        return
    row_no = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            row_no += 1
            src = f"{source}:{row_no}"
            yield Input(doc_id=unique(f"{file_id}:{row_no}", src), source=src,
                        item=ValueError(f"row {row_no}: {err}"))
            continue
        if not any(cell.strip() for cell in row):
            continue
        row_no += 1
        src = f"{source}:{row_no}"
        obj = dict(zip(header, row))
        yield Input(doc_id=unique(_own_id(obj, cols) or f"{file_id}:{row_no}", src), source=src,
                    item=obj, columns=cols)


def _manifest_target(path: str, obj) -> Optional[str]:
    """A manifest line names a file (``{"id", "file", "published", ...}``) and has no text."""
    if not isinstance(obj, dict) or not isinstance(obj.get("file"), str):
        return None
    if any(isinstance(obj.get(k), str) for k in TEXT_KEYS):
        return None
    base = os.path.dirname(path)
    # The file is named relative to the manifest's folder, or to the folder above it
    # (real-news: rmrb/index.jsonl names "rmrb/x.txt").
    for folder in (base, os.path.dirname(base)):
        target = _join(folder, obj["file"])
        try:
            if os.path.isfile(target):
                return target
        except (OSError, ValueError):
            break
    return _join(base, obj["file"])


def _join(folder: str, name: str) -> str:
    """``str(Path(folder, name))`` without pathlib's cost: ``.`` parts and doubled
    separators dropped, ``..`` kept."""
    joined = os.path.join(folder, name)
    parts = [p for p in joined.split(os.sep) if p not in ("", ".")]
    lead = os.sep if joined.startswith(os.sep) else ""
    return lead + os.sep.join(parts) if parts else (lead or ".")


def _manifest_files(path: str) -> Iterator[str]:
    """The files a manifest lists (real paths), up to its first line that is not a
    manifest line; none when it is an archive of articles."""
    if path.lower().endswith(".gz"):
        return
    try:
        with open(path, "rb") as f:
            for line in f:
                if not line.strip():
                    continue
                try:
                    target = _manifest_target(path, json.loads(line))
                except (ValueError, RecursionError):
                    return
                if target is None:
                    return  # not a manifest: an archive of articles
                yield os.path.realpath(target)
    except OSError:
        return


# ------------------------------------------------------------------------------ load

def load(inp: Input) -> dict:
    """The content of an input as ``{"text": str|bytes, "format": …, meta…}``; raises on
    bad input (OSError for files, ValueError for content)."""
    item = inp.item
    if isinstance(item, Exception):
        raise item
    fmt = inp.fmt
    cols = inp.columns or DEFAULT_COLUMNS
    if inp.path is not None:
        data = _read_file(inp.path)
        if fmt == "json":
            try:
                item = json.loads(_text_of(data))
            except (ValueError, InputError, RecursionError, MemoryError) as err:
                raise _json_error(err) from None
            if isinstance(item, list):
                raise ValueError("a JSON array: list it with fupin run to read each article")
        else:
            return {**_meta(inp.meta or {}, cols), "text": data, "doc_id": inp.doc_id,
                    "format": fmt}
    if isinstance(item, (str, bytes, bytearray)):
        return {"text": item, "doc_id": inp.doc_id, "format": fmt}
    if isinstance(item, dict):
        text = next((item[k] for k in (*cols["text"], *TEXT_KEYS) if isinstance(item.get(k), str)),
                    None)
        if text is None:
            raise ValueError(f"no text field (one of {', '.join(dict.fromkeys((*cols['text'], *TEXT_KEYS)))})")
        out = _meta(item, cols)
        out["text"] = text
        out["doc_id"] = inp.doc_id
        out["format"] = "html" if item.get("html") == text else "txt"
        return out
    raise ValueError(f"cannot read an article from {type(item).__name__}")


def _meta(obj: dict, cols: dict) -> dict:
    """title/published/url/reference_date of a JSON object or CSV row, by column role."""
    out = {}
    for role, key in (("title", "title"), ("published", "published"), ("url", "url")):
        for name in cols.get(role, ()):
            value = obj.get(name)
            if value not in (None, ""):
                out[key] = str(value) if not isinstance(value, str) else value
                break
    if isinstance(obj.get("reference_date"), str):
        out["reference_date"] = obj["reference_date"]
    return out
