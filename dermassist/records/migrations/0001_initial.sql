-- 0001: patients, examinations, content-addressed images, analyses and the audit trail.
-- Nothing here is ever deleted by the application; edits are recorded in audit_log.

CREATE TABLE patients (
    id            INTEGER PRIMARY KEY,
    full_name     TEXT    NOT NULL,
    birth_date    TEXT,
    sex           TEXT    NOT NULL DEFAULT 'unknown',
    record_number TEXT    NOT NULL DEFAULT '',
    phone         TEXT    NOT NULL DEFAULT '',
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL
);
CREATE INDEX patients_record_number ON patients (record_number);

CREATE TABLE examinations (
    id               INTEGER PRIMARY KEY,
    patient_id       INTEGER NOT NULL REFERENCES patients (id),
    date             TEXT    NOT NULL,
    referring_doctor TEXT    NOT NULL DEFAULT '',
    site_view        TEXT,
    site_x           REAL,
    site_y           REAL,
    site_label       TEXT    NOT NULL DEFAULT '',
    lesion_id        TEXT    NOT NULL DEFAULT '',
    notes            TEXT    NOT NULL DEFAULT '',
    checklist        TEXT    NOT NULL DEFAULT '{}',
    urgency          TEXT    NOT NULL DEFAULT 'routine',
    referral_number  TEXT    NOT NULL DEFAULT '',
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL
);
CREATE INDEX examinations_patient ON examinations (patient_id, date);
CREATE INDEX examinations_lesion ON examinations (lesion_id, date);

-- One row per stored file: images/<sha256><ext>.
CREATE TABLE images (
    sha256    TEXT    PRIMARY KEY,
    filename  TEXT    NOT NULL,
    width     INTEGER NOT NULL DEFAULT 0,
    height    INTEGER NOT NULL DEFAULT 0,
    byte_size INTEGER NOT NULL DEFAULT 0,
    added_at  TEXT    NOT NULL
);

-- Which images belong to which examination (the same file may serve several examinations).
CREATE TABLE examination_images (
    examination_id INTEGER NOT NULL REFERENCES examinations (id),
    image_sha256   TEXT    NOT NULL REFERENCES images (sha256),
    position       INTEGER NOT NULL,
    original_name  TEXT    NOT NULL DEFAULT '',
    added_at       TEXT    NOT NULL,
    PRIMARY KEY (examination_id, image_sha256)
);

CREATE TABLE analyses (
    id                  INTEGER PRIMARY KEY,
    examination_id      INTEGER NOT NULL REFERENCES examinations (id),
    image_sha256        TEXT    NOT NULL REFERENCES images (sha256),
    malignant           REAL    NOT NULL CHECK (malignant >= 0.0 AND malignant <= 1.0),
    threshold           REAL    NOT NULL,
    decision            TEXT    NOT NULL,
    model_name          TEXT    NOT NULL CHECK (model_name <> ''),
    model_version       TEXT    NOT NULL,
    model_sha256        TEXT    NOT NULL CHECK (length(model_sha256) = 64),
    provider            TEXT    NOT NULL DEFAULT '',
    warnings            TEXT    NOT NULL DEFAULT '[]',
    warnings_overridden INTEGER NOT NULL DEFAULT 0,
    extras              TEXT    NOT NULL DEFAULT '{}',
    created_at          TEXT    NOT NULL
);
CREATE INDEX analyses_examination ON analyses (examination_id, id);

CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    at        TEXT    NOT NULL,
    actor     TEXT    NOT NULL,
    action    TEXT    NOT NULL,
    entity    TEXT    NOT NULL,
    entity_id TEXT    NOT NULL DEFAULT '',
    details   TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX audit_entity ON audit_log (entity, entity_id);
