"""The referral PDF a specialized center receives: inputs, rendering, and gathering from the record store.

``referral_from_store`` collects an examination with its patient, images, latest analyses and the
model card behind them; ``render_referral`` writes the A4 PDF atomically; ``export_referral`` does
both and records the export in the audit trail.
"""

from __future__ import annotations

import contextlib
import locale
import os
import tempfile
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dermassist.i18n import norm_lang
from dermassist.records.models import AnalysisRecord, Examination
from dermassist.records.settings import Settings
from dermassist.reports.fonts import FontError
from dermassist.reports.inputs import ModelInfo, ReferralInput, ReportError
from dermassist.trust.report import HEATMAP_DIR, heatmap_files, warning_texts

if TYPE_CHECKING:
    from dermassist.inference.card import ModelCard
    from dermassist.records.store import RecordStore

__all__ = [
    "AUDIT_ACTION",
    "PRINT_ACTION",
    "ModelInfo",
    "ReferralInput",
    "ReportError",
    "export_referral",
    "record_export",
    "referral_from_store",
    "render_referral",
    "render_referral_bytes",
    "report_language",
    "write_pdf_atomically",
]

AUDIT_ACTION = "export_pdf"
PRINT_ACTION = "print_pdf"


def report_language(settings: Settings | None = None, override: str | None = None) -> str:
    """A catalog's language: the explicit choice, else the settings' language, else the system locale."""
    for choice in (override, settings.language if settings else None):
        if choice:
            return norm_lang(choice)
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value:
            return norm_lang(value)
    with contextlib.suppress(ValueError, TypeError):
        return norm_lang(locale.getlocale()[0] or "")
    return "en"


def render_referral_bytes(data: ReferralInput) -> bytes:
    """The referral as PDF bytes. Raises ReportError when it cannot be laid out."""
    from reportlab.platypus.doctemplate import LayoutError

    from dermassist.reports.pdfbuild import build_pdf

    try:
        return build_pdf(data)
    except FontError as exc:
        raise ReportError(str(exc)) from None
    except LayoutError as exc:
        raise ReportError(f"the referral could not be laid out on A4 pages ({exc})") from None


def _umask() -> int:
    try:  # Linux reports it without changing it
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    current = os.umask(0o022)
    os.umask(current)
    return current


def _file_mode(out_path: Path) -> int:
    """The replaced file's permissions, or those of a newly created file."""
    try:
        return out_path.stat().st_mode & 0o777
    except OSError:
        return 0o666 & ~_umask()


def write_pdf_atomically(out_path: Path, payload: bytes) -> None:
    """Write ``payload`` so ``out_path`` is either complete or untouched. Raises ReportError (one line)."""
    folder = out_path.parent
    if not folder.is_dir():
        raise ReportError(f"cannot save {out_path}: the folder {folder} does not exist")
    if out_path.is_dir():
        raise ReportError(f"cannot save {out_path}: it is a folder")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{out_path.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise ReportError(f"cannot save {out_path}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp makes the file private (0600); give it the mode an ordinary new file would have.
        os.chmod(tmp, _file_mode(out_path))
        os.replace(tmp, out_path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise ReportError(f"cannot save {out_path}: {exc.strerror or exc}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def render_referral(data: ReferralInput, out_path: Path) -> Path:
    """Write the referral PDF to ``out_path`` atomically (complete file or none); returns the path.

    Raises ReportError with a one-line message (full disk, unwritable or missing folder, ...);
    an existing file at ``out_path`` is left untouched when writing fails.
    """
    out_path = Path(out_path)
    write_pdf_atomically(out_path, render_referral_bytes(data))
    return out_path


def _find_card(sha256: str, preferred: str = "") -> ModelCard | None:
    """The installed card whose model file has ``sha256`` (without re-hashing every model)."""
    from dermassist.inference.card import CardError, load_card
    from dermassist.inference.registry import discover

    if preferred:
        with contextlib.suppress(CardError, OSError):
            card = load_card(Path(preferred), verify_hash=False)
            if card.sha256 == sha256:
                return card
    for found in discover(verify_hash=False):
        if found.card is not None and found.card.sha256 == sha256:
            return found.card
    return None


def _metric_value(metrics: Mapping[str, Any], split: str, name: str) -> float | None:
    entry = metrics.get(split, {}).get(name) if isinstance(metrics.get(split), Mapping) else None
    value = entry.get("value") if isinstance(entry, Mapping) else None
    return float(value) if isinstance(value, (int, float)) else None


def _preset_for(analysis: AnalysisRecord, card: ModelCard | None) -> str:
    recorded = analysis.extras.get("threshold_preset")
    if isinstance(recorded, str) and recorded:
        return recorded
    if card is None:
        return "unknown"
    if abs(analysis.threshold - card.threshold) < 1e-9:
        return "card"
    for key, point in card.operating_points.items():
        if isinstance(point, Mapping) and abs(float(point.get("threshold", -1)) - analysis.threshold) < 1e-9:
            return str(key)
    return "custom"


def model_info(analysis: AnalysisRecord, card: ModelCard | None, preset: str) -> ModelInfo:
    """What the report says about the model behind ``analysis`` (card figures when the card is known)."""
    if card is None:
        return ModelInfo(
            analysis.model_name, analysis.model_version, analysis.model_sha256, analysis.threshold, card_found=False
        )
    sens = spec = None
    point = card.operating_points.get(preset)
    if isinstance(point, Mapping):
        sens, spec = point.get("val_sensitivity"), point.get("val_specificity")
    elif preset == "card":
        sens, spec = (
            _metric_value(card.metrics, "val", "sensitivity"),
            _metric_value(card.metrics, "val", "specificity"),
        )
    return ModelInfo(
        name=card.name,
        version=card.version,
        sha256=card.sha256,
        threshold=analysis.threshold,
        metrics=dict(card.metrics),
        # A temperature of 1 that nobody fitted must not read as a calibration.
        temperature=card.output.temperature if card.validated else None,
        val_sensitivity=float(sens) if isinstance(sens, (int, float)) else None,
        val_specificity=float(spec) if isinstance(spec, (int, float)) else None,
        validated=card.validated,
        limitations=card.limitations if "imported" in card.extra else (),
    )


def default_referral_number(exam: Examination) -> str:
    """A stable number for an examination that has none: its date and id, e.g. ``20240305-0042``."""
    return f"{exam.date.replace('-', '')}-{exam.id or 0:04d}"


def referral_from_store(
    store: RecordStore,
    examination_id: int,
    settings: Settings,
    lang: str | None = None,
    heatmaps: Mapping[str, Path] | None = None,
) -> ReferralInput:
    """Gather one examination's referral from the record store. Raises RecordNotFound for an unknown id."""
    exam = store.get_examination(examination_id)
    patient = store.get_patient(exam.patient_id)
    if not exam.referral_number.strip():
        exam = replace(exam, referral_number=default_referral_number(exam))
    image_paths = tuple(store.image_path(img) for img in exam.images)
    latest = exam.latest_analysis()
    model: ModelInfo | None = None
    preset = settings.threshold_preset
    warnings: list[str] = []
    overridden = False
    out_lang = report_language(settings, lang)
    heat: dict[str, Path] = dict(heatmaps) if heatmaps is not None else {}
    if latest is not None:
        card = _find_card(latest.model_sha256, settings.model_path)
        preset = _preset_for(latest, card)
        model = model_info(latest, card, preset)
        shown = [a for a in exam.analyses if a.model_sha256 == latest.model_sha256]
        by_image: dict[str, AnalysisRecord] = {a.image_sha256: a for a in shown}  # later ones win
        for a in by_image.values():
            # In the report's language when the warning codes were recorded (else as the doctor saw them).
            warnings += [w for w in warning_texts(a, out_lang) if w not in warnings]
            overridden = overridden or a.warnings_overridden
        if heatmaps is None:  # made from the CAM stored with each analysis, kept beside the stored images
            paths = {img.sha256: store.image_path(img) for img in exam.images}
            heat = heatmap_files(by_image.values(), paths, store.data_dir / HEATMAP_DIR)
    return ReferralInput(
        patient=patient,
        examination=exam,
        settings=settings,
        image_paths=image_paths,
        model=model,
        heatmaps=heat,
        warnings=tuple(warnings),
        warnings_overridden=overridden,
        threshold_preset=preset,
        lang=out_lang,
    )


def export_referral(
    store: RecordStore,
    examination_id: int,
    settings: Settings,
    out_path: Path,
    lang: str | None = None,
    heatmaps: Mapping[str, Path] | None = None,
) -> Path:
    """Gather, render and save a referral, then record the export in the audit trail."""
    data = referral_from_store(store, examination_id, settings, lang, heatmaps)
    path = render_referral(data, out_path)
    record_export(store, data, f"saved as {path.name}")
    return path


def record_export(store: RecordStore, data: ReferralInput, how: str, action: str = AUDIT_ACTION) -> None:
    """Add the audit line for a referral that left the application (saved, printed, opened elsewhere)."""
    exam = data.examination
    store.audit(action, "examination", exam.id, f"referral {exam.referral_number} ({data.lang}) {how}")
