"""Words for the trust checks: warnings, confidence and the operating point, in any catalog's language.

The UI and the referral both call these, so a GP reads the same sentence on screen and on paper.
The texts are gettext messages (see dermassist.i18n); ``lang`` is explicit because the referral's
language may differ from the UI's.
"""

from __future__ import annotations

from dermassist.i18n import N_, gettext_for
from dermassist.i18n.fmt import format_percent
from dermassist.imaging.quality import MESSAGES as QUALITY_MESSAGES
from dermassist.inference.card import ModelCard
from dermassist.inference.uncertainty import Confidence, OperatingPoint

# key -> English source text; the catalogs hold the other languages.
TEXT: dict[str, str] = {
    "ood": N_(
        "This picture does not look like the dermoscopy images the model was trained on (it may be an ordinary "
        "photograph, another part of the body, or not a skin picture at all). A result for it would not be reliable."
    ),
    "ood_broken": N_("The check for unsuitable pictures could not run: {reason}"),
    "ood_absent": N_(
        "This model has no check for unsuitable (non-dermoscopy) pictures; make sure this is a dermoscopy image."
    ),
    "band_above": N_("Clearly above the referral threshold."),
    "band_below": N_("Clearly below the referral threshold."),
    "band_uncertain": N_(
        "Low confidence: the probability is close to the referral threshold (between {low} and {high}), so a "
        "slightly different picture could change the result. Rely on your clinical judgement; refer if in doubt."
    ),
    "per_100": N_(
        "At this threshold, of 100 malignant lesions like those the model was checked on, about {n} would be "
        "flagged; of 100 benign ones, about {m} would be referred."
    ),
    "per_100_na": N_(
        "What this threshold means for 100 patients is not available (the model card has no validation figures)."
    ),
    "result_line": N_("malignant {p}; threshold {t} ({preset}): {decision}"),
    "decision_malignant": N_("at or above the threshold, refer"),
    "decision_benign": N_("below the threshold"),
    "preset_card": N_("the model card's threshold"),
    "preset_sensitivity": N_("sensitivity {value} on validation"),
    "preset_other": N_("operating point {name}"),
    "not_validated": N_(
        "Not validated: the threshold is a default. This model has not been calibrated on labelled images "
        "('dermassist calibrate'), so its threshold and probabilities are as supplied."
    ),
    "card_limitation": N_("Model card limitation: {text}"),
}


def text(key: str, lang: str = "en", **fields: object) -> str:
    """One sentence in ``lang``, with its fields filled in."""
    return gettext_for(lang, TEXT[key]).format(**fields)


def percent(value: float, lang: str = "en", digits: int = 0) -> str:
    """``0.123`` -> ``12%`` / ``12 %``: ``dermassist.i18n.fmt.format_percent`` with no decimals by default."""
    return format_percent(value, digits, lang)


def warning_message(code: str, lang: str = "en", **fields: object) -> str:
    """The plain-words text for a warning code (quality or out-of-distribution)."""
    if code in QUALITY_MESSAGES:
        return gettext_for(lang, QUALITY_MESSAGES[code]).format(**fields)
    return text(code, lang, **fields)


def confidence_sentence(conf: Confidence, lang: str = "en") -> str:
    """The confidence band in words."""
    if conf.band == "uncertain":
        return text("band_uncertain", lang, low=percent(conf.low, lang, 1), high=percent(conf.high, lang, 1))
    return text("band_above" if conf.band == "above" else "band_below", lang)


# Operating points named after the validation sensitivity they were chosen for.
SENSITIVITY_PRESETS = {"sens90": 0.90, "sens95": 0.95}


def preset_name(preset: str, lang: str = "en") -> str:
    """A threshold preset in words."""
    if preset in SENSITIVITY_PRESETS:
        return text("preset_sensitivity", lang, value=format_percent(SENSITIVITY_PRESETS[preset], 0, lang))
    key = f"preset_{preset}"
    return text(key, lang) if key in TEXT else text("preset_other", lang, name=preset)


def per_100_sentence(point: OperatingPoint, lang: str = "en") -> str:
    """What the threshold means for 100 patients, from the card's validation figures."""
    n, m = point.flagged_per_100, point.referred_benign_per_100
    if n is None or m is None:
        return text("per_100_na", lang)
    return text("per_100", lang, n=n, m=m)


def validation_lines(card: ModelCard | None, lang: str = "en") -> list[str]:
    """What must be printed with a result about the model's validation: that it is not validated (the
    threshold is a default) and, for an imported model, its card's limitations (as the card words them)."""
    if not isinstance(card, ModelCard):
        return []
    lines = [] if card.validated else [text("not_validated", lang)]
    if "imported" in card.extra:
        lines += [text("card_limitation", lang, text=x) for x in card.limitations]
    return lines
