"""Issue 17 item 5: the follow-up's due list and the overview's flags tell the same story about
new hires. A never-coached new hire is due (overdue) for the first session exactly when the flags
say "new hire not coached yet", on a generated team with hires spread over half a year."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pandas as pd
import pytest

import store
from reports.followup import due_list
from reports.team import team_view
from store.coaching_log import log_session

LAST = date(2025, 6, 30)
WEEKS = [LAST - timedelta(weeks=w) for w in range(26)][::-1]


@pytest.fixture(scope="module")
def team(tmp_path_factory):
    rnd = random.Random(17)
    hires = {f"E{i:02d}": LAST - timedelta(days=rnd.randrange(0, 200)) for i in range(40)}
    hires |= {f"S{i}": date(2019, 1, 7) for i in range(5)}  # old hands: the team's baseline
    rows = ["工号,姓名,团队,入职日期,日期,指标,实际值,目标值"]
    for emp, hired in hires.items():
        rows += [f"{emp},{emp},T1,{hired:%Y-%m-%d},{w:%Y-%m-%d},CSAT,{rnd.gauss(85, 3):.1f},85"
                 for w in WEEKS if w >= hired]
    con = store.connect(tmp_path_factory.mktemp("agree") / "team.duckdb")
    assert store.import_bytes(con, "\n".join(rows).encode(), "team.csv").status == "loaded"
    for emp, hired in hires.items():
        if rnd.random() < 0.5:  # half get a session, some late, some early
            day = hired + timedelta(days=rnd.randrange(0, 60))
            if day <= LAST:
                log_session(con, employee_id=emp, session_date=day, session_type="informal",
                            model="GROW", coach="Li Lei", notes="talk")
    yield con, hires
    con.close()


@pytest.mark.parametrize("as_of", ["2025-04-07", "2025-05-19", "2025-06-30"])
def test_first_session_overdue_exactly_when_flagged_and_never_coached(team, as_of):
    con, hires = team
    day = pd.Timestamp(as_of)
    sessions = con.execute("SELECT employee_id, session_date FROM coaching_sessions").df()
    first = sessions.groupby("employee_id")["session_date"].min()
    never = {e for e, h in hires.items() if pd.Timestamp(h) <= day
             and not (e in first.index and pd.Timestamp(first[e]) <= day)}
    flags = team_view(con, as_of=day).flags
    flagged = set(flags.loc[flags["reason"] == "new_hire_uncoached", "employee_id"])
    due = due_list(con, as_of=day)
    overdue = set(due.loc[(due["kind"] == "first_session") & (due["days_overdue"] > 0),
                          "employee_id"])
    assert overdue, "the generated team should have an overdue first session"
    assert overdue == flagged & never
    # and each is counted from hire + 7 days, the first-session rule
    mine = due.loc[(due["kind"] == "first_session") & due["employee_id"].isin(overdue)]
    expected = [(day - pd.Timestamp(hires[e])).days - 7 for e in mine["employee_id"]]
    assert mine["days_overdue"].tolist() == expected
