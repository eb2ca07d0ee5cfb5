"""DICOMweb plumbing without a server: credentials, certificate choice, multipart bodies both ways."""

from __future__ import annotations

import base64

import requests

from dermassist.records.settings import Settings
from dermassist.transfer.dicomweb import multipart_body, multipart_parts, session_for, verify_for


def test_basic_auth_is_utf8_and_bearer_is_a_header() -> None:
    s = session_for(Settings(dicomweb_auth="basic", dicomweb_username="врач", dicomweb_password="пароль"))
    prepared = s.prepare_request(requests.Request("GET", "https://pacs.invalid/x"))
    assert prepared.headers["Authorization"].startswith("Basic ")
    decoded = base64.b64decode(prepared.headers["Authorization"][6:]).decode("utf-8")
    assert decoded == "врач:пароль"
    s = session_for(Settings(dicomweb_auth="bearer", dicomweb_token="tok123"))
    assert s.headers["Authorization"] == "Bearer tok123" and s.auth is None
    s = session_for(Settings(dicomweb_auth="none", dicomweb_username="x", dicomweb_password="y"))
    assert s.auth is None and "Authorization" not in s.headers


def test_certificate_choice() -> None:
    assert verify_for(Settings()) is True
    assert verify_for(Settings(dicomweb_ca_bundle="/etc/center-ca.pem")) == "/etc/center-ca.pem"
    assert verify_for(Settings(dicomweb_verify_tls=False, dicomweb_ca_bundle="/etc/center-ca.pem")) is False


def test_multipart_round_trip_keeps_binary_bytes() -> None:
    parts = [b"\x00\r\n\r\n--\xff" * 50, b"DICM" + bytes(range(256)), b""]
    body, content_type = multipart_body(parts)
    assert content_type.startswith('multipart/related; type="application/dicom"; boundary=')
    assert multipart_parts(content_type, body) == parts
    quoted = content_type.replace("boundary=", 'boundary="') + '"'
    assert multipart_parts(quoted, body) == parts
    assert multipart_parts("application/dicom", b"abc") == [b"abc"]
