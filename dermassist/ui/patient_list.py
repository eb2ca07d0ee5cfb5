"""Searchable patient list."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from dermassist.records.store import RecordStore
from dermassist.ui.i18n import fmt_date


class PatientListPanel(QWidget):
    """Search box, the matching patients and a New patient button. ``patientSelected(id)``."""

    patientSelected = Signal(int)
    newPatientRequested = Signal()

    def __init__(self, store: RecordStore, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit()
        self.search.setObjectName("patientSearch")
        self.search.setPlaceholderText(self.tr("Search: name, record no., phone, birth year"))
        self.search.setClearButtonEnabled(True)
        lay.addWidget(self.search)
        self.list = QListWidget()
        self.list.setObjectName("patientList")
        lay.addWidget(self.list, 1)
        self.count_label = QLabel()
        lay.addWidget(self.count_label)
        self.new_button = QPushButton(self.tr("New patient…"))
        self.new_button.setObjectName("newPatientButton")
        lay.addWidget(self.new_button)
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._timer.start)
        self.list.currentItemChanged.connect(self._current_changed)
        self.new_button.clicked.connect(self.newPatientRequested)
        self.refresh()

    def refresh(self, select_id: int | None = None) -> None:
        """Run the search again, keeping (or setting) the selection."""
        keep = select_id if select_id is not None else self.current_id()
        self.list.blockSignals(True)
        self.list.clear()
        patients = self.store.search_patients(self.search.text())
        for p in patients:
            details = ", ".join(x for x in (fmt_date(p.birth_date), p.record_number) if x)
            item = QListWidgetItem(p.full_name + (f"\n{details}" if details else ""))
            item.setData(Qt.ItemDataRole.UserRole, p.id)
            self.list.addItem(item)
            if p.id == keep:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self.count_label.setText(self.tr("%n patient(s)", "", len(patients)))
        if select_id is not None and self.current_id() == select_id:
            self.patientSelected.emit(select_id)

    def current_id(self) -> int | None:
        """Id of the selected patient."""
        item = self.list.currentItem()
        return int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _current_changed(self, item, _previous) -> None:
        if item is not None:
            self.patientSelected.emit(int(item.data(Qt.ItemDataRole.UserRole)))
