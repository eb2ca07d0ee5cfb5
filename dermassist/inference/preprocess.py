"""Card-driven preprocessing: the one transform used by inference, evaluation and training.

The training code imports :func:`preprocess` for its evaluation transform, so a model sees the
same pixels in the clinic as it saw when it was measured.
"""

from __future__ import annotations

import cv2
import numpy as np
from PIL import Image

from dermassist.imaging.field_of_view import crop, field_box
from dermassist.inference.card import InputSpec

_INTERP = {
    "area": cv2.INTER_AREA,
    "linear": cv2.INTER_LINEAR,
    "cubic": cv2.INTER_CUBIC,
    "nearest": cv2.INTER_NEAREST,
}


_PIL_RESAMPLE = {
    "pil-nearest": Image.Resampling.NEAREST,
    "pil-bilinear": Image.Resampling.BILINEAR,
    "pil-bicubic": Image.Resampling.BICUBIC,
}


def _resize_pil(rgb: np.ndarray, width: int, height: int, interpolation: str) -> np.ndarray:
    """Pillow's ``Image.resize``, exactly as Keras's ``load_img(target_size=...)`` (default ``pil-nearest``)
    and torchvision's ``Resize`` on PIL images (``pil-bilinear``) call it, so imported models get their pixels."""
    resized = Image.fromarray(rgb).resize((width, height), _PIL_RESAMPLE[interpolation])
    return np.asarray(resized, dtype=np.uint8)


def _resize(rgb: np.ndarray, width: int, height: int, interpolation: str) -> np.ndarray:
    if rgb.shape[1] == width and rgb.shape[0] == height:
        return rgb
    if interpolation in _PIL_RESAMPLE:
        return _resize_pil(rgb, width, height, interpolation)
    flag = _INTERP[interpolation]
    # INTER_AREA is only meant for shrinking; enlarging uses linear interpolation instead.
    if flag == cv2.INTER_AREA and (width > rgb.shape[1] or height > rgb.shape[0]):
        flag = cv2.INTER_LINEAR
    return cv2.resize(rgb, (width, height), interpolation=flag)


def resize_to_input(rgb: np.ndarray, spec: InputSpec, box: tuple[int, int, int, int] | None = None) -> np.ndarray:
    """Geometric part of preprocessing: the uint8 RGB picture at the model's input size.

    ``squash`` resizes the whole picture to the input (the ISIC training images were squashed,
    so that is what models trained on them expect); ``center_crop`` keeps the aspect ratio and
    crops the centre; ``letterbox`` keeps the aspect ratio and pads with black. A card with
    ``field_of_view: lesion_crop`` crops to the lesion first; ``box`` passes in that crop when the
    caller already found it (:func:`~dermassist.imaging.field_of_view.field_box`), so it is found once.
    """
    rgb = crop(rgb, box if box is not None else field_box(rgb, spec.field_of_view))
    height, width = spec.size
    h0, w0 = rgb.shape[:2]
    if spec.resize == "squash":
        return _resize(rgb, width, height, spec.interpolation)
    if spec.resize == "center_crop":
        scale = max(width / w0, height / h0)
        rw, rh = max(width, round(w0 * scale)), max(height, round(h0 * scale))
        resized = _resize(rgb, rw, rh, spec.interpolation)
        top, left = (rh - height) // 2, (rw - width) // 2
        return np.ascontiguousarray(resized[top : top + height, left : left + width])
    scale = min(width / w0, height / h0)
    rw, rh = max(1, round(w0 * scale)), max(1, round(h0 * scale))
    resized = _resize(rgb, rw, rh, spec.interpolation)
    canvas = np.zeros((height, width, 3), dtype=np.uint8)
    top, left = (height - rh) // 2, (width - rw) // 2
    canvas[top : top + rh, left : left + rw] = resized
    return canvas


def shades_of_gray(rgb: np.ndarray, power: float = 6.0) -> np.ndarray:
    """Shades of Gray colour constancy (Finlayson & Trezzi 2004): scale each channel so the
    Minkowski p-norm illuminant estimate becomes neutral grey. uint8 in, uint8 out."""
    x = rgb.astype(np.float32)
    illum = np.power(np.mean(np.power(x, power), axis=(0, 1)), 1.0 / power)
    illum = illum / max(float(np.linalg.norm(illum)), 1e-6) * np.sqrt(3.0)
    out = x / np.maximum(illum, 1e-3)
    return np.asarray(np.clip(out + 0.5, 0, 255), dtype=np.uint8)


def normalise(rgb: np.ndarray, spec: InputSpec) -> np.ndarray:
    """Value part of preprocessing on an input-sized uint8 RGB picture: channel order, scale,
    mean/std and layout. Returns float32 CHW or HWC (no batch axis)."""
    if spec.colour_constancy == "shades_of_gray":
        rgb = shades_of_gray(rgb)
    arr = rgb[..., ::-1] if spec.channel_order == "BGR" else rgb
    x: np.ndarray = arr.astype(np.float32) * np.float32(spec.pixel_scale)
    x = (x - np.asarray(spec.mean, dtype=np.float32)) / np.asarray(spec.std, dtype=np.float32)
    if spec.layout == "NCHW":
        x = x.transpose(2, 0, 1)
    return np.ascontiguousarray(x, dtype=np.float32)


def preprocess(rgb: np.ndarray, spec: InputSpec, box: tuple[int, int, int, int] | None = None) -> np.ndarray:
    """Full preprocessing of one HxWx3 uint8 RGB picture into the model's input (no batch axis);
    ``box`` as in :func:`resize_to_input`."""
    if rgb.dtype != np.uint8 or rgb.ndim != 3 or rgb.shape[2] != 3:
        raise ValueError(f"expected an HxWx3 uint8 RGB array, got {rgb.dtype} {rgb.shape}")
    return normalise(resize_to_input(rgb, spec, box), spec)


def preprocess_batch(images: list[np.ndarray], spec: InputSpec) -> np.ndarray:
    """Stack preprocessed pictures into one float32 batch."""
    return np.stack([preprocess(im, spec) for im in images])
