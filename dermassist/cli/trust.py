"""Trust commands: ``fit-ood`` (fit the OOD check), ``measure-trust`` (docs figures), ``check-image``."""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from dermassist.cli.train import DEFAULT_DATA
from dermassist.i18n import available_languages


def default_cache() -> Path:
    """Feature cache in the system temp folder (never inside the project)."""
    return Path(tempfile.gettempdir()) / "dermassist-feature-cache"


def _cache_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--data", type=Path, default=DEFAULT_DATA, help="ISIC folder with labels.csv")
    p.add_argument("--cache", type=Path, default=None, help="feature cache folder (default: system temp folder)")
    p.add_argument("--no-cache", action="store_true", help="do not read or write cached features")
    p.add_argument("--threads", type=int, help="CPU threads for the model")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``fit-ood``, ``measure-trust`` and ``check-image``."""
    p = sub.add_parser("fit-ood", help="fit a model's out-of-distribution check on the ISIC splits")
    p.add_argument("model", type=Path, metavar="MODEL.onnx", help="model with its JSON card")
    p.add_argument("--percentile", type=float, default=99.0, help="threshold: this percentile of val distances")
    p.add_argument("--feature-transform", metavar="T",
                   help="feature transform before the Mahalanobis distance: none, sqrt or pow:P "
                        "(default: sqrt; the shipped model's fit used pow:0.75)")
    p.add_argument("--add-data", type=Path, action="append", default=[], metavar="FOLDER",
                   help="another labelled folder (e.g. ../shared/data/derm7pt) whose splits join the fit; "
                        "pass rates are reported per folder")
    _cache_args(p)
    p.set_defaults(func=run_fit)

    m = sub.add_parser("measure-trust", help="measure the OOD check, quality gate, TTA, confidence band, heatmaps")
    m.add_argument("model", type=Path, metavar="MODEL.onnx")
    m.add_argument("--out", type=Path, help="write the figures as JSON here")
    m.add_argument("--no-tta", action="store_true", help="skip test-time augmentation (8x the model runs)")
    _cache_args(m)
    m.set_defaults(func=run_measure)

    c = sub.add_parser("check-image", help="quality and OOD warnings, probability, confidence and operating point")
    c.add_argument("images", type=Path, nargs="+", metavar="IMAGE")
    c.add_argument("--model", type=Path, help="model .onnx (default: the installed default model)")
    c.add_argument("--preset", default="card", help="threshold preset: card, sens90, sens95, ...")
    c.add_argument("--tta", action="store_true", help="average the 8 flips/rotations of the picture")
    c.add_argument("--lang", choices=available_languages(), default="en")
    c.add_argument("--json", action="store_true", help="one JSON object per image")
    c.set_defaults(func=run_check)


def _cache(args: argparse.Namespace) -> Path | None:
    return None if args.no_cache else (args.cache or default_cache())


def _data_ok(data: Path) -> bool:
    if (data / "labels.csv").is_file():
        return True
    print(f"dermassist: no labels.csv in {data} (the shared ISIC folder is needed)", file=sys.stderr)
    return False


def run_fit(args: argparse.Namespace) -> int:
    """Write ``<model>.ood.npz`` and the card's ``ood`` entry."""
    from dermassist.imaging.loading import ImageLoadError
    from dermassist.inference.card import CardError
    from dermassist.inference.ood import TRANSFORM
    from dermassist.trust.ood_fit import fit_ood_for_model

    if not all(_data_ok(d) for d in [args.data, *args.add_data]):
        return 2
    try:
        data = [args.data, *args.add_data]
        fit_ood_for_model(args.model, data if len(data) > 1 else args.data, args.percentile, _cache(args),
                          threads=args.threads, transform=args.feature_transform or TRANSFORM)
    except (CardError, ImageLoadError, ValueError) as exc:  # OodError is a ValueError
        print(f"dermassist: {exc}", file=sys.stderr)
        return 2
    return 0


def run_measure(args: argparse.Namespace) -> int:
    """Print (and optionally save) every trust figure as JSON."""
    from dermassist.inference.card import CardError, load_card
    from dermassist.inference.ood import OodError, load_for_card
    from dermassist.inference.session import ModelSession
    from dermassist.trust.measure import measure_all

    if not _data_ok(args.data):
        return 2
    try:
        card = load_card(args.model)
        ood = load_for_card(card)
        session = ModelSession(card, providers="cpu", threads=args.threads)
        report = measure_all(session, ood, args.data, _cache(args), tta=not args.no_tta)
    except (CardError, OodError) as exc:
        print(f"dermassist: {exc}", file=sys.stderr)
        return 2
    text = json.dumps(report, indent=2, ensure_ascii=False)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    return 0


def run_check(args: argparse.Namespace) -> int:
    """Check and classify each image; warnings come before the probability. Exit 1 if any image failed."""
    from dermassist import intended_use
    from dermassist.imaging.limits import display_name
    from dermassist.imaging.loading import ImageLoadError, load_image
    from dermassist.inference.card import CardError
    from dermassist.inference.registry import default_model
    from dermassist.inference.session import ModelSession, ProviderError
    from dermassist.inference.trust import TrustedModel
    from dermassist.inference.trust_text import confidence_sentence, per_100_sentence, percent, preset_name, text

    try:
        trusted = TrustedModel(ModelSession(default_model(args.model)))
    except (CardError, ProviderError) as exc:
        print(f"dermassist: {exc}", file=sys.stderr)
        return 2
    card, lang, status = trusted.session.card, args.lang, 0
    for path in args.images:
        try:
            rgb = load_image(path, min_size=card.input.decode_min_size).rgb
        except ImageLoadError as exc:
            print(f"dermassist: {exc}", file=sys.stderr)
            status = 1
            continue
        a = trusted.analyse(rgb, display_name(path), args.preset, args.tta)
        if args.json:
            record = a.prediction.to_json_dict() | {
                "warnings": list(a.messages(lang)), "preset": a.point.preset, **a.trust_extras()
            }
            record.pop("cam", None)
            print(json.dumps(record, ensure_ascii=False))
            continue
        print(display_name(path))
        for message in a.messages(lang):
            print(f"  WARNING: {message}")
        if a.ood_note is not None:
            print(f"  note: {a.ood_note.message(lang)}")
        decision = text("decision_malignant" if a.prediction.decision == "malignant" else "decision_benign", lang)
        print("  " + text("result_line", lang, p=percent(a.malignant, lang, 1), t=percent(a.point.threshold, lang, 1),
                          preset=preset_name(a.point.preset, lang), decision=decision))
        print(f"  {confidence_sentence(a.confidence, lang)}")
        print(f"  {per_100_sentence(a.point, lang)}")
    if not args.json:
        print(f"model {card.name} {card.version} (sha256 {card.short_sha}). "
              + intended_use(lang))
    return status
