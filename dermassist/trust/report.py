"""Trust details of a *stored* analysis, for the referral and the result panel (Qt-free).

A stored ``AnalysisRecord`` keeps the CAM grid, warning codes, confidence band and validation
figures in ``extras["trust"]``; these helpers turn them back into words in any language and
into heatmap pictures, so a report printed later shows what the doctor saw.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import numpy as np

from dermassist.imaging.loading import ImageLoadError, load_image
from dermassist.inference.heatmap import display_grid, save_overlay
from dermassist.inference.trust_text import confidence_sentence, per_100_sentence, warning_message
from dermassist.inference.uncertainty import DEFAULT_ODDS_FACTOR, Confidence, OperatingPoint, confidence
from dermassist.records.models import AnalysisRecord

log = logging.getLogger(__name__)
HEATMAP_DIR = "heatmaps"


def trust_of(analysis: AnalysisRecord) -> Mapping[str, Any]:
    """The analysis's trust details ({} for results stored before they existed)."""
    trust = analysis.extras.get("trust") if isinstance(analysis.extras, Mapping) else None
    return trust if isinstance(trust, Mapping) else {}


def warning_texts(analysis: AnalysisRecord, lang: str) -> tuple[str, ...]:
    """The analysis's warnings in ``lang`` (from their codes), else the words stored with it."""
    trust = trust_of(analysis)
    codes = trust.get("warning_codes")
    if not isinstance(codes, list) or len(codes) != len(analysis.warnings):
        return tuple(analysis.warnings)
    raw = trust.get("warning_fields")
    fields: Mapping[str, Any] = raw if isinstance(raw, Mapping) else {}
    out = []
    for code, stored in zip(codes, analysis.warnings, strict=True):
        try:
            out.append(warning_message(str(code), lang, **dict(fields.get(code, {}))))
        except (KeyError, IndexError):  # a code from a newer version: keep what the doctor saw
            out.append(stored)
    return tuple(out)


def stored_confidence(analysis: AnalysisRecord) -> Confidence:
    """The confidence band recorded with the analysis (recomputed with the default factor for old results)."""
    band = trust_of(analysis).get("band")
    if isinstance(band, list) and len(band) == 2 and all(isinstance(v, (int, float)) for v in band):
        low, high = float(band[0]), float(band[1])
        p = analysis.malignant
        return Confidence("uncertain" if low < p < high else ("above" if p >= high else "below"), low, high)
    return confidence(analysis.malignant, analysis.threshold, DEFAULT_ODDS_FACTOR)


def confidence_text(analysis: AnalysisRecord, lang: str) -> str:
    """The confidence band in words."""
    return confidence_sentence(stored_confidence(analysis), lang)


def stored_point(analysis: AnalysisRecord) -> OperatingPoint | None:
    """The operating point's validation figures recorded with the analysis (None for old results)."""
    trust = trust_of(analysis)
    sens, spec = trust.get("val_sensitivity"), trust.get("val_specificity")
    if "val_sensitivity" not in trust:
        return None
    preset = analysis.extras.get("threshold_preset", "card")
    return OperatingPoint(
        str(preset),
        analysis.threshold,
        float(sens) if isinstance(sens, (int, float)) else None,
        float(spec) if isinstance(spec, (int, float)) else None,
    )


def per_100_text(analysis: AnalysisRecord, lang: str) -> str | None:
    """What the analysis's threshold meant for 100 patients, or None when nothing was recorded."""
    point = stored_point(analysis)
    return per_100_sentence(point, lang) if point is not None else None


def cam_of(analysis: AnalysisRecord) -> np.ndarray | None:
    """The CAM grid recorded with the analysis, as shown (see ``heatmap.DISPLAY_MODE``)."""
    cam = trust_of(analysis).get("cam")
    if not isinstance(cam, list) or not cam:
        return None
    try:
        grid = display_grid(cam)
    except (TypeError, ValueError):
        return None
    return grid if grid.ndim == 2 and np.isfinite(grid).all() else None


def heatmap_files(
    analyses: Iterable[AnalysisRecord], image_path: Mapping[str, Path], folder: Path
) -> dict[str, Path]:
    """A heatmap JPEG for each analysed image with a stored CAM (later analyses of an image win).

    Files are named by the image, the model and the CAM, so a file, once written, always shows
    the same thing and is reused. An unreadable image is left out (the referral then says so).
    """
    latest: dict[str, AnalysisRecord] = {}
    for a in analyses:
        latest[a.image_sha256] = a
    out: dict[str, Path] = {}
    for sha, a in latest.items():
        cam = cam_of(a)
        src = image_path.get(sha)
        if cam is None or src is None:
            continue
        key = hashlib.sha256(json.dumps(np.round(cam, 4).tolist()).encode()).hexdigest()[:12]
        path = folder / f"{sha[:16]}-{a.model_sha256[:12]}-{key}.jpg"
        if not path.is_file():
            try:
                folder.mkdir(parents=True, exist_ok=True)
                save_overlay(load_image(src).rgb, cam, path)
            except (ImageLoadError, OSError) as exc:
                log.warning("heatmap for %s not made: %s", sha[:12], exc)
                continue
        out[sha] = path
    return out
