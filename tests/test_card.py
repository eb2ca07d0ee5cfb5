"""Model card validation: every failure is one line naming the file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from model_factory import build_tiny_onnx, card_dict

from dermassist.inference.card import CardError, card_from_dict, load_card, write_card
from dermassist.inference.session import ModelSession


def _write(folder: Path, **changes: object) -> Path:
    onnx_path = folder / "m.onnx"
    build_tiny_onnx(onnx_path)
    data = card_dict(onnx_path)
    data.update(changes)
    card_path = folder / "m.json"
    card_path.write_text(json.dumps(data), encoding="utf-8")
    return card_path


def test_valid_card_round_trips(tmp_path: Path) -> None:
    card = load_card(_write(tmp_path))
    assert card.input.size == (32, 32) and card.output.positive_index == 1
    write_card(card, tmp_path / "copy.json")
    again = card_from_dict(json.loads((tmp_path / "copy.json").read_text()), tmp_path / "copy.json")
    assert again.sha256 == card.sha256 and again.input == card.input


@pytest.mark.parametrize("field", ["sha256", "input", "threshold", "intended_use", "training_data", "metrics"])
def test_missing_field_is_named(tmp_path: Path, field: str) -> None:
    path = _write(tmp_path)
    data = json.loads(path.read_text())
    del data[field]
    path.write_text(json.dumps(data))
    with pytest.raises(CardError) as err:
        load_card(path)
    assert str(path) in str(err.value) and field in str(err.value) and "\n" not in str(err.value)


def test_missing_nested_field(tmp_path: Path) -> None:
    path = _write(tmp_path)
    data = json.loads(path.read_text())
    del data["input"]["mean"]
    path.write_text(json.dumps(data))
    with pytest.raises(CardError, match="input.mean"):
        load_card(path)


def test_wrong_sha256(tmp_path: Path) -> None:
    path = _write(tmp_path, sha256="0" * 64)
    with pytest.raises(CardError, match="does not match") as err:
        load_card(path)
    assert "m.onnx" in str(err.value)


def test_modified_model_file_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path)
    with open(tmp_path / "m.onnx", "ab") as fh:
        fh.write(b"\0")
    with pytest.raises(CardError, match="sha256"):
        load_card(path)


def test_shape_mismatch_with_card(tmp_path: Path) -> None:
    onnx_path = tmp_path / "m.onnx"
    build_tiny_onnx(onnx_path, size=32)
    data = card_dict(onnx_path, size=64)  # card claims 64x64
    path = tmp_path / "m.json"
    path.write_text(json.dumps(data))
    with pytest.raises(CardError, match="disagrees with the card") as err:
        ModelSession(load_card(path), providers="cpu")
    assert "m.onnx" in str(err.value)


def test_layout_mismatch_with_card(tmp_path: Path) -> None:
    onnx_path = tmp_path / "m.onnx"
    build_tiny_onnx(onnx_path, layout="NHWC")
    path = tmp_path / "m.json"
    path.write_text(json.dumps(card_dict(onnx_path, layout="NCHW")))
    with pytest.raises(CardError, match="input shape"):
        ModelSession(load_card(path), providers="cpu")


def test_label_count_mismatch(tmp_path: Path) -> None:
    path = _write(tmp_path)
    data = json.loads(path.read_text())
    data["output"]["labels"] = ["benign", "malignant", "other"]
    path.write_text(json.dumps(data))
    with pytest.raises(CardError, match="labels"):
        ModelSession(load_card(path), providers="cpu")


def test_not_json_and_not_onnx(tmp_path: Path) -> None:
    (tmp_path / "x.json").write_text("{nope")
    with pytest.raises(CardError, match="not valid JSON"):
        load_card(tmp_path / "x.json")
    bad = tmp_path / "bad.onnx"
    bad.write_bytes(b"this is not onnx")
    from dermassist.inference.card import sha256_file

    build_tiny_onnx(tmp_path / "good.onnx")
    data = card_dict(tmp_path / "good.onnx")
    data["file"], data["sha256"] = "bad.onnx", sha256_file(bad)
    (tmp_path / "bad.json").write_text(json.dumps(data))
    with pytest.raises(CardError, match="not a loadable ONNX model"):
        ModelSession(load_card(tmp_path / "bad.json"), providers="cpu")


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [("threshold", 1.5, "threshold"), ("sha256", "xyz", "64 hex")],
)
def test_bad_values(tmp_path: Path, key: str, value: object, message: str) -> None:
    with pytest.raises(CardError, match=message):
        load_card(_write(tmp_path, **{key: value}))


def test_keras_style_card_describes_nhwc_bgr_softmax(tmp_path: Path) -> None:
    onnx_path = tmp_path / "keras.onnx"
    build_tiny_onnx(onnx_path, layout="NHWC", output_kind="probabilities", with_extras=False)
    data = card_dict(onnx_path, layout="NHWC", output_kind="probabilities")
    data["input"].update(channel_order="BGR", pixel_scale=1.0, mean=[103.939, 116.779, 123.68], std=[1, 1, 1])
    data["output"].pop("features")
    data["output"].pop("feature_map")
    path = tmp_path / "keras.json"
    path.write_text(json.dumps(data))
    session = ModelSession(load_card(path), providers="cpu")
    import numpy as np

    preds = session.predict_images([np.zeros((50, 40, 3), np.uint8)], ["x"])
    assert abs(preds[0].malignant + preds[0].benign - 1) < 1e-9
