"""Team trend of one metric: a line per team, the target as a dashed line."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from charts import style


def team_trend(
    rows: pd.DataFrame, *, metric: str, title: str, target_label: str, better_label: str,
    team: str | None = None, overall_label: str = "", axis: dict[str, object] | None = None,
) -> go.Figure:
    """Args:
        rows: ``store.team_trend`` output (team, period, metric, mean, n, target).
        metric: which metric to draw.
        title, target_label, better_label, overall_label: texts in the viewer's language.
        team: draw only this team and, dotted grey, the mean of all teams (``overall_label``):
            hundreds of team lines are not readable.
        axis: the time axis's labels (``reports.periods.period_axis``; None: plotly's own).
    Returns:
        A figure with one line per team (or the one team and the mean of all teams) and, when
        known, a dashed target line.
    """
    data = rows[rows["metric"] == metric].sort_values(["team", "period"])
    fig = go.Figure()
    shown = data if team is None else data.loc[data["team"].astype(str) == team]
    for team_name, part in shown.groupby("team", sort=True):
        fig.add_trace(
            go.Scatter(
                x=part["period"], y=part["mean"], mode="lines+markers", name=str(team_name),
                customdata=part[["n"]], marker={"size": 5},
                hovertemplate="%{y:.1f} (n=%{customdata[0]})<extra>%{fullData.name}</extra>",
            )
        )
    if team is not None:
        fig.add_trace(_overall(data, overall_label))
    target = data["target"].dropna()
    if not target.empty and not math.isnan(target.median()):
        fig.add_hline(
            y=float(target.median()), line_dash="dash", line_color=style.TARGET_COLOR,
            annotation_text=f"{target_label} {target.median():g}", annotation_position="top left",
        )
    fig.update_yaxes(title_text=f"{metric} ({better_label})")
    return style.apply(style.period_axis(fig, axis), title=title)


def _overall(data: pd.DataFrame, label: str) -> go.Scatter:
    # Every team's mean weighted by its head count: the mean over all people of each period.
    sums = (data.assign(total=data["mean"] * data["n"])
            .groupby("period", sort=True)[["total", "n"]].sum())
    return go.Scatter(
        x=sums.index, y=sums["total"] / sums["n"], mode="lines", name=label,
        customdata=sums[["n"]], line={"color": style.TARGET_COLOR, "dash": "dot", "width": 2},
        hovertemplate="%{y:.1f} (n=%{customdata[0]})<extra>%{fullData.name}</extra>")
