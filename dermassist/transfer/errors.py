"""Errors raised by the transfer package; every message is one line for the user."""

from __future__ import annotations


class TransferError(RuntimeError):
    """Sending or querying failed; ``retry`` tells whether trying again later may help."""

    def __init__(self, message: str, *, retry: bool = True) -> None:
        super().__init__(message)
        self.retry = retry


class SopClassRejected(TransferError):
    """The receiver refused the Dermoscopic Photography SOP class (fall back to VL Photographic)."""


class PackageError(ValueError):
    """A referral package cannot be built or read (missing examination, image file or report)."""
