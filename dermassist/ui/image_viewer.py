"""Image viewer with zoom (wheel, +/-, fit) and pan (drag), built on QGraphicsView."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImageReader, QPainter, QPixmap, QTransform
from PySide6.QtWidgets import QGraphicsPixmapItem, QGraphicsScene, QGraphicsView


def read_pixmap(path: str) -> QPixmap:
    """Load a picture with its EXIF orientation applied (null pixmap when unreadable)."""
    reader = QImageReader(path)
    reader.setAutoTransform(True)
    reader.setAllocationLimit(1024)  # MB; dermatoscope photographs are far smaller
    return QPixmap.fromImage(reader.read())


class ImageViewer(QGraphicsView):
    """Shows one picture; the wheel zooms around the cursor, dragging pans, double-click fits."""

    zoomChanged = Signal(float)

    MIN_ZOOM, MAX_ZOOM = 0.02, 32.0

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._scene = QGraphicsScene(self)
        self.setScene(self._scene)
        self._item = QGraphicsPixmapItem()
        self._item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self._scene.addItem(self._item)
        # Heatmap layer above the picture; its opacity follows the pane's slider.
        self._overlay = QGraphicsPixmapItem(self._item)
        self._overlay.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self._overlay.setVisible(False)
        self.setRenderHints(QPainter.RenderHint.SmoothPixmapTransform | QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setBackgroundBrush(Qt.GlobalColor.darkGray)
        self.setMinimumSize(160, 80)
        self._fit = True
        self.setToolTip(self.tr("Wheel: zoom. Drag: move. Double-click: fit to window."))

    def set_pixmap(self, pixmap: QPixmap | None) -> None:
        """Show ``pixmap`` (or nothing) fitted to the window."""
        self._item.setPixmap(pixmap if pixmap is not None else QPixmap())
        self.set_overlay(None)
        self._scene.setSceneRect(self._item.boundingRect())
        self.fit()

    def set_overlay(self, pixmap: QPixmap | None) -> None:
        """Lay ``pixmap`` (any size; it is stretched over the whole picture) on the picture, or remove it."""
        if pixmap is None or pixmap.isNull() or not self.has_image():
            self._overlay.setPixmap(QPixmap())
            self._overlay.setVisible(False)
            return
        self._overlay.setPixmap(pixmap)
        base = self._item.pixmap()
        self._overlay.setTransform(QTransform.fromScale(base.width() / pixmap.width(), base.height() / pixmap.height()))
        self._overlay.setVisible(True)

    def has_overlay(self) -> bool:
        """True when a heatmap layer is shown."""
        return self._overlay.isVisible()

    def set_overlay_opacity(self, opacity: float) -> None:
        """0 (invisible) .. 1 (opaque)."""
        self._overlay.setOpacity(max(0.0, min(1.0, opacity)))

    def overlay_opacity(self) -> float:
        """The heatmap layer's opacity."""
        return float(self._overlay.opacity())

    def image_size(self) -> tuple[int, int]:
        """(width, height) of the picture shown, (0, 0) for none."""
        pix = self._item.pixmap()
        return (pix.width(), pix.height())

    def has_image(self) -> bool:
        """True when a picture is shown."""
        return not self._item.pixmap().isNull()

    def zoom(self) -> float:
        """Current scale factor (1.0 = one image pixel per screen pixel)."""
        return float(self.transform().m11())

    def fit(self) -> None:
        """Scale the whole picture into the window."""
        self._fit = True
        if self.has_image():
            self.fitInView(self._item, Qt.AspectRatioMode.KeepAspectRatio)
        self.zoomChanged.emit(self.zoom())

    def zoom_by(self, factor: float) -> None:
        """Multiply the zoom, within limits."""
        if not self.has_image():
            return
        target = min(self.MAX_ZOOM, max(self.MIN_ZOOM, self.zoom() * factor))
        self._fit = False
        self.scale(target / self.zoom(), target / self.zoom())
        self.zoomChanged.emit(self.zoom())

    def actual_size(self) -> None:
        """One image pixel per screen pixel."""
        self._fit = False
        self.resetTransform()
        self.zoomChanged.emit(self.zoom())

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt override
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.zoom_by(1.25**steps)
        event.accept()

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802
        self.fit()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(1.25)
        elif key == Qt.Key.Key_Minus:
            self.zoom_by(0.8)
        elif key == Qt.Key.Key_0:
            self.fit()
        elif key == Qt.Key.Key_1:
            self.actual_size()
        else:
            super().keyPressEvent(event)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self._fit:
            self.fit()
