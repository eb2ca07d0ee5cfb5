"""Count a model's floating-point operations from its ONNX graph.

Only the multiply-accumulate operators are counted (Conv, ConvTranspose, Gemm, MatMul, Einsum):
each MAC is two FLOPs. Element-wise work (BatchNorm folded or not, ReLU6, Add, pooling) is left out,
so the figure is the arithmetic a GEMM-speed machine cannot avoid: the base of the 'floor'.

Shapes come from ONNX shape inference with the batch axis fixed (dynamic axes become ``batch``).

    .venv/bin/python benchmarks/flops.py MODEL.onnx
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from math import prod
from pathlib import Path
from typing import Any

MAC_OPS = ("Conv", "ConvTranspose", "Gemm", "MatMul", "Einsum")


@dataclass(frozen=True)
class FlopReport:
    """FLOPs (2 x MACs) for one forward pass at ``batch``, in total and by operator type."""

    batch: int
    flops: int
    by_op: dict[str, int] = field(default_factory=dict)
    nodes: int = 0
    depthwise_flops: int = 0  # grouped convolutions with one input channel per group

    @property
    def per_image(self) -> float:
        """FLOPs per image."""
        return self.flops / self.batch


def _fixed_shapes(model: Any, batch: int) -> dict[str, list[int]]:
    """Every tensor's static shape after fixing symbolic dimensions of the inputs to ``batch``."""
    import onnx

    model = onnx.ModelProto.FromString(model.SerializeToString())
    init_names = {i.name for i in model.graph.initializer}
    for inp in model.graph.input:
        if inp.name in init_names:
            continue
        for dim in inp.type.tensor_type.shape.dim:
            if not dim.HasField("dim_value"):
                dim.dim_value = batch
    inferred = onnx.shape_inference.infer_shapes(model, strict_mode=False, data_prop=True)
    shapes: dict[str, list[int]] = {}
    for vi in list(inferred.graph.input) + list(inferred.graph.value_info) + list(inferred.graph.output):
        tt = vi.type.tensor_type
        if tt.HasField("shape"):
            dims = [d.dim_value if d.HasField("dim_value") else -1 for d in tt.shape.dim]
            shapes[vi.name] = dims
    for init in inferred.graph.initializer:
        shapes[init.name] = list(init.dims)
    return shapes


def _attr(node: Any, name: str, default: Any) -> Any:
    import onnx

    for a in node.attribute:
        if a.name == name:
            return onnx.helper.get_attribute_value(a)
    return default


def _known(*shapes: list[int] | None) -> bool:
    return all(s is not None and all(d > 0 for d in s) for s in shapes)


def _node_macs(node: Any, shapes: dict[str, list[int]]) -> tuple[int, bool]:
    """(MACs, is_depthwise) of one node; raises ValueError when a needed shape is unknown."""
    get = shapes.get
    if node.op_type in ("Conv", "ConvTranspose"):
        x, w = get(node.input[0]), get(node.input[1])
        y = get(node.output[0])
        if not _known(x, w, y):
            raise ValueError(f"{node.op_type} {node.name!r}: shapes unknown")
        assert x is not None and w is not None and y is not None
        group = int(_attr(node, "group", 1))
        kernel = prod(w[2:])
        # Conv w: (M, C/group, k...): every output element needs C/group x k MACs.
        # ConvTranspose w: (C, M/group, k...): every input element is spread over M/group x k outputs.
        macs = prod(y if node.op_type == "Conv" else x) * w[1] * kernel
        return macs, group > 1 and w[1] == 1
    if node.op_type == "Gemm":
        a, b = get(node.input[0]), get(node.input[1])
        if not _known(a, b):
            raise ValueError(f"Gemm {node.name!r}: shapes unknown")
        assert a is not None and b is not None
        m, k = (a[1], a[0]) if _attr(node, "transA", 0) else (a[0], a[1])
        n = b[0] if _attr(node, "transB", 0) else b[1]
        return m * k * n, False
    if node.op_type == "MatMul":
        a, b, y = get(node.input[0]), get(node.input[1]), get(node.output[0])
        if not _known(a, b, y):
            raise ValueError(f"MatMul {node.name!r}: shapes unknown")
        assert a is not None and y is not None
        return prod(y) * a[-1], False
    if node.op_type == "Einsum":
        raw = _attr(node, "equation", b"")
        equation = raw.decode() if isinstance(raw, bytes) else str(raw)
        lhs = equation.replace(" ", "").split("->")[0].split(",")
        sizes: dict[str, int] = {}
        for term, name in zip(lhs, node.input, strict=False):
            shape = get(name)
            if shape is None or "." in term or len(term) != len(shape):
                raise ValueError(f"Einsum {node.name!r}: shapes unknown or ellipsis")
            sizes.update({c: d for c, d in zip(term, shape, strict=True)})
        # Every combination of all indices is one multiply-accumulate.
        return prod(sizes.values()), False
    return 0, False


def count_flops(path: Path, batch: int = 1) -> FlopReport:
    """FLOPs of one forward pass of the ONNX model at ``path`` with ``batch`` images.

    Raises ValueError when a MAC operator's shapes cannot be inferred statically.
    """
    import onnx

    model = onnx.load(str(path))
    shapes = _fixed_shapes(model, batch)
    by_op: dict[str, int] = {}
    depthwise = 0
    nodes = 0
    for node in model.graph.node:
        if node.op_type not in MAC_OPS:
            continue
        macs, is_dw = _node_macs(node, shapes)
        nodes += 1
        by_op[node.op_type] = by_op.get(node.op_type, 0) + 2 * macs
        if is_dw:
            depthwise += 2 * macs
    return FlopReport(batch, sum(by_op.values()), by_op, nodes, depthwise)


def main(argv: list[str]) -> int:
    """Print the FLOP count of each model named on the command line."""
    for arg in argv:
        rep = count_flops(Path(arg))
        parts = ", ".join(f"{op} {v / 1e9:.3f}" for op, v in sorted(rep.by_op.items()))
        print(f"{arg}: {rep.per_image / 1e9:.4f} GFLOP per image ({parts}; depthwise {rep.depthwise_flops / 1e9:.3f};"
              f" {rep.nodes} MAC nodes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
