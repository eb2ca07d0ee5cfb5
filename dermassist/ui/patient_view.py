"""A patient's page: who they are, their examinations, and the selected examination."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from dermassist.imaging.bodymap import describe_site
from dermassist.records.models import Examination, Patient
from dermassist.records.store import RecordStore
from dermassist.ui.exam_view import ExaminationView
from dermassist.ui.i18n import fmt_date, fmt_percent
from dermassist.ui.lesion_history import LesionHistoryDialog
from dermassist.ui.patient_dialog import PatientDialog, sex_label


class PatientView(QWidget):
    """Header, examination list and the examination editor for one patient."""

    patientEdited = Signal(int)
    statusMessage = Signal(str)

    def __init__(self, store: RecordStore, models, settings_fn, lang: str = "en", parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.settings_fn = settings_fn
        self.patient: Patient | None = None
        lay = QVBoxLayout(self)
        head = QHBoxLayout()
        self.header = QLabel()
        self.header.setObjectName("patientHeader")
        self.header.setWordWrap(True)  # a long Russian line of details must not widen the window
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        head.addWidget(self.header, 1)
        self.edit_button = QPushButton(self.tr("Edit patient…"))
        self.edit_button.setObjectName("editPatientButton")
        head.addWidget(self.edit_button)
        lay.addLayout(head)
        split = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(QLabel(self.tr("Examinations")))
        self.exams = QListWidget()
        self.exams.setObjectName("examList")
        self.exams.setWordWrap(True)  # the site and the ⚠ marks stay readable in a narrow column
        self.exams.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        ll.addWidget(self.exams, 1)
        self.new_exam_button = QPushButton(self.tr("New examination"))
        self.new_exam_button.setObjectName("newExamButton")
        ll.addWidget(self.new_exam_button)
        split.addWidget(left)
        self.exam_view = ExaminationView(store, models, settings_fn, lang)
        split.addWidget(self.exam_view)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 5)
        split.setSizes([200, 1000])
        lay.addWidget(split, 1)
        self.edit_button.clicked.connect(self.edit_patient)
        self.new_exam_button.clicked.connect(lambda: self.new_examination())
        self.exams.currentItemChanged.connect(self._exam_changed)
        self.exam_view.examinationSaved.connect(lambda eid: self.refresh_exams(eid))
        self.exam_view.followUpRequested.connect(self._follow_up)
        self.exam_view.compareRequested.connect(self.compare)
        self.exam_view.statusMessage.connect(self.statusMessage)
        self.set_patient(None)

    def set_patient(self, patient_id: int | None) -> None:
        """Show a patient (None: none selected); unsaved examination edits are saved first."""
        self.exam_view.save_if_dirty()
        self.patient = self.store.get_patient(patient_id) if patient_id is not None else None
        p = self.patient
        if p is None:
            self.header.setText(self.tr("Select a patient on the left, or create a new one."))
        else:
            bits = [sex_label(p.sex)]
            if p.birth_date:
                age = _age(p.birth_date)
                bits.append(self.tr("born {date} ({age} y)").format(date=fmt_date(p.birth_date), age=age))
            if p.record_number:
                bits.append(self.tr("record no. {n}").format(n=p.record_number))
            if p.phone:
                bits.append(self.tr("phone {phone}").format(phone=p.phone))
            self.header.setText(
                f"<span style='font-size:15pt'><b>{_esc(p.full_name)}</b></span><br>" + _esc(", ".join(bits))
            )
        self.edit_button.setEnabled(p is not None)
        self.new_exam_button.setEnabled(p is not None)
        self.refresh_exams()

    def refresh_exams(self, select_id: int | None = None) -> None:
        """Reload the examination list, selecting ``select_id`` (or keeping the selection, or the newest)."""
        current = self.exams.currentItem()
        keep = select_id if select_id is not None else (current.data(Qt.ItemDataRole.UserRole) if current else None)
        exams = self.store.list_examinations(self.patient.id) if self.patient else []
        self.exams.blockSignals(True)
        self.exams.clear()
        chosen = None
        for e in exams:
            item = QListWidgetItem(self._exam_text(e))
            item.setData(Qt.ItemDataRole.UserRole, e.id)
            self.exams.addItem(item)
            if e.id == keep:
                chosen = item
        if chosen is None and self.exams.count():
            chosen = self.exams.item(0)
        self.exams.setCurrentItem(chosen)
        self.exams.blockSignals(False)
        chosen_id = int(chosen.data(Qt.ItemDataRole.UserRole)) if chosen else None
        shown = self.exam_view.exam.id if self.exam_view.exam is not None else None
        if shown != chosen_id:
            self.exam_view.load(chosen_id)

    def _exam_text(self, e: Examination) -> str:
        lines = [fmt_date(e.date)]
        if e.site is not None:
            lines.append(describe_site(e.site))
        a = e.latest_analysis()
        if a is None:
            lines.append(self.tr("not analysed") if e.images else self.tr("no picture"))
        else:
            mark = " ⚠" if a.malignant >= a.threshold else ""
            if a.warnings:  # as prominent as the figure: a result despite warnings is no plain result
                lines.append("⚠ " + self.tr("picture warnings"))
            lines.append(self.tr("malignant {p}").format(p=fmt_percent(a.malignant)) + mark)
        return "\n".join(lines)

    def _exam_changed(self, item, _prev) -> None:
        if item is None:
            return
        self.exam_view.save_if_dirty()
        self.exam_view.load(int(item.data(Qt.ItemDataRole.UserRole)))

    def new_examination(self, follow_up_of: int | None = None) -> Examination | None:
        """Create today's examination (of a known lesion when ``follow_up_of`` is an examination id)."""
        if self.patient is None:
            return None
        self.exam_view.save_if_dirty()
        site, lesion = None, ""
        if follow_up_of is not None:
            prev = self.store.get_examination(follow_up_of)
            site, lesion = prev.site, prev.lesion_id
        doctor = self.settings_fn().doctor_name
        exam = self.store.add_examination(
            Examination(None, self.patient.id, date.today().isoformat(), doctor, site=site, lesion_id=lesion)
        )
        self.refresh_exams(exam.id)
        self.statusMessage.emit(self.tr("New examination created."))
        return exam

    def _follow_up(self, exam_id: int) -> None:
        self.new_examination(follow_up_of=exam_id)

    def compare(self, lesion_id: str) -> LesionHistoryDialog:
        """Open the side-by-side history of a lesion."""
        dialog = LesionHistoryDialog(self.store, lesion_id, self)
        dialog.setModal(False)
        dialog.show()
        return dialog

    def edit_patient(self) -> None:
        """Edit the shown patient."""
        if self.patient is None:
            return
        dialog = PatientDialog(self.store, self.patient, self)
        if dialog.exec() and dialog.patient is not None:
            self.set_patient(dialog.patient.id)
            self.patientEdited.emit(dialog.patient.id)


def _age(birth: str) -> int:
    b, t = date.fromisoformat(birth), date.today()
    return t.year - b.year - ((t.month, t.day) < (b.month, b.day))


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
