"""The workstation on a clinic laptop: 1366x768 and 1280x720 at 125 % scaling, in English and Russian.

At 125 % scaling Qt lays the window out in logical pixels: 1280x720 becomes 1024x576, so that is the
size checked. The client area is the screen less a 48-px task bar and a 32-px title bar / frame.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

import test_trust_ui  # noqa: E402
from PySide6.QtCore import QPoint, QRect  # noqa: E402
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QLabel, QWidget  # noqa: E402
from test_ui_workstation import (  # noqa: E402
    add_file,
    analyse,
    click,
    close_window,
    create_patient_with_exam,
    open_window,
)

TASKBAR, FRAME = 48, 32
SCREENS = {"1366x768": (1366, 768), "1280x720 at 125%": (1024, 576)}


@pytest.fixture(params=["en", "ru"])
def lang(request, qapp):
    """The language, and the bundled DejaVu Sans at 10 pt: wider and taller than Windows' Segoe UI 9 pt."""
    from PySide6.QtGui import QFont

    from dermassist.ui.app import _register_bundled_fonts
    from dermassist.ui.i18n import install_translators

    _register_bundled_fonts()
    old_font = QApplication.font()
    QApplication.setFont(QFont("DejaVu Sans", 10))
    assert install_translators(request.param) == request.param
    yield request.param
    install_translators("en")
    QApplication.setFont(old_font)


def _visible_rect(widget: QWidget) -> QRect:
    """The part of ``widget`` not cut off by its ancestors (a scroll area's content counts whole)."""
    rect = QRect(QPoint(0, 0), widget.size())
    child: QWidget = widget
    parent = widget.parentWidget()
    while parent is not None:
        rect.translate(child.pos())
        viewport_of_scroll = isinstance(parent.parentWidget(), QAbstractScrollArea) and (
            parent is parent.parentWidget().viewport()
        )
        if viewport_of_scroll:
            return rect  # the reader scrolls to it
        rect = rect.intersected(QRect(QPoint(0, 0), parent.size()))
        child, parent = parent, parent.parentWidget()
    return rect


def assert_label_whole(label: QLabel, where: str) -> None:
    """The label is as large as its text needs and no ancestor cuts it."""
    m = label.contentsMargins()
    if label.wordWrap():
        needed_h = label.heightForWidth(label.width())
        assert label.height() >= needed_h, (
            f"{where}: {label.objectName() or label.text()[:60]!r} is clipped "
            f"({label.height()} px tall, needs {needed_h} px)"
        )
    else:
        hint = label.sizeHint()
        assert label.width() >= hint.width() - m.left() - m.right() and label.height() >= hint.height() - 1, (
            f"{where}: {label.text()[:60]!r} elided ({label.size().toTuple()} < {hint.toTuple()})"
        )
    visible = _visible_rect(label)
    assert visible.height() >= label.height() and visible.width() >= label.width(), (
        f"{where}: {label.objectName() or label.text()[:60]!r} cut by a parent ({visible} of {label.size()})"
    )


def check_fits(win, screen: str, lang: str) -> None:
    width, height = SCREENS[screen]
    client_w, client_h = width, height - TASKBAR - FRAME
    where = f"{lang} {screen}"
    QApplication.processEvents()  # let pending relayouts (status message, new result) settle first
    win.layout().invalidate()
    win.layout().activate()
    hint = win.minimumSizeHint()
    assert hint.width() <= client_w and hint.height() <= client_h, (
        f"{where}: the window needs at least {hint.width()}x{hint.height()}"
    )
    win.resize(client_w, client_h)
    QApplication.processEvents()
    QApplication.processEvents()
    assert win.width() <= client_w and win.height() <= client_h, f"{where}: window is {win.size()}"
    view = win.patient_view.exam_view
    buttons = [
        view.images.open_button,
        view.images.paste_button,
        view.images.camera_button,
        view.save_button,
        view.report_button,
        view.send_button,
        view.result.analyse_button,
        win.patient_view.new_exam_button,
        win.patient_view.edit_button,
        win.patients.new_button,
    ]
    screen_rect = QRect(0, 0, client_w, client_h)
    for button in buttons:
        assert button.isVisible(), f"{where}: {button.text()} hidden"
        top_left = button.mapTo(win, QPoint(0, 0))
        rect = QRect(top_left, button.size())
        assert screen_rect.contains(rect), f"{where}: {button.text()!r} at {rect} is outside {screen_rect}"
        assert _visible_rect(button).size() == button.size(), f"{where}: {button.text()!r} partly covered"
        assert button.width() >= button.sizeHint().width(), f"{where}: {button.text()!r} squeezed"
    panel = view.result
    labels = [lb for lb in panel.findChildren(QLabel) if lb.isVisibleTo(panel) and lb.text()]
    assert len(labels) >= 6, f"{where}: result panel shows too little: {[lb.text() for lb in labels]}"
    for label in labels:
        assert_label_whole(label, where)
    # The probability bars start at the same x, whatever the length of their labels.
    bars_x = {panel.malignant_bar.mapTo(panel, QPoint(0, 0)).x(), panel.benign_bar.mapTo(panel, QPoint(0, 0)).x()}
    assert len(bars_x) == 1, f"{where}: bars misaligned {bars_x}"


def test_workstation_fits_small_screens(qtbot, monkeypatch, tmp_path: Path, installed_tiny_model, image_file, lang):
    win = open_window(qtbot, tmp_path / "data", lang=lang)
    assert win.models.ready, win.models.error
    view = create_patient_with_exam(win, qtbot, monkeypatch)
    add_file(view, qtbot, monkeypatch, image_file)
    analyse(view, qtbot)
    assert view.result.record is not None
    for screen in SCREENS:
        check_fits(win, screen, lang)
    close_window(win)


trusted = pytest.fixture(test_trust_ui.trusted_model.__wrapped__, name="trusted")


def test_longest_result_fits_small_screens(qtbot, monkeypatch, tmp_path: Path, trusted, lang) -> None:
    """The longest result: a picture analysed despite warnings, with the operating point in words."""
    from dermassist.trust.ood_probe import document

    win = open_window(qtbot, tmp_path / "data", lang=lang)
    view = create_patient_with_exam(win, qtbot, monkeypatch)
    add_file(view, qtbot, monkeypatch, test_trust_ui.save(tmp_path, "letter.png", document(3)))
    click(qtbot, view.result.analyse_button)
    qtbot.waitUntil(lambda: view.result.warn_box.isVisible() and not view.result.is_busy(), timeout=20000)
    click(qtbot, view.result.override_button)
    qtbot.waitUntil(lambda: view.result.record is not None, timeout=5000)
    panel = view.result
    assert panel.per100_label.isVisibleTo(panel) and panel.warnings_label.isVisibleTo(panel)
    assert panel.decision.text().count("<br>") >= 2  # warning, verdict, explanation
    for screen in SCREENS:
        check_fits(win, screen, lang)
    close_window(win)
