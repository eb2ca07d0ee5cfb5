"""Cold start of the workstation, timed from process launch, through the real ``dermassist`` entry point.

Runs ``dermassist.cli.main([])`` (what the ``dermassist`` command does) with the window's start-up
wrapped so the moments that matter are noted:

* ``window_s``: the main window has painted and the event loop is free again (the user can click);
* ``model_s``: the model session has loaded in the background (``ModelService.loaded``);
* ``result_s``: one photograph, queued the moment the model is ready, has its result
  (``ModelService.analysisFinished``), as if the doctor pressed *Analyse* at once.

Times are from ``BENCH_T0`` (the epoch second at which the parent started this process), so the
interpreter start and every import count. Set ``QT_QPA_PLATFORM=offscreen`` and the per-user
folders (DERMASSIST_DATA_DIR, DERMASSIST_CONFIG_DIR) in the environment; run.py does.
"""

from __future__ import annotations

import argparse
import faulthandler
import os
import sys
import time
from pathlib import Path
from typing import Any

from benchlib import write_result

T0 = float(os.environ.get("BENCH_T0", time.time()))
# Libraries that take a tenth of a second or more to import on a small CPU.
HEAVY = ("numpy", "PIL.Image", "cv2", "onnxruntime", "onnx", "pydicom", "pynetdicom", "reportlab", "requests",
         "scipy", "skimage", "matplotlib", "torch", "PySide6.QtMultimedia")


def _since() -> float:
    return time.time() - T0


def main(argv: list[str]) -> int:
    """Start the GUI, note the moments, quit after the first result (or a failure or the timeout)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--result")
    parser.add_argument("--image", required=True, help="the picture analysed once the model is loaded")
    parser.add_argument("--timeout", type=float, default=120.0)
    args = parser.parse_args(argv)
    marks: dict[str, Any] = {"process_to_main_s": _since()}
    # A hang (e.g. a modal dialog nobody answers) ends with every thread's stack on stderr.
    faulthandler.dump_traceback_later(args.timeout + 15, exit=True)

    try:
        import dermassist.ui.app as app_module
    except ImportError as exc:  # PySide6 missing: the GUI cannot be measured here
        write_result(args.result, {"error": f"GUI not importable: {exc}"})
        return 1
    original = app_module.start_application

    def instrumented(*a: Any, **kw: Any) -> Any:
        from PySide6.QtCore import QEvent, QObject, QTimer

        app, window = original(*a, **kw)
        marks["shown_s"] = _since()  # window.show() has returned; nothing painted yet
        # The model loads only after this, so these imports are on the window's own start-up path.
        marks["heavy_imports_before_window"] = [m for m in HEAVY if m in sys.modules]

        def quit_with(error: str | None = None) -> None:
            if error:
                marks.setdefault("error", error)
            app.quit()

        class FirstPaint(QObject):
            def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
                if event.type() == QEvent.Type.Paint and "painted_s" not in marks:
                    marks["painted_s"] = _since()
                    # Usable once the loop has come back from painting and is idle again.
                    QTimer.singleShot(0, lambda: marks.setdefault("window_s", _since()))
                return False

        painter = FirstPaint(app)
        app.installEventFilter(painter)
        marks["_filter"] = painter  # keep a reference for the lifetime of the loop

        def loaded(_card: Any) -> None:
            marks["model_s"] = _since()
            window.models.analyse(0, "benchmark", Path(args.image), "card")

        def finished(outcome: Any) -> None:
            marks["result_s"] = _since()
            marks["analysis_timings_ms"] = outcome.record.extras.get("timings_ms")
            quit_with()

        window.models.loaded.connect(loaded)
        window.models.loadFailed.connect(lambda msg: quit_with(f"model failed to load: {msg}"))
        window.models.analysisFinished.connect(finished)
        window.models.analysisFailed.connect(lambda _t, msg: quit_with(f"analysis failed: {msg}"))
        QTimer.singleShot(int(args.timeout * 1000), lambda: quit_with("timed out"))
        return app, window

    app_module.start_application = instrumented
    from dermassist.cli import main as cli_main

    status = cli_main(["--lang", "en"])
    marks.pop("_filter", None)
    marks["exit_status"] = status
    write_result(args.result, marks)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
