"""One employee's coaching prep for the employee page, the brief and ``cli.py brief``.

``employee_prep`` runs the team-wide analyses (``reports.team.team_view``) and then the cheap
per-employee part, ``prep_from_view``. A page that caches the TeamView (it only changes with the
data, the settings and the as-of date) passes it as ``view=`` and pays only the per-employee
part: ``analytics.prep.build_prep`` over the person's rows, which the
view's ``PersonIndex`` finds without scanning its frames.
"""

from __future__ import annotations

import duckdb
import pandas as pd

from analytics.prep import EmployeePrep, build_prep
from reports.as_of import as_of_date
from reports.prep_text import write
from reports.team import TeamView, team_view
from store.employee import employee_exists


def _as_of(as_of: pd.Timestamp | str | None) -> pd.Timestamp | None:
    if as_of is None:
        return None
    try:
        stamp = pd.Timestamp(as_of)
    except (TypeError, ValueError) as error:
        raise ValueError(f"as_of must be a date, got {as_of!r}") from error
    if pd.isna(stamp):
        raise ValueError(f"as_of must be a date, got {as_of!r}")
    return stamp


def prep_from_view(
    con: duckdb.DuckDBPyConnection, view: TeamView, employee_id: str, *, lang: str = "en"
) -> EmployeePrep | None:
    """The prep of ``employee_id`` from an already computed team view (None if unknown).

    Example:
        >>> view = team_view(con)  # doctest: +SKIP
        >>> prep_from_view(con, view, "E010", lang="zh").summary  # doctest: +SKIP
        '客户满意度 75.1,团队 81.2,自 2025-11-10 起下滑'
    """
    if not isinstance(employee_id, str) or not employee_id.strip():
        raise ValueError(f"employee_id must be a non-empty string, got {employee_id!r}")
    # Someone in the roster or with values is known without a query; the query still decides
    # for anyone else (values only after the view's as-of date).
    if not (view.index.knows(employee_id) or employee_exists(con, employee_id)):
        return None
    # No metric values at all: the prep is about the roster and the log, as of the policy's day.
    as_of = view.as_of if view.as_of is not None else as_of_date(con)
    day = as_of.strftime("%Y-%m-%d")
    prep = build_prep(
        employee_id, as_of=as_of, series=view.index.series(view.values, employee_id),
        people=view.people, comparison=view.comparison, trends=view.trends, gaps=view.gaps,
        strengths=view.strengths, flags=view.flags, rows=view.index.rows,
        sessions=view.index.sessions.take(employee_id, until=("session_date", pd.Timestamp(day))),
        thresholds=view.thresholds, cadence=view.cadence,
        open_actions=view.index.actions.take(employee_id),
    )
    return write(prep, lang)


def employee_prep(
    con: duckdb.DuckDBPyConnection,
    employee_id: str,
    *,
    as_of: pd.Timestamp | str | None = None,
    lang: str = "en",
    view: TeamView | None = None,
) -> EmployeePrep | None:
    """Everything the coaching prep of one employee shows, as of ``as_of``.

    Args:
        con: an open Coachboard database.
        employee_id: the employee (roster or metric values).
        as_of: the analysis date (default: the latest period in the data); a Timestamp or an
            ISO date string.
        lang: "en" or "zh" for every sentence of the prep.
        view: a cached ``team_view(con, as_of=as_of)`` to reuse; computed when None.

    Returns:
        An ``analytics.prep.EmployeePrep``, or None when the id is unknown.

    Example:
        >>> employee_prep(con, "E010").flags["reason"].iloc[0]  # doctest: +SKIP
        'declining_trend'
    """
    if lang not in ("en", "zh"):
        raise ValueError(f"lang must be 'en' or 'zh', got {lang!r}")
    if view is None:
        view = team_view(con, as_of=_as_of(as_of))
    return prep_from_view(con, view, employee_id, lang=lang)
