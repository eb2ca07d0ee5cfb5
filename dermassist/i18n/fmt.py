"""Numbers, percentages, dates and durations in a language's own style (Babel and CLDR data).

One formatter for the UI and the referral PDF alike. ``lang`` is a language code ('en', 'ru', ...);
None means the current UI language (``dermassist.i18n.set_language``). English follows British
conventions (day before month), as the UI's Qt locale does.

    format_number(3.14159, 2)            'en': '3.14'         'ru': '3,14'
    format_percent(0.127)                'en': '12.7%'        'ru': '12,7 %'  (no-break space)
    format_percent(0.5, 0)               'en': '50%'          'ru': '50 %'
    format_date(date(2024, 3, 5))        'en': '5 March 2024' 'ru': '5 марта 2024 г.'
    format_date("2024-03-05", "short")   'en': '05/03/2024'   'ru': '05.03.2024'
    format_datetime(moment)              the long date and the local time, e.g. '5 March 2024 14:05'
    format_time(moment)                  '14:05'
    format_duration(0.37)                'en': '0.37s'        'ru': '0,37 с'
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import cache

from babel import Locale, UnknownLocaleError
from babel.dates import format_date as _babel_date
from babel.dates import format_time as _babel_time
from babel.numbers import format_decimal
from babel.numbers import format_percent as _babel_percent
from babel.units import format_unit

from dermassist.i18n import current_language

# Locales for languages whose bare code would pick another country's conventions.
_REGION = {"en": "en_GB"}


@cache
def _locale(code: str) -> Locale:
    try:
        return Locale.parse(_REGION.get(code, code).replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse(_REGION["en"])


def babel_locale(lang: str | None = None) -> Locale:
    """The CLDR locale for a language code (British English for 'en'); English for unknown codes."""
    return _locale(lang or current_language())


def _digits(digits: int) -> str:
    return "0." + "0" * digits if digits > 0 else "0"


def format_number(value: float, digits: int = 2, lang: str | None = None) -> str:
    """A decimal number with exactly ``digits`` decimals and the language's separators."""
    return format_decimal(value, format="#,##" + _digits(digits), locale=babel_locale(lang))


def format_integer(value: int, lang: str | None = None) -> str:
    """A whole number with the language's digit grouping."""
    return format_decimal(value, format="#,##0", locale=babel_locale(lang))


def format_percent(fraction: float, digits: int = 1, lang: str | None = None) -> str:
    """A fraction 0..1 as a percentage with ``digits`` decimals, in the language's percent pattern."""
    locale = babel_locale(lang)
    pattern = locale.percent_formats[None].pattern.split(";")[0]
    pattern = re.sub(r"0(?![0-9.])", _digits(digits), pattern, count=1)
    return _babel_percent(fraction, format=pattern, locale=locale)


def _as_date(value: date | str) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def format_date(value: date | str | None, style: str = "long", lang: str | None = None) -> str:
    """A date (or ISO 'YYYY-MM-DD…' text) in 'long', 'medium' or 'short' style; '' for None.

    Text that is not a date is returned unchanged (an old record's free text stays readable).
    """
    if value is None or value == "":
        return ""
    day = _as_date(value)
    if day is None:
        return str(value)
    return _babel_date(day, format=style, locale=babel_locale(lang))


def format_time(moment: datetime, lang: str | None = None) -> str:
    """Hours and minutes of ``moment`` as it is (convert to local time first)."""
    return _babel_time(moment, format="short", locale=babel_locale(lang))


def format_datetime(moment: datetime, lang: str | None = None) -> str:
    """The long date and the time (hours and minutes) of ``moment``."""
    return f"{format_date(moment.date(), 'long', lang)} {format_time(moment, lang)}"


def format_duration(seconds: float, digits: int = 2, lang: str | None = None) -> str:
    """A duration in seconds with the language's unit symbol."""
    return format_unit(
        seconds, "duration-second", length="narrow", format="#,##" + _digits(digits), locale=babel_locale(lang)
    )


__all__ = [
    "babel_locale",
    "format_date",
    "format_datetime",
    "format_duration",
    "format_integer",
    "format_number",
    "format_percent",
    "format_time",
]
