"""The pictures the benchmark uses, gathered in a temporary folder outside the project.

Real ISIC pictures are only linked to (never copied into the repository); the 12-megapixel
photograph is made by enlarging the largest full-resolution one (with a little sensor-like noise,
so it compresses like a camera picture). Without the shared data folder synthetic pictures stand in.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

TWELVE_MP = (4032, 3024)  # a common 12-MP phone/dermatoscope camera format


@dataclass(frozen=True)
class Inputs:
    """Lists of picture files for each measurement, and whether they are real ISIC pictures."""

    fullres: list[Path]
    twelve_mp: Path
    small: list[Path]
    folder: Path
    folder_count: int
    real: bool


def _evenly(items: list[Path], n: int) -> list[Path]:
    if n >= len(items):
        return items
    step = len(items) / n
    return [items[int(i * step)] for i in range(n)]


def _synthetic(path: Path, width: int, height: int, seed: int) -> Path:
    import numpy as np
    from PIL import Image

    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[0:height, 0:width].astype(np.float32)
    r = np.hypot((xx - width / 2) / (width / 4), (yy - height / 2) / (height / 4))
    w = np.clip(1.5 - r, 0, 1)[..., None]
    img = np.array([220, 170, 150], np.float32) * (1 - w) + np.array([90, 50, 40], np.float32) * w
    img = img + rng.normal(0, 3, (height, width, 1)).astype(np.float32)
    Image.fromarray(np.clip(img, 0, 255).astype(np.uint8)).save(path, quality=92)
    return path


def _twelve_mp(source: Path | None, out: Path) -> Path:
    import numpy as np
    from PIL import Image

    if source is None:
        return _synthetic(out, *TWELVE_MP, seed=12)
    with Image.open(source) as im:
        big = im.convert("RGB").resize(TWELVE_MP, Image.Resampling.BICUBIC)
    arr = np.asarray(big, dtype=np.int16) + np.random.default_rng(0).normal(0, 3, (*TWELVE_MP[::-1], 1)).astype(
        np.int16)
    Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8)).save(out, quality=92)
    return out


def gather(data: Path, work: Path, n_small: int, n_folder: int, n_fullres: int = 8) -> Inputs:
    """Pick (or make) the pictures under ``work``: full-resolution photos, a 12-MP JPEG, small
    images and a folder of ``n_folder`` links for ``dermassist classify``."""
    work.mkdir(parents=True, exist_ok=True)
    all_fullres = sorted((data / "fullres").glob("*.jpg"))
    fullres = all_fullres[:n_fullres]
    small_all = sorted((data / "images").glob("*.jpg"))
    real = bool(fullres) and bool(small_all)
    if not real:
        synth = work / "synthetic"
        synth.mkdir(exist_ok=True)
        fullres = [_synthetic(synth / f"full{i}.jpg", w, h, i)
                   for i, (w, h) in enumerate([(919, 802), (1504, 1129), (2048, 1536), (2592, 1944)][:n_fullres])]
        small_all = [_synthetic(synth / f"small{i}.jpg", 224, 224, 100 + i) for i in range(min(n_small, 32))]
    largest = largest_picture(all_fullres) if real else None
    twelve = work / "twelve_mp.jpg"
    if not twelve.is_file():
        _twelve_mp(largest, twelve)
    folder = work / f"folder{n_folder}"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir()
    picks = _evenly(small_all, n_folder)
    for i in range(n_folder):
        src = picks[i % len(picks)]
        os.symlink(src.resolve(), folder / f"{i:05d}_{src.name}")
    return Inputs(fullres, twelve, _evenly(small_all, n_small), folder, n_folder, real)


def largest_picture(paths: list[Path]) -> Path:
    """The picture with the most pixels (ties: the bigger file)."""
    from PIL import Image

    def key(p: Path) -> tuple[int, int]:
        with Image.open(p) as im:
            return (im.size[0] * im.size[1], p.stat().st_size)

    return max(paths, key=key)


def warm_file_cache(paths: list[Path]) -> None:
    """Read every file once so the measured runs find them in the page cache."""
    for p in paths:
        with open(p, "rb") as fh:
            while fh.read(1 << 20):
                pass
