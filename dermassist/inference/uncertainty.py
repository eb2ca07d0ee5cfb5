"""Honest uncertainty: a low-confidence band around the threshold, operating points in a GP's terms,
and optional test-time augmentation (TTA).

Low confidence: the calibrated probability's odds are within a factor ``odds_factor`` (default 2)
of the threshold's odds, i.e. ``|logit(p) - logit(threshold)| < ln(odds_factor)``. A model card
may set its own factor under ``"uncertainty": {"odds_factor": ...}``. docs/trust.md gives how
often this band is hit on the validation split and how many errors fall inside it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from dermassist.inference.card import ModelCard

DEFAULT_ODDS_FACTOR = 2.0
BANDS = ("below", "uncertain", "above")


def _logit(p: float) -> float:
    p = min(max(p, 1e-12), 1 - 1e-12)
    return math.log(p / (1 - p))


def _expit(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


@dataclass(frozen=True)
class Confidence:
    """Where a probability lies relative to the threshold's low-confidence band ``[low, high]``."""

    band: str  # "below" (confidently under the threshold), "uncertain" or "above"
    low: float
    high: float

    @property
    def uncertain(self) -> bool:
        """True inside the low-confidence band."""
        return self.band == "uncertain"


def odds_factor_for(card: ModelCard | None) -> float:
    """The card's own odds factor, else the default."""
    entry = card.extra.get("uncertainty") if card is not None else None
    value = entry.get("odds_factor") if isinstance(entry, dict) else None
    return float(value) if isinstance(value, (int, float)) and value > 1 else DEFAULT_ODDS_FACTOR


def band_limits(threshold: float, odds_factor: float = DEFAULT_ODDS_FACTOR) -> tuple[float, float]:
    """Probabilities whose odds are ``odds_factor`` times lower and higher than the threshold's."""
    t, d = _logit(threshold), math.log(odds_factor)
    return _expit(t - d), _expit(t + d)


def confidence(probability: float, threshold: float, odds_factor: float = DEFAULT_ODDS_FACTOR) -> Confidence:
    """Classify a calibrated malignant probability as below, uncertain or above."""
    low, high = band_limits(threshold, odds_factor)
    band = "uncertain" if low < probability < high else ("above" if probability >= high else "below")
    return Confidence(band, low, high)


@dataclass(frozen=True)
class OperatingPoint:
    """A threshold and what it did on the validation split, in a GP's terms."""

    preset: str  # "card" or a key of the card's operating_points (e.g. "sens90")
    threshold: float
    sensitivity: float | None  # share of malignant validation lesions at or above the threshold
    specificity: float | None  # share of benign validation lesions below it

    @property
    def flagged_per_100(self) -> int | None:
        """Of 100 malignant lesions like the validation ones, about how many are flagged."""
        return None if self.sensitivity is None else round(self.sensitivity * 100)

    @property
    def referred_benign_per_100(self) -> int | None:
        """Of 100 benign lesions, about how many are referred anyway."""
        return None if self.specificity is None else round((1 - self.specificity) * 100)


def _value(entry: Any) -> float | None:
    v = entry.get("value") if isinstance(entry, dict) else entry
    return float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else None


def presets(card: ModelCard) -> tuple[str, ...]:
    """The threshold presets a card offers: its own threshold, then its operating points."""
    return ("card", *(k for k, v in card.operating_points.items() if isinstance(v, dict) and "threshold" in v))


def operating_point(card: ModelCard, preset: str = "card") -> OperatingPoint:
    """The threshold for ``preset`` with its validation figures (an unknown preset falls back to the card's)."""
    point = card.operating_points.get(preset) if preset != "card" else None
    if isinstance(point, dict):
        thr = _value(point.get("threshold"))
        if thr is not None and 0 < thr < 1:
            sens, spec = _value(point.get("val_sensitivity")), _value(point.get("val_specificity"))
            return OperatingPoint(preset, thr, sens, spec)
    val = card.metrics.get("val") if isinstance(card.metrics, dict) else None
    sens = _value(val.get("sensitivity")) if isinstance(val, dict) else None
    spec = _value(val.get("specificity")) if isinstance(val, dict) else None
    return OperatingPoint("card", card.threshold, sens, spec)


# -- test-time augmentation ---------------------------------------------------------------------

TTA_VIEWS = tuple((k, flip) for flip in (False, True) for k in range(4))  # the 8 symmetries of a square
View = tuple[int, bool]  # (quarter turns, mirrored)


def tta_views(height: int, width: int) -> tuple[View, ...]:
    """All eight symmetries for a square input; a non-square one keeps its shape (half turns and mirrors)."""
    return TTA_VIEWS if height == width else tuple(v for v in TTA_VIEWS if v[0] % 2 == 0)


def tta_batch(x: np.ndarray, layout: str, views: tuple[View, ...] = TTA_VIEWS) -> np.ndarray:
    """Copies of one preprocessed input (no batch axis), one per view: rotated by quarter turns, plain or mirrored."""
    axes = (1, 2) if layout == "NCHW" else (0, 1)
    out = []
    for k, flip in views:
        v = np.flip(x, axis=axes[1]) if flip else x
        out.append(np.rot90(v, k, axes=axes))
    return np.ascontiguousarray(np.stack(out))


def untta_cams(cams: np.ndarray, views: tuple[View, ...] = TTA_VIEWS) -> np.ndarray:
    """Bring each view's CAM grid (V, h, w) back to the original orientation and average them."""
    back = []
    for (k, flip), cam in zip(views, cams, strict=True):
        c = np.rot90(cam, -k)
        back.append(np.flip(c, axis=1) if flip else c)
    return np.asarray(np.mean(back, axis=0), dtype=np.float32)
