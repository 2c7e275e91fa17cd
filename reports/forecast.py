"""Forecast to target for everyone the viewer may see: the rows of ``cli.py forecast``.

One row per (employee, metric) with enough history: the next period's forecast with its
interval, the model and its backtest error, and this month's (quarter's) outlook against the
target. ``status`` is ``likely_to_miss`` when the flag of that name fires, ``on_track`` when
reaching the whole target is more likely than not, else ``at_risk``.
"""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd

from analytics.forecast import forecasts
from analytics.forecast_target import target_outlook
from analytics.thresholds import Thresholds
from analytics.volume import usable
from i18n import t
from i18n.numbers import percent
from reports.team import thresholds
from store.frames import metric_frame

FORECAST_ROW_COLUMNS = [
    "employee_id", "name", "team", "metric", "n", "model", "mae", "mae_n", "next_period",
    "next_expected", "next_low", "next_high", "interval", "target_period", "target_grain",
    "target", "so_far", "done_n", "left_n", "expected", "low", "high", "p_80", "p_100",
    "needed", "recent", "recent_n", "additive", "status",
]


def status(p_ratio: pd.Series, p_target: pd.Series, limits: Thresholds) -> np.ndarray:
    """``likely_to_miss`` / ``on_track`` / ``at_risk`` per row (see the module docstring)."""
    return np.where(p_ratio < limits.forecast_miss_p, "likely_to_miss",
                    np.where(p_target >= 0.5, "on_track", "at_risk"))


def forecast_rows(con: duckdb.DuckDBPyConnection, *,
                  as_of: pd.Timestamp | str | None = None) -> pd.DataFrame:
    """Everyone's forecast and target outlook as of ``as_of`` (default: the latest period)."""
    as_of = None if as_of is None else pd.Timestamp(as_of)
    limits = thresholds(con)
    values = usable(metric_frame(con, as_of=as_of), limits.min_events)
    if values.empty:
        return pd.DataFrame({column: [] for column in FORECAST_ROW_COLUMNS})
    settings = {"as_of": as_of, "min_periods": limits.forecast_min_periods,
                "interval": limits.forecast_interval}
    outlook = target_outlook(values, ratio=limits.under_target_ratio, **settings)
    ahead = forecasts(values, horizon=1, **settings)
    ahead = ahead.rename(columns={"period": "next_period", "expected": "next_expected",
                                  "low": "next_low", "high": "next_high"})
    rows = ahead.assign(metric=ahead["metric"].astype(str)).merge(
        outlook.assign(metric=outlook["metric"].astype(str)).drop(
            columns=["team", "direction", "category", "model", "mae", "mae_n", "n"]),
        on=["employee_id", "metric"], how="left")
    names = values.drop_duplicates("employee_id").set_index("employee_id")["name"]
    rows["name"] = rows["employee_id"].map(names).astype(object)
    rows["interval"] = limits.forecast_interval
    rows = rows.rename(columns={"p_ratio": "p_80", "p_target": "p_100", "period": "target_period",
                                "grain": "target_grain"})
    rows["status"] = np.where(rows["p_80"].isna(), None,
                              status(rows["p_80"], rows["p_100"], limits))
    return rows[FORECAST_ROW_COLUMNS].astype({"employee_id": object, "team": object})


def outlook_columns(ids: pd.Series, ahead: pd.DataFrame, lang: str) -> dict[str, list[str]]:
    """The board drill's two columns for the people ``ids`` on one metric: the status in words
    and the chance of reaching the whole target ("–" for someone without a forecast).

    ``ahead`` is ``forecast_rows`` of that metric indexed by employee_id.
    """
    rows = ahead.reindex(list(ids))
    words = [t(f"forecast.status.{s}", lang) if isinstance(s, str) else "–"
             for s in rows["status"]]
    return {t("forecast.col.outlook", lang): words,
            t("forecast.col.chance", lang): [percent(p, 0) for p in rows["p_100"]]}


def outlook_caption(rows: pd.DataFrame, lang: str) -> str | None:
    """"Target for the month from 1 Dec: 5 on track, 2 at risk, 1 likely to miss" of ``rows``;
    None when nobody has a forecast (no targets: the sentence read "for the  from –")."""
    known = rows.dropna(subset=["status"])
    if known.empty:
        return None
    counts = known["status"].value_counts()
    return t("forecast.board.caption", lang,
             grain=t(f"forecast.grain.{known['target_grain'].iloc[0]}", lang),
             start=pd.Timestamp(known["target_period"].min()).strftime("%Y-%m-%d"),
             **{s: int(counts.get(s, 0)) for s in ("on_track", "at_risk", "likely_to_miss")})
