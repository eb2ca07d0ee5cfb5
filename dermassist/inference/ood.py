"""Out-of-distribution check: is this picture like the dermoscopy images the model was trained on?

The model's own pooled penultimate features are compared with those of the training split by
Mahalanobis distance (mean and Ledoit-Wolf shrunk covariance fitted on ``train``); a picture
further away than a high percentile of the ``val`` split's distances is flagged. The fitted
statistics live in a sidecar file beside the model (``<model>.ood.npz``) whose sha256 is
recorded in the model card under ``"ood"``, so a swapped or damaged file is refused. Fitting lives
in :mod:`dermassist.trust.ood_fit`; this module only loads and applies the statistics.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from dermassist.inference.card import ModelCard, sha256_file

METHOD = "mahalanobis-ledoit-wolf"
# Pooled ReLU features are skewed; a power below 1 makes them closer to Gaussian. Which power catches
# most non-dermoscopy pictures depends on the model: 2.2.0's fit compared them on val and the probe set
# and ships pow:0.75 (docs/trust.md). The square root stays the default for other models: it is what
# catches pictures that leave feature channels silent (tests/test_ood.py).
TRANSFORM = "sqrt"
SIDECAR_SUFFIX = ".ood.npz"


class OodError(ValueError):
    """The OOD sidecar is missing, damaged or does not belong to the model; one line naming the file."""


@dataclass(frozen=True)
class OodResult:
    """Distance of one picture from the training data, and the limit above which it is flagged."""

    distance: float
    threshold: float
    method: str = METHOD

    @property
    def flagged(self) -> bool:
        """True when the picture is unlike the training data."""
        return self.distance > self.threshold

    @property
    def ratio(self) -> float:
        """Distance as a multiple of the threshold (above 1: flagged)."""
        return self.distance / self.threshold


@dataclass(frozen=True, eq=False)
class OodModel:
    """Fitted statistics: ``distance(x) = || (t(x) - mean) @ whitening ||``, ``t`` the feature transform."""

    mean: np.ndarray  # (C,)
    whitening: np.ndarray  # (C, C)
    threshold: float
    percentile: float
    method: str = METHOD
    transform: str = TRANSFORM
    n_train: int = 0
    n_val: int = 0
    shrinkage: float = 0.0

    def distances(self, features: np.ndarray) -> np.ndarray:
        """Mahalanobis distance of each row of ``features`` (N, C)."""
        x = np.asarray(features, dtype=np.float64).reshape(len(features), -1)
        if x.shape[1] != self.mean.shape[0]:
            raise OodError(f"features have {x.shape[1]} values, the OOD statistics expect {self.mean.shape[0]}")
        z = (transform_features(x, self.transform) - self.mean) @ self.whitening
        return np.asarray(np.sqrt((z * z).sum(axis=1)))

    def check(self, features: np.ndarray) -> OodResult:
        """The result for one picture's features (shape (C,) or (1, C))."""
        d = float(self.distances(np.asarray(features).reshape(1, -1))[0])
        return OodResult(d, self.threshold)

    def to_bytes(self) -> bytes:
        """The sidecar file's content (npz)."""
        buf = io.BytesIO()
        np.savez(
            buf,
            mean=self.mean.astype(np.float32),
            # float16 halves the file; distances change by under 1e-4 relative (measured).
            whitening=self.whitening.astype(np.float16),
            threshold=np.float64(self.threshold),
            percentile=np.float64(self.percentile),
            method=np.str_(self.method),
            transform=np.str_(self.transform),
            n_train=np.int64(self.n_train),
            n_val=np.int64(self.n_val),
            shrinkage=np.float64(self.shrinkage),
        )
        return buf.getvalue()

    @classmethod
    def from_file(cls, path: Path) -> OodModel:
        """Read a sidecar file; raises OodError with a one-line message."""
        try:
            with np.load(path, allow_pickle=False) as z:
                return cls(
                    mean=z["mean"].astype(np.float64),
                    whitening=z["whitening"].astype(np.float64),
                    threshold=float(z["threshold"]),
                    percentile=float(z["percentile"]),
                    method=str(z["method"]),
                    transform=str(z["transform"]),
                    n_train=int(z["n_train"]),
                    n_val=int(z["n_val"]),
                    shrinkage=float(z["shrinkage"]),
                )
        except (OSError, KeyError, ValueError) as exc:
            raise OodError(f"{path}: not a readable OOD statistics file ({exc})") from None


def transform_features(x: np.ndarray, how: str) -> np.ndarray:
    """Apply the named feature transform: ``none``, ``sqrt`` or ``pow:P`` (0 < P <= 1, on x >= 0)."""
    if how == "none":
        return x
    return np.asarray(np.power(np.clip(x, 0.0, None), _power(how)))


def _power(how: str) -> float:
    name, _, value = how.partition(":")
    try:
        power = 0.5 if how == "sqrt" else float(value) if name == "pow" else float("nan")
    except ValueError:
        power = float("nan")
    if not 0.0 < power <= 1.0:
        raise OodError(f"unknown feature transform {how!r} (none, sqrt or pow:P with 0 < P <= 1)")
    return power


def check_transform(how: str) -> str:
    """``how`` if it names a known transform; raises OodError otherwise."""
    if how != "none":
        _power(how)
    return how


def sidecar_path(model_path: Path) -> Path:
    """``models/x.onnx`` -> ``models/x.ood.npz``."""
    return model_path.with_name(model_path.stem + SIDECAR_SUFFIX)


def card_entry(model: OodModel, file: Path, **extra: Any) -> dict[str, Any]:
    """The ``"ood"`` entry of the model card for a written sidecar file."""
    return {
        "method": model.method,
        "file": file.name,
        "sha256": sha256_file(file),
        "threshold": round(model.threshold, 4),
        "threshold_rule": f"{model.percentile:g}th percentile of the val split's distances",
        "feature_transform": model.transform,
        "shrinkage": round(model.shrinkage, 5),
        "fitted_on": f"train split ({model.n_train} images)",
        **extra,
    }


def load_for_card(card: ModelCard) -> OodModel | None:
    """The OOD statistics named by ``card`` (None when the card has none).

    Raises OodError when the card names a file that is missing or whose sha256 differs.
    """
    entry = card.extra.get("ood")
    if not isinstance(entry, dict) or not entry.get("file"):
        return None
    path = card.model_path.parent / str(entry["file"])
    if not path.is_file():
        raise OodError(f"{path}: OOD statistics named by the model card are missing")
    if sha256_file(path) != str(entry.get("sha256", "")).lower():
        raise OodError(f"{path}: sha256 does not match the model card (wrong or modified OOD statistics file)")
    model = OodModel.from_file(path)
    if model.method != METHOD:
        raise OodError(f"{path}: unsupported OOD method {model.method!r}")
    return model
