"""Installer: the NSIS script compiles, the PyInstaller spec collects what the app looks up, and
(opt-in, DERMASSIST_BUILD_BUNDLE=1) the Linux bundle, tarball and .deb build and pass the self-test."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

import dermassist

ROOT = Path(__file__).resolve().parent.parent
INSTALLER = ROOT / "installer"
NSI = INSTALLER / "windows" / "dermassist.nsi"
SPEC = INSTALLER / "dermassist.spec"
CI = bool(os.environ.get("DERMASSIST_CI"))


def _makensis() -> str:
    found = shutil.which("makensis")
    if found is None:
        if CI:
            pytest.fail("makensis is missing on CI: apt-get install nsis")
        pytest.skip("makensis is not installed (apt-get install nsis)")
    return found


def _dummy_bundle(folder: Path) -> Path:
    """What PyInstaller leaves on Windows, with placeholder contents."""
    (folder / "_internal" / "models").mkdir(parents=True)
    (folder / "_internal" / "resources" / "fonts").mkdir(parents=True)
    for exe in ("DermAssist.exe", "dermassist-cli.exe"):
        (folder / exe).write_bytes(b"MZ placeholder " + exe.encode())
    (folder / "_internal" / "models" / "model.json").write_text("{}", encoding="utf-8")
    (folder / "_internal" / "resources" / "fonts" / "Шрифт.ttf").write_bytes(b"\0" * 4096)
    return folder


def test_nsis_script_compiles_with_warnings_as_errors(tmp_path: Path) -> None:
    makensis = _makensis()
    bundle = _dummy_bundle(tmp_path / "bundle")
    out = tmp_path / "out"
    out.mkdir()
    proc = subprocess.run(
        [makensis, "-V2", "-WX", f"-DVERSION={dermassist.__version__}", f"-DBUNDLE_DIR={bundle}", f"-DOUTDIR={out}",
         str(NSI)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    setup = out / f"DermAssist-{dermassist.__version__}-setup.exe"
    data = setup.read_bytes()
    assert data[:2] == b"MZ" and len(data) > 50_000
    assert b"Nullsoft" in data  # the NSIS stub, not some other file


def test_nsis_script_is_per_machine_bilingual_with_shortcuts_and_uninstaller() -> None:
    text = NSI.read_text(encoding="utf-8")
    for needed in (
        '!include "MUI2.nsh"', '!insertmacro MUI_LANGUAGE "English"', '!insertmacro MUI_LANGUAGE "Russian"',
        "RequestExecutionLevel admin", "$PROGRAMFILES64", "SetShellVarContext all", "$SMPROGRAMS",
        "$DESKTOP", "WriteUninstaller", "CurrentVersion\\Uninstall", "UninstallString", 'Section "Uninstall"',
        "--self-test",
    ):  # fmt: skip
        assert needed in text, needed
    # Uninstalling must never delete the folder recursively (records live per user, elsewhere).
    assert 'RMDir /r "$INSTDIR"' not in text
    assert (INSTALLER / "windows" / "notice_ru.txt").read_bytes().startswith(b"\xef\xbb\xbf")  # NSIS needs the BOM


class _Recorder:
    """Stands in for PyInstaller's build classes and keeps their arguments."""

    calls: dict[str, list[Any]] = {}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.args, self.kwargs = args, kwargs
        _Recorder.calls.setdefault(type(self).__name__, []).append(self)
        self.datas: list[tuple[str, str, str]] = []
        self.binaries: list[tuple[str, str, str]] = []
        self.pure: list[Any] = []
        self.scripts: list[Any] = []


def _run_spec() -> dict[str, Any]:
    _Recorder.calls = {}
    names = {n: type(n, (_Recorder,), {}) for n in ("Analysis", "PYZ", "EXE", "COLLECT")}
    namespace: dict[str, Any] = {"SPECPATH": str(INSTALLER), "__file__": str(SPEC), **names}
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)  # noqa: S102 - our own spec
    return namespace


def test_spec_collects_the_data_the_app_looks_up() -> None:
    ns = _run_spec()
    (analysis,) = _Recorder.calls["Analysis"]
    datas = analysis.kwargs["datas"]
    for src, _dest in datas:
        assert Path(src).exists(), src
    dests = {dest for _src, dest in datas}
    assert {"resources", "dermassist/records/migrations", "dermassist/i18n/locale"} <= dests
    if list((ROOT / "models").glob("*.onnx")):
        assert "models" in dests
    model_files = {str(p) for p in (ROOT / "models").glob("*")
                   if p.is_file() and not p.name.startswith(".") and p.suffix not in {".pt", ".pth"}}  # fmt: skip
    assert model_files <= {src for src, dest in datas if dest == "models"}  # cards, OOD sidecars, licences
    if not (ROOT / "resources" / "icons" / "dermassist.png").is_file():
        assert "resources/icons" in dests
    hidden = analysis.kwargs["hiddenimports"]
    for module in ("dermassist.cli.classify", "dermassist.cli.report", "dermassist.selftest",
                   "dermassist.ui.main_window", "dermassist.ui.camera_dialog"):  # fmt: skip
        assert module in hidden, module
    assert not [m for m in hidden if m.startswith("dermassist.training")]
    excludes = set(analysis.kwargs["excludes"])
    assert {"torch", "torchvision", "onnx", "onnxscript", "skimage", "scipy", "matplotlib"} <= excludes
    assert {"PySide6.QtWebEngineCore", "PySide6.Qt3DCore", "PySide6.QtQuick", "PySide6.QtQml", "PySide6.QtCharts",
            "PySide6.QtDataVisualization", "PySide6.QtBluetooth", "PySide6.QtDesigner"} <= excludes  # fmt: skip
    for kept in ("QtMultimedia", "QtMultimediaWidgets", "QtPdf", "QtPdfWidgets", "QtPrintSupport", "QtSvg",
                 "QtWidgets", "QtGui", "QtCore", "QtNetwork"):  # fmt: skip
        assert f"PySide6.{kept}" not in excludes, kept
    (collect,) = _Recorder.calls["COLLECT"]
    assert collect.kwargs["name"] == "dermassist"
    exe_names = sorted(e.kwargs["name"] for e in _Recorder.calls["EXE"])
    assert exe_names == (["DermAssist", "dermassist-cli"] if os.name == "nt" else ["dermassist"])
    wanted = ns["_wanted"]
    assert wanted("PySide6/Qt/translations/qtbase_ru.qm") and wanted("PySide6/Qt/translations/qtbase_en.qm")
    assert not wanted("PySide6/Qt/translations/qtbase_de.qm")
    assert wanted("PySide6/Qt/plugins/platforms/libqxcb.so") and wanted("PySide6/Qt/plugins/platforms/libqoffscreen.so")
    assert not wanted("PySide6/Qt/plugins/platformthemes/libqgtk3.so")
    assert wanted("PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so")
    if sys.platform == "linux":  # taken from the system: the build machine's copies need a newer glibc
        assert not wanted("libstdc++.so.6") and not wanted("libcups.so.2") and wanted("libpython3.11.so.1.0")
        runtime = (INSTALLER / "debian-runtime-packages.txt").read_text(encoding="utf-8").split()
        assert {"libstdc++6", "libgcc-s1", "libexpat1", "libcups2", "libfontconfig1", "libfreetype6"} <= set(runtime)


def test_desktop_entry_and_icon() -> None:
    entry = (INSTALLER / "linux" / "dermassist.desktop").read_text(encoding="utf-8")
    fields = dict(line.split("=", 1) for line in entry.splitlines() if "=" in line)
    assert fields["Type"] == "Application" and fields["Exec"] == "dermassist" and fields["Icon"] == "dermassist"
    assert "Comment[ru]" in fields
    png = (INSTALLER / "icons" / "dermassist.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    from PIL import Image

    with Image.open(INSTALLER / "icons" / "dermassist.ico") as ico:
        assert (256, 256) in ico.info["sizes"] and (16, 16) in ico.info["sizes"]


# -- opt-in: the real Linux build ----------------------------------------------------------------

BUILD = os.environ.get("DERMASSIST_BUILD_BUNDLE") == "1"
needs_build = pytest.mark.skipif(not BUILD, reason="set DERMASSIST_BUILD_BUNDLE=1 to build the Linux bundle (minutes)")


@pytest.fixture(scope="module")
def linux_build() -> SimpleNamespace:
    """Run installer/build_linux.sh once (bundle, tarball, .deb)."""
    if shutil.which("dpkg-deb") is None:
        pytest.skip("dpkg-deb is not installed")
    proc = subprocess.run([str(INSTALLER / "build_linux.sh")], cwd=ROOT, capture_output=True, text=True, timeout=1800)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    dist = ROOT / "build" / "dist"
    version, arch = dermassist.__version__, subprocess.check_output(["dpkg", "--print-architecture"], text=True).strip()
    return SimpleNamespace(
        bundle=dist / "dermassist",
        tarball=dist / f"dermassist-{version}-linux-{arch}.tar.gz",
        deb=dist / f"dermassist_{version}_{arch}.deb",
        log=proc.stdout,
    )


@needs_build
def test_built_bundle_passes_its_self_test_offscreen(
    linux_build: SimpleNamespace, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    if not list((ROOT / "models").glob("*.onnx")):
        request.getfixturevalue("installed_tiny_model")  # no trained model yet: check the rest of the bundle
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("DISPLAY", None)
    proc = subprocess.run([str(linux_build.bundle / "dermassist"), "--self-test"], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=600)  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "OK    resources" in proc.stdout and f"bundle {linux_build.bundle / '_internal'}" in proc.stdout
    assert "Self-test passed" in proc.stdout
    # Training-only packages stayed out.
    internal = linux_build.bundle / "_internal"
    for absent in ("torch", "torchvision", "onnx", "scipy", "skimage", "matplotlib"):
        assert not (internal / absent).exists(), absent
    assert not list(internal.rglob("libQt6WebEngineCore*")) and not list(internal.rglob("libQt63DCore*"))


@needs_build
def test_deb_and_tarball_contents(linux_build: SimpleNamespace) -> None:
    info = subprocess.check_output(["dpkg-deb", "--field", str(linux_build.deb)], text=True)
    fields = dict(line.split(": ", 1) for line in info.splitlines() if ": " in line)
    assert fields["Package"] == "dermassist" and fields["Version"] == dermassist.__version__
    runtime = [p.split("#")[0].strip() for p in
               (INSTALLER / "debian-runtime-packages.txt").read_text(encoding="utf-8").splitlines()]  # fmt: skip
    assert fields["Depends"].split(", ") == [p for p in runtime if p]
    listing = subprocess.check_output(["dpkg-deb", "--contents", str(linux_build.deb)], text=True)
    assert "./usr/bin/dermassist -> /usr/lib/dermassist/dermassist" in listing
    for path in ("./usr/lib/dermassist/dermassist", "./usr/share/applications/dermassist.desktop",
                 "./usr/share/icons/hicolor/256x256/apps/dermassist.png"):  # fmt: skip
        assert path in listing, path
    with tarfile.open(linux_build.tarball) as tar:
        names = set(tar.getnames())
    for name in ("dermassist/dermassist", "dermassist/dermassist.desktop", "dermassist/dermassist.png",
                 "dermassist/install.sh", "dermassist/debian-runtime-packages.txt"):  # fmt: skip
        assert name in names, name
