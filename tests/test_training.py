"""Training code on a handful of synthetic images, so it cannot rot (needs the train extra)."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from conftest import make_rgb
from PIL import Image

torch = pytest.importorskip("torch", reason="training tests need the 'train' extra (torch)")

from dermassist.inference.card import load_card  # noqa: E402
from dermassist.inference.preprocess import preprocess  # noqa: E402
from dermassist.training import augment  # noqa: E402
from dermassist.training.models import WeightsError, build  # noqa: E402
from dermassist.training.trainer import input_spec  # noqa: E402


@pytest.fixture
def tiny_dataset(tmp_path: Path) -> Path:
    """A labels.csv with 8 images per split; malignant ones are darker, so there is signal."""
    root = tmp_path / "isic"
    (root / "images").mkdir(parents=True)
    rows = []
    for split in ("train", "val", "test"):
        for i in range(8):
            malignant = i % 2
            rgb = make_rgb(64, 64, seed=i + 10 * len(rows))
            if malignant:
                rgb = (rgb * 0.5).astype(np.uint8)
            name = f"images/{split}_{i}.jpg"
            Image.fromarray(rgb).save(root / name)
            rows.append({"image": name, "isic_id": f"X{len(rows)}", "source": "synthetic", "lesion_id": "",
                         "diagnosis": "mel" if malignant else "nv", "malignant": malignant, "dx_type": "",
                         "age": "", "sex": "", "site": "", "split": split})
    with open(root / "labels.csv", "w", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return root


def test_eval_transform_is_the_inference_preprocessing() -> None:
    built = build("mobilenet_v2", pretrained=False)
    spec = input_spec(built, 224)
    rgb = make_rgb(300, 200, seed=4)
    assert augment.preprocess is preprocess  # imported, not re-implemented
    np.testing.assert_array_equal(augment.eval_transform(spec)(rgb), preprocess(rgb, spec))
    x = augment.train_transform(spec)(rgb, np.random.default_rng(0))
    assert x.shape == (3, 224, 224) and x.dtype == np.float32


def test_augmentations_are_reproducible() -> None:
    rgb = make_rgb(120, 100)
    spec = input_spec(build("mobilenet_v2", pretrained=False), 64)
    a = augment.train_transform(spec)(rgb, np.random.default_rng(5))
    b = augment.train_transform(spec)(rgb, np.random.default_rng(5))
    np.testing.assert_array_equal(a, b)


def test_local_weights_file_for_other_architectures(tmp_path: Path) -> None:
    import torchvision

    weights = tmp_path / "resnet18-imagenet.pth"
    torch.save(torchvision.models.resnet18(weights=None).state_dict(), weights)
    built = build("resnet18", weights=weights)
    assert built.net(torch.zeros(1, 3, 64, 64)).shape == (1, 2)
    with pytest.raises(WeightsError, match="--weights"):
        build("resnet50")
    wrong = tmp_path / "wrong.pth"
    torch.save(torchvision.models.mobilenet_v2(weights=None).state_dict(), wrong)
    with pytest.raises(WeightsError, match="do not fit"):
        build("resnet18", weights=wrong)


def test_installed_imagenet_weights_load() -> None:
    from dermassist.training.models import installed_weights

    for arch in ("mobilenet_v2", "efficientnet_lite0", "efficientnet_lite1"):
        if installed_weights(arch) is None:
            pytest.fail(f"ImageNet weights for {arch} are not installed (see README: train extra)")
        assert build(arch).net(torch.zeros(1, 3, 64, 64)).shape == (1, 2)


def _train(data: Path, out: Path, epochs: int, *extra: str) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "dermassist", "train", "--arch", "mobilenet_v2", "--epochs", str(epochs),
           "--out", str(out), "--data", str(data), "--batch-size", "4", "--input-size", "64", "--threads", "1",
           *extra]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=600)


def test_train_resume_export_and_evaluate(tiny_dataset: Path, tmp_path: Path) -> None:
    out = tmp_path / "run"
    first = _train(tiny_dataset, out, 1, "--no-export")
    assert first.returncode == 0, first.stderr
    assert (out / "last.pt").is_file() and (out / "best.pt").is_file()
    second = _train(tiny_dataset, out, 2)
    assert second.returncode == 0, second.stderr
    assert "resumed" in second.stdout and '"epoch": 1' in second.stdout
    onnx_files = list(out.glob("*.onnx"))
    assert len(onnx_files) == 1
    load_card(onnx_files[0])  # validates fields and sha256
    raw = json.loads(onnx_files[0].with_suffix(".json").read_text())
    assert raw["training"]["onnx_vs_torch_max_abs_prob_diff"] < 1e-4
    assert set(raw["metrics"]) >= {"train", "val", "test", "calibration"}
    assert raw["metrics"]["val"]["sensitivity"]["value"] >= 0.9  # threshold chosen for sensitivity on val
    assert raw["operating_points"]["sens95"]["threshold"] <= raw["operating_points"]["sens90"]["threshold"]
    assert "non-commercial" in raw["training_data"]["licence"]
    ev = subprocess.run([sys.executable, "-m", "dermassist", "evaluate", str(onnx_files[0]), "--data",
                         str(tiny_dataset), "--split", "test", "--out", str(tmp_path / "eval"), "--robustness"],
                        capture_output=True, text=True, timeout=300)
    assert ev.returncode == 0, ev.stderr
    report = json.loads((tmp_path / "eval" / "evaluation.json").read_text())
    assert report["splits"]["test"]["roc_auc"] == raw["metrics"]["test"]["roc_auc"]
    assert (tmp_path / "eval" / "roc.png").stat().st_size > 1000
    robust = (tmp_path / "eval" / "robustness.md").read_text()
    assert "JPEG quality 50" in robust and "| original |" in robust
    best = str(out / "best.pt")
    ens = subprocess.run([sys.executable, "-m", "dermassist", "export-model", best, best,
                          "--out", str(tmp_path / "ens"), "--name", "ens", "--data", str(tiny_dataset)],
                         capture_output=True, text=True, timeout=300)
    assert ens.returncode == 0, ens.stderr
    ens_card = load_card(tmp_path / "ens" / "ens-1.0.0.json")
    assert ens_card.architecture == "ensemble(mobilenet_v2+mobilenet_v2)"
    # Two copies of one network average to the same network: identical test AUC.
    assert ens_card.metrics["test"]["roc_auc"]["value"] == pytest.approx(raw["metrics"]["test"]["roc_auc"]["value"])


def _derm7pt_like(root: Path) -> Path:
    """A second source in Derm7pt's layout (``case`` instead of ``isic_id``/``source``)."""
    (root / "images").mkdir(parents=True)
    rows = []
    for split in ("train", "val", "test"):
        for i in range(8):
            malignant = i % 2
            rgb = make_rgb(80, 80, seed=500 + i + 10 * len(rows))
            if malignant:
                rgb = (rgb * 0.55).astype(np.uint8)
            name = f"images/C{len(rows)}.jpg"
            Image.fromarray(rgb).save(root / name)
            rows.append({"image": name, "case": f"C{len(rows)}", "diagnosis": "melanoma" if malignant else "nevus",
                         "malignant": malignant, "split": split})
    with open(root / "labels.csv", "w", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return root


def test_two_sources_per_source_card_and_threshold(tiny_dataset: Path, tmp_path: Path) -> None:
    derm = _derm7pt_like(tmp_path / "derm7pt")
    out = tmp_path / "multi"
    run = _train(tiny_dataset, out, 2, "--data", str(derm), "--repeat", "derm7pt=2", "--low-res-epochs", "1",
                 "--low-res", "48", "--colour-constancy", "shades_of_gray", "--field-of-view", "lesion_crop")
    assert run.returncode == 0, run.stderr
    history = [json.loads(line) for line in run.stdout.splitlines() if line.startswith('{"epoch"')]
    assert [h["input"] for h in history] == [48, 64]
    assert set(history[0]["val_auc_by_source"]) == {"isic", "derm7pt"}
    assert "16 train (24 with oversampling)" in run.stdout
    card_path = next(out.glob("*.json"))
    raw = json.loads(card_path.read_text())
    assert raw["input"]["colour_constancy"] == "shades_of_gray"
    assert raw["input"]["field_of_view"] == "lesion_crop"
    assert set(raw["training_data"]["sources"]) == {"isic", "derm7pt"}
    assert "research use only" in raw["training_data"]["licence"]
    by_source = raw["metrics"]["by_source"]
    assert set(by_source) == {"isic", "derm7pt"}
    for source in ("isic", "derm7pt"):  # the threshold holds sensitivity on every source's val, not only pooled
        assert by_source[source]["val"]["sensitivity"]["value"] >= 0.9
        assert "referrals_per_100" in by_source[source]["test"]
    ev = subprocess.run([sys.executable, "-m", "dermassist", "evaluate", str(card_path.with_suffix(".onnx")),
                         "--data", str(tiny_dataset), "--data", str(derm), "--split", "test",
                         "--out", str(tmp_path / "ev")], capture_output=True, text=True, timeout=300)
    assert ev.returncode == 0, ev.stderr
    report = json.loads((tmp_path / "ev" / "evaluation.json").read_text())
    for source in ("isic", "derm7pt"):  # evaluate reproduces the card's per-source figures
        assert report["by_source"][source]["test"]["roc_auc"] == by_source[source]["test"]["roc_auc"]
    assert "| derm7pt | test |" in (tmp_path / "ev" / "evaluation.md").read_text()
    # The unseen-source figure (here from the same model, only to exercise the recording) reaches the card.
    rec = subprocess.run([sys.executable, "scripts/record_unseen_source.py", str(card_path.with_suffix(".onnx")),
                          str(tmp_path / "ev" / "evaluation.json"), "derm7pt"], capture_output=True, text=True,
                         timeout=120, cwd=Path(__file__).resolve().parent.parent)
    assert rec.returncode == 0, rec.stderr
    unseen = load_card(card_path).metrics["unseen_source"]
    assert unseen["source"] == "derm7pt" and unseen["test"]["n"] == 8 and unseen["trained_without"]


def test_eval_only_source_is_reported_but_never_chooses_the_epoch(tiny_dataset: Path, tmp_path: Path) -> None:
    derm = _derm7pt_like(tmp_path / "derm7pt")
    run = _train(tiny_dataset, tmp_path / "abl", 1, "--eval-data", str(derm), "--no-export")
    assert run.returncode == 0, run.stderr
    rec = json.loads(next(line for line in run.stdout.splitlines() if line.startswith('{"epoch"')))
    assert set(rec["val_auc_by_source"]) == {"isic", "derm7pt"}
    assert rec["val_auc"] == rec["val_auc_by_source"]["isic"]  # selection uses trained sources only


def test_arrival_augmentation_changes_resolution_and_resampling() -> None:
    rgb = make_rgb(200, 160, seed=3)
    sizes = {augment.arrival(rgb, np.random.default_rng(s), 224).shape[:2] for s in range(20)}
    assert len(sizes) > 3  # other resolutions, as cameras and pastes deliver them
    for s in range(5):
        out = augment.train_transform(input_spec(build("mobilenet_v2", pretrained=False), 64), "v2")(
            rgb, np.random.default_rng(s))
        assert out.shape == (3, 64, 64) and np.isfinite(out).all()


def test_paired_views_share_the_lesion_and_differ_in_arrival() -> None:
    rgb = make_rgb(200, 160, seed=7)
    spec = input_spec(build("mobilenet_v2", pretrained=False), 64)
    pairs = [augment.paired_transform(spec, "v2")(rgb, np.random.default_rng(s)) for s in range(12)]
    assert all(p.shape == (2, 3, 64, 64) and p.dtype == np.float32 for p in pairs)
    gaps = [float(np.abs(p[0] - p[1]).mean()) for p in pairs]
    # The two views are one crop, colour and geometry: far closer to each other than two augmentations.
    unrelated = float(np.abs(pairs[0][0] - pairs[1][0]).mean())
    assert max(gaps) < unrelated
    assert sum(g > 0 for g in gaps) >= 6  # and they do arrive differently
    again = augment.paired_transform(spec, "v2")(rgb, np.random.default_rng(3))
    np.testing.assert_array_equal(again, pairs[3])


def test_same_picture_loss_is_zero_only_for_equal_answers() -> None:
    from dermassist.training.trainer import same_picture_loss

    same = torch.tensor([[0.3, -1.0], [2.0, 0.5]])
    assert float(same_picture_loss(torch.cat([same, same]))) == pytest.approx(0.0, abs=1e-6)
    other = torch.tensor([[0.3, 1.0], [2.0, 0.5]])
    loss = same_picture_loss(torch.cat([same, other]))
    assert float(loss) > 1e-3
    logits = torch.cat([same, other]).requires_grad_()
    same_picture_loss(logits).backward()
    assert logits.grad is not None and float(logits.grad[:, 1].abs().sum()) > 0


def test_training_with_the_consistency_loss(tiny_dataset: Path, tmp_path: Path) -> None:
    run = _train(tiny_dataset, tmp_path / "cons", 2, "--consistency", "10", "--head-epochs", "1", "--no-export")
    assert run.returncode == 0, run.stderr
    recs = [json.loads(line) for line in run.stdout.splitlines() if line.startswith('{"epoch"')]
    assert [r["consistency"] for r in recs] == [10.0, 10.0]
    assert all(np.isfinite(r["loss"]) for r in recs)
    assert torch.load(tmp_path / "cons" / "best.pt", weights_only=False)["consistency"] == 10.0


def test_recipe_script_trains_an_ensemble_end_to_end(tiny_dataset: Path, tmp_path: Path) -> None:
    """scripts/train_model.sh as documented (two stages, a second stage-2 member, export, unseen-source
    figure, OOD fit, evaluation) on tiny data; the ensemble card holds the recipe's per-source results."""
    data = tiny_dataset.parent
    _derm7pt_like(data / "derm7pt")
    root = Path(__file__).resolve().parent.parent
    run = tmp_path / "run"
    env = {**os.environ, "DATA": str(data), "PYTHON": sys.executable, "STAGE1_EPOCHS": "2",
           "STAGE2_EPOCHS": "1", "MEMBERS": "2", "RECIPE": "v3", "SEED": "3", "VERSION": "0.0.1"}
    done = subprocess.run(["bash", str(root / "scripts" / "train_model.sh"), str(run)], cwd=root, env=env,
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert (run / "stage2-1" / "best.pt").is_file()
    assert json.loads((run / "stage2-1" / "config.json").read_text())["seed"] == 4
    card_path = run / "export" / "dermassist-mobilenet-v2-0.0.1.json"
    card = load_card(card_path)
    assert card.architecture == "ensemble(mobilenet_v2+mobilenet_v2)"
    raw = json.loads(card_path.read_text())
    assert raw["metrics"]["unseen_source"]["source"] == "derm7pt"
    assert set(raw["metrics"]["by_source"]) == {"isic", "derm7pt"}
    assert (run / "export" / "dermassist-mobilenet-v2-0.0.1.ood.npz").is_file()
    assert (run / "export" / "eval" / "evaluation.json").is_file()
