"""Referral dialog: preview the PDF, save it, print it, or open it in the system's PDF viewer.

The PDF is produced by ``dermassist.reports`` (Qt-free); this dialog only shows and hands it on.
Every save, print and hand-over to another program is written to the audit trail.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QPageSize, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dermassist.records.settings import Settings
from dermassist.reports.referral import (
    PRINT_ACTION,
    ReferralInput,
    ReportError,
    record_export,
    referral_from_store,
    render_referral_bytes,
    write_pdf_atomically,
)

try:  # QtPdf ships with PySide6 but a trimmed build may leave it out
    from PySide6 import QtPdf, QtPdfWidgets
except ImportError:  # pragma: no cover - depends on the Qt build
    QtPdf = QtPdfWidgets = None  # type: ignore[assignment]

log = logging.getLogger(__name__)

VIEWER_DIR = "dermassist-referrals"
VIEWER_KEEP_S = 24 * 3600  # copies handed to the system viewer are removed a day later
PRINT_MAX_DPI = 300


def _viewer_folder() -> Path:
    """Folder for copies opened in the system viewer; old copies (patient data) are cleaned up."""
    folder = Path(tempfile.gettempdir()) / VIEWER_DIR
    folder.mkdir(mode=0o700, exist_ok=True)
    now = time.time()
    for old in folder.glob("*.pdf"):
        with contextlib.suppress(OSError):
            if now - old.stat().st_mtime > VIEWER_KEEP_S:
                old.unlink()
    return folder


def _safe_name(text: str) -> str:
    keep = "".join(c if c.isalnum() or c in "-_." else "-" for c in text).strip("-.")
    return keep[:60] or "referral"


class ReportDialog(QDialog):
    """Preview of an examination's referral with Save as…, Print… and Open in viewer."""

    def __init__(self, parent, store, examination_id: int, settings: Settings, lang: str = "en") -> None:
        super().__init__(parent)
        self.store = store
        self.examination_id = examination_id
        self.settings = settings
        self.lang = lang if lang in ("en", "ru") else "en"
        self.data: ReferralInput | None = None
        self.pdf_bytes = b""
        self._tmpdir = Path(tempfile.mkdtemp(prefix="dermassist-preview-"))
        self.pdf_path = self._tmpdir / "referral.pdf"
        self.document = QtPdf.QPdfDocument(self) if QtPdf is not None else None

        self.setWindowTitle(self.tr("Referral PDF"))
        self.resize(820, 960)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Report language:")))
        self.language = QComboBox()
        self.language.addItem(self.tr("English"), "en")
        self.language.addItem(self.tr("Russian"), "ru")
        self.language.setCurrentIndex(max(0, self.language.findData(self.lang)))
        self.language.currentIndexChanged.connect(self._language_changed)
        top.addWidget(self.language)
        top.addStretch(1)
        self.status = QLabel()
        top.addWidget(self.status)
        layout.addLayout(top)

        self.view: QWidget
        if self.document is not None and QtPdfWidgets is not None:
            view = QtPdfWidgets.QPdfView(self)
            view.setPageMode(QtPdfWidgets.QPdfView.PageMode.MultiPage)
            view.setZoomMode(QtPdfWidgets.QPdfView.ZoomMode.FitToWidth)
            view.setDocument(self.document)
            self.view = view
        else:
            label = QLabel(self.tr("The preview is not available in this build; open the PDF in the viewer."))
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            self.view = label
        layout.addWidget(self.view, 1)

        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save as…"))
        self.print_button = QPushButton(self.tr("Print…"))
        self.open_button = QPushButton(self.tr("Open in viewer"))
        self.close_button = QPushButton(self.tr("Close"))
        for b in (self.save_button, self.print_button, self.open_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.save_button.clicked.connect(self._save_as)
        self.print_button.clicked.connect(self._print)
        self.open_button.clicked.connect(self.open_external)
        self.close_button.clicked.connect(self.reject)
        self.print_button.setEnabled(self.document is not None)
        if self.document is None:
            self.print_button.setToolTip(self.tr("Printing needs Qt PDF; open the PDF in the viewer and print there."))

        self.regenerate()

    # -- producing the PDF ---------------------------------------------------------------------

    def regenerate(self) -> bool:
        """(Re)build the referral from the record store and show it; False with a message on failure."""
        from dermassist.records.store import RecordNotFound

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            started = time.perf_counter()
            self.data = referral_from_store(self.store, self.examination_id, self.settings, self.lang)
            self.pdf_bytes = render_referral_bytes(self.data)
            write_pdf_atomically(self.pdf_path, self.pdf_bytes)
            elapsed = time.perf_counter() - started
        except (ReportError, RecordNotFound, OSError) as exc:
            self.data, self.pdf_bytes = None, b""
            self._set_ready(False)
            self.status.setText(self.tr("The referral could not be produced."))
            QMessageBox.warning(self, self.tr("Referral PDF"), str(exc))
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        if self.document is not None:
            self.document.close()
            self.document.load(str(self.pdf_path))
        self._set_ready(True)
        self.status.setText(self.tr("{pages} page(s), made in {seconds} s").format(
            pages=self.page_count(), seconds=f"{elapsed:.2f}"))  # fmt: skip
        log.info("referral for examination %s rendered in %.3f s", self.examination_id, elapsed)
        return True

    def _set_ready(self, ready: bool) -> None:
        self.save_button.setEnabled(ready)
        self.open_button.setEnabled(ready)
        self.print_button.setEnabled(ready and self.document is not None)

    def _language_changed(self) -> None:
        self.lang = self.language.currentData()
        self.regenerate()

    def page_count(self) -> int:
        """Pages of the current PDF (0 when there is none or no Qt PDF to count them)."""
        if self.document is None or not self.pdf_bytes:
            return 0
        return int(self.document.pageCount())

    def default_file_name(self) -> str:
        """Suggested file name: referral number and patient name."""
        if self.data is None:
            return "referral.pdf"
        number = self.data.examination.referral_number
        return f"referral-{_safe_name(number)}-{_safe_name(self.data.patient.full_name)}.pdf"

    # -- handing it on -------------------------------------------------------------------------

    def save_to(self, path: Path) -> bool:
        """Write the PDF to ``path`` (atomically) and audit it; False with a message on failure."""
        if self.data is None:
            return False
        path = Path(path)
        if not path.suffix:
            path = path.with_suffix(".pdf")
        try:
            write_pdf_atomically(path, self.pdf_bytes)
        except ReportError as exc:
            QMessageBox.warning(self, self.tr("Save referral"), str(exc))
            return False
        record_export(self.store, self.data, f"saved as {path.name}")
        self.status.setText(self.tr("Saved to {path}").format(path=str(path)))
        return True

    def _save_as(self) -> None:
        start = str(Path.home() / self.default_file_name())
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save referral"), start, self.tr("PDF files (*.pdf)"))
        if name:
            self.save_to(Path(name))

    def print_to(self, printer) -> int:
        """Render the pages onto ``printer`` (a QPrinter already set up); returns pages printed."""
        if self.document is None or self.data is None:
            return 0
        total = self.page_count()
        first, last = printer.fromPage(), printer.toPage()  # 0, 0 means every page
        pages = range(total) if first <= 0 else range(first - 1, min(total, last or total))
        dpi = min(printer.resolution(), PRINT_MAX_DPI)
        painter = QPainter()
        if not painter.begin(printer):
            QMessageBox.warning(self, self.tr("Print referral"), self.tr("The printer could not be started."))
            return 0
        printed = 0
        try:
            for n, index in enumerate(pages):
                if n:
                    printer.newPage()
                size_pt = self.document.pagePointSize(index)
                pixels = QSize(round(size_pt.width() * dpi / 72), round(size_pt.height() * dpi / 72))
                image = self.document.render(index, pixels)
                area = painter.viewport()
                fitted = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(QRect(area.x(), area.y(), fitted.width(), fitted.height()), image)
                printed += 1
        finally:
            painter.end()
        record_export(self.store, self.data, f"printed ({printed} page(s))", action=PRINT_ACTION)
        return printed

    def _print(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setFullPage(True)  # the PDF brings its own margins; print it 1:1
        printer.setDocName(self.default_file_name())
        printer.setFromTo(1, max(1, self.page_count()))
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print referral"))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def open_external(self) -> bool:
        """Hand a copy to the system's PDF viewer; False with a message when none opens."""
        if self.data is None:
            return False
        try:
            target = _viewer_folder() / self.default_file_name()
            write_pdf_atomically(target, self.pdf_bytes)
        except (ReportError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Open referral"), str(exc))
            return False
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(target))):
            QMessageBox.warning(
                self, self.tr("Open referral"), self.tr("No PDF viewer could be started. The file is at {path}").format(
                    path=str(target))
            )  # fmt: skip
            return False
        record_export(self.store, self.data, "opened in the system PDF viewer")
        return True

    def done(self, result: int) -> None:
        """Close the preview and remove its temporary folder."""
        if self.document is not None:
            self.document.close()
        shutil.rmtree(self._tmpdir, ignore_errors=True)
        super().done(result)
