"""The record store: patients, examinations, images and analyses in SQLite, with an audit trail.

Nothing is ever deleted; every change is written in the same transaction as its audit line.
The connection is in autocommit mode: use :meth:`RecordStore.transaction` for atomic groups
of statements (other packages add their own tables through migrations and ``connection``).
"""

from __future__ import annotations

import getpass
import json
import sqlite3
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import replace
from pathlib import Path
from typing import Any

from dermassist.imaging.limits import display_name, printable
from dermassist.paths import user_data_dir
from dermassist.records import rows
from dermassist.records.db import connect, migrate, schema_version, utc_now
from dermassist.records.imagefiles import import_image, remove_stale_partials
from dermassist.records.models import AnalysisRecord, Examination, ImageRecord, Patient
from dermassist.records.privacy import make_private, private_dir
from dermassist.records.rows import AuditEntry
from dermassist.records.validation import (
    RecordConflict,
    RecordError,
    RecordNotFound,
    validate_exam,
    validate_patient,
)

# The errors live in records.validation and are raised (and imported by callers) from here.
__all__ = ["DB_NAME", "IMAGES_DIR", "RecordConflict", "RecordError", "RecordNotFound", "RecordStore"]

DB_NAME = "records.sqlite3"
IMAGES_DIR = "images"


class RecordStore:
    """All records of one data folder (``records.sqlite3`` plus ``images/``)."""

    def __init__(self, data_dir: Path, connection: sqlite3.Connection) -> None:
        self.data_dir = data_dir
        self.images_dir = data_dir / IMAGES_DIR
        self.connection = connection
        self.actor: str | None = None  # who is working; else the settings' doctor name or the OS user
        self._lock = threading.RLock()

    @classmethod
    def open(cls, data_dir: Path | None = None) -> RecordStore:
        """Open (creating and migrating if needed) the store in ``data_dir`` (default: per-user folder)."""
        folder = Path(data_dir) if data_dir is not None else user_data_dir()
        private_dir(folder)
        private_dir(folder / IMAGES_DIR)
        conn = connect(folder / DB_NAME)
        try:
            migrate(conn)
        except Exception:
            conn.close()
            raise
        remove_stale_partials(folder / IMAGES_DIR)
        make_private(folder)  # also what older versions or another umask left readable
        return cls(folder, conn)

    def close(self) -> None:
        """Close the database (a checkpoint folds the WAL into the main file)."""
        with self._lock:
            with suppress(sqlite3.Error):
                self.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self.connection.close()

    def __enter__(self) -> RecordStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        """Highest applied migration number."""
        return schema_version(self.connection)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """``with store.transaction() as conn:`` runs statements atomically (nested calls join the outer one)."""
        with self._lock:
            conn = self.connection
            if conn.in_transaction:
                yield conn
                return
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    # -- audit ---------------------------------------------------------------------------------

    def current_actor(self) -> str:
        """The name written into audit lines."""
        if self.actor:
            return self.actor
        from dermassist.records.settings import load_settings

        name = load_settings().doctor_name.strip()
        if name:
            return name
        try:
            return getpass.getuser()
        except Exception:  # no login name (some services, containers)
            return "unknown"

    def audit(
        self, action: str, entity: str, entity_id: object = "", details: str = "", actor: str | None = None
    ) -> None:
        """Record that ``actor`` did ``action`` (e.g. "export-pdf") to ``entity`` ``entity_id``."""
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO audit_log (at, actor, action, entity, entity_id, details) VALUES (?, ?, ?, ?, ?, ?)",
                (utc_now(), actor or self.current_actor(), action, entity, str(entity_id), details),
            )

    def list_audit(
        self, entity: str | None = None, entity_id: object | None = None, action: str | None = None, limit: int = 1000
    ) -> list[AuditEntry]:
        """Audit lines, newest first, optionally for one entity (and id) or action."""
        where, args = [], []
        for col, val in (("entity", entity), ("entity_id", entity_id), ("action", action)):
            if val is not None:
                where.append(f"{col} = ?")
                args.append(str(val))
        sql = "SELECT * FROM audit_log" + (" WHERE " + " AND ".join(where) if where else "")
        sql += " ORDER BY id DESC LIMIT ?"
        with self._lock:
            return [rows.audit_from_row(r) for r in self.connection.execute(sql, (*args, limit))]

    # -- patients ------------------------------------------------------------------------------

    def add_patient(self, patient: Patient) -> Patient:
        """Store a new patient; returns it with its id and timestamps."""
        validate_patient(patient)
        values = rows.patient_values(patient)
        now = utc_now()
        with self.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO patients (full_name, birth_date, sex, record_number, phone, created_at, updated_at) "
                "VALUES (:full_name, :birth_date, :sex, :record_number, :phone, :now, :now)",
                {**values, "now": now},
            )
            pid = int(cur.lastrowid or 0)
            self.audit("create", "patient", pid)
        return self.get_patient(pid)

    def update_patient(self, patient: Patient) -> Patient:
        """Save edits. Raises RecordConflict when the stored record changed since ``patient`` was read."""
        if patient.id is None:
            raise RecordError("cannot update a patient that was never saved")
        validate_patient(patient)
        values = rows.patient_values(patient)
        with self.transaction() as conn:
            old = self.get_patient(patient.id)
            if patient.updated_at and patient.updated_at != old.updated_at:
                raise RecordConflict(f"patient {patient.id} was changed elsewhere since it was opened; reload it")
            diff = rows.changes(rows.patient_values(old), values)
            if not diff:
                return old
            now = _later_than(old.updated_at)
            conn.execute(
                "UPDATE patients SET full_name=:full_name, birth_date=:birth_date, sex=:sex, "
                "record_number=:record_number, phone=:phone, updated_at=:now WHERE id=:id",
                {**values, "now": now, "id": patient.id},
            )
            self.audit("edit", "patient", patient.id, json.dumps(diff, ensure_ascii=False))
        return self.get_patient(patient.id)

    def get_patient(self, patient_id: int) -> Patient:
        """The patient with that id; raises RecordNotFound."""
        with self._lock:
            row = self.connection.execute("SELECT * FROM patients WHERE id = ?", (patient_id,)).fetchone()
        if row is None:
            raise RecordNotFound(f"no patient with id {patient_id}")
        return rows.patient_from_row(row)

    def search_patients(self, text: str = "") -> list[Patient]:
        """Patients whose name, record number, phone or birth date contain every word of ``text``."""
        where, args = [], []
        for word in text.split():
            where.append(
                "(instr(casefold(full_name), ?) OR instr(casefold(record_number), ?) "
                "OR instr(casefold(phone), ?) OR instr(coalesce(birth_date, ''), ?))"
            )
            w = word.casefold()
            args.extend([w, w, w, w])
        sql = "SELECT * FROM patients" + (" WHERE " + " AND ".join(where) if where else "")
        sql += " ORDER BY casefold(full_name), id"
        with self._lock:
            return [rows.patient_from_row(r) for r in self.connection.execute(sql, args)]

    # -- examinations --------------------------------------------------------------------------

    def add_examination(self, exam: Examination) -> Examination:
        """Store a new examination (images and analyses are added separately). A new lesion id is
        made when ``lesion_id`` is empty; reuse an earlier examination's id to follow the same lesion."""
        validate_exam(exam)
        self.get_patient(exam.patient_id)
        exam = replace(exam, lesion_id=exam.lesion_id or uuid.uuid4().hex)
        values = rows.exam_values(exam)
        cols = ", ".join(rows.EXAM_FIELDS)
        params = ", ".join(":" + c for c in rows.EXAM_FIELDS)
        now = utc_now()
        with self.transaction() as conn:
            cur = conn.execute(
                f"INSERT INTO examinations ({cols}, created_at, updated_at) VALUES ({params}, :now, :now)",
                {**values, "now": now},
            )
            eid = int(cur.lastrowid or 0)
            self.audit("create", "examination", eid, f"patient {exam.patient_id}")
        return self.get_examination(eid)

    def update_examination(self, exam: Examination) -> Examination:
        """Save edits to date, doctor, site, notes, checklist, urgency. Raises RecordConflict when stale."""
        if exam.id is None:
            raise RecordError("cannot update an examination that was never saved")
        validate_exam(exam)
        with self.transaction() as conn:
            row = self._exam_row(exam.id)
            old = rows.exam_values(rows.exam_from_row(row))
            if exam.updated_at and exam.updated_at != row["updated_at"]:
                raise RecordConflict(f"examination {exam.id} was changed elsewhere since it was opened; reload it")
            if exam.patient_id != row["patient_id"]:
                raise RecordError("an examination cannot be moved to another patient")
            values = rows.exam_values(replace(exam, lesion_id=exam.lesion_id or row["lesion_id"]))
            diff = rows.changes(old, values)
            if diff:
                sets = ", ".join(f"{c} = :{c}" for c in rows.EXAM_FIELDS)
                conn.execute(
                    f"UPDATE examinations SET {sets}, updated_at = :now WHERE id = :id",
                    {**values, "now": _later_than(row["updated_at"]), "id": exam.id},
                )
                self.audit("edit", "examination", exam.id, json.dumps(diff, ensure_ascii=False))
        return self.get_examination(exam.id)

    def _exam_row(self, exam_id: int) -> sqlite3.Row:
        row = self.connection.execute("SELECT * FROM examinations WHERE id = ?", (exam_id,)).fetchone()
        if row is None:
            raise RecordNotFound(f"no examination with id {exam_id}")
        return row  # type: ignore[no-any-return]

    def _fill(self, row: sqlite3.Row) -> Examination:
        eid = int(row["id"])
        images = tuple(
            rows.image_from_row(r)
            for r in self.connection.execute(
                "SELECT i.sha256, i.filename, i.width, i.height, ei.original_name, ei.added_at "
                "FROM examination_images ei JOIN images i ON i.sha256 = ei.image_sha256 "
                "WHERE ei.examination_id = ? ORDER BY ei.position",
                (eid,),
            )
        )
        analyses = tuple(
            rows.analysis_from_row(r)
            for r in self.connection.execute("SELECT * FROM analyses WHERE examination_id = ? ORDER BY id", (eid,))
        )
        return rows.exam_from_row(row, images, analyses)

    def get_examination(self, exam_id: int) -> Examination:
        """The examination with its images and analyses; raises RecordNotFound."""
        with self._lock:
            return self._fill(self._exam_row(exam_id))

    def list_examinations(self, patient_id: int) -> list[Examination]:
        """A patient's examinations, newest first, with images and analyses."""
        self.get_patient(patient_id)
        with self._lock:
            found = self.connection.execute(
                "SELECT * FROM examinations WHERE patient_id = ? ORDER BY date DESC, id DESC", (patient_id,)
            ).fetchall()
            return [self._fill(r) for r in found]

    def examinations_for_lesion(self, lesion_id: str) -> list[Examination]:
        """Every examination of one lesion, oldest first (for side-by-side comparison)."""
        with self._lock:
            found = self.connection.execute(
                "SELECT * FROM examinations WHERE lesion_id = ? ORDER BY date, id", (lesion_id,)
            ).fetchall()
            return [self._fill(r) for r in found]

    # -- images and analyses -------------------------------------------------------------------

    def add_image(self, examination_id: int, source: Path | bytes, original_name: str = "") -> ImageRecord:
        """Attach an image file (or its bytes) to an examination. Raises ImageLoadError for a bad file.

        The file is written (and synced) before the row that names it is committed, so the
        database never points to a missing or partial file.
        """
        if not original_name and isinstance(source, Path):
            original_name = display_name(source.name)
        original_name = printable(original_name)  # undecodable file-name bytes cannot go into SQLite
        with self._lock:
            self._exam_row(examination_id)
        label = printable(display_name(source)) if isinstance(source, Path) else (original_name or "<image data>")
        stored = import_image(self.images_dir, source, label)
        now = utc_now()
        with self.transaction() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO images (sha256, filename, width, height, byte_size, added_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (stored.sha256, stored.filename, stored.width, stored.height, stored.byte_size, now),
            )
            exists = conn.execute(
                "SELECT 1 FROM examination_images WHERE examination_id = ? AND image_sha256 = ?",
                (examination_id, stored.sha256),
            ).fetchone()
            if not exists:
                pos = conn.execute(
                    "SELECT coalesce(max(position), -1) + 1 FROM examination_images WHERE examination_id = ?",
                    (examination_id,),
                ).fetchone()[0]
                conn.execute(
                    "INSERT INTO examination_images (examination_id, image_sha256, position, original_name, added_at) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (examination_id, stored.sha256, pos, original_name, now),
                )
                self.audit("add-image", "examination", examination_id, f"{stored.filename} ({original_name})")
        exam = self.get_examination(examination_id)
        return next(i for i in exam.images if i.sha256 == stored.sha256)

    def image_path(self, image: str | ImageRecord) -> Path:
        """Where an image's file lives (``image`` is an ImageRecord or a sha256)."""
        if isinstance(image, ImageRecord):
            return self.images_dir / image.filename
        with self._lock:
            row = self.connection.execute("SELECT filename FROM images WHERE sha256 = ?", (image,)).fetchone()
        if row is None:
            raise RecordNotFound(f"no image with sha256 {image}")
        return self.images_dir / str(row[0])

    def add_analysis(self, analysis: AnalysisRecord) -> AnalysisRecord:
        """Store a model result. Refuses a result without its model or for an image not in the examination."""
        if not analysis.model_name or len(analysis.model_sha256) != 64:
            raise RecordError("an analysis must name the model (name, version and sha256) that produced it")
        now = analysis.created_at or utc_now()
        with self.transaction() as conn:
            self._exam_row(analysis.examination_id)
            linked = conn.execute(
                "SELECT 1 FROM examination_images WHERE examination_id = ? AND image_sha256 = ?",
                (analysis.examination_id, analysis.image_sha256),
            ).fetchone()
            if not linked:
                raise RecordError("the analysed image does not belong to this examination")
            cur = conn.execute(
                "INSERT INTO analyses (examination_id, image_sha256, malignant, threshold, decision, model_name, "
                "model_version, model_sha256, provider, warnings, warnings_overridden, extras, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    analysis.examination_id,
                    analysis.image_sha256,
                    analysis.malignant,
                    analysis.threshold,
                    analysis.decision,
                    analysis.model_name,
                    analysis.model_version,
                    analysis.model_sha256,
                    analysis.provider,
                    json.dumps(list(analysis.warnings), ensure_ascii=False),
                    int(analysis.warnings_overridden),
                    json.dumps(analysis.extras, ensure_ascii=False, default=str),
                    now,
                ),
            )
            aid = int(cur.lastrowid or 0)
            self.audit(
                "analyse",
                "examination",
                analysis.examination_id,
                f"analysis {aid}: malignant {analysis.malignant:.4f} by {analysis.model_name} "
                f"{analysis.model_version} ({analysis.model_sha256[:12]})",
            )
            row = conn.execute("SELECT * FROM analyses WHERE id = ?", (aid,)).fetchone()
        return rows.analysis_from_row(row)

    def stats(self) -> dict[str, Any]:
        """Counts of stored records (for the About box and tests)."""
        with self._lock:
            return {
                t: int(self.connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0])
                for t in ("patients", "examinations", "images", "analyses", "audit_log")
            }


def _later_than(previous: str) -> str:
    """Now, but strictly after ``previous`` so every save changes ``updated_at`` (the conflict check needs it)."""
    now = utc_now()
    if now > previous:
        return now
    from datetime import datetime, timedelta

    return (datetime.fromisoformat(previous) + timedelta(seconds=1)).isoformat(timespec="seconds")
