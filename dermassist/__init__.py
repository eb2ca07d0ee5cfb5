"""DermAssist: offline decision support for dermoscopy images.

Decision support for clinicians, not a diagnosis.
"""

import os as _os

__version__ = "0.1.0"

INTENDED_USE = (
    "Decision support for clinicians, not a diagnosis. DermAssist estimates the probability "
    "that a dermoscopic image shows a malignant lesion; the clinician decides, and every "
    "suspicious lesion is referred to a specialist."
)

INTENDED_USE_RU = (
    "Средство поддержки принятия решений для врача, а не диагноз. DermAssist оценивает "
    "вероятность того, что на дерматоскопическом изображении злокачественное образование; "
    "решение принимает врач, и каждое подозрительное образование направляется к специалисту."
)

# No network use but the configured center: onnxruntime's usage telemetry (a device id under
# ~/.cache/Microsoft and events sent to Microsoft) is switched off before onnxruntime is first
# imported, which is when it reads this variable. ``inference.session`` also calls the API switch.
_os.environ["ORT_DISABLE_TELEMETRY"] = "1"
