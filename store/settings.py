"""User-changed settings (thresholds …), stored as JSON; defaults live in the code."""

from __future__ import annotations

import json

import duckdb

from store.access import writer
from store.audit import SETTINGS, record


def load(con: duckdb.DuckDBPyConnection, key: str) -> dict:
    """The stored overrides for ``key`` ({} when none)."""
    row = con.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return json.loads(row[0]) if row else {}


def save(con: duckdb.DuckDBPyConnection, key: str, value: dict) -> None:
    """Store ``value`` under ``key``. Raises store.access.AccessDenied without the right."""
    w = writer(con, "settings")
    w.execute(
        "INSERT INTO settings VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [key, json.dumps(value)],
    )
    record(con, SETTINGS, target=key, detail="save", within=w)


def reset(con: duckdb.DuckDBPyConnection, key: str) -> None:
    """Forget ``key``'s overrides. Raises store.access.AccessDenied without the right."""
    w = writer(con, "settings")
    w.execute("DELETE FROM settings WHERE key = ?", [key])
    record(con, SETTINGS, target=key, detail="reset", within=w)
