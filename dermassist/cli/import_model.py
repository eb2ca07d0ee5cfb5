"""``dermassist import-model``: write a card for an ONNX model trained elsewhere, after checking it runs."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from dermassist import INTENDED_USE

# Conventions of common exporters: (channel_order, pixel_scale, mean, std).
PRESETS: dict[str, tuple[str, float, list[float], list[float]]] = {
    # torchvision / timm ImageNet models
    "torch-imagenet": ("RGB", 1 / 255, [0.485, 0.456, 0.406], [0.229, 0.224, 0.225]),
    # keras.applications "caffe" mode (ResNet50, VGG16/19): BGR, 0..255 minus the ImageNet BGR mean
    "keras-caffe": ("BGR", 1.0, [103.939, 116.779, 123.68], [1.0, 1.0, 1.0]),
    # keras.applications "tf" mode (MobileNet, Xception, Inception*, NASNet, ResNetV2): RGB scaled to -1..1
    "keras-tf": ("RGB", 1 / 127.5, [1.0, 1.0, 1.0], [1.0, 1.0, 1.0]),
    # keras.applications "torch" mode (DenseNet): RGB 0..1 then ImageNet mean/std
    "keras-torch": ("RGB", 1 / 255, [0.485, 0.456, 0.406], [0.229, 0.224, 0.225]),
    "raw-0-1": ("RGB", 1 / 255, [0.0, 0.0, 0.0], [1.0, 1.0, 1.0]),
}


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``import-model`` subcommand."""
    p = sub.add_parser("import-model", help="write a model card for an external ONNX model")
    p.add_argument("model", type=Path)
    p.add_argument("--preset", choices=sorted(PRESETS), default="torch-imagenet",
                   help="normalisation convention (keras-caffe for the study's Keras ResNet50)")
    p.add_argument("--name", help="model name (default: file name)")
    p.add_argument("--version", default="1.0.0")
    p.add_argument("--architecture", default="unknown")
    p.add_argument("--layout", choices=["NCHW", "NHWC"], help="default: detected from the input shape")
    p.add_argument("--size", type=int, nargs=2, metavar=("H", "W"), help="default: from the input shape")
    p.add_argument("--resize", choices=["squash", "center_crop", "letterbox"], default="squash")
    p.add_argument("--channel-order", choices=["RGB", "BGR"])
    p.add_argument("--pixel-scale", type=float)
    p.add_argument("--mean", type=float, nargs=3)
    p.add_argument("--std", type=float, nargs=3)
    p.add_argument("--output-kind", choices=["logits", "probabilities"],
                   help="default: probabilities when every output row sums to 1")
    p.add_argument("--output-name", help="default: the first output")
    p.add_argument("--labels", default="benign,malignant", help="comma-separated, in output order")
    p.add_argument("--positive-label", default="malignant")
    p.add_argument("--threshold", type=float, default=0.5)
    p.add_argument("--training-data", default="unknown (external model)")
    p.add_argument("--licence", default="unknown")
    p.add_argument("--force", action="store_true", help="overwrite an existing card")
    p.set_defaults(func=run)


def _inspect(model: Path) -> tuple[str, list[Any], list[str]]:
    import onnxruntime as ort

    sess = ort.InferenceSession(str(model), providers=["CPUExecutionProvider"])
    inp = sess.get_inputs()[0]
    return inp.name, list(inp.shape), [o.name for o in sess.get_outputs()]


def run(args: argparse.Namespace) -> int:
    """Detect what can be detected, write the card, then load and run the model through the app's code."""
    import numpy as np

    from dermassist.inference.card import CardError, card_from_dict, card_path_for, sha256_file, write_card
    from dermassist.inference.preprocess import preprocess
    from dermassist.inference.session import ModelSession

    model: Path = args.model
    card_path = card_path_for(model)
    if not model.is_file():
        print(f"dermassist: {model}: no such file", file=sys.stderr)
        return 2
    if card_path.exists() and not args.force:
        print(f"dermassist: {card_path} already exists (use --force to replace it)", file=sys.stderr)
        return 2
    try:
        in_name, shape, outputs = _inspect(model)
    except Exception as exc:  # onnxruntime raises private exception types
        print(f"dermassist: {model}: not a loadable ONNX model ({str(exc).splitlines()[0]})", file=sys.stderr)
        return 2
    layout = args.layout or ("NHWC" if len(shape) == 4 and shape[3] == 3 else "NCHW")
    dims = shape[2:4] if layout == "NCHW" else shape[1:3]
    size = args.size or [d if isinstance(d, int) else 224 for d in dims]
    order, scale, mean, std = PRESETS[args.preset]
    labels = [x.strip() for x in args.labels.split(",") if x.strip()]
    data: dict[str, Any] = {
        "schema_version": 1, "name": args.name or model.stem, "architecture": args.architecture,
        "version": args.version, "file": model.name, "sha256": sha256_file(model),
        "input": {"name": in_name, "size": list(size), "layout": layout, "resize": args.resize,
                  "interpolation": "area", "channel_order": args.channel_order or order,
                  "pixel_scale": args.pixel_scale if args.pixel_scale is not None else scale,
                  "mean": args.mean or mean, "std": args.std or std},
        "output": {"name": args.output_name or outputs[0], "kind": args.output_kind or "logits", "labels": labels,
                   "positive_label": args.positive_label, "temperature": 1.0},
        "threshold": args.threshold,
        "training_data": {"description": args.training_data, "licence": args.licence},
        "metrics": {"note": "not measured by DermAssist; run 'dermassist evaluate' to measure"},
        "intended_use": INTENDED_USE,
        "limitations": ["Imported external model: its training data and validation are as stated by its supplier."],
    }
    try:
        card = card_from_dict(data, card_path)
        session = ModelSession(card, providers="cpu")
        rgb = np.random.default_rng(0).integers(0, 256, (size[0] + 37, size[1] + 11, 3), dtype=np.uint8)
        x = np.stack([preprocess(rgb, card.input)])
        raw = session.raw_scores(x)
    except (CardError, ValueError) as exc:
        print(f"dermassist: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # a model that cannot run on a correctly shaped input
        print(f"dermassist: {model}: model failed on a test input ({str(exc).splitlines()[0]})", file=sys.stderr)
        return 2
    if not args.output_kind:
        sums_to_one = bool(np.all(raw >= 0) and np.allclose(raw.sum(axis=1), 1.0, atol=1e-3))
        data["output"]["kind"] = "probabilities" if sums_to_one else "logits"
    write_card(card_from_dict(data, card_path), card_path)
    print(f"wrote {card_path}: {layout} {size[0]}x{size[1]} {data['input']['channel_order']}, "
          f"output '{data['output']['name']}' as {data['output']['kind']}; the model ran on a test input")
    return 0
