"""The import page without a file: the history and its undo control."""

import store
from i18n import t
from tests.views.conftest import make_app


def test_empty_history(monkeypatch, empty_db):
    at = make_app(monkeypatch, empty_db, page="views/upload.py")
    assert at.title[0].value == t("upload.title")
    assert t("history.empty") in [c.value for c in at.caption]


def test_undo_needs_confirmation_then_removes_the_import(monkeypatch, demo_copy):
    at = make_app(monkeypatch, demo_copy, page="views/upload.py")
    assert at.button(key="undo_go").disabled
    # the same process may open the file again: DuckDB shares the instance
    con = store.connect(demo_copy)
    hist = store.history(con)
    goals_id = int(hist.loc[hist["kind"] == "goals", "import_id"].iloc[0])
    assert store.facts(con)["goals"] > 0
    at.selectbox(key="undo_pick").select(goals_id).run()
    at.checkbox(key="undo_sure").check().run()
    assert not at.button(key="undo_go").disabled
    at.button(key="undo_go").click().run()
    assert not at.exception
    assert store.facts(con)["goals"] == 0
    assert store.history(con).set_index("import_id").loc[goals_id, "status"] == "undone"
    con.close()


def test_an_undo_that_would_close_a_circle_of_managers_says_why(monkeypatch, demo_copy):
    con = store.connect(demo_copy)
    first = store.import_bytes(con, "工号,直属主管\nE001,E009\n".encode(), "a.csv", kind="roster")
    second = store.import_bytes(con, "工号,直属主管\nM01,E001\n".encode(), "b.csv", kind="roster")
    assert (first.status, second.status) == ("loaded", "loaded")
    at = make_app(monkeypatch, demo_copy, page="views/upload.py", lang="zh")
    at.selectbox(key="undo_pick").select(first.import_id).run()
    at.checkbox(key="undo_sure").check().run()
    at.button(key="undo_go").click().run()
    assert not at.exception
    assert [e.value for e in at.error] == [
        store.CircleRefused(first.import_id, ["E001", "M01"]).message("zh")]
    assert store.history(con).set_index("import_id").loc[first.import_id, "status"] == "loaded"
    con.close()
