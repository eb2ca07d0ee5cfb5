"""One examination: pictures, analysis, details, lesion site and checklist, with its actions."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from dermassist.imaging.bodymap import describe_site
from dermassist.records.models import Examination
from dermassist.records.store import RecordConflict, RecordError, RecordNotFound, RecordStore
from dermassist.ui import exam_actions
from dermassist.ui.exam_tabs import ExamTabs
from dermassist.ui.i18n import fmt_date, fmt_duration, iso, qdate
from dermassist.ui.images_pane import ImagesPane
from dermassist.ui.plugins import available
from dermassist.ui.result_panel import ResultPanel
from dermassist.ui.trust_gate import WarningGate, heatmap_grid


class ExaminationView(QWidget):
    """Edits one examination. Edits are saved by Save, before any action, and when leaving it."""

    examinationSaved = Signal(int)
    followUpRequested = Signal(int)  # examination id whose lesion is examined again
    compareRequested = Signal(str)  # lesion id
    statusMessage = Signal(str)
    queuedForSending = Signal(int)
    settingsRequested = Signal()

    def __init__(self, store: RecordStore, models, settings_fn, lang: str = "en", parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.models = models
        self.settings_fn = settings_fn
        self.lang = lang
        self.exam: Examination | None = None
        self._loading = False
        self._dirty = False
        self._pending: dict[int, int] = {}  # analysis token -> examination id
        self.gate = WarningGate(store)  # an analysis whose warnings await the doctor's choice
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel()
        self.title.setObjectName("examTitle")
        outer.addWidget(self.title)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.images = ImagesPane(store)
        split.addWidget(self.images)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        # The result can be longer than a laptop screen is tall (Russian, warnings): it scrolls, and
        # the splitter lets the doctor trade its room against the tabs'. The actions stay below both.
        self.result = ResultPanel(lang)
        self.tabs = ExamTabs(lang)
        t = self.tabs
        self.date, self.doctor, self.urgency, self.notes = t.date, t.doctor, t.urgency, t.notes
        self.bodymap, self.site_label, self.checklist = t.bodymap, t.site_label, t.checklist
        self.follow_up_button, self.compare_button = t.follow_up_button, t.compare_button
        vsplit = QSplitter(Qt.Orientation.Vertical)
        vsplit.setChildrenCollapsible(False)
        vsplit.addWidget(self.result)
        vsplit.addWidget(self.tabs)
        vsplit.setStretchFactor(0, 3)
        vsplit.setStretchFactor(1, 2)
        rl.addWidget(vsplit, 1)
        split.addWidget(right)
        split.setChildrenCollapsible(False)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        outer.addWidget(split, 1)
        outer.addLayout(self._actions_row())  # under both columns: never squeezed, never scrolled away

        self.images.imageSelected.connect(lambda _sha: self.show_result())
        self.images.imagesAdded.connect(self._images_added)
        self.result.analyseRequested.connect(self.analyse)
        self.result.overrideRequested.connect(self._override)
        self.result.declineRequested.connect(self._decline)
        self.checklist.changed.connect(self._mark_dirty)
        self.bodymap.siteChanged.connect(self._site_changed)
        self.date.dateChanged.connect(self._mark_dirty)
        self.doctor.textEdited.connect(self._mark_dirty)
        self.urgency.currentIndexChanged.connect(self._mark_dirty)
        self.notes.textChanged.connect(self._mark_dirty)
        self.follow_up_button.clicked.connect(self._follow_up)
        self.compare_button.clicked.connect(self._compare)
        models.loaded.connect(lambda _card: self.show_result())
        models.loadFailed.connect(lambda _msg: self.show_result())
        models.analysisStage.connect(self._stage)
        models.analysisFinished.connect(self._finished)
        models.analysisFailed.connect(self._failed)
        self.load(None)

    def _actions_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("saveExamButton")
        self.report_button = QPushButton(self.tr("Referral PDF…"))
        self.send_button = QPushButton(self.tr("Send to center"))
        row.addWidget(self.save_button)
        row.addStretch(1)
        row.addWidget(self.report_button)
        row.addWidget(self.send_button)
        self.save_button.clicked.connect(self.save)
        self.report_button.clicked.connect(self._report)
        self.send_button.clicked.connect(self._send)
        # Checked without importing: the referral and transfer code pulls in reportlab and pydicom,
        # which would slow the start; they are imported on first use.
        self._has_report = available("dermassist.ui.report_dialog")
        self._has_send = available("dermassist.transfer.outbox")
        if not self._has_report:
            self.report_button.setToolTip(self.tr("Referral letters are not available in this build."))
        if not self._has_send:
            self.send_button.setToolTip(self.tr("Sending to the center is not available in this build."))
        return row

    # -- loading and saving --------------------------------------------------------------------

    def load(self, exam_id: int | None, select_image: str | None = None) -> None:
        """Show an examination (None: nothing selected)."""
        self._loading = True
        try:
            self.exam = self.store.get_examination(exam_id) if exam_id is not None else None
            exam = self.exam
            self.images.set_examination(exam, select_image)
            self.date.setDate(qdate(exam.date) if exam else QDate.currentDate())
            self.doctor.setText(exam.referring_doctor if exam else "")
            self.urgency.setCurrentIndex(max(0, self.urgency.findData(exam.urgency if exam else "routine")))
            self.notes.setPlainText(exam.notes if exam else "")
            self.checklist.set_value(exam.checklist if exam else {})
            self.bodymap.set_site(exam.site if exam else None)
            others = []
            if exam is not None:
                others = [
                    e.site
                    for e in self.store.list_examinations(exam.patient_id)
                    if e.site and e.lesion_id != exam.lesion_id
                ]
            self.bodymap.set_other_sites(others)
            self._update_site_label()
            self.title.setText(
                "<b>" + self.tr("Examination of {date}").format(date=fmt_date(exam.date, long=True)) + "</b>"
                if exam
                else self.tr("Select or create an examination.")
            )
        finally:
            self._loading = False
        self._dirty = False
        self._update_buttons()
        self.show_result()

    def _update_site_label(self) -> None:
        site = self.bodymap.site()
        self.site_label.setText(
            self.tr("Site: {label}").format(label=describe_site(site, self.lang))
            if site
            else self.tr("Site: not marked yet")
        )

    def _update_buttons(self) -> None:
        has = self.exam is not None
        for w in (self.date, self.doctor, self.urgency, self.notes, self.checklist, self.follow_up_button):
            w.setEnabled(has)
        self.bodymap.set_editable(has)
        self.save_button.setEnabled(has and self._dirty)
        lesion_count = len(self.store.examinations_for_lesion(self.exam.lesion_id)) if has else 0
        self.compare_button.setEnabled(lesion_count > 1)
        self.report_button.setEnabled(has and self._has_report)
        self.send_button.setEnabled(has and self._has_send)

    def _mark_dirty(self, *_args) -> None:
        if not self._loading and self.exam is not None:
            self._dirty = True
            self.save_button.setEnabled(True)

    def _site_changed(self, _site) -> None:
        self._update_site_label()
        self._mark_dirty()

    def is_dirty(self) -> bool:
        """True when there are unsaved edits."""
        return self._dirty

    def edited(self) -> Examination | None:
        """The examination with the edits on screen applied."""
        if self.exam is None:
            return None
        return replace(
            self.exam,
            date=iso(self.date.date()),
            referring_doctor=self.doctor.text().strip(),
            urgency=self.urgency.currentData(),
            notes=self.notes.toPlainText(),
            checklist=self.checklist.value(),
            site=self.bodymap.site(),
        )

    def save(self) -> bool:
        """Store the edits; returns False (and says why) when they could not be saved."""
        edited = self.edited()
        if edited is None or not self._dirty:
            return True
        try:
            saved = self.store.update_examination(edited)
        except RecordConflict:
            QMessageBox.warning(
                self, self.windowTitle(), self.tr("This examination was changed elsewhere; your edits were not saved.")
            )
            return False
        except RecordError as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            return False
        self.exam = replace(saved)
        self._dirty = False
        self.save_button.setEnabled(False)
        self.statusMessage.emit(self.tr("Examination saved."))
        self.examinationSaved.emit(saved.id)
        return True

    def save_if_dirty(self) -> bool:
        """Save pending edits before leaving this examination."""
        return self.save() if self._dirty else True

    def _images_added(self, sha: str) -> None:
        self.save_if_dirty()
        self.load(self.exam.id if self.exam else None, select_image=sha)
        if self.exam is not None:
            self.examinationSaved.emit(self.exam.id)

    # -- analysis ------------------------------------------------------------------------------

    def show_result(self) -> None:
        """Show the latest analysis of the selected picture, or why there is none."""
        models = self.models
        busy = bool(self._pending)
        sha = self.images.current_sha()
        can = self.exam is not None and sha is not None and models.ready and not busy
        self.result.analyse_button.setEnabled(can)
        if busy:
            return
        if models.loading:
            self.result.analyse_button.setToolTip(self.tr("The model is still loading."))
        if self.exam is None:
            self.result.show_message("")
            return
        held = self.gate.held_for(self.exam.id, sha)
        if held is not None:
            self.images.set_heatmap(None)
            self.result.show_warnings(held.record.warnings)  # the warnings come before any probability
            return
        analysis = next((a for a in reversed(self.exam.analyses) if a.image_sha256 == sha), None) if sha else None
        self.images.set_heatmap(heatmap_grid(analysis))
        if analysis is not None:
            note = ""
            if models.card is not None and models.card.sha256 != analysis.model_sha256:
                note = self.tr(
                    "This result comes from a different model than the one now loaded; press Analyse to repeat it."
                )
            self.result.show_record(analysis, models.card, note)
            return
        if models.error:
            self.result.show_message(
                self.tr("No model can be used, so no analysis is possible (see the notice at the top).")
            )
        elif sha is None:
            self.result.show_message(self.tr("Add an image to this examination, then press Analyse."))
        elif models.loading:
            self.result.show_message(self.tr("The model is loading…"))
        else:
            self.result.show_message(self.tr("This picture has not been analysed yet. Press Analyse."))

    def analyse(self) -> None:
        """Analyse the selected picture in the background."""
        sha = self.images.current_sha()
        if self.exam is None or sha is None or not self.models.ready or self._pending:
            return
        self.save_if_dirty()
        settings = self.settings_fn()
        self.gate.clear()
        token = self.models.analyse(
            self.exam.id, sha, self.store.image_path(sha), settings.threshold_preset, settings.tta, self.lang
        )
        self._pending[token] = self.exam.id
        self.result.analyse_button.setEnabled(False)
        self.result.set_busy(self.tr("Analysing…"))

    def _stage(self, token: int, stage: str) -> None:
        if token in self._pending:
            text = self.tr("Reading the picture…") if stage == "decode" else self.tr("Running the model…")
            self.result.set_busy(text)

    def _finished(self, outcome) -> None:
        exam_id = self._pending.pop(outcome.token, None)
        if exam_id is None:
            return
        self.result.set_busy(None)
        if self.gate.hold(exam_id, outcome):
            self.show_result()  # shows the warnings, not the probability
            return
        self._store(exam_id, outcome, outcome.record)

    def _override(self) -> None:
        if (going := self.gate.go_on()) is not None:
            self._store(*going)

    def _decline(self) -> None:
        if self.gate.decline():
            self.show_result()
            if self.result.record is None:
                self.result.show_message(
                    self.tr("Not analysed. Take a better picture of the lesion and add it, or press Analyse again.")
                )

    def _store(self, exam_id: int, outcome, record) -> None:
        try:
            saved = self.store.add_analysis(record)
            self.gate.stored(exam_id, saved)
        except (RecordError, RecordNotFound) as exc:
            self.result.show_message(self.tr("The result could not be stored: {error}").format(error=exc))
            return
        self.statusMessage.emit(
            self.tr("Analysis finished in {duration}.").format(duration=fmt_duration(outcome.seconds))
        )
        if self.exam is not None and self.exam.id == exam_id:
            self.load(exam_id, select_image=saved.image_sha256)
        self.examinationSaved.emit(exam_id)

    def _failed(self, token: int, message: str) -> None:
        if self._pending.pop(token, None) is None:
            return
        self.result.set_busy(None)
        self.show_result()
        self.result.show_message(self.tr("The analysis failed: {error}").format(error=message))

    # -- actions -------------------------------------------------------------------------------

    def _follow_up(self) -> None:
        if self.exam is not None and self.save_if_dirty():
            self.followUpRequested.emit(self.exam.id)

    def _compare(self) -> None:
        if self.exam is not None:
            self.compareRequested.emit(self.exam.lesion_id)

    def _report(self) -> None:
        if self.exam is not None and self.save_if_dirty():
            exam_actions.open_report(self, self.store, self.exam.id, self.settings_fn(), self.lang)

    def _send(self) -> None:
        if self.exam is None or not self.save_if_dirty():
            return
        settings = self.settings_fn()
        if exam_actions.center_missing(settings):
            choice = exam_actions.ask_without_center(self)
            if choice == "settings":
                self.settingsRequested.emit()
            if choice != "queue":
                return
        if exam_actions.enqueue_referral(self, self.store, self.exam.id, settings, self.lang):
            self.statusMessage.emit(self.tr("The examination is queued for sending; see the Outbox tab."))
            self.queuedForSending.emit(self.exam.id)
