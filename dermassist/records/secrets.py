"""Passwords and tokens, kept out of ``settings.json``.

They go to the operating system's credential store through the ``keyring`` library (Windows
Credential Manager, the Secret Service of GNOME/KDE on Linux, the macOS Keychain). Where none is
available (a Linux workstation without a desktop keyring, a service account) they go to
``secrets.json`` beside the settings, a file only its user may read (0600 in a 0700 folder; an
owner-only ACL on Windows): protected by the file permissions, not encrypted.

``DERMASSIST_SECRET_STORE`` chooses: ``auto`` (default: the credential store when one works,
else the file), ``keyring`` or ``file``.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import threading
from pathlib import Path
from typing import Any

from dermassist.records.privacy import FILE_MODE

log = logging.getLogger(__name__)

SERVICE = "DermAssist"
FALLBACK_NAME = "secrets.json"
ENV_CHOICE = "DERMASSIST_SECRET_STORE"

_lock = threading.Lock()
_cache: dict[tuple[str, str, str], str] = {}


def _keyring() -> Any:
    """The keyring module when a usable credential store is configured, else None."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken keyring configuration must not stop the application
        return None
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 1) <= 0:
        return None
    return keyring


def backend_name() -> str:
    """Where secrets go now: the keyring backend's name, or ``file``."""
    choice = os.environ.get(ENV_CHOICE, "auto").lower()
    kr = None if choice == "file" else _keyring()
    if kr is None:
        return "file"
    return type(kr.get_keyring()).__name__


class SecretStore:
    """Secrets of one settings folder, by name (e.g. ``dicomweb_password``)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.file = folder / FALLBACK_NAME
        choice = os.environ.get(ENV_CHOICE, "auto").lower()
        self._kr = None if choice == "file" else _keyring()
        if choice == "keyring" and self._kr is None:
            log.warning("%s=keyring but no credential store is available: using %s", ENV_CHOICE, self.file)

    @property
    def uses_keyring(self) -> bool:
        """True when secrets go to the operating system's credential store."""
        return self._kr is not None

    def _key(self, name: str) -> tuple[str, str, str]:
        return ("keyring" if self._kr else "file", str(self.folder), name)

    def get(self, name: str) -> str:
        """The secret, or "" when none is stored."""
        with _lock:
            key = self._key(name)
            if key in _cache:
                return _cache[key]
            value = ""
            if self._kr is not None:
                try:
                    value = self._kr.get_password(SERVICE, name) or ""
                except Exception as exc:
                    log.warning("credential store unreadable (%s): trying %s", exc, self.file)
                    value = self._read_file().get(name, "")
            else:
                value = self._read_file().get(name, "")
            _cache[key] = value
            return value

    def set(self, name: str, value: str) -> None:
        """Store (or, with "", delete) a secret."""
        with _lock:
            key = self._key(name)
            if _cache.get(key) == value:
                return
            if self._kr is not None:
                try:
                    if value:
                        self._kr.set_password(SERVICE, name, value)
                    else:
                        with contextlib.suppress(Exception):
                            self._kr.delete_password(SERVICE, name)
                    # A copy left in the fallback file by an earlier run without a keyring goes.
                    self._write_file(name, "")
                    _cache[key] = value
                    return
                except Exception as exc:
                    log.warning("credential store unusable (%s): the secret goes to %s", exc, self.file)
            self._write_file(name, value)
            _cache[key] = value

    def _read_file(self) -> dict[str, str]:
        try:
            data = json.loads(self.file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}

    def _write_file(self, name: str, value: str) -> None:
        data = self._read_file()
        if not value and name not in data:
            return
        if value:
            data[name] = value
        else:
            data.pop(name, None)
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp = self.file.with_suffix(".json.tmp")
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.file)


def forget_cache() -> None:
    """Drop the in-memory copies (tests; after another process changed the secrets)."""
    with _lock:
        _cache.clear()
