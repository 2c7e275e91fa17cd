"""The overview of a file without teams (a CRM or call-log export): the heatmap says it ranks
everyone together, not "in the team"; with teams (the demo) it still says "in the team"."""

import numpy as np
import pandas as pd
import pytest

from i18n import t
from reports.metric_names import metric_label
from tests.views.conftest import db_from_rows, make_app
from tests.views.test_overview_page import chart


@pytest.fixture
def no_teams(tmp_path):
    """Eight people, two metrics, ten months, no team column."""
    months = pd.date_range("2017-03-01", periods=10, freq="MS")
    rng = np.random.default_rng(7)
    rows = pd.DataFrame([(f"P{i}", f"Rep {i}", m.strftime("%Y-%m-%d"), rng.integers(5, 30),
                          rng.integers(1_000, 9_000)) for i in range(8) for m in months],
                        columns=["id", "name", "date", "Deals won", "Revenue"])
    return db_from_rows(tmp_path / "crm.duckdb", rows, "deals.csv")


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(("db", "title", "hint"), [
    ("no_teams", "team.heatmap_title_all", "team.heatmap_hint_all"),
    ("demo_copy", "team.heatmap_title", "team.heatmap_hint"),
])
def test_the_heatmap_says_who_it_ranks_together(monkeypatch, request, lang, db, title, hint):
    path = request.getfixturevalue(db)
    at = make_app(monkeypatch, path, lang=lang)
    heat = chart(at, "ov_heatmap")
    assert heat["layout"]["title"]["text"] == t(title, lang)
    assert t(hint, lang) in [c.value for c in at.caption]
    trend = chart(at, "ov_trend")["layout"]["title"]["text"]  # the trend already said so
    assert (trend == t("overview.trend_title_all", lang, metric=metric_label("Deals won", lang))) == (db == "no_teams")
