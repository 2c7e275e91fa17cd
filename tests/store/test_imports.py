"""Imports end to end on a real DuckDB file: all-or-nothing, idempotence, undo, catalog."""

import pandas as pd
import pytest

import store

GOOD = (
    "工号,姓名,部门,周开始日期,平均处理时长(分钟),客户满意度\n"
    "00123,王芳,售后一组,2025/7/7,7.5,86%\n"
    "00124,NA,售后一组,2025/7/7,9.1,\n"
    "00123,王芳,售后一组,2025/7/14,7.2,88%\n"
)
BAD = (
    "employee id,period,metric,value\n"
    "E1,2025-07-07,CSAT,80\n"
    "E2,2025-07-07,CSAT,eighty\n"  # line 3: not a number
    ",2025-07-07,CSAT,70\n"  # line 4: no employee id
    "E3,2025-02-30,CSAT,75\n"  # line 5: impossible date
    "E4,2025-07-07,CSAT,90\n"
)


@pytest.fixture
def con(fresh_db):
    c = store.connect(fresh_db)
    yield c
    c.close()


def count(con, table: str) -> int:
    return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_gbk_wide_file_lands_with_ids_names_units(con):
    result = store.import_bytes(con, GOOD.encode("gbk"), "team.csv")
    assert (result.status, result.kind, result.rows_loaded) == ("loaded", "metrics", 5)
    rows = con.execute(
        "SELECT employee_id, period::TEXT, metric, value FROM metric_values ORDER BY 1, 2, 3, 4"
    ).fetchall()
    assert rows[0] == ("00123", "2025-07-07", "客户满意度", 86.0)
    assert ("00124", "2025-07-07", "平均处理时长", 9.1) in rows
    names = dict(con.execute("SELECT employee_id, name FROM employees").fetchall())
    assert names == {"00123": "王芳", "00124": "NA"}
    cat = store.catalog(con).set_index("metric")
    assert cat.loc["平均处理时长", "direction"] == "lower"
    assert cat.loc["平均处理时长", "unit"] == "分钟"


def test_bad_rows_load_nothing_and_every_line_is_reported(con):
    result = store.import_bytes(con, BAD.encode(), "bad.csv")
    assert result.status == "failed"
    assert sorted(set(result.errors["line"])) == [3, 4, 5]
    assert count(con, "metric_values") == 0
    assert store.history(con)["status"].tolist() == ["failed"]
    report = result.as_json()
    assert report["rows_loaded"] == 0
    assert {e["line"] for e in report["errors"]} == {3, 4, 5}


def test_skip_bad_rows_keeps_them_for_review(con):
    result = store.import_bytes(con, BAD.encode(), "bad.csv", skip_bad_rows=True)
    assert (result.status, result.rows_loaded, result.rows_rejected) == ("loaded", 2, 3)
    assert count(con, "metric_values") == 2
    kept = store.rejected(con, result.import_id)
    assert sorted(set(kept["line"])) == [3, 4, 5]
    assert kept["message"].str.len().min() > 10


def test_same_file_twice_changes_nothing(con):
    first = store.import_bytes(con, GOOD.encode("gbk"), "team.csv")
    before = con.execute("SELECT * FROM metric_values ORDER BY 1, 2, 3").df()
    second = store.import_bytes(con, GOOD.encode("gbk"), "team.csv")
    after = con.execute("SELECT * FROM metric_values ORDER BY 1, 2, 3").df()
    assert first.rows_changed == 5
    assert second.rows_changed == 0
    pd.testing.assert_frame_equal(before, after)
    assert count(con, "metric_values_history") == 0


def test_correction_then_undo_restores_the_old_value(con):
    store.import_bytes(con, GOOD.encode("gbk"), "team.csv")
    fixed = GOOD.replace("7.5,86%", "7.5,96%")
    second = store.import_bytes(con, fixed.encode("utf-8-sig"), "team-fixed.csv")
    assert second.rows_changed == 1
    value = "SELECT value FROM metric_values WHERE employee_id='00123' AND metric='客户满意度' " \
            "AND period='2025-07-07'"
    assert con.execute(value).fetchone()[0] == 96.0
    assert store.undo_import(con, second.import_id)
    assert con.execute(value).fetchone()[0] == 86.0
    assert not store.undo_import(con, second.import_id)


def test_unreadable_file_is_a_sentence_and_recorded(con):
    result = store.import_bytes(con, b"", "empty.csv")
    assert result.status == "failed"
    assert result.problem is not None
    assert "empty" in result.problem.message("en").lower()
    assert store.history(con)["status"].tolist() == ["failed"]


def test_demo_loads_every_kind(con):
    results = store.load_demo(con)
    assert [r.status for r in results] == ["loaded"] * 4
    facts = store.facts(con)
    assert facts["employees"] >= 24
    assert facts["teams"] == 3
    assert facts["metrics"] == 4
    assert facts["sessions"] > 0
    assert facts["goals"] > 0
