"""One employee's coaching prep: the four analyses, the flags and the draft tables, as one object.

``build_prep`` is pure: it takes the team-wide analysis frames (``compare``, ``trends``,
``gaps``, ``strengths``, ``flags``) plus this employee's series and sessions, keeps this
employee's rows and builds the problem-analysis table, the coaching tracking table (docs/domain.md,
tables 1 and 2), GROW prompts and a one-sentence summary as facts (``analytics.facts``: a key of
``i18n/prep.py`` and its numbers); the tables are built in ``analytics.prep_tables``.
``reports.prep_text.write`` writes them in the reader's language.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from analytics.cadence import CadenceRules
from analytics.coaching import employee_type as classify
from analytics.facts import Fact
from analytics.forecast_own import own_forecast
from analytics.frames import grain
from analytics.person_rows import PersonRows
from analytics.prep_context import Context
from analytics.prep_metrics import metric_table
from analytics.prep_prompts import grow_prompts, summary
from analytics.prep_tables import problems, tracking
from analytics.prep_windows import Windows, windows_of
from analytics.thresholds import Thresholds

SERIES_COLUMNS = ["metric", "period", "value", "target", "team_mean", "team_min", "team_max",
                  "team_n", "direction", "category", "unit", "n_events", "partial"]
SESSION_COLUMNS = ["session_date", "session_type", "model", "coach", "notes"]
ACTION_COLUMNS = ["goal", "action", "owner", "deadline", "status"]
@dataclass(frozen=True)
class EmployeePrep:
    """Everything the employee page and the brief show for one employee and one as-of date."""

    employee_id: str
    name: str | None
    team: str | None
    role: str | None
    manager_id: str | None
    hire_date: pd.Timestamp | None
    high_potential: bool
    employee_type: str  # "new_hire" | "high_potential" | "underperformer" | "steady"
    as_of: pd.Timestamp
    lang: str | None  # None: facts; the language reports.prep_text.write wrote them in
    series: pd.DataFrame  # SERIES_COLUMNS, cut at as_of
    metrics: pd.DataFrame  # analytics.prep_metrics.METRIC_COLUMNS, one row per metric
    strength: str | None  # above the team or at target (analytics.strengths); None if none is
    weakness: str | None
    closest: str | None  # the best-ranked metric when there is no strength
    windows: Windows
    flags: pd.DataFrame  # analytics.flags.FLAG_COLUMNS, most urgent first
    # The sentences: facts (analytics.facts.Fact) until reports.prep_text.write writes them.
    problems: pd.DataFrame  # dimension, observed, evidence, priority
    tracking: pd.DataFrame  # goal, action, deadline, support, progress, next_adjustment
    grow: list[tuple[Fact, Fact]] | list[tuple[str, str]]  # (stage, question): G, R, O, W
    sessions: pd.DataFrame  # SESSION_COLUMNS, newest first
    open_actions: pd.DataFrame  # ACTION_COLUMNS
    summary: Fact | str
    forecast: pd.DataFrame  # analytics.forecast_own.own_forecast: the next periods per metric


def _mine(frame: pd.DataFrame, employee_id: str, rows: PersonRows | None = None) -> pd.DataFrame:
    if frame is None or frame.empty or "employee_id" not in frame:
        return pd.DataFrame()
    if rows is not None:  # the same rows, found by position (analytics.person_rows)
        return rows.take(frame, employee_id)
    return frame.loc[frame["employee_id"] == employee_id].reset_index(drop=True)


def _first(frame: pd.DataFrame, employee_id: str, rows: PersonRows | None,
           columns: tuple[str, ...]) -> dict:
    """``columns`` of the person's first row of ``frame`` as a dict ({} when none)."""
    if frame is None or frame.empty or "employee_id" not in frame:
        return {}
    if rows is not None:
        return rows.first(frame, employee_id, columns)
    own = _mine(frame, employee_id)
    return {c: v for c, v in own.iloc[0].to_dict().items() if c in columns} if len(own) else {}


def _metrics(series: pd.DataFrame, employee_id: str, index: Mapping[str, PersonRows],
             frames: dict[str, pd.DataFrame], limits: Thresholds) -> pd.DataFrame:
    """The metric table, read at the person's rows of the team-wide frames when indexed."""
    usable = all(name in index and frame is not None and not frame.empty
                 and "employee_id" in frame for name, frame in frames.items())
    if usable:
        at = {name: index[name].positions(employee_id, frame)
              for name, frame in frames.items()}
        return metric_table(series, *frames.values(), limits.min_events, at=at)
    return metric_table(series, *(_mine(frame, employee_id, index.get(name))
                                  for name, frame in frames.items()), limits.min_events)


_ROSTER = ("name", "team", "role", "manager_id", "hire_date", "high_potential")


def _person(found: dict, comparison: dict) -> dict:
    """The roster facts of the person's roster row ``found`` (empty when not in the roster),
    else the name and team of their first ``comparison`` row."""
    if not found and comparison:
        found = {"name": comparison.get("name"), "team": comparison.get("team")}

    def get(key):
        value = found.get(key)
        return None if value is None or (not isinstance(value, str) and pd.isna(value)) else value

    hire = get("hire_date")
    return {"name": get("name"), "team": get("team"), "role": get("role"),
            "manager_id": get("manager_id"),
            "hire_date": pd.Timestamp(hire) if hire is not None else None,
            "high_potential": bool(get("high_potential") or False)}


def _kind(person: dict, flags: pd.DataFrame, as_of: pd.Timestamp, limits: Thresholds) -> str:
    hire = person["hire_date"]
    tenure = (as_of - hire).days if hire is not None else None
    weak = not flags.empty and bool({"below_target_streak", "below_team"} & set(flags["reason"]))
    return classify(new_hire=tenure is not None and 0 <= tenure < limits.new_hire_days,
                    high_potential=person["high_potential"], underperformer=bool(weak))


def _sessions(sessions: pd.DataFrame, employee_id: str, as_of: pd.Timestamp) -> pd.DataFrame:
    own = _mine(sessions, employee_id) if "employee_id" in sessions else sessions
    if list(own.columns) != SESSION_COLUMNS:
        own = own.reindex(columns=SESSION_COLUMNS)
    dates = pd.to_datetime(own["session_date"]).astype("datetime64[ns]")
    # A person's log as the store reads it is cut at as_of and newest first already.
    if (dates <= as_of).all() and dates.is_monotonic_decreasing:
        return own.assign(session_date=dates).reset_index(drop=True)
    own = own.assign(session_date=dates).loc[dates <= as_of]
    return own.sort_values("session_date", ascending=False, kind="stable", ignore_index=True)


def _check(employee_id, as_of) -> None:
    if not isinstance(employee_id, str) or not employee_id:
        raise ValueError(f"employee_id must be a non-empty string, got {employee_id!r}")
    if not isinstance(as_of, pd.Timestamp) or pd.isna(as_of):
        raise ValueError(f"as_of must be a pandas Timestamp, got {as_of!r}")


def build_prep(
    employee_id: str,
    *,
    as_of: pd.Timestamp,
    series: pd.DataFrame,
    people: pd.DataFrame,
    comparison: pd.DataFrame,
    trends: pd.DataFrame,
    gaps: pd.DataFrame,
    strengths: pd.DataFrame,
    flags: pd.DataFrame,
    sessions: pd.DataFrame,
    thresholds: Thresholds | None = None,
    cadence: CadenceRules | None = None,
    open_actions: pd.DataFrame | None = None,
    rows: Mapping[str, PersonRows] | None = None,
) -> EmployeePrep:
    """Assemble one employee's prep from team-wide analysis frames.

    Args:
        employee_id: the employee.
        as_of: the analysis date (the team frames must have been computed for it).
        series: ``store.frames.employee_series`` rows of this employee (SERIES_COLUMNS).
        people: the roster (``store.frames.people_frame``); the employee may be missing.
        comparison, trends, gaps, strengths, flags: outputs of ``analytics.compare.compare``,
            ``trend.trends``, ``gap.gaps``, ``strengths.strengths`` and ``flags.flags`` (team-wide
            or already this employee's rows).
        sessions: coaching sessions (SESSION_COLUMNS, with ``employee_id`` when team-wide).
        thresholds: the rules' numbers (default ``Thresholds()``).
        cadence: the coaching cadence, for a new hire's first-session deadline (default
            ``CadenceRules()``).
        open_actions: the employee's open actions (ACTION_COLUMNS); empty when None.
        rows: where each person's rows are in the team-wide frames, by argument name
            (``people``, ``comparison``...): found by position instead of filtered.

    Returns:
        An EmployeePrep.

    Example:
        >>> none = pd.DataFrame()
        >>> prep = build_prep("E1", as_of=pd.Timestamp("2025-01-06"), series=none, people=none,
        ...     comparison=none, trends=none, gaps=none, strengths=none, flags=none,
        ...     sessions=none)
        >>> prep.summary.code, prep.employee_type
        ('prep.summary.clear', 'steady')
    """
    _check(employee_id, as_of)
    limits = thresholds if thresholds is not None else Thresholds()
    index = rows or {}

    def mine(frame: pd.DataFrame, name: str) -> pd.DataFrame:
        return _mine(frame, employee_id, index.get(name))

    own_flags = mine(flags, "flags")
    metrics = _metrics(series if series is not None else pd.DataFrame(), employee_id, index,
                       {"comparison": comparison, "trends": trends, "gaps": gaps}, limits)
    side = _first(strengths, employee_id, index.get("strengths"),
                  ("strength_metric", "weakness_metric", "closest_metric"))
    strength, weakness, closest = (side.get(f"{which}_metric")
                                   for which in ("strength", "weakness", "closest"))
    person = _person(_first(people, employee_id, index.get("people"), _ROSTER),
                     _first(comparison, employee_id, index.get("comparison"), ("name", "team")))
    windows = windows_of(metrics, _step(series), limits)
    ctx = Context(as_of=as_of, limits=limits,
                  cadence=cadence if cadence is not None else CadenceRules(), metrics=metrics, flags=own_flags,
                  strength=strength, hire_date=person["hire_date"], step=windows.grain,
                  windows=windows, teamless=person["team"] is None)
    actions = open_actions if open_actions is not None else pd.DataFrame()
    return EmployeePrep(
        employee_id=employee_id, **person, employee_type=_kind(person, own_flags, as_of, limits),
        as_of=as_of, lang=None, series=(series if series is not None else pd.DataFrame())
        .reindex(columns=SERIES_COLUMNS), metrics=metrics,
        strength=strength, weakness=weakness, closest=closest, windows=windows,
        flags=own_flags, problems=problems(ctx),
        tracking=tracking(ctx), grow=grow_prompts(ctx), sessions=_sessions(
            sessions if sessions is not None else pd.DataFrame(), employee_id, as_of),
        open_actions=actions.reindex(columns=ACTION_COLUMNS).reset_index(drop=True),
        summary=summary(ctx), forecast=own_forecast(
            series, min_periods=limits.forecast_min_periods, interval=limits.forecast_interval,
            min_events=limits.min_events))


def _step(series: pd.DataFrame | None) -> str:
    """The grain of the employee's own periods (``analytics.frames.grain``); weeks when none."""
    if series is None or series.empty:
        return "week"
    # grain reads the period column only.
    return grain(series if pd.api.types.is_datetime64_any_dtype(series["period"])
                 else pd.DataFrame({"period": pd.to_datetime(series["period"])}))
