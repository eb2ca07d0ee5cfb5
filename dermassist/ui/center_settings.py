"""The center window's own settings: where its PACS is and how to log in (the workstation's settings file)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMessageBox, QVBoxLayout

from dermassist.records.settings import Settings, save_settings
from dermassist.ui.pacs_settings import PacsSettingsWidget


class CenterSettingsDialog(QDialog):
    """The PACS fields (URL, credentials, TLS) with a connection test; OK saves them. ``result_settings``."""

    def __init__(self, settings: Settings, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Center settings"))
        self.settings = settings
        self.result_settings: Settings | None = None
        lay = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The worklist is read from the center's PACS over DICOMweb (QIDO-RS and WADO-RS). "
                "Enter its address and the login the PACS administrator gave you."
            )
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.pacs = PacsSettingsWidget(self, settings)
        lay.addWidget(self.pacs, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)

    def save(self) -> None:
        """Write the settings; a failure (e.g. a read-only folder) is shown and the dialog stays open."""
        settings = self.pacs.apply(self.settings)
        try:
            save_settings(settings)
        except OSError as exc:
            QMessageBox.warning(
                self, self.windowTitle(), self.tr("The settings could not be saved: {error}").format(error=exc)
            )
            return
        self.result_settings = settings
        self.accept()
