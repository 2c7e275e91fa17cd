"""Who may change the org chart, and that manager chains stay trees.

Expected answers are recomputed a second way: the stored roster is read back and compared
with the file, circles are found by walking each chain one manager at a time.
"""

from __future__ import annotations

import pytest

import cli
import store
from ingest.messages import describe
from store.access import Viewer
from store.scope import scoped
from store.users import add_user

M01 = Viewer("m01@example.com", "manager", "M01")
HR = Viewer("hr@example.com", "hr")
HEAD = "工号,姓名,部门,直属主管,岗位,入职日期\n"
# E001 as stored in the demo roster: 张伟, 售后一组, reports to M01, 客服专员, hired 2023-06-15.
E001 = {"姓名": "张伟", "部门": "售后一组", "直属主管": "M01", "岗位": "客服专员",
        "入职日期": "2023-06-15"}


@pytest.fixture
def con(demo_con):
    return demo_con


def _line(**changes: str) -> str:
    cells = {**E001, **changes}
    return "E001," + ",".join(cells[c] for c in HEAD.strip().split(",")[1:]) + "\n"


def _roster(con, viewer, text: str, **kw):
    target = con if viewer is None else scoped(con, viewer)
    return store.import_bytes(target, text.encode("utf-8"), "roster.csv", kind="roster", **kw)


def _stored(con, employee_id: str) -> dict:
    row = con.execute("SELECT name, team, manager_id, role, hire_date::TEXT "
                      "FROM employees WHERE employee_id = ?", [employee_id]).fetchone()
    return dict(zip(["姓名", "部门", "直属主管", "岗位", "入职日期"], row, strict=True))


CHANGES = [("直属主管", "M02", "org_manager_id", "Only HR can change who E001 reports to"),
           ("部门", "售后二组", "org_team", "Only HR can move E001 to another team"),
           ("岗位", "组长", "org_role", "Only HR can change E001's role"),
           ("入职日期", "2020-01-01", "org_hire_date", "Only HR can change E001's hire date")]


@pytest.mark.parametrize(("column", "value", "code", "sentence"), CHANGES,
                         ids=[c[2] for c in CHANGES])
@pytest.mark.parametrize("skip", [False, True], ids=["all_or_nothing", "skip_bad_rows"])
def test_a_manager_may_not_change_a_reporting_line(con, column, value, code, sentence, skip):
    before = _stored(con, "E001")
    result = _roster(con, M01, HEAD + _line(**{column: value}), skip_bad_rows=skip)
    assert result.errors[["line", "column", "value", "code"]].values.tolist() == [
        [2, column, "E001", code]]
    message = result.as_json()["errors"][0]["message"]
    assert message.startswith(sentence)
    assert result.as_json("zh")["errors"][0]["message"] == describe(code, "zh", value="E001")
    assert "E001" in result.as_json("zh")["errors"][0]["message"]
    assert _stored(con, "E001") == before
    assert "E001" in set(scoped(con, M01).execute("SELECT employee_id FROM employees").df()[
        "employee_id"])


@pytest.mark.parametrize("viewer", [None, HR], ids=["local", "hr"])
@pytest.mark.parametrize(("column", "value", "code", "sentence"), CHANGES,
                         ids=[c[2] for c in CHANGES])
def test_hr_changes_reporting_lines(con, viewer, column, value, code, sentence):
    result = _roster(con, viewer, HEAD + _line(**{column: value}))
    assert result.status == "loaded", result.as_json()
    assert _stored(con, "E001") == {**E001, column: value}


def test_a_manager_corrects_names_and_adds_hires_under_themselves(con):
    text = HEAD + _line(姓名="张 伟") + "E100,新人,售后一组,M01,客服专员,2026-01-05\n"
    result = _roster(con, M01, text)
    assert result.status == "loaded", result.as_json()
    assert _stored(con, "E001") == {**E001, "姓名": "张 伟"}
    assert _stored(con, "E100") == {"姓名": "新人", "部门": "售后一组", "直属主管": "M01",
                                    "岗位": "客服专员", "入职日期": "2026-01-05"}


def test_empty_cells_change_nothing(con):
    result = _roster(con, M01, "工号,姓名,部门,直属主管\nE001,张伟,,\n")
    assert result.status == "loaded", result.as_json()
    assert _stored(con, "E001") == E001


def test_a_managers_metrics_file_may_not_move_people_either(con):
    text = "工号,日期,客户满意度,部门\nE001,2026/1/5,91,售后二组\nE002,2026/1/5,88,售后一组\n"
    result = store.import_bytes(scoped(con, M01), text.encode("utf-8"), "m.csv", kind="metrics")
    assert result.errors[["line", "code"]].values.tolist() == [[2, "org_team"]]
    assert _stored(con, "E001")["部门"] == "售后一组"


# Circles: (file lines as employee -> manager, the lines expected bad and their codes)
CIRCLES = {
    "two_swap": ({"E001": "E002", "E002": "E001"}, {2: "manager_cycle", 3: "manager_cycle"}),
    "self": ({"E003": "E003"}, {2: "manager_self"}),
    "through_the_store": ({"M01": "E005"}, {2: "manager_cycle"}),  # E005 -> M01 is stored
    "a_lead_under_a_lead": ({"M01": "M02", "M02": "M03"}, {}),
}


def _circle_file(edges: dict[str, str]) -> str:
    return "工号,直属主管\n" + "".join(f"{e},{m}\n" for e, m in edges.items())


def _walk_circled(chain: dict[str, str | None], start: str) -> bool:
    """Second way: follow the chain one manager at a time; True if it comes back to start."""
    at, seen = chain.get(start), set()
    while at is not None and at not in seen:
        if at == start:
            return True
        seen.add(at)
        at = chain.get(at)
    return False


def _chain(con) -> dict[str, str | None]:
    return dict(con.execute("SELECT employee_id, manager_id FROM employees").fetchall())


@pytest.mark.parametrize("viewer", [None, HR, M01], ids=["local", "hr", "manager"])
@pytest.mark.parametrize("case", list(CIRCLES))
def test_a_circle_of_managers_is_a_bad_line_for_every_role(con, viewer, case):
    edges, bad = CIRCLES[case]
    before = _chain(con)
    merged = {**before, **edges}
    assert {i + 2 for i, e in enumerate(edges) if _walk_circled(merged, e)} == set(bad)
    result = _roster(con, viewer, _circle_file(edges))
    found = result.errors[result.errors["code"].isin(["manager_cycle", "manager_self"])]
    if viewer is M01:  # their own row (M01) is not theirs to import: refused before the check
        assert set(bad) <= set(result.errors["line"])
    else:
        assert dict(zip(found["line"], found["code"], strict=True)) == bad
    after = _chain(con)
    assert not any(_walk_circled(after, e) for e in after)
    if bad:
        assert result.status == "failed"
        assert after == before
    if case == "two_swap":
        assert result.as_json()["errors"][-1]["message"].startswith(
            "This line closes a circle of managers (E002 → E001 → E002)")


def test_a_metrics_file_carrying_managers_may_not_close_a_circle(con):
    text = "工号,日期,客户满意度,直属主管\nE001,2026/1/5,91,E002\nE002,2026/1/5,88,E001\n"
    result = store.import_bytes(con, text.encode("utf-8"), "m.csv", kind="metrics",
                                skip_bad_rows=True)
    assert result.errors[["line", "code"]].values.tolist() == [
        [2, "manager_cycle"], [3, "manager_cycle"]]
    assert _chain(con)["E001"] == "M01"


def test_skipping_a_circles_lines_may_not_leave_another(con):
    # E001 -> E002 -> E001 is refused; E001 then keeps M01, and M01 -> E001 closes a new circle.
    edges = {"E001": "E002", "E002": "E001", "M01": "E001"}
    before = _chain(con)
    result = _roster(con, None, _circle_file(edges), skip_bad_rows=True)
    assert sorted(result.errors["line"]) == [2, 3, 4]
    assert _chain(con) == before


def test_an_undo_that_would_close_a_circle_is_refused(con):
    first = _roster(con, HR, _circle_file({"E001": "E009"}))  # E009 -> M02 -> D01
    second = _roster(con, HR, _circle_file({"M01": "E001"}))  # fine while E001 -> E009
    assert (first.status, second.status) == ("loaded", "loaded")
    with pytest.raises(store.CircleRefused) as caught:
        store.undo_import(scoped(con, HR), first.import_id)  # E001 -> M01 again: a circle
    assert "E001, M01" in caught.value.message("en")
    assert "E001, M01" in caught.value.message("zh")
    assert _chain(con)["E001"] == "E009"
    status = con.execute("SELECT status FROM imports WHERE import_id = ?", [first.import_id])
    assert status.fetchone()[0] == "loaded"
    assert store.undo_import(con, second.import_id)
    assert store.undo_import(con, first.import_id)
    assert _chain(con)["E001"] == "M01"


def test_the_issues_command_line_move_exits_1_with_the_sentence(tmp_path, demo_db, capsys):
    db = tmp_path / "demo.duckdb"
    db.write_bytes(demo_db.read_bytes())
    con = store.connect(db)
    add_user(con, M01.email, role="manager", employee_id="M01")
    con.close()
    roster = tmp_path / "roster.csv"
    roster.write_text("工号,姓名,部门,直属主管\nE001,张伟,售后二组,M02\n", encoding="utf-8")
    code = cli.main(["import", str(roster), "--as", M01.email, "--db", str(db)])
    out = capsys.readouterr().out
    assert code == 1
    assert "line 2, 直属主管: Only HR can change who E001 reports to" in out
    assert "line 2, 部门: Only HR can move E001 to another team" in out
    con = store.connect(db)
    assert _stored(con, "E001") == E001
    con.close()
