"""Rule data in ``rules/`` (YAML and TSV): where it lives, loading it once, and the few
helpers every rule compiler needs (an alternation of words, jieba's dictionary).

A pipeline may be built from another rules folder (``Pipeline(rules_dir=...)``): a file
found there replaces the project's file of the same name, every other file comes from
the project's own folder, so a researcher can extend one lexicon without forking.
"""
from __future__ import annotations

import csv
import re
from array import array
import warnings
from functools import cache, wraps
from importlib import resources
from pathlib import Path
from typing import Any, Callable, Iterable, Optional, Union

import regex
import yaml

try:                                   # re's own parser: Python 3.11 on, sre_parse before
    from re import _constants as _sre_constants, _parser as _sre_parse
except ImportError:                    # pragma: no cover
    import sre_constants as _sre_constants
    import sre_parse as _sre_parse

Folder = Union[Path, str, None]


@cache
def rules_dir():
    """The project's rules folder: ``rules/`` in a checkout, else the installed
    ``extractor.ruledata``. A Path in a checkout, else an importlib Traversable (use ``/``
    and ``.open()``)."""
    here = Path(__file__).resolve().parent.parent / "rules"
    if here.is_dir():
        return here
    return resources.files("extractor.ruledata")


def rule_file(name: str, folder: Folder = None):
    """``name`` in ``folder`` when it is there, else in the project's rules folder."""
    if folder is not None:
        candidate = Path(folder) / name
        if candidate.is_file():
            return candidate
    return rules_dir() / name


#: libyaml's safe loader where PyYAML was built with it: the same objects as
#: ``yaml.safe_load`` on every file of rules/ (checked), in a tenth of the time (the rules
#: took about 1 s of the pipeline's 1.5 s load in pure Python).
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def load_yaml(name: str, folder: Folder = None) -> dict:
    with rule_file(name, folder).open("r", encoding="utf-8") as f:
        return yaml.load(f, Loader=_YAML_LOADER)


@cache
def load_tsv(name: str, folder: Folder = None) -> tuple[dict, ...]:
    """Rows of a TSV file with a header line; lines starting with # are comments."""
    with rule_file(name, folder).open("r", encoding="utf-8", newline="") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    return tuple(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first (so 贫困人口 beats 贫困)."""
    return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def words_pattern(words: Iterable[str]) -> re.Pattern:
    """A compiled :func:`alternation`: by the standard ``re``, which finds literal words
    in about half the time ``regex`` takes (the same matches: both take the first
    alternative that matches at the leftmost position), written as a trie
    (:func:`trie_alternation`, the same matches again): at each position where a word may
    start, one branch is tried instead of every word (pairings' 60 cue words over real
    news: 2x quicker)."""
    words = list(words)
    if "" in words:
        return re.compile(alternation(words))    # the empty word matches everywhere; no trie
    return re.compile(trie_alternation(words))


def plain_pattern(pattern: str, flags: int = 0) -> Union[re.Pattern, regex.Pattern]:
    """A rule's pattern compiled by the standard ``re`` when ``re`` can find exactly the
    matches ``regex`` finds, else by ``regex``: the one place that chooses the engine.

    Why: on the short spans most rules are asked about (≈ 100,000 calls a real-news pass)
    ``re`` costs a half to a third less per call. ``re`` gets the pattern only (1) after
    :func:`_as_re_pattern` has written ``regex``'s own ``\\p{Han}``, ``\\s``, ``\\S``, ``\\d`` and
    ``\\D`` out as explicit classes (``re``'s ``\\s`` and ``\\d`` differ from ``regex``'s on
    a few code points: U+001C–U+001F, digits newer than ``re``'s Unicode), (2) with no
    ``\\w``, ``\\W``, ``\\b``, ``\\B`` (17,608 code points apart) and flags among
    MULTILINE, DOTALL only, and (3) when ``re`` reads it without an error or warning (no
    variable-width lookbehind, no ``(?|``, no ``(?V1)``, no nested set). ``regex``'s
    version 0 otherwise follows ``re`` (anchors, lookarounds and ``pos``/``endpos`` alike).
    Not for long alternations scanned over whole texts, where ``regex`` is often the
    quicker: ``re`` skips to where a match can start only when every alternative opens with a
    literal character (:func:`words_pattern`'s words do; money's currency anchors with a
    ``[亿億]`` class as the last alternative were 3× slower on ``re``, as words 4× quicker)."""
    if flags & ~(re.MULTILINE | re.DOTALL):
        return regex.compile(pattern, flags)
    plain = _as_re_pattern(pattern)
    if plain is None:
        return regex.compile(pattern, flags)
    with warnings.catch_warnings():
        warnings.simplefilter("error")   # re's FutureWarning on a set it may read otherwise
        try:
            return re.compile(plain, flags)
        except (re.error, FutureWarning):
            return regex.compile(pattern, flags)


def lead_gated_pattern(pattern: str) -> Union[re.Pattern, regex.Pattern]:
    """A long alternation of rule patterns asked for its first match in many short stretches
    (pairings' help cues: ≈ 1,400 stretches a real-news pass): :func:`plain_pattern`'s ``re``
    version opened by a lookahead at the characters a match can start with
    (:func:`_first_chars`). Without it ``re``, having no literal prefix or opening class to skip
    to, tries every alternative at every position (≈ 5× ``regex``'s time on the help cues); with
    it most positions fail at one set test (≈ 0.55× ``regex``'s time). The same matches: every
    match starts with a character of the set, and the lookahead consumes nothing. ``plain_pattern``'s
    own choice where the characters cannot be read (a class such as ``.`` or ``[^…]`` opens a
    match, or a match may be empty)."""
    compiled = plain_pattern(pattern)
    if not isinstance(compiled, re.Pattern):
        return compiled
    plain = _as_re_pattern(pattern)
    runs = _first_chars(plain)
    if runs is None:
        return compiled
    lead = "".join(f"\\U{a:08x}" if a == b else f"\\U{a:08x}-\\U{b:08x}" for a, b in runs)
    try:
        return re.compile(f"(?=[{lead}])(?:{plain})")
    except re.error:
        return compiled


def _first_chars(plain: str) -> Optional[list[tuple[int, int]]]:
    """The code points (merged runs (first, last)) a match of the ``re`` pattern ``plain`` can
    start with, read off ``re``'s parse of it; None when any character may (an opening ``.``, a
    negated set, a class by category, a back reference) or a match may be empty."""
    try:
        parsed = _sre_parse.parse(plain)
    except re.error:
        return None
    found = _first_of_sequence(list(parsed))
    if found is None or found[1]:
        return None
    runs: list[tuple[int, int]] = []
    for a, b in sorted(found[0]):
        if runs and a <= runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], max(b, runs[-1][1]))
        else:
            runs.append((a, b))
    return runs


def _first_of_sequence(items: list) -> Optional[tuple[set, bool]]:
    """(the code-point runs an item sequence's match can start with, whether it can match empty)."""
    runs: set = set()
    for op, av in items:
        found = _first_of_item(op, av)
        if found is None:
            return None
        runs |= found[0]
        if not found[1]:
            return runs, False
    return runs, True


def _first_of_item(op, av) -> Optional[tuple[set, bool]]:
    c = _sre_constants
    if op is c.LITERAL:
        return {(av, av)}, False
    if op is c.IN:
        runs = set()
        for kind, value in av:
            if kind is c.LITERAL:
                runs.add((value, value))
            elif kind is c.RANGE:
                runs.add(value)
            else:
                return None     # a negated set, a category (\\w)
        return runs, False
    if op is c.SUBPATTERN:
        return _first_of_sequence(list(av[-1]))
    if op is c.BRANCH:
        runs, empty = set(), False
        for branch in av[1]:
            found = _first_of_sequence(list(branch))
            if found is None:
                return None
            runs |= found[0]
            empty = empty or found[1]
        return runs, empty
    if op in _REPEATS:
        low, high, item = av
        found = _first_of_sequence(list(item))
        if found is None:
            return None
        return found[0], found[1] or low == 0
    if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
        return set(), True       # zero width: the match starts with what follows
    if op is getattr(c, "ATOMIC_GROUP", None):
        return _first_of_sequence(list(av))
    return None                  # ANY, NOT_LITERAL, a back reference…


def memo_by_identity(maxsize: int = 32):
    """A one-argument function's results remembered by the argument's identity, for arguments
    whose hash is dear: hashing a compiled ``re`` pattern hashes its whole compiled code
    (≈ 17–21 µs for the quantity grammar), so ``functools.cache`` keyed by a pattern paid
    that on every call. Each entry keeps its argument, so an id is not reused while its
    entry lives; ``maxsize`` entries at most (the memo starts again when full).

    >>> calls = []
    >>> @memo_by_identity()
    ... def length(words):
    ...     calls.append(words)
    ...     return len(words)
    >>> words = ["扶贫", "帮扶"]
    >>> length(words), length(words), len(calls)
    (2, 2, 1)
    """
    def wrap(function: Callable[[Any], Any]) -> Callable[[Any], Any]:
        entries: dict[int, tuple[Any, Any]] = {}

        @wraps(function)
        def remembered(argument):
            kept = entries.get(id(argument))
            if kept is None or kept[0] is not argument:
                if len(entries) >= maxsize:
                    entries.clear()
                kept = entries[id(argument)] = (argument, function(argument))
            return kept[1]
        return remembered
    return wrap


def last_mark_pattern(chars: str) -> re.Pattern:
    """The last of ``chars`` in text[pos:endpos] (``search(text, pos, endpos)``): one of them with
    none of them after it up to endpos (``re``'s ``\\Z`` stands at endpos) — the same match as
    ``regex``'s reverse search ``(?r)[chars]``, by a forward search of the standard ``re`` at
    about a third of its cost a call on the short spans asked about (0.8 against 2.4 µs over 30
    characters). Each of the characters found reads on to endpos: only for spans of a bounded
    reach (a clause's lead, a window), never a whole sentence or text."""
    marks = "".join(re.escape(c) for c in chars)
    return re.compile(f"[{marks}](?=[^{marks}]*\\Z)")


# A pattern's escapes and set brackets in reading order (inside a set a class is written
# out without brackets of its own).
_ESCAPE = re.compile(r"\\(?:p\{Han\}|.)|\[\^?\]?|\]", re.DOTALL)
_REWRITTEN = {r"\p{Han}": (r"\p{Han}", False), r"\s": (r"\s", False), r"\S": (r"\s", True),
              r"\d": (r"\d", False), r"\D": (r"\d", True)}
_UNEQUAL = {r"\w", r"\W", r"\b", r"\B"}
_REPEATS = tuple(op for op in (_sre_constants.MAX_REPEAT, _sre_constants.MIN_REPEAT,
                                getattr(_sre_constants, "POSSESSIVE_REPEAT", None)) if op is not None)
_INLINE_FLAGS = re.compile(r"\(\?[-a-zA-Z]*[aiLux][-a-zA-Z]*[:)]")   # case folding, ASCII, verbose


def _as_re_pattern(pattern: str) -> Optional[str]:
    """``pattern`` with ``regex``'s classes for ``\\p{Han}``, ``\\s``, ``\\d`` (and their
    negations) written out as code-point ranges, so ``re`` reads the same classes; None if
    the pattern has an escape whose class differs between the engines and is not written
    out here (``\\w``, ``\\b``), another ``\\p{…}``, or an inline flag that changes
    classes (``(?i)``, ``(?a)``, ``(?x)``)."""
    if _INLINE_FLAGS.search(pattern):
        return None
    out, in_set, last = [], False, 0
    for m in _ESCAPE.finditer(pattern):
        token = m.group()
        if token.startswith("["):
            in_set = True
            continue
        if token == "]":
            in_set = False
            continue
        if token in _UNEQUAL or (token[1] in "pPNX" and token not in _REWRITTEN):
            return None
        if token not in _REWRITTEN:
            continue
        name, negated = _REWRITTEN[token]
        ranges = _class_ranges(name, negated)
        out.append(pattern[last:m.start()])
        out.append(ranges if in_set else f"[{ranges}]")
        last = m.end()
    out.append(pattern[last:])
    return "".join(out)


@cache
def _class_ranges(name: str, negated: bool) -> str:
    """``regex``'s own class ``name`` (or its complement) as the ranges of a set."""
    runs = _class_runs(name)
    if negated:
        edges = [-1] + [c for run in runs for c in run] + [0x110000]
        runs = [(edges[i] + 1, edges[i + 1] - 1) for i in range(0, len(edges), 2)
                if edges[i] + 1 <= edges[i + 1] - 1]
    return "".join(f"\\U{first:08x}-\\U{last:08x}" for first, last in runs)


def _class_runs(name: str) -> tuple[tuple[int, int], ...]:
    """The runs shipped in ``regex_classes`` (generated from this ``regex`` version: no
    scan of every code point at load), else read off the installed ``regex``."""
    from extractor import regex_classes
    if regex_classes.REGEX_VERSION == regex.__version__:
        return regex_classes.RUNS[name]
    return read_class_runs(name)


@cache
def read_class_runs(name: str) -> tuple[tuple[int, int], ...]:
    """The code-point runs (first, last) of ``regex``'s class ``name``, read off every code
    point (≈ 0.1 s a class; scripts/build_regex_classes.py ships them)."""
    return tuple((m.start(), m.end() - 1) for m in regex.finditer(f"{name}+", _every_code_point()))


@cache
def _every_code_point() -> str:
    return array("I", range(0x110000)).tobytes().decode("utf-32-le", "surrogatepass")


def trie_alternation(words: Iterable[str]) -> str:
    """The same matches as :func:`alternation`, written as a trie (one branch per first
    character, each continuation optional and greedy, so the longest word wins): a scan
    tries one branch per position instead of every word, about twice as fast on a long
    list of names."""
    groups: dict[str, list[str]] = {}
    for w in set(words):
        if w:
            groups.setdefault(w[0], []).append(w[1:])
    branches = []
    for first, rests in sorted(groups.items()):
        longer = [r for r in rests if r]
        if not longer:
            branches.append(re.escape(first))
            continue
        optional = "?" if "" in rests else ""
        branches.append(f"{re.escape(first)}(?:{trie_alternation(longer)}){optional}")
    return "|".join(branches)


@cache
def jieba_dictionary() -> tuple[tuple[str, int, Optional[str]], ...]:
    """(word, frequency, POS tag) of every line of jieba's bundled ``dict.txt``: the
    project's stand-in for common Chinese words and characters."""
    import jieba
    path = Path(jieba.__file__).parent / "dict.txt"
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2:
                out.append((parts[0], int(parts[1]), parts[2] if len(parts) > 2 else None))
    return tuple(out)
