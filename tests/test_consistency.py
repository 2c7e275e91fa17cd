"""The headline figures agree wherever they mean the same thing.

For the demo and for a generated company of 313 people (managers without metrics, leavers,
late hires, people without a manager, people far under target inside green teams), the
overview, the board, the HR page, the follow-up page, the CLI and the exports are asked for
people, flagged, coverage, sessions, red cells and red people, each through its own report
function, and compared with each other and with a count made by hand from the raw tables.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

import store
from i18n import t
from reports.board import board_view
from reports.board_export import to_html, to_xlsx
from reports.digest import build as digest_of
from reports.flag_export import flag_export
from reports.followup import due_list
from reports.impact import impact_report, summary
from reports.overview import overview
from tests.company import build

ROOT = Path(__file__).resolve().parents[1]
COVERAGE_DAYS = 91  # the default window (analytics.board_thresholds.coverage_days)


@pytest.fixture(scope="module")
def company(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("company") / "company.duckdb")


@pytest.fixture(scope="module", params=["demo", "company"])
def db(request) -> Path:
    return request.getfixturevalue("demo_db" if request.param == "demo" else "company")


def cli(db: Path, *args: str) -> list[dict]:
    done = subprocess.run([sys.executable, str(ROOT / "cli.py"), *args, "--db", str(db),
                           "--format", "json"], capture_output=True, text=True, cwd=ROOT,
                          timeout=180, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def by_hand(db: Path, end: pd.Timestamp) -> dict[str, object]:
    """People, coached and sessions counted from the raw tables, one person at a time."""
    con = store.connect(db)
    values = con.execute("SELECT employee_id, period FROM metric_values").df()
    sessions = con.execute("SELECT employee_id, session_date FROM coaching_sessions").df()
    con.close()
    start = end - pd.Timedelta(days=COVERAGE_DAYS - 1)
    inside = values[(pd.to_datetime(values["period"]) >= start)
                    & (pd.to_datetime(values["period"]) <= end)]
    people = set(inside["employee_id"])
    day = pd.to_datetime(sessions["session_date"])
    held = sessions[(day >= start) & (day <= end) & sessions["employee_id"].isin(people)]
    return {"people": people, "coached": set(held["employee_id"]), "sessions": len(held),
            "start": start}


def as_of_choices(db: Path) -> list[pd.Timestamp]:
    con = store.connect(db)
    last = pd.Timestamp(con.execute("SELECT max(period) FROM metric_values").fetchone()[0])
    con.close()
    return [last, last - pd.Timedelta(weeks=9)]


@pytest.fixture(scope="module")
def figures(db) -> dict:
    """Every page's headline figures at the last period and nine weeks before."""
    out = {}
    for end in as_of_choices(db):
        con = store.connect(db)
        ov = overview(con, as_of=end)
        team, manager = board_view(con, as_of=end), board_view(con, as_of=end, by="manager")
        hand = by_hand(db, end)
        hr = impact_report(con, start=hand["start"], end=end)
        out[end] = {"overview": ov, "board": team, "manager": manager, "hr": hr, "hand": hand,
                    "due": due_list(con, as_of=end)}
        con.close()
    return out


def test_people_flagged_coached_and_sessions_agree_on_every_page(figures):
    for end, f in figures.items():
        hand, ov, heads = f["hand"], f["overview"], f["hr"].headcount
        people, coached = len(hand["people"]), len(hand["coached"])
        assert (ov.people, f["board"].tiles["people"], f["manager"].tiles["people"],
                heads.people) == (people,) * 4, end
        assert (f["board"].tiles["coached"], heads.coached) == (coached, coached), end
        assert (ov.sessions, f["board"].tiles["sessions"], heads.sessions) == (
            hand["sessions"],) * 3, end
        assert f["board"].tiles["flagged"] == ov.flagged == ov.flags["employee_id"].nunique()
        assert set(ov.flags["employee_id"]) <= hand["people"]  # flagged is "of those people"


def test_hr_compliance_and_cli_use_the_same_coverage(db, figures):
    end = max(figures)
    f = figures[end]
    rates = summary(f["hr"])["compliance"]["coverage"]
    assert (rates["met"], rates["eligible"]) == (len(f["hand"]["coached"]),
                                                 len(f["hand"]["people"]))
    got = cli(db, "impact", "--from", f"{f['hand']['start']:%Y-%m-%d}", "--to", f"{end:%Y-%m-%d}")
    assert got["headcount"] == json.loads(json.dumps(summary(f["hr"])["headcount"]))
    assert got["compliance"]["coverage"] == json.loads(json.dumps(rates))


def test_cli_flags_and_their_export_count_the_overview_s_flagged_people(db, figures):
    ov = figures[max(figures)]["overview"]
    rows = cli(db, "flags")
    assert len({r["employee_id"] for r in rows}) == ov.flagged
    exported = flag_export(ov.flags)
    assert exported["employee_id"].nunique() == ov.flagged


def test_red_cells_and_red_people_agree_between_board_cli_and_exports(db, figures):
    view, by_manager = figures[max(figures)]["board"], figures[max(figures)]["manager"]
    team_rows, manager_rows = cli(db, "board"), cli(db, "board", "--by", "manager")
    assert sum(r["status"] == "red" for r in team_rows) == view.tiles["red"]
    # every red (person, metric) sits under exactly one cell, by team and by manager alike
    pairs = len(view.red)
    assert sum(r["red_people"] for r in team_rows) == sum(
        r["red_people"] for r in manager_rows) == pairs
    assert view.tiles["red_people"] == by_manager.tiles["red_people"] == view.red[
        "employee_id"].nunique()
    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx(view)))[t("board.summary.title")]
    exported = {row[0]: row[1] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert exported[t("board.summary.red")] == view.tiles["red"]
    assert exported[t("board.summary.red_people")] == view.tiles["red_people"]
    assert exported[t("board.summary.people")] == view.tiles["people"]
    assert exported[t("board.summary.coached")] == view.tiles["coached"]
    assert exported[t("board.summary.flagged")] == view.tiles["flagged"]
    page = to_html(view)
    assert f"<td>{view.tiles['red_people']}</td>" in page


def test_everyone_uncovered_is_overdue_on_the_follow_up_page(db, figures):
    """Coverage says who had no talk in the window; the follow-up page must list each of them
    (with a manager) as overdue, and the CLI's due list is the page's."""
    end = max(figures)
    f = figures[end]
    con = store.connect(db)
    bosses = con.execute("SELECT employee_id, manager_id FROM employees").df()
    con.close()
    managed = set(bosses.loc[bosses["manager_id"].notna(), "employee_id"])
    uncovered = (f["hand"]["people"] - f["hand"]["coached"]) & managed
    overdue = set(f["due"].loc[f["due"]["days_overdue"] > 0, "employee_id"])
    assert uncovered <= overdue
    rows = cli(db, "due")
    assert len(rows) == len(f["due"])
    assert {r["employee_id"] for r in rows} == set(f["due"]["employee_id"])


def test_the_digest_counts_what_the_pages_count(db, figures):
    """The weekly digest repeats the pages' figures: flagged people, talks due, red cells and
    red people of the board, the HR page's coverage."""
    f = figures[max(figures)]
    con = store.connect(db)
    digest = digest_of(con)
    hr = impact_report(con)
    con.close()
    counts = digest.counts
    assert counts["attention"] == f["overview"].flagged
    assert counts["talks"] == len(f["due"])
    assert counts["red_cells"] == f["board"].tiles["red"]
    assert counts["red_people"] == len(f["board"].red)
    compliance = next(s for s in digest.sections if s.key == "compliance")
    heads = hr.headcount
    said = f"{heads.coached} of {heads.people} people measured from {heads.start:%Y-%m-%d}"
    assert said in compliance.summary
