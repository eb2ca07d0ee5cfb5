"""The center's own notes on received referrals ("patient called", "appointment set"), kept locally.

A small SQLite file in the center user's data folder; nothing is sent back to the clinic.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from dermassist.paths import user_data_dir
from dermassist.records.db import utc_now

DB_NAME = "center.sqlite3"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS follow_up (
    study_uid       TEXT PRIMARY KEY,
    called_at       TEXT,
    appointment_at  TEXT,
    appointment     TEXT NOT NULL DEFAULT '',
    note            TEXT NOT NULL DEFAULT '',
    updated_at      TEXT NOT NULL
);
"""


@dataclass(frozen=True)
class FollowUp:
    """What the specialist did about one referral."""

    study_uid: str
    called_at: str | None = None
    appointment_at: str | None = None  # when the appointment was set
    appointment: str = ""  # the appointment itself, as the specialist typed it
    note: str = ""
    updated_at: str = ""

    @property
    def called(self) -> bool:
        """The patient was called."""
        return bool(self.called_at)

    @property
    def appointment_set(self) -> bool:
        """An appointment is set."""
        return bool(self.appointment_at)


class CenterStore:
    """Follow-up marks by StudyInstanceUID."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or (user_data_dir() / DB_NAME)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(str(self.path), isolation_level=None, timeout=10.0)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA synchronous = FULL")
        self.conn.executescript(_SCHEMA)

    def close(self) -> None:
        """Close the database."""
        self.conn.close()

    def get(self, study_uid: str) -> FollowUp:
        """The marks of a study (empty when none)."""
        row = self.conn.execute("SELECT * FROM follow_up WHERE study_uid = ?", (study_uid,)).fetchone()
        return FollowUp(**dict(row)) if row else FollowUp(study_uid)

    def all(self) -> dict[str, FollowUp]:
        """Every study's marks."""
        return {r["study_uid"]: FollowUp(**dict(r)) for r in self.conn.execute("SELECT * FROM follow_up")}

    def set_called(self, study_uid: str, called: bool = True, note: str | None = None) -> FollowUp:
        """Mark (or unmark) that the patient was called."""
        return self._save(study_uid, "called_at", utc_now() if called else None, note=note)

    def set_appointment(self, study_uid: str, appointment: str | None, note: str | None = None) -> FollowUp:
        """Record the appointment (text such as "2026-03-10 09:30, room 4"); None clears it."""
        self._save(study_uid, "appointment_at", utc_now() if appointment else None, note=note)
        self.conn.execute("UPDATE follow_up SET appointment = ? WHERE study_uid = ?", (appointment or "", study_uid))
        return self.get(study_uid)

    def set_note(self, study_uid: str, note: str) -> FollowUp:
        """Replace the specialist's note."""
        now = utc_now()
        self.conn.execute("INSERT OR IGNORE INTO follow_up (study_uid, updated_at) VALUES (?, ?)", (study_uid, now))
        self.conn.execute("UPDATE follow_up SET note = ?, updated_at = ? WHERE study_uid = ?", (note, now, study_uid))
        return self.get(study_uid)

    def _save(self, study_uid: str, column: str, value: str | None, note: str | None) -> FollowUp:
        assert column in ("called_at", "appointment_at")
        now = utc_now()
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            self.conn.execute("INSERT OR IGNORE INTO follow_up (study_uid, updated_at) VALUES (?, ?)", (study_uid, now))
            self.conn.execute(
                f"UPDATE follow_up SET {column} = ?, updated_at = ? WHERE study_uid = ?", (value, now, study_uid)
            )
            if note is not None:
                self.conn.execute("UPDATE follow_up SET note = ? WHERE study_uid = ?", (note, study_uid))
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        return self.get(study_uid)
