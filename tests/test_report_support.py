"""Helpers shared by the referral tests: poppler-utils wrappers and ready-made referral inputs.

The PDF checks use Debian's poppler-utils (pdftotext, pdftoppm, pdffonts, pdfimages, pdfinfo); a
missing tool fails the test rather than skipping it, because CI installs them.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from dermassist.records.models import AnalysisRecord, Examination, ImageRecord, LesionSite, Patient
from dermassist.records.settings import Settings
from dermassist.reports.referral import ModelInfo, ReferralInput

MODEL_SHA = "ab" * 32
LEFT_FOREARM = LesionSite("front", 0.82, 0.43)


def tool(name: str) -> str:
    """Path of a poppler tool; fails (not skips) when absent."""
    found = shutil.which(name)
    if not found:
        pytest.fail(f"{name} not found: install poppler-utils (apt-get install -y poppler-utils)")
    return found


def pdftotext(pdf: Path, page: int | None = None, layout: bool = False) -> str:
    """Text of the PDF (or one page)."""
    cmd = [tool("pdftotext"), "-enc", "UTF-8"]
    if layout:
        cmd.append("-layout")
    if page is not None:
        cmd += ["-f", str(page), "-l", str(page)]
    return subprocess.run([*cmd, str(pdf), "-"], check=True, capture_output=True, text=True).stdout


def flat(text: str) -> str:
    """Whitespace collapsed to single spaces (wrapped lines join up again)."""
    return re.sub(r"\s+", " ", text)


def words_with_boxes(pdf: Path) -> list[tuple[int, str, float, float, float, float, float, float]]:
    """(page, word, xmin, ymin, xmax, ymax, page width, page height) for every word."""
    html = subprocess.run(
        [tool("pdftotext"), "-bbox", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    out = []
    page_no, pw, ph = 0, 0.0, 0.0
    for line in html.splitlines():
        m = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', line)
        if m:
            page_no, pw, ph = page_no + 1, float(m.group(1)), float(m.group(2))
            continue
        m = re.search(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)</word>', line)
        if m:
            x0, y0, x1, y1 = (float(m.group(i)) for i in range(1, 5))
            out.append((page_no, m.group(5), x0, y0, x1, y1, pw, ph))
    return out


def page_count(pdf: Path) -> int:
    """Number of pages (pdfinfo)."""
    info = subprocess.run([tool("pdfinfo"), str(pdf)], check=True, capture_output=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))  # type: ignore[union-attr]


def pdfinfo(pdf: Path) -> dict[str, str]:
    """pdfinfo's key/value lines."""
    info = subprocess.run([tool("pdfinfo"), str(pdf)], check=True, capture_output=True, text=True).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in info.splitlines()) if v}


def pdffonts(pdf: Path) -> list[dict[str, str]]:
    """One dict per font: name, type, emb (yes/no)."""
    out = subprocess.run([tool("pdffonts"), str(pdf)], check=True, capture_output=True, text=True).stdout
    rows = []
    for line in out.splitlines()[2:]:
        parts = line.split()
        # name, type words..., encoding, emb, sub, uni, object, id
        rows.append({"name": parts[0], "emb": parts[-5], "line": line})
    return rows


def render_page(pdf: Path, page: int, tmp: Path, dpi: int = 50) -> np.ndarray:
    """One page rendered by pdftoppm, as an RGB array."""
    stem = tmp / f"render-{pdf.stem}-{page}-{dpi}"
    subprocess.run(
        [
            tool("pdftoppm"),
            "-png",
            "-r",
            str(dpi),
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(pdf),
            str(stem),
        ],
        check=True,
    )
    with Image.open(stem.with_suffix(".png")) as im:
        return np.asarray(im.convert("RGB"))


def extracted_jpegs(pdf: Path, tmp: Path) -> list[bytes]:
    """The embedded images as pdfimages writes them (-j keeps DCT streams byte for byte)."""
    folder = tmp / f"images-{pdf.stem}"
    folder.mkdir(exist_ok=True)
    subprocess.run([tool("pdfimages"), "-j", str(pdf), str(folder / "img")], check=True)
    return [p.read_bytes() for p in sorted(folder.iterdir()) if p.suffix == ".jpg"]


def lesion_jpeg(path: Path, width: int = 640, height: int = 480, seed: int = 0, quality: int = 90) -> Path:
    """A synthetic lesion picture saved as JPEG."""
    yy, xx = np.mgrid[0:height, 0:width]
    r = np.hypot((xx - width / 2) / (width / 4), (yy - height / 2) / (height / 4))
    w = np.clip(1.5 - r, 0, 1)[..., None]
    rng = np.random.default_rng(seed)
    img = np.array([220, 170, 150]) * (1 - w) + np.array([90, 50, 40]) * w + rng.normal(0, 4, (height, width, 1))
    Image.fromarray(np.clip(img, 0, 255).astype(np.uint8)).save(path, quality=quality)
    return path


def sha_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def metrics(n: int = 896) -> dict[str, object]:
    """A card ``metrics`` block in the documented layout."""

    def ci(v: float) -> dict[str, object]:
        return {"value": v, "ci95": [round(v - 0.03, 3), round(v + 0.02, 3)]}

    test = {"n": n, "roc_auc": ci(0.913), "sensitivity": ci(0.871), "specificity": ci(0.802)}
    return {"test": test, "val": {"n": 500, "sensitivity": ci(0.9), "specificity": ci(0.75)}}


def make_input(
    images: list[Path],
    *,
    name: str = "John Smith",
    malignant: float | None = 0.2,
    lang: str = "en",
    patient: Patient | None = None,
    settings: Settings | None = None,
    site: LesionSite | None = LEFT_FOREARM,
    **exam_changes: object,
) -> ReferralInput:
    """A referral for ``images``; ``malignant`` None means no analysis."""
    records = tuple(ImageRecord(sha_of(p), p.name, f"orig-{p.name}", 640, 480) for p in images)
    analyses = ()
    model = None
    if malignant is not None and images:
        analyses = tuple(
            AnalysisRecord(
                id=i + 1, examination_id=7, image_sha256=r.sha256, malignant=malignant, threshold=0.4,
                decision="malignant" if malignant >= 0.4 else "benign",
                model_name="derm-net", model_version="1.2.3", model_sha256=MODEL_SHA,
            )
            for i, r in enumerate(records)
        )  # fmt: skip
        model = ModelInfo(
            "derm-net", "1.2.3", MODEL_SHA, 0.4, metrics=metrics(), temperature=1.3,
            val_sensitivity=0.9, val_specificity=0.75,
        )  # fmt: skip
    exam_fields: dict[str, object] = {
        "id": 7,
        "patient_id": 1,
        "date": "2024-03-05",
        "referring_doctor": "Dr Jane Roe",
        "site": site,
        "notes": "Changing lesion.",
        "urgency": "urgent",
        "referral_number": "R-2024-001",
        "images": records,
        "analyses": analyses,
    }
    exam_fields.update(exam_changes)
    return ReferralInput(
        patient=patient or Patient(1, name, "1970-01-31", "male", record_number="MRN-778899", phone="+44 20 7946 0000"),
        examination=Examination(**exam_fields),  # type: ignore[arg-type]
        settings=settings
        or Settings(clinic_name="Riverside Practice", center_name="City Skin Centre", doctor_name="Dr Jane Roe"),
        image_paths=tuple(images),
        model=model,
        generated_at=datetime(2024, 3, 6, 9, 15, tzinfo=timezone.utc),
        lang=lang,
    )
