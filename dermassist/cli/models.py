"""``dermassist models``: list installed models with their cards."""

from __future__ import annotations

import argparse
import json


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``models`` subcommand."""
    p = sub.add_parser("models", help="list installed models and their cards")
    p.add_argument("--json", action="store_true", help="print the full cards as JSON")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print every model found; exit 1 when none is usable."""
    from dermassist.inference.ood_output import ood_coverage
    from dermassist.inference.registry import NO_MODEL_MESSAGE, discover
    from dermassist.paths import models_dirs

    found = discover()
    if args.json:
        print(json.dumps(
            [m.card.to_json_dict() | {"path": str(m.path)} if m.card else {"path": str(m.path), "error": m.error}
             for m in found], indent=2, ensure_ascii=False))
    for m in found if not args.json else []:
        if m.card is None:
            print(f"{m.path}\n  UNUSABLE: {m.error}")
            continue
        c = m.card
        test = c.metrics.get("test", {}) if isinstance(c.metrics.get("test"), dict) else {}
        auc = test.get("roc_auc", {})
        auc_txt = "n/a"
        if isinstance(auc, dict) and "value" in auc:
            auc_txt = f"{auc['value']:.3f} [{auc['ci95'][0]:.3f}, {auc['ci95'][1]:.3f}]"
        print(f"{c.name} {c.version}{'  (default)' if c.extra.get('default') else ''}")
        print(f"  file: {m.path}\n  sha256: {c.sha256}\n  architecture: {c.architecture}")
        size = f"{c.input.size[0]}x{c.input.size[1]}"
        print(f"  input: {size} {c.input.layout} {c.input.channel_order}, resize {c.input.resize}, "
              f"interpolation {c.input.interpolation}, decode {c.input.decode}")
        print(f"  labels: {', '.join(c.output.labels)}; threshold {c.threshold:.3f}; test ROC AUC {auc_txt}")
        if not c.validated:
            print("  NOT VALIDATED: the threshold is a default (run 'dermassist calibrate' on labelled images)")
        print(f"  out-of-distribution check: {ood_coverage(c)}")
        print(f"  training data: {c.training_data.get('description', 'n/a')}")
        print(f"  licence: {c.training_data.get('licence', 'n/a')}")
        print(f"  intended use: {c.intended_use}")
        for limitation in c.limitations:
            print(f"  limitation: {limitation}")
    if not any(m.card for m in found):
        if not args.json:
            print(NO_MODEL_MESSAGE.format(dirs=", ".join(str(d) for d in models_dirs())))
        return 1
    return 0
