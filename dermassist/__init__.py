"""DermAssist: offline decision support for dermoscopy images.

Decision support for clinicians, not a diagnosis.
"""

import os as _os

from dermassist.i18n import N_, gettext_for

__version__ = "0.1.0"

INTENDED_USE = N_(
    "Decision support for clinicians, not a diagnosis. DermAssist estimates the probability "
    "that a dermoscopic image shows a malignant lesion; the clinician decides, and every "
    "suspicious lesion is referred to a specialist."
)

# No network use but the configured center: onnxruntime's usage telemetry (a device id under
# ~/.cache/Microsoft and events sent to Microsoft) is switched off before onnxruntime is first
# imported, which is when it reads this variable. ``inference.session`` also calls the API switch.
_os.environ["ORT_DISABLE_TELEMETRY"] = "1"
# NumPy's BLAS does only small products here (the OOD distance: a batch x 1280 by 1280 x 1280); its
# worker threads then fight ONNX Runtime's and the decode threads for the cores. Measured on 2 busy
# cores: that product took 167 ms with OpenBLAS's threads and 13 ms with one, and the quality + OOD
# gate of `classify` cost 14.1 instead of 9.2 CPU ms per picture. Set before NumPy is first imported.
_os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def intended_use(lang: str | None = None) -> str:
    """The intended-use statement in ``lang`` (None: the UI language)."""
    return gettext_for(lang, INTENDED_USE)
