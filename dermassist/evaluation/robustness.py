"""How stable are predictions when the same lesion arrives at another size, shape, colour or quality?"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import cv2
import numpy as np

from dermassist.evaluation.dataset import read_labels
from dermassist.evaluation.metrics import roc_auc
from dermassist.imaging.loading import load_image
from dermassist.inference.session import ModelSession

Variant = Callable[[np.ndarray], np.ndarray]


def _resize(rgb: np.ndarray, w: int, h: int) -> np.ndarray:
    return np.asarray(cv2.resize(rgb, (w, h), interpolation=cv2.INTER_CUBIC if w > rgb.shape[1] else cv2.INTER_AREA))


def _jpeg(rgb: np.ndarray, quality: int) -> np.ndarray:
    ok, buf = cv2.imencode(".jpg", rgb[..., ::-1], [cv2.IMWRITE_JPEG_QUALITY, quality])
    decoded = cv2.imdecode(buf, cv2.IMREAD_COLOR) if ok else None
    return rgb if decoded is None else np.ascontiguousarray(decoded[..., ::-1])


def _gain(rgb: np.ndarray, gain: float, cast: tuple[float, float, float] = (1, 1, 1)) -> np.ndarray:
    out: np.ndarray = np.clip(rgb.astype(np.float32) * gain * np.array(cast, np.float32), 0, 255)
    return out.astype(np.uint8)


VARIANTS: dict[str, Variant] = {
    "original": lambda x: x,
    "4:3 photo 1600x1200 (aspect restored, upscaled)": lambda x: _resize(x, 1600, 1200),
    "downscaled to 112 then back": lambda x: _resize(_resize(x, 112, 112), x.shape[1], x.shape[0]),
    "JPEG quality 50": lambda x: _jpeg(x, 50),
    "brighter x1.2": lambda x: _gain(x, 1.2),
    "darker x0.8": lambda x: _gain(x, 0.8),
    "warm white balance": lambda x: _gain(x, 1.0, (1.08, 1.0, 0.9)),
    "rotated 90 degrees": lambda x: np.ascontiguousarray(np.rot90(x)),
}


def robustness(session: ModelSession, data: Path, split: str = "test", limit: int | None = None,
               batch: int = 32) -> dict[str, Any]:
    """AUC per variant and how far probabilities move from the original (mean and 95th percentile)."""
    samples = read_labels(data, split, limit)
    y = np.array([s.malignant for s in samples])
    probs: dict[str, list[float]] = {k: [] for k in VARIANTS}
    for start in range(0, len(samples), batch):
        originals = [load_image(s.path).rgb for s in samples[start : start + batch]]
        for name, fn in VARIANTS.items():
            preds = session.predict_images([fn(im) for im in originals], ["x"] * len(originals))
            probs[name].extend(p.malignant for p in preds)
    base = np.array(probs["original"])
    out: dict[str, Any] = {"split": split, "n": len(samples), "variants": {}}
    for name, ps in probs.items():
        p = np.array(ps)
        d = np.abs(p - base)
        flips = int(((p >= session.card.threshold) != (base >= session.card.threshold)).sum())
        out["variants"][name] = {"roc_auc": round(roc_auc(y, p), 4), "mean_abs_dp": round(float(d.mean()), 4),
                                 "p95_abs_dp": round(float(np.percentile(d, 95)), 4), "decision_flips": flips}
    return out


def robustness_markdown(result: dict[str, Any]) -> str:
    """A markdown table of :func:`robustness` results."""
    lines = [f"Robustness on `{result['split']}` (n = {result['n']}): the same images, changed as a clinic "
             "camera might.",
             "", "| variant | ROC AUC | mean abs. change of P(malignant) | 95th percentile | decisions flipped |",
             "|---|---|---|---|---|"]
    for name, v in result["variants"].items():
        lines.append(f"| {name} | {v['roc_auc']:.4f} | {v['mean_abs_dp']:.4f} | {v['p95_abs_dp']:.4f} "
                     f"| {v['decision_flips']} |")
    return "\n".join(lines) + "\n"
