"""The specialized center's window: received referrals by malignancy, images, the PDF, follow-up marks.

Queries run in a thread pool; the follow-up marks ("patient called", "appointment set") are kept
in the center user's own small database and never sent anywhere.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dermassist import __version__, intended_use
from dermassist.records.settings import Settings
from dermassist.transfer.center import CenterStudy, StudyContent
from dermassist.transfer.center_store import CenterStore
from dermassist.ui.center_content import ReferralContent
from dermassist.ui.i18n import fmt_date, fmt_percent
from dermassist.ui.patient_dialog import sex_label


def _iso(dicom_date: str) -> str:
    """DICOM ``YYYYMMDD`` as ``YYYY-MM-DD`` ('' when absent or malformed)."""
    d = dicom_date.strip()
    return f"{d[:4]}-{d[4:6]}-{d[6:8]}" if len(d) == 8 and d.isdigit() else ""


class _Signals(QObject):
    listed = Signal(object)  # list[CenterStudy]
    fetched = Signal(str, object)  # study uid, StudyContent
    failed = Signal(str)


class _Job(QRunnable):
    def __init__(self, fn, signals: _Signals) -> None:
        super().__init__()
        self.fn = fn
        self.signals = signals

    def run(self) -> None:
        try:
            self.fn()
        except Exception as exc:  # shown in the status bar
            self.signals.failed.emit(str(exc))


class CenterWindow(QMainWindow):
    """Worklist on the left, the selected referral on the right."""

    COLUMNS = 7

    def __init__(self, settings: Settings, marks: CenterStore | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.marks = marks or CenterStore()
        self.studies: list[CenterStudy] = []
        self.current: CenterStudy | None = None
        self.pool = QThreadPool(self)
        self.signals = _Signals()
        self.signals.listed.connect(self._listed)
        self.signals.fetched.connect(self._fetched)
        self.signals.failed.connect(self._failed)
        self.setWindowTitle(self.tr("DermAssist {version}: referrals received").format(version=__version__))

        split = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_lay = QVBoxLayout(left)
        row = QHBoxLayout()
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.open_button = QPushButton(self.tr("Open package…"))
        self.open_button.setObjectName("openPackageButton")
        self.open_button.setToolTip(self.tr("Open a referral package from a folder or USB stick"))
        self.open_button.clicked.connect(lambda: self.open_package())
        self.settings_button = QPushButton(self.tr("Settings…"))
        self.settings_button.setObjectName("centerSettingsButton")
        self.settings_button.clicked.connect(lambda: self.open_settings())
        row.addWidget(self.refresh_button)
        row.addWidget(self.open_button)
        row.addStretch(1)
        row.addWidget(self.settings_button)
        left_lay.addLayout(row)
        self.names_notice = QLabel()
        self.names_notice.setObjectName("namesNotice")
        self.names_notice.setWordWrap(True)
        self.names_notice.setStyleSheet("background:#fff6dc; color:#5c4400; border:1px solid #e6cf86; padding:6px;")
        self.names_notice.setVisible(False)
        left_lay.addWidget(self.names_notice)
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Malignant"),
                self.tr("Patient"),
                self.tr("Phone"),
                self.tr("Referring clinic"),
                self.tr("Date"),
                self.tr("Referral"),
                self.tr("Follow-up"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.itemSelectionChanged.connect(self._selected)
        left_lay.addWidget(self.table, 1)
        split.addWidget(left)

        right = QWidget()
        right_lay = QVBoxLayout(right)
        self.header = QLabel(self.tr("Select a referral."))
        self.header.setObjectName("centerHeader")
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        right_lay.addWidget(self.header)
        marks_row = QHBoxLayout()
        self.called = QCheckBox(self.tr("Patient called"))
        self.called.clicked.connect(self._called_clicked)
        self.appointment_button = QPushButton(self.tr("Appointment set…"))
        self.appointment_button.clicked.connect(self._appointment_clicked)
        self.appointment = QLabel()
        self.appointment.setObjectName("centerAppointment")
        marks_row.addWidget(self.called)
        marks_row.addWidget(self.appointment_button)
        marks_row.addWidget(self.appointment, 1)
        right_lay.addLayout(marks_row)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Note (kept at the center only)"))
        self.note.editingFinished.connect(self._note_edited)
        right_lay.addWidget(self.note)
        self.tabs = ReferralContent()
        self.images_lay, self.pdf_doc, self.ai_text = self.tabs.images_lay, self.tabs.pdf_doc, self.tabs.ai_text
        right_lay.addWidget(self.tabs, 1)
        notice = QLabel(intended_use())
        notice.setWordWrap(True)
        right_lay.addWidget(notice)
        split.addWidget(right)
        split.setSizes([620, 700])
        self.setCentralWidget(split)
        self._enable_marks(False)
        self.resize(1360, 860)

    # -- loading -------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Query the PACS for referrals (off the GUI thread)."""
        from dermassist.transfer.center import query_worklist

        if not self.settings.dicomweb_url.strip():
            self.statusBar().showMessage(
                self.tr("No PACS is set up: press Settings… to enter its address, or open a package from a folder.")
            )
            return
        self.refresh_button.setEnabled(False)
        self.statusBar().showMessage(self.tr("Querying the PACS…"))
        settings, signals = self.settings, self.signals
        self.pool.start(_Job(lambda: signals.listed.emit(query_worklist(settings)), signals))

    def _listed(self, studies: list[CenterStudy]) -> None:
        from dermassist.transfer.center import names_unreadable

        self.refresh_button.setEnabled(True)
        unreadable = names_unreadable(studies)
        self.names_notice.setText(
            self.tr(
                "Some referrals arrive without the patient's name. The PACS probably stores names in Latin-1 "
                "(Orthanc's default), which cannot hold Cyrillic: ask its administrator to set DefaultEncoding "
                "to Utf8 in the Orthanc configuration. The images, PDF and referral number are complete."
            )
            if unreadable
            else ""
        )
        self.names_notice.setVisible(unreadable)
        keep = self.current.study_uid if self.current else None
        self.studies = studies
        self.table.setRowCount(len(studies))
        follow = self.marks.all()
        for row, s in enumerate(studies):
            f = follow.get(s.study_uid)
            state = (
                self.tr("appointment set")
                if f and f.appointment_set
                else self.tr("called")
                if f and f.called
                else self.tr("to call")
            )
            prob = "—" if s.malignant is None else fmt_percent(s.malignant)
            date = fmt_date(_iso(s.study_date))
            name = s.patient_name or self.tr("(name not readable)")
            for col, text in enumerate((prob, name, s.phone, s.institution, date, s.accession, state)):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, s.study_uid)
                self.table.setItem(row, col, cell)
            if s.study_uid == keep:
                self.table.selectRow(row)
        self.table.resizeColumnsToContents()
        self.statusBar().showMessage(self.tr("{count} referral(s)").format(count=len(studies)), 5000)

    def _failed(self, message: str) -> None:
        self.refresh_button.setEnabled(True)
        self.statusBar().showMessage(self.tr("PACS error: {message}").format(message=message))

    def _selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        uid = self.table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)
        study = next((s for s in self.studies if s.study_uid == uid), None)
        if study is None or (self.current and self.current.study_uid == uid):
            return
        self.current = study
        self._show_header(study)
        self._show_marks()
        self._clear_content()
        from dermassist.transfer.center import fetch_study

        settings, signals = self.settings, self.signals
        self.pool.start(_Job(lambda: signals.fetched.emit(uid, fetch_study(settings, uid)), signals))

    def _show_header(self, s: CenterStudy) -> None:
        prob = self.tr("not analysed") if s.malignant is None else fmt_percent(s.malignant)
        self.header.setText(
            self.tr(
                "{name} (born {birth}, {sex}), phone {phone}\n"
                "Referred by {doctor}, {clinic}; referral {number}\nAI malignancy: {prob} ({model})"
            ).format(
                name=s.patient_name,
                birth=fmt_date(_iso(s.birth_date)) or "?",
                sex=sex_label({"F": "female", "M": "male", "O": "other"}.get(s.sex, "unknown")),
                phone=s.phone or "—",
                doctor=s.referring_physician or "—",
                clinic=s.institution or "—",
                number=s.accession,
                prob=prob,
                model=s.model or "—",
            )
        )

    def _clear_content(self) -> None:
        self.tabs.clear_content()

    def _fetched(self, uid: str, content: StudyContent) -> None:
        if not self.current or self.current.study_uid != uid:
            return
        self.tabs.show_content(content, self.current.model)
        self.content = content

    def open_package(self, folder: str | None = None) -> None:
        """Show a referral package from a folder (a USB stick, a shared folder) without any PACS."""
        from pathlib import Path

        from dermassist.transfer.center import open_package

        if folder is None:
            folder = QFileDialog.getExistingDirectory(self, self.tr("Open a referral package"))
        if not folder:
            return
        try:
            study, content = open_package(Path(folder))
        except Exception as exc:  # damaged or foreign folder: say so, keep the worklist
            QMessageBox.warning(
                self,
                self.tr("Open package"),
                self.tr("This folder is not a readable referral package: {error}").format(error=exc),
            )
            return
        self.studies = [s for s in self.studies if s.study_uid != study.study_uid] + [study]
        self.current = None
        self._listed(self.studies)
        row = self.studies.index(study)
        self.current = study
        self.table.blockSignals(True)
        self.table.selectRow(row)
        self.table.blockSignals(False)
        self._show_header(study)
        self._show_marks()
        self._fetched(study.study_uid, content)
        self.statusBar().showMessage(self.tr("Opened the package in {folder}").format(folder=folder), 8000)

    def open_settings(self) -> bool:
        """Edit the PACS address and login; a changed setup is queried at once. True when saved."""
        from dermassist.ui.center_settings import CenterSettingsDialog

        dialog = CenterSettingsDialog(self.settings, self)
        if not dialog.exec() or dialog.result_settings is None:
            return False
        self.settings = dialog.result_settings
        self.refresh()
        return True

    # -- follow-up marks -------------------------------------------------------------------------

    def _enable_marks(self, on: bool) -> None:
        for w in (self.called, self.appointment_button, self.note):
            w.setEnabled(on)

    def _show_marks(self) -> None:
        if self.current is None:
            self._enable_marks(False)
            return
        f = self.marks.get(self.current.study_uid)
        self._enable_marks(True)
        self.called.setChecked(f.called)
        self.appointment.setText(f.appointment)
        self.note.setText(f.note)

    def _called_clicked(self, checked: bool) -> None:
        if self.current is not None:
            self.marks.set_called(self.current.study_uid, checked)
            self._listed(self.studies)

    def _appointment_clicked(self, text: str | None = None) -> None:
        if self.current is None:
            return
        if not isinstance(text, str):
            text, ok = QInputDialog.getText(
                self,
                self.tr("Appointment"),
                self.tr("Date, time and place of the appointment (empty to clear):"),
                text=self.marks.get(self.current.study_uid).appointment,
            )
            if not ok:
                return
        self.marks.set_appointment(self.current.study_uid, text.strip() or None)
        self._show_marks()
        self._listed(self.studies)

    def _note_edited(self) -> None:
        if self.current is not None and self.note.text() != self.marks.get(self.current.study_uid).note:
            self.marks.set_note(self.current.study_uid, self.note.text())

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.pool.waitForDone(30_000)
        self.marks.close()
        super().closeEvent(event)


def run_center_window(settings: Settings, lang: str | None = None) -> int:
    """Open the center window (``dermassist center``) and run the event loop."""
    from dermassist.ui.i18n import choose_language, install_translators

    app = QApplication.instance() or QApplication(sys.argv)
    install_translators(choose_language(lang, settings.language))
    win = CenterWindow(settings)
    win.show()
    win.refresh()
    return int(app.exec())
