"""Which CPU settings are fastest here: ONNX Runtime session options, JPEG decoders, folder pipeline.

    .venv/bin/python benchmarks/fastpath.py [--model M.onnx] [--quick] [--only session,decode,pipeline]

Session variants each run in a child process (own load time and peak memory): intra-op threads,
graph optimisation level, the CPU memory arena, thread spinning, a batch axis fixed to 1, and a
graph optimised ahead of time (.onnx and .ort). The decoder and pipeline comparisons are in
``fp_decode.py`` and ``fp_pipeline.py``, run from here in children too.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchlib import HERE, cpu_description, run_child, thread_env, write_result

VARIANTS: dict[str, dict[str, Any]] = {
    "app default (ALL, N threads, arena, spinning)": {},
    "1 intra-op thread": {"threads": 1},
    "ORT_ENABLE_EXTENDED": {"opt": "extended"},
    "ORT_ENABLE_BASIC": {"opt": "basic"},
    "cpu mem arena off": {"arena": 0},
    "thread spinning off": {"spin": 0},
    "batch axis fixed to 1": {"fix_batch": 1},
    "pre-optimised .onnx (ALL, saved)": {"source": "onnx"},
    "pre-optimised .ort (ALL, saved)": {"source": "ort"},
}


def make_options(opt: str = "all", threads: int = 1, arena: int = 1, spin: int = 1, fix_batch: int = 0,
                 input_dim: str | None = None) -> Any:
    """ONNX Runtime session options for one variant."""
    import onnxruntime as ort

    o = ort.SessionOptions()
    o.graph_optimization_level = {
        "all": ort.GraphOptimizationLevel.ORT_ENABLE_ALL, "extended": ort.GraphOptimizationLevel.ORT_ENABLE_EXTENDED,
        "basic": ort.GraphOptimizationLevel.ORT_ENABLE_BASIC, "none": ort.GraphOptimizationLevel.ORT_DISABLE_ALL,
    }[opt]
    o.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    o.intra_op_num_threads = threads
    o.inter_op_num_threads = 1
    o.enable_cpu_mem_arena = bool(arena)
    o.log_severity_level = 3
    if not spin:
        o.add_session_config_entry("session.intra_op.allow_spinning", "0")
    if fix_batch and input_dim:
        o.add_free_dimension_override_by_name(input_dim, fix_batch)
    return o


def save_optimised(model: Path, out: Path, fmt: str) -> None:
    """Let ONNX Runtime optimise the graph (ORT_ENABLE_ALL) once and save it as .onnx or .ort."""
    import onnxruntime as ort

    o = make_options()
    o.optimized_model_filepath = str(out)
    if fmt == "ort":
        o.add_session_config_entry("session.save_model_format", "ORT")
    ort.InferenceSession(str(model), o, providers=["CPUExecutionProvider"])


def _session_child(args: argparse.Namespace) -> dict[str, Any]:
    import numpy as np
    import onnxruntime as ort

    from dermassist.inference.card import load_card

    card = load_card(Path(args.model))
    model_file = Path(args.file) if args.file else card.model_path
    probe = ort.InferenceSession(str(card.model_path), providers=["CPUExecutionProvider"])
    dim0 = probe.get_inputs()[0].shape[0]
    del probe
    opts = make_options(args.opt, args.threads, args.arena, args.spin, args.fix_batch,
                        dim0 if isinstance(dim0, str) else None)
    t0 = time.perf_counter()
    sess = ort.InferenceSession(str(model_file), opts, providers=["CPUExecutionProvider"])
    load_s = time.perf_counter() - t0
    h, w = card.input.size
    out: dict[str, Any] = {"load_s": load_s}
    outputs = [n for n in (card.output.name, card.output.features, card.output.cam) if n]
    for batch, reps in ((1, args.repeats), (8, max(3, args.repeats // 5))):
        if args.fix_batch and batch != args.fix_batch:
            continue
        x = np.random.default_rng(0).standard_normal((batch, 3, h, w), dtype=np.float32)
        times = []
        for i in range(args.warmup + reps):
            t = time.perf_counter()
            sess.run(outputs, {card.input.name: x})
            if i >= args.warmup:
                times.append((time.perf_counter() - t) * 1000)
        out[f"b{batch}"] = {"median": statistics.median(times), "min": min(times), "max": max(times)}
    return out


def run_sessions(model: Path, threads: int, quick: bool, work: Path) -> None:
    """Every session variant in its own child; prints a table."""
    files = {}
    for fmt in ("onnx", "ort"):
        files[fmt] = work / f"optimised.{fmt}"
        save_optimised(model, files[fmt], fmt)
    reps, warm = (5, 2) if quick else (40, 10)
    print("\n### ONNX Runtime session variants (batch 1 and 8, ms; load in s)\n")
    print("| variant | load s | batch 1 median | min | max | batch 8 median | per image | peak RSS MB |")
    print("|---|---|---|---|---|---|---|---|")
    for name, v in VARIANTS.items():
        argv = [str(HERE / "fastpath.py"), "--child", "session", "--model", str(model),
                "--threads", str(v.get("threads", threads)), "--opt", v.get("opt", "all"),
                "--arena", str(v.get("arena", 1)), "--spin", str(v.get("spin", 1)),
                "--fix-batch", str(v.get("fix_batch", 0)), "--repeats", str(reps), "--warmup", str(warm)]
        if "source" in v:
            argv += ["--file", str(files[v["source"]])]
        res = run_child(argv, work / "variant.json", thread_env(threads))
        d = res.data
        if not d.get("b1"):
            print(f"| {name} | failed: {res.stderr.strip().splitlines()[-1:]} |")
            continue
        b8 = d.get("b8")
        b8s = f"{b8['median']:.1f} | {b8['median'] / 8:.2f}" if b8 else "n/a | n/a"
        print(f"| {name} | {d['load_s']:.3f} | {d['b1']['median']:.2f} | {d['b1']['min']:.2f} | {d['b1']['max']:.2f} "
              f"| {b8s} | {d['peak_rss_mb']:.0f} |", flush=True)


def main(argv: list[str]) -> int:
    """Run the comparisons (or one child measurement with --child)."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", type=Path)
    parser.add_argument("--random-model", action="store_true")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--only", default="session,decode,pipeline")
    parser.add_argument("--threads", type=int, default=int(cpu_description()["usable_cpus"] or 1))
    parser.add_argument("--data", type=Path)
    # child mode
    parser.add_argument("--child", choices=["session"])
    parser.add_argument("--result")
    parser.add_argument("--opt", default="all")
    parser.add_argument("--arena", type=int, default=1)
    parser.add_argument("--spin", type=int, default=1)
    parser.add_argument("--fix-batch", type=int, default=0)
    parser.add_argument("--file")
    parser.add_argument("--repeats", type=int, default=40)
    parser.add_argument("--warmup", type=int, default=10)
    args = parser.parse_args(argv)
    if args.child == "session":
        write_result(args.result, _session_child(args))
        return 0

    from run import DEFAULT_DATA, resolve_model

    model, origin = resolve_model(args.model, args.random_model)
    data = args.data or DEFAULT_DATA
    cpu = cpu_description()
    print(f"Fast-path comparisons: {model.name} ({origin}); {cpu['model']}, {args.threads} thread(s); "
          f"load average {cpu['loadavg']}")
    only = {s.strip() for s in args.only.split(",")}
    quick = ["--quick"] if args.quick else []
    with tempfile.TemporaryDirectory(prefix="dermassist-fastpath-") as tmp:
        work = Path(tmp)
        if "session" in only:
            run_sessions(model, args.threads, args.quick, work)
        for key, script in (("decode", "fp_decode.py"), ("pipeline", "fp_pipeline.py")):
            if key in only:
                res = run_child([str(HERE / script), "--model", str(model), "--data", str(data),
                                 "--threads", str(args.threads), "--work", str(work), *quick],
                                work / f"{key}.json", thread_env(args.threads), stdout=None)
                if res.returncode != 0:
                    print(f"{script} failed: {res.stderr[-1500:]}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
