"""Calibration shared by training's export and ``dermassist calibrate``: temperature scaling and the
operating points fitted on one labelled split, then every split measured at them (no torch, no Qt).

Both callers hand in :class:`~dermassist.evaluation.evaluate.SplitResult` values and write the
returned figures into the model card with :func:`card_with_calibration`, so a trained model and an
imported one are validated by the same arithmetic.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from dermassist.evaluation.metrics import (
    apply_temperature,
    expected_calibration_error,
    fit_temperature,
    summarize,
    threshold_for_sensitivity,
)

TARGETS = (("sens90", 0.90), ("sens95", 0.95))
THRESHOLD_MARGIN = 1e-5
TEMPERATURE_DECIMALS = 4  # as the card stores the temperature
THRESHOLD_RULE = ("highest threshold with sensitivity >= 0.90 on {split} of every data source separately "
                  "(after calibration)")


class Labelled(Protocol):
    """What calibration needs from one split: labels, calibrated p, and temperature-free log-probabilities."""

    @property
    def y(self) -> np.ndarray: ...
    @property
    def p(self) -> np.ndarray: ...
    @property
    def logp(self) -> np.ndarray: ...
    @property
    def failures(self) -> int: ...


def _sources(res: Labelled) -> np.ndarray:
    src = getattr(res, "sources", None)
    return src if src is not None and len(src) == len(res.y) else np.full(len(res.y), "", dtype=object)


def by_source(res: Labelled, p: np.ndarray, threshold: float, n_boot: int = 2000) -> dict[str, Any]:
    """Each data folder's figures at ``threshold`` (``p``: the split's calibrated probabilities);
    empty when the split does not say where its images came from."""
    src = _sources(res)
    out = {}
    for source in sorted(set(src) - {""}):
        m = src == source
        out[str(source)] = summarize(res.y[m], p[m], threshold, n_boot)
    return out


def threshold_for_each(res: Labelled, p: np.ndarray, target: float) -> tuple[float, dict[str, float]]:
    """Highest threshold with sensitivity >= ``target`` on every data folder (not only pooled),
    rounded down to 1e-6, and each folder's own threshold."""
    src = _sources(res)
    own = {}
    for source in sorted(set(src)):
        m = src == source
        own[str(source)] = threshold_for_sensitivity(res.y[m], p[m], target)
    # At least 1e-5 below the positive that sets the sensitivity, then rounded down: the app's own run
    # (float32 ONNX Runtime, temperature on the logits) may score that lesion a few 1e-7 lower than
    # this float64 fit, and it must still be flagged so `evaluate` reproduces the card.
    return math.floor((min(own.values()) - THRESHOLD_MARGIN) * 1e6) / 1e6, own


@dataclass(frozen=True)
class Calibration:
    """Fitted temperature and threshold, the operating points, and the card's ``metrics`` block."""

    temperature: float
    threshold: float
    operating_points: dict[str, Any]
    metrics: dict[str, Any]


def fit_calibration(
    fit_split: str, results: Mapping[str, Labelled], n_boot: int = 2000, log: Any = None
) -> Calibration:
    """Fit temperature and the sensitivity >= 0.90 / 0.95 thresholds on ``results[fit_split]``; measure
    every split in ``results`` (with 95% CIs) at the 0.90 threshold."""
    val = results[fit_split]
    # Rounded here, once, to the card's precision: the threshold and every figure are then those
    # `evaluate` gets back from the card (an unrounded fit moved a lesion at the threshold by about 1e-5).
    t = round(fit_temperature(val.logp, val.y), TEMPERATURE_DECIMALS)
    p_val = apply_temperature(val.logp, t)[:, 1]
    points = {}
    for key, target in TARGETS:
        thr, own = threshold_for_each(val, p_val, target)
        m = summarize(val.y, p_val, thr, n_boot=200)
        points[key] = {"threshold": thr, "val_sensitivity": m["sensitivity"]["value"],
                       "val_specificity": m["specificity"]["value"]}
        if len(own) > 1:
            points[key]["threshold_by_source"] = {k: round(v, 6) for k, v in own.items()}
            points[key]["val_sensitivity_by_source"] = {
                k: v["sensitivity"]["value"] for k, v in by_source(val, p_val, thr, n_boot=20).items()}
    threshold = points["sens90"]["threshold"]
    metrics: dict[str, Any] = {}
    for split, res in results.items():
        p_cal = apply_temperature(res.logp, t)[:, 1]
        metrics[split] = summarize(res.y, p_cal, threshold, n_boot=n_boot)
        metrics[split]["ece_uncalibrated"] = round(expected_calibration_error(res.y, res.p), 4)
        metrics[split]["failures"] = res.failures
        for source, sm in by_source(res, p_cal, threshold, n_boot).items():
            metrics.setdefault("by_source", {}).setdefault(source, {})[split] = sm
            if log is not None:
                log(f"{split} {source}: AUC {sm['roc_auc']['value']:.4f} {sm['roc_auc']['ci95']} "
                    f"sens {sm['sensitivity']['value']:.3f} spec {sm['specificity']['value']:.3f}")
        if log is not None:
            log(f"{split}: AUC {metrics[split]['roc_auc']['value']:.4f} "
                f"sens {metrics[split]['sensitivity']['value']:.3f} spec {metrics[split]['specificity']['value']:.3f}")
    metrics["calibration"] = {"method": f"temperature scaling fitted on {fit_split}", "temperature": t,
                              "val_ece_before": metrics[fit_split]["ece_uncalibrated"],
                              "val_ece_after": metrics[fit_split]["ece"]}
    metrics["threshold_rule"] = THRESHOLD_RULE.format(split=fit_split)
    return Calibration(t, threshold, points, metrics)


def card_with_calibration(card: dict[str, Any], cal: Calibration) -> dict[str, Any]:
    """The card dictionary with the fitted temperature, threshold, operating points and metrics."""
    data = dict(card)
    data["output"] = {**card["output"], "temperature": cal.temperature}
    data["threshold"] = cal.threshold
    data["operating_points"] = cal.operating_points
    data["metrics"] = cal.metrics
    return data
