"""Clean up what a crash during a send or an enqueue left behind, and only what is provably abandoned.

Removed when older than ``MIN_AGE_S`` (so a package another process is writing right now is left
alone): half-built package folders (``outbox/.tmp-*``, the name :func:`build_package` gives them),
package folders no outbox row names (the process died between renaming the folder and committing
the row), image files no ``images`` row names (died between writing the file and its row) and
partial image writes. The counts and sizes go to the log.
"""

from __future__ import annotations

import logging
import re
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from dermassist.records.imagefiles import TMP_PREFIX
from dermassist.records.store import RecordStore
from dermassist.transfer.outbox import outbox_root

MIN_AGE_S = 600.0
_IMAGE_NAME = re.compile(r"^[0-9a-f]{64}\.[a-z0-9]{2,5}$")
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Cleanup:
    """What was removed."""

    temp_packages: int = 0
    orphan_packages: int = 0
    orphan_images: int = 0
    partial_images: int = 0
    bytes_freed: int = 0

    @property
    def total(self) -> int:
        """Number of folders and files removed."""
        return self.temp_packages + self.orphan_packages + self.orphan_images + self.partial_images


def _size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _old(path: Path, cutoff: float) -> bool:
    try:
        return path.stat().st_mtime < cutoff
    except OSError:
        return False


def _remove(path: Path) -> int:
    """Delete a file or folder; the bytes freed (0 when it could not be removed)."""
    try:
        size = _size(path)
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink()
    except OSError as exc:
        log.warning("leftover %s could not be removed: %s", path.name, exc)
        return 0
    return size or 1  # count an empty leftover as removed


def clean_leftovers(store: RecordStore, *, now: float | None = None, min_age_s: float = MIN_AGE_S) -> Cleanup:
    """Remove abandoned package folders and image files; logs and returns the counts."""
    cutoff = (time.time() if now is None else now) - min_age_s
    with store.transaction() as conn:
        packages = {str(r[0]) for r in conn.execute("SELECT package_dir FROM outbox")}
        images = {str(r[0]) for r in conn.execute("SELECT filename FROM images")}
    counts = {"temp_packages": 0, "orphan_packages": 0, "orphan_images": 0, "partial_images": 0}
    freed = 0
    root = outbox_root(store)
    candidates: list[tuple[str, Path]] = []
    if root.is_dir():
        for entry in root.iterdir():
            if entry.name.startswith(".tmp-"):
                candidates.append(("temp_packages", entry))
            elif entry.is_dir() and entry.name not in packages and not entry.name.startswith("."):
                candidates.append(("orphan_packages", entry))
    if store.images_dir.is_dir():
        for entry in store.images_dir.iterdir():
            if entry.name.startswith(TMP_PREFIX):
                candidates.append(("partial_images", entry))
            elif _IMAGE_NAME.match(entry.name) and entry.name not in images:
                candidates.append(("orphan_images", entry))
    for kind, path in candidates:
        if _old(path, cutoff):
            removed = _remove(path)
            if removed:
                counts[kind] += 1
                freed += removed
    result = Cleanup(**counts, bytes_freed=freed)
    if result.total:
        log.info(
            "crash leftovers removed: %d temporary package folder(s), %d orphan package folder(s), "
            "%d orphan image file(s), %d partial image file(s); %.1f MB freed",
            result.temp_packages,
            result.orphan_packages,
            result.orphan_images,
            result.partial_images,
            freed / 1e6,
        )
    return result
