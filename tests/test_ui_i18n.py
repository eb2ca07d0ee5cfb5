"""Russian and English: translation files complete and consistent, the window in Russian, localised numbers."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from dermassist.paths import resource  # noqa: E402

PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%n|%\d")
# Names that stay in Latin letters in Russian text.
ALLOWED_LATIN = re.compile(
    r"\{[a-z_]*\}|DermAssist|ONNX|onnx|CUDA|DirectML|NVIDIA|Windows|GPU|CPU|ROC AUC|sha256|PDF|USB|Ctrl|"
    r"dermassist import-model MODEL|PACS|DICOMweb|DICOM|DIMSE|STORE|STOW|QIDO|WADO|HTTPS|Photographic|bearer|"
    r"Orthanc|DefaultEncoding|Utf8|Latin|\.[a-z]+"
)


def _messages(lang: str):
    root = ET.parse(resource("i18n", f"dermassist_{lang}.ts")).getroot()
    for ctx in root.iter("context"):
        for msg in ctx.iter("message"):
            yield ctx.find("name").text, msg


@pytest.fixture
def russian(qapp):
    from dermassist.ui.i18n import install_translators

    assert install_translators("ru") == "ru"
    yield
    install_translators("en")


def test_every_russian_string_is_translated_with_the_same_placeholders() -> None:
    count = 0
    for ctx, msg in _messages("ru"):
        source = msg.find("source").text
        tr = msg.find("translation")
        assert tr.get("type") not in ("unfinished", "obsolete", "vanished"), f"{ctx}: {source!r} not translated"
        texts = [f.text for f in tr.iter("numerusform")] if msg.get("numerus") == "yes" else [tr.text]
        for text in texts:
            assert text and text.strip(), f"{ctx}: {source!r} has an empty translation"
            assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), (ctx, source, text)
            latin = re.findall(r"[A-Za-z]{4,}", ALLOWED_LATIN.sub("", text))
            assert not latin, f"English left in the translation of {source!r}: {latin}"
        count += 1
    assert count > 150


def test_compiled_russian_matches_the_ts_file(qapp) -> None:
    """The committed .qm was built from the current .ts (run pyside6-lrelease after editing)."""
    from PySide6.QtCore import QTranslator

    qm = QTranslator()
    assert qm.load(str(resource("i18n", "dermassist_ru.qm")))
    for ctx, msg in _messages("ru"):
        if msg.get("numerus") == "yes":
            continue
        source, expected = msg.find("source").text, msg.find("translation").text
        assert qm.translate(ctx, source) == expected, f"{ctx}: {source!r} is stale in dermassist_ru.qm"


def test_window_in_russian(qtbot, qapp, russian, tmp_path: Path) -> None:
    from dermassist.records.models import Patient
    from dermassist.records.settings import Settings
    from dermassist.records.store import RecordStore
    from dermassist.ui.i18n import fmt_date, fmt_duration, fmt_percent
    from dermassist.ui.main_window import MainWindow

    store = RecordStore.open(tmp_path / "data")
    for i in range(2):
        store.add_patient(Patient(None, f"Пациент {i}", "1960-05-01"))
    win = MainWindow(store, Settings(), "ru")
    qtbot.addWidget(win)
    assert win.patients.new_button.text() == "Новый пациент…"
    assert win.patients.count_label.text() == "2 пациента"
    assert win.tabs.tabText(0) == "Пациенты"
    assert "не диагноз" in win.patient_view.exam_view.result.intended_use.text()
    assert win.patient_view.exam_view.result.analyse_button.text() == "Анализ"
    assert fmt_percent(0.1234) == "12,3\u00a0%"
    assert fmt_duration(0.37).replace("\u00a0", " ") == "0,37 с"
    assert fmt_date("1960-05-01") == "01.05.1960"
    assert "01.05.1960" in win.patients.list.item(0).text()
    win.close()
    qapp.processEvents()
    store.close()


def test_english_plurals_and_dates(qtbot, qapp, tmp_path: Path) -> None:
    from dermassist.records.models import Patient
    from dermassist.records.store import RecordStore
    from dermassist.ui.i18n import fmt_date, fmt_percent, install_translators
    from dermassist.ui.patient_list import PatientListPanel

    install_translators("en")
    store = RecordStore.open(tmp_path / "data")
    store.add_patient(Patient(None, "One"))
    panel = PatientListPanel(store)
    qtbot.addWidget(panel)
    assert panel.count_label.text() == "1 patient"
    assert fmt_percent(0.1234) == "12.3%" and fmt_date("1960-05-01") == "01/05/1960"  # CLDR's British English
    store.close()


def test_language_choice_order(qapp) -> None:
    from dermassist.ui.i18n import choose_language

    assert choose_language("ru", "en") == "ru"
    assert choose_language(None, "ru") == "ru"
    assert choose_language(None, "") in ("en", "ru")
    assert choose_language("xx", "") in ("en", "ru")
