"""The referral PDF carries the trust details: heatmap, warnings and the choice, confidence, operating point."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pytest
from conftest import make_rgb
from model_factory import make_tiny_model
from PIL import Image
from test_report_support import flat, pdftotext, tool

from dermassist.inference.card import card_from_dict, write_card
from dermassist.inference.session import ModelSession
from dermassist.inference.trust import TrustedModel
from dermassist.records.models import Examination, Patient
from dermassist.records.settings import Settings
from dermassist.records.store import RecordStore
from dermassist.reports.referral import export_referral, referral_from_store
from dermassist.trust.report import HEATMAP_DIR, heatmap_files, warning_texts

POINTS = {"sens95": {"threshold": 0.2, "val_sensitivity": 0.95, "val_specificity": 0.45}}


@pytest.fixture
def store_with_analysis(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A stored examination whose small, dark picture was analysed despite the warnings."""
    folder = tmp_path / "models"
    card = make_tiny_model(folder, with_cam=True)
    assert card.path is not None
    data = card.to_json_dict() | {"operating_points": POINTS, "default": True}
    write_card(card_from_dict(data, card.path), card.path)
    card = card_from_dict(data, card.path)
    monkeypatch.setenv("DERMASSIST_MODELS_DIR", str(folder))
    picture = tmp_path / "dark.png"
    rgb = (make_rgb(120, 90) * 0.2).astype(np.uint8)
    Image.fromarray(rgb).save(picture)
    store = RecordStore.open(tmp_path / "data")
    patient = store.add_patient(Patient(None, "Петрова Анна", "1970-02-03", "female"))
    exam = store.add_examination(Examination(None, patient.id, "2024-05-01"))
    image = store.add_image(exam.id, picture)
    analysis = TrustedModel(ModelSession(card, "cpu")).analyse(rgb, "dark.png", preset="sens95")
    assert "dark" in analysis.codes
    store.add_analysis(analysis.to_record(exam.id, image.sha256, lang="en", overridden=True))
    yield store, exam.id
    store.close()


def test_referral_gets_heatmap_and_translated_warnings(store_with_analysis, tmp_path: Path) -> None:
    store, exam_id = store_with_analysis
    data = referral_from_store(store, exam_id, Settings(threshold_preset="sens95"), lang="ru")
    sha = data.examination.images[0].sha256
    heat = data.heatmaps[sha]
    assert heat.parent == store.data_dir / HEATMAP_DIR and heat.is_file()
    with Image.open(heat) as im:
        assert im.size == (120, 90)
    assert any("тёмный" in w for w in data.warnings) and data.warnings_overridden
    assert data.threshold_preset == "sens95"
    # The file is made once and reused.
    mtime = heat.stat().st_mtime_ns
    again = heatmap_files(data.examination.analyses, {sha: data.image_paths[0]}, store.data_dir / HEATMAP_DIR)
    assert again[sha] == heat and heat.stat().st_mtime_ns == mtime
    # An explicit (even empty) mapping is respected.
    assert referral_from_store(store, exam_id, Settings(), heatmaps={}).heatmaps == {}
    english = warning_texts(data.examination.analyses[0], "en")
    assert any("too dark" in w for w in english)


def test_pdf_shows_heatmap_warnings_choice_confidence_and_per_100(store_with_analysis, tmp_path: Path) -> None:
    store, exam_id = store_with_analysis
    out = export_referral(store, exam_id, Settings(threshold_preset="sens95"), tmp_path / "r.pdf", lang="en")
    text = flat(pdftotext(out))
    assert "Heatmap of image 1" in text
    assert "The picture is too dark" in text and "analysed anyway" in text  # the warning and the doctor's choice
    assert "Clearly above the referral threshold." in text  # the confidence band in words
    assert "sensitivity 95% on validation" in text and "of 100 malignant lesions about 95" in text  # preset and per 100
    listing = subprocess.run([tool("pdfimages"), "-list", str(out)], capture_output=True, text=True, check=True)
    images = [line for line in listing.stdout.splitlines()[2:] if line.strip()]
    assert len(images) >= 2  # the picture and its heatmap
    ru = export_referral(store, exam_id, Settings(threshold_preset="sens95"), tmp_path / "r-ru.pdf", lang="ru")
    ru_text = flat(pdftotext(ru))
    assert "тёмный" in ru_text and ("уверенность" in ru_text or "порога" in ru_text)
