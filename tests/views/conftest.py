"""AppTest fixtures: the real app on a real DuckDB file, empty, with demo data, or one person."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import store

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 60


def make_app(monkeypatch, db: Path | str, page: str | None = None, lang: str = "en") -> AppTest:
    monkeypatch.setenv("COACHBOARD_DB", str(db))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    at.session_state["lang"] = lang
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


@pytest.fixture
def empty_db(tmp_path) -> Path:
    return tmp_path / "empty.duckdb"


@pytest.fixture
def demo_copy(tmp_path, demo_db) -> Path:
    target = tmp_path / "demo.duckdb"
    target.write_bytes(demo_db.read_bytes())
    return target


@pytest.fixture
def pg_demo(pg_cluster) -> str:
    """The demo workspace in a PostgreSQL database of its own (tests/pgserver.py)."""
    url = pg_cluster.database("demo")
    yield url
    pg_cluster.drop(url)


@pytest.fixture
def one_person_db(tmp_path) -> Path:
    """One employee, one metric, two periods: the smallest workspace that is not empty."""
    path = tmp_path / "one.duckdb"
    con = store.connect(path)
    raw = "工号,姓名,部门,日期,客户满意度\n00123,NA,售后一组,2025/7/7,88\n00123,NA,售后一组,2025/7/14,90\n"
    result = store.import_bytes(con, raw.encode("gbk"), "one.csv")
    assert result.status == "loaded", result.as_json()
    con.close()
    return path


def db_from_rows(path: Path, rows, name: str = "rows.csv") -> Path:
    """A fresh database holding ``rows`` (a DataFrame) imported as one CSV file; asserts it loaded."""
    con = store.connect(path)
    result = store.import_bytes(con, rows.to_csv(index=False).encode(), name)
    assert result.status == "loaded", result.as_json()
    con.close()
    return path
