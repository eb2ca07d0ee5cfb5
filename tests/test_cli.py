"""The command line as a user runs it (a real subprocess)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import make_rgb
from PIL import Image

from dermassist import __version__
from dermassist.inference.card import ModelCard


def dermassist(*args: str, env_models: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if env_models is not None:
        env["DERMASSIST_MODELS_DIR"] = str(env_models)
    return subprocess.run([sys.executable, "-m", "dermassist", *args], capture_output=True, text=True, env=env,
                          timeout=120)


def test_version() -> None:
    out = dermassist("--version")
    assert out.returncode == 0 and __version__ in out.stdout


def test_no_model_installed_says_how_to_get_one(image_file: Path) -> None:
    out = dermassist("classify", str(image_file))
    assert out.returncode == 2
    assert "No model is installed" in out.stderr and "import-model" in out.stderr and "Traceback" not in out.stderr
    models = dermassist("models")
    assert models.returncode == 1 and "No model is installed" in models.stdout


def test_models_lists_card(installed_tiny_model: ModelCard) -> None:
    out = dermassist("models")
    assert out.returncode == 0
    assert "tiny-test-model 0.0.1" in out.stdout and installed_tiny_model.sha256 in out.stdout
    assert "not a diagnosis" in out.stdout


def test_classify_json_batch_with_bad_files(installed_tiny_model: ModelCard, tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    for i in range(3):
        Image.fromarray(make_rgb(80, 60, seed=i)).save(folder / f"good{i}.jpg")
    Image.fromarray(make_rgb(300, 300)).save(folder / "trunc.jpg", quality=95)
    (folder / "trunc.jpg").write_bytes((folder / "trunc.jpg").read_bytes()[:700])
    (folder / "zero.jpg").write_bytes(b"")
    (folder / "text.jpg").write_text("I am text")
    Image.new("L", (20000, 20000)).save(folder / "huge.png")
    out = dermassist("classify", "--json", str(folder))
    assert out.returncode == 1, out.stderr
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(lines) == 7
    by_name = {Path(r["image"]).name: r for r in lines}
    for bad in ("trunc.jpg", "zero.jpg", "text.jpg", "huge.png"):
        assert bad in by_name[bad]["error"] and "\n" not in by_name[bad]["error"]
    for i in range(3):
        r = by_name[f"good{i}.jpg"]
        assert 0 <= r["malignant"] <= 1 and r["benign"] == pytest.approx(1 - r["malignant"], abs=1e-5)
        assert r["decision"] in ("malignant", "benign") and r["threshold"] == 0.5
        assert r["model"] == {"name": "tiny-test-model", "version": "0.0.1", "sha256": installed_tiny_model.sha256}
    assert "Traceback" not in out.stderr


def test_classify_explicit_model_and_text_output(tiny_model: ModelCard, image_file: Path) -> None:
    out = dermassist("classify", "--model", str(tiny_model.model_path), str(image_file))
    assert out.returncode == 0, out.stderr
    assert "tiny-test-model 0.0.1" in out.stdout and "malignant" in out.stdout and "not a diagnosis" in out.stdout


def test_classify_wrong_model_file(tmp_path: Path, image_file: Path) -> None:
    bad = tmp_path / "wrong.onnx"
    bad.write_bytes(b"garbage")
    out = dermassist("classify", "--model", str(bad), str(image_file))
    assert out.returncode == 2 and "wrong.json" in out.stderr and "Traceback" not in out.stderr


def test_fullres_photographs(installed_tiny_model: ModelCard, isic_dir: Path) -> None:
    out = dermassist("classify", "--json", str(isic_dir / "fullres"))
    assert out.returncode == 0, out.stderr
    assert len(out.stdout.splitlines()) == 8


def test_import_model_keras_style(tmp_path: Path, image_file: Path) -> None:
    from model_factory import build_tiny_onnx

    model = tmp_path / "keras_resnet50.onnx"
    build_tiny_onnx(model, layout="NHWC", output_kind="probabilities", with_extras=False)
    models = tmp_path / "models"
    out = dermassist("import-model", str(model), "--preset", "keras-caffe", "--architecture", "resnet50",
                     env_models=models)
    assert out.returncode == 0, out.stderr
    card = json.loads((models / "keras_resnet50.json").read_text())
    assert card["input"]["layout"] == "NHWC" and card["input"]["channel_order"] == "BGR"
    assert card["output"]["kind"] == "probabilities" and card["input"]["mean"][0] == pytest.approx(103.939)
    again = dermassist("import-model", str(model), "--preset", "keras-caffe", env_models=models)
    assert again.returncode == 2 and "already installed" in again.stderr
    run = dermassist("classify", "--json", str(image_file), env_models=models)
    assert run.returncode == 0 and json.loads(run.stdout)["model"]["name"] == "keras_resnet50"


def test_import_model_rejects_non_onnx(tmp_path: Path) -> None:
    bad = tmp_path / "x.onnx"
    bad.write_text("nope")
    out = dermassist("import-model", str(bad))
    assert out.returncode == 2 and "not a loadable ONNX model" in out.stderr
