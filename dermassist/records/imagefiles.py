"""Content-addressed image files: ``images/<sha256><ext>``, written by write-fsync-rename."""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from dermassist.hashing import sha256_file

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


def import_image(folder: Path, source: Path | bytes, label: str) -> StoredFile:
    """Copy ``source`` (a file or its bytes) into ``folder`` under its sha256 once it decodes as an image.

    The file is streamed (never held in memory whole) into a temporary file in ``folder`` while it
    is hashed; only a regular file within the size limit of :mod:`dermassist.imaging.limits` is
    read, so a FIFO or a 3 GB padded file is refused at once. The same content stored twice is one
    file; an existing file whose content does not match its name (damaged disk, manual edit) is
    replaced by the good copy. Raises ImageLoadError (one line).
    """
    from dermassist.imaging.limits import MAX_FILE_BYTES
    from dermassist.imaging.loading import (  # numpy and Pillow load only when needed
        ImageLoadError,
        load_image,
        open_source,
    )

    folder.mkdir(parents=True, exist_ok=True)
    src = open_source(source, label)
    fd, tmp_name = tempfile.mkstemp(prefix=TMP_PREFIX, dir=folder)
    tmp = Path(tmp_name)
    try:
        h, size = hashlib.sha256(), 0
        with src, os.fdopen(fd, "wb") as out:
            for chunk in iter(lambda: src.read(1 << 20), b""):
                size += len(chunk)
                if size > MAX_FILE_BYTES:  # the file grew while it was read
                    raise ImageLoadError(f"{label}: file is over the {MAX_FILE_BYTES // (1024 * 1024)} MB limit")
                h.update(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        # A reduced-scale decode proves the file is a readable image without paying for a full decode
        # (load_image keeps DRAFT_MARGIN x min_size pixels, so this decodes to about 256 px).
        loaded = load_image(tmp, min_size=(64, 64), name=label)
        width, height = loaded.original_size
        if (loaded.size[0] > loaded.size[1]) != (width > height):
            width, height = height, width  # EXIF rotation
        digest = h.hexdigest()
        ext = FORMAT_EXT.get(loaded.format.upper(), "." + loaded.format.lower() if loaded.format else ".img")
        target = folder / (digest + ext)
        if target.is_file() and sha256_file(target) == digest:
            tmp.unlink()
        else:
            os.replace(tmp, target)
            _fsync_dir(folder)
    except OSError as exc:
        raise ImageLoadError(f"{label}: cannot store the picture ({exc.strerror or exc})") from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    return StoredFile(digest, target.name, int(width), int(height), size)


def verify_file(path: Path, sha256: str) -> bool:
    """True when ``path`` exists and its content hashes to ``sha256``."""
    try:
        return sha256_file(path) == sha256
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
