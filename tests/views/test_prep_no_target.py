"""The prep page's target table for a metric without a target (a CRM export has none) says
so in every cell: "0" periods in a row under a target it does not have read as a fact."""

import json

import pandas as pd
import pytest

import store
from i18n import t
from tests.views.test_employee_page import open_prep
from tests.views.test_prep_trend_ticks import monthly  # noqa: F401  (fixture)


def target_table(at, lang):
    grid = next(d for d in at.dataframe if "under_streak" in d.value.columns)
    labels = {k: c.get("label") for k, c in json.loads(grid.proto.columns).items()}
    assert labels["under_streak"].startswith(t("numbers.col.streak", lang, ratio="")[:4])
    return grid.value


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_target_no_streak(monkeypatch, monthly, lang):  # noqa: F811
    at = open_prep(monkeypatch, monthly, "P0", lang)
    table = target_table(at, lang)
    assert len(table) == 2
    assert (table["target"] == "–").all()
    assert (table["under_streak"] == "–").all()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_with_targets_the_streak_is_counted(monkeypatch, demo_copy, lang):
    con = store.connect(demo_copy)
    targets = con.execute("SELECT DISTINCT metric FROM metric_values WHERE target IS NOT NULL "
                          "AND employee_id = 'E017'").df()["metric"]
    con.close()
    at = open_prep(monkeypatch, demo_copy, "E017", lang)
    table = target_table(at, lang).set_index("metric")
    assert set(targets) <= set(table.index)
    shown = table.loc[list(targets), "under_streak"]
    assert shown.map(lambda s: s.isdigit()).all()
    assert pd.to_numeric(shown).ge(0).all()
