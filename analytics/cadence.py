"""Coaching cadence (seed 003): which sessions and actions are due or overdue on a date.

Pure pandas. The numbers live in :class:`CadenceRules` so the settings page can store
``CadenceRules().to_dict()`` and the analyses receive ``CadenceRules.from_dict(saved)``.

Rules, for everyone hired on or before ``as_of``:
- ``first_session``: a new hire's first session within ``first_session_days`` of hire.
- ``weekly_new_hire``: after that, a session every ``new_hire_interval_days`` until
  ``new_hire_period_days`` after hire.
- ``quarterly_formal``: a formal review in every calendar quarter the person was employed for
  all of; the current quarter's is due on its last day, a missed previous one is overdue.
- ``monthly_contact``: any session at least every ``contact_days`` (``focus_contact_days`` for
  volatile or high-potential people); the clock starts at hire. Not during the first month.
- ``action``: an open action whose deadline has passed or comes within ``horizon_days``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from analytics.numbers import NumberSettings

DUE_COLUMNS = ["employee_id", "kind", "due", "days_overdue", "focus", "detail"]
KINDS = ("first_session", "weekly_new_hire", "quarterly_formal", "monthly_contact", "action")
DAY = pd.Timedelta(days=1)


@dataclass(frozen=True)
class CadenceRules(NumberSettings):
    """Defaults of the coaching cadence (seed 003).

    Attributes:
        first_session_days: a new hire's first session within these days of hire.
        new_hire_interval_days: follow-up interval in the first month (weekly).
        new_hire_period_days: how long the weekly follow-up lasts.
        contact_days: any session at least this often (monthly).
        focus_contact_days: the same for volatile or high-potential people (more often).
        horizon_days: items due within these days are listed before they are overdue.
        satisfaction_target: share of employee ratings of 4 or 5 HR aims for (seed 004: 75%).

    Example:
        >>> CadenceRules.from_dict({"contact_days": 21, "unknown": 1}).contact_days
        21
    """

    first_session_days: int = 7
    new_hire_interval_days: int = 7
    new_hire_period_days: int = 30
    contact_days: int = 30
    focus_contact_days: int = 14
    horizon_days: int = 14
    satisfaction_target: float = 0.75

    def __post_init__(self) -> None:
        self.check_numbers()
        for name in ("first_session_days", "new_hire_interval_days", "new_hire_period_days",
                     "contact_days", "focus_contact_days"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1, got {getattr(self, name)}")
        if self.horizon_days < 0:
            raise ValueError("horizon_days must not be negative")
        if not 0 < self.satisfaction_target <= 1:
            raise ValueError("satisfaction_target must be in (0, 1]")


def _row(emp: str, kind: str, due: pd.Timestamp, as_of: pd.Timestamp, focus: bool,
         detail: str = "") -> dict:
    return {"employee_id": emp, "kind": kind, "due": due, "days_overdue": (as_of - due).days,
            "focus": focus, "detail": detail}


def _person(emp: str, hire, sess: pd.DataFrame, as_of: pd.Timestamp, rules: CadenceRules,
            focus: bool) -> list[dict]:
    """The cadence rows of one person (``sess``: their sessions up to ``as_of``)."""
    rows: list[dict] = []
    hire = pd.Timestamp(hire) if pd.notna(hire) else None
    since_hire = sess if hire is None else sess.loc[sess["session_date"] >= hire]
    in_first_month = hire is not None and as_of < hire + rules.new_hire_period_days * DAY
    if in_first_month:
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


def due_items(
    people: pd.DataFrame,
    sessions: pd.DataFrame,
    actions: pd.DataFrame | None = None,
    *,
    as_of: pd.Timestamp,
    rules: CadenceRules | None = None,
    focus_ids: Iterable[str] = (),
) -> pd.DataFrame:
    """Every session or action due or overdue on ``as_of``.

    Args:
        people: ``employee_id``, ``hire_date`` (NaT when unknown).
        sessions: ``employee_id``, ``session_date``, ``session_type`` (later ones are ignored).
        actions: ``employee_id``, ``action``, ``deadline``, ``status`` (optional).
        as_of: the day the rules are judged on.
        rules: the cadence numbers (defaults of seed 003).
        focus_ids: volatile or high-potential people, contacted more often.
    Returns:
        ``DUE_COLUMNS``; ``days_overdue`` is negative for days left. Only rows overdue or due
        within ``rules.horizon_days``; most overdue first.

    Example:
        >>> people = pd.DataFrame({"employee_id": ["E1"], "hire_date": [pd.Timestamp("2025-03-03")]})
        >>> sessions = pd.DataFrame(columns=["employee_id", "session_date", "session_type"])
        >>> due_items(people, sessions, as_of=pd.Timestamp("2025-03-12"))[["kind", "days_overdue"]].values.tolist()
        [['first_session', 2]]
    """
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
                        rules, person.employee_id in focus)
    if actions is not None and not actions.empty:
        rows += _actions(actions, as_of, rules.horizon_days, focus)
    out = pd.DataFrame(rows, columns=DUE_COLUMNS)
    out = out.loc[out["days_overdue"] >= -rules.horizon_days]
    out["due"] = pd.to_datetime(out["due"])
    out["days_overdue"] = out["days_overdue"].astype(int)
    return out.sort_values(["days_overdue", "employee_id"], ascending=[False, True],
                           ignore_index=True)


def satisfaction(ratings: pd.DataFrame, *, target: float = 0.75) -> dict[str, float | int | bool]:
    """Share of employee ratings of 4 or 5 (seed 004's satisfaction), against ``target``.

    Args:
        ratings: ``rater`` (``manager`` / ``employee``) and ``score`` (1-5).
    Returns:
        ``{"rated": n, "satisfied": k, "rate": k/n (nan when n == 0), "meets": bool,
        "manager_mean": mean manager score (nan when none)}``.

    Example:
        >>> r = pd.DataFrame({"rater": ["employee"] * 4, "score": [5, 4, 3, 4]})
        >>> satisfaction(r)["rate"]
        0.75
    """
    if not {"rater", "score"} <= set(ratings.columns):
        raise ValueError("ratings need 'rater' and 'score' columns")
    emp = ratings.loc[ratings["rater"] == "employee", "score"]
    mgr = ratings.loc[ratings["rater"] == "manager", "score"]
    n, k = len(emp), int((emp >= 4).sum())
    rate = k / n if n else float("nan")
    return {"rated": n, "satisfied": k, "rate": rate, "meets": bool(n and rate >= target),
            "manager_mean": float(mgr.mean()) if len(mgr) else float("nan")}
