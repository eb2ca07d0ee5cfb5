"""One trusted analysis: warnings before probabilities, operating points, confidence band, TTA, the record."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from conftest import make_rgb
from model_factory import make_tiny_model
from PIL import Image

from dermassist.inference.card import ModelCard, card_from_dict, write_card
from dermassist.inference.ood import sidecar_path
from dermassist.inference.session import ModelSession
from dermassist.inference.trust import TrustedModel
from dermassist.inference.trust_text import confidence_sentence, per_100_sentence, preset_name
from dermassist.inference.uncertainty import (
    band_limits,
    confidence,
    odds_factor_for,
    operating_point,
    presets,
)
from dermassist.trust.ood_fit import fit

METRICS = {"val": {"n": 1048, "sensitivity": {"value": 0.905, "ci95": [0.85, 0.94]},
                   "specificity": {"value": 0.62, "ci95": [0.59, 0.65]}}}  # fmt: skip
POINTS = {
    "sens90": {"threshold": 0.21, "val_sensitivity": 0.905, "val_specificity": 0.62},
    "sens95": {"threshold": 0.12, "val_sensitivity": 0.953, "val_specificity": 0.41},
}


def with_card(card: ModelCard, **changes: object) -> ModelCard:
    data = card.to_json_dict() | changes
    assert card.path is not None
    write_card(card_from_dict(data, card.path), card.path)
    return card_from_dict(data, card.path)


@pytest.fixture
def cam_model(tmp_path: Path) -> ModelCard:
    card = make_tiny_model(tmp_path / "m", with_cam=True)
    return with_card(card, threshold=0.21, operating_points=POINTS, metrics=METRICS)


def lesion(size: int = 96, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    img = make_rgb(size, size, seed).astype(np.float32) + rng.normal(0, 8, (size, size, 1))
    return np.clip(img, 0, 255).astype(np.uint8)


def test_band_is_symmetric_in_odds() -> None:
    low, high = band_limits(0.2, 2.0)
    assert low == pytest.approx(1 / 9) and high == pytest.approx(1 / 3)
    assert confidence(0.2, 0.2).band == "uncertain" and confidence(0.34, 0.2).band == "above"
    assert confidence(0.1, 0.2).band == "below" and confidence(0.2, 0.2).uncertain
    wide = band_limits(0.2, 4.0)
    assert wide[0] < low and wide[1] > high


def test_operating_points_in_a_gps_terms(cam_model: ModelCard) -> None:
    assert presets(cam_model) == ("card", "sens90", "sens95")
    p95 = operating_point(cam_model, "sens95")
    assert (p95.threshold, p95.flagged_per_100, p95.referred_benign_per_100) == (0.12, 95, 59)
    card_point = operating_point(cam_model, "card")
    assert card_point.threshold == 0.21
    assert (card_point.flagged_per_100, card_point.referred_benign_per_100) == (90, 38)
    assert operating_point(cam_model, "nonsense").preset == "card"
    en, ru = per_100_sentence(p95, "en"), per_100_sentence(p95, "ru")
    assert "of 100 malignant" in en and "about 95" in en and "about 59" in en
    assert "из 100 злокачественных" in ru and "95" in ru and "59" in ru
    assert "not available" in per_100_sentence(operating_point(with_card(cam_model, metrics={}), "card"))
    assert preset_name("sens95", "ru") != preset_name("sens95", "en") and "x1" in preset_name("x1")


def test_analysis_matches_the_plain_prediction_and_keeps_the_cam(cam_model: ModelCard) -> None:
    session = ModelSession(cam_model, providers="cpu")
    trusted = TrustedModel(session)
    img = lesion()
    a = trusted.analyse(img, "x.jpg", preset="sens95")
    plain = session.predict_images([img], ["x.jpg"])[0]
    assert a.malignant == pytest.approx(plain.malignant, abs=1e-9)
    assert a.prediction.threshold == 0.12 and a.point.preset == "sens95"
    assert a.cam is not None and a.cam.shape == (16, 16)
    assert a.ood is None and a.ood_note is not None and a.ood_note.code == "ood_absent"
    assert a.warnings == ()  # no OOD statistics is a note, not a reason to stop
    assert a.confidence.band == confidence(a.malignant, 0.12).band


def test_tta_averages_the_eight_views(cam_model: ModelCard) -> None:
    session = ModelSession(cam_model, providers="cpu")
    trusted = TrustedModel(session)
    img = lesion(seed=3)
    a = trusted.analyse(img, tta=True)
    from dermassist.inference.preprocess import preprocess
    from dermassist.inference.uncertainty import tta_batch

    views = session.run(tta_batch(preprocess(img, cam_model.input), "NCHW")).probabilities[:, 1]
    assert a.tta and a.malignant == pytest.approx(float(views.mean()))
    assert len(set(np.round(views, 6))) > 1  # the views really differ
    assert a.cam is not None and a.cam.shape == (16, 16)


def test_quality_and_ood_warnings_come_with_words_and_reach_the_record(cam_model: ModelCard) -> None:
    session = ModelSession(cam_model, providers="cpu")
    rng = np.random.default_rng(0)
    train = [lesion(seed=s) for s in range(40)]
    from dermassist.trust.features import outputs_for_images

    feats = outputs_for_images(session, train).features
    model = fit(feats[:30] + rng.normal(0, 1e-3, feats[:30].shape), feats[30:], 99.0)
    sidecar = sidecar_path(cam_model.model_path)
    sidecar.write_bytes(model.to_bytes())
    from dermassist.inference.ood import card_entry

    card = with_card(cam_model, ood=card_entry(model, sidecar))
    trusted = TrustedModel(ModelSession(card, providers="cpu"))
    assert trusted.ood is not None and trusted.ood_problem is None
    dark_document = np.full((24, 60, 3), 20, np.uint8)
    dark_document[10:12, 5:55] = 0
    a = trusted.analyse(dark_document, "doc.png")
    assert a.codes[0] == "ood" and {"small", "dark"} <= set(a.codes)  # unlike the training pictures: said first
    assert a.ood is not None and a.ood.flagged
    rec = a.to_record(7, "ab" * 32, lang="ru", overridden=True)
    assert rec.warnings_overridden and rec.warnings == a.messages("ru") and "тёмный" in " ".join(rec.warnings)
    trust = rec.extras["trust"]
    assert trust["warning_codes"] == list(a.codes) and trust["ood"]["threshold"] == pytest.approx(model.threshold, 1e-3)
    assert len(trust["cam"]) == 16 and rec.extras["threshold_preset"] == "card"
    json.dumps(rec.extras)  # storable as JSON
    clean = trusted.analyse(lesion(seed=2)).to_record(7, "cd" * 32, overridden=True)
    assert not clean.warnings and not clean.warnings_overridden  # nothing to override


def test_a_tampered_sidecar_is_a_warning_not_a_crash(cam_model: ModelCard) -> None:
    rng = np.random.default_rng(0)
    model = fit(np.abs(rng.normal(size=(50, 4))), np.abs(rng.normal(size=(20, 4))))
    sidecar = sidecar_path(cam_model.model_path)
    sidecar.write_bytes(model.to_bytes())
    from dermassist.inference.ood import card_entry

    card = with_card(cam_model, ood=card_entry(model, sidecar))
    sidecar.write_bytes(b"tampered")
    a = TrustedModel(ModelSession(card, providers="cpu")).analyse(lesion())
    assert a.codes[0] == "ood_broken" and "sha256" in a.messages()[0]


def test_confidence_sentences() -> None:
    c = confidence(0.2, 0.2)
    assert "Low confidence" in confidence_sentence(c) and "11.1%" in confidence_sentence(c)
    assert "Низкая уверенность" in confidence_sentence(c, "ru") and "11,1" in confidence_sentence(c, "ru")
    assert "above" in confidence_sentence(confidence(0.9, 0.2))


def test_card_may_set_its_own_band(cam_model: ModelCard) -> None:
    assert odds_factor_for(cam_model) == 2.0
    assert odds_factor_for(with_card(cam_model, uncertainty={"odds_factor": 3.0})) == 3.0


def test_check_image_command_warns_before_the_probability(tmp_path: Path) -> None:
    card = make_tiny_model(tmp_path / "models", with_cam=True)
    dark = tmp_path / "dark.png"
    Image.fromarray(np.full((60, 80, 3), 15, np.uint8)).save(dark)
    model = ["--model", str(card.model_path)]
    out = subprocess.run(
        [sys.executable, "-m", "dermassist", "check-image", *model, str(dark), str(tmp_path / "missing.jpg")],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert out.returncode == 1 and "missing.jpg" in out.stderr
    text = out.stdout
    assert text.index("WARNING: The picture is too dark") < text.index("malignant ")
    assert "not a diagnosis" in text and "tiny-test-model" in text
    js = subprocess.run(
        [sys.executable, "-m", "dermassist", "check-image", "--json", *model, str(dark)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    record = json.loads(js.stdout)
    assert "dark" in record["warning_codes"] and record["model"]["name"] == "tiny-test-model"


def test_measure_trust_runs_every_measurement(tmp_path: Path) -> None:
    """The docs' figures come from one command; here on generated pictures with the tiny model."""
    pytest.importorskip("skimage")
    from test_ood import fake_isic

    card = make_tiny_model(tmp_path / "m", with_cam=True)
    data = fake_isic(tmp_path / "isic", per_split=8)
    run = [sys.executable, "-m", "dermassist"]
    fit_out = subprocess.run([*run, "fit-ood", str(card.model_path), "--data", str(data), "--no-cache"],
                             capture_output=True, text=True, timeout=300)  # fmt: skip
    assert fit_out.returncode == 0, fit_out.stderr
    out = tmp_path / "trust.json"
    args = ["measure-trust", str(card.model_path), "--data", str(data), "--cache", str(tmp_path / "cache")]
    res = subprocess.run([*run, *args, "--out", str(out)], capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stderr
    report = json.loads(out.read_text())
    assert report["model"]["sha256"] == card.sha256
    assert report["ood"]["probe_n"] >= 200 and 0 <= report["ood"]["probe_flag_rate"] <= 1
    assert report["quality"]["n"] == 8 and report["quality"]["darkened_flag_rate"] == 1.0
    zones = report["band"]["test"]["card"]["zones"]
    assert sum(z["n"] for z in zones.values()) == 8
    assert report["heatmap"]["n"] + report["heatmap"]["no_lesion_mask"] == 8
    assert report["tta"]["views"] == 8 and report["tta"]["latency_ms_median_tta"] > 0
