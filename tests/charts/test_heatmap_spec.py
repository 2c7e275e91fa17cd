"""The heatmap's spec draws what the same heatmap built with plotly drew (before
charts.style.spec), and is valid as it is sent."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import pytest

from charts import style
from charts.heatmap import (
    COLORSCALE,
    _cells,
    _column_room,
    _labels,
    _lines,
    colorbar,
    hover_names,
    percentile_heatmap,
    row_labels,
    team_blocks,
)
from tests.charts.specs import meaning, validated


def _reference(comparison, *, title, value_label, team_label, percentile_label) -> go.Figure:
    """The heatmap as plotly built it, step by step."""
    order = comparison.sort_values(["team", "name", "employee_id"], na_position="last")
    labels = row_labels(order)
    ids = list(dict.fromkeys(order["employee_id"]))
    metrics = sorted(comparison["metric"].unique())

    def grid(column):
        wide = comparison.pivot_table(index="employee_id", columns="metric", values=column,
                                      aggfunc="first", dropna=False)
        return wide.reindex(index=ids, columns=metrics).to_numpy(dtype=float)

    z, value, mean = grid("percentile"), grid("value"), grid("team_mean")
    teams = order.drop_duplicates("employee_id").set_index("employee_id")["team"]
    team = np.repeat(teams.reindex(ids).astype(str).to_numpy()[:, None], len(metrics), axis=1)
    who = np.repeat(hover_names(order).reindex(ids).to_numpy()[:, None], len(metrics), axis=1)
    fig = go.Figure(go.Heatmap(
        z=z, x=metrics, y=[labels[i] for i in ids], zmin=0, zmax=100, colorscale=COLORSCALE,
        customdata=_cells(value, mean, team, who), xgap=2, ygap=2,
        colorbar=colorbar(percentile_label),
        hovertemplate=(f"%{{customdata[3]}} (%{{customdata[2]}})<br>%{{x}}<br>{value_label} "
                       f"%{{customdata[0]:.1f}} · {team_label} %{{customdata[1]:.1f}}<br>"
                       f"{percentile_label} %{{z:.0f}}<extra></extra>")))
    blocks = team_blocks(teams.reindex(ids).astype(str).tolist())
    fig.update_yaxes(autorange="reversed", automargin=True, type="category")
    fig.update_xaxes(side="top", automargin=True, type="category",
                     tickangle=-45 if _column_room(metrics) else None)
    fig.update_layout(shapes=_lines(blocks), annotations=_labels(blocks))
    room = _column_room(metrics)
    style.apply(fig, title=title, height=max(260, 150 + 24 * len(ids)) + room)
    widest = max((len(t) for t, _, _ in blocks), default=0)
    fig.update_layout(hovermode="closest", margin={"t": (90 if title else 60) + room, "b": 60,
                                                   "r": min(220, 24 + 8 * widest)})
    if title:
        fig.update_layout(title={"y": 1, "yref": "container", "yanchor": "top", "pad": {"t": 10}})
    return fig


def _comparison(people: int, metrics: list[str], seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = [(f"E{i:03d}", None if i % 7 == 3 else ("<b>Ann</b>" if i == 1 else f"名{i % 5}"),
             f"T{i % 3}<x>" if i % 2 else f"团队{i % 3}", m, rng.normal(50, 9), rng.normal(50, 3),
             None if rng.random() < 0.1 else float(rng.integers(0, 101)))
            for i in range(people) for m in metrics if rng.random() > 0.05]
    return pd.DataFrame(rows, columns=["employee_id", "name", "team", "metric", "value",
                                       "team_mean", "percentile"])


@pytest.mark.parametrize(("people", "metrics"), [
    (1, ["CSAT"]), (12, ["AHT", "CSAT", "FCR"]),
    (40, ["Speed of answer in seconds", "平均处理时长", "客户满意度"])])
@pytest.mark.parametrize("title", ["", "团队内百分位（绿色 = 好）"])
def test_spec_draws_what_plotly_drew(people, metrics, title):
    comparison = _comparison(people, metrics, seed=people)
    texts = {"title": title, "value_label": "值", "team_label": "团队均值",
             "percentile_label": "Percentile"}
    spec = percentile_heatmap(comparison, **texts)
    sent = json.loads(pio.to_json(spec, validate=False))
    assert sent == json.loads(pio.to_json(validated(spec), validate=False))  # valid as it is
    assert meaning(sent) == meaning(json.loads(pio.to_json(_reference(comparison, **texts))))
