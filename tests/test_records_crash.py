"""A process killed (SIGKILL) while saving leaves the database and image files intact."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from dermassist.records.imagefiles import TMP_PREFIX, verify_file
from dermassist.records.store import RecordStore

WRITER = textwrap.dedent(
    """
    import io, sys
    import numpy as np
    from PIL import Image
    from dermassist.records.models import AnalysisRecord, Examination, Patient
    from dermassist.records.store import RecordStore

    store = RecordStore.open(__import__("pathlib").Path(sys.argv[1]))
    rng = np.random.default_rng(int(sys.argv[2]))
    i = 0
    while True:
        p = store.add_patient(Patient(None, f"Patient {sys.argv[2]}-{i}", phone=str(i)))
        e = store.add_examination(Examination(None, p.id, "2024-01-01", notes="x" * 2000))
        buf = io.BytesIO()
        # Noise compresses badly, so each file is large enough to be caught mid-write.
        Image.fromarray(rng.integers(0, 255, (400, 400, 3), dtype=np.uint8)).save(buf, "PNG")
        img = store.add_image(e.id, buf.getvalue(), f"img{i}.png")
        store.add_analysis(AnalysisRecord(None, e.id, img.sha256, 0.3, 0.5, "benign", "m", "1", "ab" * 32))
        print(p.id, flush=True)
        i += 1
    """
)


def _run_and_kill(data: Path, seed: int, min_saved: int, extra_delay: float) -> list[int]:
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(data), str(seed)], stdout=subprocess.PIPE, text=True, env=env
    )
    assert proc.stdout is not None
    saved = []
    deadline = time.monotonic() + 120
    while len(saved) < min_saved:
        line = proc.stdout.readline()
        if not line:
            pytest.fail(f"writer exited early with {proc.wait()}")
        saved.append(int(line))
        assert time.monotonic() < deadline, "writer too slow"
    time.sleep(extra_delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    saved.extend(int(x) for x in proc.stdout.read().split())
    return saved


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_during_saves_loses_nothing_committed(tmp_path: Path) -> None:
    data = tmp_path / "data"
    confirmed: list[int] = []
    for seed, delay in enumerate((0.0, 0.013, 0.037, 0.071)):
        confirmed += _run_and_kill(data, seed, min_saved=3, extra_delay=delay)
    with RecordStore.open(data) as store:
        conn = store.connection
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        # Every save the writer reported as done is there, complete.
        for pid in confirmed:
            exams = store.list_examinations(pid)
            assert len(exams) == 1 and len(exams[0].images) == 1 and len(exams[0].analyses) == 1
        # Every image the database names exists with exactly the content its name promises.
        rows = conn.execute("SELECT sha256, filename FROM images").fetchall()
        assert len(rows) >= len(confirmed)
        for sha, filename in rows:
            assert verify_file(store.images_dir / filename, sha), filename
        # A half-written file never takes an image's name (only temporary names can be partial).
        for f in store.images_dir.iterdir():
            assert f.name.startswith(TMP_PREFIX) or verify_file(f, f.name.split(".")[0]), f.name
