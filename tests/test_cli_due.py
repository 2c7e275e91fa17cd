"""`cli.py due` on the demo: the planted cadence gaps are listed, the same as the follow-up page."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

import demo
import store
from reports.followup import due_list
from tests.test_cli_manager import run


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("due") / "demo.duckdb")
    assert run("demo", "--db", path)[0] == 0
    return path


def test_the_declining_agent_is_the_most_overdue(demo_db):
    code, out, err = run("due", "--db", demo_db, "--format", "json")
    assert code == 0, err
    rows = pd.DataFrame(json.loads(out))
    # E010's last contact was 2025-11-07, 52 days before the last week 2025-12-29 (demo.py):
    # contact was due 30 days after it, 2025-12-07, so 22 days overdue.
    first = rows.iloc[0]
    assert (first["employee_id"], first["kind"]) == (demo.STORIES["declining"], "monthly_contact")
    assert (first["due"], first["days_overdue"]) == ("2025-12-07", 22)
    # The new hire (E008) was coached late, but his first month is over: nothing is due for him.
    assert demo.STORIES["new_hire"] not in set(rows["employee_id"])


def test_due_matches_the_report_and_filters_by_manager(demo_db):
    code, out, _ = run("due", "--db", demo_db, "--manager", "M02")
    assert code == 0
    printed = pd.read_csv(io.StringIO(out), dtype=str)
    con = store.connect(demo_db)
    try:
        expected = due_list(con, manager_id="M02")
    finally:
        con.close()
    assert printed["employee_id"].tolist() == expected["employee_id"].tolist()
    assert set(printed["manager_id"]) == {"M02"}


def test_bad_date_is_a_usage_error(demo_db):
    code, _, err = run("due", "--db", demo_db, "--as-of", "someday")
    assert code == 2
    assert "not a date" in err
