"""Start the Qt application (minimal window; the workstation builds on it)."""

from __future__ import annotations

import sys


def run_gui(lang: str | None = None) -> int:
    """Create the QApplication and the main window, run the event loop."""
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    from dermassist import INTENDED_USE, __version__

    app = QApplication.instance() or QApplication(sys.argv)
    win = QMainWindow()
    win.setWindowTitle(f"DermAssist {__version__}")
    win.setCentralWidget(QLabel(INTENDED_USE))
    win.show()
    return int(app.exec())
