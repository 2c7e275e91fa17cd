"""Cadence rules on hand-made dates: new hires, leap day, quarter boundaries, focus, actions."""

import math

import pandas as pd
import pytest

from analytics.cadence import CadenceRules, due_items, satisfaction

T = pd.Timestamp


def _people(hire):
    return pd.DataFrame({"employee_id": ["E1"], "hire_date": [T(hire) if hire else pd.NaT]})


def _sessions(*rows):
    frame = pd.DataFrame(rows, columns=["session_date", "session_type"])
    return frame.assign(employee_id="E1", session_date=pd.to_datetime(frame["session_date"]))


@pytest.mark.parametrize(
    ("hire", "sessions", "as_of", "expected"),
    [
        # hired on the as-of date: first session due in 7 days, no quarter fully employed yet
        ("2025-03-12", [], "2025-03-12", [("first_session", "2025-03-19", -7)]),
        ("2025-03-03", [], "2025-03-12", [("first_session", "2025-03-10", 2)]),
        # leap day hire, first session done: next weekly one a week after it
        ("2024-02-29", [("2024-03-01", "informal")], "2024-03-07",
         [("weekly_new_hire", "2024-03-08", -1)]),
        ("2024-02-22", [], "2024-02-29", [("first_session", "2024-02-29", 0)]),
        # weekly follow-up stops at 30 days after hire: no weekly due beyond 2025-02-01
        ("2025-01-02", [("2025-01-27", "informal")], "2025-01-30", []),
        # quarter boundary: Q1's formal on 31 March counts for Q1; Q2's is due 30 June
        ("2020-01-01", [("2025-03-31", "formal")], "2025-04-01", []),
        ("2020-01-01", [("2025-03-31", "formal")], "2025-06-20",
         [("monthly_contact", "2025-04-30", 51), ("quarterly_formal", "2025-06-30", -10)]),
        # Q1 missed: overdue since its last day
        ("2020-01-01", [("2024-12-15", "formal")], "2025-04-02",
         [("monthly_contact", "2025-01-14", 78), ("quarterly_formal", "2025-03-31", 2)]),
        # hired in the future: nothing yet
        ("2025-05-01", [], "2025-04-02", []),
        # no hire date, never coached: contact due today, previous quarter missed
        (None, [], "2025-04-02",
         [("quarterly_formal", "2025-03-31", 2), ("monthly_contact", "2025-04-02", 0)]),
        # never coached 40 days after hire: still the first session, 33 days overdue
        ("2025-02-01", [], "2025-03-13", [("first_session", "2025-02-08", 33)]),
        # no longer a new hire (90 days): the monthly contact clock from hire instead
        ("2024-12-01", [], "2025-03-13", [("monthly_contact", "2024-12-31", 72)]),
        # a late first session ends the first-session item (weekly follow-up after it)
        ("2025-02-01", [("2025-02-20", "informal")], "2025-02-25",
         [("weekly_new_hire", "2025-02-27", -2)]),
        # a later session is not seen as of an earlier date
        ("2025-03-03", [("2025-03-20", "informal")], "2025-03-12",
         [("first_session", "2025-03-10", 2)]),
    ],
)
def test_cadence_rules(hire, sessions, as_of, expected):
    out = due_items(_people(hire), _sessions(*sessions), as_of=T(as_of))
    got = [(r.kind, r.due.strftime("%Y-%m-%d"), r.days_overdue) for r in out.itertuples()]
    assert got == expected


@pytest.mark.parametrize(("focus", "expected"), [((), -11), (("E1",), 5)])
def test_volatile_or_high_potential_people_are_contacted_more_often(focus, expected):
    sess = _sessions(("2025-03-01", "formal"), ("2025-04-10", "formal"), ("2025-06-01", "informal"))
    out = due_items(_people("2020-01-01"), sess, as_of=T("2025-06-20"), focus_ids=focus)
    assert out[["kind", "days_overdue"]].to_numpy().tolist() == [["monthly_contact", expected]]
    assert out["focus"].tolist() == [bool(focus)]


def test_actions_overdue_and_due_soon_only_when_open():
    actions = pd.DataFrame({
        "employee_id": ["E1", "E1", "E1", "E1"],
        "action": ["call back", "done one", "far away", "no date"],
        "deadline": [T("2025-06-10"), T("2025-06-01"), T("2025-07-30"), pd.NaT],
        "status": ["open", "done", "open", "open"],
    })
    out = due_items(_people("2025-06-20"), _sessions(), actions, as_of=T("2025-06-20"))
    assert out[["kind", "days_overdue", "detail"]].to_numpy().tolist() == [
        ["action", 10, "call back"], ["first_session", -7, ""]]


def test_horizon_and_rules_round_trip():
    rules = CadenceRules(horizon_days=0)
    assert CadenceRules.from_dict(rules.to_dict()) == rules
    out = due_items(_people("2025-03-12"), _sessions(), as_of=T("2025-03-12"), rules=rules)
    assert out.empty


@pytest.mark.parametrize("bad", [{"contact_days": 0}, {"contact_days": 1.5},
                                 {"satisfaction_target": 1.5}, {"horizon_days": True}])
def test_bad_rules_are_refused(bad):
    with pytest.raises(ValueError, match=next(iter(bad))):
        CadenceRules.from_dict(bad)


def test_missing_columns_are_refused():
    with pytest.raises(ValueError, match="hire_date"):
        due_items(pd.DataFrame({"employee_id": []}), _sessions(), as_of=T("2025-01-01"))


@pytest.mark.parametrize(
    ("raters", "scores", "rate", "meets", "manager_mean"),
    [
        (["employee"] * 4, [5, 4, 3, 4], 0.75, True, math.nan),
        (["employee", "employee", "manager"], [3, 4, 2], 0.5, False, 2.0),
        ([], [], math.nan, False, math.nan),
    ],
)
def test_satisfaction_rate_against_target(raters, scores, rate, meets, manager_mean):
    got = satisfaction(pd.DataFrame({"rater": raters, "score": scores}), target=0.75)
    assert (math.isnan(got["rate"]) and math.isnan(rate)) or got["rate"] == rate
    assert got["meets"] is meets
    assert (math.isnan(got["manager_mean"]) and math.isnan(manager_mean)) or \
        got["manager_mean"] == manager_mean


@pytest.mark.parametrize(("first_seen", "owed"), [
    ("2025-06-02", "2025-09-30"),  # known since before Q3: Q3's missed review is owed
    ("2025-08-04", "2025-12-31"),  # first seen inside Q3: only this quarter's (Q4) is owed
    (None, "2025-09-30"),  # no hire date and no data date: employed for ever, as before
])
def test_first_seen_stands_in_for_an_unknown_hire_date(first_seen, owed):
    people = pd.DataFrame({"employee_id": ["A"], "hire_date": [pd.NaT],
                           "first_seen": [pd.Timestamp(first_seen) if first_seen else pd.NaT]})
    sessions = pd.DataFrame(columns=["employee_id", "session_date", "session_type"])
    due = due_items(people, sessions, as_of=pd.Timestamp("2025-11-03"),
                    rules=CadenceRules(horizon_days=120))
    quarterly = due.loc[due["kind"] == "quarterly_formal", "due"]
    assert pd.to_datetime(quarterly).dt.strftime("%Y-%m-%d").tolist() == [owed]
