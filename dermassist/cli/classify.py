"""``dermassist classify``: probabilities for image files and folders, behind the window's warning gate.

Every picture goes through the same quality and out-of-distribution checks as in the window
(:meth:`dermassist.inference.trust.TrustedModel.judge`). A picture with a warning gets no bare
decision: its probability and decision are withheld (``null`` in ``--json``) and the warnings are
printed, unless ``--show-anyway`` is given, as the doctor's "analyse anyway" in the window.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from dermassist import intended_use
from dermassist.i18n import N_, gettext_for

EXIT_FAILED, EXIT_NO_MODEL, EXIT_WITHHELD = 1, 2, 3

WITHHELD = N_("result withheld: the picture failed the quality or out-of-distribution check (see the warnings)")
SHOWN_ANYWAY = N_("shown despite the warnings below")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``classify`` subcommand."""
    p = sub.add_parser(
        "classify",
        help="classify images or folders of images",
        epilog="Exit status: 0 every picture has a result, 1 a file could not be read, 2 no model, "
        "3 a result was withheld because of a quality or out-of-distribution warning.",
    )
    p.add_argument("inputs", nargs="+", type=Path, metavar="IMAGE_OR_FOLDER")
    p.add_argument("--json", action="store_true", help="one JSON object per image on stdout")
    p.add_argument("--model", type=Path, help="model .onnx (with its .json card) instead of the default")
    p.add_argument("--provider", default="auto", help="auto, cpu, cuda, directml or coreml (default auto)")
    p.add_argument("--batch-size", type=int, default=8)
    p.add_argument("--preset", default="card", help="threshold preset: card, sens90, sens95, ...")
    p.add_argument("--lang", choices=["en", "ru"], default="en", help="language of the warnings")
    p.add_argument(
        "--show-anyway", action="store_true",
        help="also give the probability of a picture with warnings (marked as shown despite them)",
    )  # fmt: skip
    p.set_defaults(func=run)


def _json_record(a: Any, lang: str, show_anyway: bool) -> dict[str, Any]:
    record: dict[str, Any] = a.prediction.to_json_dict()
    record.update(
        preset=a.point.preset,
        warnings=list(a.messages(lang)),
        warning_codes=list(a.codes),
        passes_gate=a.passes_gate,
        note=a.ood_note.message(lang) if a.ood_note is not None else None,
    )
    if not a.passes_gate:
        if show_anyway:
            record["warnings_overridden"] = True
        else:
            record.update(malignant=None, benign=None, logit=None, probabilities=None, decision=None,
                          withheld=gettext_for(lang, WITHHELD))  # fmt: skip
    return record


def run(args: argparse.Namespace) -> int:
    """Classify every input; exit 1 when a file failed, 2 without a model, 3 when a result was withheld."""
    from dermassist.imaging.limits import printable
    from dermassist.imaging.loading import expand_inputs
    from dermassist.inference.card import CardError
    from dermassist.inference.pipeline import Failure
    from dermassist.inference.registry import default_model
    from dermassist.inference.session import ModelSession, ProviderError
    from dermassist.inference.trust import TrustedModel
    from dermassist.inference.trust_batch import classify_trusted

    try:
        trusted = TrustedModel(ModelSession(default_model(args.model), providers=args.provider, spinning=False))
    except (CardError, ProviderError) as exc:
        print(f"dermassist: {exc}", file=sys.stderr)
        return EXIT_NO_MODEL
    paths = expand_inputs(list(args.inputs))
    if not paths:
        print("dermassist: no image files found in the given inputs", file=sys.stderr)
        return EXIT_FAILED
    lang, failed, withheld = args.lang, 0, 0
    card = trusted.session.card
    if not args.json:
        print(f"Model: {card.name} {card.version} (sha256 {card.short_sha}), provider {trusted.session.provider}")
        print(f"Threshold for 'refer as suspicious': {card.threshold:.3f}")
        from dermassist.inference.trust_text import validation_lines

        for line in validation_lines(card, lang):  # an uncalibrated imported model says so
            print(line)
    for result in classify_trusted(trusted, paths, args.preset, batch_size=args.batch_size):
        if isinstance(result, Failure):
            failed += 1
            if args.json:
                print(json.dumps(result.to_json_dict(), ensure_ascii=False), flush=True)
            else:
                print(printable(f"ERROR {result.error}"), file=sys.stderr)
            continue
        withheld += not result.passes_gate and not args.show_anyway
        if args.json:
            print(json.dumps(_json_record(result, lang, args.show_anyway), ensure_ascii=False), flush=True)
            continue
        pred = result.prediction
        if result.passes_gate or args.show_anyway:
            word = "SUSPICIOUS - refer" if pred.decision == "malignant" else "below threshold"
            tail = f"  ({gettext_for(lang, SHOWN_ANYWAY)})" if not result.passes_gate else ""
            print(f"{pred.image}: malignant {pred.malignant:.3f}  benign {pred.benign:.3f}  -> {word}{tail}")
        else:
            print(f"{pred.image}: {gettext_for(lang, WITHHELD)}")
        for message in result.messages(lang):
            print(f"  WARNING: {message}")
    if not args.json:
        if trusted.ood is None:
            from dermassist.inference.trust_text import text

            print("note: " + text("ood_absent", lang))
        print(intended_use(lang))
    return EXIT_FAILED if failed else EXIT_WITHHELD if withheld else 0
