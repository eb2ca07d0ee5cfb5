"""Static INT8 quantization of a model (per-channel QDQ), calibrated through the app's own preprocessing.

A quantized model is a different model: it gets its own card (name ``<name>-int8``, its own sha256)
with the source's threshold and temperature but *no* metrics and no OOD statistics, because those
must be measured again (``dermassist evaluate``, ``dermassist fit-ood``) before anyone relies on it.
Needs the ``onnx`` package (test/train extras).
"""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from dermassist.imaging.loading import ImageLoadError, load_image
from dermassist.inference.card import ModelCard, card_from_dict, sha256_file, write_card
from dermassist.inference.preprocess import preprocess

ACTIVATION_TYPES = ("uint8", "int8")
CALIBRATION_METHODS = ("minmax", "percentile", "entropy")


@dataclass(frozen=True)
class QuantizeOptions:
    """How to quantize. ``uint8`` activations with ``int8`` weights (U8S8) use VNNI on x86 CPUs."""

    per_channel: bool = True
    activation_type: str = "uint8"
    calibrate_method: str = "minmax"
    exclude_head: bool = False  # keep the final classifier (Gemm/MatMul feeding the logits) in float
    batch_size: int = 8


@dataclass(frozen=True)
class QuantizedModel:
    """The written model and card, and what the calibration saw."""

    card: ModelCard
    calibration_images: int
    calibration_failures: int
    seconds: float


class CalibrationImages:
    """Calibration batches from image files, decoded and preprocessed exactly as at inference.

    Duck-types ``onnxruntime.quantization.CalibrationDataReader`` (only ``get_next`` is needed).
    """

    def __init__(self, card: ModelCard, paths: list[Path], batch_size: int = 8) -> None:
        self.card = card
        self.paths = list(paths)
        self.batch_size = max(1, batch_size)
        self.used = 0
        self.failures = 0
        self._next = 0

    def get_next(self) -> dict[str, np.ndarray] | None:
        """The next batch as ``{input_name: float32 array}``, or None when the images are used up."""
        while self._next < len(self.paths):
            chunk = self.paths[self._next : self._next + self.batch_size]
            self._next += len(chunk)
            arrays = []
            for path in chunk:
                try:
                    rgb = load_image(path, min_size=self.card.input.decode_min_size).rgb
                except ImageLoadError:
                    self.failures += 1
                    continue
                arrays.append(preprocess(rgb, self.card.input))
            if arrays:
                self.used += len(arrays)
                return {self.card.input.name: np.stack(arrays)}
        return None

    def rewind(self) -> None:
        """Start again from the first image."""
        self._next = 0
        self.used = 0
        self.failures = 0


def _head_nodes(model_path: Path, output_name: str) -> list[str]:
    """Names of the Gemm/MatMul nodes that produce the logits output."""
    import onnx

    graph = onnx.load(str(model_path), load_external_data=False).graph
    return [n.name for n in graph.node if n.op_type in ("Gemm", "MatMul") and output_name in n.output]


def quantized_card_dict(source: ModelCard, onnx_path: Path, options: QuantizeOptions, images: int) -> dict[str, Any]:
    """The card of the quantized model: the source's card without its metrics, plus how it was made."""
    import onnxruntime

    data = source.to_json_dict()
    data.pop("default", None)  # never becomes the default model by being copied
    # The OOD statistics describe the float model's features and live beside its file: fit them again.
    data.pop("ood", None)
    data["name"] = f"{source.name}-int8"
    data["file"] = onnx_path.name
    data["sha256"] = sha256_file(onnx_path)
    data["metrics"] = {}
    data["operating_points"] = {
        key: {"threshold": point["threshold"]}
        for key, point in source.operating_points.items()
        if isinstance(point, dict) and "threshold" in point
    }
    data["limitations"] = [
        *source.limitations,
        f"INT8 quantization of {source.name} {source.version}: its metrics must be measured again "
        "(dermassist evaluate) before clinical use; probabilities differ slightly from the float model.",
        "No out-of-distribution statistics of its own until 'dermassist fit-ood' is run on it.",
    ]
    data["quantization"] = {
        "method": "onnxruntime quantize_static, QDQ format",
        "per_channel": options.per_channel,
        "activations": options.activation_type,
        "weights": "int8",
        "calibration": {"images": images, "method": options.calibrate_method, "preprocessing": "the app's own"},
        "head_in_float": options.exclude_head,
        "source": {"name": source.name, "version": source.version, "sha256": source.sha256, "file": source.file},
        "onnxruntime": onnxruntime.__version__,
    }
    return data


def quantize_model(
    card: ModelCard, calibration: list[Path], out_path: Path, options: QuantizeOptions | None = None
) -> QuantizedModel:
    """Write ``out_path`` (an INT8 QDQ model) and its card beside it; returns the validated card.

    The float graph is first optimised and shape-inferred (``quant_pre_process``) so that batch-norm
    folding and fusions happen before the scales are chosen. Raises ``ValueError`` for bad options
    or when no calibration image could be read.
    """
    from onnxruntime.quantization import CalibrationMethod, QuantFormat, QuantType, quantize_static
    from onnxruntime.quantization.shape_inference import quant_pre_process

    opts = options or QuantizeOptions()
    if opts.activation_type not in ACTIVATION_TYPES:
        raise ValueError(f"activation_type must be one of {ACTIVATION_TYPES}")
    if opts.calibrate_method not in CALIBRATION_METHODS:
        raise ValueError(f"calibrate_method must be one of {CALIBRATION_METHODS}")
    if not calibration:
        raise ValueError("no calibration images given")
    started = time.perf_counter()
    out_path.parent.mkdir(parents=True, exist_ok=True)
    reader = CalibrationImages(card, calibration, opts.batch_size)
    method = {"minmax": CalibrationMethod.MinMax, "percentile": CalibrationMethod.Percentile,
              "entropy": CalibrationMethod.Entropy}[opts.calibrate_method]
    activation = QuantType.QUInt8 if opts.activation_type == "uint8" else QuantType.QInt8
    with tempfile.TemporaryDirectory(prefix="dermassist-quant-") as tmp:
        prepared = Path(tmp) / "prepared.onnx"
        quant_pre_process(str(card.model_path), str(prepared), skip_symbolic_shape=False)
        exclude = _head_nodes(prepared, card.output.name) if opts.exclude_head else []
        tmp_out = out_path.with_suffix(".onnx.tmp")
        try:
            quantize_static(
                str(prepared), str(tmp_out), reader, quant_format=QuantFormat.QDQ, per_channel=opts.per_channel,
                activation_type=activation, weight_type=QuantType.QInt8, calibrate_method=method,
                nodes_to_exclude=exclude, calibration_providers=["CPUExecutionProvider"],
            )
        except Exception:
            tmp_out.unlink(missing_ok=True)
            if reader.used == 0:
                raise ValueError("none of the calibration images could be read") from None
            raise
    tmp_out.replace(out_path)
    card_path = out_path.with_suffix(".json")
    new_card = card_from_dict(quantized_card_dict(card, out_path, opts, reader.used), card_path)
    write_card(new_card, card_path)
    return QuantizedModel(new_card, reader.used, reader.failures, time.perf_counter() - started)
