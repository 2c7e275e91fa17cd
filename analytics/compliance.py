"""Is coaching happening as policy says? Cadence compliance, coverage and plan attainment.

Seed 003 cadence (numbers from ``analytics.cadence.CadenceRules``): a new hire's first session
within 7 days, a session every week of the first month, a formal review each quarter, contact
each month. Seed 004 targets: coverage of (core-role) employees >= 90%, improvement-plan actions
done on time >= 80%. Everyone with a manager is in scope; a rule a person could not yet meet
(hired too recently) is NaN for them, not a miss.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from analytics.cadence import CadenceRules

COVERAGE_TARGET = 0.9
PLAN_TARGET = 0.8
MEASURES = ("first_session", "weekly_first_month", "formal_quarter", "monthly_contact",
            "coverage", "core_coverage")
FLAG_COLUMNS = ["employee_id", "manager_id", "role", "new_hire", *MEASURES]
DAY = pd.Timedelta(days=1)


def _check(frame: pd.DataFrame, cols: Iterable[str], name: str) -> None:
    if not isinstance(frame, pd.DataFrame) or set(cols) - set(frame.columns):
        raise ValueError(f"{name} must be a DataFrame with columns {sorted(cols)}")


def _dates(start, end) -> tuple[pd.Timestamp, pd.Timestamp]:
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    if pd.isna(start) or pd.isna(end) or start > end:
        raise ValueError(f"need start <= end, got {start} and {end}")
    return start, end


def _monthly(dates: pd.Series, hire, start: pd.Timestamp, end: pd.Timestamp) -> float:
    """1.0 when every whole calendar month in the window (after hiring) has a session."""
    first = max(start, hire) if pd.notna(hire) else start
    months = pd.period_range(first.to_period("M"), end.to_period("M"), freq="M")
    months = [m for m in months if m.start_time >= first.normalize() and m.end_time <= end
              + DAY - pd.Timedelta(1)]
    if not months:
        return np.nan
    seen = set(dates.dt.to_period("M"))
    return float(all(m in seen for m in months))


def _person(dates: pd.Series, formal: pd.Series, hire, start, end, rules) -> dict[str, float]:
    new_hire = pd.notna(hire) and start <= hire <= end
    out = {"new_hire": bool(new_hire), "first_session": np.nan, "weekly_first_month": np.nan}
    if new_hire:
        after = dates[dates >= hire]
        if hire + rules.first_session_days * DAY <= end:
            out["first_session"] = float(
                (after <= hire + rules.first_session_days * DAY).any())
        blocks = rules.new_hire_period_days // rules.new_hire_interval_days
        if hire + blocks * rules.new_hire_interval_days * DAY <= end:
            offsets = ((after - hire).dt.days // rules.new_hire_interval_days).tolist()
            out["weekly_first_month"] = float(set(range(blocks)) <= set(offsets))
    quarter = end.to_period("Q").start_time
    if pd.isna(hire) or hire <= quarter:
        out["formal_quarter"] = float(((formal >= quarter) & (formal <= end)).any())
    else:
        out["formal_quarter"] = np.nan
    out["monthly_contact"] = _monthly(dates, hire, start, end)
    out["coverage"] = float(((dates >= start) & (dates <= end)).any())
    return out


def cadence_flags(
    people: pd.DataFrame, sessions: pd.DataFrame, *, start, end,
    rules: CadenceRules | None = None, core_roles: Iterable[str] | None = None,
) -> pd.DataFrame:
    """One row per employee with a manager, hired by ``end``: 1.0 met, 0.0 missed, NaN n/a.

    Args:
        people: employee_id, manager_id, role, hire_date.
        sessions: employee_id, session_date, session_type.
        start, end: the period looked at (``end`` is the as-of date).
        rules: the cadence numbers (default ``CadenceRules()``).
        core_roles: roles whose coverage counts as core (default: the most common role).

    Returns:
        FLAG_COLUMNS.

    Example:
        >>> p = pd.DataFrame({"employee_id": ["a"], "manager_id": ["m"], "role": ["agent"],
        ...     "hire_date": pd.to_datetime(["2025-01-01"])})
        >>> s = pd.DataFrame({"employee_id": ["a"], "session_date": pd.to_datetime(
        ...     ["2025-01-03"]), "session_type": ["formal"]})
        >>> cadence_flags(p, s, start="2025-01-01", end="2025-01-20")["first_session"].tolist()
        [1.0]
    """
    _check(people, ("employee_id", "manager_id", "role", "hire_date"), "people")
    _check(sessions, ("employee_id", "session_date", "session_type"), "sessions")
    start, end = _dates(start, end)
    rules = rules or CadenceRules()
    hires = pd.to_datetime(people["hire_date"])
    scope = people[people["manager_id"].notna() & (hires.isna() | (hires <= end))]
    by_emp = {e: part for e, part in sessions.groupby("employee_id")}
    empty = sessions.iloc[:0]
    rows = []
    for person in scope.itertuples(index=False):
        own = by_emp.get(person.employee_id, empty)
        dates = pd.to_datetime(own["session_date"])
        formal = dates[(own["session_type"] == "formal").to_numpy()]
        rows.append({"employee_id": person.employee_id, "manager_id": person.manager_id,
                     "role": person.role,
                     **_person(dates, formal, pd.Timestamp(person.hire_date)
                               if pd.notna(person.hire_date) else pd.NaT, start, end, rules)})
    out = pd.DataFrame(rows, columns=[c for c in FLAG_COLUMNS if c != "core_coverage"])
    core = set(core_roles) if core_roles is not None else set(out["role"].mode().tolist())
    out["core_coverage"] = out["coverage"].where(out["role"].isin(core))
    return out[FLAG_COLUMNS]


def by_manager(flags: pd.DataFrame) -> pd.DataFrame:
    """Rate of each measure per manager and overall ("all").

    Returns:
        Columns manager_id, measure, eligible, met, rate (NaN when nobody is eligible).
    """
    _check(flags, FLAG_COLUMNS, "flags")
    parts = [flags.assign(manager_id="all"), flags]
    long = pd.concat(parts).melt(id_vars="manager_id", value_vars=list(MEASURES),
                                 var_name="measure", value_name="met")
    out = long.groupby(["manager_id", "measure"], sort=False)["met"].agg(["count", "sum"])
    out = out.rename(columns={"count": "eligible", "sum": "met"}).reset_index()
    out["met"] = out["met"].astype(int)
    out["rate"] = (out["met"] / out["eligible"].where(out["eligible"] > 0)).astype(float)
    return out


def plan_attainment(actions: pd.DataFrame, *, as_of, target: float = PLAN_TARGET) -> dict:
    """Share of actions due by ``as_of`` that were done by their deadline.

    Args:
        actions: deadline, status ("done" when finished), done_at (date it was marked done).

    Example:
        >>> a = pd.DataFrame({"deadline": pd.to_datetime(["2025-01-10", "2025-01-10"]),
        ...     "status": ["done", "open"], "done_at": pd.to_datetime(["2025-01-09", None])})
        >>> plan_attainment(a, as_of="2025-02-01")["rate"]
        0.5
    """
    _check(actions, ("deadline", "status", "done_at"), "actions")
    as_of = pd.Timestamp(as_of)
    deadline = pd.to_datetime(actions["deadline"])
    due = actions[deadline.notna() & (deadline <= as_of)]
    on_time = (due["status"] == "done") & (pd.to_datetime(due["done_at"]).dt.normalize()
                                           <= pd.to_datetime(due["deadline"]))
    n = len(due)
    return {"due": n, "on_time": int(on_time.sum()),
            "rate": float(on_time.sum() / n) if n else float("nan"), "target": target}
