"""The sender's lease (owner process and heartbeat), ``outbox --retry`` on dead leases, crash leftovers at start."""

from __future__ import annotations

import logging
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from orthanc_fixture import make_referral
from PIL import Image
from test_outbox import SETTINGS, FakeTransport

from dermassist.cli import main
from dermassist.records.store import RecordStore
from dermassist.transfer import leftovers, outbox, sender
from dermassist.transfer.transport import Instance, StoredCallback


@pytest.fixture
def item(store: RecordStore, tmp_path: Path) -> outbox.OutboxItem:
    path = tmp_path / "lesion.jpg"
    Image.new("RGB", (40, 30), (180, 90, 80)).save(path, quality=90)
    exam = make_referral(store, [path], [0.8])
    return outbox.enqueue(store, exam.id, SETTINGS)


def _hold(store: RecordStore, item_id: int, owner: str, heartbeat: float) -> None:
    with store.transaction() as conn:
        conn.execute(
            "UPDATE outbox SET state = 'sending', sending_since = ?, lease_owner = ?, heartbeat_at = ? WHERE id = ?",
            (heartbeat, owner, heartbeat, item_id),
        )


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_leases_of_live_and_dead_owners(store: RecordStore, item: outbox.OutboxItem) -> None:
    host, now = socket.gethostname(), time.time()
    _hold(store, item.id, f"{os.getppid()}@{host}", now)  # a live process on this host, fresh heartbeat
    assert outbox.recover_stale(store) == 0
    _hold(store, item.id, f"{_dead_pid()}@{host}", now)  # gone from this host: dead at once
    assert outbox.recover_stale(store) == 1
    again = outbox.get_item(store, item.id)
    assert again.state == "queued" and "is gone" in again.last_error and again.lease_owner == ""
    _hold(store, item.id, "4242@clinic-pc-2", now - 10)  # another host, beating: alive
    assert outbox.recover_stale(store) == 0
    _hold(store, item.id, "4242@clinic-pc-2", now - outbox.LEASE_TIMEOUT_S - 1)  # silent: dead
    assert outbox.recover_stale(store) == 1
    assert "no sign of life from sender 4242@clinic-pc-2" in outbox.get_item(store, item.id).last_error


def test_outbox_retry_releases_a_dead_lease(
    store: RecordStore, item: outbox.OutboxItem, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DERMASSIST_DATA_DIR", str(store.data_dir))
    _hold(store, item.id, f"{_dead_pid()}@{socket.gethostname()}", time.time())
    assert main(["outbox", "--retry"]) == 0
    err = capsys.readouterr().err
    assert "1 item(s) released from a sender that is gone" in err and "1 item(s) due now" in err
    assert outbox.get_item(store, item.id).state == "queued"


def test_heartbeat_is_refreshed_while_sending(
    store: RecordStore, item: outbox.OutboxItem, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(outbox, "HEARTBEAT_S", 0.05)
    beats: list[float | None] = []

    class Slow(FakeTransport):
        def send(self, instances: list[Instance], on_stored: StoredCallback | None = None) -> None:
            for _ in range(4):
                time.sleep(0.1)
                beats.append(outbox.get_item(store, item.id).heartbeat_at)
            super().send(instances, on_stored)

    [result] = sender.process_due(store, SETTINGS, transport=Slow())
    assert result.state == "delivered"
    assert len({b for b in beats if b is not None}) >= 3  # the heartbeat moved during the send


def _age(path: Path, seconds: float) -> None:
    old = time.time() - seconds
    for p in [path, *path.rglob("*")] if path.is_dir() else [path]:
        os.utime(p, (old, old))


def test_crash_leftovers_are_removed_at_start_and_counted(
    store: RecordStore, item: outbox.OutboxItem, caplog: pytest.LogCaptureFixture
) -> None:
    root = outbox.outbox_root(store)
    temp = root / f".tmp-7-{'a' * 12}-1234abcd"  # what a killed enqueue leaves
    orphan = root / "7-0123456789ab"  # renamed into place, row never committed
    fresh = root / ".tmp-8-bbbbbbbbbbbb-5678abcd"  # another process is writing it right now
    for folder in (temp, orphan, fresh):
        folder.mkdir(parents=True)
        (folder / "IMG001.dcm").write_bytes(b"\0" * 1000)
    orphan_image = store.images_dir / ("c" * 64 + ".jpg")
    orphan_image.write_bytes(b"\xff\xd8" + b"\0" * 500)
    partial = store.images_dir / ".partial-xyz"
    partial.write_bytes(b"\0" * 10)
    kept_image = store.images_dir / store.get_examination(item.examination_id).images[0].filename
    for path in (temp, orphan, orphan_image, partial, outbox.package_folder(store, item), kept_image):
        _age(path, leftovers.MIN_AGE_S + 60)
    sender._cleaned.clear()
    with caplog.at_level(logging.INFO, logger="dermassist.transfer.leftovers"):
        [result] = sender.process_due(store, SETTINGS, transport=FakeTransport())
    assert result.state == "delivered"  # the real package was left alone and sent
    assert not temp.exists() and not orphan.exists() and not orphan_image.exists() and not partial.exists()
    assert fresh.exists() and kept_image.exists() and outbox.package_folder(store, item).exists()
    assert "1 temporary package folder(s), 1 orphan package folder(s), 1 orphan image file(s), 1 partial" in caplog.text
    # Once per process and data folder: the next round does not walk the folders again.
    temp.mkdir()
    _age(temp, leftovers.MIN_AGE_S + 60)
    sender.process_due(store, SETTINGS, transport=FakeTransport())
    assert temp.exists()
    assert leftovers.clean_leftovers(store).temp_packages == 1 and not temp.exists()
