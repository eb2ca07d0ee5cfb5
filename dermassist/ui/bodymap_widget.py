"""Front and back body silhouettes; a click marks the lesion site."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from dermassist.imaging import bodymap
from dermassist.records.models import LesionSite

MARK_RADIUS = 6.0


class BodyMapWidget(QWidget):
    """Draws both views; ``siteChanged(LesionSite)`` fires when the doctor clicks on the body."""

    siteChanged = Signal(object)

    def __init__(self, lang: str = "en", parent=None) -> None:
        super().__init__(parent)
        self.lang = lang
        self._site: LesionSite | None = None
        self._others: list[LesionSite] = []
        self._editable = True
        self.setMouseTracking(True)
        self.setMinimumSize(160, 110)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setToolTip(self.tr("Click on the body to mark where the lesion is."))

    # -- state ---------------------------------------------------------------------------------

    def site(self) -> LesionSite | None:
        """The marked site, or None."""
        return self._site

    def set_site(self, site: LesionSite | None) -> None:
        """Show ``site`` without emitting siteChanged."""
        self._site = site
        self.update()

    def set_other_sites(self, sites: list[LesionSite]) -> None:
        """The patient's other lesions, drawn faintly so the same spot is recognised."""
        self._others = list(sites)
        self.update()

    def set_editable(self, editable: bool) -> None:
        """Allow or forbid marking."""
        self._editable = editable

    # -- geometry ------------------------------------------------------------------------------

    def _boxes(self) -> dict[str, QRectF]:
        """Where each view is drawn: two boxes of the silhouette's aspect ratio, side by side."""
        margin, title = 6.0, 18.0
        w = (self.width() - 3 * margin) / 2
        h = self.height() - 2 * margin - title
        box_h = min(h, w / bodymap.ASPECT)
        box_w = box_h * bodymap.ASPECT
        out = {}
        for i, view in enumerate(bodymap.VIEWS):
            cx = margin + w * i + margin * i + w / 2
            out[view] = QRectF(cx - box_w / 2, margin + title, box_w, box_h)
        return out

    def hit(self, pos: QPointF) -> tuple[str, float, float] | None:
        """The (view, x, y) under a widget position when it is on the body, else None."""
        for view, box in self._boxes().items():
            if box.contains(pos):
                x = (pos.x() - box.left()) / box.width()
                y = (pos.y() - box.top()) / box.height()
                if bodymap.contains(view, x, y):
                    return view, round(x, 4), round(y, 4)
        return None

    def widget_point(self, view: str, x: float, y: float) -> QPointF:
        """Widget coordinates of a normalised point (tests click there)."""
        box = self._boxes()[view]
        return QPointF(box.left() + x * box.width(), box.top() + y * box.height())

    # -- events --------------------------------------------------------------------------------

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if not self._editable or event.button() != Qt.MouseButton.LeftButton:
            return
        found = self.hit(event.position())
        if found is None:
            return
        view, x, y = found
        self._site = LesionSite(view, x, y, code=bodymap.site_code(view, x, y))
        self.update()
        self.siteChanged.emit(self._site)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        found = self.hit(event.position())
        if found is not None:
            QToolTip.showText(event.globalPosition().toPoint(), bodymap.region_name(*found, self.lang), self)
        else:
            QToolTip.hideText()

    def paintEvent(self, event) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        fill = QColor("#f3e2d6")
        line = QPen(QColor("#7a5a48"), 1.4)
        detail = QPen(QColor("#b08f7c"), 1.0)
        for view, box in self._boxes().items():
            path = QPainterPath()
            pts = [
                QPointF(box.left() + x * box.width(), box.top() + y * box.height()) for x, y in bodymap.outline(view)
            ]
            path.moveTo(pts[0])
            for pt in pts[1:]:
                path.lineTo(pt)
            path.closeSubpath()
            p.setPen(line)
            p.setBrush(fill)
            p.drawPath(path)
            p.setPen(detail)
            for poly in bodymap.details(view):
                for (x0, y0), (x1, y1) in zip(poly, poly[1:], strict=False):
                    p.drawLine(
                        QPointF(box.left() + x0 * box.width(), box.top() + y0 * box.height()),
                        QPointF(box.left() + x1 * box.width(), box.top() + y1 * box.height()),
                    )
            p.setPen(pal.color(pal.ColorRole.WindowText))
            title_rect = QRectF(box.left() - 20, box.top() - 18, box.width() + 40, 16)
            p.drawText(title_rect, Qt.AlignmentFlag.AlignCenter, bodymap.view_title(view, self.lang))
            for letter, x in bodymap.side_markers(view, self.lang):
                p.drawText(QPointF(box.left() + x * box.width() - 4, box.top() + 0.12 * box.height()), letter)
            for other in self._others:
                if other.view == view:
                    self._dot(p, box, other, QColor(120, 120, 120, 160), MARK_RADIUS - 2)
            if self._site is not None and self._site.view == view:
                self._dot(p, box, self._site, QColor("#d0021b"), MARK_RADIUS)
        p.end()

    def _dot(self, p: QPainter, box: QRectF, site: LesionSite, color: QColor, radius: float) -> None:
        c = QPointF(box.left() + site.x * box.width(), box.top() + site.y * box.height())
        p.setPen(QPen(Qt.GlobalColor.white, 1.5))
        p.setBrush(color)
        p.drawEllipse(c, radius, radius)
