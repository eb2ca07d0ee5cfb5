"""C-STORE to a receiver without the Dermoscopic Photography SOP class: the images go as VL Photographic."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest
from conftest import make_rgb
from orthanc_fixture import make_referral
from PIL import Image
from pynetdicom import AE, evt

from dermassist.records.settings import Settings
from dermassist.records.store import RecordStore
from dermassist.transfer import outbox, sender
from dermassist.transfer.dicom_build import BASIC_TEXT_SR, DERMOSCOPIC, ENCAPSULATED_PDF, VL_PHOTOGRAPHIC
from dermassist.transfer.pixels import EXPLICIT_VR_LE, JPEG_BASELINE


class OldPacs:
    """A pynetdicom storage SCP that knows VL Photographic but not Dermoscopic Photography."""

    def __init__(self, *, dermoscopic_status: int | None = None) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = int(s.getsockname()[1])
        self.received: list[tuple[str, str, str]] = []  # (SOP class, SOP instance, calling AET)
        self.proposed: set[str] = set()
        ae = AE(ae_title="OLDPACS")
        classes = [VL_PHOTOGRAPHIC, ENCAPSULATED_PDF, BASIC_TEXT_SR]
        if dermoscopic_status is not None:  # knows the class in negotiation but refuses the dataset
            classes.append(DERMOSCOPIC)
        for uid in classes:
            ae.add_supported_context(uid, [JPEG_BASELINE, EXPLICIT_VR_LE])
        self.status = dermoscopic_status

        def on_store(event: Any) -> int:
            ds = event.dataset
            if ds.SOPClassUID == DERMOSCOPIC and self.status is not None:
                return self.status
            self.received.append((str(ds.SOPClassUID), str(ds.SOPInstanceUID), event.assoc.requestor.ae_title))
            return 0x0000

        def on_request(event: Any) -> None:
            self.proposed |= {str(c.abstract_syntax) for c in event.assoc.requestor.requested_contexts}

        self.server = ae.start_server(
            ("127.0.0.1", self.port),
            block=False,
            evt_handlers=[(evt.EVT_C_STORE, on_store), (evt.EVT_REQUESTED, on_request)],
        )

    def settings(self, **changes: Any) -> Settings:
        return Settings(
            pacs_protocol="dimse", dimse_host="127.0.0.1", dimse_port=self.port, dimse_called_aet="OLDPACS", **changes
        )


@pytest.fixture
def exam_id(store: RecordStore, tmp_path: Path) -> int:
    path = tmp_path / "lesion.jpg"
    Image.fromarray(make_rgb(50, 40)).save(path, quality=90)
    exam = make_referral(store, [path], [0.7])
    assert exam.id is not None
    return exam.id


@pytest.mark.parametrize("refusal", ["negotiation", "status 0x0122"])
def test_dermoscopic_rejected_then_sent_as_vl_photographic(store: RecordStore, exam_id: int, refusal: str) -> None:
    pacs = OldPacs(dermoscopic_status=0x0122 if refusal != "negotiation" else None)
    try:
        settings = pacs.settings()
        item = outbox.enqueue(store, exam_id, settings)
        [result] = sender.process_due(store, settings)
        assert result.state == "delivered", result.error
        assert result.sop_class == VL_PHOTOGRAPHIC
        classes = sorted(c for c, _, _ in pacs.received)
        assert classes == sorted([VL_PHOTOGRAPHIC, ENCAPSULATED_PDF, BASIC_TEXT_SR])
        assert DERMOSCOPIC in pacs.proposed  # it was tried first
        assert {aet for _, _, aet in pacs.received} == {"DERMASSIST"}
        # Same SOP Instance UID as in the package: a later resend would still not duplicate it.
        image_uid = next(u for c, u, _ in pacs.received if c == VL_PHOTOGRAPHIC)
        files = outbox.package_folder(store, item)
        assert image_uid in (files / "manifest.json").read_text(encoding="utf-8")
        assert outbox.get_item(store, item.id).image_sop_class == VL_PHOTOGRAPHIC
    finally:
        pacs.server.shutdown()


def test_vl_photographic_setting_never_offers_dermoscopic(store: RecordStore, exam_id: int) -> None:
    pacs = OldPacs()
    try:
        settings = pacs.settings(sop_class="vl_photographic")
        outbox.enqueue(store, exam_id, settings)
        [result] = sender.process_due(store, settings)
        assert result.state == "delivered" and DERMOSCOPIC not in pacs.proposed
    finally:
        pacs.server.shutdown()
