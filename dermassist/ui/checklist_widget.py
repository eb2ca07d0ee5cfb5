"""Optional dermoscopy checklist: ABCD rule or 7-point checklist, with the running score."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QSpinBox, QStackedWidget, QVBoxLayout, QWidget

from dermassist.records import checklist as cl


class ChecklistWidget(QWidget):
    """Edits ``Examination.checklist``; ``changed(dict)`` fires on every edit."""

    changed = Signal(dict)

    def __init__(self, lang: str = "en", parent=None) -> None:
        super().__init__(parent)
        self.lang = lang
        self._loading = False
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.method = QComboBox()
        self.method.addItem(self.tr("No checklist"), "")
        self.method.addItem(cl.label("abcd", lang), "abcd")
        self.method.addItem(cl.label("7point", lang), "7point")
        lay.addWidget(self.method)
        self.pages = QStackedWidget()
        self.pages.addWidget(QWidget())
        abcd = QWidget()
        form = QFormLayout(abcd)
        self.spins: dict[str, QSpinBox] = {}
        for key, (low, high, _w) in cl.ABCD_ITEMS.items():
            spin = QSpinBox()
            spin.setRange(low, high)
            spin.valueChanged.connect(self._emit)
            self.spins[key] = spin
            form.addRow(cl.label(key, lang), spin)
        self.pages.addWidget(abcd)
        seven = QWidget()
        sl = QVBoxLayout(seven)
        self.checks: dict[str, QCheckBox] = {}
        for key, points in cl.SEVEN_POINT_ITEMS.items():
            box = QCheckBox(f"{cl.label(key, lang)} (+{points})")
            box.toggled.connect(self._emit)
            self.checks[key] = box
            sl.addWidget(box)
        self.pages.addWidget(seven)
        lay.addWidget(self.pages)
        self.score_label = QLabel()
        self.score_label.setWordWrap(True)
        lay.addWidget(self.score_label)
        self.method.currentIndexChanged.connect(self._method_changed)

    def _method_changed(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        self._emit()

    def value(self) -> dict[str, Any]:
        """The checklist as stored (empty dict when none is chosen)."""
        method = self.method.currentData()
        if method == "abcd":
            return {"method": "abcd", **{k: s.value() for k, s in self.spins.items()}}
        if method == "7point":
            return {"method": "7point", **{k: c.isChecked() for k, c in self.checks.items()}}
        return {}

    def set_value(self, data: dict[str, Any]) -> None:
        """Show a stored checklist without emitting ``changed``."""
        self._loading = True
        try:
            method = data.get("method", "")
            self.method.setCurrentIndex(max(0, self.method.findData(method)))
            self.pages.setCurrentIndex(self.method.currentIndex())
            for key, spin in self.spins.items():
                spin.setValue(int(data.get(key, cl.ABCD_ITEMS[key][0])) if method == "abcd" else spin.minimum())
            for key, box in self.checks.items():
                box.setChecked(bool(data.get(key)) if method == "7point" else False)
        finally:
            self._loading = False
        self._update_score()

    def _update_score(self) -> None:
        try:
            self.score_label.setText(cl.summary(self.value(), self.lang))
        except ValueError as exc:
            self.score_label.setText(str(exc))

    def _emit(self, *_args) -> None:
        self._update_score()
        if not self._loading:
            self.changed.emit(self.value())
