"""What the transports share: the instance to send, the destination text, the transport factory."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from dermassist.i18n import _
from dermassist.records.settings import Settings
from dermassist.transfer.errors import TransferError

# Called with the SOP Instance UID of every instance the receiver confirmed.
StoredCallback = Callable[[str], None]


@dataclass(frozen=True)
class Instance:
    """One DICOM Part 10 file ready to send."""

    name: str
    sop_class: str
    sop_instance_uid: str
    transfer_syntax: str
    data: bytes
    study_uid: str = ""


class Transport(Protocol):
    """Sends instances; raises TransferError (or SopClassRejected) unless the receiver stored them all."""

    destination: str

    def send(self, instances: list[Instance], on_stored: StoredCallback | None = None) -> None:
        """Store every instance at the receiver."""


def describe_destination(settings: Settings) -> str:
    """``dicomweb https://...`` or ``dimse AET@host:port``, for the outbox and the audit trail."""
    if settings.pacs_protocol == "dimse":
        tls = " tls" if settings.dimse_tls else ""
        return f"dimse{tls} {settings.dimse_called_aet}@{settings.dimse_host}:{settings.dimse_port}"
    return f"dicomweb {settings.dicomweb_url}"


def check_configured(settings: Settings) -> None:
    """Raise a TransferError saying what is missing when the center's PACS is not set up."""
    if settings.pacs_protocol == "dimse":
        missing = [
            n for n, v in ((_("host"), settings.dimse_host), (_("called AE title"), settings.dimse_called_aet)) if not v
        ]
        if not 0 < settings.dimse_port < 65536:
            missing.append(_("port"))
    elif settings.pacs_protocol == "dicomweb":
        missing = [] if settings.dicomweb_url.strip() else [_("DICOMweb URL")]
    else:
        raise TransferError(
            _("unknown PACS protocol {protocol!r} (dicomweb or dimse)").format(protocol=settings.pacs_protocol)
        )
    if missing:
        raise TransferError(
            _("the center's PACS is not configured: set its {fields} in Settings").format(fields=", ".join(missing))
        )


def make_transport(settings: Settings) -> Transport:
    """The transport the settings select."""
    check_configured(settings)
    if settings.pacs_protocol == "dimse":
        from dermassist.transfer.cstore import CStoreTransport

        return CStoreTransport(settings)
    from dermassist.transfer.stow import StowTransport

    return StowTransport(settings)
