"""How close DermAssist's input and probabilities come to Keras's / torchvision's own loading pipelines.

    python scripts/compare_keras_pipeline.py [--model models/X.onnx] [--data ../shared/data/isic/fullres]

For every photograph, the reference input is built as Keras's ``load_img(path, target_size=(H, W))``
(Pillow, ``nearest``, full decode, no EXIF rotation) + ``img_to_array`` and the card's normalisation
in float32 numpy, independently of DermAssist's code; the torchvision reference resizes with Pillow's
bilinear filter. Each DermAssist configuration runs through ``load_image`` + ``preprocess`` and the
same ONNX session. Prints one table row per configuration: how many inputs are bit-identical and the
largest differences in the input and in P(malignant). TensorFlow itself is not needed (nor used).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dermassist.imaging.loading import load_image  # noqa: E402
from dermassist.inference.card import InputSpec, load_card  # noqa: E402
from dermassist.inference.preprocess import preprocess  # noqa: E402
from dermassist.inference.registry import default_model  # noqa: E402
from dermassist.inference.session import ModelSession  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def reference(path: Path, spec: InputSpec, resample: Image.Resampling) -> np.ndarray:
    """Keras load_img (or torchvision Resize on PIL) + the card's normalisation, in plain numpy."""
    img = Image.open(path)
    if img.mode != "RGB":
        img = img.convert("RGB")
    size = (spec.size[1], spec.size[0])
    if img.size != size:
        img = img.resize(size, resample)
    x = np.asarray(img, dtype=np.float32)
    if spec.channel_order == "BGR":
        x = x[..., ::-1]
    x = x * np.float32(spec.pixel_scale)
    x = (x - np.asarray(spec.mean, np.float32)) / np.asarray(spec.std, np.float32)
    return np.ascontiguousarray(x.transpose(2, 0, 1) if spec.layout == "NCHW" else x)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, help="default: the default installed model")
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "isic" / "fullres")
    args = parser.parse_args()
    card = load_card(args.model) if args.model else default_model()
    session = ModelSession(card, providers="cpu")
    paths = sorted(p for p in args.data.iterdir() if p.suffix.lower() in (".jpg", ".jpeg", ".png"))
    if not paths:
        print(f"no photographs in {args.data}", file=sys.stderr)
        return 2
    base = card.input
    configs = {
        "keras load_img (pil-nearest, decode full)": (replace(base, interpolation="pil-nearest", decode="full"),
                                                      Image.Resampling.NEAREST),
        "torchvision Resize (pil-bilinear, decode full)": (replace(base, interpolation="pil-bilinear", decode="full"),
                                                           Image.Resampling.BILINEAR),
        "opencv nearest, decode full vs keras": (replace(base, interpolation="nearest", decode="full"),
                                                 Image.Resampling.NEAREST),
        f"card as shipped ({base.interpolation}, decode {base.decode}) vs keras": (base, Image.Resampling.NEAREST),
    }
    print(f"model {card.name} {card.version} ({card.short_sha}), {len(paths)} photographs from {args.data}")
    print("| DermAssist configuration | inputs bit-identical | max abs input diff | max abs dP | max abs d log P |")
    print("|---|---|---|---|---|")
    pos = card.output.positive_index
    for label, (spec, resample) in configs.items():
        same, dx, dp, dlogp = 0, 0.0, 0.0, 0.0
        for path in paths:
            ours = preprocess(load_image(path, min_size=spec.decode_min_size).rgb, spec)
            ref = reference(path, spec, resample)
            same += int(np.array_equal(ours, ref))
            dx = max(dx, float(np.abs(ours - ref).max()))
            p = session.run(np.stack([ours, ref])).probabilities[:, pos]
            dp = max(dp, abs(float(p[0] - p[1])))
            dlogp = max(dlogp, abs(float(np.log(p[0]) - np.log(p[1]))))
        print(f"| {label} | {same}/{len(paths)} | {dx:.3g} | {dp:.3g} | {dlogp:.3g} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
