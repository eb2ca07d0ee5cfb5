"""Classify many files: decode and preprocess in worker threads while the previous batch is inferred."""

from __future__ import annotations

import time
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from dermassist.imaging.loading import ImageLoadError, load_image
from dermassist.inference.card import InputSpec
from dermassist.inference.prediction import Prediction
from dermassist.inference.preprocess import preprocess
from dermassist.inference.session import ModelSession


@dataclass(frozen=True)
class Failure:
    """An input that could not be classified, with a one-line reason."""

    image: str
    error: str

    def to_json_dict(self) -> dict[str, str]:
        """The ``classify --json`` record for a failed image."""
        return {"image": self.image, "error": self.error}


@dataclass(frozen=True)
class _Prepared:
    """A decoded and preprocessed picture (the model input row), or the reason it failed."""

    tensor: np.ndarray | None
    error: str
    decode_ms: float
    preprocess_ms: float


def _prepare(path: Path, spec: InputSpec) -> _Prepared:
    t0 = time.perf_counter()
    try:
        loaded = load_image(path, min_size=spec.decode_min_size)
    except ImageLoadError as exc:
        return _Prepared(None, str(exc), (time.perf_counter() - t0) * 1000, 0.0)
    t1 = time.perf_counter()
    # Preprocessing here, in the worker, keeps it off the inference thread (OpenCV and numpy release the GIL).
    tensor = preprocess(loaded.rgb, spec)
    return _Prepared(tensor, "", (t1 - t0) * 1000, (time.perf_counter() - t1) * 1000)


def classify_paths(
    session: ModelSession, paths: list[Path], batch_size: int = 8, workers: int = 2
) -> Iterator[Prediction | Failure]:
    """Yield one result per path, in order. Bad files yield a ``Failure``; the rest go on."""
    spec = session.card.input
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures: list[Future[_Prepared] | None] = [pool.submit(_prepare, p, spec) for p in paths[: batch_size * 2]]
        submitted = len(futures)
        for start in range(0, len(paths), batch_size):
            chunk = [f for f in futures[start : start + batch_size] if f is not None]
            # Queue the decode of a further batch before inferring this one, so they overlap.
            for p in paths[submitted : start + batch_size * 3]:
                futures.append(pool.submit(_prepare, p, spec))
            submitted = len(futures)
            results = [f.result() for f in chunk]
            good = [i for i, r in enumerate(results) if r.tensor is not None]
            tensors = [r.tensor for r in results if r.tensor is not None]
            preds: dict[int, Prediction] = {}
            if good:
                batch = np.stack(tensors)
                names = [str(paths[start + i]) for i in good]
                decode_ms = [results[i].decode_ms for i in good]
                preprocess_ms = [results[i].preprocess_ms for i in good]
                for i, pred in zip(good, session.predict_batch(batch, names, decode_ms, preprocess_ms), strict=True):
                    preds[i] = pred
            for i, res in enumerate(results):
                yield preds[i] if i in preds else Failure(str(paths[start + i]), res.error)
            for j in range(start, start + len(chunk)):
                futures[j] = None  # free the prepared pixels early
