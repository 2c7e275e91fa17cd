"""Two spellings of one name in an event log (``Ann`` and `` ＡＮＮ``) are one person."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import store
from ingest.people import normalise_name
from tests.ingest import event_log

# How a later row of each agent is typed: other case, full-width forms, stray spaces.
RESPELL = {"Ann": ["ann", "ＡＮＮ ", " ANN"], "Bob": ["bob", "ＢＯＢ"], "Dee": ["DEE"]}


def respelled(truth: pd.DataFrame) -> pd.DataFrame:
    """Every agent's first call as on the roster, later calls in turn in other spellings."""
    out = truth.copy()
    for agent, spellings in RESPELL.items():
        rows = out.index[out["agent"] == agent][1:]
        out.loc[rows, "agent"] = [([agent, *spellings])[i % (len(spellings) + 1)]
                                  for i in range(len(rows))]
    return out


@pytest.mark.parametrize("grain", ["week", "month"])
def test_spellings_of_one_name_aggregate_as_one_person(tmp_path, grain):
    truth = event_log.calls()
    typed = respelled(truth)
    # the spellings really differ in the file, and really share one normalised form
    assert typed["agent"].nunique() > truth["agent"].nunique()
    assert typed["agent"].map(normalise_name).nunique() == truth["agent"].nunique()
    con = store.connect(tmp_path / "c.duckdb")
    result = store.import_bytes(con, event_log.csv_bytes(typed), "calls.csv", grain=grain,
                               include_partial=True)
    assert result.status == "loaded", result.as_json()
    want = event_log.expected(truth, grain, True).sort_index()  # from the true agents
    got = con.execute("SELECT e.name AS employee_id, period::TIMESTAMP AS period, metric, value,"
                      " n_events FROM metric_values JOIN employees e USING (employee_id)").df()
    got = got.set_index(["employee_id", "period", "metric"]).sort_index()
    assert got.index.tolist() == want.index.tolist()
    np.testing.assert_allclose(got["value"].to_numpy(float), want["value"].to_numpy(float))
    assert got["n_events"].tolist() == want["n_events"].tolist()
    assert sorted(r[0] for r in con.execute("SELECT name FROM employees").fetchall()) == \
        sorted(event_log.AGENTS)
