"""JPEG decoders for large photographs: Pillow full vs Pillow draft (the app) vs OpenCV full vs
OpenCV IMREAD_REDUCED_COLOR_2/4/8; their speed, what they do to the model's input and output, and
whether EXIF orientation survives (a copy of a photo stored rotated with orientation tag 6).

    .venv/bin/python benchmarks/fp_decode.py [--model M.onnx] [--quick]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from benchlib import child_arguments, write_result


def _opencv_reduced(path: Path, min_w: int, min_h: int) -> tuple[np.ndarray, int]:
    import cv2

    import_size = _jpeg_size(path)
    factor = 1
    for k in (8, 4, 2):
        if import_size[0] // k >= min_w and import_size[1] // k >= min_h:
            factor = k
            break
    flag = {1: cv2.IMREAD_COLOR_RGB, 2: cv2.IMREAD_REDUCED_COLOR_2, 4: cv2.IMREAD_REDUCED_COLOR_4,
            8: cv2.IMREAD_REDUCED_COLOR_8}[factor]
    img = cv2.imread(str(path), flag)
    if factor > 1:  # the reduced modes return BGR
        img = cv2.cvtColor(img, cv2.COLOR_BGR2RGB)
    return img, factor


def _jpeg_size(path: Path) -> tuple[int, int]:
    from PIL import Image

    with Image.open(path) as im:
        return im.size


def decoders(min_w: int, min_h: int) -> dict[str, Callable[[Path], np.ndarray]]:
    """name -> function(path) returning HxWx3 uint8 RGB, display-oriented."""
    import cv2

    from dermassist.imaging.loading import load_image

    return {
        "Pillow full": lambda p: load_image(p).rgb,
        "Pillow draft (app)": lambda p: load_image(p, min_size=(min_w, min_h)).rgb,
        "OpenCV full": lambda p: cv2.imread(str(p), cv2.IMREAD_COLOR_RGB),
        "OpenCV reduced": lambda p: _opencv_reduced(p, min_w, min_h)[0],
    }


def rotated_copy(src: Path, out: Path) -> Path:
    """``src`` stored turned 90 degrees with EXIF orientation 6, so a viewer shows it upright."""
    from PIL import Image

    with Image.open(src) as im:
        stored = im.convert("RGB").transpose(Image.Transpose.ROTATE_90)
    exif = Image.Exif()
    exif[0x0112] = 6
    stored.save(out, quality=92, exif=exif.tobytes())
    return out


def main(argv: list[str]) -> int:
    """Time each decoder per file; compare inputs/outputs to the full decode; check orientation."""
    args = child_arguments(__doc__).parse_args(argv)

    from inputs import TWELVE_MP, gather

    from dermassist.inference.card import load_card
    from dermassist.inference.preprocess import preprocess
    from dermassist.inference.session import ModelSession

    session = ModelSession(load_card(args.model), providers="cpu", threads=args.threads)
    spec = session.card.input
    h, w = spec.size
    work = args.work or Path(tempfile.mkdtemp(prefix="dermassist-decode-"))
    inputs = gather(args.data, work / "inputs", 1, 1, 2 if args.quick else 8)
    files = [*inputs.fullres, inputs.twelve_mp, rotated_copy(inputs.twelve_mp, work / "twelve_mp_rot6.jpg")]
    reps = 2 if args.quick else 7
    decs = decoders(w, h)
    print(f"\n### Decoding large JPEGs for a {w}x{h} model (ms, median of {reps}; decode only, "
          "then resize+normalise)\n")
    print("| file | pixels | " + " | ".join(decs) + " | preprocess after draft |")
    print("|---|---|" + "---|" * len(decs) + "---|")
    diffs: dict[str, list[tuple[float, float]]] = {k: [] for k in decs}
    # p(malignant) of each decoder minus that of the data set's own small copy of the same lesion
    # (what the model was trained and tested on), where the data set has one.
    vs_dataset: dict[str, list[float]] = {k: [] for k in decs}
    result: dict[str, Any] = {"files": {}}
    for path in files:
        ref_rgb = decs["Pillow full"](path)
        ref_x = preprocess(ref_rgb, spec)
        ref_p = session.predict_images([ref_rgb], ["ref"])[0].malignant
        small_copy = args.data / "images" / path.name
        ds_p = session.predict_images([decs["Pillow draft (app)"](small_copy)], ["ds"])[0].malignant \
            if small_copy.is_file() else None
        row = {}
        for name, fn in decs.items():
            times = []
            for _ in range(reps):
                t = time.perf_counter()
                rgb = fn(path)
                times.append((time.perf_counter() - t) * 1000)
            row[name] = statistics.median(times)
            if (rgb.shape[1] > rgb.shape[0]) != (ref_rgb.shape[1] > ref_rgb.shape[0]):
                row[name + " orientation"] = "WRONG"
            x = preprocess(rgb, spec)
            p = session.predict_images([rgb], ["x"])[0].malignant
            diffs[name].append((float(np.abs(x - ref_x).mean()), abs(p - ref_p)))
            if ds_p is not None:
                vs_dataset[name].append(p - ds_p)
        small = decs["Pillow draft (app)"](path)
        pre = []
        for _ in range(reps):
            t = time.perf_counter()
            preprocess(small, spec)
            pre.append((time.perf_counter() - t) * 1000)
        label = path.name if len(path.name) < 24 else path.name[:21] + "..."
        px = f"{ref_rgb.shape[1]}x{ref_rgb.shape[0]}"
        cells = [f"{row[n]:.1f}" + (" (orientation WRONG)" if row.get(n + " orientation") else "") for n in decs]
        print(f"| {label} | {px} | " + " | ".join(cells) + f" | {statistics.median(pre):.2f} |", flush=True)
        result["files"][path.name] = row
    print(f"\n12-MP file: {TWELVE_MP[0]}x{TWELVE_MP[1]}, {inputs.twelve_mp.stat().st_size / 1e6:.1f} MB; "
          "*_rot6 is the same stored turned, with EXIF orientation 6.")
    print("\n| decoder | mean abs change of the model input (std units) vs full decode | "
          "max abs change of p(malignant) |")
    print("|---|---|---|")
    for name, vals in diffs.items():
        print(f"| {name} | {max(v[0] for v in vals):.4f} (worst file) | {max(v[1] for v in vals):.4f} |")
    if any(vs_dataset.values()):
        n = len(next(iter(vs_dataset.values())))
        print(f"\np(malignant) from the full-resolution photo minus p from the data set's own small copy of the same "
              f"lesion (the format the model was trained and tested on), {n} photos:\n")
        print("| decoder | mean | mean abs | worst |")
        print("|---|---|---|---|")
        for name, d in vs_dataset.items():
            worst = max(d, key=abs)
            print(f"| {name} | {statistics.fmean(d):+.3f} | {statistics.fmean(abs(x) for x in d):.3f} | {worst:+.3f} |")
        result["vs_dataset"] = vs_dataset
    write_result(args.result, result)
    return 0



if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
