"""``classify``'s batch gate judges each picture exactly as the window does (same warnings, same OOD distance)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, make_rgb
from hostile_corpus import _invoice, _landscape
from PIL import Image

from dermassist.imaging.loading import load_image
from dermassist.inference.card import load_card
from dermassist.inference.session import ModelSession
from dermassist.inference.trust import TrustedModel
from dermassist.inference.trust_batch import classify_trusted


def test_batch_gate_matches_the_window(tmp_path: Path) -> None:
    models = sorted((ROOT / "models").glob("*.onnx"))
    if not models or not any((ROOT / "models").glob("*.ood.npz")):
        pytest.skip("no trained model with OOD statistics in models/")
    trusted = TrustedModel(ModelSession(load_card(models[0]), providers="cpu"))
    paths = []
    for i in range(3):
        paths.append(tmp_path / f"lesion{i}.jpg")
        Image.fromarray(make_rgb(320, 240, seed=i)).save(paths[-1], quality=92)
    paths.append(tmp_path / "landscape.jpg")
    _landscape().save(paths[-1], quality=90)
    paths.append(tmp_path / "invoice.png")
    _invoice().save(paths[-1])
    batch = list(classify_trusted(trusted, paths, batch_size=2))
    assert len(batch) == len(paths)
    spec = trusted.session.card.input
    for path, b in zip(paths, batch, strict=True):
        one = trusted.analyse(load_image(path, min_size=spec.decode_min_size).rgb, str(path))
        assert b.codes == one.codes, path  # type: ignore[union-attr]
        assert b.ood is not None and one.ood is not None  # type: ignore[union-attr]
        assert b.ood.distance == pytest.approx(one.ood.distance, rel=1e-4)  # type: ignore[union-attr]
        assert b.malignant == pytest.approx(one.malignant, abs=1e-5)  # type: ignore[union-attr]
    assert not batch[3].passes_gate and not batch[4].passes_gate  # type: ignore[union-attr]
