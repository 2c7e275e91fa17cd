"""Files that name people without ids: names matched to the roster, stable
ids for new names, two roster people of one name refused line by line."""

from __future__ import annotations

import hashlib
import unicodedata

import pandas as pd
import pytest

import store
from store.names import AMBIGUOUS

ROSTER = "工号,姓名,团队\nE1,王芳,一组\nE2,王伟,一组\nE3,王伟,二组\nE4,Becky Lee,二组\n"
# (name as the file writes it, week, calls, who it must be: a roster id, "new" or "ambiguous")
LINES = [
    ("王芳", "2025-07-07", 40, "E1"),
    ("王伟", "2025-07-07", 38, "ambiguous"),
    ("becky lee", "2025-07-07", 35, "E4"),
    ("ＢＥＣＫＹ  LEE ", "2025-07-14", 36, "E4"),
    ("新人", "2025-07-07", 20, "new"),
    (" 新人", "2025-07-14", 22, "new"),
    ("王芳", "2025-07-14", 41, "E1"),
]


def expected_new_id(name: str) -> str:
    """The documented rule, computed here again: sha1 of the NFKC, trimmed, case-folded name."""
    key = " ".join(unicodedata.normalize("NFKC", name).split()).casefold()
    return "P-" + hashlib.sha1(key.encode()).hexdigest()[:6]


def file_of(header: str, lines=LINES) -> bytes:
    frame = pd.DataFrame([(n, w, c) for n, w, c, _ in lines], columns=[header, "周", "接通量"])
    return frame.to_csv(index=False).encode("utf-8")


@pytest.fixture
def con(tmp_path):
    con = store.connect(tmp_path / "names.duckdb")
    assert store.import_bytes(con, ROSTER.encode(), "roster.csv").status == "loaded"
    yield con
    con.close()


def stored_calls(con) -> dict[tuple[str, str], float]:
    rows = con.execute("SELECT employee_id, strftime(period, '%Y-%m-%d'), value FROM metric_values"
                       " WHERE metric = '接通量'").fetchall()
    return {(e, p): v for e, p, v in rows}


def test_a_name_matching_two_people_is_a_bad_line_naming_them(con):
    result = store.import_bytes(con, file_of("坐席"), "calls.csv")
    assert result.status == "failed"
    bad = result.errors.loc[result.errors["code"] == AMBIGUOUS]
    # header = line 1: the file's lines whose name is ambiguous
    assert bad["line"].tolist() == [i + 2 for i, x in enumerate(LINES) if x[3] == "ambiguous"]
    assert bad["value"].tolist() == ["王伟 (E2, E3)"]
    message = result.as_json("zh")["errors"][0]["message"]
    assert "王伟 (E2, E3)" in message
    assert "工号" in message
    assert stored_calls(con) == {}


def test_names_resolve_exactly_loosely_or_to_a_stable_new_id(con):
    result = store.import_bytes(con, file_of("坐席"), "calls.csv", skip_bad_rows=True)
    assert result.status == "loaded"
    want = {}
    for name, week, calls, who in LINES:
        if who != "ambiguous":
            want[(expected_new_id(name) if who == "new" else who, week)] = float(calls)
    assert stored_calls(con) == want
    roster = dict(con.execute("SELECT employee_id, name FROM employees").fetchall())
    assert roster[expected_new_id("新人")] == "新人"
    assert roster["E4"] == "Becky Lee"  # a known person keeps the roster's spelling
    assert len(roster) == 5


def test_the_same_new_name_gets_the_same_id_next_month(con):
    first = [("Zoe Park", "2025-07-07", 10, "new")]
    later = [("zoe park ", "2025-08-04", 12, "new")]
    for lines in (first, later):
        assert store.import_bytes(con, file_of("Agent", lines), "z.csv").status == "loaded"
    ids = {e for e, _ in stored_calls(con)}
    assert ids == {expected_new_id("Zoe Park")}
    assert con.execute("SELECT count(*) FROM employees WHERE name ILIKE 'zoe%'").fetchone()[0] == 1


@pytest.mark.parametrize("header", ["Agent", "Sales Rep", "Owner", "销售代表", "坐席", "姓名",
                                    "sales_agent"])
def test_every_usual_name_header_is_the_person(tmp_path, header):
    con = store.connect(tmp_path / "h.duckdb")
    lines = [(n, w, c, who) for n, w, c, who in LINES if who == "new"]
    result = store.import_bytes(con, file_of(header, lines), "h.csv")
    assert result.status == "loaded", result.as_json()
    assert set(stored_calls(con)) == {(expected_new_id("新人"), w) for _, w, _, _ in lines}


@pytest.mark.parametrize(("cell", "code"), [
    ("E" + "9" * 64, "id_too_long"),
    ("E1\nE2", "id_line_break"),
])
def test_odd_ids_are_bad_lines(tmp_path, cell, code):
    con = store.connect(tmp_path / "i.duckdb")
    frame = pd.DataFrame({"工号": ["E1", cell], "周": ["2025-07-07"] * 2, "接通量": [1, 2]})
    result = store.import_bytes(con, frame.to_csv(index=False).encode(), "ids.csv")
    assert result.status == "failed"
    assert result.errors[["line", "code"]].to_numpy().tolist() == [[3, code]]


def test_first_and_last_name_columns_make_the_name_names_then_match(tmp_path):
    con = store.connect(tmp_path / "fl.duckdb")
    roster = pd.DataFrame({"EmployeeID": ["3012-1A41", "CBCB-9C9D"],
                           "FirstName": ["Leonelle", "Ahmed "], "LastName": ["Simco", "Sykes"],
                           "Department": ["Sales", "Sales"]})
    assert store.import_bytes(con, roster.to_csv(index=False).encode(), "e.csv").status == "loaded"
    names = dict(con.execute("SELECT employee_id, name FROM employees").fetchall())
    assert names == {i: f"{f.strip()} {last}" for i, f, last in zip(
        roster["EmployeeID"], roster["FirstName"], roster["LastName"], strict=True)}
    calls = [("ahmed sykes", "2025-07-07", 12, "new")]
    assert store.import_bytes(con, file_of("Agent", calls), "c.csv").status == "loaded"
    assert set(stored_calls(con)) == {("CBCB-9C9D", "2025-07-07")}


def test_names_resolve_over_the_whole_roster_before_the_managers_scope(demo_con):
    """A manager's file naming someone of another team is refused as not theirs: the name is
    resolved to that person first, never made a new person the manager could then own."""
    from store.access import Viewer
    from store.scope import scoped

    mine, other = (demo_con.execute("SELECT name FROM employees WHERE employee_id = ?", [e])
                   .fetchone()[0] for e in ("E001", "E009"))
    lines = [(mine, "2026-01-05", 50, "E001"), (other, "2026-01-05", 51, "E009")]
    before = demo_con.execute("SELECT count(*) FROM employees").fetchone()[0]
    m01 = scoped(demo_con, Viewer("m01@example.com", "manager", "M01"))
    result = store.import_bytes(m01, file_of("坐席", lines), "n.csv")
    assert result.status == "failed"
    assert result.errors[["line", "value", "code"]].to_numpy().tolist() == [
        [3, "E009", "not_your_team"]]
    assert demo_con.execute("SELECT count(*) FROM employees").fetchone()[0] == before


def test_a_coaching_log_by_name_files_each_talk_under_the_person(con):
    log = "坐席,辅导日期,辅导类型,备注\n王芳,2025-07-08,正式,ok\nBecky Lee ,2025-07-09,非正式,x\n"
    result = store.import_bytes(con, log.encode(), "log.csv")
    assert (result.status, result.kind) == ("loaded", "coaching")
    got = con.execute("SELECT session_id, employee_id FROM coaching_sessions "
                      "ORDER BY employee_id").fetchall()
    rows = [("E1", "2025-07-08", "formal", "ok"), ("E4", "2025-07-09", "informal", "x")]
    # the session key is made of the real id, as for a file with ids (ingest.kinds.session_ids)
    want = [(hashlib.sha1(f"{e}|{d}|{k}||{n}".encode()).hexdigest()[:16], e)
            for e, d, k, n in rows]
    assert got == want


def test_cli_brief_takes_a_name(con, tmp_path):
    """People imported by name have ids like P-3f2a9c: the brief finds them by name too."""
    import subprocess
    import sys
    from pathlib import Path

    lines = [("新人", "2025-07-07", 20, "new"), ("王芳", "2025-07-07", 40, "E1")]
    assert store.import_bytes(con, file_of("坐席", lines), "n.csv").status == "loaded"
    db = con.execute("SELECT path FROM duckdb_databases() WHERE database_name = "
                     "current_database()").fetchone()[0]
    con.close()
    cli = [sys.executable, str(Path(__file__).resolve().parents[2] / "cli.py"), "brief"]

    def brief(who: str) -> subprocess.CompletedProcess:
        return subprocess.run([*cli, who, "--db", db], capture_output=True, text=True,
                              check=False, timeout=120)

    done = brief(" 新人")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == f"# Coaching brief: 新人 ({expected_new_id('新人')})"
    both = brief("王伟")
    assert both.returncode == 1
    assert "E2, E3" in both.stderr
