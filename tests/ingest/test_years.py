"""Periods written without a year: which lack one, the year proposed, the cells filled in; a
long file's ``月份 = 1月`` asks for the year (CLI exit 2 naming --year) and stores it when given."""

from __future__ import annotations

import json
from datetime import date

import duckdb
import pandas as pd
import pytest

import store
from ingest.model import RawTable
from ingest.plan import SheetPlan
from ingest.propose import Hints, plan_for
from ingest.read import read_sheets
from ingest.years import guess_year, needs_year, with_year
from store.plan_import import import_plan
from tests.test_cli import cli


@pytest.mark.parametrize(("texts", "today", "roll", "want"), [
    (["1月", "2月", "3月"], date(2026, 12, 5), True, 2026),
    (["1月", "2月", "12月"], date(2026, 11, 5), True, 2025),  # Dec 2026 has not begun
    (["Nov", "Dec", "Jan"], date(2026, 1, 15), True, 2025),  # rolls into 2026
    (["Nov", "Dec", "Jan"], date(2026, 1, 15), False, 2025),  # Nov 2026 has not begun
    (["Q1", "Q2"], date(2026, 3, 31), True, 2025),
    (["W05", "W06"], date(2026, 2, 3), True, 2026),  # week 6 of 2026 starts 2 Feb
])
def test_the_year_proposed_is_the_latest_in_which_all_have_begun(texts, today, roll, want):
    got = guess_year(texts, today, roll=roll)
    assert got == want
    # independently: every period of that year has begun, one of the next year's has not
    months = {"1月": 1, "2月": 2, "3月": 3, "12月": 12, "Nov": 11, "Dec": 12, "Jan": 1}
    if all(t in months for t in texts) and not roll:
        assert all(date(got, months[t], 1) <= today for t in texts)
        assert any(date(got + 1, months[t], 1) > today for t in texts)


def _table(column: str, cells: list[str | None]) -> RawTable:
    frame = pd.DataFrame({"工号": ["E1"] * len(cells), column: cells, "销售额": ["1"] * len(cells)})
    return RawTable(frame=frame.astype("object"), lines=pd.RangeIndex(2, 2 + len(cells)).to_numpy(),
                    encoding="utf-8")


@pytest.mark.parametrize(("cells", "bare"), [
    (["1月", "2月", "1月"], ["1月", "2月"]),
    (["2024-01", "2024年2月"], []),
    (["Q1", None, "Q3"], ["Q1", "Q3"]),
    (["2024/1/5", "W05"], ["W05"]),
])
def test_long_cells_without_a_year_are_found(cells, bare):
    sp = SheetPlan(sheet=None, kind="metrics", mapping={"工号": "employee_id", "月份": "period",
                                                        "销售额": "as_metric"})
    assert needs_year(sp, _table("月份", cells)) == bare


def test_with_year_writes_the_year_into_bare_cells_only():
    cells = pd.Series(["1月", "2024-03", None, "W05", "Q2"], dtype="object")
    got = with_year(cells, 2023).tolist()
    assert got[:3] == ["2023-01-01", "2024-03", None]
    assert got[3] == date.fromisocalendar(2023, 5, 1).isoformat()
    assert got[4] == "2023-04-01"


ROWS = [("E1", "1月", 5.0), ("E1", "2月", 6.0), ("E2", "1月", 3.0), ("E2", "12月", 9.0)]


def gbk_file(path) -> bytes:
    raw = ("工号,月份,销售额\n" + "".join(f"{e},{m},{v}\n" for e, m, v in ROWS)).encode("gbk")
    path.write_bytes(raw)
    return raw


def test_a_long_file_with_bare_months_asks_for_the_year(tmp_path):
    raw = gbk_file(tmp_path / "m.csv")
    plan = plan_for(read_sheets(raw, "m.csv"), Hints())
    assert plan.sheets[0].ask == "year"
    answered = plan_for(read_sheets(raw, "m.csv"), Hints(year=2024))
    assert (answered.sheets[0].ask, answered.sheets[0].year) == (None, 2024)


def test_cli_exits_2_naming_year_then_stores_that_year(tmp_path):
    gbk_file(tmp_path / "m.csv")
    db = str(tmp_path / "c.duckdb")
    refused = cli("import", str(tmp_path / "m.csv"), "--db", db, "--json")
    assert refused.returncode == 2
    assert "--year" in json.loads(refused.stdout)["errors"][0]["message"]
    done = cli("import", str(tmp_path / "m.csv"), "--db", db, "--year", "2024", "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    with duckdb.connect(db, read_only=True) as con:
        got = con.execute("SELECT employee_id, strftime(period, '%Y-%m'), value "
                          "FROM metric_values ORDER BY 1, 2").fetchall()
        plan = json.loads(con.execute("SELECT plan FROM recipes").fetchone()[0])
    want = sorted((e, f"2024-{int(m[:-1]):02d}", v) for e, m, v in ROWS)
    assert got == want
    assert plan["sheets"][0]["year"] == 2024  # the recipe remembers it


@pytest.mark.parametrize(("header", "cells", "starts"), [
    ("季度", ["Q1", "2", "一季度"], ["2024-01-01", "2024-04-01", "2024-01-01"]),
    ("Month", ["Jan", "3", "12"], ["2024-01-01", "2024-03-01", "2024-12-01"]),
    ("Week", ["W05", "6"], [date.fromisocalendar(2024, w, 1).isoformat() for w in (5, 6)]),
])
def test_a_lone_quarter_month_or_week_column_is_the_period_its_year_asked(
        tmp_path, header, cells, starts):
    """Not a roster with an extra column (which stored none of the scores): metrics."""
    rows = [(f"E{i}", c, 3.5 + i) for i, c in enumerate(cells)]
    raw = pd.DataFrame(rows, columns=["工号", header, "绩效得分"]).to_csv(index=False).encode("gbk")
    (sp,) = plan_for(read_sheets(raw, "q.csv"), Hints()).sheets
    assert (sp.kind, sp.mapping[header], sp.ask) == ("metrics", "period", "year")
    con = store.connect(tmp_path / "q.duckdb")
    result = import_plan(con, raw, "q.csv", hints=Hints(year=2024))
    assert result.status == "loaded", result.as_json()
    got = con.execute("SELECT employee_id, strftime(period, '%Y-%m-%d'), value "
                      "FROM metric_values ORDER BY 1").fetchall()
    assert got == [(e, s, v) for (e, _, v), s in zip(rows, starts, strict=True)]
