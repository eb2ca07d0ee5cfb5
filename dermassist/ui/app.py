"""Start the workstation: translations, the record store, the window, then the model in the background."""

from __future__ import annotations

import sys
import time
from pathlib import Path


def start_application(lang: str | None = None, data_dir: Path | None = None, argv: list[str] | None = None):
    """Create (or reuse) the QApplication and show the main window; returns ``(app, window)``.

    The model is loaded after the window is on screen, in a worker thread, and the Outbox tab is
    added then, so start-up waits for neither. Raises the store's error when the data folder cannot be opened.
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from dermassist.paths import resource
    from dermassist.records.settings import load_settings
    from dermassist.records.store import RecordStore
    from dermassist.ui.i18n import choose_language, install_translators
    from dermassist.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("DermAssist")
    app.setOrganizationName("DermAssist")
    icon = resource("icons", "dermassist.png")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    _register_bundled_fonts()
    settings = load_settings()
    lang = install_translators(choose_language(lang, settings.language))
    store = RecordStore.open(data_dir)
    window = MainWindow(store, settings, lang)
    window.show()
    QTimer.singleShot(0, window.start_background)
    return app, window


def _register_bundled_fonts() -> None:
    """Make the bundled DejaVu fonts available so Cyrillic renders even where no system font has it."""
    from PySide6.QtGui import QFontDatabase

    from dermassist.paths import resources_dir

    for ttf in sorted((resources_dir() / "fonts").glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(ttf))


def run_gui(lang: str | None = None) -> int:
    """Run the workstation until the window is closed; returns the exit status."""
    started = time.perf_counter()
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication, QMessageBox

    from dermassist.ui.i18n import fmt_duration

    try:
        app, window = start_application(lang)
    except Exception as exc:  # e.g. the data folder is read-only or the database is damaged
        app = QApplication.instance() or QApplication(sys.argv)
        text = QCoreApplication.translate("MainWindow", "DermAssist cannot open its records:")
        QMessageBox.critical(None, "DermAssist", f"{text}\n{exc}")
        return 1
    window.statusBar().showMessage(
        QCoreApplication.translate("MainWindow", "Ready in {duration}").format(
            duration=fmt_duration(time.perf_counter() - started)
        ),
        5000,
    )
    try:
        return int(app.exec())
    finally:
        window.store.close()
