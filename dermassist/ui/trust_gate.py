"""Holds an analysis whose quality / out-of-distribution warnings await the doctor's choice, and writes
every step (warned, analysed anyway, declined) to the audit trail. No probability leaves the gate
until the doctor chooses to go on."""

from __future__ import annotations

from dataclasses import replace

from dermassist.records.models import AnalysisRecord
from dermassist.ui.model_service import AnalysisOutcome


def warning_details(record: AnalysisRecord) -> str:
    """Audit text: the image and the warning codes (the words themselves are in the analysis record)."""
    from dermassist.trust.report import trust_of

    codes = trust_of(record).get("warning_codes") or list(record.warnings)
    return f"image {record.image_sha256[:12]}: " + ", ".join(str(c) for c in codes)


def heatmap_grid(analysis: AnalysisRecord | None):
    """The stored heatmap grid of an analysis, as shown (None when there is none)."""
    if analysis is None:
        return None
    from dermassist.trust.report import cam_of

    return cam_of(analysis)


class WarningGate:
    """One held outcome at a time, for one examination and picture."""

    def __init__(self, store) -> None:
        self.store = store
        self._held: tuple[int, AnalysisOutcome] | None = None

    def hold(self, exam_id: int, outcome: AnalysisOutcome) -> bool:
        """Keep ``outcome`` back when it has warnings the doctor has not seen; True when held."""
        record = outcome.record
        if not record.warnings or record.warnings_overridden:
            return False
        self._held = (exam_id, outcome)
        self.store.audit("analysis-warned", "examination", exam_id, warning_details(record))
        return True

    def held_for(self, exam_id: int | None, sha: str | None) -> AnalysisOutcome | None:
        """The held outcome if it belongs to this examination and picture; otherwise it is dropped."""
        if self._held is not None and (self._held[0] != exam_id or self._held[1].record.image_sha256 != sha):
            self._held = None  # the doctor moved on: the result behind the warnings is not kept
        return self._held[1] if self._held is not None else None

    def clear(self) -> None:
        """Forget the held outcome (a new analysis was started)."""
        self._held = None

    def go_on(self) -> tuple[int, AnalysisOutcome, AnalysisRecord] | None:
        """The doctor analyses anyway: the record to store, marked as overridden."""
        held, self._held = self._held, None
        if held is None:
            return None
        return held[0], held[1], replace(held[1].record, warnings_overridden=True)

    def decline(self) -> bool:
        """The doctor does not analyse this picture; True when there was something to decline."""
        held, self._held = self._held, None
        if held is not None:
            self.store.audit("analysis-declined", "examination", held[0], warning_details(held[1].record))
        return held is not None

    def stored(self, exam_id: int, saved: AnalysisRecord) -> None:
        """Audit a result kept despite its warnings (after it was stored)."""
        if saved.warnings_overridden:
            self.store.audit(
                "analyse-despite-warnings", "examination", exam_id, f"analysis {saved.id}: " + warning_details(saved)
            )
