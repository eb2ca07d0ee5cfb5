"""pydicom datasets of a referral: dermoscopic images, the referral PDF; shared patient/study modules.

Every dataset is UTF-8 (``ISO_IR 192``) so Cyrillic names survive any receiver that reads the
character set, and carries the same patient, study and equipment attributes. Values are fitted to
their VR without silent cuts (:mod:`dermassist.transfer.vr_fit`), and :func:`to_bytes` refuses a
dataset with any value that still does not fit. Every SOP class written passes ``dciodvfy``.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import datetime

from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.encaps import encapsulate
from pydicom.filewriter import dcmwrite
from pydicom.uid import UID, generate_uid

from dermassist import __version__
from dermassist.records.models import Examination, Patient
from dermassist.transfer.pixels import JPEG_BASELINE, PixelData
from dermassist.transfer.vr_fit import Overflow, check_lengths, normalise_phone, size

DERMOSCOPIC = "1.2.840.10008.5.1.4.1.1.77.1.7"
VL_PHOTOGRAPHIC = "1.2.840.10008.5.1.4.1.1.77.1.4"
ENCAPSULATED_PDF = "1.2.840.10008.5.1.4.1.1.104.1"
BASIC_TEXT_SR = "1.2.840.10008.5.1.4.1.1.88.11"
EXPLICIT_VR_LE = "1.2.840.10008.1.2.1"

IMAGE_SOP_CLASSES = {"dermoscopic": DERMOSCOPIC, "vl_photographic": VL_PHOTOGRAPHIC}
MODALITY_FOR_CLASS = {DERMOSCOPIC: "DMS", VL_PHOTOGRAPHIC: "XC"}
_SEX = {"female": "F", "male": "M", "other": "O"}
# Dermoscopic Photography only: Frame of Reference and the Dermoscopic Image module's Type 2
# attributes (left empty: DermAssist does not know the dermatoscope's light, contact or zoom).
_DERMOSCOPIC_ONLY = (
    "FrameOfReferenceUID",
    "PositionReferenceIndicator",
    "LightSourcePolarization",
    "EmitterColorTemperature",
    "ContactMethod",
    "OpticalMagnificationFactor",
)
_LEFT = re.compile(r"\b(left|лев\w*)\b", re.IGNORECASE)
_RIGHT = re.compile(r"\b(right|прав\w*)\b", re.IGNORECASE)


@dataclass(frozen=True)
class StudyContext:
    """What every instance of one referral shares."""

    study_uid: str
    patient: Patient
    exam: Examination
    institution: str
    institution_address: str
    referring_physician: str
    accession: str
    study_description: str
    created: datetime


@dataclass(frozen=True)
class SeriesRef:
    """Where an instance sits in the study."""

    series_uid: str
    series_number: int
    series_description: str
    instance_uid: str
    instance_number: int


def dicom_date(iso: str | None) -> str:
    """``YYYY-MM-DD`` (or a longer ISO timestamp) as DICOM ``YYYYMMDD``; '' when absent."""
    return (iso or "")[:10].replace("-", "")


def person_name(text: str) -> str:
    """A display name as PN: an existing ``^`` structure is kept, otherwise the whole name is the
    family-name component (guessing which word is the surname would swap Russian and Western orders)."""
    return " ".join(text.split())


def laterality(site_label: str, site_code: str = "") -> str:
    """``L`` or ``R`` from the body-map code (``forearm.left``) or, without one, from a label naming
    one side only; '' when unknown."""
    side = site_code.rpartition(".")[2]
    if side in ("left", "right"):
        return "L" if side == "left" else "R"
    left, right = bool(_LEFT.search(site_label)), bool(_RIGHT.search(site_label))
    return "L" if left and not right else "R" if right and not left else ""


def frame_of_reference_uid(study_uid: str) -> str:
    """One Frame of Reference per study, derived from its UID (the same on every resend)."""
    return str(generate_uid(prefix=None, entropy_srcs=[study_uid, "frame-of-reference"]))


def base_dataset(ctx: StudyContext, sop_class: str, modality: str, ref: SeriesRef) -> Dataset:
    """SOP Common, Patient, General Study, General Series, General/Enhanced Equipment modules."""
    ds = Dataset()
    ds.SpecificCharacterSet = "ISO_IR 192"
    ds.SOPClassUID = sop_class
    ds.SOPInstanceUID = ref.instance_uid
    created_date, created_time = ctx.created.strftime("%Y%m%d"), ctx.created.strftime("%H%M%S")
    ds.InstanceCreationDate = created_date
    ds.InstanceCreationTime = created_time
    offset = ctx.created.strftime("%z")
    if offset:
        ds.TimezoneOffsetFromUTC = offset
    p, e = ctx.patient, ctx.exam
    notes = Overflow()
    ds.PatientName = notes.fit("Patient / Пациент", person_name(p.full_name), "PN")
    record = " ".join(p.record_number.split())
    fits_id = bool(record) and size(record) <= 64 and "\\" not in record
    if record and not fits_id:
        notes.note("Record number / Номер карты", record)
    ds.PatientID = record if fits_id else f"DA-P{p.id}"
    ds.PatientBirthDate = dicom_date(p.birth_date)
    ds.PatientSex = _SEX.get(p.sex, "")
    phone = " ".join(p.phone.split())
    if phone:
        normal = normalise_phone(phone)
        if normal and len(normal) <= 16:
            ds.PatientTelephoneNumbers = normal
        if normal != phone:
            notes.note("Telephone / Телефон", phone)
    ds.StudyInstanceUID = ctx.study_uid
    ds.StudyDate = dicom_date(e.date)
    ds.StudyTime = created_time if dicom_date(e.date) == created_date else ""
    ds.ReferringPhysicianName = notes.fit("Referring physician / Направивший врач", ctx.referring_physician, "PN")
    ds.StudyID = str(e.id)
    accession = " ".join(ctx.accession.split())
    fits_accession = size(accession) <= 16 and "\\" not in accession
    ds.AccessionNumber = accession if fits_accession else ""
    if accession and not fits_accession:
        notes.note("Referral number / Номер направления", accession)
    ds.StudyDescription = notes.fit("Study / Исследование", ctx.study_description, "LO")
    ds.SeriesInstanceUID = ref.series_uid
    ds.SeriesNumber = ref.series_number
    ds.SeriesDescription = notes.fit("Series / Серия", ref.series_description, "LO")
    ds.SeriesDate = ds.StudyDate
    ds.Modality = modality
    ds.InstanceNumber = ref.instance_number
    ds.Manufacturer = "DermAssist"
    ds.ManufacturerModelName = "DermAssist"
    ds.DeviceSerialNumber = "DermAssist"
    ds.SoftwareVersions = __version__
    ds.InstitutionName = notes.fit("Institution / Учреждение", ctx.institution, "LO")
    if ctx.institution_address.strip():
        ds.InstitutionAddress = notes.fit("Address / Адрес", ctx.institution_address, "ST")
    if notes.lines:
        ds.PatientComments = notes.text()
    ds.ContentDate = ds.StudyDate or created_date
    ds.ContentTime = created_time
    return ds


def image_dataset(ctx: StudyContext, ref: SeriesRef, pixels: PixelData, sop_class: str, comments: str) -> Dataset:
    """A Dermoscopic Photography (or VL Photographic) image; JPEG stays encapsulated as it was."""
    ds = base_dataset(ctx, sop_class, MODALITY_FOR_CLASS[sop_class], ref)
    if sop_class == DERMOSCOPIC:
        _add_dermoscopic(ds)
    site = ctx.exam.site
    # General Series, images only: the body map's code ("forearm.left"), else the doctor's text.
    ds.Laterality = laterality(site.label, site.code) if site is not None else ""
    ds.ImageType = ["ORIGINAL", "PRIMARY"]
    ds.PatientOrientation = ""
    ds.AcquisitionContextSequence = []
    ds.BurnedInAnnotation = "NO"
    ds.RecognizableVisualFeatures = "NO"
    ds.LossyImageCompression = "01" if pixels.lossy else "00"
    if pixels.lossy:
        ds.LossyImageCompressionMethod = "ISO_10918_1"
    if comments:
        ds.ImageComments = comments
    ds.SamplesPerPixel = 3
    ds.PhotometricInterpretation = pixels.photometric
    ds.PlanarConfiguration = 0
    ds.Rows = pixels.rows
    ds.Columns = pixels.columns
    ds.BitsAllocated = 8
    ds.BitsStored = 8
    ds.HighBit = 7
    ds.PixelRepresentation = 0
    if pixels.icc_profile:
        ds.ICCProfile = pixels.icc_profile
    if pixels.transfer_syntax == JPEG_BASELINE:
        ds.PixelData = encapsulate([pixels.data])
        ds["PixelData"].VR = "OB"
    else:
        ds.PixelData = pixels.data
        ds["PixelData"].VR = "OB"
    return with_meta(ds, pixels.transfer_syntax)


def _add_dermoscopic(ds: Dataset) -> None:
    ds.FrameOfReferenceUID = frame_of_reference_uid(str(ds.StudyInstanceUID))
    ds.PositionReferenceIndicator = ""
    for keyword in _DERMOSCOPIC_ONLY[2:]:
        setattr(ds, keyword, None)


def pdf_dataset(ctx: StudyContext, ref: SeriesRef, pdf: bytes, title: str) -> Dataset:
    """The referral PDF as an Encapsulated PDF instance in the same study."""
    ds = base_dataset(ctx, ENCAPSULATED_PDF, "DOC", ref)
    ds.ConversionType = "WSD"
    ds.BurnedInAnnotation = "YES"
    ds.ConceptNameCodeSequence = []
    ds.DocumentTitle = title
    ds.AcquisitionDateTime = ctx.created.strftime("%Y%m%d%H%M%S")
    ds.MIMETypeOfEncapsulatedDocument = "application/pdf"
    ds.EncapsulatedDocumentLength = len(pdf)
    # OB values have even length; the true length above lets the reader drop the pad byte.
    ds.EncapsulatedDocument = pdf + (b"\x00" if len(pdf) % 2 else b"")
    return with_meta(ds, EXPLICIT_VR_LE)


def with_meta(ds: Dataset, transfer_syntax: str) -> Dataset:
    """Attach the Part 10 file meta information."""
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = ds.SOPClassUID
    meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
    meta.TransferSyntaxUID = UID(transfer_syntax)
    meta.ImplementationVersionName = f"DERMASSIST_{__version__}"[:16]
    ds.file_meta = meta
    return ds


def to_bytes(ds: Dataset) -> bytes:
    """The dataset as a DICOM Part 10 file."""
    check_lengths(ds)
    buf = io.BytesIO()
    dcmwrite(buf, ds, enforce_file_format=True)
    return buf.getvalue()


def change_image_class(ds: Dataset, sop_class: str) -> Dataset:
    """The same image instance as another photographic SOP class (the dermoscopic fallback)."""
    ds.SOPClassUID = sop_class
    ds.Modality = MODALITY_FOR_CLASS[sop_class]
    if sop_class == DERMOSCOPIC:
        _add_dermoscopic(ds)
    else:
        for keyword in _DERMOSCOPIC_ONLY:
            if keyword in ds:
                delattr(ds, keyword)
    ds.file_meta.MediaStorageSOPClassUID = UID(sop_class)
    return ds
