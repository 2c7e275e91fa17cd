"""One person's trend of one metric against their team's anonymous band (quartiles, median)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from charts import style


def my_trend(series: pd.DataFrame, band: pd.DataFrame, *, metric: str, labels: dict[str, str],
             title: str) -> go.Figure:
    """Args:
        series: ``store.me.values`` (metric, period, value, target).
        band: ``store.me.band`` (metric, period, q1, median, q3, n); may be empty.
        labels: texts in the viewer's language: ``me``, ``band``, ``median``, ``target``, ``axis``.
    Returns:
        The shaded middle half of the team (q1 to q3), its dotted median, the person's line and,
        when known, the dashed target.
    """
    mine = series[series["metric"] == metric].sort_values("period")
    team = band[band["metric"] == metric].sort_values("period")
    fig = go.Figure()
    if not team.empty:
        fig.add_trace(go.Scatter(x=team["period"], y=team["q3"], mode="lines", showlegend=False,
                                 line={"width": 0}, hoverinfo="skip"))
        fig.add_trace(go.Scatter(
            x=team["period"], y=team["q1"], mode="lines", fill="tonexty", line={"width": 0},
            fillcolor="rgba(107,114,128,0.18)", name=labels["band"], customdata=team[["q3", "n"]],
            hovertemplate="%{y:.1f}–%{customdata[0]:.1f} (n=%{customdata[1]})<extra></extra>"))
        fig.add_trace(go.Scatter(x=team["period"], y=team["median"], mode="lines",
                                 name=labels["median"], line={"dash": "dot", "color": "#6b7280"},
                                 hovertemplate="%{y:.1f}<extra></extra>"))
    fig.add_trace(go.Scatter(x=mine["period"], y=mine["value"], mode="lines+markers",
                             name=labels["me"], line={"color": style.PALETTE[0]},
                             hovertemplate="%{y:.1f}<extra></extra>"))
    target = mine["target"].dropna()
    if not target.empty:
        fig.add_hline(y=float(target.iloc[-1]), line_dash="dash", line_color=style.TARGET_COLOR,
                      annotation_text=f"{labels['target']} {target.iloc[-1]:g}",
                      annotation_position="top left")
    fig.update_yaxes(title_text=labels["axis"])
    return style.plain_figure(style.apply(fig, title=title))
