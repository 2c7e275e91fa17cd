"""Team trend of one metric: a line per team, the target as a dashed line."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from charts import style


def team_trend(
    rows: pd.DataFrame, *, metric: str, title: str, target_label: str, better_label: str
) -> go.Figure:
    """Args:
        rows: ``store.team_trend`` output (team, period, metric, mean, n, target).
        metric: which metric to draw.
        title, target_label, better_label: texts in the viewer's language.
    Returns:
        A figure with one line per team and, when known, a dashed target line.
    """
    data = rows[rows["metric"] == metric].sort_values(["team", "period"])
    fig = go.Figure()
    for team, part in data.groupby("team", sort=True):
        fig.add_trace(
            go.Scatter(
                x=part["period"], y=part["mean"], mode="lines+markers", name=str(team),
                customdata=part[["n"]], marker={"size": 5},
                hovertemplate="%{y:.1f} (n=%{customdata[0]})<extra>%{fullData.name}</extra>",
            )
        )
    target = data["target"].dropna()
    if not target.empty and not math.isnan(target.median()):
        fig.add_hline(
            y=float(target.median()), line_dash="dash", line_color=style.TARGET_COLOR,
            annotation_text=f"{target_label} {target.median():g}", annotation_position="top left",
        )
    fig.update_yaxes(title_text=f"{metric} ({better_label})")
    return style.apply(fig, title=title)
