"""Build a tiny random-weight ONNX classifier and its card for tests (no torch needed)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

from dermassist import INTENDED_USE
from dermassist.inference.card import ModelCard, card_from_dict, sha256_file, write_card


def build_tiny_onnx(
    path: Path,
    size: int = 32,
    layout: str = "NCHW",
    output_kind: str = "logits",
    seed: int = 0,
    with_extras: bool = True,
    with_cam: bool = False,
) -> None:
    """Conv(3->4) + ReLU + global average pool + Gemm(4->2); optional softmax; NCHW or NHWC input.

    Extra outputs ``features`` (pooled, N x 4) and ``feature_map`` (N x 4 x h x w) mimic what the
    trained models export for the out-of-distribution check and heatmaps; ``with_cam`` adds ``cam``
    (N x h x w) = (fc[malignant] - fc[benign]) . feature_map, the exact CAM of the linear head.
    """
    rng = np.random.default_rng(seed)
    w = rng.normal(0, 0.5, (4, 3, 3, 3)).astype(np.float32)
    b = rng.normal(0, 0.1, (4,)).astype(np.float32)
    fc = rng.normal(0, 1.0, (2, 4)).astype(np.float32)
    fcb = np.array([0.2, -0.2], np.float32)
    shape = ["N", 3, size, size] if layout == "NCHW" else ["N", size, size, 3]
    nodes = []
    src = "input"
    if layout == "NHWC":
        nodes.append(helper.make_node("Transpose", ["input"], ["x_nchw"], perm=[0, 3, 1, 2]))
        src = "x_nchw"
    nodes += [
        helper.make_node("Conv", [src, "w", "b"], ["conv"], pads=[1, 1, 1, 1], strides=[2, 2]),
        helper.make_node("Relu", ["conv"], ["feature_map"]),
        helper.make_node("GlobalAveragePool", ["feature_map"], ["pooled"]),
        helper.make_node("Flatten", ["pooled"], ["features"], axis=1),
        helper.make_node("Gemm", ["features", "fc", "fcb"], ["logits"], transB=1),
    ]
    if with_cam:
        camw = (fc[1] - fc[0]).reshape(1, 4, 1, 1).astype(np.float32)
        nodes += [
            helper.make_node("Conv", ["feature_map", "camw"], ["cam4"]),
            helper.make_node("Squeeze", ["cam4", "cam_axis"], ["cam"]),
        ]
    out_name = "logits"
    if output_kind == "probabilities":
        nodes.append(helper.make_node("Softmax", ["logits"], ["probabilities"], axis=1))
        out_name = "probabilities"
    outputs = [helper.make_tensor_value_info(out_name, TensorProto.FLOAT, ["N", 2])]
    if with_extras:
        outputs += [
            helper.make_tensor_value_info("features", TensorProto.FLOAT, ["N", 4]),
            helper.make_tensor_value_info("feature_map", TensorProto.FLOAT, ["N", 4, size // 2, size // 2]),
        ]
    if with_cam:
        outputs.append(helper.make_tensor_value_info("cam", TensorProto.FLOAT, ["N", size // 2, size // 2]))
    graph = helper.make_graph(
        nodes,
        "tiny",
        [helper.make_tensor_value_info("input", TensorProto.FLOAT, shape)],
        outputs,
        [numpy_helper.from_array(a, n) for a, n in ((w, "w"), (b, "b"), (fc, "fc"), (fcb, "fcb"))]
        + (
            [numpy_helper.from_array(camw, "camw"), numpy_helper.from_array(np.array([1], np.int64), "cam_axis")]
            if with_cam
            else []
        ),
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, str(path))


def card_dict(
    onnx_path: Path, size: int = 32, layout: str = "NCHW", output_kind: str = "logits", with_cam: bool = False
) -> dict:
    """A complete, valid card dictionary for a tiny model."""
    data = {
        "schema_version": 1,
        "name": "tiny-test-model",
        "architecture": "tiny-cnn",
        "version": "0.0.1",
        "file": onnx_path.name,
        "sha256": sha256_file(onnx_path),
        "input": {
            "name": "input",
            "size": [size, size],
            "layout": layout,
            "resize": "squash",
            "interpolation": "area",
            "channel_order": "RGB",
            "pixel_scale": 1 / 255,
            "mean": [0.485, 0.456, 0.406],
            "std": [0.229, 0.224, 0.225],
        },
        "output": {
            "name": "logits" if output_kind == "logits" else "probabilities",
            "kind": output_kind,
            "labels": ["benign", "malignant"],
            "positive_label": "malignant",
            "temperature": 1.0,
            "features": "features",
            "feature_map": "feature_map",
        },
        "threshold": 0.5,
        "training_data": {"description": "none: random weights for tests", "licence": "n/a"},
        "metrics": {},
        "intended_use": INTENDED_USE,
        "limitations": ["random weights; classifies nothing"],
    }
    if with_cam:
        data["output"]["cam"] = "cam"
    return data


def make_tiny_model(
    folder: Path, size: int = 32, layout: str = "NCHW", output_kind: str = "logits", with_cam: bool = False
) -> ModelCard:
    """Write ``tiny.onnx`` and ``tiny.json`` into ``folder`` and return the validated card."""
    folder.mkdir(parents=True, exist_ok=True)
    onnx_path = folder / "tiny.onnx"
    build_tiny_onnx(onnx_path, size=size, layout=layout, output_kind=output_kind, with_cam=with_cam)
    card = card_from_dict(card_dict(onnx_path, size, layout, output_kind, with_cam), folder / "tiny.json")
    write_card(card, folder / "tiny.json")
    return card


def build_keras_like_onnx(
    path: Path, size: int = 64, seed: int = 3, producer: str = "tf2onnx", rescaling: bool = False,
    opaque_head: bool = False,
) -> None:
    """What tf2onnx's plain ``from_keras`` makes of a Keras CNN with a ``Dense(2, softmax)`` head.

    NHWC float input named ``keras_tensor``, output ``dense`` (softmax probabilities), producer
    ``tf2onnx 1.17.0``, opset 13. The weights expect keras.applications 'caffe' inputs (BGR, 0..255
    minus the ImageNet mean): the conv weights are scaled so the logits spread over several units.
    ``rescaling`` starts the graph with a ``Mul`` by 1/255, as a Keras ``Rescaling`` layer exports;
    ``opaque_head`` passes the dense kernel through an ``Identity``, so its features cannot be found.
    """
    rng = np.random.default_rng(seed)
    w = (rng.normal(0, 0.5, (8, 3, 3, 3)) / 60).astype(np.float32)
    b = rng.normal(0, 0.1, (8,)).astype(np.float32)
    kernel = rng.normal(0, 1.5, (8, 2)).astype(np.float32)
    bias = np.array([0.3, -0.3], np.float32)
    first = "keras_tensor"
    nodes = []
    if rescaling:
        nodes.append(helper.make_node("Mul", ["keras_tensor", "rescale"], ["rescaled"]))
        first = "rescaled"
    nodes += [
        helper.make_node("Transpose", [first], ["x_nchw"], perm=[0, 3, 1, 2]),
        helper.make_node("Conv", ["x_nchw", "conv_w", "conv_b"], ["conv"], pads=[1, 1, 1, 1], strides=[2, 2]),
        helper.make_node("Relu", ["conv"], ["relu"]),
        helper.make_node("GlobalAveragePool", ["relu"], ["pooled"]),
        helper.make_node("Flatten", ["pooled"], ["flat"], axis=1),
        *([helper.make_node("Identity", ["dense_kernel"], ["kernel_read"])] if opaque_head else []),
        helper.make_node("MatMul", ["flat", "kernel_read" if opaque_head else "dense_kernel"], ["dense_mm"]),
        helper.make_node("Add", ["dense_mm", "dense_bias"], ["dense_logits"]),
        helper.make_node("Softmax", ["dense_logits"], ["dense"], axis=1),
    ]
    graph = helper.make_graph(
        nodes,
        "tf2onnx",
        [helper.make_tensor_value_info("keras_tensor", TensorProto.FLOAT, ["unk__0", size, size, 3])],
        [helper.make_tensor_value_info("dense", TensorProto.FLOAT, ["unk__1", 2])],
        [numpy_helper.from_array(a, n) for a, n in
         ((w, "conv_w"), (b, "conv_b"), (kernel, "dense_kernel"), (bias, "dense_bias"))]
        + ([numpy_helper.from_array(np.array(1 / 255, np.float32), "rescale")] if rescaling else []),
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)],
                              producer_name=producer, producer_version="1.17.0")
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, str(path))
