"""DuckDB 2.0 refuses ``con.sql()`` while an earlier ``execute()`` result is unfinished (a
``fetchone()`` leaves it so, and ``store.connect``'s schema check ends with one): the frames the
analyses read must work on a connection just opened, and after any single-row read."""

from __future__ import annotations

import pandas as pd
import pytest

import store
from store.frames import metric_frame
from store.impact import period_values


@pytest.mark.parametrize("read", [metric_frame, lambda con: period_values(
    con, start=pd.Timestamp("2025-01-01"), end=pd.Timestamp("2026-01-01"))])
def test_a_frame_right_after_connect_and_after_a_fetchone(tmp_path, demo_db, read):
    path = tmp_path / "demo.duckdb"
    path.write_bytes(demo_db.read_bytes())
    con = store.connect(path)
    try:
        rows = con.execute("SELECT count(*) FROM metric_values").fetchall()[0][0]
        con.close()
        con = store.connect(path)
        assert len(read(con)) > 0  # the first read on a fresh connection
        con.execute("SELECT count(*) FROM employees").fetchone()
        frame = read(con)
    finally:
        con.close()
    assert len(frame) <= rows
    assert frame["value"].notna().all()
