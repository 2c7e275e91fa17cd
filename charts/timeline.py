"""One person's timeline: sessions and actions as markers above the metric curves, one time axis.

A manager sees what happened after each talk: every session is also a dotted vertical line
through every metric panel.
"""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from charts import style

STATUS_COLORS = {"open": "#d97706", "done": "#059669", "dropped": "#9ca3af"}
SESSION_COLOR = "#2563eb"
MAX_METRICS = 4


def _safe(values) -> list[str]:
    """User text in hover labels: escaped (Plotly renders a few HTML tags) and shortened."""
    out = []
    for v in values:
        text = "" if v is None or (isinstance(v, float) and pd.isna(v)) else str(v)
        out.append(html.escape(text if len(text) <= 80 else text[:79] + "…"))
    return out


def _events(fig: go.Figure, sessions: pd.DataFrame, actions: pd.DataFrame, labels: dict) -> None:
    if not sessions.empty:
        formal = sessions["session_type"].eq("formal")
        fig.add_trace(go.Scatter(
            x=pd.to_datetime(sessions["session_date"]), y=[labels["sessions"]] * len(sessions),
            mode="markers", name=labels["sessions"],
            marker={"size": 12, "color": SESSION_COLOR, "symbol": [
                "diamond" if f else "circle-open" for f in formal]},
            # The type in the viewer's words (never the code 'formal'), the coach by name.
            text=[f"{labels.get(f'type.{t}', t)} {m} {c}<br>{n}" for t, m, c, n in zip(
                _safe(sessions["session_type"]), _safe(sessions["model"]),
                _safe(sessions.get("coach_name", pd.Series("", index=sessions.index))),
                _safe(sessions["notes"]), strict=True)],
            hovertemplate="%{x|%Y-%m-%d} %{text}<extra></extra>"), row=1, col=1)
    dated = actions.loc[actions["deadline"].notna()] if not actions.empty else actions
    for status, part in (dated.groupby("status") if not dated.empty else []):
        fig.add_trace(go.Scatter(
            x=pd.to_datetime(part["deadline"]), y=[labels["actions"]] * len(part),
            mode="markers", name=labels.get(f"status.{status}", status),
            marker={"size": 11, "symbol": "square", "color": STATUS_COLORS.get(status, "#4b5563")},
            text=_safe(part["action"]),
            hovertemplate="%{x|%Y-%m-%d} %{text}<extra>%{fullData.name}</extra>"), row=1, col=1)


def _metric(fig: go.Figure, data: pd.DataFrame, row: int, labels: dict, first: bool) -> None:
    fig.add_trace(go.Scatter(
        x=data["period"], y=data["value"], mode="lines+markers", name=labels["value"],
        legendgroup="value", showlegend=first, line={"color": style.PALETTE[0]},
        marker={"size": 4}, hovertemplate="%{y:.2f}<extra></extra>"), row=row, col=1)
    if data["team_mean"].notna().any():
        fig.add_trace(go.Scatter(
            x=data["period"], y=data["team_mean"], mode="lines", name=labels["team"],
            legendgroup="team", showlegend=first,
            line={"color": style.TARGET_COLOR, "dash": "dot"},
            hovertemplate="%{y:.2f}<extra></extra>"), row=row, col=1)
    target = data["target"].dropna()
    if not target.empty:
        fig.add_hline(y=float(target.median()), line_dash="dash", line_color="#dc2626",
                      line_width=1, row=row, col=1)


def employee_timeline(
    series: pd.DataFrame,
    sessions: pd.DataFrame,
    actions: pd.DataFrame,
    *,
    labels: dict[str, str],
    metrics: list[str] | None = None,
    title: str | None = None,
    axis: dict[str, object] | None = None,
) -> go.Figure:
    """Args:
        series: ``store.frames.employee_series`` (metric, period, value, target, team_mean).
        sessions: ``session_date``, ``session_type``, ``model``, ``notes``.
        actions: ``deadline``, ``status``, ``action``.
        labels: texts in the viewer's language: ``sessions``, ``actions``, ``value``, ``team``
            and optionally ``status.<status>``.
        metrics: which metric panels (default: the first four by name).
        axis: settings of the shared time axis in the viewer's language (tick and hover date
            formats): plotly's own month names are English.
    Returns:
        A figure: an events row on top, then one panel per metric, sharing the time axis.

    Example:
        >>> fig = employee_timeline(series, sessions, actions, labels=LABELS)  # doctest: +SKIP
    """
    for key in ("sessions", "actions", "value", "team"):
        if key not in labels:
            raise ValueError(f"labels needs {key!r}")
    names = metrics if metrics is not None else sorted(series["metric"].unique())[:MAX_METRICS]
    names = list(names)[:MAX_METRICS]
    fig = make_subplots(rows=len(names) + 1, cols=1, shared_xaxes=True, vertical_spacing=0.06,
                        row_heights=[0.6] + [1.0] * len(names),
                        subplot_titles=["", *names])
    _events(fig, sessions, actions, labels)
    for i, name in enumerate(names):
        _metric(fig, series.loc[series["metric"] == name], i + 2, labels, first=i == 0)
    for day in pd.to_datetime(sessions["session_date"]).unique() if not sessions.empty else []:
        fig.add_vline(x=pd.Timestamp(day).to_pydatetime(), line_dash="dot", line_width=1,
                      line_color=SESSION_COLOR, opacity=0.35, row="all", col=1)
    fig.update_yaxes(row=1, col=1, type="category",
                     categoryarray=[labels["actions"], labels["sessions"]], automargin=True)
    fig = style.apply(fig, title=title, height=180 + 190 * max(len(names), 1))
    fig.update_layout(hovermode="closest", legend={"y": -40 / fig.layout.height})
    if axis:
        fig.update_xaxes(**axis)
    return fig
