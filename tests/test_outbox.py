"""The outbox without a server: states, backoff, crash recovery, concurrent senders, SOP class fallback, CLI."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest
from orthanc_fixture import make_referral
from PIL import Image
from pydicom import dcmread
from pydicom.filebase import DicomBytesIO

from dermassist.cli import main
from dermassist.records.settings import Settings, save_settings
from dermassist.records.store import RecordStore
from dermassist.transfer import outbox, sender, stow
from dermassist.transfer.dicom_build import DERMOSCOPIC, VL_PHOTOGRAPHIC
from dermassist.transfer.errors import SopClassRejected, TransferError
from dermassist.transfer.transport import Instance, StoredCallback

SETTINGS = Settings(clinic_name="Clinic", dicomweb_url="https://pacs.invalid/dicom-web")


class FakeTransport:
    """Records what it was asked to store; fails while ``down``; may refuse the dermoscopic class."""

    destination = "fake"

    def __init__(self, *, down: bool = False, refuse_dermoscopic: bool = False) -> None:
        self.down = down
        self.refuse_dermoscopic = refuse_dermoscopic
        self.stored: dict[str, str] = {}  # SOP Instance UID -> SOP class
        self.calls = 0

    def send(self, instances: list[Instance], on_stored: StoredCallback | None = None) -> None:
        self.calls += 1
        if self.down:
            raise TransferError("connection refused")
        if self.refuse_dermoscopic and any(i.sop_class == DERMOSCOPIC for i in instances):
            raise SopClassRejected("no dermoscopy here")
        for inst in instances:
            ds = dcmread(DicomBytesIO(inst.data))
            assert ds.SOPClassUID == inst.sop_class and ds.SOPInstanceUID == inst.sop_instance_uid
            self.stored[inst.sop_instance_uid] = inst.sop_class
            if on_stored:
                on_stored(inst.sop_instance_uid)


@pytest.fixture
def exam_ids(store: RecordStore, tmp_path: Path) -> list[int]:
    ids = []
    for n, p in enumerate((0.9, 0.2, 0.5)):
        path = tmp_path / f"img{n}.jpg"
        Image.new("RGB", (40, 30), (150 + n * 20, 90, 80)).save(path, quality=90)
        exam = make_referral(store, [path], [p], record_number=f"MRN-{n}")
        assert exam.id is not None
        ids.append(exam.id)
    return ids


def test_enqueue_is_idempotent_while_pending(store: RecordStore, exam_ids: list[int]) -> None:
    a = outbox.enqueue(store, exam_ids[0], SETTINGS)
    b = outbox.enqueue(store, exam_ids[0], SETTINGS)
    assert a.id == b.id and a.state == "queued" and a.instances == 3  # image, PDF, SR
    assert outbox.package_folder(store, a).is_dir()
    assert [i.id for i in outbox.list_items(store)] == [a.id]
    assert any(e.action == "enqueue-referral" for e in store.list_audit("examination", exam_ids[0]))


def test_failure_backoff_then_delivery(store: RecordStore, exam_ids: list[int]) -> None:
    item = outbox.enqueue(store, exam_ids[0], SETTINGS)
    fake = FakeTransport(down=True)
    t0 = time.time()
    [r1] = sender.process_due(store, SETTINGS, transport=fake, now=t0)
    failed = outbox.get_item(store, item.id)
    assert r1.state == "failed" and failed.state == "failed" and failed.last_error == "connection refused"
    assert failed.attempts == 1 and failed.next_attempt_at == pytest.approx(t0 + 30)
    assert sender.process_due(store, SETTINGS, transport=fake, now=t0 + 10) == []  # not due yet
    sender.process_due(store, SETTINGS, transport=fake, now=t0 + 31)
    again = outbox.get_item(store, item.id)
    assert again.attempts == 2 and again.next_attempt_at == pytest.approx(t0 + 31 + 60)
    assert [outbox.backoff_s(n) for n in (1, 2, 3, 8, 20)] == [30, 60, 120, 3600, 3600]
    fake.down = False
    [r3] = sender.process_due(store, SETTINGS, transport=fake, now=t0 + 200)
    done = outbox.get_item(store, item.id)
    assert r3.state == "delivered" and done.state == "delivered" and done.last_error == "" and done.delivered_at
    assert len(fake.stored) == 3
    # Delivered: sending the same examination again makes a new item (a new report version, same images).
    new = outbox.enqueue(store, exam_ids[0], SETTINGS)
    assert new.id != item.id and new.study_uid == item.study_uid and new.report_uid != item.report_uid


def test_a_sender_that_died_mid_send_leaves_the_item_resumable(store: RecordStore, exam_ids: list[int]) -> None:
    item = outbox.enqueue(store, exam_ids[1], SETTINGS)
    t0 = time.time()
    claimed = outbox.claim_next(store, now=t0)
    assert claimed is not None and claimed.id == item.id and claimed.state == "sending"
    # The holder stops beating (hung, or on another host). A new sender soon after leaves it alone...
    fake = FakeTransport()
    assert sender.process_due(store, SETTINGS, transport=fake, now=t0 + outbox.LEASE_TIMEOUT_S - 5) == []
    # ...and once the heartbeat is older than the lease timeout, puts it back and sends it.
    [r] = sender.process_due(store, SETTINGS, transport=fake, now=t0 + outbox.STALE_AFTER_S + 1)
    assert r.state == "delivered" and outbox.get_item(store, item.id).attempts == 2


def test_two_senders_never_send_the_same_item_twice(store: RecordStore, exam_ids: list[int], tmp_path: Path) -> None:
    for eid in exam_ids:
        outbox.enqueue(store, eid, SETTINGS)
    fakes = [FakeTransport(), FakeTransport()]
    results: list[list[sender.SendResult]] = [[], []]

    def run(n: int) -> None:
        own = RecordStore.open(tmp_path / "data")  # as a second process would: its own connection
        try:
            results[n] = sender.process_due(own, SETTINGS, transport=fakes[n])
        finally:
            own.close()

    threads = [threading.Thread(target=run, args=(n,)) for n in (0, 1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    sent = [r.item_id for rs in results for r in rs]
    assert sorted(sent) == sorted(i.id for i in outbox.list_items(store)) and len(sent) == 3
    assert not set(fakes[0].stored) & set(fakes[1].stored)


def test_dermoscopic_class_refused_falls_back_to_vl_photographic(store: RecordStore, exam_ids: list[int]) -> None:
    item = outbox.enqueue(store, exam_ids[0], SETTINGS)
    fake = FakeTransport(refuse_dermoscopic=True)
    [r] = sender.process_due(store, SETTINGS, transport=fake)
    assert r.state == "delivered" and r.sop_class == VL_PHOTOGRAPHIC and fake.calls == 2
    assert VL_PHOTOGRAPHIC in fake.stored.values() and DERMOSCOPIC not in fake.stored.values()
    assert outbox.get_item(store, item.id).image_sop_class == VL_PHOTOGRAPHIC


def test_stow_failure_reason_0122_means_sop_class_rejected(monkeypatch: pytest.MonkeyPatch) -> None:
    class Resp:
        status_code = 409
        reason = "Conflict"
        text = ""
        headers = {"Content-Type": "application/dicom+json"}

        def __init__(self, failed: list[tuple[str, int]]) -> None:
            self.body = {
                "00081198": {
                    "vr": "SQ",
                    "Value": [
                        {"00081155": {"vr": "UI", "Value": [u]}, "00081197": {"vr": "US", "Value": [r]}}
                        for u, r in failed
                    ],
                }
            }

        @property
        def content(self) -> bytes:
            return json.dumps(self.body).encode()

    inst = Instance("IMG001.dcm", DERMOSCOPIC, "2.25.7", "1.2.840.10008.1.2.4.50", b"")
    monkeypatch.setattr(stow, "multipart_body", lambda parts: (b"", "multipart/related"))
    monkeypatch.setattr(stow, "request", lambda *a, **k: Resp([("2.25.7", 0x0122)]))
    with pytest.raises(SopClassRejected):
        stow.StowTransport(SETTINGS).send([inst])
    monkeypatch.setattr(stow, "request", lambda *a, **k: Resp([("2.25.7", 0xA700)]))
    with pytest.raises(TransferError, match="0xA700") as info:
        stow.StowTransport(SETTINGS).send([inst])
    assert not isinstance(info.value, SopClassRejected)


def test_unconfigured_pacs_fails_with_the_reason(store: RecordStore, exam_ids: list[int]) -> None:
    item = outbox.enqueue(store, exam_ids[2], SETTINGS)
    [r] = sender.process_due(store, Settings(dicomweb_url=""))
    assert r.state == "failed" and "not configured" in r.error and "DICOMweb URL" in r.error
    assert outbox.get_item(store, item.id).state == "failed"
    assert outbox.retry_now(store) == 1 and outbox.get_item(store, item.id).next_attempt_at == 0


def test_cli_send_no_wait_outbox_and_export(
    exam_ids: list[int],
    store: RecordStore,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    save_settings(Settings(pacs_protocol="dimse", dimse_host="127.0.0.1", dimse_port=9, dimse_called_aet="NOBODY"))
    monkeypatch.setenv("DERMASSIST_DATA_DIR", str(tmp_path / "data"))  # the CLI opens the per-user folder
    assert main(["send", str(exam_ids[0]), "--no-wait"]) == 0
    assert "queued: outbox item" in capsys.readouterr().out
    assert main(["send", str(exam_ids[1])]) == 1  # nothing listens on port 9: stays in the outbox
    captured = capsys.readouterr()
    assert "failed" in captured.out and "cannot connect" in captured.out and "retried automatically" in captured.err
    assert main(["outbox", "--json"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert sorted((i["examination_id"], i["state"]) for i in items) == [
        (exam_ids[0], "queued"),
        (exam_ids[1], "failed"),
    ]
    assert main(["outbox"]) == 0
    assert "reason: " in capsys.readouterr().out
    assert main(["send", "4242"]) == 1
    assert "no examination with id 4242" in capsys.readouterr().err
    assert main(["export-package", str(exam_ids[2]), str(tmp_path / "usb")]) == 0
    assert "referral.pdf" in capsys.readouterr().out
    [folder] = list((tmp_path / "usb").iterdir())
    assert (folder / "manifest.json").is_file() and (folder / "IMG001.dcm").is_file()
