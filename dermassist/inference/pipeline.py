"""Classify many files: decode in worker threads while the previous batch is inferred."""

from __future__ import annotations

import time
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from dermassist.imaging.loading import ImageLoadError, LoadedImage, load_image
from dermassist.inference.prediction import Prediction
from dermassist.inference.session import ModelSession


@dataclass(frozen=True)
class Failure:
    """An input that could not be classified, with a one-line reason."""

    image: str
    error: str

    def to_json_dict(self) -> dict[str, str]:
        """The ``classify --json`` record for a failed image."""
        return {"image": self.image, "error": self.error}


def _decode(path: Path, min_size: tuple[int, int]) -> tuple[LoadedImage | str, float]:
    t0 = time.perf_counter()
    try:
        loaded: LoadedImage | str = load_image(path, min_size=min_size)
    except ImageLoadError as exc:
        loaded = str(exc)
    return loaded, (time.perf_counter() - t0) * 1000


def classify_paths(
    session: ModelSession, paths: list[Path], batch_size: int = 8, workers: int = 2
) -> Iterator[Prediction | Failure]:
    """Yield one result per path, in order. Bad files yield a ``Failure``; the rest go on."""
    height, width = session.card.input.size
    min_size = (width, height)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures: list[Future[tuple[LoadedImage | str, float]]] = [
            pool.submit(_decode, p, min_size) for p in paths[: batch_size * 2]
        ]
        submitted = len(futures)
        for start in range(0, len(paths), batch_size):
            chunk = futures[start : start + batch_size]
            # Queue the decode of a further batch before inferring this one, so they overlap.
            for p in paths[submitted : start + batch_size * 3]:
                futures.append(pool.submit(_decode, p, min_size))
            submitted = len(futures)
            results = [f.result() for f in chunk]
            good = [(i, r) for i, (r, _) in enumerate(results) if isinstance(r, LoadedImage)]
            preds: dict[int, Prediction] = {}
            if good:
                images = [r.rgb for _, r in good if isinstance(r, LoadedImage)]
                names = [str(paths[start + i]) for i, _ in good]
                decode_ms = [results[i][1] for i, _ in good]
                for (i, _), pred in zip(good, session.predict_images(images, names, decode_ms), strict=True):
                    preds[i] = pred
            for i, (res, _) in enumerate(results):
                yield preds[i] if i in preds else Failure(str(paths[start + i]), str(res))
            for j in range(start, start + len(chunk)):
                futures[j] = None  # type: ignore[call-overload]  # free decoded pixels early
