"""The prep page's trend charts (two a row) keep their period ticks upright and apart: monthly
ticks beside a forecast were turned on their side and ran under the legend ("Mar 2…")."""

import itertools
import json

import numpy as np
import pandas as pd
import pytest

from tests.views.conftest import db_from_rows
from tests.views.test_employee_page import open_prep

PLOT_PX = 330  # a half-width chart's plot area at 1440 px, measured on the screenshot


def label_px(text: str) -> float:
    """A tick label at 12 px: Latin about 6.5 px a character, Chinese 12."""
    return sum(12 if "\u2e80" <= ch <= "\u9fff" else 6.5 for ch in text)


@pytest.fixture
def monthly(tmp_path):
    """Six reps, ten months, a small count and a revenue in the hundred thousands."""
    months = pd.date_range("2017-03-01", periods=10, freq="MS")
    rng = np.random.default_rng(5)
    rows = pd.DataFrame([(f"P{i}", f"Rep {i}", m.strftime("%Y-%m-%d"), rng.integers(5, 30),
                          rng.integers(1_000, 120_000)) for i in range(6) for m in months],
                        columns=["id", "name", "date", "Deals won", "Revenue"])
    return db_from_rows(tmp_path / "crm.duckdb", rows, "deals.csv")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_trend_ticks_stand_upright_and_apart(monkeypatch, monthly, lang):
    at = open_prep(monkeypatch, monthly, "P0", lang)
    trends = [json.loads(c.proto.spec) for c in at.get("plotly_chart")
              if (c.key or "").startswith("emp_trend_")]
    assert len(trends) == 2
    for spec in trends:
        axis = spec["layout"]["xaxis"]
        assert axis["tickangle"] == 0
        xs = [pd.Timestamp(x) for tr in spec["data"] for x in tr.get("x", [])
              if isinstance(x, str)]
        span = (max(xs) - min(xs)).days
        ticks = [pd.Timestamp(v) for v in axis["tickvals"]]
        for (a, b), text in zip(itertools.pairwise(ticks), axis["ticktext"], strict=False):
            assert PLOT_PX * (b - a).days / span >= label_px(text) + 8, (text, axis["ticktext"])
