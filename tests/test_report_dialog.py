"""Referral dialog (offscreen): preview, save as, print to a PDF printer, open in the system viewer."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_report_support import flat, lesion_jpeg, pdftotext, render_page

pytest.importorskip("pytestqt")

from PySide6.QtGui import QDesktopServices  # noqa: E402
from PySide6.QtPrintSupport import QPrinter  # noqa: E402
from PySide6.QtWidgets import QFileDialog, QMessageBox  # noqa: E402

from dermassist.records.models import AnalysisRecord, Examination, LesionSite, Patient  # noqa: E402
from dermassist.records.settings import Settings  # noqa: E402
from dermassist.records.store import RecordStore  # noqa: E402
from dermassist.reports.referral import AUDIT_ACTION, PRINT_ACTION  # noqa: E402
from dermassist.ui import report_dialog  # noqa: E402
from dermassist.ui.report_dialog import ReportDialog  # noqa: E402


@pytest.fixture
def filled(tmp_path: Path):
    store = RecordStore.open(tmp_path / "data")
    p = store.add_patient(Patient(None, "Olga Nikolaevna Smirnova", "1975-06-01", "female", phone="+7 921 555-44-33"))
    e = store.add_examination(Examination(None, p.id or 0, "2024-06-01", site=LesionSite("front", 0.5, 0.3)))
    img = store.add_image(e.id or 0, lesion_jpeg(tmp_path / "x.jpg", 800, 600))
    store.add_analysis(AnalysisRecord(None, e.id or 0, img.sha256, 0.64, 0.5, "malignant", "m", "1", "ef" * 32))
    yield store, e.id
    store.close()


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: seen.append(str(a[2])))
    return seen


def test_dialog_previews_and_saves(qtbot, filled, tmp_path: Path, monkeypatch, warnings) -> None:
    store, eid = filled
    dialog = ReportDialog(None, store, eid, Settings(clinic_name="Clinic A"), "en")
    qtbot.addWidget(dialog)
    dialog.show()
    assert report_dialog.QtPdf is not None, "PySide6 QtPdf should be available for the preview"
    assert dialog.page_count() >= 1
    assert dialog.document.status() == report_dialog.QtPdf.QPdfDocument.Status.Ready
    assert "Olga Nikolaevna Smirnova" in dialog.document.getAllText(0).text()
    assert dialog.default_file_name().startswith("referral-20240601-")

    target = tmp_path / "saved.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF files (*.pdf)"))
    dialog.save_button.click()
    text = flat(pdftotext(target))
    assert "Olga Nikolaevna Smirnova" in text and "+7 921 555-44-33" in text and "SUSPICIOUS" in text
    assert [a.details for a in store.list_audit("examination", eid, action=AUDIT_ACTION)][0].endswith("saved.pdf")
    assert warnings == []

    # switching the report language rebuilds the preview in Russian
    dialog.language.setCurrentIndex(dialog.language.findData("ru"))
    assert "ПОДОЗРИТЕЛЬНО" in dialog.document.getAllText(0).text()
    assert dialog.save_to(tmp_path / "ru")  # suffix added
    assert "Страница 1 из" in pdftotext(tmp_path / "ru.pdf")
    tmpdir = dialog._tmpdir
    dialog.close()
    assert not tmpdir.exists()


def test_dialog_prints_every_page(qtbot, filled, tmp_path: Path, warnings) -> None:
    store, eid = filled
    dialog = ReportDialog(None, store, eid, Settings(), "en")
    qtbot.addWidget(dialog)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setResolution(100)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    assert dialog.print_to(printer) == dialog.page_count()
    page = render_page(out, 1, tmp_path, dpi=30)
    assert (page < 128).mean() > 0.005  # ink on the printed page
    assert len(store.list_audit("examination", eid, action=PRINT_ACTION)) == 1
    assert warnings == []


def test_dialog_opens_system_viewer(qtbot, filled, tmp_path: Path, monkeypatch, warnings) -> None:
    store, eid = filled
    opened: list[str] = []
    monkeypatch.setattr(report_dialog.tempfile, "gettempdir", lambda: str(tmp_path))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    dialog = ReportDialog(None, store, eid, Settings(), "en")
    qtbot.addWidget(dialog)
    dialog.open_button.click()
    assert len(opened) == 1 and Path(opened[0]).parent == tmp_path / report_dialog.VIEWER_DIR
    assert "Olga Nikolaevna Smirnova" in pdftotext(Path(opened[0]))
    assert any("viewer" in a.details for a in store.list_audit("examination", eid, action=AUDIT_ACTION))


def test_dialog_unknown_examination(qtbot, filled, warnings) -> None:
    store, _ = filled
    dialog = ReportDialog(None, store, 12345, Settings(), "en")
    qtbot.addWidget(dialog)
    assert warnings == ["no examination with id 12345"]
    assert not dialog.save_button.isEnabled() and not dialog.print_button.isEnabled()
    assert dialog.save_to(Path("never.pdf")) is False
