"""Settings tab "Transfer to center": DICOMweb or DIMSE, credentials, AE titles, SOP class, test connection."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from dermassist.records.settings import Settings


class _Signals(QObject):
    done = Signal(object)  # ConnectionResult


class _ConnectionJob(QRunnable):
    """Runs the connection check in the thread pool (a C-ECHO may wait up to its timeout)."""

    def __init__(self, settings: Settings, signals: _Signals) -> None:
        super().__init__()
        self.settings = settings
        self.signals = signals

    def run(self) -> None:
        from dermassist.transfer.connection import check_connection

        self.signals.done.emit(check_connection(self.settings))


def ae_title_problem(value: str) -> str:
    """Why an AE title is invalid ('' when fine): 1-16 printable ASCII characters, no backslash."""
    if not value.strip():
        return "empty"
    if len(value) > 16:
        return "longer than 16 characters"
    if any(not (32 <= ord(c) < 127) or c == "\\" for c in value):
        return "only Latin letters, digits and simple punctuation are allowed"
    return ""


class PacsSettingsWidget(QWidget):
    """Edits the PACS fields of Settings; ``apply(settings)`` returns a copy with them changed."""

    def __init__(self, parent: QWidget | None, settings: Settings) -> None:
        super().__init__(parent)
        self.settings = settings
        self.pool = QThreadPool(self)
        self.signals = _Signals()
        self.signals.done.connect(self._tested)
        lay = QVBoxLayout(self)
        top = QFormLayout()
        self.protocol = QComboBox()
        self.protocol.addItem(self.tr("DICOMweb (STOW-RS over HTTPS)"), "dicomweb")
        self.protocol.addItem(self.tr("DIMSE (C-STORE)"), "dimse")
        self.protocol.setCurrentIndex(max(0, self.protocol.findData(settings.pacs_protocol)))
        self.protocol.currentIndexChanged.connect(self._update)
        top.addRow(self.tr("Protocol:"), self.protocol)
        self.sop_class = QComboBox()
        self.sop_class.addItem(self.tr("Dermoscopic Photography (falls back automatically)"), "dermoscopic")
        self.sop_class.addItem(self.tr("VL Photographic (older PACS)"), "vl_photographic")
        self.sop_class.setCurrentIndex(max(0, self.sop_class.findData(settings.sop_class)))
        top.addRow(self.tr("Image type:"), self.sop_class)
        lay.addLayout(top)

        self.web = QGroupBox(self.tr("DICOMweb"))
        web = QFormLayout(self.web)
        self.url = QLineEdit(settings.dicomweb_url)
        self.url.setPlaceholderText("https://pacs.example.org/dicom-web")
        self.url.textChanged.connect(self._update)
        web.addRow(self.tr("URL:"), self.url)
        self.auth = QComboBox()
        self.auth.addItem(self.tr("None"), "none")
        self.auth.addItem(self.tr("User name and password"), "basic")
        self.auth.addItem(self.tr("Access token (bearer)"), "bearer")
        self.auth.setCurrentIndex(max(0, self.auth.findData(settings.dicomweb_auth)))
        self.auth.currentIndexChanged.connect(self._update)
        web.addRow(self.tr("Authentication:"), self.auth)
        self.username = QLineEdit(settings.dicomweb_username)
        web.addRow(self.tr("User name:"), self.username)
        self.password = QLineEdit(settings.dicomweb_password)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        web.addRow(self.tr("Password:"), self.password)
        self.token = QLineEdit(settings.dicomweb_token)
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        web.addRow(self.tr("Token:"), self.token)
        self.verify = QCheckBox(self.tr("Verify the server's certificate"))
        self.verify.setChecked(settings.dicomweb_verify_tls)
        self.verify.toggled.connect(self._update)
        web.addRow("", self.verify)
        ca_row = QHBoxLayout()
        self.ca_bundle = QLineEdit(settings.dicomweb_ca_bundle)
        self.ca_bundle.setPlaceholderText(self.tr("system certificates"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse_ca)
        ca_row.addWidget(self.ca_bundle, 1)
        ca_row.addWidget(browse)
        web.addRow(self.tr("CA certificate:"), ca_row)
        self.confirm_qido = QCheckBox(self.tr("Also confirm every delivery with a QIDO-RS query"))
        self.confirm_qido.setChecked(settings.dicomweb_confirm_qido)
        web.addRow("", self.confirm_qido)
        lay.addWidget(self.web)

        self.dimse = QGroupBox(self.tr("DIMSE"))
        dimse = QFormLayout(self.dimse)
        self.host = QLineEdit(settings.dimse_host)
        dimse.addRow(self.tr("Host:"), self.host)
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(settings.dimse_port if 0 < settings.dimse_port < 65536 else 104)
        dimse.addRow(self.tr("Port:"), self.port)
        self.called_aet = QLineEdit(settings.dimse_called_aet)
        self.called_aet.setMaxLength(16)
        self.called_aet.textChanged.connect(self._update)
        dimse.addRow(self.tr("Center's AE title:"), self.called_aet)
        self.calling_aet = QLineEdit(settings.dimse_calling_aet)
        self.calling_aet.setMaxLength(16)
        self.calling_aet.textChanged.connect(self._update)
        dimse.addRow(self.tr("Our AE title:"), self.calling_aet)
        self.dimse_tls = QCheckBox(self.tr("Encrypt with TLS (the center's certificate is checked)"))
        self.dimse_tls.setChecked(settings.dimse_tls)
        self.dimse_tls.toggled.connect(self._update)
        dimse.addRow("", self.dimse_tls)
        self.dimse_ca = QLineEdit(settings.dimse_ca_bundle)
        self.dimse_ca.setPlaceholderText(self.tr("system certificates"))
        dimse.addRow(self.tr("CA certificate:"), self.dimse_ca)
        lay.addWidget(self.dimse)

        self.warning = QLabel()
        self.warning.setObjectName("pacsWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #a15c00;")
        lay.addWidget(self.warning)
        test_row = QHBoxLayout()
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.clicked.connect(self.test_connection)
        test_row.addWidget(self.test_button)
        self.result = QLabel()
        self.result.setObjectName("pacsTestResult")
        self.result.setWordWrap(True)
        test_row.addWidget(self.result, 1)
        lay.addLayout(test_row)
        lay.addStretch(1)
        self._update()

    def _browse_ca(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("CA certificate"), "", self.tr("Certificates (*.pem *.crt *.cer);;All files (*)")
        )
        if path:
            self.ca_bundle.setText(path)

    def _update(self) -> None:
        web = self.protocol.currentData() == "dicomweb"
        self.web.setVisible(web)
        self.dimse.setVisible(not web)
        auth = self.auth.currentData()
        self.username.setEnabled(auth == "basic")
        self.password.setEnabled(auth == "basic")
        self.token.setEnabled(auth == "bearer")
        self.ca_bundle.setEnabled(self.verify.isChecked())
        self.dimse_ca.setEnabled(self.dimse_tls.isChecked())
        warnings: list[str] = []
        url = self.url.text().strip().lower()
        if web and url.startswith("http://") and not url.startswith(("http://127.", "http://localhost")):
            warnings.append(self.tr("Without HTTPS, patient data travels unencrypted."))
        if web and not self.verify.isChecked():
            warnings.append(self.tr("Certificate checking is off: anyone on the network could pose as the center."))
        if not web and not self.dimse_tls.isChecked():
            warnings.append(
                self.tr(
                    "C-STORE without TLS sends patient data unencrypted: turn on TLS, or use it only "
                    "inside the clinic network or over a VPN."
                )
            )
        if not web:
            for label, field in (
                (self.tr("Center's AE title"), self.called_aet),
                (self.tr("Our AE title"), self.calling_aet),
            ):
                if field.text() and ae_title_problem(field.text()):
                    warnings.append(
                        self.tr("{field}: only Latin letters, digits and simple punctuation, up to 16.").format(
                            field=label
                        )
                    )
        self.warning.setText("\n".join(warnings))
        self.warning.setVisible(bool(warnings))

    def apply(self, settings: Settings) -> Settings:
        """``settings`` with the PACS fields from this tab."""
        return settings.with_changes(
            pacs_protocol=self.protocol.currentData(),
            sop_class=self.sop_class.currentData(),
            dicomweb_url=self.url.text().strip(),
            dicomweb_auth=self.auth.currentData(),
            dicomweb_username=self.username.text().strip(),
            dicomweb_password=self.password.text(),
            dicomweb_token=self.token.text().strip(),
            dicomweb_verify_tls=self.verify.isChecked(),
            dicomweb_ca_bundle=self.ca_bundle.text().strip(),
            dicomweb_confirm_qido=self.confirm_qido.isChecked(),
            dimse_host=self.host.text().strip(),
            dimse_port=int(self.port.value()),
            dimse_called_aet=self.called_aet.text().strip(),
            dimse_calling_aet=self.calling_aet.text().strip() or "DERMASSIST",
            dimse_tls=self.dimse_tls.isChecked(),
            dimse_ca_bundle=self.dimse_ca.text().strip(),
        )

    def test_connection(self) -> None:
        """Check the connection as currently typed (not yet saved), off the GUI thread."""
        self.test_button.setEnabled(False)
        self.result.setText(self.tr("Testing…"))
        self.pool.start(_ConnectionJob(self.apply(self.settings), self.signals))

    def _tested(self, result) -> None:
        self.test_button.setEnabled(True)
        if result.ok:
            self.result.setText(self.tr("Connected: {message}").format(message=result.message))
            self.result.setStyleSheet("color: #1b7f2a;")
        else:
            self.result.setText(self.tr("Failed: {message}").format(message=result.message))
            self.result.setStyleSheet("color: #b00020;")
