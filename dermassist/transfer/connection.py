"""The "test connection" action: a C-ECHO for DIMSE, a one-result QIDO-RS query for DICOMweb."""

from __future__ import annotations

import time
from dataclasses import dataclass

from dermassist.i18n import _
from dermassist.i18n.fmt import format_integer
from dermassist.records.settings import Settings
from dermassist.transfer.errors import TransferError
from dermassist.transfer.transport import check_configured, describe_destination

VERIFICATION = "1.2.840.10008.1.1"


@dataclass(frozen=True)
class ConnectionResult:
    """Whether the center's PACS answered, with a one-line message."""

    ok: bool
    message: str
    seconds: float


def _echo(settings: Settings) -> str:
    from dermassist.transfer.cstore import associate

    assoc = associate(settings, [(VERIFICATION, ["1.2.840.10008.1.2"])])
    try:
        status = assoc.send_c_echo()
    finally:
        if assoc.is_established:
            assoc.release()
    code = int(getattr(status, "Status", -1)) if status else -1
    if code != 0:
        raise TransferError(_("C-ECHO answered with status {code}").format(code=code if code < 0 else hex(code)))
    return _("C-ECHO succeeded")


def _qido(settings: Settings) -> str:
    from dermassist.transfer.dicomweb import request
    from dermassist.transfer.stow_response import is_dicom_json_query_answer

    resp = request(settings, "GET", "/studies?limit=1", headers={"Accept": "application/dicom+json"})
    if resp.status_code == 204 and not resp.content.strip():
        return _("QIDO-RS query succeeded (no studies yet): a DICOMweb server")
    media = resp.headers.get("Content-Type", "").split(";")[0].strip() or _("no declared type")
    if resp.status_code == 200 and is_dicom_json_query_answer(resp.headers.get("Content-Type", ""), resp.content):
        return _("QIDO-RS answered in DICOM JSON: a DICOMweb server")
    if resp.status_code == 200:
        raise TransferError(
            _(
                "not a DICOMweb server: the QIDO-RS query was answered with {media}, not DICOM JSON "
                "(check the URL: it must be the DICOMweb root, e.g. https://pacs.example.org/dicom-web)"
            ).format(media=media)
        )
    raise TransferError(
        _("QIDO-RS answered HTTP {status} {reason} ({media}); not usable as DICOMweb").format(
            status=resp.status_code, reason=resp.reason, media=media
        )
    )


def check_connection(settings: Settings) -> ConnectionResult:
    """Try the configured PACS once; never raises."""
    started = time.monotonic()
    try:
        check_configured(settings)
        what = _echo(settings) if settings.pacs_protocol == "dimse" else _qido(settings)
    except TransferError as exc:
        return ConnectionResult(False, str(exc), time.monotonic() - started)
    except Exception as exc:  # a connection test must report, not crash the settings dialog
        return ConnectionResult(False, f"{type(exc).__name__}: {exc}", time.monotonic() - started)
    elapsed = time.monotonic() - started
    took = _("{ms} ms").format(ms=format_integer(round(elapsed * 1000)))
    return ConnectionResult(True, f"{describe_destination(settings)}: {what} ({took})", elapsed)
