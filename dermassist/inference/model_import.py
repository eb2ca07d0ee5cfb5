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
    producer_version: str  # onnxruntime does not expose it; kept for callers that read it with onnx
    layout: str | None  # None when the shape does not show where the 3 channels are
    input_arithmetic: str | None = None  # e.g. 'Mul': the graph's first arithmetic on its input (value-range hint)

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
        hint = f", first op on the input: constant {self.input_arithmetic}" if self.input_arithmetic else ""
        return (f"input '{self.input_name}' {list(self.input_shape)} {self.input_type}, "
                f"layout {self.layout or 'unknown'}, producer {prod}{hint}")


_PASS_THROUGH = ("Transpose", "Cast", "Reshape", "Identity")
_ARITHMETIC = ("Mul", "Div", "Sub", "Add")


def first_input_arithmetic(path: Path, input_name: str) -> str | None:
    """The first Mul/Div/Sub/Add applied to the input with a constant (after layout changes), or None.

    Such a node means the graph scales its input itself (a Keras ``Rescaling`` or ``Normalization``
    layer); read with the ``onnx`` package when it is installed (None without it).
    """
    try:
        import onnx

        graph = onnx.load(str(path), load_external_data=False).graph
    except Exception:  # no onnx package, or a file only onnxruntime reads: no hint
        return None
    constants = {i.name for i in graph.initializer}
    constants |= {o for n in graph.node if n.op_type == "Constant" for o in n.output}
    current = {input_name}
    for node in graph.node:  # nodes are stored in topological order
        if not current.intersection(node.input):
            continue
        if node.op_type in _PASS_THROUGH:
            current.update(node.output)
        elif node.op_type in _ARITHMETIC and any(i in constants for i in node.input):
            return str(node.op_type)
        else:
            return None
    return None


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
                      str(meta.producer_name or ""), "", layout, first_input_arithmetic(path, inp.name))


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
    if facts.input_arithmetic:
        why += (f" Its graph starts with a constant {facts.input_arithmetic} on the input, so it may scale its input "
                "itself (e.g. a Keras Rescaling layer): then raw-0-255 is right.")
    raise ImportRefused(f"{why} Pass --preset with the convention the model was trained with:\n{preset_list()}")


def install_dir() -> Path:
    """The per-user models folder (the first folder searched; DERMASSIST_MODELS_DIR's first entry if set)."""
    from dermassist.paths import models_dirs

    return models_dirs()[0]


@dataclass(frozen=True)
class Exposed:
    """Tensors of the graph that the installed copy returns as extra outputs (None: not found)."""

    logits: str | None = None  # the Softmax's input, when the class output is a Softmax
    features: str | None = None  # the input of the final dense layer (pooled features)

    def __bool__(self) -> bool:
        return bool(self.logits or self.features)


def find_head(graph: Any, output: str) -> Exposed:
    """Walk back from the class output: Softmax <- [Add bias] <- MatMul/Gemm(weights) <- features."""
    producers = {o: n for n in graph.node for o in n.output}
    constants = {i.name for i in graph.initializer}
    constants |= {o for n in graph.node if n.op_type == "Constant" for o in n.output}
    logits = None
    tensor = output
    node = producers.get(tensor)
    if node is not None and node.op_type == "Softmax" and node.input:
        logits = tensor = str(node.input[0])
        node = producers.get(tensor)
    if node is not None and node.op_type == "Add" and any(i in constants for i in node.input):
        tensor = next((str(i) for i in node.input if i not in constants), "")
        node = producers.get(tensor)
    features = None
    if (node is not None and node.op_type in ("MatMul", "Gemm") and len(node.input) >= 2
            and node.input[1] in constants and node.input[0] not in constants):
        features = str(node.input[0])
    return Exposed(logits, features)


def _with_head_outputs(model: Path, output: str, target: Path) -> Exposed:
    """Write ``model`` to ``target`` with the class output's logits (the Softmax input) and the final dense
    layer's input (pooled features) added as graph outputs; nothing is written and ``Exposed()`` returned
    when neither is found or the ``onnx`` package is absent. The computation is unchanged."""
    try:
        import onnx

        graph_model = onnx.load(str(model))
    except Exception:  # no onnx package, or protobuf errors: the plain copy is installed instead
        return Exposed()
    found = find_head(graph_model.graph, output)
    if not found:
        return found
    present = {o.name for o in graph_model.graph.output}
    missing = [name for name in (found.logits, found.features) if name and name not in present]
    for name in missing:
        graph_model.graph.output.append(onnx.helper.make_tensor_value_info(name, onnx.TensorProto.FLOAT, None))
    if missing:  # else the file is copied unchanged
        onnx.save(graph_model, str(target))
    return found


def install_files(
    model: Path, stem: str, folder: Path, force: bool, output: str | None = None
) -> tuple[Path, Exposed]:
    """Copy ``model`` to ``folder/<stem>.onnx``; refuses to replace a model unless ``force``.

    With ``output`` (the class output), the logits of a final Softmax and the pooled features feeding
    the final dense layer are exposed as extra outputs where found (see :func:`find_head`).
    """
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{stem}.onnx"
    if target.resolve() == model.resolve():
        return target, Exposed()
    if (target.exists() or card_path_for(target).exists()) and not force:
        raise ImportRefused(f"{target} is already installed (use --force to replace it, or --name)")
    tmp = target.with_name(target.name + ".tmp")
    tmp.unlink(missing_ok=True)
    exposed = _with_head_outputs(model, output, tmp) if output else Exposed()
    if not tmp.exists():
        shutil.copyfile(model, tmp)
    tmp.replace(target)
    return target, exposed


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
