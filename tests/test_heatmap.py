"""CAM heatmaps: scaling, overlay, the exported CAM's meaning, and concentration on real lesions."""

from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np
import pytest
from conftest import ROOT, make_rgb
from model_factory import make_tiny_model
from PIL import Image

from dermassist.inference import heatmap
from dermassist.inference.card import ModelCard, load_card
from dermassist.inference.preprocess import preprocess_batch
from dermassist.inference.session import ModelSession


def peaked(n: int = 7, at: tuple[int, int] = (3, 3)) -> np.ndarray:
    yy, xx = np.mgrid[0:n, 0:n]
    return np.exp(-((yy - at[0]) ** 2 + (xx - at[1]) ** 2) / 2.0).astype(np.float32) * 5 - 2


def test_normalise_and_upsample() -> None:
    cam = peaked()
    norm = heatmap.normalise(cam)
    assert norm.min() == 0 and norm.max() == pytest.approx(1) and norm[3, 3] == pytest.approx(1)
    assert not heatmap.normalise(np.full((7, 7), 3.0)).any()  # flat: no evidence anywhere
    big = heatmap.upsample(cam, 300, 200)
    assert big.shape == (200, 300) and big.dtype == np.float32 and big.min() >= 0 and big.max() <= 1
    assert big[100, 150] > 0.9 and big[0, 0] < 0.1
    with pytest.raises(ValueError, match="2-D"):
        heatmap.normalise(np.zeros((1, 7, 7)))


def test_overlay_colours_the_hot_area_red_and_keeps_the_rest() -> None:
    rgb = np.full((140, 200, 3), 128, np.uint8)
    out = heatmap.overlay(rgb, peaked(), opacity=0.5)
    assert out.shape == rgb.shape and out.dtype == np.uint8
    centre, corner = out[70, 100].astype(int), out[0, 0].astype(int)
    assert centre[0] > centre[2] + 40  # red in the middle (JET: most evidence)
    assert corner[2] > corner[0] + 40  # blue in the corner
    assert np.array_equal(heatmap.overlay(rgb, peaked(), opacity=0.0), rgb)
    layer = heatmap.heat_rgba(peaked(), 200, 140)
    assert layer.shape == (140, 200, 4) and layer[70, 100, 3] > 200
    assert layer[0, 0, 3] == 0  # by default the cold part of the picture is not tinted at all
    whole = heatmap.heat_rgba(peaked(), 200, 140, floor=0.0)
    assert whole[0, 0, 3] > 0 and whole[70, 100, 3] > whole[0, 0, 3]


def test_save_overlay_writes_a_jpeg(tmp_path: Path) -> None:
    path = heatmap.save_overlay(make_rgb(80, 60), peaked(), tmp_path / "h.jpg")
    with Image.open(path) as im:
        assert im.format == "JPEG" and im.size == (80, 60)
    assert not list(tmp_path.glob("*.tmp*"))


def test_concentration_compares_lesion_and_border() -> None:
    mask = np.zeros((100, 100), bool)
    mask[35:65, 35:65] = True
    centred = heatmap.concentration(peaked(), mask)
    assert centred.ratio > 3 and centred.lesion_share > centred.lesion_area
    edge = heatmap.concentration(peaked(at=(0, 0)), mask)
    assert edge.ratio < 1


def test_exported_cam_is_the_class_activation_map(tmp_path: Path) -> None:
    """Mean of the CAM plus the bias difference equals the malignant-minus-benign logit (linear head)."""
    card = make_tiny_model(tmp_path / "m", with_cam=True)
    session = ModelSession(card, providers="cpu")
    images = [make_rgb(64, 48, seed=s) for s in range(3)]
    raw = session.run(preprocess_batch(images, card.input))
    cam = raw.extras["cam"]
    assert cam.shape == (3, 16, 16)
    p = raw.probabilities[:, 1]
    logit = np.log(p / (1 - p))
    bias_difference = -0.2 - 0.2  # fcb of the tiny model
    assert np.allclose(cam.mean(axis=(1, 2)) + bias_difference, logit, atol=1e-4)


# -- real data --------------------------------------------------------------------------------


@pytest.fixture
def trained_card(isic_dir: Path) -> ModelCard:
    for onnx in sorted((ROOT / "models").glob("*.onnx")):
        card = load_card(onnx)
        if card.output.cam:
            return card
    pytest.skip("no trained model exporting a 'cam' output in models/")


@pytest.mark.isic
def test_heatmap_concentrates_on_the_lesion(trained_card: ModelCard, isic_dir: Path) -> None:
    """On the test split, the heat (CAM magnitude) is higher on the Otsu lesion mask than on the border band."""
    from dermassist.evaluation.dataset import read_labels
    from dermassist.trust.features import outputs_for_paths
    from dermassist.trust.measure import heatmap_concentration

    paths = [s.path for s in read_labels(isic_dir, "test")]
    session = ModelSession(trained_card, providers="cpu")
    cache = Path(tempfile.gettempdir()) / "dermassist-feature-cache"
    out = outputs_for_paths(session, paths, cache_dir=cache, tag="test")
    result = heatmap_concentration(paths, out)
    shown = result[heatmap.DISPLAY_MODE]
    print(f"heatmap on {result['n']} test images ({heatmap.DISPLAY_MODE}): {shown}")
    assert result["n"] >= 850
    assert shown["share_lesion_hotter_than_border"] >= 0.6
    assert shown["median_lesion_to_border_ratio"] > 1.2
    assert shown["mean_heat_share_on_lesion"] > shown["mean_lesion_area"]
