"""Every window and dialog in Russian, walked widget by widget: no visible English left.

Texts checked (of the widgets shown; the test switches every tab): labels, buttons, tabs, group
boxes, combo-box items, placeholders, tool tips, table headers and cells, list items, menus and
their actions, window titles, and the message boxes the doctor can meet, including texts the core
produces (trust warnings, transfer errors). Proper names and units stay Latin (ALLOWED); so do the
test's own data (model name, paths, hashes).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from PySide6.QtWidgets import (  # noqa: E402
    QAbstractButton,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QTableWidget,
    QTabWidget,
    QWidget,
)
from test_ui_workstation import add_file, analyse, close_window, create_patient_with_exam, open_window  # noqa: E402

ALLOWED = re.compile(
    r"DermAssist|DICOMweb|DICOM|PACS|ISIC|ONNX|onnx|URL|AE|sha256|SHA-256|PDF|USB|Ctrl|CUDA|DirectML|NVIDIA|"
    r"CPU|GPU|HTTPS|HTTP|QIDO-RS|WADO-RS|STOW-RS|QIDO|WADO|STOW|DIMSE|C-STORE|Orthanc|DefaultEncoding|Utf8|"
    r"Latin-1|ROC AUC|AUC|ROC|JPEG|PNG|TLS|CA|ABCD|Windows|Linux|bearer|Photographic|Dermoscopic|VL|SR|"
    r"Ubuntu|Debian|DejaVu|Qt|English|Русский|tiny-test-model|tiny-cnn|DERMASSIST|dermassist [a-z][a-z-]+"
)
HTML_TAG = re.compile(r"<[^>]+>|&[a-z]+;")
PATHLIKE = re.compile(r"\S*[/\\]\S*|\S+\.(?:onnx|json|pdf|jpg|png|sqlite3|dcm)\b")
HEXLIKE = re.compile(r"\b[0-9a-f]{8,}\b")
LATIN_WORD = re.compile(r"[A-Za-z]{3,}")


def english_words(text: str) -> list[str]:
    """Latin words of three letters or more that are not names, units, paths or hashes."""
    text = HTML_TAG.sub(" ", text)
    text = PATHLIKE.sub(" ", text)
    text = HEXLIKE.sub(" ", text)
    text = ALLOWED.sub(" ", text)
    return LATIN_WORD.findall(text)


def _menu_texts(menu: QMenu) -> list[str]:
    out = [menu.title()]
    for action in menu.actions():
        out += [action.text(), action.toolTip() if action.toolTip() != action.text().replace("&", "") else ""]
        if action.menu() is not None:
            out += _menu_texts(action.menu())
    return out


def visible_texts(top: QWidget) -> list[tuple[str, str]]:
    """(where, text) of everything the user can read in ``top`` and its visible children (callers switch tabs)."""
    found: list[tuple[str, str]] = [("window title", top.windowTitle())]
    for w in [top, *top.findChildren(QWidget)]:
        if w is not top and not w.isVisibleTo(top):
            continue
        name = f"{type(w).__name__}#{w.objectName()}"
        texts: list[str] = [w.toolTip(), w.whatsThis()]
        if isinstance(w, (QLabel, QAbstractButton)):
            texts.append(w.text())
        elif isinstance(w, QGroupBox):
            texts.append(w.title())
        elif isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
        elif isinstance(w, QLineEdit):
            texts.append(w.placeholderText())
        elif isinstance(w, QPlainTextEdit):
            texts.append(w.placeholderText())
            if w.isReadOnly():
                texts.append(w.toPlainText())
        if isinstance(w, QTabWidget):
            texts += [w.tabText(i) for i in range(w.count())] + [w.tabToolTip(i) for i in range(w.count())]
        if isinstance(w, QTableWidget):
            for c in range(w.columnCount()):
                header = w.horizontalHeaderItem(c)
                texts.append(header.text() if header else "")
                for r in range(w.rowCount()):
                    item = w.item(r, c)
                    texts += [item.text(), item.toolTip()] if item else []
        if isinstance(w, QListWidget):
            texts += [w.item(i).text() for i in range(w.count())] + [w.item(i).toolTip() for i in range(w.count())]
        if isinstance(w, QMainWindow):
            for action in w.menuBar().actions():
                if action.menu() is not None:
                    texts += _menu_texts(action.menu())
        found += [(name, t) for t in texts if t]
    return found


def assert_russian(top: QWidget, what: str) -> int:
    """Fails listing every English text in ``top``; returns how many texts were checked."""
    texts = visible_texts(top)
    english = [(where, text[:160], words) for where, text in texts if (words := english_words(text))]
    assert not english, f"{what}: English left:\n" + "\n".join(f"  {w}: {t!r} {ws}" for w, t, ws in english)
    return len(texts)


class Boxes:
    """Captures the message boxes (static helpers and exec()) so they can be checked, not shown."""

    def __init__(self, monkeypatch) -> None:
        self.seen: list[tuple[str, str]] = []
        for kind in ("warning", "information", "critical", "question", "about"):
            monkeypatch.setattr(QMessageBox, kind, self._static(kind))
        monkeypatch.setattr(QMessageBox, "exec", lambda box: self._exec(box))
        self.choice = None

    def _static(self, kind):
        def show(_parent, title, text, *args, **kwargs):
            self.seen.append((f"QMessageBox.{kind}: {title}", text))
            self.seen.append((f"QMessageBox.{kind} title", title))
            return QMessageBox.StandardButton.Ok

        return show

    def _exec(self, box: QMessageBox) -> int:
        self.seen += visible_texts(box)
        self.seen += [("informative text", box.informativeText())]
        for button in box.buttons():
            if box.buttonRole(button) == QMessageBox.ButtonRole.RejectRole:
                button.click()
        return 0

    def assert_russian(self, what: str) -> None:
        english = [(w, t[:160], words) for w, t in self.seen if (words := english_words(t))]
        assert not english, f"{what}: English left:\n" + "\n".join(f"  {w}: {t!r} {ws}" for w, t, ws in english)
        self.seen.clear()


@pytest.fixture
def russian(qapp):
    from dermassist.ui.i18n import install_translators

    assert install_translators("ru") == "ru"
    yield
    install_translators("en")


def test_english_words_filter() -> None:
    assert english_words("Модель: tiny-test-model 0.0.1 (sha256 6bfc42d26911), CPU; DICOMweb URL") == []
    assert english_words("Файл /tmp/x/model.onnx, <b>PDF</b>") == []
    assert english_words("Не отправлено: the center's PACS is not configured") == ["the", "center", "not", "configured"]


def test_every_window_and_dialog_in_russian(
    qtbot, monkeypatch, tmp_path: Path, russian, installed_tiny_cam_model, image_file
) -> None:
    from dermassist.records.settings import Settings
    from dermassist.transfer import outbox
    from dermassist.transfer.package import export_package
    from dermassist.transfer.sender import process_due
    from dermassist.ui import exam_actions
    from dermassist.ui.audit_dialog import AuditDialog
    from dermassist.ui.camera_dialog import CameraDialog
    from dermassist.ui.center_settings import CenterSettingsDialog
    from dermassist.ui.center_window import CenterWindow
    from dermassist.ui.patient_dialog import PatientDialog
    from dermassist.ui.report_dialog import ReportDialog
    from dermassist.ui.settings_dialog import SettingsDialog

    boxes = Boxes(monkeypatch)
    checked = 0
    win = open_window(qtbot, tmp_path / "data", lang="ru")
    assert win.models.ready, win.models.error
    checked += assert_russian(win, "main window, nothing selected")
    view = create_patient_with_exam(win, qtbot, monkeypatch, "Иванова Мария")
    add_file(view, qtbot, monkeypatch, image_file)
    analyse(view, qtbot)
    view.bodymap.set_site(None)
    for i in range(view.tabs.count()):
        view.tabs.setCurrentIndex(i)
        checked += assert_russian(win, f"main window, examination tab {i}")
    # A picture that is not dermoscopy: the warnings (core trust texts) and, after "Analyse anyway", the result.
    from PIL import Image

    from dermassist.trust.ood_probe import document

    letter = tmp_path / "letter.png"
    Image.fromarray(document(3)).save(letter)
    add_file(view, qtbot, monkeypatch, letter)
    qtbot.mouseClick(view.result.analyse_button, __import__("PySide6.QtCore").QtCore.Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: not view.result.is_busy() and (view.result.record is not None or view.result.warn_box.isVisible()),
        timeout=20000,
    )
    checked += assert_russian(win, "result panel with picture warnings")
    if view.result.warn_box.isVisible():
        view.result.override_button.click()
        qtbot.waitUntil(lambda: view.result.record is not None, timeout=5000)
        checked += assert_russian(win, "result after 'Analyse anyway'")

    # Dialogs of the workstation.
    for dialog in (
        PatientDialog(win.store, None, win),
        PatientDialog(win.store, win.patient_view.patient, win),
        SettingsDialog(win.settings, win.models.card, win),
        AuditDialog(win.store, parent=win),
        CameraDialog(win),
        ReportDialog(win, win.store, view.exam.id, win.settings, "ru"),
        win.patient_view.compare(view.exam.lesion_id),
    ):
        qtbot.addWidget(dialog)
        dialog.show()
        if isinstance(dialog, AuditDialog):
            # Who (the computer account) and Details (the stored technical log line) are data, not UI text.
            for row in range(dialog.table.rowCount()):
                for col in (1, 4):
                    dialog.table.takeItem(row, col)
        if isinstance(dialog, SettingsDialog):
            from dermassist.transfer.connection import check_connection

            assert dialog.pacs is not None
            dialog.pacs._tested(check_connection(Settings()))  # the core's message for a center not set up
            assert dialog.pacs.result.text()
            for i in range(dialog.tabs.count()):
                dialog.tabs.setCurrentIndex(i)
                checked += assert_russian(dialog, f"settings, tab {i}")
        checked += assert_russian(dialog, type(dialog).__name__)
        dialog.close()
    dialog = PatientDialog(win.store, None, win)
    qtbot.addWidget(dialog)
    dialog.birth_date.edit.setText("31.02.1961")
    dialog.full_name.setText("Петров Пётр")
    dialog.save()
    checked += assert_russian(dialog, "patient dialog with a wrong date")
    # Qt's own dialogs come with Qt's Russian translation.
    file_dialog = QFileDialog(win, "Открыть")
    file_dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(file_dialog)
    file_dialog.show()
    checked += assert_russian(file_dialog, "Qt file dialog")
    file_dialog.close()

    # Message boxes: about, send without a center, the examination's actions.
    win.about()
    boxes.assert_russian("about box")
    monkeypatch.setattr(exam_actions, "ask_without_center", exam_actions.ask_without_center)
    view.send_button.click()
    boxes.assert_russian("send without a center")

    # The Outbox with a failed referral: the core's transfer error is shown in Russian.
    outbox.enqueue(win.store, view.exam.id, Settings(), lang="ru")
    process_due(win.store, Settings())
    qtbot.waitUntil(lambda: win.outbox is not None, timeout=20000)
    win.outbox.refresh()
    win.tabs.setCurrentWidget(win.outbox)
    assert win.outbox.table.rowCount() >= 1
    checked += assert_russian(win, "Outbox tab with a failed referral")

    # The center window: empty, settings, a package from a USB stick, names lost by the PACS.
    center = CenterWindow(Settings())
    qtbot.addWidget(center)
    center.show()
    center.refresh()  # no PACS: says so
    checked += assert_russian(center, "center window, no PACS")
    assert center.statusBar().currentMessage() and not english_words(center.statusBar().currentMessage())
    package = export_package(win.store, view.exam.id, Settings(), tmp_path / "usb", lang="ru")
    center.open_package(str(package.folder))
    from dataclasses import replace

    center._listed([replace(center.studies[0], patient_name="")])
    for i in range(center.tabs.count()):
        center.tabs.setCurrentIndex(i)
        checked += assert_russian(center, f"center window, tab {i}")
    settings_dialog = CenterSettingsDialog(Settings(), center)
    qtbot.addWidget(settings_dialog)
    checked += assert_russian(settings_dialog, "center settings")
    center._failed("x")  # a PACS error as the status bar shows it
    center.close()
    assert checked > 400
    close_window(win)
