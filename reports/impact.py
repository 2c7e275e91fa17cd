"""HR impact: does coaching happen as policy says, and does it go with better performance?

One function, :func:`impact_report`, for the page and ``cli.py impact``: same inputs, same
numbers. :func:`summary` flattens the headline figures for JSON. Its inputs and their defaults
are ``reports.impact_choice.Choice``: :func:`report_for` takes one.
"""

from __future__ import annotations

import io
import math
from dataclasses import asdict, dataclass, field
from typing import Literal

import duckdb
import pandas as pd

from analytics import compliance, correlation, event_study, impact, impact_sample
from analytics.headcount import Headcount, headcount
from reports.impact_choice import DEFAULT, Choice
from reports.safe import neutralise
from reports.team import cadence_rules
from store import headcount as activity
from store import impact as sql

SMALL_N = 10


@dataclass(frozen=True)
class ImpactReport:
    """Everything the HR page shows for one window; frames are empty when there is no data."""

    start: pd.Timestamp | None
    end: pd.Timestamp | None
    employees: pd.DataFrame  # counts + before/after/change per employee
    correlations: pd.DataFrame  # correlation.correlations (group_by "all" first)
    fit: pd.DataFrame  # correlation.fit_band
    events: pd.DataFrame  # event_study.EVENT_COLUMNS
    event_summary: pd.DataFrame  # by ("all"/"model"/"session_type") + SUMMARY_COLUMNS
    profile: pd.DataFrame  # event_study.profile
    compliance: pd.DataFrame  # compliance.by_manager
    plans: dict | None  # compliance.plan_attainment, None without the actions table
    notes: list[str] = field(default_factory=list)  # i18n keys of caveats
    headcount: Headcount | None = None  # people measured in the window, coached, sessions
    # Why n is smaller than the people measured: reason code -> people (analytics.impact_sample)
    missing: dict[str, int] = field(default_factory=dict)
    reading: str = "no_sessions"  # how to read the correlation (analytics.impact_sample)

    @property
    def overall(self) -> dict:
        """The overall correlation row (n = 0 when there is none)."""
        if self.correlations.empty:
            return dict.fromkeys(correlation.CORR_KEYS, float("nan")) | {"n": 0}
        return self.correlations.iloc[0][list(correlation.CORR_KEYS)].to_dict()


def _empty(start=None, end=None, notes=None) -> ImpactReport:
    e = pd.DataFrame()
    return ImpactReport(start, end, e, e, e, e, e, e, e, None, notes or ["impact.note_no_data"])


def _change(values: pd.DataFrame, metric, split, score, weights, con) -> pd.DataFrame:
    changes = impact.performance_change(values, split=split, score=score)
    if metric is not None:
        return changes[changes["metric"] == metric].drop(columns=["metric"])
    chosen = sql.goal_weights(con) if weights == "goals" else None
    return impact.composite(changes, weights=chosen)


def report_for(con: duckdb.DuckDBPyConnection, choice: Choice) -> ImpactReport:
    """:func:`impact_report` of ``choice``."""
    fields = asdict(choice)
    roles = fields.pop("core_roles")
    return impact_report(con, **fields, core_roles=None if roles is None else list(roles))


def impact_report(
    con: duckdb.DuckDBPyConnection, *, start=None, end=None, split: float = DEFAULT.split,
    score: impact.Score = DEFAULT.score, metric: str | None = None,
    weights: Literal["equal", "goals"] = DEFAULT.weights, team: str | None = None,
    manager: str | None = None, k: int = DEFAULT.k, core_roles: list[str] | None = None,
) -> ImpactReport:
    """Correlation, event study and compliance for the window ``start`` .. ``end``.

    Args:
        start, end: the window (default: the first / last metric period).
        split: share of the window's periods that count as "before".
        score: "z" (within team) or "attainment" (against target).
        metric: one metric, or None for the composite over all metrics.
        weights: composite weights, "equal" or "goals" (goal-sheet weights).
        team, manager: restrict the people looked at (None = everyone).
        k: periods before / after each session in the event study.
        core_roles: roles counted as core for coverage (default: the most common role).
    """
    if weights not in ("equal", "goals"):
        raise ValueError(f"weights must be 'equal' or 'goals', got {weights!r}")
    first, last = sql.bounds(con)
    if last is None:
        return _empty()
    start = pd.Timestamp(start) if start is not None else first
    end = pd.Timestamp(end) if end is not None else last
    if start > end:
        raise ValueError(f"start {start:%Y-%m-%d} is after end {end:%Y-%m-%d}")
    counts = _scope(sql.session_counts(con, start=start, end=end), team, manager)
    ids = set(counts["employee_id"])
    values = sql.period_values(con, start=start, end=end, metric=metric)
    if values.empty or not ids:
        return _empty(start, end)
    people = counts.merge(_change(values, metric, split, score, weights, con).drop(
        columns=["team"]), on="employee_id", how="left")
    corr = correlation.correlations(
        people.dropna(subset=["change"]).fillna({"manager_id": "-", "role": "-", "team": "-"}),
        control="before")
    events, summary_frame, path = _event_study(con, values, ids, score, start, end, k)
    heads, measured = _headcount(con, ids, start, end)
    rules = cadence_rules(con)
    flags = compliance.cadence_flags(counts, sql.sessions(con, end=end), start=start, end=end,
                                     rules=rules, core_roles=core_roles, measured=measured)
    actions = sql.actions(con)
    plans = None
    if actions is not None:
        plans = compliance.plan_attainment(actions[actions["employee_id"].isin(ids)], as_of=end)
    notes = _notes(corr, plans)
    counted = people.dropna(subset=["change"])
    why = impact_sample.missing_reasons(values, sorted(measured), counted["employee_id"],
                                        score=score)
    overall = corr.iloc[0].to_dict() if not corr.empty else {"n": 0}
    return ImpactReport(start, end, people, corr, correlation.fit_band(people["sessions"],
                        people["change"]), events, summary_frame, path,
                        compliance.by_manager(flags), plans, notes, heads,
                        missing={r: int((why == r).sum()) for r in impact_sample.REASONS
                                 if (why == r).any()},
                        reading=impact_sample.reading(counts["sessions"], counted["sessions"],
                                                      overall))


def _headcount(con, ids: set, start, end) -> tuple[Headcount, set[str]]:
    """analytics.headcount for the people in scope (team / manager filter) and the window."""
    values, held = activity.activity(con, start=start, end=end)
    values = values[values["employee_id"].isin(ids)]
    heads = headcount(values, held[held["employee_id"].isin(ids)], start=start, end=end)
    return heads, set(values["employee_id"].astype(str))


def _scope(counts: pd.DataFrame, team: str | None, manager: str | None) -> pd.DataFrame:
    keep = counts["employee_id"].notna()
    if team is not None:
        keep &= counts["team"] == team
    if manager is not None:
        keep &= counts["manager_id"] == manager
    return counts[keep]


def _event_study(con, values, ids, score, start, end, k):
    """Sessions of the people in scope: events, their summary (all / model / type), the path."""
    scored = impact.scores(values, score=score)
    scored = scored[scored["employee_id"].isin(ids)].groupby(
        ["employee_id", "period"], as_index=False)["score"].mean()
    sessions = sql.sessions(con, start=start, end=end)
    events, own, ctl = event_study.event_arrays(
        scored, sessions[sessions["employee_id"].isin(ids)], k=k)
    frame = pd.concat([event_study.summarise(events, by=by).assign(by=by or "all")
                       for by in (None, "model", "session_type")], ignore_index=True)
    return events.drop(columns=["control_changes"]), frame, event_study.profile(own, ctl)


def _notes(corr: pd.DataFrame, plans: dict | None) -> list[str]:
    notes = ["impact.note_causation"]
    n = int(corr.iloc[0]["n"]) if not corr.empty else 0
    if n < SMALL_N:
        notes.append("impact.note_small_n")
    if plans is None or plans["due"] == 0:
        notes.append("impact.note_no_plans")
    return notes


def _clean(value):
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):
        return _clean(value.item())
    return value


def summary(report: ImpactReport) -> dict:
    """The headline figures as plain JSON-ready values (NaN becomes None)."""
    overall = report.event_summary
    overall = overall[overall["by"] == "all"] if not overall.empty else overall
    event = overall.iloc[0].drop(["by", "group"]).to_dict() if len(overall) else {}
    rates = {}
    if not report.compliance.empty:
        rows = report.compliance[report.compliance["manager_id"] == "all"]
        rates = {r.measure: {"rate": r.rate, "met": r.met, "eligible": r.eligible}
                 for r in rows.itertuples()}
    heads = report.headcount
    people = None if heads is None else {
        "people": heads.people, "coached": heads.coached, "coverage": heads.coverage,
        "sessions": heads.sessions}
    out = {
        "window": {"from": None if report.start is None else f"{report.start:%Y-%m-%d}",
                   "to": None if report.end is None else f"{report.end:%Y-%m-%d}"},
        "correlation": report.overall, "reading": report.reading,
        "sample": {"measured": people["people"] if people else 0, "n": report.overall["n"],
                   "not_counted": report.missing},
        "event_study": event, "compliance": rates,
        "coverage_target": compliance.COVERAGE_TARGET, "plan_attainment": report.plans,
        "headcount": people,
    }
    return _walk(out)


def _walk(obj):
    if isinstance(obj, dict):
        return {k: _walk(v) for k, v in obj.items()}
    return _clean(obj)


def choices(con: duckdb.DuckDBPyConnection) -> dict:
    """Filter options of the HR page plus the data's first and last period."""
    first, last = sql.bounds(con)
    return sql.choices(con) | {"first": first, "last": last}


def export_csv(frame: pd.DataFrame) -> bytes:
    """CSV bytes (UTF-8 with BOM, for Excel) of ``frame`` with formula-like text neutralised."""
    return neutralise(frame).to_csv(index=False).encode("utf-8-sig")


def export_xlsx(frame: pd.DataFrame) -> bytes:
    """XLSX bytes of ``frame`` with formula-like text neutralised."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        neutralise(frame).to_excel(writer, index=False)
    return buffer.getvalue()


def exports(frame: pd.DataFrame) -> tuple[bytes, bytes]:
    """(CSV, XLSX) bytes of ``frame`` with formula-like text neutralised."""
    return export_csv(frame), export_xlsx(frame)
