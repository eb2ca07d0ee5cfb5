-- 0002: transfer to the specialized center. DICOM UIDs made once per examination and image, and
-- the outbox of referrals waiting to be sent (owned by dermassist.transfer).

CREATE TABLE dicom_uids (
    examination_id INTEGER NOT NULL REFERENCES examinations (id),
    role           TEXT    NOT NULL,  -- study, series/images, series/report, series/sr, image/<sha256>
    uid            TEXT    NOT NULL UNIQUE,
    created_at     TEXT    NOT NULL,
    PRIMARY KEY (examination_id, role)
);

-- One row per referral sent (or to be sent). state: queued, sending, delivered, failed.
-- next_attempt_at and sending_since are Unix seconds (the sender compares them with the clock).
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    examination_id  INTEGER NOT NULL REFERENCES examinations (id),
    state           TEXT    NOT NULL DEFAULT 'queued'
                    CHECK (state IN ('queued', 'sending', 'delivered', 'failed')),
    package_dir     TEXT    NOT NULL,  -- folder name under <data>/outbox/
    study_uid       TEXT    NOT NULL,
    report_uid      TEXT    NOT NULL,
    sr_uid          TEXT    NOT NULL,
    malignant       REAL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at REAL    NOT NULL DEFAULT 0,
    sending_since   REAL,
    last_error      TEXT    NOT NULL DEFAULT '',
    destination     TEXT    NOT NULL DEFAULT '',  -- where the last attempt went (protocol and address)
    image_sop_class TEXT    NOT NULL DEFAULT '',  -- the photographic SOP class the receiver accepted
    instances       INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL,
    delivered_at    TEXT
);
CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
CREATE INDEX outbox_examination ON outbox (examination_id, id);
-- At most one referral of an examination is waiting at any time (a second "Send" finds the first).
CREATE UNIQUE INDEX outbox_one_pending ON outbox (examination_id) WHERE state <> 'delivered';
