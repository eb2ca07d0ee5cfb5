"""Build the architecture comparison table (docs/model-study.md rows) from exported models and their cards.

Usage: python scripts/study_table.py RUN_DIR_OR_MODEL.onnx ... [--not-run "resnet50: reason"]
Needs the `onnx` package (test/train extras) to count parameters.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import numpy as np


def _params(onnx_path: Path) -> int:
    import onnx
    from onnx import numpy_helper

    model = onnx.load(str(onnx_path))
    return int(sum(numpy_helper.to_array(t).size for t in model.graph.initializer))


def _latency_ms(card_path: Path, repeats: int = 30) -> float:
    from dermassist.inference.card import load_card
    from dermassist.inference.session import ModelSession

    session = ModelSession(load_card(card_path), providers="cpu")
    h, w = session.card.input.size
    x = np.zeros((1, 3, h, w) if session.card.input.layout == "NCHW" else (1, h, w, 3), np.float32)
    for _ in range(5):
        session.run(x)
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        session.run(x)
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def _fmt(m: dict) -> str:  # type: ignore[type-arg]
    return f"{m['value']:.3f} [{m['ci95'][0]:.3f}, {m['ci95'][1]:.3f}]"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("models", nargs="*", type=Path)
    ap.add_argument("--not-run", action="append", default=[], help='"arch: reason"')
    args = ap.parse_args()
    import json

    print("| architecture | ImageNet init | params | ONNX MB | CPU ms (batch 1) | val AUC [95% CI] | test AUC [95% CI] "
          "| test sensitivity | test specificity | test prevalence-matched acc. | test accuracy |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for path in args.models:
        onnx_path = path if path.suffix == ".onnx" else sorted(path.glob("*.onnx"))[0]
        card = json.loads(onnx_path.with_suffix(".json").read_text())
        m = card["metrics"]
        init = card.get("training", {}).get("imagenet_weights", "?")
        print(f"| {card['architecture']} | {init} | {_params(onnx_path) / 1e6:.2f} M "
              f"| {onnx_path.stat().st_size / 1e6:.1f} | {_latency_ms(onnx_path.with_suffix('.json')):.1f} "
              f"| {_fmt(m['val']['roc_auc'])} | {_fmt(m['test']['roc_auc'])} | {_fmt(m['test']['sensitivity'])} "
              f"| {_fmt(m['test']['specificity'])} | {_fmt(m['test']['prevalence_matched_accuracy'])} "
              f"| {_fmt(m['test']['accuracy'])} |")
    for item in args.not_run:
        arch, _, reason = item.partition(":")
        print(f"| {arch.strip()} | not run: {reason.strip()} | | | | | | | | | |")


if __name__ == "__main__":
    main()
