"""Single widgets: camera without a camera, viewer zoom, body map, result panel, checklist, model service."""

from __future__ import annotations

from dataclasses import replace

import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from PySide6.QtCore import QPointF, Qt  # noqa: E402
from PySide6.QtGui import QPixmap  # noqa: E402

from dermassist.records.models import AnalysisRecord  # noqa: E402

REC = AnalysisRecord(
    1,
    1,
    "ab" * 32,
    0.72,
    0.4,
    "malignant",
    "tiny-test-model",
    "0.0.1",
    "cd" * 32,
    "CPUExecutionProvider",
    "2024-05-01T10:00:00+00:00",
)


def test_camera_dialog_without_camera_says_so(qtbot) -> None:
    pytest.importorskip("PySide6.QtMultimedia", reason="QtMultimedia needs the system library libpulse0")
    from PySide6.QtMultimedia import QMediaDevices

    from dermassist.ui.camera_dialog import CameraDialog

    dialog = CameraDialog()
    qtbot.addWidget(dialog)
    if QMediaDevices.videoInputs():
        pytest.skip("this machine has a camera")
    assert not dialog.has_camera()
    assert "No camera was found" in dialog.message.text()
    assert dialog.stack.currentWidget() is dialog.message
    assert not dialog.capture_button.isEnabled()
    dialog.refresh_button.click()  # refreshing again stays calm
    assert "No camera was found" in dialog.message.text()


def test_camera_dialog_without_multimedia_library(qtbot, monkeypatch) -> None:
    from dermassist.ui import camera_dialog

    monkeypatch.setattr(camera_dialog, "multimedia_error", lambda: "libpulse.so.0: cannot open shared object file")
    dialog = camera_dialog.CameraDialog()
    qtbot.addWidget(dialog)
    assert "Camera support is not available" in dialog.message.text() and "libpulse" in dialog.message.text()
    assert not dialog.capture_button.isEnabled()


def test_viewer_zoom_and_fit(qtbot) -> None:
    from dermassist.ui.image_viewer import ImageViewer

    viewer = ImageViewer()
    qtbot.addWidget(viewer)
    viewer.resize(400, 300)
    viewer.show()
    qtbot.waitExposed(viewer)
    pix = QPixmap(2000, 1500)
    pix.fill(Qt.GlobalColor.red)
    viewer.set_pixmap(pix)
    fitted = viewer.zoom()
    assert fitted < 0.25
    viewer.zoom_by(4)
    assert viewer.zoom() == pytest.approx(fitted * 4)
    qtbot.keyClick(viewer, Qt.Key.Key_1)
    assert viewer.zoom() == pytest.approx(1.0)
    viewer.zoom_by(1000)
    assert viewer.zoom() == pytest.approx(viewer.MAX_ZOOM)
    qtbot.mouseDClick(viewer.viewport(), Qt.MouseButton.LeftButton)
    assert viewer.zoom() == pytest.approx(fitted)
    viewer.set_pixmap(None)
    assert not viewer.has_image()


def test_body_map_marks_only_on_the_body(qtbot) -> None:
    from dermassist.ui.bodymap_widget import BodyMapWidget

    w = BodyMapWidget("ru")
    qtbot.addWidget(w)
    w.resize(400, 400)
    w.show()
    qtbot.waitExposed(w)
    with qtbot.assertNotEmitted(w.siteChanged):
        qtbot.mouseClick(w, Qt.MouseButton.LeftButton, pos=w.widget_point("front", 0.02, 0.5).toPoint())
    assert w.site() is None
    with qtbot.waitSignal(w.siteChanged) as sig:
        qtbot.mouseClick(w, Qt.MouseButton.LeftButton, pos=w.widget_point("front", 0.5, 0.25).toPoint())
    site = sig.args[0]
    assert site.view == "front" and abs(site.x - 0.5) < 0.02 and site.code == "chest.midline"
    assert w.hit(QPointF(-5, -5)) is None
    w.grab()  # paints without error


def test_result_panel_words_model_and_metrics(qtbot) -> None:
    from dermassist.ui.result_panel import ResultPanel

    class Card:
        sha256 = "cd" * 32
        metrics = {"test": {"n": 896, "sensitivity": {"value": 0.9, "ci95": [0.85, 0.94]}, "roc_auc": {"value": 0.93}}}
        training_data: dict[str, object] = {}

    panel = ResultPanel("en")
    qtbot.addWidget(panel)
    panel.show_record(REC, Card())
    assert "Suspicious" in panel.decision.text() and "72.0" in panel.decision.text()
    assert "40.0" in panel.threshold_label.text()
    assert "tiny-test-model 0.0.1" in panel.model_label.text() and "cdcdcdcdcdcd" in panel.model_label.text()
    assert "896" in panel.metrics_label.text() and "0.90" in panel.metrics_label.text()
    assert "specificity not available" in panel.metrics_label.text()
    panel.show_record(replace(REC, malignant=0.1), None)
    assert "Below the referral threshold" in panel.decision.text() and "does not rule out" in panel.decision.text()
    assert panel.metrics_label.isHidden()
    panel.show_record(replace(REC, warnings=("image is blurred",), warnings_overridden=True), None)
    assert "despite" in panel.warnings_label.text() and "blurred" in panel.warnings_label.text()


def test_checklist_widget_roundtrip(qtbot) -> None:
    from dermassist.ui.checklist_widget import ChecklistWidget

    w = ChecklistWidget("en")
    qtbot.addWidget(w)
    stored = {"method": "abcd", "asymmetry": 2, "border": 5, "colors": 4, "structures": 3}
    with qtbot.assertNotEmitted(w.changed):
        w.set_value(stored)
    assert w.value() == stored and "TDS 6.60" in w.score_label.text()
    with qtbot.waitSignal(w.changed) as sig:
        w.spins["colors"].setValue(1)
    assert sig.args[0]["colors"] == 1
    w.method.setCurrentIndex(0)
    assert w.value() == {}


def test_model_service_reports_a_broken_model(qtbot, tmp_path) -> None:
    from dermassist.ui.model_service import ModelService

    bad = tmp_path / "broken.onnx"
    bad.write_bytes(b"not onnx")
    service = ModelService()
    with qtbot.waitSignal(service.loadFailed, timeout=20000) as sig:
        service.load(str(bad))
    assert "card" in sig.args[0] and not service.ready


def test_effective_threshold_uses_operating_point(tiny_model) -> None:
    from dermassist.ui.model_service import effective_threshold

    card = replace(tiny_model, operating_points={"sens90": {"threshold": 0.2}, "broken": {"threshold": 7}})
    assert effective_threshold(card, "sens90") == (0.2, "sens90")
    assert effective_threshold(card, "broken") == (0.5, "card")
    assert effective_threshold(card, "card") == (0.5, "card")
