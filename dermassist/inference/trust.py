"""One analysis with every trust check: quality gate, out-of-distribution check, calibrated probability
at the chosen operating point, confidence band, optional test-time augmentation and the CAM heatmap.

Qt-free. The UI runs :meth:`TrustedModel.analyse` off the GUI thread, shows ``warnings`` before
any probability, and stores :meth:`TrustedAnalysis.to_record` once the doctor goes ahead.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import numpy as np

from dermassist.imaging.field_of_view import field_box
from dermassist.imaging.quality import QualityLimits, QualityReport, assess_quality
from dermassist.inference.heatmap import cam_on_picture
from dermassist.inference.ood import OodError, OodModel, OodResult, load_for_card
from dermassist.inference.ood_output import EnergyCheck, load_output_check, logits_of
from dermassist.inference.prediction import Prediction, Timings
from dermassist.inference.preprocess import preprocess
from dermassist.inference.session import ModelSession
from dermassist.inference.trust_text import warning_message
from dermassist.inference.uncertainty import (
    Confidence,
    OperatingPoint,
    confidence,
    odds_factor_for,
    operating_point,
    tta_batch,
    tta_views,
    untta_cams,
)
from dermassist.records.models import AnalysisRecord


@dataclass(frozen=True)
class TrustWarning:
    """A reason to doubt a result: a stable ``code`` and the fields its sentence needs."""

    code: str
    fields: tuple[tuple[str, str], ...] = ()

    def message(self, lang: str = "en") -> str:
        """The warning in plain words ('en' or 'ru')."""
        return warning_message(self.code, lang, **dict(self.fields))


@dataclass(frozen=True, eq=False)
class TrustedAnalysis:
    """A prediction with everything needed to judge it. ``warnings`` must be shown before the probability."""

    prediction: Prediction  # its threshold is the operating point's
    point: OperatingPoint
    confidence: Confidence
    quality: QualityReport
    ood: OodResult | None
    ood_note: TrustWarning | None  # why there is no OOD result (shown, but not a reason to stop)
    warnings: tuple[TrustWarning, ...]
    cam: np.ndarray | None  # malignant-minus-benign evidence grid, in the picture's orientation
    tta: bool

    @property
    def malignant(self) -> float:
        """Calibrated probability of malignancy."""
        return self.prediction.malignant

    @property
    def passes_gate(self) -> bool:
        """False when a warning holds the result back (the window shows it only if the doctor goes on)."""
        return not self.warnings

    @property
    def codes(self) -> tuple[str, ...]:
        """The warning codes."""
        return tuple(w.code for w in self.warnings)

    def messages(self, lang: str = "en") -> tuple[str, ...]:
        """Every warning in plain words."""
        return tuple(w.message(lang) for w in self.warnings)

    def trust_extras(self) -> dict[str, Any]:
        """JSON-ready details kept with the stored analysis (``AnalysisRecord.extras["trust"]``)."""
        m = self.quality.metrics
        lesion = m.lesion
        return {
            "warning_codes": list(self.codes),
            "warning_fields": {w.code: dict(w.fields) for w in self.warnings if w.fields},
            "quality": {
                "sharpness": round(m.sharpness, 1),
                "brightness": round(m.brightness, 1),
                "clipped": round(m.clipped, 4),
                "lesion_area": round(lesion.area, 4) if lesion else None,
                "lesion_border": round(lesion.border, 4) if lesion else None,
                "lesion_contrast": round(lesion.contrast, 4) if lesion else None,
            },
            "ood": (
                {"distance": round(self.ood.distance, 3), "threshold": round(self.ood.threshold, 3),
                 "flagged": self.ood.flagged, "method": self.ood.method}
                if self.ood is not None
                else None
            ),
            "ood_note": self.ood_note.code if self.ood_note else None,
            "confidence": self.confidence.band,
            "band": [round(self.confidence.low, 6), round(self.confidence.high, 6)],
            "val_sensitivity": self.point.sensitivity,
            "val_specificity": self.point.specificity,
            "tta": self.tta,
            "cam": np.round(self.cam, 4).tolist() if self.cam is not None else None,
        }  # fmt: skip

    def to_record(
        self, examination_id: int, image_sha256: str, lang: str = "en", overridden: bool = False,
        decode_ms: float = 0.0,
    ) -> AnalysisRecord:  # fmt: skip
        """The record to store: warnings in the words the doctor saw, and whether they went ahead anyway."""
        pred = self.prediction
        return AnalysisRecord(
            id=None,
            examination_id=examination_id,
            image_sha256=image_sha256,
            malignant=float(pred.malignant),
            threshold=pred.threshold,
            decision=pred.decision,
            model_name=pred.model.name,
            model_version=pred.model.version,
            model_sha256=pred.model.sha256,
            provider=pred.provider,
            created_at=pred.created_at,
            warnings=self.messages(lang),
            warnings_overridden=bool(overridden and self.warnings),
            extras={
                "threshold_preset": self.point.preset,
                "probabilities": pred.probabilities,
                "timings_ms": {
                    "decode": round(decode_ms, 1),
                    "preprocess": round(pred.timings.preprocess_ms, 1),
                    "inference": round(pred.timings.inference_ms, 1),
                },
                "trust": self.trust_extras(),
            },
        )


class TrustedModel:
    """A model session with its OOD statistics (read once, checked against the card's sha256)."""

    def __init__(self, session: ModelSession) -> None:
        self.session = session
        self.ood: OodModel | None = None
        self.ood_problem: str | None = None
        try:
            self.ood = load_for_card(session.card)
        except OodError as exc:
            self.ood_problem = str(exc)
        # Used only where the graph gives no features: an output-only check is better than none.
        self.output_check: EnergyCheck | None = load_output_check(session.card)

    def _ood(
        self, features: np.ndarray | None, logits: np.ndarray | None = None
    ) -> tuple[OodResult | None, TrustWarning | None]:
        if self.ood_problem:
            return None, TrustWarning("ood_broken", (("reason", self.ood_problem),))
        if (self.ood is None or features is None) and self.output_check is not None and logits is not None:
            return self.output_check.check(logits), None
        if self.ood is None or features is None:
            return None, TrustWarning("ood_absent")
        try:
            return self.ood.check(features), None
        except OodError as exc:
            return None, TrustWarning("ood_broken", (("reason", str(exc)),))

    def analyse(
        self, rgb: np.ndarray, name: str = "", preset: str = "card", tta: bool = False,
        limits: QualityLimits | None = None,
    ) -> TrustedAnalysis:  # fmt: skip
        """Check and classify one HxWx3 uint8 RGB picture."""
        session, card = self.session, self.session.card
        quality = assess_quality(rgb, limits or QualityLimits(min_side=min(card.input.size)))
        t0 = time.perf_counter()
        box = field_box(rgb, card.input.field_of_view)
        x = preprocess(rgb, card.input, box)
        height, width = card.input.size
        views = tta_views(height, width)
        batch = tta_batch(x, card.input.layout, views) if tta else x[None]
        t1 = time.perf_counter()
        raw = session.run(batch)
        t2 = time.perf_counter()
        probs = raw.probabilities.mean(axis=0)  # TTA: mean of the calibrated probabilities of all views
        feats = raw.extras.get(card.output.features) if card.output.features else None
        cams = raw.extras.get(card.output.cam) if card.output.cam else None
        cam = None
        if cams is not None and cams.ndim == 3:
            cam = untta_cams(cams, views) if tta else np.asarray(cams[0], dtype=np.float32)
            cam = cam_on_picture(cam, box, rgb.shape[1], rgb.shape[0])
        timings = Timings(0.0, (t1 - t0) * 1000, (t2 - t1) * 1000)
        features = feats[0] if feats is not None else None
        logits = logits_of(card, raw.scores, raw.extras)
        return self.judge(
            name, probs, quality, features, cam, preset, timings, tta, logits[0] if logits is not None else None
        )

    def judge(
        self, name: str, probs: np.ndarray, quality: QualityReport, features: np.ndarray | None,
        cam: np.ndarray | None, preset: str = "card", timings: Timings | None = None, tta: bool = False,
        logits: np.ndarray | None = None, ood_result: OodResult | None = None,
    ) -> TrustedAnalysis:  # fmt: skip
        """The gate: one picture's calibrated probabilities, quality report and features become a
        TrustedAnalysis whose ``warnings`` (quality, out-of-distribution) hold back its result.
        The window (``analyse``) and ``dermassist classify`` (``trust_batch``) both judge here."""
        session, card = self.session, self.session.card
        point = operating_point(card, preset)
        prediction = Prediction(
            image=name,
            probabilities={label: float(probs[j]) for j, label in enumerate(card.output.labels)},
            positive_label=card.output.positive_label,
            threshold=point.threshold,
            model=session.model_ref,
            provider=session.provider,
            timings=timings or Timings(),
        )
        # A batch caller may pass the OOD result it computed for all its rows at once.
        ood, note = (ood_result, None) if ood_result is not None else self._ood(features, logits)
        warnings = [TrustWarning(i.code, tuple((k, str(v)) for k, v in i.details)) for i in quality.issues]
        if ood is not None and ood.flagged:
            warnings.insert(0, TrustWarning("ood"))
        if note is not None and note.code == "ood_broken":
            warnings.insert(0, note)
            note = None
        conf = confidence(prediction.malignant, point.threshold, odds_factor_for(card))
        return TrustedAnalysis(prediction, point, conf, quality, ood, note, tuple(warnings), cam, tta)

