"""A ``labels.csv`` (the shared ISIC folder's, derm7pt's or a center's own) with its train/val/test split (no torch)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

SPLITS = ("train", "val", "test")


@dataclass(frozen=True)
class Sample:
    """One labelled image of the shared data set."""

    path: Path
    isic_id: str
    source: str
    malignant: int
    split: str


def read_labels(root: Path, split: str | None = None, limit: int | None = None) -> list[Sample]:
    """Rows of ``root/labels.csv`` (optionally one split; ``limit`` keeps a class-balanced head for smoke tests)."""
    with open(root / "labels.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    samples = [
        # ISIC's labels.csv names the image id and source; other sets (derm7pt) need only image/malignant/split.
        Sample(root / r["image"], r.get("isic_id") or Path(r["image"]).stem, r.get("source") or "",
               int(r["malignant"]), r["split"])
        for r in rows
        if split is None or r["split"] == split
    ]
    if limit is not None:
        pos = [s for s in samples if s.malignant][: max(1, limit // 2)]
        neg = [s for s in samples if not s.malignant][: limit - len(pos)]
        samples = pos + neg
    return samples
