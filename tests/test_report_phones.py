"""The referral carries the clinic's and the referring doctor's phone so the center can call back."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_report_support import flat, lesion_jpeg, make_input, pdftotext

from dermassist.records.settings import Settings, load_settings, save_settings
from dermassist.reports.referral import render_referral

CLINIC = Settings(
    clinic_name="Riverside Practice",
    clinic_phone="+7 495 123-45-67",
    doctor_name="Dr Jane Roe",
    doctor_phone="+7 916 765-43-21",
    center_name="City Skin Centre",
)


@pytest.fixture
def jpeg(tmp_path: Path) -> Path:
    return lesion_jpeg(tmp_path / "lesion.jpg")


@pytest.mark.parametrize(
    ("lang", "clinic", "doctor"),
    [("en", "Phone: +7 495 123-45-67", "Doctor's phone +7 916 765-43-21"),
     ("ru", "Тел.: +7 495 123-45-67", "Телефон врача +7 916 765-43-21")],
)  # fmt: skip
def test_phones_are_printed(jpeg: Path, tmp_path: Path, lang: str, clinic: str, doctor: str) -> None:
    out = render_referral(make_input([jpeg], lang=lang, settings=CLINIC), tmp_path / "r.pdf")
    text = flat(pdftotext(out))
    assert clinic in text and doctor in text


def test_doctor_phone_is_not_given_to_another_doctor(jpeg: Path, tmp_path: Path) -> None:
    data = make_input([jpeg], settings=CLINIC, referring_doctor="Dr Someone Else")
    text = flat(pdftotext(render_referral(data, tmp_path / "r.pdf")))
    assert "Phone: +7 495 123-45-67" in text  # the clinic's line still reaches the referring doctor
    assert "765-43-21" not in text and "Doctor's phone" not in text


def test_no_phone_no_line(jpeg: Path, tmp_path: Path) -> None:
    text = flat(pdftotext(render_referral(make_input([jpeg]), tmp_path / "r.pdf")))
    assert "Phone:" not in text and "Doctor's phone" not in text


def test_phones_are_saved_in_the_settings(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    save_settings(CLINIC, path)
    again = load_settings(path)
    assert again.clinic_phone == CLINIC.clinic_phone and again.doctor_phone == CLINIC.doctor_phone


def test_settings_dialog_edits_the_phones(qtbot) -> None:
    pytest.importorskip("PySide6")
    from dermassist.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(Settings(), None)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.clinic_phone, "+7 495 000-00-00")
    qtbot.keyClicks(dialog.doctor_phone, "+7 916 111-11-11")
    value = dialog.value()
    assert value.clinic_phone == "+7 495 000-00-00" and value.doctor_phone == "+7 916 111-11-11"
