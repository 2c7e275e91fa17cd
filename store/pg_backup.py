"""Backup and restore on PostgreSQL, in the same folder format as a DuckDB file's backup.

A PostgreSQL database is copied, in one REPEATABLE READ snapshot, into an in-memory DuckDB
database of the same schema, which writes the folder with ``EXPORT DATABASE``: so a backup of
either backend restores into either (``cli.py backup DIR --db file.duckdb`` then ``cli.py restore
DIR --db postgresql://…`` moves a workspace onto a server). A restore reads the folder into an
in-memory DuckDB, checks each table's rows against the manifest, upgrades it like an old file,
and only then replaces the server's rows, all in one transaction; with ``force``, the rows it
replaces are first backed up beside the folder.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import duckdb

from store.db import connect
from store.dialect import columns, table_names
from store.errors import BackupError
from store.migrations import current_version, migrate

_SKIP = ("meta",)  # each database keeps its own version and set-up marks


def _counts(con) -> dict[str, int]:
    return {n: int(con.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0])
            for n in table_names(con)}


SEQUENCES = ("import_seq", "audit_seq")


def _next(con, sequence: str) -> int:
    last, called = con.execute(f"SELECT last_value, is_called FROM {sequence}").fetchone()
    return int(last) + 1 if called else int(last)


def export(con, target: Path) -> tuple[dict[str, int], int | None]:
    """Write the database behind ``con`` to the folder ``target``; return (counts, version)."""
    local = duckdb.connect()
    try:
        migrate(local)  # the current schema, empty
        con.execute("BEGIN TRANSACTION")  # one snapshot of every table
        try:
            version = current_version(con)
            for table in table_names(con):
                if table in _SKIP:
                    continue
                local.register("src", con.sql(f'SELECT * FROM "{table}"').to_arrow_table())
                local.execute(f'INSERT INTO "{table}" SELECT * FROM src')
                local.unregister("src")
            starts = {s: _next(con, s) for s in SEQUENCES}
        finally:
            con.execute("ROLLBACK")
        for sequence, start in starts.items():
            local.execute(f"DROP SEQUENCE {sequence}")
            local.execute(f"CREATE SEQUENCE {sequence} START {start}")
        counts = _counts(local)
        local.execute("EXPORT DATABASE '{}' (FORMAT parquet)".format(
            str(target).replace("'", "''")))
    finally:
        local.close()
    return counts, version


def restore(source: Path, manifest: dict, url: str, *, force: bool) -> None:
    """Replace the rows of the PostgreSQL database at ``url`` with the backup in ``source``.

    Raises:
        BackupError: incomplete backup, or a database holding data without ``force``.
    """
    from store.backup import backup  # store.backup imports this module: a cycle

    local = duckdb.connect()
    con = connect(url)
    try:
        local.execute("IMPORT DATABASE '{}'".format(str(source).replace("'", "''")))
        found = _counts(local)
        for table, expected in manifest["tables"].items():
            if found.get(table) != expected:
                raise BackupError("restore_incomplete", path=str(source), table=table,
                                  found=found.get(table, 0), expected=expected)
        migrate(local)
        held = sum(n for t, n in _counts(con).items() if t not in _SKIP)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        kept = source.with_name(f"{source.name}.before-restore-{stamp}")
        if held and not force:
            raise BackupError("restore_not_empty", path=url.rsplit("@", 1)[-1], kept=kept.name)
        if held:
            backup(con, kept)
        _replace(con, local)
    finally:
        local.close()
        con.close()


def _replace(con, local: duckdb.DuckDBPyConnection) -> None:
    reader = local.cursor()  # DuckDB 2.0: a relation needs a connection with no pending result
    con.execute("BEGIN TRANSACTION")
    try:
        for table in _kinds(con):
            con.execute(f'DELETE FROM "{table}"')
        copy_tables(con, reader)
        set_sequences(con, {s: int(local.execute(f"SELECT nextval('{s}')").fetchone()[0])
                            for s in SEQUENCES})
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def _kinds(con) -> dict[str, list[tuple[str, str]]]:
    """(column, type) of every table a backup or a move carries, by table."""
    kinds: dict[str, list[tuple[str, str]]] = {}
    for table, column, kind in columns(con):
        if table not in _SKIP:
            kinds.setdefault(table, []).append((column, kind))
    return kinds


def copy_tables(con, reader: duckdb.DuckDBPyConnection) -> None:
    """Insert every row of the DuckDB database behind ``reader`` into the same tables on the
    server behind ``con`` (inside the caller's transaction), each column cast to its type."""
    for table, cols in _kinds(con).items():
        names = ", ".join(f'"{c}"' for c, _ in cols)
        rows = reader.sql(f'SELECT {names} FROM "{table}"').to_arrow_table()
        if rows.num_rows:
            con.register("src", rows)
            cast = ", ".join(f'"{c}"::{k}' for c, k in cols)
            con.execute(f'INSERT INTO "{table}" ({names}) SELECT {cast} FROM src')
            con.unregister("src")


def set_sequences(con, starts: dict[str, int]) -> None:
    """Make each sequence's next value ``starts[name]``: the import ids and audit ids go on."""
    for sequence, start in starts.items():
        con.execute(f"SELECT setval('{sequence}', ?, false)", [int(start)])
