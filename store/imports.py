"""Imports: one file, one transaction, every problem reported, every import undoable."""

from __future__ import annotations

import contextlib
import random
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

import duckdb

import ingest
from analytics.catalog import guess_catalog
from ingest import plausible
from ingest.fields import IGNORE
from ingest.model import IngestError, Parsed
from store import audit, calendar, dialect, org_chart
from store.access import viewer_of, writer
from store.errors import CircleRefused, ImportBusy
from store.import_log import ImportResult, record, write
from store.import_scope import restrict
from store.names import resolve
from store.upsert import claim, undo, upsert

Progress = Callable[[str, int, int], None]  # (stage, done, total)


def import_bytes(
    con: duckdb.DuckDBPyConnection,
    raw: bytes,
    file_name: str,
    *,
    kind: str | None = None,
    mapping: dict[str, str] | None = None,
    skip_bad_rows: bool = False,
    progress: Progress | None = None,
    metric: str | None = None,
    year: int | None = None,
    grain: str | None = None,
    include_partial: bool = False,
    allow_metrics: tuple[str, ...] = (),
) -> ImportResult:
    """Read, check and store one file. All rows or none, unless ``skip_bad_rows``.

    ``allow_metrics``: metrics the user confirmed may hold values that look implausible
    (``ingest.plausible``: a negative count, a rate over 100% ...).

    ``metric``/``year``: for periods across the columns, see ``ingest.prepare``.

    ``con`` may be a viewer's scoped connection: rows about people outside their scope are then
    bad lines (``store.import_scope``), and the import is recorded and audited as theirs. Lines
    changing reporting lines without the ``org`` right, or closing a circle in a manager chain,
    are bad lines too (``store.org_chart``).
    ``grain`` / ``include_partial``: how an event log is aggregated (``ingest.prepare``).

    Raises:
        AccessDenied: the viewer's role may not import at all.
    """
    out = writer(con, "import")
    result = _attempt(con, out, raw, file_name, kind=kind, mapping=mapping,
                      skip_bad_rows=skip_bad_rows, tick=progress or (lambda *_: None),
                      shape={"metric": metric, "year": year, "grain": grain,
                             "include_partial": include_partial}, allow=allow_metrics)
    audit.record(con, audit.IMPORT, target=result.import_id, rows=result.rows_loaded,
                 detail=f"{result.kind or '-'} {result.status} rejected={result.rows_rejected}")
    return result


def _attempt(con, out, raw: bytes, file_name: str, *, kind, mapping, skip_bad_rows: bool,
             tick: Progress, shape: dict, allow: tuple[str, ...]) -> ImportResult:
    by = viewer_of(con).email
    tick("read", 0, 1)
    try:
        table, kind, mapping, parsed = ingest.prepare(raw, file_name, kind=kind, mapping=mapping,
                                                      **shape)
    except IngestError as exc:
        return _record_failure(out, file_name, raw, kind, exc, by)
    parsed = plausible.check(resolve(con, parsed), allow)  # names to ids, then values
    parsed = restrict(con, parsed)  # then the viewer's scope
    parsed = org_chart.check(con, parsed, {f: c for c, f in mapping.items()})
    tick("checked", parsed.rows_read, parsed.rows_read)
    result = ImportResult(
        file_name=file_name, kind=kind, status="failed", rows_read=parsed.rows_read,
        errors=parsed.errors, notes=list(table.notes) + list(parsed.notes),
        rows_rejected=len(parsed.bad_lines), imported_by=by,
        not_stored=[c for c, f in mapping.items() if f == IGNORE],
    )
    if result.rows_rejected and not skip_bad_rows:
        record(out, result, raw, table.encoding, mapping)
        return result
    return _store_retrying(out, parsed, result, raw, table.encoding, mapping, tick)


_ATTEMPTS = 4


def _store_retrying(con, parsed: Parsed, result: ImportResult, raw: bytes, *args
                    ) -> ImportResult:
    """``_store``, again when a concurrent import (another cursor) wrote the same rows first;
    nothing when the file does not fit the workspace's calendar (``store.calendar``: refused in
    words, as a file that cannot be read).

    DuckDB's concurrency is optimistic: of two transactions touching the same rows, the later
    one fails (at the write or at COMMIT) and is rolled back whole. PostgreSQL (in REPEATABLE
    READ, store.dialect) makes the later one wait for the first and then fail the same way. Retrying on the new state is
    safe: the upsert then writes only what the winner did not.

    Raises:
        ImportBusy: still conflicting after a few tries; nothing of this file was stored.
    """
    problem = calendar.clash(con, parsed)
    if problem is not None:
        return _record_failure(con, result.file_name, raw, result.kind, problem,
                               result.imported_by)
    failure: Exception | None = None
    for attempt in range(_ATTEMPTS):
        try:
            return _store(con, parsed, replace(result), raw, *args)
        # A key another session committed meanwhile shows as a ConstraintException on write
        # (even under ON CONFLICT DO NOTHING); a row it changed as a TransactionException.
        except dialect.conflicts() as exc:
            failure = exc  # _store has rolled back
            time.sleep(0.05 * 2**attempt * (1 + random.random()))  # jitter: no lock-step retries
    if isinstance(failure, dialect.duplicates()):
        raise failure  # the same on every fresh try: a real error, not someone else's import
    raise ImportBusy() from failure


def _rollback(con) -> None:
    """Roll back if a transaction is still open (a failed COMMIT has already ended it)."""
    with contextlib.suppress(duckdb.TransactionException):
        con.execute("ROLLBACK")


def _store(con, parsed: Parsed, result: ImportResult, raw, encoding, mapping, tick,
           also: Callable[[duckdb.DuckDBPyConnection, int], None] | None = None) -> ImportResult:
    """Every table of ``parsed`` (several kinds when a workbook held several) in one
    transaction; ``also(con, import_id)`` joins it (e.g. saving the recipe)."""
    con.execute("BEGIN TRANSACTION")
    try:
        import_id = con.execute("SELECT nextval('import_seq')").fetchone()[0]
        total = sum(len(df) for df in parsed.tables.values())
        done = 0
        mains = {_MAIN_TABLE[k] for k in parsed.kind.split("+")}
        for table, rows in parsed.tables.items():
            changed = upsert(con, table, rows.drop(columns="line"), import_id)
            result.stored[table] = (len(rows), int(changed))
            # what the user reads as "rows": the file's own rows, not the people they name
            result.rows_changed += changed if table in mains else 0
            done += len(rows)
            tick("stored", done, total)
        _add_catalog(con, parsed)
        claim(con, parsed.tables)
        result.rows_loaded = sum(len(parsed.tables[t]) for t in mains if t in parsed.tables)
        result.status, result.import_id = "loaded", int(import_id)
        if also is not None:
            also(con, result.import_id)
        write(con, result, raw, encoding, mapping)
        con.execute("COMMIT")
    except Exception:
        _rollback(con)
        raise
    return result


_MAIN_TABLE = {
    "metrics": "metric_values", "roster": "employees",
    "coaching": "coaching_sessions", "goals": "goals",
}


def _add_catalog(con, parsed: Parsed) -> None:
    values = parsed.tables.get("metric_values")
    if values is None or values.empty:
        return
    guessed = guess_catalog(values["metric"].unique().tolist(), parsed.units)
    # The import's own word (an events KPI says "lower is better") beats the name's guess.
    known = guessed["name"].map(parsed.directions)
    guessed["direction"] = known.where(known.notna(), guessed["direction"])
    con.register("guessed", guessed)
    con.execute(
        "INSERT INTO metric_catalog (metric, direction, category, unit, default_target) "
        "SELECT name, direction, category, unit, default_target FROM guessed "
        "ON CONFLICT DO NOTHING"
    )
    con.unregister("guessed")


def _record_failure(con, file_name, raw, kind, exc: IngestError, by: str) -> ImportResult:
    result = ImportResult(file_name=file_name, kind=kind, status="failed", problem=exc,
                          imported_by=by)
    record(con, result, raw, None, None)
    return result


def undo_import(con: duckdb.DuckDBPyConnection, import_id: int) -> bool:
    """Undo a loaded import; returns False if it was not loaded or is already undone.

    Raises:
        CircleRefused: undoing would put people in a circle of managers; nothing was undone.
    """
    status = con.execute("SELECT status FROM imports WHERE import_id = ?", [import_id]).fetchone()
    if not status or status[0] != "loaded":
        return False  # also when the import is not the viewer's (their view does not show it)
    reader, con = con, writer(con, "import")
    circled = org_chart.circled(con)
    con.execute("BEGIN TRANSACTION")
    try:
        for table in _MAIN_TABLE.values():
            undo(con, table, import_id)
        # Managers put back may close a circle with what later imports wrote.
        closed = sorted(org_chart.circled(con) - circled)
        if closed:
            raise CircleRefused(import_id, closed)
        claim(con, _MAIN_TABLE.values())
        con.execute(
            "UPDATE imports SET status = 'undone', undone_at = ? WHERE import_id = ?",
            [datetime.now(), import_id],
        )
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    audit.record(reader, audit.UNDO_IMPORT, target=import_id)
    return True


