"""Per-instance proof of delivery against a stub DICOMweb server that lies, half-stores or hangs up."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from orthanc_fixture import make_referral
from PIL import Image
from pydicom import dcmread
from pydicom.filebase import DicomBytesIO

from dermassist.records.settings import Settings
from dermassist.records.store import RecordStore
from dermassist.transfer import outbox, sender
from dermassist.transfer.connection import check_connection
from dermassist.transfer.dicomweb import multipart_parts
from dermassist.transfer.stow_response import NotDicomweb, parse_stow_response


def _ref(uid: str) -> dict[str, object]:
    return {"00081150": {"vr": "UI", "Value": ["1.2"]}, "00081155": {"vr": "UI", "Value": [uid]}}


def _xml(stored: list[str], failed: list[tuple[str, int]]) -> bytes:
    def seq(tag: str, items: list[str]) -> str:
        body = "".join(f'<Item number="{n}">{i}</Item>' for n, i in enumerate(items, 1))
        return f'<DicomAttribute tag="{tag}" vr="SQ">{body}</DicomAttribute>'

    def uid(u: str) -> str:
        return f'<DicomAttribute tag="00081155" vr="UI"><Value number="1">{u}</Value></DicomAttribute>'

    refs = [uid(u) for u in stored]
    fails = [
        uid(u) + f'<DicomAttribute tag="00081197" vr="US"><Value number="1">{r}</Value></DicomAttribute>'
        for u, r in failed
    ]
    return (
        '<?xml version="1.0" encoding="UTF-8"?><NativeDicomModel xmlns="http://dicom.nema.org/PS3.19/models/NativeDICOM">'
        + seq("00081199", refs)
        + (seq("00081198", fails) if fails else "")
        + "</NativeDicomModel>"
    ).encode()


class StubPacs:
    """A DICOMweb impostor; ``mode`` picks its answer to STOW-RS and QIDO-RS."""

    def __init__(self) -> None:
        self.mode = "ok"
        self.received: list[str] = []
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def _send(self, status: int, ctype: str, body: bytes) -> None:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:  # QIDO-RS
                if stub.mode == "html":
                    self._send(200, "text/html", b"<html><body>Welcome to nginx!</body></html>")
                elif stub.mode == "lying-qido":
                    self._send(200, "application/dicom+json", b"[]")
                else:
                    found = [{"00080018": {"vr": "UI", "Value": [u]}} for u in stub.received]
                    self._send(200, "application/dicom+json; charset=utf-8", json.dumps(found).encode())

            def do_POST(self) -> None:  # STOW-RS
                length = int(self.headers["Content-Length"])
                body = self.rfile.read(length)
                uids = [
                    str(dcmread(DicomBytesIO(p)).SOPInstanceUID)
                    for p in multipart_parts(self.headers["Content-Type"], body)
                ]
                mode = stub.mode
                if mode == "drop":  # the server dies after reading the request
                    self.connection.shutdown(socket.SHUT_RDWR)
                    self.close_connection = True
                    return
                if mode == "drop-mid-answer":
                    self.send_response(200)
                    self.send_header("Content-Type", "application/dicom+json")
                    self.send_header("Content-Length", "5000")
                    self.end_headers()
                    self.wfile.write(b'{"00081199": {"vr": "SQ", "Value": [')
                    self.wfile.flush()
                    self.connection.shutdown(socket.SHUT_RDWR)
                    self.close_connection = True
                    return
                if mode == "html":
                    self._send(200, "text/html; charset=utf-8", b"<html><body>OK</body></html>")
                elif mode == "empty":
                    self._send(200, "application/dicom+json", b"{}")
                elif mode == "partial":
                    answer = {
                        "00081199": {"vr": "SQ", "Value": [_ref(uids[0])]},
                        "00081198": {
                            "vr": "SQ",
                            "Value": [
                                {
                                    "00081155": {"vr": "UI", "Value": [uids[1]]},
                                    "00081197": {"vr": "US", "Value": [0xA700]},
                                }
                            ],
                        },
                    }
                    stub.received += uids[:1]
                    self._send(202, "application/dicom+json", json.dumps(answer).encode())
                elif mode == "silent-missing":  # lists only some, fails none
                    stub.received += uids[:1]
                    answer = {"00081199": {"vr": "SQ", "Value": [_ref(uids[0])]}}
                    self._send(200, "application/dicom+json", json.dumps(answer).encode())
                elif mode == "xml":
                    stub.received += uids
                    self._send(200, "application/dicom+xml", _xml(uids, []))
                else:  # ok, lying-qido
                    if mode == "ok":
                        stub.received += uids
                    answer = {"00081199": {"vr": "SQ", "Value": [_ref(u) for u in uids]}}
                    self._send(200, "application/dicom+json", json.dumps(answer).encode())

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/dicom-web"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def settings(self, **changes: object) -> Settings:
        return Settings(clinic_name="Clinic", dicomweb_url=self.url, dicomweb_auth="none").with_changes(**changes)


@pytest.fixture
def stub() -> Iterator[StubPacs]:
    s = StubPacs()
    yield s
    s.server.shutdown()
    s.server.server_close()


@pytest.fixture
def item(store: RecordStore, tmp_path: Path, stub: StubPacs) -> outbox.OutboxItem:
    paths = []
    for n in range(2):
        path = tmp_path / f"img{n}.jpg"
        Image.new("RGB", (40, 30), (150 + n * 20, 90, 80)).save(path, quality=90)
        paths.append(path)
    exam = make_referral(store, paths, [0.9, 0.3])
    return outbox.enqueue(store, exam.id, stub.settings())


def _try(
    store: RecordStore, stub: StubPacs, item: outbox.OutboxItem, mode: str, **changes: object
) -> sender.SendResult:
    stub.mode = mode
    outbox.retry_now(store, item.id)
    [result] = sender.process_due(store, stub.settings(**changes), only=item.id)
    return result


@pytest.mark.parametrize(
    ("mode", "words"),
    [
        ("html", "not a DICOMweb server (HTTP 200"),
        ("empty", "not a DICOMweb server (HTTP 200"),
        ("partial", "refused 1 of 4 instances (IMG002.dcm: 0xA700 out of resources; HTTP 202)"),
        ("silent-missing", "confirmed 1 of 4 instances"),
        ("drop", "connection dropped during the request"),
        ("drop-mid-answer", "connection dropped during the request"),
    ],
)
def test_nothing_is_delivered_without_per_instance_proof(
    store: RecordStore, stub: StubPacs, item: outbox.OutboxItem, mode: str, words: str
) -> None:
    result = _try(store, stub, item, mode)
    assert result.state == "failed" and words in result.error, result.error
    assert "cannot connect" not in result.error
    failed = outbox.get_item(store, item.id)
    assert failed.state == "failed" and failed.delivered_at is None and words in failed.last_error
    # The same item goes through once the server proves every instance.
    assert _try(store, stub, item, "ok").state == "delivered"
    assert len(set(stub.received)) == 4


def test_xml_answer_counts_too(store: RecordStore, stub: StubPacs, item: outbox.OutboxItem) -> None:
    assert _try(store, stub, item, "xml").state == "delivered"


def test_qido_confirmation_catches_a_server_that_lists_nothing(
    store: RecordStore, stub: StubPacs, item: outbox.OutboxItem
) -> None:
    assert _try(store, stub, item, "lying-qido").state == "delivered"  # STOW-RS alone is believed by default
    item2 = outbox.enqueue(store, item.examination_id, stub.settings())  # a new version of the referral
    result = _try(store, stub, item2, "lying-qido", dicomweb_confirm_qido=True)
    assert result.state == "failed" and "QIDO-RS confirmation: the server lists 0 of 4" in result.error
    assert _try(store, stub, item2, "ok", dicomweb_confirm_qido=True).state == "delivered"


def test_connection_test_recognises_a_dicomweb_server(stub: StubPacs) -> None:
    stub.mode = "html"
    bad = check_connection(stub.settings())
    assert not bad.ok and "not a DICOMweb server" in bad.message and "text/html" in bad.message
    stub.mode = "ok"
    good = check_connection(stub.settings())
    assert good.ok and "a DICOMweb server" in good.message


def test_parser_edge_cases() -> None:
    with pytest.raises(NotDicomweb):
        parse_stow_response("application/dicom+json", b"[1, 2]")
    with pytest.raises(NotDicomweb):
        parse_stow_response("application/dicom+xml", b"<html/>")
    with pytest.raises(NotDicomweb):
        parse_stow_response("", b"")
    out = parse_stow_response("application/dicom+xml", _xml(["2.25.1"], [("2.25.2", 272)]))
    assert out.stored == {"2.25.1"} and out.failed == {"2.25.2": 0x0110}


def test_messages_in_russian(store: RecordStore, stub: StubPacs, item: outbox.OutboxItem) -> None:
    from dermassist.i18n import set_language

    set_language("ru")  # restored after the test by conftest
    result = _try(store, stub, item, "partial")
    assert "STOW-RS: сервер отклонил 1 из 4 объектов (IMG002.dcm: 0xA700 не хватает ресурсов; HTTP 202)" in result.error
    stub.mode = "html"
    assert "это не DICOMweb-сервер" in check_connection(stub.settings()).message
