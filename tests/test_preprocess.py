"""Card-driven preprocessing."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import make_rgb

from dermassist.inference.card import InputSpec
from dermassist.inference.preprocess import preprocess, resize_to_input

TORCH = InputSpec("input", (32, 32), "NCHW", "squash", "RGB", 1 / 255, (0.485, 0.456, 0.406), (0.229, 0.224, 0.225))
CAFFE = InputSpec("input", (32, 32), "NHWC", "squash", "BGR", 1.0, (103.939, 116.779, 123.68), (1.0, 1.0, 1.0))


def test_torch_normalisation_by_hand() -> None:
    rgb = np.full((32, 32, 3), (255, 0, 128), np.uint8)
    x = preprocess(rgb, TORCH)
    assert x.shape == (3, 32, 32) and x.dtype == np.float32
    expected = (np.array([1.0, 0.0, 128 / 255]) - np.array(TORCH.mean)) / np.array(TORCH.std)
    np.testing.assert_allclose(x[:, 0, 0], expected, rtol=1e-6)


def test_keras_caffe_is_bgr_nhwc_mean_subtracted() -> None:
    rgb = np.full((32, 32, 3), (10, 20, 30), np.uint8)
    x = preprocess(rgb, CAFFE)
    assert x.shape == (32, 32, 3)
    np.testing.assert_allclose(x[0, 0], [30 - 103.939, 20 - 116.779, 10 - 123.68], rtol=1e-6)


def test_squash_keeps_the_whole_picture() -> None:
    rgb = np.zeros((100, 300, 3), np.uint8)
    rgb[:, :100] = 255  # left third white
    out = resize_to_input(rgb, TORCH)
    assert out.shape == (32, 32, 3)
    assert out[:, :9].mean() > 250 and out[:, 12:].mean() < 5  # the white third is still a third


def test_center_crop_and_letterbox() -> None:
    rgb = np.zeros((100, 300, 3), np.uint8)
    rgb[:, :100] = 255
    crop = resize_to_input(rgb, InputSpec(**{**TORCH.__dict__, "resize": "center_crop"}))
    assert crop.shape == (32, 32, 3) and crop.mean() < 5  # the centre is black
    box = resize_to_input(rgb, InputSpec(**{**TORCH.__dict__, "resize": "letterbox"}))
    assert box.shape == (32, 32, 3) and box[:5].max() == 0  # padding above


def test_identity_size_is_untouched() -> None:
    rgb = make_rgb(32, 32)
    assert resize_to_input(rgb, TORCH) is rgb


def test_rejects_non_uint8() -> None:
    with pytest.raises(ValueError, match="uint8"):
        preprocess(np.zeros((8, 8, 3), np.float32), TORCH)
