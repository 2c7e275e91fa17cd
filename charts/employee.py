"""One employee's trend of one metric: the team's min-max band and mean, the target, turning points."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from charts import style

BAND_COLOR = "rgba(37, 99, 235, 0.10)"
MEAN_COLOR = "#64748b"
EMPLOYEE_COLOR = "#2563eb"
TURN_COLOR = "#dc2626"
FORECAST_BAND = "rgba(37, 99, 235, 0.18)"
_NEEDED = ("period", "value", "target", "team_mean", "team_min", "team_max")


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
    series: pd.DataFrame, *, title: str, labels: TrendLabels,
    turning_point: pd.Timestamp | None = None, axis: dict[str, object] | None = None,
    forecast: pd.DataFrame | None = None,
) -> go.Figure:
    """Args:
        series: one metric of ``store.frames.employee_series`` (period, value, target,
            team_mean, team_min, team_max), any order.
        title: the chart title (the metric's name).
        labels: legend and axis texts.
        turning_point: the period where the level or slope changed (None: no marker).
        axis: the time axis's labels (``reports.periods.period_axis``; None: plotly's own).
        forecast: this metric's ``analytics.forecast`` rows (period, expected, low, high);
            None or empty: no forecast drawn.
    Returns:
        A figure: shaded team min-max band, dashed team mean, the employee's line, a dotted
        target line when the data has targets, and a red marker plus a vertical line at the
        turning point; a forecast as a dashed line from the last value with its interval band.

    Example:
        >>> s = pd.DataFrame({"period": pd.to_datetime(["2025-01-06", "2025-01-13"]),
        ...     "value": [1.0, 2.0], "target": None, "team_mean": [1.5, 1.5],
        ...     "team_min": [1.0, 1.0], "team_max": [2.0, 2.0]})
        >>> l = TrendLabels("me", "mean", "range", "target", "turn", "y")
        >>> [t.name for t in metric_trend(s, title="m", labels=l).data]
        ['range', 'range', 'mean', 'me']
    """
    missing = [c for c in _NEEDED if c not in series.columns]
    if missing:
        raise ValueError(f"series lacks column(s) {missing}")
    data = series.sort_values("period")
    x = data["period"]
    traces = [
        _line(x, data["team_max"], labels.team_range, width=0, legendgroup="band",
              showlegend=False, hoverinfo="skip"),
        _line(x, data["team_min"], labels.team_range, width=0, fill="tonexty",
              fillcolor=BAND_COLOR, legendgroup="band", hoverinfo="skip"),
        _line(x, data["team_mean"], labels.team_mean, color=MEAN_COLOR, dash="dash", width=1.5,
              hovertemplate="%{y:.1f}"),
        _line(x, data["value"], labels.employee, color=EMPLOYEE_COLOR, width=2.5,
              mode="lines+markers", marker={"size": 5}, hovertemplate="%{y:.1f}")]
    target = pd.to_numeric(data["target"], errors="coerce")
    if target.notna().any():
        traces.append(_line(x, target, labels.target, color=style.TARGET_COLOR, dash="dot",
                            width=1.5, shape="hv", hovertemplate="%{y:.1f}"))
    if forecast is not None and not forecast.empty:
        traces += _forecast(data, forecast.sort_values("period"), labels)
    shapes = []
    if turning_point is not None and not pd.isna(turning_point):
        shapes, marker = _mark_turn(data, pd.Timestamp(turning_point), labels.turning_point)
        traces += marker
    layout = {"yaxis": {"title": {"text": labels.axis}, "automargin": True},
              # upright: turned on their side the ticks ran under the legend ("Mar 2…")
              "xaxis": {"automargin": True, "tickangle": 0, **(axis or {})}, "shapes": shapes}
    return style.figure(traces, layout, title=title, height=340)


def _line(x: object, y: object, name: str, *, color: str | None = None, dash: str | None = None,
          width: float | None = None, shape: str | None = None, mode: str = "lines",
          **more: object) -> dict:
    """A scatter trace's dict; the line's own settings only when given."""
    line = {k: v for k, v in (("color", color), ("dash", dash), ("width", width),
                              ("shape", shape)) if v is not None}
    return {"type": "scatter", "x": _values(x), "y": _values(y), "mode": mode, "name": name,
            "line": line, **more}


def _values(column: object) -> object:
    """A column as a NumPy array: plotly inspects a pandas column through narwhals first, a
    third of building the figure."""
    return column.to_numpy() if isinstance(column, pd.Series) else column


def _mark_turn(data: pd.DataFrame, when: pd.Timestamp, label: str) -> tuple[list, list]:
    """([the dotted vertical line], [the red marker on the value, when there is one])."""
    at = data.loc[data["period"] == when, "value"]
    marker = [] if at.empty else [{
        "type": "scatter", "x": [when], "y": [float(at.iloc[0])], "mode": "markers",
        "name": label, "marker": {"color": TURN_COLOR, "size": 13, "symbol": "diamond"},
        "hovertemplate": f"{label} %{{x|%Y-%m-%d}}<extra></extra>"}]
    # A shape, not add_vline: add_vline's annotation cannot be placed on a date axis.
    line = {"type": "line", "x0": when, "x1": when, "y0": 0, "y1": 1, "yref": "paper",
            "line": {"color": TURN_COLOR, "dash": "dot", "width": 1}}
    return [line], marker


def _forecast(data: pd.DataFrame, ahead: pd.DataFrame, labels: TrendLabels) -> list[dict]:
    """Dashed expected values joined to the last actual value, over a band of the interval."""
    seen = data.dropna(subset=["value"])
    start = seen.tail(1)[["period", "value"]]
    x = pd.concat([start["period"], ahead["period"]])
    return [
        _line(ahead["period"], ahead["high"], labels.interval, width=0,
              legendgroup="forecast", showlegend=False, hoverinfo="skip"),
        _line(ahead["period"], ahead["low"], labels.interval, width=0, fill="tonexty",
              fillcolor=FORECAST_BAND, legendgroup="forecast", hoverinfo="skip"),
        _line(x, pd.concat([start["value"], ahead["expected"]]), labels.forecast,
              color=EMPLOYEE_COLOR, dash="dash", width=2, mode="lines+markers",
              marker={"size": 4}, hovertemplate="%{y:.1f}")]
