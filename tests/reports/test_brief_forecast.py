"""The printable brief draws each metric's forecast and its interval, as the prep page's trend
does: checked against forecasts computed a second way, for the whole company."""

from __future__ import annotations

import re
from dataclasses import replace

import numpy as np
import pandas as pd
import pytest

from analytics.forecast import forecasts
from analytics.volume import usable
from charts.svg import trend_chart
from reports.brief import brief_html
from reports.employee import employee_prep
from reports.team import thresholds
from store.frames import metric_frame
from tests.reports.test_brief import prep as hostile_prep

PERSON = "E003"


def _points(svg: str, css: str) -> np.ndarray:
    found = re.search(rf'class="{css}" points="([^"]+)"', svg)
    assert found, css
    return np.array([[float(v) for v in p.split(",")] for p in found.group(1).split()])


def _charts(html: str) -> dict[str, str]:
    """metric title -> its <svg> in the brief's trends section."""
    svgs = re.findall(r"<svg xmlns=.*?</svg>", html, flags=re.S)
    titles = [re.search(r'font-weight="bold">([^<]*)</text>', s) for s in svgs]
    return {t.group(1): s for t, s in zip(titles, svgs, strict=True) if t}


@pytest.fixture(scope="module")
def company(module_demo_con):
    limits = thresholds(module_demo_con)
    ahead = forecasts(usable(metric_frame(module_demo_con), limits.min_events), horizon=4,
                      min_periods=limits.forecast_min_periods, interval=limits.forecast_interval)
    return module_demo_con, ahead


@pytest.mark.parametrize(("lang", "legend"), [("en", "Forecast 80% interval"),
                                              ("zh", "预测 80% 区间")])
def test_every_metric_chart_draws_the_forecast_and_its_interval(company, lang, legend):
    con, ahead = company
    html = brief_html(employee_prep(con, PERSON, lang=lang))
    assert legend in html
    mine = ahead.loc[ahead["employee_id"] == PERSON].assign(metric=lambda f: f["metric"].astype(str))
    charts = _charts(html)
    assert set(mine["metric"]) <= set(charts)
    assert len(mine["metric"].unique()) == 4
    for metric, rows in mine.groupby("metric"):
        svg, rows = charts[metric], rows.sort_values("h")
        line, band = _points(svg, "forecast"), _points(svg, "forecast-band")
        h = len(rows)
        assert (len(line), len(band)) == (1 + h, 1 + 2 * h)
        assert (np.diff(line[:, 0]) > 0).all()  # on to the right of the last value
        high, low = band[1:1 + h, 1], band[1 + h:, 1][::-1]
        # The y axis is one affine map, so the expected value sits between the interval's ends
        # in the same proportion as in the numbers (scale-free, rounding to 0.1 px).
        shown = (line[1:, 1] - high) / (low - high)
        wanted = ((rows["expected"] - rows["high"]) / (rows["low"] - rows["high"])).to_numpy()
        assert shown == pytest.approx(wanted, abs=0.03)


def test_without_six_periods_there_is_no_forecast_and_no_legend_for_it():
    prep = hostile_prep()
    short = replace(prep, forecast=prep.forecast.iloc[0:0])
    html = brief_html(short)
    assert 'class="forecast' not in html
    assert "Forecast" not in html
    assert 'class="forecast"' in brief_html(prep)


def test_a_forecast_outside_the_history_widens_the_axes():
    periods = pd.date_range("2025-01-06", periods=8, freq="W-MON")
    series = pd.DataFrame({"period": periods, "value": np.linspace(10, 17, 8)})
    ahead = pd.DataFrame({"period": pd.date_range("2025-03-03", periods=2, freq="W-MON"),
                          "expected": [18.0, 19.0], "low": [15.0, 14.0], "high": [21.0, 40.0]})
    svg = trend_chart(series, title="x", forecast=ahead)
    assert ">40<" in svg  # the top of the y axis is the interval's high end
    assert ">2025-03-10<" in svg  # the x axis runs to the last forecast period
