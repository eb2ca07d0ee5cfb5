"""English and Russian words for the trust checks: warnings, confidence and the operating point.

The UI and the referral both call these, so a GP reads the same sentence on screen and on paper.
"""

from __future__ import annotations

from dermassist.imaging.quality import MESSAGES as QUALITY_MESSAGES
from dermassist.inference.uncertainty import Confidence, OperatingPoint

TEXT: dict[str, tuple[str, str]] = {
    "ood": (
        "This picture does not look like the dermoscopy images the model was trained on (it may be an ordinary "
        "photograph, another part of the body, or not a skin picture at all). A result for it would not be reliable.",
        "Этот снимок не похож на дерматоскопические изображения, на которых обучалась модель (возможно, это "
        "обычная фотография, другая часть тела или вовсе не снимок кожи). Результат для него был бы ненадёжен.",
    ),
    "ood_broken": (
        "The check for unsuitable pictures could not run: {reason}",
        "Проверка на неподходящие снимки не выполнена: {reason}",
    ),
    "ood_absent": (
        "This model has no check for unsuitable (non-dermoscopy) pictures; make sure this is a dermoscopy image.",
        "У этой модели нет проверки на неподходящие (не дерматоскопические) снимки; убедитесь, что это "
        "дерматоскопическое изображение.",
    ),
    "band_above": (
        "Clearly above the referral threshold.",
        "Явно выше порога направления.",
    ),
    "band_below": (
        "Clearly below the referral threshold.",
        "Явно ниже порога направления.",
    ),
    "band_uncertain": (
        "Low confidence: the probability is close to the referral threshold (between {low} and {high}), so a "
        "slightly different picture could change the result. Rely on your clinical judgement; refer if in doubt.",
        "Низкая уверенность: вероятность близка к порогу направления (между {low} и {high}), и немного другой "
        "снимок мог бы изменить результат. Опирайтесь на клиническую оценку; при сомнении направьте.",
    ),
    "per_100": (
        "At this threshold, of 100 malignant lesions like those the model was checked on, about {n} would be "
        "flagged; of 100 benign ones, about {m} would be referred.",
        "При этом пороге из 100 злокачественных образований, подобных тем, на которых проверялась модель, около "
        "{n} были бы отмечены; из 100 доброкачественных около {m} были бы направлены к специалисту.",
    ),
    "per_100_na": (
        "What this threshold means for 100 patients is not available (the model card has no validation figures).",
        "Что этот порог означает для 100 пациентов, неизвестно (в карточке модели нет проверочных данных).",
    ),
    "result_line": (
        "malignant {p}; threshold {t} ({preset}): {decision}",
        "вероятность злокачественности {p}; порог {t} ({preset}): {decision}",
    ),
    "decision_malignant": ("at or above the threshold, refer", "на пороге или выше, направить"),
    "decision_benign": ("below the threshold", "ниже порога"),
    "preset_card": ("the model card's threshold", "порог из карточки модели"),
    "preset_sens90": ("sensitivity 90% on validation", "чувствительность 90% на проверочных данных"),
    "preset_sens95": ("sensitivity 95% on validation", "чувствительность 95% на проверочных данных"),
    "preset_other": ("operating point {name}", "рабочая точка {name}"),
}


def text(key: str, lang: str = "en", **fields: object) -> str:
    """One sentence in ``lang`` ('en' or 'ru'), with its fields filled in."""
    en, ru = TEXT[key]
    return (ru if lang == "ru" else en).format(**fields)


def percent(value: float, lang: str = "en", digits: int = 0) -> str:
    """``0.123`` -> ``12%`` (Russian: decimal comma and a thin space before %)."""
    s = f"{value * 100:.{digits}f}"
    return s.replace(".", ",") + "\u202f%" if lang == "ru" else s + "%"


def warning_message(code: str, lang: str = "en", **fields: object) -> str:
    """The plain-words text for a warning code (quality or out-of-distribution)."""
    if code in QUALITY_MESSAGES:
        en, ru = QUALITY_MESSAGES[code]
        return (ru if lang == "ru" else en).format(**fields)
    return text(code, lang, **fields)


def confidence_sentence(conf: Confidence, lang: str = "en") -> str:
    """The confidence band in words."""
    if conf.band == "uncertain":
        return text("band_uncertain", lang, low=percent(conf.low, lang, 1), high=percent(conf.high, lang, 1))
    return text("band_above" if conf.band == "above" else "band_below", lang)


def preset_name(preset: str, lang: str = "en") -> str:
    """A threshold preset in words."""
    key = f"preset_{preset}"
    return text(key, lang) if key in TEXT else text("preset_other", lang, name=preset)


def per_100_sentence(point: OperatingPoint, lang: str = "en") -> str:
    """What the threshold means for 100 patients, from the card's validation figures."""
    n, m = point.flagged_per_100, point.referred_benign_per_100
    if n is None or m is None:
        return text("per_100_na", lang)
    return text("per_100", lang, n=n, m=m)
