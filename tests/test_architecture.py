"""Architecture rules: the core never imports Qt; only training imports torch; modules stay small."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import dermassist

ROOT = Path(dermassist.__file__).parent


def _core_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages([str(ROOT)], prefix="dermassist."):
        if info.name.startswith(("dermassist.ui", "dermassist.training")) or info.name == "dermassist.__main__":
            continue
        names.append(info.name)
    return names


def test_core_never_imports_qt_or_torch() -> None:
    modules = _core_modules()
    assert "dermassist.inference.session" in modules and "dermassist.trust.ood_fit" in modules and len(modules) > 10
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}:\n"
        "    importlib.import_module(m)\n"
        "bad = sorted(k for k in sys.modules if k.split('.')[0] in ('PySide6', 'shiboken6', 'torch'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "", f"core modules loaded: {out.stdout.strip()}"


def test_modules_stay_small() -> None:
    too_big = {str(p.relative_to(ROOT)): n for p in ROOT.rglob("*.py")
               if (n := len(p.read_text(encoding="utf-8").splitlines())) > 450}
    assert not too_big, f"modules over 450 lines: {too_big}"
