"""The shipped model's card says what `dermassist evaluate` measures, source by source.

Needs ../shared/data/isic and ../shared/data/derm7pt beside the project; skipped without them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dermassist.evaluation.evaluate import evaluate
from dermassist.inference.card import load_card

ROOT = Path(__file__).resolve().parent.parent


def test_evaluate_reproduces_the_cards_per_source_figures(isic_dir: Path) -> None:
    derm7pt = isic_dir.parent / "derm7pt"
    if not (derm7pt / "labels.csv").is_file():
        pytest.skip(f"Derm7pt data folder not present at {derm7pt}")
    cards = sorted((ROOT / "models").glob("*.json"))
    if not cards:
        pytest.skip("no trained model in models/")
    card = load_card(cards[-1])
    report = evaluate(card, [isic_dir, derm7pt], ["val", "test"], None, log=lambda _: None)
    recorded = card.metrics["by_source"]
    assert set(report["by_source"]) == {"isic", "derm7pt"} <= set(recorded)
    # val too: a malignant lesion sits on the threshold there by construction, so any drift between the
    # fit and the app's own run (e.g. an unrounded temperature) shows as a different sensitivity.
    for source, splits in report["by_source"].items():
        for split in ("val", "test"):
            measured, written = splits[split], recorded[source][split]
            assert measured["n"] == written["n"]
            for key in ("roc_auc", "sensitivity", "specificity"):
                assert measured[key]["value"] == pytest.approx(written[key]["value"], abs=1e-3), (source, split, key)
            assert measured["referrals_per_100"] == pytest.approx(written["referrals_per_100"], abs=0.2)
    # The threshold keeps sensitivity >= 0.90 on each source's val split, as measured by the app itself.
    for source in ("isic", "derm7pt"):
        assert report["by_source"][source]["val"]["sensitivity"]["value"] >= 0.90
    assert card.metrics["unseen_source"]["source"] == "derm7pt"
