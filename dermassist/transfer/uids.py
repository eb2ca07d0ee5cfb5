"""DICOM UIDs made once per examination (study, series) and per image, kept in ``dicom_uids``.

Sending the same examination again reuses them, so the receiving PACS recognises the same
instances instead of storing duplicates.
"""

from __future__ import annotations

from pydicom.uid import generate_uid

from dermassist.records.db import utc_now
from dermassist.records.store import RecordStore

STUDY = "study"
IMAGE_SERIES = "series/images"
REPORT_SERIES = "series/report"
SR_SERIES = "series/sr"


def image_role(sha256: str) -> str:
    """The role key of one image's SOP Instance UID."""
    return f"image/{sha256}"


def new_uid() -> str:
    """A fresh UID (2.25.<uuid>: needs no registered root and never collides)."""
    return str(generate_uid(prefix=None))


def uid_for(store: RecordStore, examination_id: int, role: str) -> str:
    """The stored UID for ``role`` of an examination, made and stored on first use."""
    with store.transaction() as conn:
        row = conn.execute(
            "SELECT uid FROM dicom_uids WHERE examination_id = ? AND role = ?", (examination_id, role)
        ).fetchone()
        if row is not None:
            return str(row[0])
        uid = new_uid()
        conn.execute(
            "INSERT INTO dicom_uids (examination_id, role, uid, created_at) VALUES (?, ?, ?, ?)",
            (examination_id, role, uid, utc_now()),
        )
        return uid


def uids_for(store: RecordStore, examination_id: int, roles: list[str]) -> dict[str, str]:
    """Several roles at once, in one transaction."""
    with store.transaction():
        return {role: uid_for(store, examination_id, role) for role in roles}
