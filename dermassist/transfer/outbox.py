"""The outbox: referrals waiting for the center, kept in the local database until delivered.

States: ``queued`` (waiting for its first try or a retry), ``sending`` (a sender holds it),
``delivered``, ``failed`` (the last try failed; ``last_error`` says why and ``next_attempt_at``
when the next try is due). A sender holds an item under a lease: its owner (``pid@host``) and a
heartbeat refreshed every ``HEARTBEAT_S`` while it sends. Another sender (or ``outbox --retry``)
releases the lease of a dead owner: a process that no longer exists on this host, or a heartbeat
older than ``LEASE_TIMEOUT_S`` (an owner on another host, or a hung one). Each item owns a frozen
package folder under ``<data>/outbox/``, so every retry sends the very same instances.
"""

from __future__ import annotations

import os
import shutil
import socket
import sqlite3
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from dermassist.i18n import _
from dermassist.records.db import utc_now
from dermassist.records.settings import Settings, load_settings
from dermassist.records.store import RecordStore
from dermassist.transfer import uids
from dermassist.transfer.package import build_package

STATES = ("queued", "sending", "delivered", "failed")
LEASE_TIMEOUT_S = 45.0  # a heartbeat older than this means the owner is gone
HEARTBEAT_S = 10.0
STALE_AFTER_S = LEASE_TIMEOUT_S  # the name older callers use
BACKOFF_BASE_S = 30.0
BACKOFF_MAX_S = 3600.0
OUTBOX_DIR = "outbox"


@dataclass(frozen=True)
class OutboxItem:
    """One referral in the outbox."""

    id: int
    examination_id: int
    state: str
    package_dir: str
    study_uid: str
    report_uid: str
    sr_uid: str
    malignant: float | None
    attempts: int
    next_attempt_at: float
    sending_since: float | None
    last_error: str
    destination: str
    image_sop_class: str
    instances: int
    created_at: str
    updated_at: str
    delivered_at: str | None
    lease_owner: str = ""  # pid@host of the sender holding the item while it is 'sending'
    heartbeat_at: float | None = None


def _item(row: sqlite3.Row) -> OutboxItem:
    return OutboxItem(**{k: row[k] for k in row.keys()})  # noqa: SIM118 - iterating a Row yields values


def outbox_root(store: RecordStore) -> Path:
    """Folder that holds the items' packages."""
    return Path(store.data_dir) / OUTBOX_DIR


def package_folder(store: RecordStore, item: OutboxItem) -> Path:
    """The frozen package an item sends."""
    return outbox_root(store) / item.package_dir


def backoff_s(attempts: int) -> float:
    """Delay before the next try after ``attempts`` failed tries: 30 s doubling up to one hour."""
    return float(min(BACKOFF_MAX_S, BACKOFF_BASE_S * (2 ** max(0, attempts - 1))))


def get_item(store: RecordStore, item_id: int) -> OutboxItem:
    """The item with that id; raises KeyError."""
    with store.transaction() as conn:
        row = conn.execute("SELECT * FROM outbox WHERE id = ?", (item_id,)).fetchone()
    if row is None:
        raise KeyError(f"no outbox item {item_id}")
    return _item(row)


def list_items(store: RecordStore, *, states: tuple[str, ...] = STATES, limit: int = 500) -> list[OutboxItem]:
    """Items, newest first."""
    marks = ", ".join("?" for _ in states)
    with store.transaction() as conn:
        found = conn.execute(
            f"SELECT * FROM outbox WHERE state IN ({marks}) ORDER BY id DESC LIMIT ?", (*states, limit)
        ).fetchall()
    return [_item(r) for r in found]


def pending_item(store: RecordStore, examination_id: int) -> OutboxItem | None:
    """The examination's item that is not yet delivered, if any."""
    with store.transaction() as conn:
        row = conn.execute(
            "SELECT * FROM outbox WHERE examination_id = ? AND state <> 'delivered'", (examination_id,)
        ).fetchone()
    return _item(row) if row else None


def enqueue(
    store: RecordStore, examination_id: int, settings: Settings | None = None, *, lang: str | None = None
) -> OutboxItem:
    """Put an examination's referral in the outbox (building its package now) and return the item.

    A referral of the same examination that is still waiting is returned as it is; once one is
    delivered, sending again queues a new version (same study and image instances, a new report).
    """
    existing = pending_item(store, examination_id)
    if existing is not None:
        return existing
    settings = settings or load_settings()
    report_uid, sr_uid, token = uids.new_uid(), uids.new_uid(), f"{examination_id}-{uuid.uuid4().hex[:12]}"
    folder = outbox_root(store) / token
    package = build_package(store, examination_id, settings, folder, lang=lang, report_uid=report_uid, sr_uid=sr_uid)
    now = utc_now()
    try:
        with store.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO outbox (examination_id, state, package_dir, study_uid, report_uid, sr_uid, malignant, "
                "next_attempt_at, instances, created_at, updated_at) VALUES (?, 'queued', ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    examination_id,
                    token,
                    package.study_uid,
                    report_uid,
                    sr_uid,
                    package.malignant,
                    time.time(),
                    len(package.dicom_files()),
                    now,
                    now,
                ),
            )
            item_id = int(cur.lastrowid or 0)
            store.audit("enqueue-referral", "examination", examination_id, f"outbox item {item_id}")
    except sqlite3.IntegrityError:
        # Another window or process queued it meanwhile: keep theirs, drop ours.
        shutil.rmtree(folder, ignore_errors=True)
        again = pending_item(store, examination_id)
        if again is None:
            raise
        return again
    return get_item(store, item_id)


def owner_id() -> str:
    """This process as a lease owner: ``<pid>@<host>``."""
    return f"{os.getpid()}@{socket.gethostname()}"


def pid_alive(pid: int) -> bool:
    """Whether a process with that id runs on this host (a zombie counts as dead).

    Where this cannot be asked safely (Windows: ``os.kill`` would end the process), it answers
    True and the heartbeat alone decides.
    """
    if os.name != "posix":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
            return fh.read().rpartition(")")[2].split()[0] != "Z"
    except (OSError, IndexError):
        return True


def lease_dead(owner: str, heartbeat: float | None, now: float, timeout: float = LEASE_TIMEOUT_S) -> str:
    """Why the lease is dead ('' when it may still be alive)."""
    pid_text, _at, host = owner.partition("@")
    local = host == socket.gethostname() and pid_text.isdigit() and int(pid_text) != os.getpid()
    if local and not pid_alive(int(pid_text)):
        return _("sender process {pid} is gone").format(pid=pid_text)
    if heartbeat is None or heartbeat < now - timeout:
        return _("no sign of life from sender {owner} for {seconds} s").format(
            owner=owner or "?", seconds=f"{timeout:.0f}"
        )
    return ""


def recover_stale(store: RecordStore, *, now: float | None = None, stale_after: float = LEASE_TIMEOUT_S) -> int:
    """Release the leases of dead senders (their items are due again at once); returns how many."""
    now = time.time() if now is None else now
    released = 0
    with store.transaction() as conn:
        rows = conn.execute(
            "SELECT id, lease_owner, coalesce(heartbeat_at, sending_since) AS beat FROM outbox WHERE state = 'sending'"
        ).fetchall()
        for row in rows:
            why = lease_dead(str(row["lease_owner"]), row["beat"], now, stale_after)
            if not why:
                continue
            conn.execute(
                "UPDATE outbox SET state = 'queued', sending_since = NULL, lease_owner = '', heartbeat_at = NULL, "
                "next_attempt_at = ?, updated_at = ?, last_error = ? WHERE id = ? AND state = 'sending'",
                (now, utc_now(), _("interrupted while sending ({why})").format(why=why), row["id"]),
            )
            released += 1
    return released


def heartbeat(store: RecordStore, item_id: int, owner: str, *, now: float | None = None) -> bool:
    """Show that the owner still sends the item; False when the lease was lost meanwhile."""
    now = time.time() if now is None else now
    with store.transaction() as conn:
        cur = conn.execute(
            "UPDATE outbox SET heartbeat_at = ? WHERE id = ? AND state = 'sending' AND lease_owner = ?",
            (now, item_id, owner),
        )
        return cur.rowcount == 1


def claim_next(store: RecordStore, *, now: float | None = None, skip: tuple[int, ...] = ()) -> OutboxItem | None:
    """Atomically take the oldest due item (queued or failed) into ``sending``; None when nothing is due."""
    now = time.time() if now is None else now
    with store.transaction() as conn:
        not_in = f"AND id NOT IN ({', '.join('?' for _ in skip)}) " if skip else ""
        row = conn.execute(
            "SELECT id FROM outbox WHERE state IN ('queued', 'failed') AND next_attempt_at <= ? "
            + not_in
            + "ORDER BY next_attempt_at, id LIMIT 1",
            (now, *skip),
        ).fetchone()
        if row is None:
            return None
        conn.execute(
            "UPDATE outbox SET state = 'sending', sending_since = ?, attempts = attempts + 1, updated_at = ?, "
            "lease_owner = ?, heartbeat_at = ? WHERE id = ?",
            (now, utc_now(), owner_id(), now, row[0]),
        )
        fresh = conn.execute("SELECT * FROM outbox WHERE id = ?", (row[0],)).fetchone()
    return _item(fresh)


def claim(store: RecordStore, item_id: int, *, now: float | None = None) -> OutboxItem | None:
    """Take one item into ``sending`` whether due or not; None when it is delivered or being sent."""
    now = time.time() if now is None else now
    with store.transaction() as conn:
        cur = conn.execute(
            "UPDATE outbox SET state = 'sending', sending_since = ?, attempts = attempts + 1, updated_at = ?, "
            "lease_owner = ?, heartbeat_at = ? WHERE id = ? AND state IN ('queued', 'failed')",
            (now, utc_now(), owner_id(), now, item_id),
        )
        if cur.rowcount == 0:
            return None
        row = conn.execute("SELECT * FROM outbox WHERE id = ?", (item_id,)).fetchone()
    return _item(row)


def mark_delivered(store: RecordStore, item: OutboxItem, destination: str, sop_class: str) -> OutboxItem:
    """Record a successful delivery."""
    now = utc_now()
    with store.transaction() as conn:
        conn.execute(
            "UPDATE outbox SET state = 'delivered', sending_since = NULL, lease_owner = '', heartbeat_at = NULL, "
            "last_error = '', destination = ?, "
            "image_sop_class = ?, delivered_at = ?, updated_at = ? WHERE id = ?",
            (destination, sop_class, now, now, item.id),
        )
        store.audit("send-referral", "examination", item.examination_id, f"outbox item {item.id} to {destination}")
    return get_item(store, item.id)


def mark_failed(
    store: RecordStore, item: OutboxItem, error: str, destination: str, *, now: float | None = None, sop_class: str = ""
) -> OutboxItem:
    """Record a failed try and schedule the next one with exponential backoff."""
    now = time.time() if now is None else now
    with store.transaction() as conn:
        attempts = int(conn.execute("SELECT attempts FROM outbox WHERE id = ?", (item.id,)).fetchone()[0])
        conn.execute(
            "UPDATE outbox SET state = 'failed', sending_since = NULL, lease_owner = '', heartbeat_at = NULL, "
            "last_error = ?, destination = ?, "
            "next_attempt_at = ?, image_sop_class = CASE WHEN ? <> '' THEN ? ELSE image_sop_class END, "
            "updated_at = ? WHERE id = ?",
            (error[:2000], destination, now + backoff_s(attempts), sop_class, sop_class, utc_now(), item.id),
        )
    return get_item(store, item.id)


def retry_now(store: RecordStore, item_id: int | None = None) -> int:
    """Release dead senders' leases, then make failed (and queued) items due now: one item, or all."""
    recover_stale(store)
    with store.transaction() as conn:
        sql = "UPDATE outbox SET next_attempt_at = 0, updated_at = ? WHERE state IN ('queued', 'failed')"
        args: tuple[object, ...] = (utc_now(),)
        if item_id is not None:
            sql += " AND id = ?"
            args += (item_id,)
        return int(conn.execute(sql, args).rowcount)
