"""Where DuckDB and PostgreSQL differ, in one place: every other module of ``store/`` writes one
SQL for both.

The store's SQL is DuckDB's (the default backend). On PostgreSQL, ``store.pg.PgConnection``
passes each statement through ``translate``: placeholders (``?`` and ``$name`` become psycopg's
``%s`` and ``%(name)s``), ``unnest(?)`` of a list (a text array), ``CREATE OR REPLACE TEMP TABLE`` (PostgreSQL has no OR REPLACE for
tables), ``DOUBLE`` (``DOUBLE PRECISION``), ``quantile_cont`` (``percentile_cont ... WITHIN
GROUP``) and ``BEGIN TRANSACTION`` (REPEATABLE READ: DuckDB's snapshot isolation, so two imports
touching the same rows conflict the same way on both). The catalog reads (which schema holds
the tables, which tables exist) are functions here.
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache

import duckdb

POSTGRESQL = "postgresql"
# What the store's SQL writes as the schema of its tables, and where PostgreSQL keeps them.
DUCKDB_SCHEMA, PG_SCHEMA = "main", "public"
# On PostgreSQL, owner views of every table: reads past the viewer's scope (store.access.stored)
# without row-level security, as the viewer's own reads are filtered (store.pg_security).
PG_STORED = "coachboard_stored"



def _pg_errors(*names: str) -> tuple[type[Exception], ...]:
    """psycopg's error classes of ``names``; none in a run that never loaded psycopg: it has no
    PostgreSQL connection to raise them, and loading psycopg (libpq, ssl) would cost a
    DuckDB-only import 0.05-0.3 s of start-up."""
    errors = sys.modules.get("psycopg.errors")  # psycopg loads it with itself
    return tuple(getattr(errors, n) for n in names) if errors is not None else ()


def conflicts() -> tuple[type[Exception], ...]:
    """A concurrent transaction changed the same rows first: retry on the new state."""
    return (duckdb.TransactionException, duckdb.ConstraintException, *_pg_errors(
        "SerializationFailure", "DeadlockDetected", "LockNotAvailable", "UniqueViolation"))


def duplicates() -> tuple[type[Exception], ...]:
    """Of ``conflicts``, a key stored meanwhile that is still there on a fresh try: a real
    error (a duplicate in the file)."""
    return (duckdb.ConstraintException, *_pg_errors("UniqueViolation"))

_TOKENS = re.compile(r"""'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|\?|\$[A-Za-z_]\w*|%""")
_REWRITES = (
    (re.compile(r"\bDOUBLE\b(?!\s+PRECISION)", re.I), "DOUBLE PRECISION"),
    (re.compile(r"\bquantile_cont\(\s*([\w.]+)\s*,\s*([\d.]+)\s*\)", re.I),
     r"percentile_cont(\2) WITHIN GROUP (ORDER BY \1)"),
    # A list parameter's type is unknown to PostgreSQL; the store's lists are ids (text).
    (re.compile(r"\bunnest\(\?\)", re.I), "unnest(?::TEXT[])"),
    (re.compile(r"^\s*BEGIN TRANSACTION\s*$", re.I), "BEGIN ISOLATION LEVEL REPEATABLE READ"),
)
_TEMP_TABLE = re.compile(r"^\s*CREATE OR REPLACE TEMP(?:ORARY)? TABLE\s+(\"?\w+\"?)", re.I)


def is_url(target: object) -> bool:
    """Whether a database setting names a PostgreSQL server rather than a DuckDB file."""
    return str(target).startswith(("postgresql://", "postgres://"))


def is_pg(con: object) -> bool:
    """Whether ``con`` (a plain, scoped or writing connection) talks to PostgreSQL."""
    return getattr(con, "dialect", None) == POSTGRESQL


def _placeholders(sql: str) -> str:
    def swap(match: re.Match) -> str:
        token = match.group(0)
        if token == "?":
            return "%s"
        if token == "%":
            return "%%"
        if token.startswith("$"):
            return f"%({token[1:]})s"
        return token.replace("%", "%%")  # a quoted text, a quoted name or a comment

    return _TOKENS.sub(swap, sql)


@lru_cache(maxsize=2048)
def translate(sql: str, with_params: bool = True) -> tuple[str, ...]:
    """The PostgreSQL statements for one DuckDB statement (parameters go to the last).

    Without parameters psycopg sends the text as it is: no placeholders, no ``%`` doubling.
    """
    before: tuple[str, ...] = ()
    temp = _TEMP_TABLE.match(sql)
    if temp:
        before = (f"DROP TABLE IF EXISTS pg_temp.{temp.group(1)}",)
        sql = _TEMP_TABLE.sub(r"CREATE TEMP TABLE \1", sql, count=1)
    for pattern, replacement in _REWRITES:
        sql = pattern.sub(replacement, sql)
    return (*before, _placeholders(sql) if with_params else sql)


def schema(con: object) -> str:
    """The schema holding the tables: ``main`` in DuckDB, ``public`` in PostgreSQL."""
    return PG_SCHEMA if is_pg(con) else DUCKDB_SCHEMA


def tables(con: object) -> str:
    """The qualified schema of the tables themselves (``"<db>".main``; ``public``)."""
    if is_pg(con):
        return PG_SCHEMA
    db = con.execute("SELECT current_database()").fetchone()[0]
    return '"' + db.replace('"', '""') + '".' + DUCKDB_SCHEMA


def stored(con: object) -> str:
    """The schema to read every stored row from, past the viewer's views (and, on PostgreSQL,
    past row-level security: the owner's views in ``coachboard_stored``)."""
    return PG_STORED if is_pg(con) else tables(con)


def table_names(con: object) -> list[str]:
    """The database's own tables (no views, no temporary tables), by name."""
    return [r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_catalog = "
        "current_database() AND table_schema = ? AND table_type = 'BASE TABLE' "
        "ORDER BY table_name", [schema(con)]).fetchall()]


def columns(con: object, table: str | None = None) -> list[tuple[str, str, str]]:
    """(table, column, type) of the stored tables (or one of them), in schema order."""
    return [tuple(r) for r in con.execute(
        "SELECT table_name, column_name, data_type FROM information_schema.columns "
        "WHERE table_catalog = current_database() AND table_schema = ? "
        "AND (?::TEXT IS NULL OR table_name = ?) ORDER BY table_name, ordinal_position",
        [schema(con), table, table]).fetchall()]
