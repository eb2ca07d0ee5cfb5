"""Static INT8 quantization: a QDQ model with its own card, close to the float model, no borrowed metrics."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import onnx
import pytest
from conftest import make_rgb
from PIL import Image

from dermassist.inference.card import ModelCard, load_card, sha256_file, write_card
from dermassist.inference.quantize import CalibrationImages, QuantizeOptions, quantize_model
from dermassist.inference.session import ModelSession


def _pictures(folder: Path, n: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        p = folder / f"cal{i}.jpg"
        Image.fromarray(make_rgb(96, 72, seed=i)).save(p, quality=90)
        paths.append(p)
    return paths


@pytest.fixture
def source(tiny_model: ModelCard) -> ModelCard:
    """The tiny model with metrics, operating points and a default flag, as a trained card has."""
    card = replace(
        tiny_model,
        metrics={"test": {"n": 10, "roc_auc": {"value": 0.9, "ci95": [0.8, 0.95]}}},
        operating_points={"sens90": {"threshold": 0.4, "val_sensitivity": 0.9, "val_specificity": 0.6}},
        extra={"default": True, "ood": {"file": "tiny.ood.npz", "sha256": "0" * 64}, "uncertainty": {"odds_factor": 2}},
    )
    assert card.path is not None
    write_card(card, card.path)
    return load_card(card.path)


def test_quantized_model_has_its_own_card_and_stays_close(source: ModelCard, tmp_path: Path) -> None:
    calib = _pictures(tmp_path / "calib", 12)
    out = tmp_path / "out" / "tiny-int8.onnx"
    result = quantize_model(source, calib, out, QuantizeOptions(batch_size=5))
    assert result.calibration_images == 12 and result.calibration_failures == 0

    ops = {n.op_type for n in onnx.load(str(out)).graph.node}
    assert {"QuantizeLinear", "DequantizeLinear"} <= ops  # QDQ format

    card = load_card(out)  # validates the card and the sha256 of the new file
    assert card.name == "tiny-test-model-int8" and card.sha256 == sha256_file(out) != source.sha256
    assert card.metrics == {} and "default" not in card.extra and "ood" not in card.extra
    assert card.extra["uncertainty"] == {"odds_factor": 2}
    assert card.operating_points == {"sens90": {"threshold": 0.4}}
    assert card.threshold == source.threshold and card.output.temperature == source.output.temperature
    q = card.extra["quantization"]
    assert q["per_channel"] is True and q["activations"] == "uint8" and q["calibration"]["images"] == 12
    assert q["source"]["sha256"] == source.sha256
    assert any("measured again" in lim for lim in card.limitations)

    pics = [make_rgb(80, 64, seed=100 + i) for i in range(6)]
    p_float = [p.malignant for p in ModelSession(source, "cpu").predict_images(pics, ["x"] * 6)]
    p_int8 = [p.malignant for p in ModelSession(card, "cpu").predict_images(pics, ["x"] * 6)]
    assert np.max(np.abs(np.array(p_float) - np.array(p_int8))) < 0.05


def test_int8_activations_and_float_head(source: ModelCard, tmp_path: Path) -> None:
    out = tmp_path / "tiny-s8.onnx"
    quantize_model(source, _pictures(tmp_path / "c", 4), out,
                   QuantizeOptions(activation_type="int8", exclude_head=True, calibrate_method="percentile"))
    graph = onnx.load(str(out)).graph
    gemm = next(n for n in graph.node if n.op_type == "Gemm")
    producers = {o: n.op_type for n in graph.node for o in n.output}
    # The classifier stays in float: its weight is the original initializer, not a dequantized one.
    assert producers.get(gemm.input[1]) != "DequantizeLinear"
    assert json.loads(out.with_suffix(".json").read_text())["quantization"]["head_in_float"] is True


def test_unreadable_calibration_and_bad_options(source: ModelCard, tmp_path: Path) -> None:
    bad = tmp_path / "bad.jpg"
    bad.write_text("not an image")
    with pytest.raises(ValueError, match="none of the calibration images"):
        quantize_model(source, [bad], tmp_path / "x.onnx")
    assert not (tmp_path / "x.onnx").exists() and not (tmp_path / "x.json").exists()
    with pytest.raises(ValueError, match="no calibration images"):
        quantize_model(source, [], tmp_path / "x.onnx")
    with pytest.raises(ValueError, match="activation_type"):
        quantize_model(source, [bad], tmp_path / "x.onnx", QuantizeOptions(activation_type="int4"))


def test_calibration_reader_uses_the_app_preprocessing(source: ModelCard, tmp_path: Path) -> None:
    from dermassist.imaging.loading import load_image
    from dermassist.inference.preprocess import preprocess

    paths = _pictures(tmp_path / "r", 3)
    (tmp_path / "r" / "broken.jpg").write_bytes(b"\xff\xd8garbage")
    reader = CalibrationImages(source, [*paths, tmp_path / "r" / "broken.jpg"], batch_size=2)
    first = reader.get_next()
    assert first is not None and first["input"].shape == (2, 3, 32, 32)
    expected = preprocess(load_image(paths[0], min_size=(32, 32)).rgb, source.input)
    np.testing.assert_array_equal(first["input"][0], expected)
    second = reader.get_next()
    assert second is not None and second["input"].shape == (1, 3, 32, 32)
    assert reader.get_next() is None and reader.used == 3 and reader.failures == 1
    reader.rewind()
    assert reader.get_next() is not None
