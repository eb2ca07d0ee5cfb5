"""Folder throughput: ``classify_paths`` (decode in worker threads, overlapped with inference) against
batch-inference throughput, for batch sizes, worker counts and thread spinning.

    .venv/bin/python benchmarks/fp_pipeline.py [--model M.onnx] [--quick]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from benchlib import child_arguments, write_result


def batch_throughput(session: Any, batch: int, repeats: int) -> float:
    """Images per second of ``session.run`` on a preprocessed batch (median of ``repeats``)."""
    import numpy as np

    h, w = session.card.input.size
    x = np.random.default_rng(0).standard_normal((batch, 3, h, w), dtype=np.float32)
    for _ in range(2):
        session.run(x)
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        session.run(x)
        times.append(time.perf_counter() - t)
    return batch / statistics.median(times)


def classify_paths_v0(session: Any, paths: list[Path], batch_size: int = 8, workers: int = 2) -> Iterator[Any]:
    """The pipeline before preprocessing moved into the decode threads: workers only decode and
    the inference thread preprocesses each batch (kept to measure the change)."""
    from dermassist.imaging.loading import ImageLoadError, LoadedImage, load_image

    height, width = session.card.input.size

    def decode(p: Path) -> LoadedImage | str:
        try:
            return load_image(p, min_size=(width, height))
        except ImageLoadError as exc:
            return str(exc)

    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(decode, p) for p in paths[: batch_size * 2]]
        submitted = len(futures)
        for start in range(0, len(paths), batch_size):
            chunk = futures[start : start + batch_size]
            for p in paths[submitted : start + batch_size * 3]:
                futures.append(pool.submit(decode, p))
            submitted = len(futures)
            results = [f.result() for f in chunk]
            good = [r for r in results if isinstance(r, LoadedImage)]
            if good:
                yield from session.predict_images([r.rgb for r in good], [r.source for r in good])


def folder_rate(session: Any, paths: list[Path], batch: int, workers: int, runs: int, old: bool = False) -> float:
    """Images per second of ``classify_paths`` over ``paths`` (median of ``runs``)."""
    from dermassist.inference.pipeline import classify_paths

    rates = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn = classify_paths_v0 if old else classify_paths
        n = sum(1 for _ in fn(session, paths, batch_size=batch, workers=workers))
        rates.append(n / (time.perf_counter() - t0))
    return statistics.median(rates)


def main(argv: list[str]) -> int:
    """Print a table of folder rates as a share of batch throughput."""
    args = child_arguments(__doc__).parse_args(argv)

    from inputs import gather, warm_file_cache

    from dermassist.inference.card import load_card
    from dermassist.inference.session import ModelSession

    session = ModelSession(load_card(args.model), providers="cpu", threads=args.threads)
    work = args.work or Path(tempfile.mkdtemp(prefix="dermassist-pipeline-"))
    n = 48 if args.quick else 400
    runs = 1 if args.quick else 3
    inputs = gather(args.data, work / "pipeline-inputs", 8, n, 8)
    small = sorted(inputs.folder.iterdir())
    big = [inputs.fullres[i % len(inputs.fullres)] for i in range(16 if args.quick else 64)]
    warm_file_cache(small + big)
    print(f"\n### Folder pipeline (classify_paths) vs batch inference, images/s ({len(small)} small images, "
          f"{len(big)} full-res photos; {args.threads} ORT threads)\n")
    print("| pipeline | spinning | batch | decode workers | batch throughput | small images | share | "
          "full-res photos | share |")
    print("|---|---|---|---|---|---|---|---|---|")
    rows: list[dict[str, Any]] = []
    configs = [(True, 8, 2, True), (True, 8, 2, False), (True, 8, 1, False), (True, 16, 2, False),
               (True, 32, 2, False), (False, 8, 2, True), (False, 8, 2, False), (False, 16, 2, False)]
    if args.quick:
        configs = [(True, 8, 2, True), (True, 8, 2, False)]
    for spin, batch, workers, old in configs:
        session = ModelSession(session.card, providers="cpu", threads=args.threads, spinning=spin)
        tput = batch_throughput(session, batch, 3 if args.quick else 10)
        r_small = folder_rate(session, small, batch, workers, runs, old)
        r_big = folder_rate(session, big, batch, workers, runs, old)
        rows.append({"spin": spin, "batch": batch, "workers": workers, "old": old, "batch_tput": tput,
                     "small": r_small, "fullres": r_big})
        name = "previous (preprocess on inference thread)" if old else "app (preprocess in decode threads)"
        print(f"| {name} | {'on' if spin else 'off'} | {batch} | {workers} | {tput:.1f} | {r_small:.1f} | "
              f"{r_small / tput * 100:.0f}% | {r_big:.1f} | {r_big / tput * 100:.0f}% |", flush=True)
    write_result(args.result, {"rows": rows})
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
