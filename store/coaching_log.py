"""The coaching log written in the app: sessions, their structured notes, ratings, delete/undo.

Sessions logged here go into ``coaching_sessions`` (the table imports fill), with ``import_id``
NULL and an ``app-`` session id, so every analysis sees them. A deleted session moves to
``sessions_deleted`` and can be put back exactly.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

import duckdb
import pandas as pd

from ingest.fields import MODELS, SESSION_TYPES
from store.access import row_writer, writer

PARTS = {"GROW": ("goal", "reality", "options", "will"),
         "BEST": ("behavior", "effect", "suggestion", "timeframe")}
RATERS = ("manager", "employee")
SESSION_COLUMNS = ["session_id", "employee_id", "name", "session_date", "session_type", "model",
                   "coach", "notes", "source", "actions", "open_actions"]


class EntryError(ValueError):
    """A value the user typed is not acceptable; ``field`` and ``code`` name it for i18n."""

    def __init__(self, field: str, code: str, row: int | None = None):
        super().__init__(f"{field}: {code}" + (f" (row {row})" if row is not None else ""))
        self.field, self.code, self.row = field, code, row


def _text(value: object) -> str | None:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    text = str(value).strip()
    return text or None


def _known_employee(con: duckdb.DuckDBPyConnection, employee_id: str | None) -> str:
    if not employee_id:
        raise EntryError("employee", "required")
    row = con.execute("SELECT 1 FROM employees WHERE employee_id = ?", [employee_id]).fetchone()
    if row is None:
        raise EntryError("employee", "unknown")
    return employee_id


def log_session(
    con: duckdb.DuckDBPyConnection,
    *,
    employee_id: str,
    session_date: date,
    session_type: str,
    model: str | None,
    coach: str | None,
    notes: str | None = None,
    parts: dict[str, str] | None = None,
    by: str | None = None,
) -> str:
    """Store one session logged in the app; return its new ``session_id``.

    Args:
        parts: optional structured notes, e.g. ``{"goal": "...", "will": "..."}`` (GROW/BEST).
    Raises:
        EntryError: unknown employee, missing date, unknown type/model, unknown part.

    Example:
        >>> sid = log_session(con, employee_id="E001", session_date=date(2025, 7, 1),
        ...                   session_type="formal", model="GROW", coach="M01")  # doctest: +SKIP
    """
    _known_employee(con, employee_id)
    if not isinstance(session_date, date):
        raise EntryError("date", "required")
    if session_date > date.today():
        raise EntryError("date", "future")  # a log records talks that happened
    if session_type not in SESSION_TYPES:
        raise EntryError("type", "unknown")
    if model is not None and model not in MODELS:
        raise EntryError("model", "unknown")
    known = {p for names in PARTS.values() for p in names}
    parts = {k: t for k, v in (parts or {}).items() if (t := _text(v))}
    if unknown := set(parts) - known:
        raise EntryError("parts", "unknown", None) from ValueError(sorted(unknown))
    if _text(notes) is None and not parts:
        raise EntryError("notes", "required")
    session_id = f"app-{uuid.uuid4().hex[:12]}"
    con = writer(con, "coach", employee_ids=[employee_id])
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(
            "INSERT INTO coaching_sessions VALUES (?, ?, ?, ?, ?, ?, ?, NULL)",
            [session_id, employee_id, session_date, session_type, model, _text(coach),
             _text(notes)],
        )
        for part, text in parts.items():
            con.execute("INSERT INTO session_parts VALUES (?, ?, ?)", [session_id, part, text])
        _event(con, session_id, "created", by)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return session_id


def _event(con, session_id: str, event: str, by: str | None) -> None:
    con.execute("INSERT INTO session_log VALUES (?, ?, ?, ?)",
                [session_id, event, _text(by), datetime.now()])


def sessions(con: duckdb.DuckDBPyConnection, *, employee_id: str | None = None) -> pd.DataFrame:
    """The coaching log, newest first, with action counts (``SESSION_COLUMNS``)."""
    return con.execute(
        """
        SELECT s.session_id, s.employee_id, e.name, s.session_date, s.session_type, s.model,
               s.coach, s.notes, CASE WHEN s.import_id IS NULL THEN 'app' ELSE 'import' END
               AS source, count(a.action_id) AS actions,
               count(a.action_id) FILTER (WHERE a.status = 'open') AS open_actions
        FROM coaching_sessions s
        LEFT JOIN employees e USING (employee_id)
        LEFT JOIN coaching_actions a USING (session_id)
        WHERE ?::TEXT IS NULL OR s.employee_id = ?
        GROUP BY ALL ORDER BY s.session_date DESC, s.session_id
        """,
        [employee_id, employee_id],
    ).df()[SESSION_COLUMNS]


def session_parts(con: duckdb.DuckDBPyConnection, session_id: str) -> dict[str, str]:
    rows = con.execute("SELECT part, text FROM session_parts WHERE session_id = ?",
                       [session_id]).fetchall()
    return dict(rows)


def delete_session(con: duckdb.DuckDBPyConnection, session_id: str, *, by: str | None = None
                   ) -> bool:
    """Move a session out of the log (its actions, parts and ratings stay, hidden with it).

    Returns False when there is no such session. ``restore_session`` undoes it.
    """
    return _move(con, session_id, "coaching_sessions", "sessions_deleted", "deleted", by)


def restore_session(con: duckdb.DuckDBPyConnection, session_id: str, *, by: str | None = None
                    ) -> bool:
    """Undo ``delete_session``; returns False when the session is not deleted."""
    return _move(con, session_id, "sessions_deleted", "coaching_sessions", "restored", by)


def _move(con, session_id: str, source: str, target: str, event: str, by) -> bool:
    cols = "session_id, employee_id, session_date, session_type, model, coach, notes, import_id"
    con = row_writer(con, "coach", table=source, key="session_id", value=session_id)
    con.execute("BEGIN TRANSACTION")
    try:
        found = con.execute(f"SELECT count(*) FROM {source} WHERE session_id = ?",
                            [session_id]).fetchone()[0]
        if found:
            extra = ", ?, ?" if target == "sessions_deleted" else ""
            params = [_text(by), datetime.now()] if extra else []
            con.execute(f"INSERT INTO {target} SELECT {cols}{extra} FROM {source} "
                        "WHERE session_id = ?", [*params, session_id])
            con.execute(f"DELETE FROM {source} WHERE session_id = ?", [session_id])
            _event(con, session_id, event, by)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return bool(found)


def rate_session(con: duckdb.DuckDBPyConnection, session_id: str, *, rater: str, score: int,
                 comment: str | None = None, by: str | None = None) -> None:
    """Record (or replace) the manager's or the employee's 1-5 rating of a session."""
    if rater not in RATERS:
        raise EntryError("rater", "unknown")
    if isinstance(score, bool) or not isinstance(score, int) or not 1 <= score <= 5:
        raise EntryError("score", "range")
    con = row_writer(con, "coach", table="coaching_sessions", key="session_id", value=session_id)
    con.execute(
        "INSERT OR REPLACE INTO session_ratings VALUES (?, ?, ?, ?, ?, ?)",
        [session_id, rater, score, _text(comment), _text(by), datetime.now()],
    )


def ratings(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every rating of a session still in the log, with the session's employee and coach."""
    return con.execute(
        "SELECT r.session_id, s.employee_id, s.coach, s.session_date, r.rater, r.score, "
        "r.comment, r.changed_by, r.changed_at FROM session_ratings r "
        "JOIN coaching_sessions s USING (session_id) ORDER BY s.session_date, r.rater"
    ).df()
