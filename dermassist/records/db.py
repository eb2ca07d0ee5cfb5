"""Open the SQLite database (WAL, foreign keys, full sync) and apply numbered migrations.

Migrations are the ``migrations/NNNN_name.sql`` files shipped inside this package. Each one runs
in its own transaction together with its ``schema_version`` row, so a crash leaves the database
either before or after a migration, never half-way. Versions are tracked as a set, so a lower
number added later (``0002`` from another package) is still applied.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path

_NAME = re.compile(r"^(\d{4})_([A-Za-z0-9_]+)\.sql$")


class MigrationError(RuntimeError):
    """A migration file is malformed or failed; the database was left unchanged by it."""


@dataclass(frozen=True)
class Migration:
    """One numbered SQL script."""

    version: int
    name: str
    sql: str


def utc_now() -> str:
    """Current UTC time as ISO 8601 with seconds, the format of every stored timestamp."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def bundled_migrations() -> list[Migration]:
    """The migration scripts shipped in ``dermassist/records/migrations``, in version order."""
    folder = resources.files("dermassist.records").joinpath("migrations")
    found: dict[int, Migration] = {}
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if not match:
            continue
        version = int(match.group(1))
        if version in found:
            raise MigrationError(f"two migrations share number {version:04d}: {found[version].name}, {entry.name}")
        found[version] = Migration(version, entry.name, entry.read_text(encoding="utf-8"))
    return [found[v] for v in sorted(found)]


def connect(path: Path) -> sqlite3.Connection:
    """Open ``path`` in autocommit mode with WAL, foreign keys and synchronous=FULL."""
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False, timeout=10.0)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        conn.close()
        raise sqlite3.OperationalError(f"{path}: cannot switch the database to WAL mode (got {mode})")
    # FULL: a committed record survives a power cut, not only an application crash.
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA busy_timeout = 10000")
    conn.create_function("casefold", 1, _casefold, deterministic=True)
    return conn


def _casefold(value: object) -> str:
    # SQLite's lower() only folds ASCII; patient names are often Cyrillic.
    return str(value).casefold() if value is not None else ""


def applied_versions(conn: sqlite3.Connection) -> set[int]:
    """Versions recorded in ``schema_version`` (empty for a new database)."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_version ("
        "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    return {int(r[0]) for r in conn.execute("SELECT version FROM schema_version")}


def migrate(conn: sqlite3.Connection, migrations: list[Migration] | None = None) -> list[int]:
    """Apply every migration not yet recorded, lowest number first; returns the versions applied."""
    todo = [m for m in (migrations if migrations is not None else bundled_migrations())]
    done = applied_versions(conn)
    applied: list[int] = []
    for mig in todo:
        if mig.version in done:
            continue
        # executescript() runs the text verbatim, so the explicit BEGIN/COMMIT make it atomic.
        script = (
            "BEGIN IMMEDIATE;\n"
            + mig.sql
            + "\n;INSERT INTO schema_version (version, name, applied_at) VALUES "
            + f"({mig.version}, '{mig.name}', '{utc_now()}');\nCOMMIT;"
        )
        try:
            conn.executescript(script)
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise MigrationError(f"migration {mig.name} failed: {exc}") from None
        applied.append(mig.version)
    return applied


def schema_version(conn: sqlite3.Connection) -> int:
    """Highest applied migration number (0 for an empty database)."""
    return max(applied_versions(conn), default=0)
