"""A manager imports a per-call workbook as the call system exports it: the sheet is recognised
as an event log, the proposed KPIs are reviewed and one renamed in the KPI table, the import
runs, the overview shows the agents; next month's file of the same shape goes in with one click
through the recipe the first import saved."""

from __future__ import annotations

import duckdb
from playwright.sync_api import Page, expect

from tests.browser.helpers import (
    RUN_S,
    alert,
    assert_no_exception,
    click_button,
    en,
    grid,
    grid_column,
    open_app,
    pattern,
    shot,
    upload_file,
    visible,
    wait_idle,
)
from tests.ingest.event_log import calls, xlsx_bytes

RENAMED = "Calls taken"


def rename_first_kpi(page: Page, new_name: str) -> None:
    """Type ``new_name`` over the first KPI's name in the KPI table (a canvas grid: the cell is
    found by its position under the header row)."""
    table = grid(page, en("sheets.kpi.name"))
    box = table.bounding_box()
    assert box is not None, "the KPI table has no size on screen"
    row_h = 35  # Streamlit's grid: header and rows are 35 px high
    page.mouse.dblclick(box["x"] + 40, box["y"] + row_h * 1.5)
    editor = page.locator("textarea, input.gdg-input").last
    visible(editor, "the cell editor of the first KPI's name")
    editor.fill(new_name)
    page.keyboard.press("Enter")
    wait_idle(page)


def test_a_call_log_workbook_then_next_month_in_one_click(page, app_server, tmp_path):
    january = tmp_path / "call-log-jan.xlsx"
    january.write_bytes(xlsx_bytes(calls(seed=7)))
    february = tmp_path / "call-log-feb.xlsx"
    february.write_bytes(xlsx_bytes(calls(seed=8, first="2025-02-20", last="2025-03-26")))

    open_app(page, app_server, "upload")
    upload_file(page, january)
    visible(page.get_by_text(en("sheets.layout.events")), "the sheet recognised as a call log")
    kpis = grid_column(grid(page, en("sheets.kpi.name")), en("sheets.kpi.name"))
    assert kpis[0] == "Calls", f"the first proposed KPI is not the count of calls: {kpis}"
    shot(page, "sheets-1-call-log-proposed")

    rename_first_kpi(page, RENAMED)
    kpis = grid_column(grid(page, en("sheets.kpi.name")), en("sheets.kpi.name"))
    assert kpis[0] == RENAMED, f"the KPI table did not keep the new name: {kpis}"
    click_button(page, en("upload.import"))
    alert(page, pattern("result.loaded", file=january.name), "the 'Imported …' message", RUN_S)
    visible(page.get_by_text(en("sheets.recipe.saved", name="call-log-jan")),
            "the sentence saying the settings were saved as a recipe")
    assert_no_exception(page)
    shot(page, "sheets-2-imported")

    open_app(page, app_server, "")
    main = page.locator('[data-testid="stMain"]')
    for agent in ("Ann", "Bob", "陈静"):
        expect(main, f"the overview does not show the agent {agent}").to_contain_text(agent)
    assert_no_exception(page)
    shot(page, "sheets-3-overview")

    open_app(page, app_server, "upload")
    upload_file(page, february)
    alert(page, "call-log-jan", "the offer to use the January settings")
    click_button(page, en("sheets.recipe.use"))
    alert(page, pattern("result.loaded", file=february.name), "the one-click import", RUN_S)
    assert_no_exception(page)
    shot(page, "sheets-4-next-month-one-click")

    app_server.stop()
    with duckdb.connect(str(app_server.db), read_only=True) as con:
        months = con.execute(
            "SELECT DISTINCT strftime(period, '%Y-%m') FROM metric_values WHERE metric = ? "
            "ORDER BY 1", [RENAMED]).fetchall()
        imports = con.execute("SELECT file_name, status FROM imports ORDER BY import_id"
                              ).fetchall()
    assert [m for (m,) in months][-1] == "2025-03", "February's file did not use the recipe"
    assert imports == [(january.name, "loaded"), (february.name, "loaded")]


def test_a_sales_workbook_with_targets_roster_and_helpers(page, app_server, tmp_path):
    from tests.workbooks import roster_rows, sales_rows, sales_workbook

    rows, people = sales_rows(), roster_rows()
    workbook = tmp_path / "Sales.xlsx"
    workbook.write_bytes(sales_workbook(rows, people))
    open_app(page, app_server, "upload")
    upload_file(page, workbook)
    for sheet, kind in (("Actuals", "kind.metrics"), ("Target", "kind.targets"),
                        ("People", "kind.roster"), ("Calendar", "kind.skip")):
        visible(page.get_by_text(f"{sheet} · {en(kind)}"), f"the sheet {sheet} as {en(kind)}")
    alert(page, pattern("report.ok", total=len(rows) + len(people)), "the all-valid report")
    shot(page, "sheets-5-sales-workbook")
    click_button(page, en("upload.import"))
    alert(page, pattern("result.loaded", file=workbook.name), "the 'Imported …' message", RUN_S)
    assert_no_exception(page)
    app_server.stop()
    with duckdb.connect(str(app_server.db), read_only=True) as con:
        got = con.execute("SELECT employee_id, strftime(period, '%Y-%m'), metric, value, target "
                          "FROM metric_values ORDER BY ALL").fetchall()
        names = con.execute("SELECT employee_id, name FROM employees ORDER BY 1").fetchall()
    want = sorted((r.employee_id, r.period.strftime("%Y-%m"), r.metric, r.value, r.target)
                  for r in rows.itertuples())
    assert got == want
    assert names == list(zip(people["employee_id"], people["name"], strict=True))
