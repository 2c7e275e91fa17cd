"""User-changed settings (thresholds …), stored as JSON; defaults live in the code."""

from __future__ import annotations

import json

import duckdb


def load(con: duckdb.DuckDBPyConnection, key: str) -> dict:
    """The stored overrides for ``key`` ({} when none)."""
    row = con.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return json.loads(row[0]) if row else {}


def save(con: duckdb.DuckDBPyConnection, key: str, value: dict) -> None:
    con.execute(
        "INSERT INTO settings VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [key, json.dumps(value)],
    )


def reset(con: duckdb.DuckDBPyConnection, key: str) -> None:
    con.execute("DELETE FROM settings WHERE key = ?", [key])
