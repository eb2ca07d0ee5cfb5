"""Page geometry, paragraph styles and small table helpers shared by the referral's sections."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from dermassist.reports import fonts

PAGE_W, PAGE_H = A4
MARGIN_X = 15 * mm
MARGIN_TOP = 14 * mm
MARGIN_BOTTOM = 18 * mm  # room for the footer
CONTENT_W = PAGE_W - 2 * MARGIN_X

INK = colors.HexColor("#222222")
MUTED = colors.HexColor("#616161")
RULE = colors.HexColor("#bdbdbd")
SHADE = colors.HexColor("#f2f2f2")
ALERT_BG = colors.HexColor("#fde7e7")
ALERT_FG = colors.HexColor("#b71c1c")
URGENCY_BG = {"routine": SHADE, "soon": colors.HexColor("#fff3cd"), "urgent": ALERT_BG}


@lru_cache(maxsize=1)
def styles() -> dict[str, ParagraphStyle]:
    """The paragraph styles, all in the bundled DejaVu Sans."""
    fonts.register_fonts()
    base = ParagraphStyle("base", fontName=fonts.REGULAR, fontSize=9, leading=11.5, textColor=INK)
    return {
        "base": base,
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=9.5),
        "muted": ParagraphStyle("muted", parent=base, fontSize=7.5, leading=9.5, textColor=MUTED),
        "label": ParagraphStyle("label", parent=base, fontName=fonts.BOLD, fontSize=8, leading=10.5, textColor=MUTED),
        "value": ParagraphStyle("value", parent=base),
        "strong": ParagraphStyle("strong", parent=base, fontName=fonts.BOLD),
        "clinic": ParagraphStyle("clinic", parent=base, fontName=fonts.BOLD, fontSize=12, leading=14.5),
        "right": ParagraphStyle("right", parent=base, alignment=TA_RIGHT),
        "title": ParagraphStyle("title", parent=base, fontName=fonts.BOLD, fontSize=14, leading=17, spaceBefore=2),
        "h2": ParagraphStyle(
            "h2", parent=base, fontName=fonts.BOLD, fontSize=10.5, leading=13, spaceBefore=7, spaceAfter=3
        ),
        "decision": ParagraphStyle("decision", parent=base, fontName=fonts.BOLD, fontSize=10, leading=13),
        "urgency": ParagraphStyle(
            "urgency", parent=base, fontName=fonts.BOLD, fontSize=11, leading=13.5, alignment=TA_CENTER
        ),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=10.5),
        "cellc": ParagraphStyle("cellc", parent=base, fontSize=8.5, leading=10.5, alignment=TA_CENTER),
        "caption": ParagraphStyle("caption", parent=base, fontSize=7.5, leading=9.5, textColor=MUTED),
        "captionc": ParagraphStyle(
            "captionc", parent=base, fontSize=7.5, leading=9.5, textColor=MUTED, alignment=TA_CENTER
        ),
        "mono": ParagraphStyle("mono", parent=base, fontSize=7, leading=9),
    }


def styled(commands: list[tuple[Any, ...]]) -> TableStyle:
    """A table style whose plain-string cells use the bundled font (reportlab's default is Helvetica)."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR), *commands])


def text(value: str) -> str:
    """User text made safe for Paragraph markup; line breaks kept."""
    return escape(value).replace("\r\n", "\n").replace("\n", "<br/>")


def para(value: str, style: str = "base", markup: bool = False) -> Paragraph:
    """A paragraph of plain text (escaped) or, with ``markup``, of trusted reportlab markup."""
    return Paragraph(value if markup else text(value), styles()[style])


def heading(title: str) -> Paragraph:
    """A section heading."""
    return para(title, "h2")


def kv_table(rows: Sequence[tuple[str, str | Flowable]], label_w: float, width: float) -> Table:
    """Label/value rows; values wrap inside their column (long names never overflow)."""
    data = [
        [para(label, "label"), value if isinstance(value, Flowable) else para(value, "value")] for label, value in rows
    ]
    table = Table(data, colWidths=[label_w, width - label_w])
    table.setStyle(
        styled(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    return table


def boxed(content: list[Flowable] | Flowable, width: float, background: colors.Color = SHADE) -> Table:
    """Content in a shaded box of the given width."""
    table = Table([[content]], colWidths=[width])
    table.setStyle(
        styled(
            [
                ("BACKGROUND", (0, 0), (-1, -1), background),
                ("BOX", (0, 0), (-1, -1), 0.5, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return table


def grid_table(data: list[list[object]], col_widths: Sequence[float], header: bool = True) -> Table:
    """A ruled table with an optional shaded header row that repeats on a new page."""
    table = Table(data, colWidths=list(col_widths), repeatRows=1 if header else 0)
    style = [
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), SHADE))
    table.setStyle(styled(style))
    return table
