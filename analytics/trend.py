"""Trend analysis (docs/domain.md, "Preparing a talk: the four analyses", trend): slope,
volatility and turning point per employee and metric, one metric's grid at a time.

The statistics are ``analytics.trend_stats`` (and its docstring says why each was chosen). A
test counts only when its p is under its own level (``trend_alpha`` / ``changepoint_alpha``)
*and* it survives the Benjamini-Hochberg step-up across all of the team's trend and turning-point
tests at ``trend_fdr_q``; people without a team form their own family. Volatile = over
``volatility_cv_ratio`` x the team's median volatility for the metric, from 3 team members with
one.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analytics.frames import check_values, grain, resolve_as_of, window_periods
from analytics.grids import Grid, grids
from analytics.thresholds import Thresholds
from analytics.trend_stats import bh_adjusted, change_points, mssd_sd, ols_slopes, safe_div
from analytics.volume import usable

TREND_COLUMNS = [
    "employee_id", "team", "metric", "direction", "category", "n_short", "slope_short",
    "p_short", "n_long", "slope_long", "p_long", "direction_aware_slope", "label", "volatility",
    "volatility_ratio", "turning_point", "turn", "turn_shift", "turn_p", "level_before",
    "level_after", "p_short_adjusted", "turn_p_adjusted", "fdr_tests",
]
_TEXT = ("employee_id", "team", "metric", "direction", "category", "label", "turn")


def _team_ratio(teams: np.ndarray, vol: np.ndarray) -> np.ndarray:
    frame = pd.DataFrame({"team": teams, "vol": vol})
    by_team = frame.groupby("team", dropna=True)["vol"]
    median = by_team.transform("median").to_numpy(dtype=float, na_value=np.nan)
    count = by_team.transform("count").to_numpy(dtype=float, na_value=np.nan)
    # Someone without a team is measured against everyone in scope.
    teamless = pd.isna(frame["team"]).to_numpy()
    median = np.where(teamless, frame["vol"].median(), median)
    count = np.where(teamless, frame["vol"].count(), count)
    return np.where(count >= 3, safe_div(vol, median), np.nan)


def _grid_trends(grid: Grid, short: int) -> dict[str, object]:
    sign = 1.0 if grid.direction == "higher" else -1.0
    n_s, slope_s, p_s = ols_slopes(grid.data[:, -short:])
    n_l, slope_l, p_l = ols_slopes(grid.data)
    vol = mssd_sd(grid.data)
    cp = change_points(grid.data)
    size = len(grid.employee_ids)
    return {
        "employee_id": grid.employee_ids, "team": grid.teams, "metric": [grid.metric] * size,
        "direction": [grid.direction] * size, "category": [grid.category] * size,
        "n_short": n_s, "slope_short": slope_s, "p_short": p_s, "n_long": n_l,
        "slope_long": slope_l, "p_long": p_l, "direction_aware_slope": sign * slope_s,
        "volatility": vol, "volatility_ratio": _team_ratio(grid.teams, vol),
        "turning_point": grid.periods.to_numpy()[np.maximum(cp["column"], 0)],
        "turn_shift": sign * (cp["after"] - cp["before"]), "turn_p": cp["p"],
        "level_before": cp["before"], "level_after": cp["after"],
    }


def _decide(out: pd.DataFrame, limits: Thresholds) -> pd.DataFrame:
    """Labels and turning points from the raw tests, under the team's false-discovery control."""
    family = out["team"].astype(object).where(out["team"].notna(),
                                              "\x00" + out["employee_id"].astype(str))
    pairs = np.concatenate([out["p_short"].to_numpy(float), out["turn_p"].to_numpy(float)])
    adjusted, count = bh_adjusted(pairs, np.concatenate([family, family]))
    size = len(out)
    out["p_short_adjusted"], out["turn_p_adjusted"] = adjusted[:size], adjusted[size:]
    out["fdr_tests"] = count[:size]
    q = limits.trend_fdr_q
    turned = ((out["turn_p"] < limits.changepoint_alpha) & (out["turn_p_adjusted"] <= q)).to_numpy()
    significant = (out["p_short"] < limits.trend_alpha) & (out["p_short_adjusted"] <= q)
    aware = out["direction_aware_slope"]
    out["label"] = np.select(
        [out["n_short"] < 3, significant & (aware > 0), significant & (aware < 0),
         out["volatility_ratio"] > limits.volatility_cv_ratio],
        [None, "rising", "falling", "volatile"], default="stable")
    out["turn"] = np.where(turned, np.where(out["turn_shift"] > 0, "better", "worse"), None)
    out["turning_point"] = out["turning_point"].where(turned)
    out["turn_shift"] = out["turn_shift"].where(turned)
    return out


def trends(
    values: pd.DataFrame,
    *,
    as_of: pd.Timestamp | None = None,
    thresholds: Thresholds | None = None,
) -> pd.DataFrame:
    """Trend of every (employee, metric) over the short and long windows ending at ``as_of``.

    Args:
        values: long metric frame (employee_id, name, team, period, metric, value, target,
            direction, category).
        as_of: last date used (default: latest period); later rows are ignored.
        thresholds: windows and significance levels (default ``Thresholds()``).

    Returns:
        One row per (employee_id, metric) with a value in the long window; columns
        TREND_COLUMNS. ``label`` is "rising"/"falling" (getting better/worse, significant at
        trend_alpha and under the team's false-discovery control), "volatile", "stable", or None
        with fewer than 3 points in the short window. ``p_short_adjusted`` and
        ``turn_p_adjusted`` are the Benjamini-Hochberg adjusted p-values within the team's
        ``fdr_tests`` tests.
        ``turning_point`` is the first period at the new level (NaT if none), ``turn``
        "better"/"worse"/None, ``turn_shift`` the direction-aware level change.

    Example:
        >>> frame = pd.DataFrame({"employee_id": "a", "name": "A", "team": "t",
        ...     "period": pd.date_range("2025-01-06", periods=4, freq="W-MON"), "metric": "AHT",
        ...     "value": [9.0, 8.0, 7.0, 6.0], "target": 7.0, "direction": "lower",
        ...     "category": "efficiency"})
        >>> row = trends(frame).iloc[0]
        >>> float(row.slope_short), float(row.direction_aware_slope), row.label
        (-1.0, 1.0, 'rising')
    """
    check_values(values)
    limits = thresholds if thresholds is not None else Thresholds()
    if not isinstance(limits, Thresholds):
        raise ValueError(f"thresholds must be a Thresholds, got {type(limits).__name__}")
    as_of = resolve_as_of(values, as_of)
    values = usable(values, limits.min_events)  # few events or a partial period: no evidence
    step = grain(values)
    short = window_periods(step, limits.recent_window_short)
    long = window_periods(step, limits.recent_window_long)
    parts = [_grid_trends(g, short) for g in grids(values, as_of=as_of, length=long).values()]
    if not parts:
        return pd.DataFrame({column: [] for column in TREND_COLUMNS})
    merged = {col: np.concatenate([np.asarray(p[col], dtype=object if col in _TEXT else None)
                                   for p in parts]) for col in parts[0]}
    out = pd.DataFrame(merged)
    out["turning_point"] = pd.to_datetime(out["turning_point"]).astype("datetime64[ns]")
    out = _decide(out, limits).reindex(columns=TREND_COLUMNS)
    return out.sort_values(["employee_id", "metric"], ignore_index=True)
