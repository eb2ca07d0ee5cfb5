"""A GUI session for the no-network test: start the window offscreen, load the model, analyse a picture
through the window's model service, stay open for ``sys.argv[2]`` seconds, close. Exit 0 when the
analysis produced a result. Run as a script: ``offline_gui_session.py IMAGE SECONDS``."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    from PySide6.QtCore import QCoreApplication

    from dermassist.records.models import Examination, Patient
    from dermassist.ui.app import start_application

    image, stay = Path(sys.argv[1]), float(sys.argv[2])
    app, win = start_application("en")
    deadline = time.monotonic() + 60
    while not (win.models.ready or win.models.error) and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    if not win.models.ready:
        print(f"model not loaded: {win.models.error}", file=sys.stderr)
        return 2
    store = win.store
    patient = store.add_patient(Patient(id=None, full_name="Offline"))
    exam = store.add_examination(Examination(id=None, patient_id=int(patient.id or 0), date="2025-01-02"))
    rec = store.add_image(int(exam.id or 0), image)
    results: list[object] = []
    win.models.analysisFinished.connect(results.append)
    win.models.analysisFailed.connect(lambda _t, msg: results.append(msg))
    win.models.analyse(int(exam.id or 0), rec.sha256, store.image_path(rec))
    # Stay open: onnxruntime's telemetry, when on, first connects about 10 s after the session starts.
    end = time.monotonic() + stay
    while time.monotonic() < end or not results:
        app.processEvents()
        time.sleep(0.02)
        if time.monotonic() > end + 60:
            break
    win.close()
    QCoreApplication.processEvents()
    store.close()
    ok = bool(results) and not isinstance(results[0], str)
    print("analysis:", "ok" if ok else results)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
