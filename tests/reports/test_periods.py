"""One period formatter for pages, charts and the brief, and words by the data's grain."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import pytest

import store
from charts.employee import TrendLabels, metric_trend
from i18n import t
from reports.board import board_view
from reports.board_export import board_caption
from reports.periods import HALF_WIDTH_TICKS, MAX_TICKS, grain_units, period_axis, period_label


@pytest.mark.parametrize(
    ("day", "grain", "en", "zh"),
    [
        ("2024-04-01", "quarter", "2024 Q2", "2024年第2季度"),
        ("2024-10-01", "quarter", "2024 Q4", "2024年第4季度"),
        ("2024-01-01", "month", "Jan 2024", "2024年1月"),
        ("2024-12-01", "month", "Dec 2024", "2024年12月"),
        ("2024-12-30", "week", "week of 30 Dec", "12月30日当周"),
        ("2024-01-01", "year", "2024", "2024年"),
        ("2024-01-17", "day", "2024-01-17", "2024-01-17"),
    ],
)
def test_period_label(day, grain, en, zh):
    assert period_label(pd.Timestamp(day), grain, "en") == en
    assert period_label(pd.Timestamp(day), grain, "zh") == zh


def test_week_label_with_its_year():
    assert period_label(pd.Timestamp("2024-12-30"), "week", "en", year=True) == \
        "week of 30 Dec 2024"


@pytest.mark.parametrize(("grain", "en"), [("week", "weeks"), ("month", "months"),
                                          ("quarter", "quarters"), ("year", "years"),
                                          ("day", "periods")])
def test_grain_units(grain, en):
    assert grain_units(grain, "en") == en
    assert "周" not in grain_units(grain, "zh") or grain == "week"


@pytest.mark.parametrize(
    ("periods", "ticks", "hover"),
    [
        (pd.date_range("2023-01-01", periods=6, freq="QS"),
         ["2023 Q1", "2023 Q2", "2023 Q3", "2023 Q4", "2024 Q1", "2024 Q2"], "%Y Q%q"),
        (pd.date_range("2024-01-01", periods=3, freq="MS"), ["Jan 2024", "Feb 2024", "Mar 2024"],
         "%b %Y"),
    ],
)
def test_period_axis_labels_every_period(periods, ticks, hover):
    axis = period_axis(list(periods) * 2, "en")  # repeated periods (many people) count once
    assert axis["ticktext"] == ticks
    assert list(axis["tickvals"]) == list(periods)
    assert axis["hoverformat"] == hover


def test_a_long_axis_is_thinned_evenly():
    weeks = pd.date_range("2024-01-01", periods=52, freq="W-MON")
    axis = period_axis(weeks, "en")
    step = -(-52 // MAX_TICKS)
    assert list(axis["tickvals"]) == list(weeks[::step])
    assert len(axis["tickvals"]) <= MAX_TICKS
    assert axis["ticktext"][0] == "1 Jan"


@pytest.mark.parametrize(("lang", "fmt", "hover"), [
    ("en", lambda d: f"{d.day} {d.strftime('%b')}", "week of %-d %b %Y"),
    ("zh", lambda d: f"{d.month}月{d.day}日", "%Y年%-m月%-d日当周"),
])
@pytest.mark.parametrize("n", [4, 26, 53])
def test_prep_trend_week_ticks_are_short_and_few(lang, fmt, hover, n):
    # The prep's half-width charts turned "week of 29 Dec" on its side and cut it ("week …")
    # under the legend: a tick names the week's first day, the hover says "week of".
    weeks = pd.date_range("2025-07-07", periods=n, freq="W-MON")
    labels = TrendLabels("me", "mean", "range", "target", "turn", "higher")
    series = pd.DataFrame({"period": weeks, "value": 1.0, "target": None, "team_mean": 1.0,
                           "team_min": 0.0, "team_max": 2.0})
    fig = go.Figure(metric_trend(series, title="m", labels=labels,
                                 axis=period_axis(weeks, lang, max_ticks=HALF_WIDTH_TICKS)))
    shown = [pd.Timestamp(v) for v in fig.layout.xaxis.tickvals]
    assert 0 < len(shown) <= HALF_WIDTH_TICKS
    assert shown == list(weeks[::-(-n // HALF_WIDTH_TICKS)])
    assert list(fig.layout.xaxis.ticktext) == [fmt(d) for d in shown]
    assert max(len(text) for text in fig.layout.xaxis.ticktext) <= 6
    assert fig.layout.xaxis.hoverformat == hover


def test_board_caption_says_the_quarter_and_quarters(tmp_path):
    con = store.connect(tmp_path / "q.duckdb")
    quarters = pd.date_range("2023-01-01", periods=6, freq="QS")
    text = "工号,年度,季度,得分,目标\n" + "".join(
        f"E{p},{q.year},{q.quarter},{70 + p},80\n" for p in range(4) for q in quarters)
    assert store.import_bytes(con, text.encode("gbk"), "q.csv").status == "loaded"
    view = board_view(con, rolling=True)
    latest = quarters[-1]
    assert view.period == latest
    assert board_caption(view, "en") == t(
        "board.caption", "en", period=f"{latest.year} Q{latest.quarter}",
        window=t("board.window.rolling", "en", n=view.window, units="quarters"))
    assert "2024年第2季度" in board_caption(view, "zh")
    assert "个季度" in board_caption(view, "zh")
