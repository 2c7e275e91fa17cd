"""Employees x metrics heatmap of the direction-aware percentile in the team (green = good)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from charts import style

# Red (bottom of the team) through pale yellow to green (top), whatever the metric's direction.
COLORSCALE = [[0.0, "#dc2626"], [0.5, "#fef3c7"], [1.0, "#059669"]]
_NEEDED = ("employee_id", "name", "team", "metric", "value", "team_mean", "percentile")


def row_labels(frame: pd.DataFrame) -> pd.Series:
    """"name (team)" per employee; the id is added where a name is missing or not unique."""
    people = frame.drop_duplicates("employee_id").set_index("employee_id")
    names = people["name"].where(people["name"].notna(), people.index.to_series())
    clash = names.duplicated(keep=False)
    names = names.where(~clash, names + " · " + people.index.to_series())
    return names.astype(str)


def _cells(*grids: np.ndarray) -> np.ndarray:
    # Object cells keep numbers numbers beside the team's name (np.dstack would make all text).
    out = np.empty((*grids[0].shape, len(grids)), dtype=object)
    for i, grid in enumerate(grids):
        out[:, :, i] = grid
    return out


def percentile_heatmap(
    comparison: pd.DataFrame, *, title: str, value_label: str, team_label: str,
    percentile_label: str,
) -> go.Figure:
    """Args:
        comparison: ``analytics.compare.compare`` output (one row per employee and metric).
        title, value_label, team_label, percentile_label: texts in the viewer's language.
    Returns:
        A heatmap, one row per employee (grouped by team, then name) and one column per metric;
        the colour is the percentile (100 = best), the hover shows the raw value and team mean.

    Example:
        >>> c = pd.DataFrame({"employee_id": ["a"], "name": ["A"], "team": ["t"], "metric": ["m"],
        ...     "value": [5.0], "team_mean": [5.0], "percentile": [50.0]})
        >>> percentile_heatmap(c, title="", value_label="v", team_label="t",
        ...     percentile_label="p").data[0].z.tolist()
        [[50.0]]
    """
    missing = [c for c in _NEEDED if c not in comparison.columns]
    if missing:
        raise ValueError(f"comparison lacks column(s) {missing}")
    order = comparison.sort_values(["team", "name", "employee_id"], na_position="last")
    labels = row_labels(order)
    ids = list(dict.fromkeys(order["employee_id"]))
    metrics = sorted(comparison["metric"].unique())

    def grid(column: str) -> np.ndarray:
        wide = comparison.pivot_table(index="employee_id", columns="metric", values=column,
                                      aggfunc="first", dropna=False)
        return wide.reindex(index=ids, columns=metrics).to_numpy(dtype=float)

    z, value, mean = grid("percentile"), grid("value"), grid("team_mean")
    teams = order.drop_duplicates("employee_id").set_index("employee_id")["team"]
    team = np.repeat(teams.reindex(ids).astype(str).to_numpy()[:, None], len(metrics), axis=1)
    fig = go.Figure(go.Heatmap(
        z=z, x=metrics, y=[labels[i] for i in ids], zmin=0, zmax=100, colorscale=COLORSCALE,
        customdata=_cells(value, mean, team), xgap=2, ygap=2,
        colorbar={"title": {"text": percentile_label, "side": "right"}, "thickness": 12},
        hovertemplate=(f"%{{y}} (%{{customdata[2]}})<br>%{{x}}<br>{value_label} "
                       f"%{{customdata[0]:.1f}} · {team_label} %{{customdata[1]:.1f}}<br>"
                       f"{percentile_label} %{{z:.0f}}<extra></extra>"),
    ))
    # A thin line between teams (rows are grouped by team).
    team_of = teams.reindex(ids).astype(str).tolist()
    for row in range(1, len(ids)):
        if team_of[row] != team_of[row - 1]:
            fig.add_hline(y=row - 0.5, line_color="#1f2937", line_width=2)
    fig.update_yaxes(autorange="reversed", automargin=True, type="category")
    fig.update_xaxes(side="top", automargin=True, type="category")
    style.apply(fig, title=title, height=max(260, 70 + 24 * len(ids)))
    fig.update_layout(hovermode="closest", margin={"t": 90 if title else 60, "b": 20})
    return fig
