"""Command line: ``dermassist`` starts the GUI; subcommands work headless.

Each subcommand lives in its own module with ``register(subparsers)``; heavy imports happen
inside the command so ``dermassist --version`` stays instant.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from dermassist import INTENDED_USE, __version__

# Subcommand modules, in the order they appear in --help.
COMMAND_MODULES = (
    "dermassist.cli.classify",
    "dermassist.cli.models",
    "dermassist.cli.import_model",
    "dermassist.cli.evaluate",
    "dermassist.cli.calibrate",
    "dermassist.cli.train",
    "dermassist.cli.report",
    "dermassist.cli.transfer",
    "dermassist.cli.trust",
    "dermassist.cli.backup",
)


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser (subcommands whose module is absent are skipped)."""
    parser = argparse.ArgumentParser(
        prog="dermassist",
        description="DermAssist: dermoscopy decision support. " + INTENDED_USE,
    )
    parser.add_argument("--version", action="version", version=f"DermAssist {__version__}")
    parser.add_argument("--self-test", action="store_true", help="check the installation and exit")
    parser.add_argument("--lang", choices=["en", "ru"], help="user-interface language (GUI)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue
            raise
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``dermassist`` script; returns the exit status."""
    from dermassist.records.privacy import restrict_umask

    restrict_umask()  # everything written (records, outbox, settings, reports) is private to the user
    args = build_parser().parse_args(argv)
    if args.self_test:
        from dermassist.selftest import run_self_test

        return int(run_self_test())
    if args.command is None:
        from dermassist.ui.app import run_gui

        return run_gui(lang=args.lang)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # Output piped into e.g. `head`: stop quietly, as Unix tools do.
        sys.stderr.close()
        return 141
