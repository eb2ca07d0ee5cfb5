"""Dates typed the way a person types them: keys, not setDate()."""

from __future__ import annotations

from datetime import date

import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QDialogButtonBox  # noqa: E402

from dermassist.ui.date_field import parse_date  # noqa: E402
from dermassist.ui.patient_dialog import PatientDialog  # noqa: E402


def _dialog(qtbot, store, name="Petrova Anna"):
    dialog = PatientDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.full_name, name)
    return dialog


def _ok(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


@pytest.mark.parametrize("typed", ["17/04/1961", "17.04.1961", "17041961", "1961-04-17", "17.4.1961"])
def test_birth_date_typed_with_keys(qtbot, store, typed: str) -> None:
    dialog = _dialog(qtbot, store)
    qtbot.keyClicks(dialog.birth_date.edit, typed)
    _ok(qtbot, dialog)
    assert dialog.result() == 1, dialog.error.text()
    assert dialog.patient is not None and dialog.patient.birth_date == "1961-04-17"
    assert store.get_patient(dialog.patient.id).birth_date == "1961-04-17"


def test_birth_date_empty_means_not_given_and_nonsense_is_refused(qtbot, store) -> None:
    dialog = _dialog(qtbot, store)
    _ok(qtbot, dialog)
    assert dialog.result() == 1 and dialog.patient is not None and dialog.patient.birth_date is None

    dialog = _dialog(qtbot, store, "Sidorov Ivan")
    qtbot.keyClicks(dialog.birth_date.edit, "31/02/1961")
    _ok(qtbot, dialog)
    assert dialog.result() == 0 and dialog.patient is None  # nothing saved, the dialog says why
    assert "date of birth" in dialog.error.text().lower()
    assert [p.full_name for p in store.search_patients("")] == ["Petrova Anna"]
    # Corrected with keys, it saves.
    dialog.birth_date.edit.clear()
    qtbot.keyClicks(dialog.birth_date.edit, "28.02.1961")
    _ok(qtbot, dialog)
    assert dialog.patient is not None and dialog.patient.birth_date == "1961-02-28"


def test_birth_date_shown_and_calendar_opens_near_a_real_birth_year(qtbot, qapp, store) -> None:
    from dermassist.ui.i18n import install_translators

    install_translators("en")
    dialog = _dialog(qtbot, store)
    qtbot.mouseClick(dialog.birth_date.button, Qt.MouseButton.LeftButton)
    cal = dialog.birth_date.calendar
    assert cal.isVisible()
    assert date.today().year - 60 <= cal.yearShown() <= date.today().year - 20  # not January 1900
    qtbot.keyClick(cal, Qt.Key.Key_Escape)
    dialog.birth_date.set_value("1961-04-17")
    assert dialog.birth_date.edit.text() == "17/04/1961"  # English (en_GB) short format
    qtbot.mouseClick(dialog.birth_date.button, Qt.MouseButton.LeftButton)
    assert (cal.yearShown(), cal.monthShown()) == (1961, 4)
    try:
        install_translators("ru")
        dialog.birth_date.set_value("1961-04-17")
        assert dialog.birth_date.edit.text() == "17.04.1961"
    finally:
        install_translators("en")


def test_parse_date() -> None:
    assert parse_date("1.2.2000") == date(2000, 2, 1)
    assert parse_date("01 02 2000") == date(2000, 2, 1)
    assert parse_date("2000/02/01") is None and parse_date("32.01.2000") is None and parse_date("") is None
