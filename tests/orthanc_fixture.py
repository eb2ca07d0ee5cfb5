"""A real Orthanc (Debian's ``orthanc`` + ``orthanc-dicomweb``) for the transfer tests, and sample referrals.

The fixture writes its own configuration (authentication on, temporary storage, DICOMweb plugin,
free ports on 127.0.0.1), starts ``Orthanc config.json`` and kills it afterwards; the Debian
service, if any, is left alone. Without Orthanc the tests fail with the install command, unless
``DERMASSIST_SKIP_ORTHANC=1`` is set. ``DERMASSIST_ORTHANC`` and ``DERMASSIST_ORTHANC_DICOMWEB`` name
the executable and the plugin where they are not in Debian's places.
"""

from __future__ import annotations

import contextlib
import glob
import json
import os
import shutil
import signal
import socket
import ssl
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from dermassist.records.models import AnalysisRecord, Examination, LesionSite, Patient
from dermassist.records.settings import Settings
from dermassist.records.store import RecordStore

USER, PASSWORD = "center", "s3cret-Пароль"
AUTH = (USER.encode("utf-8"), PASSWORD.encode("utf-8"))  # requests would encode a str password as Latin-1
ORTHANC_AET = "CENTERPACS"
OUR_AET = "DERMASSIST"
PLUGIN_GLOBS = (
    "/usr/share/orthanc/plugins/libOrthancDicomWeb.so",
    "/usr/lib/orthanc/libOrthancDicomWeb.so*",
    "/usr/lib/*/orthanc/libOrthancDicomWeb.so*",
    "/usr/local/share/orthanc/plugins/libOrthancDicomWeb.so",
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def find_orthanc() -> tuple[str, str]:
    """(Orthanc executable, DICOMweb plugin); fails or skips with the reason when absent."""
    exe = os.environ.get("DERMASSIST_ORTHANC") or shutil.which("Orthanc") or "/usr/sbin/Orthanc"
    exe = exe if os.path.isfile(exe) else ""
    plugin = os.environ.get("DERMASSIST_ORTHANC_DICOMWEB") or next(
        (p for pattern in PLUGIN_GLOBS for p in sorted(glob.glob(pattern))), ""
    )
    plugin = plugin if os.path.isfile(plugin) else ""
    if exe and plugin:
        return exe, plugin
    what = "Orthanc" if not exe else "the Orthanc DICOMweb plugin"
    message = f"{what} is not installed: apt-get install -y orthanc orthanc-dicomweb"
    if os.environ.get("DERMASSIST_SKIP_ORTHANC") == "1":
        pytest.skip(message + " (skipped: DERMASSIST_SKIP_ORTHANC=1)")
    pytest.fail(message + " (or set DERMASSIST_SKIP_ORTHANC=1 to skip these tests)", pytrace=False)


class TlsProxy:
    """HTTPS on a free 127.0.0.1 port, forwarded as plain HTTP to ``target_port`` (threads; test use only)."""

    def __init__(self, target_port: int, cert: Path, key: Path) -> None:
        self.target_port = target_port
        self.context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.context.load_cert_chain(str(cert), str(key))
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self.listener.getsockname()[1])
        self.closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self.closed:
            try:
                raw, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(raw,), daemon=True).start()

    def _serve(self, raw: socket.socket) -> None:
        try:
            client = self.context.wrap_socket(raw, server_side=True)
        except (ssl.SSLError, OSError):  # e.g. the client refused our certificate: that is the point
            raw.close()
            return
        try:
            upstream = socket.create_connection(("127.0.0.1", self.target_port), timeout=30)
        except OSError:
            client.close()
            return
        threading.Thread(target=self._pump, args=(upstream, client), daemon=True).start()
        self._pump(client, upstream)

    @staticmethod
    def _pump(src: socket.socket, dst: socket.socket) -> None:
        try:
            while chunk := src.recv(65536):
                dst.sendall(chunk)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
                    s.close()

    def close(self) -> None:
        self.closed = True
        self.listener.close()


class OrthancServer:
    """One Orthanc process on its own storage; ``kill`` and ``start`` again reuse the same storage."""

    def __init__(self, folder: Path, *, https: bool = False) -> None:
        self.exe, self.plugin = find_orthanc()
        self.https = https
        self.folder = folder
        self.http_port = _free_port()
        self.dicom_port = _free_port()
        self.proc: subprocess.Popen[bytes] | None = None
        config: dict[str, Any] = {
            "Name": "DermAssistTestCenter",
            "StorageDirectory": str(folder / "storage"),
            "IndexDirectory": str(folder / "index"),
            "StorageCompression": False,
            "HttpPort": self.http_port,
            "DicomPort": self.dicom_port,
            "DicomAet": ORTHANC_AET,
            "DicomCheckCalledAet": True,
            "RemoteAccessAllowed": False,
            "AuthenticationEnabled": True,
            "RegisteredUsers": {USER: PASSWORD},
            "DicomModalities": {"gp": [OUR_AET, "127.0.0.1", _free_port()]},
            "DicomAlwaysAllowEcho": True,
            "DicomAlwaysAllowStore": True,
            "DicomAlwaysAllowFind": True,
            "OverwriteInstances": False,
            "Plugins": [self.plugin],
            "DicomWeb": {"Enable": True, "Root": "/dicom-web/", "EnableWado": True},
            "HttpTimeout": 30,
            "StableAge": 1,
            # Orthanc answers QIDO-RS in this encoding; the Latin-1 default drops Cyrillic names.
            "DefaultEncoding": "Utf8",
        }
        folder.mkdir(parents=True, exist_ok=True)
        self.ca = folder / "cert.pem"
        self.proxy: TlsProxy | None = None
        self.config_path = folder / "config.json"
        self.config_path.write_text(json.dumps(config, indent=2, ensure_ascii=False), encoding="utf-8")
        self.url = f"http://127.0.0.1:{self.http_port}"
        if https:
            # TLS in front of Orthanc, as a reverse proxy does at a center: Debian 12's Orthanc 1.10.1
            # crashed (SIGSEGV) on the first request with its own SslEnabled.
            self.proxy = TlsProxy(self.http_port, self._make_certificate(), folder / "key.pem")
            self.url = f"https://127.0.0.1:{self.proxy.port}"
        self.dicomweb_url = self.url + "/dicom-web"

    def _make_certificate(self) -> Path:
        """A self-signed certificate for 127.0.0.1 (``cert.pem``, key in ``key.pem``)."""
        openssl = shutil.which("openssl")
        if not openssl:
            pytest.fail("openssl is needed for the HTTPS test: apt-get install -y openssl", pytrace=False)
        key = self.folder / "key.pem"
        subprocess.run(
            [
                openssl,
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                str(key),
                "-out",
                str(self.ca),
                "-days",
                "2",
                "-subj",
                "/CN=127.0.0.1",
                "-addext",
                "subjectAltName=IP:127.0.0.1",
            ],
            check=True,
            capture_output=True,
        )
        return self.ca

    @property
    def verify(self) -> str | bool:
        """What ``requests`` needs to trust this server."""
        return str(self.ca) if self.https else True

    def start(self, timeout: float = 30.0) -> None:
        """Start and wait until both the REST API and the DICOM port answer."""
        log = open(self.folder / "orthanc.log", "ab")  # noqa: SIM115 - handed to the child process
        self.proc = subprocess.Popen([self.exe, str(self.config_path)], cwd=self.folder, stdout=log, stderr=log)
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"Orthanc exited with {self.proc.returncode}: {self.log_tail()}")
            try:
                if requests.get(self.url + "/system", auth=AUTH, timeout=1, verify=self.verify).ok:
                    with socket.create_connection(("127.0.0.1", self.dicom_port), timeout=1):
                        return
            except OSError:
                pass
            time.sleep(0.1)
        self.kill()
        raise RuntimeError(f"Orthanc did not start in {timeout} s: {self.log_tail()}")

    def kill(self) -> None:
        """SIGKILL: the server dies as in a power cut."""
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)
        self.proc = None

    def log_tail(self) -> str:
        """The end of Orthanc's log, for failure messages."""
        try:
            return (self.folder / "orthanc.log").read_text(errors="replace")[-1500:]
        except OSError:
            return ""

    # -- the REST API, to check what arrived -------------------------------------------------

    def get(self, path: str) -> requests.Response:
        """GET on the REST API with the registered user."""
        resp = requests.get(self.url + path, auth=AUTH, timeout=30, verify=self.verify)
        resp.raise_for_status()
        return resp

    def json(self, path: str) -> Any:
        """GET returning JSON."""
        return self.get(path).json()

    def study_id(self, study_uid: str) -> str:
        """Orthanc's identifier of a study, by StudyInstanceUID."""
        found = requests.post(
            self.url + "/tools/lookup", data=study_uid, auth=AUTH, timeout=30, verify=self.verify
        ).json()
        ids = [f["ID"] for f in found if f["Type"] == "Study"]
        assert ids, f"study {study_uid} not found in Orthanc"
        return str(ids[0])

    def instances_of_study(self, study_uid: str) -> list[dict[str, Any]]:
        """The study's instances with their main tags."""
        return list(self.json(f"/studies/{self.study_id(study_uid)}/instances"))

    def settings(self, protocol: str, **changes: Any) -> Settings:
        """Settings of a GP clinic pointed at this server."""
        base = Settings(
            clinic_name="Поликлиника №5",
            clinic_address="ул. Ленина, 1, Казань",
            doctor_name="Петрова Анна Сергеевна",
            pacs_protocol=protocol,
            dicomweb_url=self.dicomweb_url,
            dicomweb_auth="basic",
            dicomweb_username=USER,
            dicomweb_password=PASSWORD,
            dicomweb_ca_bundle=str(self.ca) if self.https else "",
            dimse_host="127.0.0.1",
            dimse_port=self.dicom_port,
            dimse_called_aet=ORTHANC_AET,
            dimse_calling_aet=OUR_AET,
        )
        return base.with_changes(**changes)


@pytest.fixture
def orthanc_https(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OrthancServer]:
    """Orthanc serving HTTPS with a self-signed certificate for 127.0.0.1 (``server.ca``)."""
    server = OrthancServer(tmp_path_factory.mktemp("orthanc-https"), https=True)
    server.start()
    try:
        yield server
    finally:
        server.kill()
        if server.proxy is not None:
            server.proxy.close()


@pytest.fixture
def orthanc(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OrthancServer]:
    """A running Orthanc with authentication and DICOMweb on free ports; killed afterwards."""
    server = OrthancServer(tmp_path_factory.mktemp("orthanc"))
    server.start()
    try:
        yield server
    finally:
        server.kill()


# -- sample records ----------------------------------------------------------------------------

MODEL_SHA = "ab" * 32


def make_referral(
    store: RecordStore,
    image_files: list[Path],
    probabilities: list[float],
    *,
    name: str = "Иванов Иван Иванович",
    record_number: str = "MRN-001",
    phone: str = "+7 900 123-45-67",
) -> Examination:
    """A patient, an examination with the given images, and one analysis per image."""
    patient = store.add_patient(
        Patient(None, name, birth_date="1970-05-04", sex="male", record_number=record_number, phone=phone)
    )
    assert patient.id is not None
    exam = store.add_examination(
        Examination(
            None,
            patient.id,
            date="2026-03-02",
            referring_doctor="Петрова Анна Сергеевна",
            site=LesionSite("back", 0.4, 0.3, "левая лопатка"),
            notes="Растёт последние 3 месяца.",
            urgency="soon",
        )
    )
    assert exam.id is not None
    for path, p in zip(image_files, probabilities, strict=True):
        img = store.add_image(exam.id, path)
        store.add_analysis(
            AnalysisRecord(
                None,
                exam.id,
                img.sha256,
                malignant=p,
                threshold=0.5,
                decision="malignant" if p >= 0.5 else "benign",
                model_name="dermassist-effnet",
                model_version="1.2.0",
                model_sha256=MODEL_SHA,
                provider="CPUExecutionProvider",
            )
        )
    return store.get_examination(exam.id)
