"""Team trend: a line per team, or one team and the mean of all teams (weighted by head count)."""

import pandas as pd

from charts.trend import team_trend

ROWS = pd.DataFrame({
    "team": ["a", "a", "b", "b"], "metric": "m",
    "period": pd.to_datetime(["2025-07-07", "2025-07-14"] * 2),
    "mean": [10.0, 20.0, 40.0, 50.0], "n": [3, 3, 1, 1], "target": [None] * 4,
})


def draw(**kw):
    return team_trend(ROWS, metric="m", title="T", target_label="target", better_label="higher",
                      **kw)


def test_a_line_per_team():
    assert [tr.name for tr in draw().data] == ["a", "b"]


def test_one_team_and_the_weighted_mean_of_all():
    fig = draw(team="b", overall_label="all")
    assert [tr.name for tr in fig.data] == ["b", "all"]
    # (10 * 3 + 40 * 1) / 4 and (20 * 3 + 50 * 1) / 4, by hand
    assert list(fig.data[1].y) == [17.5, 27.5]
    assert list(fig.data[1].customdata[:, 0]) == [4, 4]
