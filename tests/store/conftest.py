"""Shared store fixtures: a private copy of the demo workspace per test."""

from __future__ import annotations

import duckdb
import pytest

import store


@pytest.fixture
def demo_con(demo_target) -> duckdb.DuckDBPyConnection:
    """A connection to this test's own copy of the demo database, on each backend
    (tests/conftest.py)."""
    con = store.connect(demo_target)
    yield con
    con.close()
