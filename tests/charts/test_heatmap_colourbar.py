"""The overview heatmap's colourbar: its title beside the bar, not on it."""

import pandas as pd

from charts.heatmap import percentile_heatmap
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
