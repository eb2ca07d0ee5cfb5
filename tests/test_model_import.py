"""Bring your own model: a Keras-shaped ONNX export is detected, installed, and fed Keras's exact pixels."""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest
from conftest import make_rgb
from model_factory import build_keras_like_onnx, build_tiny_onnx
from PIL import Image
from test_cli import dermassist

from dermassist.imaging.loading import load_image
from dermassist.inference.card import load_card
from dermassist.inference.preprocess import preprocess

SIZE = 64


def keras_reference(path: Path, size: tuple[int, int]) -> np.ndarray:
    """Keras's ``load_img(path, target_size=size)`` (interpolation 'nearest') + ``img_to_array`` +
    ``keras.applications.resnet50.preprocess_input`` ('caffe' mode), written out with Pillow and numpy."""
    img = Image.open(path)
    if img.mode != "RGB":
        img = img.convert("RGB")
    if img.size != (size[1], size[0]):
        img = img.resize((size[1], size[0]), Image.Resampling.NEAREST)
    x = np.asarray(img, dtype=np.float32).copy()
    x = x[..., ::-1].copy()  # RGB -> BGR
    for c, mean in enumerate((103.939, 116.779, 123.68)):
        x[..., c] -= mean
    return x


@pytest.fixture
def keras_model(tmp_path: Path) -> Path:
    path = tmp_path / "export" / "resnet50_keras.onnx"
    path.parent.mkdir()
    build_keras_like_onnx(path, size=SIZE)
    return path


@pytest.fixture
def big_jpeg(tmp_path: Path) -> Path:
    """Large enough that the default path would decode it at reduced scale."""
    path = tmp_path / "photo.jpg"
    Image.fromarray(make_rgb(700, 530, seed=4)).save(path, quality=92)
    return path


def _models_dir() -> Path:
    return Path(os.environ["DERMASSIST_MODELS_DIR"])


def test_keras_export_without_preset_is_refused_with_the_presets_listed(keras_model: Path) -> None:
    out = dermassist("import-model", str(keras_model))
    assert out.returncode == 2
    assert "Keras" in out.stderr and "tf2onnx" in out.stderr and "NHWC" in out.stderr
    for preset in ("keras-caffe", "keras-tf", "keras-torch", "torch-imagenet"):
        assert preset in out.stderr
    assert not any(_models_dir().glob("*")) if _models_dir().exists() else True


def test_in_graph_rescaling_is_named_as_a_hint(tmp_path: Path) -> None:
    path = tmp_path / "rescaled.onnx"
    build_keras_like_onnx(path, size=SIZE, rescaling=True)
    out = dermassist("import-model", str(path))
    assert out.returncode == 2 and "constant Mul on the input" in out.stderr and "raw-0-255 is right" in out.stderr


def test_pytorch_export_gets_torch_imagenet_and_says_why(tmp_path: Path) -> None:
    import onnx

    path = tmp_path / "net.onnx"
    build_tiny_onnx(path, with_extras=False)
    model = onnx.load(str(path))
    model.producer_name = "pytorch"
    onnx.save(model, str(path))
    out = dermassist("import-model", str(path))
    assert out.returncode == 0, out.stderr
    assert "preset torch-imagenet: a PyTorch export with NCHW input" in out.stdout
    card = load_card(_models_dir() / "net.onnx")
    assert card.input.interpolation == "pil-bilinear" and card.input.decode == "full"


def test_import_installs_lists_and_makes_default(keras_model: Path, tmp_path: Path) -> None:
    out = dermassist("import-model", str(keras_model), "--preset", "keras-caffe", "--architecture", "resnet50")
    assert out.returncode == 0, out.stderr
    installed = _models_dir() / "resnet50_keras.onnx"
    assert installed.is_file() and not keras_model.with_suffix(".json").exists()
    card = load_card(installed)
    assert card.input.layout == "NHWC" and card.input.channel_order == "BGR" and card.input.name == "keras_tensor"
    assert card.input.interpolation == "pil-nearest" and card.input.decode == "full"
    assert card.output.kind == "probabilities" and card.output.name == "dense"
    assert card.extra["imported"]["preset_reason"] == "given with --preset"
    assert "NOT VALIDATED" in out.stdout and "dermassist calibrate" in out.stdout
    listed = dermassist("models")
    assert listed.returncode == 0 and "resnet50_keras" in listed.stdout and "(default)" not in listed.stdout
    again = dermassist("import-model", str(keras_model), "--preset", "keras-caffe")
    assert again.returncode == 2 and "already installed" in again.stderr
    # A second model, made the default: the first one loses the mark.
    other = tmp_path / "other.onnx"
    build_keras_like_onnx(other, size=SIZE, seed=9)
    out = dermassist("import-model", str(other), "--preset", "keras-tf", "--make-default", "--interpolation", "area")
    assert out.returncode == 0, out.stderr
    assert "now the default" in out.stdout
    assert load_card(_models_dir() / "other.onnx").extra.get("default") is True
    assert "default" not in load_card(installed).extra
    assert load_card(_models_dir() / "other.onnx").input.decode == "reduced"
    run = dermassist("classify", "--json", str(make_image(tmp_path)))
    assert run.returncode == 0 and json.loads(run.stdout)["model"]["name"] == "other"
    text = dermassist("classify", str(make_image(tmp_path)))
    assert "Not validated: the threshold is a default" in text.stdout and "Imported external model" in text.stdout


def make_image(tmp_path: Path) -> Path:
    path = tmp_path / "lesion.png"
    Image.fromarray(make_rgb(90, 70)).save(path)
    return path


def test_keras_preset_input_is_bit_identical_to_keras_load_img(keras_model: Path, big_jpeg: Path) -> None:
    out = dermassist("import-model", str(keras_model), "--preset", "keras-caffe")
    assert out.returncode == 0, out.stderr
    spec = load_card(_models_dir() / keras_model.name).input
    ours = preprocess(load_image(big_jpeg, min_size=spec.decode_min_size).rgb, spec)
    ref = keras_reference(big_jpeg, spec.size)
    assert ours.dtype == ref.dtype == np.float32 and ours.shape == ref.shape == (SIZE, SIZE, 3)
    np.testing.assert_array_equal(ours, ref)
    # The checks can fail: OpenCV's nearest picks other pixels, and a reduced-scale decode differs.
    cv = preprocess(load_image(big_jpeg).rgb, spec.__class__(**{**spec.__dict__, "interpolation": "nearest"}))
    reduced = preprocess(load_image(big_jpeg, min_size=(SIZE, SIZE)).rgb, spec)
    assert not np.array_equal(cv, ref) and not np.array_equal(reduced, ref)


def test_pil_bilinear_is_torchvision_resize_on_pil(keras_model: Path, big_jpeg: Path) -> None:
    out = dermassist("import-model", str(keras_model), "--preset", "keras-caffe", "--interpolation", "pil-bilinear")
    assert out.returncode == 0, out.stderr
    spec = load_card(_models_dir() / keras_model.name).input
    ours = preprocess(load_image(big_jpeg, min_size=spec.decode_min_size).rgb, spec)
    img = Image.open(big_jpeg).convert("RGB").resize((SIZE, SIZE), Image.Resampling.BILINEAR)
    ref = np.asarray(img, dtype=np.float32)[..., ::-1] - np.array([103.939, 116.779, 123.68], np.float32)
    np.testing.assert_array_equal(ours, ref)


def test_old_cards_keep_reading_as_before(tiny_model) -> None:  # type: ignore[no-untyped-def]
    assert tiny_model.input.decode == "reduced" and tiny_model.input.decode_min_size == (32, 32)


def test_classify_json_gives_full_precision_and_the_logit(keras_model: Path, tmp_path: Path) -> None:
    from dermassist.inference.prediction import ModelRef, Prediction
    from dermassist.inference.session import ModelSession

    tiny = Prediction("x", {"benign": 1 - 1.2e-7, "malignant": 1.2e-7}, "malignant", 0.5, ModelRef("m", "1", "0" * 64),
                      "cpu")
    back = json.loads(json.dumps(tiny.to_json_dict()))
    assert back["malignant"] == 1.2e-7 and back["benign"] == 1 - 1.2e-7
    assert back["logit"] == pytest.approx(np.log(1.2e-7 / (1 - 1.2e-7)), rel=1e-12)
    assert dermassist("import-model", str(keras_model), "--preset", "keras-caffe").returncode == 0
    image = make_image(tmp_path)
    run = dermassist("classify", "--json", "--model", str(_models_dir() / keras_model.name), str(image))
    assert run.returncode == 0, run.stderr
    rec = json.loads(run.stdout)
    session = ModelSession(load_card(_models_dir() / keras_model.name), providers="cpu")
    [pred] = session.predict_images([load_image(image).rgb], [str(image)])
    assert rec["malignant"] == pred.malignant and rec["logit"] == pred.logit  # exact: nothing rounded


def test_softmax_logits_and_features_are_exposed_and_the_check_is_stated(keras_model: Path) -> None:
    from dermassist.inference.ood_output import ood_coverage
    from dermassist.inference.session import ModelSession

    out = dermassist("import-model", str(keras_model), "--preset", "keras-caffe")
    assert out.returncode == 0, out.stderr
    card = load_card(_models_dir() / keras_model.name)
    assert card.output.logits == "dense_logits" and card.extra["imported"]["source_sha256"] != card.sha256
    assert card.output.features == "flat"
    raw = ModelSession(card, providers="cpu").run(np.zeros((2, SIZE, SIZE, 3), np.float32))
    z = raw.extras["dense_logits"]
    e = np.exp(z - z.max(axis=1, keepdims=True))
    np.testing.assert_allclose(raw.probabilities, e / e.sum(axis=1, keepdims=True), rtol=1e-5)
    assert "none yet" in ood_coverage(card) and "feature check" in ood_coverage(card)
    listed = dermassist("models")
    assert "NOT VALIDATED" in listed.stdout and "out-of-distribution check: none yet" in listed.stdout
    assert "Imported external model" in listed.stdout


def test_settings_lists_installed_models_and_picks_one(keras_model: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("PySide6")
    from dermassist.records.settings import Settings
    from dermassist.ui.settings_dialog import SettingsDialog

    assert dermassist("import-model", str(keras_model), "--preset", "keras-caffe").returncode == 0
    dialog = SettingsDialog(Settings(), None)
    qtbot.addWidget(dialog)
    combo = dialog.installed
    assert combo.count() == 2 and "resnet50_keras" in combo.itemText(1) and "not validated" in combo.itemText(1)
    combo.setCurrentIndex(1)
    combo.activated.emit(1)
    assert dialog.value().model_path == str(_models_dir() / keras_model.name)
    combo.setCurrentIndex(0)
    combo.activated.emit(0)
    assert dialog.value().model_path == ""
