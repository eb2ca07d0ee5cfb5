"""Per-source model performance: read from the card, shown on screen and printed on the referral."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from test_report_support import MODEL_SHA, flat, lesion_jpeg, make_input, pdftotext

from dermassist.inference.performance import performance_lines, source_figures
from dermassist.reports.referral import ModelInfo, render_referral


def _m(value: float) -> dict[str, Any]:
    return {"value": value, "ci95": [value - 0.02, value + 0.02]}


def _split(n: int, auc: float, sens: float, spec: float, per100: float) -> dict[str, Any]:
    return {"n": n, "n_malignant": n // 5, "roc_auc": _m(auc), "sensitivity": _m(sens), "specificity": _m(spec),
            "referrals_per_100": per100}


METRICS = {
    "test": _split(1199, 0.93, 0.9, 0.8, 31.0),
    "by_source": {"isic": {"test": _split(896, 0.941, 0.886, 0.812, 28.0)},
                  "derm7pt": {"test": _split(303, 0.871, 0.853, 0.702, 45.0)}},
    "unseen_source": {"source": "derm7pt", "trained_without": True, "test": _split(303, 0.781, 0.744, 0.655, 48.0)},
}
TRAINING = {"sources": {"isic": {}, "derm7pt": {}}}


def test_figures_per_source_and_unseen_last() -> None:
    figs = source_figures(METRICS, TRAINING)
    assert [(f.source, f.unseen) for f in figs] == [("isic", False), ("derm7pt", False), ("derm7pt", True)]
    assert figs[1].roc_auc == pytest.approx(0.871) and figs[1].trained_on
    assert not figs[2].trained_on


def test_lines_in_english_and_russian() -> None:
    en = performance_lines(METRICS, TRAINING, "en")
    assert len(en) == 3
    assert "ISIC archive" in en[0] and "0.89" in en[0] and "28 referrals per 100" in en[0]
    assert en[2].startswith("A clinic it was never trained on") and "0.78" in en[2]
    ru = performance_lines(METRICS, TRAINING, "ru")
    assert "чувствительность 0,85" in ru[1] and "Derm7pt" in ru[1]
    assert "не обучалась" in ru[2] and "0,78" in ru[2]


def test_no_per_source_figures_in_an_old_card() -> None:
    assert performance_lines({"test": _split(896, 0.9, 0.9, 0.7, 30)}, {}, "en") == []


def test_referral_prints_every_source_and_the_unseen_one(tmp_path: Path) -> None:
    data = make_input([lesion_jpeg(tmp_path / "l.jpg")], malignant=0.4)
    model = ModelInfo("derm-net", "2.0.0", MODEL_SHA, 0.3, metrics=METRICS, training_data=TRAINING)
    text = flat(pdftotext(render_referral(replace(data, model=model), tmp_path / "r.pdf")))
    assert "Each image source separately" in text
    assert "Derm7pt atlas (other clinics and dermatoscopes): 303 test images, sensitivity 0.85" in text
    assert "A clinic it was never trained on (Derm7pt" in text and "ROC AUC 0.78" in text


def test_result_panel_shows_each_source(qtbot) -> None:
    from types import SimpleNamespace

    from dermassist.ui.result_panel import ResultPanel

    panel = ResultPanel("en")
    qtbot.addWidget(panel)
    text = panel.metrics_text(SimpleNamespace(metrics=METRICS, training_data=TRAINING))
    assert "Tested on 1199 images" in text
    assert "Derm7pt atlas (other clinics and dermatoscopes): 303 test images" in text
    assert "A clinic it was never trained on" in text
