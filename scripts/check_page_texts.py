"""Check restored web-page texts against their gold before scoring them.

Page texts are not in the repo (gold/README.md): whoever restores them saves each stored
excerpt at ``$FUPIN_PAGES_DIR/<doc_id>.txt`` (default ``.cache/pages/``). A text copied
wrong shifts the page columns of ``scripts/accuracy.py`` without any error, so this reads
each restored text through the pipeline's normaliser and looks for every quoted ``text``
of its gold file (figures, amounts) and every person and cadre name (county names are
canonical forms, often not written as such). Left flagged on purpose: quotes the annotator
tidied (doubled commas of a scrape dropped, a garbled 个 read as 个): the gold notes say so. A page whose gold quotes are not all found is listed with the first quote missed.

    python scripts/check_page_texts.py              # every gold page: missing / bad / ok counts
    python scripts/check_page_texts.py ID [ID ...]  # just these pages, each quote missed listed
"""
from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from extractor.text.normalize import normalize  # noqa: E402

PAGES = Path(os.environ.get("FUPIN_PAGES_DIR", REPO / ".cache" / "pages"))
GOLD_PAGES = REPO / "gold" / "pages"

#: (fact list, key) of gold items that quote the page (after normalisation).
QUOTED = (("persons", "name"), ("cadres", "name"), ("amounts", "text"), ("poverty_figures", "text"))


def _squeezed(text: str) -> str:
    """Quotes are compared without whitespace: annotators join lines a page breaks."""
    return re.sub(r"\s+", "", text)


def gold_quotes(gold: dict) -> list[str]:
    quotes = []
    for field, key in QUOTED:
        for item in gold.get(field) or []:
            value = item.get(key) if isinstance(item, dict) else None
            # a delisted county's figure quotes its canonical name (its `place`), not the page
            if isinstance(value, str) and value.strip() and value != item.get("place"):
                quotes.append(value)
    return quotes


def _found(quote: str, text: str) -> bool:
    """Annotators elide inside a long quote with …: its pieces must appear in order. The quote
    is normalised like the text (a name written 於 in both reads 于 in the text)."""
    at = 0
    for piece in re.split(r"…+|\.{3,}", _squeezed(normalize(quote).text)):
        at = text.find(piece, at)
        if at < 0:
            return False
        at += len(piece)
    return True


def missed_quotes(doc_id: str) -> list[str] | None:
    """Quotes of the gold not in the restored text; None when no text is restored."""
    path = PAGES / f"{doc_id}.txt"
    if not path.exists():
        return None
    text = _squeezed(normalize(path.read_bytes()).text)
    gold = json.loads((GOLD_PAGES / f"{doc_id}.json").read_text(encoding="utf-8"))
    return [q for q in gold_quotes(gold) if not _found(q, text)]


def main(argv: list[str]) -> int:
    ids = argv or sorted(p.stem for p in GOLD_PAGES.glob("*.json"))
    missing, bad, ok = [], [], 0
    for doc_id in ids:
        missed = missed_quotes(doc_id)
        if missed is None:
            missing.append(doc_id)
        elif missed:
            bad.append(doc_id)
            shown = missed if argv else missed[:1]
            print(f"{doc_id}: {len(missed)} quote(s) not found: " + " | ".join(shown))
        else:
            ok += 1
    print(f"{ok} ok, {len(bad)} with quotes not found, {len(missing)} not restored")
    if argv and missing:
        print("not restored: " + " ".join(missing))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
