"""What leaves the clinic carries the picture, not the camera's metadata (GPS, owner names, serials).

A dermatoscope-camera JPEG with EXIF (GPS position, Artist naming another person, body serial),
an XMP packet and a comment is put in a referral: neither the DICOM image, the referral PDF nor
the encapsulated PDF may contain any of it, and the pixels stay exactly the same.
"""

from __future__ import annotations

import io
import struct
import subprocess
from pathlib import Path

import numpy as np
import pytest
from conftest import make_rgb
from orthanc_fixture import make_referral
from PIL import Image, ImageCms
from pydicom import dcmread
from pydicom.encaps import generate_frames
from test_report_support import tool

from dermassist.imaging.jpeg_metadata import JpegStructureError, exif_orientation, strip_jpeg_metadata
from dermassist.records.settings import Settings
from dermassist.records.store import RecordStore
from dermassist.transfer.package import build_package
from dermassist.transfer.pixels import JPEG_BASELINE

SECRETS = (b"Smirnov Petr Ivanovich", b"SN-CAM-424242", b"xmp-owner-Sidorova", b"comment-Kuznetsov", b"Exif\x00\x00")
GPS_LATITUDE = struct.pack(">II", 55, 1) + struct.pack(">II", 45, 1)  # 55 deg 45 min, as EXIF rationals


def _segment(marker: int, body: bytes) -> bytes:
    return bytes((0xFF, marker)) + struct.pack(">H", len(body) + 2) + body


def camera_jpeg(path: Path, *, orientation: int = 1, size: tuple[int, int] = (96, 64)) -> bytes:
    """A JPEG as a camera writes it: EXIF (GPS, Artist, serial), XMP, a comment, an ICC profile."""
    exif = Image.Exif()
    exif[0x013B] = "Smirnov Petr Ivanovich"  # Artist
    exif[0x0112] = orientation
    exif.get_ifd(0x8769)[0xA431] = "SN-CAM-424242"  # BodySerialNumber
    exif.get_ifd(0x8825).update({1: "N", 2: (55.0, 45.0, 0.0), 3: "E", 4: (37.0, 37.0, 0.0)})  # GPS
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    buf = io.BytesIO()
    Image.fromarray(make_rgb(*size, seed=21)).save(buf, "JPEG", quality=90, exif=exif, icc_profile=icc)
    data = buf.getvalue()
    xmp = _segment(0xE1, b"http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta>xmp-owner-Sidorova</x:xmpmeta>")
    com = _segment(0xFE, b"comment-Kuznetsov")
    data = data[:2] + xmp + com + data[2:] + b"trailer-after-EOI"
    path.write_bytes(data)
    assert all(s in data for s in SECRETS) and GPS_LATITUDE in data
    return data


def _assert_clean(blob: bytes, where: str) -> None:
    for secret in (*SECRETS, GPS_LATITUDE, b"trailer-after-EOI"):
        assert secret not in blob, f"{secret!r} reached {where}"


def _pdf_images(pdf: bytes, folder: Path) -> list[bytes]:
    """The images embedded in a PDF, as stored in it (pdfimages -all keeps JPEGs byte for byte)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "doc.pdf").write_bytes(pdf)
    subprocess.run([tool("pdfimages"), "-all", str(folder / "doc.pdf"), str(folder / "img")], check=True)
    return [p.read_bytes() for p in sorted(folder.glob("img-*"))]


def test_strip_keeps_pixels_and_colour_and_drops_the_rest(tmp_path: Path) -> None:
    data = camera_jpeg(tmp_path / "cam.jpg")
    clean = strip_jpeg_metadata(data)
    _assert_clean(clean, "the stripped JPEG")
    with Image.open(io.BytesIO(data)) as a, Image.open(io.BytesIO(clean)) as b:
        assert np.array_equal(np.asarray(a), np.asarray(b))  # no re-encoding: identical pixels
        assert b.info.get("icc_profile") == a.info.get("icc_profile") and b.info["icc_profile"]
        assert not b.getexif()
    assert strip_jpeg_metadata(clean) == clean
    with pytest.raises(JpegStructureError):
        strip_jpeg_metadata(data[:200])


@pytest.mark.parametrize("orientation", [1, 6])
def test_nothing_of_the_metadata_leaves_in_dicom_or_pdf(store: RecordStore, tmp_path: Path, orientation: int) -> None:
    data = camera_jpeg(tmp_path / "cam.jpg", orientation=orientation)
    exam = make_referral(store, [tmp_path / "cam.jpg"], [0.7])
    pkg = build_package(store, exam.id, Settings(clinic_name="Clinic"), tmp_path / "pkg")
    image = dcmread(pkg.folder / "IMG001.dcm")
    _assert_clean((pkg.folder / "IMG001.dcm").read_bytes(), "the DICOM image")
    assert image.ICCProfile  # the colour profile travels in its own attribute
    if orientation == 1:  # kept as JPEG, metadata removed losslessly
        assert image.file_meta.TransferSyntaxUID == JPEG_BASELINE
        frame = bytes(next(generate_frames(image.PixelData, number_of_frames=1))).rstrip(b"\x00")
        assert frame == strip_jpeg_metadata(data)
    else:  # turned by EXIF: stored as the turned pixels (rows and columns swapped)
        assert image.file_meta.TransferSyntaxUID != JPEG_BASELINE
        assert (image.Rows, image.Columns) == (96, 64) and exif_orientation(data) == 6
    pdf = (pkg.folder / "referral.pdf").read_bytes()
    _assert_clean(pdf, "the referral PDF")
    report = dcmread(pkg.folder / "REPORT.dcm")
    encapsulated = bytes(report.EncapsulatedDocument)[: int(report.EncapsulatedDocumentLength)]
    assert encapsulated == pdf
    embedded = _pdf_images(pdf, tmp_path / "pdfimages")
    jpegs = [b for b in embedded if b[:2] == b"\xff\xd8"]
    assert jpegs, "the photograph is embedded in the PDF"
    for blob in embedded:
        _assert_clean(blob, "a picture inside the PDF")
    assert strip_jpeg_metadata(data) in jpegs  # the very same coded picture, without its metadata


@pytest.mark.parametrize(
    "options",
    [{"progressive": True}, {"restart_marker_blocks": 2}, {"subsampling": 0}, {"optimize": True}, {"grey": True}],
    ids=["progressive", "restart-markers", "4:4:4", "optimized", "grey"],
)
def test_strip_is_lossless_for_every_jpeg_layout(options: dict[str, object]) -> None:
    options = dict(options)
    pixels = make_rgb(93, 67, seed=5)
    picture = Image.fromarray(pixels[..., 0] if options.pop("grey", False) else pixels)
    exif = Image.Exif()
    exif[0x013B] = "Smirnov Petr Ivanovich"
    buf = io.BytesIO()
    picture.save(buf, "JPEG", quality=80, exif=exif, **options)
    data = buf.getvalue()
    clean = strip_jpeg_metadata(data)
    assert SECRETS[0] not in clean and SECRETS[0] in data
    with Image.open(io.BytesIO(data)) as a, Image.open(io.BytesIO(clean)) as b:
        assert np.array_equal(np.asarray(a), np.asarray(b))
