"""Audit rows a page writes itself: an employee's page opened (or refused) and a download taken.
The actor is the viewer of the connection; never the file's content (``store.audit``)."""

from __future__ import annotations

import duckdb

from store import audit

ID_MAX = 64  # a refused id is the user's own input: cut short


def viewed_employee(con: duckdb.DuckDBPyConnection, employee_id: str) -> None:
    """The viewer opened ``employee_id``'s page."""
    audit.record(con, audit.VIEW_EMPLOYEE, target=employee_id)


def refused_employee(con: duckdb.DuckDBPyConnection, asked: str, *, detail: str) -> None:
    """The viewer asked for ``asked`` (a link or a typed id) and was refused."""
    audit.record(con, audit.VIEW_EMPLOYEE, target=str(asked)[:ID_MAX], detail=detail)


def exported(con: duckdb.DuckDBPyConnection, kind: str, target: object = None, *,
             rows: int | None = None) -> None:
    """A download of ``kind`` (``brief``, ``board_xlsx`` …) about ``target`` was taken."""
    audit.record(con, audit.EXPORT, target=target, rows=rows, detail=kind)
