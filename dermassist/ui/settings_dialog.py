"""Per-user settings: clinic, doctor, specialist center, model and provider, language, transfer."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dermassist.records.settings import Settings, save_settings
from dermassist.ui.i18n import fmt_percent
from dermassist.ui.plugins import optional

PROVIDERS = ("auto", "cpu", "cuda", "directml")


class SettingsDialog(QDialog):
    """Edits a Settings value; on OK it is saved and kept in ``result_settings``."""

    def __init__(self, settings: Settings, card=None, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.settings = settings
        self.result_settings: Settings | None = None
        lay = QVBoxLayout(self)
        self.tabs = QTabWidget()
        lay.addWidget(self.tabs)
        self.tabs.addTab(self._general(settings), self.tr("Clinic and doctor"))
        self.tabs.addTab(self._model(settings, card), self.tr("Model"))
        pacs_cls, why = optional("dermassist.ui.pacs_settings", "PacsSettingsWidget")
        self.pacs = None
        if pacs_cls is not None:
            try:
                self.pacs = pacs_cls(self, settings)
                self.tabs.addTab(self.pacs, self.tr("Transfer to center"))
            except Exception as exc:  # another package's widget must not block the settings
                why = f"{type(exc).__name__}: {exc}"
        if self.pacs is None:
            note = QLabel(self.tr("Transfer settings are not available in this build ({why}).").format(why=why))
            note.setWordWrap(True)
            self.tabs.addTab(note, self.tr("Transfer to center"))
            self.tabs.setTabEnabled(self.tabs.count() - 1, False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.resize(560, 420)

    def _general(self, s: Settings) -> QWidget:
        w = QWidget()
        form = QFormLayout(w)
        self.clinic_name = QLineEdit(s.clinic_name)
        self.clinic_address = QPlainTextEdit(s.clinic_address)
        self.clinic_address.setFixedHeight(60)
        self.clinic_phone = QLineEdit(s.clinic_phone)
        self.clinic_phone.setObjectName("clinicPhone")
        self.doctor_name = QLineEdit(s.doctor_name)
        self.doctor_name.setObjectName("doctorName")
        self.doctor_phone = QLineEdit(s.doctor_phone)
        self.doctor_phone.setObjectName("doctorPhone")
        self.center_name = QLineEdit(s.center_name)
        self.center_contact = QPlainTextEdit(s.center_contact)
        self.center_contact.setFixedHeight(60)
        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.addItem(self.tr("As the system (automatic)"), "")
        self.language.addItem("English", "en")
        self.language.addItem("Русский", "ru")
        self.language.setCurrentIndex(max(0, self.language.findData(s.language)))
        form.addRow(self.tr("Clinic name"), self.clinic_name)
        form.addRow(self.tr("Clinic address"), self.clinic_address)
        form.addRow(self.tr("Clinic phone"), self.clinic_phone)
        form.addRow(self.tr("Doctor's name"), self.doctor_name)
        form.addRow(self.tr("Doctor's phone"), self.doctor_phone)
        form.addRow(self.tr("Specialist center"), self.center_name)
        form.addRow(self.tr("Center's contact (phone, address)"), self.center_contact)
        form.addRow(self.tr("Language"), self.language)
        return w

    def _model(self, s: Settings, card) -> QWidget:
        w = QWidget()
        form = QFormLayout(w)
        row = QHBoxLayout()
        self.model_path = QLineEdit(s.model_path)
        self.model_path.setPlaceholderText(self.tr("default installed model"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        row.addWidget(self.model_path, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Model file (.onnx)"), row)
        self.installed = QComboBox()
        self.installed.setObjectName("installedModels")
        self.installed.addItem(self.tr("The default installed model"), "")
        from dermassist.inference.registry import discover

        for found in discover(verify_hash=False):
            if found.card is not None:
                c = found.card
                mark = "" if c.validated else " — " + self.tr("not validated")
                self.installed.addItem(f"{c.name} {c.version}{mark}", str(found.path))
        self.installed.setCurrentIndex(max(0, self.installed.findData(s.model_path)))
        self.installed.activated.connect(lambda i: self.model_path.setText(self.installed.itemData(i) or ""))
        form.addRow(self.tr("Use this model"), self.installed)
        self.provider = QComboBox()
        labels = {
            "auto": self.tr("Automatic (GPU if available, else CPU)"),
            "cpu": self.tr("CPU"),
            "cuda": self.tr("NVIDIA GPU (CUDA)"),
            "directml": self.tr("GPU through DirectML (Windows)"),
        }
        for p in PROVIDERS:
            self.provider.addItem(labels[p], p)
        self.provider.setCurrentIndex(max(0, self.provider.findData(s.provider)))
        form.addRow(self.tr("Run the model on"), self.provider)
        self.preset = QComboBox()
        self.preset.addItem(self.tr("The model card's threshold"), "card")
        points = card.operating_points if card is not None else {}
        for key, point in points.items():
            sens = point.get("val_sensitivity") if isinstance(point, dict) else None
            text = (
                key
                if not isinstance(sens, (int, float))
                else self.tr("{key} (sensitivity {s} on validation)").format(key=key, s=fmt_percent(sens, 0))
            )
            self.preset.addItem(text, key)
        if self.preset.findData(s.threshold_preset) < 0:
            self.preset.addItem(s.threshold_preset, s.threshold_preset)
        self.preset.setCurrentIndex(max(0, self.preset.findData(s.threshold_preset)))
        form.addRow(self.tr("Referral threshold"), self.preset)
        self.preset_meaning = QLabel()
        self.preset_meaning.setObjectName("presetMeaning")
        self.preset_meaning.setWordWrap(True)
        form.addRow(self.preset_meaning)
        self._card = card
        self.preset.currentIndexChanged.connect(self._preset_changed)
        self._preset_changed()
        self.tta = QCheckBox(self.tr("Average the picture's 8 flips and rotations (slower; see the manual)"))
        self.tta.setObjectName("ttaCheck")
        self.tta.setChecked(s.tta)
        form.addRow(self.tr("Test-time augmentation"), self.tta)
        info = QLabel(
            self.tr("Loaded model: {name} {version} (sha256 {sha}).").format(
                name=card.name, version=card.version, sha=card.short_sha
            )
            if card is not None
            else self.tr("No model is loaded.")
        )
        info.setWordWrap(True)
        form.addRow(info)
        return w

    def _preset_changed(self, *_args) -> None:
        """Say what the chosen threshold means for 100 patients (from the card's validation figures)."""
        if self._card is None:
            self.preset_meaning.setText("")
            return
        from dermassist.inference.trust_text import per_100_sentence, percent
        from dermassist.inference.uncertainty import operating_point

        lang = "ru" if QLocale().language() == QLocale.Language.Russian else "en"
        point = operating_point(self._card, self.preset.currentData() or "card")
        self.preset_meaning.setText(
            self.tr("Threshold {t}.").format(t=percent(point.threshold, lang, 1)) + " " + per_100_sentence(point, lang)
        )

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a model"), "", self.tr("ONNX models (*.onnx)"))
        if path:
            self.model_path.setText(path)

    def value(self) -> Settings:
        """The settings as edited."""
        s = self.settings.with_changes(
            clinic_name=self.clinic_name.text().strip(),
            clinic_address=self.clinic_address.toPlainText().strip(),
            clinic_phone=self.clinic_phone.text().strip(),
            doctor_name=self.doctor_name.text().strip(),
            doctor_phone=self.doctor_phone.text().strip(),
            center_name=self.center_name.text().strip(),
            center_contact=self.center_contact.toPlainText().strip(),
            language=self.language.currentData(),
            model_path=self.model_path.text().strip(),
            provider=self.provider.currentData(),
            threshold_preset=self.preset.currentData(),
            tta=self.tta.isChecked(),
        )
        if self.pacs is not None:
            s = self.pacs.apply(s)
        return s

    def save(self) -> None:
        """Validate, write the settings file and close."""
        try:
            value = self.value()
            save_settings(value)
        except (ValueError, OSError) as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            return
        self.result_settings = value
        self.accept()
