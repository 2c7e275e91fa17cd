"""Shared store fixtures: the demo workspace built once per session, a private copy per test."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

import store


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory) -> Path:
    """The demo database, built once; tests write only to copies (``demo_con``)."""
    path = tmp_path_factory.mktemp("store-demo") / "demo.duckdb"
    con = store.connect(path)
    store.load_demo(con)
    con.close()
    return path


@pytest.fixture
def demo_con(tmp_path, demo_file) -> duckdb.DuckDBPyConnection:
    """A connection to this test's own copy of the demo database."""
    target = tmp_path / "demo.duckdb"
    target.write_bytes(demo_file.read_bytes())
    con = store.connect(target)
    yield con
    con.close()
