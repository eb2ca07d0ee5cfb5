"""The bundled DejaVu Sans fonts, registered with reportlab so every glyph (Latin and Cyrillic) is embedded."""

from __future__ import annotations

import threading

from dermassist.paths import resource

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}

_lock = threading.Lock()
_registered = False


class FontError(RuntimeError):
    """A bundled font file is missing or unreadable (a broken installation)."""


def register_fonts() -> None:
    """Register DejaVu Sans (regular and bold) once; italic maps to regular, bold italic to bold."""
    global _registered
    with _lock:
        if _registered:
            return
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFError, TTFont

        for name, filename in FILES.items():
            path = resource("fonts", filename)
            try:
                pdfmetrics.registerFont(TTFont(name, str(path)))
            except (OSError, TTFError) as exc:
                raise FontError(f"{path}: bundled font cannot be loaded ({exc}); reinstall DermAssist") from None
        for bold, italic, face in ((0, 0, REGULAR), (1, 0, BOLD), (0, 1, REGULAR), (1, 1, BOLD)):
            addMapping(REGULAR, bold, italic, face)
        _registered = True
