"""Regenerate docs/sample-referral.pdf and docs/sample-referral-page1.png from a synthetic image.

Everything in the sample is invented: the picture is drawn by this script (no patient or ISIC
image), and the model figures are placeholders, not the performance of any real model.
Run from the project root: ``python docs/make_sample_report.py [--lang en|ru] [--out-dir docs]``
(the page picture needs ``pdftoppm`` from poppler-utils).
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import subprocess
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
from PIL import Image

from dermassist.records.models import AnalysisRecord, Examination, ImageRecord, LesionSite, Patient
from dermassist.records.settings import Settings
from dermassist.reports.referral import ModelInfo, ReferralInput, render_referral

FAKE_MODEL_SHA = hashlib.sha256(b"example model, not a real one").hexdigest()


def synthetic_lesion(width: int = 1024, height: int = 768, seed: int = 7) -> Image.Image:
    """A dermoscopy-like picture: an irregular brown blob with a pigment network on skin tones."""
    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[0:height, 0:width].astype(np.float32)
    cx, cy = width * 0.5, height * 0.5
    angle = np.arctan2(yy - cy, xx - cx)
    wobble = 1 + 0.12 * np.sin(3 * angle + 0.5) + 0.07 * np.sin(7 * angle + 1.3) + 0.04 * np.sin(13 * angle)
    r = np.hypot((xx - cx) / (width * 0.27), (yy - cy) / (height * 0.30)) / wobble
    skin = np.array([226, 180, 160], np.float32)
    brown = np.array([120, 70, 45], np.float32)
    dark = np.array([60, 35, 30], np.float32)
    inside = np.clip((1.05 - r) * 6, 0, 1)[..., None]
    network = 0.5 + 0.5 * np.sin(xx / 9.0 + np.sin(yy / 23.0)) * np.sin(yy / 9.0 + np.cos(xx / 31.0))
    core = np.clip(1 - r * 1.6, 0, 1)[..., None]
    lesion = brown * (1 - 0.35 * network[..., None]) + (dark - brown) * core * 0.8
    img = skin * (1 - inside) + lesion * inside
    vignette = np.clip(1.15 - 0.45 * np.hypot((xx - cx) / cx, (yy - cy) / cy), 0.45, 1)[..., None]
    img = img * vignette + rng.normal(0, 3, (height, width, 1))
    return Image.fromarray(np.clip(img, 0, 255).astype(np.uint8))


def _ci(value: float, half: float) -> dict[str, object]:
    return {"value": value, "ci95": [round(value - half, 3), round(value + half, 3)]}


def sample_input(image_path: Path, lang: str = "en") -> ReferralInput:
    """The sample referral's data (invented patient, examination and model figures)."""
    sha = hashlib.sha256(image_path.read_bytes()).hexdigest()
    with Image.open(image_path) as im:
        w, h = im.size
    ru = lang == "ru"
    patient = Patient(
        id=1,
        full_name="Петрова Анна Сергеевна" if ru else "Anna Sergeevna Petrova",
        birth_date="1968-04-12",
        sex="female",
        record_number="MRN 0012345 / ОМС 7700 1234 5678 9012" if ru else "MRN 0012345 / policy 7700 1234 5678 9012",
        phone="+7 900 123-45-67",
    )
    analysis = AnalysisRecord(
        id=1, examination_id=1, image_sha256=sha, malignant=0.71, threshold=0.35, decision="malignant",
        model_name="example-model", model_version="0.0.0-example", model_sha256=FAKE_MODEL_SHA,
    )  # fmt: skip
    notes = (
        "Пример направления: изображение синтетическое, пациент и показатели модели вымышлены. "
        "Образование появилось около года назад, со слов пациентки увеличилось за последние 3 месяца."
        if ru
        else "Sample referral: the image is synthetic; the patient and the model figures are invented. "
        "Lesion noticed about a year ago; the patient reports growth over the last 3 months."
    )
    exam = Examination(
        id=1,
        patient_id=1,
        date="2024-03-05",
        referring_doctor="Д-р Иван Смирнов" if ru else "Dr Ivan Smirnov",
        site=LesionSite("back", 0.40, 0.30, ""),
        notes=notes,
        checklist={"method": "abcd", "asymmetry": 2, "border": 5, "colors": 3, "structures": 3},
        urgency="soon",
        referral_number="2024-0305-017",
        images=(ImageRecord(sha, image_path.name, "lesion-back.jpg", w, h),),
        analyses=(analysis,),
    )
    settings = Settings(
        clinic_name="Поликлиника № 1 (пример)" if ru else "Example General Practice",
        clinic_address="ул. Примерная, 1, Москва" if ru else "1 Example Street, Springfield",
        doctor_name=exam.referring_doctor,
        center_name="Онкологический центр (пример)" if ru else "Example Regional Skin Cancer Centre",
        center_contact="+7 495 000-00-00, referrals@example.org",
    )
    test = {
        "n": 896,
        "roc_auc": _ci(0.90, 0.02),
        "sensitivity": _ci(0.85, 0.05),
        "specificity": _ci(0.80, 0.03),
        "accuracy": _ci(0.81, 0.03),
        "balanced_accuracy": _ci(0.825, 0.03),
        "prevalence_matched_accuracy": _ci(0.80, 0.03),
    }
    # Placeholder per-source figures, laid out as a trained model's card has them.
    def source(n: int, auc: float, sens: float, spec: float, per100: float) -> dict[str, object]:
        return {"n": n, "roc_auc": _ci(auc, 0.03), "sensitivity": _ci(sens, 0.05), "specificity": _ci(spec, 0.04),
                "referrals_per_100": per100}

    by_source = {"isic": {"test": source(896, 0.91, 0.88, 0.80, 31)},
                 "derm7pt": {"test": source(303, 0.84, 0.86, 0.62, 52)}}
    unseen = {"source": "derm7pt", "test": source(303, 0.75, 0.80, 0.45, 64)}
    model = ModelInfo(
        name="example-model", version="0.0.0-example", sha256=FAKE_MODEL_SHA, threshold=0.35,
        metrics={"test": test, "by_source": by_source, "unseen_source": unseen}, temperature=1.2,
        val_sensitivity=0.9, val_specificity=0.74, training_data={"sources": {"isic": {}, "derm7pt": {}}},
    )  # fmt: skip
    return ReferralInput(
        patient=patient,
        examination=exam,
        settings=settings,
        image_paths=(image_path,),
        model=model,
        threshold_preset="sens90",
        generated_at=datetime(2024, 3, 5, 11, 30, tzinfo=timezone.utc),
        lang=lang,
    )


def make_sample(out_dir: Path, lang: str = "en") -> tuple[Path, Path | None]:
    """Write the sample PDF (and its first page as PNG when pdftoppm is available)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    pdf = out_dir / "sample-referral.pdf"
    with tempfile.TemporaryDirectory() as tmp:
        image = Path(tmp) / "lesion.jpg"
        synthetic_lesion().save(image, quality=92)
        render_referral(sample_input(image, lang), pdf)
    if shutil.which("pdftoppm") is None:
        print("pdftoppm not found (apt-get install poppler-utils): PNG not written", file=sys.stderr)
        return pdf, None
    stem = out_dir / "sample-referral-page1"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(stem)], check=True
    )
    return pdf, stem.with_suffix(".png")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=["en", "ru"], default="en")
    parser.add_argument("--out-dir", type=Path, default=Path(__file__).resolve().parent)
    args = parser.parse_args()
    for path in make_sample(args.out_dir, args.lang):
        if path:
            print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
