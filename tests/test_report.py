"""Referral PDF: contents checked with pdftotext, pages rendered with pdftoppm, fonts with pdffonts."""

from __future__ import annotations

import errno
import os
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from test_report_support import (
    MODEL_SHA,
    extracted_jpegs,
    flat,
    lesion_jpeg,
    make_input,
    page_count,
    pdffonts,
    pdfinfo,
    pdftotext,
    render_page,
    words_with_boxes,
)

from dermassist import INTENDED_USE, intended_use
from dermassist.records.models import Patient
from dermassist.records.settings import Settings
from dermassist.reports.layout import MARGIN_X
from dermassist.reports.referral import ModelInfo, ReportError, render_referral


@pytest.fixture
def jpeg(tmp_path: Path) -> Path:
    return lesion_jpeg(tmp_path / "lesion.jpg")


def _assert_fonts_embedded(pdf: Path) -> None:
    fonts = pdffonts(pdf)
    assert fonts, "no fonts listed"
    for font in fonts:
        assert font["emb"] == "yes", font["line"]
        assert "Helvetica" not in font["name"] and "Times" not in font["name"], font["line"]
    assert {f["name"].split("+")[-1] for f in fonts} <= {"DejaVuSans", "DejaVuSans-Bold"}


def test_benign_latin_report_has_every_part(jpeg: Path, tmp_path: Path) -> None:
    out = render_referral(make_input([jpeg], malignant=0.12), tmp_path / "r.pdf")
    text = flat(pdftotext(out))
    for expected in (
        "Riverside Practice",
        "City Skin Centre",
        "Referral No.",
        "R-2024-001",
        "6 March 2024",  # referral date
        "Dr Jane Roe",
        "John Smith",
        "31 January 1970 (54 years)",
        "male",
        "MRN-778899",
        "+44 20 7946 0000",
        "left forearm (front view)",
        "URGENT",
        "Not flagged: the probability of malignancy is below the threshold",
        "Probability malignant 12.0%, benign 88.0%",
        "Threshold 40.0% (operating point",  # the threshold as a percentage, like the UI
        "derm-net, version 1.2.3",
        MODEL_SHA,
        "n = 896",
        "ROC AUC",
        "of 100 malignant lesions about 90 were flagged; of 100 benign lesions about 25",
        "Calibration temperature 1.30",
        "Changing lesion.",
        flat(INTENDED_USE),
        "Signature",
    ):
        assert expected in text, expected
    assert "SUSPICIOUS" not in text
    rows = flat(pdftotext(out, layout=True))
    assert "ROC AUC 0.913 0.883 – 0.933" in rows and "Specificity 0.802 0.772 – 0.822" in rows
    pages = page_count(out)
    assert 1 <= pages <= 2
    for p in range(1, pages + 1):
        assert f"Page {p} of {pages}" in pdftotext(out, page=p)
    _assert_fonts_embedded(out)


def test_malignant_cyrillic_report_in_russian(jpeg: Path, tmp_path: Path) -> None:
    name = "Иванова-Петрова Мария Александровна"
    data = make_input([jpeg], name=name, malignant=0.83, lang="ru")
    out = render_referral(data, tmp_path / "ru.pdf")
    text = flat(pdftotext(out))
    for expected in (
        name,
        "Направление №",
        "ПОДОЗРИТЕЛЬНО",
        "Вероятность злокачественного 83,0 %, доброкачественного 17,0 %",
        "мужской",
        "31 января 1970 г. (54 года)",
        "левое предплечье (вид спереди)",
        "СРОЧНО",
        "Чувствительность",
        "95% ДИ",
        flat(intended_use("ru")),
    ):
        assert expected in text, expected
    pages = page_count(out)
    assert f"Страница 1 из {pages}" in text
    _assert_fonts_embedded(out)
    info = pdfinfo(out)
    assert info["Title"] == f"Направление R-2024-001: {name}"
    assert info["Author"] == "Dr Jane Roe"
    assert "Направление к дерматоонкологу" in info["Subject"]
    assert b"/Lang (ru)" in out.read_bytes()


def test_metadata_and_language_in_english(jpeg: Path, tmp_path: Path) -> None:
    out = render_referral(make_input([jpeg]), tmp_path / "en.pdf")
    info = pdfinfo(out)
    assert info["Title"] == "Referral R-2024-001: John Smith"
    assert info["Subject"].startswith("Dermatology referral")
    assert b"/Lang (en)" in out.read_bytes()


def test_very_long_names_wrap_inside_the_page(jpeg: Path, tmp_path: Path) -> None:
    long_name = " ".join(["Maximilian-Alexander"] * 12) + " Константинопольская Верхнеднепровская" * 4
    unbroken = "X" * 150
    patient = Patient(1, f"{long_name} {unbroken}", "1980-05-05", "female", "R" * 90, "+1 555 0100 " * 6)
    settings = Settings(clinic_name="Clinic " * 30, center_name="Centre " * 30, clinic_address="Street " * 40)
    data = make_input(
        [jpeg], patient=patient, settings=settings, referring_doctor="Dr " + "Longname " * 20, notes="word " * 400
    )
    out = render_referral(data, tmp_path / "long.pdf")
    words = words_with_boxes(out)
    assert words
    for page, word, x0, _y0, x1, _y1, pw, _ph in words:
        assert x0 >= MARGIN_X - 1 and x1 <= pw - MARGIN_X + 1, (page, word, x0, x1)
    text = flat(pdftotext(out))
    assert "Maximilian-Alexander" in text and "Константинопольская Верхнеднепровская" in text
    # the unbroken 150-letter word is split over lines, not cut off
    assert sum(w[1].count("X") for w in words if set(w[1]) <= {"X", "…"}) >= 150
    # the rendered pages leave the side margins blank (nothing overflowed)
    for p in range(1, page_count(out) + 1):
        img = render_page(out, p, tmp_path, dpi=40)
        px_per_pt = img.shape[1] / words[0][6]
        margin = int((MARGIN_X - 3) * px_per_pt)
        assert img[:, :margin].min() > 240 and img[:, -margin:].min() > 240


def test_no_image_and_no_analysis(tmp_path: Path) -> None:
    out = render_referral(make_input([], malignant=None), tmp_path / "none.pdf")
    text = flat(pdftotext(out))
    assert "No dermoscopy image is attached to this examination." in text
    assert "No analysis: the images were not analysed by the model." in text
    assert "derm-net" not in text and "Threshold" not in text
    assert page_count(out) == 1
    assert extracted_jpegs(out, tmp_path) == []


def test_images_present_but_not_analysed(jpeg: Path, tmp_path: Path) -> None:
    out = render_referral(make_input([jpeg], malignant=None), tmp_path / "na.pdf")
    text = flat(pdftotext(out))
    assert "No analysis" in text and "Image 1: orig-lesion.jpg, 640 × 480 px" in text
    assert extracted_jpegs(out, tmp_path) == [jpeg.read_bytes()]


def test_several_images_are_embedded_byte_for_byte(tmp_path: Path) -> None:
    images = [lesion_jpeg(tmp_path / f"l{i}.jpg", 1200 + 40 * i, 900, seed=i, quality=95) for i in range(4)]
    out = render_referral(make_input(images, malignant=0.55), tmp_path / "multi.pdf")
    embedded = extracted_jpegs(out, tmp_path)
    assert sorted(embedded) == sorted(p.read_bytes() for p in images)  # not recompressed
    text = flat(pdftotext(out))
    rows = flat(pdftotext(out, layout=True))  # table rows stay on one line in layout mode
    for i in range(4):
        assert f"Image {i + 1}: orig-l{i}.jpg, {1200 + 40 * i} × 900 px" in text
        assert f"{i + 1}. orig-l{i}.jpg 55.0% 45.0% suspicious" in rows
    assert "SUSPICIOUS" in text
    assert page_count(out) <= 3


def test_heatmap_is_printed_beside_its_image(jpeg: Path, tmp_path: Path) -> None:
    heat = tmp_path / "heat.png"
    Image.fromarray(np.full((120, 160, 3), (255, 0, 0), np.uint8)).save(heat)
    data = make_input([jpeg], malignant=0.5)
    data = replace(data, heatmaps={data.image_sha(0): heat})
    out = render_referral(data, tmp_path / "heat.pdf")
    assert "Heatmap of image 1" in flat(pdftotext(out))
    img = render_page(out, 1, tmp_path)
    red = (img[..., 0] > 200) & (img[..., 1] < 40) & (img[..., 2] < 40)
    assert red.sum() > 500


def test_missing_optional_fields(jpeg: Path, tmp_path: Path) -> None:
    patient = Patient(None, "Mary Major")
    data = make_input(
        [jpeg], patient=patient, settings=Settings(), site=None, referring_doctor="", notes="", referral_number=""
    )
    data = replace(data, model=ModelInfo("derm-net", "1.2.3", MODEL_SHA, 0.4))  # card without metrics
    out = render_referral(data, tmp_path / "sparse.pdf")
    text = flat(pdftotext(out))
    assert "Mary Major" in text
    assert text.count("not given") >= 5  # clinic, centre, birth date, record number, phone, doctor
    assert "not stated" in text  # sex
    assert "not marked on the body map" in text
    assert "(not numbered)" in text
    assert "Test-set metrics: not available in the model card." in text
    assert "Calibration temperature" not in text


def test_card_not_installed_is_said_plainly(jpeg: Path, tmp_path: Path) -> None:
    data = make_input([jpeg], malignant=0.3)
    data = replace(data, model=ModelInfo("derm-net", "1.2.3", MODEL_SHA, 0.4, card_found=False))
    text = flat(pdftotext(render_referral(data, tmp_path / "nocard.pdf")))
    assert "card is not installed on this computer" in text and MODEL_SHA in text


def test_warnings_and_override_are_printed(jpeg: Path, tmp_path: Path) -> None:
    data = replace(make_input([jpeg]), warnings=("Image is blurred",), warnings_overridden=True)
    text = flat(pdftotext(render_referral(data, tmp_path / "warn.pdf")))
    assert "Image is blurred" in text and "had the image analysed anyway" in text


def test_body_map_marks_the_site(jpeg: Path, tmp_path: Path) -> None:
    def red_pixels(pdf: Path) -> np.ndarray:
        img = render_page(pdf, 1, tmp_path, dpi=60).astype(int)
        top = img[: img.shape[0] // 2]  # the body map sits in the upper half of page 1
        return (top[..., 0] > 150) & (top[..., 1] < 80) & (top[..., 2] < 80)

    marked = red_pixels(render_referral(make_input([jpeg], malignant=None), tmp_path / "m.pdf"))
    unmarked = red_pixels(render_referral(make_input([jpeg], malignant=None, site=None), tmp_path / "u.pdf"))
    assert marked.sum() > 20 and unmarked.sum() == 0


@pytest.mark.parametrize("orientation", range(1, 9))
def test_exif_orientation_is_applied(orientation: int, tmp_path: Path) -> None:
    # Stored picture: blue with a red top-left quadrant; where the red ends up must match PIL's view.
    stored = np.zeros((300, 400, 3), np.uint8)
    stored[...] = (0, 0, 255)
    stored[:150, :200] = (255, 0, 0)
    path = tmp_path / f"o{orientation}.jpg"
    exif = Image.Exif()
    exif[0x0112] = orientation
    Image.fromarray(stored).save(path, quality=95, exif=exif)
    from PIL import ImageOps

    with Image.open(path) as im:
        expected = np.asarray(ImageOps.exif_transpose(im).convert("RGB")).astype(int)
    out = render_referral(make_input([path], malignant=None, site=None), tmp_path / f"o{orientation}.pdf")
    page = render_page(out, 1, tmp_path, dpi=60).astype(int)
    blue = (page[..., 2] > 180) & (page[..., 0] < 80)
    red = (page[..., 0] > 180) & (page[..., 2] < 80) & (page[..., 1] < 80)
    ys, xs = np.nonzero(blue | red)
    box = page[ys.min() : ys.max() + 1, xs.min() : xs.max() + 1]
    assert abs(box.shape[1] / box.shape[0] - expected.shape[1] / expected.shape[0]) < 0.05
    ry, rx = np.argwhere((box[..., 0] > 180) & (box[..., 2] < 80)).mean(axis=0)
    ey, ex = np.argwhere((expected[..., 0] > 180) & (expected[..., 2] < 80)).mean(axis=0)
    assert abs(ry / box.shape[0] - ey / expected.shape[0]) < 0.05
    assert abs(rx / box.shape[1] - ex / expected.shape[1]) < 0.05


def test_unreadable_image_is_reported_in_the_pdf(tmp_path: Path) -> None:
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"not a jpeg")
    text = flat(pdftotext(render_referral(make_input([broken], malignant=None), tmp_path / "b.pdf")))
    assert "could not be read from the record store and is missing from this referral" in text


def test_missing_folder_gives_a_clear_error(jpeg: Path, tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "folder" / "r.pdf"
    with pytest.raises(ReportError, match="does not exist"):
        render_referral(make_input([jpeg]), target)
    assert not target.parent.exists()


def test_full_disk_leaves_no_half_file_and_keeps_the_old_one(
    jpeg: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "r.pdf"
    target.write_bytes(b"previous referral")

    def no_space(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(ReportError, match="No space left on device"):
        render_referral(make_input([jpeg]), target)
    assert sorted(p.name for p in folder.iterdir()) == ["r.pdf"]
    assert target.read_bytes() == b"previous referral"


def test_unwritable_folder_gives_a_clear_error(jpeg: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    with pytest.raises(ReportError, match="Permission denied"):
        render_referral(make_input([jpeg]), tmp_path / "r.pdf")
    assert not (tmp_path / "r.pdf").exists()


def test_twelve_megapixel_photograph_is_embedded_whole(tmp_path: Path) -> None:
    # How long this takes is a benchmark's business (benchmarks/run.py), not a test's.
    big = lesion_jpeg(tmp_path / "big.jpg", 4000, 3000, quality=92)
    out = render_referral(make_input([big], malignant=0.7), tmp_path / "t.pdf")
    assert out.stat().st_size > big.stat().st_size  # the full 12-megapixel JPEG is inside


def test_checklist_is_printed_with_its_total(jpeg: Path, tmp_path: Path) -> None:
    checklist = {"method": "7point", "atypical_network": True, "blue_white_veil": False, "irregular_dots": True}
    out = render_referral(make_input([jpeg], lang="ru", checklist=checklist), tmp_path / "cl.pdf")
    rows = flat(pdftotext(out, layout=True))
    assert "Атипичная пигментная сеть да" in rows and "Бело-голубая вуаль нет" in rows
    assert "Неравномерные точки/глобулы да" in rows
    assert "7-пунктовый контрольный список: 3 балла (указывает на меланому)" in flat(pdftotext(out))
    abcd = {"method": "abcd", "asymmetry": 0, "border": 1, "colors": 2, "structures": 2}
    text = flat(pdftotext(render_referral(make_input([jpeg], checklist=abcd), tmp_path / "abcd.pdf")))
    assert "Dermoscopy checklist: ABCD rule of dermoscopy" in text and "TDS 2.10 (benign range)" in text


def test_saved_file_gets_ordinary_permissions(jpeg: Path, tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        fresh = render_referral(make_input([jpeg]), tmp_path / "fresh.pdf")
        assert fresh.stat().st_mode & 0o777 == 0o644
        kept = tmp_path / "kept.pdf"
        kept.write_bytes(b"old")
        kept.chmod(0o640)
        render_referral(make_input([jpeg]), kept)
        assert kept.stat().st_mode & 0o777 == 0o640 and kept.read_bytes().startswith(b"%PDF")
    finally:
        os.umask(old)
