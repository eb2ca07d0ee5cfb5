"""DICOMweb STOW-RS: one ``multipart/related; type="application/dicom"`` POST per referral."""

from __future__ import annotations

from typing import Any

from dermassist.records.settings import Settings
from dermassist.transfer.dicom_build import DERMOSCOPIC
from dermassist.transfer.dicomweb import multipart_body, request
from dermassist.transfer.errors import SopClassRejected, TransferError
from dermassist.transfer.transport import Instance, StoredCallback, describe_destination

_FAILED_SOP_SEQUENCE = "00081198"
_REFERENCED_SOP_SEQUENCE = "00081199"
_REFERENCED_SOP_INSTANCE_UID = "00081155"
_FAILURE_REASON = "00081197"
# Reasons that mean "this SOP class is not for me": worth retrying the image as VL Photographic.
_CLASS_REASONS = {0x0122, 0xA900}


def _values(item: dict[str, Any], tag: str) -> list[Any]:
    element = item.get(tag) or {}
    return list(element.get("Value") or [])


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
            headers={"Content-Type": content_type, "Accept": "application/dicom+json"},
        )
        try:
            answer: dict[str, Any] = resp.json() if resp.content else {}
        except ValueError:
            answer = {}
        if not isinstance(answer, dict):
            answer = {}
        failed = {
            str(_values(f, _REFERENCED_SOP_INSTANCE_UID)[0]): int((_values(f, _FAILURE_REASON) or [0])[0])
            for f in _values(answer, _FAILED_SOP_SEQUENCE)
            if _values(f, _REFERENCED_SOP_INSTANCE_UID)
        }
        stored = {
            str(_values(r, _REFERENCED_SOP_INSTANCE_UID)[0])
            for r in _values(answer, _REFERENCED_SOP_SEQUENCE)
            if _values(r, _REFERENCED_SOP_INSTANCE_UID)
        }
        by_uid = {i.sop_instance_uid: i for i in instances}
        if on_stored:
            for uid in by_uid:
                if uid in stored:
                    on_stored(uid)
        if resp.status_code == 200 and not failed:
            missing = [uid for uid in by_uid if stored and uid not in stored]
            if missing:
                raise TransferError(f"STOW-RS: the server did not confirm {len(missing)} of {len(by_uid)} instances")
            if not stored and on_stored:
                for uid in by_uid:
                    on_stored(uid)
            return
        if failed:
            rejected = [by_uid[u] for u, reason in failed.items() if u in by_uid]
            if rejected and all(
                i.sop_class == DERMOSCOPIC and failed[i.sop_instance_uid] in _CLASS_REASONS for i in rejected
            ):
                raise SopClassRejected("STOW-RS: the server does not accept Dermoscopic Photography images")
            reasons = ", ".join(sorted({f"0x{r:04X}" for r in failed.values()}))
            raise TransferError(
                f"STOW-RS: the server refused {len(failed)} of {len(by_uid)} instances (reason {reasons}, "
                f"HTTP {resp.status_code})"
            )
        raise TransferError(f"STOW-RS: HTTP {resp.status_code} {resp.reason}: {resp.text[:200].strip()}")
