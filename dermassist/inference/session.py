"""ONNX Runtime session built from a model card: providers, threads, shape checks, predictions."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from dermassist.inference.card import CardError, ModelCard, load_card
from dermassist.inference.prediction import ModelRef, Prediction, Timings
from dermassist.inference.preprocess import preprocess_batch

PROVIDER_NAMES = {
    "cpu": "CPUExecutionProvider",
    "cuda": "CUDAExecutionProvider",
    "directml": "DmlExecutionProvider",
    "coreml": "CoreMLExecutionProvider",
}
_AUTO_ORDER = ("CUDAExecutionProvider", "DmlExecutionProvider", "CoreMLExecutionProvider")


def disable_telemetry() -> None:
    """Switch onnxruntime's usage telemetry off (call before the first session is created).

    ``ORT_DISABLE_TELEMETRY=1`` (set when ``dermassist`` is imported, before onnxruntime reads it)
    stops the device id and the event queue under ``~/.cache/Microsoft`` and the uploads;
    ``disable_telemetry_events()`` (onnxruntime 1.9 and later) also stops the platform's event logging.
    """
    os.environ["ORT_DISABLE_TELEMETRY"] = "1"
    import onnxruntime as ort

    switch = getattr(ort, "disable_telemetry_events", None)
    if switch is not None:
        switch()


class ProviderError(RuntimeError):
    """The requested execution provider is not available in this onnxruntime build."""


def physical_cores() -> int:
    """CPU cores this process may use (affinity-aware)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def resolve_providers(choice: str | list[str] = "auto") -> list[str]:
    """Execution providers for ``auto``, ``cpu``, ``cuda``, ``directml``, ``coreml`` or an explicit list.

    ``auto`` takes every accelerator present, then the CPU, which is always last as a fallback.
    """
    import onnxruntime as ort

    available = ort.get_available_providers()
    if isinstance(choice, list):
        missing = [p for p in choice if p not in available]
        if missing:
            raise ProviderError(f"execution provider(s) not available: {', '.join(missing)}")
        return list(choice)
    key = choice.lower()
    if key == "auto":
        return [p for p in _AUTO_ORDER if p in available] + ["CPUExecutionProvider"]
    if key not in PROVIDER_NAMES:
        raise ProviderError(f"unknown provider {choice!r}; use auto, cpu, cuda, directml or coreml")
    name = PROVIDER_NAMES[key]
    if name not in available:
        raise ProviderError(
            f"{choice} was requested but this onnxruntime has only {', '.join(available)} "
            "(install onnxruntime-gpu or onnxruntime-directml for a GPU)"
        )
    return [name] if name == "CPUExecutionProvider" else [name, "CPUExecutionProvider"]


@dataclass(frozen=True)
class RawOutputs:
    """Calibrated class probabilities plus any extra outputs the model exports."""

    probabilities: np.ndarray  # (N, classes)
    extras: dict[str, np.ndarray]
    scores: np.ndarray | None = None  # the class-score output as returned (no softmax, no temperature)


def _softmax(x: np.ndarray) -> np.ndarray:
    x = x - x.max(axis=1, keepdims=True)
    e = np.exp(x)
    return np.asarray(e / e.sum(axis=1, keepdims=True))


class ModelSession:
    """One ONNX Runtime session per model, created once and reused for every image."""

    def __init__(
        self, card: ModelCard, providers: str | list[str] = "auto", threads: int | None = None, spinning: bool = True
    ) -> None:
        import onnxruntime as ort

        disable_telemetry()
        self.card = card
        opts = ort.SessionOptions()
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        opts.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        opts.intra_op_num_threads = threads or physical_cores()
        opts.inter_op_num_threads = 1
        opts.log_severity_level = 3
        if not spinning:
            # Idle ORT threads then sleep instead of spinning, leaving the cores to the decode threads
            # of a folder run (measured: +11% images/s on 2 cores; single images are 10% faster spinning).
            opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
        started = time.perf_counter()
        try:
            self._session = ort.InferenceSession(
                str(card.model_path), sess_options=opts, providers=resolve_providers(providers)
            )
        except ProviderError:
            raise
        except Exception as exc:  # onnxruntime raises several private exception types
            first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise CardError(f"{card.model_path}: not a loadable ONNX model ({first})") from None
        self.load_seconds = time.perf_counter() - started
        self.provider = self._session.get_providers()[0]
        self._check_shapes()
        # The raw feature map (N x 1280 x 7 x 7) is not fetched: the heatmap needs only ``cam``.
        extras = (card.output.features, card.output.cam, card.output.logits)
        outs = [card.output.name] + [n for n in extras if n]
        self._output_names = outs

    @classmethod
    def from_path(cls, path: Path, providers: str | list[str] = "auto") -> ModelSession:
        """Load the card beside ``path`` (an ``.onnx`` or ``.json``) and open a session."""
        return cls(load_card(path), providers)

    def _check_shapes(self) -> None:
        card, src = self.card, self.card.model_path
        inputs = {i.name: i for i in self._session.get_inputs()}
        if card.input.name not in inputs:
            raise CardError(f"{src}: the card's input {card.input.name!r} is not a model input ({', '.join(inputs)})")
        shape = list(inputs[card.input.name].shape)
        height, width = card.input.size
        expected = [3, height, width] if card.input.layout == "NCHW" else [height, width, 3]
        if len(shape) != 4 or any(isinstance(d, int) and d != e for d, e in zip(shape[1:], expected, strict=True)):
            raise CardError(
                f"{src}: model input shape {shape} disagrees with the card ({card.input.layout}, {height}x{width})"
            )
        outputs = {o.name: o for o in self._session.get_outputs()}
        for name in [card.output.name, card.output.features, card.output.feature_map, card.output.cam,
                     card.output.logits]:
            if name and name not in outputs:
                raise CardError(f"{src}: the card's output {name!r} is not a model output ({', '.join(outputs)})")
        out_shape = list(outputs[card.output.name].shape)
        last = out_shape[-1] if out_shape else None
        if len(out_shape) != 2 or (isinstance(last, int) and last != len(card.output.labels)):
            raise CardError(
                f"{src}: model output shape {out_shape} disagrees with the card's {len(card.output.labels)} labels"
            )

    @property
    def model_ref(self) -> ModelRef:
        """Name, version and sha256 of the loaded model."""
        return ModelRef(self.card.name, self.card.version, self.card.sha256)

    def raw_scores(self, batch: np.ndarray) -> np.ndarray:
        """The card's class-score output as the model returns it (no softmax, no temperature)."""
        return np.asarray(self._session.run([self.card.output.name], {self.card.input.name: batch})[0])

    def run(self, batch: np.ndarray) -> RawOutputs:
        """Run a preprocessed float32 batch; returns calibrated probabilities and extra outputs."""
        results: list[Any] = self._session.run(self._output_names, {self.card.input.name: batch})
        raw = np.asarray(results[0], dtype=np.float64)
        temperature = self.card.output.temperature
        if self.card.output.kind == "logits":
            probs = _softmax(raw / temperature)
        else:
            # Temperature on probabilities acts on their logarithms, which is the same as on logits.
            probs = _softmax(np.log(np.clip(raw, 1e-12, 1.0)) / temperature)
        extras = {name: np.asarray(val) for name, val in zip(self._output_names[1:], results[1:], strict=True)}
        return RawOutputs(probs, extras, raw)

    def predict_images(
        self, images: list[np.ndarray], names: list[str], decode_ms: list[float] | None = None
    ) -> list[Prediction]:
        """Preprocess and classify a batch of HxWx3 uint8 RGB pictures."""
        t0 = time.perf_counter()
        batch = preprocess_batch(images, self.card.input)
        pre_ms = (time.perf_counter() - t0) * 1000 / len(images)
        return self.predict_batch(batch, names, decode_ms, [pre_ms] * len(images))

    def predict_batch(
        self,
        batch: np.ndarray,
        names: list[str],
        decode_ms: list[float] | None = None,
        preprocess_ms: list[float] | None = None,
    ) -> list[Prediction]:
        """Classify an already preprocessed float32 batch (rows made by ``preprocess``), one name per row.

        Lets a pipeline preprocess in its decode threads, off the inference thread.
        """
        t1 = time.perf_counter()
        probs = self.run(batch).probabilities
        n = len(names)
        inf_ms = (time.perf_counter() - t1) * 1000 / n
        preds = []
        for i in range(n):
            timings = Timings(decode_ms[i] if decode_ms else 0.0, preprocess_ms[i] if preprocess_ms else 0.0, inf_ms)
            preds.append(self._prediction(names[i], probs[i], timings))
        return preds

    def _prediction(self, name: str, probs: np.ndarray, timings: Timings) -> Prediction:
        labels = self.card.output.labels
        return Prediction(
            image=name,
            probabilities={label: float(probs[j]) for j, label in enumerate(labels)},
            positive_label=self.card.output.positive_label,
            threshold=self.card.threshold,
            model=self.model_ref,
            provider=self.provider,
            timings=timings,
        )
