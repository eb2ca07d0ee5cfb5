"""Dermoscopy checklists stored in ``Examination.checklist``: the ABCD rule and the 7-point checklist.

Stored layout (JSON in the examination row)::

    {"method": "abcd", "asymmetry": 0-2, "border": 0-8, "colors": 1-6, "structures": 1-5}
    {"method": "7point", "atypical_network": bool, ..., "regression": bool}

``score`` and ``interpret`` compute the total and its usual reading; the scores are the
published ones (Stolz 1994 for ABCD, Argenziano 1998 for the 7-point checklist).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dermassist.i18n import N_, gettext_for, ngettext_for
from dermassist.i18n.fmt import format_number

METHODS = ("abcd", "7point")

# key: (minimum, maximum, weight in the total dermoscopy score)
ABCD_ITEMS: dict[str, tuple[int, int, float]] = {
    "asymmetry": (0, 2, 1.3),
    "border": (0, 8, 0.1),
    "colors": (1, 6, 0.5),
    "structures": (1, 5, 0.5),
}
ABCD_SUSPICIOUS, ABCD_MELANOMA = 4.75, 5.45

# key: points (major criteria 2, minor criteria 1)
SEVEN_POINT_ITEMS: dict[str, int] = {
    "atypical_network": 2,
    "blue_white_veil": 2,
    "atypical_vessels": 2,
    "irregular_streaks": 1,
    "irregular_dots": 1,
    "irregular_blotches": 1,
    "regression": 1,
}
SEVEN_POINT_CUTOFF = 3

# key -> English source text (gettext catalogs hold the other languages).
LABELS: dict[str, str] = {
    "abcd": N_("ABCD rule of dermoscopy"),
    "7point": N_("7-point checklist"),
    "asymmetry": N_("Asymmetry (0-2 axes)"),
    "border": N_("Border: abrupt cut-off (0-8 segments)"),
    "colors": N_("Colours (1-6)"),
    "structures": N_("Differential structures (1-5)"),
    "atypical_network": N_("Atypical pigment network"),
    "blue_white_veil": N_("Blue-whitish veil"),
    "atypical_vessels": N_("Atypical vascular pattern"),
    "irregular_streaks": N_("Irregular streaks"),
    "irregular_dots": N_("Irregular dots/globules"),
    "irregular_blotches": N_("Irregular blotches"),
    "regression": N_("Regression structures"),
}


@dataclass(frozen=True)
class ChecklistResult:
    """A checklist's total and whether it reaches the method's threshold for suspicion."""

    method: str
    score: float
    suspicious: bool
    level: str  # "benign", "suspicious" or "melanoma" (ABCD); "below" or "above" (7-point)


def label(key: str, lang: str = "en") -> str:
    """Name of a method or item in ``lang``."""
    return gettext_for(lang, LABELS[key])


def score(checklist: dict[str, Any]) -> ChecklistResult | None:
    """Total of a filled checklist, or None when no method is chosen. Raises ValueError for bad values."""
    method = checklist.get("method")
    if not method:
        return None
    if method == "abcd":
        total = 0.0
        for key, (low, high, weight) in ABCD_ITEMS.items():
            value = int(checklist.get(key, low))
            if not low <= value <= high:
                raise ValueError(f"ABCD {key} must be between {low} and {high}, not {value}")
            total += value * weight
        total = round(total, 2)
        level = "melanoma" if total > ABCD_MELANOMA else "suspicious" if total >= ABCD_SUSPICIOUS else "benign"
        return ChecklistResult("abcd", total, total >= ABCD_SUSPICIOUS, level)
    if method == "7point":
        points = sum(p for key, p in SEVEN_POINT_ITEMS.items() if checklist.get(key))
        above = points >= SEVEN_POINT_CUTOFF
        return ChecklistResult("7point", float(points), above, "above" if above else "below")
    raise ValueError(f"unknown checklist method {method!r}; use one of {', '.join(METHODS)}")


def summary(checklist: dict[str, Any], lang: str = "en") -> str:
    """One line for records and reports, e.g. 'ABCD rule of dermoscopy: TDS 5.10 (suspicious)'."""
    result = score(checklist)
    if result is None:
        return ""
    if result.method == "abcd":
        words = {
            "benign": N_("benign range"),
            "suspicious": N_("suspicious"),
            "melanoma": N_("highly suspicious of melanoma"),
        }[result.level]
        tds = format_number(result.score, 2, lang)
        return f"{label('abcd', lang)}: TDS {tds} ({gettext_for(lang, words)})"
    points = int(result.score)
    words2 = N_("suggests melanoma") if result.suspicious else N_("below 3")
    counted = ngettext_for(lang, "{n} point", "{n} points", points).format(n=points)
    return f"{label('7point', lang)}: {counted} ({gettext_for(lang, words2)})"
