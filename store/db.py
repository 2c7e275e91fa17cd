"""Opening the DuckDB file safely."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

from store.schema import ensure_schema

DEFAULT_DB = Path(__file__).resolve().parent.parent / "data" / "coachboard.duckdb"

# No network here: DuckDB must never try to download an extension (it would hang or fail).
_CONFIG = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}


class DatabaseBusy(RuntimeError):
    """Another process (usually the running app) holds the database file's write lock."""


def db_path() -> Path:
    """The database file: ``$COACHBOARD_DB`` or ``data/coachboard.duckdb``."""
    return Path(os.environ.get("COACHBOARD_DB") or DEFAULT_DB)


def connect(path: str | Path | None = None) -> duckdb.DuckDBPyConnection:
    """Open (creating if needed) the database and make sure its schema is current.

    Raises:
        DatabaseBusy: another process has the file open for writing. DuckDB allows one
            writer per file; its lock protects the file, we only explain it.
        store.errors.SchemaTooNew: the file was written by a newer Coachboard.
    """
    target = Path(path) if path else db_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        con = duckdb.connect(str(target), config=_CONFIG)
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise DatabaseBusy(
                f"The database {target} is in use by another Coachboard process (is the app "
                "running?). Import through the app's Import page, or stop the app and try again."
            ) from exc
        raise
    # DuckDB draws a progress bar on the terminal for slow queries: noise in the CLI's output.
    con.execute("SET enable_progress_bar = false")
    try:
        ensure_schema(con)  # creates a new file's tables or upgrades an old file
    except Exception:
        con.close()  # e.g. SchemaTooNew: release the file, change nothing
        raise
    return con
