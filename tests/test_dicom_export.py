"""DICOM export of a referral: real attributes, JPEG kept as is, lossless RGB otherwise, the PDF, stable UIDs."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
import pytest
from conftest import make_rgb
from orthanc_fixture import make_referral
from PIL import Image
from pydicom import dcmread
from pydicom.encaps import generate_frames

from dermassist.records.settings import Settings
from dermassist.records.store import RecordStore
from dermassist.transfer import package as package_mod
from dermassist.transfer.airesult import parse_malignancy, parse_model
from dermassist.transfer.dicom_build import BASIC_TEXT_SR, DERMOSCOPIC, ENCAPSULATED_PDF, VL_PHOTOGRAPHIC
from dermassist.transfer.errors import PackageError
from dermassist.transfer.package import build_package, export_package, read_package
from dermassist.transfer.pixels import EXPLICIT_VR_LE, JPEG_BASELINE, inspect_jpeg, pixel_data_for

SETTINGS = Settings(clinic_name="Поликлиника №5", clinic_address="Казань", doctor_name="Петрова А. С.", language="ru")


@pytest.fixture
def store(tmp_path: Path) -> RecordStore:
    s = RecordStore.open(tmp_path / "data")
    yield s
    s.close()


@pytest.fixture
def pictures(tmp_path: Path) -> dict[str, Path]:
    rgb = make_rgb(96, 64, seed=3)
    out = {"jpg": tmp_path / "lesion.jpg", "png": tmp_path / "lesion.png", "prog": tmp_path / "progressive.jpg"}
    Image.fromarray(rgb).save(out["jpg"], quality=90)
    Image.fromarray(make_rgb(80, 60, seed=4)).save(out["png"])
    Image.fromarray(make_rgb(70, 50, seed=5)).save(out["prog"], quality=90, progressive=True)
    return out


def _read(folder: Path, name: str):  # type: ignore[no-untyped-def]
    return dcmread(folder / name)


def test_package_attributes_pixels_pdf_and_manifest(
    store: RecordStore, pictures: dict[str, Path], tmp_path: Path
) -> None:
    exam = make_referral(store, [pictures["jpg"], pictures["png"]], [0.873, 0.2])
    pkg = build_package(store, exam.id, SETTINGS, tmp_path / "pkg")
    names = [f.name for f in pkg.files]
    assert names == ["IMG001.dcm", "IMG002.dcm", "REPORT.dcm", "SR.dcm", "referral.pdf"]
    jpg = _read(pkg.folder, "IMG001.dcm")
    # Patient, study, series: real values, UTF-8.
    assert jpg.SpecificCharacterSet == "ISO_IR 192"
    assert str(jpg.PatientName) == "Иванов Иван Иванович"
    assert jpg.PatientID == "MRN-001"
    assert jpg.PatientBirthDate == "19700504"
    assert jpg.PatientSex == "M"
    assert jpg.PatientTelephoneNumbers == "+79001234567"  # normalised to fit SH
    assert str(jpg.ReferringPhysicianName) == "Петрова Анна Сергеевна"
    assert jpg.InstitutionName == "Поликлиника №5"
    assert jpg.AccessionNumber == pkg.referral_number == "20260302-" + f"{exam.id:04d}"
    assert jpg.StudyDate == "20260302"
    assert parse_malignancy(jpg.StudyDescription) == pytest.approx(0.873)
    assert parse_model(jpg.StudyDescription) == "dermassist-effnet 1.2.0"
    assert "dermassist-effnet 1.2.0" in jpg.ImageComments and "ab" * 32 in jpg.ImageComments
    assert "not a diagnosis" in jpg.ImageComments
    # Image 1: Dermoscopic Photography, JPEG Baseline, the file's bytes unchanged.
    assert jpg.SOPClassUID == DERMOSCOPIC and jpg.Modality == "DMS"
    assert jpg.file_meta.TransferSyntaxUID == JPEG_BASELINE
    frame = next(generate_frames(jpg.PixelData, number_of_frames=1))
    original = pictures["jpg"].read_bytes()
    assert frame[: len(original)] == original and len(frame) - len(original) <= 1
    assert (jpg.Rows, jpg.Columns) == (64, 96)
    assert jpg.PhotometricInterpretation == "YBR_FULL_422" and jpg.LossyImageCompression == "01"
    # Image 2: PNG as uncompressed RGB, pixel for pixel.
    png = _read(pkg.folder, "IMG002.dcm")
    assert png.file_meta.TransferSyntaxUID == EXPLICIT_VR_LE and png.PhotometricInterpretation == "RGB"
    assert png.LossyImageCompression == "00"
    expected = np.asarray(Image.open(pictures["png"]).convert("RGB"))
    assert np.array_equal(png.pixel_array, expected)
    assert png.SeriesInstanceUID == jpg.SeriesInstanceUID and png.StudyInstanceUID == jpg.StudyInstanceUID
    assert png.SOPInstanceUID != jpg.SOPInstanceUID
    # The referral PDF, encapsulated whole, in the same study.
    report = _read(pkg.folder, "REPORT.dcm")
    pdf = (pkg.folder / "referral.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    assert report.SOPClassUID == ENCAPSULATED_PDF and report.StudyInstanceUID == jpg.StudyInstanceUID
    assert report.EncapsulatedDocumentLength == len(pdf)
    assert bytes(report.EncapsulatedDocument)[: len(pdf)] == pdf
    assert report.MIMETypeOfEncapsulatedDocument == "application/pdf"
    # The SR repeats the AI result with the model.
    sr = _read(pkg.folder, "SR.dcm")
    assert sr.SOPClassUID == BASIC_TEXT_SR and sr.StudyInstanceUID == jpg.StudyInstanceUID
    texts = [i.TextValue for i in sr.ContentSequence]
    assert "dermassist-effnet" in texts and any("87.3%" in t for t in texts)
    # Manifest: every file with its sha256.
    manifest = json.loads((pkg.folder / "manifest.json").read_text(encoding="utf-8"))
    assert {f["name"] for f in manifest["files"]} == set(names)
    for f in manifest["files"]:
        assert hashlib.sha256((pkg.folder / f["name"]).read_bytes()).hexdigest() == f["sha256"]
    assert read_package(pkg.folder).study_uid == jpg.StudyInstanceUID


def test_uids_are_made_once_per_examination_and_image(
    store: RecordStore, pictures: dict[str, Path], tmp_path: Path
) -> None:
    exam = make_referral(store, [pictures["jpg"]], [0.6])
    a = build_package(store, exam.id, SETTINGS, tmp_path / "a", report_uid="2.25.1", sr_uid="2.25.2")
    b = build_package(store, exam.id, SETTINGS, tmp_path / "b", report_uid="2.25.1", sr_uid="2.25.2")
    uid_a = {f.name: f.sop_instance_uid for f in a.dicom_files()}
    uid_b = {f.name: f.sop_instance_uid for f in b.dicom_files()}
    assert uid_a == uid_b and a.study_uid == b.study_uid
    other = make_referral(store, [pictures["jpg"]], [0.6], name="Петров Пётр", record_number="MRN-2")
    c = build_package(store, other.id, SETTINGS, tmp_path / "c")
    assert c.study_uid != a.study_uid
    assert c.dicom_files()[0].sop_instance_uid != a.dicom_files()[0].sop_instance_uid


def test_vl_photographic_when_configured(store: RecordStore, pictures: dict[str, Path], tmp_path: Path) -> None:
    exam = make_referral(store, [pictures["jpg"]], [0.6])
    pkg = build_package(store, exam.id, SETTINGS.with_changes(sop_class="vl_photographic"), tmp_path / "p")
    ds = _read(pkg.folder, "IMG001.dcm")
    assert ds.SOPClassUID == VL_PHOTOGRAPHIC and ds.Modality == "XC"


def test_progressive_grey_and_rotated_jpegs_become_lossless_rgb(tmp_path: Path) -> None:
    rgb = make_rgb(70, 50, seed=5)
    prog = tmp_path / "p.jpg"
    Image.fromarray(rgb).save(prog, quality=90, progressive=True)
    grey = tmp_path / "g.jpg"
    Image.fromarray(rgb[..., 0]).save(grey, quality=90)
    rotated = tmp_path / "r.jpg"
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90 degrees clockwise when shown
    Image.fromarray(rgb).save(rotated, quality=90, exif=exif)
    for path in (prog, grey, rotated):
        info = inspect_jpeg(path.read_bytes())
        assert info is not None
        px = pixel_data_for(path.read_bytes(), path.name)
        assert px.transfer_syntax == EXPLICIT_VR_LE and px.photometric == "RGB" and px.lossy
        decoded = np.asarray(Image.open(path).convert("RGB"))
        if path is rotated:
            assert (px.rows, px.columns) == (70, 50)
        else:
            assert px.data == decoded.tobytes()
    assert inspect_jpeg(b"\x89PNG\r\n") is None
    with pytest.raises(PackageError, match="broken.jpg"):
        pixel_data_for(b"\xff\xd8\xff\xe0garbage", "broken.jpg")


def test_export_package_is_atomic_and_never_overwrites(
    store: RecordStore, pictures: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    exam = make_referral(store, [pictures["jpg"]], [0.6])
    usb = tmp_path / "usb"
    first = export_package(store, exam.id, SETTINGS, usb)
    second = export_package(store, exam.id, SETTINGS, usb)
    assert first.folder != second.folder and first.folder.is_dir() and second.folder.is_dir()
    assert read_package(first.folder).files == first.files  # untouched by the second export

    def broken(*args: object, **kwargs: object) -> str:
        raise PackageError("disk full")

    monkeypatch.setattr(package_mod, "render_pdf", broken)
    with pytest.raises(PackageError, match="disk full"):
        export_package(store, exam.id, SETTINGS, usb)
    assert sorted(p.name for p in usb.iterdir()) == sorted([first.folder.name, second.folder.name])
    assert any(e.action == "export-package" for e in store.list_audit("examination", exam.id))


def test_read_package_detects_damage(store: RecordStore, pictures: dict[str, Path], tmp_path: Path) -> None:
    exam = make_referral(store, [pictures["jpg"]], [0.6])
    pkg = build_package(store, exam.id, SETTINGS, tmp_path / "p")
    target = pkg.folder / "IMG001.dcm"
    data = bytearray(target.read_bytes())
    data[-10] ^= 0xFF
    target.write_bytes(bytes(data))
    with pytest.raises(PackageError, match="checksum"):
        read_package(pkg.folder)


def test_unknown_examination_is_a_clear_error(store: RecordStore, tmp_path: Path) -> None:
    with pytest.raises(PackageError, match="no examination with id 999"):
        build_package(store, 999, SETTINGS, tmp_path / "p")
    assert not (tmp_path / "p").exists()
