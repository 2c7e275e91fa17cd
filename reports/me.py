"""What the employee's own page shows, as facts (codes and numbers): their latest values against
their targets and the anonymous team band, their series, actions, plans and sessions."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from reports.forecast import forecast_rows
from store import me

MIN_BAND = me.MIN_BAND  # the smallest team that gets a band: the page says so

# What the page shows of ``reports.forecast.forecast_rows``: the person's own rows only.
FORECAST = ["metric", "next_period", "next_expected", "next_low", "next_high", "interval",
            "model", "mae", "mae_n", "target_period", "target_grain", "target", "p_80", "p_100",
            "needed", "left_n", "recent", "recent_n", "status"]


@dataclass(frozen=True)
class MyPage:
    employee_id: str
    name: str | None
    team: str | None
    latest: pd.DataFrame  # one row per metric (see ``latest``)
    series: pd.DataFrame  # metric, period, value, target, direction
    band: pd.DataFrame  # metric, period, q1, median, q3, n
    actions: pd.DataFrame
    plans: pd.DataFrame
    sessions: pd.DataFrame
    forecast: pd.DataFrame  # FORECAST columns, one row per metric with enough history

    @property
    def has_band(self) -> bool:
        return not self.band.empty


def position(value: float, q1: float, q3: float, direction: str | None) -> str | None:
    """Where a value lies against the team's middle half: ``better``, ``middle`` or ``worse``
    (by the metric's direction; None when there is no band or no direction)."""
    if pd.isna(q1) or pd.isna(q3) or direction not in ("higher", "lower"):
        return None
    if q1 <= value <= q3:
        return "middle"
    above = value > q3
    return "better" if above == (direction == "higher") else "worse"


def latest(series: pd.DataFrame, band: pd.DataFrame) -> pd.DataFrame:
    """Per metric: the latest period's value and target, the team band of that same period (NaN
    when there is none) and the position code."""
    cols = ["metric", "direction", "period", "value", "target", "q1", "median", "q3", "n",
            "position"]
    if series.empty:
        return pd.DataFrame(columns=cols)
    last = series.sort_values("period").groupby("metric", as_index=False).tail(1)
    out = last.merge(band, on=["metric", "period"], how="left")
    out["position"] = [position(v, a, b, d) for v, a, b, d in zip(
        out["value"], out["q1"], out["q3"], out["direction"], strict=True)]
    return out[cols].sort_values("metric").reset_index(drop=True)


def build(con: duckdb.DuckDBPyConnection, asked: str | None = None) -> MyPage | None:
    """The page of the connection's employee (or, in the local preview, of ``asked``)."""
    employee_id = me.whose(con, asked)
    who = me.person(con, employee_id) if employee_id else None
    if who is None:
        return None
    series, band = me.values(con, employee_id), me.band(con, employee_id)
    ahead = forecast_rows(con)  # an employee's connection holds only their own series
    ahead = ahead.loc[ahead["employee_id"] == employee_id, FORECAST].reset_index(drop=True)
    return MyPage(employee_id, who["name"], who["team"], latest(series, band), series, band,
                  me.actions(con, employee_id), me.plans(con, employee_id),
                  me.sessions(con, employee_id), ahead)
