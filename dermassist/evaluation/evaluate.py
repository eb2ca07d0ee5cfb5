"""Run a model over the shared splits through the app's own inference code and measure it."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from dermassist.evaluation.calibration import by_source, card_with_calibration, fit_calibration
from dermassist.evaluation.dataset import SPLITS, read_many
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
    # The data folder (``dataset_name``) of each image; empty when unknown.
    sources: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=object))


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


def calibrate_and_measure(card_path: Path, data: Path | list[Path], limit: int | None = None,
                          log: Log = print) -> dict[str, Any]:
    """Fit temperature and thresholds on ``val`` (the sensitivity target met on every data folder's
    val separately), measure every split pooled and per data folder, rewrite the card."""
    card = load_card(card_path)
    session = ModelSession(card, providers="cpu")
    results = {s: run_split(session, data, s, limit) for s in SPLITS}
    cal = fit_calibration("val", results, log=log)
    data_dict = card_with_calibration(card.to_json_dict(), cal)
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


def write_to_card(card: ModelCard, report: dict[str, Any], data: Path | list[Path]) -> Path:
    """Record an :func:`evaluate` report's per-split figures in the card (``metrics.<split>``), keeping the
    calibration entries; the figures are at the card's own threshold and temperature."""
    assert card.path is not None
    data_dict = card.to_json_dict()
    metrics = {k: v for k, v in data_dict.get("metrics", {}).items() if k != "note"}
    for split, figures in report["splits"].items():
        metrics[split] = figures
    for source, splits in report.get("by_source", {}).items():
        metrics.setdefault("by_source", {}).setdefault(source, {}).update(splits)
    metrics["evaluated_on"] = {"data": ", ".join(r.name for r in as_roots(data)), "splits": list(report["splits"]),
                               "threshold": report["threshold"], "temperature": report["temperature"]}
    data_dict["metrics"] = metrics
    write_card(card_from_dict(data_dict, card.path), card.path)
    return card.path


def record_unseen_source(card_path: Path, report: dict[str, Any], source: str, split: str = "test") -> dict[str, Any]:
    """Write into a card how a model of the same recipe, trained *without* ``source``, did on it
    (``metrics.unseen_source``): the honest guide to pictures from another clinic. ``report`` is
    that model's :func:`evaluate` report."""
    figures = report.get("by_source", {}).get(source, {}).get(split)
    if not isinstance(figures, dict):
        raise ValueError(f"the report has no {split} figures for {source!r}")
    card = load_card(card_path)
    data_dict = card.to_json_dict()
    data_dict["metrics"] = {**data_dict.get("metrics", {}), "unseen_source": {
        "source": source, "split": split, "trained_without": True, "model": report.get("model", {}),
        "threshold": report.get("threshold"), split: figures,
        "note": f"same training recipe without {source}'s images, at that model's own val-chosen threshold",
    }}
    write_card(card_from_dict(data_dict, card_path), card_path)
    return data_dict["metrics"]["unseen_source"]  # type: ignore[no-any-return]
