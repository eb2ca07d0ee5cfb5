"""DermAssist speed benchmark: the CPU path against its physical floor, end to end, and at start-up.

    .venv/bin/python benchmarks/run.py                 # the default installed model, full run
    .venv/bin/python benchmarks/run.py --model M.onnx  # another model (its .json card beside it)
    .venv/bin/python benchmarks/run.py --quick         # seconds, for tests and debugging

Every measurement runs in a fresh child process (its own peak memory) after warm-up; the table
shows median, min and max. The floor is the model's FLOPs (Conv/Gemm/MatMul/Einsum MACs x 2 from
ONNX shape inference) divided by this machine's float32 GEMM rate, measured in the same run with
numpy on the same number of threads. Without an installed model (and no --model) a random-weight
MobileNetV2 built like the shipped one stands in. Pictures come from ../shared/data/isic
(linked from a temporary folder, never copied into the project); synthetic ones stand in without it.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from benchlib import HERE, ROOT, ChildResult, cpu_description, run_child, thread_env, versions
from table import Row, render

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "isic"

FULL = {"gemm_n": 2048, "gemm": (2, 10), "b1": (10, 50), "b8": (3, 15), "fullres": (1, 5), "twelve": (2, 10),
        "small": (1, 3), "n_small": 32, "folder": 1000, "folder_runs": 3, "cold": (1, 5)}
QUICK = {"gemm_n": 512, "gemm": (1, 3), "b1": (2, 5), "b8": (1, 2), "fullres": (0, 1), "twelve": (1, 2),
         "small": (0, 1), "n_small": 8, "folder": 48, "folder_runs": 1, "cold": (0, 1)}


def resolve_model(given: Path | None, random_model: bool) -> tuple[Path, str]:
    """The model to measure and where it came from."""
    if given is not None:
        return given.resolve(), "given with --model"
    if not random_model:
        from dermassist.inference.card import CardError
        from dermassist.inference.registry import default_model

        try:
            return default_model().model_path, "the installed default model"
        except CardError:
            pass
    from randmodel import random_mobilenet_v2

    return random_mobilenet_v2(), "random-weight MobileNetV2 stand-in (no model installed or --random-model)"


class Bench:
    """Runs the measurements as child processes and collects table rows."""

    def __init__(self, args: argparse.Namespace, model: Path, work: Path) -> None:
        self.args, self.model, self.work = args, model, work
        self.cfg = QUICK if args.quick else FULL
        self.threads = args.threads
        self.env = thread_env(self.threads)
        self.raw: dict[str, Any] = {}
        self.rows: list[Row] = []

    def child(self, key: str, argv: list[str], env: dict[str, str] | None = None, timeout: float = 900) -> ChildResult:
        res = run_child(argv, self.work / f"{key}.json", {**self.env, **(env or {})}, timeout)
        self.raw[key] = {"data": res.data, "wall_s": res.wall_s, "returncode": res.returncode}
        if res.returncode != 0 or not res.data:
            self.raw[key]["stderr"] = res.stderr
            print(f"[{key}] failed (exit {res.returncode}): {res.stderr.strip().splitlines()[-1:]}", file=sys.stderr)
        return res

    def measure(self, task: str, key: str, warm_rep: tuple[int, int], *extra: str,
                model: Path | None = None) -> dict[str, Any]:
        w, r = warm_rep
        argv = [str(HERE / "measure.py"), task, "--model", str(model or self.model), "--threads", str(self.threads),
                "--warmup", str(w), "--repeats", str(r), *extra]
        return self.child(key, argv).data

    def gemm(self) -> float | None:
        w, r = self.cfg["gemm"]
        n = self.cfg["gemm_n"]
        argv = [str(HERE / "measure.py"), "gemm", "--threads", str(self.threads), "--n", str(n), "--warmup", str(w),
                "--repeats", str(r)] + (["--torch"] if self.args.torch_gemm else [])
        d = self.child("gemm", argv).data
        if "gflops" not in d:
            self.rows.append(Row("float32 GEMM rate (numpy)", "GFLOP/s", note="failed"))
            return None
        note = f"{n}x{n} matmul, {self.threads} thread(s), {d.get('blas', '?')}"
        if d.get("torch_gflops"):
            note += f"; torch.mm median {d['torch_gflops']['median']:.1f}"
        self.rows.append(Row(f"float32 GEMM rate (numpy, {self.threads} threads)", "GFLOP/s", d["gflops"], note=note))
        return float(d["gflops"]["median"])

    def inference(self, flops: float, rate: float | None) -> float | None:
        per_image_floor = flops / (rate * 1e9) * 1000 if rate else None
        d1 = self.measure("infer", "infer_b1", self.cfg["b1"], "--batch", "1")
        self.rows.append(Row("inference only, batch 1", "ms", d1.get("ms"), per_image_floor, d1.get("peak_rss_mb"),
                             "<= 1.3x floor", f"session load {d1.get('load_s', 0):.2f} s" if d1 else "failed"))
        d8 = self.measure("infer", "infer_b8", self.cfg["b8"], "--batch", "8")
        tput = 8000 / d8["ms"]["median"] if d8.get("ms") else None
        self.rows.append(Row("inference only, batch 8 (whole batch)", "ms", d8.get("ms"),
                             per_image_floor * 8 if per_image_floor else None, d8.get("peak_rss_mb"),
                             note=f"{tput:.1f} images/s" if tput else "failed"))
        return tput

    def other_model(self, path: Path, flops: float, rate: float | None) -> None:
        """Inference rows for another model (e.g. the INT8 one) against the same floor."""
        floor = flops / (rate * 1e9) * 1000 if rate else None
        for batch, key in ((1, "b1"), (8, "b8")):
            d = self.measure("infer", f"other_{path.stem}_{key}", self.cfg[key], "--batch", str(batch), model=path)
            self.rows.append(Row(f"inference only, batch {batch}, {path.name}", "ms", d.get("ms"),
                                 floor * batch if floor else None, d.get("peak_rss_mb"),
                                 note="floor of the float32 model's FLOPs at the float32 GEMM rate"))

    def end_to_end(self, key: str, name: str, files: list[Path], warm_rep: tuple[int, int], target: str = "") -> None:
        listing = self.work / f"{key}.txt"
        listing.write_text("\n".join(str(p) for p in files), encoding="utf-8")
        d = self.measure("e2e", key, warm_rep, "--images", str(listing))
        if not d.get("ms"):
            self.rows.append(Row(name, "ms", note="failed"))
            return
        inf_only = d["inference_only_ms"]["median"]
        note = (f"decode {d['decode_ms']['median']:.1f} + preprocess {d['preprocess_ms']['median']:.1f} + "
                f"inference {d['inference_ms']['median']:.1f} ms (medians); inference alone {inf_only:.1f} ms, "
                f"so +{d['ms']['median'] - inf_only:.1f} ms over it")
        self.rows.append(Row(name, "ms", d["ms"], rss_mb=d.get("peak_rss_mb"), target=target, note=note))

    def classify_folder(self, folder: Path, count: int, batch_tput: float | None) -> None:
        runs = []
        for i in range(self.cfg["folder_runs"]):
            argv = [str(HERE / "measure.py"), "cli", "--", "classify", "--json", "--provider", "cpu",
                    "--model", str(self.model), str(folder)]
            d = self.child(f"classify_{i}", argv).data
            if d.get("lines") != count or "steady_images_per_s" not in d:
                self.rows.append(Row(f"dermassist classify, folder of {count}", "images/s",
                                     note=f"failed: {d.get('lines')} results of {count}"))
                return
            runs.append(d)
        steady = [r["steady_images_per_s"] for r in runs]
        stats = {"median": sorted(steady)[len(steady) // 2], "min": min(steady), "max": max(steady)}
        share = f"{stats['median'] / batch_tput * 100:.0f}% of batch-8 inference throughput" if batch_tput else ""
        incl = sorted(r["images_per_s_incl_startup"] for r in runs)[len(runs) // 2]
        self.rows.append(Row(f"dermassist classify, folder of {count} (steady state)", "images/s", stats,
                             rss_mb=max(r["peak_rss_mb"] for r in runs), target=">= 90% of batch throughput",
                             note=f"{share}; {incl:.1f} images/s counting process start and model load"))

    def cold_start(self, image: Path) -> None:
        gui = self.work / "gui"
        (gui / "config").mkdir(parents=True, exist_ok=True)
        (gui / "config" / "settings.json").write_text(json.dumps({"model_path": str(self.model), "language": "en"}))
        env = {"QT_QPA_PLATFORM": "offscreen", "DERMASSIST_DATA_DIR": str(gui / "data"),
               "DERMASSIST_CONFIG_DIR": str(gui / "config"), "DERMASSIST_MODELS_DIR": str(gui / "models")}
        w, r = self.cfg["cold"]
        marks: list[dict[str, Any]] = []
        for i in range(w + r):
            d = self.child(f"cold_{i}", [str(HERE / "coldstart.py"), "--image", str(image), "--timeout", "120"], env,
                           timeout=180).data
            if not d or d.get("error") or "result_s" not in d:
                why = (d or {}).get("error") or "the GUI driver failed (see stderr above)"
                for label in ("usable window", "model loaded", "first result"):
                    self.rows.append(Row(f"cold start to {label}", "s", note=f"n/a: {why}"))
                return
            if i >= w:
                marks.append(d)

        def stats(key: str) -> dict[str, float]:
            vals = sorted(m[key] for m in marks)
            return {"median": vals[len(vals) // 2], "min": vals[0], "max": vals[-1]}

        rss = max(m["peak_rss_mb"] for m in marks)
        shown = sorted(m["shown_s"] for m in marks)[len(marks) // 2]
        heavy = ", ".join(marks[0].get("heavy_imports_before_window", [])) or "none"
        self.rows.append(Row("cold start to usable window", "s", stats("window_s"), rss_mb=rss, target="<= 1.5 s",
                             note=f"launch to first paint + idle loop; window.show() returned at {shown:.2f} s; "
                                  f"imported before the window: {heavy}"))
        self.rows.append(Row("cold start to model loaded", "s", stats("model_s"), note="loaded in a worker thread"))
        self.rows.append(Row("cold start to first result", "s", stats("result_s"), rss_mb=rss, target="<= 2.5 s",
                             note=f"{image.name} analysed as soon as the model is ready"))


def header(model: Path, origin: str, flops: Any, threads: int, quick: bool) -> str:
    """The conditions of the run, printed above the table."""
    cpu = cpu_description()
    load = cpu.get("loadavg")
    lines = [
        f"DermAssist benchmark{' (--quick: few repeats, not for reporting)' if quick else ''}",
        f"CPU: {cpu['model']} ({cpu['machine']}), {cpu['usable_cpus']} usable of {cpu['logical_cpus']} logical CPUs; "
        f"flags: {' '.join(cpu['flags']) or 'none of interest'}",
        f"Python {cpu['python']}; " + ", ".join(f"{k} {v}" for k, v in versions().items()),
        f"Model: {model.name} ({origin}); {flops.per_image / 1e9:.3f} GFLOP per image "
        f"(depthwise convolutions {flops.depthwise_flops / max(1, flops.flops) * 100:.0f}%); {threads} thread(s)",
        f"Load average at start: {', '.join(f'{x:.2f}' for x in load) if load else 'n/a'}",
    ]
    if load and load[0] > 0.5:
        lines.append("WARNING: the machine is busy (load average above 0.5): these timings are polluted.")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    """Run every measurement and print the table."""
    from benchlib import cpu_description as _cpu

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", type=Path, help="ONNX model with its JSON card (default: the installed default)")
    parser.add_argument("--random-model", action="store_true", help="measure the random-weight MobileNetV2 stand-in")
    parser.add_argument("--quick", action="store_true", help="few repeats and a small folder (seconds, for tests)")
    parser.add_argument("--threads", type=int, default=int(_cpu()["usable_cpus"] or 1),
                        help="inference and GEMM threads (default: the usable cores, as the application uses)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared ISIC folder")
    parser.add_argument("--skip", default="", help="comma-separated: e2e, classify, gui")
    parser.add_argument("--torch-gemm", action="store_true", help="also measure torch.mm (train extra) for reference")
    parser.add_argument("--json", type=Path, help="also write every raw result to this JSON file")
    parser.add_argument("--extra-model", type=Path, action="append", default=[],
                        help="also time inference of this model (e.g. the INT8 one) against the same floor")
    args = parser.parse_args(argv)
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}

    from flops import count_flops
    from inputs import gather, largest_picture, warm_file_cache

    model, origin = resolve_model(args.model, args.random_model)
    flops = count_flops(model)
    print(header(model, origin, flops, args.threads, args.quick), flush=True)
    with tempfile.TemporaryDirectory(prefix="dermassist-bench-") as tmp:
        work = Path(tmp)
        bench = Bench(args, model, work)
        cfg = bench.cfg
        rate = bench.gemm()
        tput = bench.inference(flops.per_image, rate)
        for other in args.extra_model:
            bench.other_model(other.resolve(), flops.per_image, rate)
        inputs = gather(args.data, work / "inputs", cfg["n_small"], cfg["folder"], 2 if args.quick else 8)
        kind = "" if inputs.real else " (synthetic: no ISIC folder)"
        warm_file_cache(inputs.fullres + [inputs.twelve_mp] + inputs.small)
        if "e2e" not in skip:
            bench.end_to_end("e2e_fullres", f"end-to-end per image, {len(inputs.fullres)} full-res photos{kind}",
                             inputs.fullres, cfg["fullres"])
            bench.end_to_end("e2e_12mp", "end-to-end, 12-MP JPEG 4032x3024", [inputs.twelve_mp], cfg["twelve"],
                             "<= inference + 30 ms")
            bench.end_to_end("e2e_small", f"end-to-end per image, {len(inputs.small)} 224/256-px images{kind}",
                             inputs.small, cfg["small"])
        if "classify" not in skip:
            warm_file_cache(sorted(inputs.folder.iterdir()))
            bench.classify_folder(inputs.folder, inputs.folder_count, tput)
        if "gui" not in skip:
            bench.cold_start(largest_picture(inputs.fullres))
        print()
        print(render(bench.rows))
        load = os.getloadavg() if hasattr(os, "getloadavg") else None
        print(f"\nLoad average at end: {', '.join(f'{x:.2f}' for x in load) if load else 'n/a'}; "
              "peak RSS is each child's VmHWM (a process of its own per row).")
        if args.json:
            args.json.write_text(json.dumps({"model": str(model), "origin": origin, "flops": flops.per_image,
                                             "raw": bench.raw}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
