"""A received referral's content in the center window: its pictures, its PDF and the AI result in words."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QPushButton, QScrollArea, QTabWidget, QVBoxLayout, QWidget

from dermassist import intended_use
from dermassist.transfer.center import StudyContent
from dermassist.ui.i18n import fmt_percent


class ReferralContent(QTabWidget):
    """Images, Referral PDF and AI result tabs for one referral."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.images_area = QScrollArea()
        self.images_area.setWidgetResizable(True)
        self.images_box = QWidget()
        self.images_lay = QVBoxLayout(self.images_box)
        self.images_area.setWidget(self.images_box)
        self.addTab(self.images_area, self.tr("Images"))
        self.pdf_view, self.pdf_doc = self._make_pdf_view()
        self._pdf_buffer: QBuffer | None = None
        self.addTab(self.pdf_view, self.tr("Referral PDF"))
        ai_page = QWidget()
        ai_lay = QVBoxLayout(ai_page)
        self.ai_summary = QLabel()
        self.ai_summary.setObjectName("aiSummary")
        self.ai_summary.setWordWrap(True)
        self.ai_summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        ai_lay.addWidget(self.ai_summary)
        # The DICOM report travels in English, the exchange language of PACS; shown only on request.
        self.raw_button = QPushButton(self.tr("Show the report as received (DICOM SR)"))
        self.raw_button.setCheckable(True)
        ai_lay.addWidget(self.raw_button)
        self.ai_text = QPlainTextEdit()
        self.ai_text.setReadOnly(True)
        self.ai_text.setVisible(False)
        self.raw_button.toggled.connect(self.ai_text.setVisible)
        ai_lay.addWidget(self.ai_text, 1)
        ai_lay.addStretch(0)
        self.addTab(ai_page, self.tr("AI result"))

    def _make_pdf_view(self):
        try:
            from PySide6.QtPdf import QPdfDocument
            from PySide6.QtPdfWidgets import QPdfView
        except ImportError:  # QtPdf is in PySide6-Addons; without it the PDF is still in the PACS
            return QLabel(self.tr("PDF viewing is not available in this installation.")), None
        doc = QPdfDocument(self)
        view = QPdfView()
        view.setDocument(doc)
        view.setPageMode(QPdfView.PageMode.MultiPage)
        view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        return view, doc

    def clear_content(self) -> None:
        """Show nothing (a new referral is being fetched)."""
        while self.images_lay.count():
            w = self.images_lay.takeAt(0).widget()
            if w is not None:
                w.deleteLater()
        self.ai_text.setPlainText("")
        self.ai_summary.setText("")
        if self.pdf_doc is not None:
            self.pdf_doc.close()

    def show_content(self, content: StudyContent, model: str) -> None:
        """Pictures with their AI result in the user's language, the PDF, the summary and the raw report."""
        self.clear_content()
        lines = []
        for n, (caption, data) in enumerate(content.images, start=1):
            lines.append(self.caption(n, caption))
            pic = QPixmap()
            pic.loadFromData(data)
            label = QLabel()
            label.setObjectName("centerImage")
            room = max(200, self.images_area.viewport().width() - 24)  # fit the column: no sideways scrolling
            label.setPixmap(pic.scaledToWidth(min(pic.width(), room), Qt.TransformationMode.SmoothTransformation))
            self.images_lay.addWidget(label)
            text = QLabel(lines[-1])
            text.setWordWrap(True)
            self.images_lay.addWidget(text)
        self.images_lay.addStretch(1)
        self.ai_text.setPlainText(content.report_text)
        self.ai_summary.setText(
            "\n".join([self.tr("Model: {model}").format(model=model or "—"), *lines, "", intended_use()])
        )
        if self.pdf_doc is not None and content.pdf:
            self._pdf_buffer = QBuffer(self)
            self._pdf_buffer.setData(QByteArray(content.pdf))
            self._pdf_buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            self.pdf_doc.load(self._pdf_buffer)

    def caption(self, n: int, comments: str) -> str:
        """A picture's AI result in the user's language, from the figures its DICOM comments carry."""
        from dermassist.transfer.airesult import parse_malignancy, parse_threshold

        p, t = parse_malignancy(comments), parse_threshold(comments)
        if p is None:
            return self.tr("Picture {n}: not analysed").format(n=n)
        text = self.tr("Picture {n}: AI estimate of malignancy {p}").format(n=n, p=fmt_percent(p))
        if t is not None:
            text += ", " + self.tr("referral threshold {t}").format(t=fmt_percent(t))
            text += " — " + (self.tr("above the threshold") if p >= t else self.tr("below the threshold"))
        return text
