"""The model in the background: load the ONNX session and run analyses off the GUI thread.

One single-thread pool serialises the work, so an analysis queued while the session is
still loading simply waits for it; the window never blocks.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from dermassist.records.models import AnalysisRecord


@dataclass(frozen=True)
class AnalysisOutcome:
    """A finished analysis, ready to store: the record and how long each stage took."""

    token: int
    record: AnalysisRecord
    seconds: float
    analysis: object = None  # the TrustedAnalysis behind the record (warnings, heatmap, confidence)


def effective_threshold(card, preset: str) -> tuple[float, str]:
    """The threshold in use: an operating point of the card (e.g. ``sens90``) or the card's own."""
    point = card.operating_points.get(preset) if preset and preset != "card" else None
    if isinstance(point, dict) and isinstance(point.get("threshold"), (int, float)) and 0 < point["threshold"] < 1:
        return float(point["threshold"]), preset
    return float(card.threshold), "card"


class _Signals(QObject):
    loaded = Signal(object)  # (ModelSession, seconds)
    load_failed = Signal(str)
    stage = Signal(int, str)  # token, stage key: "decode" | "model"
    finished = Signal(object)  # AnalysisOutcome
    failed = Signal(int, str)


class _Job(QRunnable):
    def __init__(self, fn) -> None:
        super().__init__()
        self._fn = fn
        self.setAutoDelete(True)

    def run(self) -> None:
        self._fn()


class ModelService(QObject):
    """Owns the session. Signals: ``loaded(card)``, ``loadFailed(message)``, ``analysisStage``,
    ``analysisFinished(AnalysisOutcome)``, ``analysisFailed(token, message)``."""

    loaded = Signal(object)
    loadFailed = Signal(str)
    analysisStage = Signal(int, str)
    analysisFinished = Signal(object)
    analysisFailed = Signal(int, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _Signals()
        self._signals.loaded.connect(self._on_loaded)
        self._signals.load_failed.connect(self._on_load_failed)
        self._signals.stage.connect(self.analysisStage)
        self._signals.finished.connect(self.analysisFinished)
        self._signals.failed.connect(self.analysisFailed)
        self.session = None
        self.card = None
        self.error: str | None = None
        self.loading = False
        self.load_seconds = 0.0
        self._next_token = 0

    # -- loading -------------------------------------------------------------------------------

    def load(self, model_path: str = "", provider: str = "auto") -> None:
        """Start loading the chosen (or default) model in the background."""
        self.loading = True
        self.session = None
        self.card = None
        self.error = None
        signals = self._signals

        def work() -> None:
            started = time.perf_counter()
            try:
                from dermassist.inference.card import CardError
                from dermassist.inference.registry import default_model
                from dermassist.inference.session import ModelSession, ProviderError

                try:
                    session = ModelSession(default_model(model_path or None), providers=provider)
                    from dermassist.inference.trust import TrustedModel

                    # Reads and checks the OOD statistics once per session.
                    session.trusted = TrustedModel(session)  # type: ignore[attr-defined]
                except (CardError, ProviderError) as exc:
                    signals.load_failed.emit(str(exc))
                    return
                signals.loaded.emit((session, time.perf_counter() - started))
            except Exception as exc:  # a broken install must not kill the window
                signals.load_failed.emit(f"{type(exc).__name__}: {exc}")

        self._pool.start(_Job(work))

    def _on_loaded(self, loaded) -> None:
        session, self.load_seconds = loaded
        self.session = session
        self.card = session.card
        self.loading = False
        self.loaded.emit(session.card)

    def _on_load_failed(self, message: str) -> None:
        self.loading = False
        self.error = message
        self.loadFailed.emit(message)

    @property
    def ready(self) -> bool:
        """True once a session is loaded."""
        return self.session is not None

    def wait(self, msecs: int = 30000) -> bool:
        """Block until queued work is done (for tests and shutdown)."""
        return bool(self._pool.waitForDone(msecs))

    # -- analysis ------------------------------------------------------------------------------

    def analyse(
        self, examination_id: int, image_sha256: str, path: Path, threshold_preset: str = "card",
        tta: bool = False, lang: str = "en",
    ) -> int:
        """Queue one image; returns a token that the result signals carry. The outcome's record carries
        the quality / out-of-distribution warnings (in ``lang``); the caller shows them before the result."""
        self._next_token += 1
        token = self._next_token
        session = self.session
        signals = self._signals
        if session is None:
            raise RuntimeError("no model loaded")

        def work() -> None:
            started = time.perf_counter()
            try:
                from dermassist.imaging.loading import ImageLoadError, load_image

                signals.stage.emit(token, "decode")
                try:
                    loaded = load_image(path, min_size=session.card.input.decode_min_size)
                except ImageLoadError as exc:
                    signals.failed.emit(token, str(exc))
                    return
                decode_ms = (time.perf_counter() - started) * 1000
                signals.stage.emit(token, "model")
                from dermassist.inference.trust import TrustedModel

                trusted = getattr(session, "trusted", None) or TrustedModel(session)
                analysis = trusted.analyse(loaded.rgb, path.name, threshold_preset, tta)
                record = analysis.to_record(examination_id, image_sha256, lang, decode_ms=decode_ms)
                signals.finished.emit(AnalysisOutcome(token, record, time.perf_counter() - started, analysis))
            except Exception as exc:  # report, never crash the worker
                signals.failed.emit(token, f"{type(exc).__name__}: {exc}")

        self._pool.start(_Job(work))
        return token
