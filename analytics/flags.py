"""Who needs attention and why: the manager's problem-analysis table (seed 000, table 1).

Severity is on one scale for every reason: 0.5 when a rule's threshold is just crossed, 1.0 at an
extreme (attainment 40 points under the ratio, z = -3, a drop of 3 sd, variation 2x the volatile
ratio, no session ever). Recency is 1 when the employee's data reaches as_of and falls linearly
to 0 over the short window (stale data matters less); person-level reasons are about as_of, so 1.
Priority = severity x recency. Coaching reasons need a coaching log: with no session at all in
``sessions`` they are skipped, because "never imported" is not "never coached".
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analytics.coaching import EVIDENCE, employee_type, suggest
from analytics.compare import COMPARE_COLUMNS, COMPARE_PERIODS, compare
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
    "evidence", "evidence_zh",
]
_PEOPLE = ("employee_id", "name", "team", "manager_id", "role", "hire_date", "high_potential")
_SESSIONS = ("employee_id", "session_date", "session_type")


def _num(values, spec: str = ".1f") -> list[str]:
    return ["n/a" if pd.isna(x) else format(x, spec) for x in values]


def _day(values) -> list[str]:
    return ["n/a" if pd.isna(x) else pd.Timestamp(x).strftime("%Y-%m-%d") for x in values]


def _when(values, step: str) -> list[str]:
    """Periods as the evidence names them: ``2023 Q3`` for quarterly data, else the day."""
    if step not in ("quarter", "year"):
        return _day(values)
    return ["n/a" if pd.isna(x) else f"{x.year} Q{x.quarter}" if step == "quarter"
            else str(x.year) for x in map(pd.Timestamp, values)]


def _say(frame: pd.DataFrame, key: str, **fields) -> pd.DataFrame:
    """Add evidence / evidence_zh from EVIDENCE[key]; fields are equal-length lists."""
    en, zh = EVIDENCE[key]
    rows = [dict(zip(fields, row, strict=True)) for row in zip(*fields.values(), strict=True)]
    return frame.assign(evidence=[en.format(**row) for row in rows],
                        evidence_zh=[zh.format(**row) for row in rows])


def _clip(values) -> np.ndarray:
    return np.clip(np.nan_to_num(np.asarray(values, dtype=float), nan=0.5), 0.0, 1.0)


def _streak_flags(gap: pd.DataFrame, limits: Thresholds, ctx: dict) -> pd.DataFrame:
    hit = gap.loc[gap["under_streak"] >= limits.under_target_periods]
    ratio = limits.under_target_ratio
    extra = 0.05 * (hit["under_streak"] - limits.under_target_periods)
    out = pd.DataFrame({
        "employee_id": hit["employee_id"], "reason": "below_target_streak",
        "metric": hit["metric"], "category": hit["category"], "value": hit["value"],
        "reference": hit["target"], "since": hit["streak_start"],
        "severity": _clip(0.5 + (ratio - hit["attainment"]) / ratio + extra)})
    return _say(out, "below_target_streak", metric=list(hit["metric"]),
                value=_num(hit["value"]), target=_num(hit["target"]),
                attainment=_num(hit["attainment"], ".0%"), ratio=[format(ratio, ".0%")] * len(hit),
                n=list(hit["under_streak"]), since=_when(hit["streak_start"], ctx["step"]),
                **ctx["words"](len(hit)))


def _trend_flags(trend: pd.DataFrame, comp: pd.DataFrame, ctx: dict) -> pd.DataFrame:
    hit = trend.loc[(trend["label"] == "falling") | (trend["turn"] == "worse")]
    hit = hit.merge(comp[["employee_id", "metric", "value", "team_mean"]],
                    on=["employee_id", "metric"], how="left")
    turned = (hit["turn"] == "worse").to_numpy()
    drop = np.where(turned, hit["turn_shift"].abs(),
                    hit["slope_short"].abs() * (ctx["short"] - 1))
    sd = hit["volatility"].to_numpy(dtype=float)
    size = np.full(len(hit), np.nan)
    np.divide(drop, sd, out=size, where=sd > 0)
    out = pd.DataFrame({
        "employee_id": hit["employee_id"], "reason": "declining_trend", "metric": hit["metric"],
        "category": hit["category"], "value": hit["value"], "reference": hit["team_mean"],
        "since": hit["turning_point"].where(turned, ctx["short_start"]), "severity": _clip((1 + size) / 4)})
    parts = []
    for key, rows in (("declining_trend.turn", turned), ("declining_trend.slope", ~turned)):
        part, src = out.loc[rows], hit.loc[rows]
        p = src["turn_p"] if key.endswith("turn") else src["p_short"]
        parts.append(_say(part, key, metric=list(src["metric"]), value=_num(src["value"]),
                          team=_num(src["team_mean"]), since=_when(part["since"], ctx["step"]),
                          before=_num(src["level_before"]), after=_num(src["level_after"]),
                          slope=_num(src["slope_short"].abs(), ".2f"), p=_p_text(p),
                          n=[ctx["short"]] * len(src), w=[ctx["compare"]] * len(src),
                          **_fdr_words(src["fdr_tests"], ctx["q"]), **ctx["words"](len(src))))
    return pd.concat(parts, ignore_index=True)


def _p_text(values) -> list[str]:
    """``p=0.012``, or ``p<0.001`` where three decimals would print a p of 0."""
    return ["p=n/a" if pd.isna(p) else "p<0.001" if p < 0.0005 else f"p={p:.3f}"
            for p in values]


def _fdr_words(tests: pd.Series, q: float) -> dict[str, list[str]]:
    """The false-discovery clause of a trend's evidence in both languages ("" when off)."""
    en, zh = EVIDENCE["fdr"]
    share = format(q, ".0%")
    return {"fdr": ["" if q >= 1 else en.format(m=int(m), q=share) for m in tests],
            "fdr_zh": ["" if q >= 1 else zh.format(m=int(m), q=share) for m in tests]}


def _team_flags(comp: pd.DataFrame, limits: Thresholds, ctx: dict) -> pd.DataFrame:
    hit = comp.loc[(comp["z"] < limits.below_team_z)
                   & (comp["percentile"] <= 100 * limits.below_team_quantile)]
    out = pd.DataFrame({
        "employee_id": hit["employee_id"], "reason": "below_team", "metric": hit["metric"],
        "category": hit["category"], "value": hit["value"], "reference": hit["team_mean"],
        "since": ctx["compare_start"], "severity": _clip((1 - hit["z"]) / 4)})
    return _say(out, "below_team", metric=list(hit["metric"]), value=_num(hit["value"]),
                team=_num(hit["team_mean"]), best=_num(hit["team_best"]),
                z=_num(hit["z"]), pct=_num(hit["percentile"], ".0f"),
                w=[ctx["compare"]] * len(hit), **ctx["words"](len(hit)))


def _imbalance_flags(comp: pd.DataFrame, limits: Thresholds, ctx: dict) -> pd.DataFrame:
    fast = comp.loc[(comp["category"] == "efficiency")
                    & (comp["percentile"] >= 100 * limits.efficiency_top_quantile)]
    weak = comp.loc[(comp["category"] == "quality")
                    & (comp["percentile"] <= 100 * limits.quality_bottom_quantile)]
    # One flag per employee: the best efficiency metric against the worst quality metric.
    fast = fast.sort_values(["percentile", "metric"], ascending=[False, True])
    weak = weak.sort_values(["percentile", "metric"], ascending=[True, True])
    hit = weak.drop_duplicates("employee_id").merge(
        fast.drop_duplicates("employee_id"), on="employee_id", suffixes=("", "_eff"))
    out = pd.DataFrame({
        "employee_id": hit["employee_id"], "reason": "efficiency_quality_imbalance",
        "metric": hit["metric"], "related_metric": hit["metric_eff"],
        "category": hit["category"], "value": hit["value"], "reference": hit["team_mean"],
        "since": ctx["compare_start"],
        "severity": _clip((hit["percentile_eff"] - hit["percentile"]) / 100)})
    return _say(out, "efficiency_quality_imbalance", metric=list(hit["metric"]),
                value=_num(hit["value"]), team=_num(hit["team_mean"]),
                pct=_num(hit["percentile"], ".0f"), eff=list(hit["metric_eff"]),
                eff_value=_num(hit["value_eff"]), eff_team=_num(hit["team_mean_eff"]),
                eff_pct=_num(hit["percentile_eff"], ".0f"))


def _volatile_flags(trend: pd.DataFrame, limits: Thresholds, ctx: dict) -> pd.DataFrame:
    hit = trend.loc[trend["volatility_ratio"] > limits.volatility_cv_ratio]
    team = hit["volatility"] / hit["volatility_ratio"]
    out = pd.DataFrame({
        "employee_id": hit["employee_id"], "reason": "volatile", "metric": hit["metric"],
        "category": hit["category"], "value": hit["volatility"], "reference": team,
        "since": ctx["long_start"],
        "severity": _clip(hit["volatility_ratio"] / (2 * limits.volatility_cv_ratio))})
    return _say(out, "volatile", metric=list(hit["metric"]), value=_num(hit["volatility"], ".2f"),
                team=_num(team, ".2f"), ratio=_num(hit["volatility_ratio"]),
                **ctx["words"](len(hit)))


def _new_hire_flags(who: pd.DataFrame, sess: pd.DataFrame, as_of, limits) -> pd.DataFrame:
    tenure = (as_of - who["hire"]).dt.days
    due = who["hire"] + pd.Timedelta(days=limits.first_session_days)
    cand = who.loc[(tenure >= 0) & (tenure < limits.new_hire_days) & (due < as_of)]
    early = sess.merge(cand, on="employee_id")
    window = pd.Timedelta(days=limits.first_session_days)
    early = early.loc[(early["session_date"] >= early["hire"])
                      & (early["session_date"] <= early["hire"] + window)]
    hit = cand.loc[~cand["employee_id"].isin(early["employee_id"].unique())]
    days, late = (as_of - hit["hire"]).dt.days, (as_of - due.loc[hit.index]).dt.days
    out = pd.DataFrame({
        "employee_id": hit["employee_id"], "reason": "new_hire_uncoached", "value": days,
        "reference": float(limits.first_session_days), "since": due.loc[hit.index],
        "severity": _clip(0.7 + 0.3 * np.minimum(late / 30, 1.0))})
    return _say(out, "new_hire_uncoached", hire=_day(hit["hire"]), days=list(days),
                limit=[limits.first_session_days] * len(hit))


def _overdue_flags(who: pd.DataFrame, sess: pd.DataFrame, as_of, limits) -> pd.DataFrame:
    quarter = as_of.to_period("Q").start_time
    last = who["employee_id"].map(sess.groupby("employee_id")["session_date"].max())
    formal = sess.loc[(sess["session_type"] == "formal") & (sess["session_date"] >= quarter)]
    no_formal = ~who["employee_id"].isin(formal["employee_id"].unique())  # a few, not all
    clock = last.where(last.notna(), who["hire"])  # the contact clock starts at hire
    idle = (as_of - clock).dt.days
    no_contact = idle.isna() | (idle > limits.contact_days)
    elapsed = (as_of - who["hire"].fillna(quarter).clip(lower=quarter)).dt.days
    formal_sev = np.where(no_formal, 0.3 + 0.5 * elapsed / 91, 0.0)
    contact_sev = np.where(idle.isna(), 1.0, 0.5 + 0.5 * (idle - limits.contact_days)
                           / limits.contact_days).clip(0.5, 1.0)
    severity = np.maximum(formal_sev, np.where(no_contact, contact_sev, 0.0))
    since = pd.concat([who["hire"].fillna(quarter).clip(lower=quarter).where(no_formal),
                       (clock + pd.Timedelta(days=limits.contact_days)).where(no_contact)],
                      axis=1).min(axis=1)
    keep = (no_formal | no_contact).to_numpy()
    out = pd.DataFrame({
        "employee_id": who["employee_id"], "reason": "coaching_overdue",
        "value": (as_of - last).dt.days.astype(float), "reference": float(limits.contact_days),
        "since": since, "severity": _clip(severity)}).loc[keep]
    cache: dict = {}  # a few hundred distinct (formal, contact, days) among thousands
    texts = [cache[key] if key in cache else cache.setdefault(
        key, _overdue_text(*key, quarter, limits.contact_days)) for key in zip(
        no_formal[keep], no_contact[keep], (as_of - last).dt.days[keep], strict=True)]
    return out.assign(evidence=[t[0] for t in texts], evidence_zh=[t[1] for t in texts])


def _overdue_text(no_formal, no_contact, days, quarter, limit) -> tuple[str, str]:
    parts = []
    if no_formal:
        parts.append([t.format(quarter=quarter.strftime("%Y-%m-%d"))
                      for t in EVIDENCE["coaching_overdue.formal"]])
    if no_contact and pd.isna(days):
        parts.append(list(EVIDENCE["coaching_overdue.never"]))
    elif no_contact:
        parts.append([t.format(days=int(days), limit=limit)
                      for t in EVIDENCE["coaching_overdue.contact"]])
    english = [p[0] if i == 0 else p[0][0].lower() + p[0][1:] for i, p in enumerate(parts)]
    return "; ".join(english), ";".join(p[1] for p in parts)


def _cadence_flags(people, sessions, active, as_of, limits) -> pd.DataFrame:
    if sessions.empty:
        return pd.DataFrame()
    sess = sessions.loc[sessions["session_date"] <= as_of, list(_SESSIONS)]
    roster = people.drop_duplicates("employee_id")
    hired = roster.loc[roster["hire_date"].isna() | (roster["hire_date"] <= as_of)]
    recent = hired["hire_date"] > as_of - pd.Timedelta(days=limits.new_hire_days)
    ids = pd.Index(active).union(hired.loc[recent, "employee_id"]).unique()
    who = pd.DataFrame({"employee_id": ids, "hire": ids.map(
        hired.set_index("employee_id")["hire_date"]).astype("datetime64[ns]")})
    return pd.concat([_new_hire_flags(who, sess, as_of, limits),
                      _overdue_flags(who, sess, as_of, limits)], ignore_index=True)


def _check_inputs(values, people, sessions, thresholds) -> Thresholds:
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
    return limits


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


# A grain's words (en; zh "per", zh count) and length: quarterly data says quarters.
_UNITS = {"day": ("day", "天", "天"), "week": ("week", "周", "周"), "month": ("month", "月", "个月"),
          "quarter": ("quarter", "季度", "个季度"), "year": ("year", "年", "年")}


def _context(values: pd.DataFrame, as_of: pd.Timestamp, limits: Thresholds) -> dict:
    step = grain(values)
    short = window_periods(step, limits.recent_window_short)
    periods = values.loc[values["period"] <= as_of, "period"]
    end = periods.max() if not periods.empty else as_of  # no usable value: only cadence
    unit, per_zh, count_zh = _UNITS[step]
    offset = STEPS[step]
    return {
        "step": step, "short": short, "end": int(period_number([end], step)[0]),
        "short_start": end - (short - 1) * offset, "compare": COMPARE_PERIODS,
        "compare_start": end - (COMPARE_PERIODS - 1) * offset, "q": limits.trend_fdr_q,
        "long_start": end - (window_periods(step, limits.recent_window_long) - 1) * offset,
        "words": lambda n: {"unit": [unit] * n, "units": [unit + "s"] * n,
                            "unit_zh": [per_zh] * n, "units_zh": [count_zh] * n},
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
    rows["recency"] = np.where(rows["period"].isna(), 1.0, np.clip(1 - lag / ctx["short"], 0, 1))
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
        trends: ``analytics.trend.trends(values, as_of=as_of, thresholds=thresholds)`` when
            the caller has it already (the team view shows it too); computed when None.
        comparison: ``analytics.compare.compare(values, as_of=as_of)``, likewise.
        gaps: ``analytics.gap.gaps(values, as_of=as_of, thresholds=thresholds)``, likewise.
            A precomputed frame must be for the same values, as_of and thresholds.

    Returns:
        One row per (employee_id, reason, metric); columns FLAG_COLUMNS, sorted by priority
        descending. ``metric`` is None for person-level reasons; for
        ``efficiency_quality_imbalance`` it is the quality metric and ``related_metric`` the
        efficiency one. focus/model_reason/style are keys of coaching.TEXT_EN / TEXT_ZH.

    Example:
        >>> frame = pd.DataFrame({"employee_id": "a", "name": "Ann", "team": "t",
        ...     "period": pd.date_range("2025-01-06", periods=3, freq="W-MON"), "metric": "CSAT",
        ...     "value": [90.0, 60.0, 60.0], "target": 90.0, "direction": "higher",
        ...     "category": "quality"})
        >>> none = pd.DataFrame(columns=list(_SESSIONS))
        >>> flags(frame, pd.DataFrame(columns=list(_PEOPLE)), none)["evidence"].tolist()
        ['CSAT 60.0 vs target 90.0 (67% of target), under 80% of target for 2 weeks since 2025-01-13']
    """
    limits = _check_inputs(values, people, sessions, thresholds)
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
    parts = [_streak_flags(gap, limits, ctx), _trend_flags(trend, comp, ctx),
             _team_flags(comp, limits, ctx), _imbalance_flags(comp, limits, ctx),
             _volatile_flags(trend, limits, ctx),
             miss_flags(values, as_of, limits, {k: v[0] for k, v in ctx["words"](1).items()}),
             _cadence_flags(people, sessions, trend["employee_id"].unique(), as_of, limits)]
    found = [p for p in parts if not p.empty]
    if not found:  # nobody needs attention (or too little data to say so)
        return pd.DataFrame({column: [] for column in FLAG_COLUMNS})
    rows = pd.concat(found, ignore_index=True)
    for column in ("metric", "related_metric", "category"):
        rows[column] = (rows[column].astype(object).where(rows[column].notna(), None)
                        if column in rows else None)
    return _finish(rows, people, comp, gap, ctx, as_of, limits)
