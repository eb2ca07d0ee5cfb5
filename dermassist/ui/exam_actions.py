"""The examination's outward actions: the referral PDF and sending to the specialised center."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from dermassist.ui.plugins import optional


def open_report(parent: QWidget, store, exam_id: int, settings, lang: str) -> None:
    """Open the referral dialog; a broken or missing report package is explained, never fatal."""
    dialog_cls, why = optional("dermassist.ui.report_dialog", "ReportDialog")
    if dialog_cls is None:
        QMessageBox.warning(parent, QCoreApplication.translate("ExamActions", "Referral PDF"), why)
        return
    try:
        dialog = dialog_cls(parent, store, exam_id, settings, lang)
        dialog.exec()
    except Exception as exc:  # another package's dialog must not take the workstation down
        QMessageBox.warning(
            parent, QCoreApplication.translate("ExamActions", "Referral PDF"), f"{type(exc).__name__}: {exc}"
        )


def center_missing(settings) -> bool:
    """True when no specialised center (PACS) is set up, so a referral could only wait in the Outbox."""
    check, _why = optional("dermassist.transfer.transport", "check_configured")
    if check is None:
        return False
    try:
        check(settings)
    except Exception:
        return True
    return False


def ask_without_center(parent: QWidget) -> str:
    """No center is set up: 'settings', 'queue' (for export to a folder / USB stick) or 'cancel'."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("ExamActions", "Send to center"))
    box.setText(
        QCoreApplication.translate(
            "ExamActions", "No specialised center is set up, so the referral cannot be sent yet."
        )
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "ExamActions",
            "Enter the center's address in Settings (ask the center for it). You can also put the referral in the "
            "Outbox now and export it from there to a folder or USB stick.",
        )
    )
    settings = box.addButton(
        QCoreApplication.translate("ExamActions", "Open Settings…"), QMessageBox.ButtonRole.AcceptRole
    )
    queue = box.addButton(
        QCoreApplication.translate("ExamActions", "Put in the Outbox"), QMessageBox.ButtonRole.ActionRole
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(settings)
    box.exec()
    clicked = box.clickedButton()
    return "settings" if clicked is settings else "queue" if clicked is queue else "cancel"


def enqueue_referral(parent: QWidget, store, exam_id: int, settings, lang: str) -> bool:
    """Build the referral package and queue it; a failure is shown. True when queued."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        enqueue, why = optional("dermassist.transfer.outbox", "enqueue")
        if enqueue is None:
            raise RuntimeError(why)
        enqueue(store, exam_id, settings, lang=lang)
    except Exception as exc:  # shown, never swallowed
        QApplication.restoreOverrideCursor()
        QMessageBox.warning(parent, QCoreApplication.translate("ExamActions", "Send to center"), str(exc))
        return False
    QApplication.restoreOverrideCursor()
    return True
