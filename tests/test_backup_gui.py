"""The window's backup: File menu action (in the background) and the reminder in the status bar."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtWidgets import QFileDialog  # noqa: E402
from test_ui_workstation import close_window, open_window  # noqa: E402

from dermassist.records.backup import MANIFEST  # noqa: E402
from dermassist.records.models import Patient  # noqa: E402
from dermassist.records.settings import Settings  # noqa: E402
from dermassist.records.store import RecordStore  # noqa: E402


def test_reminder_then_backup_from_the_menu(qtbot, monkeypatch, tmp_path: Path) -> None:
    data = tmp_path / "data"
    with RecordStore.open(data) as store:
        store.add_patient(Patient(id=None, full_name="Сидоров"))
    win = open_window(qtbot, data, Settings(backup_reminder_days=7), wait_model=False)
    try:
        assert win.backup_reminder.isVisible() and "No backup" in win.backup_reminder.text()
        usb = tmp_path / "usb"
        usb.mkdir()
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(usb))
        win.backup_action.trigger()
        qtbot.waitUntil(lambda: win.backup_action.isEnabled(), timeout=30000)
        made = list(usb.iterdir())
        assert len(made) == 1 and (made[0] / MANIFEST).is_file()
        assert not win.backup_reminder.isVisible()
        assert "Backup complete" in win.statusBar().currentMessage()
        assert win.store.list_audit(action="backup")
    finally:
        close_window(win)


def test_no_reminder_when_switched_off(qtbot, tmp_path: Path) -> None:
    data = tmp_path / "data"
    with RecordStore.open(data) as store:
        store.add_patient(Patient(id=None, full_name="Сидоров"))
    win = open_window(qtbot, data, Settings(backup_reminder_days=0), wait_model=False)
    try:
        assert not win.backup_reminder.isVisible()
    finally:
        close_window(win)
