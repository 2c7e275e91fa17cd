"""Who may sign in, with which role: the ``users`` table, its deny list and their changes.

``lookup`` runs on every rerun of the app (ui/auth.py) with whatever connection is at hand, so
it reads the stored tables by their catalog name: a viewer's scoped connection shows them empty.
A removed user goes on ``denied_users`` and is refused at once, although their sign-in cookie
lives on. Every change is recorded in the audit (the target is the email: a user's id).
"""

from __future__ import annotations

import datetime as dt
import re

import duckdb
import pandas as pd

from i18n import t
from store.access import ROLES, AccessDenied, Viewer, stored, viewer_of, writer
from store.audit import USER_ADD, USER_REMOVE, record

# One "@", something either side, no spaces: plausible, not proof (sign-in proves the rest).
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+")


class UserError(ValueError):
    """A user change that was refused; ``message(lang)`` is the sentence to show.

    ``code`` names the text ``access.<code>`` in ``i18n/access.py``; ``str(exc)`` is English.
    """

    def __init__(self, code: str, **params: object) -> None:
        self.code, self.params = code, params
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        return t(f"access.{self.code}", lang, **self.params)


def denied_message(exc: AccessDenied, *, lang: str = "en") -> str:
    """The sentence for a refusal by ``store.access`` (the same text the pages show)."""
    ids = exc.params.get("ids") or []
    return t(f"access.{exc.code}", lang, **{**exc.params, "ids": ", ".join(map(str, ids))})


def normalise(email: object) -> str:
    """The stored form of an email: trimmed and lower-cased ('' for nothing)."""
    return str(email or "").strip().lower()


def lookup(con: duckdb.DuckDBPyConnection, email: object) -> Viewer | None:
    """The viewer signed in as ``email``; None when unknown or on the deny list."""
    key = normalise(email)
    if not key:
        return None
    m = stored(con)
    row = con.execute(
        f"SELECT role, employee_id FROM {m}.users WHERE email = $e "
        f"AND NOT EXISTS (SELECT 1 FROM {m}.denied_users WHERE email = $e)", {"e": key},
    ).fetchone()
    if row is None or row[0] not in ROLES:
        return None
    return Viewer(key, row[0], row[1] or None)


def _check(w: duckdb.DuckDBPyConnection, key: str, role: str, employee_id: str | None) -> None:
    if not _EMAIL.fullmatch(key):
        raise UserError("bad_email", email=key)
    if role not in ROLES:
        raise UserError("bad_role", role=role, roles=", ".join(ROLES))
    if role in ("manager", "employee") and not employee_id:
        raise UserError("needs_employee" if role == "manager" else "employee_needs_id")
    if employee_id and not w.execute(
        f"SELECT 1 FROM {stored(w)}.employees WHERE employee_id = ?", [employee_id]
    ).fetchone():
        raise UserError("unknown_employee", employee_id=employee_id)


def add_user(con: duckdb.DuckDBPyConnection, email: object, *, role: str,
             employee_id: str | None = None) -> Viewer:
    """Add a user or change their role and org; takes them off the deny list.

    Raises:
        store.access.AccessDenied: the viewer may not manage users.
        UserError: not a plausible email, an unknown role, a manager without an employee id,
            an employee id not in the roster, or an admin taking away their own admin role.
    """
    w = writer(con, "users")
    key, role = normalise(email), str(role or "").strip().lower()
    employee_id = str(employee_id).strip() if employee_id else None
    _check(w, key, role, employee_id)
    me = viewer_of(con)
    if key == me.email and me.role == "admin" and role != "admin":
        raise UserError("self_demote")
    w.execute("BEGIN TRANSACTION")
    try:
        w.execute(
            "INSERT INTO users VALUES (?, ?, ?, ?, ?) ON CONFLICT (email) DO UPDATE SET "
            "role = excluded.role, employee_id = excluded.employee_id, "
            "added_by = excluded.added_by, added_at = excluded.added_at",
            [key, role, employee_id, me.email, dt.datetime.now()],
        )
        w.execute("DELETE FROM denied_users WHERE email = ?", [key])
        detail = f"role={role}" + (f" employee={employee_id}" if employee_id else "")
        record(con, USER_ADD, target=key, rows=1, detail=detail, within=w)
        w.execute("COMMIT")
    except BaseException:
        w.execute("ROLLBACK")
        raise
    return Viewer(key, role, employee_id)


def remove_user(con: duckdb.DuckDBPyConnection, email: object) -> bool:
    """Remove a user and deny their email; False when they were not a user.

    The email is denied either way, so a sign-in cookie issued before is refused at once.

    Raises:
        store.access.AccessDenied: the viewer may not manage users.
        UserError: an empty email, or a user removing themselves.
    """
    w = writer(con, "users")
    key, me = normalise(email), viewer_of(con)
    if not key:
        raise UserError("bad_email", email=key)
    if key == me.email:
        raise UserError("self_remove")
    w.execute("BEGIN TRANSACTION")
    try:
        removed = w.execute("DELETE FROM users WHERE email = ? RETURNING email", [key]).fetchall()
        w.execute(
            "INSERT INTO denied_users VALUES (?, ?, ?) ON CONFLICT (email) DO UPDATE SET "
            "denied_by = excluded.denied_by, denied_at = excluded.denied_at",
            [key, me.email, dt.datetime.now()],
        )
        record(con, USER_REMOVE, target=key, rows=len(removed), within=w)
        w.execute("COMMIT")
    except BaseException:
        w.execute("ROLLBACK")
        raise
    return bool(removed)


def users(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The users the viewer may see (everyone for admin and local, nobody for the others)."""
    if not viewer_of(con).can("users"):  # HR reads unscoped tables: the right decides here
        return con.execute("SELECT email, role, employee_id, added_by, added_at FROM "
                           f"{stored(con)}.users LIMIT 0").df()
    return con.execute(
        "SELECT email, role, employee_id, added_by, added_at FROM users ORDER BY email"
    ).df()
