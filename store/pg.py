"""PostgreSQL behind the DuckDB connection API the store uses (psycopg 3 and its pool).

``PgConnection`` offers what ``store/`` calls on a DuckDB connection: ``execute(sql, params)``
with DuckDB's ``?`` and ``$name`` placeholders (``store.dialect.translate`` rewrites them and
the few DuckDB-only phrases), ``fetchone``/``fetchall``/``df``, ``sql(...).to_arrow_table()``,
``cursor()``, ``register``/``unregister`` of a frame (a temporary table filled by COPY) and
``close``. Like a DuckDB cursor, each ``cursor()`` is its own session (a pooled connection),
with its own temporary views and its own transaction; statements autocommit unless the store
says ``BEGIN TRANSACTION``. A session scoped to a viewer (``scope_to``) runs every statement in
a transaction that first sets the viewer's role and settings with ``set_config(..., true)``
(SET LOCAL): they end with it, so no later work on the connection inherits them. Frames come back with the dtypes DuckDB gives (DuckDB converts the
Arrow table built from the rows), so analytics see the same frames on both backends.
"""

from __future__ import annotations

import contextlib
import os
import re
import threading
from collections.abc import Iterator

import pandas as pd
import psycopg
import pyarrow as pa
from psycopg_pool import ConnectionPool

from store.dialect import POSTGRESQL, translate
from store.pg_copy import copy_frame, fetch_arrow
from store.pg_types import ARROW, Result, arrow_of, frame_of, params_of, register_loaders

_POOLS: dict[str, ConnectionPool] = {}
_IDLE = psycopg.pq.TransactionStatus.IDLE
_BEGIN = re.compile(r"\s*(BEGIN|START TRANSACTION)\b", re.I)
_LOCK = threading.Lock()


def _configure(conn: psycopg.Connection) -> None:
    conn.autocommit = True  # as DuckDB: each statement commits unless a transaction is begun
    conn.prepare_threshold = None  # a cached plan could outlive the temporary views it skipped
    register_loaders(conn)


def _reset(conn: psycopg.Connection) -> None:
    """A connection back in the pool forgets its viewer: role, settings, temporary views."""
    conn.execute("RESET ROLE; RESET ALL; DISCARD TEMP")


def pool(url: str) -> ConnectionPool:
    """The process's pool for ``url`` (``COACHBOARD_PG_POOL`` connections at most, 20)."""
    with _LOCK:
        if url not in _POOLS:
            # Fail at once with the server's own words (a wrong host, database or password),
            # rather than after the pool's 30 s of retries.
            psycopg.connect(url, connect_timeout=10).close()
            size = int(os.environ.get("COACHBOARD_PG_POOL", "20"))
            # A write waiting longer than this for another session's lock gives up (an import
            # is then retried, then told to try again): a stuck session cannot hang the app.
            wait = {} if "lock_timeout" in url else {"options": "-c lock_timeout=10s"}
            _POOLS[url] = ConnectionPool(url, min_size=1, max_size=size, open=True,
                                         configure=_configure, reset=_reset, kwargs=wait,
                                         name="coachboard")
        return _POOLS[url]


def close_pool(url: str) -> None:
    """Close ``url``'s pool (tests dropping a database; a process shutting down)."""
    with _LOCK:
        found = _POOLS.pop(url, None)
    if found is not None:
        found.close()


class PgConnection:
    """One pooled PostgreSQL session with the DuckDB connection methods the store uses."""

    dialect = POSTGRESQL

    def __init__(self, url: str) -> None:
        self.url = url
        self._pool = pool(url)
        self._conn: psycopg.Connection | None = self._pool.getconn()
        self._cur = self._conn.cursor()
        # The statement opening each transaction of a scoped session (``scope_to``).
        self._local: tuple[str, list[str]] | None = None

    @property
    def raw(self) -> psycopg.Connection:
        """The psycopg connection (for COPY and PostgreSQL-only work in ``store/``)."""
        if self._conn is None:
            raise psycopg.InterfaceError("the connection is closed")
        return self._conn

    def scope_to(self, settings: dict[str, str], role: str | None = None) -> None:
        """Run each later transaction of this session as ``role`` with ``settings``, set at its
        start with ``set_config(..., true)``: a statement outside the store's own transactions
        is its own transaction. Nothing stays on the connection once a transaction ends."""
        values = [] if role is None else ["role", role]
        for name, value in settings.items():
            values += [name, value]
        names = ", ".join("set_config(%s, %s, true)" for _ in range(len(values) // 2))
        self._local = (f"SELECT {names}", values)

    @contextlib.contextmanager
    def _scoped(self, statement: str, pipeline: bool = True) -> Iterator[None]:
        """Around one statement: the scope's transaction, unless the statement is inside the
        store's own (whose ``BEGIN`` gets the scope right after it). COPY and a text of several
        statements cannot go in a pipeline."""
        conn = self.raw
        if self._local is not None and _BEGIN.match(statement):
            yield
            conn.execute(*self._local)
            return
        if self._local is None or conn.info.transaction_status != _IDLE:
            yield
            return
        with contextlib.ExitStack() as stack:
            if pipeline and ";" not in statement:  # BEGIN, settings, statement, COMMIT at once
                stack.enter_context(conn.pipeline())
            stack.enter_context(conn.transaction())
            conn.execute(*self._local)
            yield

    def execute(self, sql: str, params=None) -> PgConnection:
        *before, last = translate(sql, params is not None)
        with self._scoped(last):
            for statement in before:
                self.raw.execute(statement)
            self._cur.execute(last, params_of(params))
        return self

    def executemany(self, sql: str, rows) -> PgConnection:
        *before, last = translate(sql)
        with self._scoped(last):
            for statement in before:
                self.raw.execute(statement)
            self._cur.executemany(last, [params_of(r) for r in rows])
        return self

    def sql(self, sql: str, params=None) -> Result:
        """A result for Arrow: the store's large frames come this way, by COPY."""
        *before, last = translate(sql, params is not None)
        with self._scoped(last, pipeline=False):
            for statement in before:
                self.raw.execute(statement)
            return Result(fetch_arrow(self.raw, last, params_of(params), ARROW))

    def complete(self) -> None:
        """DuckDB finishes a pending result here; psycopg has none pending."""

    def fetchone(self):
        return self._cur.fetchone()

    def fetchall(self) -> list[tuple]:
        return self._cur.fetchall()

    def arrow(self) -> pa.Table:
        return arrow_of(self._cur, self._cur.fetchall())

    fetch_arrow_table = to_arrow_table = arrow

    def df(self) -> pd.DataFrame:
        return frame_of(self.arrow())

    fetchdf = df

    @property
    def description(self):
        return self._cur.description

    def cursor(self) -> PgConnection:
        """A new session on the same database (as a DuckDB cursor is)."""
        return PgConnection(self.url)

    def sibling(self) -> PgConnection:
        """Another handle on this very session, with its own cursor and no scope of its own
        (``store.pg_lease``: one session for a whole rerun); closing it leaves the session."""
        twin = object.__new__(PgConnection)
        twin.url, twin._pool, twin._conn = self.url, None, self.raw
        twin._cur, twin._local = twin._conn.cursor(), None
        return twin

    def register(self, name: str, frame) -> None:
        """A temporary table ``name`` holding ``frame`` (pandas or Arrow), replacing any."""
        with self._scoped("COPY", pipeline=False):
            copy_frame(self.raw, name, frame)

    def unregister(self, name: str) -> None:
        with self._scoped("DROP"):
            self.raw.execute(f'DROP TABLE IF EXISTS pg_temp."{name}"')

    def close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is None or self._pool is None:  # a sibling: the session is its owner's
            return
        with contextlib.suppress(Exception):
            if conn.info.transaction_status != psycopg.pq.TransactionStatus.IDLE:
                conn.rollback()
        with contextlib.suppress(Exception):
            self._pool.putconn(conn)

    def __del__(self) -> None:  # a cursor dropped without close() goes back to the pool
        with contextlib.suppress(Exception):
            self.close()

    def __enter__(self) -> PgConnection:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

