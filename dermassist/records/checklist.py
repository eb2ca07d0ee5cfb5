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

LABELS: dict[str, tuple[str, str]] = {
    "abcd": ("ABCD rule of dermoscopy", "Правило ABCD дерматоскопии"),
    "7point": ("7-point checklist", "7-пунктовый контрольный список"),
    "asymmetry": ("Asymmetry (0-2 axes)", "Асимметрия (0-2 оси)"),
    "border": ("Border: abrupt cut-off (0-8 segments)", "Граница: резкий обрыв (0-8 сегментов)"),
    "colors": ("Colours (1-6)", "Цвета (1-6)"),
    "structures": ("Differential structures (1-5)", "Дифференциальные структуры (1-5)"),
    "atypical_network": ("Atypical pigment network", "Атипичная пигментная сеть"),
    "blue_white_veil": ("Blue-whitish veil", "Бело-голубая вуаль"),
    "atypical_vessels": ("Atypical vascular pattern", "Атипичный сосудистый рисунок"),
    "irregular_streaks": ("Irregular streaks", "Неравномерные полосы"),
    "irregular_dots": ("Irregular dots/globules", "Неравномерные точки/глобулы"),
    "irregular_blotches": ("Irregular blotches", "Неравномерные кляксы"),
    "regression": ("Regression structures", "Структуры регрессии"),
}


@dataclass(frozen=True)
class ChecklistResult:
    """A checklist's total and whether it reaches the method's threshold for suspicion."""

    method: str
    score: float
    suspicious: bool
    level: str  # "benign", "suspicious" or "melanoma" (ABCD); "below" or "above" (7-point)


def label(key: str, lang: str = "en") -> str:
    """English or Russian name of a method or item."""
    en, ru = LABELS[key]
    return ru if lang == "ru" else en


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
    ru = lang == "ru"
    if result.method == "abcd":
        words = {
            "benign": ("benign range", "доброкачественный диапазон"),
            "suspicious": ("suspicious", "подозрительно"),
            "melanoma": ("highly suspicious of melanoma", "высокое подозрение на меланому"),
        }[result.level]
        return f"{label('abcd', lang)}: TDS {result.score:.2f} ({words[1] if ru else words[0]})"
    words2 = ("suggests melanoma", "указывает на меланому") if result.suspicious else ("below 3", "менее 3")
    pts = "баллов" if ru else "points"
    return f"{label('7point', lang)}: {int(result.score)} {pts} ({words2[1] if ru else words2[0]})"
