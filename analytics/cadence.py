"""Coaching cadence: which sessions and actions are due or overdue on a date (docs/domain.md,
"Cadence").

Pure pandas. The numbers live in :class:`CadenceRules` so the settings page can store
``CadenceRules().to_dict()`` and the analyses receive ``CadenceRules.from_dict(saved)``.

Rules, for everyone hired on or before ``as_of``:
- ``first_session``: a new hire's first session within ``first_session_days`` of hire; it stays
  due (and overdue) until it happens, for as long as the person is a new hire (``new_hire_days``,
  the flags' own rule), so the due list and the ``new_hire_uncoached`` flag tell the same story.
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

from analytics.numbers import NumberSettings, setting
from analytics.thresholds import Thresholds

DUE_COLUMNS = ["employee_id", "kind", "due", "days_overdue", "focus", "detail"]
KINDS = ("first_session", "weekly_new_hire", "quarterly_formal", "monthly_contact", "action")
DAY = pd.Timedelta(days=1)


@dataclass(frozen=True)
class CadenceRules(NumberSettings):
    """Defaults of the coaching cadence (docs/domain.md, "Cadence").

    Attributes:
        first_session_days: a new hire's first session within these days of hire.
        new_hire_interval_days: follow-up interval in the first month (weekly).
        new_hire_period_days: how long the weekly follow-up lasts.
        contact_days: any session at least this often (monthly).
        focus_contact_days: the same for volatile or high-potential people (more often).
        horizon_days: items due within these days are listed before they are overdue.
        satisfaction_target: share of employee ratings of 4 or 5 HR aims for (75%).

    Example:
        >>> CadenceRules.from_dict({"contact_days": 21, "unknown": 1}).contact_days
        21
    """

    first_session_days: int = setting(7, "days", low=1)
    new_hire_interval_days: int = setting(7, "days", low=1)
    new_hire_period_days: int = setting(30, "days", low=1)
    contact_days: int = setting(30, "days", low=1)
    focus_contact_days: int = setting(14, "days", low=1)
    horizon_days: int = setting(14, "days", low=0)
    satisfaction_target: float = setting(0.75, "share", low=0, high=1, low_open=True)

    def __post_init__(self) -> None:
        self.check_numbers()


def _latest(sess: pd.DataFrame, ids: pd.Series) -> pd.Series:
    """The latest ``session_date`` of each of ``ids`` (NaT for people without a session)."""
    per = sess.groupby("employee_id")["session_date"].max()
    return pd.Series(per.reindex(ids.to_numpy()).to_numpy(), index=ids.index)


def _people_rows(people: pd.DataFrame, sess: pd.DataFrame, as_of: pd.Timestamp,
                 rules: CadenceRules, focus: set, new_hire_days: int) -> pd.DataFrame:
    """The cadence rows of everyone hired by ``as_of``, all people at once (the loop
    over people took 3 ms each). ``order``/``part`` keep the loop's row order for ties."""
    p = people.drop_duplicates("employee_id")
    hire_dates = pd.to_datetime(p["hire_date"])
    # Without a hire date, the first period with data is the earliest the person is known to
    # have worked: no review is owed for quarters before it (a call log has no hire dates).
    seen = pd.to_datetime(p["first_seen"]) if "first_seen" in p else hire_dates
    p = pd.DataFrame({"employee_id": p["employee_id"].to_numpy(),
                      "hire": hire_dates.to_numpy(),
                      "known": hire_dates.fillna(seen).to_numpy()})
    p = p.loc[p["hire"].isna() | (p["hire"] <= as_of)].reset_index(drop=True)
    ids, hire = p["employee_id"], p["hire"]
    known = sess.loc[sess["employee_id"].isin(ids)]
    on = pd.Series(hire.to_numpy(), index=ids.to_numpy()).reindex(known["employee_id"].to_numpy())
    last = _latest(known, ids)
    since = _latest(known.loc[on.isna().to_numpy() | (known["session_date"] >= on.to_numpy())], ids)
    is_focus = ids.isin(list(focus))
    first_month = hire.notna() & (as_of < hire + rules.new_hire_period_days * DAY)
    weekly_due = since + rules.new_hire_interval_days * DAY
    interval = is_focus.map({True: rules.focus_contact_days, False: rules.contact_days})
    contact_due = last.fillna(hire) + interval.astype("int64") * DAY
    main = pd.DataFrame({"employee_id": ids, "focus": is_focus, "order": p.index, "part": 0,
                         "kind": "monthly_contact", "due": contact_due.fillna(as_of)})
    new_hire = hire.notna() & (as_of < hire + new_hire_days * DAY)
    first = (first_month | new_hire) & since.isna()
    weekly = first_month & since.notna()
    main.loc[first, "kind"] = "first_session"
    main.loc[first, "due"] = hire[first] + rules.first_session_days * DAY
    main.loc[weekly, "kind"] = "weekly_new_hire"
    main.loc[weekly, "due"] = weekly_due[weekly]
    main = main.loc[~weekly | (weekly_due < hire + rules.new_hire_period_days * DAY)]
    return pd.concat([main, _quarterly(p, known, as_of, is_focus)], ignore_index=True)


def _quarterly(p: pd.DataFrame, sess: pd.DataFrame, as_of: pd.Timestamp,
               is_focus: pd.Series) -> pd.DataFrame:
    """A formal review in each full quarter of employment: the missed previous, else this one."""
    current = as_of.to_period("Q")
    formal = sess.loc[sess["session_type"] == "formal"]
    quarter = formal["session_date"].dt.to_period("Q")
    rows, left = [], pd.Series(True, index=p.index)
    for q in (current - 1, current):
        done = p["employee_id"].isin(formal.loc[quarter == q, "employee_id"])
        due = left & (p["known"].isna() | (p["known"] <= q.start_time)) & ~done
        left &= ~due
        rows.append(pd.DataFrame({
            "employee_id": p.loc[due, "employee_id"], "focus": is_focus[due], "order": p.index[due],
            "part": 1, "kind": "quarterly_formal", "due": q.end_time.normalize()}))
    return pd.concat(rows)


def _actions(actions: pd.DataFrame, as_of: pd.Timestamp, horizon: int, focus: set) -> pd.DataFrame:
    open_ = actions.loc[(actions["status"] == "open") & actions["deadline"].notna()]
    open_ = open_.loc[pd.to_datetime(open_["deadline"]) <= as_of + horizon * DAY]
    return pd.DataFrame({
        "employee_id": open_["employee_id"].to_numpy(), "kind": "action",
        "due": [pd.Timestamp(d) for d in open_["deadline"]],
        "focus": [e in focus for e in open_["employee_id"]],
        "detail": [str(a) for a in open_["action"]]})


def due_items(
    people: pd.DataFrame,
    sessions: pd.DataFrame,
    actions: pd.DataFrame | None = None,
    *,
    as_of: pd.Timestamp,
    rules: CadenceRules | None = None,
    focus_ids: Iterable[str] = (),
    new_hire_days: int = Thresholds.new_hire_days,
) -> pd.DataFrame:
    """Every session or action due or overdue on ``as_of``.

    Args:
        people: ``employee_id``, ``hire_date`` (NaT when unknown), optionally ``first_seen``
            (the first period with data: stands in for an unknown hire date when deciding which
            quarters' formal reviews are owed).
        sessions: ``employee_id``, ``session_date``, ``session_type`` (later ones are ignored).
        actions: ``employee_id``, ``action``, ``deadline``, ``status`` (optional).
        as_of: the day the rules are judged on.
        rules: the cadence numbers (docs/domain.md, "Cadence").
        focus_ids: volatile or high-potential people, contacted more often.
        new_hire_days: tenure under which someone is a new hire (``Thresholds``): a new hire
            never coached stays due for the first session until then.
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
    rows = _people_rows(people, sess, as_of, rules, focus, new_hire_days)
    rows = rows.sort_values(["order", "part"], kind="stable").assign(detail="")
    parts = [rows]
    if actions is not None and not actions.empty:
        parts.append(_actions(actions, as_of, rules.horizon_days, focus))
    rows = pd.concat(parts, ignore_index=True)
    rows["days_overdue"] = (as_of - pd.to_datetime(rows["due"])).dt.days
    # Built from plain values as the loop built it from dicts: the same dtypes, empty included.
    out = pd.DataFrame({c: rows[c].to_list() for c in DUE_COLUMNS} if len(rows) else [],
                       columns=DUE_COLUMNS)
    out = out.loc[out["days_overdue"] >= -rules.horizon_days]
    out["due"] = pd.to_datetime(out["due"])
    out["days_overdue"] = out["days_overdue"].astype(int)
    return out.sort_values(["days_overdue", "employee_id"], ascending=[False, True],
                           ignore_index=True)


def satisfaction(ratings: pd.DataFrame, *, target: float = 0.75) -> dict[str, float | int | bool]:
    """Share of employee ratings of 4 or 5 (docs/domain.md, "Cadence"), against ``target``.

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
