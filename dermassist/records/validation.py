"""The record store's errors and the checks a patient or an examination passes before it is saved."""

from __future__ import annotations

from datetime import date

from dermassist.imaging.bodymap import SITE_NAMES
from dermassist.records.models import SEXES, URGENCIES, Examination, Patient


class RecordNotFound(KeyError):
    """No record with that id; the message names the kind of record and the id."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "record not found"


class RecordError(ValueError):
    """A record is invalid (missing name, bad date, ...); the message is one line for the user."""


class RecordConflict(RuntimeError):
    """The record changed since it was read; saving would overwrite someone else's edit."""


def _check_date(value: str | None, what: str, required: bool) -> None:
    if not value:
        if required:
            raise RecordError(f"{what} is required")
        return
    try:
        date.fromisoformat(value)
    except ValueError:
        raise RecordError(f"{what} {value!r} is not a date (YYYY-MM-DD)") from None


def validate_patient(p: Patient) -> None:
    """Raise RecordError when a patient cannot be saved as it is."""
    if not p.full_name.strip():
        raise RecordError("the patient's full name is required")
    if p.sex not in SEXES:
        raise RecordError(f"sex must be one of {', '.join(SEXES)}")
    _check_date(p.birth_date, "birth date", required=False)
    if p.birth_date and p.birth_date > date.today().isoformat():
        raise RecordError("birth date is in the future")


def validate_exam(e: Examination) -> None:
    """Raise RecordError when an examination cannot be saved as it is."""
    _check_date(e.date, "examination date", required=True)
    if e.urgency not in URGENCIES:
        raise RecordError(f"urgency must be one of {', '.join(URGENCIES)}")
    if e.site is not None and (e.site.view not in ("front", "back") or not (0 <= e.site.x <= 1 and 0 <= e.site.y <= 1)):
        raise RecordError("lesion site must be on the front or back body map")
    if e.site is not None and e.site.code and e.site.code not in SITE_NAMES:
        raise RecordError(f"unknown lesion site code {e.site.code!r}")
