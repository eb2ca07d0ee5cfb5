"""``dermassist backup DEST`` and ``dermassist restore SRC``: the records and images of a data folder."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``backup`` and ``restore``."""
    b = sub.add_parser(
        "backup",
        help="back up the records and images (safe while DermAssist runs)",
        description="Copy the records (SQLite online backup) and every image, verified by sha256, into a new "
        "folder: DEST itself when it does not exist, else a time-stamped folder inside it. The backup's "
        "MANIFEST.json is written last: a backup without it is incomplete.",
    )
    b.add_argument("dest", type=Path, metavar="DEST")
    b.add_argument("--data", type=Path, help="data folder (default: this user's)")
    b.set_defaults(func=run_backup)
    r = sub.add_parser(
        "restore",
        help="restore records and images from a backup (close DermAssist first)",
        description="Verify the backup (manifest, sizes, sha256, SQLite integrity), then put it in place of the "
        "data folder. The current data folder is moved aside to <folder>.before-restore-<time>, never deleted.",
    )
    r.add_argument("src", type=Path, metavar="SRC")
    r.add_argument("--data", type=Path, help="data folder (default: this user's)")
    r.add_argument("--check", action="store_true", help="only verify the backup; change nothing")
    r.set_defaults(func=run_restore)


def run_backup(args: argparse.Namespace) -> int:
    """Make a verified backup; exit 1 when it failed (nothing incomplete is left behind)."""
    from dermassist.records.backup import BackupError, backup_data
    from dermassist.records.store import RecordStore

    try:
        with RecordStore.open(args.data) as store:
            result = backup_data(store.data_dir, args.dest)
            details = f"to {result.folder}: {result.files} files, {result.total_bytes} bytes"
            store.audit("backup", "records", "", details)
    except (BackupError, OSError) as exc:
        print(f"dermassist: backup failed: {exc}", file=sys.stderr)
        return 1
    counts = ", ".join(f"{result.counts.get(t, 0)} {t}" for t in ("patients", "examinations", "images", "analyses"))
    print(f"Backup complete: {result.folder}")
    print(f"  {counts}; {result.files} files and {result.databases} database(s), {result.total_bytes / 1e6:.1f} MB,")
    print("  every file verified by sha256 (see MANIFEST.json).")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    """Verify and restore; exit 1 when the backup is incomplete or damaged (nothing was changed)."""
    from dermassist.paths import user_data_dir
    from dermassist.records.restore import RestoreError, restore_data, verify_backup
    from dermassist.records.store import RecordStore

    data_dir = args.data or user_data_dir()
    try:
        if args.check:
            manifest = verify_backup(args.src)
            print(f"{args.src}: complete and intact (made {manifest.get('created_at', '?')})")
            return 0
        result = restore_data(args.src, data_dir)
    except (RestoreError, OSError) as exc:
        print(f"dermassist: restore refused: {exc}", file=sys.stderr)
        return 1
    with RecordStore.open(data_dir) as store:
        store.audit("restore", "records", "", f"from {args.src}")
    print(f"Restored {args.src} into {result.data_dir} ({result.files} files).")
    if result.moved_aside is not None:
        print(f"The previous data folder was kept, moved to {result.moved_aside}")
    return 0
