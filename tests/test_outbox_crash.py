"""The sender is killed (SIGKILL) in the middle of a C-STORE: the referral is resent at once, never lost or doubled."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from conftest import make_rgb
from orthanc_fixture import make_referral
from PIL import Image
from pynetdicom import AE, evt

from dermassist.cli import main
from dermassist.records.settings import Settings, save_settings
from dermassist.records.store import RecordStore
from dermassist.transfer import outbox, sender
from dermassist.transfer.dicom_build import BASIC_TEXT_SR, DERMOSCOPIC, ENCAPSULATED_PDF
from dermassist.transfer.package import read_package
from dermassist.transfer.pixels import EXPLICIT_VR_LE, JPEG_BASELINE

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")


class SlowPacs:
    """Storage SCP whose first C-STORE hangs until ``release`` is set (so the sender can be killed mid-send)."""

    def __init__(self) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = int(s.getsockname()[1])
        self.first_arrived = threading.Event()
        self.release = threading.Event()
        self.stored: dict[str, str] = {}
        ae = AE(ae_title="SLOWPACS")
        for uid in (DERMOSCOPIC, ENCAPSULATED_PDF, BASIC_TEXT_SR):
            ae.add_supported_context(uid, [JPEG_BASELINE, EXPLICIT_VR_LE])

        def on_store(event: Any) -> int:
            if not self.first_arrived.is_set():
                self.first_arrived.set()
                self.release.wait(30)
                return 0xA700  # never confirmed: the sender was gone
            ds = event.dataset
            self.stored.setdefault(str(ds.SOPInstanceUID), str(ds.SOPClassUID))
            return 0x0000

        self.server = ae.start_server(("127.0.0.1", self.port), block=False, evt_handlers=[(evt.EVT_C_STORE, on_store)])


def test_sender_killed_mid_send_is_retried_within_a_minute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    monkeypatch.setenv("DERMASSIST_DATA_DIR", str(data))
    pacs = SlowPacs()
    try:
        settings = Settings(
            pacs_protocol="dimse", dimse_host="127.0.0.1", dimse_port=pacs.port, dimse_called_aet="SLOWPACS"
        )
        save_settings(settings)
        store = RecordStore.open(data)
        path = tmp_path / "lesion.jpg"
        Image.fromarray(make_rgb(50, 40)).save(path, quality=90)
        exam = make_referral(store, [path], [0.8])
        item = outbox.enqueue(store, exam.id, settings)
        child = subprocess.Popen(
            [sys.executable, "-m", "dermassist", "send", str(exam.id)],
            env={**os.environ, "DERMASSIST_DATA_DIR": str(data)},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        assert pacs.first_arrived.wait(60), "the child never started sending"
        held = outbox.get_item(store, item.id)
        assert held.state == "sending" and held.lease_owner.startswith(f"{child.pid}@")
        # While the child lives, a second sender sends nothing and says so with a non-zero exit.
        assert sender.process_due(store, settings) == []
        assert main(["send", str(exam.id)]) == 3
        assert f"another sender ({child.pid}@" in capsys.readouterr().err
        child.send_signal(signal.SIGKILL)
        child.wait(10)
        killed_at = time.monotonic()
        pacs.release.set()
        stuck = outbox.get_item(store, item.id)
        assert stuck.state == "sending" and stuck.attempts == 1
        # The owner is gone from this host: the next sender takes the item over at once.
        [result] = sender.process_due(store, settings)
        assert result.state == "delivered", result.error
        assert time.monotonic() - killed_at < 60
        expected = {f.sop_instance_uid for f in read_package(outbox.package_folder(store, item)).dicom_files()}
        assert set(pacs.stored) == expected and len(expected) == 3
        done = outbox.get_item(store, item.id)
        assert done.state == "delivered" and done.attempts == 2 and "interrupted" not in done.last_error
        assert done.lease_owner == "" and done.heartbeat_at is None
        store.close()
    finally:
        pacs.release.set()
        pacs.server.shutdown()
