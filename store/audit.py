"""The audit trail: who did what to which ids, and how many rows. Never the personal data.

A row names its actor (the viewer's email), an action from the vocabulary below, a target that
is an id (employee id, import id, settings key, export kind, a user's email for user changes),
a row count and a short non-personal detail. Names, notes and file contents never go in.

Writes go through the underlying connection: on a viewer's scoped connection ``audit_log`` is a
read-only view (empty for roles without the "audit" right), yet every viewer's actions are
recorded. Reads go through the scoped connection, so only admin, HR and the local user see rows.
"""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from store import dialect
from store.access import ViewerConnection, stored, viewer_of

IMPORT = "import"
UNDO_IMPORT = "undo_import"
EXPORT = "export"
SETTINGS = "settings"
CATALOG = "catalog"
VIEW_EMPLOYEE = "view_employee"
USER_ADD = "user_add"
USER_REMOVE = "user_remove"
BACKUP = "backup"
RESTORE = "restore"
RECIPE = "recipe"  # an import recipe saved, updated, renamed, deleted or imported (detail says)
DIGEST = "digest"  # one digest sent (or failed): recipient, channel, counts, never the content
# The employee's own writes (store.me, store.pulse): the plan or session id, never the answer.
PLAN_CONFIRM = "plan_confirm"
SESSION_RATING = "session_rating"
PULSE = "pulse"
ACTIONS = (IMPORT, UNDO_IMPORT, EXPORT, SETTINGS, CATALOG, VIEW_EMPLOYEE, USER_ADD, USER_REMOVE,
           BACKUP, RESTORE, RECIPE, DIGEST, PLAN_CONFIRM, SESSION_RATING, PULSE)

_DETAIL_MAX = 200  # a detail is a short code or count, not a document


def underlying(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """The connection beneath a viewer's scoped one (or ``con`` itself when it is plain).

    Only for writing the audit and reading the access tables; every other write goes through
    ``store.access.writer``, which checks the viewer's rights first.
    """
    return con._raw if isinstance(con, ViewerConnection) else con


def record(con: duckdb.DuckDBPyConnection, action: str, *, target: object = None,
           rows: int | None = None, detail: str | None = None,
           within: duckdb.DuckDBPyConnection | None = None) -> None:
    """Append one audit row; the actor is the viewer of ``con``.

    ``within``: the writable connection of the change being recorded, so the row joins its
    transaction. Default: ``con`` itself when plain (joining any transaction open on it), a
    fresh cursor beneath a scoped one (its connection is shared by the app's threads).

    Raises:
        ValueError: ``action`` is not in ``ACTIONS``.
    """
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}; expected one of {ACTIONS}")
    text = None if detail is None else str(detail)[:_DETAIL_MAX]
    raw = underlying(con)
    out = within if within is not None else (raw if raw is con else raw.cursor())
    # ``out`` is never a viewer's scoped cursor, so on DuckDB its ``audit_log`` is the table
    # (naming its catalog cost a query of its own: one row per person a page opens).
    table = f"{stored(out)}.audit_log" if dialect.is_pg(out) else "audit_log"
    out.execute(
        f"INSERT INTO {table} (logged_at, actor, action, target, rows, detail, audit_id) "
        "VALUES (?, ?, ?, ?, ?, ?, nextval('audit_seq'))",
        [dt.datetime.now(), viewer_of(con).email, action,
         None if target is None else str(target), rows, text],
    )


def audit_log(con: duckdb.DuckDBPyConnection, *, since: dt.date | str | None = None,
              actions: list[str] | tuple[str, ...] | None = None) -> pd.DataFrame:
    """The audit rows the viewer may see, newest first; ``since`` is the first day kept."""
    where, params = ["true"], []
    if since is not None:
        where.append("logged_at >= ?::DATE")
        params.append(str(pd.Timestamp(since).date()))
    if actions:
        where.append("action IN (SELECT unnest(?))")
        params.append(list(actions))
    return con.execute(
        "SELECT logged_at, actor, action, target, rows, detail FROM audit_log "
        f"WHERE {' AND '.join(where)} ORDER BY audit_id DESC", params,
    ).df()
