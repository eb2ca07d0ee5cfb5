"""The referral's own texts (gettext catalogs, see dermassist.i18n) and its values in the report's language.

The report is written in its own language, which may differ from the UI's, so everything here takes
``lang`` explicitly.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from dermassist.i18n import N_, gettext_for, ngettext_for
from dermassist.i18n import fmt as i18n_fmt
from dermassist.i18n import norm_lang as norm_lang
from dermassist.inference import trust_text

# key -> English source text; the catalogs hold the other languages.
_TEXT: dict[str, str] = {
    "title": N_("Referral for specialist dermatological consultation"),
    "referral_no": N_("Referral No."),
    "no_number": N_("(not numbered)"),
    "referral_date": N_("Date of referral"),
    "to_center": N_("Referred to"),
    "clinic": N_("Referring clinic"),
    "referring_doctor": N_("Referring doctor"),
    "urgency": N_("Urgency"),
    "urgency.routine": N_("Routine"),
    "urgency.soon": N_("Soon"),
    "urgency.urgent": N_("URGENT"),
    "patient": N_("Patient"),
    "full_name": N_("Full name"),
    "birth_date": N_("Date of birth"),
    "sex": N_("Sex"),
    "sex.female": N_("female"),
    "sex.male": N_("male"),
    "sex.other": N_("other"),
    "sex.unknown": N_("not stated"),
    "record_number": N_("Medical record / insurance No."),
    "phone": N_("Phone"),
    "clinic_phone_line": N_("Phone: {phone}"),
    "doctor_phone": N_("Doctor's phone"),
    "not_given": N_("not given"),
    "lesion": N_("Lesion"),
    "site": N_("Site"),
    "site_not_marked": N_("not marked on the body map"),
    "view.front": N_("front view"),
    "view.back": N_("back view"),
    "exam_date": N_("Examination date"),
    "images": N_("Dermoscopy images"),
    "no_images": N_("No dermoscopy image is attached to this examination."),
    "image_caption": N_("Image {n}: {name}, {size} px"),
    "image_missing": N_(
        "Image {n} ({name}) could not be read from the record store and is missing from this referral."
    ),
    "px": N_("px"),
    "heatmap_caption": N_("Heatmap of image {n}: regions that most influenced the model"),
    "ai_title": N_("Model result (decision support, not a diagnosis)"),
    "no_analysis": N_(
        "No analysis: the images were not analysed by the model. The referral rests on the clinical assessment."
    ),
    "col_image": N_("Image"),
    "col_malignant": N_("Malignant"),
    "col_benign": N_("Benign"),
    "col_decision": N_("Model's decision"),
    "not_analysed": N_("not analysed"),
    "word_suspicious": N_("suspicious"),
    "word_not_flagged": N_("not flagged"),
    "decision_malignant": N_(
        "SUSPICIOUS: the probability of malignancy is at or above the threshold; the model flags this lesion "
        "for specialist review."
    ),
    "decision_benign": N_(
        "Not flagged: the probability of malignancy is below the threshold. This does not rule out malignancy; "
        "the clinician's assessment decides."
    ),
    "probabilities": N_("Probability malignant {m}, benign {b} (highest of the analysed images)."),
    "threshold": N_("Threshold"),
    "threshold_line": N_("{t} (operating point: {preset})"),
    "preset.card": N_("model card default"),
    "preset.custom": N_("custom"),
    "preset.unknown": N_("not recorded"),
    "per_100": N_(
        "At this threshold, on the model's validation data: of 100 malignant lesions about {tp} were flagged; "
        "of 100 benign lesions about {fp} were flagged too."
    ),
    "model": N_("Model"),
    "model_line": N_("{name}, version {version}"),
    "model_sha": N_("Model file sha256"),
    "temperature": N_("Calibration temperature"),
    "card_missing": N_("The model's card is not installed on this computer; its test metrics are not available."),
    "metrics_title": N_("Model performance on its held-out test set (n = {n}), with 95% confidence intervals"),
    "metrics_na": N_("Test-set metrics: not available in the model card."),
    "metrics_by_source": N_("Each image source separately (at the same threshold):"),
    "metrics_at_card_threshold": N_(
        "Sensitivity, specificity and accuracies in this table are at the model card's own threshold."
    ),
    "col_metric": N_("Metric"),
    "col_value": N_("Value"),
    "col_ci": N_("95% CI"),
    "metric.roc_auc": N_("ROC AUC"),
    "metric.sensitivity": N_("Sensitivity"),
    "metric.specificity": N_("Specificity"),
    "metric.accuracy": N_("Accuracy"),
    "metric.balanced_accuracy": N_("Balanced accuracy"),
    "metric.prevalence_matched_accuracy": N_("Accuracy at matched prevalence"),
    "na": N_("not available"),
    "warnings_title": N_("Image quality / out-of-distribution warnings"),
    "warnings_overridden": N_("The doctor saw these warnings and had the image analysed anyway."),
    "warnings_not_overridden": N_("These warnings were shown to the doctor; treat the model's result with caution."),
    "notes": N_("Doctor's notes"),
    "no_notes": N_("none"),
    "checklist": N_("Dermoscopy checklist"),
    "yes": N_("yes"),
    "no": N_("no"),
    "intended_use": N_("Intended use"),
    "signature": N_("Signature"),
    "doctor": N_("Doctor"),
    "date": N_("Date"),
    "page": N_("Page {page} of {total}"),
    "generated": N_("Generated by DermAssist {version}, {when}"),
    "running": N_("Referral {number} · {name}"),
    "meta_title": N_("Referral {number}: {name}"),
    "meta_subject": N_("Dermatology referral with dermoscopy images and a decision-support result"),
}

# Checklist fields that ``dermassist.records.checklist`` does not name itself.
_CHECKLIST_ITEMS: dict[str, str] = {
    "tds": N_("Total dermoscopy score"),
    "score": N_("Score"),
    "total": N_("Total"),
}


def t(lang: str, key: str, **values: Any) -> str:
    """The text for ``key`` in ``lang`` with ``{placeholders}`` filled in."""
    text = gettext_for(lang, _TEXT[key])
    return text.format(**values) if values else text


def has(key: str) -> bool:
    """Whether the table holds ``key`` (for optional keys such as threshold presets)."""
    return key in _TEXT


def checklist_item(lang: str, key: str) -> str:
    """Readable name of a checklist field; unknown fields are shown with underscores as spaces."""
    name = _CHECKLIST_ITEMS.get(key.lower())
    if name:
        return gettext_for(lang, name)
    text = key.replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def fmt_value(lang: str, value: Any) -> str:
    """A checklist or metric value as text: yes/no for booleans, decimals in the language's style."""
    if isinstance(value, bool):
        return t(lang, "yes" if value else "no")
    if isinstance(value, float):
        return fmt_number(lang, value, 2 if abs(value) < 100 else 0)
    if isinstance(value, (list, tuple)):
        return ", ".join(fmt_value(lang, v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{checklist_item(lang, str(k))}: {fmt_value(lang, v)}" for k, v in value.items())
    if value is None or value == "":
        return "—"
    return str(value)


def fmt_number(lang: str, value: float, digits: int = 3) -> str:
    """A decimal number in the language's style."""
    return i18n_fmt.format_number(value, digits, lang)


def fmt_percent(lang: str, value: float) -> str:
    """A probability 0..1 as a percentage with one decimal."""
    return i18n_fmt.format_percent(value, 1, lang)


def fmt_date(lang: str, iso: str | None) -> str:
    """An ISO date as '5 March 2024' / '5 марта 2024 г.'; text that is not a date is returned as is."""
    if not iso:
        return t(lang, "not_given")
    return i18n_fmt.format_date(iso, "long", lang)


def fmt_datetime(lang: str, moment: datetime) -> str:
    """Date and local time (hours and minutes)."""
    return i18n_fmt.format_datetime(moment, lang)


def age_years(birth_iso: str | None, on: date) -> int | None:
    """Completed years of age on ``on``, or None when the birth date is missing or invalid."""
    if not birth_iso:
        return None
    try:
        born = date.fromisoformat(birth_iso[:10])
    except ValueError:
        return None
    years = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
    return years if years >= 0 else None


def fmt_age(lang: str, years: int) -> str:
    """'42 years' / '42 года' (the language's plural forms)."""
    return ngettext_for(lang, "{n} year", "{n} years", years).format(n=years)


def fmt_birth(lang: str, birth_iso: str | None, on: date) -> str:
    """Birth date with the age in brackets."""
    if not birth_iso:
        return t(lang, "not_given")
    years = age_years(birth_iso, on)
    text = fmt_date(lang, birth_iso)
    return f"{text} ({fmt_age(lang, years)})" if years is not None else text


def preset_name(lang: str, preset: str) -> str:
    """Readable name of a threshold preset (an operating-point key of the model card)."""
    if preset in trust_text.SENSITIVITY_PRESETS:
        return trust_text.preset_name(preset, lang)  # the same words as on screen
    key = f"preset.{preset or 'card'}"
    return t(lang, key) if has(key) else preset
