"""One employee's trend of one metric: the team's min-max band and mean, the target, turning points."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from charts import style

BAND_COLOR = "rgba(37, 99, 235, 0.10)"
MEAN_COLOR = "#64748b"
EMPLOYEE_COLOR = "#2563eb"
TURN_COLOR = "#dc2626"
FORECAST_BAND = "rgba(37, 99, 235, 0.18)"
_NEEDED = ("period", "value", "target", "team_mean", "team_min", "team_max")
Columns = pd.DataFrame | Mapping[str, object]  # a frame, or its columns by name
SERIES_COLUMNS = (*_NEEDED, "direction")  # what the page draws of a metric's series ...
AHEAD = ("period", "expected", "low", "high")  # ... and of its forecast


@dataclass(frozen=True)
class TrendLabels:
    """Texts of the chart in the viewer's language."""

    employee: str
    team_mean: str
    team_range: str
    target: str
    turning_point: str
    axis: str  # y axis title, e.g. "CSAT (higher is better)"
    forecast: str = "forecast"  # the dashed forecast line
    interval: str = "80% interval"  # its band


def metric_trend(
    series: Columns, *, title: str, labels: TrendLabels,
    turning_point: pd.Timestamp | None = None, axis: dict[str, object] | None = None,
    forecast: Columns | None = None,
) -> dict:
    """Args:
        series: one metric of ``store.frames.employee_series`` (period, value, target,
            team_mean, team_min, team_max), any order: a frame, or its columns as arrays.
        title: the chart title (the metric's name).
        labels: legend and axis texts.
        turning_point: the period where the level or slope changed (None: no marker).
        axis: the time axis's labels (``reports.periods.period_axis``; None: plotly's own).
        forecast: this metric's ``analytics.forecast`` rows (period, expected, low, high), a
            frame or its columns; None or empty: no forecast drawn.
    Returns:
        A figure's spec (``charts.style.spec``): shaded team min-max band, dashed team mean,
        the employee's line, a dotted target line when the data has targets, and a red marker
        plus a vertical line at the turning point; a forecast as a dashed line from the last
        value with its interval band.

    Example:
        >>> s = pd.DataFrame({"period": pd.to_datetime(["2025-01-06", "2025-01-13"]),
        ...     "value": [1.0, 2.0], "target": None, "team_mean": [1.5, 1.5],
        ...     "team_min": [1.0, 1.0], "team_max": [2.0, 2.0]})
        >>> l = TrendLabels("me", "mean", "range", "target", "turn", "y")
        >>> [t["name"] for t in metric_trend(s, title="m", labels=l)["data"]]
        ['range', 'range', 'mean', 'me']
    """
    missing = [c for c in _NEEDED if c not in series]
    if missing:
        raise ValueError(f"series lacks column(s) {missing}")
    # NumPy from here: pandas' sort, masks and concat per metric were half of drawing one.
    periods = np.asarray(series["period"], dtype="datetime64[us]")
    order = np.argsort(periods, kind="stable")
    col = {c: _floats(series[c])[order] for c in _NEEDED[1:]}
    periods = periods[order]
    x = style.dates(periods)
    traces = [
        _line(x, col["team_max"], labels.team_range, width=0, legendgroup="band",
              showlegend=False, hoverinfo="skip"),
        _line(x, col["team_min"], labels.team_range, width=0, fill="tonexty",
              fillcolor=BAND_COLOR, legendgroup="band", hoverinfo="skip"),
        _line(x, col["team_mean"], labels.team_mean, color=MEAN_COLOR, dash="dash", width=1.5,
              hovertemplate="%{y:.1f}"),
        _line(x, col["value"], labels.employee, color=EMPLOYEE_COLOR, width=2.5,
              mode="lines+markers", marker={"size": 5}, hovertemplate="%{y:.1f}")]
    if not np.isnan(col["target"]).all():
        traces.append(_line(x, col["target"], labels.target, color=style.TARGET_COLOR,
                            dash="dot", width=1.5, shape="hv", hovertemplate="%{y:.1f}"))
    if forecast is not None and "period" in forecast and len(forecast["period"]):
        traces += _forecast(periods, col["value"], forecast, labels)
    shapes = []
    if turning_point is not None and not pd.isna(turning_point):
        shapes, marker = _mark_turn(periods, col["value"], pd.Timestamp(turning_point),
                                    labels.turning_point)
        traces += marker
    if axis and "tickvals" in axis:
        axis = {**axis, "tickvals": style.dates(axis["tickvals"])}
    layout = {"yaxis": {"title": {"text": labels.axis}, "automargin": True},
              # upright: turned on their side the ticks ran under the legend ("Mar 2…")
              "xaxis": {"automargin": True, "tickangle": 0, **(axis or {})}, "shapes": shapes}
    return style.spec(traces, layout, title=title, height=340)


def per_metric(frame: pd.DataFrame, columns: tuple[str, ...]) -> dict[str, dict]:
    """metric -> {column: that metric's values}, metrics in their order in ``frame``: every
    metric's part for ``metric_trend``, the columns read once (a frame per metric, by masks
    or groupby, cost more than drawing it)."""
    if frame.empty:
        return {}
    metrics = frame["metric"].to_numpy()
    arrays = {c: frame[c].to_numpy() for c in columns}
    parts = {}
    for metric in dict.fromkeys(metrics):
        rows = np.flatnonzero(metrics == metric)
        parts[metric] = {c: a[rows] for c, a in arrays.items()}
    return parts


def _floats(column: object) -> np.ndarray:
    """A column as floats, missing and unreadable values as NaN (targets may be all None)."""
    values = np.asarray(column)
    if values.dtype.kind == "f":
        return values
    return pd.to_numeric(pd.Series(values), errors="coerce").to_numpy(dtype=float,
                                                                     na_value=np.nan)


def _line(x: list[str], y: np.ndarray, name: str, *, color: str | None = None,
          dash: str | None = None, width: float | None = None, shape: str | None = None,
          mode: str = "lines", **more: object) -> dict:
    """A scatter trace's dict; the line's own settings only when given."""
    line = {k: v for k, v in (("color", color), ("dash", dash), ("width", width),
                              ("shape", shape)) if v is not None}
    return {"type": "scatter", "x": x, "y": style.numbers(y), "mode": mode, "name": name,
            "line": line, **more}


def _mark_turn(periods: np.ndarray, values: np.ndarray, when: pd.Timestamp, label: str
               ) -> tuple[list, list]:
    """([the dotted vertical line], [the red marker on the value, when there is one])."""
    at = values[periods == when.to_datetime64()]
    day = style.dates([when])
    marker = [] if not at.size else [{
        "type": "scatter", "x": day, "y": [float(at[0])], "mode": "markers",
        "name": label, "marker": {"color": TURN_COLOR, "size": 13, "symbol": "diamond"},
        "hovertemplate": f"{label} %{{x|%Y-%m-%d}}<extra></extra>"}]
    # A shape, not add_vline: add_vline's annotation cannot be placed on a date axis.
    line = {"type": "line", "x0": day[0], "x1": day[0], "y0": 0, "y1": 1, "yref": "paper",
            "line": {"color": TURN_COLOR, "dash": "dot", "width": 1}}
    return [line], marker


def _forecast(periods: np.ndarray, values: np.ndarray, ahead: Columns,
              labels: TrendLabels) -> list[dict]:
    """Dashed expected values joined to the last actual value, over a band of the interval."""
    when = np.asarray(ahead["period"], dtype="datetime64[us]")
    order = np.argsort(when, kind="stable")
    x = style.dates(when[order])
    band = {c: _floats(ahead[c])[order] for c in ("expected", "low", "high")}
    seen = np.flatnonzero(~np.isnan(values))[-1:]  # the last actual value, if any
    return [
        _line(x, band["high"], labels.interval, width=0,
              legendgroup="forecast", showlegend=False, hoverinfo="skip"),
        _line(x, band["low"], labels.interval, width=0, fill="tonexty",
              fillcolor=FORECAST_BAND, legendgroup="forecast", hoverinfo="skip"),
        _line(style.dates(periods[seen]) + x, np.concatenate([values[seen], band["expected"]]),
              labels.forecast, color=EMPLOYEE_COLOR, dash="dash", width=2,
              mode="lines+markers", marker={"size": 4}, hovertemplate="%{y:.1f}")]
