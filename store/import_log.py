"""The record of every import attempt: what it did (``ImportResult``), the history, the
rejected rows kept for review. ``store.imports`` writes it; pages and the CLI read it."""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime

import duckdb
import pandas as pd

import ingest
from i18n import t
from ingest.model import ERROR_COLUMNS, IngestError
from ingest.notes import render as render_note


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
    stored: dict[str, tuple[int, int]] = field(default_factory=dict)  # table -> (rows, changed)
    not_stored: list[str] = field(default_factory=list)  # columns of the file left out
    sheets: list[dict] = field(default_factory=list)  # per sheet: name, kind, layout, note
    recipe: str | None = None  # the recipe this import used or saved
    targets_unmatched: int = 0  # target values with no actual value (not stored)

    def as_json(self, lang: str = "en") -> dict:
        """The report: the bad cells of the first ``MAX_LISTED`` bad lines, the count of the
        other bad lines."""
        shown, hidden = _first_lines(self.errors)
        errors = [_error_json(r, lang) for r in shown.itertuples()]
        if self.problem is not None:
            errors.insert(0, {"line": None, "column": None, "message": self.problem.message(lang)})
        report = {
            "file": self.file_name,
            "kind": self.kind,
            "rows_read": self.rows_read,
            "rows_loaded": self.rows_loaded,
            "rows_rejected": self.rows_rejected,
            "rows_changed": self.rows_changed,
            "summary": summary(self, lang),
            "stored": {t: {"rows": n, "changed": c} for t, (n, c) in self.stored.items()},
            "not_stored": self.not_stored,
            "notes": [render_note(n, lang) for n in self.notes],
            "errors": errors,
            "lines_not_listed": hidden,
        }
        if self.sheets:
            report["sheets"] = self.sheets
        if self.recipe:
            report["recipe"] = self.recipe
        return report


MAX_LISTED = 1000  # bad lines listed in a report; a bomb of bad lines must not make a huge one


def _first_lines(errors: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """The errors of the first ``MAX_LISTED`` bad lines (of any sheet), and how many bad lines
    are left out."""
    keys = [c for c in ("sheet", "line") if c in errors]
    lines = errors[keys].drop_duplicates()
    if len(lines) <= MAX_LISTED:
        return errors, 0
    first = lines.head(MAX_LISTED).assign(_keep=True)
    kept = errors.merge(first, on=keys, how="left")["_keep"].fillna(False).to_numpy(bool)
    return errors[kept], len(lines) - MAX_LISTED


def _error_json(row: object, lang: str) -> dict:
    out = {"line": int(row.line), "column": row.column, "message": describe_row(row, lang)}
    sheet = getattr(row, "sheet", None)
    if isinstance(sheet, str):
        out["sheet"] = sheet
    return out


def summary(result: ImportResult, lang: str = "en") -> str:
    """What was stored, per kind, in one sentence: "120 rows read; 30 people in the roster
    (30 new or changed); the columns 得分, 年份 were not stored"."""
    parts = [t("sheets.sum.read", lang, n=result.rows_read)]
    for table, (rows, changed) in result.stored.items():
        parts.append(t(f"sheets.sum.{table}", lang, n=rows, changed=changed))
    if result.status != "loaded":
        parts.append(t("sheets.sum.nothing", lang))
    if result.targets_unmatched:
        parts.append(t("sheets.sum.targets_unmatched", lang, n=result.targets_unmatched))
    if result.not_stored:
        parts.append(t("sheets.sum.not_stored", lang, columns=", ".join(result.not_stored)))
    return t("sheets.sum.join", lang).join(parts)


def describe_row(row: object, lang: str = "en") -> str:
    """The sentence for one bad cell (a row of ``Parsed.errors``)."""
    return ingest.describe(row.code, lang, value=row.value, column=row.column)


class _Hashing(threading.Thread):
    """The sha256 of an upload on a thread of its own: hashlib leaves the interpreter lock, so
    a big file's hash (0.05 s for 70 MB) overlaps the import's reading instead of following it."""

    def __init__(self, raw: bytes) -> None:
        super().__init__(daemon=True, name="content-hash")
        self.raw, self.value = raw, ""
        self.start()

    def run(self) -> None:
        self.value = hashlib.sha256(self.raw).hexdigest()


_AHEAD: dict[int, _Hashing] = {}  # id of the bytes -> their hash under way
_AHEAD_LOCK = threading.Lock()
_AHEAD_MIN = 4 << 20  # smaller files hash in a few milliseconds: no thread


@contextmanager
def hashing_ahead(raw: bytes) -> Iterator[None]:
    """While the block runs, ``content_hash(raw)`` is being computed on another thread."""
    if len(raw) < _AHEAD_MIN:
        yield
        return
    job = _Hashing(raw)
    with _AHEAD_LOCK:
        _AHEAD[id(raw)] = job
    try:
        yield
    finally:
        with _AHEAD_LOCK:
            if _AHEAD.get(id(raw)) is job:
                del _AHEAD[id(raw)]


def content_hash(raw: bytes) -> str:
    """The sha256 of an upload (hex), the one ``hashing_ahead`` computed if there is one."""
    with _AHEAD_LOCK:
        job = _AHEAD.get(id(raw))
    if job is not None and job.raw is raw:
        job.join()
        return job.value
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
    errors = result.errors
    if "sheet" in errors and errors["sheet"].notna().any():
        # A workbook: which sheet a line is on goes with the column ("Targets › 销售额").
        errors = errors.assign(column=[c if s is None else f"{s} › {c}"
                                       for s, c in zip(errors["sheet"], errors["column"],
                                                       strict=True)])
    rows = errors.assign(
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
