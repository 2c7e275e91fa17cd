"""Versioned upsert and exact undo for the data tables.

An import writes only rows that are new or differ from what is stored; the rows it
replaces move to ``<table>_history`` with ``superseded_by`` = the import. Undo puts them back.
"""

from __future__ import annotations

import duckdb
import pandas as pd
import pyarrow as pa

from ingest.fields import TABLE_KEYS
from store.dialect import columns, duplicates, is_pg
from store.schema import DATA_TABLES, UNKEYED_IN_DUCKDB

_GENERATION = "writes."  # meta keys of the write generations (store.upsert.claim)


def table_columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    """The table's value columns (without ``import_id``), in schema order."""
    return [column for _, column, _ in columns(con, table) if column != "import_id"]


def _on(keys: tuple[str, ...], a: str, b: str) -> str:
    return " AND ".join(f"{a}.{k} = {b}.{k}" for k in keys)


def _overlaps(con: duckdb.DuckDBPyConnection, table: str, keys: tuple[str, ...]) -> bool:
    """Whether any registered ``incoming_raw`` row has the key of a stored row."""
    if con.execute(f"SELECT NOT EXISTS (SELECT 1 FROM {table})").fetchone()[0]:
        return False
    return bool(con.execute(f"SELECT EXISTS (SELECT 1 FROM incoming_raw i JOIN {table} t "
                            f"ON {_on(keys, 'i', 't')})").fetchone()[0])


def _insert_new(con, table: str, keys: tuple[str, ...], insert: str) -> bool:
    """Run ``insert`` (of ``incoming_raw``) when none of its keys is stored; False, with nothing
    written, when some are.

    On PostgreSQL the insert itself is the check: its primary key index is probed row by row
    anyway, while the join that checks first reads the whole table (10.4M rows: seconds). A
    stored key fails the insert at once, and the savepoint takes back what it had written.
    """
    if not is_pg(con):
        if _overlaps(con, table, keys):
            return False
        con.execute(insert)
        return True
    try:
        with con.raw.transaction():  # a savepoint inside the caller's transaction
            con.raw.execute(insert)
    except duplicates():  # psycopg is loaded: this is a PostgreSQL connection
        return False
    return True


def _check_unique(con, table: str, keys: tuple[str, ...], n_rows: int) -> None:
    """Refuse ``incoming_raw`` naming one key twice, as a primary key would, where DuckDB
    keeps ``table`` without its key (store.schema ``UNKEYED_IN_DUCKDB``).

    Raises:
        duckdb.ConstraintException: two of the rows have one key.
    """
    if table not in UNKEYED_IN_DUCKDB or is_pg(con):
        return
    distinct = con.execute(f"SELECT count(*) FROM (SELECT DISTINCT {', '.join(keys)} "
                           "FROM incoming_raw)").fetchall()[0][0]
    if distinct < n_rows:
        con.unregister("incoming_raw")  # as a refused INSERT leaves it: the caller rolls back
        raise duckdb.ConstraintException(
            f"Duplicate key: {n_rows - distinct} rows for {table} repeat the key of another")


def claim(con, tables) -> None:
    """On DuckDB, when ``tables`` (those the transaction wrote) include one kept without its
    primary key, make the later of two overlapping such transactions fail, as it did on the
    key; the caller retries it on the new state (store.imports._store_retrying). Call inside
    the transaction, after its writes.

    Each such transaction adds the next write generation to ``meta``; of two that overlap,
    both read the same last one (their snapshots do not see each other), so the later one's
    row is a key the other already holds, committed or not. PostgreSQL keeps the keys: a no-op.

    Raises:
        duckdb.TransactionException: another transaction wrote meanwhile.
    """
    if is_pg(con) or not UNKEYED_IN_DUCKDB.keys() & set(tables):
        return
    stored = con.execute("SELECT key FROM meta WHERE key LIKE ?", [_GENERATION + "%"]).fetchall()
    last = max((int(k[len(_GENERATION):]) for (k,) in stored), default=0)
    try:
        con.execute("INSERT INTO meta VALUES (?, NULL)", [f"{_GENERATION}{last + 1}"])
    except duckdb.ConstraintException as exc:  # busy, not a duplicate in the file: retried
        raise duckdb.TransactionException(f"Conflict: another import wrote first ({exc})") \
            from exc
    con.execute("DELETE FROM meta WHERE key LIKE ? AND key <> ?",
                [_GENERATION + "%", f"{_GENERATION}{last + 1}"])


def upsert(
    con: duckdb.DuckDBPyConnection, table: str, rows: pd.DataFrame, import_id: int
) -> int:
    """Write ``rows`` into ``table`` as import ``import_id``; return how many rows changed.

    Columns absent from ``rows`` keep their stored values (a metrics file that names the team
    does not erase a roster's hire date); so do empty cells.
    Must run inside the caller's transaction.
    """
    if table not in DATA_TABLES:
        raise ValueError(f"unknown table {table!r}")
    keys = TABLE_KEYS[table]
    cols = table_columns(con, table)
    given = [c for c in cols if c in rows.columns]
    # As Arrow: DuckDB scans Arrow columns in bulk, pandas text columns cell by cell.
    con.register("incoming_raw", pa.Table.from_pandas(rows[given], preserve_index=False))
    _check_unique(con, table, keys, len(rows))
    # Only new keys (a first import, a new period): nothing to merge, compare or keep.
    if _insert_new(con, table, keys, f"INSERT INTO {table} ({', '.join(given)}, import_id) "
                                     f"SELECT *, {int(import_id)} FROM incoming_raw"):
        con.unregister("incoming_raw")
        return len(rows)
    merged = ", ".join(
        f"i.{c}" if c in keys else (f"coalesce(i.{c}, t.{c}) AS {c}" if c in given else f"t.{c}")
        for c in cols
    )
    # The keys are never NULL (primary keys): equality on them lets PostgreSQL hash-join the
    # comparison (IS NOT DISTINCT FROM on every column is a nested loop there, quadratic).
    same = " AND ".join(f"m.{c} = t.{c}" if c in keys else f"m.{c} IS NOT DISTINCT FROM t.{c}"
                        for c in cols)
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE incoming AS SELECT {merged} "
        f"FROM incoming_raw i LEFT JOIN {table} t ON {_on(keys, 'i', 't')}"
    )
    con.execute(
        f"DELETE FROM incoming m WHERE EXISTS (SELECT 1 FROM {table} t WHERE {same})"
    )
    con.unregister("incoming_raw")
    changed = con.execute("SELECT count(*) FROM incoming").fetchone()[0]
    if changed:
        col_list = ", ".join(cols)
        con.execute(
            f"INSERT INTO {table}_history ({col_list}, import_id, superseded_by) "
            f"SELECT {col_list}, t.import_id, {int(import_id)} FROM {table} t "
            f"WHERE EXISTS (SELECT 1 FROM incoming m WHERE {_on(keys, 'm', 't')})"
        )
        con.execute(
            f"DELETE FROM {table} t WHERE EXISTS (SELECT 1 FROM incoming m "
            f"WHERE {_on(keys, 'm', 't')})"
        )
        con.execute(
            f"INSERT INTO {table} ({col_list}, import_id) "
            f"SELECT {col_list}, {int(import_id)} FROM incoming"
        )
    con.execute("DROP TABLE incoming")
    return int(changed)


def undo(con: duckdb.DuckDBPyConnection, table: str, import_id: int) -> None:
    """Remove what ``import_id`` wrote to ``table`` and restore what it replaced.

    Where a later import has since replaced this import's row, the later row stays and the
    restored predecessor becomes what that later import replaced. Runs in the caller's
    transaction.
    """
    keys = TABLE_KEYS[table]
    cols = ", ".join(table_columns(con, table)) + ", import_id"
    key_list = ", ".join(keys)
    x = int(import_id)
    hist = f"{table}_history"
    con.execute(f"CREATE OR REPLACE TEMP TABLE pred AS SELECT * FROM {hist} WHERE superseded_by = {x}")
    con.execute(f"CREATE OR REPLACE TEMP TABLE later AS SELECT * FROM {hist} WHERE import_id = {x}")
    con.execute(f"DELETE FROM {hist} WHERE superseded_by = {x} OR import_id = {x}")
    con.execute(f"DELETE FROM {table} WHERE import_id = {x}")
    con.execute(
        f"INSERT INTO {table} ({cols}) SELECT {cols} FROM pred p WHERE NOT EXISTS "
        f"(SELECT 1 FROM later l WHERE {_on(keys, 'p', 'l')})"
    )
    con.execute(
        f"INSERT INTO {hist} ({cols}, superseded_by) SELECT "
        + ", ".join(f"p.{c}" for c in cols.split(", ")) + ", l.superseded_by "
        f"FROM pred p JOIN later l USING ({key_list})"
    )
    con.execute("DROP TABLE pred")
    con.execute("DROP TABLE later")
