"""The center window without a PACS: its own settings, a package from a USB stick, unreadable names; the
Outbox buttons following the selection."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from conftest import make_rgb
from orthanc_fixture import make_referral
from PIL import Image

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QDialogButtonBox  # noqa: E402

from dermassist.records.settings import Settings, load_settings  # noqa: E402
from dermassist.records.store import RecordStore  # noqa: E402
from dermassist.transfer import outbox  # noqa: E402
from dermassist.transfer.center_store import CenterStore  # noqa: E402


def _exam(store: RecordStore, tmp_path: Path, p: float = 0.7, name: str = "Кузнецова Анна") -> int:
    path = tmp_path / "lesion.jpg"
    Image.fromarray(make_rgb(64, 48, seed=5)).save(path, quality=90)
    exam = make_referral(store, [path], [p], name=name)
    assert exam.id is not None
    return exam.id


@pytest.fixture
def center(qtbot, tmp_path: Path):
    from dermassist.ui.center_window import CenterWindow

    win = CenterWindow(Settings(), CenterStore(tmp_path / "center.sqlite3"))
    qtbot.addWidget(win)
    return win


def test_center_opens_a_package_from_a_folder(qtbot, monkeypatch, center, store: RecordStore, tmp_path: Path) -> None:
    from dermassist.transfer.package import export_package

    package = export_package(store, _exam(store, tmp_path), Settings(), tmp_path / "usb")
    center.open_package(str(package.folder))
    assert center.table.rowCount() == 1 and center.table.item(0, 1).text() == "Кузнецова Анна"
    assert center.table.item(0, 0).text() == "70.0%"
    assert center.current is not None and "Кузнецова Анна" in center.header.text()
    assert len(center.content.images) == 1 and center.content.pdf is not None
    assert center.content.pdf.startswith(b"%PDF") and center.images_lay.count() >= 2
    assert center.called.isEnabled()  # the follow-up marks work for a package too
    # A damaged copy is refused with a message, and the worklist stays.
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    image = next(f for f in package.files if f.kind == "image")
    (package.folder / image.name).write_bytes(b"broken")
    center.open_package(str(package.folder))
    assert shown and "checksum" in shown[0] and center.table.rowCount() == 1


def test_center_without_pacs_says_so_and_has_its_own_settings(qtbot, monkeypatch, center) -> None:
    from dermassist.ui.center_settings import CenterSettingsDialog

    started = []
    monkeypatch.setattr(center.pool, "start", lambda job: started.append(job))
    center.refresh()
    assert not started and "Settings" in center.statusBar().currentMessage()

    def fill(dialog):
        dialog.pacs.url.setText("https://pacs.example.org/dicom-web")
        dialog.pacs.username.setText("center")
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(CenterSettingsDialog, "exec", fill)
    assert center.open_settings()
    saved = load_settings()
    assert saved.dicomweb_url == "https://pacs.example.org/dicom-web" and saved.dicomweb_username == "center"
    assert center.settings.dicomweb_url == saved.dicomweb_url
    assert started, "the worklist is queried as soon as the PACS is set up"


def test_center_says_when_the_pacs_loses_names(center, store: RecordStore, tmp_path: Path) -> None:
    from dermassist.transfer.center import open_package
    from dermassist.transfer.package import export_package

    package = export_package(store, _exam(store, tmp_path), Settings(), tmp_path / "usb")
    study, _content = open_package(package.folder)
    center._listed([study])
    assert center.names_notice.isHidden()
    center._listed([replace(study, patient_name="")])  # what Orthanc on Latin-1 answers for a Cyrillic name
    assert not center.names_notice.isHidden() and "Latin-1" in center.names_notice.text()
    assert "DefaultEncoding" in center.names_notice.text()
    assert center.table.item(0, 1).text() == "(name not readable)"


def test_outbox_buttons_follow_the_selection_at_once(qtbot, store: RecordStore, tmp_path: Path) -> None:
    from dermassist.ui.outbox_panel import OutboxPanel

    exam_id = _exam(store, tmp_path)
    panel = OutboxPanel(None, store, Settings(), autostart=False)
    qtbot.addWidget(panel)
    outbox.enqueue(store, exam_id, Settings())
    panel.refresh()
    assert panel.table.rowCount() == 1 and not panel.export.isEnabled()
    panel.table.selectRow(0)  # no refresh, no timer tick
    assert panel.export.isEnabled() and panel.open_folder.isEnabled()
    panel.table.clearSelection()
    assert not panel.export.isEnabled() and not panel.open_folder.isEnabled()
    panel.shutdown()
