"""A manager imports through the Import page: a GBK wide file, then a file with bad lines."""

import re

import duckdb
from playwright.sync_api import expect

from tests.browser.helpers import (
    RUN_S,
    alert,
    assert_no_exception,
    choose_selectbox,
    click_button,
    en,
    expect_selected,
    grid,
    grid_column,
    open_app,
    pattern,
    shot,
    upload_file,
    visible,
)

GBK_CSV = (
    "工号,姓名,部门,周开始日期,平均处理时长(分钟),客户满意度,备用列\n"
    "00123,张伟,售后一组,2025-07-07,7.5,88,1\n"
    "00124,王芳,售后一组,2025-07-07,8.2,91,2\n"
    "00125,李娜,售后二组,2025-07-07,6.9,85,3\n"
    "00123,张伟,售后一组,2025-07-14,7.1,90,4\n"
)

BAD_CSV = (
    "Employee ID,Name,Team,Week,AHT,CSAT\n"
    "E001,Ann,Support A,2025-07-07,7.5,88\n"
    "E002,Bob,Support A,2025-07-07,abc,90\n"  # line 3: not a number
    "E003,Cid,Support A,2025-07-07,6.5,91\n"
    ",Dan,Support A,2025-07-07,7.0,80\n"  # line 5: no employee id
    "E005,Eve,Support A,2025-02-30,7.1,82\n"  # line 6: no such date
    "E006,Fay,Support A,2025-07-07,7.3,84\n"
)
BAD_LINES = (3, 5, 6)


def read_only(db):
    return duckdb.connect(str(db), read_only=True)


def test_gbk_wide_file_with_changed_mapping(page, app_server, tmp_path):
    export = tmp_path / "客服周报.csv"
    export.write_bytes(GBK_CSV.encode("gbk"))

    open_app(page, app_server, "upload")
    visible(page.get_by_role("heading", name=en("upload.title")), "the Import page title")
    assert_no_exception(page)
    shot(page, "upload-1-empty")

    upload_file(page, export)
    visible(page.get_by_text(pattern("upload.detected", encoding="gb18030", rows=4)),
            "the caption 'encoding gb18030, 4 rows'")
    expect_selected(page, en("upload.kind"), en("kind.metrics"))
    expect_selected(page, "工号", en("field.employee_id"))
    expect_selected(page, "周开始日期", en("field.period"))
    expect_selected(page, "备用列", en("field.as_metric"))
    alert(page, pattern("report.ok", total=4), "the 'All 4 rows are valid' report")
    assert_no_exception(page)
    shot(page, "upload-2-gbk-detected")

    choose_selectbox(page, "备用列", en("field.ignore"))
    alert(page, pattern("report.ok", total=4), "the 'All 4 rows are valid' report")
    assert_no_exception(page)
    shot(page, "upload-3-gbk-mapping-changed")

    click_button(page, en("upload.import"))
    alert(page, pattern("result.loaded", file=export.name), "the 'Imported …' message", RUN_S)
    history = grid(page, en("history.file_name"))
    expect(history, "the file is not in the Import history").to_contain_text(export.name)
    expect(history).to_contain_text(en("status.loaded"))
    # The sidebar's workspace facts count what was just imported (3 people, 1 import).
    counted = re.compile(r"3\s*(employees|people in the roster).*1\s*imports", re.S)
    expect(page.locator('[data-testid="stSidebar"]'),
           "the sidebar still shows the counts from before the import").to_contain_text(counted)
    assert_no_exception(page)
    shot(page, "upload-4-gbk-imported")

    app_server.stop()
    with read_only(app_server.db) as con:
        metrics = {m for (m,) in con.execute("SELECT DISTINCT metric FROM metric_values").fetchall()}
        ids = {e for (e,) in con.execute("SELECT employee_id FROM employees").fetchall()}
    assert "备用列" not in metrics, "the column set to '— ignore —' was imported anyway"
    assert len(metrics) == 2, f"expected the two metric columns, got {metrics}"
    assert ids == {"00123", "00124", "00125"}, "employee ids lost their leading zeros"


def test_every_bad_line_is_reported_and_nothing_is_imported(page, app_server, tmp_path):
    export = tmp_path / "weekly-with-errors.csv"
    export.write_text(BAD_CSV, encoding="utf-8")

    open_app(page, app_server, "upload")
    upload_file(page, export)
    alert(page, pattern("report.bad", bad=len(BAD_LINES), total=6, good=3),
          "the '3 of 6 lines have problems' warning")
    reported = grid_column(grid(page, en("report.line")), en("report.line"))
    missing = [line for line in BAD_LINES if str(line) not in reported]
    assert not missing, f"bad lines {missing} are missing from the validation report {reported}"
    assert set(reported) == {str(line) for line in BAD_LINES}, f"good lines reported: {reported}"
    assert_no_exception(page)
    shot(page, "upload-5-bad-lines-report")

    click_button(page, en("upload.import"))
    alert(page, pattern("result.nothing", bad=len(BAD_LINES), file=export.name),
          "the 'Nothing was imported' message", RUN_S)
    history = grid(page, en("history.file_name"))
    expect(history, "the file is not in the Import history").to_contain_text(export.name)
    expect(history).to_contain_text(en("status.failed"))
    assert_no_exception(page)
    shot(page, "upload-6-nothing-imported")

    app_server.stop()
    with read_only(app_server.db) as con:
        for table in ("metric_values", "employees"):
            (n,) = con.execute(f"SELECT count(*) FROM {table}").fetchone()
            assert n == 0, f"{n} rows reached {table} from a file that was not imported"
        statuses = con.execute("SELECT status FROM imports WHERE file_name = ?",
                               [export.name]).fetchall()
    assert statuses == [("failed",)]
