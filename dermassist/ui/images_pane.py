"""An examination's pictures: viewer, thumbnails and every way in (file, drag and drop, paste, camera)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication, QIcon, QImageReader, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from dermassist.records.models import Examination
from dermassist.records.store import RecordStore
from dermassist.ui.camera_dialog import image_to_png
from dermassist.ui.heat_layer import HeatLegend, heat_pixmap
from dermassist.ui.image_viewer import ImageViewer, read_pixmap

THUMB = 96
STRIP = 56  # thumbnails shown this big: room for the picture on a 768-px screen
_thumb_cache: dict[str, QIcon] = {}


def thumbnail(path: Path, sha256: str, size: int = THUMB) -> QIcon:
    """A small icon of a stored picture; JPEGs are decoded at reduced scale, so this stays fast."""
    key = f"{sha256}:{size}"
    if key not in _thumb_cache:
        reader = QImageReader(str(path))
        reader.setAutoTransform(True)
        full = reader.size()
        if full.isValid() and max(full.width(), full.height()) > size:
            reader.setScaledSize(full.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio))
        _thumb_cache[key] = QIcon(QPixmap.fromImage(reader.read()))
    return _thumb_cache[key]


class ImagesPane(QWidget):
    """``imageSelected(sha256)`` when the doctor picks a picture; ``imagesAdded(sha256)`` after a save."""

    imageSelected = Signal(str)
    imagesAdded = Signal(str)

    def __init__(self, store: RecordStore, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.exam: Examination | None = None
        self._shown: str | None = None
        self.setAcceptDrops(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.viewer = ImageViewer()
        self.viewer.setObjectName("imageViewer")
        lay.addWidget(self.viewer, 1)
        lay.addLayout(self._heatmap_row())
        self.hint = QLabel(self.tr("No picture yet. Open a file, drop one here, paste (Ctrl+V) or use the camera."))
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(self.hint)
        self.thumbs = QListWidget()
        self.thumbs.setObjectName("thumbnails")
        self.thumbs.setViewMode(QListWidget.ViewMode.IconMode)
        self.thumbs.setFlow(QListWidget.Flow.LeftToRight)
        self.thumbs.setWrapping(False)
        self.thumbs.setIconSize(QSize(STRIP, STRIP))
        self.thumbs.setFixedHeight(STRIP + 26)
        self.thumbs.setMovement(QListWidget.Movement.Static)
        lay.addWidget(self.thumbs)
        row = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Open file…"))
        self.open_button.setObjectName("openImageButton")
        self.paste_button = QPushButton(self.tr("Paste"))
        self.camera_button = QPushButton(self.tr("Camera…"))
        self.camera_button.setObjectName("cameraButton")
        for b in (self.open_button, self.paste_button, self.camera_button):
            row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)
        self.error = QLabel()
        self.error.setObjectName("imageError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setVisible(False)
        lay.addWidget(self.error)
        self.open_button.clicked.connect(self.open_files)
        self.paste_button.clicked.connect(self.paste)
        self.camera_button.clicked.connect(self.open_camera)
        self.thumbs.currentItemChanged.connect(self._current_changed)
        paste = QShortcut(QKeySequence.StandardKey.Paste, self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        paste.activated.connect(self.paste)
        self.set_examination(None)

    def _heatmap_row(self) -> QVBoxLayout:
        rows = QVBoxLayout()
        row = QHBoxLayout()
        self._heat = None
        self.heat_check = QCheckBox(self.tr("Heatmap"))
        self.heat_check.setObjectName("heatmapCheck")
        self.heat_check.setChecked(True)
        self.heat_check.setToolTip(
            self.tr("Where in the picture the model found the evidence for its estimate (red: most, blue: least)")
        )
        self.heat_opacity = QSlider(Qt.Orientation.Horizontal)
        self.heat_opacity.setObjectName("heatmapOpacity")
        self.heat_opacity.setRange(0, 100)
        self.heat_opacity.setValue(60)
        self.heat_opacity.setToolTip(self.tr("Heatmap opacity"))
        self.heat_whole = QCheckBox(self.tr("whole picture"))
        self.heat_whole.setObjectName("heatmapWhole")
        self.heat_whole.setToolTip(self.tr("Tint the whole picture, not only the region with the most evidence"))
        self.heat_check.toggled.connect(self._apply_heatmap)
        self.heat_whole.toggled.connect(self._apply_heatmap)
        self.heat_opacity.valueChanged.connect(lambda v: self.viewer.set_overlay_opacity(v / 100))
        row.addWidget(self.heat_check)
        row.addWidget(QLabel(self.tr("Opacity")))
        row.addWidget(self.heat_opacity, 1)
        rows.addLayout(row)
        legend_row = QHBoxLayout()
        self.legend = HeatLegend()
        legend_row.addWidget(self.legend, 1)
        legend_row.addWidget(self.heat_whole)
        rows.addLayout(legend_row)
        return rows

    def set_heatmap(self, cam) -> None:
        """Lay the CAM grid (2-D array, as shown) of the selected picture's analysis over it; None removes it."""
        self._heat = cam
        self._apply_heatmap()

    def _apply_heatmap(self, *_args) -> None:
        has = self._heat is not None and self.viewer.has_image()
        self.heat_check.setEnabled(has)
        on = has and self.heat_check.isChecked()
        self.heat_opacity.setEnabled(on)
        self.heat_whole.setEnabled(on)
        self.legend.setVisible(on)
        if not on:
            self.viewer.set_overlay(None)
            return
        w, h = self.viewer.image_size()
        self.viewer.set_overlay(heat_pixmap(self._heat, w, h, hot_only=not self.heat_whole.isChecked()))
        self.viewer.set_overlay_opacity(self.heat_opacity.value() / 100)

    # -- state ---------------------------------------------------------------------------------

    def set_examination(self, exam: Examination | None, select: str | None = None) -> None:
        """Show an examination's pictures, selecting ``select`` (a sha256) or keeping the selection."""
        keep = select or self.current_sha()
        self.exam = exam
        self.thumbs.blockSignals(True)
        self.thumbs.clear()
        chosen = None
        for img in exam.images if exam else ():
            item = QListWidgetItem(thumbnail(self.store.image_path(img), img.sha256), "")
            item.setData(Qt.ItemDataRole.UserRole, img.sha256)
            item.setToolTip(f"{img.original_name}\n{img.width} × {img.height}")
            self.thumbs.addItem(item)
            if img.sha256 == keep:
                chosen = item
        if chosen is None and self.thumbs.count():
            chosen = self.thumbs.item(self.thumbs.count() - 1)
        self.thumbs.setCurrentItem(chosen)
        self.thumbs.blockSignals(False)
        enabled = exam is not None
        for b in (self.open_button, self.paste_button, self.camera_button):
            b.setEnabled(enabled)
        self.hint.setVisible(enabled and not (exam and exam.images))
        self.error.setVisible(False)
        self._show(self.current_sha())

    def current_sha(self) -> str | None:
        """sha256 of the selected picture."""
        item = self.thumbs.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _current_changed(self, item, _prev) -> None:
        sha = str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None
        self._show(sha)
        if sha:
            self.imageSelected.emit(sha)

    def _show(self, sha: str | None) -> None:
        if sha == self._shown and (sha is None or self.viewer.has_image()):
            return  # decoding a large picture again costs a noticeable fraction of a second
        self._shown = sha
        self.viewer.set_pixmap(read_pixmap(str(self.store.image_path(sha))) if sha else None)
        self.set_heatmap(None)  # the examination view lays the new picture's heatmap, if any

    # -- adding pictures -----------------------------------------------------------------------

    def _report(self, messages: list[str]) -> None:
        self.error.setText("\n".join(messages))
        self.error.setVisible(bool(messages))

    def add_files(self, paths: list[Path]) -> list[str]:
        """Store files in the examination; bad files are reported one line each, the rest are kept."""
        from dermassist.imaging.loading import ImageLoadError  # numpy: not needed to open the window

        if self.exam is None or self.exam.id is None:
            return []
        added, errors = [], []
        for path in paths:
            try:
                added.append(self.store.add_image(self.exam.id, Path(path)).sha256)
            except ImageLoadError as exc:
                errors.append(self.tr("Not added: {reason}").format(reason=exc))
            except OSError as exc:
                errors.append(self.tr("Could not save the picture: {error}").format(error=exc))
        self._after_add(added, errors)
        return added

    def add_bytes(self, data: bytes, name: str) -> str | None:
        """Store a picture given as file bytes (clipboard, camera)."""
        from dermassist.imaging.loading import ImageLoadError

        if self.exam is None or self.exam.id is None:
            return None
        try:
            sha = self.store.add_image(self.exam.id, data, name).sha256
        except (ImageLoadError, OSError) as exc:
            self._after_add([], [self.tr("Not added: {reason}").format(reason=exc)])
            return None
        self._after_add([sha], [])
        return sha

    def _after_add(self, added: list[str], errors: list[str]) -> None:
        if added:
            self.imagesAdded.emit(added[-1])
        self._report(errors)

    def open_files(self) -> None:
        """Ask for picture files and add them."""
        from dermassist.imaging.loading import SUPPORTED_SUFFIXES

        patterns = " ".join("*" + s for s in SUPPORTED_SUFFIXES)
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Open dermoscopy images"), "", self.tr("Images ({patterns})").format(patterns=patterns)
        )
        if paths:
            self.add_files([Path(p) for p in paths])

    def paste(self) -> None:
        """Add the picture (or picture files) on the clipboard."""
        mime = QGuiApplication.clipboard().mimeData()
        files = [Path(u.toLocalFile()) for u in (mime.urls() if mime else []) if u.isLocalFile()]
        if files:
            self.add_files(files)
        elif mime is not None and mime.hasImage():
            self.add_bytes(image_to_png(QGuiApplication.clipboard().image()), self.tr("pasted image"))
        else:
            self._report([self.tr("The clipboard holds no picture.")])

    def open_camera(self) -> None:
        """Capture a still from a camera and add it."""
        from dermassist.ui.camera_dialog import CameraDialog

        dialog = CameraDialog(self)
        if dialog.exec() and dialog.captured is not None and not dialog.captured.isNull():
            self.add_bytes(image_to_png(dialog.captured), self.tr("camera capture"))

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt override
        mime = event.mimeData()
        if self.exam is not None and (mime.hasImage() or any(u.isLocalFile() for u in mime.urls())):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        mime = event.mimeData()
        files = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
        if files:
            self.add_files(files)
        elif mime.hasImage():
            self.add_bytes(image_to_png(mime.imageData()), self.tr("dropped image"))
        event.acceptProposedAction()
