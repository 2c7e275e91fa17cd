"""Is coaching happening as policy says? Cadence compliance, coverage and plan attainment.

The cadence (docs/domain.md, "Cadence"; numbers from ``analytics.cadence.CadenceRules``): a new
hire's first session within 7 days, a session every week of the first month, a formal review
each quarter, contact each month. The targets: coverage of (core-role) employees >= 90%,
improvement-plan actions done on time >= 80%. Everyone with a manager is in scope; a rule a
person could not yet meet (hired too recently) is NaN for them, not a miss.
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


def _any(hit: np.ndarray, pos: np.ndarray, n: int) -> np.ndarray:
    """Per person (position 0..n-1): does any of their sessions (``pos``) have ``hit``?"""
    out = np.zeros(n, dtype=bool)
    out[pos[hit]] = True
    return out


def _month(stamps: pd.Series) -> np.ndarray:
    """Months since year 0 of datetimes without NaT."""
    return (stamps.dt.year * 12 + stamps.dt.month - 1).to_numpy(dtype=np.int64)


def _monthly(dates: pd.Series, pos: np.ndarray, first: pd.Series, end: pd.Timestamp) -> np.ndarray:
    """1.0 when every whole calendar month from ``first`` (per person) to ``end`` has a
    session, NaN when there is no such month."""
    starts = first.dt.normalize()
    # The first month counts only when it starts on the person's first day; the last only
    # when it ends by ``end``'s last moment.
    low = _month(starts) + (starts != starts.dt.to_period("M").dt.start_time).to_numpy()
    whole = end.to_period("M").end_time <= end + DAY - pd.Timedelta(1)
    high = end.year * 12 + end.month - 1 - (0 if whole else 1)
    known = dates.notna().to_numpy()
    seen = pd.DataFrame({"pos": pos[known], "month": _month(dates[known])})
    seen = seen[(seen["month"] >= low[pos]) & (seen["month"] <= high)].drop_duplicates()
    count = np.bincount(seen["pos"].to_numpy(), minlength=len(first))
    need = high - low + 1
    return np.where(need > 0, (count == need).astype(float), np.nan)


def _measures(dates: pd.Series, formal: np.ndarray, pos: np.ndarray, hire: pd.Series,
              start: pd.Timestamp, end: pd.Timestamp, rules: CadenceRules) -> dict:
    """Every measure but core coverage, one array per measure over the people in scope."""
    n = len(hire)
    own_hire = hire.to_numpy()[pos]
    d = dates.to_numpy()
    new_hire = (hire.notna() & (hire >= start) & (hire <= end)).to_numpy()
    window = rules.first_session_days * DAY
    early = _any((d >= own_hire) & (d <= own_hire + window), pos, n)
    first = np.where(new_hire & (hire + window <= end).to_numpy(), early.astype(float), np.nan)
    blocks = rules.new_hire_period_days // rules.new_hire_interval_days
    block = (pd.Series(d - own_hire).dt.days // rules.new_hire_interval_days).to_numpy()
    inside = (d >= own_hire) & (block >= 0) & (block < blocks)
    grid = np.zeros((n, max(blocks, 1)), dtype=bool)
    grid[pos[inside], block[inside].astype(int)] = True
    weekly = grid[:, :blocks].all(axis=1).astype(float)
    ready = new_hire & (hire + blocks * rules.new_hire_interval_days * DAY <= end).to_numpy()
    quarter = end.to_period("Q").start_time
    formal_hit = _any(formal & (d >= quarter) & (d <= end), pos, n).astype(float)
    return {"new_hire": new_hire, "first_session": first,
            "weekly_first_month": np.where(ready, weekly, np.nan),
            "formal_quarter": np.where((hire.isna() | (hire <= quarter)).to_numpy(),
                                       formal_hit, np.nan),
            "monthly_contact": _monthly(dates, pos, hire.where(hire > start, start)
                                        .fillna(start), end),
            "coverage": _any((d >= start) & (d <= end), pos, n).astype(float)}


def cadence_flags(
    people: pd.DataFrame, sessions: pd.DataFrame, *, start, end,
    rules: CadenceRules | None = None, core_roles: Iterable[str] | None = None,
    measured: Iterable[str] | None = None,
) -> pd.DataFrame:
    """One row per employee with a manager (or ``measured``), hired by ``end``: 1.0 met, 0.0
    missed, NaN n/a.

    Args:
        people: employee_id, manager_id, role, hire_date.
        sessions: employee_id, session_date, session_type.
        start, end: the period looked at (``end`` is the as-of date).
        rules: the cadence numbers (default ``CadenceRules()``).
        core_roles: roles whose coverage counts as core (default: the most common role).
        measured: ids of the people with metric values in the window (analytics.headcount);
            when given, they are in scope even without a manager (counted under "all" only)
            and coverage is NaN for everyone else, as on every other page.

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
    ids = people["employee_id"].astype(str)
    seen = ids.isin({str(x) for x in measured}) if measured is not None else False
    keep = ((people["manager_id"].notna() | seen) & (hires.isna() | (hires <= end))).to_numpy()
    scope, hire = people[keep], hires[keep].reset_index(drop=True)
    if scope.empty:
        out = pd.DataFrame([], columns=[c for c in FLAG_COLUMNS if c != "core_coverage"])
    else:
        # Each session becomes the position of its person in ``scope`` (a merge, so a person
        # listed twice gets their sessions twice, as the old per-person loop did).
        rows = pd.DataFrame({"employee_id": scope["employee_id"].to_numpy(),
                             "pos": np.arange(len(scope))})
        log = sessions[sessions["employee_id"].notna()].merge(rows, on="employee_id")
        dates = pd.to_datetime(log["session_date"]).reset_index(drop=True)
        formal = (log["session_type"] == "formal").to_numpy()
        measures = _measures(dates, formal, log["pos"].to_numpy(), hire, start, end, rules)
        out = pd.DataFrame({"employee_id": scope["employee_id"].tolist(),
                            "manager_id": scope["manager_id"].tolist(),
                            "role": scope["role"].tolist(),
                            "new_hire": measures.pop("new_hire").tolist(),
                            **{k: v.tolist() for k, v in measures.items()}})
    if measured is not None:
        out["coverage"] = out["coverage"].where(out["employee_id"].astype(str).isin(
            {str(x) for x in measured}))
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
