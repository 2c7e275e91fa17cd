"""Who may see and change what: the roles' rights, the viewer, and the checks before a write.

Reads are scoped in ``store.scope`` (``scoped(con, viewer)``: temporary views holding only the
viewer's rows); writes go through ``writer()`` / ``row_writer()`` here, which check the role's
right and that every employee touched is in the viewer's scope.

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


def stored(con: duckdb.DuckDBPyConnection) -> str:
    """The schema of the stored tables, past any viewer's views: ``"<db>".main`` in DuckDB.

    For the few reads that must see everything (who a user is, the data version, whether an id
    exists at all), never to show rows to a viewer.
    """
    return dialect.stored(con)


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
