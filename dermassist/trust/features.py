"""Run a model over many pictures and keep what the trust checks need: features, logits, CAMs.

Results can be cached on disk (a folder outside the project, e.g. the system temp folder),
keyed by the model's sha256 and the list of files, so fitting and measuring do not repeat
minutes of inference.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from dermassist.imaging.loading import load_image
from dermassist.inference.preprocess import preprocess_batch
from dermassist.inference.session import ModelSession

Log = Callable[[str], None]


@dataclass(frozen=True)
class BatchOutputs:
    """Per-picture outputs of one model run (row ``i`` belongs to picture ``i``).

    ``logit`` is the temperature-free logit of 'malignant' against the other class, so cached
    values stay valid when the card's temperature is refitted.
    """

    features: np.ndarray  # (N, C) float32 pooled penultimate features
    logit: np.ndarray  # (N,) float64
    cam: np.ndarray  # (N, h, w) float32; (N, 0, 0) when the model exports no CAM

    def __len__(self) -> int:
        return int(self.logit.shape[0])


def logit_of(probabilities: np.ndarray, positive: int, temperature: float) -> np.ndarray:
    """Undo temperature scaling: the raw logit of the positive class against the rest."""
    p = np.clip(probabilities[:, positive], 1e-12, 1 - 1e-12)
    return np.asarray(np.log(p / (1 - p)) * temperature, dtype=np.float64)


def run_batch(session: ModelSession, batch: np.ndarray) -> BatchOutputs:
    """Run a preprocessed batch and collect features, logits and CAMs."""
    card = session.card
    if not card.output.features:
        raise ValueError(f"{card.model_path.name}: the model exports no penultimate features (card 'output.features')")
    raw = session.run(batch)
    n = batch.shape[0]
    feats = np.asarray(raw.extras[card.output.features], dtype=np.float32).reshape(n, -1)
    cam_name = card.output.cam
    cam = (
        np.asarray(raw.extras[cam_name], dtype=np.float32)
        if cam_name and cam_name in raw.extras
        else np.zeros((n, 0, 0), dtype=np.float32)
    )
    logit = logit_of(raw.probabilities, card.output.positive_index, card.output.temperature)
    return BatchOutputs(feats, logit, cam)


def concat(parts: Sequence[BatchOutputs]) -> BatchOutputs:
    """Join results of several batches."""
    return BatchOutputs(
        np.concatenate([p.features for p in parts]),
        np.concatenate([p.logit for p in parts]),
        np.concatenate([p.cam for p in parts]),
    )


def outputs_for_images(session: ModelSession, images: Sequence[np.ndarray], batch_size: int = 32) -> BatchOutputs:
    """Outputs for in-memory HxWx3 uint8 RGB pictures."""
    parts = [
        run_batch(session, preprocess_batch(list(images[i : i + batch_size]), session.card.input))
        for i in range(0, len(images), batch_size)
    ]
    return concat(parts)


def _cache_file(cache_dir: Path, session: ModelSession, paths: Sequence[Path], tag: str) -> Path:
    key = hashlib.sha256("\n".join(str(Path(p).resolve()) for p in paths).encode()).hexdigest()[:16]
    return cache_dir / f"{session.card.sha256[:16]}-{tag}-{key}.npz"


def outputs_for_paths(
    session: ModelSession,
    paths: Sequence[Path],
    batch_size: int = 32,
    cache_dir: Path | None = None,
    tag: str = "images",
    log: Log | None = None,
) -> BatchOutputs:
    """Outputs for image files (decoded in a worker thread while the model runs), cached when asked.

    A file that cannot be decoded raises ``ImageLoadError``: a fitted statistic must not silently
    leave pictures out.
    """
    cache = _cache_file(cache_dir, session, paths, tag) if cache_dir else None
    if cache is not None and cache.is_file():
        with np.load(cache) as z:
            return BatchOutputs(z["features"], z["logit"], z["cam"])
    min_size = session.card.input.decode_min_size
    chunks = [list(paths[i : i + batch_size]) for i in range(0, len(paths), batch_size)]

    def decode(chunk: list[Path]) -> list[np.ndarray]:
        return [load_image(p, min_size=min_size).rgb for p in chunk]

    parts: list[BatchOutputs] = []
    with ThreadPoolExecutor(max_workers=1) as pool:
        pending = pool.submit(decode, chunks[0]) if chunks else None
        for k in range(len(chunks)):
            assert pending is not None
            images = pending.result()
            pending = pool.submit(decode, chunks[k + 1]) if k + 1 < len(chunks) else None
            parts.append(run_batch(session, preprocess_batch(images, session.card.input)))
            if log and (k + 1) % 20 == 0:
                log(f"  {tag}: {min((k + 1) * batch_size, len(paths))}/{len(paths)} pictures")
    result = concat(parts) if parts else BatchOutputs(np.zeros((0, 0), np.float32), np.zeros(0), np.zeros((0, 0, 0)))
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_name(cache.name + f".{os.getpid()}.tmp.npz")
        np.savez(tmp, features=result.features, logit=result.logit, cam=result.cam)
        tmp.replace(cache)
    return result
