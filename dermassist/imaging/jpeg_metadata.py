"""Remove metadata from a JPEG without re-encoding it: what leaves the clinic carries only the picture.

Cameras and phones write EXIF (GPS position, serial numbers, owner names, thumbnails), XMP and
comments into APPn/COM segments. :func:`strip_jpeg_metadata` copies the JPEG marker by marker and
keeps only what decoding and colour need: the JFIF header (without its thumbnail), the ICC colour
profile (APP2 ``ICC_PROFILE``), the Adobe colour-transform flag (APP14) and every coding segment.
The entropy-coded data is copied byte for byte, so the decoded pixels are exactly the same.

The EXIF orientation goes with the EXIF block: read it from the original (:func:`exif_orientation`)
and apply it where the picture is shown (a PDF drawing transform), or decode the picture and
store the turned pixels (DICOM), since a lossless JPEG rotation is not available here.
"""

from __future__ import annotations

import io
import struct

_APP0, _APP2, _APP14, _COM = 0xE0, 0xE2, 0xEE, 0xFE
_STANDALONE = {0x01, *range(0xD0, 0xD8)}
_SOS, _EOI = 0xDA, 0xD9


class JpegStructureError(ValueError):
    """The bytes are not a JPEG whose segments can be walked."""


def is_jpeg(data: bytes) -> bool:
    """Starts with the JPEG start-of-image marker."""
    return data[:3] == b"\xff\xd8\xff"


def _keep(marker: int, body: bytes) -> bytes | None:
    """The segment body to keep (possibly rewritten), or None to drop it."""
    if marker == _APP0:
        if body[:5] == b"JFIF\x00" and len(body) >= 14:
            return body[:12] + b"\x00\x00"  # the JFIF header without its thumbnail
        return None  # JFXX thumbnails and anything else
    if marker == _APP2:
        return body if body[:12] == b"ICC_PROFILE\x00" else None
    if marker == _APP14:
        return body if body[:5] == b"Adobe" else None
    if 0xE0 <= marker <= 0xEF or marker == _COM:
        return None
    return body


def strip_jpeg_metadata(data: bytes) -> bytes:
    """The same JPEG without EXIF, XMP, comments, thumbnails or trailing bytes; raises JpegStructureError."""
    if not is_jpeg(data):
        raise JpegStructureError("not a JPEG")
    out = [b"\xff\xd8"]
    pos, end = 2, len(data)
    while pos < end:
        if data[pos] != 0xFF:
            raise JpegStructureError(f"no marker at byte {pos}")
        marker = data[pos + 1] if pos + 1 < end else -1
        if marker == 0xFF:  # fill byte before a marker
            pos += 1
            continue
        if marker == _EOI:
            out.append(b"\xff\xd9")
            return b"".join(out)  # anything after the end of the image (maker trailers) is dropped
        if marker in _STANDALONE:
            out.append(data[pos : pos + 2])
            pos += 2
            continue
        if marker < 0 or pos + 4 > end:
            raise JpegStructureError("truncated JPEG")
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        if length < 2 or pos + 2 + length > end:
            raise JpegStructureError(f"bad segment length at byte {pos}")
        body = data[pos + 4 : pos + 2 + length]
        kept = _keep(marker, body)
        if kept is not None:
            out.append(bytes((0xFF, marker)) + struct.pack(">H", len(kept) + 2) + kept)
        pos += 2 + length
        if marker == _SOS:  # entropy-coded data runs to the next marker that is not a stuffed byte or restart
            scan = pos
            while scan + 1 < end and not (
                data[scan] == 0xFF and data[scan + 1] not in (0x00, 0xFF, *range(0xD0, 0xD8))
            ):
                scan += 1
            while scan > pos and data[scan - 1] == 0xFF:  # fill bytes belong to the marker that follows
                scan -= 1
            out.append(data[pos:scan])
            pos = scan
    raise JpegStructureError("no end-of-image marker")


def exif_orientation(data: bytes) -> int:
    """The EXIF orientation (1..8) of an image file's bytes; 1 when absent or unreadable."""
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as img:
            value = int(img.getexif().get(0x0112, 1))
    except Exception:  # a damaged EXIF block must not stop a referral
        return 1
    return value if 1 <= value <= 8 else 1


def icc_profile(data: bytes) -> bytes | None:
    """The embedded ICC colour profile of an image file's bytes, if any."""
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as img:
            profile = img.info.get("icc_profile")
    except Exception:
        return None
    return bytes(profile) if profile else None
