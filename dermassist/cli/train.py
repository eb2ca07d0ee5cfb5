"""``dermassist train``: fine-tune an ImageNet CNN on the ISIC data and export ONNX + card."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

DEFAULT_DATA = Path("..") / "shared" / "data" / "isic"


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``train`` subcommand."""
    p = sub.add_parser("train", help="train a model (needs the 'train' extra: torch)")
    p.add_argument("--arch", required=True, help="mobilenet_v2, efficientnet_lite0, resnet50, densenet121, ...")
    p.add_argument("--epochs", type=int, default=8, help="total epochs including --head-epochs")
    p.add_argument("--head-epochs", type=int, default=1, help="first epochs train only the new head")
    p.add_argument("--out", type=Path, required=True, help="run folder (checkpoints, logs, exported model)")
    p.add_argument("--data", type=Path, action="append",
                   help="labelled folder with labels.csv (repeat for several sources; default ../shared/data/isic)")
    p.add_argument("--eval-data", type=Path, action="append", default=[],
                   help="folder whose val split is only reported, never trained on (an unseen source)")
    p.add_argument("--repeat", action="append", default=[], metavar="NAME=N",
                   help="oversample a data folder by its name, e.g. derm7pt=2")
    p.add_argument("--recipe", default="v2", choices=["v1", "v2", "v3"], help="augmentation recipe")
    p.add_argument("--colour-constancy", default="none", choices=["none", "shades_of_gray"],
                   help="colour normalisation written into the card (training and inference alike)")
    p.add_argument("--field-of-view", default="full", choices=["full", "lesion_crop"],
                   help="card step: crop to the lesion before resizing (training and inference alike)")
    p.add_argument("--consistency", type=float, default=0.0, metavar="WEIGHT",
                   help="same-picture loss: each picture arrives twice (other resolution, resampler, JPEG, "
                        "sharpness) and the two answers are pulled together; about 10; 0 = off")
    p.add_argument("--bf16", default="auto", choices=["auto", "on", "off"], help="bfloat16 autocast")
    p.add_argument("--low-res", type=int, default=160, help="input size of the first --low-res-epochs")
    p.add_argument("--low-res-epochs", type=int, default=0, help="epochs trained at --low-res (faster)")
    p.add_argument("--weights", type=Path, help="local ImageNet weights (.pth state dict) for the architecture")
    p.add_argument("--no-pretrained", action="store_true", help="start from random weights")
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--lr", type=float, default=4e-4)
    p.add_argument("--head-lr", type=float, default=2e-3)
    p.add_argument("--init-from", type=Path, help="start from the weights of an earlier run's best.pt")
    p.add_argument("--input-size", type=int, default=224)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--limit", type=int, help="use only this many images per split (smoke test)")
    p.add_argument("--threads", type=int)
    p.add_argument("--device", default="auto", help="auto, cpu or cuda")
    p.add_argument("--no-export", action="store_true", help="skip ONNX export and the model card")
    p.add_argument("--name", help="model name for the card (default dermassist-<arch>)")
    p.add_argument("--version", default="1.0.0", help="model version for the card")
    p.set_defaults(func=run)
    e = sub.add_parser("export-model", help="export checkpoint(s) to ONNX with a measured card (several = ensemble)")
    e.add_argument("checkpoints", nargs="+", type=Path, help="best.pt of one or more training runs")
    e.add_argument("--out", type=Path, required=True)
    e.add_argument("--name", required=True)
    e.add_argument("--version", default="1.0.0")
    e.add_argument("--data", type=Path, action="append", help="labelled folder(s) (default ../shared/data/isic)")
    e.add_argument("--limit", type=int)
    e.set_defaults(func=run_export)


def run_export(args: argparse.Namespace) -> int:
    """Export, verify against torch, calibrate on val and measure every split."""
    try:
        from dermassist.training.export import export_with_card
    except ImportError as exc:
        print(f"dermassist: exporting needs the 'train' extra: {exc}", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    path = export_with_card(list(args.checkpoints), args.out, args.data or [DEFAULT_DATA], name=args.name,
                            version=args.version, limit=args.limit, log=lambda m: print(m, flush=True))
    print(f"exported {path} and {path.with_suffix('.json')}")
    return 0


def run(args: argparse.Namespace) -> int:
    """Train, then export ONNX and write its card with measured metrics."""
    try:
        from dermassist.training.models import WeightsError
        from dermassist.training.trainer import TrainConfig, train
    except ImportError as exc:
        print(f"dermassist: training needs the 'train' extra (pip install -e '.[train]'): {exc}", file=sys.stderr)
        return 2
    data = args.data or [DEFAULT_DATA]
    for folder in [*data, *args.eval_data]:
        if not (folder / "labels.csv").is_file():
            print(f"dermassist: no labels.csv in {folder}", file=sys.stderr)
            return 2
    try:
        repeat = {k: int(v) for k, v in (r.split("=", 1) for r in args.repeat)}
    except ValueError:
        print("dermassist: --repeat takes NAME=N, e.g. derm7pt=2", file=sys.stderr)
        return 2
    cfg = TrainConfig(arch=args.arch, data=data, eval_data=args.eval_data, repeat=repeat, recipe=args.recipe,
                      colour_constancy=args.colour_constancy, field_of_view=args.field_of_view,
                      consistency=args.consistency, bf16=args.bf16, low_res=args.low_res,
                      low_res_epochs=args.low_res_epochs, out=args.out, epochs=args.epochs,
                      head_epochs=args.head_epochs,
                      batch_size=args.batch_size, lr=args.lr, head_lr=args.head_lr, init_from=args.init_from,
                      input_size=args.input_size, weights=args.weights,
                      pretrained=not args.no_pretrained, seed=args.seed, limit=args.limit, threads=args.threads,
                      device=args.device)
    try:
        best = train(cfg, log=lambda m: print(m, flush=True))
    except WeightsError as exc:
        print(f"dermassist: {exc}", file=sys.stderr)
        return 2
    if args.no_export:
        return 0
    from dermassist.training.export import export_with_card

    name = args.name or f"dermassist-{args.arch.replace('_', '-')}"
    onnx_path = export_with_card(best, args.out, data, name=name, version=args.version, limit=args.limit,
                                 log=lambda m: print(m, flush=True))
    print(f"exported {onnx_path} and {onnx_path.with_suffix('.json')}")
    return 0
