"""Image loading: formats, conversions, orientation, reduced decoding and clear errors."""

from __future__ import annotations

import io
from pathlib import Path

import cv2
import numpy as np
import pytest
from conftest import make_rgb
from PIL import Image

from dermassist.imaging.loading import MAX_PIXELS, ImageLoadError, expand_inputs, load_image


@pytest.mark.parametrize("fmt,suffix", [("JPEG", ".jpg"), ("PNG", ".png"), ("TIFF", ".tif"), ("BMP", ".bmp"),
                                        ("WEBP", ".webp")])
def test_formats(tmp_path: Path, fmt: str, suffix: str) -> None:
    path = tmp_path / f"a{suffix}"
    Image.fromarray(make_rgb(40, 30)).save(path, fmt)
    img = load_image(path)
    assert img.rgb.shape == (30, 40, 3) and img.rgb.dtype == np.uint8 and img.format == fmt


@pytest.mark.parametrize("mode", ["P", "RGBA", "LA", "L", "1", "CMYK", "I;16", "I", "F"])
def test_modes_become_rgb(tmp_path: Path, mode: str) -> None:
    src = Image.fromarray(make_rgb(20, 10))
    if mode == "I;16":
        im = Image.fromarray(np.asarray(src.convert("L"), np.uint16) * 257).convert("I;16")
    elif mode in ("I", "F"):
        im = src.convert("L").convert(mode)
    else:
        im = src.convert(mode)
    path = tmp_path / ("a.tif" if mode in ("CMYK", "I;16", "I", "F") else "a.png")
    im.save(path)
    out = load_image(path).rgb
    assert out.shape == (10, 20, 3) and out.dtype == np.uint8
    if mode == "I;16":  # 16-bit grey maps onto the full 8-bit range, not clipped to white
        grey = np.asarray(src.convert("L"), np.int16)
        assert np.abs(out[..., 0].astype(np.int16) - grey).max() <= 1


def test_transparent_pixels_become_white(tmp_path: Path) -> None:
    im = Image.new("RGBA", (4, 4), (0, 0, 0, 0))
    im.save(tmp_path / "t.png")
    assert (load_image(tmp_path / "t.png").rgb == 255).all()


def test_exif_orientation_applied(tmp_path: Path) -> None:
    im = Image.fromarray(make_rgb(60, 20))
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90 degrees clockwise on display
    im.save(tmp_path / "o.jpg", exif=exif)
    assert load_image(tmp_path / "o.jpg").rgb.shape == (60, 20, 3)


def test_large_jpeg_decoded_at_reduced_scale(tmp_path: Path) -> None:
    big = np.asarray(Image.fromarray(make_rgb(400, 300)).resize((4000, 3000)))
    Image.fromarray(big).save(tmp_path / "big.jpg", quality=90)
    reduced = load_image(tmp_path / "big.jpg", min_size=(224, 224))
    # Reduced only down to DRAFT_MARGIN x the size asked for (1/2 here: 1/4 would give 750 < 4 x 224 rows).
    assert reduced.reduced and reduced.size == (2000, 1500) and reduced.original_size == (4000, 3000)
    full = load_image(tmp_path / "big.jpg")
    assert not full.reduced and full.size == (4000, 3000)
    small = load_image(tmp_path / "big.jpg", min_size=(100, 100))
    assert small.size == (1000, 750)  # 1/8 would leave 375 < 4 x 100 rows


def _textured(width: int, height: int, seed: int = 0) -> np.ndarray:
    """A photograph-like picture: smooth shading plus fine texture (what the network reads)."""
    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[0:height, 0:width]
    base = 120 + 60 * np.sin(xx / 97.0) * np.cos(yy / 71.0)
    noise = cv2.GaussianBlur(rng.normal(0, 25, (height, width)).astype(np.float32), (0, 0), 1.2)
    lesion = 70 * np.exp(-(((xx - width / 2) / (width / 5)) ** 2 + ((yy - height / 2) / (height / 6)) ** 2))
    grey = base + noise - lesion
    rgb = np.stack([grey * 1.05, grey * 0.8, grey * 0.7], axis=-1)
    return np.clip(rgb, 0, 255).astype(np.uint8)


@pytest.mark.parametrize("size", [(2592, 1944), (1504, 1129), (944, 1127), (4000, 3000)])
def test_same_pixels_whatever_the_file_format(tmp_path: Path, size: tuple[int, int]) -> None:
    """A JPEG (decoded at reduced scale) and a PNG/TIFF of its exact pixels give the network the same
    input, within the measured tolerance of the reduced-scale decode (benchmarks/decode_consistency.py)."""
    from dermassist.inference.card import InputSpec
    from dermassist.inference.preprocess import resize_to_input

    spec = InputSpec("input", (224, 224), "NCHW", "squash", "RGB", 1 / 255, (0.5,) * 3, (0.5,) * 3, "area")
    Image.fromarray(_textured(*size)).save(tmp_path / "a.jpg", quality=92)
    pixels = load_image(tmp_path / "a.jpg").rgb  # the JPEG's own full decode
    Image.fromarray(pixels).save(tmp_path / "a.png")
    Image.fromarray(pixels).save(tmp_path / "a.tif")
    via_jpeg = resize_to_input(load_image(tmp_path / "a.jpg", min_size=(224, 224)).rgb, spec).astype(int)
    for other in ("a.png", "a.tif"):
        via_other = resize_to_input(load_image(tmp_path / other, min_size=(224, 224)).rgb, spec).astype(int)
        diff = np.abs(via_jpeg - via_other)
        assert diff.max() <= 3 and diff.mean() < 0.5, (other, diff.max(), diff.mean())


def test_bytes_source() -> None:
    buf = io.BytesIO()
    Image.fromarray(make_rgb()).save(buf, "PNG")
    assert load_image(buf.getvalue()).rgb.shape == (48, 64, 3)


def _one_line(exc: pytest.ExceptionInfo[ImageLoadError], name: str) -> None:
    assert name in str(exc.value) and "\n" not in str(exc.value)


def test_truncated_jpeg(tmp_path: Path) -> None:
    path = tmp_path / "trunc.jpg"
    Image.fromarray(make_rgb(200, 200)).save(path, quality=95)
    path.write_bytes(path.read_bytes()[:600])
    with pytest.raises(ImageLoadError) as err:
        load_image(path)
    _one_line(err, "trunc.jpg")


def test_empty_and_text_files(tmp_path: Path) -> None:
    (tmp_path / "empty.jpg").write_bytes(b"")
    (tmp_path / "text.jpg").write_text("hello, not an image")
    with pytest.raises(ImageLoadError, match="empty") as err:
        load_image(tmp_path / "empty.jpg")
    _one_line(err, "empty.jpg")
    with pytest.raises(ImageLoadError, match="not a recognised image") as err2:
        load_image(tmp_path / "text.jpg")
    _one_line(err2, "text.jpg")
    with pytest.raises(ImageLoadError, match="no such file"):
        load_image(tmp_path / "missing.png")


def test_decompression_bomb_refused_without_decoding(tmp_path: Path) -> None:
    path = tmp_path / "huge.png"
    Image.new("L", (20000, 20000)).save(path, optimize=False)
    assert MAX_PIXELS < 20000 * 20000
    with pytest.raises(ImageLoadError, match="safety limit") as err:
        load_image(path)
    _one_line(err, "huge.png")


def test_expand_inputs_walks_folders(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    for name in ("b.jpg", "a.png", "sub/c.JPG", "notes.txt"):
        (tmp_path / name).write_bytes(b"x")
    found = [p.relative_to(tmp_path).as_posix() for p in expand_inputs([tmp_path])]
    assert found == ["a.png", "b.jpg", "sub/c.JPG"]
