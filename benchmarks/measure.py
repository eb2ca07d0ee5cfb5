"""Measurement worker: one measurement per process so each has its own peak memory.

Started by ``benchmarks/run.py``; every task writes one JSON object to ``--result FILE``. Thread
counts of BLAS libraries are set by the parent through the environment before numpy loads.

Tasks: ``gemm`` (float32 matmul rate), ``infer`` (ModelSession.run on a preprocessed batch),
``e2e`` (load_image + predict_images per file, plus batch-1 inference in the same process),
``cli`` (``dermassist`` command line in-process, timing each result line).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Any

from benchlib import Stats, write_result


def _gemm(args: argparse.Namespace) -> dict[str, Any]:
    import numpy as np

    n = args.n
    rng = np.random.default_rng(0)
    a = rng.standard_normal((n, n), dtype=np.float32)
    b = rng.standard_normal((n, n), dtype=np.float32)
    c = np.empty((n, n), dtype=np.float32)
    rates = []
    for i in range(args.warmup + args.repeats):
        t0 = time.perf_counter()
        np.matmul(a, b, out=c)
        dt = time.perf_counter() - t0
        if i >= args.warmup:
            rates.append(2 * n**3 / dt / 1e9)
    out: dict[str, Any] = {"n": n, "gflops": Stats.of(rates).to_dict(), "library": "numpy"}
    try:
        out["blas"] = np.show_config(mode="dicts")["Build Dependencies"]["blas"]["name"]  # type: ignore[index]
    except Exception:  # noqa: BLE001 - informative only
        out["blas"] = "?"
    if args.torch:
        out["torch_gflops"] = _torch_gemm(n, args.threads, args.warmup, args.repeats)
    return out


def _torch_gemm(n: int, threads: int, warmup: int, repeats: int) -> dict[str, float] | None:
    try:
        import torch
    except ImportError:
        return None
    torch.set_num_threads(threads)
    a, b = torch.randn(n, n), torch.randn(n, n)
    rates = []
    for i in range(warmup + repeats):
        t0 = time.perf_counter()
        torch.mm(a, b)
        dt = time.perf_counter() - t0
        if i >= warmup:
            rates.append(2 * n**3 / dt / 1e9)
    return Stats.of(rates).to_dict()


def _session(args: argparse.Namespace) -> Any:
    from dermassist.inference.card import load_card
    from dermassist.inference.session import ModelSession

    return ModelSession(load_card(Path(args.model)), providers="cpu", threads=args.threads)


def _infer(args: argparse.Namespace) -> dict[str, Any]:
    import numpy as np

    t0 = time.perf_counter()
    session = _session(args)
    load_s = time.perf_counter() - t0
    h, w = session.card.input.size
    shape = (args.batch, 3, h, w) if session.card.input.layout == "NCHW" else (args.batch, h, w, 3)
    batch = np.random.default_rng(0).standard_normal(shape, dtype=np.float32)
    times = []
    for i in range(args.warmup + args.repeats):
        t = time.perf_counter()
        session.run(batch)
        if i >= args.warmup:
            times.append((time.perf_counter() - t) * 1000)
    return {"batch": args.batch, "ms": Stats.of(times).to_dict(), "load_s": load_s, "threads": args.threads}


def _e2e(args: argparse.Namespace) -> dict[str, Any]:
    import numpy as np

    from dermassist.imaging.loading import load_image

    session = _session(args)
    h, w = session.card.input.size
    paths = [Path(p) for p in Path(args.images).read_text(encoding="utf-8").split("\n") if p]
    totals, decode, pre, inf = [], [], [], []
    per_file: dict[str, list[float]] = {p.name: [] for p in paths}
    for r in range(args.warmup + args.repeats):
        for p in paths:
            t0 = time.perf_counter()
            loaded = load_image(p, min_size=(w, h))
            t1 = time.perf_counter()
            pred = session.predict_images([loaded.rgb], [p.name], [(t1 - t0) * 1000])[0]
            total = (time.perf_counter() - t0) * 1000
            if r >= args.warmup:
                totals.append(total)
                per_file[p.name].append(total)
                decode.append(pred.timings.decode_ms)
                pre.append(pred.timings.preprocess_ms)
                inf.append(pred.timings.inference_ms)
    # Inference alone at batch 1 in this same process, for "end-to-end = inference + overhead".
    shape = (1, 3, h, w) if session.card.input.layout == "NCHW" else (1, h, w, 3)
    x = np.random.default_rng(0).standard_normal(shape, dtype=np.float32)
    inf_only = []
    for i in range(args.warmup + args.repeats * 2):
        t = time.perf_counter()
        session.run(x)
        if i >= args.warmup:
            inf_only.append((time.perf_counter() - t) * 1000)
    return {
        "ms": Stats.of(totals).to_dict(),
        "decode_ms": Stats.of(decode).to_dict(),
        "preprocess_ms": Stats.of(pre).to_dict(),
        "inference_ms": Stats.of(inf).to_dict(),
        "inference_only_ms": Stats.of(inf_only).to_dict(),
        "per_file_median_ms": {k: Stats.of(v).median for k, v in per_file.items() if v},
        "files": len(paths),
    }


class _LineClock:
    """A stdout stand-in that counts result lines and notes when the first and last arrived."""

    def __init__(self) -> None:
        self.lines = 0
        self.first: float | None = None
        self.after_first_batch: float | None = None
        self.last: float | None = None
        self.batch = 8

    def write(self, text: str) -> int:
        now = time.time()
        for _ in range(text.count("\n")):
            self.lines += 1
            self.first = self.first or now
            if self.lines == self.batch:
                self.after_first_batch = now
            self.last = now
        return len(text)

    def flush(self) -> None:
        pass


def _cli(args: argparse.Namespace) -> dict[str, Any]:
    started_at = float(os.environ.get("BENCH_T0", time.time()))
    clock = _LineClock()
    real_stdout = sys.stdout
    sys.stdout = clock  # type: ignore[assignment]
    try:
        from dermassist.cli import main

        status = main(args.argv)
    finally:
        sys.stdout = real_stdout
    end = time.time()
    out: dict[str, Any] = {"status": status, "lines": clock.lines, "total_s": end - started_at}
    if clock.first and clock.last:
        out["first_result_s"] = clock.first - started_at
        if clock.after_first_batch and clock.lines > clock.batch:
            # Steady state: results after the first batch, over the time they took.
            out["steady_images_per_s"] = (clock.lines - clock.batch) / max(1e-9, clock.last - clock.after_first_batch)
        out["images_per_s_incl_startup"] = clock.lines / (end - started_at)
    return out


def main(argv: list[str]) -> int:
    """Run one task and write its JSON result."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("task", choices=["gemm", "infer", "e2e", "cli"])
    parser.add_argument("--result")
    parser.add_argument("--model")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--batch", type=int, default=1)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--repeats", type=int, default=10)
    parser.add_argument("--n", type=int, default=2048, help="gemm: matrix size")
    parser.add_argument("--torch", action="store_true", help="gemm: also measure torch.mm when installed")
    parser.add_argument("--images", help="e2e: a text file with one image path per line")
    parser.add_argument("argv", nargs="*", help="cli: the dermassist arguments (after --)")
    args = parser.parse_args(argv)
    task = {"gemm": _gemm, "infer": _infer, "e2e": _e2e, "cli": _cli}[args.task]
    write_result(args.result, {"task": args.task, **task(args)})
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
