"""Language choice, Qt translators, and the UI's access to the core's one formatter (dermassist.i18n.fmt)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QLibraryInfo, QLocale, Qt, QTranslator

from dermassist.i18n import fmt, set_language
from dermassist.paths import resource

LANGUAGES = ("en", "ru")
# Texts of Qt's own dialogs that Qt's Russian catalogue (qtbase_ru.qm) lacks: our catalogue has them,
# and Qt looks there when its own has no translation.
QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)
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
    """An ISO date (YYYY-MM-DD) in the UI language (the core's one formatter); empty for none."""
    return fmt.format_date(iso, "long" if long else "short")


def fmt_datetime(iso: str | None) -> str:
    """A stored UTC timestamp in local time: the short date and the time."""
    if not iso:
        return ""
    try:
        moment = datetime.fromisoformat(iso).astimezone()
    except ValueError:
        return iso
    return f"{fmt.format_date(moment.date(), 'short')} {fmt.format_time(moment)}"


def fmt_percent(p: float, decimals: int = 1) -> str:
    """0.123 -> '12.3%' (English) / '12,3 %' (Russian)."""
    return fmt.format_percent(p, decimals)


def fmt_number(x: float, decimals: int = 2) -> str:
    """A decimal number in the UI language."""
    return fmt.format_number(float(x), decimals)


def fmt_duration(seconds: float) -> str:
    """Seconds with the language's unit: '0.37s' / '0,37 с'."""
    return fmt.format_duration(seconds)


def qdate(iso: str | None) -> QDate:
    """QDate from ISO text (invalid QDate for none)."""
    if not iso:
        return QDate()
    return QDate.fromString(iso[:10], Qt.DateFormat.ISODate)


def iso(d: QDate) -> str:
    """ISO text of a QDate."""
    return str(d.toString(Qt.DateFormat.ISODate))
