"""The org chart an import may write: who may change reporting lines, and that chains stay trees.

Runs after ``store.import_scope.restrict`` and before anything is stored:

- Reporting lines (manager, team, role, hire date) of people already in the roster are HR's and
  admins' to change (the ``org`` right). Anyone else's upload may add new hires and correct
  names; a line changing an existing person's reporting line is a bad line (``org_<field>``).
- A manager chain must end at someone with no manager: a line that would make anyone their own
  manager, directly (``manager_self``) or round a circle (``manager_cycle``), is a bad line for
  every role. Such people would fall out of every manager's and leader's scope.

Bad lines follow the usual all-or-nothing rule (or are skipped with *skip bad rows*).
"""

from __future__ import annotations

from dataclasses import replace

import duckdb
import numpy as np
import pandas as pd

from ingest.model import ERROR_COLUMNS, Parsed
from store.access import stored, viewer_of

ORG_FIELDS = ("manager_id", "team", "role", "hire_date")
SELF, CYCLE = "manager_self", "manager_cycle"
_PATH_MAX = 6  # ids shown of a circle; the rest is "…"


def check(con: duckdb.DuckDBPyConnection, parsed: Parsed, headers: dict[str, str]) -> Parsed:
    """``parsed`` with every line that changes what the viewer may not, or closes a circle in a
    manager chain, made a bad line. ``headers``: field -> the file's column, for the message."""
    people = parsed.tables.get("employees")
    if people is None or people.empty:
        return parsed
    known = _stored_people(con, people["employee_id"].astype(str).tolist())
    errors = [] if viewer_of(con).can("org") else [org_changes(people, known)]
    chain = _stored_chain(con) if "manager_id" in people else None
    while True:  # until no line is left in a circle (see _drop)
        if chain is not None:
            errors.append(circles(parsed.tables["employees"], chain))
        before = parsed
        parsed = _drop(parsed, errors, headers)
        if parsed is before:
            return parsed
        errors = []


def _stored_people(con, ids: list[str]) -> pd.DataFrame:
    """The stored reporting lines of ``ids`` (read past the viewer's views: a check, no read)."""
    return con.execute(
        f"SELECT employee_id, {', '.join(ORG_FIELDS)} FROM {stored(con)}.employees "
        "WHERE employee_id IN (SELECT unnest(?))", [ids]).df()


def _stored_chain(con) -> pd.DataFrame:
    return con.execute(f"SELECT employee_id, manager_id FROM {stored(con)}.employees").df()


def org_changes(people: pd.DataFrame, known: pd.DataFrame) -> pd.DataFrame:
    """One error per (line, field) where a file's line changes a known person's reporting line.

    An empty cell keeps the stored value (``store.upsert``), so it changes nothing.
    """
    both = people.merge(known, on="employee_id", how="inner", suffixes=("", "_stored"))
    parts = []
    for field in (f for f in ORG_FIELDS if f in people):
        new, old = both[field], both[f"{field}_stored"]
        if field == "hire_date":
            new, old = pd.to_datetime(new), pd.to_datetime(old)
        else:
            new, old = new.astype("string"), old.astype("string")
        changed = (new.notna() & (old.isna() | (new != old))).fillna(True).astype(bool)
        parts.append(pd.DataFrame({"line": both.loc[changed, "line"], "column": field,
                                   "value": both.loc[changed, "employee_id"].astype(str),
                                   "code": f"org_{field}"}))
    return pd.concat(parts) if parts else pd.DataFrame(columns=ERROR_COLUMNS)


def chain_after(people: pd.DataFrame, chain: pd.DataFrame) -> pd.DataFrame:
    """The roster's (employee_id, manager_id) once ``people`` is stored over ``chain``: a
    file's manager replaces the stored one, an empty cell keeps it (``store.upsert``)."""
    given = people.loc[people["manager_id"].notna(), ["employee_id", "manager_id"]]
    everyone = people[["employee_id"]].assign(manager_id=None)
    return (pd.concat([given, chain, everyone]).astype({"employee_id": str})
            .drop_duplicates("employee_id").reset_index(drop=True))


def in_circles(employee_ids: pd.Series, manager_ids: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """(parent index of each person, whether each person is in a circle of managers), vectorised.

    Parents are positions (a missing or unknown manager is the position ``n``: the top, which is
    its own parent). Jumping 2^k managers up at once, k = log2(n) times, takes everyone ``n``
    steps up: into the top, or into the circle their chain runs into. Who is reached that way
    is exactly the circles' members (each member is ``n`` steps up from another member).
    """
    n = len(employee_ids)
    parent = pd.Index(employee_ids).get_indexer(manager_ids.astype(object))
    parent = np.append(np.where(parent < 0, n, parent), n)
    up = parent.copy()
    for _ in range(max(1, int(np.ceil(np.log2(n + 1))))):
        up = up[up]
    circled = np.zeros(n + 1, dtype=bool)
    circled[up] = True
    return parent[:n], circled[:n]


def circles(people: pd.DataFrame, chain: pd.DataFrame) -> pd.DataFrame:
    """One error per line of ``people`` that sets a manager putting its person in a circle."""
    if "manager_id" not in people:
        return pd.DataFrame(columns=ERROR_COLUMNS)
    after = chain_after(people, chain)
    parent, circled = in_circles(after["employee_id"], after["manager_id"])
    position = pd.Index(after["employee_id"]).get_indexer(people["employee_id"].astype(str))
    bad = people["manager_id"].notna().to_numpy() & circled[position]
    rows = people.loc[bad]
    ids = after["employee_id"].to_numpy()
    own = rows["employee_id"].astype(str) == rows["manager_id"].astype(str)
    return pd.DataFrame({
        "line": rows["line"], "column": "manager_id",
        "value": [i if me else _path(ids, parent, p)
                  for i, me, p in zip(rows["employee_id"], own, position[bad], strict=True)],
        "code": np.where(own, SELF, CYCLE)})


def circled(con: duckdb.DuckDBPyConnection) -> set[str]:
    """The ids of the stored roster in a circle of managers (none, unless data predates the
    check): compared before and after an undo, which must not close a new one."""
    chain = _stored_chain(con)
    return set(chain["employee_id"][in_circles(chain["employee_id"], chain["manager_id"])[1]])


def _path(ids: np.ndarray, parent: np.ndarray, start: int) -> str:
    """"E001 → E002 → E001": the circle from ``start`` back to it, cut after a few ids."""
    steps, at = [ids[start]], parent[start]
    while at != start and len(steps) < _PATH_MAX:
        steps.append(ids[at])
        at = parent[at]
    return " → ".join([*steps, ids[start] if at == start else "…"])


def _drop(parsed: Parsed, errors: list[pd.DataFrame], headers: dict[str, str]) -> Parsed:
    """``parsed`` without the lines of ``errors``, which join its errors (column: the header).

    Dropping a line keeps its person's stored manager, which may close another circle with the
    file's other lines: ``check`` runs again until none is left.
    """
    found = pd.concat(errors) if errors else pd.DataFrame(columns=ERROR_COLUMNS)
    if found.empty:
        return parsed
    found = found.assign(column=found["column"].map(lambda f: headers.get(f, f)))
    lines = set(found["line"])
    return replace(
        parsed,
        tables={t: rows[~rows["line"].isin(lines)] for t, rows in parsed.tables.items()},
        errors=pd.concat([parsed.errors, found[ERROR_COLUMNS]], ignore_index=True)
        .sort_values(["line", "column"], kind="stable").reset_index(drop=True),
    )
