"""Per-user settings, stored as JSON in the per-user config folder (written atomically, private).

Passwords and tokens are not in the JSON file: they live in the credential store
(:mod:`dermassist.records.secrets`). A plain-text secret left by an older version is moved there
the first time the settings are read.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from dermassist.paths import user_config_dir
from dermassist.records.privacy import FILE_MODE, make_private, private_dir
from dermassist.records.secrets import SecretStore

# Fields kept in the credential store, never in settings.json.
SECRET_FIELDS = ("dicomweb_password", "dicomweb_token")


@dataclass(frozen=True)
class Settings:
    """Everything a user can set. Unknown keys in the file are ignored; missing ones take defaults."""

    clinic_name: str = ""
    clinic_address: str = ""
    clinic_phone: str = ""  # printed on the referral so the center can call back
    doctor_name: str = ""
    doctor_phone: str = ""  # the doctor's direct line, printed beside their name
    center_name: str = ""
    center_contact: str = ""
    model_path: str = ""  # empty: the default installed model
    provider: str = "auto"  # auto, cpu, cuda, directml
    language: str = ""  # empty: from the system locale; else a language code ("en", "ru", any catalog's)
    threshold_preset: str = "card"  # "card" or a key of the card's operating_points
    tta: bool = False  # test-time augmentation: average the 8 flips/rotations (about 8x the model time)
    # Transfer to the specialized center (DICOM).
    pacs_protocol: str = "dicomweb"  # dicomweb or dimse
    dicomweb_url: str = ""  # e.g. https://pacs.example.org/dicom-web
    dicomweb_auth: str = "basic"  # none, basic, bearer
    dicomweb_username: str = ""
    dicomweb_password: str = ""
    dicomweb_token: str = ""
    dicomweb_verify_tls: bool = True
    dicomweb_ca_bundle: str = ""
    dicomweb_confirm_qido: bool = False  # also check with a QIDO-RS query that every instance is listed
    dimse_host: str = ""
    dimse_port: int = 104
    dimse_called_aet: str = ""
    dimse_calling_aet: str = "DERMASSIST"
    dimse_tls: bool = False  # C-STORE / C-ECHO over TLS (the center's certificate is verified)
    dimse_ca_bundle: str = ""  # CA file for the center's DIMSE TLS certificate; empty: the system store
    sop_class: str = "dermoscopic"  # dermoscopic or vl_photographic
    backup_reminder_days: int = 7  # remind when the last backup is older than this; 0: never

    def with_changes(self, **changes: Any) -> Settings:
        """A copy with some fields changed."""
        return replace(self, **changes)


def settings_path() -> Path:
    """Location of the settings file."""
    return user_config_dir() / "settings.json"


def load_settings(path: Path | None = None) -> Settings:
    """Read settings; a missing or unreadable file gives the defaults (a broken file is kept aside)."""
    path = path or settings_path()
    if path.parent == user_config_dir():
        make_private(path.parent, recursive=False)  # a settings file an older version left readable
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            path.replace(path.with_suffix(".json.broken"))
        return Settings()
    if not isinstance(data, dict):
        return Settings()
    secrets = SecretStore(path.parent)
    plain = {k: data.pop(k) for k in SECRET_FIELDS if k in data}
    if any(isinstance(v, str) and v for v in plain.values()):
        # Written by an older version: move the secrets to the store, then rewrite the file without them.
        for key, value in plain.items():
            if isinstance(value, str) and value:
                secrets.set(key, value)
        with contextlib.suppress(OSError):
            _write_json(path, data)
    for key in SECRET_FIELDS:
        data[key] = secrets.get(key)
    known = {f.name: f for f in fields(Settings)}
    kwargs: dict[str, Any] = {}
    for key, value in data.items():
        if key in known:
            default = getattr(Settings(), key)
            if isinstance(default, bool) or isinstance(value, type(default)):
                kwargs[key] = type(default)(value)
    return Settings(**kwargs)


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write settings atomically (temporary file, fsync, rename), the secrets to the credential store."""
    path = path or settings_path()
    data = asdict(settings)
    secrets = SecretStore(path.parent)
    for key in SECRET_FIELDS:
        secrets.set(key, str(data.pop(key)))
    _write_json(path, data)


def _write_json(path: Path, data: dict[str, Any]) -> None:
    if path.parent == user_config_dir():
        private_dir(path.parent)
        make_private(path.parent, recursive=False)  # also what an older version left readable
    else:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_suffix(".json.tmp")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(data, fh, indent=2, ensure_ascii=False)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
