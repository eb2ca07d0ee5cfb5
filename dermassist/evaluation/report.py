"""Markdown report, ROC and reliability plots for ``dermassist evaluate``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dermassist import INTENDED_USE
from dermassist.evaluation.metrics import reliability_bins, roc_curve
from dermassist.evaluation.plots import line_plot
from dermassist.inference.card import ModelCard


def _fmt(m: dict[str, Any]) -> str:
    return f"{m['value']:.3f} [{m['ci95'][0]:.3f}, {m['ci95'][1]:.3f}]"


def write_report(card: ModelCard, report: dict[str, Any], curves: dict[str, Any], out: Path) -> Path:
    """Write ``roc.png``, ``reliability.png`` and ``evaluation.md`` into ``out``."""
    series, rel = [], []
    markers = []
    for split, res in curves.items():
        if len(res.y) == 0:
            continue
        fpr, tpr, _ = roc_curve(res.y, res.p)
        auc = report["splits"][split]["roc_auc"]["value"]
        series.append((f"{split} (AUC {auc:.3f})", list(fpr), list(tpr)))
        m = report["splits"][split]
        markers.append((f"{split} @ threshold", 1 - m["specificity"]["value"], m["sensitivity"]["value"]))
        bins = reliability_bins(res.y, res.p)
        rel.append((f"{split} (ECE {m['ece']:.3f})", [b[0] for b in bins], [b[1] for b in bins]))
    line_plot(out / "roc.png", f"ROC - {card.name} {card.version}", "1 - specificity", "sensitivity", series,
              markers=markers)
    line_plot(out / "reliability.png", f"Reliability - {card.name} {card.version}", "predicted P(malignant)",
              "observed fraction malignant", rel)
    lines = [
        f"# Evaluation of {card.name} {card.version}",
        "",
        f"- model sha256: `{card.sha256}`",
        f"- threshold: {card.threshold:.4f}; temperature: {card.output.temperature:.4f}",
        f"- {INTENDED_USE}",
        "",
        "| split | n | malignant | ROC AUC [95% CI] | accuracy [95% CI] | sensitivity | specificity "
        "| balanced acc. | prevalence-matched acc. | ECE |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for split, m in report["splits"].items():
        lines.append(
            f"| {split} | {m['n']} | {m['n_malignant']} | {_fmt(m['roc_auc'])} | {_fmt(m['accuracy'])} "
            f"| {_fmt(m['sensitivity'])} | {_fmt(m['specificity'])} | {_fmt(m['balanced_accuracy'])} "
            f"| {_fmt(m['prevalence_matched_accuracy'])} | {m['ece']:.3f} |"
        )
    lines += ["", "## Each data source separately", "",
              "| source | split | n | malignant | ROC AUC [95% CI] | sensitivity | specificity | referrals per 100 |",
              "|---|---|---|---|---|---|---|---|"]
    for source, splits in report.get("by_source", {}).items():
        for split, m in splits.items():
            lines.append(f"| {source} | {split} | {m['n']} | {m['n_malignant']} | {_fmt(m['roc_auc'])} "
                         f"| {_fmt(m['sensitivity'])} | {_fmt(m['specificity'])} | {m['referrals_per_100']} |")
    lines += ["", "Confusion matrices (malignant = P >= threshold):", ""]
    for split, m in report["splits"].items():
        c = m["confusion"]
        lines.append(f"- {split}: TP {c['tp']}, FN {c['fn']}, TN {c['tn']}, FP {c['fp']}")
    lines += ["", "Prevalence-matched accuracy = 0.689 x specificity + 0.311 x sensitivity (the study's class mix).",
              "", "![ROC](roc.png)", "", "![Reliability](reliability.png)", ""]
    path = out / "evaluation.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path
