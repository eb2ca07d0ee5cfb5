"""Drawn pieces of the referral: the body-map thumbnail and dermoscopy pictures embedded as they are."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable

from dermassist.imaging import bodymap
from dermassist.imaging.jpeg_metadata import JpegStructureError, is_jpeg, strip_jpeg_metadata
from dermassist.records.models import LesionSite
from dermassist.reports import fonts

MARK = colors.HexColor("#c62828")
INK = colors.HexColor("#222222")
FAINT = colors.HexColor("#9e9e9e")

# EXIF orientation -> affine matrix (a, b, c, d, e, f) taking the stored picture, drawn in a
# (stored width x stored height) box, to how it should be seen in a (display w x display h) box.
# e/f are in units of the display box: (ex, ey) multiply display width and height.
_ORIENT: dict[int, tuple[float, float, float, float, float, float]] = {
    1: (1, 0, 0, 1, 0, 0),
    2: (-1, 0, 0, 1, 1, 0),
    3: (-1, 0, 0, -1, 1, 1),
    4: (1, 0, 0, -1, 0, 1),
    5: (0, -1, -1, 0, 1, 1),
    6: (0, -1, 1, 0, 0, 1),
    7: (0, 1, 1, 0, 0, 0),
    8: (0, 1, -1, 0, 1, 0),
}


class BodyMapThumbnail(Flowable):  # type: ignore[misc]
    """Front and back silhouettes side by side, with the lesion site marked on its view."""

    def __init__(self, site: LesionSite | None, lang: str, height: float = 58 * mm) -> None:
        super().__init__()
        self.site = site
        self.lang = lang
        self.fig_h = height - 9 * mm  # room for the view titles
        self.fig_w = self.fig_h * bodymap.ASPECT
        self.gap = 4 * mm
        self.width = 2 * self.fig_w + self.gap
        self.height = height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        for i, view in enumerate(bodymap.VIEWS):
            x0 = i * (self.fig_w + self.gap)
            marked = self.site is not None and self.site.view == view
            self._figure(x0, view, marked)

    def _figure(self, x0: float, view: str, marked: bool) -> None:
        c = self.canv
        w, h = self.fig_w, self.fig_h
        top = self.fig_h + 2 * mm

        def at(x: float, y: float) -> tuple[float, float]:
            return x0 + x * w, top - y * h

        c.saveState()
        c.setFont(fonts.BOLD if marked else fonts.REGULAR, 7.5)
        c.setFillColor(INK)
        c.drawCentredString(x0 + w / 2, self.height - 3 * mm, bodymap.view_title(view, self.lang))
        c.setFont(fonts.REGULAR, 6.5)
        c.setFillColor(FAINT)
        for letter, x in bodymap.side_markers(view, self.lang):
            c.drawCentredString(*_shift(at(x, 0.04), 0, -1), letter)
        path = c.beginPath()
        pts = bodymap.outline(view)
        path.moveTo(*at(*pts[0]))
        for p in pts[1:]:
            path.lineTo(*at(*p))
        path.close()
        c.setStrokeColor(INK if marked else FAINT)
        c.setFillColor(colors.HexColor("#f4efe9"))
        c.setLineWidth(0.8 if marked else 0.5)
        c.drawPath(path, stroke=1, fill=1)
        c.setLineWidth(0.35)
        for line in bodymap.details(view):
            c.lines([(*at(*a), *at(*b)) for a, b in zip(line, line[1:], strict=False)])
        if marked and self.site is not None:
            px, py = at(self.site.x, self.site.y)
            c.setStrokeColor(MARK)
            c.setFillColor(MARK)
            c.setLineWidth(1.0)
            c.circle(px, py, 2.3 * mm, stroke=1, fill=0)
            c.circle(px, py, 0.7 * mm, stroke=0, fill=1)
            arm = 3.6 * mm
            c.lines([(px - arm, py, px - 1.4 * mm, py), (px + 1.4 * mm, py, px + arm, py)])
            c.lines([(px, py - arm, px, py - 1.4 * mm), (px, py + 1.4 * mm, px, py + arm)])
        c.restoreState()


def _shift(p: tuple[float, float], dx: float, dy: float) -> tuple[float, float]:
    return p[0] + dx, p[1] + dy


@dataclass(frozen=True)
class PictureInfo:
    """Pixel size of a stored picture and its EXIF orientation (1 = as stored)."""

    width: int
    height: int
    orientation: int

    @property
    def display_size(self) -> tuple[int, int]:
        """(width, height) as the picture should be seen."""
        return (self.height, self.width) if self.orientation in (5, 6, 7, 8) else (self.width, self.height)


def picture_info(path: Path) -> PictureInfo:
    """Read a picture's header (no full decode). Raises OSError/ValueError for an unreadable file."""
    from PIL import Image

    with Image.open(path) as im:
        width, height = im.size
        try:
            orientation = int(im.getexif().get(0x0112, 1))
        except Exception:  # a damaged EXIF block must not stop the referral
            orientation = 1
    return PictureInfo(width, height, orientation if orientation in _ORIENT else 1)


def picture_source(path: Path) -> str | ImageReader:
    """What ``drawImage`` embeds: a JPEG's own coded data without its metadata (EXIF, XMP, comments).

    reportlab copies a JPEG into the PDF as it is, so its metadata would travel in the referral;
    the stripped copy decodes to the very same pixels. Other formats are decoded by reportlab and
    carry no metadata into the PDF.
    """
    try:
        data = path.read_bytes()
    except OSError:
        return str(path)  # reportlab reports the missing file
    if not is_jpeg(data):
        return str(path)
    try:
        return ImageReader(io.BytesIO(strip_jpeg_metadata(data)))
    except JpegStructureError:  # segments not walkable (e.g. cut short): embed decoded pixels instead
        from PIL import Image

        try:
            with Image.open(io.BytesIO(data)) as img:
                return ImageReader(img.convert("RGB"))
        except Exception:
            return str(path)


class Picture(Flowable):  # type: ignore[misc]
    """A picture file drawn at up to ``max_w`` x ``max_h``, keeping its aspect ratio.

    reportlab embeds a JPEG's coded data unchanged (DCTDecode), so dermoscopy JPEGs keep their
    full resolution and quality (their metadata removed: :func:`picture_source`); other formats
    are embedded losslessly. The EXIF orientation, read from the original file, is applied as a
    drawing transform rather than by re-encoding the picture.
    """

    def __init__(self, path: Path, info: PictureInfo, max_w: float, max_h: float) -> None:
        super().__init__()
        self.path = path
        self.info = info
        dw, dh = info.display_size
        scale = min(max_w / dw, max_h / dh)
        self.width = dw * scale
        self.height = dh * scale

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        a, b, cc, d, ex, ey = _ORIENT[self.info.orientation]
        rotated = self.info.orientation in (5, 6, 7, 8)
        sw, sh = (self.height, self.width) if rotated else (self.width, self.height)
        c.saveState()
        c.transform(a, b, cc, d, ex * self.width, ey * self.height)
        c.drawImage(picture_source(self.path), 0, 0, sw, sh)
        c.restoreState()
        c.saveState()
        c.setStrokeColor(FAINT)
        c.setLineWidth(0.4)
        c.rect(0, 0, self.width, self.height, stroke=1, fill=0)
        c.restoreState()
