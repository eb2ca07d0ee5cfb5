"""The Linux tarball installer and the packaging step, on a placeholder bundle (no PyInstaller build):
install -> upgrade -> uninstall in a root that holds other software leaves every other file in place."""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

import dermassist

ROOT = Path(__file__).resolve().parent.parent
INSTALL_SH = ROOT / "installer" / "linux" / "install.sh"
CI = bool(os.environ.get("DERMASSIST_CI"))

pytestmark = pytest.mark.skipif(os.name != "posix", reason="the Linux installer is a POSIX shell script")


def _fake_bundle(folder: Path, version: str = "1") -> Path:
    """What an unpacked tarball holds, with placeholder contents (and a link, as PyInstaller makes)."""
    (folder / "_internal" / "models").mkdir(parents=True)
    exe = folder / "dermassist"
    exe.write_text(f"#!/bin/sh\necho DermAssist {version}\n")
    exe.chmod(0o755)
    (folder / "_internal" / "libfake.so.1").write_bytes(b"\x7fELF fake " + version.encode())
    (folder / "_internal" / "libfake.so").symlink_to("libfake.so.1")
    (folder / "_internal" / "models" / "model.json").write_text("{}")
    if version == "1":
        (folder / "_internal" / "only-in-v1.txt").write_text("old")
    shutil.copy(ROOT / "installer" / "linux" / "dermassist.desktop", folder)
    shutil.copy(ROOT / "installer" / "icons" / "dermassist.png", folder)
    shutil.copy(INSTALL_SH, folder / "install.sh")
    (folder / "debian-runtime-packages.txt").write_text("libgl1\n")
    return folder


def _other_software(root: Path) -> None:
    """A machine that already has other programs where DermAssist installs."""
    files = {
        "opt/otherapp/bin/tool": "#!/bin/sh\n",
        "opt/otherapp/data/big.bin": "x" * 1000,
        "opt/README": "other things in /opt\n",
        "usr/local/bin/othertool": "#!/bin/sh\n",
        "usr/share/applications/other.desktop": "[Desktop Entry]\nName=Other\n",
        "usr/share/icons/hicolor/256x256/apps/other.png": "png",
    }
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)


def _snapshot(root: Path) -> dict[str, tuple[str, int, bytes]]:
    out = {}
    for p in sorted(root.rglob("*")):
        st = p.lstat()
        kind = "l" if stat.S_ISLNK(st.st_mode) else "d" if stat.S_ISDIR(st.st_mode) else "f"
        data = os.readlink(p).encode() if kind == "l" else p.read_bytes() if kind == "f" else b""
        out[p.relative_to(root).as_posix()] = (kind, stat.S_IMODE(st.st_mode), data)
    return out


def _run(
    script: Path, root: Path, *args: str, prefix: str = "opt", umask: int = 0o022
) -> subprocess.CompletedProcess[str]:
    env = dict(
        os.environ,
        PREFIX=str(root / prefix),
        BINDIR=str(root / "usr/local/bin"),
        APPS=str(root / "usr/share/applications"),
        ICONDIR=str(root / "usr/share/icons/hicolor/256x256/apps"),
        REFRESH_MENUS="0",  # the desktop's caches are not in the test root
    )
    return subprocess.run(["sh", str(script), *args], env=env, capture_output=True, text=True, timeout=120,
                          preexec_fn=lambda: os.umask(umask))  # fmt: skip


def test_install_upgrade_uninstall_leaves_every_other_file_in_place(tmp_path: Path) -> None:
    root = tmp_path / "root"
    _other_software(root)
    before = _snapshot(root)
    v1 = _fake_bundle(tmp_path / "v1" / "dermassist")
    # PREFIX=/opt, the setting that used to run `rm -rf /opt`.
    out = _run(v1 / "install.sh", root)
    assert out.returncode == 0, out.stderr
    app = root / "opt" / "dermassist"
    assert (app / "dermassist").is_file() and os.access(app / "dermassist", os.X_OK)
    assert os.readlink(root / "usr/local/bin/dermassist") == str(app / "dermassist")
    assert (root / "usr/share/applications/dermassist.desktop").is_file()
    assert os.readlink(app / "_internal/libfake.so") == "libfake.so.1"
    for rel, entry in before.items():
        assert _snapshot(root)[rel] == entry, rel
    # A file someone puts into the program folder is theirs, not the installer's.
    (app / "local-notes.txt").write_text("mine")
    # Upgrade from a newer unpacked folder: what v1 had and v2 has not goes; other files stay.
    v2 = _fake_bundle(tmp_path / "v2" / "dermassist", version="2")
    out = _run(v2 / "install.sh", root)
    assert out.returncode == 0, out.stderr
    assert not (app / "_internal/only-in-v1.txt").exists()
    assert (app / "_internal/libfake.so.1").read_bytes().endswith(b"2")
    assert (app / "local-notes.txt").read_text() == "mine"
    # Uninstall with the installed copy of the script.
    out = _run(app / "install.sh", root, "--uninstall")
    assert out.returncode == 0, out.stderr
    assert "kept" in out.stderr and (app / "local-notes.txt").read_text() == "mine"
    (app / "local-notes.txt").unlink()
    app.rmdir()
    assert _snapshot(root) == before  # nothing of ours left, nothing of theirs gone


def test_install_into_an_empty_root_removes_the_folders_it_made(tmp_path: Path) -> None:
    root = tmp_path / "root"
    root.mkdir()
    bundle = _fake_bundle(tmp_path / "unpacked" / "dermassist")
    assert _run(bundle / "install.sh", root, umask=0o077).returncode == 0  # root's umask must not matter
    assert (root / "usr/local/bin/dermassist").is_symlink()
    for made in ("opt", "opt/dermassist", "usr/local/bin", "usr/share/applications"):
        assert stat.S_IMODE((root / made).stat().st_mode) == 0o755, made  # every user can run the program
    assert stat.S_IMODE((root / "usr/share/applications/dermassist.desktop").stat().st_mode) == 0o644
    out = _run(root / "opt/dermassist/install.sh", root, "--uninstall")
    assert out.returncode == 0, out.stderr
    assert list(root.iterdir()) == []


def test_refuses_a_folder_or_command_it_did_not_make(tmp_path: Path) -> None:
    root = tmp_path / "root"
    _other_software(root)
    (root / "opt/dermassist").mkdir(parents=True)
    (root / "opt/dermassist/someone-elses.txt").write_text("not ours")
    before = _snapshot(root)
    bundle = _fake_bundle(tmp_path / "unpacked" / "dermassist")
    out = _run(bundle / "install.sh", root)
    assert out.returncode != 0 and "not made by this installer" in out.stderr
    out = _run(bundle / "install.sh", root, "--uninstall")
    assert out.returncode != 0 and "nothing removed" in out.stderr
    assert _snapshot(root) == before
    shutil.rmtree(root / "opt/dermassist")
    (root / "usr/local/bin/dermassist").write_text("#!/bin/sh\necho another program\n")
    before = _snapshot(root)
    out = _run(bundle / "install.sh", root)
    assert out.returncode != 0 and "not installed by this installer" in out.stderr
    assert _snapshot(root) == before


def _dpkg_deb() -> str:
    found = shutil.which("dpkg-deb")
    if found is None:
        if CI:
            pytest.fail("dpkg-deb is missing on CI: apt-get install dpkg")
        pytest.skip("dpkg-deb is not installed")
    return found


def test_packaging_step_on_a_placeholder_bundle(tmp_path: Path) -> None:
    """build_linux.sh --package-only: the tarball holds the package list without comments, the .deb
    installs under /usr/lib/dermassist (never /opt, which `apt remove` would take away when empty)."""
    _dpkg_deb()
    build = tmp_path / "build"
    bundle = build / "dist" / "dermassist"
    bundle.mkdir(parents=True)
    (bundle / "dermassist").write_text("#!/bin/sh\n")
    (bundle / "dermassist").chmod(0o755)
    (bundle / "_internal").mkdir()
    (bundle / "_internal" / "lib.so").write_bytes(b"\x7fELF")
    env = dict(os.environ, BUILD=str(build), PYTHON=sys.executable, PYTHONPATH=str(ROOT))
    out = subprocess.run(["bash", str(ROOT / "installer" / "build_linux.sh"), "--package-only"], env=env,
                         capture_output=True, text=True, timeout=300)  # fmt: skip
    assert out.returncode == 0, out.stdout + out.stderr
    tarball = next((build / "dist").glob("dermassist-*.tar.gz"))
    with tarfile.open(tarball) as tar:
        names = set(tar.getnames())
        listed = tar.extractfile("dermassist/debian-runtime-packages.txt")
        assert listed is not None
        packages = listed.read().decode().split()
    for name in ("dermassist/dermassist", "dermassist/install.sh", "dermassist/dermassist.desktop",
                 "dermassist/dermassist.png", "dermassist/debian-runtime-packages.txt"):  # fmt: skip
        assert name in names, name
    # What `apt-get install $(cat debian-runtime-packages.txt)` receives: package names only.
    assert packages and all(re.fullmatch(r"[a-z0-9][a-z0-9.+-]+", p) for p in packages), packages
    assert "libgl1" in packages
    deb = next((build / "dist").glob("dermassist_*.deb"))
    listing = subprocess.check_output(["dpkg-deb", "--contents", str(deb)], text=True)
    assert "./usr/lib/dermassist/dermassist" in listing
    assert "./usr/bin/dermassist -> /usr/lib/dermassist/dermassist" in listing
    assert " ./opt/" not in listing
    fields = subprocess.check_output(["dpkg-deb", "--field", str(deb), "Version"], text=True)
    assert fields.strip() == dermassist.__version__
