"""Record in a model card how the same recipe, trained without one source, did on that source.

    python scripts/record_unseen_source.py MODEL.onnx ABLATION_EVALUATION.json SOURCE [--split test]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dermassist.evaluation.evaluate import record_unseen_source  # noqa: E402
from dermassist.inference.card import card_path_for  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", type=Path)
    parser.add_argument("report", type=Path, help="evaluation.json of the model trained without SOURCE")
    parser.add_argument("source")
    parser.add_argument("--split", default="test")
    args = parser.parse_args()
    entry = record_unseen_source(card_path_for(args.model), json.loads(args.report.read_text()), args.source,
                                 args.split)
    auc = entry[args.split]["roc_auc"]
    print(f"{args.source} {args.split}, model trained without it: AUC {auc['value']} {auc['ci95']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
