"""Read-only view of the audit trail: who created, edited, analysed, exported or sent what, and when."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from dermassist.records.store import RecordStore
from dermassist.ui.i18n import fmt_datetime


class AuditDialog(QDialog):
    """The newest entries first; nothing here can be changed."""

    def __init__(self, store: RecordStore, limit: int = 2000, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Audit trail"))
        lay = QVBoxLayout(self)
        entries = store.list_audit(limit=limit)
        lay.addWidget(QLabel(self.tr("The latest {n} entries, newest first.").format(n=len(entries))))
        self.table = QTableWidget(len(entries), 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Who"), self.tr("Action"), self.tr("Record"), self.tr("Details")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        actions = {
            "create": self.tr("created"),
            "edit": self.tr("edited"),
            "add-image": self.tr("added a picture"),
            "analyse": self.tr("analysed"),
            "analysis-warned": self.tr("was warned about the picture"),
            "analyse-despite-warnings": self.tr("analysed despite the warnings"),
            "analysis-declined": self.tr("did not analyse after the warnings"),
            "export_pdf": self.tr("exported the referral PDF"),
            "export-package": self.tr("exported the referral package"),
            "enqueue-referral": self.tr("queued for the center"),
            "send-referral": self.tr("sent to the center"),
        }
        entities = {
            "patient": self.tr("patient"),
            "examination": self.tr("examination"),
            "settings": self.tr("settings"),
        }
        for row, e in enumerate(entries):
            record = f"{entities.get(e.entity, e.entity)} {e.entity_id}".strip()
            cells = (fmt_datetime(e.at), e.actor, actions.get(e.action, e.action), record, e.details)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                item.setData(Qt.ItemDataRole.UserRole, (e.at, e.actor, e.action, e.entity, e.details)[col])
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        lay.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.resize(900, 560)
