"""One lesion over time: its examinations side by side, pictures and probabilities, so change stands out."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from dermassist.imaging.bodymap import describe_site
from dermassist.records.store import RecordStore
from dermassist.ui.i18n import fmt_date, fmt_number, fmt_percent
from dermassist.ui.images_pane import thumbnail

PICTURE = 220


class LesionHistoryDialog(QDialog):
    """Columns, oldest to newest: date, picture, malignant probability, change since the previous visit."""

    def __init__(self, store: RecordStore, lesion_id: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Lesion over time"))
        self.exams = store.examinations_for_lesion(lesion_id)
        lay = QVBoxLayout(self)
        site = next((e.site for e in reversed(self.exams) if e.site is not None), None)
        title = self.tr("{n} examinations of this lesion").format(n=len(self.exams))
        if site is not None:
            title += f" — {describe_site(site)}"
        lay.addWidget(QLabel(f"<b>{title}</b>"))
        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        self.columns: list[dict[str, QLabel]] = []
        previous: float | None = None
        for col, exam in enumerate(self.exams):
            frame = QFrame()
            frame.setFrameShape(QFrame.Shape.StyledPanel)
            fl = QVBoxLayout(frame)
            date = QLabel(f"<b>{fmt_date(exam.date)}</b>")
            fl.addWidget(date)
            picture = QLabel()
            picture.setFixedSize(PICTURE, PICTURE)
            picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
            if exam.images:
                img = exam.images[0]
                picture.setPixmap(thumbnail(store.image_path(img), img.sha256, PICTURE).pixmap(PICTURE, PICTURE))
            else:
                picture.setText(self.tr("no picture"))
            fl.addWidget(picture)
            analysis = exam.latest_analysis()
            prob = QLabel()
            change = QLabel()
            if analysis is None:
                prob.setText(self.tr("not analysed"))
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
            notes.setMaximumWidth(PICTURE)
            fl.addWidget(notes)
            fl.addStretch(1)
            grid.addWidget(frame, 0, col)
            self.columns.append({"date": date, "probability": prob, "change": change})
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_host)
        lay.addWidget(scroll, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        width = grid_host.sizeHint().width() + 60
        self.resize(min(1400, max(420, width)), 560)
