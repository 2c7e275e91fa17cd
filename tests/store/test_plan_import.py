"""A workbook is one import: every sheet stored in one transaction, all or nothing, undoable,
and its plan saved as the recipe of its shape."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from openpyxl import Workbook, load_workbook

import store
from ingest.propose import Hints
from ingest.read import read_sheets
from store import recipes
from store.access import Viewer
from store.plan_import import choose_plan, import_plan
from store.scope import scoped
from tests.workbooks import roster_rows, sales_rows, sales_workbook, save


@pytest.fixture
def con(fresh_db):
    c = store.connect(fresh_db)
    yield c
    c.close()


def _stored(con) -> pd.DataFrame:
    return con.execute("SELECT employee_id, period, metric, value, target, import_id "
                       "FROM metric_values").df()


def test_every_sheet_is_stored_under_one_import(con):
    rows, people = sales_rows(), roster_rows()
    result = import_plan(con, sales_workbook(rows, people), "sales.xlsx")
    assert result.status == "loaded", result.as_json()
    got = _stored(con).assign(period=lambda d: pd.to_datetime(d["period"]))
    merged = rows.merge(got, on=["employee_id", "period", "metric"], suffixes=("", "_db"),
                        how="outer", indicator=True)
    assert (merged["_merge"] == "both").all()
    assert (merged["value"] == merged["value_db"]).all()
    assert (merged["target"] == merged["target_db"]).all()
    emp = con.execute("SELECT employee_id, name, team FROM employees ORDER BY 1").df()
    assert emp.to_dict("records") == people.to_dict("records")
    assert set(got["import_id"]) == {result.import_id}
    hist = store.history(con)
    assert len(hist) == 1
    assert hist["kind"].iloc[0] == "roster+metrics"
    assert result.stored == {"employees": (len(people), len(people)),
                             "metric_values": (len(rows), len(rows))}
    assert result.rows_read == 2 * len(rows) // 2 + len(people)  # actuals, targets, roster
    summary = result.as_json("zh")["summary"]
    assert f"花名册 {len(people)} 人" in summary
    assert f"指标值 {len(rows)} 个" in summary


def test_targets_without_an_actual_are_counted_not_stored(con):
    rows = sales_rows(people=3, months=2)
    later = sales_rows(people=3, months=3)  # the plan runs a month ahead of the actuals
    wb = load_workbook(io.BytesIO(sales_workbook(rows, helpers=False, title=False)))
    plan_rows = later.pivot_table(index=["employee_id", "period"], columns="metric",
                                  values="target").reset_index()
    target = wb["Target"]
    target.delete_rows(2, target.max_row)
    for r in plan_rows.itertuples():
        target.append([r.employee_id, r.period.strftime("%Y-%m"), r.销售额, r.回款])
    result = import_plan(con, save(wb), "sales.xlsx")
    extra = len(later) - len(rows)  # the third month's targets: no actual value yet
    assert result.targets_unmatched == extra
    assert f"{extra} target values have no actual value yet" in result.as_json()["summary"]
    assert len(_stored(con)) == len(rows)


def test_a_bad_cell_in_any_sheet_stores_nothing_and_names_its_sheet(con):
    rows = sales_rows()
    raw = sales_workbook(rows, roster_rows())
    wb_bad = _with_cell(raw, "Target", "C4", "lots")
    result = import_plan(con, wb_bad, "sales.xlsx")
    assert result.status == "failed"
    assert result.errors[["sheet", "line", "column", "code"]].to_numpy().tolist() == [
        ["Target", 4, "销售额", "not_a_number"]]
    assert result.as_json()["errors"][0]["sheet"] == "Target"
    for table in ("metric_values", "employees"):
        assert con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
    kept = store.rejected(con, result.import_id)
    assert kept["column"].tolist() == ["Target › 销售额"]
    assert recipes.list_recipes(con).empty  # only a successful import saves a recipe


def test_skipping_bad_rows_keeps_the_other_sheets_lines(con):
    raw = _with_cell(sales_workbook(sales_rows(), roster_rows()), "People", "A3", None)
    result = import_plan(con, raw, "sales.xlsx", skip_bad_rows=True)
    assert result.status == "loaded"
    # People line 3 (E002's roster row) is bad; E002's values on the other sheets are stored
    assert result.errors[["sheet", "line"]].to_numpy().tolist() == [["People", 3]]
    assert con.execute("SELECT count(*) FROM metric_values WHERE employee_id = 'E002'"
                       ).fetchone()[0] == 6


def test_undo_removes_every_sheet_of_the_import(con):
    first = import_plan(con, sales_workbook(sales_rows(), roster_rows()), "sales.xlsx")
    assert store.undo_import(con, first.import_id)
    for table in ("metric_values", "employees"):
        assert con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0


def test_a_key_two_sheets_both_hold_is_a_bad_line(con):
    wb = Workbook()
    for title in ("North", "South"):
        ws = wb.active if title == "North" else wb.create_sheet(title)
        ws.title = title
        ws.append(["工号", "月份", "销售额"])
        ws.append(["E1" if title == "North" else "E2", "2024-01", 5])
        ws.append(["E3", "2024-01", 7 if title == "North" else 8])
    result = import_plan(con, save(wb), "two.xlsx")
    assert result.status == "failed"
    assert result.errors[["sheet", "line", "code"]].to_numpy().tolist() == [
        ["South", 3, "duplicate_key"]]


def test_the_next_file_of_the_same_shape_uses_the_recipe(con):
    first = import_plan(con, sales_workbook(sales_rows(), roster_rows()), "Sales Q1.xlsx",
                        hints=Hints(sheets={"Calendar": "skip", "People": "skip"}))
    assert first.recipe == "Sales Q1"
    nxt = sales_workbook(sales_rows(people=8, months=4, seed=11), roster_rows(8))
    plan, name = choose_plan(con, read_sheets(nxt, "Sales Q2.xlsx"), Hints())
    assert name == "Sales Q1"
    assert {s.sheet: s.kind for s in plan.sheets}["People"] == "skip"  # the user's choice
    second = import_plan(con, nxt, "Sales Q2.xlsx")
    assert second.status == "loaded"
    assert second.recipe == "Sales Q1"
    assert con.execute("SELECT count(*) FROM employees WHERE name IS NOT NULL").fetchone()[0] == 0
    listed = recipes.list_recipes(con)
    assert listed["name"].tolist() == ["Sales Q1"]
    audit = con.execute("SELECT detail FROM audit_log WHERE action = 'recipe' ORDER BY logged_at"
                        ).fetchall()
    assert [d for (d,) in audit] == ["saved", "updated"]


def test_a_manager_imports_a_new_hire_from_the_roster_sheet_with_their_numbers(demo_con):
    wb = Workbook()
    wb.active.title = "People"
    wb.active.append(["工号", "姓名", "直属主管"])
    wb.active.append(["E900", "New hire", "M01"])
    values = wb.create_sheet("Numbers")
    values.append(["工号", "日期", "客户满意度"])
    values.append(["E900", "2026-01-05", 77])
    values.append(["E001", "2026-01-05", 91])
    manager = scoped(demo_con, Viewer("m01@example.com", "manager", "M01"))
    result = import_plan(manager, save(wb), "hire.xlsx")
    assert result.status == "loaded", result.as_json()
    got = demo_con.execute("SELECT employee_id, value FROM metric_values WHERE period = "
                           "DATE '2026-01-05' AND metric = '客户满意度' ORDER BY 1").fetchall()
    assert got == [("E001", 91.0), ("E900", 77.0)]


def _with_cell(raw: bytes, sheet: str, cell: str, value: object) -> bytes:
    wb = load_workbook(io.BytesIO(raw))
    wb[sheet][cell] = value
    return save(wb)


def test_names_are_matched_to_the_people_sheet_of_the_same_workbook(con):
    wb = Workbook()
    wb.active.title = "People"
    wb.active.append(["工号", "姓名", "部门"])
    wb.active.append(["E001", "王芳", "North"])
    wb.active.append(["E002", "李娜", "South"])
    scores = wb.create_sheet("Scores")
    scores.append(["姓名", "日期", "客户满意度"])
    want = {("E001", 91.0), ("E002", 85.0)}
    scores.append(["王芳", "2025-07-07", 91])
    scores.append([" 李娜 ", "2025-07-07", 85])  # spaces at the ends: still the same person
    result = import_plan(con, save(wb), "team.xlsx")
    assert result.status == "loaded", result.as_json()
    got = con.execute("SELECT employee_id, value FROM metric_values").fetchall()
    assert set(got) == want
    assert con.execute("SELECT count(*) FROM employees").fetchone()[0] == 2  # no P- ids made


def test_a_total_column_across_the_months_is_named_as_not_stored(con):
    wb = Workbook()
    wb.active.title = "销售额"
    wb.active.append(["工号", "2024-01", "2024-02", "合计"])
    wb.active.append(["E1", 5, 6, 11])
    result = import_plan(con, save(wb), "budget.xlsx")
    stored = con.execute("SELECT count(*) FROM metric_values").fetchone()[0]
    assert result.not_stored == ["合计"]
    assert stored == 2
    assert "合计" in result.as_json("zh")["summary"]
