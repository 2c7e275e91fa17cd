"""``cli.py import`` of a per-call log: aggregated at the chosen grain, every figure checked."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import numpy as np
import pytest

from tests.ingest import event_log

ROOT = Path(__file__).resolve().parents[1]


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "cli.py"), *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=120, check=False)


@pytest.mark.parametrize(("grain", "extra"), [("month", []), ("week", ["--include-partial"])])
def test_import_a_call_log_workbook(tmp_path, grain, extra):
    truth = event_log.calls()
    path = tmp_path / "calls.xlsx"
    path.write_bytes(event_log.xlsx_bytes(truth))
    db = tmp_path / "c.duckdb"
    done = cli("import", str(path), "--db", str(db), "--grain", grain, "--json", *extra)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    want = event_log.expected(truth, grain, include_partial=bool(extra)).sort_index()
    assert (report["kind"], report["rows_loaded"], report["errors"]) == ("metrics", len(want), [])
    with duckdb.connect(str(db), read_only=True) as con:
        got = con.execute("SELECT e.name AS employee_id, period::TIMESTAMP AS period, metric, "
                          "value, n_events, partial FROM metric_values "
                          "JOIN employees e USING (employee_id)").df()
    got = got.set_index(["employee_id", "period", "metric"]).sort_index()
    assert got.index.tolist() == want.index.tolist()
    np.testing.assert_allclose(got["value"].to_numpy(float), want["value"].to_numpy(float))
    assert got["n_events"].tolist() == want["n_events"].tolist()
    assert got["partial"].tolist() == want["partial"].tolist()


def test_a_bad_talk_time_names_its_line_and_exits_1(tmp_path):
    truth = event_log.calls()
    lines = event_log.csv_bytes(truth).decode().splitlines()
    row = int(truth.index[truth["answered"]][2])
    cells = lines[row + 1].split(",")
    cells[7] = "about 3 min"
    lines[row + 1] = ",".join(cells)
    path = tmp_path / "calls.csv"
    path.write_text("\n".join(lines) + "\n")
    done = cli("import", str(path), "--db", str(tmp_path / "c.duckdb"))
    assert done.returncode == 1
    assert f"line {row + 2}, Talk time: “about 3 min” in column “Talk time” is not a number" \
        in done.stdout
    assert "Traceback" not in done.stderr


def test_a_daily_call_log_gets_flags_over_days(tmp_path):
    truth = event_log.calls()
    path = tmp_path / "calls.csv"
    path.write_bytes(event_log.csv_bytes(truth))
    db = str(tmp_path / "c.duckdb")
    assert cli("import", str(path), "--db", db, "--grain", "day").returncode == 0
    done = cli("flags", "--db", db, "--format", "json")
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    windows = {r["evidence"].split("(mean of the last ")[1].split(";")[0]
               for r in rows if r["reason"] == "below_team"}
    assert windows <= {"4 days"}
    assert "Traceback" not in done.stderr
