"""The AI result of an examination as the center sees it: one probability per study, with its model.

The study-level probability is the highest of the latest per-image results, so the center's
worklist ranks a referral by its most suspicious image. It is written at the start of the
StudyDescription in a fixed English format that :func:`parse_malignancy` reads back from a
QIDO-RS or C-FIND answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dermassist.records.models import AnalysisRecord, Examination
from dermassist.transfer.vr_fit import shorten

DESCRIPTION_PREFIX = "DermAssist"
_LO_MAX = 64  # StudyDescription is LO: at most 64 characters
_PATTERN = re.compile(r"malignant\s+(\d{1,3}(?:\.\d+)?)\s*%")


@dataclass(frozen=True)
class AiSummary:
    """The latest analysis of each image and the most suspicious one."""

    per_image: dict[str, AnalysisRecord]
    top: AnalysisRecord | None

    @property
    def malignant(self) -> float | None:
        """Highest malignant probability (0..1) over the images, None without any analysis."""
        return self.top.malignant if self.top else None


def summarize(exam: Examination) -> AiSummary:
    """Latest analysis per image (analyses are ordered oldest first) and the highest of them."""
    per_image: dict[str, AnalysisRecord] = {}
    for analysis in exam.analyses:
        per_image[analysis.image_sha256] = analysis
    top = max(per_image.values(), key=lambda a: a.malignant, default=None)
    return AiSummary(per_image, top)


def describe_analysis(a: AnalysisRecord) -> str:
    """One line: probability, threshold, decision and the model (name, version, sha256)."""
    return (
        f"AI result (decision support, not a diagnosis): malignant {a.malignant * 100:.1f}%, "
        f"threshold {a.threshold * 100:.1f}%, {a.decision}; model {a.model_name} {a.model_version} "
        f"(sha256 {a.model_sha256})"
    )


def study_description(summary: AiSummary) -> str:
    """``DermAssist: malignant 87.3%, <model> <version>``, within the 64 characters LO allows."""
    top = summary.top
    if top is None:
        return f"{DESCRIPTION_PREFIX}: not analysed"
    text = f"{DESCRIPTION_PREFIX}: malignant {top.malignant * 100:.1f}%, {top.model_name} {top.model_version}"
    # A long model name is shortened visibly; the SR and the image comments carry it in full.
    return shorten(text, _LO_MAX)


def parse_malignancy(description: str) -> float | None:
    """The probability (0..1) written by :func:`study_description`, or None."""
    match = _PATTERN.search(description or "")
    if not match:
        return None
    value = float(match.group(1)) / 100.0
    return value if 0.0 <= value <= 1.0 else None


_THRESHOLD = re.compile(r"threshold\s+(\d{1,3}(?:\.\d+)?)\s*%")


def parse_threshold(text: str) -> float | None:
    """The referral threshold (0..1) written by :func:`describe_analysis`, or None."""
    match = _THRESHOLD.search(text or "")
    if not match:
        return None
    value = float(match.group(1)) / 100.0
    return value if 0.0 <= value <= 1.0 else None


def parse_model(description: str) -> str:
    """The model name and version after the probability, or ''."""
    _, sep, rest = (description or "").partition("%,")
    return rest.strip() if sep else ""
