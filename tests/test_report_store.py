"""Referral from the record store, the ``dermassist report`` command and its audit entry."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_report_support import extracted_jpegs, flat, lesion_jpeg, pdftotext

from dermassist.cli import main
from dermassist.inference.card import ModelCard
from dermassist.records.models import AnalysisRecord, Examination, LesionSite, Patient
from dermassist.records.settings import Settings, save_settings
from dermassist.records.store import RecordNotFound, RecordStore
from dermassist.reports.referral import AUDIT_ACTION, export_referral, referral_from_store, report_language


def _fill(store: RecordStore, tmp: Path, sha: str | None, *, threshold: float = 0.5, preset: str = "") -> int:
    patient = store.add_patient(
        Patient(None, "Сидоров Пётр Ильич", "1959-11-02", "male", record_number="ОМС 5555", phone="+7 911 000-11-22")
    )
    exam = store.add_examination(
        Examination(
            None,
            patient.id or 0,
            "2024-05-20",
            referring_doctor="Dr Who",
            site=LesionSite("back", 0.6, 0.53, ""),
            notes="Bleeding since April.",
            urgency="urgent",
        )
    )
    eid = exam.id or 0
    first = store.add_image(eid, lesion_jpeg(tmp / "a.jpg", 800, 600, seed=1), "first.jpg")
    store.add_image(eid, lesion_jpeg(tmp / "b.jpg", 800, 600, seed=2), "second.jpg")
    if sha:
        extras = {"threshold_preset": preset} if preset else {}
        store.add_analysis(
            AnalysisRecord(
                None,
                eid,
                first.sha256,
                0.81,
                threshold,
                "malignant",
                "tiny-test-model",
                "0.0.1",
                sha,
                warnings=("Picture is dark",),
                warnings_overridden=True,
                extras=extras,
            )  # fmt: skip
        )
    return eid


@pytest.fixture
def store(tmp_path: Path) -> RecordStore:
    s = RecordStore.open(tmp_path / "data")
    yield s  # type: ignore[misc]
    s.close()


def test_referral_from_store_with_installed_card(
    store: RecordStore, installed_tiny_model: ModelCard, tmp_path: Path
) -> None:
    eid = _fill(store, tmp_path, installed_tiny_model.sha256)
    data = referral_from_store(store, eid, Settings(clinic_name="Clinic"), "ru")
    assert data.lang == "ru"
    assert data.patient.full_name == "Сидоров Пётр Ильич"
    assert [p.is_file() for p in data.image_paths] == [True, True]
    assert data.model is not None and data.model.card_found
    assert data.model.sha256 == installed_tiny_model.sha256
    # The tiny card was never calibrated: no temperature is printed as if it had been fitted.
    assert data.model.temperature is None and not data.model.validated
    assert data.threshold_preset == "card"
    assert data.warnings == ("Picture is dark",) and data.warnings_overridden
    assert data.examination.referral_number == f"20240520-{eid:04d}"
    assert data.analysis_for(0) is not None and data.analysis_for(1) is None


def test_export_writes_pdf_and_audit(store: RecordStore, installed_tiny_model: ModelCard, tmp_path: Path) -> None:
    eid = _fill(store, tmp_path, installed_tiny_model.sha256)
    out = export_referral(store, eid, Settings(), tmp_path / "ref.pdf", "en")
    text = flat(pdftotext(out))
    assert "Сидоров Пётр Ильич" in text and "+7 911 000-11-22" in text
    assert "right buttock (back view)" in text
    assert "tiny-test-model, version 0.0.1" in text and installed_tiny_model.sha256 in text
    assert "Test-set metrics: not available in the model card." in text  # the tiny card has none
    rows = flat(pdftotext(out, layout=True))  # table rows stay on one line in layout mode
    assert "1. first.jpg 81.0% 19.0% suspicious" in rows and "2. second.jpg — — not analysed" in rows
    assert "Picture is dark" in text
    stored = [store.image_path(i).read_bytes() for i in store.get_examination(eid).images]
    assert sorted(extracted_jpegs(out, tmp_path)) == sorted(stored)
    entries = store.list_audit("examination", eid, action=AUDIT_ACTION)
    assert len(entries) == 1 and "ref.pdf" in entries[0].details


def test_card_not_installed_and_recorded_preset(store: RecordStore, tmp_path: Path) -> None:
    eid = _fill(store, tmp_path, "cd" * 32, threshold=0.3, preset="sens95")
    data = referral_from_store(store, eid, Settings(), "en")
    assert data.model is not None and not data.model.card_found and data.model.threshold == 0.3
    assert data.threshold_preset == "sens95"
    text = flat(pdftotext(export_referral(store, eid, Settings(), tmp_path / "x.pdf", "en")))
    assert "card is not installed on this computer" in text
    assert "30.0% (operating point: sensitivity 95% on validation)" in text


def test_no_analysis_from_store(store: RecordStore, tmp_path: Path) -> None:
    eid = _fill(store, tmp_path, None)
    data = referral_from_store(store, eid, Settings(), "en")
    assert data.model is None and not data.analysed
    assert "No analysis" in flat(pdftotext(export_referral(store, eid, Settings(), tmp_path / "n.pdf")))


def test_unknown_examination(store: RecordStore) -> None:
    with pytest.raises(RecordNotFound, match="no examination with id 999"):
        referral_from_store(store, 999, Settings(), "en")


def test_language_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    assert report_language(Settings(language="ru"), "en") == "en"
    assert report_language(Settings(language="ru")) == "ru"
    monkeypatch.setenv("LC_ALL", "ru_RU.UTF-8")
    assert report_language(Settings()) == "ru"
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    assert report_language(Settings()) == "en"


def test_cli_report(installed_tiny_model: ModelCard, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data_dir = tmp_path / "cli-data"
    with RecordStore.open(data_dir) as s:
        eid = _fill(s, tmp_path, installed_tiny_model.sha256)
    save_settings(Settings(language="ru", clinic_name="Поликлиника 7"))
    out = tmp_path / "cli.pdf"
    assert main(["report", str(eid), "--out", str(out), "--data-dir", str(data_dir)]) == 0
    assert "saved to" in capsys.readouterr().out
    text = flat(pdftotext(out))
    assert "Поликлиника 7" in text and "ПОДОЗРИТЕЛЬНО" in text  # language from the settings
    assert main(["report", str(eid), "--out", str(out), "--lang", "en", "--data-dir", str(data_dir)]) == 0
    assert "SUSPICIOUS" in flat(pdftotext(out))
    with RecordStore.open(data_dir) as s:
        assert len(s.list_audit("examination", eid, action=AUDIT_ACTION)) == 2


def test_cli_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data_dir = tmp_path / "d"
    assert main(["report", "42", "--out", str(tmp_path / "x.pdf"), "--data-dir", str(data_dir)]) == 1
    err = capsys.readouterr().err.strip()
    assert err == "dermassist: no examination with id 42"
    with RecordStore.open(data_dir) as s:
        eid = _fill(s, tmp_path, None)
    bad = tmp_path / "missing-folder" / "x.pdf"
    assert main(["report", str(eid), "--out", str(bad), "--data-dir", str(data_dir)]) == 1
    assert "does not exist" in capsys.readouterr().err
    with RecordStore.open(data_dir) as s:
        assert s.list_audit("examination", eid, action=AUDIT_ACTION) == []  # nothing saved, nothing logged
