"""SQL metacharacters in ids, names, teams and metric names are data, never SQL.

Every path that hands such a value to the store (the team and metric boxes, ``?id=`` in the
URL, the drill-down, the coaching log) runs; afterwards every table is still there and every
value reads back exactly as imported.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import store
from reports import followup
from reports.board import board_view, drill
from reports.employee import employee_prep
from store import coaching_log
from store.frames import employee_series
from tests.hostile.conftest import SQL, build
from tests.views.conftest import make_app

IDS = [f"{p}{i}" for i, p in enumerate(SQL)]  # unique ids that still hold the payloads
NAMES = SQL
TABLES = {"employees", "metric_values", "coaching_sessions", "imports", "metric_catalog"}


@pytest.fixture(scope="module")
def sql_db(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("sql") / "sql.duckdb", NAMES, teams=SQL[:3],
                 metrics=SQL, notes=SQL, ids=IDS)


@pytest.fixture
def sql_copy(tmp_path, sql_db) -> Path:
    target = tmp_path / "sql.duckdb"
    target.write_bytes(sql_db.read_bytes())
    return target


def assert_intact(path: Path) -> None:
    """Every table is there and the values read back exactly."""
    con = store.connect(path)
    try:
        tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables")
                  .fetchall()}
        assert tables >= TABLES
        people = con.execute("SELECT employee_id, name, team FROM employees ORDER BY name")
        assert sorted(people.fetchall()) == sorted(
            (i, n, SQL[k % 3]) for k, (i, n) in enumerate(zip(IDS, NAMES, strict=True)))
        metrics = {r[0] for r in con.execute("SELECT DISTINCT metric FROM metric_values")
                   .fetchall()}
        assert metrics == {*SQL, "CSAT"}
        notes = {r[0] for r in con.execute("SELECT notes FROM coaching_sessions").fetchall()}
        assert notes == set(SQL)
    finally:
        con.close()


def test_import_round_trips(sql_db):
    assert_intact(sql_db)


@pytest.mark.parametrize(("employee_id", "name"), list(zip(IDS, NAMES, strict=True)))
def test_store_paths_by_employee(sql_copy, employee_id, name):
    con = store.connect(sql_copy)
    prep = employee_prep(con, employee_id)
    assert prep is not None
    assert prep.name == name
    series = employee_series(con, employee_id)
    assert set(series["metric"]) == {*SQL, "CSAT"}
    sessions = coaching_log.sessions(con, employee_id=employee_id)
    assert sessions["employee_id"].tolist() == [employee_id]
    record = followup.followup_record(con, employee_id=employee_id)
    assert record["employee"].tolist() == [f"{name} ({employee_id})"]
    con.close()
    assert_intact(sql_copy)


@pytest.mark.parametrize(("team", "metric"), [(SQL[i % 3], m) for i, m in enumerate(SQL)])
def test_board_filters(sql_copy, team, metric):
    con = store.connect(sql_copy)
    rows = drill(con, team=team, metric=metric)
    assert len(rows) >= 1  # every team has people with every metric
    view = board_view(con, by="employee", team=team, with_flags=False)
    assert set(view.board["metric"]) == {*SQL, "CSAT"}
    con.close()
    assert_intact(sql_copy)


@pytest.mark.parametrize(("employee_id", "name"), list(zip(IDS, NAMES, strict=True)))
def test_employee_link(monkeypatch, sql_copy, employee_id, name):
    at = make_app(monkeypatch, sql_copy)
    at.query_params["id"] = employee_id
    at.switch_page("views/employee.py").run()
    assert not at.exception, at.exception
    assert at.selectbox(key="emp_pick").value == employee_id
    assert not at.warning, [w.value for w in at.warning]  # the id was found, not refused
    assert_intact(sql_copy)


@pytest.mark.parametrize("team", SQL[:3])
def test_board_and_overview_boxes(monkeypatch, sql_copy, team):
    at = make_app(monkeypatch, sql_copy, page="views/board.py")
    for metric in SQL:
        at.selectbox(key="board_drill_team").set_value(team)
        at.selectbox(key="board_drill_metric").set_value(metric).run()
        assert not at.exception, at.exception
        assert not at.error, [e.value for e in at.error]
    at.switch_page("views/overview.py").run()
    for metric in SQL:
        at.selectbox(key="ov_metric").set_value(metric).run()
        assert not at.exception, at.exception
    assert_intact(sql_copy)
