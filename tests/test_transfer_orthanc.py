"""Referrals sent to a real Orthanc by STOW-RS and by C-STORE, read back through its REST API."""

from __future__ import annotations

import io
import time
from pathlib import Path

import numpy as np
import orthanc_fixture
import pytest
from conftest import make_rgb
from orthanc_fixture import OUR_AET, OrthancServer, make_referral
from PIL import Image
from pydicom import dcmread

from dermassist.records.store import RecordStore
from dermassist.transfer import outbox, sender
from dermassist.transfer.connection import check_connection
from dermassist.transfer.dicom_build import DERMOSCOPIC, ENCAPSULATED_PDF
from dermassist.transfer.outbox import OutboxItem
from dermassist.transfer.transport import make_transport

pytestmark = pytest.mark.orthanc
orthanc = orthanc_fixture.orthanc  # the fixture, shared with the other transfer tests
NAME = "Иванова-Щербакова Юлия Эдуардовна"


@pytest.fixture
def pictures(tmp_path: Path) -> tuple[Path, Path]:
    jpg, png = tmp_path / "dermatoscope.jpg", tmp_path / "phone.png"
    Image.fromarray(make_rgb(120, 90, seed=11)).save(jpg, quality=93)
    Image.fromarray(make_rgb(64, 48, seed=12)).save(png)
    return jpg, png


@pytest.mark.parametrize("protocol", ["dicomweb", "dimse"])
def test_referral_arrives_intact(
    protocol: str,
    orthanc: OrthancServer,
    store: RecordStore,
    pictures: tuple[Path, Path],
) -> None:
    jpg, png = pictures
    # With DICOMweb the delivery is also confirmed by a QIDO-RS query on the real server.
    settings = orthanc.settings(protocol, dicomweb_confirm_qido=True)
    exam = make_referral(store, [jpg, png], [0.91, 0.35], name=NAME)
    item = outbox.enqueue(store, exam.id, settings)
    [result] = sender.process_due(store, settings)
    assert result.state == "delivered", result.error
    assert outbox.get_item(store, item.id).state == "delivered"
    package_pdf = (outbox.package_folder(store, item) / "referral.pdf").read_bytes()

    instances = orthanc.instances_of_study(item.study_uid)
    assert len(instances) == 4  # two images, the PDF, the SR
    by_uid = {i["MainDicomTags"]["SOPInstanceUID"]: i["ID"] for i in instances}
    files = {f.name: f for f in outbox_files(store, item)}
    for oid in by_uid.values():
        tags = orthanc.json(f"/instances/{oid}/simplified-tags")
        assert tags["PatientName"] == NAME
        assert tags["ReferringPhysicianName"] == "Петрова Анна Сергеевна"
        assert tags["InstitutionName"] == "Поликлиника №5"
        assert tags["PatientTelephoneNumbers"] == "+79001234567"
        assert "+7 900 123-45-67" in tags["PatientComments"]
        assert tags["StudyDescription"].startswith("DermAssist: malignant 91.0%")
    # Images: the JPEG's own bytes and the PNG's exact pixels, both viewable (Orthanc Explorer's preview).
    jpg_id = by_uid[files["IMG001.dcm"].sop_instance_uid]
    raw = orthanc.get(f"/instances/{jpg_id}/frames/0/raw").content
    original = jpg.read_bytes()
    assert raw[: len(original)] == original and len(raw) - len(original) <= 1
    assert orthanc.json(f"/instances/{jpg_id}/simplified-tags")["SOPClassUID"] == DERMOSCOPIC
    png_id = by_uid[files["IMG002.dcm"].sop_instance_uid]
    raw = orthanc.get(f"/instances/{png_id}/frames/0/raw").content
    assert raw == np.asarray(Image.open(png).convert("RGB")).tobytes()
    for oid in (jpg_id, png_id):
        preview = orthanc.get(f"/instances/{oid}/preview")
        assert Image.open(io.BytesIO(preview.content)).size in ((120, 90), (64, 48))
    # The PDF, byte for byte.
    pdf_id = by_uid[files["REPORT.dcm"].sop_instance_uid]
    stored = dcmread(io.BytesIO(orthanc.get(f"/instances/{pdf_id}/file").content))
    assert stored.SOPClassUID == ENCAPSULATED_PDF
    assert bytes(stored.EncapsulatedDocument)[: stored.EncapsulatedDocumentLength] == package_pdf
    assert orthanc.get(f"/instances/{pdf_id}/pdf").content.rstrip(b"\0") == package_pdf.rstrip(b"\0")

    # Sending the same instances again (a retry after a lost answer) stores nothing new.
    make_transport(settings).send(sender.load_instances(store, item, DERMOSCOPIC))
    assert len(orthanc.instances_of_study(item.study_uid)) == 4
    assert len(orthanc.json("/instances")) == 4


def outbox_files(store: RecordStore, item: OutboxItem) -> list:  # type: ignore[type-arg]
    from dermassist.transfer.package import read_package

    return list(read_package(outbox.package_folder(store, item)).dicom_files())


def test_check_connection(orthanc: OrthancServer) -> None:
    for protocol in ("dicomweb", "dimse"):
        result = check_connection(orthanc.settings(protocol))
        assert result.ok, result.message
        if protocol == "dicomweb":
            assert "a DICOMweb server" in result.message
    # Orthanc's REST root is not its DICOMweb root: it answers JSON, but not DICOM JSON.
    rest = check_connection(orthanc.settings("dicomweb", dicomweb_url=orthanc.url))
    assert not rest.ok and "DICOMweb" in rest.message, rest.message
    bad = check_connection(orthanc.settings("dicomweb", dicomweb_password="wrong"))
    assert not bad.ok and "refused the credentials (HTTP 401)" in bad.message
    bad = check_connection(orthanc.settings("dimse", dimse_called_aet="WRONGAET"))
    assert not bad.ok and "association rejected" in bad.message
    orthanc.kill()
    for protocol in ("dicomweb", "dimse"):
        down = check_connection(orthanc.settings(protocol))
        assert not down.ok and "cannot connect" in down.message


def test_resent_referral_is_proven_by_orthancs_answer(
    orthanc: OrthancServer, store: RecordStore, pictures: tuple[Path, Path]
) -> None:
    """Orthanc lists instances it already had in ReferencedSOPSequence too: a resend is delivered, once."""
    settings = orthanc.settings("dicomweb", dicomweb_confirm_qido=True)
    exam = make_referral(store, list(pictures), [0.6, 0.2])
    first = outbox.enqueue(store, exam.id, settings)
    assert [r.state for r in sender.process_due(store, settings)] == ["delivered"]
    second = outbox.enqueue(store, exam.id, settings)  # sent again: same images, a new report and SR
    assert second.id != first.id
    [result] = sender.process_due(store, settings)
    assert result.state == "delivered", result.error
    assert len(orthanc.instances_of_study(first.study_uid)) == 2 + 2 + 2  # images once, two reports, two SRs


@pytest.mark.parametrize("protocol", ["dimse", "dicomweb"])
def test_server_killed_mid_outbox_every_referral_delivered_exactly_once(
    protocol: str,
    orthanc: OrthancServer,
    store: RecordStore,
    tmp_path: Path,
) -> None:
    settings = orthanc.settings(protocol)
    items = []
    for n in range(4):
        pics = []
        for k in range(2):
            path = tmp_path / f"p{n}{k}.jpg"
            Image.fromarray(make_rgb(64, 48, seed=n * 10 + k)).save(path, quality=90)
            pics.append(path)
        exam = make_referral(store, pics, [0.2 + n * 0.2, 0.1], name=f"Пациент {n}", record_number=f"MRN-{n}")
        items.append(outbox.enqueue(store, exam.id, settings))
    # Kill the server (SIGKILL) in the middle of the second referral: one instance stored, three not.
    stored: list[tuple[int, str]] = []

    def kill_during_second(item: OutboxItem, uid: str) -> None:
        stored.append((item.id, uid))
        if item.id == items[1 if protocol == "dimse" else 0].id and orthanc.proc is not None:
            orthanc.kill()

    t0 = time.time()
    first = sender.process_due(store, settings, on_progress=kill_during_second, now=t0)
    states = [r.state for r in first]
    assert states[0] == "delivered" and "failed" in states and len(first) == 4
    assert all(outbox.get_item(store, i.id).state in ("delivered", "failed") for i in items)
    if protocol == "dimse":
        assert sum(1 for item_id, _ in stored if item_id == items[1].id) == 1  # partial study at the center

    orthanc.start()  # same storage: what arrived before the crash is still there
    second = sender.process_due(store, settings, now=t0 + 3600)
    assert all(r.state == "delivered" for r in second), [r.error for r in second]
    for item in items:
        assert outbox.get_item(store, item.id).state == "delivered"
        # Exactly once: each study holds its two images, the PDF and the SR, no duplicate.
        uids = [i["MainDicomTags"]["SOPInstanceUID"] for i in orthanc.instances_of_study(item.study_uid)]
        assert len(uids) == len(set(uids)) == 4
    assert len(orthanc.json("/instances")) == 16
    assert len(orthanc.json("/studies")) == 4


def test_calling_aet_is_ours(orthanc: OrthancServer, store: RecordStore, pictures: tuple[Path, Path]) -> None:
    settings = orthanc.settings("dimse")
    exam = make_referral(store, [pictures[0]], [0.5])
    item = outbox.enqueue(store, exam.id, settings)
    [result] = sender.process_due(store, settings)
    assert result.state == "delivered", result.error
    oid = orthanc.instances_of_study(item.study_uid)[0]["ID"]
    assert orthanc.get(f"/instances/{oid}/metadata/RemoteAET").text == OUR_AET


orthanc_https = orthanc_fixture.orthanc_https


def test_stow_over_https_verifies_the_certificate(
    orthanc_https: OrthancServer, store: RecordStore, pictures: tuple[Path, Path]
) -> None:
    trusted = orthanc_https.settings("dicomweb")
    assert trusted.dicomweb_url.startswith("https://")
    untrusted = trusted.with_changes(dicomweb_ca_bundle="")  # the system store does not know this certificate
    check = check_connection(untrusted)
    assert not check.ok and "certificate" in check.message
    exam = make_referral(store, [pictures[0]], [0.5])
    item = outbox.enqueue(store, exam.id, untrusted)
    [first] = sender.process_due(store, untrusted)
    assert first.state == "failed" and "TLS certificate check failed" in first.error
    assert check_connection(trusted).ok
    [second] = sender.process_due(store, trusted, now=time.time() + 3600)
    assert second.state == "delivered", second.error
    assert len(orthanc_https.instances_of_study(item.study_uid)) == 3
