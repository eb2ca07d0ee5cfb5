"""The benchmark's table: rows of median/min/max, the floor and its ratio, peak memory and targets."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Row:
    """One line of the table; missing numbers print as n/a and ``note`` says why."""

    name: str
    unit: str
    stats: dict[str, float] | None = None
    floor: float | None = None
    rss_mb: float | None = None
    target: str = ""
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        """Median over the floor."""
        if self.stats is None or not self.floor:
            return None
        return self.stats["median"] / self.floor


def _num(value: float | None, unit: str = "") -> str:
    if value is None:
        return "n/a"
    if value != 0 and abs(value) < 0.001:
        return f"{value:.2e}{unit}"  # a tiny test model's floor must not print as 0.000
    digits = 1 if abs(value) >= 10 else (2 if abs(value) >= 1 else 3)
    return f"{value:.{digits}f}{unit}"


def render(rows: list[Row]) -> str:
    """A Markdown table (readable as plain text too)."""
    head = ["measurement", "median", "min", "max", "unit", "floor", "x floor", "peak RSS MB", "target", "notes"]
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    for r in rows:
        s = r.stats or {}
        ratio = r.ratio
        cells = [
            r.name, _num(s.get("median")), _num(s.get("min")), _num(s.get("max")), r.unit,
            _num(r.floor) if r.floor else "", f"{ratio:.2f}" if ratio else "",
            _num(r.rss_mb) if r.rss_mb is not None else "", r.target, r.note,
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)
