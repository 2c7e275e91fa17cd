"""The audit: recorded for every viewer, read only by admin, HR and local; settings and catalog
changes are checked against the role and recorded."""

import datetime as dt

import duckdb
import psycopg.errors
import pytest

import store
from store import settings
from store.access import AccessDenied, Viewer
from store.audit import ACTIONS, CATALOG, EXPORT, IMPORT, SETTINGS, audit_log, record
from store.scope import scoped

MANAGER = Viewer("m01@x", "manager", "M01")


@pytest.fixture
def con(fresh_db):
    con = store.connect(fresh_db)
    yield con
    con.close()


@pytest.fixture
def demo(demo_target):
    con = store.connect(demo_target)
    yield con
    con.close()


def test_a_manager_records_through_the_read_only_view_but_cannot_read_it(con):
    mine = scoped(con, MANAGER)
    record(mine, EXPORT, target="flags", rows=8, detail="csv")
    assert audit_log(mine).empty  # their audit_log is an empty view
    # the view itself cannot be written (PostgreSQL: the reader role may not write at all)
    with pytest.raises((duckdb.CatalogException, psycopg.errors.InsufficientPrivilege)):
        mine.execute("INSERT INTO audit_log VALUES (now(), 'x', 'import', NULL, NULL, NULL, 0)")
    rows = audit_log(con)
    assert rows[["actor", "action", "target", "rows", "detail"]].to_dict("records") == [
        {"actor": "m01@x", "action": "export", "target": "flags", "rows": 8, "detail": "csv"}]
    for reader in (Viewer("hr@x", "hr"), Viewer("boss@x", "admin")):
        assert len(audit_log(scoped(con, reader))) == 1
    assert audit_log(scoped(con, Viewer("lead@x", "leadership"))).empty


def test_newest_first_filters_and_vocabulary(con):
    record(con, IMPORT, target=1, rows=10)
    record(con, EXPORT, target="board")
    record(con, IMPORT, target=2, rows=3, detail="x" * 500)
    rows = audit_log(con)
    assert list(rows["target"]) == ["2", "board", "1"]
    assert len(rows["detail"].iloc[0]) == 200  # a detail stays short
    assert list(audit_log(con, actions=[IMPORT])["target"]) == ["2", "1"]
    assert len(audit_log(con, since=dt.date.today())) == 3
    assert audit_log(con, since=dt.date.today() + dt.timedelta(days=1)).empty
    assert {"import", "undo_import", "export", "settings", "catalog", "view_employee",
            "user_add", "user_remove", "backup", "restore", "recipe", "digest", "plan_confirm",
            "session_rating", "pulse"} == set(ACTIONS)
    with pytest.raises(ValueError, match="unknown audit action"):
        record(con, "peek")


def test_settings_need_the_right_and_are_recorded(con):
    mine = scoped(con, MANAGER)
    with pytest.raises(AccessDenied) as caught:
        settings.save(mine, "thresholds", {"trend_alpha": 0.2})
    assert caught.value.code == "denied"
    with pytest.raises(AccessDenied):
        settings.reset(mine, "thresholds")
    assert settings.load(con, "thresholds") == {}
    admin = scoped(con, Viewer("boss@x", "admin"))
    settings.save(admin, "thresholds", {"trend_alpha": 0.2})
    assert settings.load(con, "thresholds") == {"trend_alpha": 0.2}
    settings.reset(admin, "thresholds")
    assert settings.load(con, "thresholds") == {}
    log = audit_log(con, actions=[SETTINGS])
    assert list(zip(log["actor"], log["target"], log["detail"], strict=True)) == [
        ("boss@x", "thresholds", "reset"), ("boss@x", "thresholds", "save")]


def test_catalog_edits_need_the_right_and_record_the_count(demo):
    edited = store.catalog(demo)
    edited.loc[edited.index[0], "direction"] = (
        "lower" if edited["direction"].iloc[0] == "higher" else "higher")
    with pytest.raises(AccessDenied):
        store.save_catalog(scoped(demo, MANAGER), edited)
    assert audit_log(demo, actions=[CATALOG]).empty
    hr = scoped(demo, Viewer("hr@x", "hr"))
    assert store.save_catalog(hr, edited) == 1
    assert store.save_catalog(hr, edited) == 0  # nothing changed: nothing recorded
    log = audit_log(demo, actions=[CATALOG])
    assert list(zip(log["actor"], log["rows"], log["target"], strict=True)) == [("hr@x", 1, None)]
