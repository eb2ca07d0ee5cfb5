"""Where bundled resources, models and per-user data live, from source and when frozen."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "DermAssist"


def bundle_root() -> Path:
    """Root that holds ``models/`` and ``resources/``: the PyInstaller folder or the source tree."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    """Bundled resources (fonts, translations, body map, icons)."""
    return bundle_root() / "resources"


def resource(*parts: str) -> Path:
    """Path of one bundled resource file."""
    return resources_dir().joinpath(*parts)


def models_dirs() -> list[Path]:
    """Folders searched for models, most specific first: the per-user models folder, then the
    bundled ``models/``. ``DERMASSIST_MODELS_DIR`` (os.pathsep-separated) replaces the search path,
    so a deployment or a test sees exactly the models it names.
    """
    env = os.environ.get("DERMASSIST_MODELS_DIR")
    if env is not None:
        return [Path(p) for p in env.split(os.pathsep) if p]
    dirs: list[Path] = [user_data_dir() / "models"]
    dirs.append(bundle_root() / "models")
    return dirs


def user_data_dir() -> Path:
    """Per-user data folder (records, images, settings); ``DERMASSIST_DATA_DIR`` overrides it."""
    env = os.environ.get("DERMASSIST_DATA_DIR")
    if env:
        return Path(env)
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def user_config_dir() -> Path:
    """Per-user settings folder; ``DERMASSIST_CONFIG_DIR`` overrides it, else the data folder."""
    env = os.environ.get("DERMASSIST_CONFIG_DIR")
    if env:
        return Path(env)
    if os.environ.get("DERMASSIST_DATA_DIR"):
        return user_data_dir()
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False)
