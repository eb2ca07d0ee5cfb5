"""A referral package: the DICOM files, the referral PDF and ``manifest.json``, written atomically.

The outbox keeps one package per queued referral (so what is retried is exactly what the GP
sent), and ``export-package`` writes the same layout to a folder or USB stick. The package is
built in a hidden temporary folder beside its destination and renamed into place only when every
file is written and synced, so a crash never leaves a half package under the final name.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import uuid
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from dermassist import INTENDED_USE, __version__
from dermassist.i18n import _
from dermassist.imaging.bodymap import describe_site
from dermassist.records.models import Patient
from dermassist.records.settings import Settings
from dermassist.records.store import RecordNotFound, RecordStore
from dermassist.transfer import uids
from dermassist.transfer.airesult import describe_analysis, study_description, summarize
from dermassist.transfer.dicom_build import (
    IMAGE_SOP_CLASSES,
    SeriesRef,
    StudyContext,
    image_dataset,
    pdf_dataset,
    to_bytes,
)
from dermassist.transfer.errors import PackageError
from dermassist.transfer.pixels import pixel_data_for
from dermassist.transfer.sr import sr_dataset

MANIFEST = "manifest.json"
PDF_NAME = "referral.pdf"
FORMAT = "dermassist-referral-package"


@dataclass(frozen=True)
class PackageFile:
    """One file of a package with its checksum; DICOM files also name their instance."""

    name: str
    kind: str  # image, report (Encapsulated PDF), sr, pdf
    sha256: str
    size: int
    sop_class_uid: str = ""
    sop_instance_uid: str = ""
    transfer_syntax: str = ""


@dataclass(frozen=True)
class ReferralPackage:
    """A written package folder and what its manifest says."""

    folder: Path
    examination_id: int
    referral_number: str
    study_uid: str
    malignant: float | None
    files: tuple[PackageFile, ...]

    def dicom_files(self) -> list[PackageFile]:
        """The DICOM instances, images first, then the report and the SR."""
        return [f for f in self.files if f.sop_instance_uid]


def sha256_bytes(data: bytes) -> str:
    """Hex sha256."""
    return hashlib.sha256(data).hexdigest()


def _write_synced(path: Path, data: bytes) -> None:
    with open(path, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # Windows cannot open folders; its renames are durable enough
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def render_pdf(store: RecordStore, examination_id: int, settings: Settings, lang: str | None, out_path: Path) -> str:
    """Render the referral PDF with the reports package; returns the referral number it printed."""
    from dermassist.reports.referral import ReportError, referral_from_store, render_referral

    try:
        data = referral_from_store(store, examination_id, settings, lang)
        render_referral(data, out_path)
    except ReportError as exc:
        raise PackageError(_("the referral report cannot be made: {error}").format(error=exc)) from None
    if not out_path.is_file() or out_path.stat().st_size == 0:
        raise PackageError(_("the referral report for examination {id} was not written").format(id=examination_id))
    return str(data.examination.referral_number or "")


def build_package(
    store: RecordStore,
    examination_id: int,
    settings: Settings,
    destination: Path,
    *,
    lang: str | None = None,
    report_uid: str | None = None,
    sr_uid: str | None = None,
    include_sr: bool = True,
) -> ReferralPackage:
    """Write the package of an examination to the folder ``destination`` (which must not exist yet)."""
    try:
        exam = store.get_examination(examination_id)
        patient = store.get_patient(exam.patient_id)
    except RecordNotFound as exc:
        raise PackageError(str(exc)) from None
    if destination.exists():
        raise PackageError(_("{path} already exists; a package is never written over another").format(path=destination))
    destination.parent.mkdir(parents=True, exist_ok=True)
    tmp = destination.parent / f".tmp-{destination.name}-{uuid.uuid4().hex[:8]}"
    tmp.mkdir()
    try:
        package = _fill(
            store, examination_id, patient, settings, tmp, destination, lang, (report_uid, sr_uid, include_sr)
        )
        _fsync_dir(tmp)
        tmp.rename(destination)
        _fsync_dir(destination.parent)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return package


def _fill(
    store: RecordStore,
    exam_id: int,
    patient: Patient,
    settings: Settings,
    tmp: Path,
    destination: Path,
    lang: str | None,
    extra: tuple[str | None, str | None, bool],
) -> ReferralPackage:
    report_uid, sr_uid, include_sr = extra
    exam = store.get_examination(exam_id)
    summary = summarize(exam)
    referral_number = render_pdf(store, exam_id, settings, lang, tmp / PDF_NAME)
    pdf = (tmp / PDF_NAME).read_bytes()
    referral_number = exam.referral_number or referral_number or f"DA{exam_id}"
    roles = [uids.STUDY, uids.IMAGE_SERIES, uids.REPORT_SERIES, uids.SR_SERIES]
    roles += [uids.image_role(img.sha256) for img in exam.images]
    known = uids.uids_for(store, exam_id, roles)
    ctx = StudyContext(
        study_uid=known[uids.STUDY],
        patient=patient,
        exam=exam,
        institution=settings.clinic_name,
        institution_address=settings.clinic_address,
        referring_physician=exam.referring_doctor or settings.doctor_name,
        accession=referral_number,
        study_description=study_description(summary),
        created=datetime.now().astimezone(),
    )
    files: list[PackageFile] = []

    def add(name: str, kind: str, data: bytes, ds_uid: tuple[str, str, str] = ("", "", "")) -> None:
        _write_synced(tmp / name, data)
        files.append(PackageFile(name, kind, sha256_bytes(data), len(data), *ds_uid))

    sop_class = IMAGE_SOP_CLASSES.get(settings.sop_class, IMAGE_SOP_CLASSES["dermoscopic"])
    site = describe_site(exam.site, "en") if exam.site is not None else ""  # DICOM text is English
    names: dict[str, str] = {}
    for n, img in enumerate(exam.images, start=1):
        path = store.image_path(img)
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise PackageError(
                _("image {image} of examination {id} cannot be read ({error})").format(
                    image=img.sha256[:12], id=exam_id, error=exc
                )
            ) from None
        pixels = pixel_data_for(raw, img.original_name or img.filename)
        names[img.sha256] = f"image {n} ({img.original_name or img.filename})"
        analysis = summary.per_image.get(img.sha256)
        comments = describe_analysis(analysis) if analysis else "No AI analysis of this image."
        comments += f"\n{INTENDED_USE}"
        series_desc = "Dermoscopy" + (f", {site}" if site else "")
        ref = SeriesRef(known[uids.IMAGE_SERIES], 1, series_desc, known[uids.image_role(img.sha256)], n)
        ds = image_dataset(ctx, ref, pixels, sop_class, comments)
        add(f"IMG{n:03d}.dcm", "image", to_bytes(ds), (sop_class, ref.instance_uid, pixels.transfer_syntax))
    title = f"Referral {referral_number}"
    report_ref = SeriesRef(known[uids.REPORT_SERIES], 2, "Referral report", report_uid or uids.new_uid(), 1)
    ds = pdf_dataset(ctx, report_ref, pdf, title)
    add("REPORT.dcm", "report", to_bytes(ds), (ds.SOPClassUID, report_ref.instance_uid, ds.file_meta.TransferSyntaxUID))
    if include_sr:
        sr_ref = SeriesRef(known[uids.SR_SERIES], 3, "AI result", sr_uid or uids.new_uid(), 1)
        ds = sr_dataset(ctx, sr_ref, summary, names)
        add("SR.dcm", "sr", to_bytes(ds), (ds.SOPClassUID, sr_ref.instance_uid, ds.file_meta.TransferSyntaxUID))
    files.append(PackageFile(PDF_NAME, "pdf", sha256_bytes(pdf), len(pdf)))
    package = ReferralPackage(destination, exam_id, referral_number, ctx.study_uid, summary.malignant, tuple(files))
    manifest = {
        "format": FORMAT,
        "format_version": 1,
        "software": f"DermAssist {__version__}",
        "created_at": ctx.created.isoformat(timespec="seconds"),
        "examination_id": exam_id,
        "referral_number": referral_number,
        "study_instance_uid": ctx.study_uid,
        "study_description": ctx.study_description,
        "malignant": summary.malignant,
        "model": (
            {"name": summary.top.model_name, "version": summary.top.model_version, "sha256": summary.top.model_sha256}
            if summary.top
            else None
        ),
        "intended_use": INTENDED_USE,
        "files": [asdict(f) for f in files],
    }
    _write_synced(tmp / MANIFEST, json.dumps(manifest, indent=2, ensure_ascii=False).encode("utf-8"))
    return package


def read_package(folder: Path, *, verify: bool = True) -> ReferralPackage:
    """Read a package's manifest; with ``verify`` every file's size and sha256 are checked."""
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise PackageError(
            _("{folder}: no readable {manifest} ({error})").format(folder=folder, manifest=MANIFEST, error=exc)
        ) from None
    if data.get("format") != FORMAT:
        raise PackageError(_("{folder}: not a DermAssist referral package").format(folder=folder))
    files = tuple(PackageFile(**f) for f in data["files"])
    if verify:
        for f in files:
            try:
                blob = (folder / f.name).read_bytes()
            except OSError as exc:
                raise PackageError(
                    _("{path}: missing from the package ({error})").format(path=folder / f.name, error=exc)
                ) from None
            if sha256_bytes(blob) != f.sha256:
                raise PackageError(
                    _("{path}: checksum does not match the manifest (damaged copy)").format(path=folder / f.name)
                )
    return ReferralPackage(
        folder,
        int(data["examination_id"]),
        str(data["referral_number"]),
        str(data["study_instance_uid"]),
        data.get("malignant"),
        files,
    )


def export_package(
    store: RecordStore, examination_id: int, settings: Settings, dest_folder: Path, *, lang: str | None = None
) -> ReferralPackage:
    """Write a new package folder inside ``dest_folder`` (e.g. a USB stick), never over an existing one."""
    dest_folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    base = f"DermAssist-referral-{examination_id}-{stamp}"
    target, n = dest_folder / base, 1
    while target.exists():
        n += 1
        target = dest_folder / f"{base}-{n}"
    package = build_package(store, examination_id, settings, target, lang=lang)
    store.audit("export-package", "examination", examination_id, str(target))
    return package
