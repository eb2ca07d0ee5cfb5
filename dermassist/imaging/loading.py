"""Load any common image file as 8-bit RGB, safely and, for large JPEGs, at reduced scale."""

from __future__ import annotations

import io
import warnings
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from dermassist.imaging.limits import (
    FileRefused,
    check_decoded,
    check_size,
    decode_reservation,
    display_name,
    open_regular,
    printable,
)

# 80 MP covers every dermatoscope and phone camera; a 20000 x 20000 file is refused before decoding.
MAX_PIXELS = 80_000_000
SUPPORTED_SUFFIXES = (".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp", ".webp")

# A JPEG is decoded at reduced DCT scale only down to DRAFT_MARGIN x the size asked for: from there
# the model's area resize gives the pixels of a full decode to within 2 grey levels (mean 0.12) on
# the ISIC full-resolution photographs (benchmarks/decode_consistency.py), whereas decoding straight
# to the model size changed pixels by up to 149 levels and the probability by up to 21 points.
DRAFT_MARGIN = 4

# Pillow's own bomb check would only warn below 2x its limit; we do our own check and keep Pillow quiet.
Image.MAX_IMAGE_PIXELS = None


_LUT16 = np.round(np.arange(65536, dtype=np.float64) / 65535.0 * 255.0).astype(np.uint8)


class ImageLoadError(ValueError):
    """An image could not be read; the message is one line and names the file."""


@dataclass(frozen=True)
class LoadedImage:
    """A decoded picture: ``rgb`` is HxWx3 uint8; ``original_size`` is (width, height) on disk."""

    source: str
    rgb: np.ndarray
    original_size: tuple[int, int]
    format: str
    reduced: bool = False

    @property
    def size(self) -> tuple[int, int]:
        """(width, height) of the decoded pixels."""
        return (int(self.rgb.shape[1]), int(self.rgb.shape[0]))


def _to_rgb(img: Image.Image) -> Image.Image:
    mode = img.mode
    if mode == "RGB":
        return img
    if mode in ("I;16", "I;16B", "I;16L", "I;16N", "I", "F"):
        if mode.startswith("I;16"):
            # A lookup table: no float copies of a large 16-bit picture (2 bytes in, 1 byte out per pixel).
            arr8 = _LUT16[np.asarray(img).astype(np.uint16, copy=False)]
        else:
            arr = np.asarray(img, dtype=np.float32)
            top = 65535.0 if arr.max() > 255 else 255.0
            arr8 = np.clip(arr / top * 255.0 + 0.5, 0, 255).astype(np.uint8)
        return Image.fromarray(arr8, "L").convert("RGB")
    if mode in ("P", "PA", "LA", "RGBA", "La", "RGBa") or "transparency" in img.info:
        rgba = img.convert("RGBA")
        # Transparent areas become white, as a viewer would show them.
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(background, rgba).convert("RGB")
    return img.convert("RGB")




def load_image(
    source: str | Path | bytes,
    *,
    min_size: tuple[int, int] | None = None,
    name: str | None = None,
) -> LoadedImage:
    """Decode ``source`` (a path or the bytes of a file) as RGB with EXIF orientation applied.

    ``min_size`` (width, height) lets a large JPEG be decoded at 1/2, 1/4 or 1/8 scale when the
    result is still at least ``DRAFT_MARGIN`` times that big, so a 12 MP photograph for a
    224-pixel model costs a fraction of a full decode while the model sees the same pixels.
    Raises ``ImageLoadError`` with a one-line message naming the file.
    """
    label = printable(name or (display_name(source) if not isinstance(source, bytes) else "<image data>"))
    try:
        fh = open_source(source, label)
        try:
            with _reserve_memory(fh, min_size):
                return _decode(fh, label, min_size)
        finally:
            fh.close()
    except ImageLoadError:
        raise
    except FileRefused as exc:
        raise ImageLoadError(f"{label}: {exc}") from None
    except UnidentifiedImageError:
        raise ImageLoadError(f"{label}: not a recognised image file (JPEG, PNG, TIFF, BMP or WebP)") from None
    except (OSError, SyntaxError, ValueError, EOFError, Image.DecompressionBombError) as exc:
        msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        if "truncated" in msg.lower():
            msg = "file is truncated or damaged"
        raise ImageLoadError(f"{label}: cannot decode image ({msg})") from None
    except MemoryError:
        raise ImageLoadError(f"{label}: image too large to decode in available memory") from None


def open_source(source: str | Path | bytes, label: str) -> BinaryIO:
    """Open a picture's bytes or file for reading within the limits of :mod:`dermassist.imaging.limits`
    (a regular file under the size limit, never a FIFO). Raises ``ImageLoadError`` (one line)."""
    try:
        if isinstance(source, bytes):
            if not source:
                raise ImageLoadError(f"{label}: empty image data")
            check_size(len(source))
            return io.BytesIO(source)
        try:
            return open_regular(Path(source))
        except FileNotFoundError:
            raise ImageLoadError(f"{label}: no such file") from None
    except FileRefused as exc:
        raise ImageLoadError(f"{label}: {exc}") from None


def _reserve_memory(fh: BinaryIO, min_size: tuple[int, int] | None) -> AbstractContextManager[None]:
    """Check the header against the limits, then hold the decode's share of the memory budget."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        img = Image.open(fh)
        width, height = img.size
        if img.format == "JPEG" and min_size is not None:
            # The largest side wanted in both directions: never less than the reduced decode will need.
            side = max(min_size)
            img.draft("RGB", (side, side))
        check_decoded(img.format or "", img.mode, width, height)
        reservation = decode_reservation(img.mode, *img.size)
    fh.seek(0)
    return reservation


def _decode(fh: BinaryIO, label: str, min_size: tuple[int, int] | None) -> LoadedImage:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        img: Image.Image = Image.open(fh)
        fmt = img.format or "unknown"
        width, height = img.size
        if width * height > MAX_PIXELS:
            raise ImageLoadError(
                f"{label}: image is {width}x{height} pixels, over the {MAX_PIXELS // 1_000_000} MP safety limit"
            )
        if width == 0 or height == 0:
            raise ImageLoadError(f"{label}: image has no pixels")
        reduced = False
        if min_size is not None and fmt == "JPEG":
            want_w, want_h = min_size[0] * DRAFT_MARGIN, min_size[1] * DRAFT_MARGIN
            orientation = img.getexif().get(0x0112, 1)
            if orientation in (5, 6, 7, 8):
                want_w, want_h = want_h, want_w
            before = img.size
            img.draft("RGB", (want_w, want_h))
            reduced = img.size != before
        img.load()
        img = ImageOps.exif_transpose(img) or img
        rgb = np.ascontiguousarray(np.asarray(_to_rgb(img), dtype=np.uint8))
    if rgb.ndim != 3 or rgb.shape[2] != 3:
        raise ImageLoadError(f"{label}: unexpected pixel layout {rgb.shape}")
    return LoadedImage(source=label, rgb=rgb, original_size=(width, height), format=fmt, reduced=reduced)


def is_image_path(path: Path) -> bool:
    """True when the suffix is one DermAssist reads."""
    return path.suffix.lower() in SUPPORTED_SUFFIXES


def expand_inputs(inputs: list[Path]) -> list[Path]:
    """Files as given plus image files found (recursively, sorted) in given folders."""
    out: list[Path] = []
    for item in inputs:
        if item.is_dir():
            out.extend(sorted(p for p in item.rglob("*") if p.is_file() and is_image_path(p)))
        else:
            out.append(item)
    return out
