"""Output-only out-of-distribution check, for models whose graph exposes no pooled features.

The energy of a picture, ``E = -logsumexp(logits)``, is low for pictures like those the model was
fitted on and rises for many unlike them. ``dermassist calibrate`` sets the limit at a high
percentile of the validation images' energies and records it in the card under ``"ood_output"``.
It needs logits: the card's output when its kind is ``logits``, else the pre-softmax output that
``import-model`` exposes (``output.logits``). Weaker than the feature check (:mod:`.ood`), which
is preferred whenever the model exports features.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from dermassist.inference.card import ModelCard
from dermassist.inference.ood import OodResult

METHOD = "energy"


@dataclass(frozen=True)
class EnergyCheck:
    """The fitted limit: a picture whose energy is above ``threshold`` is flagged."""

    threshold: float

    def check(self, logits: np.ndarray) -> OodResult:
        """Energy of one picture's logits against the limit."""
        return OodResult(float(energy(np.asarray(logits)[None])[0]), self.threshold, METHOD)


def energy(logits: np.ndarray) -> np.ndarray:
    """``-logsumexp`` over the classes, row by row (float64)."""
    z = np.asarray(logits, dtype=np.float64)
    top = z.max(axis=1)
    return np.asarray(-(top + np.log(np.exp(z - top[:, None]).sum(axis=1))))


def logits_of(card: ModelCard, scores: np.ndarray | None, extras: dict[str, np.ndarray]) -> np.ndarray | None:
    """The model's logits from one run (None when the model returns probabilities only)."""
    if card.output.kind == "logits":
        return scores
    if card.output.logits:
        return extras.get(card.output.logits)
    return None


def has_logits(card: ModelCard) -> bool:
    """Whether the model gives logits at all (an output-only check is possible)."""
    return card.output.kind == "logits" or bool(card.output.logits)


def load_output_check(card: ModelCard) -> EnergyCheck | None:
    """The card's fitted output-only check, or None."""
    entry = card.extra.get("ood_output")
    if not isinstance(entry, dict) or entry.get("method") != METHOD or not has_logits(card):
        return None
    return EnergyCheck(float(entry["threshold"]))


def ood_coverage(card: ModelCard) -> str:
    """What the out-of-distribution check of this model does and does not cover, in one line (English)."""
    entry = card.extra.get("ood")
    if isinstance(entry, dict) and entry.get("file"):
        return (f"feature check ({entry.get('method', 'mahalanobis')}) on the model's pooled features, "
                f"fitted on {entry.get('fitted_on', 'its training data')}")
    out = card.extra.get("ood_output")
    if isinstance(out, dict) and has_logits(card):
        return (f"output-only check (energy of the logits), limit fitted on {out.get('fitted_on', 'labelled images')}; "
                "it catches some unlike pictures (e.g. non-skin photographs) but not all, and nothing about "
                "the picture's content beyond what the two output scores show")
    if card.output.features:
        return ("none yet: the model exports its pooled features; run 'dermassist calibrate' (or 'fit-ood') to fit "
                "the feature check")
    if has_logits(card):
        return ("none yet: the graph exposes no features; run 'dermassist calibrate' to fit an output-only "
                "(energy) check")
    return ("none: the graph exposes no features and only softmax probabilities, so neither a feature nor an "
            "output-only check is possible; only the picture-quality gate runs")
