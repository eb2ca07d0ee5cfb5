"""What a model card says about how the model performs, per data source, in the reader's language.

The result panel and the referral PDF both show these lines, so a GP reads the same figures on
screen and on paper: each source's test split (sensitivity and specificity at the card's threshold,
ROC AUC, referrals per 100 lesions) and, where the card has it, how the same training recipe did on
a source it was never trained on, which is the best guide to another clinic's pictures.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from dermassist.i18n import N_, gettext_for
from dermassist.i18n.fmt import format_number

# Data folder name -> how a GP should read it. Unknown folders are shown by name.
SOURCE_NAMES: dict[str, str] = {
    "isic": N_("ISIC archive (the clinics it was trained on)"),
    "derm7pt": N_("Derm7pt atlas (other clinics and dermatoscopes)"),
}


# Proper names, the same in every language.
SHORT_NAMES: dict[str, str] = {"isic": "ISIC", "derm7pt": "Derm7pt"}


@dataclass(frozen=True)
class SourceFigure:
    """One data source's test-split figures at the card's threshold."""

    source: str
    n: int
    n_malignant: int
    roc_auc: float | None
    sensitivity: float | None
    specificity: float | None
    referrals_per_100: float | None
    trained_on: bool
    unseen: bool = False  # measured on a model of the same recipe trained without this source


def _value(block: Mapping[str, Any], key: str) -> float | None:
    item = block.get(key)
    if isinstance(item, Mapping) and isinstance(item.get("value"), (int, float)):
        return float(item["value"])
    if isinstance(item, (int, float)):
        return float(item)
    return None


def _figure(source: str, block: Mapping[str, Any], trained_on: bool, unseen: bool = False) -> SourceFigure:
    return SourceFigure(source, int(block.get("n", 0) or 0), int(block.get("n_malignant", 0) or 0),
                        _value(block, "roc_auc"), _value(block, "sensitivity"), _value(block, "specificity"),
                        _value(block, "referrals_per_100"), trained_on, unseen)


def source_figures(metrics: Mapping[str, Any], training_data: Mapping[str, Any] | None = None) -> list[SourceFigure]:
    """Per-source test figures from a card's ``metrics`` (``by_source``), then the unseen-source
    figure (``unseen_source``) when the card records one."""
    trained = set((training_data or {}).get("sources", {}) or {})
    out: list[SourceFigure] = []
    by_source = metrics.get("by_source")
    if isinstance(by_source, Mapping):
        for source, splits in by_source.items():
            test = splits.get("test") if isinstance(splits, Mapping) else None
            if isinstance(test, Mapping):
                out.append(_figure(str(source), test, str(source) in trained or not trained))
    unseen = metrics.get("unseen_source")
    if isinstance(unseen, Mapping) and isinstance(unseen.get("test"), Mapping):
        out.append(_figure(str(unseen.get("source", "?")), unseen["test"], False, unseen=True))
    return out


def source_label(source: str, lang: str) -> str:
    """A data source's name for a GP, in ``lang``."""
    return gettext_for(lang, SOURCE_NAMES[source]) if source in SOURCE_NAMES else source


def _num(x: float | None, lang: str) -> str:
    return format_number(x, 2, lang) if x is not None else gettext_for(lang, "not available")


def figure_line(fig: SourceFigure, lang: str) -> str:
    """One sentence for one source, e.g. "ISIC archive (…): 896 test images, sensitivity 0.90, …"."""
    if fig.unseen:
        text = gettext_for(
            lang,
            "A clinic it was never trained on ({source}; the same training without those images): "
            "{n} test images, sensitivity {sens}, specificity {spec}, ROC AUC {auc}",
        )
    else:
        text = gettext_for(
            lang,
            "{source}: {n} test images, sensitivity {sens}, specificity {spec}, ROC AUC {auc}, "
            "{per100} referrals per 100 lesions",
        )
    name = SHORT_NAMES.get(fig.source, fig.source) if fig.unseen else source_label(fig.source, lang)
    return text.format(source=name, n=fig.n, sens=_num(fig.sensitivity, lang),
                       spec=_num(fig.specificity, lang), auc=_num(fig.roc_auc, lang),
                       per100=format_number(fig.referrals_per_100, 0, lang) if fig.referrals_per_100 is not None
                       else gettext_for(lang, "not available"))


def performance_lines(metrics: Mapping[str, Any], training_data: Mapping[str, Any] | None, lang: str) -> list[str]:
    """Every per-source sentence for a card, unseen source last; empty when the card has none."""
    return [figure_line(f, lang) for f in source_figures(metrics, training_data)]
