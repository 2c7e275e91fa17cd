"""Every page runs without an exception, and without an error box, on every kind of workspace.

The page list is read from views/, so a new page is covered the day it is added; the pages'
own test files check what they show.
"""

from pathlib import Path

import pytest

from tests.views.conftest import ROOT, make_app

PAGES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "views").glob("*.py"))


def test_the_page_list_is_read():
    assert {"views/overview.py", "views/employee.py", "views/board.py"} <= set(PAGES)


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize(("workspace", "lang"), [
    ("empty_db", "en"), ("one_person_db", "zh"), ("demo_copy", "en"), ("demo_copy", "zh"),
    ("pg_demo", "en"),  # the same pages on PostgreSQL
])
def test_page_runs_cleanly(monkeypatch, request, page, workspace, lang):
    db: Path | str = request.getfixturevalue(workspace)
    at = make_app(monkeypatch, db, page=page, lang=lang)
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    assert at.title, f"{page} shows no title"
