"""Dermoscopy augmentations on uint8 RGB arrays; the final step is the app's own preprocessing."""

from __future__ import annotations

import cv2
import numpy as np

from dermassist.inference.card import InputSpec
from dermassist.inference.preprocess import preprocess


def random_resized_crop(rgb: np.ndarray, rng: np.random.Generator, scale: tuple[float, float] = (0.6, 1.0),
                        ratio: tuple[float, float] = (0.75, 1.333)) -> np.ndarray:
    """Crop a random area/aspect window (scale and aspect-ratio robustness)."""
    h, w = rgb.shape[:2]
    for _ in range(10):
        area = h * w * rng.uniform(*scale)
        aspect = np.exp(rng.uniform(np.log(ratio[0]), np.log(ratio[1])))
        cw, ch = int(round(np.sqrt(area * aspect))), int(round(np.sqrt(area / aspect)))
        if 0 < cw <= w and 0 < ch <= h:
            x, y = int(rng.integers(0, w - cw + 1)), int(rng.integers(0, h - ch + 1))
            return rgb[y : y + ch, x : x + cw]
    return rgb


def geometric(rgb: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Flips, 90-degree rotations and a small rotation/shear (lesions have no up or down)."""
    if rng.random() < 0.5:
        rgb = rgb[:, ::-1]
    if rng.random() < 0.5:
        rgb = rgb[::-1]
    rgb = np.rot90(rgb, int(rng.integers(0, 4)))
    rgb = np.ascontiguousarray(rgb)
    if rng.random() < 0.5:
        h, w = rgb.shape[:2]
        m = cv2.getRotationMatrix2D((w / 2, h / 2), float(rng.uniform(-20, 20)), float(rng.uniform(1.0, 1.15)))
        m[0, 1] += rng.uniform(-0.05, 0.05)
        rgb = cv2.warpAffine(rgb, m, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT_101)
    return rgb


def photometric(rgb: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Brightness, contrast, saturation, hue, gamma and per-channel colour cast (other cameras, lights)."""
    x = rgb.astype(np.float32)
    x = x * rng.uniform(0.75, 1.25) + rng.uniform(-20, 20)
    mean = x.mean()
    x = (x - mean) * rng.uniform(0.75, 1.3) + mean
    x = x * rng.uniform(0.9, 1.1, size=3).astype(np.float32)  # white-balance shift
    x = np.clip(x, 0, 255).astype(np.uint8)
    if rng.random() < 0.7:
        hsv = cv2.cvtColor(x, cv2.COLOR_RGB2HSV).astype(np.int16)
        hsv[..., 0] = (hsv[..., 0] + int(rng.integers(-8, 9))) % 180
        hsv[..., 1] = np.clip(hsv[..., 1] * rng.uniform(0.7, 1.3), 0, 255)
        x = cv2.cvtColor(hsv.astype(np.uint8), cv2.COLOR_HSV2RGB)
    if rng.random() < 0.3:
        gamma = rng.uniform(0.7, 1.4)
        lut = np.clip(((np.arange(256) / 255.0) ** gamma) * 255.0, 0, 255).astype(np.uint8)
        x = lut[x]
    return x


def artefacts(rgb: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Occasional hair strands, a dark dermatoscope vignette, blur and re-compression."""
    h, w = rgb.shape[:2]
    out = rgb.copy()
    if rng.random() < 0.2:
        for _ in range(int(rng.integers(1, 8))):
            pts = np.cumsum(rng.normal(0, w / 12, (4, 2)), axis=0) + rng.uniform(0, [w, h])
            colour = tuple(int(c) for c in rng.integers(10, 70, 3))
            cv2.polylines(out, [pts.astype(np.int32)], False, colour, int(rng.integers(1, 3)), cv2.LINE_AA)
    if rng.random() < 0.2:
        yy, xx = np.mgrid[0:h, 0:w]
        r = np.hypot((xx - w / 2) / (w / 2), (yy - h / 2) / (h / 2))
        edge = rng.uniform(0.85, 1.2)
        mask = np.clip((edge - r) / 0.1, 0, 1)[..., None]
        out = (out * mask).astype(np.uint8)
    if rng.random() < 0.15:
        k = int(rng.choice([3, 5]))
        out = cv2.GaussianBlur(out, (k, k), 0)
    if rng.random() < 0.25:
        ok, buf = cv2.imencode(".jpg", out[..., ::-1], [cv2.IMWRITE_JPEG_QUALITY, int(rng.integers(40, 95))])
        if ok:
            decoded = cv2.imdecode(buf, cv2.IMREAD_COLOR)
            if decoded is not None:
                out = np.ascontiguousarray(decoded[..., ::-1])
    return out


def zoom_out(rgb: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Shrink the picture inside a mirrored border: a lesion that fills less of the frame, as in
    full-size clinic photographs (field-of-view robustness)."""
    h, w = rgb.shape[:2]
    f = rng.uniform(0.55, 0.9)
    sw, sh = max(8, int(w * f)), max(8, int(h * f))
    small = cv2.resize(rgb, (sw, sh), interpolation=cv2.INTER_AREA)
    top, left = int(rng.integers(0, h - sh + 1)), int(rng.integers(0, w - sw + 1))
    return cv2.copyMakeBorder(small, top, h - sh - top, left, w - sw - left, cv2.BORDER_REFLECT_101)


def sharpen(rgb: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Unsharp masking: the crisper detail of a full-resolution photograph shrunk by area averaging,
    next to the softer pixels of the data sets' small resized copies (blur covers the other way)."""
    sigma = float(rng.uniform(0.6, 1.6))
    soft = cv2.GaussianBlur(rgb, (0, 0), sigma).astype(np.float32)
    amount = float(rng.uniform(0.3, 1.5))
    out = rgb.astype(np.float32) * (1 + amount) - soft * amount
    return np.asarray(np.clip(out + 0.5, 0, 255), dtype=np.uint8)


_CV_RESAMPLE = (cv2.INTER_AREA, cv2.INTER_LINEAR, cv2.INTER_CUBIC, cv2.INTER_NEAREST)
_PIL_RESAMPLE = ("nearest", "bilinear", "bicubic", "lanczos")


def arrival(rgb: np.ndarray, rng: np.random.Generator, target: int) -> np.ndarray:
    """How a picture may reach the network: another resolution, another resampling path (OpenCV or
    Pillow, as a camera, a paste or a viewer would resize it) and JPEG compression at clinic qualities."""
    from PIL import Image

    out = rgb
    if rng.random() < 0.5:
        side = int(target * np.exp(rng.uniform(np.log(0.6), np.log(3.0))))
        h, w = out.shape[:2]
        size = (max(8, round(w * side / max(h, w))), max(8, round(h * side / max(h, w))))
        if rng.random() < 0.5:
            out = cv2.resize(out, size, interpolation=int(rng.choice(_CV_RESAMPLE)))
        else:
            name = str(rng.choice(_PIL_RESAMPLE))
            out = np.asarray(Image.fromarray(out).resize(size, getattr(Image.Resampling, name.upper())))
    if rng.random() < 0.4:
        ok, buf = cv2.imencode(".jpg", np.ascontiguousarray(out[..., ::-1]),
                               [cv2.IMWRITE_JPEG_QUALITY, int(rng.integers(30, 96))])
        decoded = cv2.imdecode(buf, cv2.IMREAD_COLOR) if ok else None
        if decoded is not None:
            out = decoded[..., ::-1]
    return np.ascontiguousarray(out)


def _content(rgb: np.ndarray, rng: np.random.Generator, recipe: str) -> np.ndarray:
    """What the lesion looks like: crop, zoom, geometry, colour, artefacts (and v3's sharpening)."""
    if recipe == "v1":
        x = random_resized_crop(rgb, rng)
    else:
        x = random_resized_crop(rgb, rng, scale=(0.35, 1.0)) if rng.random() < 0.8 else rgb
        if rng.random() < 0.25:
            x = zoom_out(np.ascontiguousarray(x), rng)
    x = geometric(x, rng)
    x = photometric(x, rng)
    x = artefacts(x, rng)
    if recipe == "v3" and rng.random() < 0.3:
        x = sharpen(x, rng)
    return x


def train_transform(spec: InputSpec, recipe: str = "v2"):  # type: ignore[no-untyped-def]
    """Augment, then run the inference module's preprocessing (resize to input, normalise, layout).

    ``v1``: crop, geometry, colour, artefacts (model 1.0). ``v2`` adds a wider zoom range, zoom-out
    and the resampling/compression paths a picture meets on its way in (see :func:`arrival`).
    ``v3`` is ``v2`` plus occasional sharpening (see :func:`sharpen`).
    """

    def apply(rgb: np.ndarray, rng: np.random.Generator) -> np.ndarray:
        x = _content(rgb, rng, recipe)
        if recipe != "v1":
            x = arrival(x, rng, spec.size[0])
        return preprocess(np.ascontiguousarray(x), spec)

    return apply


def paired_transform(spec: InputSpec, recipe: str = "v2"):  # type: ignore[no-untyped-def]
    """Two arrivals of one augmented picture, stacked ``(2, ...)``, for the consistency loss.

    Both views share the lesion's crop, geometry, colour and artefacts; they differ only in how the
    picture reached the network: one arrives as the recipe's own chain does, the other is first made
    crisper or softer (a full-size photograph shrunk by area averaging against a data set's small
    resized copy) and then takes its own resolution, resampler and JPEG quality.
    """

    def apply(rgb: np.ndarray, rng: np.random.Generator) -> np.ndarray:
        x = np.ascontiguousarray(_content(rgb, rng, recipe))
        other = x
        u = rng.random()
        if u < 0.35:
            other = sharpen(x, rng)
        elif u < 0.55:
            other = cv2.GaussianBlur(x, (0, 0), float(rng.uniform(0.5, 1.2)))
        a = arrival(x, rng, spec.size[0]) if recipe != "v1" else x
        b = arrival(other, rng, spec.size[0])
        return np.stack([preprocess(np.ascontiguousarray(v), spec) for v in (a, b)])

    return apply


def eval_transform(spec: InputSpec):  # type: ignore[no-untyped-def]
    """Evaluation transform: exactly the app's preprocessing, nothing else."""

    def apply(rgb: np.ndarray, rng: np.random.Generator | None = None) -> np.ndarray:
        return preprocess(rgb, spec)

    return apply
