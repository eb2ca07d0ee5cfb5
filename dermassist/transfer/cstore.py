"""DIMSE C-STORE with pynetdicom: one association per referral, the center's AE title, host and port.

The association proposes Dermoscopic Photography and VL Photographic side by side; when the
receiver rejects the dermoscopic abstract syntax (or answers 0x0122 for it) the sender retries
the images as VL Photographic. DIMSE is cleartext unless ``dimse_tls`` is set: then the
association runs over TLS (PS3.15 Annex B) and the center's certificate is verified against the
chosen CA file or the system store, host name included.
"""

from __future__ import annotations

import logging
import socket
import ssl

from pydicom import dcmread
from pydicom.filebase import DicomBytesIO

from dermassist.i18n import _
from dermassist.records.settings import Settings
from dermassist.transfer.dicom_build import DERMOSCOPIC, VL_PHOTOGRAPHIC
from dermassist.transfer.errors import SopClassRejected, TransferError
from dermassist.transfer.transport import Instance, StoredCallback, describe_destination

TIMEOUT_S = 30.0
_OK = (0x0000, 0xB000, 0xB006, 0xB007)  # success and the storage warnings (coercion, elements discarded)
_SOP_CLASS_NOT_SUPPORTED = 0x0122

logging.getLogger("pynetdicom").setLevel(logging.WARNING)


def make_ae(calling_aet: str):  # type: ignore[no-untyped-def]
    """A pynetdicom AE with our timeouts."""
    from pynetdicom import AE

    ae = AE(ae_title=(calling_aet or "DERMASSIST")[:16])
    ae.acse_timeout = TIMEOUT_S
    ae.dimse_timeout = TIMEOUT_S
    ae.network_timeout = TIMEOUT_S
    ae.connection_timeout = 10
    return ae


def tls_context(settings: Settings) -> ssl.SSLContext:
    """The client TLS context for DIMSE: certificate and host name verified (CA file or system store)."""
    try:
        return ssl.create_default_context(cafile=settings.dimse_ca_bundle.strip() or None)
    except (OSError, ssl.SSLError) as exc:
        raise TransferError(
            _("the CA certificate file for DIMSE TLS cannot be read ({error})").format(error=exc), retry=False
        ) from None


def _tls_problem(settings: Settings) -> str:
    """Why a TLS handshake with the center fails ('' when it succeeds), for a clear message."""
    try:
        with (
            socket.create_connection((settings.dimse_host, int(settings.dimse_port)), timeout=10) as raw,
            tls_context(settings).wrap_socket(raw, server_hostname=settings.dimse_host),
        ):
            return ""
    except ssl.SSLCertVerificationError as exc:
        return _("TLS certificate check failed ({error})").format(error=exc.verify_message or exc.reason)
    except ssl.SSLError as exc:
        return _("TLS handshake failed ({error})").format(error=exc.reason or exc)
    except OSError as exc:
        return _("cannot connect ({error})").format(error=exc.strerror or exc)


def associate(settings: Settings, contexts: list[tuple[str, list[str]]]):  # type: ignore[no-untyped-def]
    """An established association with the given (abstract syntax, transfer syntaxes); raises TransferError."""
    ae = make_ae(settings.dimse_calling_aet)
    for abstract, syntaxes in contexts:
        for ts in syntaxes:  # one context per transfer syntax, so acceptance of each is visible
            ae.add_requested_context(abstract, ts)
    where = f"{settings.dimse_called_aet}@{settings.dimse_host}:{settings.dimse_port}" + (
        " (TLS)" if settings.dimse_tls else ""
    )
    tls_args = (tls_context(settings), settings.dimse_host) if settings.dimse_tls else None
    try:
        assoc = ae.associate(
            settings.dimse_host, int(settings.dimse_port), ae_title=settings.dimse_called_aet[:16], tls_args=tls_args
        )
    except (OSError, ValueError) as exc:
        raise TransferError(_("{where}: cannot connect ({error})").format(where=where, error=exc)) from None
    if assoc.is_established:
        return assoc
    if assoc.is_rejected:
        raise TransferError(
            _("{where}: association rejected (check the AE titles: ours {aet!r})").format(
                where=where, aet=settings.dimse_calling_aet
            )
        )
    if settings.dimse_tls:
        problem = _tls_problem(settings)
        if problem:
            raise TransferError(f"{where}: {problem}")
    raise TransferError(_("{where}: cannot connect or no answer (association aborted)").format(where=where))


class CStoreTransport:
    """C-STORE every instance over one association."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.destination = describe_destination(settings)

    def send(self, instances: list[Instance], on_stored: StoredCallback | None = None) -> None:
        """Store all instances; raises TransferError (SopClassRejected for the dermoscopic class)."""
        if not instances:
            return
        wanted: dict[str, set[str]] = {}
        for inst in instances:
            wanted.setdefault(inst.sop_class, set()).add(inst.transfer_syntax)
        if DERMOSCOPIC in wanted:  # offer the fallback in the same negotiation
            wanted.setdefault(VL_PHOTOGRAPHIC, set()).update(wanted[DERMOSCOPIC])
        assoc = associate(self.settings, [(k, sorted(v)) for k, v in wanted.items()])
        try:
            accepted = {(str(c.abstract_syntax), str(c.transfer_syntax[0])) for c in assoc.accepted_contexts}
            for inst in instances:
                if (inst.sop_class, inst.transfer_syntax) in accepted:
                    continue
                if inst.sop_class == DERMOSCOPIC and (VL_PHOTOGRAPHIC, inst.transfer_syntax) in accepted:
                    raise SopClassRejected(
                        _("{where}: Dermoscopic Photography not accepted by the receiver").format(
                            where=self.destination
                        )
                    )
                raise TransferError(
                    _(
                        "{where}: the receiver does not accept {name} (SOP class {sop_class}, transfer syntax {syntax})"
                    ).format(
                        where=self.destination, name=inst.name, sop_class=inst.sop_class, syntax=inst.transfer_syntax
                    ),
                    retry=False,
                )
            for inst in instances:
                ds = dcmread(DicomBytesIO(inst.data))
                try:
                    status = assoc.send_c_store(ds)
                except (RuntimeError, ValueError, OSError) as exc:
                    if not assoc.is_established:
                        raise TransferError(
                            _("{where}: connection dropped while sending {name}").format(
                                where=self.destination, name=inst.name
                            )
                        ) from None
                    raise TransferError(
                        _("{where}: sending {name} failed ({error})").format(
                            where=self.destination, name=inst.name, error=exc
                        )
                    ) from None
                code = int(getattr(status, "Status", -1)) if status else -1
                if code == -1:
                    raise TransferError(
                        _("{where}: connection dropped while sending {name} (no answer came back)").format(
                            where=self.destination, name=inst.name
                        )
                    )
                if code == _SOP_CLASS_NOT_SUPPORTED and inst.sop_class == DERMOSCOPIC:
                    raise SopClassRejected(
                        _("{where}: Dermoscopic Photography refused (0x0122)").format(where=self.destination)
                    )
                if code not in _OK:
                    raise TransferError(
                        _("{where}: {name} refused with status {status}").format(
                            where=self.destination, name=inst.name, status=f"0x{code:04X}"
                        )
                    )
                if on_stored:
                    on_stored(inst.sop_instance_uid)
        finally:
            if assoc.is_established:
                assoc.release()
