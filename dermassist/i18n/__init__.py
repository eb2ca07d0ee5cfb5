"""Translations of the core's texts: gettext catalogs under ``dermassist/i18n/locale``.

English is the source language (the msgids); every other language is a catalog
``locale/<lang>/LC_MESSAGES/dermassist.po`` compiled to ``dermassist.mo`` beside it, so a new
language is new files and no code (``available_languages`` finds it). See docs/translations.md.

In the language of the user interface (``set_language``, set once at start-up)::

    _("text"), ngettext("one {n}", "many {n}", n), pgettext("context", "text")

In an explicit language, for texts that must not follow the UI (the referral PDF's language)::

    gettext_for(lang, "text"), ngettext_for(lang, "one", "many", n), pgettext_for(lang, "context", "text")

``N_("text")`` only marks a text for extraction (tables of texts translated when shown).
Placeholders are ``str.format`` fields (``{name}``) filled in after translation.
Numbers, percentages and dates are formatted by ``dermassist.i18n.fmt``.
"""

from __future__ import annotations

import gettext as _gettext
from functools import cache
from pathlib import Path

DOMAIN = "dermassist"
SOURCE_LANGUAGE = "en"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"

_default_language = SOURCE_LANGUAGE


@cache
def _languages(folder: Path) -> tuple[str, ...]:
    found = sorted(p.parent.parent.name for p in folder.glob(f"*/LC_MESSAGES/{DOMAIN}.mo"))
    return (SOURCE_LANGUAGE, *[lang for lang in found if lang != SOURCE_LANGUAGE])


def available_languages() -> tuple[str, ...]:
    """English, then every language with a compiled catalog in the locale folder (alphabetical)."""
    return _languages(LOCALE_DIR)


def norm_lang(lang: str | None) -> str:
    """An available language for a code such as 'ru', 'ru_RU' or 'ru-RU'; English when there is none."""
    code = (lang or "").strip().replace("-", "_")
    languages = available_languages()
    for candidate in (code, code.split("_")[0].lower()):
        if candidate in languages:
            return candidate
    return SOURCE_LANGUAGE


@cache
def _catalog(lang: str, locale_dir: Path) -> _gettext.NullTranslations:
    mo = locale_dir / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
    if lang == SOURCE_LANGUAGE or not mo.is_file():
        return _gettext.NullTranslations()
    with mo.open("rb") as f:  # not gettext.translation(): its process-wide cache would outlive reload_catalogs
        return _gettext.GNUTranslations(f)


def translations(lang: str | None) -> _gettext.NullTranslations:
    """The gettext catalog for ``lang`` (English, the source texts, when it has none; None: the UI language)."""
    return _catalog(norm_lang(lang) if lang else _default_language, LOCALE_DIR)


def reload_catalogs() -> None:
    """Forget the languages and catalogs found so far (after the locale folder changed, e.g. in tests)."""
    _languages.cache_clear()
    _catalog.cache_clear()


def set_language(lang: str | None) -> str:
    """Make ``lang`` the language of ``_``/``ngettext``/``pgettext`` for the whole process; returns it."""
    global _default_language
    _default_language = norm_lang(lang)
    return _default_language


def current_language() -> str:
    """The language ``set_language`` chose ('en' until it is called)."""
    return _default_language


def N_(message: str) -> str:  # noqa: N802 (the usual gettext marker name)
    """Mark ``message`` for extraction; it is translated later, where it is shown."""
    return message


def gettext_for(lang: str | None, message: str) -> str:
    """``message`` in ``lang``."""
    return translations(lang).gettext(message)


def ngettext_for(lang: str | None, singular: str, plural: str, n: int) -> str:
    """The singular or the right plural form for ``n`` in ``lang`` (Russian has three)."""
    return translations(lang).ngettext(singular, plural, n)


def pgettext_for(lang: str | None, context: str, message: str) -> str:
    """``message`` in ``lang``, told apart from the same English text elsewhere by ``context``."""
    return translations(lang).pgettext(context, message)


def _(message: str) -> str:
    """``message`` in the current language."""
    return gettext_for(_default_language, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Singular or plural for ``n`` in the current language."""
    return ngettext_for(_default_language, singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """``message`` with a context, in the current language."""
    return pgettext_for(_default_language, context, message)


__all__ = [
    "DOMAIN",
    "LOCALE_DIR",
    "SOURCE_LANGUAGE",
    "N_",
    "_",
    "available_languages",
    "current_language",
    "gettext_for",
    "ngettext",
    "ngettext_for",
    "norm_lang",
    "pgettext",
    "pgettext_for",
    "reload_catalogs",
    "set_language",
    "translations",
]
