"""The workstation window: patients on the left, the patient's examinations on the right, an Outbox tab."""

from __future__ import annotations

import contextlib
import importlib
import threading
from datetime import datetime, timezone

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dermassist import __version__, intended_use
from dermassist.records.settings import Settings
from dermassist.records.store import RecordStore
from dermassist.ui.model_service import ModelService
from dermassist.ui.patient_dialog import PatientDialog
from dermassist.ui.patient_list import PatientListPanel
from dermassist.ui.patient_view import PatientView
from dermassist.ui.plugins import optional

BANNER_STYLE = "background:#fff6dc; color:#5c4400; border:1px solid #e6cf86; padding:8px;"


class MainWindow(QMainWindow):
    """Owns the store, settings and model service for one session."""

    _preloaded = Signal()
    _backupFinished = Signal(bool, str)

    def __init__(self, store: RecordStore, settings: Settings, lang: str = "en", models: ModelService | None = None):
        super().__init__()
        self.store = store
        self.settings = settings
        self.lang = lang
        self.models = models or ModelService(self)
        self.setWindowTitle(self.tr("DermAssist {version}: dermoscopy decision support").format(version=__version__))
        central = QWidget()
        lay = QVBoxLayout(central)
        self.banner = QLabel()
        self.banner.setObjectName("modelBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.setVisible(False)
        lay.addWidget(self.banner)
        self.tabs = QTabWidget()
        lay.addWidget(self.tabs, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.patients = PatientListPanel(store)
        split.addWidget(self.patients)
        self.patient_view = PatientView(store, self.models, lambda: self.settings, lang)
        split.addWidget(self.patient_view)
        split.setStretchFactor(1, 4)
        split.setSizes([260, 1100])
        self.tabs.addTab(split, self.tr("Patients"))
        self.outbox = None  # added by start_background(): the transfer code is slow to import
        self.setCentralWidget(central)
        self.model_status = QLabel()
        self.model_status.setObjectName("modelStatus")
        self.statusBar().addPermanentWidget(self.model_status)
        self._menus()
        self.patients.patientSelected.connect(self.patient_view.set_patient)
        self.patients.newPatientRequested.connect(self.new_patient)
        self.patient_view.patientEdited.connect(lambda pid: self.patients.refresh(select_id=pid))
        self.patient_view.statusMessage.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.patient_view.exam_view.queuedForSending.connect(self._queued)
        self.patient_view.exam_view.settingsRequested.connect(lambda: self.open_settings())
        self._preloaded.connect(self.attach_outbox)
        self.models.loaded.connect(self._model_loaded)
        self.models.loadFailed.connect(self._model_failed)
        self.model_status.setText(self.tr("Model: not loaded yet"))
        self._fit_to_screen()

    def _fit_to_screen(self) -> None:
        """Start at 1360x860, or the screen's free area on a smaller (laptop) screen."""
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        if screen is None or screen.width() < 800 or screen.height() < 500:  # offscreen or unknown
            self.resize(1360, 860)
            return
        self.resize(min(1360, screen.width() - 16), min(860, screen.height() - 40))

    def _menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        new = QAction(self.tr("&New patient…"), self, shortcut=QKeySequence(QKeySequence.StandardKey.New))
        new.triggered.connect(self.new_patient)
        settings = QAction(self.tr("&Settings…"), self, shortcut=QKeySequence("Ctrl+,"))
        settings.setMenuRole(QAction.MenuRole.PreferencesRole)
        settings.triggered.connect(self.open_settings)
        quit_ = QAction(self.tr("&Quit"), self, shortcut=QKeySequence(QKeySequence.StandardKey.Quit))
        quit_.triggered.connect(self.close)
        audit = QAction(self.tr("&Audit trail…"), self)
        audit.triggered.connect(self.show_audit)
        backup = QAction(self.tr("&Back up records…"), self)
        backup.triggered.connect(self.back_up)
        for a in (new, settings, audit, backup):
            file_menu.addAction(a)
        file_menu.addSeparator()
        file_menu.addAction(quit_)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About DermAssist"), self)
        about.triggered.connect(self.about)
        help_menu.addAction(about)
        self.settings_action, self.new_patient_action, self.backup_action = settings, new, backup
        self.backup_reminder = QPushButton()
        self.backup_reminder.setObjectName("backupReminder")
        self.backup_reminder.setFlat(True)
        self.backup_reminder.setVisible(False)
        self.backup_reminder.clicked.connect(self.back_up)
        self.statusBar().addWidget(self.backup_reminder)
        self._backupFinished.connect(self._backup_finished)

    # -- model ---------------------------------------------------------------------------------

    def start_background(self) -> None:
        """Once the window is on screen: load the model and, after importing it off the GUI thread, add the Outbox."""
        self.start_model()
        self.check_backup_reminder()

        def preload() -> None:
            with contextlib.suppress(Exception):  # attach_outbox reports import errors itself
                importlib.import_module("dermassist.ui.outbox_panel")
            self._preloaded.emit()

        threading.Thread(target=preload, name="dermassist-preload", daemon=True).start()

    def attach_outbox(self) -> None:
        """Add the transfer package's Outbox tab when it is installed."""
        if self.outbox is not None:
            return
        outbox_cls, self.outbox_why = optional("dermassist.ui.outbox_panel", "OutboxPanel")
        if outbox_cls is None:
            return
        try:
            self.outbox = outbox_cls(self, self.store, self.settings)
        except Exception as exc:  # keep the workstation usable if the transfer part is broken
            self.outbox_why = f"{type(exc).__name__}: {exc}"
            return
        self.tabs.addTab(self.outbox, self.tr("Outbox"))

    def start_model(self) -> None:
        """Load the model in the background (called once the window is on screen)."""
        self.model_status.setText(self.tr("Model: loading…"))
        self.models.load(self.settings.model_path, self.settings.provider)

    def _model_loaded(self, card) -> None:
        self.banner.setVisible(False)
        provider = (self.models.session.provider if self.models.session else "").replace("ExecutionProvider", "")
        self.model_status.setText(
            self.tr("Model: {name} {version} (sha256 {sha}) on {provider}").format(
                name=card.name, version=card.version, sha=card.short_sha, provider=provider
            )
        )

    def _model_failed(self, message: str) -> None:
        from dermassist.inference.registry import NO_MODEL_MESSAGE
        from dermassist.paths import user_data_dir

        self.model_status.setText(self.tr("Model: none"))
        if message.startswith(NO_MODEL_MESSAGE.split(".")[0]):
            head = self.tr("No model is installed, so pictures cannot be analysed.")
            body = self.tr(
                "To get one, ask your administrator for the DermAssist model package and put the model file (.onnx) "
                "with its card (.json) into {folder}, or import a model with 'dermassist import-model MODEL.onnx'; "
                "then restart DermAssist."
            ).format(folder=user_data_dir() / "models")
        else:
            head = self.tr("The model could not be loaded, so pictures cannot be analysed.")
            body = message
        tail = self.tr("You can record patients and pictures meanwhile.")
        self.banner.setText(f"<b>{_esc(head)}</b> {_esc(body)} {_esc(tail)}")
        self.banner.setToolTip(message)
        self.banner.setVisible(True)

    # -- actions -------------------------------------------------------------------------------

    def new_patient(self) -> None:
        """Create a patient and open their page."""
        dialog = PatientDialog(self.store, None, self)
        if dialog.exec() and dialog.patient is not None:
            self.patients.search.clear()
            self.patients.refresh(select_id=dialog.patient.id)

    def _queued(self, _exam_id: int) -> None:
        if self.outbox is not None and hasattr(self.outbox, "refresh"):
            self.outbox.refresh()

    def open_settings(self) -> None:
        """Edit settings; a new model or provider is loaded at once, a new language at the next start."""
        from dermassist.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self.models.card, self)
        if not dialog.exec() or dialog.result_settings is None:
            return
        old, self.settings = self.settings, dialog.result_settings
        self.store.audit("edit", "settings", "", "settings changed")
        if (old.model_path, old.provider) != (self.settings.model_path, self.settings.provider):
            self.start_model()
        if old.language != self.settings.language:
            QMessageBox.information(
                self, self.tr("Language"), self.tr("The new language will be used the next time DermAssist starts.")
            )

    # -- backup ------------------------------------------------------------------------------

    def check_backup_reminder(self) -> bool:
        """Show the reminder when the last backup is older than the setting's number of days."""
        from dermassist.records.backup import backup_overdue, last_backup_at

        due = backup_overdue(self.store.connection, self.settings.backup_reminder_days)
        if due:
            last = last_backup_at(self.store.connection)
            self.backup_reminder.setText(
                self.tr("No backup of the records yet. Back up now…")
                if last is None
                else self.tr("The last backup is {days} days old. Back up now…").format(
                    days=(datetime.now(timezone.utc) - last).days
                )
            )
        self.backup_reminder.setVisible(due)
        return due

    def back_up(self, dest: str | None = None) -> None:
        """Ask for a folder (a USB drive, a network share) and back up the records there in the background."""
        from pathlib import Path

        from dermassist.records.backup import BackupError, backup_data

        folder = dest or QFileDialog.getExistingDirectory(self, self.tr("Back up the records to"))
        if not folder:
            return
        self.backup_action.setEnabled(False)
        self.statusBar().showMessage(self.tr("Backing up the records…"))

        def work() -> None:
            try:
                result = backup_data(self.store.data_dir, Path(folder))
                self.store.audit("backup", "records", "", f"to {result.folder}: {result.files} files")
                self._backupFinished.emit(True, str(result.folder))
            except (BackupError, OSError) as exc:
                self._backupFinished.emit(False, str(exc))

        self._backup_thread = threading.Thread(target=work, name="dermassist-backup", daemon=True)
        self._backup_thread.start()

    def _backup_finished(self, ok: bool, detail: str) -> None:
        self.backup_action.setEnabled(True)
        self.check_backup_reminder()
        if ok:
            self.statusBar().showMessage(self.tr("Backup complete and verified: {folder}").format(folder=detail), 15000)
        else:
            self.statusBar().clearMessage()
            QMessageBox.warning(self, self.tr("Backup failed"), detail)

    def show_audit(self):
        """Open the read-only audit trail."""
        from dermassist.ui.audit_dialog import AuditDialog

        dialog = AuditDialog(self.store, parent=self)
        dialog.setModal(False)
        dialog.show()
        return dialog

    def about(self) -> None:
        """Version, intended use, where the data lives and which model is loaded."""
        card = self.models.card
        model = (
            self.tr("Model: {name} {version}, sha256 {sha}").format(
                name=card.name, version=card.version, sha=card.sha256
            )
            if card
            else self.tr("Model: none")
        )
        QMessageBox.about(
            self,
            self.tr("About DermAssist"),
            f"<b>DermAssist {__version__}</b><p>{intended_use(self.lang)}</p>"
            f"<p>{model}</p><p>"
            + self.tr("Records: {path} (schema version {v})").format(
                path=self.store.data_dir, v=self.store.schema_version
            )
            + "</p>",
        )

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if not self.patient_view.exam_view.save_if_dirty():
            event.ignore()
            return
        if self.outbox is not None and hasattr(self.outbox, "shutdown"):
            self.outbox.shutdown()  # waits for a referral being sent
        self.models.wait(10000)
        if getattr(self, "_backup_thread", None) is not None:
            self._backup_thread.join()  # the records stay open until a running backup is finished
        # Deliver what the workers reported while the record store is still open.
        QCoreApplication.sendPostedEvents()
        super().closeEvent(event)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
