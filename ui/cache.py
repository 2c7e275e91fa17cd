"""Cached results of the manager's pages, keyed by everything they depend on.

The key is the data version (``ui.context.data_version``: changes with every import, undo, catalog or
settings edit), the as-of date and the language; never the connection: each cached function
opens its own cursor with ``ui.context.cursor(who)``, and the viewer's scope
(``ui.context.scope()``) is part of every key: the caches are shared by all sessions. ``max_entries`` bounds the memory.

The team-wide analyses (``reports.team_view``) are the expensive part: they are cached once per
(version, as-of) and shared by the overview and every employee's prep, so opening one employee
after the overview only pays for that employee.
"""

from __future__ import annotations

from typing import NamedTuple

import pandas as pd
import streamlit as st

from charts.heatmap import percentile_heatmap
from charts.quadrant import quadrant
from charts.trend import team_trend
from i18n import t
from i18n.dates import iso
from reports import workspace
from reports.employee import employee_prep as _employee_prep
from reports.metric_names import metric_label, metric_labels
from reports.overview import Overview, overview, team_rows
from reports.people import no_team
from reports.periods import period_axis
from reports.team import TeamView, team_view
from ui.context import Viewer, cursor, run_version, scope

MAX_ENTRIES = 16
# One person's results (prep, figures, what-if) at one as-of date: the working set of a team server
# is people x as-of dates in use (the as-of choice is shared by every page). 64 entries held
# the demo's 28 people at two dates: 20 sessions at four dates made the load test recompute a
# prep and its figures on most employee-page reruns (0.2 CPU s per rerun instead of 0.07).
# A person's entries are small (a prep pickles to 10-50 KB).
PERSON_ENTRIES = 256


# The team view is held as one shared object (cache_resource), not pickled copies: every new
# person's prep read it, and unpickling 60 MiB at 5,000 people was 0.10-0.14 CPU s of a click
# (most of it the garbage collector walking the flags' evidence). Its readers never change it
# (tests/reports/test_view_unchanged.py runs them all and compares).
@st.cache_resource(max_entries=8, show_spinner=False)
def _view(who: Viewer, version: str, as_of: str | None) -> TeamView:
    return team_view(cursor(who), as_of=None if as_of is None else pd.Timestamp(as_of))


@st.cache_data(max_entries=MAX_ENTRIES, show_spinner=False)
def _overview(who: Viewer, version: str, as_of: str | None, lang: str) -> Overview:
    return overview(cursor(who), as_of=as_of, lang=lang, view=_view(who, version, as_of))



@st.cache_data(max_entries=MAX_ENTRIES, show_spinner=False)
def _periods(who: Viewer, version: str) -> list[pd.Timestamp]:
    return workspace.periods(cursor(who))



@st.cache_data(max_entries=MAX_ENTRIES, show_spinner=False)
def _people(who: Viewer, version: str) -> pd.DataFrame:
    return workspace.employees(cursor(who))



@st.cache_data(max_entries=PERSON_ENTRIES, show_spinner=False)
def _prep(who: Viewer, version: str, employee_id: str, as_of: str | None, lang: str):
    return _employee_prep(cursor(who), employee_id, as_of=as_of, lang=lang,
                          view=_view(who, version, as_of))




# The overview's own reads and figures. A warm rerun used to rebuild three Plotly
# figures and query the workspace facts three times and the data version twice (0.6-0.8 CPU s on
# the demo). A Snapshot reads the viewer's scope and the data version once per rerun; figures
# are cached as objects (cache_resource: no pickling, st.plotly_chart only reads them: never
# mutate one), keyed like the data they draw plus the chart's own choice (team, metric).
class Snapshot(NamedTuple):
    who: Viewer
    version: str


def snapshot() -> Snapshot:
    """This rerun's viewer scope and data version (``run_version``: one query per run)."""
    return Snapshot(scope(), run_version())


def periods_at(snap: Snapshot) -> list[pd.Timestamp]:
    """``periods()`` for an already read snapshot."""
    return _periods(snap.who, snap.version)


def overview_at(snap: Snapshot, as_of: pd.Timestamp | str | None, lang: str) -> Overview:
    """``team_overview()`` for an already read snapshot."""
    return _overview(snap.who, snap.version, iso(as_of), lang)


@st.cache_data(max_entries=MAX_ENTRIES, show_spinner=False)
def _facts(who: Viewer, version: str) -> tuple[dict[str, object], bool]:
    con = cursor(who)
    return workspace.facts(con), workspace.is_empty(con)


def facts(snap: Snapshot) -> dict[str, object]:
    """``reports.workspace.facts`` (the counts and period range), cached per data version."""
    return _facts(snap.who, snap.version)[0]


def is_empty(snap: Snapshot) -> bool:
    """``reports.workspace.is_empty``, cached per data version."""
    return _facts(snap.who, snap.version)[1]


@st.cache_data(max_entries=MAX_ENTRIES, show_spinner=False)
def _metric_directions(who: Viewer, version: str) -> dict[str, str]:
    return workspace.metric_directions(cursor(who))


def metric_directions(snap: Snapshot) -> dict[str, str]:
    """Metric -> "higher"/"lower" of every metric with values, by name, cached."""
    return _metric_directions(snap.who, snap.version)


@st.cache_resource(max_entries=MAX_ENTRIES, show_spinner=False)
def _heatmap(who: Viewer, version: str, as_of: str | None, lang: str, team: str | None):
    rows = team_rows(_overview(who, version, as_of, lang).comparison, team)
    rows = rows.assign(metric=metric_labels(rows["metric"], lang))  # "Calls" is 通话量 in zh
    # A file without teams (a CRM export) ranks everyone together: "in the team" misled.
    title = "team.heatmap_title_all" if no_teams(rows, lang) else "team.heatmap_title"
    return percentile_heatmap(
        rows, title=t(title, lang), value_label=t("mchart.value", lang),
        team_label=t("mchart.team_mean", lang), percentile_label=t("mchart.percentile", lang))


def no_teams(rows: pd.DataFrame, lang: str) -> bool:
    """Whether nobody in ``rows`` has a team (blank, or the overview's "no team" label):
    everyone is compared with everyone."""
    return bool(rows["team"].isna().all() or rows["team"].eq(no_team(lang)).all())


def overview_heatmap(snap: Snapshot, as_of: pd.Timestamp | str | None, lang: str,
                     team: str | None) -> dict:
    """The overview's percentile heatmap of ``team`` (None: everyone), cached."""
    return _heatmap(snap.who, snap.version, iso(as_of), lang, team)


@st.cache_resource(max_entries=MAX_ENTRIES, show_spinner=False)
def _quadrant(who: Viewer, version: str, as_of: str | None, lang: str) -> dict:
    return quadrant(
        _overview(who, version, as_of, lang).quadrant, title=t("team.quadrant_title", lang),
        x_label=t("mchart.efficiency_pct", lang), y_label=t("mchart.quality_pct", lang),
        flagged_label=t("mchart.flagged", lang), calm_label=t("mchart.not_flagged", lang),
        quadrant_labels=tuple(t(f"mchart.q.{k}", lang)
                              for k in ("star", "fast", "careful", "support")))


def overview_quadrant(snap: Snapshot, as_of: pd.Timestamp | str | None, lang: str) -> dict:
    """The overview's efficiency/quality quadrant, cached."""
    return _quadrant(snap.who, snap.version, iso(as_of), lang)


# Every team's trend rows, read once per data version and shared (cache_resource: never change
# them): read again for each metric and team picked, they were 0.1 CPU s of the click at 5,000.
@st.cache_resource(max_entries=MAX_ENTRIES, show_spinner=False)
def _trend_rows(who: Viewer, version: str, lang: str) -> tuple[pd.DataFrame, bool]:
    rows = workspace.team_trend(cursor(who))
    alone = no_teams(rows, lang)  # data without any team: one line, everyone's
    rows["team"] = rows["team"].fillna(no_team(lang))
    return rows, alone


@st.cache_resource(max_entries=MAX_ENTRIES, show_spinner=False)
def _trend(who: Viewer, version: str, lang: str, metric: str, team: str | None):
    direction = _metric_directions(who, version).get(metric, "higher")
    rows, alone = _trend_rows(who, version, lang)
    # Data without any team has one line, everyone's: the title must not speak of teams.
    title = "overview.trend_title_all" if alone else "overview.trend_title"
    return team_trend(
        rows, metric=metric, title=t(title, lang, metric=metric_label(metric, lang)),
        target_label=t("chart.target", lang), better_label=t(f"direction.{direction}", lang),
        team=team, overall_label=t("team.trend_all", lang),
        axis=period_axis(rows.loc[rows["metric"] == metric, "period"].unique(), lang))


def overview_trend(snap: Snapshot, lang: str, metric: str, team: str | None = None) -> dict:
    """The overview's team trend of ``metric`` (of ``team`` and all teams' mean), cached."""
    return _trend(snap.who, snap.version, lang, metric, team)
