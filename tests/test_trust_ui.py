"""The workstation's trust features: warnings before any probability, the doctor's choice recorded, the heatmap
overlay with its opacity slider, the confidence band and the operating point in words, and the settings."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from conftest import make_rgb
from model_factory import make_tiny_model
from PIL import Image

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from test_ui_workstation import add_file, click, close_window, create_patient_with_exam, open_window  # noqa: E402

from dermassist.inference.card import ModelCard, card_from_dict, write_card  # noqa: E402
from dermassist.inference.ood import card_entry, sidecar_path  # noqa: E402
from dermassist.trust.ood_fit import fit  # noqa: E402
from dermassist.trust.ood_probe import document  # noqa: E402

POINTS = {
    "sens90": {"threshold": 0.3, "val_sensitivity": 0.9, "val_specificity": 0.6},
    "sens95": {"threshold": 0.2, "val_sensitivity": 0.95, "val_specificity": 0.45},
}
METRICS = {"val": {"sensitivity": {"value": 0.9}, "specificity": {"value": 0.6}}}


def lesion(seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    img = make_rgb(96, 80, seed).astype(np.float32) + rng.normal(0, 8, (80, 96, 1))
    return np.clip(img, 0, 255).astype(np.uint8)


@pytest.fixture
def trusted_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ModelCard:
    """The tiny model with a CAM output, operating points and OOD statistics fitted on lesion-like pictures."""
    from dermassist.inference.session import ModelSession
    from dermassist.trust.features import outputs_for_images

    folder = tmp_path / "models"
    card = make_tiny_model(folder, with_cam=True)
    feats = outputs_for_images(ModelSession(card, "cpu"), [lesion(s) for s in range(60)]).features
    model = fit(feats[:40], feats[40:], 99.0)
    sidecar = sidecar_path(card.model_path)
    sidecar.write_bytes(model.to_bytes())
    data = card.to_json_dict() | {
        "threshold": 0.3, "operating_points": POINTS, "metrics": METRICS, "ood": card_entry(model, sidecar),
        "default": True,  # wins over a trained model shipped in the project's models/ folder
    }
    assert card.path is not None
    write_card(card_from_dict(data, card.path), card.path)
    monkeypatch.setenv("DERMASSIST_MODELS_DIR", str(folder))
    return card_from_dict(data, card.path)


def save(tmp_path: Path, name: str, rgb: np.ndarray) -> Path:
    path = tmp_path / name
    Image.fromarray(rgb).save(path)
    return path


def test_non_dermoscopy_picture_warns_before_any_probability(qtbot, monkeypatch, tmp_path, trusted_model) -> None:
    win = open_window(qtbot, tmp_path / "data")
    assert win.models.ready, win.models.error
    view = create_patient_with_exam(win, qtbot, monkeypatch)
    add_file(view, qtbot, monkeypatch, save(tmp_path, "letter.png", document(3)))
    click(qtbot, view.result.analyse_button)
    qtbot.waitUntil(lambda: view.result.warn_box.isVisible() and not view.result.is_busy(), timeout=20000)
    panel = view.result
    assert "does not look like the dermoscopy images" in panel.warn_label.text()
    assert panel.record is None and panel.result_box.isHidden()  # no probability on screen
    assert not view.exam.analyses  # nothing stored until the doctor decides
    assert not view.images.viewer.has_overlay()
    actions = [a.action for a in win.store.list_audit()]
    assert "analysis-warned" in actions

    click(qtbot, panel.override_button)
    qtbot.waitUntil(lambda: panel.record is not None, timeout=5000)
    rec = panel.record
    assert rec.warnings_overridden and rec.warnings and "ood" in rec.extras["trust"]["warning_codes"]
    assert "despite" in panel.warnings_label.text() and panel.warn_box.isHidden()
    assert view.exam.analyses[-1].warnings_overridden
    # The warning is as prominent as the result: first in the headline, never a green box alone, and in the list.
    from dermassist.ui.result_panel import BELOW_STYLE

    headline = panel.decision.text()
    assert headline.startswith("<b>⚠") and "despite warnings" in headline.split("<br>")[0]
    assert panel.decision.styleSheet() != BELOW_STYLE
    assert "⚠" in win.patient_view.exams.currentItem().text()
    assert "picture warnings" in win.patient_view.exams.currentItem().text()
    audit = {a.action: a.details for a in win.store.list_audit()}
    assert "ood" in audit["analyse-despite-warnings"] and "analysis" in audit["analyse-despite-warnings"]
    # The heatmap lies over the picture and follows the opacity slider.
    viewer = view.images.viewer
    assert viewer.has_overlay() and view.images.heat_check.isEnabled()
    view.images.heat_opacity.setValue(80)
    assert viewer.overlay_opacity() == pytest.approx(0.8)
    view.images.heat_check.setChecked(False)
    assert not viewer.has_overlay()
    view.images.heat_check.setChecked(True)
    assert viewer.has_overlay()
    # Confidence and the operating point in words.
    assert panel.confidence_label.text()
    assert "of 100 malignant lesions" in panel.per100_label.text() and "about 90" in panel.per100_label.text()
    close_window(win)


def test_declining_stores_nothing_and_is_audited(qtbot, monkeypatch, tmp_path, trusted_model) -> None:
    win = open_window(qtbot, tmp_path / "data")
    view = create_patient_with_exam(win, qtbot, monkeypatch)
    add_file(view, qtbot, monkeypatch, save(tmp_path, "page.png", document(4)))
    click(qtbot, view.result.analyse_button)
    qtbot.waitUntil(lambda: view.result.warn_box.isVisible(), timeout=20000)
    click(qtbot, view.result.decline_button)
    assert not view.exam.analyses and view.result.warn_box.isHidden()
    assert "Not analysed" in view.result.notice.text()
    assert "analysis-declined" in [a.action for a in win.store.list_audit()]
    close_window(win)


def test_a_good_picture_goes_straight_to_the_result_with_its_heatmap(qtbot, monkeypatch, tmp_path, trusted_model):
    win = open_window(qtbot, tmp_path / "data")
    view = create_patient_with_exam(win, qtbot, monkeypatch)
    add_file(view, qtbot, monkeypatch, save(tmp_path, "lesion.png", lesion(99)))
    click(qtbot, view.result.analyse_button)
    qtbot.waitUntil(lambda: view.result.record is not None and not view.result.is_busy(), timeout=20000)
    rec = view.result.record
    assert not rec.warnings and not rec.warnings_overridden and view.result.warn_box.isHidden()
    assert rec.extras["trust"]["ood"]["flagged"] is False and len(rec.extras["trust"]["cam"]) == 16
    assert view.images.viewer.has_overlay()
    close_window(win)


def test_settings_explain_the_preset_and_store_tta(qtbot, trusted_model) -> None:
    from dermassist.records.settings import Settings, load_settings
    from dermassist.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(Settings(), trusted_model)
    qtbot.addWidget(dialog)
    assert "about 90" in dialog.preset_meaning.text() and "30.0%" in dialog.preset_meaning.text()
    dialog.preset.setCurrentIndex(dialog.preset.findData("sens95"))
    assert "about 95" in dialog.preset_meaning.text() and "about 55" in dialog.preset_meaning.text()
    dialog.tta.setChecked(True)
    dialog.save()
    stored = load_settings()
    assert stored.threshold_preset == "sens95" and stored.tta is True


def test_result_panel_band_for_an_older_record(qtbot) -> None:
    from dermassist.records.models import AnalysisRecord
    from dermassist.ui.result_panel import UNCERTAIN_STYLE, ResultPanel

    panel = ResultPanel("ru")
    qtbot.addWidget(panel)
    rec = AnalysisRecord(1, 1, "ab" * 32, 0.25, 0.3, "benign", "m", "1", "cd" * 32)
    panel.show_record(rec, None)
    assert "Низкая уверенность" in panel.confidence_label.text()
    assert panel.confidence_label.styleSheet() == UNCERTAIN_STYLE and panel.per100_label.isHidden()
