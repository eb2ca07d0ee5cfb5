"""Many files through the same quality and out-of-distribution gate as the window, in batches.

Decoding, the quality check and preprocessing run in worker threads while the previous batch is
inferred (as in :mod:`dermassist.inference.pipeline`); each picture is then judged by
:meth:`TrustedModel.judge`, the code behind the window's warnings.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from dermassist.imaging.field_of_view import field_box
from dermassist.imaging.limits import display_name
from dermassist.imaging.loading import ImageLoadError, load_image
from dermassist.imaging.quality import QualityLimits, QualityReport, assess_quality
from dermassist.inference.card import InputSpec
from dermassist.inference.heatmap import cam_on_picture
from dermassist.inference.ood import OodError, OodResult
from dermassist.inference.ood_output import logits_of
from dermassist.inference.pipeline import Failure
from dermassist.inference.prediction import Timings
from dermassist.inference.preprocess import preprocess
from dermassist.inference.trust import TrustedAnalysis, TrustedModel


@dataclass(frozen=True)
class _Checked:
    """A decoded picture reduced to its model input row and quality report, or why it failed."""

    name: str
    tensor: np.ndarray | None
    quality: QualityReport | None
    error: str
    decode_ms: float
    preprocess_ms: float
    box: tuple[int, int, int, int] = (0, 0, 0, 0)  # what the network saw (x0, y0, x1, y1)
    size: tuple[int, int] = (0, 0)  # the picture's width and height


def _check(path: Path, spec: InputSpec) -> _Checked:
    name = display_name(path)
    t0 = time.perf_counter()
    try:
        loaded = load_image(path, min_size=spec.decode_min_size, name=name)
    except ImageLoadError as exc:
        return _Checked(name, None, None, str(exc), (time.perf_counter() - t0) * 1000, 0.0)
    t1 = time.perf_counter()
    quality = assess_quality(loaded.rgb, QualityLimits(min_side=min(spec.size)))
    box = field_box(loaded.rgb, spec.field_of_view)
    tensor = preprocess(loaded.rgb, spec, box)
    h, w = loaded.rgb.shape[:2]
    return _Checked(name, tensor, quality, "", (t1 - t0) * 1000, (time.perf_counter() - t1) * 1000, box, (w, h))


def _batch_ood(trusted: TrustedModel, feats: np.ndarray | None) -> list[OodResult] | None:
    """Distances of a whole batch in one matrix product (per picture, it would be the slowest step)."""
    if trusted.ood is None or trusted.ood_problem or feats is None:
        return None
    try:
        return [OodResult(float(d), trusted.ood.threshold) for d in trusted.ood.distances(feats)]
    except OodError:
        return None  # judged per picture, which reports the problem as a warning


def classify_trusted(
    trusted: TrustedModel, paths: list[Path], preset: str = "card", batch_size: int = 8, workers: int = 2
) -> Iterator[TrustedAnalysis | Failure]:
    """Yield one judged result per path, in order; a file that cannot be read yields a ``Failure``."""
    session, card = trusted.session, trusted.session.card
    spec = card.input
    batch_size = max(1, batch_size)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures: list[Future[_Checked] | None] = [pool.submit(_check, p, spec) for p in paths[: batch_size * 2]]
        for start in range(0, len(paths), batch_size):
            # Queue a further batch before inferring this one, so decoding and inference overlap.
            futures.extend(pool.submit(_check, p, spec) for p in paths[len(futures) : start + batch_size * 3])
            results = [f.result() for f in futures[start : start + batch_size] if f is not None]
            good = [r for r in results if r.tensor is not None]
            judged: dict[int, TrustedAnalysis] = {}
            if good:
                t0 = time.perf_counter()
                raw = session.run(np.stack([r.tensor for r in good if r.tensor is not None]))
                inf_ms = (time.perf_counter() - t0) * 1000 / len(good)
                feats = raw.extras.get(card.output.features) if card.output.features else None
                cams = raw.extras.get(card.output.cam) if card.output.cam else None
                logits = logits_of(card, raw.scores, raw.extras)
                oods = _batch_ood(trusted, feats)
                for row, r in enumerate(good):
                    assert r.quality is not None
                    cam = np.asarray(cams[row], dtype=np.float32) if cams is not None and cams.ndim == 3 else None
                    if cam is not None:
                        cam = cam_on_picture(cam, r.box, *r.size)
                    judged[id(r)] = trusted.judge(
                        r.name, raw.probabilities[row], r.quality, feats[row] if feats is not None else None,
                        cam, preset, Timings(r.decode_ms, r.preprocess_ms, inf_ms),
                        logits=logits[row] if logits is not None else None,
                        ood_result=oods[row] if oods is not None else None,
                    )  # fmt: skip
            for r in results:
                yield judged[id(r)] if id(r) in judged else Failure(r.name, r.error)
            for j in range(start, min(start + batch_size, len(futures))):
                futures[j] = None  # free the prepared pixels early
