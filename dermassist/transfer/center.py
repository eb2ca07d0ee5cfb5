"""The center's side: find received referrals with QIDO-RS and fetch their images and PDF with WADO-RS."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from pydicom import dcmread
from pydicom.encaps import generate_frames

from dermassist.i18n import _
from dermassist.records.settings import Settings
from dermassist.transfer.airesult import DESCRIPTION_PREFIX, parse_malignancy, parse_model
from dermassist.transfer.dicom_build import BASIC_TEXT_SR, ENCAPSULATED_PDF
from dermassist.transfer.dicomweb import multipart_parts, request
from dermassist.transfer.errors import TransferError
from dermassist.transfer.pixels import JPEG_BASELINE

# Study-level attributes asked for (QIDO includefield), by tag.
FIELDS = {
    "StudyInstanceUID": "0020000D",
    "StudyDate": "00080020",
    "StudyTime": "00080030",
    "AccessionNumber": "00080050",
    "StudyDescription": "00081030",
    "ReferringPhysicianName": "00080090",
    "InstitutionName": "00080080",
    "PatientName": "00100010",
    "PatientID": "00100020",
    "PatientBirthDate": "00100030",
    "PatientSex": "00100040",
    "PatientTelephoneNumbers": "00102154",
    "NumberOfStudyRelatedInstances": "00201208",
}


@dataclass(frozen=True)
class CenterStudy:
    """One received referral as the worklist shows it."""

    study_uid: str
    patient_name: str
    patient_id: str
    birth_date: str
    sex: str
    phone: str
    institution: str
    referring_physician: str
    accession: str
    study_date: str
    description: str
    malignant: float | None
    model: str
    instances: int


@dataclass(frozen=True)
class StudyContent:
    """What the center window shows: the images (JPEG or PNG bytes), the PDF, the SR text."""

    images: tuple[tuple[str, bytes], ...]  # (caption, encoded picture)
    pdf: bytes | None
    report_text: str


def _first(item: dict[str, Any], tag: str) -> str:
    values = (item.get(tag) or {}).get("Value") or []
    if not values:
        return ""
    value = values[0]
    if isinstance(value, dict):  # PN in DICOM JSON
        return str(value.get("Alphabetic", ""))
    return str(value)


def study_from_json(item: dict[str, Any]) -> CenterStudy:
    """A worklist row from one QIDO-RS study result."""
    desc = _first(item, FIELDS["StudyDescription"])
    count = _first(item, FIELDS["NumberOfStudyRelatedInstances"])
    return CenterStudy(
        study_uid=_first(item, FIELDS["StudyInstanceUID"]),
        patient_name=_first(item, FIELDS["PatientName"]).replace("^", " ").strip(),
        patient_id=_first(item, FIELDS["PatientID"]),
        birth_date=_first(item, FIELDS["PatientBirthDate"]),
        sex=_first(item, FIELDS["PatientSex"]),
        phone=_first(item, FIELDS["PatientTelephoneNumbers"]),
        institution=_first(item, FIELDS["InstitutionName"]),
        referring_physician=_first(item, FIELDS["ReferringPhysicianName"]).replace("^", " ").strip(),
        accession=_first(item, FIELDS["AccessionNumber"]),
        study_date=_first(item, FIELDS["StudyDate"]),
        description=desc,
        malignant=parse_malignancy(desc),
        model=parse_model(desc),
        instances=int(count) if count.isdigit() else 0,
    )


def sort_worklist(studies: list[CenterStudy]) -> list[CenterStudy]:
    """Most suspicious first; referrals without a probability last; newer first among equals."""
    by_date = sorted(studies, key=lambda s: s.study_date, reverse=True)
    return sorted(by_date, key=lambda s: -1.0 if s.malignant is None else s.malignant, reverse=True)


def query_worklist(settings: Settings, *, limit: int = 500) -> list[CenterStudy]:
    """Referrals made by DermAssist on the center's PACS (QIDO-RS), sorted by malignancy."""
    if not settings.dicomweb_url.strip():
        raise TransferError(_("the center worklist needs the PACS's DICOMweb URL in Settings"), retry=False)
    params: list[tuple[str, str]] = [("StudyDescription", f"{DESCRIPTION_PREFIX}*"), ("limit", str(limit))]
    params += [("includefield", tag) for tag in FIELDS.values()]
    # Built by hand: Orthanc 1.10 does not decode "%2A", so the wildcard must travel as a literal "*".
    query = "&".join(f"{key}={quote(value, safe='*')}" for key, value in params)
    resp = request(settings, "GET", f"/studies?{query}", headers={"Accept": "application/dicom+json"})
    if resp.status_code == 204 or not resp.content:
        return []
    if resp.status_code != 200:
        raise TransferError(_("QIDO-RS: HTTP {status} {reason}").format(status=resp.status_code, reason=resp.reason))
    try:
        answer = resp.json()
    except ValueError:
        raise TransferError(_("QIDO-RS: the answer is not DICOM JSON")) from None
    studies = [study_from_json(item) for item in answer if isinstance(item, dict)]
    return sort_worklist([s for s in studies if s.description.startswith(DESCRIPTION_PREFIX)])


def _picture(ds: Any) -> bytes:
    """A JPEG as it was sent, or a PNG made from uncompressed RGB pixels."""
    if str(ds.file_meta.TransferSyntaxUID) == JPEG_BASELINE:
        frame = bytes(next(generate_frames(ds.PixelData, number_of_frames=1)))
        # Fragments have even length: drop the pad byte after the JPEG's end-of-image marker.
        return frame[:-1] if frame.endswith(b"\xff\xd9\x00") else frame
    from PIL import Image

    img = Image.frombytes("RGB", (int(ds.Columns), int(ds.Rows)), bytes(ds.PixelData)[: ds.Rows * ds.Columns * 3])
    out = io.BytesIO()
    img.save(out, format="PNG")
    return out.getvalue()


def fetch_study(settings: Settings, study_uid: str) -> StudyContent:
    """Retrieve a study with WADO-RS and pick out its pictures, its PDF and its SR text."""
    resp = request(
        settings,
        "GET",
        f"/studies/{study_uid}",
        headers={"Accept": 'multipart/related; type="application/dicom"; transfer-syntax=*'},
    )
    if resp.status_code != 200:
        raise TransferError(_("WADO-RS: HTTP {status} {reason}").format(status=resp.status_code, reason=resp.reason))
    datasets = [
        dcmread(io.BytesIO(part)) for part in multipart_parts(resp.headers.get("Content-Type", ""), resp.content)
    ]
    return content_of(datasets)


def content_of(datasets: list[Any]) -> StudyContent:
    """The pictures, the PDF and the SR text of a study's instances (in series and instance order)."""
    datasets = list(datasets)
    datasets.sort(key=lambda d: (int(getattr(d, "SeriesNumber", 0) or 0), int(getattr(d, "InstanceNumber", 0) or 0)))
    images: list[tuple[str, bytes]] = []
    pdf: bytes | None = None
    texts: list[str] = []
    for ds in datasets:
        sop_class = str(ds.SOPClassUID)
        if sop_class == ENCAPSULATED_PDF:
            blob = bytes(ds.EncapsulatedDocument)
            length = int(getattr(ds, "EncapsulatedDocumentLength", 0) or 0)
            pdf = blob[:length] if 0 < length <= len(blob) else blob.rstrip(b"\x00")
        elif sop_class == BASIC_TEXT_SR:
            texts = [str(getattr(i, "TextValue", "")) for i in getattr(ds, "ContentSequence", [])]
        elif "PixelData" in ds:
            caption = str(getattr(ds, "ImageComments", "") or "").splitlines()[0:1]
            images.append((caption[0] if caption else "", _picture(ds)))
    return StudyContent(tuple(images), pdf, "\n".join(t for t in texts if t))


def _text(ds: Any, keyword: str) -> str:
    return str(getattr(ds, keyword, "") or "").replace("^", " ").strip()


def open_package(folder: Path) -> tuple[CenterStudy, StudyContent]:
    """A referral package brought on a USB stick or a shared folder, as the worklist row and its content.

    The manifest's checksums are verified first: a damaged copy is refused with a PackageError.
    """
    from dermassist.transfer.package import read_package

    package = read_package(folder, verify=True)
    datasets = [dcmread(str(folder / f.name)) for f in package.dicom_files()]
    if not datasets:
        raise TransferError(_("{folder}: the package holds no DICOM files").format(folder=folder), retry=False)
    ds = datasets[0]
    desc = _text(ds, "StudyDescription")
    study = CenterStudy(
        study_uid=package.study_uid,
        patient_name=_text(ds, "PatientName"),
        patient_id=_text(ds, "PatientID"),
        birth_date=_text(ds, "PatientBirthDate"),
        sex=_text(ds, "PatientSex"),
        phone=_text(ds, "PatientTelephoneNumbers"),
        institution=_text(ds, "InstitutionName"),
        referring_physician=_text(ds, "ReferringPhysicianName"),
        accession=_text(ds, "AccessionNumber") or package.referral_number,
        study_date=_text(ds, "StudyDate"),
        description=desc,
        malignant=parse_malignancy(desc) if parse_malignancy(desc) is not None else package.malignant,
        model=parse_model(desc),
        instances=len(datasets),
    )
    return study, content_of(datasets)


def names_unreadable(studies: list[CenterStudy]) -> bool:
    """True when the PACS sends referrals without the patient's name.

    DermAssist always writes the name (in UTF-8, ISO_IR 192); Orthanc on its default Latin-1
    encoding answers such names as empty text, so the worklist would silently lose them.
    """
    return any(not s.patient_name for s in studies)
