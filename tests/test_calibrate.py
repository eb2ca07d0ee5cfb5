"""``dermassist calibrate`` validates an imported model with the training code's own calibration, and the
output-only out-of-distribution check it fits is used at inference."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import numpy as np
import pytest
from conftest import make_rgb
from model_factory import build_keras_like_onnx
from PIL import Image
from test_cli import dermassist

from dermassist.imaging.loading import load_image
from dermassist.inference.card import card_from_dict, load_card, write_card
from dermassist.inference.session import ModelSession

SIZE = 48


def _models_dir() -> Path:
    return Path(os.environ["DERMASSIST_MODELS_DIR"])


@pytest.fixture
def imported(tmp_path: Path) -> Path:
    """The Keras-shaped model imported with the documented command; returns the installed .onnx."""
    src = tmp_path / "resnet50.onnx"
    build_keras_like_onnx(src, size=SIZE)
    out = dermassist("import-model", str(src), "--preset", "keras-caffe")
    assert out.returncode == 0, out.stderr
    return _models_dir() / "resnet50.onnx"


@pytest.fixture
def labelled(tmp_path: Path, imported: Path) -> Path:
    """A center's folder: images/ and a derm7pt-style labels.csv (image, malignant, split only).

    Labels follow the model's own score with a few flips, so the figures mean something.
    """
    root = tmp_path / "center"
    (root / "images").mkdir(parents=True)
    session = ModelSession(load_card(imported), providers="cpu")
    rows = []
    rng = np.random.default_rng(1)
    for i in range(90):
        rgb = make_rgb(64 + (i % 5) * 7, 50 + (i % 3) * 9, seed=100 + i)
        rgb = np.clip(rgb.astype(int) + rng.integers(-60, 60, 3), 0, 255).astype(np.uint8)
        name = f"images/c{i:03d}.png"
        Image.fromarray(rgb).save(root / name)
        [pred] = session.predict_images([rgb], [name])
        rows.append((name, pred.malignant, ("val", "test", "train")[i % 3]))
    cut = float(np.median([p for _, p, _ in rows]))
    with open(root / "labels.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["image", "malignant", "split"])
        for k, (name, p, split) in enumerate(rows):
            w.writerow([name, int((p > cut) != (k % 11 == 0)), split])
    return root


def _val_probabilities(card_path: Path, root: Path, split: str = "val") -> tuple[np.ndarray, np.ndarray]:
    from dermassist.evaluation.dataset import read_labels

    card = load_card(card_path)
    session = ModelSession(card, providers="cpu")
    samples = read_labels(root, split)
    images = [load_image(s.path, min_size=card.input.decode_min_size).rgb for s in samples]
    preds = session.predict_images(images, [s.path.name for s in samples])
    return np.array([s.malignant for s in samples]), np.array([p.malignant for p in preds])


def test_calibrate_writes_threshold_metrics_and_energy_limit(imported: Path, labelled: Path) -> None:
    before = load_card(imported)
    assert not before.validated and before.threshold == 0.5
    out = dermassist("calibrate", str(imported), "--data", str(labelled))
    assert out.returncode == 0, out.stderr
    card = load_card(imported)
    assert card.validated and card.sha256 == before.sha256
    assert card.threshold != 0.5 and card.output.temperature != 1.0
    for split in ("val", "test"):
        m = card.metrics[split]
        lo, hi = m["roc_auc"]["ci95"]
        assert lo <= m["roc_auc"]["value"] <= hi and m["n"] == 30
    assert card.metrics["calibrated_on"]["split"] == "val" and card.metrics["calibrated_on"]["data"] == "center"
    # The threshold really gives sensitivity >= 0.90 on val with the fitted temperature.
    y, p = _val_probabilities(imported, labelled)
    assert (p[y == 1] >= card.threshold).mean() >= 0.90
    entry = card.extra["ood_output"]
    assert entry["method"] == "energy" and entry["val_pass_rate"] >= 0.96
    assert "val split of center" in entry["fitted_on"]
    assert any("fitted by DermAssist on the val split of 'center'" in x for x in card.limitations)
    ood = card.extra["ood"]  # the exposed features get the feature check: half of val fits, half sets the limit
    assert ood["method"] == "mahalanobis-ledoit-wolf" and "val split of center (15 images)" in ood["fitted_on"]
    assert ood["threshold_from"] == "the other 15 val images" and ood["val_held_out_pass_rate"] >= 0.9
    assert 0 <= ood["test_pass_rate"] <= 1 and (imported.parent / ood["file"]).is_file()
    listed = dermassist("models")
    assert "NOT VALIDATED" not in listed.stdout and "feature check (mahalanobis" in listed.stdout


def test_calibrate_is_the_training_calibration(imported: Path, labelled: Path, tmp_path: Path) -> None:
    """Training's calibrate_and_measure (the export path) and calibrate fit the same temperature and threshold."""
    from dermassist.evaluation.evaluate import calibrate_and_measure

    twin = tmp_path / "twin"
    twin.mkdir()
    card = load_card(imported)
    (twin / imported.name).write_bytes(imported.read_bytes())
    data = card.to_json_dict()
    write_card(card_from_dict(data, twin / "resnet50.json"), twin / "resnet50.json")
    trained = calibrate_and_measure(twin / "resnet50.json", labelled, log=lambda _m: None)
    assert dermassist("calibrate", str(imported), "--data", str(labelled)).returncode == 0
    ours = load_card(imported)
    assert ours.output.temperature == trained["output"]["temperature"] and ours.threshold == trained["threshold"]
    assert ours.operating_points == trained["operating_points"]
    assert ours.metrics["val"]["roc_auc"] == trained["metrics"]["val"]["roc_auc"]


def test_feature_check_runs_at_inference_after_calibrate(imported: Path, labelled: Path) -> None:
    from dermassist.inference.trust import TrustedModel

    rgb = make_rgb(80, 60, seed=5)
    plain = TrustedModel(ModelSession(load_card(imported), providers="cpu")).analyse(rgb)
    assert plain.ood is None and plain.ood_note is not None and plain.ood_note.code == "ood_absent"
    assert dermassist("calibrate", str(imported), "--data", str(labelled)).returncode == 0
    result = TrustedModel(ModelSession(load_card(imported), providers="cpu")).analyse(rgb)
    assert result.ood is not None and result.ood.method == "mahalanobis-ledoit-wolf" and result.ood_note is None


def test_energy_check_where_no_features_can_be_found(tmp_path: Path, labelled: Path) -> None:
    """A graph whose dense layer cannot be traced gives logits only: calibrate fits the energy limit."""
    from dermassist.inference.trust import TrustedModel

    src = tmp_path / "opaque.onnx"
    build_keras_like_onnx(src, size=SIZE, opaque_head=True)
    assert dermassist("import-model", str(src), "--preset", "keras-caffe").returncode == 0
    installed = _models_dir() / "opaque.onnx"
    assert load_card(installed).output.features is None and load_card(installed).output.logits == "dense_logits"
    rgb = make_rgb(80, 60, seed=5)
    assert dermassist("calibrate", str(installed), "--data", str(labelled)).returncode == 0
    card = load_card(installed)
    assert "ood" not in card.extra and card.extra["ood_output"]["method"] == "energy"
    result = TrustedModel(ModelSession(card, providers="cpu")).analyse(rgb)
    assert result.ood is not None and result.ood.method == "energy" and result.ood_note is None
    assert result.ood.threshold == card.extra["ood_output"]["threshold"]
    assert result.trust_extras()["ood"]["method"] == "energy"
    # A limit below this picture's energy flags it, and the warning comes first.
    data = card.to_json_dict()
    data["ood_output"]["threshold"] = result.ood.distance - 1.0
    assert card.path is not None
    write_card(card_from_dict(data, card.path), card.path)
    flagged = TrustedModel(ModelSession(load_card(installed), providers="cpu")).analyse(rgb)
    assert flagged.ood is not None and flagged.ood.flagged and flagged.codes[0] == "ood"
    assert "output-only check (energy" in dermassist("models").stdout


def test_calibrate_refuses_bad_data(imported: Path, tmp_path: Path) -> None:
    out = dermassist("calibrate", str(imported), "--data", str(tmp_path))
    assert out.returncode == 2 and "no labels.csv" in out.stderr
    (tmp_path / "labels.csv").write_text("image,malignant,split\nimages/a.png,1,val\n", encoding="utf-8")
    out = dermassist("calibrate", str(imported), "--data", str(tmp_path))
    assert out.returncode == 2 and "at least 10 images of both classes" in out.stderr and "Traceback" not in out.stderr
    assert not load_card(imported).validated


def test_evaluate_write_card_records_the_figures(imported: Path, labelled: Path) -> None:
    out = dermassist("evaluate", str(imported), "--data", str(labelled), "--split", "test", "--write-card")
    assert out.returncode == 0, out.stderr
    card = load_card(imported)
    assert card.metrics["test"]["n"] == 30 and card.metrics["evaluated_on"]["splits"] == ["test"]
    assert "note" not in card.metrics and not card.validated  # measured, but the threshold is still the default
    assert json.loads(json.dumps(card.metrics))["test"]["roc_auc"]["ci95"]


def _referral_text(card_path: Path, tmp_path: Path, lang: str = "en") -> str:
    from dataclasses import replace

    from test_report_support import flat, lesion_jpeg, make_input, pdftotext

    from dermassist.reports.referral import model_info, render_referral

    card = load_card(card_path)
    data = make_input([lesion_jpeg(tmp_path / "l.jpg")], lang=lang)
    exam = data.examination
    analysis = replace(exam.analyses[0], model_sha256=card.sha256, threshold=card.threshold)
    data = replace(data, examination=replace(exam, analyses=(analysis,)), model=model_info(analysis, card, "card"))
    return flat(pdftotext(render_referral(data, tmp_path / f"ref-{lang}.pdf")))


def test_pdf_and_result_panel_say_not_validated_until_calibrated(
    imported: Path, labelled: Path, tmp_path: Path, qtbot  # type: ignore[no-untyped-def]
) -> None:
    pytest.importorskip("PySide6")
    from dermassist.ui.result_panel import ResultPanel

    text = _referral_text(imported, tmp_path)
    assert "Not validated: the threshold is a default" in text and "Imported external model" in text
    assert "Calibration temperature" not in text
    assert "Не проверена: порог установлен по умолчанию" in _referral_text(imported, tmp_path, "ru")
    panel = ResultPanel("en")
    qtbot.addWidget(panel)
    shown = panel.metrics_text(load_card(imported))
    assert shown.startswith("Not validated: the threshold is a default") and "Imported external model" in shown
    assert dermassist("calibrate", str(imported), "--data", str(labelled)).returncode == 0
    text = _referral_text(imported, tmp_path)
    assert "Not validated" not in text and "Calibration temperature" in text
    assert "fitted by DermAssist on the val split of 'center'" in text and "held-out test set (n = 30)" in text
    shown = panel.metrics_text(load_card(imported))
    assert "Not validated" not in shown and "Tested on 30 images" in shown


def test_fitted_figures_are_those_of_the_stored_temperature() -> None:
    """The card keeps the temperature to 4 decimals; threshold and figures must hold at that value,
    or a malignant lesion sitting on the threshold is counted differently by `evaluate`."""
    from dataclasses import dataclass

    from dermassist.evaluation.calibration import card_with_calibration, fit_calibration
    from dermassist.evaluation.metrics import apply_temperature

    @dataclass
    class Split:
        y: np.ndarray
        p: np.ndarray
        logp: np.ndarray
        failures: int = 0

    rng = np.random.default_rng(3)
    y = (rng.random(400) < 0.3).astype(int)
    z = rng.normal(1.2 * y - 0.6, 1.0)
    logp = np.stack([-np.logaddexp(0, z), z - np.logaddexp(0, z)], axis=1)
    split = Split(y, np.exp(logp[:, 1]), logp)
    cal = fit_calibration("val", {"val": split}, n_boot=20)
    card = card_with_calibration({"output": {"temperature": 1.0}}, cal)
    assert cal.temperature == card["output"]["temperature"]
    p = apply_temperature(logp, card["output"]["temperature"])[:, 1]
    flagged = p[y == 1] >= card["threshold"]
    assert flagged.mean() >= 0.90
    assert round(flagged.mean(), 4) == cal.metrics["val"]["sensitivity"]["value"]
