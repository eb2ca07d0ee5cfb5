"""Render the workstation's main screens in English and Russian (offscreen) into this folder.

The main window is the size it has on a 1366 x 768 laptop screen: 1366 x 688 once the task bar
(48 px) and the title bar (32 px) are taken off.

    QT_QPA_PLATFORM=offscreen python docs/screenshots/make_screenshots.py [--image PICTURE] [--model MODEL.onnx]

Without ``--model`` the random-weight test model from ``tests/model_factory.py`` is used, so the
probabilities shown mean nothing; the screenshots show the screens, not a result. The patient is
invented. A dermoscopy JPEG given with ``--image`` only ends up inside the PNG screenshots.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
WINDOW = (1366, 768 - 48 - 32)  # a 1366 x 768 laptop screen less the task bar and the title bar
PATIENT = {"en": ("Ivanova Maria Petrovna", "Dr A. Smirnov"), "ru": ("Иванова Мария Петровна", "Смирнов А. В.")}
CLINIC = {
    "en": ("City Polyclinic No. 3", "Regional Oncology Center"),
    "ru": ("Городская поликлиника № 3", "Областной онкологический диспансер"),
}
NOTES = {
    "en": "Pigmented lesion on the back, 7 mm, the patient's husband noticed it growing over the summer.",
    "ru": "Пигментное образование на спине, 7 мм; муж пациентки заметил рост за лето.",
}


def synthetic_picture(path: Path, seed: int = 0) -> None:
    """A smooth brown blob on skin colour, 1024 x 768 (no real patient)."""
    import numpy as np
    from PIL import Image, ImageFilter

    rng = np.random.default_rng(seed)
    h, w = 768, 1024
    yy, xx = np.mgrid[0:h, 0:w]
    angle = np.arctan2(yy - h / 2, xx - w / 2)
    radius = 230 * (1 + 0.12 * np.sin(3 * angle + seed) + 0.05 * np.sin(7 * angle))
    r = np.hypot(xx - w / 2, (yy - h / 2) * 1.15) / radius
    skin = np.array([226, 180, 160], np.float32)
    dark = np.array([92, 56, 44], np.float32)
    weight = np.clip(1.3 - r, 0, 1)[..., None] ** 0.7
    img = skin * (1 - weight) + dark * weight + rng.normal(0, 6, (h, w, 1))
    Image.fromarray(np.clip(img, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(2)).save(path, quality=92)


def grab(widget, name: str) -> None:
    from PySide6.QtWidgets import QApplication

    for _ in range(5):
        QApplication.processEvents()
    widget.grab().save(str(HERE / name))
    print("wrote", HERE / name)


def wait(predicate, seconds: float = 120.0) -> None:
    import time

    from PySide6.QtWidgets import QApplication

    end = time.monotonic() + seconds
    while not predicate():
        QApplication.processEvents()
        time.sleep(0.01)
        if time.monotonic() > end:
            raise TimeoutError("the window did not get there in time")


def render(lang: str, picture: Path, later_picture: Path, work: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from dermassist.records.models import Examination, Patient
    from dermassist.records.settings import Settings
    from dermassist.records.store import RecordStore
    from dermassist.ui.camera_dialog import CameraDialog
    from dermassist.ui.i18n import install_translators
    from dermassist.ui.main_window import MainWindow
    from dermassist.ui.patient_dialog import PatientDialog
    from dermassist.ui.settings_dialog import SettingsDialog

    install_translators(lang)
    name, doctor = PATIENT[lang]
    clinic, center = CLINIC[lang]
    settings = Settings(clinic_name=clinic, doctor_name=doctor, center_name=center)
    store = RecordStore.open(work / f"data-{lang}")
    patient = store.add_patient(Patient(None, name, "1961-04-17", "female", "7751 0010 2233 4455", "+7 912 345-67-89"))
    for en, ru, born, sex in (
        ("Petrov Sergei", "Петров Сергей Иванович", "1975-09-02", "male"),
        ("Sidorova Anna", "Сидорова Анна Олеговна", "1990-01-23", "female"),
    ):
        store.add_patient(Patient(None, en if lang == "en" else ru, born, sex))
    from dermassist.imaging import bodymap

    site_xy = ("back", 0.41, 0.3)
    from dermassist.records.models import LesionSite

    site = LesionSite(*site_xy, code=bodymap.site_code(*site_xy))
    first = store.add_examination(
        Examination(None, patient.id, (date.today() - timedelta(days=182)).isoformat(), doctor, site, notes="")
    )
    store.add_image(first.id, picture)
    win = MainWindow(store, settings, lang)
    win.resize(*WINDOW)
    win.show()
    win.start_background()
    wait(lambda: (win.models.ready or win.models.error is not None) and win.outbox is not None)
    view = win.patient_view.exam_view
    win.patients.refresh(select_id=patient.id)
    view.result.analyse_button.click()
    wait(lambda: view.result.record is not None and not view.result.is_busy())
    view.follow_up_button.click()
    view.images.add_files([later_picture])
    view.notes.setPlainText(NOTES[lang])
    view.save()
    view.result.analyse_button.click()
    wait(lambda: view.result.record is not None and not view.result.is_busy())
    grab(win, f"workstation_{lang}.png")
    view.tabs.setCurrentIndex(1)
    grab(win, f"bodymap_{lang}.png")
    view.tabs.setCurrentIndex(2)
    view.checklist.set_value({"method": "abcd", "asymmetry": 2, "border": 3, "colors": 4, "structures": 3})
    grab(win, f"checklist_{lang}.png")
    history = win.patient_view.compare(view.exam.lesion_id)
    history.resize(1200, 620)
    history.heat_check.setChecked(history.heat_check.isEnabled())
    grab(history, f"history_{lang}.png")
    history.close()
    # The Outbox with the referral waiting (no center is set up here), and the center window showing
    # the same referral opened from a folder, as it would come on a USB stick.
    from dermassist.transfer import outbox
    from dermassist.transfer.package import export_package
    from dermassist.transfer.sender import process_due
    from dermassist.ui.center_window import CenterWindow

    outbox.enqueue(store, view.exam.id, settings, lang=lang)
    process_due(store, settings)
    win.outbox.refresh()
    win.tabs.setCurrentWidget(win.outbox)
    win.outbox.table.selectRow(0)
    grab(win, f"outbox_{lang}.png")
    win.tabs.setCurrentIndex(0)
    package = export_package(store, view.exam.id, settings, work / f"usb-{lang}", lang=lang)
    center = CenterWindow(settings)
    center.resize(*WINDOW)
    center.show()
    center.open_package(str(package.folder))
    grab(center, f"center_{lang}.png")
    center.close()
    dialog = PatientDialog(store, win.patient_view.patient, win)
    dialog.show()
    grab(dialog, f"patient_{lang}.png")
    dialog.close()
    sdialog = SettingsDialog(settings, win.models.card, win)
    sdialog.show()
    grab(sdialog, f"settings_{lang}.png")
    sdialog.close()
    camera = CameraDialog(win)
    camera.show()
    grab(camera, f"camera_{lang}.png")
    camera.close()
    audit = win.show_audit()
    grab(audit, f"audit_{lang}.png")
    audit.close()
    win.close()
    store.close()

    os.environ["DERMASSIST_MODELS_DIR"] = str(work / "no-models")
    store = RecordStore.open(work / f"empty-{lang}")
    bare = MainWindow(store, settings, lang)
    bare.resize(*WINDOW)
    bare.show()
    bare.start_background()
    wait(lambda: bare.models.error is not None)
    grab(bare, f"no_model_{lang}.png")
    bare.close()
    store.close()
    QApplication.processEvents()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--image", type=Path, help="a dermoscopy picture to show (default: a synthetic one)")
    parser.add_argument("--model", type=Path, help="model .onnx with its card (default: the random test model)")
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        os.environ["DERMASSIST_DATA_DIR"] = str(work / "data")
        os.environ["DERMASSIST_CONFIG_DIR"] = str(work / "config")
        if not args.model:
            sys.path.insert(0, str(ROOT / "tests"))
            from model_factory import make_tiny_model

            make_tiny_model(work / "models")
        picture = args.image or work / "lesion.jpg"
        if not args.image:
            synthetic_picture(picture)
        later = work / "later.png"
        from PIL import Image

        with Image.open(picture) as im:  # the follow-up: the same lesion, framed a little differently
            w, h = im.size
            im.convert("RGB").crop((w // 20, h // 20, w - w // 40, h - h // 30)).save(later)
        models = args.model.resolve().parent if args.model else work / "models"
        for lang in ("en", "ru"):
            os.environ["DERMASSIST_MODELS_DIR"] = str(models)  # render() points it away for the no-model shot
            render(lang, picture, later, work)
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
