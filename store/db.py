"""Opening the database: a DuckDB file (the default) or a PostgreSQL server (a URL)."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

from store.dialect import is_url
from store.schema import ensure_schema

DEFAULT_DB = Path(__file__).resolve().parent.parent / "data" / "coachboard.duckdb"

# No network here: DuckDB must never try to download an extension (it would hang or fail).
_CONFIG = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}


class DatabaseBusy(RuntimeError):
    """Another process (usually the running app) holds the database file's write lock."""


class DatabaseUnreachable(DatabaseBusy):
    """The PostgreSQL server of a ``postgresql://`` URL cannot be reached or refused us (a
    ``DatabaseBusy``: every place that explains one explains this too)."""


def db_path() -> Path | str:
    """The database: ``$COACHBOARD_DB`` (a file, or a ``postgresql://`` URL kept as text) or
    ``data/coachboard.duckdb``."""
    setting = os.environ.get("COACHBOARD_DB") or DEFAULT_DB
    return str(setting) if is_url(setting) else Path(setting)


def db_key(path: str | Path | None = None) -> str:
    """The database as one key: a PostgreSQL URL as given, a file as its absolute path."""
    chosen = path or db_path()
    return str(chosen) if is_url(chosen) else str(Path(chosen).resolve())


def display_name(path: str | Path | None = None) -> str:
    """The database as the sidebar names it: the file's name, or ``db@host`` (no password)."""
    chosen = path or db_path()
    if not is_url(chosen):
        return Path(chosen).name
    from psycopg.conninfo import conninfo_to_dict  # psycopg is loaded only for a server

    info = conninfo_to_dict(str(chosen))
    return f"{info.get('dbname', '')}@{info.get('host', '')}"


def connect(path: str | Path | None = None) -> duckdb.DuckDBPyConnection:
    """Open (creating if needed) the database and make sure its schema is current.

    ``path`` may be a ``postgresql://user@host:port/db`` URL: the connection is then a
    ``store.pg.PgConnection`` with the same methods (docs/operations.md, "PostgreSQL").

    Raises:
        DatabaseBusy: another process has the file open for writing. DuckDB allows one
            writer per file; its lock protects the file, we only explain it.
        store.errors.SchemaTooNew: the file was written by a newer Coachboard.
    """
    if is_url(path or db_path()):
        import psycopg

        from store.pg_security import connect_pg  # psycopg is needed only for a server

        url = str(path or db_path())
        try:
            return connect_pg(url)
        except psycopg.OperationalError as exc:
            reason = (str(exc).strip().splitlines() or ["-"])[-1]
            raise DatabaseUnreachable(
                f"The PostgreSQL database {display_name(url)} cannot be opened ({reason}). "
                "Check that the server runs, the URL in COACHBOARD_DB or --db, and the "
                "password.") from exc
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
