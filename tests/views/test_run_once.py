"""What a run reads once (ui/context.py ``run_version``) and the sidebar's cached texts
(ui/sidebar.py), in real Streamlit run contexts on a real copy of the demo database.

The data version is read once per run, so the page's snapshot, the digest check and the sidebar
share one query; it is read again after the run took a cursor that can write, so what a run
stored is counted by its own sidebar; and a new run reads it afresh, so another session's change
is seen at the next run. The sidebar's texts are cached per viewer scope: each viewer's entry
equals the uncached function and their own people counted from the roster in pandas.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest

import store
from i18n import t
from reports.overview import flag_rows, overview
from store.access import LOCAL, cache_key, writer
from store.users import add_user, lookup
from tests.views.run_context import in_thread, new_run
from ui import context
from ui.audit import viewed_employee
from ui.cache import Snapshot, overview_at
from ui.digest import _send_hour
from ui.overview_attention import found_rows
from ui.sidebar import texts
from writes import digest as digest_writes

MANAGERS = {"m01@example.com": "M01", "m02@example.com": "M02"}


@pytest.fixture
def db(monkeypatch, demo_copy):
    monkeypatch.setenv("COACHBOARD_DB", str(demo_copy))
    return demo_copy


def _stored(path) -> str:
    """The data version as a fresh connection reads it (DuckDB shares the open database)."""
    con = store.connect(path)
    try:
        return f"{store.db.db_key()}#{store.data_version(con)}"
    finally:
        con.close()


def _change(path, hour: int | None) -> None:
    """Another session's write: a setting (part of the data version) through its own cursor."""
    con = store.connect(path)
    try:
        digest_writes.save_send_hour(con, hour)
    finally:
        con.close()


def test_the_data_version_is_read_once_per_run_and_again_after_a_write(db):
    seen: dict[str, str] = {}

    def run() -> None:
        new_run()
        seen["first"] = context.run_version()
        _change(db, 7)  # another session writes while this run is drawn
        seen["same run"] = context.run_version()  # the run keeps what it drew with
        seen["stored after 7"] = _stored(db)
        writer(context.cursor(), "settings").execute(  # this run writes
            "INSERT INTO settings VALUES ('bench.note', '{}')")
        seen["after own write"] = context.run_version()
        seen["stored after own"] = _stored(db)
        new_run()
        seen["next run"] = context.run_version()

    in_thread(run)
    assert seen["same run"] == seen["first"] != seen["stored after 7"]
    assert seen["after own write"] == seen["stored after own"] != seen["stored after 7"]
    assert seen["next run"] == seen["stored after own"]


def test_the_send_hour_is_read_per_data_version(db):
    hours: list[int | None] = []

    def run() -> None:
        for hour in (5, None, 9):
            _change(db, hour)
            new_run()
            hours.append(_send_hour(context.run_version()))

    in_thread(run)
    assert hours == [5, None, 9]


def _people_below(roster: pd.DataFrame, root: str) -> set[str]:
    """Everyone under ``root`` through the manager column, walked in pandas."""
    found, frontier = set(), {root}
    while frontier:
        frontier = set(roster.loc[roster["manager_id"].isin(frontier), "employee_id"]) - found
        found |= frontier
    return found


@pytest.fixture
def viewers(db):
    con = store.connect(db)
    for email, employee_id in MANAGERS.items():
        add_user(con, email, role="manager", employee_id=employee_id)
    roster = con.execute("SELECT employee_id, manager_id FROM employees").df()
    who = {email: cache_key(lookup(con, email)) for email in MANAGERS}
    con.close()
    counts = {email: len(_people_below(roster, root)) for email, root in MANAGERS.items()}
    return {"local": (cache_key(LOCAL), len(roster)),
            **{email: (who[email], counts[email]) for email in MANAGERS}}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_sidebar_texts_are_each_viewers_own(viewers, lang):
    got: dict[str, list] = {}

    def run() -> None:
        new_run()
        version = context.run_version()
        for name, (who, _) in viewers.items():
            got[name] = (texts(who, version, lang), texts.__wrapped__(who, version, lang))

    in_thread(run)
    for name, (_, people) in viewers.items():
        cached, fresh = got[name]
        assert cached == fresh
        roster_line = dict(cached)["markdown"]
        assert roster_line.startswith(t("sidebar.roster", lang).split("{")[0])
        assert int(re.search(r"\*\*(\d+)\*\*", roster_line).group(1)) == people, name
    lines = {name: dict(got[name][0])["markdown"] for name in got}
    assert len(set(lines.values())) == len(lines)  # three viewers, three entries


def test_a_page_view_audit_keeps_the_runs_version(db):
    """The employee page audits each person a session opens first: the audit is not part of
    the data version, so the run's version stays the one stored (no second read needed)."""
    got: dict[str, object] = {}

    def audited() -> int:
        con = store.connect(db)
        try:
            return con.execute("SELECT count(*) FROM audit_log WHERE target = 'E001'").fetchone()[0]
        finally:
            con.close()

    def run() -> None:
        new_run()
        got["before"], got["rows before"] = context.run_version(), audited()
        viewed_employee("E001")
        got["after"], got["stored"], got["rows after"] = (
            context.run_version(), _stored(db), audited())

    in_thread(run)
    assert got["before"] == got["after"] == got["stored"]
    assert got["rows after"] == got["rows before"] + 1


@pytest.mark.parametrize(("teams", "reasons", "search"), [
    ((), (), ""), (("售后一组",), (), ""), ((), ("below_team",), ""), ((), (), "e0"),
])
def test_attention_rows_are_each_viewers_own(db, viewers, teams, reasons, search):
    """The overview's attention rows, cached per viewer, version, as-of and filter: equal to
    ``flag_rows`` of an overview computed afresh, and only the viewer's own people."""
    got: dict[str, tuple] = {}

    def run() -> None:
        new_run()
        version = context.run_version()
        for name, (who, _) in viewers.items():
            snap = Snapshot(who, version)
            ov = overview_at(snap, None, "en")
            key = (who, version, None, "en")
            fresh = overview(context.cursor(who), as_of=None, lang="en")
            got[name] = (found_rows(key, ov.flags, teams, reasons, search),
                         flag_rows(fresh.flags, teams=teams, reasons=reasons, search=search))

    in_thread(run)
    con = store.connect(db)
    roster = con.execute("SELECT employee_id, manager_id FROM employees").df()
    con.close()
    for name in MANAGERS:
        cached, fresh = got[name]
        pd.testing.assert_frame_equal(cached, fresh)
        assert set(cached["employee_id"]) <= _people_below(roster, MANAGERS[name])
    pd.testing.assert_frame_equal(*got["local"])
    rows = {name: set(got[name][0]["employee_id"]) for name in got}
    assert rows["m01@example.com"].isdisjoint(rows["m02@example.com"])
