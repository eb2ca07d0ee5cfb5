"""``dermassist import-model``: check an ONNX model trained elsewhere, write its card and install it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from dermassist import INTENDED_USE
from dermassist.inference.card import DECODE_MODES, INTERPOLATIONS
from dermassist.inference.model_import import PRESETS


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``import-model`` subcommand."""
    p = sub.add_parser("import-model", help="check an external ONNX model, write its card and install it",
                       formatter_class=argparse.RawDescriptionHelpFormatter,
                       epilog="See docs/bring-your-own-model.md for the command that matches a Keras or PyTorch model.")
    p.add_argument("model", type=Path)
    p.add_argument("--preset", choices=list(PRESETS),
                   help="input normalisation convention; required unless the file shows it "
                        "(keras-caffe for a Keras ResNet50)")
    p.add_argument("--interpolation", choices=INTERPOLATIONS,
                   help="resampling to the input size (default: the preset framework's own: pil-nearest for "
                        "Keras load_img, pil-bilinear for torchvision)")
    p.add_argument("--decode", choices=DECODE_MODES,
                   help="'full' decodes every JPEG at full size as Keras/torchvision do (default for pil-*); "
                        "'reduced' decodes large JPEGs at 1/2..1/8 scale (faster)")
    p.add_argument("--name", help="model name (default: file name); also the installed file's name")
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
    p.add_argument("--threshold", type=float, default=0.5,
                   help="default threshold until 'dermassist calibrate' sets a validated one")
    p.add_argument("--training-data", default="unknown (external model)")
    p.add_argument("--licence", default="unknown")
    p.add_argument("--models-dir", type=Path, help="install into this folder (default: the per-user models folder)")
    p.add_argument("--make-default", action="store_true", help="make it the default model")
    p.add_argument("--force", action="store_true", help="replace an installed model of the same name")
    p.set_defaults(func=run)


def _card_data(args: argparse.Namespace, facts: Any, preset: str, why: str, layout: str, size: list[int],
               interpolation: str, decode: str, file: str, sha: str) -> dict[str, Any]:
    from dermassist.inference.model_import import LIMITATION

    order, scale, mean, std = PRESETS[preset]
    labels = [x.strip() for x in args.labels.split(",") if x.strip()]
    return {
        "schema_version": 1, "name": args.name or args.model.stem, "architecture": args.architecture,
        "version": args.version, "file": file, "sha256": sha,
        "input": {"name": facts.input_name, "size": list(size), "layout": layout, "resize": args.resize,
                  "interpolation": interpolation, "decode": decode,
                  "channel_order": args.channel_order or order,
                  "pixel_scale": args.pixel_scale if args.pixel_scale is not None else scale,
                  "mean": args.mean or mean, "std": args.std or std},
        "output": {"name": args.output_name or facts.outputs[0], "kind": args.output_kind or "logits",
                   "labels": labels, "positive_label": args.positive_label, "temperature": 1.0},
        "threshold": args.threshold,
        "training_data": {"description": args.training_data, "licence": args.licence},
        "metrics": {"note": "not measured by DermAssist; run 'dermassist calibrate' on labelled images"},
        "intended_use": INTENDED_USE,
        "limitations": [LIMITATION],
        "imported": {"source_file": args.model.name, "producer": f"{facts.producer} {facts.producer_version}".strip(),
                     "detected_layout": facts.layout, "preset": preset, "preset_reason": why},
    }


def run(args: argparse.Namespace) -> int:
    """Detect what can be detected, check the model runs through the app's code, then install it."""
    import numpy as np

    from dermassist.inference.card import CardError, card_from_dict, card_path_for, sha256_file, write_card
    from dermassist.inference.model_import import (
        DEFAULT_INTERPOLATION,
        ImportRefused,
        choose_preset,
        inspect_model,
        install_dir,
        install_files,
        same_outputs,
        set_default,
    )
    from dermassist.inference.preprocess import preprocess
    from dermassist.inference.session import ModelSession

    model: Path = args.model
    if not model.is_file():
        print(f"dermassist: {model}: no such file", file=sys.stderr)
        return 2
    try:
        facts = inspect_model(model)
        preset, why = choose_preset(facts, args.preset)
    except ImportRefused as exc:
        print(f"dermassist: {exc}", file=sys.stderr)
        return 2
    print(f"model: {facts.describe()}")
    print(f"preset {preset}: {why}")
    layout = args.layout or facts.layout
    if layout is None:
        print(f"dermassist: cannot tell the channel axis of input shape {list(facts.input_shape)}; pass --layout",
              file=sys.stderr)
        return 2
    shape = list(facts.input_shape)
    dims = shape[2:4] if layout == "NCHW" else shape[1:3]
    size = args.size or [d if isinstance(d, int) else 224 for d in dims]
    interpolation = args.interpolation or DEFAULT_INTERPOLATION[preset]
    decode = args.decode or ("full" if interpolation.startswith("pil-") else "reduced")
    if not args.interpolation:
        print(f"interpolation {interpolation}: the resampling {preset}'s framework uses when loading pictures "
              "(--interpolation to change)")
    stem = args.name or model.stem
    # Checked through the app's own code on the source file before anything is written.
    data = _card_data(args, facts, preset, why, layout, size, interpolation, decode, model.name, sha256_file(model))
    try:
        card = card_from_dict(data, card_path_for(model))
        session = ModelSession(card, providers="cpu")
        rgb = np.random.default_rng(0).integers(0, 256, (size[0] + 37, size[1] + 11, 3), dtype=np.uint8)
        raw = session.raw_scores(np.stack([preprocess(rgb, card.input)]))
    except (CardError, ValueError) as exc:
        print(f"dermassist: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # a model that cannot run on a correctly shaped input
        print(f"dermassist: {model}: model failed on a test input ({str(exc).splitlines()[0]})", file=sys.stderr)
        return 2
    if not args.output_kind:
        sums_to_one = bool(np.all(raw >= 0) and np.allclose(raw.sum(axis=1), 1.0, atol=1e-3))
        data["output"]["kind"] = "probabilities" if sums_to_one else "logits"
    try:
        target, exposed = install_files(model, stem, args.models_dir or install_dir(), args.force,
                                        data["output"]["name"])
        if exposed:
            batch = np.stack([preprocess(rgb, card.input)])
            added: list[str] = []
            if same_outputs(model, target, facts.input_name, batch, data["output"]["name"]):
                if exposed.logits and data["output"]["kind"] == "probabilities":
                    data["output"]["logits"] = exposed.logits
                    added.append(f"logits '{exposed.logits}' (the Softmax's input)")
                if exposed.features:
                    data["output"]["features"] = exposed.features
                    added.append(f"features '{exposed.features}' (the final dense layer's input)")
            if added:
                data["imported"]["graph_change"] = (
                    f"outputs for the out-of-distribution checks (added where the graph did not return them): "
                    f"{', '.join(added)}; class output checked bit-identical to the source file")
                print(f"using {' and '.join(added)} for the out-of-distribution checks "
                      "(class output unchanged, checked bit-identical)")
            else:  # a changed result or nothing useful: install the file exactly as given
                data["output"].pop("logits", None)
                data["output"].pop("features", None)
                target, _ = install_files(model, stem, target.parent, True)
        data["file"] = target.name
        data["sha256"] = sha256_file(target)
        data["imported"]["source_sha256"] = sha256_file(model)
        card_path = card_path_for(target)
        write_card(card_from_dict(data, card_path), card_path)
        if args.make_default:
            set_default(card_path)
    except (ImportRefused, CardError, OSError) as exc:
        print(f"dermassist: {exc}", file=sys.stderr)
        return 2
    print(f"installed {target} with its card {card_path.name}: {layout} {size[0]}x{size[1]} "
          f"{data['input']['channel_order']}, {interpolation}, decode {decode}, output '{data['output']['name']}' "
          f"as {data['output']['kind']}; the model ran on a test input"
          + ("; it is now the default model" if args.make_default else ""))
    print(f"NOT VALIDATED: the threshold {args.threshold:g} is a default. Validate it on labelled images with:\n"
          f"  dermassist calibrate {target} --data FOLDER_WITH_labels.csv")
    return 0
