"""Values that fit their DICOM VR, and a check that refuses any that does not before a file is written.

No attribute is ever cut silently: a telephone number is normalised to fit SH (``+79123456789``),
and a value too long for its VR is shortened visibly (initials, an ellipsis) while the full text
goes into Patient Comments (LT); the referral PDF carries every value in full.
:func:`check_lengths` walks a whole dataset with pydicom's own VR rules and raises on any value
that would be invalid, so a new attribute added without care cannot slip through either.

Lengths are counted in UTF-8 bytes. The standard counts characters, but dciodvfy and many PACS
databases count bytes, and a Cyrillic letter is two bytes in UTF-8: a 40-letter name within the
standard's 64 characters would be cut by such a receiver. Counting bytes keeps every value whole
everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydicom import config
from pydicom.dataelem import DataElement
from pydicom.dataset import Dataset
from pydicom.valuerep import MAX_VALUE_LEN, validate_value

from dermassist.i18n import _
from dermassist.transfer.errors import PackageError

PN_GROUP_MAX = 64  # PS3.5 6.2: 64 characters per component group
ELLIPSIS = "…"
_PHONE_MAIN = re.compile(r"^[\s\d()+\-./]+")


def max_length(vr: str) -> int:
    """The VR's maximum value length (0: no limit that matters here)."""
    return PN_GROUP_MAX if vr == "PN" else int(MAX_VALUE_LEN.get(vr, 0))


def size(text: str) -> int:
    """The length that is checked: UTF-8 bytes."""
    return len(text.encode("utf-8"))


def normalise_phone(text: str) -> str:
    """A dialable number in international form: ``+7 (912) 345-67-89`` -> ``+79123456789``.

    Russian numbers written with the trunk prefix (``8 912 ...``) become ``+7...``; an extension
    or a note after the number (``доб. 12``) is left out here and kept in the full text.
    """
    match = _PHONE_MAIN.match(text.strip())
    main = match.group(0) if match else ""
    digits = re.sub(r"\D", "", main)
    if not digits:
        return ""
    if main.strip().startswith("+"):
        return "+" + digits
    if len(digits) == 11 and digits[0] in "78":
        return "+7" + digits[1:]
    if len(digits) == 10 and digits[0] == "9":  # a Russian mobile number without the country code
        return "+7" + digits
    return digits


def shorten(text: str, limit: int) -> str:
    """``text`` if it fits, else cut at a word boundary with a visible ellipsis (``limit`` bytes at most)."""
    text = " ".join(text.split())
    if size(text) <= limit:
        return text
    room = limit - size(ELLIPSIS)
    head = text
    while size(head) > room:
        head = head[:-1]
    if " " in head[len(head) // 2 :]:
        head = head[: head.rindex(" ")]
    return head.rstrip(" ,;.-") + ELLIPSIS


def shorten_name(name: str, limit: int = PN_GROUP_MAX) -> str:
    """A person's name that fits PN: the first word (the family name in Russian order) kept, the others as initials."""
    name = " ".join(name.split())
    if size(name) <= limit:
        return name
    first, *rest = name.split(" ")
    initials = " ".join(f"{w[0]}." if "-" not in w else "-".join(f"{p[:1]}." for p in w.split("-")) for w in rest if w)
    return shorten(f"{first} {initials}".strip(), limit)


class Overflow:
    """Collects the full text of every shortened value, for Patient Comments."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def fit(self, label: str, text: str, vr: str) -> str:
        """``text`` fitted to ``vr``; when shortened, ``label: text`` is kept.

        A backslash separates values in DICOM, so it travels as a slash.
        """
        text = " ".join(text.split()).replace("\\", "/")
        fitted = shorten_name(text) if vr == "PN" else shorten(text, max_length(vr) or len(text))
        if fitted != text:
            self.note(label, text)
        return fitted

    def note(self, label: str, text: str) -> None:
        """Keep a full value that does not travel in its own attribute."""
        line = f"{label}: {text}"
        if line not in self.lines:
            self.lines.append(line)

    def text(self) -> str:
        """The notes, one per line."""
        return "\n".join(self.lines)


def _elements(ds: Dataset, path: str = "") -> Iterator[tuple[str, DataElement]]:
    for elem in ds:
        where = f"{path}{elem.keyword or elem.tag}"
        if elem.VR == "SQ":
            for n, item in enumerate(elem.value):
                yield from _elements(item, f"{where}[{n}].")
        else:
            yield where, elem


def length_problems(ds: Dataset) -> list[str]:
    """Every value that breaks its VR's rules (length, characters, format), as ``Keyword (VR): why``."""
    problems: list[str] = []
    for where, elem in _elements(ds):
        if elem.VR in ("OB", "OW", "OF", "OD", "OL", "OV", "UN", "UT", "UR", "UC") or elem.value is None:
            continue
        values = elem.value if elem.VM > 1 else [elem.value]
        for value in values:
            if elem.VR == "PN":
                groups = str(value).split("=")
                too_long = [g for g in groups if size(g) > PN_GROUP_MAX]
                if too_long:
                    problems.append(f"{where} (PN): {size(too_long[0])} bytes, at most {PN_GROUP_MAX}")
                continue
            limit = max_length(elem.VR)
            if limit and isinstance(value, str) and size(value) > limit:
                problems.append(f"{where} ({elem.VR}): {size(value)} bytes, at most {limit}")
                continue
            if elem.VR in ("IS", "DS"):  # pydicom's IS/DS objects: check the text that is written
                value = str(value)
            try:
                validate_value(elem.VR, value, config.RAISE)
            except ValueError as exc:
                problems.append(f"{where} ({elem.VR}): {exc}")
    return problems


def check_lengths(ds: Dataset) -> None:
    """Raise PackageError naming every value that does not fit its VR (nothing is written then)."""
    problems = length_problems(ds)
    if problems:
        raise PackageError(_("a DICOM value does not fit its VR: {problems}").format(problems="; ".join(problems)))
