"""``dermassist report``: save an examination's referral PDF from the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dermassist.i18n import available_languages


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``report`` subcommand."""
    p = sub.add_parser("report", help="save the referral PDF of an examination")
    p.add_argument("examination_id", type=int, metavar="EXAMINATION_ID")
    p.add_argument("--out", type=Path, required=True, metavar="FILE.pdf", help="where to save the PDF")
    p.add_argument(
        "--lang", choices=available_languages(), help="report language (default: settings, then system locale)"
    )
    p.add_argument("--data-dir", type=Path, help="record store folder (default: the per-user data folder)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Render and save the referral; exit 1 with a one-line message on any failure."""
    from dermassist.records.settings import load_settings
    from dermassist.records.store import RecordNotFound, RecordStore
    from dermassist.reports.referral import ReportError, export_referral

    out: Path = args.out
    if not out.suffix:
        out = out.with_suffix(".pdf")
    settings = load_settings()
    try:
        with RecordStore.open(args.data_dir) as store:
            path = export_referral(store, args.examination_id, settings, out, args.lang)
    except RecordNotFound as exc:
        print(f"dermassist: {exc}", file=sys.stderr)
        return 1
    except ReportError as exc:
        print(f"dermassist: {exc}", file=sys.stderr)
        return 1
    size_kb = path.stat().st_size / 1024
    print(f"Referral for examination {args.examination_id} saved to {path} ({size_kb:.0f} KB)")
    return 0
