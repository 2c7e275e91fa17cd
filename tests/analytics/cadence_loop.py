"""The per-person loop ``analytics.cadence.due_items`` had before vectorising, kept only as the
reference the vectorised version must equal (tests/analytics/test_cadence_vectorised.py)."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from analytics.cadence import DAY, DUE_COLUMNS, CadenceRules


def _row(emp: str, kind: str, due: pd.Timestamp, as_of: pd.Timestamp, focus: bool,
         detail: str = "") -> dict:
    return {"employee_id": emp, "kind": kind, "due": due, "days_overdue": (as_of - due).days,
            "focus": focus, "detail": detail}


def _person(emp: str, hire, sess: pd.DataFrame, as_of: pd.Timestamp, rules: CadenceRules,
            focus: bool, new_hire_days: int) -> list[dict]:
    """The cadence rows of one person (``sess``: their sessions up to ``as_of``)."""
    rows: list[dict] = []
    hire = pd.Timestamp(hire) if pd.notna(hire) else None
    since_hire = sess if hire is None else sess.loc[sess["session_date"] >= hire]
    in_first_month = hire is not None and as_of < hire + rules.new_hire_period_days * DAY
    uncoached_new_hire = (hire is not None and since_hire.empty
                          and (as_of - hire).days < new_hire_days)
    if uncoached_new_hire:
        rows.append(_row(emp, "first_session", hire + rules.first_session_days * DAY, as_of, focus))
    elif in_first_month:
        if since_hire.empty:
            due = hire + rules.first_session_days * DAY
            rows.append(_row(emp, "first_session", due, as_of, focus))
        else:
            due = since_hire["session_date"].max() + rules.new_hire_interval_days * DAY
            if due < hire + rules.new_hire_period_days * DAY:
                rows.append(_row(emp, "weekly_new_hire", due, as_of, focus))
    else:
        last = sess["session_date"].max() if not sess.empty else hire
        interval = rules.focus_contact_days if focus else rules.contact_days
        due = as_of if last is None else last + interval * DAY  # never seen, no hire date
        rows.append(_row(emp, "monthly_contact", due, as_of, focus))
    rows.extend(_quarterly(emp, hire, sess, as_of, focus))
    return rows


def _quarterly(emp: str, hire, sess: pd.DataFrame, as_of: pd.Timestamp, focus: bool) -> list:
    """A formal review in each full quarter of employment: the missed previous, else this one."""
    current = as_of.to_period("Q")
    formal = sess.loc[sess["session_type"] == "formal", "session_date"].dt.to_period("Q")
    for quarter in (current - 1, current):
        employed = hire is None or hire <= quarter.start_time
        if employed and quarter not in set(formal):
            return [_row(emp, "quarterly_formal", quarter.end_time.normalize(), as_of, focus)]
    return []


def _actions(actions: pd.DataFrame, as_of: pd.Timestamp, horizon: int, focus: set) -> list:
    open_ = actions.loc[(actions["status"] == "open") & actions["deadline"].notna()]
    open_ = open_.loc[pd.to_datetime(open_["deadline"]) <= as_of + horizon * DAY]
    return [_row(r.employee_id, "action", pd.Timestamp(r.deadline), as_of,
                 r.employee_id in focus, str(r.action)) for r in open_.itertuples()]


def loop_due_items(
    people: pd.DataFrame,
    sessions: pd.DataFrame,
    actions: pd.DataFrame | None = None,
    *,
    as_of: pd.Timestamp,
    rules: CadenceRules | None = None,
    focus_ids: Iterable[str] = (),
    new_hire_days: int = 90,
) -> pd.DataFrame:
    """``due_items`` as it was (a new hire's first session stays due until it
    happens, for ``new_hire_days``): one person at a time."""
    rules = rules or CadenceRules()
    for frame, cols in ((people, ("employee_id", "hire_date")),
                        (sessions, ("employee_id", "session_date", "session_type"))):
        if missing := set(cols) - set(frame.columns):
            raise ValueError(f"missing columns: {sorted(missing)}")
    as_of = pd.Timestamp(as_of).normalize()
    focus = set(focus_ids)
    sess = sessions.assign(session_date=pd.to_datetime(sessions["session_date"]))
    sess = sess.loc[sess["session_date"] <= as_of]
    by_emp = dict(iter(sess.groupby("employee_id")))
    empty = sess.iloc[:0]
    rows: list[dict] = []
    for person in people.drop_duplicates("employee_id").itertuples():
        hire = pd.Timestamp(person.hire_date) if pd.notna(person.hire_date) else None
        if hire is not None and hire > as_of:
            continue
        rows += _person(person.employee_id, hire, by_emp.get(person.employee_id, empty), as_of,
                        rules, person.employee_id in focus, new_hire_days)
    if actions is not None and not actions.empty:
        rows += _actions(actions, as_of, rules.horizon_days, focus)
    out = pd.DataFrame(rows, columns=DUE_COLUMNS)
    out = out.loc[out["days_overdue"] >= -rules.horizon_days]
    out["due"] = pd.to_datetime(out["due"])
    out["days_overdue"] = out["days_overdue"].astype(int)
    return out.sort_values(["days_overdue", "employee_id"], ascending=[False, True],
                           ignore_index=True)
