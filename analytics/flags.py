"""Who needs attention and why: the manager's problem-analysis table (docs/domain.md, "Who
needs attention: the flags" and "The tables the articles use").

The rules are ``analytics.flag_rules`` (about a metric), ``analytics.flag_cadence`` (about
coaching) and ``analytics.forecast_flags``; how urgent each is, ``analytics.severity``. Recency
is 1 when the employee's data reaches as_of and falls linearly to 0 over the short window (stale
data matters less); person-level reasons are about as_of, so 1. Priority = severity x recency.
Coaching reasons need a coaching log: with no session at all in ``sessions`` they are skipped,
because "never imported" is not "never coached".
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analytics import severity
from analytics.cadence import CadenceRules
from analytics.coaching import employee_type, suggest
from analytics.compare import COMPARE_COLUMNS, COMPARE_PERIODS, compare
from analytics.flag_cadence import SESSIONS as _SESSIONS
from analytics.flag_cadence import cadence_flags
from analytics.flag_rules import (
    imbalance_flags,
    streak_flags,
    team_flags,
    trend_flags,
    volatile_flags,
)
from analytics.forecast_flags import miss_flags
from analytics.frames import (
    STEPS,
    check_values,
    grain,
    period_number,
    resolve_as_of,
    window_periods,
)
from analytics.gap import GAP_COLUMNS
from analytics.gap import gaps as gaps_of
from analytics.thresholds import Thresholds
from analytics.trend import TREND_COLUMNS
from analytics.trend import trends as trend_of
from analytics.volume import usable

FLAG_COLUMNS = [
    "employee_id", "name", "team", "reason", "metric", "related_metric", "value", "reference",
    "since", "severity", "recency", "priority", "focus", "model", "model_reason", "style",
    "evidence",
]
_PEOPLE = ("employee_id", "name", "team", "manager_id", "role", "hire_date", "high_potential")


def _check_inputs(values, people, sessions, thresholds, cadence) -> tuple[Thresholds, CadenceRules]:
    check_values(values)
    for label, frame, columns in (("people", people, _PEOPLE), ("sessions", sessions, _SESSIONS)):
        if not isinstance(frame, pd.DataFrame):
            raise ValueError(f"{label} must be a DataFrame, got {type(frame).__name__}")
        missing = [column for column in columns if column not in frame.columns]
        if missing:
            raise ValueError(f"{label} lacks column(s) {missing}")
    limits = thresholds if thresholds is not None else Thresholds()
    if not isinstance(limits, Thresholds):
        raise ValueError(f"thresholds must be a Thresholds, got {type(limits).__name__}")
    rules = cadence if cadence is not None else CadenceRules()
    if not isinstance(rules, CadenceRules):
        raise ValueError(f"cadence must be a CadenceRules, got {type(rules).__name__}")
    return limits, rules


def _given(frame, columns: list[str], name: str) -> pd.DataFrame:
    """A precomputed analysis passed to :func:`flags`, checked for its columns."""
    if not isinstance(frame, pd.DataFrame):
        raise ValueError(f"{name} must be a pandas DataFrame, got {type(frame).__name__}")
    missing = [column for column in columns if column not in frame.columns]
    if missing:
        raise ValueError(f"{name} lacks column(s) {missing}; expected {columns}")
    return frame


def _dated(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    """A copy with ``column`` as datetime64 (an empty frame's columns are object)."""
    try:
        return frame.assign(**{column: pd.to_datetime(frame[column]).astype("datetime64[ns]")})
    except (TypeError, ValueError) as error:
        raise ValueError(f"{column} must hold dates: {error}") from error


def _context(values: pd.DataFrame, as_of: pd.Timestamp, limits: Thresholds) -> dict:
    step = grain(values)
    short = window_periods(step, limits.recent_window_short)
    periods = values.loc[values["period"] <= as_of, "period"]
    end = periods.max() if not periods.empty else as_of  # no usable value: only cadence
    offset = STEPS[step]
    return {
        "step": step, "short": short, "end": int(period_number([end], step)[0]),
        "short_start": end - (short - 1) * offset, "compare": COMPARE_PERIODS,
        "compare_start": end - (COMPARE_PERIODS - 1) * offset, "q": limits.trend_fdr_q,
        "long_start": end - (window_periods(step, limits.recent_window_long) - 1) * offset,
    }


def _types(rows: pd.DataFrame, people: pd.DataFrame, as_of, limits) -> pd.Series:
    roster = people.drop_duplicates("employee_id").set_index("employee_id")
    tenure = (as_of - roster["hire_date"]).dt.days
    new = set(roster.index[(tenure >= 0) & (tenure < limits.new_hire_days)])
    high = set(roster.index[roster["high_potential"].fillna(False).astype(bool)])
    weak = set(rows.loc[rows["reason"].isin(["below_target_streak", "below_team"]),
                        "employee_id"])
    return rows["employee_id"].map(lambda e: employee_type(
        new_hire=e in new, high_potential=e in high, underperformer=e in weak))


def _finish(rows, people, comp, gap, ctx, as_of, limits) -> pd.DataFrame:
    rows = rows.merge(gap[["employee_id", "metric", "period"]], on=["employee_id", "metric"],
                      how="left")
    lag = ctx["end"] - period_number(rows["period"].fillna(as_of), ctx["step"])
    rows["recency"] = np.where(rows["period"].isna(), 1.0, severity.recency(lag, ctx["short"]))
    rows["priority"] = rows["severity"] * rows["recency"]
    kinds = _types(rows, people, as_of, limits)
    cache: dict = {}
    tips = [cache[key] if key in cache else cache.setdefault(key, suggest(*key)) for key in zip(
        rows["reason"], rows["category"].astype(object).where(rows["category"].notna(), None),
        kinds, strict=True)]
    rows["focus"] = [t.focus_key for t in tips]
    rows["model"] = [t.model for t in tips]
    rows["model_reason"] = [t.model_reason_key for t in tips]
    rows["style"] = [t.style_key for t in tips]
    names = pd.concat([people[["employee_id", "name", "team"]],
                       comp[["employee_id", "name", "team"]]]).dropna(subset=["employee_id"])
    names = names.groupby("employee_id", sort=False)[["name", "team"]].first()
    rows["name"] = rows["employee_id"].map(names["name"])
    rows["team"] = rows["employee_id"].map(names["team"])
    rows = rows.sort_values(["priority", "employee_id", "reason", "metric"],
                            ascending=[False, True, True, True], ignore_index=True)
    return rows[FLAG_COLUMNS]


def flags(
    values: pd.DataFrame,
    people: pd.DataFrame,
    sessions: pd.DataFrame,
    *,
    as_of: pd.Timestamp | None = None,
    thresholds: Thresholds | None = None,
    cadence: CadenceRules | None = None,
    trends: pd.DataFrame | None = None,
    comparison: pd.DataFrame | None = None,
    gaps: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Every reason an employee needs attention, most urgent first.

    Args:
        values: long metric frame (employee_id, name, team, period, metric, value, target,
            direction, category).
        people: roster (employee_id, name, team, manager_id, role, hire_date, high_potential).
        sessions: coaching log (employee_id, session_date, session_type[, model]).
        as_of: last date used (default: latest period); later rows are ignored.
        thresholds: every rule's number (default ``Thresholds()``).
        cadence: the coaching cadence the coaching reasons judge by (default ``CadenceRules()``).
        trends: ``analytics.trend.trends(values, as_of=as_of, thresholds=thresholds)`` when
            the caller has it already (the team view shows it too); computed when None.
        comparison: ``analytics.compare.compare(values, as_of=as_of)``, likewise.
        gaps: ``analytics.gap.gaps(values, as_of=as_of, thresholds=thresholds)``, likewise.
            A precomputed frame must be for the same values, as_of and thresholds.

    Returns:
        One row per (employee_id, reason, metric); columns FLAG_COLUMNS, sorted by priority
        descending. ``metric`` is None for person-level reasons; for
        ``efficiency_quality_imbalance`` it is the quality metric and ``related_metric`` the
        efficiency one. focus/model_reason/style are keys of the text catalogue (i18n/flags.py);
        ``evidence`` is the facts of the evidence's sentence (``analytics.flag_facts``), which
        ``reports.flag_text`` writes in the reader's language.

    Example:
        >>> frame = pd.DataFrame({"employee_id": "a", "name": "Ann", "team": "t",
        ...     "period": pd.date_range("2025-01-06", periods=3, freq="W-MON"), "metric": "CSAT",
        ...     "value": [90.0, 60.0, 60.0], "target": 90.0, "direction": "higher",
        ...     "category": "quality"})
        >>> none = pd.DataFrame(columns=list(_SESSIONS))
        >>> found = flags(frame, pd.DataFrame(columns=list(_PEOPLE)), none)
        >>> [(fact.code, fact.params["n"]) for (fact,) in found["evidence"]]
        [('below_target_streak', 2)]
    """
    limits, rules = _check_inputs(values, people, sessions, thresholds, cadence)
    people, sessions = _dated(people, "hire_date"), _dated(sessions, "session_date")
    as_of = resolve_as_of(values, as_of)
    values = usable(values, limits.min_events)  # few events or a partial period: no evidence
    ctx = _context(values, as_of, limits)
    trend = _given(trends, TREND_COLUMNS, "trends") if trends is not None else (
        trend_of(values, as_of=as_of, thresholds=limits))
    comp = _given(comparison, COMPARE_COLUMNS, "comparison") if comparison is not None else (
        compare(values, as_of=as_of))
    gap = _given(gaps, GAP_COLUMNS, "gaps") if gaps is not None else (
        gaps_of(values, as_of=as_of, thresholds=limits))
    parts = [streak_flags(gap, limits, ctx), trend_flags(trend, comp, ctx),
             team_flags(comp, limits, ctx), imbalance_flags(comp, limits, ctx),
             volatile_flags(trend, limits, ctx),
             miss_flags(values, as_of, limits, ctx["step"]),
             cadence_flags(people, sessions, trend["employee_id"].unique(), as_of, limits, rules)]
    found = [p for p in parts if not p.empty]
    if not found:  # nobody needs attention (or too little data to say so)
        return pd.DataFrame({column: [] for column in FLAG_COLUMNS})
    rows = pd.concat(found, ignore_index=True)
    for column in ("metric", "related_metric", "category"):
        rows[column] = (rows[column].astype(object).where(rows[column].notna(), None)
                        if column in rows else None)
    return _finish(rows, people, comp, gap, ctx, as_of, limits)
