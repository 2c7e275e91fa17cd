"""A manager imports only their own people: the rows of an upload that concern anyone else.

Runs after ``ingest.prepare`` and before anything is stored. Rows about people outside the
viewer's scope become bad lines (code ``not_your_team``), so the usual all-or-nothing rule
applies: the import is refused with every such line listed, or, when the user chose to skip bad
rows, only their own people's rows are stored and nothing of anyone else's is touched.

A roster row for someone new is the manager's when its manager is the viewer or one of their
people, also through other new people in the same file (a new team lead and their new hires).
"""

from __future__ import annotations

from dataclasses import replace

import duckdb
import pandas as pd

from ingest.model import ERROR_COLUMNS, Parsed
from store.access import outside_scope, stored, viewer_of

CODE = "not_your_team"


def _new_reports(con: duckdb.DuckDBPyConnection, roster: pd.DataFrame | None,
                 allowed: set[str]) -> set[str]:
    """New employees of the file who report, through the file's own rows, into ``allowed``."""
    if roster is None or roster.empty or "manager_id" not in roster:
        return set()
    ids = roster["employee_id"].astype(str).tolist()
    existing = _anyone_known(con, ids)
    managers = dict(zip(ids, roster["manager_id"].astype("string").fillna("").tolist(),
                        strict=True))
    new, grown = set(), True
    while grown:
        grown = False
        for emp, boss in managers.items():
            if emp not in existing and emp not in new and boss in allowed | new:
                new.add(emp)
                grown = True
    return new


def _anyone_known(con: duckdb.DuckDBPyConnection, ids: list[str]) -> set[str]:
    """Ids already in the roster, whoever they belong to (read past the viewer's views)."""
    rows = con.execute(f"SELECT employee_id FROM {stored(con)}.employees "
                       "WHERE employee_id IN (SELECT unnest(?))", [ids]).fetchall()
    return {r[0] for r in rows}


def restrict(con: duckdb.DuckDBPyConnection, parsed: Parsed) -> Parsed:
    """``parsed`` with every row about people outside the viewer's scope made a bad line."""
    viewer = viewer_of(con)
    if viewer.unrestricted:
        return parsed
    roster = parsed.tables.get("employees")
    mine = {viewer.employee_id} if viewer.employee_id else set()
    every_id = sorted({str(i) for rows in parsed.tables.values() for i in rows["employee_id"]})
    allowed = set(every_id) - set(outside_scope(con, every_id))
    allowed |= _new_reports(con, roster, allowed | mine)
    bad = [
        rows.loc[~rows["employee_id"].astype(str).isin(allowed), ["line", "employee_id"]]
        for rows in parsed.tables.values()
    ]
    bad_rows = pd.concat(bad).drop_duplicates("line") if bad else pd.DataFrame()
    if bad_rows.empty:
        return parsed
    errors = pd.DataFrame({"line": bad_rows["line"], "column": "employee_id",
                           "value": bad_rows["employee_id"].astype(str), "code": CODE})
    lines = set(bad_rows["line"])
    return replace(
        parsed,
        tables={t: rows[~rows["line"].isin(lines)] for t, rows in parsed.tables.items()},
        errors=pd.concat([parsed.errors, errors[ERROR_COLUMNS]], ignore_index=True)
        .sort_values(["line", "column"], kind="stable").reset_index(drop=True),
    )
