"""The record of every import attempt: what it did (``ImportResult``), the history, the
rejected rows kept for review. ``store.imports`` writes it; pages and the CLI read it."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime

import duckdb
import pandas as pd

import ingest
from ingest.model import ERROR_COLUMNS, IngestError


@dataclass
class ImportResult:
    """What an import did, for the page, the CLI's ``--json`` and the history."""

    file_name: str
    kind: str | None
    status: str  # "loaded" | "failed"
    rows_read: int = 0
    rows_loaded: int = 0
    rows_rejected: int = 0
    rows_changed: int = 0
    import_id: int | None = None
    errors: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=ERROR_COLUMNS))
    problem: IngestError | None = None  # a whole-file problem (nothing could be read)
    notes: list[str] = field(default_factory=list)
    imported_by: str = "local"

    def as_json(self, lang: str = "en") -> dict:
        errors = [
            {"line": int(r.line), "column": r.column, "message": describe_row(r, lang)}
            for r in self.errors.itertuples()
        ]
        if self.problem is not None:
            errors.insert(0, {"line": None, "column": None, "message": self.problem.message(lang)})
        return {
            "file": self.file_name,
            "kind": self.kind,
            "rows_loaded": self.rows_loaded,
            "rows_rejected": self.rows_rejected,
            "rows_changed": self.rows_changed,
            "errors": errors,
        }


def describe_row(row: object, lang: str = "en") -> str:
    """The sentence for one bad cell (a row of ``Parsed.errors``)."""
    return ingest.describe(row.code, lang, value=row.value, column=row.column)


def content_hash(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def record(con, result: ImportResult, raw, encoding, mapping) -> None:
    """Record an import attempt that stored nothing, with its rejected rows."""
    con.execute("BEGIN TRANSACTION")
    result.import_id = int(con.execute("SELECT nextval('import_seq')").fetchone()[0])
    write(con, result, raw, encoding, mapping)
    con.execute("COMMIT")


def write(con, result: ImportResult, raw, encoding, mapping) -> None:
    """The history row of ``result`` and its rejected rows, inside the caller's transaction."""
    _insert_import(con, result, raw, encoding, mapping)
    _insert_rejected(con, result)


def _insert_import(con, result: ImportResult, raw, encoding, mapping) -> None:
    message = result.problem.message("en") if result.problem else None
    con.execute(
        "INSERT INTO imports VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)",
        [
            result.import_id, result.file_name, content_hash(raw), result.kind, encoding,
            json.dumps(mapping, ensure_ascii=False) if mapping else None, result.rows_read,
            result.rows_loaded, result.rows_rejected, result.rows_changed, result.status,
            message, datetime.now(), result.imported_by,
        ],
    )


def _insert_rejected(con, result: ImportResult) -> None:
    if result.errors.empty:
        return
    rows = result.errors.assign(
        import_id=result.import_id,
        message=[describe_row(r) for r in result.errors.itertuples()],
    )[["import_id", "line", "column", "value", "code", "message"]]
    con.register("rej", rows)
    con.execute("INSERT INTO rejected_rows SELECT * FROM rej")
    con.unregister("rej")


def history(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every import attempt, newest first."""
    return con.execute(
        "SELECT import_id, imported_at, file_name, kind, status, rows_read, rows_loaded, "
        "rows_rejected, rows_changed, encoding, message FROM imports ORDER BY import_id DESC"
    ).df()


def rejected(con: duckdb.DuckDBPyConnection, import_id: int) -> pd.DataFrame:
    """The rejected rows kept for review."""
    return con.execute(
        "SELECT line, column_name AS column, value, message FROM rejected_rows "
        "WHERE import_id = ? ORDER BY line, column_name",
        [import_id],
    ).df()
