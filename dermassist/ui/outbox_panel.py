"""The Outbox tab: every referral's status, and the background sender that delivers them.

A QTimer in the GUI thread starts a pass of ``dermassist.transfer.sender.process_due`` in a pool
thread, on that thread's own database connection; the backoff lives in
the database, so closing the application loses nothing and the next start carries on.
"""

from __future__ import annotations

import sqlite3
import time
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dermassist.records.settings import Settings, load_settings, settings_path
from dermassist.records.store import RecordStore
from dermassist.transfer import outbox
from dermassist.transfer.outbox import OutboxItem
from dermassist.ui.i18n import fmt_datetime, fmt_percent

TICK_MS = 10_000


def current_settings(fallback: Settings) -> Settings:
    """The saved settings (the settings dialog may have changed them), else the ones given."""
    return load_settings() if settings_path().is_file() else fallback


class _PassSignals(QObject):
    finished = Signal(object)  # list[SendResult]
    failed = Signal(str)


class SenderPass(QRunnable):
    """One pass of the sender in a pool thread, on its own database connection; never touches widgets.

    A pool task rather than a long-lived QThread: closing the window while a pass runs cannot
    destroy a running thread, and the pass always finishes the item it is sending.
    """

    def __init__(self, data_dir: Path, settings: Settings) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.settings = settings
        self.signals = _PassSignals()

    def run(self) -> None:
        from dermassist.transfer.sender import process_due

        try:
            store = RecordStore.open(self.data_dir)
            try:
                results = process_due(store, current_settings(self.settings))
            finally:
                store.close()
        except Exception as exc:  # reported in the panel; the next tick tries again
            self.signals.failed.emit(f"{type(exc).__name__}: {exc}")
            return
        self.signals.finished.emit(results)


class OutboxPanel(QWidget):
    """Table of outbox items with retry and export actions; owns the background sender."""

    COLUMNS = ("item", "examination", "patient", "state", "malignant", "tries", "when", "reason")

    def __init__(
        self, parent: QWidget | None, store: RecordStore, settings: Settings, *, autostart: bool = True
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.settings = settings
        self._busy = False
        self._seen: set[int] = set()
        lay = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Referrals waiting for the specialized center. They are sent in the background and retried "
                "until the center confirms them; closing the application loses nothing."
            )
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("No."),
                self.tr("Examination"),
                self.tr("Patient"),
                self.tr("Status"),
                self.tr("Malignant"),
                self.tr("Tries"),
                self.tr("Next try / delivered"),
                self.tr("Reason / destination"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(len(self.COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        # The buttons follow the selection at once, not at the sender's next 10-s refresh.
        self.table.itemSelectionChanged.connect(self._update_actions)
        lay.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.send_now = QPushButton(self.tr("Send now"))
        self.send_now.setToolTip(self.tr("Try every waiting referral now instead of waiting for the next retry"))
        self.send_now.clicked.connect(self.retry_all)
        self.export = QPushButton(self.tr("Export to folder or USB…"))
        self.export.setToolTip(self.tr("Write the selected referral (DICOM files, PDF, manifest) to a folder"))
        self.export.clicked.connect(self.export_selected)
        self.open_folder = QPushButton(self.tr("Show package"))
        self.open_folder.clicked.connect(self.show_package)
        for b in (self.send_now, self.export, self.open_folder):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.status = QLabel()
        self.status.setObjectName("outboxStatus")
        buttons.addWidget(self.status)
        lay.addLayout(buttons)

        self.pool = QThreadPool.globalInstance()
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        self.refresh()
        if autostart:
            self.start()

    # -- background sender ---------------------------------------------------------------------

    def start(self) -> None:
        """Start the timer and run a first pass now."""
        self.timer.start()
        self.tick()

    def shutdown(self, wait_ms: int = 120_000) -> None:
        """Stop the timer and wait for a running pass: the referral being sent is finished, never cut."""
        self.timer.stop()
        self.pool.waitForDone(wait_ms)

    @property
    def running(self) -> bool:
        """The background sender is active."""
        return self.timer.isActive()

    def tick(self) -> None:
        """One sender pass, unless one is already running."""
        self.refresh()
        if self._busy or not self.timer.isActive():
            return
        self._busy = True
        job = SenderPass(Path(self.store.data_dir), self.settings)
        job.signals.finished.connect(self._pass_done)
        job.signals.failed.connect(self._pass_failed)
        self._job = job  # keeps the Python side (and its signals) alive until the pass reports
        self.pool.start(job)

    def _pass_done(self, results: list) -> None:
        self._busy = False
        delivered = sum(1 for r in results if r.state == "delivered")
        failed = [r for r in results if r.state != "delivered"]
        if delivered or failed:
            self.status.setText(
                self.tr("Last pass: {delivered} delivered, {failed} not delivered").format(
                    delivered=delivered, failed=len(failed)
                )
            )
        self.refresh()

    def _pass_failed(self, message: str) -> None:
        self._busy = False
        self.status.setText(self.tr("Sender error: {message}").format(message=message))
        self.refresh()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.shutdown()
        super().closeEvent(event)

    # -- table -----------------------------------------------------------------------------------

    def _state_text(self, state: str) -> str:
        return {
            "queued": self.tr("queued"),
            "sending": self.tr("sending"),
            "delivered": self.tr("delivered"),
            "failed": self.tr("failed, will retry"),
        }.get(state, state)

    def _when_text(self, item: OutboxItem) -> str:
        if item.state == "delivered":
            return fmt_datetime(item.delivered_at)
        if item.state == "sending":
            return self.tr("now")
        if item.next_attempt_at <= time.time():
            return self.tr("next pass")
        return fmt_datetime(datetime.fromtimestamp(item.next_attempt_at).astimezone().isoformat())

    def _patient_name(self, exam_id: int) -> str:
        try:
            return self.store.get_patient(self.store.get_examination(exam_id).patient_id).full_name
        except Exception:  # a row must render even if its record is unreadable
            return "?"

    def refresh(self) -> None:
        """Reload the table from the database, keeping the selection."""
        selected = self.selected_item_id()
        try:
            items = outbox.list_items(self.store)
        except sqlite3.ProgrammingError:  # the window's store was closed (application closing)
            self.shutdown()
            return
        except sqlite3.Error as exc:  # e.g. locked for longer than the busy timeout: try at the next tick
            self.status.setText(self.tr("Outbox not readable right now: {message}").format(message=str(exc)))
            return
        self.items = items
        fresh = [i.id for i in items if i.state == "queued" and i.id not in self._seen]
        self._seen.update(i.id for i in items)
        if fresh and self.timer.isActive() and not self._busy:
            QTimer.singleShot(0, self.tick)  # a referral just queued goes out now, not at the next tick
        self.table.setRowCount(len(items))
        for row, item in enumerate(items):
            prob = "—" if item.malignant is None else fmt_percent(item.malignant)
            values = [
                str(item.id),
                str(item.examination_id),
                self._patient_name(item.examination_id),
                self._state_text(item.state),
                prob,
                str(item.attempts),
                self._when_text(item),
                item.last_error if item.state != "delivered" else item.destination,
            ]
            for col, text in enumerate(values):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, item.id)
                if col == 7:
                    cell.setToolTip(text)
                self.table.setItem(row, col, cell)
            if item.id == selected:
                self.table.selectRow(row)
        self.table.resizeColumnsToContents()
        self._update_actions()

    def _update_actions(self) -> None:
        waiting = sum(1 for i in getattr(self, "items", []) if i.state != "delivered")
        self.send_now.setEnabled(waiting > 0)
        has_sel = self.selected_item_id() is not None
        self.export.setEnabled(has_sel)
        self.open_folder.setEnabled(has_sel)

    def selected_item_id(self) -> int | None:
        """The selected item's id."""
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        cell = self.table.item(rows[0].row(), 0)
        return int(cell.data(Qt.ItemDataRole.UserRole)) if cell else None

    # -- actions -------------------------------------------------------------------------------

    def retry_all(self) -> None:
        """Make every waiting item due and run a pass now."""
        outbox.retry_now(self.store)
        self.tick()

    def show_package(self) -> None:
        """Open the selected item's package folder in the file manager."""
        item_id = self.selected_item_id()
        if item_id is None:
            return
        folder = outbox.package_folder(self.store, outbox.get_item(self.store, item_id))
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def export_selected(self, dest: str | None = None) -> Path | None:
        """Write the selected referral as a package into a folder chosen by the user (or ``dest``)."""
        from dermassist.transfer.package import export_package

        item_id = self.selected_item_id()
        if item_id is None:
            return None
        item = outbox.get_item(self.store, item_id)
        if not dest:
            dest = QFileDialog.getExistingDirectory(self, self.tr("Export the referral to a folder or USB stick"))
        if not dest:
            return None
        try:
            package = export_package(self.store, item.examination_id, current_settings(self.settings), Path(dest))
        except Exception as exc:  # shown, never swallowed
            QMessageBox.warning(self, self.tr("Export referral"), str(exc))
            return None
        self.status.setText(self.tr("Exported to {folder}").format(folder=str(package.folder)))
        return package.folder
