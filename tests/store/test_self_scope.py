"""The "self" scope: an employee's connection holds only their own rows, the
manager's private notes blanked; the team band is recomputed from the raw rows by pandas; no
other person's id or name reaches the page's facts; their writes stay on their own rows."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from reports.forecast import forecast_rows
from reports.me import FORECAST, build
from store import me, plans
from store.access import AccessDenied, Viewer
from store.actions import add_action
from store.coaching_log import rate_session as manager_rates
from store.plans import create_plan
from store.scope import scoped
from store.users import UserError, add_user

ME = Viewer("e001@example.com", "employee", "E001")
PERSONAL = ["employees", "metric_values", "coaching_sessions", "coaching_actions",
            "improvement_plans", "goals", "session_pulse"]


def _session(con, employee_id: str) -> str:
    return con.execute("SELECT session_id FROM coaching_sessions WHERE employee_id = ? "
                       "ORDER BY session_date DESC LIMIT 1", [employee_id]).fetchone()[0]


@pytest.fixture
def seeded(demo_con):
    """Plans, actions and a manager's rating for E001 and E002; E001 is an employee user."""
    for who in ("E001", "E002"):
        session = _session(demo_con, who)
        create_plan(demo_con, employee_id=who, goal=f"goal of {who}", measures="m")
        add_action(demo_con, session, {"action": f"action of {who}", "status": "open"})
        manager_rates(demo_con, session, rater="manager", score=2, comment="private view")
    demo_con.execute("INSERT INTO session_parts VALUES (?, 'reality', 'private part')",
                     [_session(demo_con, "E001")])
    add_user(demo_con, ME.email, role="employee", employee_id="E001")
    return demo_con


@pytest.mark.parametrize("table", PERSONAL)
def test_an_unscoped_query_returns_only_the_employees_own_rows(seeded, table):
    raw = seeded.execute(f"SELECT * FROM {table}").df()
    mine = scoped(seeded, ME).execute(f"SELECT * FROM {table}").df()
    expected = raw[raw["employee_id"] == "E001"]
    assert len(mine) == len(expected)
    assert set(mine["employee_id"]) <= {"E001"}


@pytest.mark.parametrize(("table", "rule"), [
    ("session_parts", "no structured notes"), ("users", "no users"), ("audit_log", "no audit"),
    ("imports", "no import history"),
])
def test_the_manager_side_tables_are_empty(seeded, table, rule):
    assert seeded.execute(f"SELECT count(*) FROM {table}").fetchone()[0] > 0, rule
    assert scoped(seeded, ME).execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, rule


def test_notes_are_blank_but_actions_and_plans_are_readable(seeded):
    con = scoped(seeded, ME)
    raw_notes = seeded.execute("SELECT count(notes) FROM coaching_sessions "
                               "WHERE employee_id = 'E001'").fetchone()[0]
    assert raw_notes > 0
    assert con.execute("SELECT count(notes) FROM coaching_sessions").fetchone()[0] == 0
    assert con.execute("SELECT action FROM coaching_actions").fetchall() == [("action of E001",)]
    assert con.execute("SELECT goal FROM improvement_plans").fetchall() == [("goal of E001",)]
    assert con.execute("SELECT count(*) FROM session_ratings").fetchone()[0] == 0  # manager's


def _pandas_band(raw: pd.DataFrame, colleagues: list[str]) -> pd.DataFrame:
    """The band by hand: per cell, the colleagues' values sorted; each number the mean of the
    three values around its quartile's position p (n - 1)."""
    rows = raw[raw["employee_id"].isin(colleagues)].dropna(subset=["value"])
    out = []
    for (metric, period), cell in rows.groupby(["metric", "period"]):
        values = sorted(cell["value"])
        n = len(values)
        if n < me.MIN_BAND:
            continue
        around = [min(max(int(np.floor(p * (n - 1) + 0.5)) - 1, 0), n - 3)
                  for p in (0.25, 0.5, 0.75)]
        q1, median, q3 = (float(np.mean(values[s:s + 3])) for s in around)
        out.append((metric, period, q1, median, q3, n))
    return pd.DataFrame(out, columns=["metric", "period", "q1", "median", "q3", "n"])


def test_the_band_is_recomputed_by_hand_from_the_colleagues_values(seeded):
    raw = seeded.execute("SELECT employee_id, metric, period::TIMESTAMP AS period, value "
                         "FROM metric_values").df()
    team = seeded.execute("SELECT employee_id FROM employees WHERE team = "
                          "(SELECT team FROM employees WHERE employee_id = 'E001') "
                          "AND employee_id <> 'E001'").df()
    expected = _pandas_band(raw, list(team["employee_id"])).sort_values(["metric", "period"])
    got = me.band(scoped(seeded, ME), "E001")
    assert len(got) == len(expected) > 0
    for column in ("q1", "median", "q3", "n"):
        assert got[column].astype(float).tolist() == pytest.approx(
            expected[column].astype(float).tolist()), column


@pytest.mark.parametrize(("size", "band"), [(5, False), (6, True)])
def test_no_band_under_five_colleagues(seeded, size, band):
    team = [f"E{i:03d}" for i in range(1, size + 1)]
    seeded.execute("UPDATE employees SET team = 'Tiny' WHERE employee_id IN (SELECT unnest(?))",
                   [team])
    got = me.band(scoped(seeded, ME), "E001")
    assert (not got.empty) is band
    assert set(got["n"]) <= {size - 1}  # the employee is not one of the values


def test_no_other_persons_id_or_name_reaches_the_page(seeded):
    page = build(scoped(seeded, ME), "E002")  # asking for someone else gets one's own page
    assert page.employee_id == "E001"
    others = seeded.execute("SELECT employee_id, name FROM employees "
                            "WHERE employee_id <> 'E001'").fetchall()
    text = " ".join(f.to_csv() for f in (page.latest, page.series, page.band, page.actions,
                                         page.plans, page.sessions)) + str(page.name)
    assert not [x for pair in others for x in pair if x and x in text]
    # What comes from the team: quartiles and counts per metric x period, nothing per person.
    assert list(page.band.columns) == ["metric", "period", "q1", "median", "q3", "n"]
    own = seeded.execute("SELECT value FROM metric_values WHERE employee_id = 'E001'").df()
    assert sorted(page.series["value"]) == sorted(own["value"])


def test_the_employee_confirms_and_rates_only_their_own(seeded):
    con = scoped(seeded, ME)
    mine, theirs = (seeded.execute("SELECT plan_id FROM improvement_plans WHERE employee_id = ?",
                                   [e]).fetchone()[0] for e in ("E001", "E002"))
    me.confirm_plan(con, mine)
    by, at = seeded.execute("SELECT employee_confirmed_by, employee_confirmed_at FROM "
                            "improvement_plans WHERE plan_id = ?", [mine]).fetchone()
    assert by == ME.email
    assert at.date() == dt.date.today()
    with pytest.raises(AccessDenied) as refused:
        me.confirm_plan(con, theirs)
    assert refused.value.code == "out_of_scope"
    me.rate_session(con, _session(seeded, "E001"), 5, "helpful")
    with pytest.raises(AccessDenied):
        me.rate_session(con, _session(seeded, "E002"), 1)
    assert seeded.execute("SELECT session_id, score FROM session_ratings WHERE rater = "
                          "'employee'").fetchall() == [(_session(seeded, "E001"), 5)]


@pytest.mark.parametrize("viewer", [Viewer("local", "local"),
                                    Viewer("m01@example.com", "manager", "M01")])
def test_nobody_else_confirms_in_the_employees_name(seeded, viewer):
    plan = seeded.execute("SELECT plan_id FROM improvement_plans WHERE employee_id = 'E001'"
                          ).fetchone()[0]
    with pytest.raises(AccessDenied) as refused:
        me.confirm_plan(scoped(seeded, viewer), plan)
    assert refused.value.code == "denied"


def test_an_employee_user_needs_a_roster_id(demo_con):
    with pytest.raises(UserError) as refused:
        add_user(demo_con, "x@example.com", role="employee")
    assert refused.value.code == "employee_needs_id"


@pytest.mark.parametrize(("viewer", "allowed"), [
    (Viewer("local", "local"), True), (Viewer("m01@example.com", "manager", "M01"), False),
    (Viewer("hr@example.com", "hr"), False),
])
def test_on_a_team_server_only_the_employee_confirms_for_the_employee(seeded, viewer, allowed):
    plan = seeded.execute("SELECT plan_id FROM improvement_plans WHERE employee_id = 'E001'"
                          ).fetchone()[0]
    con = scoped(seeded, viewer)
    if allowed:
        plans.confirm_plan(con, plan, role="employee", by="张伟")
    else:
        with pytest.raises(AccessDenied) as refused:
            plans.confirm_plan(con, plan, role="employee", by="张伟")
        assert refused.value.code == "employee_confirms"
    confirmed = seeded.execute("SELECT employee_confirmed_by FROM improvement_plans "
                               "WHERE plan_id = ?", [plan]).fetchone()[0]
    assert (confirmed == "张伟") is allowed


def test_the_employees_forecast_is_the_one_computed_for_the_whole_company(seeded):
    page = build(scoped(seeded, ME))
    everyone = forecast_rows(seeded)  # unscoped: every person's series, as HR would get it
    theirs = everyone.loc[everyone["employee_id"] == "E001", FORECAST].reset_index(drop=True)
    assert len(page.forecast) == seeded.execute(
        "SELECT count(DISTINCT metric) FROM metric_values WHERE employee_id = 'E001'"
    ).fetchone()[0] > 0
    pd.testing.assert_frame_equal(page.forecast, theirs)
