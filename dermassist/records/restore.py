"""Restore a backup made by :mod:`dermassist.records.backup`.

Nothing is restored from a backup that is incomplete (no manifest) or damaged (a file missing, of
another size or sha256, a database failing SQLite's integrity check). The backup is first copied
and verified into a staging folder beside the data folder; only then is the current data folder
moved aside (renamed to ``<folder>.before-restore-<time>``, never deleted) and the staging folder
put in its place. Close DermAssist before restoring.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Any

from dermassist.records.backup import FORMAT, MANIFEST, _copy_verified, sha256_file
from dermassist.records.privacy import make_private


class RestoreError(RuntimeError):
    """The backup cannot be restored; the message is one line. Nothing was changed."""


@dataclass(frozen=True)
class RestoreResult:
    """What a restore did."""

    data_dir: Path
    moved_aside: Path | None  # where the previous data folder now is (None: there was none)
    files: int
    counts: dict[str, int]


def _safe_rel(rel: str) -> PurePosixPath:
    p = PurePosixPath(rel)
    if p.is_absolute() or ".." in p.parts or not p.parts:
        raise RestoreError(f"the manifest names a path outside the backup: {rel!r}")
    return p


def read_manifest(src: Path) -> dict[str, Any]:
    """The manifest of a complete backup; raises RestoreError for a missing or unreadable one."""
    path = src / MANIFEST
    if not src.is_dir():
        raise RestoreError(f"{src} is not a backup folder")
    if not path.is_file():
        raise RestoreError(f"{src} is not a complete backup: it has no {MANIFEST} (the backup was interrupted?)")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise RestoreError(f"{path} cannot be read: {exc}") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise RestoreError(f"{path} is not a DermAssist backup manifest ({FORMAT})")
    if "records.sqlite3" not in manifest.get("databases", {}):
        raise RestoreError(f"{src}: the backup holds no records database")
    return manifest


def verify_backup(src: Path) -> dict[str, Any]:
    """Check every file against the manifest and each database with integrity_check; returns the manifest."""
    manifest = read_manifest(src)
    listed = {**manifest.get("files", {}), **manifest["databases"]}
    for rel, entry in listed.items():
        path = src / _safe_rel(rel)
        if not path.is_file():
            raise RestoreError(f"{src} is damaged: {rel} is missing")
        if path.stat().st_size != int(entry["size"]) or sha256_file(path) != entry["sha256"]:
            raise RestoreError(f"{src} is damaged: {rel} does not match its sha256 in the manifest")
    for rel in manifest["databases"]:
        conn = sqlite3.connect(f"file:{src / _safe_rel(rel)}?mode=ro&immutable=1", uri=True)
        try:
            check = str(conn.execute("PRAGMA integrity_check").fetchone()[0])
        except sqlite3.DatabaseError as exc:
            check = str(exc)
        finally:
            conn.close()
        if check != "ok":
            raise RestoreError(f"{src} is damaged: {rel} fails SQLite's integrity check ({check})")
    return manifest


def restore_data(src: Path, data_dir: Path) -> RestoreResult:
    """Verify the backup ``src``, then make it the data folder ``data_dir`` (the old one is moved aside)."""
    manifest = verify_backup(src)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    staging = data_dir.with_name(f"{data_dir.name}.restoring-{stamp}")
    aside = data_dir.with_name(f"{data_dir.name}.before-restore-{stamp}")
    if staging.exists() or aside.exists():
        raise RestoreError(f"{staging} or {aside} already exists; try again in a second")
    listed = {**manifest.get("files", {}), **manifest["databases"]}
    try:
        staging.mkdir(parents=True, mode=0o700)
        for rel, entry in listed.items():
            digest, _ = _copy_verified(src / _safe_rel(rel), staging / _safe_rel(rel))
            if digest != entry["sha256"]:
                raise RestoreError(f"{rel} changed while it was restored")
        (staging / "images").mkdir(exist_ok=True)
        make_private(staging)
    except BaseException as exc:
        shutil.rmtree(staging, ignore_errors=True)  # only the staging folder made above
        if isinstance(exc, OSError):
            raise RestoreError(f"cannot restore into {staging}: {exc.strerror or exc}") from None
        raise
    moved: Path | None = None
    if data_dir.exists():
        if any(data_dir.iterdir()):
            os.replace(data_dir, aside)
            moved = aside
        else:
            data_dir.rmdir()
    os.replace(staging, data_dir)
    counts = manifest["databases"]["records.sqlite3"].get("counts", {})
    return RestoreResult(data_dir, moved, len(listed), dict(counts))
