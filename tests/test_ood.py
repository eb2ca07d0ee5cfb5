"""Out-of-distribution check: fitting, the sidecar file and its card entry, and real-data pass/flag rates."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import pytest
from conftest import ROOT, make_rgb
from PIL import Image

from dermassist.inference import ood
from dermassist.inference.card import ModelCard, load_card, sha256_file
from dermassist.trust import ood_fit

FEATURE_CACHE = Path(tempfile.gettempdir()) / "dermassist-feature-cache"


def test_fit_passes_its_own_kind_and_flags_a_shifted_kind() -> None:
    rng = np.random.default_rng(0)
    mix = rng.normal(0, 1, (20, 20))
    train = np.abs(rng.normal(0, 1, (2000, 20)) @ mix)
    val = np.abs(rng.normal(0, 1, (500, 20)) @ mix)
    other = np.abs(rng.normal(0, 1, (500, 20)) @ mix)
    other[:, :10] = 0  # another kind of picture: half the feature channels stay silent
    model = ood_fit.fit(train, val, percentile=99.0)
    assert 0.0 <= model.shrinkage <= 1.0
    assert (model.distances(val) <= model.threshold).mean() == pytest.approx(0.99, abs=0.003)
    fresh = np.abs(rng.normal(0, 1, (1000, 20)) @ mix)
    assert (model.distances(fresh) <= model.threshold).mean() > 0.96
    assert (model.distances(other) > model.threshold).mean() > 0.95
    one = model.check(other[0])
    assert one.flagged == (one.ratio > 1) and one.threshold == model.threshold


def test_ledoit_wolf_shrinks_more_when_samples_are_few() -> None:
    rng = np.random.default_rng(1)
    few = ood_fit.ledoit_wolf(rng.normal(0, 1, (30, 50)))[2]
    many = ood_fit.ledoit_wolf(rng.normal(0, 1, (5000, 50)) * np.linspace(0.2, 3, 50))[2]
    assert few > many and 0 <= many < 0.1


def test_feature_transforms() -> None:
    x = np.array([[0.0, 1.0, 16.0, -4.0]])
    assert np.allclose(ood.transform_features(x, "sqrt"), [[0, 1, 4, 0]])
    assert np.allclose(ood.transform_features(x, "pow:0.5"), ood.transform_features(x, "sqrt"))
    assert np.allclose(ood.transform_features(x, "pow:0.75"), [[0, 1, 8, 0]])  # negatives clipped, as sqrt
    assert ood.transform_features(x, "none") is x
    for bad in ("pow:0", "pow:1.5", "pow:x", "cube", "pow"):
        with pytest.raises(ood.OodError, match="unknown feature transform"):
            ood.transform_features(x, bad)
    assert ood.TRANSFORM == "sqrt"  # the default; the shipped 2.2.0 fit chose pow:0.75 (docs/trust.md)


def test_fit_keeps_its_transform_in_the_sidecar(tmp_path: Path) -> None:
    rng = np.random.default_rng(3)
    train, val = np.abs(rng.normal(size=(300, 8))) ** 3, np.abs(rng.normal(size=(100, 8))) ** 3
    models = {t: ood_fit.fit(train, val, 97.0, t) for t in ("none", "sqrt", "pow:0.75")}
    x = np.abs(rng.normal(size=(5, 8))) ** 3
    assert not np.allclose(models["none"].distances(x), models["pow:0.75"].distances(x))
    path = tmp_path / "m.ood.npz"
    path.write_bytes(models["pow:0.75"].to_bytes())
    back = ood.OodModel.from_file(path)
    assert back.transform == "pow:0.75"
    assert np.allclose(back.distances(x), models["pow:0.75"].distances(x), rtol=1e-3)
    with pytest.raises(ood.OodError):
        ood_fit.fit(train, val, 97.0, "pow:2")


def test_sidecar_round_trip(tmp_path: Path) -> None:
    rng = np.random.default_rng(2)
    model = ood_fit.fit(np.abs(rng.normal(size=(300, 8))), np.abs(rng.normal(size=(100, 8))), 97.5)
    path = tmp_path / "m.ood.npz"
    path.write_bytes(model.to_bytes())
    back = ood.OodModel.from_file(path)
    x = np.abs(rng.normal(size=(10, 8)))
    assert np.allclose(back.distances(x), model.distances(x), rtol=1e-3)
    assert back.percentile == 97.5 and back.n_train == 300 and back.threshold == model.threshold
    with pytest.raises(ood.OodError, match="values"):
        back.distances(np.zeros((1, 9)))
    (tmp_path / "bad.npz").write_bytes(b"not numpy")
    with pytest.raises(ood.OodError, match="not a readable"):
        ood.OodModel.from_file(tmp_path / "bad.npz")


def fake_isic(folder: Path, per_split: int = 6) -> Path:
    """A labels.csv with generated pictures in the shared folder's layout (no real data needed)."""
    (folder / "images").mkdir(parents=True)
    lines = ["image,isic_id,source,lesion_id,diagnosis,malignant,dx_type,age,sex,site,split"]
    k = 0
    for split in ("train", "val", "test"):
        for i in range(per_split):
            name = f"images/X_{k:04d}.jpg"
            Image.fromarray(make_rgb(64, 48, seed=k)).save(folder / name)
            lines.append(f"{name},X_{k:04d},fake,,nv,{i % 2},,50,female,,{split}")
            k += 1
    (folder / "labels.csv").write_text("\n".join(lines) + "\n")
    return folder


def dermassist(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "dermassist", *args], capture_output=True, text=True, timeout=300)


def test_fit_ood_writes_sidecar_and_card_entry(tiny_model: ModelCard, tmp_path: Path) -> None:
    data = fake_isic(tmp_path / "isic")
    onnx_sha = sha256_file(tiny_model.model_path)
    out = dermassist("fit-ood", str(tiny_model.model_path), "--data", str(data), "--cache", str(tmp_path / "cache"))
    assert out.returncode == 0, out.stderr
    sidecar = tiny_model.model_path.with_name("tiny.ood.npz")
    assert sidecar.is_file() and "tiny.ood.npz" in out.stdout
    card = load_card(tiny_model.model_path)  # still loads: the ONNX file and its sha256 are unchanged
    assert card.sha256 == onnx_sha == sha256_file(tiny_model.model_path)
    entry = card.extra["ood"]
    assert entry["file"] == "tiny.ood.npz" and entry["sha256"] == sha256_file(sidecar)
    assert entry["method"] == ood.METHOD and entry["threshold"] > 0 and "99th percentile" in entry["threshold_rule"]
    model = ood.load_for_card(card)
    assert model is not None and model.n_train == 6 and model.n_val == 6
    assert any((tmp_path / "cache").glob("*.npz"))  # features were cached outside the model folder
    # A second fit reuses the cache and gives the same statistics.
    again = dermassist("fit-ood", str(tiny_model.model_path), "--data", str(data), "--cache", str(tmp_path / "cache"))
    assert again.returncode == 0 and json.loads(card.path.read_text())["ood"]["sha256"] == entry["sha256"]


def test_fit_ood_on_two_sources_reports_each(tiny_model: ModelCard, tmp_path: Path) -> None:
    isic = fake_isic(tmp_path / "isic")
    derm = fake_isic(tmp_path / "derm7pt", per_split=4)
    out = dermassist("fit-ood", str(tiny_model.model_path), "--data", str(isic), "--add-data", str(derm), "--no-cache")
    assert out.returncode == 0, out.stderr
    entry = load_card(tiny_model.model_path).extra["ood"]
    assert set(entry["pass_rate_by_source"]) == {"isic", "derm7pt"}
    assert all(0.0 <= r["val"] <= 1.0 and 0.0 <= r["test"] <= 1.0 for r in entry["pass_rate_by_source"].values())
    model = ood.load_for_card(load_card(tiny_model.model_path))
    assert model is not None and model.n_train == 10 and model.n_val == 10  # both sources' pictures
    assert "derm7pt: passes" in out.stdout
    assert entry["feature_transform"] == ood.TRANSFORM


def test_fit_ood_feature_transform_option(tiny_model: ModelCard, tmp_path: Path) -> None:
    data = fake_isic(tmp_path / "isic")
    out = dermassist("fit-ood", str(tiny_model.model_path), "--data", str(data), "--no-cache",
                     "--feature-transform", "sqrt")
    assert out.returncode == 0, out.stderr
    assert load_card(tiny_model.model_path).extra["ood"]["feature_transform"] == "sqrt"
    bad = dermassist("fit-ood", str(tiny_model.model_path), "--data", str(data), "--no-cache",
                     "--feature-transform", "cube")
    assert bad.returncode == 2 and "unknown feature transform 'cube'" in bad.stderr
    assert load_card(tiny_model.model_path).extra["ood"]["feature_transform"] == "sqrt"  # the old fit is kept


def test_card_refuses_a_swapped_or_missing_sidecar(tiny_model: ModelCard, tmp_path: Path) -> None:
    data = fake_isic(tmp_path / "isic")
    assert dermassist("fit-ood", str(tiny_model.model_path), "--data", str(data), "--no-cache").returncode == 0
    card = load_card(tiny_model.model_path)
    sidecar = tiny_model.model_path.with_name("tiny.ood.npz")
    sidecar.write_bytes(sidecar.read_bytes() + b"x")
    with pytest.raises(ood.OodError, match="sha256 does not match"):
        ood.load_for_card(card)
    sidecar.unlink()
    with pytest.raises(ood.OodError, match="missing"):
        ood.load_for_card(card)


def test_fit_ood_without_data_says_so(tiny_model: ModelCard, tmp_path: Path) -> None:
    out = dermassist("fit-ood", str(tiny_model.model_path), "--data", str(tmp_path / "nowhere"))
    assert out.returncode == 2 and "labels.csv" in out.stderr


def test_a_model_without_ood_statistics_has_none(tiny_model: ModelCard) -> None:
    assert ood.load_for_card(tiny_model) is None


# -- real data --------------------------------------------------------------------------------


@pytest.fixture
def trained_card(isic_dir: Path) -> ModelCard:
    """The project's trained model with its fitted OOD statistics, or skip."""
    for onnx in sorted((ROOT / "models").glob("*.onnx")):
        card = load_card(onnx)
        if isinstance(card.extra.get("ood"), dict):
            return card
    pytest.skip("no trained model with OOD statistics in models/ (add one and run 'dermassist fit-ood MODEL.onnx')")


@pytest.mark.isic
def test_ood_passes_test_dermoscopy_and_flags_the_probe_set(trained_card: ModelCard, isic_dir: Path) -> None:
    """>= 95% of the test split passes; >= 90% of the non-dermoscopy probe set is flagged."""
    pytest.importorskip("skimage")
    from dermassist.evaluation.dataset import read_labels
    from dermassist.inference.session import ModelSession
    from dermassist.trust.features import outputs_for_images, outputs_for_paths
    from dermassist.trust.ood_probe import probe_set

    model = ood.load_for_card(trained_card)
    assert model is not None
    session = ModelSession(trained_card, providers="cpu")
    test = outputs_for_paths(
        session, [s.path for s in read_labels(isic_dir, "test")], cache_dir=FEATURE_CACHE, tag="test"
    )
    passed = float((model.distances(test.features) <= model.threshold).mean())
    probes = probe_set()
    flagged = model.distances(outputs_for_images(session, [p.rgb for p in probes]).features) > model.threshold
    print(f"OOD: test split passed {passed:.1%} of {len(test)}; probe set flagged {flagged.mean():.1%} "
          f"of {len(probes)}")
    assert len(test) == 896 and len(probes) >= 200
    assert passed >= 0.95
    assert flagged.mean() >= 0.90
    for group in {p.group for p in probes}:
        share = np.mean([f for f, p in zip(flagged, probes, strict=True) if p.group == group])
        assert share >= 0.8, f"{group}: only {share:.0%} flagged"
    derm7pt = isic_dir.parent / "derm7pt"
    if (derm7pt / "labels.csv").is_file():  # the other clinics' dermoscopy must mostly pass too
        other = outputs_for_paths(session, [s.path for s in read_labels(derm7pt, "test")], cache_dir=FEATURE_CACHE,
                                  tag="derm7pt-test")
        assert float((model.distances(other.features) <= model.threshold).mean()) >= 0.85
