"""``cli.py board``: one row per (group, metric) as CSV or JSON, on the demo database."""

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import store

ROOT = Path(__file__).resolve().parents[1]
COLUMNS = ["group", "label", "metric", "period", "attainment", "status", "previous_status",
           "red_streak", "red_people"]


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "cli.py"), *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=120, check=False)


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("cli_board") / "demo.duckdb"
    con = store.connect(path)
    store.load_demo(con)
    con.close()
    return str(path)


def test_csv_by_team(demo):
    done = cli("board", "--db", demo)
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert list(rows[0]) == COLUMNS
    assert len(rows) == 12  # 3 teams x 4 metrics
    assert {r["period"] for r in rows} == {"2025-12-29"}
    assert {r["status"] for r in rows} <= {"red", "amber", "green", "grey"}
    vip = {r["metric"]: r for r in rows if r["group"] == "VIP组"}
    assert vip["平均处理时长"]["status"] == "amber"  # 8.0 / 8.4625 = 0.945
    assert float(vip["平均处理时长"]["attainment"]) == pytest.approx(8.0 / 8.4625, abs=1e-4)


def red_people_by_hand(db: str, group: str) -> dict[tuple[str, str], int]:
    """People under 80% of target at the last period, per (team or manager, metric), counted
    from the raw rows with pandas: attainment = value / target, target / value when lower is
    better, the catalog's default target when the row has none."""
    con = store.connect(db)
    rows = con.execute("SELECT v.*, e.team, e.manager_id, c.direction, c.default_target "
                       "FROM metric_values v JOIN employees e USING (employee_id) "
                       "LEFT JOIN metric_catalog c USING (metric)").df()
    con.close()
    rows = rows[rows["period"] == rows["period"].max()]
    target = rows["target"].fillna(rows["default_target"])
    share = (target / rows["value"]).where(rows["direction"] == "lower", rows["value"] / target)
    red = rows[share.round(9) < 0.8]
    return red.groupby([group, "metric"]).size().to_dict()


@pytest.mark.parametrize(("by", "column"), [("team", "team"), ("manager", "manager_id")])
def test_each_cell_counts_its_red_people(demo, by, column):
    """A green team can hide a person red for five periods."""
    rows = json.loads(cli("board", "--db", demo, "--by", by, "--format", "json").stdout)
    got = {(r["group"], r["metric"]): r["red_people"] for r in rows if r["red_people"]}
    assert got == red_people_by_hand(demo, column)
    assert any(r["status"] == "green" and r["red_people"] for r in rows)


def test_json_by_manager_as_of(demo):
    done = cli("board", "--db", demo, "--by", "manager", "--format", "json", "--as-of", "2025-10-01")
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert {r["group"] for r in rows} == {"M01", "M02", "M03"}
    assert {r["period"] for r in rows} == {"2025-09-29"}
    assert all(isinstance(r["red_streak"], int) for r in rows)


def test_empty_database_and_bad_date(tmp_path):
    db = str(tmp_path / "e.duckdb")
    done = cli("board", "--db", db)
    assert done.returncode == 0
    assert done.stdout.strip() == ",".join(COLUMNS)
    bad = cli("board", "--db", db, "--as-of", "someday")
    assert bad.returncode == 2
    assert "not a date" in bad.stderr
