"""ONNX Runtime session, providers, predictions and the batch pipeline."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from conftest import make_rgb
from PIL import Image

from dermassist.inference.card import ModelCard
from dermassist.inference.pipeline import Failure, classify_paths
from dermassist.inference.prediction import Prediction
from dermassist.inference.session import ModelSession, ProviderError, resolve_providers


def test_providers() -> None:
    assert resolve_providers("auto")[-1] == "CPUExecutionProvider"
    assert resolve_providers("cpu") == ["CPUExecutionProvider"]
    with pytest.raises(ProviderError, match="unknown provider"):
        resolve_providers("tpu")
    import onnxruntime as ort

    if "CUDAExecutionProvider" not in ort.get_available_providers():
        with pytest.raises(ProviderError, match="onnxruntime-gpu"):
            resolve_providers("cuda")


def test_prediction_matches_manual_onnx_run(tiny_model: ModelCard) -> None:
    import onnxruntime as ort

    from dermassist.inference.preprocess import preprocess

    session = ModelSession(tiny_model, providers="cpu")
    rgb = make_rgb(90, 70)
    pred = session.predict_images([rgb], ["x.jpg"])[0]
    raw = ort.InferenceSession(str(tiny_model.model_path), providers=["CPUExecutionProvider"]).run(
        ["logits"], {"input": preprocess(rgb, tiny_model.input)[None]})[0][0]
    expected = np.exp(raw) / np.exp(raw).sum()
    assert pred.malignant == pytest.approx(float(expected[1]), abs=1e-6)
    assert pred.model.sha256 == tiny_model.sha256 and pred.model.name == "tiny-test-model"
    assert pred.provider == "CPUExecutionProvider" and "not a diagnosis" in pred.intended_use
    assert pred.decision == ("malignant" if pred.malignant >= 0.5 else "benign")


def test_temperature_softens(tiny_model: ModelCard) -> None:
    from dataclasses import replace

    rgb = make_rgb(50, 50, seed=3)
    p1 = ModelSession(tiny_model, "cpu").predict_images([rgb], ["a"])[0].malignant
    hot = replace(tiny_model, output=replace(tiny_model.output, temperature=4.0))
    p4 = ModelSession(hot, "cpu").predict_images([rgb], ["a"])[0].malignant
    assert abs(p4 - 0.5) < abs(p1 - 0.5)


def test_prediction_is_frozen(tiny_model: ModelCard) -> None:
    pred = ModelSession(tiny_model, "cpu").predict_images([make_rgb()], ["a"])[0]
    with pytest.raises(AttributeError):
        pred.threshold = 0.1  # type: ignore[misc]
    d = pred.to_json_dict()
    assert d["benign"] == pytest.approx(1 - d["malignant"], abs=1e-6)


def test_pipeline_keeps_order_and_reports_bad_files(tiny_model: ModelCard, tmp_path: Path) -> None:
    paths = []
    for i in range(11):
        p = tmp_path / f"img{i:02d}.png"
        Image.fromarray(make_rgb(40 + i, 30, seed=i)).save(p)
        paths.append(p)
    (tmp_path / "bad.jpg").write_text("not an image")
    paths.insert(5, tmp_path / "bad.jpg")
    session = ModelSession(tiny_model, "cpu")
    results = list(classify_paths(session, paths, batch_size=4))
    assert [r.image for r in results] == [str(p) for p in paths]
    assert isinstance(results[5], Failure) and "bad.jpg" in results[5].error
    single = session.predict_images([np.asarray(Image.open(paths[0]).convert("RGB"))], ["x"])[0]
    first = results[0]
    assert isinstance(first, Prediction) and first.malignant == pytest.approx(single.malignant, abs=1e-6)
