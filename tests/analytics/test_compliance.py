"""analytics.compliance: cadence rules, coverage and plan attainment, by hand."""

import math

import pandas as pd
import pytest

from analytics.cadence import CadenceRules
from analytics.compliance import by_manager, cadence_flags, plan_attainment

START, END = "2025-07-01", "2025-09-30"


def people(*rows):
    return pd.DataFrame(rows, columns=["employee_id", "manager_id", "role", "hire_date"]).assign(
        hire_date=lambda f: pd.to_datetime(f["hire_date"]))


def log(*rows):
    return pd.DataFrame(rows, columns=["employee_id", "session_date", "session_type"]).assign(
        session_date=lambda f: pd.to_datetime(f["session_date"]))


ROSTER = people(
    ("new_ok", "m1", "agent", "2025-08-04"),  # first session day 3, then weekly
    ("new_late", "m1", "agent", "2025-08-04"),  # first session day 11
    ("old", "m2", "agent", "2020-01-01"),  # formal in Q3, every month
    ("gap", "m2", "lead", "2020-01-01"),  # no August contact, informal only
    ("boss", None, "director", "2015-01-01"),  # nobody coaches the director: out of scope
    ("later", "m2", "agent", "2025-10-15"),  # hired after the period: out of scope
)
SESSIONS = log(
    ("new_ok", "2025-08-07", "formal"), ("new_ok", "2025-08-12", "informal"),
    ("new_ok", "2025-08-19", "informal"), ("new_ok", "2025-08-26", "informal"),
    ("new_ok", "2025-09-02", "informal"),
    ("new_late", "2025-08-15", "informal"),
    ("old", "2025-07-10", "informal"), ("old", "2025-08-10", "formal"),
    ("old", "2025-09-10", "informal"),
    ("gap", "2025-07-10", "informal"), ("gap", "2025-09-10", "informal"),
)


def flags(**kw):
    return cadence_flags(ROSTER, SESSIONS, start=START, end=END, **kw).set_index("employee_id")


@pytest.mark.parametrize(("emp", "measure", "expected"), [
    ("new_ok", "first_session", 1.0), ("new_late", "first_session", 0.0),
    ("old", "first_session", math.nan),
    ("new_ok", "weekly_first_month", 1.0), ("new_late", "weekly_first_month", 0.0),
    ("old", "formal_quarter", 1.0), ("gap", "formal_quarter", 0.0),
    ("new_ok", "formal_quarter", math.nan),  # hired inside the quarter: not yet due
    ("old", "monthly_contact", 1.0), ("gap", "monthly_contact", 0.0),
    ("new_ok", "monthly_contact", 1.0),  # only September is a whole month after hiring ...
    ("new_late", "monthly_contact", 0.0),  # ... and new_late had nothing in September
    ("gap", "coverage", 1.0), ("gap", "core_coverage", math.nan),
    ("old", "core_coverage", 1.0),
])
def test_each_rule(emp, measure, expected):
    assert flags().loc[emp, measure] == pytest.approx(expected, nan_ok=True)


def test_scope_is_people_with_a_manager_hired_by_the_end():
    assert sorted(flags().index) == ["gap", "new_late", "new_ok", "old"]


def test_rules_come_from_cadence_rules():
    loose = CadenceRules(first_session_days=14)
    assert flags(rules=loose).loc["new_late", "first_session"] == 1.0


def test_core_roles_can_be_chosen():
    assert flags(core_roles=["lead"])["core_coverage"].dropna().to_dict() == {"gap": 1.0}


def test_uncoached_person_lowers_coverage():
    roster = pd.concat([ROSTER, people(("idle", "m2", "agent", "2020-01-01"))])
    out = cadence_flags(roster, SESSIONS, start=START, end=END).set_index("employee_id")
    assert out.loc["idle", ["coverage", "formal_quarter", "monthly_contact"]].tolist() == [0, 0, 0]


def test_rates_by_manager_and_overall():
    rates = by_manager(cadence_flags(ROSTER, SESSIONS, start=START, end=END))
    rates = rates.set_index(["manager_id", "measure"])
    assert rates.loc[("all", "first_session")][["eligible", "met", "rate"]].tolist() == [2, 1, 0.5]
    assert rates.loc[("m2", "monthly_contact")][["eligible", "met"]].tolist() == [2, 1]
    assert rates.loc[("m1", "formal_quarter"), "eligible"] == 0
    assert math.isnan(rates.loc[("m1", "formal_quarter"), "rate"])
    assert rates.loc[("all", "coverage"), "rate"] == 1.0


def test_plan_attainment_counts_done_on_time_of_those_due():
    actions = pd.DataFrame({
        "deadline": pd.to_datetime(["2025-09-01", "2025-09-01", "2025-09-01", "2025-12-01", None]),
        "status": ["done", "done", "open", "open", "open"],
        "done_at": pd.to_datetime(["2025-08-30 17:00", "2025-09-03 09:00", None, None, None]),
    })
    got = plan_attainment(actions, as_of="2025-09-30")
    assert got == {"due": 3, "on_time": 1, "rate": pytest.approx(1 / 3), "target": 0.8}
    assert math.isnan(plan_attainment(actions.iloc[:0], as_of="2025-09-30")["rate"])


@pytest.mark.parametrize(("start", "end"), [("2025-09-01", "2025-08-01"), (None, "2025-08-01")])
def test_bad_period(start, end):
    with pytest.raises(ValueError, match="start <= end"):
        cadence_flags(ROSTER, SESSIONS, start=start, end=end)


def test_missing_columns():
    with pytest.raises(ValueError, match="people"):
        cadence_flags(ROSTER.drop(columns="role"), SESSIONS, start=START, end=END)
