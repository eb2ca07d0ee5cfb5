"""Reading a STOW-RS answer (DICOM JSON or DICOM XML, PS3.18 / PS3.19) into per-instance outcomes.

Delivery is proven instance by instance: an instance counts as stored only when the answer lists
its SOP Instance UID in ReferencedSOPSequence (0008,1199). An answer that is neither DICOM JSON
nor the Native DICOM Model XML (an HTML page, a bare ``{}``) proves nothing.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Any

from dermassist.i18n import N_, _

FAILED_SOP_SEQUENCE = "00081198"
REFERENCED_SOP_SEQUENCE = "00081199"
REFERENCED_SOP_INSTANCE_UID = "00081155"
FAILURE_REASON = "00081197"
RETRIEVE_URL = "00081190"
_STOW_TAGS = (FAILED_SOP_SEQUENCE, REFERENCED_SOP_SEQUENCE, RETRIEVE_URL)
_NS = "{http://dicom.nema.org/PS3.19/models/NativeDICOM}"

# Failure reasons (PS3.4 Annex B / PS3.18) worth naming to the user.
REASON_TEXT = {
    0x0110: N_("processing failure"),
    0x0112: N_("no such object instance"),
    0x0122: N_("SOP class not supported"),
    0x0124: N_("not authorized"),
    0xA700: N_("out of resources"),
    0xA900: N_("data set does not match SOP class"),
    0xC000: N_("cannot understand"),
    0xC122: N_("referenced transfer syntax not supported"),
}


class NotDicomweb(ValueError):
    """The answer is not a DICOM JSON or DICOM XML STOW-RS response."""


@dataclass(frozen=True)
class StowOutcome:
    """What the receiver says it did with each instance."""

    stored: frozenset[str]
    failed: dict[str, int]  # SOP Instance UID -> Failure Reason (0 when the server gave none)


def describe_reason(code: int) -> str:
    """``0x0122 SOP class not supported``."""
    text = REASON_TEXT.get(code, "")
    return f"0x{code:04X}" + (f" {_(text)}" if text else "")


def _json_values(item: dict[str, Any], tag: str) -> list[Any]:
    element = item.get(tag)
    return list(element.get("Value") or []) if isinstance(element, dict) else []


def _from_json(answer: Any) -> StowOutcome:
    if isinstance(answer, list) and len(answer) == 1:
        answer = answer[0]  # some servers wrap the single dataset in an array
    if not isinstance(answer, dict) or not any(tag in answer for tag in _STOW_TAGS):
        raise NotDicomweb(_("the JSON answer is not a STOW-RS response"))
    stored: set[str] = set()
    for ref in _json_values(answer, REFERENCED_SOP_SEQUENCE):
        if isinstance(ref, dict):
            stored.update(str(u) for u in _json_values(ref, REFERENCED_SOP_INSTANCE_UID))
    failed: dict[str, int] = {}
    for item in _json_values(answer, FAILED_SOP_SEQUENCE):
        if isinstance(item, dict):
            reasons = _json_values(item, FAILURE_REASON)
            for uid in _json_values(item, REFERENCED_SOP_INSTANCE_UID):
                failed[str(uid)] = _as_int(reasons[0] if reasons else 0)
    return StowOutcome(frozenset(stored - set(failed)), failed)


def _as_int(value: Any) -> int:
    try:
        return int(str(value), 0) if isinstance(value, str) and value.lower().startswith("0x") else int(value)
    except (TypeError, ValueError):
        return 0


def _xml_attr(parent: ET.Element, tag: str) -> ET.Element | None:
    for element in parent.findall(f"{_NS}DicomAttribute") + parent.findall("DicomAttribute"):
        if element.get("tag", "").upper() == tag:
            return element
    return None


def _xml_values(parent: ET.Element, tag: str) -> list[str]:
    element = _xml_attr(parent, tag)
    if element is None:
        return []
    values = element.findall(f"{_NS}Value") + element.findall("Value")
    return [(v.text or "").strip() for v in values]


def _xml_items(parent: ET.Element, tag: str) -> list[ET.Element]:
    element = _xml_attr(parent, tag)
    if element is None:
        return []
    return element.findall(f"{_NS}Item") + element.findall("Item")


def _from_xml(body: bytes) -> StowOutcome:
    try:
        root = ET.fromstring(body)
    except ET.ParseError as exc:
        raise NotDicomweb(_("the XML answer cannot be read ({error})").format(error=exc)) from None
    if root.tag not in (f"{_NS}NativeDicomModel", "NativeDicomModel"):
        raise NotDicomweb(_("the XML answer is not a Native DICOM Model document"))
    if not any(_xml_attr(root, tag) is not None for tag in _STOW_TAGS):
        raise NotDicomweb(_("the XML answer is not a STOW-RS response"))
    stored = {
        u for ref in _xml_items(root, REFERENCED_SOP_SEQUENCE) for u in _xml_values(ref, REFERENCED_SOP_INSTANCE_UID)
    }
    failed: dict[str, int] = {}
    for item in _xml_items(root, FAILED_SOP_SEQUENCE):
        reasons = _xml_values(item, FAILURE_REASON)
        for uid in _xml_values(item, REFERENCED_SOP_INSTANCE_UID):
            failed[uid] = _as_int(reasons[0] if reasons else 0)
    return StowOutcome(frozenset(stored - set(failed)), failed)


def parse_stow_response(content_type: str, body: bytes) -> StowOutcome:
    """The stored and failed instances of a STOW-RS answer; raises NotDicomweb for anything else."""
    media = content_type.split(";")[0].strip().lower()
    text = body.lstrip()
    if media in ("application/dicom+json", "application/json") or (not media and text[:1] in (b"{", b"[")):
        try:
            answer = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise NotDicomweb(_("the answer claims to be JSON but cannot be read")) from None
        return _from_json(answer)
    if media in ("application/dicom+xml", "application/xml", "text/xml") or (not media and text[:1] == b"<"):
        return _from_xml(body)
    raise NotDicomweb(_("the answer is {media}, not DICOM JSON or XML").format(media=media or _("of no declared type")))


def is_dicom_json_query_answer(content_type: str, body: bytes) -> bool:
    """A QIDO-RS answer: DICOM JSON, an array of datasets keyed by 8-hex-digit tags."""
    media = content_type.split(";")[0].strip().lower()
    if media not in ("application/dicom+json", "application/json"):
        return False
    try:
        answer = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return False
    if not isinstance(answer, list):
        return False
    return all(
        isinstance(item, dict)
        and all(
            len(k) == 8 and all(c in "0123456789abcdefABCDEF" for c in k) and isinstance(v, dict)
            for k, v in item.items()
        )
        for item in answer
    )
