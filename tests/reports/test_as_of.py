"""reports.as_of: one as-of policy (the data's last day, or today when picked) for every page
and command, and the only place that reads the clock for an as-of date."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pandas as pd
import pytest

import store
from reports import as_of
from reports.employee import employee_prep
from store import coaching_log
from tests.test_cli_manager import run

ROOT = Path(__file__).resolve().parents[2]
ROSTER = "工号,姓名,部门,直属主管,入职日期\nE1,王芳,一组,M1,2025-06-02\n"
METRICS = "工号,日期,客户满意度\nE1,2025/6/23,80\nE1,2025/6/30,82\n"


@pytest.fixture
def con(tmp_path):
    connection = store.connect(tmp_path / "a.duckdb")
    yield connection
    connection.close()


def _load(con, *, metrics: bool, session: dt.date | None) -> None:
    assert store.import_bytes(con, ROSTER.encode(), "roster.csv").status == "loaded"
    if metrics:
        assert store.import_bytes(con, METRICS.encode(), "m.csv").status == "loaded"
    if session is not None:
        coaching_log.log_session(con, employee_id="E1", session_date=session,
                                 session_type="informal", model="GROW", coach="M1", notes="talk")


@pytest.mark.parametrize(("metrics", "session", "expected"), [
    (True, dt.date(2025, 7, 4), "2025-06-30"),  # the latest metric period wins over a session
    (False, dt.date(2025, 7, 4), "2025-07-04"),  # no metrics: the latest session
])
def test_the_default_is_the_datas_last_day(con, metrics, session, expected):
    _load(con, metrics=metrics, session=session)
    frame = con.execute("SELECT max(period) FROM metric_values").fetchone()[0]
    assert (pd.Timestamp(frame) if metrics else pd.Timestamp(session)) == pd.Timestamp(expected)
    assert as_of.as_of_date(con) == pd.Timestamp(expected)
    assert as_of.as_of_date(con, as_of.DATA) == as_of.data_day(con)


def test_today_when_picked_or_when_there_is_no_data(con):
    midnight = pd.Timestamp(dt.date.today())
    assert as_of.as_of_date(con) == midnight  # empty database
    _load(con, metrics=True, session=None)
    assert as_of.as_of_date(con, as_of.TODAY) == midnight
    with pytest.raises(ValueError, match="choice"):
        as_of.as_of_date(con, "yesterday")


@pytest.mark.parametrize(("text", "expected"), [
    (None, None), ("", None), ("data", None), ("2025-03-05", pd.Timestamp("2025-03-05")),
    ("today", "today"), ("TODAY", "today"),
])
def test_parse(text, expected):
    wanted = pd.Timestamp(dt.date.today()) if expected == "today" else expected
    assert as_of.parse(text) == wanted


@pytest.mark.parametrize("text", ["soon", "2025-13-45"])
def test_parse_refuses_what_is_not_a_date(text):
    with pytest.raises(ValueError, match="not a date"):
        as_of.parse(text)


def test_the_cli_takes_today_and_refuses_nonsense(tmp_path):
    db = str(tmp_path / "c.duckdb")
    con = store.connect(db)
    _load(con, metrics=True, session=None)
    con.close()
    code, out, err = run("due", "--db", db, "--as-of", "today", "--format", "json")
    assert code == 0, err
    code, out, err = run("due", "--db", db, "--as-of", "soon")
    assert (code, out) == (2, "")
    assert "'soon' is not a date" in err


# Reading the clock for a date is the policy's alone; these read it for something else.
CLOCK = re.compile(r"Timestamp\.(today|now)\(|Timestamp\(\"(today|now)\"\)|date\.today\(\)"
                   r"|datetime\.(now|today)\b")
NOT_AN_AS_OF = {
    "reports/as_of.py": "the policy itself",
    "commands/digest.py": "which subscriptions are due to be sent today",
    "commands/digest_schedule.py": "the sending timer's clock",
    "ui/downloads.py": "a download's file name stamp",
    "ui/admin.py": "the audit filter's first day",
    "ui/logflow.py": "a new talk's date field",
    "views/coaching_plans.py": "a plan review's date field",
    "ui/plans.py": "a plan review's date field",
    "ui/sheet_periods.py": "the calendar year a file without years is likely from",
}


def test_no_module_falls_back_to_the_clock_on_its_own():
    found = set()
    for folder in ("analytics", "reports", "charts", "commands", "ui", "views", "i18n"):
        for path in (ROOT / folder).rglob("*.py"):
            if CLOCK.search(path.read_text(encoding="utf-8")):
                found.add(path.relative_to(ROOT).as_posix())
    assert found <= set(NOT_AN_AS_OF), sorted(found - set(NOT_AN_AS_OF))
    assert "reports/as_of.py" in found


@pytest.mark.parametrize("session", [dt.date(2025, 7, 4), None])
def test_a_prep_without_metric_values_is_as_of_the_policys_day(con, session):
    _load(con, metrics=False, session=session)
    prep = employee_prep(con, "E1")
    expected = pd.Timestamp(session) if session else pd.Timestamp(dt.date.today())
    assert prep.as_of == expected == as_of.as_of_date(con)
