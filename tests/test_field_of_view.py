"""Field-of-view normalisation: the lesion-centred crop a card can ask for."""

from __future__ import annotations

import dataclasses
import json

import cv2
import numpy as np
import pytest

from dermassist.imaging.field_of_view import MIN_SHARE, crop, field_box, lesion_box
from dermassist.inference.card import CardError, InputSpec, ModelCard, load_card
from dermassist.inference.preprocess import resize_to_input

SPEC = InputSpec("input", (64, 64), "NCHW", "squash", "RGB", 1 / 255, (0.5, 0.5, 0.5), (0.25, 0.25, 0.25))


def _skin_with_lesion(w: int, h: int, cx: int, cy: int, r: int) -> np.ndarray:
    rgb = np.full((h, w, 3), (205, 160, 140), np.uint8)
    cv2.circle(rgb, (cx, cy), r, (70, 40, 30), -1)
    return rgb


def test_box_is_centred_on_the_lesion_with_the_pictures_aspect() -> None:
    rgb = _skin_with_lesion(1200, 900, 500, 420, 60)
    x0, y0, x1, y1 = lesion_box(rgb)
    assert x0 < 500 - 60 and x1 > 500 + 60 and y0 < 420 - 60 and y1 > 420 + 60  # the whole lesion, some skin
    assert (x1 - x0) / (y1 - y0) == pytest.approx(1200 / 900, rel=0.01)
    assert (x1 - x0) == pytest.approx(MIN_SHARE * 1200, abs=2)  # a small lesion: the minimum crop
    assert field_box(rgb, "lesion_crop") == (x0, y0, x1, y1)
    assert field_box(rgb, "full") == (0, 0, 1200, 900)
    assert crop(rgb, (x0, y0, x1, y1)).shape == (y1 - y0, x1 - x0, 3)


def test_no_lesion_and_a_frame_filling_lesion_keep_the_whole_picture() -> None:
    plain = np.full((300, 400, 3), (205, 160, 140), np.uint8)
    assert lesion_box(plain) == (0, 0, 400, 300)
    big = _skin_with_lesion(400, 300, 200, 150, 140)
    assert lesion_box(big) == (0, 0, 400, 300)


def test_box_stays_inside_the_picture_near_an_edge() -> None:
    rgb = _skin_with_lesion(800, 600, 230, 200, 40)
    x0, y0, x1, y1 = lesion_box(rgb)
    assert 0 <= x0 < x1 <= 800 and 0 <= y0 < y1 <= 600


def test_card_step_changes_what_the_network_sees(tiny_model: ModelCard) -> None:
    rgb = _skin_with_lesion(1200, 900, 600, 450, 60)
    full = resize_to_input(rgb, SPEC)
    cropped = resize_to_input(rgb, dataclasses.replace(SPEC, field_of_view="lesion_crop"))
    dark = (full.mean(axis=2) < 120).mean(), (cropped.mean(axis=2) < 120).mean()
    assert dark[1] > 4 * dark[0]  # the lesion fills more of the input after the crop
    assert tiny_model.path is not None
    raw = json.loads(tiny_model.path.read_text())
    raw["input"]["field_of_view"] = "lesion_crop"
    card = tiny_model.path.with_name("crop.json")
    card.write_text(json.dumps(raw))
    assert load_card(card).input.field_of_view == "lesion_crop"
    raw["input"]["field_of_view"] = "zoom"
    card.write_text(json.dumps(raw))
    with pytest.raises(CardError, match="field_of_view"):
        load_card(card)


def test_cam_of_a_crop_lands_on_the_crop_in_the_picture() -> None:
    from dermassist.inference.heatmap import cam_on_picture

    cam = np.ones((7, 7), np.float32)
    grid = cam_on_picture(cam, (300, 200, 780, 560), 1200, 900)  # the crop is 40% of each side
    assert grid.shape == (round(900 * 7 / 360), round(1200 * 7 / 480))
    ys, xs = np.nonzero(grid)
    assert xs.min() / grid.shape[1] == pytest.approx(300 / 1200, abs=0.05)
    assert ys.min() / grid.shape[0] == pytest.approx(200 / 900, abs=0.05)
    assert grid.sum() == cam.sum()  # all of the crop's evidence, none invented outside it
    np.testing.assert_array_equal(cam_on_picture(cam, (0, 0, 1200, 900), 1200, 900), cam)
