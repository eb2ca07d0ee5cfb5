"""A random-weight stand-in for the shipped model, for benchmarking before a trained model exists.

It is built by the training package exactly as the real model is (torchvision MobileNetV2 trunk,
2-class head, outputs logits/features/feature_map/cam, ONNX opset 17, dynamic batch), so it costs
the same to run; only its weights are random. Needs the ``train`` extra (torch, torchvision).

    .venv/bin/python benchmarks/randmodel.py [FOLDER]    # writes mobilenet_v2-random.onnx + .json
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

NAME = "mobilenet_v2-random"


def default_folder() -> Path:
    """Where the stand-in is cached between runs (the system temporary folder)."""
    return Path(tempfile.gettempdir()) / "dermassist-bench"


def card_dict(onnx_path: Path, size: int = 224) -> dict[str, object]:
    """A complete card for the stand-in, laid out like the trained model's (no metrics)."""
    from dermassist import INTENDED_USE
    from dermassist.inference.card import sha256_file

    return {
        "schema_version": 1,
        "name": NAME,
        "architecture": "mobilenet_v2",
        "version": "0.0.0-bench",
        "file": onnx_path.name,
        "sha256": sha256_file(onnx_path),
        "input": {
            "name": "input", "size": [size, size], "layout": "NCHW", "resize": "squash", "interpolation": "area",
            "channel_order": "RGB", "pixel_scale": 1 / 255, "mean": [0.485, 0.456, 0.406],
            "std": [0.229, 0.224, 0.225],
        },
        "output": {
            "name": "logits", "kind": "logits", "labels": ["benign", "malignant"], "positive_label": "malignant",
            "temperature": 1.0, "features": "features", "feature_map": "feature_map", "cam": "cam",
        },
        "threshold": 0.5,
        "training_data": {"description": "none: random weights, for speed measurements only", "licence": "n/a"},
        "metrics": {},
        "intended_use": INTENDED_USE,
        "limitations": ["random weights; classifies nothing; for benchmarks only"],
    }


def export_random_mobilenet_v2(folder: Path, size: int = 224) -> Path:
    """Write ``mobilenet_v2-random.onnx`` and its card into ``folder``; returns the ONNX path."""
    import torch

    from dermassist.inference.card import card_from_dict, write_card
    from dermassist.training.models import ExportWrapper, build

    folder.mkdir(parents=True, exist_ok=True)
    onnx_path = folder / f"{NAME}.onnx"
    torch.manual_seed(0)
    net = ExportWrapper(build("mobilenet_v2", pretrained=False).net).eval()
    tmp = folder / f"{NAME}.onnx.tmp"
    torch.onnx.export(
        net, (torch.zeros(1, 3, size, size),), str(tmp), opset_version=17, input_names=["input"],
        output_names=["logits", "features", "feature_map", "cam"],
        dynamic_axes={n: {0: "batch"} for n in ("input", "logits", "features", "feature_map", "cam")},
        dynamo=False,
    )
    tmp.replace(onnx_path)
    card_path = onnx_path.with_suffix(".json")
    write_card(card_from_dict(card_dict(onnx_path, size), card_path), card_path)
    return onnx_path


def random_mobilenet_v2(folder: Path | None = None) -> Path:
    """The cached stand-in model, exported on first use."""
    folder = folder or default_folder()
    onnx_path = folder / f"{NAME}.onnx"
    if not (onnx_path.is_file() and onnx_path.with_suffix(".json").is_file()):
        export_random_mobilenet_v2(folder)
    return onnx_path


if __name__ == "__main__":
    print(random_mobilenet_v2(Path(sys.argv[1]) if len(sys.argv) > 1 else None))
