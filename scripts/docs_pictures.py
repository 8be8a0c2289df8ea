#!/usr/bin/env python3
"""The README's pictures: docs/review.png (the review page of seed 000 against its gold,
screenshot by headless Chromium) and docs/network.png (the pairing network the pipeline
finds in the 200 articles of ../shared/data/real-news/; the gold annotations' network when
those texts are absent).

    python scripts/docs_pictures.py
"""
from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from extractor import extract  # noqa: E402
from extractor.report.browser import screenshot  # noqa: E402
from extractor.report.evaluate import load_gold  # noqa: E402
from extractor.report.panels import build_panels, network  # noqa: E402
from extractor.report.review import review  # noqa: E402

DOCS = REPO / "docs"
SEED = "000_174a016ead846662"


def review_picture() -> Path:
    record = extract((REPO / "corpus" / f"{SEED}.txt").read_bytes(), doc_id=SEED)
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "review.html"
        review([record], page, gold=[REPO / "gold" / f"{SEED}.json"],
               title="fupin review — corpus/000 against gold/000")
        return screenshot(page, DOCS / "review.png", width=1400, height=1050)


def gold_records() -> list[dict]:
    published = {}
    for index in sorted((REPO.parent / "shared" / "data" / "real-news").glob("*/index.jsonl")):
        for line in index.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                published[str(row["id"])] = str(row.get("published") or "")[:10] or None
    out = []
    for _, data in load_gold(REPO / "gold"):     # second annotations (gold/agreement/) left out
        out.append({**data, "published": published.get(data["doc_id"])})
    return out


def real_news_records() -> list[dict]:
    out = []
    for index in sorted((REPO.parent / "shared" / "data" / "real-news").glob("*/index.jsonl")):
        for line in index.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            path = index.parent / Path(row["file"]).name
            published = str(row.get("published") or "")[:10] or None
            out.append(extract(path.read_bytes(), doc_id=str(row["id"]), published=published,
                               title=row.get("title")).to_dict())
    return out


def network_picture() -> Path:
    import matplotlib
    matplotlib.use("Agg")
    from extractor.report.plots import plot_network
    records = real_news_records()
    what = f"the pipeline's pairings in {len(records)} real news articles"
    if not records:
        records, what = gold_records(), "the gold annotations"
    graph = network(build_panels(records))
    ax = plot_network(graph, title=f"who helps whom: {what} ({graph.number_of_edges()} "
                      f"pairings, {graph.number_of_nodes()} places)")
    ax.figure.set_size_inches(15, 12)
    out = DOCS / "network.png"
    ax.figure.savefig(out, dpi=85, bbox_inches="tight")
    return out


if __name__ == "__main__":
    DOCS.mkdir(exist_ok=True)
    print(review_picture())
    print(network_picture())
