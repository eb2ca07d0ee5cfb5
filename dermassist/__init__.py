"""DermAssist: offline decision support for dermoscopy images.

Decision support for clinicians, not a diagnosis.
"""

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
