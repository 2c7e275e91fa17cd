"""The team view: every analysis of the manager's overview for one as-of date."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from analytics.cadence import CadenceRules
from analytics.compare import compare
from analytics.flags import flags
from analytics.gap import gaps
from analytics.headcount import measured, window
from analytics.strengths import strengths
from analytics.thresholds import Thresholds
from analytics.trend import trends
from analytics.volume import usable
from reports.headcount import coverage_days
from reports.person_index import PersonIndex
from store import settings
from store.actions import everyones_open_actions
from store.employee import everyones_sessions
from store.frames import metric_frame, people_frame, session_frame
from store.queries import catalog

THRESHOLDS_KEY = "thresholds"
CADENCE_KEY = "cadence"


def cadence_rules(con: duckdb.DuckDBPyConnection) -> CadenceRules:
    """The stored cadence rules (defaults for anything not changed)."""
    return CadenceRules.from_dict(settings.load(con, CADENCE_KEY))


def thresholds(con: duckdb.DuckDBPyConnection) -> Thresholds:
    """The stored thresholds (defaults for anything the user did not change).

    The coaching-cadence numbers the flags use (first session, contact interval) are not here:
    they are the cadence policy's, :func:`cadence_rules`.
    """
    return Thresholds.from_dict(settings.load(con, THRESHOLDS_KEY))


@dataclass(frozen=True)
class TeamView:
    """Everything the overview shows; every frame is cut at ``as_of``.

    ``as_of`` is None (and every frame empty) when there are no metric values yet.
    """

    as_of: pd.Timestamp | None
    thresholds: Thresholds
    cadence: CadenceRules  # the coaching reasons' and the prep's cadence
    values: pd.DataFrame  # analytics.frames.VALUE_COLUMNS
    people: pd.DataFrame  # the roster (store.frames.people_frame)
    sessions: pd.DataFrame  # the coaching log (store.frames.session_frame)
    flags: pd.DataFrame  # analytics.flags.FLAG_COLUMNS, most urgent first
    comparison: pd.DataFrame  # analytics.compare.COMPARE_COLUMNS
    trends: pd.DataFrame  # analytics.trend.TREND_COLUMNS
    gaps: pd.DataFrame  # analytics.gap.GAP_COLUMNS
    strengths: pd.DataFrame  # analytics.strengths.STRENGTH_COLUMNS
    index: PersonIndex  # each person's rows of the frames above, for a prep


def team_view(
    con: duckdb.DuckDBPyConnection, *, as_of: pd.Timestamp | None = None
) -> TeamView:
    """All analyses for everyone, as of ``as_of`` (default: the latest period in the data)."""
    limits, rules = thresholds(con), cadence_rules(con)
    values = metric_frame(con, as_of=as_of)
    people = people_frame(con)
    sessions = session_frame(con, as_of=as_of)
    if values.empty:
        empty = pd.DataFrame()
        return TeamView(None, limits, rules, values, people, sessions, empty, empty, empty, empty,
                        empty, _index(con, values, people, empty, empty, empty, empty, empty))
    as_of = pd.Timestamp(as_of) if as_of is not None else pd.Timestamp(values["period"].max())
    # Each analysis once: flags reuses them instead of computing its own copies. Values from
    # few events or of a partial period are evidence for none of them.
    basis = usable(values, limits.min_events)
    comparison = compare(basis, as_of=as_of)
    trend = trends(basis, as_of=as_of, thresholds=limits)
    gap = gaps(basis, as_of=as_of, thresholds=limits)
    found = flags(basis, people, sessions, as_of=as_of, thresholds=limits, cadence=rules,
                  trends=trend, comparison=comparison, gaps=gap)
    # Only people measured in the headcount window are flagged (analytics.headcount): a leaver
    # without data for months is not "coaching overdue", and every page counts the same people.
    start, end = window(as_of, coverage_days(con))
    found = found.loc[found["employee_id"].astype(str).isin(
        measured(values, start=start, end=end))].reset_index(drop=True)
    side = strengths(comparison, gap)
    return TeamView(
        as_of=as_of, thresholds=limits, cadence=rules, values=values, people=people, sessions=sessions,
        flags=found, comparison=comparison, trends=trend, gaps=gap, strengths=side,
        index=_index(con, values, people, comparison, trend, gap, side, found),
    )


def _index(con, values, people, comparison, trends, gaps, side, found) -> PersonIndex:
    return PersonIndex.of({"values": values, "people": people, "comparison": comparison,
                           "trends": trends, "gaps": gaps, "strengths": side, "flags": found},
                          catalog(con), everyones_sessions(con), everyones_open_actions(con))
