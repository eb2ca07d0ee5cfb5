"""Language choice, Qt translators and locale-aware formatting of dates and numbers."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLibraryInfo, QLocale, Qt, QTranslator

from dermassist.i18n import set_language
from dermassist.paths import resource

LANGUAGES = ("en", "ru")
_installed: list[QTranslator] = []


def choose_language(override: str | None = None, settings_language: str = "") -> str:
    """``override`` (command line), else the settings' choice, else the system locale; en or ru."""
    for choice in (override, settings_language):
        if choice in LANGUAGES:
            return str(choice)
    system = QLocale.system()
    first = (system.uiLanguages() or [system.name()])[0]
    return "ru" if first.lower().startswith("ru") else "en"


def install_translators(lang: str) -> str:
    """Load the application's and Qt's own translations for ``lang``; returns the language in effect.

    English needs its file only for plural forms; a missing Russian file falls back to English
    throughout rather than a mixture.
    """
    app = QCoreApplication.instance()
    assert app is not None, "create the QApplication first"
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    ours = QTranslator(app)
    loaded = ours.load(str(resource("i18n", f"dermassist_{lang}.qm")))
    if not loaded and lang != "en":
        return install_translators("en")
    if loaded:
        app.installTranslator(ours)
        _installed.append(ours)
    set_language(lang)  # the core's gettext texts follow the UI
    locale = QLocale("ru_RU" if lang == "ru" else "en_GB")
    QLocale.setDefault(locale)
    if lang != "en":
        qt = QTranslator(app)
        if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            _installed.append(qt)
    return lang


def fmt_date(iso: str | None, long: bool = False) -> str:
    """An ISO date (YYYY-MM-DD) in the user's locale; empty for none."""
    if not iso:
        return ""
    try:
        d = date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    fmt = QLocale.FormatType.LongFormat if long else QLocale.FormatType.ShortFormat
    return QLocale().toString(QDate(d.year, d.month, d.day), fmt)


def fmt_datetime(iso: str | None) -> str:
    """A stored UTC timestamp in local time and the user's locale."""
    if not iso:
        return ""
    try:
        dt = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    qdt = QDateTime.fromSecsSinceEpoch(int(dt.timestamp()))  # local time
    return QLocale().toString(qdt, QLocale.FormatType.ShortFormat)


def fmt_percent(p: float, decimals: int = 1) -> str:
    """0.123 -> '12.3 %' (English) / '12,3 %' (Russian)."""
    return QLocale().toString(p * 100.0, "f", decimals) + "\u00a0%"


def fmt_number(x: float, decimals: int = 2) -> str:
    """A decimal number in the user's locale."""
    return QLocale().toString(float(x), "f", decimals)


def qdate(iso: str | None) -> QDate:
    """QDate from ISO text (invalid QDate for none)."""
    if not iso:
        return QDate()
    return QDate.fromString(iso[:10], Qt.DateFormat.ISODate)


def iso(d: QDate) -> str:
    """ISO text of a QDate."""
    return str(d.toString(Qt.DateFormat.ISODate))
