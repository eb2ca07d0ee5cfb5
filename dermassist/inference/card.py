"""The JSON model card that sits beside every ONNX model, and its validation.

The schema is documented in ``docs/model-card.md``. Preprocessing reads the card; training
writes it; the loader refuses a card that does not describe its model file.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from dermassist.hashing import sha256_file as sha256_file

SCHEMA_VERSION = 1
LAYOUTS = ("NCHW", "NHWC")
RESIZE_MODES = ("squash", "center_crop", "letterbox")
# OpenCV's resampling (``area`` etc., the app's own models) and Pillow's (``pil-*``: what Keras's
# ``load_img`` and torchvision's ``Resize`` on PIL images use), so an imported model sees its own pixels.
OPENCV_INTERPOLATIONS = ("area", "linear", "cubic", "nearest")
PIL_INTERPOLATIONS = ("pil-nearest", "pil-bilinear", "pil-bicubic")
INTERPOLATIONS = OPENCV_INTERPOLATIONS + PIL_INTERPOLATIONS
# ``reduced``: a large JPEG is decoded at 1/2, 1/4 or 1/8 scale when still at least the input size;
# ``full``: always decoded at full size, as Keras and torchvision do.
DECODE_MODES = ("reduced", "full")
CHANNEL_ORDERS = ("RGB", "BGR")
OUTPUT_KINDS = ("logits", "probabilities")

REQUIRED_FIELDS = (
    "name",
    "architecture",
    "version",
    "file",
    "sha256",
    "input",
    "output",
    "threshold",
    "training_data",
    "metrics",
    "intended_use",
)
REQUIRED_INPUT = ("name", "size", "layout", "resize", "channel_order", "pixel_scale", "mean", "std")
REQUIRED_OUTPUT = ("name", "kind", "labels", "positive_label")


COLOUR_CONSTANCY = ("none", "shades_of_gray")
FIELDS_OF_VIEW = ("full", "lesion_crop")


class CardError(ValueError):
    """A model card is missing, malformed or does not match its model; the message names the file."""


@dataclass(frozen=True)
class InputSpec:
    """How an RGB uint8 picture becomes the network's input tensor."""

    name: str
    size: tuple[int, int]  # (height, width)
    layout: str
    resize: str
    channel_order: str
    pixel_scale: float  # applied first: x = pixel * pixel_scale
    mean: tuple[float, float, float]  # in the model's channel order, after pixel_scale
    std: tuple[float, float, float]
    interpolation: str = "area"
    decode: str = "reduced"
    # Colour normalisation applied at input size before scaling: "none" or "shades_of_gray".
    colour_constancy: str = "none"
    # "full" (the whole picture) or "lesion_crop" (a lesion-centred crop first, see imaging.field_of_view).
    field_of_view: str = "full"

    @property
    def decode_min_size(self) -> tuple[int, int] | None:
        """``min_size`` (width, height) for :func:`~dermassist.imaging.loading.load_image`; None decodes in full."""
        return None if self.decode == "full" else (self.size[1], self.size[0])


@dataclass(frozen=True)
class OutputSpec:
    """What the network returns and what its classes mean."""

    name: str
    kind: str
    labels: tuple[str, ...]
    positive_label: str
    temperature: float = 1.0
    features: str | None = None  # optional penultimate-feature output (OOD check)
    feature_map: str | None = None  # optional last conv feature map (heatmap)
    cam: str | None = None  # optional class activation map for the positive class (N x h x w)
    logits: str | None = None  # optional pre-softmax logits of a probabilities model (output-only OOD check)

    @property
    def positive_index(self) -> int:
        """Index of the positive (malignant) class in the output vector."""
        return self.labels.index(self.positive_label)


@dataclass(frozen=True)
class ModelCard:
    """A validated model card. ``path`` is the card file, ``model_path`` the ONNX file beside it."""

    name: str
    architecture: str
    version: str
    file: str
    sha256: str
    input: InputSpec
    output: OutputSpec
    threshold: float
    training_data: dict[str, Any]
    metrics: dict[str, Any]
    intended_use: str
    limitations: tuple[str, ...] = ()
    operating_points: dict[str, Any] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)
    path: Path | None = None

    @property
    def model_path(self) -> Path:
        """Absolute path of the ONNX file this card describes."""
        base = self.path.parent if self.path else Path.cwd()
        return (base / self.file).resolve()

    @property
    def validated(self) -> bool:
        """True when the threshold and temperature were fitted on labelled images (training's own
        calibration or ``dermassist calibrate``), False while the threshold is a default."""
        return isinstance(self.metrics.get("calibration"), dict)

    @property
    def short_sha(self) -> str:
        """First 12 hex digits of the model's sha256, for display."""
        return self.sha256[:12]

    def to_json_dict(self) -> dict[str, Any]:
        """The card as it is written to disk."""
        data = asdict(self)
        data.pop("path", None)
        extra = data.pop("extra", {}) or {}
        data["schema_version"] = SCHEMA_VERSION
        data["input"]["size"] = list(self.input.size)
        data["input"]["mean"] = list(self.input.mean)
        data["input"]["std"] = list(self.input.std)
        data["output"]["labels"] = list(self.output.labels)
        data["limitations"] = list(self.limitations)
        data.update(extra)
        return data


def card_path_for(model_path: Path) -> Path:
    """The card that belongs beside ``model.onnx`` is ``model.json``."""
    return model_path.with_suffix(".json")


def _need(obj: dict[str, Any], keys: tuple[str, ...], where: str, src: Path) -> None:
    for key in keys:
        if key not in obj:
            raise CardError(f"{src}: model card is missing required field '{where}{key}'")


def _triple(value: Any, what: str, src: Path) -> tuple[float, float, float]:
    if not isinstance(value, (list, tuple)) or len(value) != 3:
        raise CardError(f"{src}: '{what}' must be a list of three numbers")
    try:
        a, b, c = (float(v) for v in value)
    except (TypeError, ValueError):
        raise CardError(f"{src}: '{what}' must be a list of three numbers") from None
    return (a, b, c)


def _choice(value: Any, allowed: tuple[str, ...], what: str, src: Path) -> str:
    if value not in allowed:
        raise CardError(f"{src}: '{what}' is {value!r}, expected one of {', '.join(allowed)}")
    return str(value)


def card_from_dict(data: dict[str, Any], src: Path) -> ModelCard:
    """Build a card from parsed JSON, checking every required field and value."""
    if not isinstance(data, dict):
        raise CardError(f"{src}: model card must be a JSON object")
    _need(data, REQUIRED_FIELDS, "", src)
    inp, out = data["input"], data["output"]
    if not isinstance(inp, dict) or not isinstance(out, dict):
        raise CardError(f"{src}: 'input' and 'output' must be objects")
    _need(inp, REQUIRED_INPUT, "input.", src)
    _need(out, REQUIRED_OUTPUT, "output.", src)
    size = inp["size"]
    if not (isinstance(size, (list, tuple)) and len(size) == 2 and all(isinstance(s, int) and s > 0 for s in size)):
        raise CardError(f"{src}: 'input.size' must be [height, width] in pixels")
    std = _triple(inp["std"], "input.std", src)
    if any(s == 0 for s in std):
        raise CardError(f"{src}: 'input.std' must not contain zero")
    input_spec = InputSpec(
        name=str(inp["name"]),
        size=(int(size[0]), int(size[1])),
        layout=_choice(inp["layout"], LAYOUTS, "input.layout", src),
        resize=_choice(inp["resize"], RESIZE_MODES, "input.resize", src),
        channel_order=_choice(inp["channel_order"], CHANNEL_ORDERS, "input.channel_order", src),
        pixel_scale=float(inp["pixel_scale"]),
        mean=_triple(inp["mean"], "input.mean", src),
        std=std,
        interpolation=_choice(inp.get("interpolation", "area"), INTERPOLATIONS, "input.interpolation", src),
        decode=_choice(inp.get("decode", "reduced"), DECODE_MODES, "input.decode", src),
        colour_constancy=_choice(inp.get("colour_constancy", "none"), COLOUR_CONSTANCY,
                                 "input.colour_constancy", src),
        field_of_view=_choice(inp.get("field_of_view", "full"), FIELDS_OF_VIEW, "input.field_of_view", src),
    )
    labels = out["labels"]
    if not (isinstance(labels, list) and len(labels) >= 2 and all(isinstance(x, str) for x in labels)):
        raise CardError(f"{src}: 'output.labels' must list at least two class names")
    if out["positive_label"] not in labels:
        raise CardError(f"{src}: 'output.positive_label' {out['positive_label']!r} is not among the labels")
    temperature = float(out.get("temperature", 1.0))
    if temperature <= 0:
        raise CardError(f"{src}: 'output.temperature' must be positive")
    output_spec = OutputSpec(
        name=str(out["name"]),
        kind=_choice(out["kind"], OUTPUT_KINDS, "output.kind", src),
        labels=tuple(labels),
        positive_label=str(out["positive_label"]),
        temperature=temperature,
        features=out.get("features"),
        feature_map=out.get("feature_map"),
        cam=out.get("cam"),
        logits=out.get("logits"),
    )
    threshold = float(data["threshold"])
    if not 0.0 < threshold < 1.0:
        raise CardError(f"{src}: 'threshold' must lie strictly between 0 and 1")
    sha = str(data["sha256"]).lower()
    if len(sha) != 64 or any(c not in "0123456789abcdef" for c in sha):
        raise CardError(f"{src}: 'sha256' must be 64 hex digits")
    known = set(REQUIRED_FIELDS) | {"schema_version", "limitations", "operating_points"}
    return ModelCard(
        name=str(data["name"]),
        architecture=str(data["architecture"]),
        version=str(data["version"]),
        file=str(data["file"]),
        sha256=sha,
        input=input_spec,
        output=output_spec,
        threshold=threshold,
        training_data=dict(data["training_data"]),
        metrics=dict(data["metrics"]),
        intended_use=str(data["intended_use"]),
        limitations=tuple(str(x) for x in data.get("limitations", [])),
        operating_points=dict(data.get("operating_points", {})),
        extra={k: v for k, v in data.items() if k not in known},
        path=src.resolve(),
    )


def load_card(path: Path, *, verify_hash: bool = True) -> ModelCard:
    """Read and validate a card (``.json``) or the card beside a model (``.onnx``).

    Raises ``CardError`` with a one-line message naming the file.
    """
    path = Path(path)
    if path.suffix.lower() == ".onnx":
        path = card_path_for(path)
    if not path.is_file():
        raise CardError(f"{path}: model card not found (every model needs a JSON card beside it)")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CardError(f"{path}: model card is not valid JSON ({exc})") from None
    card = card_from_dict(data, path)
    model = card.model_path
    if not model.is_file():
        raise CardError(f"{path}: model file {card.file!r} named by the card does not exist")
    if verify_hash:
        actual = sha256_file(model)
        if actual != card.sha256:
            raise CardError(
                f"{model}: sha256 {actual[:12]}… does not match the card's {card.sha256[:12]}… "
                "(wrong or modified model file)"
            )
    return card


def write_card(card: ModelCard, path: Path) -> None:
    """Write a card as UTF-8 JSON, atomically (write then rename)."""
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(json.dumps(card.to_json_dict(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    tmp.replace(path)
