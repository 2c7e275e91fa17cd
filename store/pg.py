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

import duckdb
import pandas as pd
import psycopg
import pyarrow as pa
from psycopg.adapt import Loader
from psycopg_pool import ConnectionPool

from store.dialect import POSTGRESQL, translate
from store.pg_copy import copy_frame, fetch_arrow

_POOLS: dict[str, ConnectionPool] = {}
_IDLE = psycopg.pq.TransactionStatus.IDLE
_BEGIN = re.compile(r"\s*(BEGIN|START TRANSACTION)\b", re.I)
_LOCK = threading.Lock()
# Type oid -> Arrow type of a result column; anything else arrives as text.
_ARROW = {16: pa.bool_(), 20: pa.int64(), 21: pa.int16(), 23: pa.int32(), 700: pa.float32(),
          701: pa.float64(), 1700: pa.float64(), 1082: pa.date32(), 1114: pa.timestamp("us"),
          1184: pa.timestamp("us", tz="UTC"), 25: pa.string(), 1043: pa.string(),
          114: pa.string(), 3802: pa.string(), 19: pa.string()}


class _Numeric(Loader):
    """numeric as DuckDB gives it: a whole number (a sum of integers) as int, else float."""

    def load(self, data) -> int | float:
        text = bytes(data).decode()
        return int(text) if text.lstrip("-").isdigit() else float(text)


class _Text(Loader):
    """json as text, as DuckDB returns its JSON columns (the store parses it itself)."""

    def load(self, data) -> str:
        return bytes(data).decode()


def _configure(conn: psycopg.Connection) -> None:
    conn.autocommit = True  # as DuckDB: each statement commits unless a transaction is begun
    conn.prepare_threshold = None  # a cached plan could outlive the temporary views it skipped
    for name, loader in (("numeric", _Numeric), ("json", _Text), ("jsonb", _Text)):
        conn.adapters.register_loader(name, loader)


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


def _arrow(cur: psycopg.Cursor, rows: list[tuple]) -> pa.Table:
    desc = cur.description or []
    columns = list(zip(*rows, strict=True)) if rows else [()] * len(desc)
    arrays = []
    for col, values in zip(desc, columns, strict=True):
        kind = _ARROW.get(col.type_code)
        if kind is None:
            kind, values = pa.string(), [None if v is None else str(v) for v in values]
        arrays.append(pa.array(values, type=kind))
    return pa.Table.from_arrays(arrays, names=[c.name for c in desc])


class _Result:
    """What ``sql()`` returns: one query's rows, as Arrow or pandas."""

    def __init__(self, table: pa.Table) -> None:
        self._table = table

    def to_arrow_table(self) -> pa.Table:
        return self._table

    def df(self) -> pd.DataFrame:
        return _frame(self._table)


def _frame(table: pa.Table) -> pd.DataFrame:
    """The frame DuckDB's ``.df()`` would give (nullable ints, datetime64 dates, str)."""
    local = duckdb.connect()
    try:
        return local.from_arrow(table).df()
    finally:
        local.close()


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

    def scope_to(self, role: str, settings: dict[str, str]) -> None:
        """Run each later transaction of this session as ``role`` with ``settings``, set at its
        start with ``set_config(..., true)``: a statement outside the store's own transactions
        is its own transaction. Nothing stays on the connection once a transaction ends."""
        names = ", ".join("set_config(%s, %s, true)" for _ in range(len(settings) + 1))
        values = ["role", role]
        for name, value in settings.items():
            values += [name, value]
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
            self._cur.execute(last, _params(params))
        return self

    def executemany(self, sql: str, rows) -> PgConnection:
        *before, last = translate(sql)
        with self._scoped(last):
            for statement in before:
                self.raw.execute(statement)
            self._cur.executemany(last, [_params(r) for r in rows])
        return self

    def sql(self, sql: str, params=None) -> _Result:
        """A result for Arrow: the store's large frames come this way, by COPY."""
        *before, last = translate(sql, params is not None)
        with self._scoped(last, pipeline=False):
            for statement in before:
                self.raw.execute(statement)
            return _Result(fetch_arrow(self.raw, last, _params(params), _ARROW))

    def complete(self) -> None:
        """DuckDB finishes a pending result here; psycopg has none pending."""

    def fetchone(self):
        return self._cur.fetchone()

    def fetchall(self) -> list[tuple]:
        return self._cur.fetchall()

    def arrow(self) -> pa.Table:
        return _arrow(self._cur, self._cur.fetchall())

    fetch_arrow_table = to_arrow_table = arrow

    def df(self) -> pd.DataFrame:
        return _frame(self.arrow())

    fetchdf = df

    @property
    def description(self):
        return self._cur.description

    def cursor(self) -> PgConnection:
        """A new session on the same database (as a DuckDB cursor is)."""
        return PgConnection(self.url)

    def register(self, name: str, frame) -> None:
        """A temporary table ``name`` holding ``frame`` (pandas or Arrow), replacing any."""
        with self._scoped("COPY", pipeline=False):
            copy_frame(self.raw, name, frame)

    def unregister(self, name: str) -> None:
        with self._scoped("DROP"):
            self.raw.execute(f'DROP TABLE IF EXISTS pg_temp."{name}"')

    def close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is None:
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


def _params(params):
    """DuckDB takes numpy scalars and tuples; psycopg wants Python values and lists."""
    if params is None:
        return None
    if isinstance(params, dict):
        return {k: _value(v) for k, v in params.items()}
    return [_value(v) for v in params]


def _value(value):
    if hasattr(value, "item") and not isinstance(value, (list, tuple, pd.Timestamp)):
        return value.item()  # numpy int64, float64, bool_
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    return value
