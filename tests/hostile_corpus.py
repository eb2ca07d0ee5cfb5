"""Hostile and misleading input files, generated on the spot (cheap: large ones are sparse or streamed)."""

from __future__ import annotations

import io
import os
import struct
import zlib
from pathlib import Path

import numpy as np
from conftest import make_rgb
from PIL import Image, ImageDraw

# Files a reader must refuse with one line, and pictures it may decode but must not answer for bare.
REFUSED = (
    "zero.jpg", "truncated.jpg", "bomb.png", "padded_3gb.jpg", "fifo.jpg", "loop.jpg",
    "drawing.svg", "svg_renamed.png", "gif_renamed.jpg", "ico_renamed.jpg", "tga_renamed.jpg", "text.png",
    "short_png.png",
)  # fmt: skip
# The lying header (a 320 x 240 JPEG whose frame header claims 6000 x 4000) decodes as a grey picture.
DECODED = ("black_16bit_79mp.png", "landscape.jpg", "invoice.png", "lying_header.jpg")
# The first byte of this name is not UTF-8 (a Windows-1251 "Я"): a name from another system's encoding.
NON_UTF8 = b"\xdf-lesion.jpg"


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def _png_streamed(path: Path, width: int, height: int, bit_depth: int, colour: int, channels: int) -> None:
    """An all-zero PNG written row by row (a 79 MP 16-bit picture costs little memory to make)."""
    row = b"\0" * (1 + width * channels * bit_depth // 8)
    comp = zlib.compressobj(9)
    with open(path, "wb") as fh:
        fh.write(b"\x89PNG\r\n\x1a\n")
        fh.write(_png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, bit_depth, colour, 0, 0, 0)))
        data = bytearray()
        for _ in range(height):
            data += comp.compress(row)
        data += comp.flush()
        fh.write(_png_chunk(b"IDAT", bytes(data)))
        fh.write(_png_chunk(b"IEND", b""))


def _jpeg(rgb: np.ndarray) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(rgb).save(buf, "JPEG", quality=90)
    return buf.getvalue()


def _lie_about_size(jpeg: bytes, width: int, height: int) -> bytes:
    """The same JPEG with its frame header (SOF0) claiming another size."""
    i = jpeg.index(b"\xff\xc0")
    return jpeg[: i + 5] + struct.pack(">HH", height, width) + jpeg[i + 9 :]


def _invoice() -> Image.Image:
    page = Image.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(page)
    draw.text((80, 80), "INVOICE No 2025-0117", fill="black")
    for k in range(40):
        y = 200 + k * 34
        draw.line((80, y, 1160, y), fill=(120, 120, 120))
        draw.text((90, y + 8), f"Item {k:02d}  dermatoscope cover glass  x{k + 1}   {(k + 1) * 12.5:.2f}", fill="black")
    draw.rectangle((80, 1620, 1160, 1700), outline="black", width=3)
    return page


def _landscape() -> Image.Image:
    """Sky, hills and a lake: an ordinary photograph, not a skin picture."""
    h, w = 900, 1600
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    img = np.zeros((h, w, 3), np.float32)
    img[:] = np.stack([110 + 60 * yy / h, 160 + 50 * yy / h, 235 - 20 * yy / h], -1)  # sky
    hill = 420 + 80 * np.sin(xx / 170.0) + 40 * np.sin(xx / 53.0)
    ground = yy > hill
    rng = np.random.default_rng(3)
    img[ground] = np.array([60, 120, 50]) + rng.normal(0, 18, (int(ground.sum()), 3))
    lake = (yy > 700) & (np.abs(xx - 800) < 500 - (yy - 700))
    img[lake] = np.array([40, 80, 140]) + rng.normal(0, 8, (int(lake.sum()), 3))
    return Image.fromarray(np.clip(img, 0, 255).astype(np.uint8))


def make_corpus(folder: Path) -> dict[str, Path]:
    """Write every hostile file into ``folder``; returns name -> path (the FIFO and the loop included)."""
    folder.mkdir(parents=True, exist_ok=True)
    good = _jpeg(make_rgb(320, 240))
    files: dict[str, Path] = {}

    def put(name: str, data: bytes) -> None:
        (folder / name).write_bytes(data)
        files[name] = folder / name

    put("zero.jpg", b"")
    put("truncated.jpg", good[: len(good) // 3])
    put("lying_header.jpg", _lie_about_size(good, 6000, 4000))
    put("text.png", b"This is not a picture.\n" * 20)
    # A PNG whose header promises more rows than its data holds.
    buf = io.BytesIO()
    Image.fromarray(make_rgb(200, 200)).save(buf, "PNG")
    png = buf.getvalue()
    put("short_png.png", png[: len(png) // 2] + png[-12:])
    # Decompression bomb: 30000 x 30000 (900 MP) in a few hundred kilobytes.
    _png_streamed(folder / "bomb.png", 30000, 30000, 1, 0, 1)
    files["bomb.png"] = folder / "bomb.png"
    # 16-bit greyscale, 8900 x 8900 (79 MP), all black: a few hundred KB on disk, 158 MB decoded.
    _png_streamed(folder / "black_16bit_79mp.png", 8900, 8900, 16, 0, 1)
    files["black_16bit_79mp.png"] = folder / "black_16bit_79mp.png"
    # 1 KB of JPEG followed by 3 GB of zeros, as a sparse file (no disk space used).
    padded = folder / "padded_3gb.jpg"
    with open(padded, "wb") as fh:
        fh.write(good)
        fh.truncate(3 * 1024**3)
    files["padded_3gb.jpg"] = padded
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><circle r="40"/></svg>'
    put("drawing.svg", svg)
    put("svg_renamed.png", svg)
    for fmt, name in (("GIF", "gif_renamed.jpg"), ("ICO", "ico_renamed.jpg"), ("TGA", "tga_renamed.jpg")):
        buf = io.BytesIO()
        Image.fromarray(make_rgb(64, 64)).save(buf, fmt)
        put(name, buf.getvalue())
    buf = io.BytesIO()
    _landscape().save(buf, "JPEG", quality=90)
    put("landscape.jpg", buf.getvalue())
    buf = io.BytesIO()
    _invoice().save(buf, "PNG")
    put("invoice.png", buf.getvalue())
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "fifo.jpg")
        files["fifo.jpg"] = folder / "fifo.jpg"
    (folder / "loop.jpg").symlink_to(folder / "loop2.jpg")
    (folder / "loop2.jpg").symlink_to(folder / "loop.jpg")
    files["loop.jpg"] = folder / "loop.jpg"
    weird = Path(os.fsdecode(bytes(folder) + b"/" + NON_UTF8))
    weird.write_bytes(_jpeg(make_rgb(300, 240, seed=4)))
    files[os.fsdecode(NON_UTF8)] = weird
    return files
