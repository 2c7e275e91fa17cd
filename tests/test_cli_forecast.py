"""``cli.py forecast`` on a real demo database: who is forecast, the outlook, the flag, scope."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stderr, redirect_stdout

import duckdb
import pandas as pd
import pytest

import cli
from store.users import add_user


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = cli.main(list(argv))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("forecast") / "demo.duckdb")
    assert run("demo", "--db", path)[0] == 0
    return path


def _raw(db: str, as_of: str) -> pd.DataFrame:
    con = duckdb.connect(db, read_only=True)
    try:
        return con.sql("SELECT employee_id, metric, period::TIMESTAMP AS period, value "
                       "FROM metric_values WHERE period <= ?::DATE", params=[as_of]).df()
    finally:
        con.close()


@pytest.mark.parametrize("as_of", ["2025-12-08", "2025-12-29", "2025-08-04"])
def test_the_rows_are_the_series_with_enough_history(db, as_of):
    code, out, _ = run("forecast", "--db", db, "--as-of", as_of, "--format", "json")
    assert code == 0
    rows = pd.DataFrame(json.loads(out))
    raw = _raw(db, as_of)
    latest = raw["period"].max()
    per = raw.groupby(["employee_id", "metric"]).agg(n=("value", "count"), last=("period", "max"))
    expected = per.loc[(per["n"] >= 6) & (per["last"] == latest)]
    got = set(zip(rows.get("employee_id", []), rows.get("metric", []), strict=True))
    assert got == set(expected.index)
    if rows.empty:
        return
    assert (rows.set_index(["employee_id", "metric"])["n"]
            == expected["n"].reindex(rows.set_index(["employee_id", "metric"]).index)).all()
    assert (rows["next_low"] <= rows["next_expected"]).all()
    assert (rows["next_expected"] <= rows["next_high"]).all()
    assert (rows["p_80"] >= rows["p_100"]).all()
    assert set(rows["status"]) <= {"on_track", "at_risk", "likely_to_miss"}


def test_a_weekly_count_sums_the_month(db):
    _, out, _ = run("forecast", "--db", db, "--as-of", "2025-12-08", "--format", "json")
    rows = pd.DataFrame(json.loads(out))
    raw = _raw(db, "2025-12-08")
    december = raw.loc[raw["period"] >= "2025-12-01"].groupby(["employee_id", "metric"])["value"]
    counts = rows.loc[rows["metric"] == "周工单量"].set_index("employee_id")
    assert counts["additive"].all()
    sums = december.sum().xs("周工单量", level="metric")
    assert counts["so_far"].round(2).to_dict() == sums.reindex(counts.index).round(2).to_dict()
    assert (counts["needed"].round(3) == ((counts["target"] - counts["so_far"]) / 3).round(3)).all()
    csat = rows.loc[rows["metric"] == "客户满意度"].set_index("employee_id")
    means = december.mean().xs("客户满意度", level="metric").reindex(csat.index)
    assert not csat["additive"].any()
    assert (csat["so_far"].round(3) == means.round(3)).all()


def test_likely_to_miss_agrees_with_the_flags(db):
    _, out, _ = run("forecast", "--db", db, "--format", "json")
    rows = pd.DataFrame(json.loads(out))
    _, flags_out, _ = run("flags", "--db", db, "--format", "json")
    flagged = pd.DataFrame(json.loads(flags_out))
    flagged = flagged.loc[flagged["reason"] == "likely_to_miss_target"]
    assert not flagged.empty
    missing = rows.loc[rows["status"] == "likely_to_miss"]
    assert set(zip(missing["employee_id"], missing["metric"], strict=True)) == set(
        zip(flagged["employee_id"], flagged["metric"], strict=True))
    assert (missing["p_80"] < 0.3).all()


def test_csv_and_a_bad_date(db):
    code, out, _ = run("forecast", "--db", db)
    assert code == 0
    assert out.splitlines()[0].startswith("employee_id,name,team,metric,n,model,mae,mae_n")
    code, _, err = run("forecast", "--db", db, "--as-of", "tomorrow-ish")
    assert code == 2
    assert "is not a date" in err
    assert "Traceback" not in err


def test_a_manager_sees_only_their_people(db, tmp_path):
    con = duckdb.connect(db)
    # E001's manager leads a team of agents (nobody below them manages anyone).
    boss, team = con.sql("SELECT manager_id, list(employee_id) FROM employees WHERE manager_id "
                         "= (SELECT manager_id FROM employees WHERE employee_id = 'E001') "
                         "GROUP BY 1").fetchall()[0]
    con.close()
    from store import connect
    con = connect(db)
    add_user(con, "boss@example.com", role="manager", employee_id=boss)
    con.close()
    code, out, _ = run("forecast", "--db", db, "--as", "boss@example.com", "--format", "json")
    assert code == 0
    seen = set(pd.DataFrame(json.loads(out))["employee_id"])
    assert seen
    assert seen <= set(team)
