"""Run a model over the shared splits through the app's own inference code and measure it."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from dermassist.evaluation.dataset import SPLITS, read_many
from dermassist.evaluation.metrics import (
    apply_temperature,
    expected_calibration_error,
    fit_temperature,
    summarize,
    threshold_for_sensitivity,
)
from dermassist.inference.card import ModelCard, card_from_dict, load_card, write_card
from dermassist.inference.pipeline import Failure, classify_paths
from dermassist.inference.session import ModelSession

Log = Callable[[str], None]


@dataclass(frozen=True)
class SplitResult:
    """Labels and calibrated malignant probabilities for one split (failed files left out)."""

    split: str
    y: np.ndarray
    p: np.ndarray
    logp: np.ndarray  # temperature-free class log-probabilities, for calibration
    failures: int
    sources: np.ndarray  # the data folder (``dataset_name``) of each image

    def only(self, source: str) -> SplitResult:
        """The images of one data folder."""
        m = self.sources == source
        return SplitResult(self.split, self.y[m], self.p[m], self.logp[m], 0, self.sources[m])


def as_roots(data: Path | list[Path]) -> list[Path]:
    """One data folder or several, as a list."""
    return list(data) if isinstance(data, (list, tuple)) else [data]


def run_split(session: ModelSession, data: Path | list[Path], split: str, limit: int | None = None) -> SplitResult:
    """Classify every image of ``split`` in each data folder."""
    samples = read_many(as_roots(data), split, limit)
    ys, ps, names = [], [], []
    failures = 0
    for sample, res in zip(samples, classify_paths(session, [s.path for s in samples], batch_size=32), strict=True):
        if isinstance(res, Failure):
            failures += 1
            continue
        ys.append(sample.malignant)
        ps.append(res.malignant)
        names.append(sample.dataset)
    p = np.clip(np.array(ps, dtype=np.float64), 1e-12, 1 - 1e-12)
    logp = np.stack([np.log1p(-p), np.log(p)], axis=1) * session.card.output.temperature
    return SplitResult(split, np.array(ys, dtype=int), p, logp, failures, np.array(names, dtype=object))


def threshold_for_each(val: SplitResult, p_val: np.ndarray, target: float) -> tuple[float, dict[str, float]]:
    """Highest threshold whose sensitivity is at least ``target`` on every data folder's val split
    (not only pooled), rounded down to 1e-6; also each folder's own threshold."""
    own = {}
    for source in sorted(set(val.sources)):
        m = val.sources == source
        own[source] = threshold_for_sensitivity(val.y[m], p_val[m], target)
    # Round down: rounding up could push the threshold above the positive that sets the sensitivity.
    return math.floor(min(own.values()) * 1e6) / 1e6, own


def by_source(res: SplitResult, p: np.ndarray, threshold: float, n_boot: int = 2000) -> dict[str, Any]:
    """Each data folder's figures at ``threshold``."""
    out = {}
    for source in sorted(set(res.sources)):
        m = res.sources == source
        out[source] = summarize(res.y[m], p[m], threshold, n_boot)
    return out


def calibrate_and_measure(card_path: Path, data: Path | list[Path], limit: int | None = None,
                          log: Log = print) -> dict[str, Any]:
    """Fit temperature and thresholds on ``val`` (each data folder's sensitivity target met
    separately), measure every split pooled and per data folder, rewrite the card."""
    card = load_card(card_path)
    session = ModelSession(card, providers="cpu")
    results = {s: run_split(session, data, s, limit) for s in SPLITS}
    val = results["val"]
    t = fit_temperature(val.logp, val.y)
    p_val = apply_temperature(val.logp, t)[:, 1]
    points = {}
    for key, target in (("sens90", 0.90), ("sens95", 0.95)):
        thr, own = threshold_for_each(val, p_val, target)
        m = summarize(val.y, p_val, thr, n_boot=200)
        points[key] = {"threshold": thr, "val_sensitivity": m["sensitivity"]["value"],
                       "val_specificity": m["specificity"]["value"],
                       "val_sensitivity_by_source": {k: v["sensitivity"]["value"] for k, v in
                                                     by_source(val, p_val, thr, n_boot=20).items()},
                       "threshold_by_source": {k: round(v, 6) for k, v in own.items()}}
    threshold = points["sens90"]["threshold"]
    metrics: dict[str, Any] = {"by_source": {}}
    for split, res in results.items():
        p_cal = apply_temperature(res.logp, t)[:, 1]
        metrics[split] = summarize(res.y, p_cal, threshold)
        metrics[split]["ece_uncalibrated"] = round(expected_calibration_error(res.y, res.p), 4)
        metrics[split]["failures"] = res.failures
        for source, m in by_source(res, p_cal, threshold).items():
            metrics["by_source"].setdefault(source, {})[split] = m
            log(f"{split} {source}: AUC {m['roc_auc']['value']:.4f} {m['roc_auc']['ci95']} "
                f"sens {m['sensitivity']['value']:.3f} spec {m['specificity']['value']:.3f}")
        log(f"{split} pooled: AUC {metrics[split]['roc_auc']['value']:.4f} "
            f"sens {metrics[split]['sensitivity']['value']:.3f} spec {metrics[split]['specificity']['value']:.3f}")
    metrics["calibration"] = {"method": "temperature scaling fitted on val", "temperature": round(t, 4),
                              "val_ece_before": metrics["val"]["ece_uncalibrated"],
                              "val_ece_after": metrics["val"]["ece"]}
    metrics["threshold_rule"] = ("highest threshold with sensitivity >= 0.90 on the val split of every data "
                                 "source separately (after calibration)")
    data_dict = card.to_json_dict()
    data_dict["output"]["temperature"] = round(t, 4)
    data_dict["threshold"] = threshold
    data_dict["operating_points"] = points
    data_dict["metrics"] = metrics
    write_card(card_from_dict(data_dict, card_path), card_path)
    return data_dict


def evaluate(card: ModelCard, data: Path | list[Path], splits: list[str], out: Path | None, limit: int | None = None,
             provider: str = "auto", log: Log = print) -> dict[str, Any]:
    """Measure ``card``'s model at its own threshold and temperature, pooled and per data folder;
    optionally write plots and a report."""
    from dermassist.evaluation.report import write_report

    session = ModelSession(card, providers=provider)
    report: dict[str, Any] = {"model": {"name": card.name, "version": card.version, "sha256": card.sha256},
                              "threshold": card.threshold, "temperature": card.output.temperature, "splits": {},
                              "by_source": {}}
    curves = {}
    for split in splits:
        res = run_split(session, data, split, limit)
        m = summarize(res.y, res.p, card.threshold)
        m["failures"] = res.failures
        report["splits"][split] = m
        curves[split] = res
        for source, sm in by_source(res, res.p, card.threshold).items():
            report["by_source"].setdefault(source, {})[split] = sm
            log(f"{split} {source}: n={sm['n']} AUC {sm['roc_auc']['value']:.4f} {sm['roc_auc']['ci95']} "
                f"sens {sm['sensitivity']['value']:.3f} spec {sm['specificity']['value']:.3f} "
                f"referrals/100 {sm['referrals_per_100']}")
        log(f"{split} pooled: n={m['n']} AUC {m['roc_auc']['value']:.4f} {m['roc_auc']['ci95']} "
            f"sens {m['sensitivity']['value']:.3f} spec {m['specificity']['value']:.3f} "
            f"acc {m['accuracy']['value']:.3f} prevalence-matched acc {m['prevalence_matched_accuracy']['value']:.3f}")
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        write_report(card, report, curves, out)
        (out / "evaluation.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    return report
