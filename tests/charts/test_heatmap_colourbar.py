"""The overview heatmap's colourbar: its title beside the bar, not on it."""

import pandas as pd
import pytest

from charts.heatmap import percentile_heatmap
from i18n import t
from tests.charts.specs import validated


def test_the_colourbar_title_sits_beside_a_horizontal_bar():
    c = pd.DataFrame({"employee_id": ["a", "b"], "name": ["A", "B"], "team": ["t", "t"],
                      "metric": ["m", "m"], "value": [5.0, 6.0], "team_mean": [5.5, 5.5],
                      "percentile": [0.0, 100.0]})
    bar = validated(percentile_heatmap(c, title="", value_label="v", team_label="t",
                                       percentile_label="Percentile")).data[0].colorbar
    assert bar.orientation == "h"
    # plotly leaves a top title of a horizontal bar no room: it was drawn over the bar
    assert bar.title.side != "top"


PHONE_PLOT_PX = 390 - 2 * 16 - 75  # a phone's width, the page's padding, the row names


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_colourbar_ticks_fit_a_phone(lang):
    title = t("mchart.percentile", lang)
    c = pd.DataFrame({"employee_id": ["a", "b"], "name": ["A", "B"], "team": ["t", "t"],
                      "metric": ["m", "m"], "value": [5.0, 6.0], "team_mean": [5.5, 5.5],
                      "percentile": [0.0, 100.0]})
    bar = validated(percentile_heatmap(c, title="", value_label="v", team_label="t",
                                       percentile_label=title)).data[0].colorbar
    # half the plot's width (len 0.5) was 30 px of bar on a phone: "0", "50" and "100" ran
    # into each other
    assert bar.lenmode == "pixels"
    assert list(bar.tickvals) == [0, 50, 100]
    title_px = sum(13 if ch >= "\u2e80" else 7 for ch in title)
    assert (bar.len - title_px) / (len(bar.tickvals) - 1) >= 3 * 7 + 40  # "100" and a gap
    assert bar.len <= PHONE_PLOT_PX


@pytest.mark.parametrize("metrics", [["周工单量", "客户满意度", "平均处理时长", "首次解决率"],
                                     ["AHT", "CSAT", "FCR", "Tickets"]])
def test_the_title_sits_above_names_a_phone_slants(metrics):
    c = pd.DataFrame({"employee_id": "a", "name": "A", "team": "t", "metric": metrics,
                      "value": 5.0, "team_mean": 5.0, "percentile": 50.0})
    layout = validated(percentile_heatmap(c, title="Percentile in the team (green = good)",
                                          value_label="v", team_label="t",
                                          percentile_label="p")).layout
    # in the middle of the margin, plotly's own slant of the names on a phone (30°) ran into it
    assert (layout.title.yref, layout.title.y, layout.title.yanchor) == ("container", 1, "top")
    rise = max(sum(13 if ch >= "\u2e80" else 7 for ch in m) for m in metrics) / 2 + 13
    assert layout.margin.t - layout.title.pad.t - 20 >= rise  # 20: the title's line
