"""Shared helpers for the benchmark scripts: statistics, peak memory, child processes, the machine.

This module stays light (no numpy, no onnxruntime) because the orchestrating process imports it
and every measurement runs in a child process of its own.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


@dataclass(frozen=True)
class Stats:
    """Median, minimum and maximum of repeated measurements (after warm-up), and how many."""

    median: float
    min: float
    max: float
    n: int

    @classmethod
    def of(cls, values: list[float]) -> Stats:
        """Statistics of a non-empty list."""
        return cls(statistics.median(values), min(values), max(values), len(values))

    def to_dict(self) -> dict[str, float]:
        """JSON form."""
        return {"median": self.median, "min": self.min, "max": self.max, "n": self.n}


def peak_rss_mb() -> float:
    """This process's peak resident memory in MB.

    Linux: VmHWM of /proc/self/status. ``getrusage(RUSAGE_SELF).ru_maxrss`` is not used there
    because a child started by fork/exec inherits its parent's high-water mark (a 11 MB child of a
    524 MB parent reports 524 MB); elsewhere ru_maxrss is the fallback.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def child_arguments(doc: str | None) -> argparse.ArgumentParser:
    """The arguments every fast-path child script takes (fastpath.py passes them)."""
    parser = argparse.ArgumentParser(description=doc)
    parser.add_argument("--model", type=Path, required=True)
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--work", type=Path)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--result")
    return parser


def write_result(path: str | None, data: dict[str, Any]) -> None:
    """Write a child's result (plus its peak memory) as JSON to ``path`` (or stdout)."""
    data = {**data, "peak_rss_mb": peak_rss_mb()}
    text = json.dumps(data)
    if path:
        Path(path).write_text(text, encoding="utf-8")
    else:
        print(text)


@dataclass(frozen=True)
class ChildResult:
    """What a child process returned: its JSON result, wall time, exit status and stderr tail."""

    data: dict[str, Any]
    wall_s: float
    returncode: int
    stderr: str


def run_child(args: list[str], result_file: Path, env: dict[str, str] | None = None, timeout: float = 900,
              stdout: Any = subprocess.DEVNULL) -> ChildResult:
    """Run ``python script --result result_file args...`` and read the JSON the script writes."""
    result_file.unlink(missing_ok=True)
    full_env = {**os.environ, **(env or {})}
    full_env["BENCH_T0"] = repr(time.time())  # children time themselves from their launch
    started = time.perf_counter()
    cmd = [sys.executable, args[0], "--result", str(result_file), *args[1:]]
    try:
        proc = subprocess.run(cmd, env=full_env, stdout=stdout, stderr=subprocess.PIPE, text=True,
                              timeout=timeout, check=False)
    except subprocess.TimeoutExpired as exc:
        err = exc.stderr.decode(errors="replace") if isinstance(exc.stderr, bytes) else (exc.stderr or "")
        return ChildResult({}, time.perf_counter() - started, -9, f"timed out after {timeout:.0f} s\n{err[-2000:]}")
    wall = time.perf_counter() - started
    data: dict[str, Any] = {}
    if result_file.is_file():
        try:
            data = json.loads(result_file.read_text(encoding="utf-8"))
        except json.JSONDecodeError:
            data = {}
    return ChildResult(data, wall, proc.returncode, proc.stderr[-2000:])


def thread_env(threads: int) -> dict[str, str]:
    """Environment that pins BLAS/OpenMP libraries to ``threads`` threads (read at their import)."""
    n = str(threads)
    return {"OMP_NUM_THREADS": n, "OPENBLAS_NUM_THREADS": n, "MKL_NUM_THREADS": n}


def cpu_description() -> dict[str, Any]:
    """CPU model, logical/usable cores and the SIMD flags that matter for inference."""
    info: dict[str, Any] = {"machine": platform.machine(), "python": platform.python_version()}
    model, flags = "", set()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            key, _, value = line.partition(":")
            key = key.strip()
            if key == "model name" and not model:
                model = value.strip()
            elif key == "flags" and not flags:
                flags = set(value.split())
    except OSError:
        model = platform.processor()
    info["model"] = model or "unknown"
    info["logical_cpus"] = os.cpu_count()
    try:
        info["usable_cpus"] = len(os.sched_getaffinity(0))
    except AttributeError:
        info["usable_cpus"] = os.cpu_count()
    wanted = ("avx2", "fma", "avx512f", "avx512bw", "avx512vl", "avx512_vnni", "avx_vnni", "avx512_bf16",
              "amx_tile", "amx_int8", "hypervisor")
    info["flags"] = [f for f in wanted if f in flags]
    try:
        info["loadavg"] = list(os.getloadavg())
    except OSError:
        info["loadavg"] = None
    return info


def versions() -> dict[str, str]:
    """Versions of the libraries the timings depend on."""
    from importlib.metadata import PackageNotFoundError, version

    out: dict[str, str] = {}
    for dist in ("onnxruntime", "numpy", "opencv-python-headless", "pillow", "pyside6"):
        try:
            out[dist] = version(dist)
        except PackageNotFoundError:
            out[dist] = "absent"
    return out
