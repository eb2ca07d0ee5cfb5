"""Content-addressed image files: ``images/<sha256><ext>``, written by write-fsync-rename."""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

# File extension from the decoded format, not from the name the user gave the file.
FORMAT_EXT = {"JPEG": ".jpg", "PNG": ".png", "TIFF": ".tif", "BMP": ".bmp", "WEBP": ".webp", "MPO": ".jpg"}
TMP_PREFIX = ".partial-"


@dataclass(frozen=True)
class StoredFile:
    """A file now present in the image folder."""

    sha256: str
    filename: str
    width: int
    height: int
    byte_size: int


def _fsync_dir(folder: Path) -> None:
    # Makes the rename itself durable; not possible (nor needed) on Windows.
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that ``path`` is either absent or complete, even after a crash."""
    fd, tmp = tempfile.mkstemp(prefix=TMP_PREFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(path.parent)


def read_source(source: Path | bytes, original_name: str = "") -> tuple[bytes, str]:
    """The bytes of ``source`` and a label for messages. Raises ImageLoadError (one line)."""
    from dermassist.imaging.loading import ImageLoadError

    if isinstance(source, bytes):
        return source, original_name or "<image data>"
    path = Path(source)
    try:
        return path.read_bytes(), str(path)
    except FileNotFoundError:
        raise ImageLoadError(f"{path}: no such file") from None
    except OSError as exc:
        raise ImageLoadError(f"{path}: cannot read ({exc.strerror or exc})") from None


def store_image(folder: Path, data: bytes, label: str) -> StoredFile:
    """Check that ``data`` decodes as an image, then place it in ``folder`` under its sha256.

    The same content stored twice is one file. An existing file whose content does not match
    its name (damaged disk, manual edit) is replaced by the good copy.
    """
    from dermassist.imaging.loading import load_image  # numpy and Pillow load only when needed

    # A reduced-scale decode proves the file is a readable image without paying for a full decode.
    loaded = load_image(data, min_size=(256, 256), name=label)
    width, height = loaded.original_size
    if (loaded.size[0] > loaded.size[1]) != (width > height):
        width, height = height, width  # EXIF rotation
    digest = hashlib.sha256(data).hexdigest()
    ext = FORMAT_EXT.get(loaded.format.upper(), "." + loaded.format.lower() if loaded.format else ".img")
    filename = digest + ext
    target = folder / filename
    if not (target.is_file() and _sha256_file(target) == digest):
        folder.mkdir(parents=True, exist_ok=True)
        atomic_write(target, data)
    return StoredFile(digest, filename, int(width), int(height), len(data))


def _sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def verify_file(path: Path, sha256: str) -> bool:
    """True when ``path`` exists and its content hashes to ``sha256``."""
    try:
        return _sha256_file(path) == sha256
    except OSError:
        return False


def remove_stale_partials(folder: Path, older_than_s: float = 3600.0) -> int:
    """Delete temporary files left by a crash mid-write (never a complete image); returns the count."""
    if not folder.is_dir():
        return 0
    removed = 0
    cutoff = time.time() - older_than_s
    for tmp in folder.glob(TMP_PREFIX + "*"):
        try:
            if tmp.stat().st_mtime < cutoff:
                tmp.unlink()
                removed += 1
        except OSError:
            pass
    return removed
