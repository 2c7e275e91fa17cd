"""Moving a DuckDB workspace onto an empty PostgreSQL database, checked table by table.

Every table is copied in one transaction on the server; before it commits, each table's rows
are counted and summed on both sides the same way (``checksum``), and the copy is committed
only when every table agrees: otherwise it is rolled back and the server is left as empty as it
was. The import and audit sequences continue after the highest id copied.

The checksum of a table is the sum, modulo 2^128, of the md5 of each row's canonical text (the
columns in schema order, each as ``_canonical`` writes it, joined by a tab). A sum does not
depend on the order the rows come in: the two engines sort texts differently.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
from dataclasses import dataclass
from decimal import Decimal

import duckdb
import psycopg

from store.dialect import columns, is_pg, table_names
from store.pg_backup import SEQUENCES, copy_tables, set_sequences

_SKIP = ("meta",)  # each database keeps its own schema version and set-up marks
_BATCH = 10_000
# Which column each sequence numbers: the next value is past the highest id copied, too.
_NUMBERED = {"import_seq": ("imports", "import_id"), "audit_seq": ("audit_log", "audit_id")}


class MoveRefused(Exception):
    """The move cannot start; ``code`` names why (a catalogue key), ``params`` the details."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code, self.params = code, params


@dataclass(frozen=True)
class TableCheck:
    """One table on both sides: rows and checksum."""

    table: str
    source_rows: int
    target_rows: int
    source_sum: str
    target_sum: str

    @property
    def same(self) -> bool:
        return (self.source_rows, self.source_sum) == (self.target_rows, self.target_sum)


def _canonical(value: object) -> str:
    """One value as text, the same for the same value from either engine."""
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, Decimal):
        value = int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a whole DOUBLE and a whole numeric sum read back alike
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        value = value.astimezone(dt.UTC).replace(tzinfo=None)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (int, float)):
        return repr(value)
    return str(value).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def _sum(batches) -> tuple[int, str]:
    count, total = 0, 0
    for rows in batches:
        for row in rows:
            line = "\t".join(_canonical(v) for v in row).encode()
            total += int.from_bytes(hashlib.md5(line, usedforsecurity=False).digest(), "big")
        count += len(rows)
    return count, f"{total % 2**128:032x}"


def _duck_batches(con: duckdb.DuckDBPyConnection, query: str):
    cur = con.cursor()
    cur.execute(query)
    while rows := cur.fetchmany(_BATCH):
        yield rows


def _pg_batches(con, query: str):
    """Streamed by a server-side cursor, which lives in a transaction (the move's, or its own
    read-only one): no table in memory."""
    raw = con.raw
    idle = raw.info.transaction_status == psycopg.pq.TransactionStatus.IDLE
    with contextlib.ExitStack() as stack:
        if idle:
            stack.enter_context(raw.transaction())
        cur = stack.enter_context(raw.cursor(name="coachboard_move"))
        cur.execute(query)
        while rows := cur.fetchmany(_BATCH):
            yield rows


def checksum(con, table: str, names: list[str]) -> tuple[int, str]:
    """(rows, checksum) of ``table`` on either backend (see the module docstring)."""
    query = "SELECT " + ", ".join(f'"{n}"' for n in names) + f' FROM "{table}"'
    batches = _pg_batches(con, query) if is_pg(con) else _duck_batches(con, query)
    return _sum(batches)


def compare(source: duckdb.DuckDBPyConnection, target) -> list[TableCheck]:
    """Every table of the schema (but ``meta``), counted and summed on both sides."""
    names: dict[str, list[str]] = {}
    for table, column, _ in columns(target):
        if table not in _SKIP:
            names.setdefault(table, []).append(column)
    checks = []
    for table, cols in names.items():
        rows, total = checksum(source, table, cols)
        target_rows, target_total = checksum(target, table, cols)
        checks.append(TableCheck(table, rows, target_rows, total, target_total))
    return checks


def _starts(source: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Each sequence's next value in the source, read without drawing from it."""
    found = dict(source.execute(
        "SELECT sequence_name, coalesce(last_value + increment_by, start_value) "
        "FROM duckdb_sequences()").fetchall())
    starts = {}
    for sequence in SEQUENCES:
        table, key = _NUMBERED[sequence]
        highest = source.execute(f'SELECT max("{key}") FROM "{table}"').fetchone()[0] or 0
        starts[sequence] = max(int(found.get(sequence, 1)), int(highest) + 1)
    return starts


def move(source: duckdb.DuckDBPyConnection, target) -> list[TableCheck]:
    """Copy every table of ``source`` (a DuckDB file) into ``target`` (an empty PostgreSQL
    database at the same schema version); committed only when every table's check agrees.

    Raises:
        MoveRefused: ``migrate.not_empty`` when the target already holds rows.
    """
    held = [t for t in table_names(target) if t not in _SKIP
            and target.execute(f'SELECT EXISTS (SELECT 1 FROM "{t}")').fetchone()[0]]
    if held:
        raise MoveRefused("migrate.not_empty", tables=", ".join(held))
    target.execute("BEGIN TRANSACTION")
    try:
        copy_tables(target, source.cursor())
        set_sequences(target, _starts(source))
        checks = compare(source, target)
        target.execute("COMMIT" if all(c.same for c in checks) else "ROLLBACK")
    except BaseException:
        target.execute("ROLLBACK")
        raise
    return checks
