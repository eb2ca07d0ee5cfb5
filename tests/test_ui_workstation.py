"""The workstation driven through its widgets (offscreen): patient, picture, site, analysis, restart."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from conftest import make_rgb
from PIL import Image

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl  # noqa: E402
from PySide6.QtGui import QDropEvent, QGuiApplication, QImage  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog  # noqa: E402

from dermassist.records.settings import Settings, load_settings  # noqa: E402
from dermassist.records.store import RecordStore  # noqa: E402
from dermassist.ui import patient_dialog  # noqa: E402
from dermassist.ui.main_window import MainWindow  # noqa: E402


def open_window(
    qtbot, data_dir: Path, settings: Settings | None = None, wait_model: bool = True, lang: str = "en"
) -> MainWindow:
    store = RecordStore.open(data_dir)
    win = MainWindow(store, settings or load_settings(), lang)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.start_background()
    if wait_model:
        qtbot.waitUntil(lambda: win.models.ready or win.models.error is not None, timeout=20000)
    return win


def close_window(win: MainWindow) -> None:
    win.close()
    QApplication.processEvents()  # results the background workers posted before they stopped
    win.store.close()


def fill_patient_dialog(monkeypatch, qtbot, name: str, phone: str = "", birth=None) -> None:
    """Replace the modal exec() with filling the real dialog and pressing its OK button."""

    def fake_exec(dialog):
        # QTest can only type ASCII keys; Cyrillic names are entered as text.
        dialog.full_name.setText(name)
        qtbot.keyClicks(dialog.phone, phone)
        if birth:
            qtbot.keyClicks(dialog.birth_date.edit, birth)
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(patient_dialog.PatientDialog, "exec", fake_exec)


def click(qtbot, widget) -> None:
    assert widget.isEnabled(), f"{widget.objectName() or widget.text()} is disabled"
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def create_patient_with_exam(win, qtbot, monkeypatch, name="Иванова Мария"):
    fill_patient_dialog(monkeypatch, qtbot, name, "+7 900 000-00-00")
    click(qtbot, win.patients.new_button)
    assert win.patient_view.patient is not None and win.patient_view.patient.full_name == name
    click(qtbot, win.patient_view.new_exam_button)
    view = win.patient_view.exam_view
    assert view.exam is not None
    return view


def add_file(view, qtbot, monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(path)], ""))
    click(qtbot, view.images.open_button)


def analyse(view, qtbot) -> None:
    click(qtbot, view.result.analyse_button)
    qtbot.waitUntil(lambda: view.result.record is not None and not view.result.is_busy(), timeout=20000)


def test_full_flow_survives_restart(qtbot, monkeypatch, tmp_path, installed_tiny_model, image_file) -> None:
    data = tmp_path / "data"
    win = open_window(qtbot, data)
    assert win.models.ready, win.models.error
    view = create_patient_with_exam(win, qtbot, monkeypatch)
    add_file(view, qtbot, monkeypatch, image_file)
    assert len(view.exam.images) == 1 and view.images.viewer.has_image()
    # Mark the lesion on the back, write a note, save.
    view.tabs.setCurrentIndex(1)
    qtbot.waitExposed(view.bodymap)
    point = view.bodymap.widget_point("back", 0.40, 0.30)
    qtbot.mouseClick(view.bodymap, Qt.MouseButton.LeftButton, pos=point.toPoint())
    site = view.bodymap.site()
    assert site is not None and site.view == "back" and site.code == "upper_back.left" and not site.label
    qtbot.keyClicks(view.notes, "6 mm, grew since spring")
    click(qtbot, view.save_button)
    assert not view.is_dirty()
    # Analyse and read the result.
    analyse(view, qtbot)
    rec = view.result.record
    card = installed_tiny_model
    assert rec.model_sha256 == card.sha256 and 0.0 <= rec.malignant <= 1.0
    assert card.short_sha in view.result.model_label.text() and card.name in view.result.model_label.text()
    assert "threshold" in view.result.decision.text()
    assert "not a diagnosis" in view.result.intended_use.text() and view.result.intended_use.isVisible()
    assert view.result.malignant_bar.value() == round(rec.malignant * 1000)
    assert "malignant" in win.patient_view.exams.currentItem().text()
    exam_id, sha = view.exam.id, view.exam.images[0].sha256
    close_window(win)

    # Restart on the same data folder: everything is there.
    win2 = open_window(qtbot, data)
    assert win2.patients.list.count() == 1
    win2.patients.list.setCurrentRow(0)
    view2 = win2.patient_view.exam_view
    assert win2.patient_view.patient.phone == "+7 900 000-00-00"
    assert view2.exam.id == exam_id and view2.exam.images[0].sha256 == sha
    assert view2.exam.notes == "6 mm, grew since spring" and view2.exam.site == site
    assert view2.images.viewer.has_image()
    assert view2.result.record is not None and view2.result.record.id == rec.id
    actions = {(a.action, a.entity) for a in win2.store.list_audit()}
    assert {("create", "patient"), ("add-image", "examination"), ("analyse", "examination")} <= actions
    audit = win2.show_audit()
    qtbot.addWidget(audit)
    shown = {audit.table.item(r, 2).data(Qt.ItemDataRole.UserRole) for r in range(audit.table.rowCount())}
    assert {"create", "add-image", "analyse", "edit"} <= shown
    close_window(win2)


def test_window_opens_without_a_model_and_says_how_to_get_one(qtbot, monkeypatch, tmp_path, image_file) -> None:
    win = open_window(qtbot, tmp_path / "data")
    assert win.models.error is not None and not win.models.ready
    assert win.banner.isVisible() and "No model is installed" in win.banner.text()
    from dermassist.paths import user_data_dir

    assert "import-model" in win.banner.text() and str(user_data_dir() / "models") in win.banner.text()
    view = create_patient_with_exam(win, qtbot, monkeypatch)
    add_file(view, qtbot, monkeypatch, image_file)
    assert len(view.exam.images) == 1  # records work without a model
    assert not view.result.analyse_button.isEnabled()
    assert view.result.record is None and "No model can be used" in view.result.notice.text()
    close_window(win)


def test_analysis_runs_off_the_gui_thread(qtbot, monkeypatch, tmp_path, installed_tiny_model, image_file) -> None:
    win = open_window(qtbot, tmp_path / "data")
    view = create_patient_with_exam(win, qtbot, monkeypatch)
    add_file(view, qtbot, monkeypatch, image_file)
    session = win.models.session
    real = session.run  # the model run inside every analysis

    def slow(*args, **kwargs):
        time.sleep(0.8)
        return real(*args, **kwargs)

    monkeypatch.setattr(session, "run", slow)
    ticks = []
    timer = QTimer(interval=20, timeout=lambda: ticks.append(time.perf_counter()))
    timer.start()
    click(qtbot, view.result.analyse_button)
    assert view.result.is_busy() and not view.result.analyse_button.isEnabled()
    qtbot.waitUntil(lambda: view.result.record is not None, timeout=20000)
    timer.stop()
    # The event loop kept running while the model worked: no gap near the 0.8 s the model took.
    gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
    assert len(ticks) > 10 and max(gaps) < 0.5
    assert not view.result.is_busy()
    close_window(win)


def test_bad_file_gives_one_line_and_loses_nothing(qtbot, monkeypatch, tmp_path, image_file) -> None:
    win = open_window(qtbot, tmp_path / "data", wait_model=False)
    view = create_patient_with_exam(win, qtbot, monkeypatch)
    add_file(view, qtbot, monkeypatch, image_file)
    junk = tmp_path / "scan.jpg"
    junk.write_bytes(b"\xff\xd8 not really a jpeg")
    add_file(view, qtbot, monkeypatch, junk)
    assert view.images.error.isVisible() and "scan.jpg" in view.images.error.text()
    assert "\n" not in view.images.error.text()
    assert len(view.exam.images) == 1 and view.images.thumbs.count() == 1
    close_window(win)


def test_paste_and_drop_add_pictures(qtbot, monkeypatch, tmp_path, image_file) -> None:
    win = open_window(qtbot, tmp_path / "data", wait_model=False)
    view = create_patient_with_exam(win, qtbot, monkeypatch)
    rgb = make_rgb(120, 90, seed=3)
    QGuiApplication.clipboard().setImage(QImage(rgb.data, 120, 90, 360, QImage.Format.Format_RGB888).copy())
    click(qtbot, view.images.paste_button)
    assert len(view.exam.images) == 1 and view.exam.images[0].width == 120
    other = tmp_path / "other.png"
    Image.fromarray(make_rgb(70, 50, seed=4)).save(other)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(other))])
    event = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    view.images.dropEvent(event)
    assert [i.original_name for i in view.exam.images][-1] == "other.png"
    assert view.images.thumbs.count() == 2
    close_window(win)


def test_search_follow_up_and_compare_over_time(
    qtbot, monkeypatch, tmp_path, installed_tiny_cam_model, image_file
) -> None:
    win = open_window(qtbot, tmp_path / "data")
    view = create_patient_with_exam(win, qtbot, monkeypatch, "Petrov Ivan")
    add_file(view, qtbot, monkeypatch, image_file)
    analyse(view, qtbot)
    first = view.exam
    assert not view.compare_button.isEnabled()
    click(qtbot, view.follow_up_button)
    second = view.exam
    assert second.id != first.id and second.lesion_id == first.lesion_id and second.site == first.site
    other = tmp_path / "later.png"
    Image.fromarray(make_rgb(64, 48, seed=9)[::-1].copy()).save(other)
    add_file(view, qtbot, monkeypatch, other)
    analyse(view, qtbot)
    assert view.compare_button.isEnabled()
    dialog = win.patient_view.compare(first.lesion_id)
    qtbot.addWidget(dialog)
    assert [e.id for e in dialog.exams] == [first.id, second.id]
    assert "Change:" in dialog.columns[1]["change"].text()
    assert dialog.columns[0]["probability"].text().startswith("Malignant")
    # The pictures grow with the window (no fixed thumbnail size), zoom, and show the heatmap on request.
    dialog.show()
    qtbot.waitExposed(dialog)
    first_view = dialog.columns[0]["picture"]
    dialog.resize(700, 500)
    qtbot.waitUntil(lambda: first_view.width() > 0)
    small = first_view.size()
    dialog.resize(1300, 900)
    qtbot.waitUntil(lambda: first_view.width() > small.width() + 100)
    assert first_view.height() > small.height() + 100
    zoom = first_view.zoom()
    first_view.zoom_by(2.0)
    assert first_view.zoom() == pytest.approx(zoom * 2.0)
    assert not first_view.has_overlay() and dialog.heat_check.isEnabled()
    dialog.heat_check.setChecked(True)
    assert all(v.has_overlay() for v in dialog.viewers) and dialog.legend.isVisible()
    dialog.heat_check.setChecked(False)
    assert not any(v.has_overlay() for v in dialog.viewers)
    # Search narrows the list (Cyrillic folding is covered in the store tests).
    fill_patient_dialog(monkeypatch, qtbot, "Сидорова Анна")
    click(qtbot, win.patients.new_button)
    assert win.patients.list.count() == 2
    qtbot.keyClicks(win.patients.search, "petr")
    qtbot.waitUntil(lambda: win.patients.list.count() == 1)
    assert "Petrov" in win.patients.list.item(0).text()
    close_window(win)


def test_unsaved_edits_are_kept_when_leaving(qtbot, monkeypatch, tmp_path) -> None:
    win = open_window(qtbot, tmp_path / "data", wait_model=False)
    view = create_patient_with_exam(win, qtbot, monkeypatch, "A")
    exam_id = view.exam.id
    qtbot.keyClicks(view.notes, "left unsaved")
    view.checklist.method.setCurrentIndex(2)
    view.checklist.checks["blue_white_veil"].setChecked(True)
    assert view.is_dirty()
    fill_patient_dialog(monkeypatch, qtbot, "B")
    click(qtbot, win.patients.new_button)  # switching patient saves the edits
    saved = win.store.get_examination(exam_id)
    assert saved.notes == "left unsaved" and saved.checklist["blue_white_veil"] is True
    close_window(win)


def test_edit_patient_and_settings(qtbot, monkeypatch, tmp_path) -> None:
    from dermassist.ui import settings_dialog

    win = open_window(qtbot, tmp_path / "data", wait_model=False)
    create_patient_with_exam(win, qtbot, monkeypatch, "Old Name")

    def edit_exec(dialog):
        dialog.full_name.setText("New Name")
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(patient_dialog.PatientDialog, "exec", edit_exec)
    click(qtbot, win.patient_view.edit_button)
    assert "New Name" in win.patient_view.header.text() and "New Name" in win.patients.list.item(0).text()

    def settings_exec(dialog):
        dialog.doctor_name.setText("Dr Smirnova")
        dialog.language.setCurrentIndex(dialog.language.findData("ru"))
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(settings_dialog.SettingsDialog, "exec", settings_exec)
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.information", lambda *a, **k: None)
    win.open_settings()
    assert load_settings().doctor_name == "Dr Smirnova" and load_settings().language == "ru"
    click(qtbot, win.patient_view.new_exam_button)
    assert win.patient_view.exam_view.exam.referring_doctor == "Dr Smirnova"
    assert win.store.list_audit("examination")[0].actor == "Dr Smirnova"
    close_window(win)


def test_referral_and_send_to_center_hooks(qtbot, monkeypatch, tmp_path, installed_tiny_model, image_file) -> None:
    report_dialog = pytest.importorskip("dermassist.ui.report_dialog")
    outbox = pytest.importorskip("dermassist.transfer.outbox")
    opened = []

    def fake_exec(dialog):
        opened.append((dialog.examination_id, dialog.lang, len(dialog.pdf_bytes)))
        return 0

    monkeypatch.setattr(report_dialog.ReportDialog, "exec", fake_exec)
    win = open_window(qtbot, tmp_path / "data")
    view = create_patient_with_exam(win, qtbot, monkeypatch)
    add_file(view, qtbot, monkeypatch, image_file)
    analyse(view, qtbot)
    qtbot.keyClicks(view.notes, "edited before the letter")
    click(qtbot, view.report_button)
    assert opened and opened[0][:2] == (view.exam.id, "en")
    assert win.store.get_examination(view.exam.id).notes == "edited before the letter"  # saved first
    # No center is set up: the doctor is told at once and offered Settings; nothing is queued then.
    from dermassist.ui import exam_actions

    asked: list[str] = []
    opened_settings: list[bool] = []
    monkeypatch.setattr(exam_actions, "ask_without_center", lambda _parent: asked.append("settings") or "settings")
    monkeypatch.setattr(win, "open_settings", lambda: opened_settings.append(True))
    click(qtbot, view.send_button)
    assert asked == ["settings"] and opened_settings == [True] and outbox.list_items(win.store) == []
    # Putting it in the Outbox anyway (for export to a USB stick) queues it.
    monkeypatch.setattr(exam_actions, "ask_without_center", lambda _parent: "queue")
    click(qtbot, view.send_button)
    items = outbox.list_items(win.store)
    assert [i.examination_id for i in items] == [view.exam.id]
    qtbot.waitUntil(lambda: win.outbox is not None, timeout=20000)
    qtbot.waitUntil(lambda: win.outbox.table.rowCount() == 1, timeout=20000)
    close_window(win)


@pytest.mark.isic
def test_isic_picture_in_russian_survives_restart(qtbot, monkeypatch, tmp_path, installed_tiny_model, isic_dir) -> None:
    from dermassist.ui.i18n import install_translators

    picture = sorted((isic_dir / "fullres").glob("*.jpg"))[0]
    assert install_translators("ru") == "ru"
    try:
        win = open_window(qtbot, tmp_path / "data", lang="ru")
        view = create_patient_with_exam(win, qtbot, monkeypatch, "Иванова Мария Петровна")
        add_file(view, qtbot, monkeypatch, picture)
        assert view.exam.images[0].original_name == picture.name and view.images.viewer.has_image()
        view.tabs.setCurrentIndex(1)
        qtbot.waitExposed(view.bodymap)
        qtbot.mouseClick(
            view.bodymap, Qt.MouseButton.LeftButton, pos=view.bodymap.widget_point("front", 0.5, 0.25).toPoint()
        )
        assert view.site_label.text().startswith("Локализация: грудная клетка")
        analyse(view, qtbot)
        assert "порог" in view.result.decision.text() and "%" in view.result.decision.text()
        assert "не диагноз" in view.result.intended_use.text()
        rec = view.result.record
        close_window(win)
        win2 = open_window(qtbot, tmp_path / "data", lang="ru")
        win2.patients.list.setCurrentRow(0)
        view2 = win2.patient_view.exam_view
        # Stored as a language-neutral code and named from it after the restart.
        assert view2.exam.site is not None and view2.exam.site.code == "chest.midline"
        assert view2.site_label.text() == "Локализация: грудная клетка по средней линии"
        assert view2.result.record == rec and view2.images.viewer.has_image()
        close_window(win2)
    finally:
        install_translators("en")
