"""Who may see and change what: roles, the viewer's scope, and scoped connections.

Scoping is enforced here, once, for every query: ``scoped(con, viewer)`` returns a connection on
which the personal tables (employees, metric values, coaching log, goals, their histories, the
imports and the audit) are replaced by temporary views holding only the viewer's rows. Every
store function reads through it unchanged, so a new query cannot forget the scope, and the views
cannot be written to: a change goes through ``writer()``, which checks the role and that every
employee it touches is in scope.

An employee (scope "self") sees only their own rows, without the manager's private notes; what
they see of their team is a band of quartiles computed past the scope by ``store.me``.

A plain DuckDB connection (the local single-user run, the CLI without ``--as``, tests) has full
rights: the ``LOCAL`` viewer.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

import duckdb

from store import dialect

ROLES = ("manager", "hr", "leadership", "admin", "employee")

# What each role may do. "people" = employee-level data of their scope; "notes" = coaching notes
# and action/plan texts; "aggregates" = boards and the HR impact figures of their scope; "org" =
# change reporting lines (manager, team, role, hire date) of people already in the roster
# (store.org_chart): without it an import may add new hires and correct names only. "digest" =
# receive a digest of one's own scope and choose its channel, day and language (store.digest).
# "self" = one's own page: own numbers, confirm own plan, rate own sessions, answer the pulse
# (the local user may preview anyone's page, read only).
CAN: dict[str, frozenset[str]] = {
    "local": frozenset({"people", "notes", "aggregates", "impact", "import", "org", "coach",
                        "catalog", "settings", "users", "audit", "digest", "self"}),
    "hr": frozenset({"people", "notes", "aggregates", "impact", "import", "org", "coach",
                     "catalog", "audit", "digest"}),
    "manager": frozenset({"people", "notes", "aggregates", "import", "coach", "digest"}),
    "leadership": frozenset({"people", "aggregates", "impact", "digest"}),
    "admin": frozenset({"org", "catalog", "settings", "users", "audit"}),
    "employee": frozenset({"self"}),
}

class AccessDenied(PermissionError):
    """The viewer may not do this, or the rows concern people outside their scope."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code, self.params = code, params


@dataclass(frozen=True)
class Viewer:
    """Who is asking. ``employee_id`` anchors a manager's or leader's org in the roster."""

    email: str
    role: str
    employee_id: str | None = None

    def can(self, capability: str) -> bool:
        return capability in CAN.get(self.role, frozenset())

    @property
    def sees_everyone(self) -> bool:
        """HR and the local user see the whole company; so does leadership with no org set."""
        return self.role in ("local", "hr") or (self.role == "leadership" and not self.employee_id)

    @property
    def unrestricted(self) -> bool:
        """Reads need no views at all (the fast path)."""
        return self.role in ("local", "hr")


LOCAL = Viewer("local", "local")


def cache_key(viewer: Viewer) -> Viewer:
    """The part of a viewer that decides what its queries return: the key for shared caches.

    Two HR users share cached results; a manager's import history is their own, so managers keep
    their email.
    """
    return replace(viewer, email=viewer.email if viewer.role == "manager" else "")


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


def stored(con: duckdb.DuckDBPyConnection) -> str:
    """The schema of the stored tables, past any viewer's views: ``"<db>".main`` in DuckDB.

    For the few reads that must see everything (who a user is, the data version, whether an id
    exists at all), never to show rows to a viewer.
    """
    return dialect.stored(con)



def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def scoped(con: duckdb.DuckDBPyConnection, viewer: Viewer) -> duckdb.DuckDBPyConnection:
    """A connection that reads only what ``viewer`` may see (see the module docstring)."""
    if viewer.role == "local":
        return ViewerConnection(con.cursor(), con, viewer)
    cur = con.cursor()
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


class ViewerConnection:
    """A read cursor that knows its viewer; every other attribute is the cursor's own."""

    def __init__(self, read: duckdb.DuckDBPyConnection, raw: duckdb.DuckDBPyConnection,
                 viewer: Viewer) -> None:
        self._read, self._raw, self.viewer = read, raw, viewer

    def __getattr__(self, name: str):
        return getattr(self._read, name)


def viewer_of(con: object) -> Viewer:
    """The viewer a connection was scoped for; a plain connection is the local user."""
    return getattr(con, "viewer", LOCAL)


def outside_scope(con: duckdb.DuckDBPyConnection, employee_ids: Iterable[str]) -> list[str]:
    """The ids among ``employee_ids`` the connection's viewer may NOT touch, in order."""
    viewer = viewer_of(con)
    ids = [str(i) for i in dict.fromkeys(employee_ids)]
    if viewer.unrestricted or not ids:
        return []
    seen = {row[0] for row in con.execute(
        "SELECT employee_id FROM viewer_scope WHERE employee_id IN (SELECT unnest(?))", [ids],
    ).fetchall()}
    return [i for i in ids if i not in seen]


def writer(con: duckdb.DuckDBPyConnection, capability: str, *,
           employee_ids: Iterable[str] = ()) -> duckdb.DuckDBPyConnection:
    """A connection that may write, after checking the role and the people concerned.

    Raises:
        AccessDenied: ``denied`` when the role lacks ``capability``; ``out_of_scope`` (with the
            ids) when any employee is outside the viewer's people.
    """
    viewer = viewer_of(con)
    if not viewer.can(capability):
        raise AccessDenied("denied", capability=capability, role=viewer.role)
    outside = outside_scope(con, employee_ids)
    if outside:
        raise AccessDenied("out_of_scope", ids=outside)
    return con._raw.cursor() if isinstance(con, ViewerConnection) else con


def row_writer(con: duckdb.DuckDBPyConnection, capability: str, *, table: str, key: str,
               value: object) -> duckdb.DuckDBPyConnection:
    """``writer()`` for changing an existing row of ``table``: the row must be the viewer's.

    A row the viewer cannot see is refused as out of scope (whether or not it exists), so a
    manager cannot change another team's session by guessing its id.
    """
    ids = [r[0] for r in con.execute(
        f'SELECT employee_id FROM "{table}" WHERE "{key}" = ?', [value]).fetchall()]
    if not ids and not viewer_of(con).unrestricted:
        raise AccessDenied("out_of_scope", ids=[str(value)])
    return writer(con, capability, employee_ids=ids)
