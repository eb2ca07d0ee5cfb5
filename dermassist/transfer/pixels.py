"""Image files as DICOM pixel data: baseline JPEG data kept as it is, anything else as raw RGB.

A baseline (SOF0, 8-bit, 3-component) JPEG whose EXIF orientation is normal is encapsulated
without re-encoding (JPEG Baseline transfer syntax): its metadata segments (EXIF with GPS and
serial numbers, XMP, comments, thumbnails) are removed losslessly first, so the center sees
exactly the GP's pixels and nothing else of the file. Every other picture (PNG, TIFF, progressive
or grey JPEG, or one turned by its EXIF orientation, which cannot be applied losslessly here) is
decoded once and stored uncompressed as RGB (Explicit VR Little Endian): lossless with respect to
the decoded pixels, and free of metadata. The ICC colour profile travels in ICC Profile (0028,2000).
"""

from __future__ import annotations

import io
import struct
from dataclasses import dataclass

from PIL import Image, ImageOps

from dermassist.i18n import _
from dermassist.imaging.jpeg_metadata import JpegStructureError, exif_orientation, icc_profile, strip_jpeg_metadata
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
    data: bytes  # the JPEG file without metadata (encapsulated later) or raw interleaved RGB
    lossy: bool  # the source was lossy JPEG (LossyImageCompression "01")
    icc_profile: bytes | None = None


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
    # The VL Image module (PS3.3 C.8.12.1.1.2), which Dermoscopic and VL Photographic images use,
    # allows YBR_FULL_422 and not YBR_FULL for lossy JPEG, whatever the chroma sampling: a decoder
    # takes the actual sampling factors (4:4:4, 4:2:2, 4:2:0) from the JPEG frame header.
    return "YBR_FULL_422"


def pixel_data_for(data: bytes, label: str) -> PixelData:
    """Pixel data for an image file's bytes; raises PackageError naming ``label`` when it cannot be read."""
    try:
        img = Image.open(io.BytesIO(data))
        img.load()
    except Exception as exc:
        raise PackageError(_("{label}: cannot read the image ({error})").format(label=label, error=exc)) from None
    info = inspect_jpeg(data)
    icc = icc_profile(data)
    baseline = info is not None and info.sof == 0xC0 and info.precision == 8 and info.components == 3
    if info is not None and baseline and exif_orientation(data) == 1:
        try:
            clean = strip_jpeg_metadata(data)
        except JpegStructureError:
            clean = b""  # Pillow read it, our segment walk did not: decode it instead
        if clean:
            return PixelData(JPEG_BASELINE, info.rows, info.columns, _photometric(info), clean, True, icc)
    rgb = ImageOps.exif_transpose(img)
    if rgb.mode != "RGB":
        if rgb.mode in ("RGBA", "LA", "P", "PA") or "transparency" in rgb.info:
            background = Image.new("RGBA", rgb.size, (255, 255, 255, 255))
            rgb = Image.alpha_composite(background, rgb.convert("RGBA"))
        rgb = rgb.convert("RGB")
    raw = rgb.tobytes()
    return PixelData(EXPLICIT_VR_LE, rgb.height, rgb.width, "RGB", raw, info is not None, icc)
