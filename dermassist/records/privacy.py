"""Keep the data and settings folders private to the user who runs DermAssist.

On POSIX systems folders are 0700 and files 0600 whatever the umask: the process umask is set to
077 at start-up (new files), and :func:`make_private` fixes files written by older versions or
with another umask (existing files) each time the store or the settings are opened. On Windows the
folder gets an owner-only access list with ``icacls`` (inheritance from the parent removed, full
control for the current user only, inherited by everything inside).
"""

from __future__ import annotations

import logging
import os
import stat
import subprocess
from pathlib import Path

log = logging.getLogger(__name__)

PRIVATE_UMASK = 0o077
DIR_MODE = 0o700
FILE_MODE = 0o600


def restrict_umask() -> int:
    """Make every file this process creates private (umask 077); returns the previous umask."""
    if os.name != "posix":
        return 0
    return os.umask(PRIVATE_UMASK)


def private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) if needed and make it 0700; returns it."""
    path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    if os.name == "posix":
        _fix(path, DIR_MODE)
    return path


def make_private(root: Path, recursive: bool = True) -> int:
    """Make ``root`` and everything inside it private; returns how many entries were changed.

    ``recursive=False`` fixes ``root`` and the files directly in it only (the settings folder,
    which may be the data folder itself: its images need not be walked on every settings read).
    Symbolic links are neither followed nor changed. Entries owned by another user are left
    alone (and logged): only their owner or root could change them.
    """
    if not root.exists():
        return 0
    if os.name == "nt":  # pragma: no cover - Windows only
        return _windows_owner_only(root)
    changed = int(_fix(root, DIR_MODE))
    if not recursive:
        for entry in os.scandir(root):
            if entry.is_file(follow_symlinks=False):
                changed += _fix(Path(entry.path), FILE_MODE)
        return changed
    for folder, dirs, files in os.walk(root, followlinks=False):
        base = Path(folder)
        for name in dirs:
            changed += _fix(base / name, DIR_MODE)
        for name in files:
            changed += _fix(base / name, FILE_MODE)
    return changed


def _fix(path: Path, wanted: int) -> bool:
    try:
        st = os.lstat(path)
    except OSError:
        return False
    if stat.S_ISLNK(st.st_mode) or stat.S_IMODE(st.st_mode) & 0o077 == 0:
        return False
    try:
        os.chmod(path, wanted if stat.S_ISDIR(st.st_mode) else (stat.S_IMODE(st.st_mode) & 0o700) | FILE_MODE)
    except OSError as exc:
        log.warning("cannot make %s private: %s", path, exc.strerror or exc)
        return False
    return True


def is_private(root: Path) -> list[Path]:
    """Entries under ``root`` (itself included) that other users could read; empty when private."""
    if os.name != "posix":  # pragma: no cover - the ACL is checked with icacls by hand on Windows
        return []
    found = [root] if stat.S_IMODE(os.lstat(root).st_mode) & 0o077 else []
    for folder, dirs, files in os.walk(root, followlinks=False):
        for name in dirs + files:
            p = Path(folder) / name
            st = os.lstat(p)
            if not stat.S_ISLNK(st.st_mode) and stat.S_IMODE(st.st_mode) & 0o077:
                found.append(p)
    return found


def _windows_owner_only(root: Path) -> int:  # pragma: no cover - Windows only
    """Owner-only ACL: drop inherited entries, grant the current user full control (inherited inside)."""
    user = os.environ.get("USERNAME", "")
    domain = os.environ.get("USERDOMAIN", "")
    if not user:
        log.warning("cannot restrict %s: USERNAME is not set", root)
        return 0
    account = f"{domain}\\{user}" if domain else user
    commands = [
        ["icacls", str(root), "/inheritance:r", "/grant:r", f"{account}:(OI)(CI)F", "/Q"],
        # Children written before carry their own entries: reset them to inherit the folder's only.
        ["icacls", str(root / "*"), "/reset", "/T", "/C", "/Q"],
    ]
    for cmd in commands:
        try:
            subprocess.run(cmd, check=True, capture_output=True, timeout=120)
        except (OSError, subprocess.SubprocessError) as exc:
            log.warning("cannot restrict %s with icacls: %s", root, exc)
            return 0
    return 1
