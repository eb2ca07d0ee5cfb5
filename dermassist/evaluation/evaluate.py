"""Run a model over the shared splits through the app's own inference code and measure it."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from dermassist.evaluation.calibration import card_with_calibration, fit_calibration
from dermassist.evaluation.dataset import SPLITS, read_labels
from dermassist.evaluation.metrics import summarize
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


def run_split(session: ModelSession, data: Path, split: str, limit: int | None = None) -> SplitResult:
    """Classify every image of ``split``."""
    samples = read_labels(data, split, limit)
    ys, ps = [], []
    failures = 0
    for sample, res in zip(samples, classify_paths(session, [s.path for s in samples], batch_size=32), strict=True):
        if isinstance(res, Failure):
            failures += 1
            continue
        ys.append(sample.malignant)
        ps.append(res.malignant)
    p = np.clip(np.array(ps, dtype=np.float64), 1e-12, 1 - 1e-12)
    logp = np.stack([np.log1p(-p), np.log(p)], axis=1) * session.card.output.temperature
    return SplitResult(split, np.array(ys, dtype=int), p, logp, failures)


def calibrate_and_measure(card_path: Path, data: Path, limit: int | None = None, log: Log = print) -> dict[str, Any]:
    """Fit temperature and thresholds on ``val``, measure every split, rewrite the card."""
    card = load_card(card_path)
    session = ModelSession(card, providers="cpu")
    results = {s: run_split(session, data, s, limit) for s in SPLITS}
    cal = fit_calibration("val", results, log=log)
    data_dict = card_with_calibration(card.to_json_dict(), cal)
    write_card(card_from_dict(data_dict, card_path), card_path)
    return data_dict


def evaluate(card: ModelCard, data: Path, splits: list[str], out: Path | None, limit: int | None = None,
             provider: str = "auto", log: Log = print) -> dict[str, Any]:
    """Measure ``card``'s model at its own threshold and temperature; optionally write plots and a report."""
    from dermassist.evaluation.report import write_report

    session = ModelSession(card, providers=provider)
    report: dict[str, Any] = {"model": {"name": card.name, "version": card.version, "sha256": card.sha256},
                              "threshold": card.threshold, "temperature": card.output.temperature, "splits": {}}
    curves = {}
    for split in splits:
        res = run_split(session, data, split, limit)
        m = summarize(res.y, res.p, card.threshold)
        m["failures"] = res.failures
        report["splits"][split] = m
        curves[split] = res
        log(f"{split}: n={m['n']} AUC {m['roc_auc']['value']:.4f} {m['roc_auc']['ci95']} "
            f"sens {m['sensitivity']['value']:.3f} spec {m['specificity']['value']:.3f} "
            f"acc {m['accuracy']['value']:.3f} prevalence-matched acc {m['prevalence_matched_accuracy']['value']:.3f}")
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        write_report(card, report, curves, out)
        (out / "evaluation.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    return report


def write_to_card(card: ModelCard, report: dict[str, Any], data: Path) -> Path:
    """Record an :func:`evaluate` report's per-split figures in the card (``metrics.<split>``), keeping the
    calibration entries; the figures are at the card's own threshold and temperature."""
    assert card.path is not None
    data_dict = card.to_json_dict()
    metrics = {k: v for k, v in data_dict.get("metrics", {}).items() if k != "note"}
    for split, figures in report["splits"].items():
        metrics[split] = figures
    metrics["evaluated_on"] = {"data": data.name, "splits": list(report["splits"]),
                               "threshold": report["threshold"], "temperature": report["temperature"]}
    data_dict["metrics"] = metrics
    write_card(card_from_dict(data_dict, card.path), card.path)
    return card.path
