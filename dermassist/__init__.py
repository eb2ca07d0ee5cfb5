"""DermAssist: offline decision support for dermoscopy images.

Decision support for clinicians, not a diagnosis.
"""

from dermassist.i18n import N_, gettext_for

__version__ = "0.1.0"

INTENDED_USE = N_(
    "Decision support for clinicians, not a diagnosis. DermAssist estimates the probability "
    "that a dermoscopic image shows a malignant lesion; the clinician decides, and every "
    "suspicious lesion is referred to a specialist."
)


def intended_use(lang: str | None = None) -> str:
    """The intended-use statement in ``lang`` (None: the UI language)."""
    return gettext_for(lang, INTENDED_USE)
