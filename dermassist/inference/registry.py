"""Find installed models and pick the default one."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dermassist.inference.card import CardError, ModelCard, load_card
from dermassist.paths import models_dirs

NO_MODEL_MESSAGE = (
    "No model is installed. Put a model (.onnx) with its JSON card into one of: {dirs}; "
    "import an external ONNX model with 'dermassist import-model MODEL.onnx', "
    "or train one with 'dermassist train' (see README)."
)


@dataclass(frozen=True)
class InstalledModel:
    """A model file found on disk: its card, or the reason the card is unusable."""

    path: Path
    card: ModelCard | None
    error: str | None


def discover(verify_hash: bool = True) -> list[InstalledModel]:
    """Every ``*.onnx`` in the model folders, with its validated card or the error."""
    found: list[InstalledModel] = []
    seen: set[Path] = set()
    for folder in models_dirs():
        if not folder.is_dir():
            continue
        for onnx in sorted(folder.glob("*.onnx")):
            if onnx.resolve() in seen:
                continue
            seen.add(onnx.resolve())
            try:
                found.append(InstalledModel(onnx, load_card(onnx, verify_hash=verify_hash), None))
            except CardError as exc:
                found.append(InstalledModel(onnx, None, str(exc)))
    return found


def default_model(preferred: str | Path | None = None) -> ModelCard:
    """The card of the model to use: ``preferred`` (a path) if given, else the card marked
    ``"default": true``, else the first valid model. Raises ``CardError`` when there is none."""
    if preferred:
        return load_card(Path(preferred))
    models = [m for m in discover() if m.card is not None]
    if not models:
        errors = [m.error for m in discover() if m.error]
        hint = f" (unusable: {errors[0]})" if errors else ""
        dirs = ", ".join(str(d) for d in models_dirs())
        raise CardError(NO_MODEL_MESSAGE.format(dirs=dirs) + hint)
    for m in models:
        if m.card is not None and m.card.extra.get("default") is True:
            return m.card
    card = models[0].card
    assert card is not None
    return card
