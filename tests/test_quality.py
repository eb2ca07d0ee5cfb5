"""The image-quality gate: each check on synthetic pictures, and on the shared test split with degraded copies."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from dermassist.imaging.quality import MESSAGES, QualityIssue, QualityLimits, assess_quality, lesion_mask, work_grey


def lesion_picture(size: int = 320, seed: int = 0, centre: tuple[float, float] = (0.5, 0.5), radius: float = 0.22):
    """A textured skin-coloured picture with a dark oval lesion (sharp enough to pass the blur check)."""
    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[0:size, 0:size] / size
    r = np.hypot((xx - centre[0]) / radius, (yy - centre[1]) / (radius * 0.8))
    w = np.clip(1.3 - r, 0, 1)[..., None]
    skin, lesion = np.array([215, 165, 145], np.float32), np.array([95, 60, 45], np.float32)
    img = skin * (1 - w) + lesion * w + rng.normal(0, 9, (size, size, 1))
    return np.clip(img, 0, 255).astype(np.uint8)


def test_a_good_picture_passes() -> None:
    report = assess_quality(lesion_picture())
    assert report.ok, report.codes
    assert report.metrics.lesion is not None and 0.05 < report.metrics.lesion.area < 0.4


def test_blur_darkness_and_glare_are_named() -> None:
    good = lesion_picture()
    assert "blur" in assess_quality(cv2.GaussianBlur(good, (0, 0), 3)).codes
    dark = assess_quality((good * 0.2).astype(np.uint8))
    assert "dark" in dark.codes and "blur" not in dark.codes  # sharpness is judged independently of brightness
    bright = np.clip(good.astype(np.float32) * 3.0, 0, 255).astype(np.uint8)
    assert "bright" in assess_quality(bright).codes


def test_small_picture_says_its_size_and_the_minimum() -> None:
    report = assess_quality(lesion_picture(120), QualityLimits(min_side=224))
    assert report.codes[0] == "small"
    assert "120x120" in report.issues[0].message("en") and "224" in report.issues[0].message("en")
    assert "120x120" in report.issues[0].message("ru") and "пикс" in report.issues[0].message("ru")
    assert assess_quality(lesion_picture(120), QualityLimits(min_side=100)).ok


def test_lesion_not_in_view() -> None:
    plain_skin = lesion_picture(radius=0.0001)
    assert "no_lesion" in assess_quality(plain_skin).codes
    off_centre = lesion_picture(centre=(0.06, 0.06), radius=0.1)
    assert "no_lesion" in assess_quality(off_centre).codes
    filling = lesion_picture()
    yy, xx = np.mgrid[0:320, 0:320]
    filling[np.hypot(xx - 160, yy - 160) < 0.65 * 320] = (100, 62, 48)  # a lesion larger than the picture
    filling = np.clip(filling + np.random.default_rng(1).normal(0, 9, filling.shape), 0, 255).astype(np.uint8)
    assert "lesion_at_edge" in assess_quality(filling).codes


def test_every_message_exists_in_both_languages() -> None:
    for code in MESSAGES:
        issue = QualityIssue(code, 0.0, 0.0, (("width", 1), ("height", 1), ("min_side", 2)))
        assert issue.message("en") != issue.message("ru"), code
    report = assess_quality((lesion_picture(100) * 0.1).astype(np.uint8), QualityLimits(min_side=224))
    assert len(report.messages("ru")) == len(report.issues) >= 2


def test_dermatoscope_rim_is_not_taken_for_the_lesion() -> None:
    img = lesion_picture()
    yy, xx = np.mgrid[0:320, 0:320]
    img[np.hypot(xx - 160, yy - 160) > 175] = 5  # black corners of a round field of view
    mask, stats = lesion_mask(work_grey(img))
    assert stats is not None and not mask[0, 0] and mask[160, 160]
    assert assess_quality(img).ok


def test_rejects_non_rgb_arrays() -> None:
    with pytest.raises(ValueError, match="uint8 RGB"):
        assess_quality(np.zeros((50, 50), np.uint8))


@pytest.mark.isic
def test_test_split_passes_and_degraded_copies_are_flagged(isic_dir: Path) -> None:
    """>= 95% of the test split passes; Gaussian blur (sigma 2 px) and 2 stops of underexposure are caught."""
    from dermassist.evaluation.dataset import read_labels
    from dermassist.imaging.loading import load_image

    samples = read_labels(isic_dir, "test")
    limits = QualityLimits(min_side=224)
    passed = blurred = darkened = 0
    for s in samples:
        rgb = load_image(s.path).rgb
        passed += assess_quality(rgb, limits).ok
        blurred += "blur" in assess_quality(cv2.GaussianBlur(rgb, (0, 0), 2), limits).codes
        darkened += "dark" in assess_quality((rgb.astype(np.float32) * 0.25).astype(np.uint8), limits).codes
    n = len(samples)
    print(f"quality gate on {n} test images: pass {passed / n:.1%}, blurred flagged {blurred / n:.1%}, "
          f"darkened flagged {darkened / n:.1%}")
    assert n == 896
    assert passed / n >= 0.95
    assert blurred / n >= 0.95
    assert darkened / n >= 0.99
