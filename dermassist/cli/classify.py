"""``dermassist classify``: probabilities for image files and folders."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from dermassist import INTENDED_USE


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``classify`` subcommand."""
    p = sub.add_parser("classify", help="classify images or folders of images")
    p.add_argument("inputs", nargs="+", type=Path, metavar="IMAGE_OR_FOLDER")
    p.add_argument("--json", action="store_true", help="one JSON object per image on stdout")
    p.add_argument("--model", type=Path, help="model .onnx (with its .json card) instead of the default")
    p.add_argument("--provider", default="auto", help="auto, cpu, cuda, directml or coreml (default auto)")
    p.add_argument("--batch-size", type=int, default=8)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Classify every input; exit 1 when any image failed, 2 when no model could be loaded."""
    from dermassist.imaging.loading import expand_inputs
    from dermassist.inference.card import CardError
    from dermassist.inference.pipeline import Failure, classify_paths
    from dermassist.inference.registry import default_model
    from dermassist.inference.session import ModelSession, ProviderError

    try:
        session = ModelSession(default_model(args.model), providers=args.provider, spinning=False)
    except (CardError, ProviderError) as exc:
        print(f"dermassist: {exc}", file=sys.stderr)
        return 2
    paths = expand_inputs(list(args.inputs))
    if not paths:
        print("dermassist: no image files found in the given inputs", file=sys.stderr)
        return 1
    failed = 0
    if not args.json:
        card = session.card
        print(f"Model: {card.name} {card.version} (sha256 {card.short_sha}), provider {session.provider}")
        print(f"Threshold for 'refer as suspicious': {card.threshold:.3f}")
    for result in classify_paths(session, paths, batch_size=max(1, args.batch_size)):
        if isinstance(result, Failure):
            failed += 1
            if args.json:
                print(json.dumps(result.to_json_dict(), ensure_ascii=False), flush=True)
            else:
                print(f"ERROR {result.error}", file=sys.stderr)
            continue
        if args.json:
            print(json.dumps(result.to_json_dict(), ensure_ascii=False), flush=True)
        else:
            word = "SUSPICIOUS - refer" if result.decision == "malignant" else "below threshold"
            print(f"{result.image}: malignant {result.malignant:.3f}  benign {result.benign:.3f}  -> {word}")
    if not args.json:
        print(INTENDED_USE)
    return 1 if failed else 0
