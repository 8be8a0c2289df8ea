#!/usr/bin/env python3
"""False positives on a whole archive month: what the pipeline finds in articles that are
not about poverty work at all.

    python scripts/archive_false_positives.py            # counts, and the articles that yield any
    python scripts/archive_false_positives.py --quiet    # counts only
    python scripts/archive_false_positives.py --json     # counts as JSON

The archive is ``../shared/data/archive/rmrb-2019-10/`` (every article of one month of
People's Daily; not ours to publish, read in place). An article is **no-cue** when its
``index.jsonl`` row has ``cue_hits == 0`` (none of 脱贫, 扶贫, 贫困, 对口, 帮扶, 援藏, 援疆,
东西部, 第一书记, 摘帽, 驻村) and it is not a copy of a curated topic article (``also_in``
empty). SPEC 4 and 5: such an article has no relevant amounts and no poverty figures, so
every one found is a false positive. Reported per 1,000 no-cue articles.

``archive_counts()`` returns the counts (used by the accuracy report); the script prints
them and, unless ``--quiet``, lists each no-cue article that still yields any, with the
sentence, for reading.
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Optional

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from extractor import extract  # noqa: E402

ARCHIVE = REPO.parent / "shared" / "data" / "archive" / "rmrb-2019-10"


@dataclass
class Hit:
    doc_id: str
    title: str
    kind: str          # "amount" or "figure"
    text: str
    sentence: str


@dataclass
class ArchiveCounts:
    articles: int = 0
    no_cue_articles: int = 0
    amounts: int = 0                 # all amounts found in no-cue articles
    relevant_amounts: int = 0        # of those, marked relevant (each one is wrong)
    poverty_figures: int = 0         # figures in no-cue articles (each one is wrong)
    hits: list[Hit] = field(default_factory=list)

    def per_1000(self, n: int) -> float:
        return 1000 * n / self.no_cue_articles if self.no_cue_articles else 0.0

    def summary(self) -> dict:
        return {"articles": self.articles, "no_cue_articles": self.no_cue_articles,
                "amounts": self.amounts, "relevant_amounts": self.relevant_amounts,
                "poverty_figures": self.poverty_figures,
                "relevant_amounts_per_1000": round(self.per_1000(self.relevant_amounts), 2),
                "poverty_figures_per_1000": round(self.per_1000(self.poverty_figures), 2)}


def index_rows(archive: Path = ARCHIVE) -> Iterator[dict]:
    with open(archive / "index.jsonl", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def archive_counts(archive: Path = ARCHIVE, limit: Optional[int] = None) -> Optional[ArchiveCounts]:
    """Run the pipeline over the archive's no-cue articles; None when the archive is absent."""
    if not (archive / "index.jsonl").is_file():
        return None
    counts = ArchiveCounts()
    for row in index_rows(archive):
        counts.articles += 1
        if row.get("cue_hits", 0) != 0 or row.get("also_in"):
            continue
        if limit is not None and counts.no_cue_articles >= limit:
            continue
        counts.no_cue_articles += 1
        data = (archive / Path(row["file"]).name).read_bytes()
        record = extract(data, doc_id=row["id"], title=row.get("title"),
                         published=row.get("published"))
        title = row.get("title") or ""
        counts.amounts += len(record.amounts)
        for a in record.amounts:
            if a.relevant:
                counts.relevant_amounts += 1
                counts.hits.append(Hit(row["id"], title, "amount", a.text, record.sentence_of(a.span)))
        for fig in record.poverty_figures:
            counts.poverty_figures += 1
            counts.hits.append(Hit(row["id"], title, f"figure {fig.metric}", fig.text,
                                   record.sentence_of(fig.span)))
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--archive", type=Path, default=ARCHIVE)
    parser.add_argument("--quiet", action="store_true", help="counts only")
    parser.add_argument("--json", action="store_true", help="counts as JSON")
    parser.add_argument("--limit", type=int, help="only the first N no-cue articles")
    args = parser.parse_args()
    counts = archive_counts(args.archive, args.limit)
    if counts is None:
        print(f"{args.archive} is absent: nothing to measure", file=sys.stderr)
        return
    if args.json:
        print(json.dumps(counts.summary(), ensure_ascii=False))
        return
    if not args.quiet:
        for h in counts.hits:
            print(f"{h.doc_id} [{h.title[:20]}] {h.kind}: {h.text}\n    {h.sentence.strip()[:200]}")
        print()
    s = counts.summary()
    print(f"archive {args.archive.name}: {s['articles']} articles, {s['no_cue_articles']} with no poverty cue")
    print(f"  amounts found in no-cue articles: {s['amounts']}")
    print(f"  relevant amounts: {s['relevant_amounts']} = {s['relevant_amounts_per_1000']:.1f} per 1,000 no-cue articles")
    print(f"  poverty figures:  {s['poverty_figures']} = {s['poverty_figures_per_1000']:.1f} per 1,000 no-cue articles")


if __name__ == "__main__":
    main()
