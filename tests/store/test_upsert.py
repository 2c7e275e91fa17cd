"""Versioned upsert and undo against a real DuckDB file."""

import contextlib

import duckdb
import pandas as pd
import pytest

from store.db import connect
from store.dialect import conflicts, duplicates
from store.upsert import claim, undo, upsert


@pytest.fixture
def con(fresh_db):
    c = connect(fresh_db)
    yield c
    c.close()


def values(con) -> dict:
    rows = con.execute(
        "SELECT employee_id, metric, value, import_id FROM metric_values ORDER BY 1, 2, 3, 4"
    ).fetchall()
    return {(e, m): (v, i) for e, m, v, i in rows}


def mv(*rows) -> pd.DataFrame:
    return pd.DataFrame(
        [{"employee_id": e, "period": pd.Timestamp("2025-07-07"), "metric": m, "value": v,
          "target": None} for e, m, v in rows]
    ).astype({"target": "float64"})


def test_upsert_counts_only_changes(con):
    assert upsert(con, "metric_values", mv(("E1", "CSAT", 80.0), ("E2", "CSAT", 90.0)), 1) == 2
    assert upsert(con, "metric_values", mv(("E1", "CSAT", 80.0), ("E2", "CSAT", 91.0)), 2) == 1
    assert values(con) == {("E1", "CSAT"): (80.0, 1), ("E2", "CSAT"): (91.0, 2)}
    assert con.execute("SELECT value, superseded_by FROM metric_values_history").fetchall() == [
        (90.0, 2)
    ]


def test_undo_restores_what_was_replaced(con):
    upsert(con, "metric_values", mv(("E1", "CSAT", 80.0)), 1)
    upsert(con, "metric_values", mv(("E1", "CSAT", 85.0), ("E3", "CSAT", 70.0)), 2)
    undo(con, "metric_values", 2)
    assert values(con) == {("E1", "CSAT"): (80.0, 1)}
    assert con.execute("SELECT count(*) FROM metric_values_history").fetchone()[0] == 0


@pytest.mark.parametrize(
    ("undo_order", "expected"),
    [
        # undo the middle import: the last stays, and now replaced the first's row
        ([2], {("E1", "CSAT"): (3.0, 3)}),
        ([2, 3], {("E1", "CSAT"): (1.0, 1)}),
        ([3, 2], {("E1", "CSAT"): (1.0, 1)}),
        ([3], {("E1", "CSAT"): (2.0, 2)}),
        ([1, 2, 3], {}),
        ([3, 1], {("E1", "CSAT"): (2.0, 2)}),
    ],
)
def test_undo_in_any_order_keeps_the_chain(con, undo_order, expected):
    for i, v in enumerate([1.0, 2.0, 3.0], start=1):
        upsert(con, "metric_values", mv(("E1", "CSAT", v)), i)
    for i in undo_order:
        undo(con, "metric_values", i)
    assert values(con) == expected


def test_partial_columns_keep_stored_values(con):
    roster = pd.DataFrame({"employee_id": ["E1"], "name": ["王芳"], "team": ["A"],
                           "hire_date": [pd.Timestamp("2024-01-02")]})
    upsert(con, "employees", roster, 1)
    # a metrics file names the team but knows nothing of the hire date
    upsert(con, "employees", pd.DataFrame({"employee_id": ["E1"], "team": ["B"]}), 2)
    row = con.execute("SELECT name, team, hire_date::TEXT FROM employees").fetchone()
    assert row == ("王芳", "B", "2024-01-02")
    undo(con, "employees", 2)
    assert con.execute("SELECT team FROM employees").fetchone() == ("A",)


def test_unknown_table_is_refused(con):
    with pytest.raises(ValueError, match="unknown table"):
        upsert(con, "imports", pd.DataFrame({"x": [1]}), 1)


# DuckDB keeps metric_values without its primary key (store.schema.UNKEYED_IN_DUCKDB): what the
# key refused, the upsert and the write generation (store.upsert.claim) refuse there; on
# PostgreSQL the key still does. Same outcome on both backends.
@pytest.mark.parametrize("stored", [(), (("E1", "CSAT", 1.0),), (("E2", "CSAT", 1.0),)],
                         ids=["new keys", "another key stored", "the same key stored"])
def test_rows_naming_one_key_twice_are_refused_and_nothing_is_written(con, stored):
    if stored:
        upsert(con, "metric_values", mv(*stored), 1)
    before = values(con)
    con.execute("BEGIN TRANSACTION")
    with pytest.raises(duplicates()):
        upsert(con, "metric_values", mv(("E2", "CSAT", 80.0), ("E2", "CSAT", 81.0)), 2)
    con.execute("ROLLBACK")
    assert values(con) == before
    assert con.execute("SELECT count(*) FROM metric_values_history").fetchone()[0] == 0


@pytest.mark.parametrize("a_commits", ["before b writes", "before b commits"])
def test_the_later_of_two_overlapping_writes_of_a_new_key_fails_and_stores_nothing(
        con, backend, a_commits):
    if backend == "postgresql" and a_commits == "before b commits":
        pytest.skip("PostgreSQL makes the later write wait for the open one (10 s lock timeout)")
    a, b = con.cursor(), con.cursor()
    b.execute("BEGIN TRANSACTION")
    b.execute("SELECT count(*) FROM metric_values").fetchall()  # b's snapshot: before a's row
    a.execute("BEGIN TRANSACTION")
    upsert(a, "metric_values", mv(("E1", "CSAT", 80.0)), 1)
    claim(a, ["metric_values"])
    if a_commits == "before b writes":
        a.execute("COMMIT")

    def b_writes() -> None:
        upsert(b, "metric_values", mv(("E1", "CSAT", 81.0)), 2)
        claim(b, ["metric_values"])
        if a_commits == "before b commits":
            a.execute("COMMIT")
        b.execute("COMMIT")

    with pytest.raises(conflicts()):
        b_writes()
    with contextlib.suppress(duckdb.TransactionException):  # a failed COMMIT ended it
        b.execute("ROLLBACK")
    assert values(con) == {("E1", "CSAT"): (80.0, 1)}
    # the next write, on the new state, goes through
    b.execute("BEGIN TRANSACTION")
    assert upsert(b, "metric_values", mv(("E1", "CSAT", 81.0)), 2) == 1
    claim(b, ["metric_values"])
    b.execute("COMMIT")
    assert values(con) == {("E1", "CSAT"): (81.0, 2)}
