"""Per-user settings, stored as JSON in the per-user config folder (written atomically)."""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from dermassist.paths import user_config_dir


@dataclass(frozen=True)
class Settings:
    """Everything a user can set. Unknown keys in the file are ignored; missing ones take defaults."""

    clinic_name: str = ""
    clinic_address: str = ""
    doctor_name: str = ""
    center_name: str = ""
    center_contact: str = ""
    model_path: str = ""  # empty: the default installed model
    provider: str = "auto"  # auto, cpu, cuda, directml
    language: str = ""  # empty: from the system locale; "en" or "ru"
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

    def with_changes(self, **changes: Any) -> Settings:
        """A copy with some fields changed."""
        return replace(self, **changes)


def settings_path() -> Path:
    """Location of the settings file."""
    return user_config_dir() / "settings.json"


def load_settings(path: Path | None = None) -> Settings:
    """Read settings; a missing or unreadable file gives the defaults (a broken file is kept aside)."""
    path = path or settings_path()
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
    known = {f.name: f for f in fields(Settings)}
    kwargs: dict[str, Any] = {}
    for key, value in data.items():
        if key in known:
            default = getattr(Settings(), key)
            if isinstance(default, bool) or isinstance(value, type(default)):
                kwargs[key] = type(default)(value)
    return Settings(**kwargs)


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write settings atomically (write to a temporary file, fsync, rename)."""
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".json.tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(asdict(settings), fh, indent=2, ensure_ascii=False)
        fh.flush()
        os.fsync(fh.fileno())
    tmp.replace(path)
