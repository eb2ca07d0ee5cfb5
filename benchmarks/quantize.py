"""Quantize the model to INT8 (static, per-channel QDQ) and measure its speed and probability change.

    .venv/bin/python benchmarks/quantize.py [--model M.onnx] [--out runs/quantized] [--variants]

Calibration: ~200 ``train``-split images (fixed seed) decoded and preprocessed by the app's own code.
Comparison: malignant probabilities of the float and INT8 models on ``val`` images (max and mean
|change|, decisions that flip at the card's threshold, val ROC AUC of both), and inference time at
batch 1 and 8 in the same process, alternating the two models. The test-split AUC is for
``dermassist evaluate OUT/<name>-int8.onnx --split test`` (the INT8 model is kept only if it holds).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from benchlib import ROOT, cpu_description
from run import DEFAULT_DATA, resolve_model


def _auc(y: list[int], p: list[float]) -> float | None:
    import numpy as np

    from dermassist.evaluation.metrics import roc_auc

    yy = np.array(y)
    return roc_auc(yy, np.array(p)) if 0 < yy.sum() < len(yy) else None


def _timing(sessions: dict[str, Any], batch: int, repeats: int) -> dict[str, dict[str, float]]:
    import numpy as np

    any_card = next(iter(sessions.values())).card
    h, w = any_card.input.size
    x = np.random.default_rng(0).standard_normal((batch, 3, h, w), dtype=np.float32)
    times: dict[str, list[float]] = {k: [] for k in sessions}
    for s in sessions.values():
        for _ in range(3):
            s.run(x)
    for _ in range(repeats):  # alternate so that load changes hit both alike
        for k, s in sessions.items():
            t = time.perf_counter()
            s.run(x)
            times[k].append((time.perf_counter() - t) * 1000)
    return {k: {"median": statistics.median(v), "min": min(v), "max": max(v)} for k, v in times.items()}


def compare(float_card: Any, int8_card: Any, images: list[Any], threads: int, repeats: int) -> dict[str, Any]:
    """Probability change and speed of the INT8 model against the float one."""
    from dermassist.inference.pipeline import Failure, classify_paths
    from dermassist.inference.session import ModelSession

    sessions = {"float32": ModelSession(float_card, "cpu", threads), "int8": ModelSession(int8_card, "cpu", threads)}
    probs: dict[str, list[float]] = {}
    for key, s in sessions.items():
        probs[key] = [r.malignant if not isinstance(r, Failure) else float("nan")
                      for r in classify_paths(s, [i.path for i in images], batch_size=16)]
    y = [i.malignant for i in images]
    diffs = [abs(a - b) for a, b in zip(probs["float32"], probs["int8"], strict=True)]
    thr = float_card.threshold
    flips = sum((a >= thr) != (b >= thr) for a, b in zip(probs["float32"], probs["int8"], strict=True))
    return {
        "images": len(images), "max_abs_dp": max(diffs), "mean_abs_dp": statistics.fmean(diffs),
        "p99_abs_dp": sorted(diffs)[int(0.99 * (len(diffs) - 1))], "decision_flips": flips, "threshold": thr,
        "val_auc_float32": _auc(y, probs["float32"]), "val_auc_int8": _auc(y, probs["int8"]),
        "batch1_ms": _timing(sessions, 1, repeats), "batch8_ms": _timing(sessions, 8, max(3, repeats // 4)),
    }


def main(argv: list[str]) -> int:
    """Quantize, compare, print."""
    from dermassist.evaluation.dataset import read_labels
    from dermassist.inference.card import load_card
    from dermassist.inference.quantize import CALIBRATION_METHODS, QuantizeOptions, quantize_model

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", type=Path)
    parser.add_argument("--random-model", action="store_true")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=ROOT / "runs" / "quantized")
    parser.add_argument("--calibration", type=int, default=200, help="train-split images for calibration")
    parser.add_argument("--compare", type=int, default=400, help="val-split images for the comparison (0: all)")
    parser.add_argument("--repeats", type=int, default=30)
    parser.add_argument("--threads", type=int, default=int(cpu_description()["usable_cpus"] or 1))
    parser.add_argument("--activations", choices=["uint8", "int8"], default="uint8")
    parser.add_argument("--method", choices=CALIBRATION_METHODS, default="minmax")
    parser.add_argument("--exclude-head", action="store_true", help="keep the classifier layer in float")
    parser.add_argument("--variants", action="store_true",
                        help="also try int8 activations, percentile calibration and a float head")
    args = parser.parse_args(argv)
    if not (args.data / "labels.csv").is_file():
        print(f"no labels.csv in {args.data}: the shared ISIC folder is needed", file=sys.stderr)
        return 2
    model, origin = resolve_model(args.model, args.random_model)
    card = load_card(model)
    train = read_labels(args.data, "train")
    calib = [s.path for s in random.Random(0).sample(train, min(args.calibration, len(train)))]
    val = read_labels(args.data, "val")
    if args.compare:
        val = random.Random(1).sample(val, min(args.compare, len(val)))
    print(f"Model: {card.name} {card.version} ({origin}); calibration {len(calib)} train images; "
          f"comparison {len(val)} val images; {args.threads} thread(s)")
    variants = [QuantizeOptions(activation_type=args.activations, calibrate_method=args.method,
                                exclude_head=args.exclude_head)]
    if args.variants:
        variants += [QuantizeOptions(activation_type="int8"), QuantizeOptions(calibrate_method="percentile"),
                     QuantizeOptions(exclude_head=True)]
    for i, opts in enumerate(variants):
        head = "-fhead" if opts.exclude_head else ""
        suffix = "" if i == 0 else f"-{opts.activation_type}-{opts.calibrate_method}{head}"
        out = args.out / f"{card.name}-int8{suffix}.onnx"
        q = quantize_model(card, calib, out, opts)
        r = compare(card, q.card, val, args.threads, args.repeats)
        b1, b8 = r["batch1_ms"], r["batch8_ms"]
        auc_f, auc_q = r["val_auc_float32"], r["val_auc_int8"]
        print(f"\n{out} (sha256 {q.card.short_sha}); activations {opts.activation_type}, {opts.calibrate_method}, "
              f"head in {'float' if opts.exclude_head else 'int8'}; quantized in {q.seconds:.0f} s")
        print(f"  batch 1: float32 {b1['float32']['median']:.2f} ms, int8 {b1['int8']['median']:.2f} ms "
              f"({b1['float32']['median'] / b1['int8']['median']:.2f}x)")
        print(f"  batch 8: float32 {b8['float32']['median']:.1f} ms, int8 {b8['int8']['median']:.1f} ms "
              f"({b8['float32']['median'] / b8['int8']['median']:.2f}x)")
        print(f"  |dp(malignant)| on {r['images']} val images: max {r['max_abs_dp']:.4f}, p99 {r['p99_abs_dp']:.4f}, "
              f"mean {r['mean_abs_dp']:.4f}; decisions flipped at {r['threshold']:.3f}: {r['decision_flips']}")
        if auc_f is not None and auc_q is not None:
            print(f"  val AUC: float32 {auc_f:.4f}, int8 {auc_q:.4f} (change {auc_q - auc_f:+.4f})")
        print(f"  test AUC for the decision: .venv/bin/dermassist evaluate {out} --split test")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
