"""Cached results are fresh for everyone: an import is seen by every session at once.

Two AppTest sessions share one server process and so its caches (``ui/cache.py``, keyed by
``store.data_version``). After one of them has filled the caches, a new file goes into the same
database; the other session's very next rerun must show it, without a restart or a cache clear.
"""

from __future__ import annotations

import store
from i18n import t
from tests.views.conftest import make_app

NEW_WEEK = "2026-01-05"  # the Monday after the demo's last week (2025-12-29)
NEW_FILE = (
    "工号,姓名,部门,日期,客户满意度\n"
    "N900,新同事,售后一组,2025/12/29,89\n"
    "N900,新同事,售后一组,2026/1/5,91\n"
    "D01,赵敏,售后一组,2026/1/5,77\n"
).encode()


def _tiles(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_second_session_sees_an_import_at_once(monkeypatch, demo_copy):
    first = make_app(monkeypatch, demo_copy)
    second = make_app(monkeypatch, demo_copy, page="views/employee.py")
    employees = int(_tiles(first)[t("head.people")])
    assert first.selectbox(key="ov_as_of").options[0] == "2025-12-29"
    assert not any("N900" in option for option in second.selectbox(key="emp_pick").options)

    # The app's own cached connection is open in this process: DuckDB hands the same database
    # to a second connection here, as the Import page of another session would write through it.
    con = store.connect(demo_copy)
    before = store.data_version(con)
    result = store.import_bytes(con, NEW_FILE, "new-week.csv")
    assert result.status == "loaded", result.as_json()
    assert store.data_version(con) != before
    con.close()

    # The employee page keeps its as-of (2025-12-29, whose team view is cached already) and
    # must now list the new person: the roster and the team view are both recomputed.
    second.run()
    assert not second.exception, second.exception
    assert second.selectbox(key="emp_as_of").options[0] == NEW_WEEK
    assert second.selectbox(key="emp_as_of").value == "2025-12-29"
    assert any("N900" in option for option in second.selectbox(key="emp_pick").options)

    first.run()  # the overview: the as-of choices and the tiles
    assert not first.exception, first.exception
    assert first.selectbox(key="ov_as_of").options[0] == NEW_WEEK
    assert int(_tiles(first)[t("head.people")]) == employees + 1

