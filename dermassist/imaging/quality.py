"""Image-quality gate before analysis: blur, exposure, size, and whether a lesion is in view.

Everything is measured on a grey copy whose shorter side is reduced to ``WORK_SIDE`` pixels
(never enlarged), which is about the scale the model sees. The limits were set on the shared
ISIC validation split (see ``docs/trust.md``): each passes at least 98% of its dermoscopy
images and catches the degraded copies used in the tests.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from dermassist.i18n import N_, gettext_for

WORK_SIDE = 256
VIGNETTE_LEVEL = 25  # darker pixels are the black rim of a dermatoscope's field, not skin or lesion

# code -> English source text (gettext catalogs hold the other languages). Plain words for a GP;
# {value}-style fields are filled in by ``message``.
MESSAGES: dict[str, str] = {
    "blur": N_("The picture looks blurred (out of focus or moved). Take it again with the lesion in focus."),
    "dark": N_("The picture is too dark. Take it again with more light."),
    "bright": N_("The picture is overexposed (large areas are pure white). Take it again with less light or glare."),
    "small": N_(
        "The picture is too small ({width}x{height} pixels; at least {min_side} pixels on each side are needed)."
    ),
    "no_lesion": N_(
        "No distinct lesion was found near the centre of the picture. Centre the lesion and take it again."
    ),
    "lesion_at_edge": N_("The lesion touches the edges of the picture and may not be fully in view."),
}


@dataclass(frozen=True)
class QualityLimits:
    """Where each check starts to warn (values measured on the normalised grey picture)."""

    min_side: int = 224  # pixels; callers pass the model's input size
    min_sharpness: float = 100.0  # variance of the Laplacian, brightness-normalised
    min_brightness: float = 60.0  # mean grey level of the central area (0..255)
    max_clipped: float = 0.25  # share of pure-white pixels in the central area
    min_lesion_area: float = 0.005  # share of the picture
    min_lesion_contrast: float = 0.06  # (skin - lesion) / skin grey level
    max_lesion_border: float = 0.5  # share of the picture's outline covered by the lesion


@dataclass(frozen=True)
class QualityIssue:
    """One quality warning: a stable ``code``, the measured ``value`` and the ``limit`` it crossed."""

    code: str
    value: float
    limit: float
    details: tuple[tuple[str, int], ...] = ()  # fields for the message, e.g. (("width", 100),)

    def message(self, lang: str = "en") -> str:
        """The warning in plain words, in ``lang``."""
        return gettext_for(lang, MESSAGES[self.code]).format(**dict(self.details))


@dataclass(frozen=True)
class LesionStats:
    """The darkest compact region near the centre found by Otsu thresholding (None fields: no lesion)."""

    area: float  # share of the normalised picture
    border: float  # share of the picture's outline it touches
    contrast: float  # (skin - lesion) / skin grey level


@dataclass(frozen=True)
class QualityMetrics:
    """The raw measurements behind the warnings (kept in the analysis record)."""

    width: int
    height: int
    sharpness: float
    brightness: float
    clipped: float
    lesion: LesionStats | None


@dataclass(frozen=True)
class QualityReport:
    """The outcome of the quality gate: no issues means the picture looks usable."""

    issues: tuple[QualityIssue, ...]
    metrics: QualityMetrics

    @property
    def ok(self) -> bool:
        """True when no check warned."""
        return not self.issues

    @property
    def codes(self) -> tuple[str, ...]:
        """The warning codes, in the order the checks ran."""
        return tuple(i.code for i in self.issues)

    def messages(self, lang: str = "en") -> tuple[str, ...]:
        """Every warning in plain words."""
        return tuple(i.message(lang) for i in self.issues)


def work_grey(rgb: np.ndarray, side: int = WORK_SIDE) -> np.ndarray:
    """uint8 grey copy with the shorter side reduced to ``side`` (small pictures are kept as they are)."""
    if rgb.ndim != 3 or rgb.shape[2] != 3 or rgb.dtype != np.uint8:
        raise ValueError(f"expected an HxWx3 uint8 RGB array, got {rgb.dtype} {rgb.shape}")
    h, w = rgb.shape[:2]
    scale = side / min(h, w)
    if scale < 1:
        rgb = cv2.resize(rgb, (max(1, round(w * scale)), max(1, round(h * scale))), interpolation=cv2.INTER_AREA)
    return np.asarray(cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY))


def _centre(a: np.ndarray, keep: float) -> np.ndarray:
    h, w = a.shape[:2]
    dh, dw = int(h * (1 - keep) / 2), int(w * (1 - keep) / 2)
    return a[dh : h - dh, dw : w - dw]


def sharpness(grey: np.ndarray) -> float:
    """Variance of the Laplacian of the central 70%; a picture darker than mid-grey is scaled as if
    its mean grey level were 128, so a dark but sharp picture reads as sharp (darkness has its own check).
    """
    c = _centre(grey, 0.7).astype(np.float32)
    lap = float(cv2.Laplacian(c, cv2.CV_32F, ksize=3).var())
    return lap * (128.0 / min(max(float(c.mean()), 1.0), 128.0)) ** 2


def lesion_mask(grey: np.ndarray) -> tuple[np.ndarray, LesionStats | None]:
    """Otsu lesion mask (bool, same size as ``grey``) of the largest dark region reaching the central half.

    Pixels darker than the dermatoscope rim level are ignored; returns an empty mask and None
    when there is no such region.
    """
    g = cv2.GaussianBlur(grey, (0, 0), 2)
    h, w = g.shape
    valid = g > VIGNETTE_LEVEL
    empty = np.zeros((h, w), dtype=bool)
    if valid.sum() < 16:
        return empty, None
    level, _ = cv2.threshold(g[valid].reshape(-1, 1), 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    dark = cv2.morphologyEx((valid & (g < level)).astype(np.uint8), cv2.MORPH_OPEN, np.ones((5, 5), np.uint8))
    count, labels, stats, _ = cv2.connectedComponentsWithStats(dark, connectivity=8)
    y0, y1, x0, x1 = h // 4, h - h // 4, w // 4, w - w // 4
    central = np.unique(labels[y0:y1, x0:x1])
    candidates = [i for i in central if i != 0]
    if not candidates:
        return empty, None
    best = max(candidates, key=lambda i: stats[i, cv2.CC_STAT_AREA])
    mask = labels == best
    outline = np.concatenate([mask[0], mask[-1], mask[:, 0], mask[:, -1]])
    rest = valid & ~mask
    skin = float(g[rest].mean()) if rest.any() else 255.0
    contrast = (skin - float(g[mask].mean())) / max(skin, 1.0)
    return mask, LesionStats(float(mask.mean()), float(outline.mean()), contrast)


def assess_quality(rgb: np.ndarray, limits: QualityLimits | None = None) -> QualityReport:
    """Run every check on an HxWx3 uint8 RGB picture; returns the warnings and the measurements."""
    limits = limits or QualityLimits()
    h, w = rgb.shape[:2]
    grey = work_grey(rgb)
    centre = _centre(grey, 0.7)
    brightness = float(centre.mean())
    clipped = float((centre >= 250).mean())
    sharp = sharpness(grey)
    _, lesion = lesion_mask(grey)
    issues: list[QualityIssue] = []
    if min(h, w) < limits.min_side:
        details = (("width", w), ("height", h), ("min_side", limits.min_side))
        issues.append(QualityIssue("small", float(min(h, w)), float(limits.min_side), details))
    if brightness < limits.min_brightness:
        issues.append(QualityIssue("dark", brightness, limits.min_brightness))
    if clipped > limits.max_clipped:
        issues.append(QualityIssue("bright", clipped, limits.max_clipped))
    if sharp < limits.min_sharpness:
        issues.append(QualityIssue("blur", sharp, limits.min_sharpness))
    if lesion is None or lesion.area < limits.min_lesion_area or lesion.contrast < limits.min_lesion_contrast:
        issues.append(QualityIssue("no_lesion", lesion.contrast if lesion else 0.0, limits.min_lesion_contrast))
    elif lesion.border > limits.max_lesion_border:
        issues.append(QualityIssue("lesion_at_edge", lesion.border, limits.max_lesion_border))
    metrics = QualityMetrics(w, h, sharp, brightness, clipped, lesion)
    return QualityReport(tuple(issues), metrics)
