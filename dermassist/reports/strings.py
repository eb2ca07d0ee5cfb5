"""The referral's own English and Russian text, and the formatting of values in either language."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

LANGS = ("en", "ru")

_TEXT: dict[str, tuple[str, str]] = {
    # key: (English, Russian)
    "title": ("Referral for specialist dermatological consultation", "Направление на консультацию дерматоонколога"),
    "referral_no": ("Referral No.", "Направление №"),
    "no_number": ("(not numbered)", "(без номера)"),
    "referral_date": ("Date of referral", "Дата направления"),
    "to_center": ("Referred to", "Куда направлен"),
    "clinic": ("Referring clinic", "Направившее учреждение"),
    "referring_doctor": ("Referring doctor", "Направивший врач"),
    "urgency": ("Urgency", "Срочность"),
    "urgency.routine": ("Routine", "Планово"),
    "urgency.soon": ("Soon", "В ближайшее время"),
    "urgency.urgent": ("URGENT", "СРОЧНО"),
    "patient": ("Patient", "Пациент"),
    "full_name": ("Full name", "ФИО"),
    "birth_date": ("Date of birth", "Дата рождения"),
    "sex": ("Sex", "Пол"),
    "sex.female": ("female", "женский"),
    "sex.male": ("male", "мужской"),
    "sex.other": ("other", "другой"),
    "sex.unknown": ("not stated", "не указан"),
    "record_number": ("Medical record / insurance No.", "№ медицинской карты / полиса"),
    "phone": ("Phone", "Телефон"),
    "not_given": ("not given", "не указано"),
    "lesion": ("Lesion", "Образование"),
    "site": ("Site", "Локализация"),
    "site_not_marked": ("not marked on the body map", "не отмечена на схеме тела"),
    "view.front": ("front view", "вид спереди"),
    "view.back": ("back view", "вид сзади"),
    "exam_date": ("Examination date", "Дата осмотра"),
    "images": ("Dermoscopy images", "Дерматоскопические изображения"),
    "no_images": (
        "No dermoscopy image is attached to this examination.",
        "К осмотру не приложено ни одного изображения.",
    ),
    "image_caption": ("Image {n}: {name}, {size} px", "Изображение {n}: {name}, {size} пикс."),
    "image_missing": (
        "Image {n} ({name}) could not be read from the record store and is missing from this referral.",
        "Изображение {n} ({name}) не удалось прочитать из хранилища, оно отсутствует в направлении.",
    ),
    "px": ("px", "пикс."),
    "heatmap_caption": (
        "Heatmap of image {n}: regions that most influenced the model",
        "Тепловая карта изображения {n}: области, сильнее всего повлиявшие на модель",
    ),
    "ai_title": (
        "Model result (decision support, not a diagnosis)",
        "Результат модели (поддержка решения, не диагноз)",
    ),
    "no_analysis": (
        "No analysis: the images were not analysed by the model. The referral rests on the clinical assessment.",
        "Анализ не проводился: изображения не анализировались моделью. Направление основано на клинической оценке.",
    ),
    "col_image": ("Image", "Изображение"),
    "col_malignant": ("Malignant", "Злокачественное"),
    "col_benign": ("Benign", "Доброкачественное"),
    "col_decision": ("Model's decision", "Решение модели"),
    "not_analysed": ("not analysed", "не анализировалось"),
    "word_suspicious": ("suspicious", "подозрительно"),
    "word_not_flagged": ("not flagged", "не отмечено"),
    "decision_malignant": (
        "SUSPICIOUS: the probability of malignancy is at or above the threshold; the model flags this lesion "
        "for specialist review.",
        "ПОДОЗРИТЕЛЬНО: вероятность злокачественности не ниже порога; модель рекомендует осмотр специалистом.",
    ),
    "decision_benign": (
        "Not flagged: the probability of malignancy is below the threshold. This does not rule out malignancy; "
        "the clinician's assessment decides.",
        "Не отмечено: вероятность злокачественности ниже порога. Это не исключает злокачественность; "
        "решение принимает врач.",
    ),
    "probabilities": (
        "Probability malignant {m}, benign {b} (highest of the analysed images).",
        "Вероятность злокачественного {m}, доброкачественного {b} (наибольшая среди изображений).",
    ),
    "threshold": ("Threshold", "Порог"),
    "threshold_line": ("{t} (operating point: {preset})", "{t} (рабочая точка: {preset})"),
    "preset.card": ("model card default", "по карточке модели"),
    "preset.sens90": ("sensitivity 0.90 on validation", "чувствительность 0,90 на валидации"),
    "preset.sens95": ("sensitivity 0.95 on validation", "чувствительность 0,95 на валидации"),
    "preset.custom": ("custom", "задан вручную"),
    "preset.unknown": ("not recorded", "не записана"),
    "per_100": (
        "At this threshold, on the model's validation data: of 100 malignant lesions about {tp} were flagged; "
        "of 100 benign lesions about {fp} were flagged too.",
        "При этом пороге на валидационных данных модели: из 100 злокачественных образований отмечено около {tp}; "
        "из 100 доброкачественных также отмечено около {fp}.",
    ),
    "model": ("Model", "Модель"),
    "model_line": ("{name}, version {version}", "{name}, версия {version}"),
    "model_sha": ("Model file sha256", "sha256 файла модели"),
    "temperature": ("Calibration temperature", "Температура калибровки"),
    "card_missing": (
        "The model's card is not installed on this computer; its test metrics are not available.",
        "Карточка модели не установлена на этом компьютере; её показатели на тестовой выборке недоступны.",
    ),
    "metrics_title": (
        "Model performance on its held-out test set (n = {n}), with 95% confidence intervals",
        "Показатели модели на отложенной тестовой выборке (n = {n}), 95% доверительные интервалы",
    ),
    "metrics_na": (
        "Test-set metrics: not available in the model card.",
        "Показатели на тестовой выборке: нет в карточке.",
    ),
    "metrics_at_card_threshold": (
        "Sensitivity, specificity and accuracies in this table are at the model card's own threshold.",
        "Чувствительность, специфичность и точность в таблице указаны для порога из карточки модели.",
    ),
    "col_metric": ("Metric", "Показатель"),
    "col_value": ("Value", "Значение"),
    "col_ci": ("95% CI", "95% ДИ"),
    "metric.roc_auc": ("ROC AUC", "ROC AUC"),
    "metric.sensitivity": ("Sensitivity", "Чувствительность"),
    "metric.specificity": ("Specificity", "Специфичность"),
    "metric.accuracy": ("Accuracy", "Точность (accuracy)"),
    "metric.balanced_accuracy": ("Balanced accuracy", "Сбалансированная точность"),
    "metric.prevalence_matched_accuracy": ("Accuracy at matched prevalence", "Точность при сопоставимой частоте"),
    "na": ("not available", "нет данных"),
    "warnings_title": ("Image quality / out-of-distribution warnings", "Предупреждения о качестве изображения"),
    "warnings_overridden": (
        "The doctor saw these warnings and had the image analysed anyway.",
        "Врач ознакомился с предупреждениями и всё же провёл анализ.",
    ),
    "warnings_not_overridden": (
        "These warnings were shown to the doctor; treat the model's result with caution.",
        "Эти предупреждения были показаны врачу; к результату модели следует относиться с осторожностью.",
    ),
    "notes": ("Doctor's notes", "Заметки врача"),
    "no_notes": ("none", "нет"),
    "checklist": ("Dermoscopy checklist", "Дерматоскопический алгоритм"),
    "yes": ("yes", "да"),
    "no": ("no", "нет"),
    "intended_use": ("Intended use", "Назначение"),
    "signature": ("Signature", "Подпись"),
    "doctor": ("Doctor", "Врач"),
    "date": ("Date", "Дата"),
    "page": ("Page {page} of {total}", "Страница {page} из {total}"),
    "generated": ("Generated by DermAssist {version}, {when}", "Сформировано DermAssist {version}, {when}"),
    "running": ("Referral {number} · {name}", "Направление {number} · {name}"),
    "meta_title": ("Referral {number}: {name}", "Направление {number}: {name}"),
    "meta_subject": (
        "Dermatology referral with dermoscopy images and a decision-support result",
        "Направление к дерматоонкологу с дерматоскопическими изображениями и результатом поддержки решения",
    ),
}

# Checklist fields that ``dermassist.records.checklist`` does not name itself.
_CHECKLIST_ITEMS: dict[str, tuple[str, str]] = {
    "tds": ("Total dermoscopy score", "Общий дерматоскопический индекс (TDS)"),
    "score": ("Score", "Балл"),
    "total": ("Total", "Сумма"),
}

# Month names are spelled out here rather than taken from strftime, which follows the process locale.
_EN_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_RU_MONTHS = (
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
)  # fmt: skip


def norm_lang(lang: str | None) -> str:
    """'ru' for Russian, 'en' for everything else."""
    return "ru" if (lang or "").lower().startswith("ru") else "en"


def t(lang: str, key: str, **values: Any) -> str:
    """The text for ``key`` in ``lang`` with ``{placeholders}`` filled in."""
    en, ru = _TEXT[key]
    text = ru if norm_lang(lang) == "ru" else en
    return text.format(**values) if values else text


def has(key: str) -> bool:
    """Whether the table holds ``key`` (for optional keys such as threshold presets)."""
    return key in _TEXT


def checklist_item(lang: str, key: str) -> str:
    """Readable name of a checklist field; unknown fields are shown with underscores as spaces."""
    names = _CHECKLIST_ITEMS.get(key.lower())
    if names:
        return names[1] if norm_lang(lang) == "ru" else names[0]
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
    """A decimal number; Russian uses a decimal comma."""
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if norm_lang(lang) == "ru" else text


def fmt_percent(lang: str, value: float) -> str:
    """A probability 0..1 as a percentage with one decimal."""
    text = f"{value * 100:.1f}"
    if norm_lang(lang) == "ru":
        return text.replace(".", ",") + " %"
    return text + "%"


def fmt_date(lang: str, iso: str | None) -> str:
    """An ISO date as '5 March 2024' / '5 марта 2024 г.'; text that is not a date is returned as is."""
    if not iso:
        return t(lang, "not_given")
    try:
        d = date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    if norm_lang(lang) == "ru":
        return f"{d.day} {_RU_MONTHS[d.month - 1]} {d.year} г."
    return f"{d.day} {_EN_MONTHS[d.month - 1]} {d.year}"


def fmt_datetime(lang: str, moment: datetime) -> str:
    """Date and local time (hours and minutes)."""
    return f"{fmt_date(lang, moment.date().isoformat())} {moment.strftime('%H:%M')}"


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
    """'42 years' / '42 года' (Russian plural forms)."""
    if norm_lang(lang) != "ru":
        return f"{years} year" if years == 1 else f"{years} years"
    if years % 10 == 1 and years % 100 != 11:
        word = "год"
    elif years % 10 in (2, 3, 4) and years % 100 not in (12, 13, 14):
        word = "года"
    else:
        word = "лет"
    return f"{years} {word}"


def fmt_birth(lang: str, birth_iso: str | None, on: date) -> str:
    """Birth date with the age in brackets."""
    if not birth_iso:
        return t(lang, "not_given")
    years = age_years(birth_iso, on)
    text = fmt_date(lang, birth_iso)
    return f"{text} ({fmt_age(lang, years)})" if years is not None else text


def preset_name(lang: str, preset: str) -> str:
    """Readable name of a threshold preset (an operating-point key of the model card)."""
    key = f"preset.{preset or 'card'}"
    return t(lang, key) if has(key) else preset
