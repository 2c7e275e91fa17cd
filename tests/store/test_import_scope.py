"""A manager's upload touches only their own people; everyone else's rows are bad lines."""

from __future__ import annotations

import pytest

import store
from store.access import AccessDenied, Viewer
from store.scope import scoped

M01 = Viewer("m01@example.com", "manager", "M01")
M02 = Viewer("m02@example.com", "manager", "M02")
LEADER = Viewer("d01@example.com", "leadership", "D01")

METRICS = ("工号,日期,客户满意度\n"
           "E001,2026/1/5,91\n"
           "E009,2026/1/5,12\n"
           "E002,2026/1/5,88\n")


@pytest.fixture
def con(demo_con):
    return demo_con


def _value(con, employee_id: str) -> list[tuple]:
    return con.execute("SELECT value FROM metric_values WHERE employee_id = ? AND "
                       "period = DATE '2026-01-05'", [employee_id]).fetchall()


def test_other_peoples_rows_refuse_the_whole_import_and_are_listed(con):
    result = store.import_bytes(scoped(con, M01), METRICS.encode("gbk"), "m.csv")
    assert result.status == "failed"
    assert result.errors[["line", "value", "code"]].values.tolist() == [
        [3, "E009", "not_your_team"]]
    assert "E009" in result.as_json()["errors"][0]["message"]
    assert _value(con, "E001") == []
    assert _value(con, "E009") == []


def test_skipping_bad_rows_stores_only_the_managers_people(con):
    result = store.import_bytes(scoped(con, M01), METRICS.encode("gbk"), "m.csv",
                                skip_bad_rows=True)
    assert result.status == "loaded"
    assert result.rows_loaded == 2
    assert result.rows_rejected == 1
    assert _value(con, "E001") == [(91.0,)]
    assert _value(con, "E002") == [(88.0,)]
    assert _value(con, "E009") == []
    who = con.execute("SELECT imported_by FROM imports WHERE import_id = ?",
                      [result.import_id]).fetchone()[0]
    assert who == "m01@example.com"


def test_new_hires_under_the_manager_are_theirs_even_through_a_new_lead(con):
    roster = ("工号,姓名,部门,直属主管\n"
              "E100,新组长,售后一组,M01\n"
              "E101,新人甲,售后一组,E100\n"
              "E102,新人乙,售后二组,M02\n")
    result = store.import_bytes(scoped(con, M01), roster.encode("utf-8"), "r.csv",
                                kind="roster", skip_bad_rows=True)
    assert result.status == "loaded", result.as_json()
    assert result.errors["value"].tolist() == ["E102"]
    ids = {r[0] for r in scoped(con, M01).execute("SELECT employee_id FROM employees").fetchall()}
    assert {"E100", "E101"} <= ids
    assert "E102" not in ids


def test_only_the_importer_sees_and_undoes_their_import(con):
    result = store.import_bytes(scoped(con, M01), METRICS.encode("gbk"), "m.csv",
                                skip_bad_rows=True)
    assert result.import_id in store.history(scoped(con, M01))["import_id"].tolist()
    assert result.import_id not in store.history(scoped(con, M02))["import_id"].tolist()
    assert store.undo_import(scoped(con, M02), result.import_id) is False
    assert _value(con, "E001") == [(91.0,)]
    assert store.undo_import(scoped(con, M01), result.import_id) is True
    assert _value(con, "E001") == []


def test_leadership_may_not_import(con):
    with pytest.raises(AccessDenied) as caught:
        store.import_bytes(scoped(con, LEADER), METRICS.encode("gbk"), "m.csv")
    assert caught.value.code == "denied"
