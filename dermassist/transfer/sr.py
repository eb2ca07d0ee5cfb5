"""A Basic Text SR with the AI result, so a PACS that shows reports shows the model's output too."""

from __future__ import annotations

from pydicom.dataset import Dataset

from dermassist import INTENDED_USE
from dermassist.transfer.airesult import AiSummary, describe_analysis
from dermassist.transfer.dicom_build import (
    BASIC_TEXT_SR,
    EXPLICIT_VR_LE,
    SeriesRef,
    StudyContext,
    base_dataset,
    with_meta,
)


def _code(value: str, scheme: str, meaning: str) -> Dataset:
    item = Dataset()
    item.CodeValue = value
    item.CodingSchemeDesignator = scheme
    item.CodeMeaning = meaning
    return item


def _text(code: Dataset, text: str) -> Dataset:
    item = Dataset()
    item.RelationshipType = "CONTAINS"
    item.ValueType = "TEXT"
    item.ConceptNameCodeSequence = [code]
    item.TextValue = text
    return item


def sr_dataset(ctx: StudyContext, ref: SeriesRef, summary: AiSummary, image_names: dict[str, str]) -> Dataset:
    """The SR: algorithm name and version, one finding per image, the intended-use statement."""
    ds = base_dataset(ctx, BASIC_TEXT_SR, "SR", ref)
    ds.ValueType = "CONTAINER"
    ds.ConceptNameCodeSequence = [_code("18748-4", "LN", "Diagnostic imaging report")]
    ds.ContinuityOfContent = "SEPARATE"
    ds.CompletionFlag = "COMPLETE"
    ds.VerificationFlag = "UNVERIFIED"
    ds.PerformedProcedureCodeSequence = []
    ds.ReferencedPerformedProcedureStepSequence = []
    items: list[Dataset] = []
    top = summary.top
    if top is not None:
        items.append(_text(_code("111001", "DCM", "Algorithm Name"), top.model_name))
        items.append(
            _text(_code("111003", "DCM", "Algorithm Version"), f"{top.model_version} (sha256 {top.model_sha256})")
        )
        for sha, analysis in summary.per_image.items():
            label = image_names.get(sha, sha[:12])
            items.append(_text(_code("121071", "DCM", "Finding"), f"{label}: {describe_analysis(analysis)}"))
    else:
        items.append(_text(_code("121071", "DCM", "Finding"), "No AI analysis was made for this examination."))
    items.append(_text(_code("121106", "DCM", "Comment"), INTENDED_USE))
    ds.ContentSequence = items
    return with_meta(ds, EXPLICIT_VR_LE)
