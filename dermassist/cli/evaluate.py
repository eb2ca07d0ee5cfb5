"""``dermassist evaluate``: measure a model on the shared ISIC splits through the app's inference code."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dermassist.cli.train import DEFAULT_DATA


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``evaluate`` subcommand."""
    p = sub.add_parser("evaluate", help="measure a model on the ISIC train/val/test splits")
    p.add_argument("model", type=Path, help="model .onnx with its .json card")
    p.add_argument("--split", choices=["train", "val", "test", "all"], default="all")
    p.add_argument("--data", type=Path, default=DEFAULT_DATA, help="ISIC folder with labels.csv")
    p.add_argument("--out", type=Path, help="folder for evaluation.md, evaluation.json, roc.png, reliability.png")
    p.add_argument("--provider", default="auto")
    p.add_argument("--limit", type=int, help="only this many images per split (smoke test)")
    p.add_argument("--write-card", action="store_true",
                   help="record the measured figures in the model's card (metrics.<split>), for models and GUI")
    p.add_argument("--robustness", action="store_true",
                   help="also measure stability under resizing, aspect, JPEG, brightness and colour changes")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print per-split figures with 95% CIs; write the report when ``--out`` is given."""
    from dermassist.evaluation.evaluate import evaluate
    from dermassist.inference.card import CardError, load_card
    from dermassist.inference.session import ProviderError

    if not (args.data / "labels.csv").is_file():
        print(f"dermassist: no labels.csv in {args.data} (the shared ISIC folder is needed)", file=sys.stderr)
        return 2
    try:
        card = load_card(args.model)
        splits = ["train", "val", "test"] if args.split == "all" else [args.split]
        report = evaluate(card, args.data, splits, args.out, args.limit, args.provider)
        if args.write_card:
            from dermassist.evaluation.evaluate import write_to_card

            print(f"wrote the figures into {write_to_card(card, report, args.data)}")
        if args.robustness:
            from dermassist.evaluation.robustness import robustness, robustness_markdown
            from dermassist.inference.session import ModelSession

            split = "test" if args.split == "all" else args.split
            table = robustness_markdown(robustness(ModelSession(card, args.provider), args.data, split, args.limit))
            print(table)
            if args.out:
                (args.out / "robustness.md").write_text(table, encoding="utf-8")
    except (CardError, ProviderError) as exc:
        print(f"dermassist: {exc}", file=sys.stderr)
        return 2
    if args.out:
        print(f"report: {args.out / 'evaluation.md'}")
    return 0
