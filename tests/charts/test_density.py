"""The HR page's people counted in cells (charts/density.py): every person with a change in
exactly one cell, the counts those of a second count by hand, empty cells blank."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from charts.density import COLUMNS_MAX, ROWS, density, edges

FIT = pd.DataFrame({"x": [0.0, 5.0], "fit": [0.0, 1.0], "low": [-1.0, 0.0], "high": [1.0, 2.0]})


def _by_hand(people: pd.DataFrame) -> dict[tuple[int, int], int]:
    """(column, row) -> people, from the lowest and highest change and whole sessions."""
    data = people.dropna(subset=["change"])
    low, high = data["change"].min(), data["change"].max()
    step = max(1, math.ceil(data["sessions"].fillna(0).max() / COLUMNS_MAX))
    out: dict[tuple[int, int], int] = {}
    for sessions, change in zip(data["sessions"].fillna(0), data["change"], strict=True):
        row = min(int((change - low) / (high - low) * ROWS), ROWS - 1)
        cell = (int((sessions + 0.5) // step), row)
        out[cell] = out.get(cell, 0) + 1
    return out


@pytest.mark.parametrize("top", [6, 95])  # one column per count; a few counts per column
def test_every_person_counted_once_in_their_cell(top):
    rng = np.random.default_rng(7)
    people = pd.DataFrame({"employee_id": [f"E{i}" for i in range(3000)],
                           "sessions": rng.integers(0, top + 1, 3000).astype(float),
                           "change": rng.normal(0, 2, 3000)})
    people.loc[::50, "change"] = np.nan  # no change: not drawn
    people.loc[7, "sessions"] = np.nan  # no session: at 0
    fig = density(people, FIT, title="t", x_label="x", y_label="y", fit_label="f",
                  band_label="b", count_label="n")
    cells = fig.data[0]
    z = np.array(cells.z, dtype=float)
    assert np.nansum(z) == people["change"].notna().sum()
    assert not (z == 0).any()  # an empty cell is blank, not a pale zero
    counted = {(c, r): int(v) for r, row in enumerate(z) for c, v in enumerate(row)
               if not np.isnan(v)}
    assert counted == _by_hand(people)
    assert len(cells.x) <= COLUMNS_MAX + 1
    assert [t.name for t in fig.data[1:]] == [None, "b", "f"]  # the fit's band and line on top


def test_one_change_value_still_draws():
    people = pd.DataFrame({"employee_id": ["a", "b"], "sessions": [1.0, 2.0], "change": [0.5, 0.5]})
    across, down = edges(people)
    assert down[0] < 0.5 < down[-1]
    assert list(across) == [-0.5, 0.5, 1.5, 2.5]
    fig = density(people, pd.DataFrame(), title="t", x_label="x", y_label="y", fit_label="f",
                  band_label="b", count_label="n")
    assert np.nansum(np.array(fig.data[0].z, dtype=float)) == 2
