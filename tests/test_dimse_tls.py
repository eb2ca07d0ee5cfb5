"""C-STORE and C-ECHO over TLS against an in-process pynetdicom TLS SCP, and a receiver that drops the line."""

from __future__ import annotations

import shutil
import socket
import ssl
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from orthanc_fixture import make_referral
from PIL import Image
from pynetdicom import AE, evt

from dermassist.records.settings import Settings
from dermassist.records.store import RecordStore
from dermassist.transfer import outbox, sender
from dermassist.transfer.connection import VERIFICATION, check_connection
from dermassist.transfer.dicom_build import BASIC_TEXT_SR, DERMOSCOPIC, ENCAPSULATED_PDF, VL_PHOTOGRAPHIC
from dermassist.transfer.package import read_package
from dermassist.transfer.pixels import EXPLICIT_VR_LE, JPEG_BASELINE


def _certificate(folder: Path) -> tuple[Path, Path]:
    openssl = shutil.which("openssl")
    if not openssl:
        pytest.fail("openssl is needed for the TLS tests: apt-get install -y openssl", pytrace=False)
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert)]
        + ["-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True,
        capture_output=True,
    )
    return cert, key


class Pacs:
    """A storage SCP (TLS when given a certificate); ``drop`` aborts the association on the first C-STORE."""

    def __init__(self, cert: tuple[Path, Path] | None = None, *, drop: bool = False) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = int(s.getsockname()[1])
        self.stored: dict[str, str] = {}
        self.lock = threading.Lock()
        ae = AE(ae_title="TLSPACS")
        ae.add_supported_context(VERIFICATION)
        for uid in (DERMOSCOPIC, VL_PHOTOGRAPHIC, ENCAPSULATED_PDF, BASIC_TEXT_SR):
            ae.add_supported_context(uid, [JPEG_BASELINE, EXPLICIT_VR_LE])
        context = None
        if cert is not None:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(str(cert[0]), str(cert[1]))

        def on_store(event: Any) -> int:
            if drop:
                event.assoc.abort()
                return 0xA700
            ds = event.dataset
            with self.lock:
                self.stored[str(ds.SOPInstanceUID)] = str(ds.SOPClassUID)
            return 0x0000

        self.server = ae.start_server(
            ("127.0.0.1", self.port), block=False, ssl_context=context, evt_handlers=[(evt.EVT_C_STORE, on_store)]
        )

    def settings(self, **changes: Any) -> Settings:
        base = Settings(pacs_protocol="dimse", dimse_host="127.0.0.1", dimse_port=self.port, dimse_called_aet="TLSPACS")
        return base.with_changes(**changes)


@pytest.fixture
def tls_pacs(tmp_path: Path) -> Iterator[tuple[Pacs, Path]]:
    cert = _certificate(tmp_path)
    pacs = Pacs(cert)
    yield pacs, cert[0]
    pacs.server.shutdown()


@pytest.fixture
def exam_id(store: RecordStore, tmp_path: Path) -> int:
    path = tmp_path / "lesion.jpg"
    Image.new("RGB", (40, 30), (170, 90, 80)).save(path, quality=90)
    exam = make_referral(store, [path], [0.8])
    assert exam.id is not None
    return exam.id


def test_referral_over_tls(tls_pacs: tuple[Pacs, Path], store: RecordStore, exam_id: int) -> None:
    pacs, ca = tls_pacs
    settings = pacs.settings(dimse_tls=True, dimse_ca_bundle=str(ca))
    echo = check_connection(settings)
    assert echo.ok and "(TLS)" not in echo.message and echo.message.startswith("dimse tls "), echo.message
    item = outbox.enqueue(store, exam_id, settings)
    [result] = sender.process_due(store, settings)
    assert result.state == "delivered", result.error
    expected = {f.sop_instance_uid for f in read_package(outbox.package_folder(store, item)).dicom_files()}
    assert set(pacs.stored) == expected and len(expected) == 3


def test_tls_refuses_an_unknown_certificate_and_cleartext_fails(tls_pacs: tuple[Pacs, Path]) -> None:
    pacs, _ = tls_pacs
    unknown = check_connection(pacs.settings(dimse_tls=True))  # self-signed, not in the system store
    assert not unknown.ok and "TLS certificate check failed" in unknown.message, unknown.message
    cleartext = check_connection(pacs.settings())
    assert not cleartext.ok
    assert not pacs.stored


def test_receiver_dropping_the_association_is_named(store: RecordStore, exam_id: int) -> None:
    pacs = Pacs(drop=True)
    try:
        settings = pacs.settings()
        outbox.enqueue(store, exam_id, settings)
        [result] = sender.process_due(store, settings)
        assert result.state == "failed" and "connection dropped while sending IMG001.dcm" in result.error, result.error
        assert "cannot connect" not in result.error
    finally:
        pacs.server.shutdown()
