"""Body map silhouettes and anatomical labels."""

from __future__ import annotations

import pytest

from dermassist.imaging import bodymap as bm


@pytest.mark.parametrize("view", bm.VIEWS)
def test_outline_is_a_closed_figure_inside_the_box(view: str) -> None:
    poly = bm.outline(view)
    assert len(poly) > 60
    assert all(0.0 <= x <= 1.0 and 0.0 <= y <= 1.0 for x, y in poly)
    xs = sorted(x for x, _ in poly)
    ys = sorted(y for _, y in poly)
    assert ys[0] < 0.03 and ys[-1] > 0.97  # head to feet fill the box
    assert xs[0] < 0.15 and xs[-1] > 0.85  # hands reach the sides
    # mirror-symmetric about the midline
    for x, y in poly:
        assert min(abs((1 - x) - x2) + abs(y - y2) for x2, y2 in poly) < 1e-3


@pytest.mark.parametrize(
    ("view", "x", "y", "inside"),
    [
        ("front", 0.5, 0.06, True),  # head
        ("front", 0.5, 0.3, True),  # chest
        ("front", 0.5, 0.7, False),  # between the legs
        ("front", 0.5 - 0.11 / bm.ASPECT, 0.34, False),  # gap between the right arm and the torso
        ("front", 0.02, 0.5, False),  # beside the hand
        ("back", 0.42, 0.8, True),  # right calf seen from behind
        ("back", 0.5, 0.999, False),
    ],
)
def test_contains(view: str, x: float, y: float, inside: bool) -> None:
    assert bm.contains(view, x, y) is inside


def test_left_and_right_follow_the_patient() -> None:
    # Front view: the patient's left is on the viewer's right.
    assert bm.region_name("front", 0.82, 0.43) == "left forearm"
    assert bm.region_name("front", 0.18, 0.43) == "right forearm"
    # Back view: the patient's left is on the viewer's left.
    assert bm.region_name("back", 0.18, 0.43) == "left forearm"
    assert bm.region_name("back", 0.82, 0.43) == "right forearm"
    assert bm.patient_side("front", 0.9) == "left"
    assert bm.patient_side("back", 0.9) == "right"
    assert bm.side_markers("front") == (("R", 0.06), ("L", 0.94))
    assert bm.side_markers("back", "ru") == (("Л", 0.06), ("П", 0.94))


@pytest.mark.parametrize(
    ("view", "x", "y", "en", "ru"),
    [
        ("front", 0.82, 0.43, "left forearm", "левое предплечье"),
        ("front", 0.5, 0.06, "face", "лицо"),
        ("back", 0.5, 0.06, "back of the head", "затылок"),
        ("front", 0.5, 0.14, "neck", "шея"),
        ("front", 0.6, 0.27, "chest, left side", "грудная клетка слева"),
        ("front", 0.5, 0.27, "chest, midline", "грудная клетка по средней линии"),
        ("back", 0.6, 0.27, "upper back, right side", "верхняя часть спины справа"),
        ("back", 0.4, 0.42, "lower back, left side", "поясница слева"),
        ("back", 0.6, 0.53, "right buttock", "правая ягодица"),
        ("front", 0.42, 0.62, "right thigh", "правое бедро"),
        ("front", 0.58, 0.74, "left knee", "левое колено"),
        ("back", 0.58, 0.74, "right popliteal fossa", "правая подколенная ямка"),
        ("front", 0.42, 0.85, "right lower leg", "правая голень"),
        ("back", 0.42, 0.85, "left calf", "левая икра"),
        ("front", 0.58, 0.98, "left foot", "левая стопа"),
        ("front", 0.12, 0.56, "right hand", "правая кисть"),
        ("front", 0.76, 0.30, "left upper arm", "левое плечо"),
        ("front", 0.78, 0.375, "left elbow", "левый локоть"),
        ("front", 0.73, 0.20, "left shoulder", "левое надплечье"),
    ],
)
def test_region_names(view: str, x: float, y: float, en: str, ru: str) -> None:
    assert bm.contains(view, x, y), (view, x, y)
    assert bm.region_name(view, x, y, "en") == en
    assert bm.region_name(view, x, y, "ru") == ru


def test_details_differ_between_views_and_bad_view_is_rejected() -> None:
    assert bm.details("front") != bm.details("back")
    assert bm.view_title("back", "ru") == "Сзади"
    with pytest.raises(ValueError, match="front"):
        bm.outline("side")
