"""``dermassist calibrate``: fit a model's temperature, threshold and output-only OOD limit on labelled images."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``calibrate`` subcommand."""
    p = sub.add_parser(
        "calibrate", help="validate a model on labelled images: temperature, threshold, metrics into its card",
        description="Fit temperature scaling and the threshold for sensitivity >= 0.90 on one split of a folder "
                    "with labels.csv (columns image, malignant, split), measure it with 95%% confidence intervals, "
                    "fit the output-only out-of-distribution limit where the model gives logits, and write it all "
                    "into the model's card.")
    p.add_argument("model", type=Path, help="installed model .onnx (or its .json card)")
    p.add_argument("--data", type=Path, required=True, help="folder with labels.csv and the images it names")
    p.add_argument("--split", default="val", help="split to fit on (default val)")
    p.add_argument("--test-split", default="test",
                   help="split measured at the fitted threshold when labels.csv has it (default test; 'none' to skip)")
    p.add_argument("--percentile", type=float, default=99.0,
                   help="output-only OOD limit: this percentile of the fit split's energies (default 99)")
    p.add_argument("--provider", default="cpu")
    p.add_argument("--limit", type=int, help="only this many images per split (smoke test)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Calibrate and rewrite the card; exit 2 on a bad model, card or data folder."""
    from dermassist.inference.card import CardError
    from dermassist.inference.session import ProviderError
    from dermassist.trust.calibrate import calibrate_model

    if not (args.data / "labels.csv").is_file():
        print(f"dermassist: no labels.csv in {args.data}", file=sys.stderr)
        return 2
    test_split = None if args.test_split.lower() == "none" else args.test_split
    try:
        calibrate_model(args.model, args.data, args.split, test_split, args.percentile, args.provider, args.limit)
    except (CardError, ProviderError, ValueError, KeyError, OSError) as exc:
        what = f"labels.csv has no column {exc}" if isinstance(exc, KeyError) else str(exc)
        print(f"dermassist: {what}", file=sys.stderr)
        return 2
    return 0
