"""Actions agreed in a session (the coaching tracking table, docs/domain.md, "The tables the
articles use"), versioned, never overwritten.

Every saved state of an action is a row of ``coaching_actions_history`` (who, when, version);
``coaching_actions`` holds the latest. A save names the versions it started from: when
someone else changed one of them in between, nothing is written and :class:`ActionConflict`
carries theirs. Actions someone else added meanwhile are no conflict (nothing is overwritten).
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

import duckdb
import pandas as pd

from store.access import stored, writer
from store.coaching_log import EntryError, _text

STATUSES = ("open", "done", "dropped")
EDIT_COLUMNS = ["goal", "action", "owner", "deadline", "support", "progress", "status",
                "next_adjustment"]
ACTION_COLUMNS = ["action_id", *EDIT_COLUMNS, "version"]
_ALL = ("action_id, session_id, employee_id, goal, action, owner, deadline, support, progress, "
        "status, next_adjustment, version, changed_by, changed_at")


class ActionConflict(RuntimeError):
    """Someone saved these actions after they were loaded; ``theirs`` is what is stored now."""

    def __init__(self, theirs: pd.DataFrame):
        super().__init__("the actions were changed by someone else")
        self.theirs = theirs


def session_actions(con: duckdb.DuckDBPyConnection, session_id: str) -> pd.DataFrame:
    """The session's actions (``ACTION_COLUMNS``), oldest first."""
    frame = con.execute(
        f"SELECT {', '.join(ACTION_COLUMNS)} FROM coaching_actions WHERE session_id = ? "
        "ORDER BY (SELECT min(changed_at) FROM coaching_actions_history h "
        "WHERE h.action_id = coaching_actions.action_id), action_id",
        [session_id],
    ).df()
    frame["deadline"] = pd.to_datetime(frame["deadline"]).dt.date
    return frame


def versions(frame: pd.DataFrame) -> dict[str, int]:
    """``{action_id: version}`` of a ``session_actions`` frame: the base of a later save."""
    return {str(a): int(v) for a, v in zip(frame["action_id"], frame["version"], strict=True)}


def _deadline(value: object, row: int) -> date | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    try:
        return pd.Timestamp(value).date()
    except (ValueError, TypeError) as exc:
        raise EntryError("deadline", "bad_date", row) from exc


def _clean(edited: pd.DataFrame) -> list[dict]:
    """The edited rows as dicts, blank new rows dropped, every value checked."""
    rows = []
    for number, rec in enumerate(edited.to_dict("records"), start=1):
        values = {c: _text(rec.get(c)) for c in EDIT_COLUMNS if c != "deadline"}
        values["deadline"] = _deadline(rec.get("deadline"), number)
        values["action_id"] = _text(rec.get("action_id"))
        if values["action_id"] is None and not any(
                v for k, v in values.items() if k not in ("status", "action_id")):
            continue  # an empty row the editor added
        values["status"] = values["status"] or "open"
        if values["action"] is None:
            raise EntryError("action", "required", number)
        if values["status"] not in STATUSES:
            raise EntryError("status", "unknown", number)
        rows.append(values)
    return rows


def save_actions(
    con: duckdb.DuckDBPyConnection,
    session_id: str,
    edited: pd.DataFrame,
    *,
    base: dict[str, int],
    by: str | None = None,
) -> dict[str, int]:
    """Save the edited tracking table of one session; return ``{"added": n, "changed": m}``.

    Args:
        edited: rows with ``EDIT_COLUMNS`` and ``action_id`` (empty for new rows).
        base: ``versions()`` of the frame the user started editing from.
        by: who saves (recorded with every new version).
    Raises:
        EntryError: a row without an action, an unknown status or a bad deadline.
        ActionConflict: someone changed one of the ``base`` actions after it was read.
    """
    rows = _clean(edited)
    owner = con.execute("SELECT employee_id FROM coaching_sessions WHERE session_id = ?",
                        [session_id]).fetchone()
    if owner is None:
        raise EntryError("session", "unknown")
    con = writer(con, "coach", employee_ids=[owner[0]])
    con.execute("BEGIN TRANSACTION")
    try:
        stored = session_actions(con, session_id)
        now = versions(stored)
        if any(now.get(str(k)) != int(v) for k, v in base.items()):
            con.execute("ROLLBACK")
            raise ActionConflict(stored)
        counts = _write(con, session_id, owner[0], rows, stored.set_index("action_id"), by)
        con.execute("COMMIT")
    except ActionConflict:
        raise
    except Exception:
        con.execute("ROLLBACK")
        raise
    return counts


def _same(row: dict, old: pd.Series) -> bool:
    def norm(v):
        return None if v is None or pd.isna(v) else v
    return all(norm(row[c]) == norm(old[c]) for c in EDIT_COLUMNS)


def _write(con, session_id, employee_id, rows, stored: pd.DataFrame, by) -> dict[str, int]:
    added = changed = 0
    now = datetime.now()
    for row in rows:
        action_id = row["action_id"]
        if action_id is not None and action_id in stored.index:
            if _same(row, stored.loc[action_id]):
                continue
            version = int(stored.loc[action_id, "version"]) + 1
            con.execute("DELETE FROM coaching_actions WHERE action_id = ?", [action_id])
            changed += 1
        else:
            action_id, version = f"act-{uuid.uuid4().hex[:12]}", 1
            added += 1
        values = [action_id, session_id, employee_id, *(row[c] for c in EDIT_COLUMNS), version,
                  _text(by), now]
        for table in ("coaching_actions", "coaching_actions_history"):
            con.execute(f"INSERT INTO {table} ({_ALL}) VALUES ({', '.join('?' * 14)})", values)
    return {"added": added, "changed": changed}


def action_history(con: duckdb.DuckDBPyConnection, session_id: str) -> pd.DataFrame:
    """Every saved version of the session's actions, newest first (who and when).

    ``changed_by`` is the roster name when a signed-in user saved as their employee id.
    """
    return con.execute(
        "SELECT h.action_id, h.version, coalesce(e.name, h.changed_by) AS changed_by, "
        "h.changed_at, h.goal, h.action, h.owner, h.deadline, h.status, h.progress, "
        f"h.next_adjustment FROM coaching_actions_history h LEFT JOIN {stored(con)}.employees e "
        "ON e.employee_id = h.changed_by "
        "WHERE h.session_id = ? ORDER BY h.changed_at DESC, h.action_id, h.version DESC",
        [session_id],
    ).df()


def open_actions(con: duckdb.DuckDBPyConnection, employee_id: str) -> pd.DataFrame:
    """The employee's open actions, oldest deadline first (no deadline last).

    Returns:
        Columns ``goal, action, owner, deadline, status``; actions of deleted sessions are
        left out.

    Example:
        >>> open_actions(con, "E001").columns.tolist()  # doctest: +SKIP
        ['goal', 'action', 'owner', 'deadline', 'status']
    """
    return con.execute(_open_actions("a.employee_id = ?", ""), [employee_id]).df()


def everyones_open_actions(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """``open_actions`` of everyone the viewer sees, with ``employee_id`` first: each person's
    rows in the order of their own ``open_actions`` (one read for a team view, issue 20)."""
    return con.execute(_open_actions("true", "a.employee_id, ")).df()


def _open_actions(who: str, first: str) -> str:
    return (f"SELECT {first}a.goal, a.action, a.owner, a.deadline, a.status "
            "FROM coaching_actions a JOIN coaching_sessions s USING (session_id) "
            f"WHERE {who} AND a.status = 'open' "
            f"ORDER BY {first}a.deadline NULLS LAST, (SELECT min(h.changed_at) FROM "
            "coaching_actions_history h WHERE h.action_id = a.action_id), a.action_id")


def all_actions(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every action of a session still in the log, with the session's date."""
    return con.execute(
        "SELECT a.action_id, a.session_id, a.employee_id, s.session_date, a.goal, a.action, "
        "a.owner, a.deadline::TIMESTAMP AS deadline, a.support, a.progress, a.status, "
        "a.next_adjustment FROM coaching_actions a JOIN coaching_sessions s USING (session_id) "
        "ORDER BY s.session_date, a.action_id"
    ).df()


def add_action(con: duckdb.DuckDBPyConnection, session_id: str, values: dict, *,
               by: str | None = None) -> None:
    """Add one action to a session (the "add an action" form); same checks as a save."""
    row = pd.DataFrame([{"action_id": None, **{c: values.get(c) for c in EDIT_COLUMNS}}])
    if _text(row.loc[0, "action"]) is None:
        raise EntryError("action", "required")
    save_actions(con, session_id, row, base={}, by=by)
