"""`cli.py impact`: the headline figures as JSON or text, the same as reports.impact."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

import store
from reports.impact import impact_report, summary

ROOT = Path(__file__).resolve().parents[1]


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "cli.py"), *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=120, check=False)


@pytest.fixture
def demo(demo_db) -> Path:
    """The session's demo database (tests/conftest.py); the CLI only reads it."""
    return demo_db


@pytest.mark.parametrize("window", [(), ("--from", "2025-10-01"), ("--to", "2025-11-30")])
def test_json_matches_the_report(demo, window):
    out = cli("impact", "--db", str(demo), "--format", "json", *window)
    assert out.returncode == 0, out.stderr
    got = json.loads(out.stdout)
    args = dict(zip(("start" if "--from" in window else "end",), window[1:], strict=False))
    con = store.connect(demo)
    expected = summary(impact_report(con, **args))
    con.close()
    assert got == json.loads(json.dumps(expected))
    assert set(got["correlation"]) >= {"pearson_r", "spearman_rho", "p_value", "ci_low",
                                       "ci_high", "n"}
    # the 24 agents measured in the window, not the 3 leads without metrics
    assert got["compliance"]["coverage"]["eligible"] == got["headcount"]["people"] == 24
    assert got["event_study"]["n_events"] > 0


def test_the_demo_shows_a_visible_relation(demo):
    """demo.py plants a modest coaching effect: more sessions, more improvement."""
    got = json.loads(cli("impact", "--db", str(demo), "--format", "json").stdout)
    c, e = got["correlation"], got["event_study"]
    assert c["n"] == 23  # 24 agents, minus the new hire with no "before" half
    assert (round(c["pearson_r"], 2), round(c["ci_low"], 2), round(c["ci_high"], 2)) == (
        0.47, 0.07, 0.74)
    assert c["p_value"] < 0.05
    assert c["spearman_rho"] > 0.4
    assert e["n_control_employees"] >= 5  # the agents left uncoached for 2+ months
    assert (round(e["effect"], 2), round(e["ci_low"], 2), round(e["ci_high"], 2)) == (
        0.39, 0.13, 0.65)


def test_text_output(demo):
    out = cli("impact", "--db", str(demo))
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("window 2025-07-07 .. 2025-12-29\n")
    assert "sessions x change: n=23 pearson_r=" in out.stdout
    assert "people measured: 24, coached 24 (100.0%), sessions 212\n" in out.stdout
    assert "coverage: 100.0% (24/24)" in out.stdout
    # n = 23 of the 24 measured: the one not counted is named with the reason
    assert "n=23 of 24 measured, not counted: one_part 1\n" in out.stdout


@pytest.mark.parametrize("args", [("--from", "soon"), ("--from", "2025-12-01", "--to", "2025-08-01")])
def test_bad_dates_are_usage_errors(demo, args):
    out = cli("impact", "--db", str(demo), *args)
    assert out.returncode == 2
    assert out.stderr.startswith("impact:")


def test_empty_database(tmp_path):
    out = cli("impact", "--db", str(tmp_path / "e.duckdb"), "--format", "json")
    assert out.returncode == 0, out.stderr
    got = json.loads(out.stdout)
    assert got["correlation"]["n"] == 0
    assert got["compliance"] == {}
