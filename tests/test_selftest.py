"""``dermassist --self-test``: passes with a model installed, fails with a clear reason otherwise."""

from __future__ import annotations

import io
import re
from pathlib import Path

import numpy as np
import pytest

from dermassist import selftest
from dermassist.cli import main
from dermassist.inference.card import ModelCard

CHECK_NAMES = [name for name, _ in selftest.CHECKS]


def _lines(text: str) -> dict[str, str]:
    """Check name -> its whole line."""
    found = {}
    for line in text.splitlines():
        m = re.match(r"^(OK|FAIL)\s+(\w+)\s+\d+\.\d\d s  ", line)
        if m:
            found[m.group(2)] = line
    return found


def test_passes_with_the_installed_model(installed_tiny_model: ModelCard) -> None:
    out = io.StringIO()
    assert selftest.run_self_test(out) == 0, out.getvalue()
    text = out.getvalue()
    lines = _lines(text)
    assert list(lines) == CHECK_NAMES
    assert all(line.startswith("OK") for line in lines.values()), text
    assert f"{installed_tiny_model.name} {installed_tiny_model.version}" in lines["model"]
    assert installed_tiny_model.short_sha in lines["model"]
    assert "CPUExecutionProvider: malignant 0." in lines["inference"]
    assert "with the analysed image" in lines["report"]
    assert "Russian UI" in lines["window"] and "closed" in lines["window"]
    assert "PDF preview" in lines["window"] and installed_tiny_model.name in lines["window"]
    assert re.search(rf"Self-test passed: all {len(CHECK_NAMES)} checks OK in \d+\.\d s\.\n*$", text)


@pytest.fixture
def model_with_ood_and_cam(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ModelCard:
    """Installed like the trained model: a CAM output and OOD statistics in a sidecar named by the card."""
    from model_factory import make_tiny_model

    from dermassist.inference.card import card_from_dict, write_card
    from dermassist.inference.ood import card_entry, sidecar_path
    from dermassist.trust.ood_fit import fit

    folder = tmp_path / "installed"
    card = make_tiny_model(folder, with_cam=True)
    rng = np.random.default_rng(0)
    ood = fit(np.abs(rng.normal(size=(50, 4))), np.abs(rng.normal(size=(20, 4))))
    sidecar = sidecar_path(card.model_path)
    sidecar.write_bytes(ood.to_bytes())
    assert card.path is not None
    card = card_from_dict(card.to_json_dict() | {"ood": card_entry(ood, sidecar)}, card.path)
    write_card(card, card.path)
    monkeypatch.setenv("DERMASSIST_MODELS_DIR", str(folder))
    return card


def test_ood_statistics_and_heatmap_are_checked(model_with_ood_and_cam: ModelCard) -> None:
    out = io.StringIO()
    assert selftest.run_self_test(out) == 0, out.getvalue()
    line = _lines(out.getvalue())["inference"]
    assert "OOD distance" in line and "heatmap yes" in line


def test_missing_ood_statistics_fail_the_inference_check(model_with_ood_and_cam: ModelCard) -> None:
    from dermassist.inference.ood import sidecar_path

    sidecar_path(model_with_ood_and_cam.model_path).unlink()
    out = io.StringIO()
    assert selftest.run_self_test(out) == 1
    lines = _lines(out.getvalue())
    assert lines["inference"].startswith("FAIL") and "OOD statistics named by the model card are missing" in (
        lines["inference"]
    )


def test_no_model_fails_with_the_reason_and_a_nonzero_exit(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--self-test"]) == 1
    text = capsys.readouterr().out
    lines = _lines(text)
    assert lines["model"].startswith("FAIL") and "No model is installed" in lines["model"]
    assert lines["inference"].startswith("FAIL") and "needs a loadable model" in lines["inference"]
    # Everything that does not need the model is still checked.
    for name in ("resources", "records", "report", "window"):
        assert lines[name].startswith("OK"), text
    assert "with the image, no result (no model)" in lines["report"]
    assert "Self-test FAILED: 2 of 6 checks failed (model, inference)." in text


def test_a_damaged_model_file_is_named(installed_tiny_model: ModelCard) -> None:
    onnx = installed_tiny_model.model_path
    onnx.write_bytes(onnx.read_bytes() + b"tampered")
    state = selftest._State(onnx.parent, onnx.parent / "unused.jpg")
    with pytest.raises(selftest.CheckFailed, match="sha256"):
        selftest.check_model(state)
    assert state.card is None


def test_missing_bundled_files_are_listed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(selftest, "resource", lambda *parts: tmp_path.joinpath(*parts))
    with pytest.raises(selftest.CheckFailed, match=r"missing bundled file\(s\): .*DejaVuSans\.ttf"):
        selftest.check_resources(selftest._State(tmp_path, tmp_path / "unused.jpg"))


def test_a_qt_abort_in_the_window_process_becomes_a_fail_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A platform plug-in that does not exist makes Qt abort the process, like a missing xcb library.
    monkeypatch.setenv("QT_QPA_PLATFORM", "no-such-platform")
    with pytest.raises(selftest.CheckFailed, match=r"(?i)window process ended with status .*plugin"):
        selftest.check_window(selftest._State(tmp_path, tmp_path / "unused.jpg"))


def test_window_check_uses_offscreen_without_a_display(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, str] = {}

    class Done:
        returncode = 0
        stdout = "OK fine\n"
        stderr = ""

    def fake_run(cmd: list[str], env: dict[str, str], **kwargs: object) -> Done:
        seen.update(env)
        return Done()

    monkeypatch.setattr(selftest.sys, "platform", "linux")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr(selftest.subprocess, "run", fake_run)
    assert selftest.check_window(selftest._State(tmp_path, tmp_path / "unused.jpg")) == "fine"
    assert seen["QT_QPA_PLATFORM"] == "offscreen" and seen[selftest.ONLY_ENV] == "window"
    seen.clear()
    monkeypatch.setenv("DISPLAY", ":0")
    selftest.check_window(selftest._State(tmp_path, tmp_path / "unused.jpg"))
    assert "QT_QPA_PLATFORM" not in seen  # a real display is tested with its own platform plug-in


def test_the_generated_lesion_is_a_jpeg() -> None:
    data = selftest.synthetic_lesion(120, 90)
    assert data[:3] == b"\xff\xd8\xff"
    from PIL import Image

    with Image.open(io.BytesIO(data)) as img:
        assert img.size == (120, 90)
        centre, corner = img.getpixel((60, 45)), img.getpixel((2, 2))
    assert sum(centre) < sum(corner)  # dark lesion on lighter skin
