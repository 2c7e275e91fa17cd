"""Low-volume values and partial periods: marked, and no evidence for trends and flags."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import store
from analytics.flags import flags
from analytics.thresholds import Thresholds
from analytics.trend import trends
from analytics.volume import marks, usable
from reports.team import THRESHOLDS_KEY, team_view
from tests.analytics.test_flags import WEEKS, roster, scenario
from tests.ingest import event_log
from writes.settings import save_section


@pytest.mark.parametrize(("n_events", "partial", "min_events", "want"), [
    (3, False, 5, "low_volume"), (5, False, 5, None), (4, True, 5, "partial"),
    (40, True, 5, "partial"), (None, None, 5, None), (1, False, 1, None), (0, None, 1, "low_volume"),
])
def test_marks(n_events, partial, min_events, want):
    frame = pd.DataFrame({"n_events": pd.array([n_events], dtype="Int64"),
                          "partial": pd.array([partial], dtype="boolean")})
    assert marks(frame, min_events).tolist() == [want]
    assert len(usable(frame, min_events)) == (want is None)


def test_frames_without_event_columns_are_all_usable():
    frame = scenario()
    assert usable(frame, 5) is frame
    assert marks(frame, 5).isna().all()


@pytest.mark.parametrize("bad", [0, -1])
def test_min_events_is_at_least_one(bad):
    with pytest.raises(ValueError, match="min_events"):
        Thresholds(min_events=bad)


def thin_scenario() -> tuple[pd.DataFrame, pd.Series]:
    """The flags scenario from events: "streak"'s last three weeks from 3 calls each, "drop"'s
    last week partial; everyone else from 40 calls."""
    frame = scenario()
    low = (frame["employee_id"] == "streak") & (frame["period"] >= WEEKS[23])
    part = (frame["employee_id"] == "drop") & (frame["period"] == WEEKS[-1])
    frame["n_events"] = pd.array(np.where(low, 3, 40), dtype="Int64")
    frame["partial"] = pd.array(part.to_numpy(), dtype="boolean")
    return frame, low | part


def test_flags_and_trends_ignore_thin_values_as_if_they_were_not_there():
    frame, thin = thin_scenario()
    people, sessions = roster()
    as_of = WEEKS[-1]
    got = flags(frame, people, sessions, as_of=as_of)
    # The same analysis on the rows a person would keep by hand.
    kept = frame.loc[~thin.to_numpy()].drop(columns=["n_events", "partial"])
    want = flags(kept, people, sessions, as_of=as_of)
    pd.testing.assert_frame_equal(got, want)
    pd.testing.assert_frame_equal(trends(frame, as_of=as_of), trends(kept, as_of=as_of))
    # Taken at face value, the three thin weeks are a streak under target: now they are not.
    plain = flags(frame.drop(columns=["n_events", "partial"]), people, sessions, as_of=as_of)
    streak = ("streak", "below_target_streak")
    assert streak in set(zip(plain["employee_id"], plain["reason"], strict=True))
    assert streak not in set(zip(got["employee_id"], got["reason"], strict=True))


def test_the_setting_decides_what_is_low_volume():
    frame, _ = thin_scenario()
    people, sessions = roster()
    lax = flags(frame, people, sessions, as_of=WEEKS[-1], thresholds=Thresholds(min_events=3))
    assert "below_target_streak" in set(lax.loc[lax["employee_id"] == "streak", "reason"])


def test_team_view_of_a_call_log_leaves_low_volume_agents_out(tmp_path):
    truth = event_log.calls()
    con = store.connect(tmp_path / "c.duckdb")
    assert store.import_bytes(con, event_log.csv_bytes(truth), "calls.csv").status == "loaded"
    view = team_view(con)
    per_week = truth.groupby(["agent", truth["date"].dt.to_period("W-SUN")]).size()
    assert per_week["Dee"].max() < 5 <= per_week.drop(index="Dee").min()
    assert "Dee" in set(view.values["name"])  # noqa: PD011 (TeamView.values)
    assert "Dee" not in set(view.comparison["name"])
    names = dict(con.execute("SELECT employee_id, name FROM employees").fetchall())
    assert set(view.trends["employee_id"].map(names)) == {"Ann", "Bob", "陈静"}
    save_section(con, THRESHOLDS_KEY, Thresholds, {"min_events": 1})
    assert "Dee" in set(team_view(con).comparison["name"])
    save_section(con, THRESHOLDS_KEY, Thresholds, {"min_events": 10**6})
    nothing = team_view(con)  # every value thin: nothing to judge, and no error
    assert nothing.flags.empty or nothing.flags["metric"].isna().all()


@pytest.mark.parametrize(("days", "want"), [
    (["2025-01-06", "2025-01-07", "2025-01-09"], "day"),
    (["2025-01-06", "2025-01-13", "2025-01-20"], "week"),
    (["2025-01-01", "2025-02-01", "2025-03-01"], "month"),
])
def test_daily_figures_have_a_day_grain(days, want):
    from analytics.frames import grain, period_number, period_start, window_periods

    periods = pd.to_datetime(days)
    assert grain(pd.DataFrame({"period": periods})) == want
    numbers = period_number(periods, want)
    assert (period_start(numbers, want) == periods).all()
    if want == "day":
        assert list(numbers) == [(p - pd.Timestamp("1970-01-01")).days for p in periods]
        assert window_periods("day", 3) == round(3 * 365 / 12)
