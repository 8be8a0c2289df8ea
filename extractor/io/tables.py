"""Tables for researchers: one table per fact kind, one row per fact, plus ``articles``."""
from __future__ import annotations

import json
from pathlib import Path

from ..record import Record


def _flat(value):
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


def to_frames(records) -> dict:
    """Records or record dicts → {table: DataFrame}: one table per fact kind + articles.
    The ``pairings`` table also carries the article's ``published`` date."""
    import pandas as pd
    articles, rows = [], {k: [] for k in Record.FACT_KINDS}
    for rec in records:
        d = rec.to_dict() if hasattr(rec, "to_dict") else rec
        if "error" in d:
            continue
        articles.append({k: _flat(v) for k, v in d.items() if k not in Record.FACT_KINDS})
        for kind in Record.FACT_KINDS:
            for i, fact in enumerate(d.get(kind, [])):
                row = {"doc_id": d.get("doc_id"), "index": i}
                if kind == "pairings":
                    # edges of the assistance network, comparable across articles and time
                    row["published"] = d.get("published")
                row.update({k: _flat(v) for k, v in fact.items()})
                rows[kind].append(row)
    frames = {"articles": pd.DataFrame(articles)}
    for kind, r in rows.items():
        frames[kind] = pd.DataFrame(r, columns=None if r else ["doc_id", "index"])
    return frames


def write_tables(records, folder: str) -> None:
    Path(folder).mkdir(parents=True, exist_ok=True)
    for name, frame in to_frames(records).items():
        frame.to_parquet(Path(folder) / f"{name}.parquet", index=False)
