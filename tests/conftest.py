"""Shared fixtures: a tiny random-weight model, tiny images, isolated data folders."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))

from model_factory import make_tiny_model  # noqa: E402

from dermassist.inference.card import ModelCard, card_from_dict, write_card  # noqa: E402
from dermassist.records.store import RecordStore  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
ISIC = ROOT.parent / "shared" / "data" / "isic"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the real per-user folders; no installed models unless a test adds one."""
    base = tmp_path_factory.mktemp("userdata")
    monkeypatch.setenv("DERMASSIST_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("DERMASSIST_CONFIG_DIR", str(base / "config"))
    monkeypatch.setenv("DERMASSIST_MODELS_DIR", str(base / "models"))
    # Secrets go to the 0600 fallback file: a test never reads or writes the real credential store.
    monkeypatch.setenv("DERMASSIST_SECRET_STORE", "file")


@pytest.fixture(autouse=True)
def _keep_umask() -> Iterator[None]:
    """``dermassist.cli.main`` sets the private umask 077 for its process; a test calling it in-process
    must not pass that on to the tests after it."""
    old = os.umask(0o022)
    os.umask(old)
    yield
    os.umask(old)


@pytest.fixture(autouse=True)
def _ui_language_restored() -> Iterator[None]:
    """A test that switches the core's UI language (directly or by opening the UI) does not leak it."""
    from dermassist.i18n import current_language, set_language

    before = current_language()
    yield
    set_language(before)


@pytest.fixture
def tiny_model(tmp_path: Path) -> ModelCard:
    """A tiny random-weight NCHW logits model with its card, in a temporary folder."""
    return make_tiny_model(tmp_path / "model")


@pytest.fixture
def installed_tiny_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ModelCard:
    """The tiny model installed as the only model DermAssist can find."""
    return _install_tiny(tmp_path, monkeypatch, with_cam=False)


@pytest.fixture
def installed_tiny_cam_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ModelCard:
    """The tiny model with a heatmap (CAM) output, installed as the only model DermAssist can find."""
    return _install_tiny(tmp_path, monkeypatch, with_cam=True)


def _install_tiny(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, with_cam: bool) -> ModelCard:
    folder = tmp_path / "installed-models"
    card = make_tiny_model(folder, with_cam=with_cam)
    # Marked default so it wins over a trained model shipped in the project's models/ folder.
    data = card.to_json_dict() | {"default": True}
    assert card.path is not None
    write_card(card_from_dict(data, card.path), card.path)
    monkeypatch.setenv("DERMASSIST_MODELS_DIR", str(folder))
    return card_from_dict(data, card.path)


def make_rgb(width: int = 64, height: int = 48, seed: int = 0) -> np.ndarray:
    """A smooth synthetic 'lesion': a dark blob on skin-coloured background."""
    yy, xx = np.mgrid[0:height, 0:width]
    r = np.hypot((xx - width / 2) / (width / 4), (yy - height / 2) / (height / 4))
    base = np.array([220, 170, 150], np.float32)
    lesion = np.array([90, 50, 40], np.float32)
    w = np.clip(1.5 - r, 0, 1)[..., None]
    rng = np.random.default_rng(seed)
    img = base * (1 - w) + lesion * w + rng.normal(0, 4, (height, width, 1))
    return np.clip(img, 0, 255).astype(np.uint8)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[RecordStore]:
    """An open record store in a temporary data folder, closed after the test."""
    s = RecordStore.open(tmp_path / "data")
    yield s
    s.close()


@pytest.fixture
def image_file(tmp_path: Path) -> Path:
    """A small JPEG picture on disk."""
    path = tmp_path / "lesion.jpg"
    Image.fromarray(make_rgb()).save(path, quality=92)
    return path


@pytest.fixture
def isic_dir() -> Path:
    """The shared ISIC folder, or skip with the reason."""
    if not (ISIC / "labels.csv").is_file():
        pytest.skip(f"ISIC data folder not present at {ISIC} (needs ../shared/data/isic beside the project)")
    return ISIC
