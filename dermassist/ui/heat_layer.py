"""The heatmap as a Qt picture layer, and its colour legend."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

HEATMAP_SIDE = 512  # the layer is made at most this big; the viewer stretches it smoothly


def heat_pixmap(cam, image_width: int, image_height: int, hot_only: bool = True) -> QPixmap:
    """The CAM grid as an RGBA layer for a picture of the given size (only the hot region tinted by default)."""
    from dermassist.inference.heatmap import HOT_FLOOR, heat_rgba

    scale = min(1.0, HEATMAP_SIDE / max(image_width, image_height, 1))
    w, h = max(1, round(image_width * scale)), max(1, round(image_height * scale))
    rgba = heat_rgba(cam, w, h, floor=HOT_FLOOR if hot_only else 0.0)
    return QPixmap.fromImage(QImage(rgba.data, w, h, w * 4, QImage.Format.Format_RGBA8888).copy())


class HeatLegend(QWidget):
    """'little evidence [blue … red] most evidence': what the heatmap's colours mean."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        from dermassist.inference.heatmap import colourise

        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.low = QLabel(self.tr("little evidence"))
        self.high = QLabel(self.tr("most evidence"))
        ramp = np.ascontiguousarray(np.repeat(colourise(np.linspace(0, 1, 120)[None, :]), 10, axis=0))
        self.bar = QLabel()
        self.bar.setObjectName("heatLegendBar")
        self.bar.setPixmap(QPixmap.fromImage(QImage(ramp.data, 120, 10, 360, QImage.Format.Format_RGB888).copy()))
        self.bar.setAlignment(Qt.AlignmentFlag.AlignVCenter)
        self.setToolTip(
            self.tr("Colours of the heatmap: where the model found the evidence for its estimate, from little to most")
        )
        lay.addWidget(self.low)
        lay.addWidget(self.bar)
        lay.addWidget(self.high)
        lay.addStretch(1)
