"""Fit a model's out-of-distribution statistics on the shared ISIC splits and record them in its card."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from dermassist.inference.card import card_from_dict, load_card, write_card
from dermassist.inference.features import BatchOutputs, outputs_for_paths
from dermassist.inference.ood import OodModel, card_entry, fit, sidecar_path
from dermassist.inference.session import ModelSession

Log = Callable[[str], None]


@dataclass(frozen=True)
class OodFit:
    """What ``fit-ood`` wrote and how the threshold behaves on the held-out splits."""

    sidecar: Path
    card: Path
    model: OodModel
    val_pass: float
    test_pass: float


def split_outputs(
    session: ModelSession, data: Path, split: str, cache_dir: Path | None, log: Log, batch_size: int = 32
) -> tuple[BatchOutputs, np.ndarray]:
    """Model outputs and malignancy labels for one split of the shared data."""
    from dermassist.evaluation.dataset import read_labels

    samples = read_labels(data, split)
    log(f"{split}: {len(samples)} pictures")
    out = outputs_for_paths(session, [s.path for s in samples], batch_size, cache_dir, split, log)
    return out, np.array([s.malignant for s in samples], dtype=int)


def write_sidecar(model: OodModel, path: Path) -> None:
    """Write the statistics file atomically."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(model.to_bytes())
    tmp.replace(path)


def fit_ood_for_model(
    model_path: Path,
    data: Path,
    percentile: float = 99.0,
    cache_dir: Path | None = None,
    provider: str = "cpu",
    threads: int | None = None,
    log: Log = print,
) -> OodFit:
    """Fit on ``train``, set the threshold on ``val``, check ``test``; write the sidecar and the card's ``ood`` entry.

    The ONNX file is not touched, so its sha256 (and every stored result's model reference) stays valid.
    """
    card = load_card(model_path)
    session = ModelSession(card, providers=provider, threads=threads)
    train, _ = split_outputs(session, data, "train", cache_dir, log)
    val, _ = split_outputs(session, data, "val", cache_dir, log)
    test, _ = split_outputs(session, data, "test", cache_dir, log)
    model = fit(train.features, val.features, percentile)
    val_pass = float((model.distances(val.features) <= model.threshold).mean())
    test_pass = float((model.distances(test.features) <= model.threshold).mean())
    sidecar = sidecar_path(card.model_path)
    write_sidecar(model, sidecar)
    entry = card_entry(
        model,
        sidecar,
        threshold_from=f"val split ({model.n_val} images)",
        val_pass_rate=round(val_pass, 4),
        test_pass_rate=round(test_pass, 4),
    )
    assert card.path is not None
    data_dict = card.to_json_dict()
    data_dict["ood"] = entry
    write_card(card_from_dict(data_dict, card.path), card.path)
    log(
        f"OOD threshold {model.threshold:.2f} (shrinkage {model.shrinkage:.4f}): passes {val_pass:.1%} of val "
        f"and {test_pass:.1%} of test; wrote {sidecar.name} and the card's 'ood' entry"
    )
    return OodFit(sidecar, card.path, model, val_pass, test_pass)
