"""Class activation map (CAM) heatmaps: where in the picture the malignancy evidence came from.

The model exports ``cam`` = (W_malignant - W_benign) . feature_map, a coarse grid (7x7 for a
224-pixel MobileNetV2) whose mean plus the bias difference is the malignant-vs-benign logit.
What is shown is the grid's magnitude (``DISPLAY_MODE``): where the evidence for *or against*
malignancy came from, i.e. where the model looked; on the test split it lies on the lesion far more
often than the signed map does (docs/trust.md). It is scaled to 0..1 (min to max of the grid, so it
shows *relative* evidence within one picture), enlarged to the picture's size and coloured.
Qt-free; the viewer and the referral use it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

COLORMAP = cv2.COLORMAP_JET
DEFAULT_OPACITY = 0.45
DISPLAY_MODE = "magnitude"  # or "malignant": the signed malignant-minus-benign evidence


@dataclass(frozen=True)
class Concentration:
    """How much of a heatmap falls on the lesion compared with the picture's border band."""

    lesion_mean: float  # mean normalised heat inside the lesion mask
    border_mean: float  # mean normalised heat in the outer band of the picture
    lesion_share: float  # share of all heat that lies inside the lesion mask
    lesion_area: float  # share of the picture covered by the lesion mask

    @property
    def ratio(self) -> float:
        """Lesion mean over border mean (above 1: the heat concentrates on the lesion)."""
        return self.lesion_mean / max(self.border_mean, 1e-6)


def display_grid(cam: np.ndarray | list[list[float]], mode: str = DISPLAY_MODE) -> np.ndarray:
    """The CAM grid as it is shown: its magnitude, or the signed malignant evidence."""
    c = np.asarray(cam, dtype=np.float32)
    return np.abs(c) if mode == "magnitude" else c


def cam_on_picture(cam: np.ndarray, box: tuple[int, int, int, int], width: int, height: int) -> np.ndarray:
    """A CAM computed on the crop ``box`` (x0, y0, x1, y1) of a ``width`` x ``height`` picture, laid
    into a grid over the whole picture (zero evidence outside the crop), so it stretches back like any other."""
    c = np.asarray(cam, dtype=np.float32)
    x0, y0, x1, y1 = box
    if (x0, y0, x1, y1) == (0, 0, width, height):
        return c
    gh, gw = c.shape
    sx, sy = gw / max(1, x1 - x0), gh / max(1, y1 - y0)  # grid cells per picture pixel
    full = np.zeros((max(gh, round(height * sy)), max(gw, round(width * sx))), np.float32)
    gx0, gy0 = min(round(x0 * sx), full.shape[1] - gw), min(round(y0 * sy), full.shape[0] - gh)
    full[gy0 : gy0 + gh, gx0 : gx0 + gw] = c
    return full


def normalise(cam: np.ndarray) -> np.ndarray:
    """Scale a CAM grid to 0..1 (a flat grid becomes all zeros)."""
    c = np.asarray(cam, dtype=np.float32)
    if c.ndim != 2:
        raise ValueError(f"expected a 2-D CAM grid, got shape {c.shape}")
    lo, hi = float(c.min()), float(c.max())
    if not np.isfinite(lo) or not np.isfinite(hi) or hi - lo < 1e-9:
        return np.zeros_like(c)
    return (c - lo) / (hi - lo)


def upsample(cam: np.ndarray, width: int, height: int) -> np.ndarray:
    """The normalised CAM enlarged smoothly to ``width`` x ``height`` (float32 0..1).

    The model squashes the whole picture to its square input, so the grid stretches back over
    the whole picture, whatever its aspect ratio.
    """
    heat = cv2.resize(normalise(cam), (int(width), int(height)), interpolation=cv2.INTER_CUBIC)
    return np.clip(heat, 0.0, 1.0).astype(np.float32)


def colourise(heat: np.ndarray) -> np.ndarray:
    """0..1 heat -> HxWx3 uint8 RGB through the JET colour map (blue: little, red: most evidence)."""
    bgr = cv2.applyColorMap(np.round(heat * 255).astype(np.uint8), COLORMAP)
    return np.ascontiguousarray(bgr[..., ::-1])


def overlay(rgb: np.ndarray, cam: np.ndarray, opacity: float = DEFAULT_OPACITY) -> np.ndarray:
    """The picture with the coloured heatmap blended over it at ``opacity`` (0..1)."""
    h, w = rgb.shape[:2]
    colour = colourise(upsample(cam, w, h)).astype(np.float32)
    a = float(np.clip(opacity, 0.0, 1.0))
    return np.clip(rgb.astype(np.float32) * (1 - a) + colour * a, 0, 255).astype(np.uint8)


HOT_FLOOR = 0.5  # by default only the upper half of the heat is tinted: the region that drove the estimate


def heat_rgba(cam: np.ndarray, width: int, height: int, floor: float = HOT_FLOOR) -> np.ndarray:
    """An HxWx4 uint8 RGBA layer for a viewer: colour with alpha growing with the heat above ``floor``.

    Below ``floor`` (0..1 of the normalised heat) the picture is left untinted, so the eye goes to
    the hot region; ``floor=0`` tints the whole picture (a quarter-opaque where the heat is lowest).
    The viewer sets the layer's overall opacity with its slider.
    """
    heat = upsample(cam, width, height)
    hot = np.clip((heat - floor) / max(1e-6, 1.0 - floor), 0, 1)
    alpha = hot if floor > 0 else np.clip(0.25 + 0.75 * heat, 0, 1)
    return np.ascontiguousarray(np.dstack([colourise(heat), np.round(alpha * 255).astype(np.uint8)]))


def save_overlay(rgb: np.ndarray, cam: np.ndarray, path: Path, opacity: float = DEFAULT_OPACITY) -> Path:
    """Write the overlay as a JPEG (for the referral PDF); written to a temporary name, then renamed."""
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp.jpg")
    bgr = cv2.cvtColor(overlay(rgb, cam, opacity), cv2.COLOR_RGB2BGR)
    if not cv2.imwrite(str(tmp), bgr, [cv2.IMWRITE_JPEG_QUALITY, 90]):
        raise OSError(f"cannot write heatmap picture {tmp}")
    tmp.replace(path)
    return path


def concentration(cam: np.ndarray, lesion: np.ndarray, border: float = 0.1) -> Concentration:
    """Compare the heat on ``lesion`` (a bool mask of any size) with the outer ``border`` band of the picture."""
    h, w = lesion.shape
    heat = upsample(cam, w, h)
    band = np.ones((h, w), dtype=bool)
    bh, bw = max(1, round(h * border)), max(1, round(w * border))
    band[bh : h - bh, bw : w - bw] = False
    total = float(heat.sum())
    inside = float(heat[lesion].sum()) if lesion.any() else 0.0
    return Concentration(
        lesion_mean=float(heat[lesion].mean()) if lesion.any() else 0.0,
        border_mean=float(heat[band].mean()),
        lesion_share=inside / total if total > 0 else 0.0,
        lesion_area=float(lesion.mean()),
    )
