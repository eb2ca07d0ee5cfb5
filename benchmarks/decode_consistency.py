"""Same picture, same answer: the eight full-resolution ISIC photographs through the app's own
decode + preprocessing, as the original JPEG, as a PNG of the JPEG's exact pixels, and against the
256-px copy of the same lesion in the data set.

    .venv/bin/python benchmarks/decode_consistency.py [--model M.onnx] [--data ../shared/data/isic]

Prints, per photograph: the input pixels' difference between the reduced-scale JPEG decode and a
full decode (max / mean grey levels), P(malignant) for the JPEG, the PNG and the data-set copy,
|JPEG - PNG| and |JPEG - copy|. Targets: |JPEG - PNG| <= 0.02 and |JPEG - copy| <= 0.10.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dermassist.imaging.loading import DRAFT_MARGIN, load_image  # noqa: E402
from dermassist.inference.card import load_card  # noqa: E402
from dermassist.inference.preprocess import preprocess, resize_to_input  # noqa: E402
from dermassist.inference.registry import default_model  # noqa: E402
from dermassist.inference.session import ModelSession  # noqa: E402


def measure(session: ModelSession, data: Path) -> list[dict[str, object]]:
    """One row per full-resolution photograph."""
    spec = session.card.input
    min_size = (spec.size[1], spec.size[0])
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for jpg in sorted((data / "fullres").glob("*.jpg")):
            full = load_image(jpg).rgb
            png = Path(tmp) / (jpg.stem + ".png")
            Image.fromarray(full).save(png)
            reduced = load_image(jpg, min_size=min_size)
            a = resize_to_input(reduced.rgb, spec).astype(int)
            b = resize_to_input(full, spec).astype(int)
            copy = next(iter((data / "images").glob(jpg.stem + ".*")), None)
            pictures = [reduced.rgb, load_image(png, min_size=min_size).rgb]
            if copy is not None:
                pictures.append(load_image(copy, min_size=min_size).rgb)
            out = session.run(np.stack([preprocess(p, spec) for p in pictures]))
            p = [float(x) for x in out.probabilities[:, session.card.output.positive_index]]
            rows.append({"image": jpg.name, "size": f"{full.shape[1]}x{full.shape[0]}",
                         "decoded": f"{reduced.size[0]}x{reduced.size[1]}",
                         "max_px": int(np.abs(a - b).max()), "mean_px": float(np.abs(a - b).mean()),
                         "p_jpeg": p[0], "p_png": p[1], "p_copy": p[2] if len(p) > 2 else float("nan")})
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, help="ONNX model with its card (default: the default model)")
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "isic")
    args = parser.parse_args()
    if not (args.data / "fullres").is_dir():
        print(f"no full-resolution photographs in {args.data / 'fullres'}", file=sys.stderr)
        return 2
    card = load_card(args.model.with_suffix(".json")) if args.model else default_model()
    session = ModelSession(card, providers="cpu")
    rows = measure(session, args.data)
    print(f"model {session.card.name} {session.card.version}; JPEGs decoded at reduced scale down to "
          f"{DRAFT_MARGIN}x the input size\n")
    print("| photograph | size | decoded at | input px diff max / mean | P JPEG | P PNG | P data-set copy "
          "| abs(JPEG - PNG) | abs(JPEG - copy) |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['image']} | {r['size']} | {r['decoded']} | {r['max_px']} / {r['mean_px']:.2f} "
              f"| {r['p_jpeg']:.3f} | {r['p_png']:.3f} | {r['p_copy']:.3f} "
              f"| {abs(r['p_jpeg'] - r['p_png']):.3f} | {abs(r['p_jpeg'] - r['p_copy']):.3f} |")  # type: ignore[operator]
    worst_png = max(abs(r["p_jpeg"] - r["p_png"]) for r in rows)  # type: ignore[operator]
    worst_copy = max(abs(r["p_jpeg"] - r["p_copy"]) for r in rows)  # type: ignore[operator]
    print(f"\nworst abs(JPEG - PNG) {worst_png:.3f} (target <= 0.02); worst abs(JPEG - copy) {worst_copy:.3f} "
          "(target <= 0.10)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
