"""The non-dermoscopy probe set ("DermAssist non-dermoscopy probe set v1") for testing the OOD check.

Deterministic: scikit-image's bundled sample photographs (each whole and as four quadrant crops),
faces from scikit-image's LFW subset, and pictures drawn here with Pillow: documents (rendered
text), cartoon faces and landscapes. scikit-image is a test dependency, imported only here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

PROBE_SET_NAME = "DermAssist non-dermoscopy probe set v1"
# scikit-image samples bundled with the wheel (no download); cat/chelsea are the same photograph.
SKIMAGE_SAMPLES = (
    "astronaut", "brick", "camera", "cell", "chelsea", "checkerboard", "clock", "coffee", "coins", "colorwheel",
    "grass", "gravel", "horse", "hubble_deep_field", "immunohistochemistry", "logo", "microaneurysms", "moon",
    "page", "retina", "rocket", "shepp_logan_phantom", "text", "binary_blobs",
)  # fmt: skip
_TEXT = (
    "patient referral letter clinic date examination history lesion treatment results laboratory insurance "
    "address telephone signature report invoice total amount page section summary diagnosis follow-up "
    "appointment prescription dose tablet morning evening weeks months"
)
WORDS = tuple(_TEXT.split())


@dataclass(frozen=True)
class ProbeImage:
    """One non-dermoscopy picture: ``group`` is photo, lfw_face, document, drawn_face or landscape."""

    name: str
    group: str
    rgb: np.ndarray


def _rgb(a: np.ndarray) -> np.ndarray:
    a = np.asarray(a)
    if a.dtype == bool:
        a = a.astype(np.uint8) * 255
    if a.dtype != np.uint8:
        a = (255 * (a - a.min()) / max(float(a.max() - a.min()), 1e-9)).astype(np.uint8)
    if a.ndim == 2:
        a = np.stack([a] * 3, axis=-1)
    return np.ascontiguousarray(a[..., :3])


def skimage_photos() -> Iterator[ProbeImage]:
    """Each scikit-image sample whole and as its four quadrants (crops are what a camera might frame)."""
    import skimage.data

    for name in SKIMAGE_SAMPLES:
        img = _rgb(getattr(skimage.data, name)())
        yield ProbeImage(name, "photo", img)
        h, w = img.shape[:2]
        for k, (y, x) in enumerate(((0, 0), (0, w // 2), (h // 2, 0), (h // 2, w // 2))):
            yield ProbeImage(f"{name}-q{k}", "photo", np.ascontiguousarray(img[y : y + h // 2, x : x + w // 2]))


def lfw_faces(count: int = 40) -> Iterator[ProbeImage]:
    """Faces from scikit-image's Labeled Faces in the Wild subset (25x25 grey, enlarged to 224)."""
    import skimage.data

    faces = skimage.data.lfw_subset()[:count]  # type: ignore[no-untyped-call]
    for i, face in enumerate(faces):
        big = cv2.resize(_rgb(face), (224, 224), interpolation=cv2.INTER_CUBIC)
        yield ProbeImage(f"lfw-{i:02d}", "lfw_face", big)


def _font(size: int) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # Pillow < 10.1 has no sized default font
        return ImageFont.load_default()


def document(seed: int, size: tuple[int, int] = (480, 640)) -> np.ndarray:
    """A page of black text on white or tinted paper, with a title and sometimes a table."""
    rng = np.random.default_rng(seed)
    paper = tuple(int(v) for v in rng.integers(225, 256, 3))
    img = Image.new("RGB", size, paper)
    d = ImageDraw.Draw(img)
    y = 20
    d.text((30, y), " ".join(rng.choice(WORDS, 3)).upper(), fill=(0, 0, 0), font=_font(int(rng.integers(20, 30))))
    y += 50
    body = _font(int(rng.integers(11, 18)))
    while y < size[1] - 40:
        if rng.random() < 0.1:
            for col in range(4):
                d.rectangle((30 + col * 100, y, 130 + col * 100, y + 60), outline=(40, 40, 40))
            y += 75
            continue
        d.text((30, y), " ".join(rng.choice(WORDS, int(rng.integers(5, 9)))), fill=(20, 20, 20), font=body)
        y += int(rng.integers(18, 26))
    return np.asarray(img)


def drawn_face(seed: int, size: int = 320) -> np.ndarray:
    """A cartoon face: skin-toned oval, eyes, brows, nose, mouth and hair, on a plain background."""
    rng = np.random.default_rng(seed)
    bg = tuple(int(v) for v in rng.integers(60, 250, 3))
    img = Image.new("RGB", (size, size), bg)
    d = ImageDraw.Draw(img)
    skin = tuple(int(v) for v in np.array([224, 172, 140]) * rng.uniform(0.45, 1.1))
    hair = tuple(int(v) for v in rng.integers(10, 120, 3))
    cx, cy = size // 2 + int(rng.integers(-20, 20)), size // 2 + int(rng.integers(-10, 20))
    rx, ry = int(size * rng.uniform(0.25, 0.33)), int(size * rng.uniform(0.33, 0.42))
    d.ellipse((cx - rx - 6, cy - ry - 16, cx + rx + 6, cy + ry // 3), fill=hair)
    d.ellipse((cx - rx, cy - ry, cx + rx, cy + ry), fill=skin)
    for sx in (-1, 1):
        ex, ey = cx + sx * rx // 2, cy - ry // 5
        d.ellipse((ex - 16, ey - 9, ex + 16, ey + 9), fill=(250, 250, 250))
        d.ellipse((ex - 7, ey - 7, ex + 7, ey + 7), fill=tuple(int(v) for v in rng.integers(20, 120, 3)))
        d.line((ex - 18, ey - 20, ex + 18, ey - 24 + sx * 2), fill=hair, width=4)
    d.line((cx, cy - 5, cx - 8, cy + ry // 4), fill=tuple(int(v * 0.8) for v in skin), width=3)
    d.arc((cx - rx // 2, cy + ry // 4, cx + rx // 2, cy + ry // 1.6), 20, 160, fill=(150, 40, 50), width=5)
    return np.asarray(img)


def landscape(seed: int, size: tuple[int, int] = (480, 320)) -> np.ndarray:
    """Sky gradient, sun, mountain ridges, a lake or meadow, and a few trees."""
    rng = np.random.default_rng(seed)
    w, h = size
    top, bottom = rng.integers(40, 160, 3), rng.integers(150, 255, 3)
    t = np.linspace(0, 1, h)[:, None, None]
    sky = (top * (1 - t) + bottom * t).astype(np.uint8)
    img = Image.fromarray(np.repeat(sky, w, axis=1))
    d = ImageDraw.Draw(img)
    sx, sy = int(rng.integers(40, w - 40)), int(rng.integers(20, h // 3))
    d.ellipse((sx - 25, sy - 25, sx + 25, sy + 25), fill=(255, 230, 120))
    for layer in range(3):
        base = h // 2 + layer * h // 10
        xs = np.linspace(0, w, 9)
        ys = base - rng.integers(10, h // 3, 9)
        shade = tuple(int(v) for v in np.array([70, 90, 110]) * (1 - 0.25 * layer) + rng.integers(-20, 20, 3))
        d.polygon([(0, h), *zip(xs.tolist(), ys.tolist(), strict=True), (w, h)], fill=shade)
    ground = (40, 110, 50) if rng.random() < 0.5 else (60, 110, 170)
    d.rectangle((0, int(h * 0.75), w, h), fill=ground)
    for _ in range(int(rng.integers(2, 7))):
        x, y = int(rng.integers(0, w)), int(rng.integers(int(h * 0.72), h - 10))
        d.rectangle((x - 3, y - 10, x + 3, y + 15), fill=(90, 60, 30))
        d.polygon([(x - 18, y - 5), (x, y - 50), (x + 18, y - 5)], fill=(20, 90, 30))
    return np.asarray(img)


def drawn(kind: str, count: int) -> Iterator[ProbeImage]:
    """``count`` drawn pictures of ``kind`` (document, drawn_face or landscape)."""
    makers: dict[str, Callable[[int], np.ndarray]] = {
        "document": document,
        "drawn_face": drawn_face,
        "landscape": landscape,
    }
    for i in range(count):
        yield ProbeImage(f"{kind}-{i:02d}", kind, makers[kind](1000 + i))


def probe_set(drawn_each: int = 30, faces: int = 40) -> list[ProbeImage]:
    """The whole probe set (about 230 pictures with the defaults)."""
    out = list(skimage_photos()) + list(lfw_faces(faces))
    for kind in ("document", "drawn_face", "landscape"):
        out += list(drawn(kind, drawn_each))
    return out
