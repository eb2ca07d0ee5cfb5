"""One lesion over time: its examinations side by side, pictures and probabilities, so change stands out."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QVBoxLayout,
)

from dermassist.imaging.bodymap import describe_site
from dermassist.records.store import RecordStore
from dermassist.ui.heat_layer import HeatLegend, heat_pixmap
from dermassist.ui.i18n import fmt_date, fmt_number, fmt_percent
from dermassist.ui.image_viewer import ImageViewer, read_pixmap
from dermassist.ui.trust_gate import heatmap_grid

OPACITY = 0.6


class LesionHistoryDialog(QDialog):
    """Columns, oldest to newest: date, picture (zoomable, with its heatmap), probability, change since before.

    The pictures grow with the window; the wheel zooms each one, a double-click fits it again.
    """

    def __init__(self, store: RecordStore, lesion_id: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Lesion over time"))
        self.exams = store.examinations_for_lesion(lesion_id)
        lay = QVBoxLayout(self)
        site = next((e.site for e in reversed(self.exams) if e.site is not None), None)
        title = self.tr("{n} examinations of this lesion").format(n=len(self.exams))
        if site is not None:
            title += f" — {describe_site(site)}"
        head = QHBoxLayout()
        head.addWidget(QLabel(f"<b>{title}</b>"), 1)
        self.heat_check = QCheckBox(self.tr("Heatmap"))
        self.heat_check.setObjectName("historyHeatmap")
        self.heat_check.setChecked(False)  # the pictures themselves first; the heatmap on request
        self.heat_check.toggled.connect(self._show_heat)
        self.legend = HeatLegend()
        head.addWidget(self.heat_check)
        head.addWidget(self.legend)
        lay.addLayout(head)
        split = QSplitter()
        split.setChildrenCollapsible(False)
        self.columns: list[dict] = []
        self.viewers: list[ImageViewer] = []
        self._heats: list = []
        previous: float | None = None
        for exam in self.exams:
            frame = QFrame()
            frame.setFrameShape(QFrame.Shape.StyledPanel)
            fl = QVBoxLayout(frame)
            date = QLabel(f"<b>{fmt_date(exam.date)}</b>")
            fl.addWidget(date)
            viewer = ImageViewer()
            viewer.setObjectName("historyPicture")
            viewer.setMinimumSize(160, 160)
            analysis = exam.latest_analysis()
            if exam.images:
                img = next(
                    (i for i in exam.images if analysis is not None and i.sha256 == analysis.image_sha256),
                    exam.images[0],
                )
                viewer.set_pixmap(read_pixmap(str(store.image_path(img))))
                shown = analysis if analysis is not None and analysis.image_sha256 == img.sha256 else None
                self._heats.append(heatmap_grid(shown))
            else:
                self._heats.append(None)
            fl.addWidget(viewer, 1)
            prob = QLabel()
            change = QLabel()
            change.setWordWrap(True)
            prob.setWordWrap(True)
            if analysis is None:
                prob.setText(self.tr("no picture") if not exam.images else self.tr("not analysed"))
            else:
                above = analysis.malignant >= analysis.threshold
                prob.setText(
                    self.tr("Malignant: {p}").format(p=fmt_percent(analysis.malignant))
                    + ("\n⚠ " + self.tr("above threshold") if above else "")
                )
                prob.setStyleSheet("color: #8a1c12; font-weight: bold;" if above else "")
                prob.setToolTip(f"{analysis.model_name} {analysis.model_version} ({analysis.model_sha256[:12]})")
                if previous is not None:
                    delta = (analysis.malignant - previous) * 100
                    change.setText(
                        self.tr("Change: {d} percentage points").format(
                            d=("+" if delta >= 0 else "−") + fmt_number(abs(delta), 1)
                        )
                    )
                    if abs(delta) >= 10:
                        change.setStyleSheet("color: #8a1c12; font-weight: bold;")
                previous = analysis.malignant
            fl.addWidget(prob)
            fl.addWidget(change)
            notes = QLabel(exam.notes[:200])
            notes.setWordWrap(True)
            fl.addWidget(notes)
            split.addWidget(frame)
            self.viewers.append(viewer)
            self.columns.append({"date": date, "probability": prob, "change": change, "picture": viewer})
        lay.addWidget(split, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        has_heat = any(h is not None for h in self._heats)
        self.heat_check.setEnabled(has_heat)
        self._show_heat(False)
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        width, height = (screen.width(), screen.height()) if screen is not None else (1400, 900)
        self.resize(min(max(480, 340 * len(self.exams)), int(width * 0.9)), min(720, int(height * 0.85)))

    def _show_heat(self, on: bool) -> None:
        self.legend.setVisible(on)
        for viewer, cam in zip(self.viewers, self._heats, strict=True):
            if on and cam is not None and viewer.has_image():
                w, h = viewer.image_size()
                viewer.set_overlay(heat_pixmap(cam, w, h))
                viewer.set_overlay_opacity(OPACITY)
            else:
                viewer.set_overlay(None)
