"""The viewer's scope, enforced once for every query: ``scoped(con, viewer)``.

It returns a connection on which the personal tables (employees, metric values, coaching log,
goals, their histories, the imports and the audit) are replaced by temporary views holding only
the viewer's rows. Every store function reads through it unchanged, so a new query cannot forget
the scope, and the views cannot be written to: a change goes through ``store.access.writer()``,
which checks the role and that every employee it touches is in scope (the ``viewer_scope`` table
made here).

An employee (scope "self") sees only their own rows, without the manager's private notes; what
they see of their team is a band of quartiles computed past the scope by ``store.me``.
"""

from __future__ import annotations

import duckdb

from store import dialect
from store.access import Viewer, ViewerConnection

# Tables holding one row per employee-something, filtered by the viewer's employee set.
_BY_EMPLOYEE = (
    "employees", "metric_values", "coaching_sessions", "goals", "coaching_actions",
    "coaching_actions_history", "improvement_plans", "sessions_deleted", "employees_history",
    "metric_values_history", "coaching_sessions_history", "goals_history",
)
_BY_SESSION = ("session_parts", "session_log", "session_ratings")
# The coaching texts hidden from leadership ("not coaching notes"); the rows stay so counts,
# dates and statuses still add up on the boards and the HR page.
_NOTES = {
    "coaching_sessions": ("notes",), "sessions_deleted": ("notes",),
    "coaching_sessions_history": ("notes",),
    "coaching_actions": ("goal", "action", "support", "progress", "next_adjustment"),
    "coaching_actions_history": ("goal", "action", "support", "progress", "next_adjustment"),
    "improvement_plans": ("goal", "measures", "milestones", "assessment_note"),
    "plan_reviews": ("progress", "note"), "session_ratings": ("comment",),
}
# What an employee reading their own rows does not see: the manager's private notes (the agreed
# actions and the plan's texts are theirs to read).
_PRIVATE = {
    "coaching_sessions": ("notes",), "sessions_deleted": ("notes",),
    "coaching_sessions_history": ("notes",), "plan_reviews": ("note",),
    "improvement_plans": ("assessment_note",),
}
_ADMIN_ONLY = {"users": "users", "denied_users": "users", "audit_log": "audit"}


def _columns(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = {}
    for table, name, kind in dialect.columns(con):
        out.setdefault(table, []).append((name, kind))
    return out


def _view(columns: list[tuple[str, str]], db: str, table: str, where: str,
          hide: tuple[str, ...] = ()) -> str:
    cols = ", ".join(f'NULL::{kind} AS "{name}"' if name in hide else f'"{name}"'
                     for name, kind in columns)
    return (f'CREATE OR REPLACE TEMP VIEW "{table}" AS '
            f'SELECT {cols} FROM {db}."{table}" WHERE {where}')


def _scope_table(con, db: str, viewer: Viewer) -> None:
    """The viewer's people: everyone below their roster entry, through the manager chain.

    UNION (not UNION ALL) drops repeats, so a loop in the manager column still terminates.
    """
    con.execute("CREATE OR REPLACE TEMP TABLE viewer_scope (employee_id TEXT PRIMARY KEY)")
    if viewer.sees_everyone:
        con.execute(f"INSERT INTO viewer_scope SELECT employee_id FROM {db}.employees")
        return
    if viewer.role == "employee":
        if viewer.employee_id:
            con.execute("INSERT INTO viewer_scope VALUES (?)", [viewer.employee_id])
        return
    if not viewer.can("people") or not viewer.employee_id:
        return
    con.execute(f"""
        INSERT INTO viewer_scope
        WITH RECURSIVE below(employee_id) AS (
            SELECT employee_id FROM {db}.employees WHERE manager_id = $root
            UNION
            SELECT e.employee_id FROM {db}.employees e
            JOIN below b ON e.manager_id = b.employee_id
        )
        SELECT employee_id FROM below WHERE employee_id <> $root""",
        {"root": viewer.employee_id})



def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def scoped(con: duckdb.DuckDBPyConnection, viewer: Viewer,
           read: duckdb.DuckDBPyConnection | None = None) -> duckdb.DuckDBPyConnection:
    """A connection that reads only what ``viewer`` may see (see the module docstring), on
    ``read`` (default: a new cursor of ``con``); its writers are new cursors of ``con``."""
    cur = con.cursor() if read is None else read
    if viewer.role == "local":
        return ViewerConnection(cur, con, viewer)
    if dialect.is_pg(cur):  # the server filters this cursor's reads too
        from store.pg_security import enter  # psycopg is loaded only for a server

        enter(cur, viewer)
    db = dialect.tables(cur)
    _scope_table(cur, db, viewer)
    cols = _columns(cur)
    blank = {} if viewer.can("notes") else _PRIVATE if viewer.role == "employee" else _NOTES
    inside = ("true" if viewer.sees_everyone
              else "employee_id IN (SELECT employee_id FROM viewer_scope)")
    sessions = ("session_id IN (SELECT session_id FROM coaching_sessions "
                "UNION ALL SELECT session_id FROM sessions_deleted)")
    where = {table: inside for table in _BY_EMPLOYEE}
    where |= {table: sessions for table in _BY_SESSION}
    if not viewer.can("notes"):
        where["session_parts"] = "false"
    if viewer.role == "employee":  # their own rating, not the manager's
        where["session_ratings"] = f"{sessions} AND rater = 'employee'"
    where["plan_reviews"] = "plan_id IN (SELECT plan_id FROM improvement_plans)"
    # Import history: HR and admin see every import; a manager their own; leadership none.
    mine = "imported_by = " + _quote(viewer.email) if viewer.role == "manager" else "false"
    where["imports"] = "true" if viewer.can("audit") else mine
    where["rejected_rows"] = "import_id IN (SELECT import_id FROM imports)"
    admin_only = {t: "true" if viewer.can(c) else "false" for t, c in _ADMIN_ONLY.items()}
    # A user reads their own digest choice (webhook and secret included) unless they manage users.
    admin_only["digest_subscriptions"] = ("true" if viewer.can("users")
                                          else "email = " + _quote(viewer.email))
    # Pulse answers: only their author reads rows; managers get aggregates (store.pulse).
    admin_only["session_pulse"] = inside if viewer.role == "employee" else "false"
    # HR reads every personal table as stored; only the user list is not theirs.
    where = admin_only if viewer.unrestricted else where | admin_only
    cur.execute(";\n".join(
        _view(cols[table], db, table, rule, blank.get(table, ()))
        for table, rule in where.items()
    ))
    return ViewerConnection(cur, con, viewer)
