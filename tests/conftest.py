"""Fixtures for every test folder: the demo workspace, built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

import store


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> Path:
    """The demo database, built once per session; tests that write use a copy of it."""
    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    con = store.connect(path)
    store.load_demo(con)
    con.close()
    return path
