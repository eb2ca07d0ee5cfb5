"""A referral made in the workstation arrives in Orthanc with its images and PDF (the issue's done-when)."""

from __future__ import annotations

import io
from pathlib import Path

import orthanc_fixture
import pytest
from orthanc_fixture import OrthancServer

pytest.importorskip("pytestqt")

from PIL import Image  # noqa: E402

from dermassist.records.settings import save_settings  # noqa: E402
from dermassist.transfer import outbox  # noqa: E402

orthanc = orthanc_fixture.orthanc
pytestmark = pytest.mark.orthanc


def test_send_to_center_from_the_workstation_arrives_in_orthanc(
    qtbot, monkeypatch, tmp_path: Path, orthanc: OrthancServer, installed_tiny_model, image_file: Path
) -> None:
    workstation = pytest.importorskip("test_ui_workstation")
    save_settings(orthanc.settings("dicomweb"))
    win = workstation.open_window(qtbot, tmp_path / "data")
    assert win.outbox is not None, win.outbox_why
    view = workstation.create_patient_with_exam(win, qtbot, monkeypatch, name="Смирнова Ольга")
    workstation.add_file(view, qtbot, monkeypatch, image_file)
    workstation.analyse(view, qtbot)
    workstation.click(qtbot, view.send_button)
    [item] = outbox.list_items(win.store)
    qtbot.waitUntil(lambda: outbox.get_item(win.store, item.id).state == "delivered", timeout=30_000)
    instances = orthanc.instances_of_study(item.study_uid)
    assert len(instances) == 3
    tags = [orthanc.json(f"/instances/{i['ID']}/simplified-tags") for i in instances]
    assert {t["PatientName"] for t in tags} == {"Смирнова Ольга"}
    assert sorted(t["Modality"] for t in tags) == ["DMS", "DOC", "SR"]
    image = next(i for i, t in zip(instances, tags, strict=True) if t["Modality"] == "DMS")
    assert orthanc.get(f"/instances/{image['ID']}/frames/0/raw").content.startswith(image_file.read_bytes())
    assert Image.open(io.BytesIO(orthanc.get(f"/instances/{image['ID']}/preview").content)).size == (64, 48)
    pdf = next(i for i, t in zip(instances, tags, strict=True) if t["Modality"] == "DOC")
    assert orthanc.get(f"/instances/{pdf['ID']}/pdf").content.startswith(b"%PDF")
    win.tabs.setCurrentWidget(win.outbox)
    qtbot.waitUntil(lambda: win.outbox.table.item(0, 3).text() == "delivered", timeout=10_000)
    workstation.close_window(win)
