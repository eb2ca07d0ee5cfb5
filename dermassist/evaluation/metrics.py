"""Binary classification metrics with 95% confidence intervals, and probability calibration."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np

STUDY_MALIGNANT_SHARE = 0.311  # class mix of the study's test set (prevalence-matched accuracy)
Z95 = 1.959963984540054


def roc_auc(y: np.ndarray, p: np.ndarray) -> float:
    """Area under the ROC curve (Mann-Whitney U with average ranks for ties)."""
    y = np.asarray(y).astype(bool)
    n_pos, n_neg = int(y.sum()), int((~y).sum())
    if n_pos == 0 or n_neg == 0:
        return float("nan")
    order = np.argsort(p, kind="mergesort")
    ranks = np.empty(len(p), dtype=np.float64)
    sorted_p = np.asarray(p)[order]
    i = 0
    while i < len(p):
        j = i
        while j + 1 < len(p) and sorted_p[j + 1] == sorted_p[i]:
            j += 1
        ranks[order[i : j + 1]] = (i + j) / 2.0 + 1.0
        i = j + 1
    return float((ranks[y].sum() - n_pos * (n_pos + 1) / 2.0) / (n_pos * n_neg))


def roc_curve(y: np.ndarray, p: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """False-positive rate, true-positive rate and thresholds (descending)."""
    y = np.asarray(y).astype(bool)
    order = np.argsort(-np.asarray(p), kind="mergesort")
    ps, ys = np.asarray(p)[order], y[order]
    last_of_tie = np.r_[ps[1:] != ps[:-1], True]  # one point per distinct threshold
    tp, fp = np.cumsum(ys)[last_of_tie], np.cumsum(~ys)[last_of_tie]
    tpr = np.r_[0.0, tp / max(1, int(y.sum()))]
    fpr = np.r_[0.0, fp / max(1, int((~y).sum()))]
    return fpr, tpr, np.r_[np.inf, ps[last_of_tie]]


def wilson_ci(k: int, n: int) -> tuple[float, float]:
    """Wilson score 95% interval for a proportion k/n."""
    if n == 0:
        return (float("nan"), float("nan"))
    phat = k / n
    denom = 1 + Z95**2 / n
    centre = (phat + Z95**2 / (2 * n)) / denom
    half = Z95 * math.sqrt(phat * (1 - phat) / n + Z95**2 / (4 * n * n)) / denom
    return (max(0.0, centre - half), min(1.0, centre + half))


def bootstrap_ci(
    fn: Callable[[np.ndarray, np.ndarray], float], y: np.ndarray, p: np.ndarray, n: int = 2000, seed: int = 0
) -> tuple[float, float]:
    """Stratified percentile bootstrap 95% interval of ``fn(y, p)``."""
    rng = np.random.default_rng(seed)
    pos, neg = np.flatnonzero(y == 1), np.flatnonzero(y == 0)
    stats = []
    for _ in range(n):
        idx = np.concatenate([rng.choice(pos, len(pos)), rng.choice(neg, len(neg))])
        stats.append(fn(y[idx], p[idx]))
    lo, hi = np.nanpercentile(stats, [2.5, 97.5])
    return (float(lo), float(hi))


def confusion(y: np.ndarray, p: np.ndarray, threshold: float) -> dict[str, int]:
    """tp, fn, tn, fp with 'malignant' meaning p >= threshold."""
    pred = p >= threshold
    y = y.astype(bool)
    return {
        "tp": int((pred & y).sum()),
        "fn": int((~pred & y).sum()),
        "tn": int((~pred & ~y).sum()),
        "fp": int((pred & ~y).sum()),
    }


def threshold_for_sensitivity(y: np.ndarray, p: np.ndarray, target: float) -> float:
    """The highest threshold whose sensitivity on (y, p) is at least ``target``."""
    pos = np.sort(p[y == 1])[::-1]
    if len(pos) == 0:
        return 0.5
    k = int(math.ceil(target * len(pos)))
    return float(pos[max(0, min(len(pos), k) - 1)])


def _metric(value: float, ci: tuple[float, float]) -> dict[str, Any]:
    return {"value": round(value, 4), "ci95": [round(ci[0], 4), round(ci[1], 4)]}


def summarize(y: np.ndarray, p: np.ndarray, threshold: float, n_boot: int = 2000) -> dict[str, Any]:
    """Every reported figure for one split at one threshold, each with a 95% CI."""
    y = np.asarray(y).astype(int)
    p = np.asarray(p, dtype=np.float64)
    c = confusion(y, p, threshold)
    n_pos, n_neg = c["tp"] + c["fn"], c["tn"] + c["fp"]
    sens = c["tp"] / n_pos if n_pos else float("nan")
    spec = c["tn"] / n_neg if n_neg else float("nan")
    correct = c["tp"] + c["tn"]

    def bal(yy: np.ndarray, pp: np.ndarray) -> float:
        cc = confusion(yy, pp, threshold)
        return 0.5 * (cc["tp"] / max(1, cc["tp"] + cc["fn"]) + cc["tn"] / max(1, cc["tn"] + cc["fp"]))

    def pma(yy: np.ndarray, pp: np.ndarray) -> float:
        cc = confusion(yy, pp, threshold)
        se, sp = cc["tp"] / max(1, cc["tp"] + cc["fn"]), cc["tn"] / max(1, cc["tn"] + cc["fp"])
        return (1 - STUDY_MALIGNANT_SHARE) * sp + STUDY_MALIGNANT_SHARE * se

    return {
        "n": int(len(y)),
        "n_malignant": n_pos,
        "threshold": round(threshold, 6),
        "roc_auc": _metric(roc_auc(y, p), bootstrap_ci(roc_auc, y, p, n_boot)),
        "accuracy": _metric(correct / len(y), wilson_ci(correct, len(y))),
        "sensitivity": _metric(sens, wilson_ci(c["tp"], n_pos)),
        "specificity": _metric(spec, wilson_ci(c["tn"], n_neg)),
        "balanced_accuracy": _metric(bal(y, p), bootstrap_ci(bal, y, p, n_boot)),
        "prevalence_matched_accuracy": _metric(pma(y, p), bootstrap_ci(pma, y, p, n_boot)),
        "confusion": c,
        # What a GP's practice would see: how many of every 100 lesions shown get a referral.
        "referrals_per_100": round(100.0 * (c["tp"] + c["fp"]) / max(1, len(y)), 1),
        "ece": round(expected_calibration_error(y, p), 4),
    }


def expected_calibration_error(y: np.ndarray, p: np.ndarray, bins: int = 10) -> float:
    """ECE of the malignant probability over equal-width bins."""
    edges = np.linspace(0, 1, bins + 1)
    idx = np.clip(np.digitize(p, edges[1:-1]), 0, bins - 1)
    total = 0.0
    for b in range(bins):
        sel = idx == b
        if sel.any():
            total += sel.mean() * abs(float(p[sel].mean()) - float(y[sel].mean()))
    return float(total)


def reliability_bins(y: np.ndarray, p: np.ndarray, bins: int = 10) -> list[tuple[float, float, int]]:
    """(mean predicted, observed fraction, count) per non-empty bin."""
    edges = np.linspace(0, 1, bins + 1)
    idx = np.clip(np.digitize(p, edges[1:-1]), 0, bins - 1)
    return [(float(p[idx == b].mean()), float(y[idx == b].mean()), int((idx == b).sum()))
            for b in range(bins) if (idx == b).any()]


def apply_temperature(logp: np.ndarray, temperature: float) -> np.ndarray:
    """Class probabilities from per-class log-probabilities (or logits) at a temperature."""
    z = logp / temperature
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return np.asarray(e / e.sum(axis=1, keepdims=True))


def fit_temperature(logp: np.ndarray, y: np.ndarray) -> float:
    """Temperature minimising the negative log-likelihood (golden-section search on log T)."""
    y = np.asarray(y).astype(int)

    def nll(log_t: float) -> float:
        probs = apply_temperature(logp, math.exp(log_t))
        return float(-np.log(np.clip(probs[np.arange(len(y)), y], 1e-12, 1)).mean())

    lo, hi = math.log(0.05), math.log(20.0)
    g = (math.sqrt(5) - 1) / 2
    a, b = hi - g * (hi - lo), lo + g * (hi - lo)
    fa, fb = nll(a), nll(b)
    for _ in range(80):
        if fa < fb:
            hi, b, fb = b, a, fa
            a = hi - g * (hi - lo)
            fa = nll(a)
        else:
            lo, a, fa = a, b, fb
            b = lo + g * (hi - lo)
            fb = nll(b)
    return float(math.exp((lo + hi) / 2))
