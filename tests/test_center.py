"""The center's worklist from a real Orthanc: sorted by malignancy, phone and clinic, images and PDF, local marks."""

from __future__ import annotations

import json
from pathlib import Path

import orthanc_fixture
import pytest
from conftest import make_rgb
from orthanc_fixture import OrthancServer, make_referral
from PIL import Image

from dermassist.cli import main
from dermassist.records.settings import save_settings
from dermassist.records.store import RecordStore
from dermassist.transfer import outbox, sender
from dermassist.transfer.airesult import parse_malignancy
from dermassist.transfer.center import fetch_study, query_worklist, sort_worklist, study_from_json
from dermassist.transfer.center_store import CenterStore

orthanc = orthanc_fixture.orthanc


def _send_three(store: RecordStore, orthanc: OrthancServer, tmp_path: Path) -> list[str]:
    study_uids = []
    for n, (p, name, phone) in enumerate(
        [
            (0.35, "Сидоров Олег", "+7 900 000-00-01"),
            (0.92, "Кузнецова Мария", "+7 900 000-00-02"),
            (0.61, "Lee^Ann", ""),
        ]
    ):
        path = tmp_path / f"l{n}.jpg"
        Image.fromarray(make_rgb(60, 45, seed=n)).save(path, quality=90)
        exam = make_referral(store, [path], [p], name=name, phone=phone, record_number=f"R{n}")
        protocol = "dicomweb" if n % 2 else "dimse"
        item = outbox.enqueue(store, exam.id, orthanc.settings(protocol))
        [r] = sender.process_due(store, orthanc.settings(protocol))
        assert r.state == "delivered", r.error
        study_uids.append(item.study_uid)
    return study_uids


@pytest.mark.orthanc
def test_worklist_sorted_by_probability_with_phone_clinic_images_and_pdf(
    orthanc: OrthancServer, store: RecordStore, tmp_path: Path
) -> None:
    uids = _send_three(store, orthanc, tmp_path)
    center = orthanc.settings("dicomweb")
    studies = query_worklist(center)
    assert [s.patient_name for s in studies] == ["Кузнецова Мария", "Lee Ann", "Сидоров Олег"]
    assert [s.malignant for s in studies] == [pytest.approx(0.92), pytest.approx(0.61), pytest.approx(0.35)]
    top = studies[0]
    assert top.study_uid == uids[1] and top.phone == "+79000000002"
    assert top.institution == "Поликлиника №5" and top.referring_physician == "Петрова Анна Сергеевна"
    assert top.model == "dermassist-effnet 1.2.0" and top.instances == 3 and top.patient_id == "R1"
    content = fetch_study(center, top.study_uid)
    assert len(content.images) == 1
    caption, picture = content.images[0]
    assert picture == (tmp_path / "l1.jpg").read_bytes() and "92.0%" in caption
    [pdf] = (Path(store.data_dir) / "outbox").glob("2-*/referral.pdf")  # examination 2's package
    assert content.pdf == pdf.read_bytes()
    assert "dermassist-effnet" in content.report_text


@pytest.mark.orthanc
def test_center_cli_list(
    orthanc: OrthancServer,
    store: RecordStore,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    uids = _send_three(store, orthanc, tmp_path)
    save_settings(orthanc.settings("dicomweb"))
    CenterStore().set_called(uids[1])
    assert main(["center", "--list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(" 92.0%  Кузнецова Мария  phone +79000000002  from Поликлиника №5")
    assert lines[0].endswith("[called]") and lines[1].endswith("[to call]")
    assert main(["center", "--list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["follow_up"]["called_at"] and rows[1]["follow_up"] is None
    save_settings(orthanc.settings("dicomweb", dicomweb_password="nope"))
    assert main(["center", "--list"]) == 1
    assert "refused the credentials" in capsys.readouterr().err


def test_center_store_keeps_marks(tmp_path: Path) -> None:
    path = tmp_path / "center.sqlite3"
    marks = CenterStore(path)
    assert not marks.get("2.25.1").called
    marks.set_called("2.25.1", note="перезвонить утром")
    marks.set_appointment("2.25.1", "2026-03-10 09:30, каб. 4")
    marks.close()
    again = CenterStore(path)
    f = again.get("2.25.1")
    assert f.called and f.appointment_set and f.appointment == "2026-03-10 09:30, каб. 4"
    assert f.note == "перезвонить утром"
    again.set_appointment("2.25.1", None)
    assert not again.get("2.25.1").appointment_set and again.get("2.25.1").called
    assert set(again.all()) == {"2.25.1"}
    again.close()


def test_parsing_and_sorting_without_a_server() -> None:
    assert parse_malignancy("DermAssist: malignant 7.5%, m 1") == pytest.approx(0.075)
    assert parse_malignancy("DermAssist: not analysed") is None
    assert parse_malignancy("malignant 250%") is None
    rows = [
        study_from_json({"00081030": {"vr": "LO", "Value": [d]}, "00080020": {"vr": "DA", "Value": [day]}})
        for d, day in [
            ("DermAssist: not analysed", "20260101"),
            ("DermAssist: malignant 10.0%, m 1", "20260101"),
            ("DermAssist: malignant 80.0%, m 1", "20260101"),
            ("DermAssist: malignant 10.0%, m 1", "20260105"),
        ]
    ]
    ordered = sort_worklist(rows)
    assert [(s.malignant, s.study_date) for s in ordered] == [
        (0.8, "20260101"),
        (0.1, "20260105"),
        (0.1, "20260101"),
        (None, "20260101"),
    ]
