"""ROC and reliability plots drawn with Pillow (no plotting library needed at run time)."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

from dermassist.paths import resource

COLOURS = [(31, 119, 180), (214, 39, 40), (44, 160, 44), (148, 103, 189), (255, 127, 14)]


def _font(size: int):  # type: ignore[no-untyped-def]
    from PIL import ImageFont

    for candidate in (resource("fonts", "DejaVuSans.ttf"), Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")):
        if candidate.is_file():
            return ImageFont.truetype(str(candidate), size)
    return ImageFont.load_default()


def line_plot(
    path: Path,
    title: str,
    xlabel: str,
    ylabel: str,
    series: list[tuple[str, list[float], list[float]]],
    diagonal: bool = True,
    markers: list[tuple[str, float, float]] | None = None,
) -> None:
    """Save a square 0..1 x 0..1 line plot with a legend as PNG."""
    w = h = 640
    left, top, right, bottom = 80, 50, 20, 70
    img = Image.new("RGB", (w, h), "white")
    d = ImageDraw.Draw(img)
    f, fs = _font(16), _font(13)

    def xy(x: float, y: float) -> tuple[float, float]:
        return (left + x * (w - left - right), h - bottom - y * (h - top - bottom))

    for i in range(11):
        v = i / 10
        d.line([xy(v, 0), xy(v, 1)], fill=(235, 235, 235))
        d.line([xy(0, v), xy(1, v)], fill=(235, 235, 235))
        d.text((xy(v, 0)[0] - 10, h - bottom + 6), f"{v:.1f}", fill="black", font=fs)
        d.text((left - 34, xy(0, v)[1] - 8), f"{v:.1f}", fill="black", font=fs)
    d.rectangle([xy(0, 1), xy(1, 0)], outline="black")
    if diagonal:
        d.line([xy(0, 0), xy(1, 1)], fill=(150, 150, 150), width=1)
    for k, (label, xs, ys) in enumerate(series):
        colour = COLOURS[k % len(COLOURS)]
        d.line([xy(x, y) for x, y in zip(xs, ys, strict=True)], fill=colour, width=3)
        d.rectangle([xy(0.45, 0.3 - 0.06 * k), xy(0.49, 0.28 - 0.06 * k)], fill=colour)
        d.text((xy(0.51, 0.31 - 0.06 * k)), label, fill="black", font=fs)
    for label, x, y in markers or []:
        cx, cy = xy(x, y)
        d.ellipse([cx - 6, cy - 6, cx + 6, cy + 6], outline="black", width=2)
        d.text((cx + 9, cy - 8), label, fill="black", font=fs)
    d.text((left, 15), title, fill="black", font=f)
    d.text((w / 2 - 60, h - 30), xlabel, fill="black", font=f)
    label_img = Image.new("RGB", (300, 24), "white")
    ImageDraw.Draw(label_img).text((0, 0), ylabel, fill="black", font=f)
    img.paste(label_img.rotate(90, expand=True), (8, h // 2 - 150))
    img.save(path)
