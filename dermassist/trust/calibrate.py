"""``dermassist calibrate``: validate a model (typically an imported one) on a center's labelled images.

Temperature scaling and the sensitivity >= 0.90 threshold are fitted on one split of a folder with
a ``labels.csv`` (columns ``image``, ``malignant``, ``split``), by the same functions training uses
(:mod:`dermassist.evaluation.calibration`); every split named is measured with 95% CIs; where the
model exports pooled features (``import-model`` exposes them where it finds the final dense layer) the
feature check is fitted on the same split, and where it gives logits the output-only limit (energy).
Everything is written into the model's card; the ONNX file is not touched.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import numpy as np

from dermassist.evaluation.calibration import Calibration, card_with_calibration, fit_calibration
from dermassist.evaluation.dataset import Sample, read_labels
from dermassist.evaluation.evaluate import SplitResult
from dermassist.imaging.loading import ImageLoadError, load_image
from dermassist.inference.card import card_from_dict, load_card, write_card
from dermassist.inference.ood import card_entry, sidecar_path
from dermassist.inference.ood_output import METHOD as ENERGY
from dermassist.inference.ood_output import energy, has_logits, logits_of
from dermassist.inference.preprocess import preprocess
from dermassist.inference.session import ModelSession
from dermassist.trust.ood_fit import fit, write_sidecar

Log = Callable[[str], None]
IMPORTED_PREFIX = "Imported external model"


@dataclass(frozen=True)
class Calibrated:
    """What ``calibrate`` wrote: the card, the fitted calibration and the output-only OOD entry (if any)."""

    card: Path
    calibration: Calibration
    ood_output: dict[str, Any] | None
    ood: dict[str, Any] | None = None


@dataclass(frozen=True)
class SplitOutputs:
    """One split's labelled probabilities, plus energies and pooled features where the model gives them."""

    result: SplitResult
    energy: np.ndarray | None
    features: np.ndarray | None


def run_samples(
    session: ModelSession, samples: list[Sample], split: str, batch_size: int = 16, log: Log | None = None
) -> SplitOutputs:
    """Probabilities (as :func:`~dermassist.evaluation.evaluate.run_split` keeps them) and, where the model
    gives them, each picture's energy and features. Files that cannot be decoded are counted and left out."""
    card = session.card
    spec = card.input

    def prepare(sample: Sample) -> np.ndarray | None:
        try:
            return preprocess(load_image(sample.path, min_size=spec.decode_min_size).rgb, spec)
        except ImageLoadError as exc:
            if log:
                log(f"  skipped: {exc}")
            return None

    ys: list[int] = []
    ps: list[np.ndarray] = []
    energies: list[np.ndarray] = []
    feats: list[np.ndarray] = []
    failures = 0
    with ThreadPoolExecutor(max_workers=2) as pool:
        for start in range(0, len(samples), batch_size):
            chunk = samples[start : start + batch_size]
            rows = list(pool.map(prepare, chunk))
            good = [(s, x) for s, x in zip(chunk, rows, strict=True) if x is not None]
            failures += len(chunk) - len(good)
            if not good:
                continue
            raw = session.run(np.stack([x for _, x in good]))
            ys += [s.malignant for s, _ in good]
            ps.append(raw.probabilities[:, card.output.positive_index])
            logits = logits_of(card, raw.scores, raw.extras)
            if logits is not None:
                energies.append(energy(logits))
            if card.output.features and card.output.features in raw.extras:
                feats.append(np.asarray(raw.extras[card.output.features], dtype=np.float64))
            if log and (start // batch_size + 1) % 10 == 0:
                log(f"  {split}: {start + len(chunk)}/{len(samples)} pictures")
    p = np.clip(np.concatenate(ps) if ps else np.zeros(0), 1e-12, 1 - 1e-12)
    logp = np.stack([np.log1p(-p), np.log(p)], axis=1) * card.output.temperature
    e = np.concatenate(energies) if energies and has_logits(card) else None
    f = np.concatenate(feats) if feats else None
    return SplitOutputs(SplitResult(split, np.array(ys, dtype=int), p, logp, failures), e, f)


def energy_entry(
    energies: dict[str, np.ndarray], fit_split: str, data: Path, percentile: float = 99.0
) -> dict[str, Any]:
    """The card's ``ood_output`` entry: the limit is ``percentile`` of ``fit_split``'s energies."""
    fit = energies[fit_split]
    threshold = float(np.percentile(fit, percentile))
    entry: dict[str, Any] = {
        "method": ENERGY,
        "threshold": round(threshold, 4),
        "threshold_rule": f"{percentile:g}th percentile of the {fit_split} split's energies",
        "fitted_on": f"the {fit_split} split of {data.name} ({len(fit)} images)",
    }
    for split, e in energies.items():
        entry[f"{split}_pass_rate"] = round(float((e <= threshold).mean()), 4)
    return entry


def _limitations(old: list[str], data: Path, split: str, n: int) -> list[str]:
    note = (f"{IMPORTED_PREFIX}: its training data are as stated by its supplier; its threshold and "
            f"calibration were fitted by DermAssist on the {split} split of '{data.name}' ({n} images) only.")
    return [note if x.startswith(IMPORTED_PREFIX) else x for x in old]


def calibrate_model(
    model: Path, data: Path, split: str = "val", test_split: str | None = "test", percentile: float = 99.0,
    provider: str = "cpu", limit: int | None = None, log: Log = print,
) -> Calibrated:  # fmt: skip
    """Fit on ``split``, measure ``split`` and ``test_split`` (when labels.csv has it), write the card."""
    card = load_card(model)
    assert card.path is not None
    fit_samples = read_labels(data, split, limit)
    if len(fit_samples) < 10 or len({s.malignant for s in fit_samples}) < 2:
        raise ValueError(f"{data / 'labels.csv'}: the '{split}' split needs at least 10 images of both classes "
                         f"(has {len(fit_samples)})")
    session = ModelSession(card, providers=provider)
    splits = {split: fit_samples}
    if test_split and test_split != split:
        other = read_labels(data, test_split, limit)
        if other:
            splits[test_split] = other
    results: dict[str, SplitResult] = {}
    energies: dict[str, np.ndarray] = {}
    features: dict[str, np.ndarray] = {}
    for name, samples in splits.items():
        log(f"{name}: {len(samples)} pictures")
        out = run_samples(session, samples, name, log=log)
        results[name] = out.result
        if out.energy is not None:
            energies[name] = out.energy
        if out.features is not None:
            features[name] = out.features
    cal = fit_calibration(split, results, log=log)
    data_dict = card_with_calibration(card.to_json_dict(), cal)
    data_dict["metrics"]["calibrated_on"] = {
        "data": data.name, "split": split, "n": int(len(results[split].y)), "measured": list(results),
        "date": datetime.now(timezone.utc).date().isoformat(), "by": "dermassist calibrate",
    }
    if split != "val":
        data_dict["metrics"]["calibration"]["note"] = f"fitted on the '{split}' split"
    data_dict["limitations"] = _limitations(list(card.limitations), data, split, len(results[split].y))
    entry = energy_entry(energies, split, data, percentile) if split in energies else None
    if entry is not None:
        data_dict["ood_output"] = entry
    feature_entry = None
    old = card.extra.get("ood")
    # A feature check fitted by fit-ood on training data is kept; one fitted here before is refitted.
    if split in features and (not isinstance(old, dict) or str(old.get("threshold_from", "")).startswith("the other")):
        feature_entry = feature_check(card.model_path, features, split, data, percentile)
        data_dict["ood"] = feature_entry
    write_card(card_from_dict(data_dict, card.path), card.path)
    log(f"temperature {cal.temperature:.4f}, threshold {cal.threshold:.6f} (sensitivity >= 0.90 on {split})"
        + (f"; feature OOD check fitted (passes {feature_entry[f'{split}_held_out_pass_rate']:.1%} of held-out {split})"
           if feature_entry else "")
        + (f"; output-only OOD limit {entry['threshold']} (energy)" if entry else "") + f"; wrote {card.path}")
    return Calibrated(card.path, cal, entry, feature_entry)


def feature_check(
    model_path: Path, features: dict[str, np.ndarray], split: str, data: Path, percentile: float = 99.0
) -> dict[str, Any]:
    """Fit the feature (Mahalanobis) check on ``split``'s features: mean and shrunk covariance on every
    other image, the threshold on the distances of the remaining half (held out: in-sample distances of
    a thousand images in a thousand dimensions are far too small); write the sidecar and return the card's
    ``ood`` entry with the held-out half's and the other splits' pass rates."""
    own = features[split]
    model = fit(own[0::2], own[1::2], percentile)
    sidecar = sidecar_path(model_path)
    write_sidecar(model, sidecar)
    held_out = {f"{split}_held_out": own[1::2]} | {k: v for k, v in features.items() if k != split}
    rates = {f"{name}_pass_rate": round(float((model.distances(f) <= model.threshold).mean()), 4)
             for name, f in held_out.items()}
    return card_entry(model, sidecar, fitted_on=f"every other image of the {split} split of {data.name} "
                      f"({len(own[0::2])} images)", threshold_from=f"the other {len(own[1::2])} {split} images",
                      **rates)
