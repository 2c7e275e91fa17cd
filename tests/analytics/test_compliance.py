"""analytics.compliance: cadence rules, coverage and plan attainment, by hand."""

import math
import random

import numpy as np
import pandas as pd
import pytest

from analytics.cadence import CadenceRules
from analytics.compliance import FLAG_COLUMNS, by_manager, cadence_flags, plan_attainment

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


@pytest.mark.parametrize("measured", [{"old", "gap"}, {"new_ok"}, set()])
def test_coverage_counts_only_the_people_measured(measured):
    """Coverage has one denominator everywhere: people with metric values in the window
    (analytics.headcount); a lead without metrics is not an uncoached person."""
    out = flags(measured=measured)
    assert set(out["coverage"].dropna().index) == measured & set(out.index)
    assert set(out.index) == {"gap", "new_late", "new_ok", "old"}  # the director: no metrics
    assert out["formal_quarter"].equals(flags()["formal_quarter"])  # cadence rules unchanged


def test_people_measured_without_a_manager_count_under_all():
    rows = cadence_flags(ROSTER, SESSIONS, start=START, end=END, measured={"boss", "old"})
    out = by_manager(rows).set_index(["manager_id", "measure"])
    assert out.loc[("all", "coverage")][["eligible", "met"]].tolist() == [2, 1]
    assert ("boss", "coverage") not in out.index


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


# The per-person loop cadence_flags used before vectorising, the reference the vectorised
# version must match exactly.
def _old_monthly(dates, hire, start, end):
    day = pd.Timedelta(days=1)
    first = max(start, hire) if pd.notna(hire) else start
    months = pd.period_range(first.to_period("M"), end.to_period("M"), freq="M")
    months = [m for m in months if m.start_time >= first.normalize() and m.end_time <= end
              + day - pd.Timedelta(1)]
    if not months:
        return np.nan
    seen = set(dates.dt.to_period("M"))
    return float(all(m in seen for m in months))


def _old_person(dates, formal, hire, start, end, rules):
    day = pd.Timedelta(days=1)
    new_hire = pd.notna(hire) and start <= hire <= end
    out = {"new_hire": bool(new_hire), "first_session": np.nan, "weekly_first_month": np.nan}
    if new_hire:
        after = dates[dates >= hire]
        if hire + rules.first_session_days * day <= end:
            out["first_session"] = float((after <= hire + rules.first_session_days * day).any())
        blocks = rules.new_hire_period_days // rules.new_hire_interval_days
        if hire + blocks * rules.new_hire_interval_days * day <= end:
            offsets = ((after - hire).dt.days // rules.new_hire_interval_days).tolist()
            out["weekly_first_month"] = float(set(range(blocks)) <= set(offsets))
    quarter = end.to_period("Q").start_time
    if pd.isna(hire) or hire <= quarter:
        out["formal_quarter"] = float(((formal >= quarter) & (formal <= end)).any())
    else:
        out["formal_quarter"] = np.nan
    out["monthly_contact"] = _old_monthly(dates, hire, start, end)
    out["coverage"] = float(((dates >= start) & (dates <= end)).any())
    return out


def old_cadence_flags(people_frame, sessions, *, start, end, rules=None, core_roles=None):
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    rules = rules or CadenceRules()
    hires = pd.to_datetime(people_frame["hire_date"])
    scope = people_frame[people_frame["manager_id"].notna() & (hires.isna() | (hires <= end))]
    by_emp = dict(iter(sessions.groupby("employee_id")))
    empty = sessions.iloc[:0]
    rows = []
    for person in scope.itertuples(index=False):
        own = by_emp.get(person.employee_id, empty)
        dates = pd.to_datetime(own["session_date"])
        formal = dates[(own["session_type"] == "formal").to_numpy()]
        hire = pd.Timestamp(person.hire_date) if pd.notna(person.hire_date) else pd.NaT
        rows.append({"employee_id": person.employee_id, "manager_id": person.manager_id,
                     "role": person.role, **_old_person(dates, formal, hire, start, end, rules)})
    out = pd.DataFrame(rows, columns=[c for c in FLAG_COLUMNS if c != "core_coverage"])
    core = set(core_roles) if core_roles is not None else set(out["role"].mode().tolist())
    out["core_coverage"] = out["coverage"].where(out["role"].isin(core))
    return out[FLAG_COLUMNS]


def random_log(n_people: int):
    """Seeded roster (hires before and inside the window, unknown hires, no manager) and log."""
    rng = random.Random(42)
    base = pd.Timestamp("2025-01-01")
    roster = people(*[
        (f"E{i:03d}", None if rng.random() < 0.05 else f"M{i % 7}",
         rng.choice(["agent", "agent", "lead", None]),
         None if rng.random() < 0.05 else base + pd.Timedelta(days=rng.randint(-400, 360)))
        for i in range(n_people)])
    sessions = log(*[
        (f"E{rng.randrange(n_people + 5):03d}", base + pd.Timedelta(days=rng.randint(-60, 364)),
         rng.choice(["formal", "informal", None]))
        for _ in range(n_people * 12)])
    return roster, sessions.sort_values(["employee_id", "session_date"], ignore_index=True)


@pytest.mark.parametrize(("start", "end", "kw"), [
    ("2025-01-01", "2025-12-31", {}), ("2025-03-15", "2025-08-17", {}),
    ("2025-02-01", "2025-02-28", {"core_roles": ["lead"]}),
    ("2025-06-03", "2025-11-30", {"rules": CadenceRules(first_session_days=3,
                                                        new_hire_interval_days=10)}),
])
def test_vectorised_flags_equal_the_per_person_loop(start, end, kw):
    roster, sessions = random_log(300)
    expected = old_cadence_flags(roster, sessions, start=start, end=end, **kw)
    got = cadence_flags(roster, sessions, start=start, end=end, **kw)
    assert len(got) > 150
    assert got["new_hire"].any()
    assert (got["monthly_contact"] == 0).any()
    pd.testing.assert_frame_equal(got, expected, rtol=0, atol=1e-12)


def test_vectorised_flags_equal_the_loop_on_the_hand_data_and_empty():
    for kw in ({}, {"core_roles": ["lead"]}):
        pd.testing.assert_frame_equal(cadence_flags(ROSTER, SESSIONS, start=START, end=END, **kw),
                                      old_cadence_flags(ROSTER, SESSIONS, start=START, end=END,
                                                        **kw))
    nobody = ROSTER[ROSTER["manager_id"].isna()]
    pd.testing.assert_frame_equal(cadence_flags(nobody, SESSIONS, start=START, end=END),
                                  old_cadence_flags(nobody, SESSIONS, start=START, end=END))
