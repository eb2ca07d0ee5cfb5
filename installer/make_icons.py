"""Draw the application icon (a dermatoscope lens over a lesion) as PNG and ICO.

Run once after changing the design: ``python installer/make_icons.py``; the outputs are committed.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

HERE = Path(__file__).resolve().parent / "icons"


def draw(size: int = 1024) -> Image.Image:
    """The icon at ``size`` pixels (drawn large, then scaled down for smooth edges)."""
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    s = size / 256
    d.rounded_rectangle((8 * s, 8 * s, 248 * s, 248 * s), radius=48 * s, fill=(18, 110, 130, 255))
    d.ellipse((40 * s, 40 * s, 216 * s, 216 * s), fill=(238, 200, 180, 255))
    blob = Image.new("L", (size, size), 0)
    b = ImageDraw.Draw(blob)
    b.polygon([(x * s, y * s) for x, y in ((100, 92), (140, 84), (168, 110), (162, 150), (136, 172),
                                             (100, 166), (84, 134))], fill=255)
    blob = blob.filter(ImageFilter.GaussianBlur(6 * s))
    img.paste((96, 52, 36, 255), (0, 0), blob)
    d.ellipse((40 * s, 40 * s, 216 * s, 216 * s), outline=(255, 255, 255, 255), width=int(14 * s))
    return img


def main() -> None:
    """Write dermassist.png (256 px) and dermassist.ico (16-256 px)."""
    HERE.mkdir(exist_ok=True)
    big = draw()
    icon = big.resize((256, 256), Image.Resampling.LANCZOS)
    icon.save(HERE / "dermassist.png", optimize=True)
    icon.save(HERE / "dermassist.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128),
                                              (256, 256)])


if __name__ == "__main__":
    main()
