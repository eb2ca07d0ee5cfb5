"""The transfer widgets, offscreen: the Outbox tab delivering to Orthanc, PACS settings, the center window."""

from __future__ import annotations

from pathlib import Path

import orthanc_fixture
import pytest
from conftest import make_rgb
from orthanc_fixture import OrthancServer, make_referral
from PIL import Image

pytest.importorskip("pytestqt")

from dermassist.records.settings import Settings, save_settings  # noqa: E402
from dermassist.records.store import RecordStore  # noqa: E402
from dermassist.transfer import outbox  # noqa: E402
from dermassist.transfer.center_store import CenterStore  # noqa: E402

orthanc = orthanc_fixture.orthanc


def _exam(store: RecordStore, tmp_path: Path, p: float, name: str, n: int) -> int:
    path = tmp_path / f"x{n}.jpg"
    Image.fromarray(make_rgb(64, 48, seed=n)).save(path, quality=90)
    exam = make_referral(store, [path], [p], name=name, record_number=f"M{n}")
    assert exam.id is not None
    return exam.id


@pytest.mark.orthanc
def test_outbox_tab_sends_in_the_background_and_retries(
    qtbot, orthanc: OrthancServer, store: RecordStore, tmp_path: Path
) -> None:
    from dermassist.ui.outbox_panel import OutboxPanel

    settings = orthanc.settings("dicomweb")
    save_settings(settings.with_changes(dicomweb_password="wrong"))  # first the saved settings are wrong
    exam_id = _exam(store, tmp_path, 0.8, "Орлова Вера", 1)
    panel = OutboxPanel(None, store, settings, autostart=False)
    qtbot.addWidget(panel)
    item = outbox.enqueue(store, exam_id, settings)  # what the examination's "Send to center" does
    panel.start()
    qtbot.waitUntil(lambda: outbox.get_item(store, item.id).state == "failed", timeout=20_000)
    qtbot.waitUntil(lambda: not panel._busy, timeout=5_000)
    panel.refresh()
    assert panel.table.item(0, 3).text() == "failed, will retry"
    assert "refused the credentials" in panel.table.item(0, 7).text()
    save_settings(settings)  # the user fixes the password in Settings, then presses "Send now"
    panel.retry_all()
    qtbot.waitUntil(lambda: outbox.get_item(store, item.id).state == "delivered", timeout=20_000)
    qtbot.waitUntil(lambda: panel.table.item(0, 3).text() == "delivered", timeout=5_000)
    assert panel.table.item(0, 2).text() == "Орлова Вера"
    assert len(orthanc.instances_of_study(item.study_uid)) == 3
    panel.table.selectRow(0)
    folder = panel.export_selected(str(tmp_path / "usb"))
    assert folder is not None and (folder / "manifest.json").is_file()
    panel.shutdown()
    assert not panel.running


def test_pacs_settings_round_trip_and_warnings(qtbot) -> None:
    from dermassist.ui.pacs_settings import PacsSettingsWidget

    start = Settings(pacs_protocol="dimse", dimse_host="pacs", dimse_port=11112, dimse_called_aet="CENTER")
    w = PacsSettingsWidget(None, start)
    qtbot.addWidget(w)
    assert w.apply(Settings()) == Settings().with_changes(
        pacs_protocol="dimse", dimse_host="pacs", dimse_port=11112, dimse_called_aet="CENTER"
    )
    # C-STORE in clear text is called out; TLS takes the warning away and is saved with its CA file.
    assert not w.warning.isHidden() and "without TLS" in w.warning.text() and not w.dimse_ca.isEnabled()
    w.dimse_tls.setChecked(True)
    w.dimse_ca.setText("/etc/center-ca.pem")
    assert w.warning.isHidden() and w.dimse_ca.isEnabled()
    assert w.apply(Settings()).dimse_tls is True and w.apply(Settings()).dimse_ca_bundle == "/etc/center-ca.pem"
    w.confirm_qido.setChecked(True)
    assert w.apply(Settings()).dicomweb_confirm_qido is True
    w.protocol.setCurrentIndex(w.protocol.findData("dicomweb"))
    w.url.setText("http://pacs.example.org/dicom-web")
    w.auth.setCurrentIndex(w.auth.findData("bearer"))
    w.token.setText("tok")
    w.verify.setChecked(False)
    assert not w.warning.isHidden() and "HTTPS" in w.warning.text() and "Certificate" in w.warning.text()
    out = w.apply(Settings(clinic_name="keep"))
    assert out.clinic_name == "keep" and out.pacs_protocol == "dicomweb" and out.dicomweb_token == "tok"
    assert out.dicomweb_auth == "bearer" and out.dicomweb_verify_tls is False
    assert not w.password.isEnabled() and w.token.isEnabled()


@pytest.mark.orthanc
def test_pacs_settings_test_connection_off_the_gui_thread(qtbot, orthanc: OrthancServer) -> None:
    from dermassist.ui.pacs_settings import PacsSettingsWidget

    w = PacsSettingsWidget(None, orthanc.settings("dimse"))
    qtbot.addWidget(w)
    w.test_connection()
    qtbot.waitUntil(lambda: w.test_button.isEnabled(), timeout=20_000)
    assert w.result.text().startswith("Connected:") and "C-ECHO" in w.result.text()
    w.called_aet.setText("NOT_THE_CENTER")
    w.test_connection()
    qtbot.waitUntil(lambda: w.test_button.isEnabled(), timeout=20_000)
    assert w.result.text().startswith("Failed:") and "rejected" in w.result.text()


@pytest.mark.orthanc
def test_center_window_lists_by_probability_shows_pdf_and_keeps_marks(
    qtbot, orthanc: OrthancServer, store: RecordStore, tmp_path: Path
) -> None:
    from dermassist.transfer.sender import process_due
    from dermassist.ui.center_window import CenterWindow

    settings = orthanc.settings("dicomweb")
    for n, (p, name) in enumerate([(0.3, "Low Risk"), (0.95, "Высокий Риск"), (0.6, "Middle Risk")]):
        outbox.enqueue(store, _exam(store, tmp_path, p, name, n), settings)
    assert [r.state for r in process_due(store, settings)] == ["delivered"] * 3
    marks = CenterStore(tmp_path / "center.sqlite3")
    win = CenterWindow(settings, marks)
    qtbot.addWidget(win)
    win.refresh()
    qtbot.waitUntil(lambda: win.table.rowCount() == 3, timeout=20_000)
    assert [win.table.item(r, 1).text() for r in range(3)] == ["Высокий Риск", "Middle Risk", "Low Risk"]
    assert win.table.item(0, 0).text() == "95.0%" and win.table.item(0, 2).text() == "+79001234567"
    assert win.table.item(0, 3).text() == "Поликлиника №5" and win.table.item(0, 6).text() == "to call"
    win.table.selectRow(0)
    qtbot.waitUntil(lambda: getattr(win, "content", None) is not None, timeout=20_000)
    assert len(win.content.images) == 1 and win.content.pdf.startswith(b"%PDF")
    if win.pdf_doc is not None:
        qtbot.waitUntil(lambda: win.pdf_doc.pageCount() >= 1, timeout=10_000)
    assert win.images_lay.count() >= 2 and "Высокий Риск" in win.header.text()
    win.called.click()
    win._appointment_clicked("2026-03-10 09:30")
    assert win.table.item(0, 6).text() == "appointment set"
    uid = win.current.study_uid
    win.close()
    again = CenterStore(tmp_path / "center.sqlite3")
    assert again.get(uid).called and again.get(uid).appointment == "2026-03-10 09:30"
    again.close()
