"""Conversions between SQLite rows and the frozen record types."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from dermassist.records.models import AnalysisRecord, Examination, ImageRecord, LesionSite, Patient


@dataclass(frozen=True)
class AuditEntry:
    """One line of the audit trail: who did what to which record, and when (UTC)."""

    id: int
    at: str
    actor: str
    action: str
    entity: str
    entity_id: str
    details: str


PATIENT_FIELDS = ("full_name", "birth_date", "sex", "record_number", "phone")
EXAM_FIELDS = (
    "patient_id",
    "date",
    "referring_doctor",
    "site_view",
    "site_x",
    "site_y",
    "site_label",
    "site_code",
    "lesion_id",
    "notes",
    "checklist",
    "urgency",
    "referral_number",
)


def patient_from_row(row: sqlite3.Row) -> Patient:
    """A Patient from a ``patients`` row."""
    return Patient(
        id=int(row["id"]),
        full_name=row["full_name"],
        birth_date=row["birth_date"],
        sex=row["sex"],
        record_number=row["record_number"],
        phone=row["phone"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


def patient_values(p: Patient) -> dict[str, Any]:
    """Column values of a patient's editable fields."""
    return {
        "full_name": p.full_name.strip(),
        "birth_date": p.birth_date or None,
        "sex": p.sex,
        "record_number": p.record_number.strip(),
        "phone": p.phone.strip(),
    }


def exam_values(e: Examination) -> dict[str, Any]:
    """Column values of an examination's editable fields."""
    site = e.site
    return {
        "patient_id": e.patient_id,
        "date": e.date,
        "referring_doctor": e.referring_doctor,
        "site_view": site.view if site else None,
        "site_x": site.x if site else None,
        "site_y": site.y if site else None,
        "site_label": site.label if site else "",
        "site_code": site.code if site else "",
        "lesion_id": e.lesion_id,
        "notes": e.notes,
        "checklist": json.dumps(e.checklist, ensure_ascii=False, sort_keys=True),
        "urgency": e.urgency,
        "referral_number": e.referral_number,
    }


def exam_from_row(
    row: sqlite3.Row, images: tuple[ImageRecord, ...] = (), analyses: tuple[AnalysisRecord, ...] = ()
) -> Examination:
    """An Examination from an ``examinations`` row plus its images and analyses."""
    site = None
    if row["site_view"] is not None:
        site = LesionSite(
            row["site_view"], float(row["site_x"]), float(row["site_y"]), row["site_label"], row["site_code"]
        )
    return Examination(
        id=int(row["id"]),
        patient_id=int(row["patient_id"]),
        date=row["date"],
        referring_doctor=row["referring_doctor"],
        site=site,
        lesion_id=row["lesion_id"],
        notes=row["notes"],
        checklist=json.loads(row["checklist"] or "{}"),
        urgency=row["urgency"],
        referral_number=row["referral_number"],
        images=images,
        analyses=analyses,
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


def image_from_row(row: sqlite3.Row) -> ImageRecord:
    """An ImageRecord from a join of ``examination_images`` and ``images``."""
    return ImageRecord(
        sha256=row["sha256"],
        filename=row["filename"],
        original_name=row["original_name"],
        width=int(row["width"]),
        height=int(row["height"]),
        added_at=row["added_at"],
    )


def analysis_from_row(row: sqlite3.Row) -> AnalysisRecord:
    """An AnalysisRecord from an ``analyses`` row."""
    return AnalysisRecord(
        id=int(row["id"]),
        examination_id=int(row["examination_id"]),
        image_sha256=row["image_sha256"],
        malignant=float(row["malignant"]),
        threshold=float(row["threshold"]),
        decision=row["decision"],
        model_name=row["model_name"],
        model_version=row["model_version"],
        model_sha256=row["model_sha256"],
        provider=row["provider"],
        created_at=row["created_at"],
        warnings=tuple(json.loads(row["warnings"] or "[]")),
        warnings_overridden=bool(row["warnings_overridden"]),
        extras=json.loads(row["extras"] or "{}"),
    )


def audit_from_row(row: sqlite3.Row) -> AuditEntry:
    """An AuditEntry from an ``audit_log`` row."""
    return AuditEntry(
        int(row["id"]), row["at"], row["actor"], row["action"], row["entity"], row["entity_id"], row["details"]
    )


def changes(old: dict[str, Any], new: dict[str, Any]) -> dict[str, list[Any]]:
    """``{field: [old, new]}`` for every field that differs: the audit keeps what an edit replaced."""
    return {k: [old.get(k), v] for k, v in new.items() if old.get(k) != v}
