"""Team trend of one metric: a line per team, the target as a dashed line."""

from __future__ import annotations

import math

import pandas as pd

from charts import style


def team_trend(
    rows: pd.DataFrame, *, metric: str, title: str, target_label: str, better_label: str,
    team: str | None = None, overall_label: str = "", axis: dict[str, object] | None = None,
) -> dict:
    """Args:
        rows: ``store.team_trend`` output (team, period, metric, mean, n, target); not changed.
        metric: which metric to draw.
        title, target_label, better_label, overall_label: texts in the viewer's language.
        team: draw only this team and, dotted grey, the mean of all teams (``overall_label``):
            hundreds of team lines are not readable.
        axis: the time axis's labels (``reports.periods.period_axis``; None: plotly's own).
    Returns:
        A figure's spec (``charts.style.spec``) with one line per team (or the one team and
        the mean of all teams) and, when known, a dashed target line.
    """
    # The metric's rows first, then only the lines drawn sorted: sorting every row and building
    # a go.Figure trace by trace was 50-100 ms for one team at 5,000 people.
    data = rows.loc[rows["metric"] == metric]
    shown = data if team is None else data.loc[data["team"].astype(str) == team]
    traces = [{"type": "scatter", "x": style.dates(part["period"]),
               "y": style.numbers(part["mean"]), "mode": "lines+markers", "name": str(name),
               "customdata": part[["n"]].to_numpy().tolist(), "marker": {"size": 5},
               "hovertemplate": "%{y:.1f} (n=%{customdata[0]})<extra>%{fullData.name}</extra>"}
              for name, part in shown.sort_values(["team", "period"]).groupby("team", sort=True)]
    if team is not None:
        traces.append(_overall(data, overall_label))
    layout = {"yaxis": {"title": {"text": f"{metric} ({better_label})"}}}
    target = data["target"].dropna()
    if not target.empty and not math.isnan(target.median()):
        layout |= _target_line(float(target.median()), f"{target_label} {target.median():g}")
    if axis:
        layout["xaxis"] = {**axis, "tickvals": style.dates(axis["tickvals"])} \
            if "tickvals" in axis else axis
    return style.spec(traces, layout, title=title)


def _target_line(y: float, text: str) -> dict:
    """The dashed target across the plot, named at its top left (as plotly's ``add_hline``)."""
    return {"shapes": [{"type": "line", "x0": 0, "x1": 1, "xref": "x domain", "y0": y, "y1": y,
                        "yref": "y", "line": {"color": style.TARGET_COLOR, "dash": "dash"}}],
            "annotations": [{"text": text, "showarrow": False, "x": 0, "xanchor": "left",
                             "xref": "x domain", "y": y, "yanchor": "bottom", "yref": "y"}]}


def _overall(data: pd.DataFrame, label: str) -> dict:
    # Every team's mean weighted by its head count: the mean over all people of each period.
    sums = (data.assign(total=data["mean"] * data["n"])
            .groupby("period", sort=True)[["total", "n"]].sum())
    return {"type": "scatter", "x": style.dates(sums.index), "name": label, "mode": "lines",
            "y": style.numbers(sums["total"] / sums["n"]),
            "customdata": sums[["n"]].to_numpy().tolist(),
            "line": {"color": style.TARGET_COLOR, "dash": "dot", "width": 2},
            "hovertemplate": "%{y:.1f} (n=%{customdata[0]})<extra>%{fullData.name}</extra>"}
