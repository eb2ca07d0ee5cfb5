"""Measure the trust checks on the shared data: the figures reported in docs/trust.md.

OOD pass rate on the test split and flag rate on the non-dermoscopy probe set; quality-gate
behaviour on test pictures and on blurred / darkened copies; test-time augmentation's effect
on the test-split ROC AUC and on latency; the low-confidence band on val and test; and how
much the CAM heatmap concentrates on the lesion (Otsu mask) rather than the picture's border.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import cv2
import numpy as np

from dermassist.imaging.loading import load_image
from dermassist.imaging.quality import QualityLimits, assess_quality, lesion_mask, work_grey
from dermassist.inference.heatmap import concentration
from dermassist.inference.ood import OodModel
from dermassist.inference.preprocess import preprocess
from dermassist.inference.session import ModelSession
from dermassist.inference.uncertainty import confidence, odds_factor_for, operating_point, tta_batch, tta_views
from dermassist.trust.features import BatchOutputs, outputs_for_images
from dermassist.trust.ood_fit import split_outputs

Log = Callable[[str], None]


def _auc(y: np.ndarray, score: np.ndarray) -> float:
    from dermassist.evaluation.metrics import roc_auc

    return round(roc_auc(y, score), 4)


def _expit(x: np.ndarray, temperature: float) -> np.ndarray:
    return np.asarray(1.0 / (1.0 + np.exp(-x / temperature)))


def ood_rates(session: ModelSession, ood: OodModel, test: BatchOutputs) -> dict[str, Any]:
    """Share of test dermoscopy images passed, and of the probe set flagged (overall and per group)."""
    from dermassist.trust.ood_probe import PROBE_SET_NAME, probe_set

    try:
        probes = probe_set()
    except ImportError as exc:
        return {"skipped": f"the probe set needs scikit-image (the 'test' extra): {exc}"}
    out = outputs_for_images(session, [p.rgb for p in probes])
    flagged = ood.distances(out.features) > ood.threshold
    groups = sorted({p.group for p in probes})
    per_group = {
        g: round(float(np.mean([f for f, p in zip(flagged, probes, strict=True) if p.group == g])), 4) for g in groups
    }
    missed = [p.name for f, p in zip(flagged, probes, strict=True) if not f]
    return {
        "threshold": round(ood.threshold, 3),
        "test_pass_rate": round(float((ood.distances(test.features) <= ood.threshold).mean()), 4),
        "test_n": len(test),
        "probe_set": PROBE_SET_NAME,
        "probe_n": len(probes),
        "probe_flag_rate": round(float(flagged.mean()), 4),
        "probe_flag_rate_by_group": per_group,
        "probe_counts": dict(Counter(p.group for p in probes)),
        "probe_missed": missed,
    }


def quality_rates(paths: list[Path], min_side: int) -> dict[str, Any]:
    """Quality-gate warnings on the pictures as they are, blurred (Gaussian sigma 2 px) and darkened (x0.25)."""
    limits = QualityLimits(min_side=min_side)
    counts: dict[str, Counter[str]] = {k: Counter() for k in ("original", "blurred", "darkened")}
    flagged: Counter[str] = Counter()
    for path in paths:
        rgb = load_image(path).rgb
        variants = {
            "original": rgb,
            "blurred": cv2.GaussianBlur(rgb, (0, 0), 2),
            "darkened": (rgb.astype(np.float32) * 0.25).astype(np.uint8),
        }
        for name, img in variants.items():
            report = assess_quality(img, limits)
            counts[name].update(report.codes)
            target = {"original": None, "blurred": "blur", "darkened": "dark"}[name]
            if (target is None and report.ok) or (target is not None and target in report.codes):
                flagged[name] += 1
    n = len(paths)
    return {
        "n": n,
        "original_pass_rate": round(flagged["original"] / n, 4),
        "blurred_flag_rate": round(flagged["blurred"] / n, 4),
        "darkened_flag_rate": round(flagged["darkened"] / n, 4),
        "warnings": {k: dict(v) for k, v in counts.items()},
    }


def _tta_probabilities(session: ModelSession, paths: list[Path], cache_dir: Path | None) -> np.ndarray:
    card = session.card
    cache = cache_dir / f"{card.sha256[:16]}-tta-{len(paths)}.npy" if cache_dir else None
    if cache is not None and cache.is_file():
        return np.asarray(np.load(cache))
    height, width = card.input.size
    views = tta_views(height, width)
    logits = []
    for path in paths:
        x = preprocess(load_image(path, min_size=card.input.decode_min_size).rgb, card.input)
        probs = session.run(tta_batch(x, card.input.layout, views)).probabilities
        # Kept temperature-free (like the feature cache): the mean probability is recomputed from these.
        p = np.clip(probs[:, card.output.positive_index], 1e-12, 1 - 1e-12)
        logits.append(np.log(p / (1 - p)) * card.output.temperature)
    result = np.array(logits)
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        np.save(cache, result)
    return result


def tta_effect(
    session: ModelSession, paths: list[Path], y: np.ndarray, plain: BatchOutputs, cache_dir: Path | None = None,
    latency_n: int = 40,
) -> dict[str, Any]:  # fmt: skip
    """Test-split ROC AUC with and without TTA (mean of the views' calibrated probabilities), and latency."""
    card = session.card
    height, width = card.input.size
    views = tta_views(height, width)
    t = card.output.temperature
    tta_p = _expit(_tta_probabilities(session, paths, cache_dir), t).mean(axis=1)
    lat: dict[str, list[float]] = {"plain": [], "tta": []}
    for path in paths[:latency_n]:
        x = preprocess(load_image(path, min_size=card.input.decode_min_size).rgb, card.input)
        for key, batch in (("plain", x[None]), ("tta", tta_batch(x, card.input.layout, views))):
            t0 = time.perf_counter()
            session.run(batch)
            lat[key].append((time.perf_counter() - t0) * 1000)
    from dermassist.evaluation.metrics import bootstrap_ci, roc_auc

    both = np.stack([_expit(plain.logit, t), tta_p], axis=1)
    lo, hi = bootstrap_ci(lambda yy, pp: roc_auc(yy, pp[:, 1]) - roc_auc(yy, pp[:, 0]), y, both, n=1000)
    return {
        "views": len(views),
        "auc_plain": _auc(y, both[:, 0]),
        "auc_tta": _auc(y, tta_p),
        "auc_difference_ci95": [round(lo, 4), round(hi, 4)],  # paired stratified bootstrap
        "latency_ms_median_plain": round(float(np.median(lat["plain"])), 3),  # a tiny model takes < 0.05 ms
        "latency_ms_median_tta": round(float(np.median(lat["tta"])), 3),
        "latency_pictures": len(lat["plain"]),
    }


def band_stats(session: ModelSession, out: BatchOutputs, y: np.ndarray) -> dict[str, Any]:
    """How often each threshold preset's low-confidence band is hit, and the error rates inside and outside it."""
    card = session.card
    p = _expit(out.logit, card.output.temperature)
    result: dict[str, Any] = {}
    for preset in ("card", *card.operating_points):
        point = operating_point(card, preset)
        bands = np.array([confidence(float(v), point.threshold, odds_factor_for(card)).band for v in p])
        wrong = (p >= point.threshold) != (y == 1)
        inside = bands == "uncertain"
        result[preset] = {
            "threshold": round(point.threshold, 4),
            "share_uncertain": round(float(inside.mean()), 4),
            "error_rate_uncertain": round(float(wrong[inside].mean()), 4) if inside.any() else None,
            "error_rate_confident": round(float(wrong[~inside].mean()), 4) if (~inside).any() else None,
            "share_of_errors_in_band": round(float((wrong & inside).sum() / max(wrong.sum(), 1)), 4),
            # Per zone: how many pictures fall there and how many of them were malignant.
            "zones": {
                zone: {
                    "n": int((bands == zone).sum()),
                    "malignant": int(((bands == zone) & (y == 1)).sum()),
                    "malignant_share": round(float(y[bands == zone].mean()), 4) if (bands == zone).any() else None,
                }
                for zone in ("below", "uncertain", "above")
            },
        }
    return result


def heatmap_concentration(paths: list[Path], out: BatchOutputs, border: float = 0.1) -> dict[str, Any]:
    """CAM heat on the Otsu lesion mask vs the outer ``border`` band, for each display of the CAM."""
    stats: dict[str, list[tuple[float, float, float, float]]] = {"magnitude": [], "malignant": []}
    no_mask = 0
    for path, cam in zip(paths, out.cam, strict=True):
        mask, lesion = lesion_mask(work_grey(load_image(path).rgb))
        if lesion is None:
            no_mask += 1
            continue
        for mode, grid in (("magnitude", np.abs(cam)), ("malignant", cam)):
            c = concentration(grid, mask, border)
            stats[mode].append((c.lesion_mean, c.border_mean, c.lesion_share, c.lesion_area))
    result: dict[str, Any] = {"n": len(paths) - no_mask, "no_lesion_mask": no_mask, "border_band": border}
    for mode, rows in stats.items():
        a = np.array(rows)
        result[mode] = {
            "share_lesion_hotter_than_border": round(float((a[:, 0] > a[:, 1]).mean()), 4),
            "median_lesion_to_border_ratio": round(float(np.median(a[:, 0] / np.maximum(a[:, 1], 1e-6))), 3),
            "mean_heat_lesion": round(float(a[:, 0].mean()), 4),
            "mean_heat_border": round(float(a[:, 1].mean()), 4),
            "mean_heat_share_on_lesion": round(float(a[:, 2].mean()), 4),
            "mean_lesion_area": round(float(a[:, 3].mean()), 4),
        }
    return result


def measure_all(
    session: ModelSession, ood: OodModel | None, data: Path, cache_dir: Path | None, log: Log = print,
    tta: bool = True,
) -> dict[str, Any]:  # fmt: skip
    """Every figure for docs/trust.md (minutes of CPU time: features are cached in ``cache_dir``)."""
    from dermassist.evaluation.dataset import read_labels

    card = session.card
    test_paths = [s.path for s in read_labels(data, "test")]
    val, y_val = split_outputs(session, data, "val", cache_dir, log)
    test, y_test = split_outputs(session, data, "test", cache_dir, log)
    report: dict[str, Any] = {"model": {"name": card.name, "version": card.version, "sha256": card.sha256}}
    if ood is not None:
        log("OOD: test split and probe set")
        report["ood"] = ood_rates(session, ood, test)
    log("quality gate: test split, blurred and darkened copies")
    report["quality"] = quality_rates(test_paths, min(card.input.size))
    report["band"] = {"val": band_stats(session, val, y_val), "test": band_stats(session, test, y_test)}
    if test.cam.size:
        log("heatmap concentration on the test split")
        report["heatmap"] = heatmap_concentration(test_paths, test)
    if tta:
        log("test-time augmentation on the test split (8 model runs per picture)")
        report["tta"] = tta_effect(session, test_paths, y_test, test, cache_dir)
    return report

