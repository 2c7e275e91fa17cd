"""store.frames.metric_frame against a real DuckDB file: joins, defaults, as-of, order, dtypes."""

from __future__ import annotations

import pandas as pd
import pytest

from store.db import connect
from store.frames import metric_frame

TEXT = ("employee_id", "name", "team", "metric", "direction", "category")


@pytest.fixture
def con(fresh_db):
    c = connect(fresh_db)
    c.execute("INSERT INTO employees VALUES ('E2', 'Bo', 'B', 'M', 'agent', NULL, false, 0), "
              "('E1', 'Ann', 'A', 'M', 'agent', NULL, false, 0)")
    c.execute("INSERT INTO metric_catalog VALUES ('AHT', 'lower', 'efficiency', 'min', 7.0, "
              "false)")
    # Inserted out of order; E3 is not on the roster, FCR not in the catalog.
    c.execute("INSERT INTO metric_values (employee_id, period, metric, value, target, import_id) "
              "VALUES "
              "('E2', '2025-01-13', 'AHT', 6.0, NULL, 0), ('E1', '2025-01-13', 'AHT', 8.0, 9.0, 0),"
              "('E1', '2025-01-06', 'AHT', 7.5, NULL, 0), ('E1', '2025-01-06', 'FCR', 70.0, NULL, 0),"
              "('E3', '2025-01-06', 'AHT', 5.0, NULL, 0)")
    yield c
    c.close()


def test_rows_joined_ordered_and_defaulted(con):
    out = metric_frame(con).astype({"period": str}).astype(object)
    got = [tuple(None if pd.isna(x) else x for x in row)
           for row in out.itertuples(index=False, name=None)]
    assert got == [
        ("E1", "Ann", "A", "2025-01-06", "AHT", 7.5, 7.0, "lower", "efficiency", None, None),
        ("E1", "Ann", "A", "2025-01-13", "AHT", 8.0, 9.0, "lower", "efficiency", None, None),
        ("E1", "Ann", "A", "2025-01-06", "FCR", 70.0, None, "higher", "other", None, None),
        ("E2", "Bo", "B", "2025-01-13", "AHT", 6.0, 7.0, "lower", "efficiency", None, None),
        ("E3", None, None, "2025-01-06", "AHT", 5.0, 7.0, "lower", "efficiency", None, None),
    ]


@pytest.mark.parametrize(
    ("as_of", "rows"),
    [(None, 5), ("2025-01-06", 3), (pd.Timestamp("2025-01-12"), 3), ("2025-01-13", 5),
     ("2024-12-30", 0)],
)
def test_as_of_cuts_the_rows(con, as_of, rows):
    assert len(metric_frame(con, as_of=as_of)) == rows


@pytest.mark.parametrize("as_of", [None, "2024-12-30"])
def test_dtypes_text_is_categorical(con, as_of):
    out = metric_frame(con, as_of=as_of)
    assert list(out.columns) == ["employee_id", "name", "team", "period", "metric", "value",
                                 "target", "direction", "category", "n_events", "partial"]
    assert all(isinstance(out[c].dtype, pd.CategoricalDtype) for c in TEXT)
    assert pd.api.types.is_datetime64_any_dtype(out["period"])
    assert out[["value", "target"]].dtypes.tolist() == ["float64", "float64"]
