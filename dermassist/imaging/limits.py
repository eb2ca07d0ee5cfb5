"""Limits that keep a hostile or broken file from hanging the program or exhausting its memory.

- Only regular files are read (a FIFO, a device or a socket would block or never end), opened
  without following the read into anything else; a symbolic-link loop is a one-line error.
- A file over :data:`MAX_FILE_BYTES` is refused before it is read: an uncompressed 80 MP picture
  is 240 MB, so a bigger file is padding, not pixels (1 KB of JPEG followed by 3 GB of zeros).
- The decoded raster, counted in bytes (width x height x channels x bytes per channel, so a 16-bit
  picture counts twice), must stay under :data:`MAX_DECODED_BYTES`.
- Decodes running at the same time (the worker threads of ``classify``) share a working-memory
  budget, :data:`DECODE_BUDGET_BYTES`: a decode that would overrun it waits for the others.
- Names that are not valid UTF-8 (bytes from another system's file name encoding) are shown with
  replacement characters instead of breaking the output.
"""

from __future__ import annotations

import contextlib
import os
import stat
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

MAX_FILE_BYTES = 256 * 1024 * 1024
MAX_DECODED_BYTES = 256 * 1024 * 1024
DECODE_BUDGET_BYTES = 1536 * 1024 * 1024
# Working memory of one decode per pixel beyond its raster: Pillow's copies, the RGB array, EXIF rotation.
WORK_BYTES_PER_PIXEL = 12
# Formats read (Pillow's names). GIF, ICO, TGA and the rest are refused even when renamed to .jpg.
ALLOWED_FORMATS = frozenset({"JPEG", "MPO", "PNG", "TIFF", "BMP", "WEBP"})


def display_name(path: str | os.PathLike[str] | bytes) -> str:
    """``path`` as text that can always be printed or stored (undecodable bytes become U+FFFD)."""
    raw = os.fsencode(path)
    return raw.decode("utf-8", errors="replace")


def printable(text: str) -> str:
    """``text`` with lone surrogates (undecodable file-name bytes) replaced, safe for any UTF-8 stream."""
    return text.encode("utf-8", errors="surrogateescape").decode("utf-8", errors="replace")


class FileRefused(ValueError):
    """A file is not something DermAssist reads; the message is one line without the file's name."""


def open_regular(path: Path) -> BinaryIO:
    """Open ``path`` for reading when it is a non-empty regular file within :data:`MAX_FILE_BYTES`.

    The open itself never blocks (O_NONBLOCK keeps a FIFO from waiting for a writer). Raises
    FileRefused or FileNotFoundError.
    """
    nonblock = getattr(os, "O_NONBLOCK", 0)
    flags = os.O_RDONLY | nonblock | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise FileRefused(f"cannot open ({exc.strerror or exc})") from None
    try:
        st = os.fstat(fd)
        check_stat(st)
        if nonblock:
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def check_stat(st: os.stat_result) -> None:
    """Refuse what is not a regular file, is empty or is over the size limit."""
    if not stat.S_ISREG(st.st_mode):
        raise FileRefused("not a regular file (a folder, pipe, device or socket)")
    check_size(st.st_size)


def check_size(size: int) -> None:
    """Refuse empty data and data over :data:`MAX_FILE_BYTES`."""
    if size == 0:
        raise FileRefused("file is empty (0 bytes)")
    if size > MAX_FILE_BYTES:
        raise FileRefused(
            f"file is {size / 1e6:,.0f} MB, over the {MAX_FILE_BYTES // (1024 * 1024)} MB limit for one picture"
        )


def raster_bytes(mode: str, width: int, height: int) -> int:
    """Bytes of the decoded picture: pixels x channels x bytes per channel of the Pillow ``mode``."""
    from PIL import ImageMode

    try:
        info = ImageMode.getmode(mode)
        per_band = max(1, int(info.typestr[-1]))
        bands = len(info.bands)
    except (KeyError, ValueError):
        per_band, bands = 4, 4
    return width * height * bands * per_band


def check_decoded(fmt: str, mode: str, width: int, height: int) -> None:
    """Refuse formats DermAssist does not read and rasters over :data:`MAX_DECODED_BYTES`."""
    if fmt not in ALLOWED_FORMATS:
        raise FileRefused(f"{fmt or 'unknown'} pictures are not read (use JPEG, PNG, TIFF, BMP or WebP)")
    size = raster_bytes(mode, width, height)
    if size > MAX_DECODED_BYTES:
        raise FileRefused(
            f"the decoded picture ({width}x{height}, {mode}) would take {size / 1e6:,.0f} MB, "
            f"over the {MAX_DECODED_BYTES // (1024 * 1024)} MB safety limit"
        )


class _Budget:
    """Bytes of decode working memory in use by all threads; a decode waits until its share fits."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.used = 0
        self._cond = threading.Condition()

    @contextlib.contextmanager
    def reserve(self, amount: int) -> Iterator[None]:
        # One decode bigger than the whole budget still runs, alone.
        amount = min(amount, self.total)
        with self._cond:
            self._cond.wait_for(lambda: self.used + amount <= self.total)
            self.used += amount
        try:
            yield
        finally:
            with self._cond:
                self.used -= amount
                self._cond.notify_all()


_BUDGET = _Budget(DECODE_BUDGET_BYTES)


def decode_reservation(mode: str, width: int, height: int) -> contextlib.AbstractContextManager[None]:
    """Hold the working memory a decode of this size needs for the duration of a ``with`` block."""
    need = raster_bytes(mode, width, height) + width * height * WORK_BYTES_PER_PIXEL
    return _BUDGET.reserve(need)
