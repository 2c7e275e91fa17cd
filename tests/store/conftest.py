"""Shared store fixtures: a private copy of the demo workspace per test."""

from __future__ import annotations

import duckdb
import pytest

import store


@pytest.fixture
def demo_con(tmp_path, demo_db) -> duckdb.DuckDBPyConnection:
    """A connection to this test's own copy of the demo database (tests/conftest.py)."""
    target = tmp_path / "demo.duckdb"
    target.write_bytes(demo_db.read_bytes())
    con = store.connect(target)
    yield con
    con.close()
