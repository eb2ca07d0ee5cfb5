"""Image loading: formats, conversions, orientation, reduced decoding and clear errors."""

from __future__ import annotations

import io
from pathlib import Path

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
    assert reduced.reduced and reduced.size == (500, 375) and reduced.original_size == (4000, 3000)
    full = load_image(tmp_path / "big.jpg")
    assert not full.reduced and full.size == (4000, 3000)


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
