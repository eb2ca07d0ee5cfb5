"""Assemble the referral's pages: document template, running footer with "Page X of Y", metadata."""

from __future__ import annotations

import io
import threading
from typing import Any

from reportlab import rl_config
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from dermassist import __version__
from dermassist.reports import fonts
from dermassist.reports.inputs import ReferralInput
from dermassist.reports.layout import CONTENT_W, MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, MUTED, PAGE_H, PAGE_W, RULE
from dermassist.reports.results import images_block, result_block
from dermassist.reports.sections import (
    header,
    intended_use_block,
    notes_block,
    patient_block,
    referral_number,
    signature_block,
    title_block,
)
from dermassist.reports.strings import fmt_datetime, t

# rl_config is process-wide; rendering holds this lock while it switches ASCII85 off.
_render_lock = threading.Lock()


def fit(value: str, font: str, size: float, width: float) -> str:
    """``value`` shortened with an ellipsis so it fits ``width`` points (for one-line footers)."""
    if stringWidth(value, font, size) <= width:
        return value
    while value and stringWidth(value + "…", font, size) > width:
        value = value[:-1]
    return value.rstrip() + "…"


class _FooterCanvas(Canvas):  # type: ignore[misc]
    """A canvas that holds pages back until the end so every footer can say "Page X of Y"."""

    def __init__(self, *args: Any, footer: tuple[str, str, str] = ("", "", ""), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._footer = footer
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802  (reportlab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._draw_footer(number, total)
            super().showPage()
        super().save()

    def _draw_footer(self, number: int, total: int) -> None:
        running, generated, page_tpl = self._footer
        page = page_tpl.format(page=number, total=total)
        y = MARGIN_BOTTOM - 8 * mm
        self.saveState()
        self.setStrokeColor(RULE)
        self.setLineWidth(0.5)
        self.line(MARGIN_X, y + 4 * mm, PAGE_W - MARGIN_X, y + 4 * mm)
        self.setFillColor(MUTED)
        self.setFont(fonts.BOLD, 7.5)
        page_w = stringWidth(page, fonts.BOLD, 7.5)
        self.drawRightString(PAGE_W - MARGIN_X, y, page)
        self.setFont(fonts.REGULAR, 7.5)
        self.drawString(MARGIN_X, y, fit(running, fonts.REGULAR, 7.5, CONTENT_W - page_w - 6 * mm))
        self.setFont(fonts.REGULAR, 6.5)
        self.drawString(MARGIN_X, y - 3.2 * mm, fit(generated, fonts.REGULAR, 6.5, CONTENT_W))
        self.restoreState()


def story(data: ReferralInput) -> list[Flowable]:
    """All flowables of the referral, top to bottom."""
    return [
        *header(data),
        *title_block(data),
        *patient_block(data),
        *images_block(data),
        *result_block(data),
        *notes_block(data),
        *intended_use_block(data),
        *signature_block(data),
    ]


def build_pdf(data: ReferralInput) -> bytes:
    """The referral as PDF bytes (A4, fonts embedded, title/author/subject/language set)."""
    fonts.register_fonts()
    lang = data.lang
    number = referral_number(data)
    name = data.patient.full_name.strip()
    footer = (
        t(lang, "running", number=number, name=name),
        t(lang, "generated", version=__version__, when=fmt_datetime(lang, data.generated_at)),
        t(lang, "page", page="{page}", total="{total}"),
    )
    author = (
        data.examination.referring_doctor.strip()
        or data.settings.doctor_name.strip()
        or data.settings.clinic_name.strip()
        or "DermAssist"
    )

    def canvasmaker(*args: Any, **kwargs: Any) -> _FooterCanvas:
        return _FooterCanvas(*args, footer=footer, **kwargs)

    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf,
        pagesize=(PAGE_W, PAGE_H),
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=t(lang, "meta_title", number=number, name=name),
        author=author,
        subject=t(lang, "meta_subject"),
        creator=f"DermAssist {__version__}",
        keywords=["referral", "dermoscopy", "decision support"],
        lang=lang,
        initialFontName=fonts.REGULAR,
        initialFontSize=9,
        displayDocTitle=True,
    )
    frame = Frame(
        MARGIN_X,
        MARGIN_BOTTOM,
        CONTENT_W,
        PAGE_H - MARGIN_TOP - MARGIN_BOTTOM,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    with _render_lock:
        saved = rl_config.useA85
        rl_config.useA85 = 0  # binary streams: JPEG bytes go in exactly as stored
        try:
            doc.build(story(data), canvasmaker=canvasmaker)
        finally:
            rl_config.useA85 = saved
    return buf.getvalue()
