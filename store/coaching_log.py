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
from store.access import row_writer, stored, writer

PARTS = {"GROW": ("goal", "reality", "options", "will"),
         "BEST": ("behavior", "effect", "suggestion", "timeframe"),
         "STAR-AR": ("situation", "task", "action", "result", "analysis", "reinforcement")}
RATERS = ("manager", "employee")
SESSION_COLUMNS = ["session_id", "employee_id", "name", "session_date", "session_type", "model",
                   "coach", "coach_name", "notes", "source", "logged_at", "actions",
                   "open_actions"]


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


def _checked_entry(session_date: object, session_type: str, model: str | None,
                   notes: str | None, parts: dict[str, str] | None) -> dict[str, str]:
    """The structured notes that say something, once the session's fields are acceptable.

    Raises:
        EntryError: missing or future date, unknown type/model, unknown part, nothing written.
    """
    if not isinstance(session_date, date):
        raise EntryError("date", "required")
    if session_date > date.today():
        raise EntryError("date", "future")  # a log records talks that happened
    if session_type not in SESSION_TYPES:
        raise EntryError("type", "unknown")
    if model is not None and model not in MODELS:
        raise EntryError("model", "unknown")
    known = {p for names in PARTS.values() for p in names}
    said = {k: t for k, v in (parts or {}).items() if (t := _text(v))}
    if unknown := set(said) - known:
        raise EntryError("parts", "unknown", None) from ValueError(sorted(unknown))
    if _text(notes) is None and not said:
        raise EntryError("notes", "required")
    return said


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
    parts = _checked_entry(session_date, session_type, model, notes, parts)
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
    """The coaching log, newest first, with action counts (``SESSION_COLUMNS``).

    ``coach_name`` is the coach's roster name when the coach is an employee id (M01 -> 王建华),
    else the coach as written; ``logged_at`` is when a session was logged in the app (NaT for
    imported ones). The coach's name is read past the viewer's scope, but only for the coaches
    of sessions the viewer sees.
    """
    return con.execute(
        f"""
        WITH logged AS (SELECT session_id, min(changed_at) AS logged_at FROM session_log
                        WHERE event = 'created' GROUP BY session_id)
        SELECT s.session_id, s.employee_id, e.name, s.session_date, s.session_type, s.model,
               s.coach, coalesce(c.name, s.coach) AS coach_name, s.notes,
               CASE WHEN s.import_id IS NULL THEN 'app' ELSE 'import' END AS source,
               min(l.logged_at) AS logged_at, count(a.action_id) AS actions,
               count(a.action_id) FILTER (WHERE a.status = 'open') AS open_actions
        FROM coaching_sessions s
        LEFT JOIN employees e USING (employee_id)
        LEFT JOIN {stored(con)}.employees c ON c.employee_id = s.coach
        LEFT JOIN logged l USING (session_id)
        LEFT JOIN coaching_actions a USING (session_id)
        WHERE ?::TEXT IS NULL OR s.employee_id = ?
        GROUP BY s.session_id, s.employee_id, e.name, s.session_date, s.session_type, s.model,
                 s.coach, c.name, s.notes, s.import_id
        ORDER BY s.session_date DESC, logged_at DESC NULLS LAST, s.session_id
        """,
        [employee_id, employee_id],
    ).df()[SESSION_COLUMNS]


def same_talks(con: duckdb.DuckDBPyConnection, employee_id: str, session_date: date,
               session_type: str) -> int:
    """How many sessions the log already holds for this person, day and type (a double save)."""
    return con.execute(
        "SELECT count(*) FROM coaching_sessions WHERE employee_id = ? AND session_date = ? "
        "AND session_type = ?", [employee_id, session_date, session_type]).fetchone()[0]


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
        "INSERT INTO session_ratings VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (session_id, rater) "
        "DO UPDATE SET score = excluded.score, comment = excluded.comment, changed_by = excluded.changed_by, changed_at = excluded.changed_at",
        [session_id, rater, score, _text(comment), _text(by), datetime.now()],
    )


def ratings(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every rating of a session still in the log, with the session's employee and coach."""
    return con.execute(
        "SELECT r.session_id, s.employee_id, s.coach, s.session_date, r.rater, r.score, "
        "r.comment, r.changed_by, r.changed_at FROM session_ratings r "
        "JOIN coaching_sessions s USING (session_id) ORDER BY s.session_date, r.rater"
    ).df()


def coach_name(con: duckdb.DuckDBPyConnection, coach: str) -> str:
    """The roster name of ``coach`` (an employee id or an email), else ``coach`` itself.

    Read past the viewer's scope: a signed-in manager is not in their own scope.
    """
    row = con.execute(f"SELECT name FROM {stored(con)}.employees WHERE employee_id = ?",
                      [coach]).fetchone()
    return row[0] if row and row[0] else coach


def last_coach(con: duckdb.DuckDBPyConnection) -> str | None:
    """Who logged the latest session in the app (the local user's remembered name)."""
    row = con.execute("SELECT s.coach FROM session_log l JOIN coaching_sessions s "
                      "USING (session_id) WHERE l.event = 'created' AND s.coach IS NOT NULL "
                      "ORDER BY l.changed_at DESC LIMIT 1").fetchone()
    return row[0] if row else None
