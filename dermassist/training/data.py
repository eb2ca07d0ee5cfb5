"""The ISIC data set from ``labels.csv`` with its fixed split, preloaded as uint8 RGB arrays."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import numpy as np

from dermassist.evaluation.dataset import Sample, read_labels
from dermassist.imaging.loading import load_image

__all__ = ["ArrayDataset", "Sample", "preload", "read_labels"]


def preload(samples: list[Sample], max_side: int | None = None, workers: int = 2) -> list[np.ndarray]:
    """Decode every image once (RGB uint8); ``max_side`` shrinks larger images to save memory."""
    import cv2

    def one(s: Sample) -> np.ndarray:
        rgb = load_image(s.path).rgb
        if max_side and max(rgb.shape[:2]) > max_side:
            scale = max_side / max(rgb.shape[:2])
            size = (round(rgb.shape[1] * scale), round(rgb.shape[0] * scale))
            rgb = cv2.resize(rgb, size, interpolation=cv2.INTER_AREA)
        return rgb

    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(one, samples))


class ArrayDataset:
    """A torch-style dataset over preloaded arrays: ``transform(rgb, rng) -> float32 input``."""

    def __init__(
        self,
        images: list[np.ndarray],
        labels: list[int],
        transform: Callable[[np.ndarray, np.random.Generator], np.ndarray],
        seed: int = 0,
    ) -> None:
        self.images, self.labels, self.transform = images, labels, transform
        self.seed = seed
        self.epoch = 0

    def __len__(self) -> int:
        return len(self.images)

    def __getitem__(self, index: int) -> tuple[np.ndarray, int]:
        # A per-item, per-epoch generator keeps augmentation reproducible whatever the worker order.
        rng = np.random.default_rng((self.seed, self.epoch, index))
        return self.transform(self.images[index], rng), self.labels[index]
