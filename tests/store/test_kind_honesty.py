"""Kind detection must not lie: a file of scores per person and quarter is
metrics, a file that could be either is asked about, and every import says what it stored and
which columns it did not.

Before: the quarterly scores went in as a roster, storing none of the scores, exit 0.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

import ingest
import store
from ingest.fields import AS_METRIC
from store.import_log import summary

ROOT = Path(__file__).resolve().parents[2]
SCORES = pd.DataFrame([(f"E{e}", y, q, (e * 7 + y + q * 3) % 5 + 1)
                       for e in range(6) for y in (2023, 2024) for q in (1, 2, 3, 4)],
                      columns=["Employee ID", "Year", "Quarter", "Score"])
EITHER = pd.DataFrame({"EmployeeID": ["A1", "A2", "A3"], "Name": ["Ann", "Bo", "Cy"],
                       "Department": ["Sales", "Sales", "R&D"],
                       "LastReviewDate": ["2024-03-01", "2024-03-04", "2024-02-27"],
                       "Salary": [5100, 4800, 6100]})


def csv(frame: pd.DataFrame) -> bytes:
    return frame.to_csv(index=False).encode()


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "cli.py"), *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=120, check=False)


def test_quarterly_scores_are_metrics_and_every_score_is_stored(tmp_path):
    con = store.connect(tmp_path / "q.duckdb")
    result = store.import_bytes(con, csv(SCORES), "scores.csv")
    assert (result.status, result.kind) == ("loaded", "metrics")
    got = con.execute("SELECT employee_id, period, value FROM metric_values "
                      "WHERE metric = 'Score' ORDER BY ALL").fetchall()
    quarter_start = [date(y, 3 * q - 2, 1) for y, q in zip(SCORES["Year"], SCORES["Quarter"],
                                                            strict=True)]
    want = sorted(zip(SCORES["Employee ID"], quarter_start, SCORES["Score"].astype(float),
                      strict=True))
    assert got == want
    people = SCORES["Employee ID"].nunique()
    assert result.stored == {"metric_values": (len(SCORES), len(SCORES)),
                             "employees": (people, people)}
    assert result.not_stored == []


def test_year_and_quarter_are_never_proposed_as_metrics():
    mapping = ingest.guess_mapping(list(SCORES.columns), "metrics", sample=SCORES.astype(str))
    assert [c for c, f in mapping.items() if f == AS_METRIC] == ["Score"]


def test_a_file_that_could_be_either_is_asked_about(tmp_path):
    path = tmp_path / "either.csv"
    path.write_bytes(csv(EITHER))
    assert ingest.kind_choices(list(EITHER.columns)) == ["metrics", "roster"]
    db = str(tmp_path / "e.duckdb")
    asked = cli("import", str(path), "--db", db)
    assert asked.returncode == 2
    assert "--kind" in asked.stdout
    con = store.connect(db)
    assert con.execute("SELECT count(*) FROM employees").fetchone()[0] == 0
    con.close()


@pytest.mark.parametrize(("kind", "stored", "not_stored"), [
    ("roster", "3 people in the roster", "LastReviewDate, Salary"),
    ("metrics", "3 metric values", None),
])
def test_the_chosen_kind_says_what_it_stored(tmp_path, kind, stored, not_stored):
    path = tmp_path / "either.csv"
    path.write_bytes(csv(EITHER))
    done = cli("import", str(path), "--db", str(tmp_path / "k.duckdb"), "--kind", kind)
    assert done.returncode == 0, done.stdout
    assert stored in done.stdout
    if not_stored:
        assert f"the columns {not_stored} were not stored" in done.stdout
    con = store.connect(tmp_path / "k.duckdb")
    if kind == "metrics":
        values = dict(con.execute("SELECT employee_id, value FROM metric_values").fetchall())
        assert values == dict(zip(EITHER["EmployeeID"], EITHER["Salary"].astype(float),
                                  strict=True))
    con.close()


def test_a_roster_names_the_columns_it_did_not_store(tmp_path):
    con = store.connect(tmp_path / "z.duckdb")
    raw = "工号,姓名,部门,得分\nE1,王芳,一组,88\nE2,李娜,一组,90\n".encode("gbk")
    result = store.import_bytes(con, raw, "r.csv")
    assert result.kind == "roster"
    assert result.not_stored == ["得分"]
    assert "得分" in summary(result, "zh")
