"""The speed benchmark: its FLOP counter by hand, and a --quick run that prints the whole table."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import onnx
import pytest
from onnx import TensorProto, helper, numpy_helper

from dermassist.inference.card import ModelCard

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "benchmarks"
sys.path.insert(0, str(BENCH))

from flops import count_flops  # noqa: E402


def test_flops_of_the_tiny_model_by_hand(tiny_model: ModelCard) -> None:
    # Conv 3->4, 3x3, stride 2 on 32x32 -> 4x16x16 outputs of 27 MACs each; Gemm 4->2 is 8 MACs.
    rep = count_flops(tiny_model.model_path)
    assert rep.by_op == {"Conv": 2 * 4 * 16 * 16 * 27, "Gemm": 2 * 8}
    assert rep.flops == 2 * (4 * 16 * 16 * 27 + 8) and rep.nodes == 2 and rep.depthwise_flops == 0
    assert count_flops(tiny_model.model_path, batch=4).per_image == rep.per_image


def test_flops_of_depthwise_conv_matmul_and_einsum(tmp_path: Path) -> None:
    import numpy as np

    w = np.zeros((8, 1, 3, 3), np.float32)  # depthwise: 8 groups of one channel
    m = np.zeros((8, 5), np.float32)
    nodes = [
        helper.make_node("Conv", ["x", "w"], ["y"], group=8, pads=[1, 1, 1, 1]),
        helper.make_node("ReduceMean", ["y"], ["p"], axes=[2, 3], keepdims=0),
        helper.make_node("MatMul", ["p", "m"], ["z"]),
        helper.make_node("Einsum", ["y", "v"], ["cam"], equation="nchw,c->nhw"),
    ]
    graph = helper.make_graph(
        nodes, "g", [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["batch", 8, 10, 10])],
        [helper.make_tensor_value_info("z", TensorProto.FLOAT, ["batch", 5]),
         helper.make_tensor_value_info("cam", TensorProto.FLOAT, ["batch", 10, 10])],
        [numpy_helper.from_array(w, "w"), numpy_helper.from_array(m, "m"),
         numpy_helper.from_array(np.zeros(8, np.float32), "v")],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    path = tmp_path / "g.onnx"
    onnx.save(model, str(path))
    rep = count_flops(path, batch=2)
    assert rep.by_op["Conv"] == 2 * 2 * 8 * 10 * 10 * 9 == rep.depthwise_flops
    assert rep.by_op["MatMul"] == 2 * 2 * 8 * 5
    assert rep.by_op["Einsum"] == 2 * 2 * 8 * 10 * 10


def test_quick_run_prints_the_whole_table(tiny_model: ModelCard, tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, str(BENCH / "run.py"), "--quick", "--model", str(tiny_model.model_path),
         "--json", str(tmp_path / "raw.json")],
        capture_output=True, text=True, env=env, timeout=600, cwd=ROOT,
    )
    assert out.returncode == 0, out.stderr[-3000:]
    text = out.stdout
    assert "CPU:" in text and "tiny.onnx" in text and "GFLOP per image" in text
    assert "| measurement | median | min | max | unit | floor | x floor | peak RSS MB | target | notes |" in text
    rows = {line.split("|")[1].strip(): [c.strip() for c in line.split("|")[2:-1]]
            for line in text.splitlines() if line.startswith("| ") and "---" not in line}
    gemm = next(v for k, v in rows.items() if k.startswith("float32 GEMM rate"))
    assert float(gemm[0]) > 0
    for name in ("inference only, batch 1", "inference only, batch 8 (whole batch)"):
        median, floor, ratio, rss = float(rows[name][0]), float(rows[name][4]), float(rows[name][5]), rows[name][6]
        assert median > 0 and floor > 0 and ratio == pytest.approx(median / floor, rel=0.25) and float(rss) > 0
    e2e = [k for k in rows if k.startswith("end-to-end")]
    assert len(e2e) == 3 and all(float(rows[k][0]) > 0 for k in e2e)
    folder = next(k for k in rows if k.startswith("dermassist classify, folder of 48"))
    assert float(rows[folder][0]) > 0 and "% of batch-8 inference throughput" in rows[folder][-1]
    for label in ("usable window", "model loaded", "first result"):
        row = rows[f"cold start to {label}"]
        # Measured, or n/a with the reason (e.g. no Qt platform libraries on this machine).
        assert (row[0] != "n/a" and float(row[0]) > 0) or row[-1].startswith("n/a: ")
    assert (tmp_path / "raw.json").is_file()


def test_folder_pipeline_preprocesses_off_the_inference_thread(
    tiny_model: ModelCard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from conftest import make_rgb
    from PIL import Image

    import dermassist.inference.pipeline as pipeline
    from dermassist.inference.session import ModelSession

    paths = []
    for i in range(5):
        p = tmp_path / f"p{i}.jpg"
        Image.fromarray(make_rgb(120 + 10 * i, 90, seed=i)).save(p, quality=90)
        paths.append(p)
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8 not really")
    paths.insert(2, broken)
    threads: set[str] = set()
    real = pipeline.preprocess

    def spy(rgb, spec):  # type: ignore[no-untyped-def]
        threads.add(threading.current_thread().name)
        return real(rgb, spec)

    monkeypatch.setattr(pipeline, "preprocess", spy)
    session = ModelSession(tiny_model, "cpu")
    results = list(pipeline.classify_paths(session, paths, batch_size=2, workers=2))
    assert threading.main_thread().name not in threads and threads
    assert isinstance(results[2], pipeline.Failure) and "broken.jpg" in results[2].error
    from dermassist.imaging.loading import load_image

    for path, res in zip(paths, results, strict=True):
        if path == broken:
            continue
        assert not isinstance(res, pipeline.Failure) and res.image == str(path)
        rgb = load_image(path, min_size=(32, 32)).rgb
        assert res.malignant == pytest.approx(session.predict_images([rgb], ["x"])[0].malignant, abs=1e-6)
        assert res.timings.decode_ms > 0 and res.timings.preprocess_ms > 0 and res.timings.inference_ms > 0
