"""No network use: the window (start-up and an analysis), ``--self-test`` and ``classify`` run in a new
network namespace with no network at all (``unshare -n``) under ``strace``, which records every
connect() and sendto(); any to an internet address (not the configured center: none is configured
here) fails the test. Nothing may be written under ~/.cache/Microsoft (onnxruntime's telemetry)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, make_rgb
from PIL import Image

CI = bool(os.environ.get("DERMASSIST_CI"))
# An address in a syscall line: sa_family=AF_INET/AF_INET6 with its port and address.
_INET = re.compile(
    r"sa_family=AF_INET6?, sin6?_port=htons\((\d+)\),.*?"
    r"(?:inet_addr\(\"([^\"]+)\"\)|inet_pton\(AF_INET6, \"([^\"]+)\")"
)


def _tools() -> None:
    """unshare (with permission for a network namespace) and strace, or skip (fail on CI)."""
    why = ""
    if sys.platform != "linux":
        why = "network namespaces are Linux-only"
    elif shutil.which("strace") is None:
        why = "strace is not installed (apt-get install strace)"
    elif shutil.which("unshare") is None:
        why = "unshare is not installed (util-linux)"
    elif subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode != 0:
        why = "unshare -n is not permitted here (needs root or user namespaces)"
    elif subprocess.run(["strace", "-qq", "-o", os.devnull, "true"], capture_output=True).returncode != 0:
        why = "strace cannot trace here (ptrace not permitted)"
    if why:
        if CI:
            pytest.fail(f"the no-network proof must run on CI: {why}")
        pytest.skip(why)


def network_attempts(log: Path, allowed: set[str] = frozenset()) -> list[str]:  # type: ignore[assignment]
    """connect()/sendto() lines to an internet address other than ``allowed`` hosts."""
    bad = []
    for line in log.read_text(errors="replace").splitlines():
        if not any(call in line for call in ("connect(", "sendto(", "sendmsg(")):
            continue
        found = _INET.search(line)
        if found is None:
            continue  # AF_UNIX, AF_NETLINK: local, not the network
        address = found.group(2) or found.group(3)
        if address not in allowed:
            bad.append(line.strip())
    return bad


def traced(tmp_path: Path, name: str, cmd: list[str], env: dict[str, str], timeout: int = 300):  # type: ignore[no-untyped-def]
    """Run ``cmd`` with no network under strace; returns (completed process, offending lines)."""
    log = tmp_path / f"{name}.strace"
    full = ["unshare", "-n", "--", "strace", "-f", "-qq", "-e", "trace=connect,sendto,sendmsg", "-o", str(log), *cmd]
    proc = subprocess.run(full, env=env, capture_output=True, text=True, timeout=timeout, cwd=tmp_path)
    return proc, network_attempts(log)


@pytest.fixture
def offline_env(tmp_path: Path) -> dict[str, str]:
    _tools()
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("XDG_CACHE_HOME", "ORT_DISABLE_TELEMETRY", "DISPLAY")}
    env.update(HOME=str(home), PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen",
               DERMASSIST_MODELS_DIR=str(ROOT / "models"))  # fmt: skip
    if not any((ROOT / "models").glob("*.onnx")):
        pytest.skip("no model in models/")
    return env


def _no_telemetry_files(env: dict[str, str]) -> None:
    cache = Path(env["HOME"]) / ".cache" / "Microsoft"
    assert not cache.exists(), sorted(str(p) for p in cache.rglob("*"))


def test_the_harness_catches_a_connection(tmp_path: Path, offline_env: dict[str, str]) -> None:
    """The check itself: a program that tries the internet is caught even though it cannot get out.
    (Measured: a plain onnxruntime session, without DermAssist's switch, is caught the same way,
    looking up its telemetry server's name about 10 s after the session starts.)"""
    code = "import contextlib, socket\nwith contextlib.suppress(OSError):\n socket.create_connection(('192.0.2.7', 80))"
    proc, bad = traced(tmp_path, "control", [sys.executable, "-c", code], offline_env)
    assert proc.returncode == 0 and len(bad) == 1 and "192.0.2.7" in bad[0], bad


def test_classify_and_self_test_use_no_network(tmp_path: Path, offline_env: dict[str, str]) -> None:
    image = tmp_path / "lesion.jpg"
    Image.fromarray(make_rgb(320, 240)).save(image, quality=92)
    proc, bad = traced(tmp_path, "classify", [sys.executable, "-m", "dermassist", "classify", "--json", str(image)],
                       offline_env)  # fmt: skip
    assert proc.returncode in (0, 3) and '"model"' in proc.stdout, proc.stderr
    assert bad == [], bad
    proc, bad = traced(tmp_path, "selftest", [sys.executable, "-m", "dermassist", "--self-test"], offline_env)
    assert proc.returncode == 0 and "Self-test passed" in proc.stdout, proc.stdout + proc.stderr
    assert bad == [], bad
    _no_telemetry_files(offline_env)


def test_window_start_and_analysis_use_no_network(tmp_path: Path, offline_env: dict[str, str]) -> None:
    image = tmp_path / "lesion.png"
    Image.fromarray(make_rgb(320, 240)).save(image)
    env = dict(offline_env, DERMASSIST_DATA_DIR=str(tmp_path / "data"), DERMASSIST_CONFIG_DIR=str(tmp_path / "cfg"))
    script = str(Path(__file__).with_name("offline_gui_session.py"))
    # 12 s open: onnxruntime's telemetry, when on, first looks up its server about 10 s after start.
    proc, bad = traced(tmp_path, "gui", [sys.executable, script, str(image), "12"], env)
    assert proc.returncode == 0 and "analysis: ok" in proc.stdout, proc.stdout + proc.stderr
    assert bad == [], bad
    _no_telemetry_files(env)
