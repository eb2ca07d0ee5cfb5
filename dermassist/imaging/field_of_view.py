"""Field-of-view normalisation: a lesion-centred crop, so a lesion fills the frame as in the training crops."""

from __future__ import annotations

import numpy as np

from dermassist.imaging.quality import lesion_mask, work_grey

# The crop is this many times the lesion's extent (some skin around it, as in the data sets' crops)
# and never smaller than MIN_SHARE of the picture's width and height.
CONTEXT = 1.6
MIN_SHARE = 0.4
_WORK_SIDE = 128


def lesion_box(rgb: np.ndarray) -> tuple[int, int, int, int]:
    """(x0, y0, x1, y1) of a crop centred on the lesion with the picture's own aspect ratio, so the
    card's squash distorts it as it distorts the whole picture; the whole picture when no lesion is found."""
    h, w = rgb.shape[:2]
    grey = work_grey(rgb, _WORK_SIDE)
    mask, stats = lesion_mask(grey)
    if stats is None:
        return 0, 0, w, h
    ys, xs = np.nonzero(mask)
    gh, gw = grey.shape
    cx, cy = (xs.min() + xs.max() + 1) / 2 / gw, (ys.min() + ys.max() + 1) / 2 / gh
    share = CONTEXT * max((xs.max() - xs.min() + 1) / gw, (ys.max() - ys.min() + 1) / gh)
    share = min(1.0, max(MIN_SHARE, share))
    cw, ch = max(1, round(w * share)), max(1, round(h * share))
    x0 = int(min(max(0, round(cx * w - cw / 2)), w - cw))
    y0 = int(min(max(0, round(cy * h - ch / 2)), h - ch))
    return x0, y0, x0 + cw, y0 + ch


def field_box(rgb: np.ndarray, field_of_view: str) -> tuple[int, int, int, int]:
    """The part of the picture the network sees under a card's ``field_of_view``."""
    h, w = rgb.shape[:2]
    return lesion_box(rgb) if field_of_view == "lesion_crop" else (0, 0, w, h)


def crop(rgb: np.ndarray, box: tuple[int, int, int, int]) -> np.ndarray:
    """The picture cut to ``box`` (the picture itself when the box is the whole of it)."""
    x0, y0, x1, y1 = box
    h, w = rgb.shape[:2]
    if (x0, y0, x1, y1) == (0, 0, w, h):
        return rgb
    return np.ascontiguousarray(rgb[y0:y1, x0:x1])
