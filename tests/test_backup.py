"""Backup and restore: byte-for-byte round trip, refusal of incomplete or damaged backups, the old data
folder kept, kill -9 during a backup, and the reminder."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from conftest import ROOT, make_rgb
from PIL import Image

from dermassist.records.backup import MANIFEST, BackupError, backup_data, backup_overdue
from dermassist.records.models import AnalysisRecord, Examination, Patient
from dermassist.records.restore import RestoreError, restore_data, verify_backup
from dermassist.records.store import RecordStore

SHA = "ab" * 32


def _fill(store: RecordStore, tmp_path: Path, patients: int = 2, images: int = 3, side: int = 96) -> None:
    for i in range(patients):
        p = store.add_patient(Patient(id=None, full_name=f"Пациент {i}", birth_date=f"1970-01-0{i + 1}"))
        e = store.add_examination(Examination(id=None, patient_id=int(p.id or 0), date="2025-03-04", notes="заметка"))
        for k in range(images):
            src = tmp_path / f"src-{i}-{k}.png"
            Image.fromarray(make_rgb(side, side, seed=i * 100 + k)).save(src)
            rec = store.add_image(int(e.id or 0), src)
        store.add_analysis(
            AnalysisRecord(id=None, examination_id=int(e.id or 0), image_sha256=rec.sha256, malignant=0.3,
                           threshold=0.5, decision="benign", model_name="m", model_version="1", model_sha256=SHA,
                           provider="cpu")
        )  # fmt: skip


def _dump(data: Path) -> list[str]:
    conn = sqlite3.connect(data / "records.sqlite3")
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def _files(data: Path) -> dict[str, bytes]:
    return {
        p.relative_to(data).as_posix(): p.read_bytes()
        for p in data.rglob("*")
        if p.is_file() and not p.name.endswith(("-wal", "-shm", ".sqlite3"))
    }


def test_backup_wipe_restore_gives_back_every_record_and_image(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with RecordStore.open(data) as store:
        _fill(store, tmp_path)
        (data / "outbox").mkdir()
        (data / "outbox" / "referral.pdf").write_bytes(b"%PDF-1.4 referral")
        before_dump, before_files = _dump(data), _files(data)
        # The application is running: a write is in progress while the backup is made.
        store.connection.execute("BEGIN IMMEDIATE")
        store.connection.execute(
            "INSERT INTO patients (full_name, sex, created_at, updated_at) VALUES ('x', '', '', '')"
        )
        (tmp_path / "backups").mkdir()  # an existing folder: the backup goes into a new folder inside it
        result = backup_data(data, tmp_path / "backups")
        store.connection.execute("ROLLBACK")
    assert result.folder.parent == tmp_path / "backups" and (result.folder / MANIFEST).is_file()
    assert result.counts["patients"] == 2 and result.counts["images"] == 6 and result.counts["analyses"] == 2
    manifest = verify_backup(result.folder)
    assert set(manifest["files"]) == set(before_files)
    import shutil

    shutil.rmtree(data)  # the disk died
    restored = restore_data(result.folder, data)
    assert restored.moved_aside is None
    assert _dump(data) == before_dump
    assert _files(data) == before_files
    with RecordStore.open(data) as store:
        assert store.stats()["patients"] == 2


def test_restore_moves_the_current_data_aside_instead_of_overwriting(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with RecordStore.open(data) as store:
        _fill(store, tmp_path, patients=1, images=1)
    backup = backup_data(data, tmp_path / "b").folder
    with RecordStore.open(data) as store:  # work done after the backup
        store.add_patient(Patient(id=None, full_name="Новый пациент"))
    newer = _dump(data)
    result = restore_data(backup, data)
    assert result.moved_aside is not None and result.moved_aside.name.startswith("data.before-restore-")
    assert _dump(result.moved_aside) == newer  # nothing lost: the newer records are kept aside
    with RecordStore.open(data) as store:
        assert store.stats()["patients"] == 1


def test_an_incomplete_or_damaged_backup_is_refused_and_nothing_changes(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with RecordStore.open(data) as store:
        _fill(store, tmp_path, patients=1, images=2)
    original = _dump(data)

    def fresh() -> Path:
        return backup_data(data, tmp_path / "b").folder

    no_manifest = fresh()
    (no_manifest / MANIFEST).unlink()
    flipped = fresh()
    image = next((flipped / "images").iterdir())
    raw = bytearray(image.read_bytes())
    raw[len(raw) // 2] ^= 0xFF
    image.write_bytes(bytes(raw))
    missing = fresh()
    next((missing / "images").iterdir()).unlink()
    escaping = fresh()
    m = json.loads((escaping / MANIFEST).read_text())
    m["files"]["../../etc/passwd"] = {"sha256": SHA, "size": 1}
    (escaping / MANIFEST).write_text(json.dumps(m))
    for bad, why in ((no_manifest, "not a complete backup"), (flipped, "does not match its sha256"),
                     (missing, "is missing"), (escaping, "outside the backup")):  # fmt: skip
        with pytest.raises(RestoreError, match=why):
            restore_data(bad, data)
    assert _dump(data) == original
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("data")) == ["data"]


def test_backup_refuses_a_folder_without_records(tmp_path: Path) -> None:
    with pytest.raises(BackupError, match="no DermAssist records"):
        backup_data(tmp_path, tmp_path / "b")


def test_cli_backup_and_restore(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with RecordStore.open(data) as store:
        _fill(store, tmp_path, patients=1, images=1)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    run = [sys.executable, "-m", "dermassist"]
    out = subprocess.run([*run, "backup", str(tmp_path / "usb"), "--data", str(data)], capture_output=True,
                         text=True, env=env, timeout=120)  # fmt: skip
    assert out.returncode == 0 and "Backup complete" in out.stdout and "1 patients" in out.stdout, out.stderr
    with RecordStore.open(data) as store:
        assert store.list_audit(action="backup")
        assert not backup_overdue(store.connection, 7)
    check = subprocess.run([*run, "restore", "--check", str(tmp_path / "usb"), "--data", str(data)],
                           capture_output=True, text=True, env=env, timeout=120)  # fmt: skip
    assert check.returncode == 0 and "complete and intact" in check.stdout
    (tmp_path / "usb" / MANIFEST).unlink()
    bad = subprocess.run([*run, "restore", str(tmp_path / "usb"), "--data", str(data)], capture_output=True,
                         text=True, env=env, timeout=120)  # fmt: skip
    assert bad.returncode == 1 and "not a complete backup" in bad.stderr and "Traceback" not in bad.stderr


def test_kill_9_during_backup_never_leaves_a_backup_that_looks_complete(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with RecordStore.open(data) as store:
        _fill(store, tmp_path, patients=4, images=40, side=256)
        counts = store.stats()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    cmd = [sys.executable, "-m", "dermassist", "backup", "--data", str(data)]
    interrupted = 0
    delays = (0.0, 0.02, 0.05, 0.1, 0.2, 0.4)
    for k, delay in enumerate(delays):
        dest = tmp_path / f"killed{k}"
        proc = subprocess.Popen([*cmd, str(dest)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # Kill at a moment after the backup folder appeared, when files are being written.
        while not dest.exists() and proc.poll() is None:
            time.sleep(0.002)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if not (dest / MANIFEST).exists():
            interrupted += 1
            with pytest.raises(RestoreError, match="not a complete backup"):
                verify_backup(dest)
        else:
            verify_backup(dest)  # it finished before the kill: then it must be whole
        conn = sqlite3.connect(data / "records.sqlite3")
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()
    print(f"{interrupted} of {len(delays)} kills hit a backup of {counts['images']} images mid-way")
    assert interrupted >= 1, "no kill landed while the backup was being written"
    with RecordStore.open(data) as store:
        assert {k: v for k, v in store.stats().items() if k != "audit_log"} == {
            k: v for k, v in counts.items() if k != "audit_log"
        }


def test_backup_reminder(store: RecordStore) -> None:
    conn = store.connection
    assert not backup_overdue(conn, 7)  # no patients yet: nothing to lose
    store.add_patient(Patient(id=None, full_name="A"))
    assert backup_overdue(conn, 7) and not backup_overdue(conn, 0)
    store.audit("backup", "records", "", "to /media/usb")
    assert not backup_overdue(conn, 7)
    assert backup_overdue(conn, 7, now=datetime.now(timezone.utc) + timedelta(days=8))
