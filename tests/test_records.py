"""The record store: migrations, patients, examinations, images, analyses, audit."""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import make_rgb
from PIL import Image

from dermassist.imaging.loading import ImageLoadError
from dermassist.records.db import Migration, bundled_migrations, connect, migrate
from dermassist.records.models import AnalysisRecord, Examination, LesionSite, Patient
from dermassist.records.store import RecordConflict, RecordError, RecordNotFound, RecordStore

SHA = "ab" * 32


def _analysis(exam_id: int, sha: str, malignant: float = 0.7) -> AnalysisRecord:
    return AnalysisRecord(None, exam_id, sha, malignant, 0.5, "malignant", "tiny", "0.0.1", SHA, "CPU")


@pytest.fixture
def store(tmp_path: Path):
    s = RecordStore.open(tmp_path / "data")
    yield s
    s.close()


def test_open_creates_files_wal_and_schema(tmp_path: Path) -> None:
    store = RecordStore.open(tmp_path / "d")
    try:
        assert (tmp_path / "d" / "records.sqlite3").is_file()
        assert (tmp_path / "d" / "images").is_dir()
        assert store.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.connection.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.schema_version >= 1
        versions = [r[0] for r in store.connection.execute("SELECT version FROM schema_version ORDER BY version")]
        assert versions == [m.version for m in bundled_migrations()]
    finally:
        store.close()
    # Opening again applies nothing twice.
    RecordStore.open(tmp_path / "d").close()


def test_default_folder_is_the_user_data_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("DERMASSIST_DATA_DIR", str(tmp_path / "userdata"))
    with RecordStore.open() as store:
        assert store.data_dir == tmp_path / "userdata"
    assert (tmp_path / "userdata" / "records.sqlite3").is_file()


def test_failed_migration_leaves_database_unchanged(tmp_path: Path) -> None:
    conn = connect(tmp_path / "x.sqlite3")
    good = Migration(1, "0001_a.sql", "CREATE TABLE a (x INTEGER);")
    bad = Migration(2, "0002_b.sql", "CREATE TABLE b (x INTEGER); INSERT INTO nope VALUES (1);")
    later = Migration(3, "0003_c.sql", "CREATE TABLE c (x INTEGER);")
    assert migrate(conn, [good]) == [1]
    with pytest.raises(Exception, match="0002_b.sql"):
        migrate(conn, [good, bad, later])
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "b" not in tables and "c" not in tables
    # A number added later below the highest one is still applied (versions are a set).
    assert migrate(conn, [good, later]) == [3]
    assert migrate(conn, [good, Migration(2, "0002_b.sql", "CREATE TABLE b (x INTEGER);"), later]) == [2]
    conn.close()


def test_patient_roundtrip_search_and_cyrillic(store: RecordStore) -> None:
    a = store.add_patient(Patient(None, "Иванова Мария Петровна", "1960-05-01", "female", "OMS-123", "+7 900 1"))
    b = store.add_patient(Patient(None, "John Smith", None, "male", "MRN-9", ""))
    assert a.id and b.id and a.created_at
    assert store.get_patient(a.id) == a
    assert [p.id for p in store.search_patients("иванова")] == [a.id]
    assert [p.id for p in store.search_patients("ИВАНОВА мария")] == [a.id]
    assert [p.id for p in store.search_patients("mrn-9")] == [b.id]
    assert [p.id for p in store.search_patients("1960")] == [a.id]
    assert {p.id for p in store.search_patients("")} == {a.id, b.id}
    assert store.search_patients("nobody") == []


def test_patient_validation(store: RecordStore) -> None:
    with pytest.raises(RecordError, match="full name"):
        store.add_patient(Patient(None, "  "))
    with pytest.raises(RecordError, match="not a date"):
        store.add_patient(Patient(None, "X", birth_date="01.05.1960"))
    with pytest.raises(RecordError, match="sex"):
        store.add_patient(Patient(None, "X", sex="?"))
    assert store.stats()["patients"] == 0


def test_update_patient_audits_old_values_and_refuses_stale_edit(store: RecordStore) -> None:
    p = store.add_patient(Patient(None, "Anna", phone="111"))
    p2 = store.update_patient(replace(p, phone="222"))
    assert p2.phone == "222" and p2.updated_at > p.updated_at and p2.created_at == p.created_at
    edit = store.list_audit("patient", p.id, action="edit")[0]
    assert '"phone": ["111", "222"]' in edit.details
    with pytest.raises(RecordConflict):
        store.update_patient(replace(p, phone="333"))  # p is stale
    assert store.get_patient(p.id).phone == "222"


def test_missing_ids_raise_record_not_found(store: RecordStore) -> None:
    with pytest.raises(RecordNotFound, match="no patient with id 42"):
        store.get_patient(42)
    with pytest.raises(KeyError):
        store.get_examination(7)
    with pytest.raises(LookupError):
        store.add_examination(Examination(None, 99, "2024-01-01"))


def test_examination_images_analyses_and_lesion_history(store: RecordStore, tmp_path: Path) -> None:
    p = store.add_patient(Patient(None, "Anna"))
    site = LesionSite("back", 0.4, 0.3, "left scapula")
    e1 = store.add_examination(
        Examination(None, p.id, "2024-01-10", "Dr A", site, notes="flat", checklist={"method": "abcd", "A": 1})
    )
    assert e1.lesion_id and e1.site == site and e1.checklist == {"method": "abcd", "A": 1}
    src = tmp_path / "x.png"
    Image.fromarray(make_rgb(80, 60)).save(src)
    img = store.add_image(e1.id, src)
    assert (img.width, img.height) == (80, 60) and img.original_name == "x.png"
    path = store.image_path(img)
    assert path.name == hashlib.sha256(src.read_bytes()).hexdigest() + ".png"
    assert path.read_bytes() == src.read_bytes() and store.image_path(img.sha256) == path
    # The same content again (as bytes, in another examination): one file, two links.
    e2 = store.add_examination(Examination(None, p.id, "2024-06-10", site=site, lesion_id=e1.lesion_id))
    img2 = store.add_image(e2.id, src.read_bytes(), "again.png")
    assert img2.sha256 == img.sha256
    assert len(list((store.images_dir).iterdir())) == 1
    store.add_image(e1.id, src)  # duplicate link is ignored
    assert len(store.get_examination(e1.id).images) == 1

    a = store.add_analysis(_analysis(e1.id, img.sha256, 0.7))
    assert a.id and a.created_at and a.model_sha256 == SHA
    full = store.get_examination(e1.id)
    assert full.latest_analysis() == a and full.images[0] == img
    history = store.examinations_for_lesion(e1.lesion_id)
    assert [e.id for e in history] == [e1.id, e2.id]
    assert [e.id for e in store.list_examinations(p.id)] == [e2.id, e1.id]


def test_analysis_without_model_or_foreign_image_is_refused(store: RecordStore, image_file: Path) -> None:
    p = store.add_patient(Patient(None, "Anna"))
    e = store.add_examination(Examination(None, p.id, "2024-01-10"))
    img = store.add_image(e.id, image_file)
    with pytest.raises(RecordError, match="model"):
        store.add_analysis(replace(_analysis(e.id, img.sha256), model_name=""))
    with pytest.raises(RecordError, match="does not belong"):
        store.add_analysis(_analysis(e.id, "cd" * 32))
    assert store.stats()["analyses"] == 0


def test_bad_image_is_refused_and_nothing_is_written(store: RecordStore, tmp_path: Path) -> None:
    p = store.add_patient(Patient(None, "Anna"))
    e = store.add_examination(Examination(None, p.id, "2024-01-10"))
    junk = tmp_path / "notes.jpg"
    junk.write_bytes(b"this is not a picture")
    with pytest.raises(ImageLoadError, match="notes.jpg"):
        store.add_image(e.id, junk)
    with pytest.raises(ImageLoadError, match="no such file"):
        store.add_image(e.id, tmp_path / "missing.jpg")
    assert list(store.images_dir.iterdir()) == []
    assert store.get_examination(e.id).images == ()


def test_damaged_stored_file_is_repaired_by_adding_it_again(store: RecordStore, image_file: Path) -> None:
    p = store.add_patient(Patient(None, "Anna"))
    e = store.add_examination(Examination(None, p.id, "2024-01-10"))
    img = store.add_image(e.id, image_file)
    store.image_path(img).write_bytes(b"damaged")
    store.add_image(e.id, image_file)
    assert store.image_path(img).read_bytes() == image_file.read_bytes()


def test_examination_update_conflict_and_audit(store: RecordStore) -> None:
    p = store.add_patient(Patient(None, "Anna"))
    e = store.add_examination(Examination(None, p.id, "2024-01-10"))
    e2 = store.update_examination(replace(e, notes="grew 2 mm", urgency="soon"))
    assert e2.notes == "grew 2 mm" and e2.urgency == "soon" and e2.lesion_id == e.lesion_id
    with pytest.raises(RecordConflict):
        store.update_examination(replace(e, notes="other"))
    with pytest.raises(RecordError, match="urgency"):
        store.update_examination(replace(e2, urgency="now"))
    actions = [(a.action, a.entity) for a in store.list_audit()]
    assert ("edit", "examination") in actions and ("create", "patient") in actions


def test_audit_actor_from_settings_or_override(store: RecordStore) -> None:
    from dermassist.records.settings import Settings, save_settings

    save_settings(Settings(doctor_name="Dr Petrov"))
    store.audit("export-pdf", "examination", 5, "referral.pdf")
    store.audit("print", "examination", 5, actor="nurse")
    entries = store.list_audit("examination", 5)
    assert [(e.actor, e.action) for e in entries] == [("nurse", "print"), ("Dr Petrov", "export-pdf")]
    assert entries[1].at.endswith("+00:00")


def test_transaction_rolls_back_everything(store: RecordStore) -> None:
    with pytest.raises(RuntimeError), store.transaction():
        store.add_patient(Patient(None, "Ghost"))
        raise RuntimeError("power cut")
    assert store.search_patients() == []
    assert store.list_audit() == []


def test_foreign_keys_are_enforced(store: RecordStore) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        store.connection.execute(
            "INSERT INTO examinations (patient_id, date, created_at, updated_at) VALUES (999, '2024-01-01', '', '')"
        )


def test_checklist_scores() -> None:
    from dermassist.records.checklist import score, summary

    assert score({}) is None
    abcd = score({"method": "abcd", "asymmetry": 2, "border": 4, "colors": 3, "structures": 3})
    assert abcd is not None and abcd.score == 6.0
    assert abcd.level == "melanoma" and abcd.suspicious
    low = score({"method": "abcd", "asymmetry": 0, "border": 0, "colors": 1, "structures": 1})
    assert low is not None and low.score == 1.0 and not low.suspicious
    seven = score({"method": "7point", "blue_white_veil": True, "regression": True})
    assert seven is not None and seven.score == 3 and seven.suspicious
    assert "TDS 6.00" in summary({"method": "abcd", "asymmetry": 2, "border": 4, "colors": 3, "structures": 3})
    assert "3 балла" in summary({"method": "7point", "blue_white_veil": True, "regression": True}, "ru")
    with pytest.raises(ValueError, match="border"):
        score({"method": "abcd", "border": 9})
