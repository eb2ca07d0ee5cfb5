"""A date typed the way people write it (17.04.1961, 17/04/1961, 1961-04-17), empty for "not given"."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import QCalendarWidget, QHBoxLayout, QLineEdit, QToolButton, QWidget

from dermassist.ui.i18n import fmt_date, qdate

_DAY_FIRST = re.compile(r"^(\d{1,2})\s*[./\- ]\s*(\d{1,2})\s*[./\- ]\s*(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DIGITS = re.compile(r"^(\d{2})(\d{2})(\d{4})$")
EARLIEST = date(1900, 1, 1)


def parse_date(text: str) -> date | None:
    """The date in ``text`` (day first, or ISO, or eight digits DDMMYYYY); None when it is not one."""
    text = text.strip()
    if m := _ISO.match(text):
        year, month, day = (int(g) for g in m.groups())
    elif m := _DAY_FIRST.match(text) or _DIGITS.match(text):
        day, month, year = (int(g) for g in m.groups())
    else:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


class DateField(QWidget):
    """A line edit with a calendar button. ``value()`` is ISO text or None; ``changed`` on every edit."""

    changed = Signal()

    def __init__(self, parent=None, latest: date | None = None) -> None:
        super().__init__(parent)
        self.latest = latest or date.today()
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        self.edit = QLineEdit()
        self.edit.setObjectName("dateText")
        self.edit.setPlaceholderText(self.tr("DD/MM/YYYY, or leave empty if not known"))
        self.edit.setClearButtonEnabled(True)
        self.button = QToolButton()
        self.button.setObjectName("calendarButton")
        self.button.setText("▾")
        self.button.setToolTip(self.tr("Choose the date on a calendar"))
        lay.addWidget(self.edit, 1)
        lay.addWidget(self.button)
        self.calendar = QCalendarWidget()
        self.calendar.setWindowFlags(Qt.WindowType.Popup)
        self.calendar.setMaximumDate(QDate(self.latest.year, self.latest.month, self.latest.day))
        self.calendar.setMinimumDate(QDate(EARLIEST.year, EARLIEST.month, EARLIEST.day))
        self.calendar.clicked.connect(self._picked)
        self.button.clicked.connect(self.open_calendar)
        self.edit.textEdited.connect(lambda _t: self._edited())
        self.edit.editingFinished.connect(self._normalise)

    def value(self) -> str | None:
        """ISO date, or None when the field is empty. Raises ValueError when the text is not a valid date."""
        text = self.edit.text().strip()
        if not text:
            return None
        d = parse_date(text)
        if d is None:
            raise ValueError(text)
        if not EARLIEST <= d <= self.latest:
            raise ValueError(text)
        return d.isoformat()

    def is_valid(self) -> bool:
        """The text is empty or a date in range."""
        try:
            self.value()
        except ValueError:
            return False
        return True

    def set_value(self, iso_date: str | None) -> None:
        """Show an ISO date (None: empty), in the locale's numeric short format with a four-digit year."""
        self.edit.setText(fmt_date(iso_date) if iso_date else "")
        self._mark()

    def open_calendar(self) -> None:
        """Show the calendar at the typed date, or fifty years back (a usual age) when none is typed yet."""
        shown = qdate(self.value()) if self.is_valid() and self.value() else None
        if shown is None:
            fallback = date(self.latest.year - 50, self.latest.month, min(self.latest.day, 28))
            self.calendar.setCurrentPage(fallback.year, fallback.month)
        else:
            self.calendar.setSelectedDate(shown)
        self.calendar.move(self.mapToGlobal(self.rect().bottomLeft()))
        self.calendar.show()

    def _picked(self, d: QDate) -> None:
        self.calendar.hide()
        self.set_value(d.toString(Qt.DateFormat.ISODate))
        self.changed.emit()

    def _edited(self) -> None:
        self._mark()
        self.changed.emit()

    def _normalise(self) -> None:
        if self.is_valid():
            self.set_value(self.value())

    def _mark(self) -> None:
        self.edit.setStyleSheet("" if self.is_valid() else "QLineEdit { border: 1px solid #b00020; }")
