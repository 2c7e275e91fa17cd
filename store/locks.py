"""One process at a time, across replicas: PostgreSQL's advisory locks.

A DuckDB file has one process, so there the lock is always ours. On PostgreSQL several app
processes (replicas) share the database; work that must not run twice at once (the app's
digest round: two replicas would send the same digest) takes a session-level advisory lock
first and skips its round when another process holds it. A process that dies loses its
session, and with it the lock.
"""

from __future__ import annotations

import contextlib
import zlib
from collections.abc import Iterator

import duckdb

from store.audit import underlying
from store.dialect import is_pg


@contextlib.contextmanager
def exclusive(con: duckdb.DuckDBPyConnection, name: str) -> Iterator[bool]:
    """True inside when this process holds the lock ``name`` (not waiting for it); False when
    another one does. Released on leaving."""
    raw = underlying(con)
    if not is_pg(raw):
        yield True
        return
    key = zlib.crc32(f"coachboard:{name}".encode())
    mine = bool(raw.execute("SELECT pg_try_advisory_lock(?)", [key]).fetchone()[0])
    try:
        yield mine
    finally:
        if mine:
            raw.execute("SELECT pg_advisory_unlock(?)", [key])
