"""Time the workstation: launch to a usable window, model ready, and Analyse to result.

    python benchmarks/workstation_timing.py [--model MODEL.onnx] [--image PICTURE] [--runs 5]

Each run starts a fresh Python process (as a doctor starting the program) with an empty data
folder; "usable" means the main window is shown and its event loop is answering. Offscreen by
default (set QT_QPA_PLATFORM to measure on a real display). Without ``--model`` the tiny test
model is used, which measures the application's overhead rather than a real network.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import json, sys, time
from pathlib import Path
from PySide6.QtCore import QTimer
from dermassist.ui.app import start_application
t_spawn = float(sys.argv[1])
app, win = start_application("en")
marks = {}
def usable():
    marks["window"] = time.time() - t_spawn
QTimer.singleShot(0, usable)
while "window" not in marks:
    app.processEvents()
t0 = time.time()
while not (win.models.ready or win.models.error):
    app.processEvents(); time.sleep(0.001)
marks["model_ready"] = time.time() - t_spawn
if win.models.error:
    print(json.dumps({"error": win.models.error})); sys.exit(1)
from dermassist.records.models import Examination, Patient
store = win.store
p = store.add_patient(Patient(None, "Benchmark"))
e = store.add_examination(Examination(None, p.id, "2024-01-01"))
store.add_image(e.id, Path(sys.argv[2]))
win.patients.refresh(select_id=p.id)
view = win.patient_view.exam_view
times = []
for _ in range(int(sys.argv[3])):
    before = len(view.exam.analyses)
    t = time.perf_counter()
    view.result.analyse_button.click()
    while view.exam is None or len(view.exam.analyses) == before or view.result.record is None:
        app.processEvents(); time.sleep(0.0005)
    times.append(time.perf_counter() - t)
marks["analyse_to_result"] = times
marks["provider"] = win.models.session.provider
marks["model"] = f"{win.models.card.name} {win.models.card.version}"
win.close(); store.close()
print(json.dumps(marks))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, help="model .onnx with its card (default: the tiny test model)")
    parser.add_argument("--image", type=Path, help="picture to analyse (default: synthetic 1024 x 768 JPEG)")
    parser.add_argument("--runs", type=int, default=5, help="fresh launches (default 5)")
    parser.add_argument("--analyses", type=int, default=5, help="analyses per launch (default 5)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        env = dict(os.environ)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        env["DERMASSIST_CONFIG_DIR"] = str(work / "config")
        if args.model:
            env["DERMASSIST_MODELS_DIR"] = str(args.model.resolve().parent)
        else:
            sys.path.insert(0, str(ROOT / "tests"))
            from model_factory import make_tiny_model

            make_tiny_model(work / "models")
            env["DERMASSIST_MODELS_DIR"] = str(work / "models")
        image = args.image
        if image is None:
            sys.path.insert(0, str(ROOT / "docs" / "screenshots"))
            from make_screenshots import synthetic_picture

            image = work / "lesion.jpg"
            synthetic_picture(image)
        results = []
        for run in range(args.runs):
            env["DERMASSIST_DATA_DIR"] = str(work / f"data{run}")
            out = subprocess.run(
                [sys.executable, "-c", CHILD, repr(time.time()), str(image), str(args.analyses)],
                env=env,
                capture_output=True,
                text=True,
                check=False,
                cwd=ROOT,
            )
            lines = [ln for ln in out.stdout.splitlines() if ln.startswith("{")]
            if out.returncode != 0 or not lines:
                print(out.stdout, out.stderr, file=sys.stderr)
                return 1
            results.append(json.loads(lines[-1]))
    window = [r["window"] for r in results]
    ready = [r["model_ready"] for r in results]
    first = [r["analyse_to_result"][0] for r in results]
    repeat = [t for r in results for t in r["analyse_to_result"][1:]]
    print(f"model: {results[0]['model']} on {results[0]['provider']}; image: {image.name}; {args.runs} launches")
    spread = f"(min {min(window):.2f}, max {max(window):.2f})"
    print(f"launch -> usable window:   median {statistics.median(window):.2f} s {spread}")
    print(f"launch -> model ready:     median {statistics.median(ready):.2f} s")
    print(f"Analyse -> result (first): median {statistics.median(first) * 1000:.0f} ms")
    if repeat:
        print(f"Analyse -> result (again): median {statistics.median(repeat) * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
