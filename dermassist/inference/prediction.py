"""The frozen result that every layer passes around after an analysis."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from typing import Any

from dermassist import INTENDED_USE


@dataclass(frozen=True)
class ModelRef:
    """Which model produced a result: name, version and the sha256 of its ONNX file."""

    name: str
    version: str
    sha256: str


@dataclass(frozen=True)
class Timings:
    """Milliseconds spent in each stage for one image (batch stages are shared evenly)."""

    decode_ms: float = 0.0
    preprocess_ms: float = 0.0
    inference_ms: float = 0.0

    @property
    def total_ms(self) -> float:
        """Decode + preprocess + inference."""
        return self.decode_ms + self.preprocess_ms + self.inference_ms


@dataclass(frozen=True)
class Prediction:
    """Benign/malignant probabilities for one image, with the model and threshold behind them."""

    image: str
    probabilities: dict[str, float]
    positive_label: str
    threshold: float
    model: ModelRef
    provider: str
    timings: Timings = field(default_factory=Timings)
    created_at: str = field(default_factory=lambda: datetime.now(timezone.utc).isoformat(timespec="seconds"))
    intended_use: str = INTENDED_USE

    @property
    def malignant(self) -> float:
        """Probability of the positive (malignant) class."""
        return self.probabilities[self.positive_label]

    @property
    def benign(self) -> float:
        """Probability of not-malignant (1 - malignant for a two-class model)."""
        return 1.0 - self.malignant

    @property
    def decision(self) -> str:
        """``"malignant"`` at or above the threshold, else ``"benign"``."""
        return "malignant" if self.malignant >= self.threshold else "benign"

    @property
    def logit(self) -> float | None:
        """ln(p / (1 - p)) of the positive class, from the class probabilities themselves (so it keeps its
        precision where p or 1 - p is tiny); None when one side is exactly 0."""
        p = self.malignant
        rest = sum(v for k, v in self.probabilities.items() if k != self.positive_label)
        if p <= 0.0 or rest <= 0.0:
            return None
        return math.log(p) - math.log(rest)

    def to_json_dict(self) -> dict[str, Any]:
        """The ``classify --json`` record: image, probabilities at full precision (shortest repr that
        round-trips the float64), the logit, decision, threshold, model."""
        rest = sum(v for k, v in self.probabilities.items() if k != self.positive_label)
        return {
            "image": self.image,
            "malignant": self.malignant,
            "benign": rest,
            "logit": self.logit,
            "probabilities": dict(self.probabilities),
            "decision": self.decision,
            "threshold": self.threshold,
            "model": asdict(self.model),
            "provider": self.provider,
            "timings_ms": {k: round(v, 2) for k, v in asdict(self.timings).items()},
            "intended_use": self.intended_use,
        }
