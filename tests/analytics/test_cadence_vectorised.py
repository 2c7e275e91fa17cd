"""The vectorised ``due_items`` equals the per-person loop it replaced, frame for frame."""

import random

import pandas as pd
import pytest

from analytics.cadence import CadenceRules, due_items
from reports.followup import _coached, _focus
from store.actions import all_actions
from store.frames import people_frame, session_frame
from tests.analytics.cadence_loop import loop_due_items

T = pd.Timestamp


def _day(rnd: random.Random, start: str, days: int) -> pd.Timestamp:
    return T(start) + pd.Timedelta(days=rnd.randrange(days))


def _generated(rnd: random.Random, n: int = 300):
    """People (some without a hire date, some hired later, one twice), sessions before and
    after hire and as-of, actions in every status, some without a deadline."""
    ids = [f"E{i:03d}" for i in range(n)]
    hires = [pd.NaT if rnd.random() < 0.1 else _day(rnd, "2023-01-01", 900) for _ in ids]
    people = pd.DataFrame({"employee_id": [*ids, ids[0]], "hire_date": [*hires, T("2020-01-01")]})
    sessions = pd.DataFrame([
        (rnd.choice(ids), _day(rnd, "2023-01-01", 900), rnd.choice(["formal", "informal"]))
        for _ in range(4 * n)], columns=["employee_id", "session_date", "session_type"])
    actions = pd.DataFrame([
        (rnd.choice(ids), f"act {i}", None if rnd.random() < 0.1 else _day(rnd, "2024-06-01", 400),
         rnd.choice(["open", "done", "dropped"])) for i in range(n)],
        columns=["employee_id", "action", "deadline", "status"])
    actions["deadline"] = pd.to_datetime(actions["deadline"])
    return people, sessions, actions, set(rnd.sample(ids, n // 5))


@pytest.mark.parametrize("as_of", ["2024-03-31", "2024-07-01", "2025-02-14", "2025-06-30"])
@pytest.mark.parametrize("rules", [CadenceRules(), CadenceRules(contact_days=21, horizon_days=0,
                                                                new_hire_period_days=60)])
@pytest.mark.parametrize("new_hire_days", [90, 200])
def test_generated_data_gives_the_loops_frame(as_of, rules, new_hire_days):
    people, sessions, actions, focus = _generated(random.Random(42))
    args = {"as_of": T(as_of), "rules": rules, "focus_ids": focus, "new_hire_days": new_hire_days}
    expected = loop_due_items(people, sessions, actions, **args)
    assert len(expected) > 50
    pd.testing.assert_frame_equal(due_items(people, sessions, actions, **args), expected)
    pd.testing.assert_frame_equal(due_items(people, sessions, **args),
                                  loop_due_items(people, sessions, **args))


def test_demo_data_gives_the_loops_frame(module_demo_con):
    people = people_frame(module_demo_con)
    for as_of in (session_frame(module_demo_con)["session_date"].max(), T("2025-01-15")):
        coached = _coached(module_demo_con, people, as_of)
        args = {"as_of": as_of, "focus_ids": _focus(module_demo_con, coached, as_of)}
        sessions, actions = session_frame(module_demo_con, as_of=as_of), all_actions(module_demo_con)
        expected = loop_due_items(coached, sessions, actions, **args)
        assert not expected.empty
        pd.testing.assert_frame_equal(due_items(coached, sessions, actions, **args), expected)


def test_nobody_gives_the_loops_empty_frame():
    people = pd.DataFrame({"employee_id": ["E1"], "hire_date": [T("2030-01-01")]})
    sessions = pd.DataFrame(columns=["employee_id", "session_date", "session_type"])
    args = {"as_of": T("2025-01-01")}
    got = due_items(people, sessions, **args)
    assert got.empty
    pd.testing.assert_frame_equal(got, loop_due_items(people, sessions, **args))
