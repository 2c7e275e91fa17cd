"""The employee page's team band gives away no colleague's value.

At the smallest band (``MIN_BAND`` colleagues) every number shown is a mean of three colleagues'
values, never one of them; the employee's own value is not in it (knowing it would let them
subtract it); and no sum or difference of the three numbers isolates one colleague, for any team
size: each colleague's value is outside the linear span of the published numbers.
"""

from __future__ import annotations

import numpy as np
import pytest

from store import me
from store.access import Viewer
from store.scope import scoped
from store.users import add_user

ME = Viewer("e001@example.com", "employee", "E001")
COLLEAGUES = [f"E{i:03d}" for i in range(2, 2 + me.MIN_BAND)]


@pytest.fixture
def smallest(demo_con):
    """E001 and exactly MIN_BAND colleagues in one team, every value distinct and random."""
    demo_con.execute("UPDATE employees SET team = 'Smallest' WHERE employee_id IN "
                     "(SELECT unnest(?))", [["E001", *COLLEAGUES]])
    rng = np.random.default_rng(21)
    keys = demo_con.execute("SELECT employee_id, metric, period FROM metric_values WHERE "
                            "employee_id IN (SELECT unnest(?))", [["E001", *COLLEAGUES]]).fetchall()
    demo_con.executemany(
        "UPDATE metric_values SET value = ? WHERE employee_id = ? AND metric = ? AND period = ?",
        [[float(v), *key] for v, key in zip(rng.uniform(50, 90, len(keys)).round(3), keys,
                                            strict=True)])
    add_user(demo_con, ME.email, role="employee", employee_id="E001")
    return demo_con


def _cells(con, people: list[str]) -> dict[tuple, list[float]]:
    rows = con.execute("SELECT metric, period::TIMESTAMP, value FROM metric_values "
                       "WHERE employee_id IN (SELECT unnest(?))", [people]).fetchall()
    out: dict[tuple, list[float]] = {}
    for metric, period, value in rows:
        out.setdefault((metric, period), []).append(value)
    return out


def _exposed(numbers: list[float], values: list[float]) -> list[float]:
    return [v for v in values if any(abs(v - x) < 1e-9 for x in numbers)]


def test_at_the_minimum_no_band_number_is_a_colleagues_value(smallest):
    band = me.band(scoped(smallest, ME), "E001")
    colleagues, mine = _cells(smallest, COLLEAGUES), _cells(smallest, ["E001"])
    assert len(band) == len(colleagues) > 0
    assert set(band["n"]) == {me.MIN_BAND}
    for row in band.itertuples():
        shown = [row.q1, row.median, row.q3]
        values = colleagues[(row.metric, row.period.to_pydatetime())]
        assert _exposed(shown, values) == []
        assert _exposed(shown, mine[(row.metric, row.period.to_pydatetime())]) == []
        # The detector has teeth: plain quartiles of the same 5 values are 3 of them.
        assert len(_exposed(list(np.percentile(values, [25, 50, 75])), values)) == 3


def test_the_employees_own_value_does_not_move_the_band(smallest):
    before = me.band(scoped(smallest, ME), "E001")
    smallest.execute("UPDATE metric_values SET value = value * 3 + 1 WHERE employee_id = 'E001'")
    after = me.band(scoped(smallest, ME), "E001")
    assert before.equals(after)


def _weights(n: int) -> np.ndarray:
    """The band's three numbers as weights on the n sorted colleague values (the documented
    rule: the mean of the three values around position p (n - 1))."""
    rows = np.zeros((3, n))
    for i, p in enumerate((0.25, 0.5, 0.75)):
        start = min(max(int(np.floor(p * (n - 1) + 0.5)) - 1, 0), n - 3)
        rows[i, start:start + 3] = 1 / 3
    return rows


@pytest.mark.parametrize("n", range(me.MIN_BAND, 41))
def test_no_combination_of_the_band_isolates_one_colleague(n):
    weights = _weights(n)
    rank = np.linalg.matrix_rank(weights)
    for k in range(n):
        single = np.eye(n)[k]
        assert np.linalg.matrix_rank(np.vstack([weights, single])) == rank + 1, k


def test_the_rule_is_the_one_the_store_applies(smallest):
    """One cell by hand with the weights above against the store's SQL."""
    band = me.band(scoped(smallest, ME), "E001").iloc[0]
    values = sorted(_cells(smallest, COLLEAGUES)[(band["metric"], band["period"].to_pydatetime())])
    assert _weights(len(values)) @ np.asarray(values) == pytest.approx(
        [band["q1"], band["median"], band["q3"]])
