"""Privacy: the data and settings folders are private on any umask, secrets are not in settings.json,
and onnxruntime writes no telemetry."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from dermassist.records import secrets
from dermassist.records.models import Examination, Patient
from dermassist.records.privacy import is_private, make_private
from dermassist.records.settings import Settings, load_settings, save_settings, settings_path
from dermassist.records.store import RecordStore

posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX; Windows uses an ACL (icacls)")


def _mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


@posix_only
def test_files_left_readable_by_an_older_version_are_made_private_on_open(tmp_path: Path) -> None:
    data = tmp_path / "data"
    old = os.umask(0o022)
    try:
        with RecordStore.open(data) as s:
            p = s.add_patient(Patient(id=None, full_name="Иванова Анна"))
            s.add_examination(Examination(id=None, patient_id=int(p.id or 0), date="2025-01-02"))
        # What the issue found: an older version left everything world-readable.
        for path in [data, *data.rglob("*")]:
            os.chmod(path, 0o755 if path.is_dir() else 0o644)
        (data / "outbox").mkdir(mode=0o755)
        (data / "outbox" / "referral.pdf").write_bytes(b"%PDF patient name")
        os.chmod(data / "outbox" / "referral.pdf", 0o644)
        assert is_private(data)
        with RecordStore.open(data):
            pass
    finally:
        os.umask(old)
    assert is_private(data) == []
    assert _mode(data) == 0o700 and _mode(data / "records.sqlite3") == 0o600
    assert _mode(data / "outbox") == 0o700 and _mode(data / "outbox" / "referral.pdf") == 0o600


@posix_only
def test_make_private_leaves_symlink_targets_alone(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("not ours")
    os.chmod(outside, 0o644)
    data = tmp_path / "data"
    data.mkdir(mode=0o755)
    (data / "link").symlink_to(outside)
    make_private(data)
    assert _mode(outside) == 0o644 and _mode(data) == 0o700


@posix_only
def test_everything_the_program_writes_is_private_with_umask_022(tmp_path: Path, image_file: Path) -> None:
    """A fresh process with the usual umask 022 goes through the CLI entry point, which sets 077."""
    data, config = tmp_path / "d", tmp_path / "c"
    code = f"""
import os, sys
os.umask(0o022)
from dermassist.cli import main
try:
    main(["--version"])
except SystemExit:
    pass
from dermassist.records.store import RecordStore
from dermassist.records.models import Patient, Examination
from dermassist.records.settings import Settings, save_settings
s = RecordStore.open()
p = s.add_patient(Patient(id=None, full_name="Petrov"))
e = s.add_examination(Examination(id=None, patient_id=p.id, date="2025-01-02"))
s.add_image(e.id, {str(image_file)!r})
(s.data_dir / "outbox").mkdir()
(s.data_dir / "outbox" / "x.dcm").write_bytes(b"DICM")
s.close()
save_settings(Settings(doctor_name="Dr", dicomweb_password="pw"))
"""
    env = dict(os.environ, DERMASSIST_DATA_DIR=str(data), DERMASSIST_CONFIG_DIR=str(config), PYTHONPATH=str(ROOT))
    subprocess.run([sys.executable, "-c", code], env=env, check=True, timeout=120)
    assert (data / "images").is_dir() and any((data / "images").iterdir())
    assert is_private(data) == [] and is_private(config) == []


def test_secrets_are_not_in_settings_json(tmp_path: Path) -> None:
    save_settings(Settings(dicomweb_username="врач", dicomweb_password="пароль-123", dicomweb_token="tok-456"))
    text = settings_path().read_text(encoding="utf-8")
    assert "пароль-123" not in text and "tok-456" not in text and "врач" in text
    fallback = settings_path().parent / secrets.FALLBACK_NAME
    assert "tok-456" in fallback.read_text(encoding="utf-8")
    if os.name == "posix":
        assert _mode(fallback) == 0o600
    secrets.forget_cache()
    loaded = load_settings()
    assert loaded.dicomweb_password == "пароль-123" and loaded.dicomweb_token == "tok-456"
    save_settings(loaded.with_changes(dicomweb_token=""))
    secrets.forget_cache()
    assert load_settings().dicomweb_token == "" and "tok-456" not in fallback.read_text(encoding="utf-8")


def test_a_plain_text_password_from_an_older_version_is_moved_out(tmp_path: Path) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"doctor_name": "Dr", "dicomweb_password": "old-secret"}), encoding="utf-8")
    assert load_settings().dicomweb_password == "old-secret"
    assert "old-secret" not in path.read_text(encoding="utf-8")
    secrets.forget_cache()
    assert load_settings().dicomweb_password == "old-secret" and load_settings().doctor_name == "Dr"


def test_the_credential_store_is_used_when_there_is_one(monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring
    from keyring.backend import KeyringBackend

    class MemoryKeyring(KeyringBackend):
        priority = 10  # type: ignore[assignment]

        def __init__(self) -> None:
            super().__init__()
            self.items: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.items.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.items[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.items.pop((service, username), None)

    fake = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(fake)
    monkeypatch.setenv("DERMASSIST_SECRET_STORE", "auto")
    secrets.forget_cache()
    try:
        save_settings(Settings(dicomweb_password="in-the-keyring"))
        assert fake.items[(secrets.SERVICE, "dicomweb_password")] == "in-the-keyring"
        assert not (settings_path().parent / secrets.FALLBACK_NAME).exists()
        assert "in-the-keyring" not in settings_path().read_text(encoding="utf-8")
        secrets.forget_cache()
        assert load_settings().dicomweb_password == "in-the-keyring"
    finally:
        keyring.set_keyring(previous)
        secrets.forget_cache()


def test_onnxruntime_writes_no_telemetry(tmp_path: Path, tiny_model) -> None:  # type: ignore[no-untyped-def]
    """Without the switch, onnxruntime 1.2x+ writes a device id under ~/.cache/Microsoft on the first session."""
    home = tmp_path / "home"
    home.mkdir()
    code = f"""
from pathlib import Path
import numpy as np
from dermassist.inference.card import load_card
from dermassist.inference.session import ModelSession
s = ModelSession(load_card(Path({str(tiny_model.path)!r})), providers="cpu")
h, w = s.card.input.size
s.predict_images([np.zeros((h, w, 3), np.uint8)], ["x"])
"""
    env = {k: v for k, v in os.environ.items() if k not in ("XDG_CACHE_HOME", "ORT_DISABLE_TELEMETRY")}
    env.update(HOME=str(home), PYTHONPATH=str(ROOT))
    subprocess.run([sys.executable, "-c", code], env=env, check=True, timeout=120)
    assert not (home / ".cache" / "Microsoft").exists(), sorted(str(p) for p in home.rglob("*"))
