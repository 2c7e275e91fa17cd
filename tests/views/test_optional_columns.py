"""A metrics file with only an id, a period and metric columns (no team, manager, name or
target) imports, and every page and every CLI command works on it.

Before: the overview, the prep page and the board crashed and ``cli.py flags`` printed a
traceback (analytics.grids.grid_sets indexed an empty team list with -1).
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import store
from i18n import t
from tests.views.conftest import ROOT, make_app

PAGES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "views").glob("*.py"))
WEEKS = pd.date_range("2025-06-02", periods=12, freq="W-MON")
# Each person's level, the same every week: E07 is far below everyone else on CSAT.
CSAT = {"E00": 84, "E01": 85, "E02": 86, "E03": 87, "E04": 88, "E05": 89, "E06": 90, "E07": 60}


def rows() -> pd.DataFrame:
    return pd.DataFrame([(e, w.date().isoformat(), level, 6.0 + i / 10)
                         for i, (e, level) in enumerate(CSAT.items()) for w in WEEKS],
                        columns=["Employee ID", "Week", "CSAT", "AHT"])


@pytest.fixture(scope="module")
def bare_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("bare") / "bare.duckdb"
    con = store.connect(path)
    result = store.import_bytes(con, rows().to_csv(index=False).encode(), "bare.csv")
    assert result.status == "loaded", result.as_json()
    con.close()
    return path


@pytest.fixture
def bare_copy(tmp_path, bare_db) -> Path:
    target = tmp_path / "bare.duckdb"
    target.write_bytes(bare_db.read_bytes())
    return target


def expected_below_team() -> set[str]:
    """Everyone in scope is one comparison group: per metric, the direction-aware z of each
    person's level and their percentile rank (AHT: the catalog takes lower as better)."""
    frame = rows().drop(columns="Week").groupby("Employee ID").mean()
    found = set()
    for metric, sign in (("CSAT", 1), ("AHT", -1)):
        score = sign * frame[metric]
        z = (score - score.mean()) / score.std()
        percentile = 100 * (score.rank() - 1) / (len(score) - 1)
        found |= set(score.index[(z < -1) & (percentile <= 25)])
    return found


def test_stored_rows_match_the_file(bare_db):
    con = store.connect(bare_db)
    got = con.execute("SELECT employee_id, metric, count(*), avg(value) FROM metric_values "
                      "GROUP BY ALL ORDER BY ALL").fetchall()
    con.close()
    frame = rows().melt(id_vars=["Employee ID", "Week"], var_name="metric")
    want = frame.groupby(["Employee ID", "metric"])["value"].agg(["count", "mean"])
    assert [(e, m, n, pytest.approx(v)) for (e, m), (n, v) in want.iterrows()] == got


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_page_runs(monkeypatch, bare_copy, page, lang):
    at = make_app(monkeypatch, bare_copy, page=page, lang=lang)
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_overview_flags_people_against_everyone(monkeypatch, bare_copy, lang):
    at = make_app(monkeypatch, bare_copy, page="views/overview.py", lang=lang)
    table = next(d for d in at.dataframe if d.key == "ov_flags").value
    flagged = set(table.iloc[:, 0].astype(str).str.extract(r"(E\d\d)")[0])
    assert expected_below_team() <= flagged
    cells = table.astype(str).to_numpy().ravel().tolist()
    assert "None" not in cells
    assert "nan" not in cells
    assert t("people.no_team", lang) in cells
    # the team trend draws people without a team as "no team", never "-" or None
    names = {trace.get("name") for chart in at.get("plotly_chart")
             for trace in json.loads(chart.proto.spec)["data"]}
    assert t("people.no_team", lang) in names
    assert not names & {"-", "None"}
    trend = next(c for c in at.get("plotly_chart") if c.key == "ov_trend")
    title = json.loads(trend.proto.spec)["layout"]["title"]["text"]
    metric = at.selectbox(key="ov_metric").value
    assert title == t("overview.trend_title_all", lang, metric=metric)


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "cli.py"), *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=120, check=False)


@pytest.mark.parametrize("command", [
    ["flags"], ["flags", "--format", "json"], ["board"], ["board", "--by", "manager"], ["due"],
    ["impact"], ["brief", "E07"], ["brief", "E07", "--format", "html", "--lang", "zh"],
])
def test_every_command_runs(bare_db, command):
    done = cli(*command, "--db", str(bare_db))
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert "None (" not in done.stdout
    assert ",None," not in done.stdout


def test_flags_compare_with_everyone_and_say_no_team(bare_db):
    done = cli("flags", "--db", str(bare_db))
    flags = list(csv.DictReader(io.StringIO(done.stdout)))
    below = {r["employee_id"] for r in flags if r["reason"] == "below_team"}
    assert below == expected_below_team()
    assert {r["team"] for r in flags} == {t("people.no_team", "en")}
    assert all(r["name"] for r in flags)  # the id stands in for a missing name


def test_board_json_says_no_team(bare_db):
    done = cli("board", "--db", str(bare_db), "--format", "json")
    groups = {r["label"] for r in json.loads(done.stdout)}
    assert groups == {t("people.no_team", "en")}
