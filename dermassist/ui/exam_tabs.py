"""The examination's editable parts: details, lesion site on the body map, dermoscopy checklist."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dermassist.records.models import URGENCIES
from dermassist.ui.bodymap_widget import BodyMapWidget
from dermassist.ui.checklist_widget import ChecklistWidget


def urgency_label(value: str) -> str:
    """Translated urgency."""
    return {
        "routine": QCoreApplication.translate("Urgency", "routine"),
        "soon": QCoreApplication.translate("Urgency", "soon (within 2 weeks)"),
        "urgent": QCoreApplication.translate("Urgency", "urgent"),
    }.get(value, value)


def _scrolled(page: QWidget) -> QScrollArea:
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # narrow: the form wraps
    scroll.setWidget(page)
    scroll.setMinimumHeight(40)
    return scroll


class ExamTabs(QTabWidget):
    """Details, Lesion site and Dermoscopy checklist tabs; the examination view wires their signals."""

    def __init__(self, lang: str = "en", parent=None) -> None:
        super().__init__(parent)
        self.lang = lang
        # Each page scrolls, so the tabs can give the result room on a small screen.
        self.addTab(_scrolled(self._details_tab()), self.tr("Details"))
        self.addTab(_scrolled(self._site_tab()), self.tr("Lesion site"))
        self.checklist = ChecklistWidget(lang)
        self.addTab(_scrolled(self.checklist), self.tr("Dermoscopy checklist"))

    def _details_tab(self) -> QWidget:
        w = QWidget()
        form = QFormLayout(w)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setMaximumDate(QDate.currentDate())
        self.doctor = QLineEdit()
        self.doctor.setObjectName("referringDoctor")
        self.urgency = QComboBox()
        for u in URGENCIES:
            self.urgency.addItem(urgency_label(u), u)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("notes")
        self.notes.setPlaceholderText(self.tr("History, size, change noticed by the patient, your impression…"))
        self.notes.setMinimumHeight(48)
        form.addRow(self.tr("Date"), self.date)
        form.addRow(self.tr("Referring doctor"), self.doctor)
        form.addRow(self.tr("Urgency"), self.urgency)
        form.addRow(self.tr("Notes"), self.notes)
        return w

    def _site_tab(self) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        self.bodymap = BodyMapWidget(self.lang)
        self.bodymap.setObjectName("bodyMap")
        lay.addWidget(self.bodymap, 1)
        self.site_label = QLabel()
        self.site_label.setObjectName("siteLabel")
        self.site_label.setWordWrap(True)
        lay.addWidget(self.site_label)
        row = QHBoxLayout()
        self.follow_up_button = QPushButton(self.tr("Follow-up of this lesion"))
        self.follow_up_button.setToolTip(self.tr("Start a new examination of the same lesion today"))
        self.compare_button = QPushButton(self.tr("Compare over time…"))
        self.compare_button.setObjectName("compareButton")
        row.addWidget(self.follow_up_button)
        row.addWidget(self.compare_button)
        row.addStretch(1)
        lay.addLayout(row)
        return w
