"""Periods across the columns: workbooks built here go in as person x period x metric rows."""

from __future__ import annotations

import io
import random
from datetime import date, datetime

import duckdb
import pytest
from openpyxl import Workbook

import ingest
import store
from ingest.model import IngestError
from ingest.shapes import SHAPES, periods


def workbook(headers: list[object], rows: list[list[object]], *, sheet: str = "Sheet",
             titles: tuple[str, ...] = ()) -> bytes:
    """An xlsx: merged title rows, then the header row (cells as given: text, dates, numbers)."""
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    width = len(headers)
    for i, title in enumerate(titles, start=1):
        ws.append([title])
        ws.merge_cells(start_row=i, start_column=1, end_row=i, end_column=width)
    ws.append(headers)
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def people_rows(n_periods: int, *, seed: int, people: int = 6) -> list[list[object]]:
    """Rows ``[id, name, v1..vn]`` with random values and some empty cells."""
    rng = random.Random(seed)
    return [[f"E{p:03d}", f"Person {p}"] +
            [None if rng.random() < 0.2 else rng.randint(0, 500) for _ in range(n_periods)]
            for p in range(people)]


def expected_values(rows: list[list[object]], starts: list[date]) -> dict[tuple, float]:
    """(employee, period) -> value, read cell by cell from the generated rows."""
    out = {}
    for row in rows:
        for start, cell in zip(starts, row[2:], strict=True):
            if cell is not None:
                out[(row[0], start)] = float(cell)
    return out


def stored(con: duckdb.DuckDBPyConnection, metric: str) -> dict[tuple, float]:
    rows = con.execute("SELECT employee_id, period, value FROM metric_values WHERE metric = ?",
                       [metric]).fetchall()
    return {(e, p): v for e, p, v in rows}


@pytest.fixture
def con(tmp_path):
    c = store.connect(tmp_path / "p.duckdb")
    yield c
    c.close()


def months(year: int, *numbers: int) -> list[date]:
    return [date(year, m, 1) for m in numbers]


# headers, the sheet's name, title rows, the period each header is (worked out by hand)
HEADER_CASES = [
    ([datetime(2024, m, 1) for m in (1, 2, 3)], "Revenue", (), months(2024, 1, 2, 3)),
    ([datetime(2024, 1, 31), datetime(2024, 2, 29)], "Revenue", (), months(2024, 1, 2)),
    (["Jan-23", "Feb-23", "Mar-23"], "Revenue", (), months(2023, 1, 2, 3)),
    (["Jan 2023", "Feb 2023"], "Revenue", (), months(2023, 1, 2)),
    (["January 2023", "February 2023"], "Revenue", (), months(2023, 1, 2)),
    (["2023-01", "2023-02", "2023-03"], "Revenue", (), months(2023, 1, 2, 3)),
    (["2023年1月", "2023年2月"], "Revenue", (), months(2023, 1, 2)),
    (["1/23", "2/23"], "Revenue", (), months(2023, 1, 2)),
    ([45292, 45323], "Revenue", (), months(2024, 1, 2)),  # Excel serials left as numbers
    (["11月", "12月", "1月"], "Sheet1", ("2023年Revenue",), [*months(2023, 11, 12), date(2024, 1, 1)]),
    (["1月", "2月", "3月"], "Revenue 2022", (), months(2022, 1, 2, 3)),
    (["Q1 2024", "Q2 2024"], "Revenue", (), months(2024, 1, 4)),
    (["2024Q1", "2024Q2", "2024Q3"], "Revenue", (), months(2024, 1, 4, 7)),
    (["2024年第一季度", "2024年第二季度"], "Revenue", (), months(2024, 1, 4)),
    (["W05", "W06"], "Revenue 2024", (), [date(2024, 1, 29), date(2024, 2, 5)]),
    (["2024-W52", "2025-W01"], "Revenue", (), [date(2024, 12, 23), date(2024, 12, 30)]),
]


@pytest.mark.parametrize(("headers", "sheet", "titles", "starts"), HEADER_CASES)
def test_every_header_form_imports_as_periods(con, headers, sheet, titles, starts):
    rows = people_rows(len(headers), seed=len(headers) + len(str(headers)))
    raw = workbook(["Employee ID", "Name", *headers], rows, sheet=sheet, titles=titles)
    result = store.import_bytes(con, raw, "budget.xlsx")
    assert result.status == "loaded", result.as_json()
    want = expected_values(rows, starts)
    assert stored(con, "Revenue") == want
    assert result.rows_loaded == len(want)
    assert result.rows_read == len(rows)  # the file's rows, not the unpivoted values


@pytest.mark.parametrize(
    ("sheet", "titles", "metric", "expected"),
    [
        ("Sales", (), None, "Sales"),
        ("Sheet1", ("2024年销售额（万元）",), None, "销售额"),
        ("工作表1", ("导出时间：2025-01-03", "客户满意度 2024"), None, "客户满意度"),
        ("Budget", ("Calls handled", "Unit: calls"), None, "Calls handled"),
        ("Sales", (), "Revenue", "Revenue"),  # the user's name wins
    ],
)
def test_metric_name_from_sheet_title_or_user(con, sheet, titles, metric, expected):
    rows = people_rows(2, seed=7)
    raw = workbook(["工号", "姓名", "2024-01", "2024-02"], rows, sheet=sheet, titles=titles)
    result = store.import_bytes(con, raw, "b.xlsx", metric=metric)
    assert result.status == "loaded", result.as_json()
    assert stored(con, expected) == expected_values(rows, months(2024, 1, 2))


@pytest.mark.parametrize(
    ("sheet", "titles", "metric", "unit"),
    [
        ("Sheet1", ("销售额", "单位：万元"), "销售额", "万元"),
        ("Sheet1", ("2024年销售额（万元）",), "销售额", "万元"),
        ("Revenue", ("Monthly revenue 2024 (USD)",), "Revenue", "USD"),  # the sheet names it
        ("Revenue (EUR)", ("Monthly revenue 2024 (USD)",), "Revenue", "EUR"),
    ],
)
def test_the_unit_comes_from_a_unit_line_or_a_title(con, sheet, titles, metric, unit):
    raw = workbook(["工号", "2024-01", "2024-02"], [["E1", 1, 2]], sheet=sheet, titles=titles)
    assert store.import_bytes(con, raw, "b.xlsx").status == "loaded"
    assert con.execute("SELECT metric, unit FROM metric_catalog").fetchall() == [(metric, unit)]


def test_subtotal_and_total_columns_are_not_stored(con):
    headers = ["Jan 2024", "Feb 2024", "Mar 2024", "Q1 2024", "Total", "备注"]
    rows = [["E1", "Ann", 1, 2, 3, 6, 6, "ok"], ["E2", "Bob", 4, None, 5, 9, 9, None]]
    result = store.import_bytes(con, workbook(["Employee ID", "Name", *headers], rows,
                                              sheet="Calls"), "b.xlsx")
    assert result.status == "loaded", result.as_json()
    want = {(r[0], d): float(v) for r in rows
            for d, v in zip(months(2024, 1, 2, 3), r[2:5], strict=True) if v is not None}
    assert stored(con, "Calls") == want
    assert set(result.not_stored) == {"Q1 2024", "Total", "备注"}


def test_a_bad_cell_is_named_by_its_header_and_nothing_is_stored(con):
    rows = [["E1", "Ann", 1, 2], ["E2", "Bob", "n/a?", 3], ["E3", "Cy", 4, "x"]]
    raw = workbook(["Employee ID", "Name", "Jan 2024", "Feb 2024"], rows, sheet="Calls")
    result = store.import_bytes(con, raw, "b.xlsx")
    assert result.status == "failed"
    assert [(e["line"], e["column"]) for e in result.as_json()["errors"]] == [
        (3, "Jan 2024"), (4, "Feb 2024")]
    assert stored(con, "Calls") == {}


def test_total_row_and_empty_id_are_named_once(con):
    rows = [["E1", "Ann", 1, 2], ["", "Bob", 3, 4], ["", "合计", 4, 6]]
    raw = workbook(["Employee ID", "Name", "Jan 2024", "Feb 2024"], rows, sheet="Calls")
    result = store.import_bytes(con, raw, "b.xlsx")
    errors = result.as_json()["errors"]
    assert [(e["line"], e["column"]) for e in errors] == [(3, "Employee ID")]
    assert sum("total row" in n for n in result.notes) == 1


def test_without_a_metric_name_the_error_names_the_flag():
    raw = workbook(["工号", "2024-01", "2024-02"], [["E1", 1, 2]], sheet="Sheet1")
    with pytest.raises(IngestError) as caught:
        ingest.prepare(raw, "b.xlsx")
    assert caught.value.code == "metric_needed"
    assert "--metric" in caught.value.message("en")
    assert "--metric" in caught.value.message("zh")


def test_without_a_year_the_error_names_the_headers_and_the_flag():
    raw = workbook(["工号", "1月", "2月"], [["E1", 1, 2]], sheet="Calls")
    with pytest.raises(IngestError) as caught:
        ingest.prepare(raw, "b.xlsx")
    assert caught.value.code == "period_year_needed"
    assert "1月, 2月" in caught.value.message("en")
    assert "--year" in caught.value.message("en")
    _, _, _, parsed = ingest.prepare(raw, "b.xlsx", year=2021)
    assert sorted(parsed.tables["metric_values"]["period"].dt.date) == months(2021, 1, 2)


@pytest.mark.parametrize(
    "headers",
    [
        ["工号", "日期", "销售额", "客户满意度"],  # long layout, metrics across
        ["Employee ID", "Name", "Team", "Hire date"],  # a roster
        ["Employee ID", "Jan 2024", "Notes", "Score", "Comment"],  # one period among others
        ["Employee ID", "Q1", "Q2", "Q5", "Q6", "Q7"],  # survey questions, not quarters
        ["Region", "Jan 2024", "Feb 2024"],  # nobody to attach the values to
    ],
)
def test_other_layouts_are_not_taken_for_periods(headers):
    rows = [["x"] * len(headers)]
    table = ingest.read_upload(workbook(headers, rows), "f.xlsx")
    assert periods.detect(table, sheet="Sheet") is None


def test_registered_as_the_periods_across_layout():
    raw = workbook(["工号", "2024-01", "2024-02"], [["E1", 1, 2]], sheet="Calls")
    plan = SHAPES["periods_across"].detect(ingest.read_upload(raw, "b.xlsx"), sheet="Calls")
    assert plan is not None
    assert (plan.layout, plan.metric, plan.kind) == (
        "periods_across", "Calls", "metrics")
    assert plan.mapping == {"工号": "employee_id", "2024-01": "period", "2024-02": "period"}


def test_people_named_without_ids(con):
    rows = [["Ann Lee", 1, 2], ["Bob", None, 3]]
    raw = workbook(["Sales Rep", "Jan 2024", "Feb 2024"], rows, sheet="Revenue")
    result = store.import_bytes(con, raw, "b.xlsx")
    assert result.status == "loaded", result.as_json()
    got = con.execute("SELECT e.name, m.period, m.value FROM metric_values m "
                      "JOIN employees e USING (employee_id)").fetchall()
    want = {(r[0], d, float(v)) for r in rows
            for d, v in zip(months(2024, 1, 2), r[1:], strict=True) if v is not None}
    assert set(got) == want
