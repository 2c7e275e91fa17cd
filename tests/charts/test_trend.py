"""Team trend: a line per team, or one team and the mean of all teams (weighted by head count)."""

import json
import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import pytest

from charts import style
from charts.trend import team_trend
from reports.periods import period_axis
from tests.charts.specs import meaning, validated

ROWS = pd.DataFrame({
    "team": ["a", "a", "b", "b"], "metric": "m",
    "period": pd.to_datetime(["2025-07-07", "2025-07-14"] * 2),
    "mean": [10.0, 20.0, 40.0, 50.0], "n": [3, 3, 1, 1], "target": [None] * 4,
})


def draw(**kw):
    return validated(team_trend(ROWS, metric="m", title="T", target_label="target",
                                better_label="higher", **kw))


def test_a_line_per_team():
    assert [tr.name for tr in draw().data] == ["a", "b"]


def test_one_team_and_the_weighted_mean_of_all():
    fig = draw(team="b", overall_label="all")
    assert [tr.name for tr in fig.data] == ["b", "all"]
    # (10 * 3 + 40 * 1) / 4 and (20 * 3 + 50 * 1) / 4, by hand
    assert meaning(fig.data[1].y) == [17.5, 27.5]
    assert [row[0] for row in fig.data[1].customdata] == [4, 4]


def _reference(rows, *, metric, title, target_label, better_label, team=None, overall_label="",
               axis=None) -> go.Figure:
    """The chart as it was built trace by trace with plotly (before charts.style.spec)."""
    data = rows[rows["metric"] == metric].sort_values(["team", "period"])
    fig = go.Figure()
    shown = data if team is None else data.loc[data["team"].astype(str) == team]
    for name, part in shown.groupby("team", sort=True):
        fig.add_trace(go.Scatter(
            x=part["period"], y=part["mean"], mode="lines+markers", name=str(name),
            customdata=part[["n"]], marker={"size": 5},
            hovertemplate="%{y:.1f} (n=%{customdata[0]})<extra>%{fullData.name}</extra>"))
    if team is not None:
        sums = (data.assign(total=data["mean"] * data["n"])
                .groupby("period", sort=True)[["total", "n"]].sum())
        fig.add_trace(go.Scatter(
            x=sums.index, y=sums["total"] / sums["n"], mode="lines", name=overall_label,
            customdata=sums[["n"]], line={"color": style.TARGET_COLOR, "dash": "dot", "width": 2},
            hovertemplate="%{y:.1f} (n=%{customdata[0]})<extra>%{fullData.name}</extra>"))
    target = data["target"].dropna()
    if not target.empty and not math.isnan(target.median()):
        fig.add_hline(y=float(target.median()), line_dash="dash", line_color=style.TARGET_COLOR,
                      annotation_text=f"{target_label} {target.median():g}",
                      annotation_position="top left")
    fig.update_yaxes(title_text=f"{metric} ({better_label})")
    return style.apply(style.period_axis(fig, axis), title=title)


def _company(teams: int, weeks: int) -> pd.DataFrame:
    rng = np.random.default_rng(teams)
    periods = pd.date_range("2025-01-06", periods=weeks, freq="W-MON")
    rows = [(f"T{t:02d}", p, m, rng.normal(50, 10), int(rng.integers(1, 20)), target)
            for m, target in (("CSAT", 80.0), ("AHT", None)) for t in range(teams)
            for p in periods if rng.random() > 0.1]  # some teams skip some weeks
    return pd.DataFrame(rows, columns=["team", "period", "metric", "mean", "n", "target"])


@pytest.mark.parametrize("metric", ["CSAT", "AHT"])
@pytest.mark.parametrize("team", [None, "T03"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_spec_draws_what_plotly_drew(metric, team, lang):
    rows = _company(teams=6, weeks=20)
    before = rows.copy()
    kw = {"metric": metric, "title": f"<b>{metric}</b> 趋势", "target_label": "目标",
          "better_label": "higher", "team": team, "overall_label": "all",
          "axis": period_axis(rows.loc[rows["metric"] == metric, "period"].unique(), lang)}
    spec = team_trend(rows, **kw)
    sent = json.loads(pio.to_json(spec, validate=False))
    assert sent == json.loads(pio.to_json(validated(spec), validate=False))  # valid as it is
    assert meaning(sent) == meaning(json.loads(pio.to_json(_reference(rows, **kw))))
    pd.testing.assert_frame_equal(rows, before)  # the cached rows are shared: never changed
