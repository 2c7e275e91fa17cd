"""The prep from the view's person index against the prep computed the old way: the person's
series queried in SQL (``store.frames.employee_series``) and the team-wide frames filtered per
person (issue 20). A demo database with the awkward people added: someone without a team,
someone with values but no roster row, values from few events and partial periods."""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import pytest

import demo
from analytics.person_rows import PersonRows, TeamSeries
from analytics.prep import build_prep
from analytics.prep_metrics import _COMPARE, _GAP, _TREND, METRIC_COLUMNS
from analytics.volume import marks
from reports.employee import prep_from_view
from reports.prep_text import write
from reports.team import team_view
from store.actions import open_actions
from store.employee import employee_sessions
from store.frames import employee_series, metric_frame

ODD = {"teamless": "EX1", "unrostered": "EX2"}


@pytest.fixture(scope="module")
def con(module_demo_con):
    connection = module_demo_con
    # A teamless roster member and an id without a roster row, each with E005's values; every
    # fifth value of E010 from 3 events, every seventh of E012 of a partial period.
    connection.execute("INSERT INTO employees VALUES ('EX1', 'No Team', NULL, NULL, 'agent', "
                       "NULL, false, 0)")
    for new in ODD.values():
        connection.execute("INSERT INTO metric_values SELECT ?, period, metric, value + 1, "
                           "target, import_id, n_events, partial FROM metric_values "
                           "WHERE employee_id = 'E005'", [new])
    connection.execute("UPDATE metric_values SET n_events = CASE WHEN day(period) % 5 = 0 "
                       "THEN 3 ELSE 40 END WHERE employee_id = 'E010'")
    connection.execute("UPDATE metric_values SET partial = day(period) % 7 = 0 "
                       "WHERE employee_id = 'E012'")
    # The log's odd rows: a session without notes, model or coach; open actions with and
    # without a deadline, one done; an action of someone with no session of their own.
    connection.execute("INSERT INTO coaching_sessions VALUES ('sx1', 'EX1', DATE '2025-09-01', "
                       "'formal', NULL, NULL, NULL, NULL), ('sx2', 'E005', DATE '2025-09-02', "
                       "'informal', 'GROW', 'E001', 'n', NULL)")
    for n, (session, who, deadline, status) in enumerate((
            ("sx2", "E005", "2025-10-01", "open"), ("sx2", "E005", None, "open"),
            ("sx2", "E005", "2025-09-15", "open"), ("sx2", "E005", "2025-09-20", "done"),
            ("sx1", "EX1", None, "open"))):
        connection.execute(
            "INSERT INTO coaching_actions (action_id, session_id, employee_id, goal, action, "
            "owner, deadline, status, version, changed_at) VALUES (?, ?, ?, NULL, ?, 'me', ?, "
            "?, 1, TIMESTAMP '2025-09-03 10:00:00' + to_minutes(?::BIGINT))",
            [f"ax{n}", session, who, f"act {n}", deadline, status, n])
    return connection


@pytest.fixture(scope="module")
def views(con):
    """as-of -> the team view (one per date for the module: they are the slow part)."""
    found: dict = {}

    def view(as_of):
        if as_of not in found:
            found[as_of] = team_view(con, as_of=None if as_of is None else pd.Timestamp(as_of))
        return found[as_of]
    return view


def old_metric_table(series, comparison, trends, gaps, min_events):
    """``analytics.prep_metrics.metric_table`` before issue 20 (four merges), the reference."""
    def first(frame, columns):
        if frame.empty:
            return pd.DataFrame({c: [] for c in columns}).astype({"metric": object})
        return frame.reindex(columns=columns).drop_duplicates("metric")

    known = [first(f, ["metric", "direction", "category", "unit"])
             for f in (series, comparison, trends, gaps) if not f.empty]
    meta = pd.concat(known) if known else pd.DataFrame(columns=["metric"])
    meta = meta.dropna(subset=["metric"]).groupby("metric", sort=True).first().reset_index() \
        if not meta.empty else first(meta, ["metric", "direction", "category", "unit"])
    gap = gaps.rename(columns={"value": "latest", "period": "latest_period"}) \
        if not gaps.empty else gaps
    out = meta
    for frame, columns in ((comparison, _COMPARE), (gap, _GAP), (trends, _TREND)):
        out = out.merge(first(frame, columns), on="metric", how="left")
    if series.empty or "period" not in series:
        latest = pd.DataFrame({"metric": [], "latest_mark": [], "latest_events": []}).astype(
            {"metric": object})
    else:
        last = series.sort_values("period").drop_duplicates("metric", keep="last")
        latest = pd.DataFrame({"metric": last["metric"].to_numpy(),
                               "latest_mark": marks(last, min_events).to_numpy(),
                               "latest_events": last.reindex(columns=["n_events"])["n_events"]
                               .to_numpy()})
    out = out.merge(latest, on="metric", how="left")
    out = out.reindex(columns=METRIC_COLUMNS).reset_index(drop=True)
    for column in ("turning_point", "latest_period", "window_start", "window_end"):
        out[column] = pd.to_datetime(out[column]).astype("datetime64[ns]")
    return out


def old_prep(con, view, employee_id: str, lang: str):
    """``reports.employee.prep_from_view`` before the index: one SQL series per person and the
    whole team-wide frames, which ``build_prep`` filters itself; the metric table as merged."""
    day = view.as_of.strftime("%Y-%m-%d")
    series = employee_series(con, employee_id, as_of=day)
    prep = write(build_prep(
        employee_id, as_of=view.as_of, series=series,
        people=view.people, comparison=view.comparison, trends=view.trends, gaps=view.gaps,
        strengths=view.strengths, flags=view.flags,
        sessions=employee_sessions(con, employee_id, as_of=day),
        thresholds=view.thresholds, cadence=view.cadence, open_actions=open_actions(con, employee_id)),
        lang)
    mine = [frame.loc[frame["employee_id"] == employee_id].reset_index(drop=True)
            if not frame.empty else pd.DataFrame()
            for frame in (view.comparison, view.trends, view.gaps)]
    return dataclasses.replace(prep, metrics=old_metric_table(
        series, *mine, view.thresholds.min_events))


def assert_same_prep(new, old) -> None:
    for field in dataclasses.fields(old):
        mine, theirs = getattr(new, field.name), getattr(old, field.name)
        if isinstance(theirs, pd.DataFrame):
            # The team mean: a sum in row order against DuckDB's avg (threads: any order).
            pd.testing.assert_frame_equal(mine, theirs, check_exact=False, rtol=1e-12,
                                          obj=field.name)
        else:
            assert mine == theirs, field.name


@pytest.mark.parametrize("as_of", [None, "2025-10-06"])
@pytest.mark.parametrize("who", [*demo.STORIES.values(), *ODD.values(), "M01"])
def test_the_indexed_prep_is_the_old_prep(con, views, who, as_of):
    view = views(as_of)
    assert_same_prep(prep_from_view(con, view, who, lang="zh"), old_prep(con, view, who, "zh"))


def test_a_person_is_compared_with_their_team_or_with_everyone(con):
    """Team figures recomputed with a pandas groupby of the stored rows."""
    values = metric_frame(con)
    team = TeamSeries.of(values)
    rows = PersonRows.of(values)
    for who, peers in (("E010", values["team"] == values.loc[values["employee_id"] == "E010",
                                                            "team"].iloc[0]),
                       (ODD["teamless"], values["metric"].notna())):
        mine = rows.positions(who)
        expected = (values.loc[peers].groupby(["metric", "period"], observed=True)["value"]
                    .agg(["mean", "min", "max", "size"]))
        keys = pd.MultiIndex.from_arrays([values["metric"].iloc[mine], values["period"].iloc[mine]])
        found = team.at(values.iloc[mine])
        np.testing.assert_allclose(found["team_mean"], expected["mean"].reindex(keys), rtol=1e-12)
        for ours, theirs in (("team_min", "min"), ("team_max", "max"), ("team_n", "size")):
            np.testing.assert_array_equal(found[ours], expected[theirs].reindex(keys))


@pytest.mark.parametrize("as_of", [None, "2025-10-06"])
def test_a_persons_log_is_their_own_query(con, views, as_of):
    """Sessions and open actions taken from everyone's, against each person's own query."""
    view = views(as_of)
    day = pd.Timestamp(view.as_of.strftime("%Y-%m-%d"))
    who = [*view.people["employee_id"], *ODD.values(), "nobody"]
    assert len(view.index.actions.take("E005")) == 3
    for employee_id in who:
        pd.testing.assert_frame_equal(
            view.index.sessions.take(employee_id, until=("session_date", day)),
            employee_sessions(con, employee_id, as_of=day.strftime("%Y-%m-%d")))
        pd.testing.assert_frame_equal(view.index.actions.take(employee_id),
                                      open_actions(con, employee_id))


@pytest.mark.parametrize("frame", [
    pd.DataFrame({"employee_id": ["b", None, "a", "b"], "x": [1, 2, 3, 4]}),
    pd.DataFrame({"employee_id": pd.Categorical(["b", "a", "b"]), "x": [1, 2, 3]}),
    pd.DataFrame({"employee_id": pd.Series([], dtype=object), "x": []}),
])
def test_a_persons_rows_are_the_filtered_rows(frame):
    rows = PersonRows.of(frame)
    for who in ("a", "b", "nobody"):
        filtered = frame.loc[frame["employee_id"] == who].reset_index(drop=True)
        pd.testing.assert_frame_equal(rows.take(frame, who), filtered)
        assert rows.first(frame, who) == (filtered.iloc[0].to_dict() if len(filtered) else {})
        assert rows.first(frame, who, ("x", "absent")) == (
            {"x": filtered["x"].iloc[0]} if len(filtered) else {})
    with pytest.raises(ValueError, match="rows"):
        rows.take(pd.DataFrame({"employee_id": ["a"] * (len(frame) + 1)}), "a")
