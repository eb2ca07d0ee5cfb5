"""Back up a data folder: every SQLite database through SQLite's online backup API (a consistent
snapshot, safe while the application runs) and every other file copied and verified by sha256.

The backup is a folder. ``MANIFEST.json``, which lists each file with its size and sha256, is
written last, atomically (temporary file, fsync, rename): a backup interrupted at any point, even
by ``kill -9``, has no manifest and :mod:`dermassist.records.restore` refuses it. The source is
only read.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from dermassist import __version__
from dermassist.hashing import sha256_file as sha256_file
from dermassist.records.imagefiles import TMP_PREFIX

MANIFEST = "MANIFEST.json"
FORMAT = "dermassist-backup/1"
DB_SUFFIXES = (".sqlite3", ".sqlite", ".db")
# SQLite's companion files are folded into the snapshot; half-written temporary files are not data.
_SKIP_SUFFIXES = ("-wal", "-shm", "-journal", ".tmp")


class BackupError(RuntimeError):
    """The backup could not be made; the message is one line. The source is untouched."""


@dataclass(frozen=True)
class BackupResult:
    """A finished, verified backup."""

    folder: Path
    files: int
    databases: int
    total_bytes: int
    counts: dict[str, int]


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:
        pass  # a folder cannot be synced on Windows
    finally:
        os.close(fd)


def _copy_verified(src: Path, dst: Path, expected: str | None = None) -> tuple[str, int]:
    """Copy, fsync, then read the copy back; returns (sha256, size). ``expected`` checks the source."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    h, size = hashlib.sha256(), 0
    with open(src, "rb") as fin, open(dst, "xb") as fout:
        for chunk in iter(lambda: fin.read(1 << 20), b""):
            h.update(chunk)
            size += len(chunk)
            fout.write(chunk)
        fout.flush()
        os.fsync(fout.fileno())
    digest = h.hexdigest()
    if expected is not None and digest != expected:
        raise BackupError(f"{src}: its content does not match its sha256 (damaged in the data folder)")
    if sha256_file(dst) != digest:
        raise BackupError(f"{dst}: the copy differs from the original (write error on the backup drive?)")
    return digest, size


def _snapshot_db(src: Path, dst: Path) -> dict[str, Any]:
    """Online backup of one database, checked with integrity_check; returns its manifest entry."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(f"file:{src}?mode=ro", uri=True, timeout=30)
    try:
        target = sqlite3.connect(str(dst))
        try:
            source.backup(target, pages=256)
            target.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, no -wal beside it
            check = str(target.execute("PRAGMA integrity_check").fetchone()[0])
            tables = [r[0] for r in target.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
            counts = {t: int(target.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]) for t in tables}
        finally:
            target.close()
    finally:
        source.close()
    if check != "ok":
        raise BackupError(f"{src}: the snapshot fails SQLite's integrity check ({check})")
    _fsync(dst)
    return {"sha256": sha256_file(dst), "size": dst.stat().st_size, "counts": counts}


def _is_db(path: Path) -> bool:
    if path.suffix not in DB_SUFFIXES:
        return False
    with open(path, "rb") as fh:
        return fh.read(16) == b"SQLite format 3\x00"


def _data_files(data_dir: Path) -> list[Path]:
    found = []
    for folder, dirs, files in os.walk(data_dir, followlinks=False):
        dirs.sort()
        for name in sorted(files):
            p = Path(folder) / name
            if name.startswith(TMP_PREFIX) or name.endswith(_SKIP_SUFFIXES) or not p.is_file() or p.is_symlink():
                continue
            found.append(p)
    return found


def backup_folder_for(dest: Path) -> Path:
    """Where a backup to ``dest`` goes: ``dest`` itself when it does not exist yet, else a new
    time-stamped folder inside it (an existing backup is never written into)."""
    if not dest.exists():
        return dest
    if not dest.is_dir():
        raise BackupError(f"{dest} is a file; give a folder")
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    folder = dest / f"dermassist-backup-{stamp}"
    n = 1
    while folder.exists():
        n += 1
        folder = dest / f"dermassist-backup-{stamp}-{n}"
    return folder


def backup_data(data_dir: Path, dest: Path) -> BackupResult:
    """Back up ``data_dir`` into a new folder at or inside ``dest`` (see :func:`backup_folder_for`)."""
    if not (data_dir / "records.sqlite3").is_file():
        raise BackupError(f"{data_dir} holds no DermAssist records (records.sqlite3)")
    folder = backup_folder_for(dest)
    with contextlib.suppress(ValueError):
        folder.resolve().relative_to(data_dir.resolve())
        raise BackupError("the backup cannot go inside the data folder it backs up")
    try:
        folder.mkdir(parents=True, mode=0o700)
    except OSError as exc:
        raise BackupError(f"cannot create {folder}: {exc.strerror or exc}") from None
    try:
        return _fill(data_dir, folder)
    except BaseException:
        # Only the folder made above is removed; a kill -9 leaves it without a manifest instead.
        shutil.rmtree(folder, ignore_errors=True)
        raise


def _fill(data_dir: Path, folder: Path) -> BackupResult:
    entries: dict[str, dict[str, Any]] = {}
    databases: dict[str, dict[str, Any]] = {}
    try:
        # Databases first: the images copied next are those the snapshot names (images are only ever added).
        for src in _data_files(data_dir):
            if _is_db(src):
                rel = src.relative_to(data_dir).as_posix()
                databases[rel] = _snapshot_db(src, folder / rel)
        for src in _data_files(data_dir):
            rel = src.relative_to(data_dir).as_posix()
            if rel in databases:
                continue
            # A stored image is named by its sha256: the source is checked against its name as it is copied.
            stem = src.stem
            image = rel.startswith("images/") and len(stem) == 64
            try:
                digest, size = _copy_verified(src, folder / rel, stem if image else None)
            except FileNotFoundError:
                if image:  # images are never deleted: a missing one is a damaged data folder
                    raise
                continue  # e.g. an outbox file removed once it was sent, while the backup ran
            entries[rel] = {"sha256": digest, "size": size}
    except OSError as exc:
        raise BackupError(f"backup to {folder} failed: {exc.strerror or exc} ({exc.filename or ''})") from None
    _check_images_present(folder, databases)
    manifest = {
        "format": FORMAT,
        "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "app_version": __version__,
        "source": str(data_dir),
        "databases": databases,
        "files": entries,
    }
    write_manifest(folder, manifest)
    total = sum(int(e["size"]) for e in [*entries.values(), *databases.values()])
    counts = databases.get("records.sqlite3", {}).get("counts", {})
    return BackupResult(folder, len(entries), len(databases), total, dict(counts))


def _check_images_present(folder: Path, databases: dict[str, dict[str, Any]]) -> None:
    """Every image the records snapshot names is in the backup."""
    db = folder / "records.sqlite3"
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        names = [str(r[0]) for r in conn.execute("SELECT filename FROM images")]
    finally:
        conn.close()
    missing = [n for n in names if not (folder / "images" / n).is_file()]
    if missing:
        raise BackupError(
            f"{len(missing)} image(s) named by the records are missing from the data folder, e.g. {missing[0]}"
        )


def write_manifest(folder: Path, manifest: dict[str, Any]) -> None:
    """Write the manifest last and atomically, so its presence means the backup is complete."""
    tmp = folder / (MANIFEST + ".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(manifest, fh, indent=1, ensure_ascii=False)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, folder / MANIFEST)
    _fsync(folder)


def last_backup_at(conn: sqlite3.Connection) -> datetime | None:
    """When the last backup of these records was made (from the audit trail), or None."""
    row = conn.execute("SELECT max(at) FROM audit_log WHERE action = 'backup'").fetchone()
    return datetime.fromisoformat(row[0]) if row and row[0] else None


def backup_overdue(conn: sqlite3.Connection, days: int, now: datetime | None = None) -> bool:
    """True when reminders are on (``days`` > 0), there are patients, and no backup is newer than ``days``."""
    if days <= 0 or not conn.execute("SELECT 1 FROM patients LIMIT 1").fetchone():
        return False
    last = last_backup_at(conn)
    now = now or datetime.now(timezone.utc)
    return last is None or (now - last).total_seconds() > days * 86400
