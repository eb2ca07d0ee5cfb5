"""``send``, ``outbox``, ``export-package``, ``test-connection`` and ``center``: the referral's way to the center."""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
from dataclasses import asdict
from pathlib import Path

from dermassist.i18n import available_languages


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the transfer subcommands."""
    p = sub.add_parser(
        "send",
        help="queue an examination's referral for the center and try to send it now "
        "(exit 0 delivered, 1 not delivered, 3 another running sender holds it)",
    )
    p.add_argument("examination_id", type=int, metavar="EXAMINATION_ID")
    p.add_argument("--no-wait", action="store_true", help="only queue it; the application's sender sends it later")
    p.add_argument("--lang", choices=available_languages(), help="language of the referral PDF (default: settings)")
    p.set_defaults(func=run_send)

    p = sub.add_parser("outbox", help="list the referrals in the outbox and their status")
    p.add_argument("--json", action="store_true", help="print the items as JSON")
    p.add_argument(
        "--retry",
        nargs="?",
        const=0,
        type=int,
        metavar="ITEM_ID",
        help="release items held by a dead sender and make failed items due now (one item, or all)",
    )
    p.add_argument("--process", action="store_true", help="send every due item once, then list")
    p.set_defaults(func=run_outbox)

    p = sub.add_parser(
        "export-package", help="write the referral (DICOM files, PDF, manifest) to a folder or USB stick"
    )
    p.add_argument("examination_id", type=int, metavar="EXAMINATION_ID")
    p.add_argument("dest_folder", type=Path, metavar="DEST_FOLDER")
    p.add_argument("--lang", choices=available_languages(), help="language of the referral PDF (default: settings)")
    p.set_defaults(func=run_export)

    p = sub.add_parser("test-connection", help="check the center's PACS (C-ECHO or a QIDO-RS query)")
    p.set_defaults(func=run_test_connection)

    p = sub.add_parser("center", help="the center's worklist of received referrals (a window, or --list)")
    p.add_argument("--list", action="store_true", help="print the worklist instead of opening the window")
    p.add_argument("--json", action="store_true", help="with --list: print JSON")
    p.set_defaults(func=run_center)


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 1


def _when(epoch: float) -> str:
    if epoch <= time.time():
        return "now"
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(epoch))


def _status_line(item: object) -> str:
    from dermassist.i18n.fmt import format_percent
    from dermassist.transfer.outbox import OutboxItem

    assert isinstance(item, OutboxItem)
    prob = "n/a" if item.malignant is None else format_percent(item.malignant)
    line = f"{item.id:>5}  exam {item.examination_id:<6} {item.state:<9} malignant {prob:<6} tries {item.attempts}"
    if item.state == "delivered":
        line += f"  delivered {item.delivered_at} to {item.destination}"
    elif item.state == "failed":
        line += f"  next try {_when(item.next_attempt_at)}  reason: {item.last_error}"
    elif item.state == "queued":
        line += f"  next try {_when(item.next_attempt_at)}"
    elif item.state == "sending":
        line += f"  by sender {item.lease_owner or '?'}"
    return line


def run_send(args: argparse.Namespace) -> int:
    """Queue the referral; unless --no-wait, try once now. Exit 0 when delivered (or queued with --no-wait)."""
    from dermassist.records.settings import load_settings
    from dermassist.records.store import RecordStore
    from dermassist.transfer.errors import PackageError
    from dermassist.transfer.outbox import enqueue, get_item
    from dermassist.transfer.sender import process_due

    settings = load_settings()
    with RecordStore.open() as store:
        try:
            item = enqueue(store, args.examination_id, settings, lang=args.lang)
        except PackageError as exc:
            return _fail(str(exc))
        print(f"queued: outbox item {item.id} for examination {item.examination_id} ({item.instances} instances)")
        if args.no_wait:
            return 0
        results = process_due(store, settings, only=item.id)
        item = get_item(store, item.id)
        print(_status_line(item))
        if results and results[0].state == "delivered":
            print(f"delivered in {results[0].seconds:.1f} s")
            return 0
        if item.state == "sending":
            print(
                f"nothing sent: another sender ({item.lease_owner or 'unknown'}) is sending it right now",
                file=sys.stderr,
            )
            return 3
        print("not delivered yet; it stays in the outbox and is retried automatically", file=sys.stderr)
        return 1


def run_outbox(args: argparse.Namespace) -> int:
    """List the outbox (after --retry / --process when asked)."""
    from dermassist.records.settings import load_settings
    from dermassist.records.store import RecordStore
    from dermassist.transfer.outbox import list_items, recover_stale, retry_now
    from dermassist.transfer.sender import process_due

    with RecordStore.open() as store:
        if args.retry is not None:
            released = recover_stale(store)
            if released:
                print(f"{released} item(s) released from a sender that is gone", file=sys.stderr)
            n = retry_now(store, args.retry or None)
            print(f"{n} item(s) due now", file=sys.stderr)
        if args.process:
            for r in process_due(store, load_settings()):
                print(f"item {r.item_id}: {r.state}{' - ' + r.error if r.error else ''}", file=sys.stderr)
        items = list_items(store)
    if args.json:
        print(json.dumps([asdict(i) for i in items], indent=2, ensure_ascii=False))
        return 0
    if not items:
        print("the outbox is empty")
    for item in items:
        print(_status_line(item))
    return 0


def run_export(args: argparse.Namespace) -> int:
    """Write the package and print where it went."""
    from dermassist.records.settings import load_settings
    from dermassist.records.store import RecordStore
    from dermassist.transfer.errors import PackageError
    from dermassist.transfer.package import export_package

    with RecordStore.open() as store:
        try:
            package = export_package(store, args.examination_id, load_settings(), args.dest_folder, lang=args.lang)
        except (PackageError, OSError) as exc:
            return _fail(str(exc))
    print(package.folder)
    for f in package.files:
        print(f"  {f.name}  {f.size} bytes  sha256 {f.sha256}")
    return 0


def run_test_connection(args: argparse.Namespace) -> int:
    """C-ECHO or QIDO-RS with the saved settings."""
    from dermassist.records.settings import load_settings
    from dermassist.transfer.connection import check_connection

    result = check_connection(load_settings())
    print(("OK: " if result.ok else "FAILED: ") + result.message)
    return 0 if result.ok else 1


def run_center(args: argparse.Namespace) -> int:
    """Print the worklist (--list) or open the center window."""
    from dermassist.records.settings import load_settings

    settings = load_settings()
    if not args.list:
        # Imported by name: the command line must not depend on Qt unless the window is wanted.
        window = importlib.import_module("dermassist.ui.center_window")
        return int(window.run_center_window(settings))
    from dermassist.transfer.center import query_worklist
    from dermassist.transfer.center_store import CenterStore
    from dermassist.transfer.errors import TransferError

    try:
        studies = query_worklist(settings)
    except TransferError as exc:
        return _fail(str(exc))
    marks = CenterStore()
    try:
        follow = marks.all()
    finally:
        marks.close()
    if args.json:
        rows = [
            asdict(s) | {"follow_up": asdict(follow[s.study_uid]) if s.study_uid in follow else None} for s in studies
        ]
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    if not studies:
        print("no referrals received")
    for s in studies:
        prob = "  n/a " if s.malignant is None else f"{s.malignant * 100:5.1f}%"
        f = follow.get(s.study_uid)
        state = "appointment set" if f and f.appointment_set else "called" if f and f.called else "to call"
        print(
            f"{prob}  {s.patient_name}  phone {s.phone or '-'}  from {s.institution or '-'}  "
            f"{s.study_date}  {s.accession}  [{state}]"
        )
    return 0
