"""Image files as DICOM pixel data: baseline JPEG bytes kept as they are, anything else as raw RGB.

A baseline (SOF0, 8-bit, 3-component) JPEG whose EXIF orientation is normal is encapsulated
unchanged (JPEG Baseline transfer syntax), so the center sees exactly the file the GP took.
Every other picture (PNG, TIFF, progressive or grey JPEG, rotated by EXIF) is decoded once and
stored uncompressed as RGB (Explicit VR Little Endian): lossless with respect to the decoded pixels.
"""

from __future__ import annotations

import io
import struct
from dataclasses import dataclass

from PIL import Image, ImageOps

from dermassist.i18n import _
from dermassist.transfer.errors import PackageError

JPEG_BASELINE = "1.2.840.10008.1.2.4.50"
EXPLICIT_VR_LE = "1.2.840.10008.1.2.1"


@dataclass(frozen=True)
class PixelData:
    """What goes into the Image Pixel module."""

    transfer_syntax: str
    rows: int
    columns: int
    photometric: str
    data: bytes  # the JPEG file (encapsulated later) or raw interleaved RGB
    lossy: bool  # the source was lossy JPEG (LossyImageCompression "01")


@dataclass(frozen=True)
class JpegInfo:
    """The facts of a JPEG header that decide whether it can be sent unchanged."""

    sof: int
    precision: int
    rows: int
    columns: int
    components: int
    sampling: tuple[tuple[int, int], ...]
    adobe_transform: int | None


def inspect_jpeg(data: bytes) -> JpegInfo | None:
    """Parse the markers up to the first SOF; None when ``data`` is not a JPEG."""
    if data[:2] != b"\xff\xd8":
        return None
    pos, adobe = 2, None
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            return None
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker in (0x01, *range(0xD0, 0xD8)):
            pos += 2
            continue
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        segment = data[pos + 4 : pos + 2 + length]
        if marker == 0xEE and segment[:5] == b"Adobe" and len(segment) >= 12:
            adobe = segment[11]
        if marker in (0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF):
            precision, rows, cols, ncomp = struct.unpack(">BHHB", segment[:6])
            sampling = tuple(
                (segment[7 + 3 * i] >> 4, segment[7 + 3 * i] & 0x0F) for i in range(ncomp) if 8 + 3 * i <= len(segment)
            )
            return JpegInfo(marker, precision, rows, cols, ncomp, sampling, adobe)
        if marker == 0xDA:
            return None
        pos += 2 + length
    return None


def _photometric(info: JpegInfo) -> str:
    if info.adobe_transform == 0:
        return "RGB"  # Adobe JPEG without colour transform stores RGB directly
    luma = info.sampling[0] if info.sampling else (1, 1)
    # Subsampled chroma (4:2:2, 4:2:0) is YBR_FULL_422 in DICOM; full-resolution chroma is YBR_FULL.
    return "YBR_FULL_422" if luma != (1, 1) else "YBR_FULL"


def _exif_orientation(img: Image.Image) -> int:
    try:
        return int(img.getexif().get(0x0112, 1))
    except Exception:  # a broken EXIF block must not stop a referral
        return 1


def pixel_data_for(data: bytes, label: str) -> PixelData:
    """Pixel data for an image file's bytes; raises PackageError naming ``label`` when it cannot be read."""
    try:
        img = Image.open(io.BytesIO(data))
        img.load()
    except Exception as exc:
        raise PackageError(_("{label}: cannot read the image ({error})").format(label=label, error=exc)) from None
    info = inspect_jpeg(data)
    if (
        info is not None
        and info.sof == 0xC0
        and info.precision == 8
        and info.components == 3
        and _exif_orientation(img) == 1
    ):
        return PixelData(JPEG_BASELINE, info.rows, info.columns, _photometric(info), data, lossy=True)
    rgb = ImageOps.exif_transpose(img)
    if rgb.mode != "RGB":
        if rgb.mode in ("RGBA", "LA", "P", "PA") or "transparency" in rgb.info:
            background = Image.new("RGBA", rgb.size, (255, 255, 255, 255))
            rgb = Image.alpha_composite(background, rgb.convert("RGBA"))
        rgb = rgb.convert("RGB")
    raw = rgb.tobytes()
    return PixelData(EXPLICIT_VR_LE, rgb.height, rgb.width, "RGB", raw, lossy=info is not None)
