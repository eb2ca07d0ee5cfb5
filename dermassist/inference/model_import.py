"""Bring your own model: inspect an external ONNX model, choose its preprocessing openly, install it.

Nothing is guessed silently: the input layout and the exporter (``producer_name``) are read from
the file; a normalisation convention is chosen only when the evidence names one (a PyTorch export,
an input that takes raw bytes), otherwise the user is asked for ``--preset``. The model is copied
into the per-user models folder with its card, so ``dermassist models``, the classifier and the
workstation find it.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dermassist.inference.card import card_path_for

# Conventions of common exporters: (channel_order, pixel_scale, mean, std).
PRESETS: dict[str, tuple[str, float, list[float], list[float]]] = {
    # torchvision / timm ImageNet models
    "torch-imagenet": ("RGB", 1 / 255, [0.485, 0.456, 0.406], [0.229, 0.224, 0.225]),
    # keras.applications "caffe" mode (ResNet50, VGG16/19): BGR, 0..255 minus the ImageNet BGR mean
    "keras-caffe": ("BGR", 1.0, [103.939, 116.779, 123.68], [1.0, 1.0, 1.0]),
    # keras.applications "tf" mode (MobileNet, Xception, Inception*, NASNet, ResNetV2): RGB scaled to -1..1
    "keras-tf": ("RGB", 1 / 127.5, [1.0, 1.0, 1.0], [1.0, 1.0, 1.0]),
    # keras.applications "torch" mode (DenseNet): RGB 0..1 then ImageNet mean/std
    "keras-torch": ("RGB", 1 / 255, [0.485, 0.456, 0.406], [0.229, 0.224, 0.225]),
    "raw-0-1": ("RGB", 1 / 255, [0.0, 0.0, 0.0], [1.0, 1.0, 1.0]),
    # the graph normalises its input itself (e.g. a Keras Rescaling layer, or a uint8 input)
    "raw-0-255": ("RGB", 1.0, [0.0, 0.0, 0.0], [1.0, 1.0, 1.0]),
}
PRESET_HELP = {
    "keras-caffe": "Keras ResNet50 / VGG16 / VGG19 (keras.applications 'caffe' mode: BGR minus ImageNet mean)",
    "keras-tf": "Keras MobileNet*, Xception, InceptionV3, InceptionResNetV2, NASNet, ResNet*V2 (-1..1)",
    "keras-torch": "Keras DenseNet* (0..1 then ImageNet mean/std)",
    "torch-imagenet": "torchvision / timm models (0..1 then ImageNet mean/std)",
    "raw-0-1": "models trained on pixels scaled to 0..1 and nothing else",
    "raw-0-255": "models that normalise inside the graph (raw 0..255 pixels in)",
}
# Resampling each framework's own loader uses, so the model sees the pixels it was trained on.
DEFAULT_INTERPOLATION = {
    "keras-caffe": "pil-nearest",  # keras.utils.load_img(target_size=...) default
    "keras-tf": "pil-nearest",
    "keras-torch": "pil-nearest",
    "torch-imagenet": "pil-bilinear",  # torchvision.transforms.Resize on a PIL image
    "raw-0-1": "area",
    "raw-0-255": "area",
}
KERAS_PRODUCERS = ("tf2onnx", "keras2onnx", "keras")
LIMITATION = (
    "Imported external model: its training data and validation are as stated by its supplier; "
    "DermAssist has not validated it until 'dermassist calibrate' has been run on labelled images."
)


class ImportRefused(ValueError):
    """The model cannot be imported as asked; the message says why and what to pass instead."""


@dataclass(frozen=True)
class ModelFacts:
    """What the ONNX file itself says about its input and its exporter."""

    input_name: str
    input_shape: tuple[Any, ...]
    input_type: str  # e.g. 'tensor(float)'
    outputs: tuple[str, ...]
    producer: str
    producer_version: str
    layout: str | None  # None when the shape does not show where the 3 channels are

    @property
    def keras(self) -> bool:
        """Exported from Keras / TensorFlow (tf2onnx or keras2onnx)."""
        return self.producer.lower().startswith(KERAS_PRODUCERS)

    @property
    def pytorch(self) -> bool:
        """Exported by ``torch.onnx``."""
        return self.producer.lower() == "pytorch"

    def describe(self) -> str:
        """One line for the user."""
        prod = f"{self.producer} {self.producer_version}".strip() or "unknown exporter"
        return (f"input '{self.input_name}' {list(self.input_shape)} {self.input_type}, "
                f"layout {self.layout or 'unknown'}, producer {prod}")


def inspect_model(path: Path) -> ModelFacts:
    """Read the input, outputs and producer of an ONNX file (raises ImportRefused when it cannot load)."""
    import onnxruntime as ort

    try:
        sess = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    except Exception as exc:  # onnxruntime raises private exception types
        raise ImportRefused(f"{path}: not a loadable ONNX model ({str(exc).splitlines()[0]})") from None
    inp = sess.get_inputs()[0]
    meta = sess.get_modelmeta()
    shape = tuple(inp.shape)
    layout = None
    if len(shape) == 4:
        if shape[3] == 3 and shape[1] != 3:
            layout = "NHWC"
        elif shape[1] == 3 and shape[3] != 3:
            layout = "NCHW"
    return ModelFacts(inp.name, shape, str(inp.type), tuple(o.name for o in sess.get_outputs()),
                      str(meta.producer_name or ""), str(getattr(meta, "version", "") or ""), layout)


def preset_list() -> str:
    """The presets, one per line, for messages and ``--help``."""
    return "\n".join(f"  {name:15s} {PRESET_HELP[name]}" for name in PRESETS)


def choose_preset(facts: ModelFacts, requested: str | None) -> tuple[str, str]:
    """The preset to use and why; raises ImportRefused rather than guess.

    A Keras export is refused without ``--preset`` because keras.applications use three different
    conventions and the file does not say which.
    """
    if requested:
        return requested, "given with --preset"
    if "uint8" in facts.input_type:
        return "raw-0-255", f"the input '{facts.input_name}' takes raw 8-bit pixels ({facts.input_type})"
    if facts.pytorch and facts.layout == "NCHW":
        return "torch-imagenet", "a PyTorch export with NCHW input (torchvision's ImageNet convention)"
    if facts.keras:
        why = (f"This looks like a Keras model ({facts.describe()}), but Keras applications use different "
               "input conventions and the file does not say which.")
    else:
        why = f"The file does not say how its input is normalised ({facts.describe()})."
    raise ImportRefused(f"{why} Pass --preset with the convention the model was trained with:\n{preset_list()}")


def install_dir() -> Path:
    """The per-user models folder (the first folder searched; DERMASSIST_MODELS_DIR's first entry if set)."""
    from dermassist.paths import models_dirs

    return models_dirs()[0]


def _with_logits_output(model: Path, output: str, target: Path) -> str | None:
    """Write ``model`` to ``target`` with the input of the Softmax that makes ``output`` added as a graph
    output, and return that tensor's name; None (nothing written) when ``output`` is not a Softmax or
    the ``onnx`` package is absent. The computation is unchanged; only one more tensor is returned."""
    try:
        import onnx
    except ImportError:
        return None
    try:
        graph_model = onnx.load(str(model))
    except Exception:  # protobuf errors: the plain copy is installed instead
        return None
    producer = next((n for n in graph_model.graph.node if output in n.output), None)
    if producer is None or producer.op_type != "Softmax" or not producer.input:
        return None
    name = str(producer.input[0])
    if all(o.name != name for o in graph_model.graph.output):
        graph_model.graph.output.append(onnx.helper.make_tensor_value_info(name, onnx.TensorProto.FLOAT, None))
    onnx.save(graph_model, str(target))
    return name


def install_files(
    model: Path, stem: str, folder: Path, force: bool, output: str | None = None
) -> tuple[Path, str | None]:
    """Copy ``model`` to ``folder/<stem>.onnx``; refuses to replace a model unless ``force``.

    With ``output`` (the class-probability output), a Softmax's logits are exposed as an extra output
    where possible (see :func:`_with_logits_output`); returns the installed file and that output's name.
    """
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{stem}.onnx"
    if target.resolve() == model.resolve():
        return target, None
    if (target.exists() or card_path_for(target).exists()) and not force:
        raise ImportRefused(f"{target} is already installed (use --force to replace it, or --name)")
    tmp = target.with_name(target.name + ".tmp")
    logits = _with_logits_output(model, output, tmp) if output else None
    if logits is None:
        shutil.copyfile(model, tmp)
    tmp.replace(target)
    return target, logits


def same_outputs(a: Path, b: Path, input_name: str, batch: Any, output: str) -> bool:
    """Whether two model files give bit-identical ``output`` on ``batch``."""
    import numpy as np
    import onnxruntime as ort

    runs = [ort.InferenceSession(str(p), providers=["CPUExecutionProvider"]).run([output], {input_name: batch})[0]
            for p in (a, b)]
    return bool(np.array_equal(runs[0], runs[1]))


def set_default(card_path: Path) -> list[Path]:
    """Mark ``card_path`` as the default model and unmark the other cards in its folder.

    Returns the cards that were changed. Only the ``default`` key is touched (the model files and
    their sha256 stay as they are).
    """
    changed = []
    for other in sorted(card_path.parent.glob("*.json")):
        try:
            data = json.loads(other.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError):
            continue
        if not isinstance(data, dict) or "sha256" not in data or "input" not in data:
            continue  # not a model card
        want = other.resolve() == card_path.resolve()
        if bool(data.get("default")) == want:
            continue
        if want:
            data["default"] = True
        else:
            data.pop("default", None)
        tmp = other.with_name(other.name + ".tmp")
        tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        tmp.replace(other)
        changed.append(other)
    return changed
