"""Labelled data folders (``labels.csv`` with a fixed train/val/test split: the shared ISIC folder's,
Derm7pt's or a center's own), no torch.

Two layouts are read: the ISIC folder (``image``, ``isic_id``, ``source``, ``malignant``,
``split``) and folders such as Derm7pt (``image``, ``case``, ``malignant``, ``split``). Each
sample remembers the folder it came from (``dataset``), so every figure can be reported per source.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

SPLITS = ("train", "val", "test")


@dataclass(frozen=True)
class Sample:
    """One labelled image of a shared data folder."""

    path: Path
    isic_id: str
    source: str
    malignant: int
    split: str
    dataset: str = ""


def dataset_name(root: Path) -> str:
    """Short name of a data folder (its directory name, e.g. ``isic`` or ``derm7pt``)."""
    return Path(root).resolve().name or str(root)


def read_labels(root: Path, split: str | None = None, limit: int | None = None) -> list[Sample]:
    """Rows of ``root/labels.csv`` (optionally one split; ``limit`` keeps a class-balanced head for smoke tests)."""
    name = dataset_name(root)
    with open(root / "labels.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    samples = [
        Sample(root / r["image"], r.get("isic_id") or r.get("case") or Path(r["image"]).stem,
               r.get("source") or name, int(r["malignant"]), r["split"], name)
        for r in rows
        if split is None or r["split"] == split
    ]
    if limit is not None:
        pos = [s for s in samples if s.malignant][: max(1, limit // 2)]
        neg = [s for s in samples if not s.malignant][: limit - len(pos)]
        samples = pos + neg
    return samples


def read_many(roots: list[Path], split: str | None = None, limit: int | None = None) -> list[Sample]:
    """:func:`read_labels` over several data folders, concatenated."""
    out: list[Sample] = []
    for root in roots:
        out.extend(read_labels(root, split, limit))
    return out
