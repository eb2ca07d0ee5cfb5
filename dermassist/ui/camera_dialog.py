"""Capture a still from a dermatoscope or any USB camera: chooser, live preview, full-resolution still."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)


def image_to_png(image: QImage) -> bytes:
    """Lossless PNG bytes of a captured frame (no second JPEG compression of the camera's picture)."""
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; PySide6 wants str
    buf.close()
    return bytes(data.data())


def multimedia_error() -> str | None:
    """Why QtMultimedia cannot be used here (a missing system library), or None."""
    try:
        import PySide6.QtMultimedia  # noqa: F401
    except ImportError as exc:
        return str(exc)
    return None


class CameraDialog(QDialog):
    """Pick a camera, watch the preview, press Capture; ``captured`` holds the full-resolution QImage."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Capture from camera"))
        self.captured: QImage | None = None
        # QtMultimedia types; imported only when a camera is started (it needs libpulse).
        self._camera: Any = None
        self._session: Any = None
        self._capture: Any = None
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Camera:")))
        self.chooser = QComboBox()
        self.chooser.setMinimumWidth(260)
        top.addWidget(self.chooser, 1)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        top.addWidget(self.refresh_button)
        lay.addLayout(top)
        self.stack = QStackedWidget()
        self.message = QLabel()
        self.message.setObjectName("cameraMessage")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setMinimumSize(480, 300)
        self.stack.addWidget(self.message)
        self.preview_holder = QWidget()
        QVBoxLayout(self.preview_holder).setContentsMargins(0, 0, 0, 0)
        self.stack.addWidget(self.preview_holder)
        lay.addWidget(self.stack, 1)
        self.status = QLabel()
        lay.addWidget(self.status)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.capture_button = QPushButton(self.tr("Capture"))
        self.capture_button.setDefault(True)
        self.capture_button.setEnabled(False)
        cancel = QPushButton(self.tr("Cancel"))
        buttons.addWidget(self.capture_button)
        buttons.addWidget(cancel)
        lay.addLayout(buttons)
        cancel.clicked.connect(self.reject)
        self.capture_button.clicked.connect(self._take)
        self.refresh_button.clicked.connect(self.refresh)
        self.chooser.currentIndexChanged.connect(self._start_selected)
        self._devices: list[Any] = []
        self.refresh()

    def has_camera(self) -> bool:
        """True when at least one camera was found."""
        return bool(self._devices)

    def refresh(self) -> None:
        """List the cameras again (one may have been plugged in)."""
        self._stop()
        error = multimedia_error()
        if error is not None:
            self._show_message(
                self.tr("Camera support is not available on this computer ({error}).").format(error=error)
            )
            return
        from PySide6.QtMultimedia import QMediaDevices

        self._devices = list(QMediaDevices.videoInputs())
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for dev in self._devices:
            self.chooser.addItem(dev.description())
        self.chooser.blockSignals(False)
        if not self._devices:
            self._show_message(
                self.tr(
                    "No camera was found. Connect the dermatoscope or a USB camera, wait a few seconds and press "
                    "Refresh. You can also open a picture file or paste one from the clipboard."
                )
            )
            return
        default = QMediaDevices.defaultVideoInput()
        index = next((i for i, d in enumerate(self._devices) if d.id() == default.id()), 0)
        self.chooser.setCurrentIndex(index)
        self._start_selected(index)

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)
        self.capture_button.setEnabled(False)
        self.chooser.setEnabled(bool(self._devices))

    def _start_selected(self, index: int) -> None:
        if not (0 <= index < len(self._devices)):
            return
        from PySide6.QtMultimedia import QCamera, QImageCapture, QMediaCaptureSession
        from PySide6.QtMultimediaWidgets import QVideoWidget

        self._stop()
        device = self._devices[index]
        self._camera = QCamera(device)
        self._capture = QImageCapture()
        self._capture.setQuality(QImageCapture.Quality.VeryHighQuality)
        sizes = list(device.photoResolutions())
        if sizes:
            best = max(sizes, key=lambda s: s.width() * s.height())
            self._capture.setResolution(best)
            self.status.setText(self.tr("Still resolution: {w} × {h}").format(w=best.width(), h=best.height()))
        self._session = QMediaCaptureSession()
        self._session.setCamera(self._camera)
        self._session.setImageCapture(self._capture)
        video = QVideoWidget()
        holder = self.preview_holder.layout()
        while holder.count():
            holder.takeAt(0).widget().deleteLater()
        holder.addWidget(video)
        self._session.setVideoOutput(video)
        self._camera.errorOccurred.connect(lambda _e, text: self._show_message(self.tr("Camera error: ") + text))
        self._capture.imageCaptured.connect(self._captured)
        self._capture.errorOccurred.connect(
            lambda _i, _e, text: self.status.setText(self.tr("Capture failed: ") + text)
        )
        self._capture.readyForCaptureChanged.connect(self.capture_button.setEnabled)
        self.stack.setCurrentWidget(self.preview_holder)
        self._camera.start()

    def _take(self) -> None:
        if self._capture is not None and self._capture.isReadyForCapture():
            self.capture_button.setEnabled(False)
            self.status.setText(self.tr("Capturing…"))
            self._capture.capture()

    def _captured(self, _request_id: int, image: QImage) -> None:
        self.captured = image
        self._stop()
        self.accept()

    def _stop(self) -> None:
        if self._camera is not None:
            self._camera.stop()
        self._camera = self._capture = self._session = None

    def done(self, result: int) -> None:  # noqa: D102 - also stops the camera on Esc/close
        self._stop()
        super().done(result)
