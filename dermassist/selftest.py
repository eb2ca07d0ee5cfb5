"""``dermassist --self-test``: check that an installation can do its job, then exit 0 or 1.

Checks, in order: the bundled resources are found, the default model loads (sha256 verified),
a generated JPEG is decoded and classified, the record database migrates, a referral PDF is
rendered in English and Russian, and the main window opens and closes. Each prints one line
with OK/FAIL, its duration and what it saw. Nothing touches the user's records: everything is
written to a temporary folder that is removed afterwards.

The window check runs in a child process (``DERMASSIST_SELFTEST_ONLY=window``), so this module
never imports Qt and a Qt abort (e.g. a missing xcb library) becomes a FAIL line, not a crash.
Without a display the child uses the ``offscreen`` platform.
"""

from __future__ import annotations

import contextlib
import math
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from dermassist import __version__
from dermassist.paths import bundle_root, resource

if TYPE_CHECKING:
    from dermassist.inference.card import ModelCard
    from dermassist.inference.trust import TrustedAnalysis

ONLY_ENV = "DERMASSIST_SELFTEST_ONLY"
PDF_ENV = "DERMASSIST_SELFTEST_PDF"
WINDOW_TIMEOUT_S = 180
REQUIRED_RESOURCES = (("fonts", "DejaVuSans.ttf"), ("fonts", "DejaVuSans-Bold.ttf"),
                      ("i18n", "dermassist_en.qm"), ("i18n", "dermassist_ru.qm"))  # fmt: skip


class CheckFailed(RuntimeError):
    """A check found a problem; the message is the one-line reason printed after FAIL."""


@dataclass(frozen=True)
class CheckResult:
    """The outcome of one check."""

    name: str
    ok: bool
    seconds: float
    detail: str


@dataclass
class _State:
    """What earlier checks hand to later ones."""

    tmp: Path
    image: Path  # the generated dermoscopy-like JPEG
    card: ModelCard | None = None
    analysis: TrustedAnalysis | None = None
    exam_id: int | None = None
    pdfs: list[Path] = field(default_factory=list)


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def check_resources(state: _State) -> str:
    """Fonts, translations and database migrations are where the application looks for them."""
    from dermassist.records.db import bundled_migrations

    missing = [str(resource(*parts)) for parts in REQUIRED_RESOURCES if not resource(*parts).is_file()]
    if missing:
        raise CheckFailed(f"missing bundled file(s): {', '.join(missing)}; reinstall DermAssist")
    migrations = bundled_migrations()
    if not migrations:
        raise CheckFailed("no database migrations (dermassist/records/migrations/*.sql) were found")
    from dermassist.i18n import LOCALE_DIR, available_languages
    from dermassist.i18n.fmt import format_percent

    languages = available_languages()
    if "ru" not in languages:
        raise CheckFailed(f"the Russian catalog of the core texts is missing from {LOCALE_DIR}")
    if format_percent(0.127, lang="ru") != "12,7\u00a0%":  # Babel's CLDR data must be bundled
        raise CheckFailed(f"number formats are wrong ({format_percent(0.127, lang='ru')!r}): Babel data missing")
    where = "bundle" if getattr(sys, "frozen", False) else "source tree"
    return (
        f"{where} {bundle_root()}: 2 fonts, 2 Qt translations, catalogs {', '.join(languages)}, "
        f"{len(migrations)} migrations"
    )


def check_model(state: _State) -> str:
    """The model the application would load (settings' choice, else the default), hash verified."""
    from dermassist.inference.card import CardError
    from dermassist.inference.registry import default_model
    from dermassist.records.settings import load_settings

    settings = load_settings()
    try:
        card = default_model(settings.model_path or None)
    except CardError as exc:
        raise CheckFailed(_one_line(exc)) from None
    state.card = card
    has_metrics = "test metrics" if card.metrics.get("test") else "no test metrics in its card"
    return f"{card.name} {card.version} sha256 {card.short_sha} ({card.model_path}; {has_metrics})"


def synthetic_lesion(width: int = 600, height: int = 450) -> bytes:
    """A JPEG of a dark irregular blob on skin-coloured background (deterministic)."""
    import io

    import numpy as np
    from PIL import Image

    yy, xx = np.mgrid[0:height, 0:width].astype(np.float32)
    angle = np.arctan2(yy - height / 2, xx - width / 2)
    radius = np.hypot((xx - width / 2) / (width / 5), (yy - height / 2) / (height / 4))
    radius = radius * (1 + 0.15 * np.sin(5 * angle))
    weight = np.clip(1.4 - radius, 0, 1)[..., None]
    skin = np.array([222, 172, 150], np.float32)
    lesion = np.array([92, 52, 38], np.float32)
    noise = np.random.default_rng(7).normal(0, 5, (height, width, 1)).astype(np.float32)
    rgb = np.clip(skin * (1 - weight) + lesion * weight + noise, 0, 255).astype(np.uint8)
    buf = io.BytesIO()
    Image.fromarray(rgb).save(buf, format="JPEG", quality=92)
    return buf.getvalue()


def check_inference(state: _State) -> str:
    """Decode the generated JPEG and analyse it as the workstation does (quality, OOD, CAM, threshold)."""
    if state.card is None:
        raise CheckFailed("skipped: needs a loadable model (see the model check)")
    from dermassist.imaging.loading import load_image
    from dermassist.inference.session import ModelSession, ProviderError
    from dermassist.inference.trust import TrustedModel
    from dermassist.records.settings import load_settings

    settings = load_settings()
    loaded = load_image(state.image, min_size=state.card.input.decode_min_size)
    try:
        session = ModelSession(state.card, providers=settings.provider or "auto")
    except ProviderError as exc:
        raise CheckFailed(_one_line(exc)) from None
    trusted = TrustedModel(session)
    if trusted.ood_problem:  # the card names OOD statistics the installation lacks or has damaged
        raise CheckFailed(trusted.ood_problem)
    result = trusted.analyse(loaded.rgb, state.image.name, settings.threshold_preset or "card")
    pred = result.prediction
    probs = list(pred.probabilities.values())
    if not all(math.isfinite(p) and 0.0 <= p <= 1.0 for p in probs) or abs(sum(probs) - 1.0) > 1e-4:
        raise CheckFailed(f"the model returned invalid probabilities {pred.probabilities}")
    state.analysis = result
    ood = f"OOD distance {result.ood.distance:.2f}/{result.ood.threshold:.2f}" if result.ood else "no OOD statistics"
    w, h = loaded.original_size
    return (
        f"{session.provider}: malignant {pred.malignant:.3f} ({pred.decision} at {result.point.preset} threshold "
        f"{pred.threshold:.3f}), {ood}, heatmap {'yes' if result.cam is not None else 'no'}, on a generated "
        f"{w}x{h} JPEG in {pred.timings.preprocess_ms + pred.timings.inference_ms:.0f} ms"
    )


def check_records(state: _State) -> str:
    """Create a record database in the temporary folder, migrate it and store a test examination."""
    from dermassist.records.db import bundled_migrations
    from dermassist.records.models import Examination, Patient
    from dermassist.records.store import RecordStore

    expected = max(m.version for m in bundled_migrations())
    with RecordStore.open(state.tmp / "records") as store:
        if store.schema_version != expected:
            raise CheckFailed(f"the database stopped at schema version {store.schema_version}, expected {expected}")
        patient = store.add_patient(Patient(None, "Self-test / Самопроверка", "1970-01-01", record_number="TEST"))
        assert patient.id is not None
        exam = store.add_examination(Examination(None, patient.id, date.today().isoformat(), notes="Self-test."))
        assert exam.id is not None
        image = store.add_image(exam.id, state.image, state.image.name)
        stored = "a patient, an examination and an image"
        if state.analysis is not None:
            store.add_analysis(state.analysis.to_record(exam.id, image.sha256))
            stored += " with its analysis"
        state.exam_id = exam.id
    return f"new database migrated to schema version {expected}; stored {stored}"


def check_report(state: _State) -> str:
    """Export the test examination's referral PDF from the record store in English and Russian."""
    if state.exam_id is None:
        raise CheckFailed("skipped: needs the test examination (see the records check)")
    from dermassist.records.settings import Settings
    from dermassist.records.store import RecordStore
    from dermassist.reports.referral import ReportError, export_referral

    sizes = []
    with RecordStore.open(state.tmp / "records") as store:
        for lang in ("en", "ru"):
            out = state.tmp / f"selftest-referral-{lang}.pdf"
            try:
                export_referral(store, state.exam_id, Settings(clinic_name="DermAssist self-test"), out, lang)
            except ReportError as exc:
                raise CheckFailed(f"{lang}: {_one_line(exc)}") from None
            payload = out.read_bytes()
            if not payload.startswith(b"%PDF-") or b"%%EOF" not in payload[-64:] or len(payload) < 2000:
                raise CheckFailed(f"{out.name} is not a complete PDF ({len(payload)} bytes)")
            if b"DejaVu" not in payload:
                raise CheckFailed(f"{out.name} does not embed the bundled DejaVu font")
            state.pdfs.append(out)
            sizes.append(f"{lang} {len(payload) // 1024} KB")
    what = "with the analysed image" if state.analysis is not None else "with the image, no result (no model)"
    return f"referral PDFs {what}: {', '.join(sizes)}"


def check_window(state: _State) -> str:
    """Open and close the main window in a child process (offscreen when there is no display)."""
    env = dict(os.environ, **{ONLY_ENV: "window"})
    if state.pdfs:
        env[PDF_ENV] = str(state.pdfs[-1])
    no_display = sys.platform == "linux" and not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))
    if not env.get("QT_QPA_PLATFORM") and no_display:
        env["QT_QPA_PLATFORM"] = "offscreen"
    # Frozen, the executable is the application itself.
    cmd = [sys.executable] if getattr(sys, "frozen", False) else [sys.executable, "-m", "dermassist"]
    try:
        proc = subprocess.run(
            [*cmd, "--self-test"], env=env, capture_output=True, text=True, timeout=WINDOW_TIMEOUT_S,
            encoding="utf-8", errors="replace",
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        raise CheckFailed(f"the main window did not open and close within {WINDOW_TIMEOUT_S} s") from None
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith(("OK ", "FAIL "))]
    if proc.returncode == 0 and lines and lines[-1].startswith("OK "):
        return lines[-1][3:]
    if lines and lines[-1].startswith("FAIL "):
        raise CheckFailed(lines[-1][5:])
    errors = [ln.strip() for ln in proc.stderr.splitlines() if ln.strip()]
    # Qt names the missing library ("... libxcb-cursor0 is needed ...") before its generic message.
    reason = next((ln for ln in errors if "needed" in ln), None) or next(
        (ln for ln in errors if "plugin" in ln.lower()), errors[-1] if errors else "no output"
    )
    hint = ""
    if sys.platform == "linux" and any("could not load" in ln.lower() or "needed" in ln for ln in errors):
        hint = " (install the system libraries listed in docs/installation.md)"
    raise CheckFailed(f"the window process ended with status {proc.returncode}: {reason}{hint}")


def _ui_parts(pdf: str) -> str:
    """Import every UI module (cameras, report preview, outbox...) and open ``pdf`` with QtPdf."""
    import importlib
    import pkgutil

    import dermassist.ui

    names = sorted(m.name for m in pkgutil.iter_modules(dermassist.ui.__path__))
    if "main_window" not in names:
        raise CheckFailed(f"the UI modules cannot be listed (found {names})")
    for name in names:
        try:
            importlib.import_module(f"dermassist.ui.{name}")
        except ImportError as exc:
            raise CheckFailed(f"dermassist.ui.{name} cannot be imported: {_one_line(exc)}") from None
    from PySide6.QtMultimedia import QMediaDevices
    from PySide6.QtPdf import QPdfDocument

    cameras = len(QMediaDevices.videoInputs())
    pages = "no PDF to preview"
    if pdf:
        doc = QPdfDocument()
        doc.load(pdf)
        if doc.pageCount() < 1:
            raise CheckFailed(f"QtPdf cannot open the referral ({doc.status().name})")
        pages = f"PDF preview {doc.pageCount()} page(s)"
        doc.close()
    return f"{len(names)} UI modules, {pages}, {cameras} camera(s)"


def window_check_in_process(tmp: Path) -> str:
    """Start the application as ``dermassist`` does (Russian UI), wait for the model, close the window."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
    from PySide6.QtGui import QFontDatabase, QGuiApplication

    from dermassist.ui.app import start_application

    app, window = start_application(lang="ru", data_dir=tmp / "window-records", argv=["dermassist"])
    try:
        deadline = time.monotonic() + 120
        while not (window.models.ready or window.models.error) and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.02)
        app.processEvents()
        if not window.isVisible():
            raise CheckFailed("the main window did not become visible")
        title = window.windowTitle()
        if not any("\u0400" <= ch <= "\u04ff" for ch in title):
            raise CheckFailed(f"the Russian translation was not applied (title {title!r})")
        qt_ru = QTranslator()
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if not qt_ru.load(QLocale("ru_RU"), "qtbase", "_", qt_dir):
            raise CheckFailed(f"Qt's own Russian translation (qtbase_ru.qm) is missing from {qt_dir}")
        families = len(QFontDatabase.families())
        if families == 0:
            raise CheckFailed("Qt found no fonts (install fonts-dejavu-core / fontconfig)")
        model = window.model_status.text()
        parts = _ui_parts(os.environ.get(PDF_ENV, ""))
        window.close()
        app.processEvents()
        if window.isVisible():
            raise CheckFailed("the main window refused to close")
    finally:
        window.models.wait(10000)
        window.store.close()
    platform = QGuiApplication.platformName()
    return f"platform {platform}, Russian UI, {families} font families, {parts}, status bar: {model!r}; closed"


def _reconfigure(stream: object, **options: str) -> None:
    # A console in a legacy code page must not turn a Cyrillic detail into a crash.
    method = getattr(stream, "reconfigure", None)
    if method is not None:
        with contextlib.suppress(ValueError, OSError):
            method(**options)


def _window_child() -> int:
    # The parent reads this line as UTF-8 whatever the console's code page is.
    _reconfigure(sys.stdout, encoding="utf-8", errors="replace")
    with tempfile.TemporaryDirectory(prefix="dermassist-selftest-", ignore_cleanup_errors=True) as tmp:
        try:
            detail = window_check_in_process(Path(tmp))
        except CheckFailed as exc:
            print(f"FAIL {exc}", flush=True)
            return 1
        except Exception as exc:  # report any breakage as a line the parent can show
            print(f"FAIL {type(exc).__name__}: {_one_line(exc)}", flush=True)
            return 1
    print(f"OK {detail}", flush=True)
    return 0


CHECKS: tuple[tuple[str, Callable[[_State], str]], ...] = (
    ("resources", check_resources),
    ("model", check_model),
    ("inference", check_inference),
    ("records", check_records),
    ("report", check_report),
    ("window", check_window),
)


def run_checks(out: TextIO) -> list[CheckResult]:
    """Run every check in a temporary folder, printing one line per check as it finishes."""
    results: list[CheckResult] = []
    with tempfile.TemporaryDirectory(prefix="dermassist-selftest-", ignore_cleanup_errors=True) as tmp:
        state = _State(Path(tmp), Path(tmp) / "selftest-lesion.jpg")
        state.image.write_bytes(synthetic_lesion())
        for name, check in CHECKS:
            started = time.perf_counter()
            try:
                ok, detail = True, check(state)
            except CheckFailed as exc:
                ok, detail = False, str(exc)
            except Exception as exc:  # a broken installation shows up as any exception type
                ok, detail = False, f"{type(exc).__name__}: {_one_line(exc)}"
            result = CheckResult(name, ok, time.perf_counter() - started, detail)
            results.append(result)
            print(f"{'OK' if ok else 'FAIL':<4}  {name:<9} {result.seconds:6.2f} s  {detail}", file=out, flush=True)
    return results


def run_self_test(out: TextIO | None = None) -> int:
    """Run all checks; returns 0 when every one passed, else 1."""
    if os.environ.get(ONLY_ENV) == "window":
        return _window_child()
    out = out or sys.stdout
    _reconfigure(out, errors="replace")
    print(f"DermAssist {__version__} self-test ({sys.platform}, Python {sys.version.split()[0]})", file=out, flush=True)
    started = time.perf_counter()
    results = run_checks(out)
    failed = [r.name for r in results if not r.ok]
    total = time.perf_counter() - started
    if failed:
        print(f"Self-test FAILED: {len(failed)} of {len(results)} checks failed ({', '.join(failed)}).", file=out)
        return 1
    print(f"Self-test passed: all {len(results)} checks OK in {total:.1f} s.", file=out)
    return 0
