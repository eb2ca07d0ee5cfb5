"""Every SOP class DermAssist writes passes dciodvfy (dicom3tools) with 0 errors; no value exceeds its VR.

The values are the longest realistic ones a Russian clinic produces: a double-barrelled patient
name with a double given name, a phone with an extension, a full state institution name with its
branch, a long referral number and lesion site. Nothing may be cut silently: a shortened value
keeps its full text in Patient Comments.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import make_rgb
from PIL import Image, ImageCms
from pydicom import config, dcmread
from pydicom.dataset import Dataset
from pydicom.valuerep import MAX_VALUE_LEN, validate_value

from dermassist.records.models import AnalysisRecord, Examination, LesionSite, Patient
from dermassist.records.settings import Settings
from dermassist.records.store import RecordStore
from dermassist.transfer.dicom_build import DERMOSCOPIC, VL_PHOTOGRAPHIC, change_image_class, laterality, to_bytes
from dermassist.transfer.errors import PackageError
from dermassist.transfer.package import build_package
from dermassist.transfer.vr_fit import check_lengths, normalise_phone, shorten_name

CI = bool(os.environ.get("DERMASSIST_CI"))

LONG_NAME = "Константинопольская-Голенищева-Кутузова Александра-Мария Владиславовна"
LONG_DOCTOR = "Преображенская-Милославская Екатерина-Виктория Александровна (врач-дерматовенеролог)"
PHONE = "+7 (912) 345-67-89 доб. 1234"
RECORD = "КАЗ-ГКП5-2026-000123456/ДЕРМ"
INSTITUTION = "ГБУЗ «Городская клиническая поликлиника № 5 Департамента здравоохранения города Москвы», филиал № 3"
ADDRESS = (
    "123456, Российская Федерация, Республика Татарстан, г. Казань, Приволжский район, "
    "ул. Академика Параскевы Кулагиной-Дроздовской, д. 147, корп. 2, стр. 1, пом. 14Н, кабинет 212"
)
REFERRAL = "НАПР-2026/03/02-0001234-ДЕРМ"
SITE = "левая лопаточная область, на 3 см ниже нижнего угла лопатки, по среднеключичной линии"


def _dciodvfy() -> str:
    found = shutil.which("dciodvfy")
    if found is None:
        if CI:
            pytest.fail("dciodvfy is missing on CI: apt-get install dicom3tools")
        pytest.skip("dciodvfy is not installed (apt-get install dicom3tools)")
    return found


def _errors(path: Path) -> list[str]:
    out = subprocess.run([_dciodvfy(), "-new", str(path)], capture_output=True, text=True, errors="replace")
    lines = (out.stdout + out.stderr).splitlines()
    return [line for line in lines if line.startswith("Error")]


@pytest.fixture
def pictures(tmp_path: Path) -> list[Path]:
    """Baseline 4:2:0, baseline 4:4:4 with an ICC profile, progressive, PNG, a JPEG turned by EXIF."""
    out = []
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    specs = [
        ("a420.jpg", {"quality": 90}),
        ("b444.jpg", {"quality": 90, "subsampling": 0, "icc_profile": srgb}),
        ("c-progressive.jpg", {"quality": 85, "progressive": True}),
        ("d.png", {}),
    ]
    for n, (name, kwargs) in enumerate(specs):
        path = tmp_path / name
        Image.fromarray(make_rgb(96, 64, seed=n)).save(path, **kwargs)
        out.append(path)
    turned = tmp_path / "e-turned.jpg"
    exif = Image.Exif()
    exif[0x0112] = 6
    Image.fromarray(make_rgb(64, 48, seed=9)).save(turned, quality=90, exif=exif)
    out.append(turned)
    return out


def _referral(store: RecordStore, images: list[Path], *, long: bool) -> int:
    patient = store.add_patient(
        Patient(
            None,
            LONG_NAME if long else "Иванов Иван Иванович",
            birth_date="1970-05-04",
            sex="female",
            record_number=RECORD if long else "MRN-1",
            phone=PHONE if long else "+7 900 123-45-67",
        )
    )
    assert patient.id is not None
    exam = store.add_examination(
        Examination(
            None,
            patient.id,
            date="2026-03-02",
            referring_doctor=LONG_DOCTOR if long else "Петрова А. С.",
            site=LesionSite("back", 0.4, 0.3, SITE if long else "right forearm"),
            referral_number=REFERRAL if long else "",
        )
    )
    assert exam.id is not None
    for path in images:
        img = store.add_image(exam.id, path)
        store.add_analysis(
            AnalysisRecord(
                None, exam.id, img.sha256, 0.8, 0.5, "malignant", "dermassist-effnet", "1.2.0", "ab" * 32, "CPU"
            )
        )
    return exam.id


def _settings(long: bool, sop_class: str = "dermoscopic") -> Settings:
    return Settings(
        clinic_name=INSTITUTION if long else "Поликлиника №5",
        clinic_address=ADDRESS if long else "Казань",
        doctor_name="Петрова А. С.",
        sop_class=sop_class,
    )


@pytest.mark.parametrize("long", [False, True], ids=["usual", "longest"])
def test_every_sop_class_passes_dciodvfy(store: RecordStore, pictures: list[Path], tmp_path: Path, long: bool) -> None:
    _dciodvfy()
    exam_id = _referral(store, pictures, long=long)
    files: list[Path] = []
    for sop in ("dermoscopic", "vl_photographic"):
        pkg = build_package(store, exam_id, _settings(long, sop), tmp_path / f"pkg-{sop}")
        files += [pkg.folder / f.name for f in pkg.dicom_files()]
    # The fallback conversions the sender makes (dermoscopic -> VL Photographic and back).
    for source, target in (("pkg-dermoscopic", VL_PHOTOGRAPHIC), ("pkg-vl_photographic", DERMOSCOPIC)):
        ds = change_image_class(dcmread(tmp_path / source / "IMG001.dcm"), target)
        converted = tmp_path / f"converted-{target}.dcm"
        converted.write_bytes(to_bytes(ds))
        files.append(converted)
    classes = {str(dcmread(f, stop_before_pixels=True).SOPClassUID) for f in files}
    assert len(classes) == 4  # dermoscopic, VL photographic, encapsulated PDF, basic text SR
    assert len(files) == 2 * (len(pictures) + 2) + 2
    for f in files:
        assert _errors(f) == [], f.name
    first = dcmread(tmp_path / "pkg-dermoscopic" / "IMG001.dcm", stop_before_pixels=True)
    assert first.PhotometricInterpretation == "YBR_FULL_422" and first.Laterality == ("L" if long else "R")
    assert first.FrameOfReferenceUID and "FrameOfReferenceUID" not in dcmread(files[-2], stop_before_pixels=True)


def _independent_problems(ds: Dataset) -> list[str]:
    """Every value against pydicom's VR rules and PS3.5's lengths (not the project's validator)."""
    bad = []
    for elem in ds.iterall():
        if elem.VR in ("SQ", "OB", "OW", "UN", "UT") or elem.value is None:
            continue
        for value in elem.value if elem.VM > 1 else [elem.value]:
            text = str(value)
            limit = 64 if elem.VR == "PN" else MAX_VALUE_LEN.get(elem.VR, 0)
            # In UTF-8 bytes, as dciodvfy and byte-sized database columns count (stricter than characters).
            if limit and max(len(g.encode()) for g in text.split("=")) > limit:
                bad.append(f"{elem.keyword}: {len(text.encode())} bytes > {limit}")
            if elem.VR not in ("PN", "IS", "DS"):
                try:
                    validate_value(elem.VR, value, config.RAISE)
                except ValueError as exc:
                    bad.append(f"{elem.keyword}: {exc}")
            if "\\" in text:
                bad.append(f"{elem.keyword}: backslash splits the value")
    return bad


def test_no_value_is_cut_silently(store: RecordStore, pictures: list[Path], tmp_path: Path) -> None:
    exam_id = _referral(store, pictures[:1], long=True)
    pkg = build_package(store, exam_id, _settings(True), tmp_path / "pkg")
    for f in pkg.dicom_files():
        ds = dcmread(pkg.folder / f.name)
        assert _independent_problems(ds) == [], f.name
        assert ds.PatientTelephoneNumbers == "+79123456789"
        assert ds.PatientID == RECORD  # fits LO: kept whole
        comments = str(ds.PatientComments)
        for full in (LONG_NAME, PHONE, INSTITUTION, REFERRAL, " ".join(LONG_DOCTOR.split())):
            assert full in comments, full
        assert str(ds.PatientName).startswith("Константинопольская") and str(ds.PatientName).endswith("…")
        assert ds.InstitutionName.endswith("…") and INSTITUTION.startswith(ds.InstitutionName[:-1])
        assert ds.AccessionNumber == ""  # an identifier is never shortened; it travels in full in the comments
        assert ds.InstitutionAddress == ADDRESS  # ST: fits
    image = dcmread(pkg.folder / "IMG001.dcm", stop_before_pixels=True)
    assert SITE in str(image.PatientComments) and len(image.SeriesDescription.encode()) <= 64


def test_validator_refuses_an_overlong_value() -> None:
    ds = Dataset()
    with pytest.warns(UserWarning):  # pydicom warns on assignment; the check must refuse at writing
        ds.AccessionNumber = "x" * 17
    ds.PatientName = "П" * 33  # 33 letters, 66 bytes in UTF-8
    with pytest.raises(PackageError, match="AccessionNumber.*PatientName"):
        check_lengths(ds)


@pytest.mark.parametrize(
    ("text", "normal"),
    [
        ("+7 (912) 345-67-89", "+79123456789"),
        ("8 912 345 67 89", "+79123456789"),
        ("9123456789", "+79123456789"),
        ("+7 843 231-00-00 доб. 12", "+78432310000"),
        ("231-00-00", "2310000"),
        ("нет", ""),
    ],
)
def test_phone_normalisation(text: str, normal: str) -> None:
    assert normalise_phone(text) == normal and len(normal) <= 16


def test_names_and_sides() -> None:
    assert shorten_name("Иванов Иван Иванович") == "Иванов Иван Иванович"
    assert len(shorten_name(LONG_NAME).encode()) <= 64
    assert laterality("левое предплечье") == "L" and laterality("Right shin") == "R"
    assert laterality("спина") == "" and laterality("between left and right scapula") == ""
    assert laterality("", "forearm.left") == "L" and laterality("на спине", "shin.right") == "R"
    assert laterality("", "face") == ""
