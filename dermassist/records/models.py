"""Frozen record types passed between the store, the UI, reports and transfer."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SEXES = ("female", "male", "other", "unknown")
URGENCIES = ("routine", "soon", "urgent")


@dataclass(frozen=True)
class Patient:
    """A patient; ``phone`` is what the center needs to call them in."""

    id: int | None
    full_name: str
    birth_date: str | None = None  # ISO date, YYYY-MM-DD
    sex: str = "unknown"
    record_number: str = ""  # medical record or insurance number
    phone: str = ""
    created_at: str = ""
    updated_at: str = ""


@dataclass(frozen=True)
class LesionSite:
    """A point on the body map: ``view`` is front or back, x/y are 0..1 of the silhouette box.

    ``code`` names the site in no language (e.g. "forearm.left", see ``dermassist.imaging.bodymap``,
    whose ``describe_site`` puts it in words); ``label`` is only text the doctor wrote.
    """

    view: str
    x: float
    y: float
    label: str = ""
    code: str = ""


@dataclass(frozen=True)
class ImageRecord:
    """An image stored content-addressed as ``<sha256><ext>`` in the image folder."""

    sha256: str
    filename: str
    original_name: str = ""
    width: int = 0
    height: int = 0
    added_at: str = ""


@dataclass(frozen=True)
class AnalysisRecord:
    """A stored model result for one image, always with the model that produced it."""

    id: int | None
    examination_id: int
    image_sha256: str
    malignant: float
    threshold: float
    decision: str
    model_name: str
    model_version: str
    model_sha256: str
    provider: str = ""
    created_at: str = ""
    warnings: tuple[str, ...] = ()  # quality / out-of-distribution warnings shown to the doctor
    warnings_overridden: bool = False  # the doctor analysed despite the warnings
    extras: dict[str, Any] = field(default_factory=dict)  # e.g. threshold preset, OOD score

    @property
    def benign(self) -> float:
        """1 - malignant."""
        return 1.0 - self.malignant


@dataclass(frozen=True)
class Examination:
    """One visit's look at one lesion: images, notes, checklist and analyses."""

    id: int | None
    patient_id: int
    date: str  # ISO date
    referring_doctor: str = ""
    site: LesionSite | None = None
    lesion_id: str = ""  # same value for repeated examinations of the same lesion
    notes: str = ""
    checklist: dict[str, Any] = field(default_factory=dict)  # {"method": "abcd"|"7point", ...items}
    urgency: str = "routine"
    referral_number: str = ""
    images: tuple[ImageRecord, ...] = ()
    analyses: tuple[AnalysisRecord, ...] = ()
    created_at: str = ""
    updated_at: str = ""

    def latest_analysis(self) -> AnalysisRecord | None:
        """The most recent analysis, or None."""
        return self.analyses[-1] if self.analyses else None
