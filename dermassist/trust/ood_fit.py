"""Fit a model's out-of-distribution statistics on the shared ISIC splits and record them in its card."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from dermassist.inference.card import card_from_dict, load_card, write_card
from dermassist.inference.ood import (
    METHOD,
    TRANSFORM,
    OodModel,
    card_entry,
    check_transform,
    sidecar_path,
    transform_features,
)
from dermassist.inference.session import ModelSession
from dermassist.trust.features import BatchOutputs, outputs_for_paths

Log = Callable[[str], None]


@dataclass(frozen=True)
class OodFit:
    """What ``fit-ood`` wrote and how the threshold behaves on the held-out splits."""

    sidecar: Path
    card: Path
    model: OodModel
    val_pass: float
    test_pass: float
    by_source: dict[str, dict[str, float]]  # source -> {"val": pass rate, "test": pass rate}


def ledoit_wolf(x: np.ndarray) -> tuple[np.ndarray, np.ndarray, float]:
    """Mean, Ledoit-Wolf shrunk covariance (towards a scaled identity) and the shrinkage used."""
    n, p = x.shape
    mean = x.mean(axis=0)
    xc = x - mean
    cov = xc.T @ xc / n
    mu = float(np.trace(cov)) / p
    delta = float(((cov - mu * np.eye(p)) ** 2).sum()) / p
    # Sum over samples of ||x x^T - S||_F^2 = sum ||x||^4 - n ||S||_F^2 (for centred rows).
    beta = (float(((xc * xc).sum(axis=1) ** 2).sum()) - n * float((cov**2).sum())) / (n * n * p)
    shrink = 1.0 if delta == 0 else min(1.0, max(0.0, beta / delta))
    return mean, shrink * mu * np.eye(p) + (1 - shrink) * cov, shrink


def fit(train: np.ndarray, val: np.ndarray, percentile: float = 99.0, transform: str = TRANSFORM) -> OodModel:
    """Fit mean and shrunk covariance on ``train`` features; the threshold is ``percentile`` of ``val``."""
    if not 50.0 <= percentile < 100.0:
        raise ValueError("the threshold percentile must lie in [50, 100)")
    x = transform_features(np.asarray(train, dtype=np.float64), transform)
    mean, cov, shrink = ledoit_wolf(x)
    eigval, eigvec = np.linalg.eigh(cov)
    whitening = eigvec / np.sqrt(np.clip(eigval, 1e-12, None))
    draft = OodModel(mean, whitening, 1.0, percentile, METHOD, transform, len(train), len(val), shrink)
    threshold = float(np.percentile(draft.distances(val), percentile))
    return OodModel(mean, whitening, threshold, percentile, METHOD, transform, len(train), len(val), shrink)


def split_outputs(
    session: ModelSession, data: Path | list[Path], split: str, cache_dir: Path | None, log: Log, batch_size: int = 32
) -> tuple[BatchOutputs, np.ndarray]:
    """Model outputs and malignancy labels for one split of one or more labelled folders."""
    out, labels, _ = split_outputs_by_source(session, data, split, cache_dir, log, batch_size)
    return out, labels


def split_outputs_by_source(
    session: ModelSession, data: Path | list[Path], split: str, cache_dir: Path | None, log: Log, batch_size: int = 32
) -> tuple[BatchOutputs, np.ndarray, np.ndarray]:
    """As :func:`split_outputs`, plus each picture's data folder name."""
    from dermassist.evaluation.dataset import read_many

    roots = list(data) if isinstance(data, list) else [data]
    samples = read_many(roots, split)
    log(f"{split}: {len(samples)} pictures")
    tag = split if len(roots) == 1 else "-".join([split, *(r.name for r in roots)])
    out = outputs_for_paths(session, [s.path for s in samples], batch_size, cache_dir, tag, log)
    return out, np.array([s.malignant for s in samples], dtype=int), np.array([s.dataset for s in samples])


def write_sidecar(model: OodModel, path: Path) -> None:
    """Write the statistics file atomically."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(model.to_bytes())
    tmp.replace(path)


def fit_ood_for_model(
    model_path: Path,
    data: Path | list[Path],
    percentile: float = 99.0,
    cache_dir: Path | None = None,
    provider: str = "cpu",
    threads: int | None = None,
    log: Log = print,
    transform: str = TRANSFORM,
) -> OodFit:
    """Fit on ``train``, set the threshold on ``val``, check ``test``; write the sidecar and the card's ``ood`` entry.

    With several data folders the statistics cover all their training pictures, and the pass rates
    are also given for each folder, so the check is measured on every source it must accept.

    The ONNX file is not touched, so its sha256 (and every stored result's model reference) stays valid.
    """
    check_transform(transform)  # before minutes of feature extraction
    card = load_card(model_path)
    session = ModelSession(card, providers=provider, threads=threads)
    train, _ = split_outputs(session, data, "train", cache_dir, log)
    val, _, val_src = split_outputs_by_source(session, data, "val", cache_dir, log)
    test, _, test_src = split_outputs_by_source(session, data, "test", cache_dir, log)
    model = fit(train.features, val.features, percentile, transform)
    val_ok = model.distances(val.features) <= model.threshold
    test_ok = model.distances(test.features) <= model.threshold
    val_pass, test_pass = float(val_ok.mean()), float(test_ok.mean())
    by_source = {str(s): {"val": round(float(val_ok[val_src == s].mean()), 4),
                          "test": round(float(test_ok[test_src == s].mean()), 4)} for s in sorted(set(val_src))}
    sidecar = sidecar_path(card.model_path)
    write_sidecar(model, sidecar)
    entry = card_entry(
        model,
        sidecar,
        threshold_from=f"val split ({model.n_val} images)",
        val_pass_rate=round(val_pass, 4),
        test_pass_rate=round(test_pass, 4),
    )
    if len(by_source) > 1:
        entry["pass_rate_by_source"] = by_source
    assert card.path is not None
    data_dict = card.to_json_dict()
    data_dict["ood"] = entry
    write_card(card_from_dict(data_dict, card.path), card.path)
    log(
        f"OOD threshold {model.threshold:.2f} (shrinkage {model.shrinkage:.4f}): passes {val_pass:.1%} of val "
        f"and {test_pass:.1%} of test; wrote {sidecar.name} and the card's 'ood' entry"
    )
    for source, rates in by_source.items():
        log(f"  {source}: passes {rates['val']:.1%} of val and {rates['test']:.1%} of test")
    return OodFit(sidecar, card.path, model, val_pass, test_pass, by_source)
