"""The lesion site is stored as a language-neutral code and named in the reader's language."""

from __future__ import annotations

from pathlib import Path

import pytest

from dermassist.imaging import bodymap as bm
from dermassist.records import rows
from dermassist.records.db import bundled_migrations, connect, migrate
from dermassist.records.models import Examination, LesionSite, Patient
from dermassist.records.store import RecordError, RecordStore


def test_every_point_has_a_named_code_and_every_code_a_point() -> None:
    seen = set()
    for view in bm.VIEWS:
        for i in range(101):
            for j in range(101):
                x, y = i / 100, j / 100
                if bm.contains(view, x, y):
                    seen.add(bm.site_code(view, x, y))
    assert seen <= set(bm.SITE_NAMES), seen - set(bm.SITE_NAMES)
    assert set(bm.SITE_NAMES) - seen == set(), "codes no point on the map gives"


def test_site_names_per_language() -> None:
    assert bm.site_code("front", 0.82, 0.43) == "forearm.left"
    assert bm.site_code("front", 0.5, 0.27) == "chest.midline" and bm.site_code("front", 0.5, 0.06) == "face"
    assert bm.site_name("forearm.left", "en") == "left forearm"
    assert bm.site_name("forearm.left", "ru") == "левое предплечье"
    assert bm.site_name("no.such", "ru") == "no.such"


def test_describe_site_prefers_the_doctors_text_then_the_code() -> None:
    assert bm.describe_site(LesionSite("front", 0.82, 0.43, code="forearm.left"), "ru") == "левое предплечье"
    assert bm.describe_site(LesionSite("front", 0.82, 0.43, "under the watch strap", "forearm.left"), "ru") == (
        "under the watch strap"
    )
    # No code and no text: named from the point.
    assert bm.describe_site(LesionSite("back", 0.6, 0.53), "ru") == "правая ягодица"


def test_store_keeps_the_code_and_rejects_unknown_ones(store: RecordStore) -> None:
    p = store.add_patient(Patient(None, "Test Patient"))
    site = LesionSite("front", 0.82, 0.43, code="forearm.left")
    e = store.add_examination(Examination(None, p.id or 0, "2024-06-01", site=site))
    assert store.get_examination(e.id or 0).site == site
    with pytest.raises(RecordError, match="unknown lesion site code"):
        store.add_examination(Examination(None, p.id or 0, "2024-06-01", site=LesionSite("front", 0.5, 0.5, "", "x")))


def test_migration_turns_body_map_labels_into_codes(tmp_path: Path) -> None:
    conn = connect(tmp_path / "old.sqlite3")
    migrate(conn, [m for m in bundled_migrations() if m.version < 4])
    now = "2024-01-01T00:00:00+00:00"
    conn.execute("INSERT INTO patients (id, full_name, created_at, updated_at) VALUES (1, 'P', ?, ?)", (now, now))
    old = [
        ("front", 0.82, 0.43, "left forearm"),  # written by the English UI
        ("front", 0.82, 0.43, "левое предплечье"),  # by the Russian UI
        ("front", 0.5, 0.27, "грудная клетка по средней линии"),
        ("back", 0.4, 0.3, "left scapula"),  # the doctor's own words
        (None, None, None, ""),  # not marked
    ]
    for view, x, y, label in old:
        conn.execute(
            "INSERT INTO examinations (patient_id, date, site_view, site_x, site_y, site_label, created_at, updated_at)"
            " VALUES (1, '2024-01-01', ?, ?, ?, ?, ?, ?)",
            (view, x, y, label, now, now),
        )
    assert 4 in migrate(conn)
    found = [
        (r["site_code"], r["site_label"]) for r in conn.execute("SELECT * FROM examinations ORDER BY id").fetchall()
    ]
    assert found == [
        ("forearm.left", ""),
        ("forearm.left", ""),
        ("chest.midline", ""),
        ("", "left scapula"),
        ("", ""),
    ]
    first = rows.exam_from_row(conn.execute("SELECT * FROM examinations WHERE id = 2").fetchone())
    assert first.site is not None and bm.describe_site(first.site, "en") == "left forearm"
    conn.close()


def test_dicom_laterality_comes_from_the_code(store: RecordStore, tmp_path: Path) -> None:
    from PIL import Image
    from pydicom import dcmread

    from dermassist.records.settings import Settings
    from dermassist.transfer.package import build_package

    picture = tmp_path / "lesion.jpg"
    Image.new("RGB", (64, 48), (150, 110, 90)).save(picture, quality=90)
    p = store.add_patient(Patient(None, "Test Patient"))
    site = LesionSite("front", 0.82, 0.43, code="forearm.left")  # marked on the map: no words stored
    e = store.add_examination(Examination(None, p.id or 0, "2024-06-01", site=site))
    store.add_image(e.id or 0, picture)
    package = build_package(store, e.id or 0, Settings(), tmp_path / "pkg")
    first = dcmread(package.folder / "IMG001.dcm", stop_before_pixels=True)
    assert first.Laterality == "L" and "left forearm" in first.SeriesDescription
