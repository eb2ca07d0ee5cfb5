"""DICOMweb STOW-RS: one ``multipart/related; type="application/dicom"`` POST per referral.

Nothing counts as delivered unless the answer proves it: every SOP Instance UID sent must be in
the answer's ReferencedSOPSequence. With ``dicomweb_confirm_qido`` set, a QIDO-RS query must also
list every instance before the referral is marked delivered.
"""

from __future__ import annotations

import json

from dermassist.i18n import _
from dermassist.records.settings import Settings
from dermassist.transfer.dicom_build import DERMOSCOPIC
from dermassist.transfer.dicomweb import multipart_body, request
from dermassist.transfer.errors import SopClassRejected, TransferError
from dermassist.transfer.stow_response import NotDicomweb, StowOutcome, describe_reason, parse_stow_response
from dermassist.transfer.transport import Instance, StoredCallback, describe_destination

# Reasons that mean "this SOP class is not for me": worth retrying the image as VL Photographic.
_CLASS_REASONS = {0x0122, 0xA900}
_SOP_INSTANCE_UID = "00080018"


def _snippet(text: str) -> str:
    return " ".join(text.split())[:120]


class StowTransport:
    """STOW-RS to the configured DICOMweb root (HTTPS verified, basic or bearer authentication)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.destination = describe_destination(settings)

    def send(self, instances: list[Instance], on_stored: StoredCallback | None = None) -> None:
        """POST all instances; raises TransferError unless the server confirms every one."""
        if not instances:
            return
        body, content_type = multipart_body([i.data for i in instances])
        resp = request(
            self.settings,
            "POST",
            "/studies",
            data=body,
            headers={"Content-Type": content_type, "Accept": "application/dicom+json, application/dicom+xml"},
        )
        try:
            outcome = parse_stow_response(resp.headers.get("Content-Type", ""), resp.content)
        except NotDicomweb as exc:
            if resp.status_code in (200, 202):
                raise TransferError(
                    _(
                        "STOW-RS: not a DICOMweb server (HTTP {status}, {error}); nothing is counted as delivered"
                    ).format(status=resp.status_code, error=exc)
                ) from None
            raise TransferError(
                _("STOW-RS: HTTP {status} {reason}: {answer}").format(
                    status=resp.status_code, reason=resp.reason, answer=_snippet(resp.text)
                )
            ) from None
        by_uid = {i.sop_instance_uid: i for i in instances}
        confirmed = [uid for uid in by_uid if uid in outcome.stored]
        if on_stored:
            for uid in confirmed:
                on_stored(uid)
        self._raise_for_failures(outcome, by_uid, resp.status_code)
        missing = [uid for uid in by_uid if uid not in outcome.stored]
        if missing:
            raise TransferError(
                _(
                    "STOW-RS: the server confirmed {done} of {total} instances (HTTP {status}); "
                    "the referral is sent again later"
                ).format(done=len(confirmed), total=len(by_uid), status=resp.status_code)
            )
        if self.settings.dicomweb_confirm_qido:
            self.confirm_with_qido(instances)

    def _raise_for_failures(self, outcome: StowOutcome, by_uid: dict[str, Instance], status: int) -> None:
        failed = {uid: reason for uid, reason in outcome.failed.items() if uid in by_uid}
        if not failed:
            return
        rejected = [by_uid[u] for u in failed]
        if all(i.sop_class == DERMOSCOPIC and failed[i.sop_instance_uid] in _CLASS_REASONS for i in rejected):
            raise SopClassRejected(_("STOW-RS: the server does not accept Dermoscopic Photography images"))
        reasons = "; ".join(f"{by_uid[u].name}: {describe_reason(r)}" for u, r in sorted(failed.items()))
        raise TransferError(
            _("STOW-RS: the server refused {refused} of {total} instances ({reasons}; HTTP {status})").format(
                refused=len(failed), total=len(by_uid), reasons=reasons, status=status
            )
        )

    def confirm_with_qido(self, instances: list[Instance]) -> None:
        """Ask the server (QIDO-RS) for the study's instances; raises unless every one is listed."""
        listed: set[str] = set()
        for study_uid in sorted({i.study_uid for i in instances if i.study_uid}):
            resp = request(
                self.settings,
                "GET",
                f"/studies/{study_uid}/instances?includefield={_SOP_INSTANCE_UID}",
                headers={"Accept": "application/dicom+json"},
            )
            if resp.status_code == 204 or (resp.status_code == 404 and not resp.content.strip()):
                continue
            if resp.status_code != 200:
                raise TransferError(
                    _("QIDO-RS confirmation: HTTP {status} {reason}").format(
                        status=resp.status_code, reason=resp.reason
                    )
                )
            try:
                answer = json.loads(resp.content.decode("utf-8"))
            except (UnicodeDecodeError, ValueError):
                raise TransferError(_("QIDO-RS confirmation: the answer is not DICOM JSON")) from None
            for item in answer if isinstance(answer, list) else []:
                values = (item.get(_SOP_INSTANCE_UID) or {}).get("Value") or [] if isinstance(item, dict) else []
                listed.update(str(v) for v in values)
        missing = [i for i in instances if i.sop_instance_uid not in listed]
        if missing:
            raise TransferError(
                _(
                    "QIDO-RS confirmation: the server lists {listed} of {total} instances it said it stored; "
                    "the referral is sent again later"
                ).format(listed=len(instances) - len(missing), total=len(instances))
            )
