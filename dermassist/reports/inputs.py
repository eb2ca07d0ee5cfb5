"""What a referral is made from: frozen inputs gathered from the record store or built by hand."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from dermassist.i18n import available_languages
from dermassist.records.models import AnalysisRecord, Examination, Patient
from dermassist.records.settings import Settings


class ReportError(RuntimeError):
    """The referral could not be produced or saved; the message is one line for the user."""


@dataclass(frozen=True)
class ModelInfo:
    """The model behind the printed result and what its card says about it.

    ``metrics`` follows the card layout (``{"test": {"n": .., "roc_auc": {"value": .., "ci95": [lo, hi]}}}``);
    empty when the card is not available. ``val_sensitivity``/``val_specificity`` describe the
    threshold in use on validation data, when the card has them.
    """

    name: str
    version: str
    sha256: str
    threshold: float
    metrics: Mapping[str, Any] = field(default_factory=dict)
    temperature: float | None = None
    val_sensitivity: float | None = None
    val_specificity: float | None = None
    card_found: bool = True
    validated: bool = True  # False while the card's threshold is a default (an uncalibrated imported model)
    limitations: tuple[str, ...] = ()  # printed for an imported model, as its card words them


@dataclass(frozen=True)
class ReferralInput:
    """Everything printed on one referral.

    ``image_paths`` follow ``examination.images`` (same order); ``heatmaps`` maps an image's sha256
    to a heatmap picture. ``model`` is None when nothing was analysed.
    """

    patient: Patient
    examination: Examination
    settings: Settings
    image_paths: tuple[Path, ...] = ()
    model: ModelInfo | None = None
    heatmaps: Mapping[str, Path] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    warnings_overridden: bool = False
    threshold_preset: str = "card"
    generated_at: datetime = field(default_factory=lambda: datetime.now().astimezone())
    lang: str = "en"

    def __post_init__(self) -> None:
        # Accept lists from callers but keep the record immutable.
        object.__setattr__(self, "image_paths", tuple(Path(p) for p in self.image_paths))
        object.__setattr__(self, "warnings", tuple(self.warnings))
        if self.lang not in available_languages():
            raise ValueError(f"report language must be one of {', '.join(available_languages())}, not {self.lang!r}")

    def image_sha(self, index: int) -> str:
        """The sha256 of the ``index``-th image ('' when the examination does not list it)."""
        images = self.examination.images
        return images[index].sha256 if index < len(images) else ""

    def analysis_for(self, index: int) -> AnalysisRecord | None:
        """The latest analysis of the ``index``-th image by the printed model (else by any model), or None."""
        sha = self.image_sha(index)
        found = [a for a in self.examination.analyses if a.image_sha256 == sha] if sha else []
        if self.model is not None:
            found = [a for a in found if a.model_sha256 == self.model.sha256] or found
        return found[-1] if found else None

    @property
    def analysed(self) -> bool:
        """Whether there is a model result to print."""
        return self.model is not None and any(self.analysis_for(i) for i in range(len(self.image_paths)))
