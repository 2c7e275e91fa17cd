"""What a board cell says (reports.board_cells): the number shown agrees with the colour
``analytics.board`` decided, the symbol and the arrow carry the status and the trend."""

import doctest
from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import pandas as pd
import pytest

from analytics import board as rules
from reports import board_cells as cells

WEEKS = pd.date_range("2025-01-06", periods=6, freq="W-MON")


def _series(attainments, group="A", metric="m"):
    return pd.DataFrame({"group": group, "label": group, "team": group, "metric": metric,
                         "period_no": range(1, len(attainments) + 1),
                         "period": WEEKS[:len(attainments)], "actual": 1.0, "target": 1.0,
                         "attainment": attainments})


@pytest.mark.parametrize(("share", "text"), [
    (0.7994, "79.9%"), (0.7996, "80.0%"), (0.9658, "96.6%"), (0.96575, "96.6%"),
    (0.29, "29.0%"), (0.99999, "100.0%"), (1.0, "100.0%"), (np.nan, ""),
])
def test_percent_is_rounded_and_agrees_with_the_colour(share, text):
    assert cells.percent(share) == text
    # Recomputed with Decimal: round half up to one decimal of a percent.
    if not np.isnan(share):
        expected = Decimal(str(share * 100)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        assert text == f"{expected}%"
    colour = rules.status(pd.Series([share])).iloc[0]
    shown = float(text.rstrip("%")) / 100 if text else np.nan
    assert colour == rules.status(pd.Series([shown])).iloc[0]


def test_cell_text_carries_symbol_arrow_and_number():
    table = rules.board(_series([0.9, 0.97]))
    assert cells.cell_text(table.iloc[0]) == "! ▲ 97.0%"
    grey = rules.board(_series([0.9, np.nan])).iloc[0]
    assert cells.cell_text(grey, no_target="无目标") == "○ 无目标"


def test_pivot():
    rows = rules.board(pd.concat([_series([0.7]), _series([np.nan], metric="n"),
                                  _series([1.1], group="B")]))
    texts, colours = cells.pivot(rows)
    assert texts.loc["A", "m"] == "✗ 70.0%"
    assert texts.loc["B", "n"] == ""
    assert colours.loc["A", "n"] == "grey"


def test_doctests():
    assert doctest.testmod(cells).failed == 0
