"""The CLI as a script: exit codes, --json, and a database held by another process."""

import json
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), *args], capture_output=True, text=True,
        cwd=ROOT, timeout=120, check=False,
    )


@pytest.fixture
def files(tmp_path) -> dict[str, Path]:
    good = tmp_path / "good.csv"
    good.write_bytes("工号,周开始日期,客户满意度\nE1,2025/7/7,88\nE2,2025/7/7,91\n".encode("gbk"))
    bad = tmp_path / "bad.csv"
    bad.write_text("工号,周开始日期,客户满意度\nE1,2025/7/7,88\nE2,2025/13/7,91\nE3,2025/7/7,x\n")
    return {"good": good, "bad": bad}


def test_import_json_and_exit_codes(tmp_path, files):
    db = str(tmp_path / "c.duckdb")
    ok = cli("import", str(files["good"]), "--db", db, "--json")
    assert ok.returncode == 0, ok.stderr
    report = json.loads(ok.stdout)
    assert {k: report[k] for k in ("file", "kind", "rows_loaded", "rows_rejected",
                                   "rows_changed", "errors")} == {
        "file": "good.csv", "kind": "metrics", "rows_loaded": 2, "rows_rejected": 0,
        "rows_changed": 2, "errors": []}
    # two metric values and the two people they name: per table, what was stored
    assert report["stored"] == {"employees": {"rows": 2, "changed": 2},
                                "metric_values": {"rows": 2, "changed": 2}}
    bad = cli("import", str(files["bad"]), "--db", db, "--json")
    assert bad.returncode == 1
    report = json.loads(bad.stdout)
    assert report["rows_loaded"] == 0
    assert [(e["line"], e["column"]) for e in report["errors"]] == [(3, "周开始日期"), (4, "客户满意度")]


def test_skip_bad_rows_and_history_and_undo(tmp_path, files):
    db = str(tmp_path / "c.duckdb")
    done = cli("import", str(files["bad"]), "--db", db, "--skip-bad-rows")
    assert done.returncode == 0, done.stderr
    assert "1 rows loaded, 2 rejected" in done.stdout
    hist = json.loads(cli("history", "--db", db, "--json").stdout)
    assert hist[0]["status"] == "loaded"
    assert cli("undo", str(hist[0]["import_id"]), "--db", db).returncode == 0
    assert cli("undo", str(hist[0]["import_id"]), "--db", db).returncode == 1


@pytest.mark.parametrize(("lang", "counts", "line"), [
    ("en", "1 rows loaded, 2 rejected, 1 new or changed", "  line 3, 周开始日期: "),
    ("zh", "导入 1 行，拒绝 2 行，新增或变更 1 行", "  第 3 行，周开始日期："),
])
def test_the_import_report_speaks_the_asked_language(tmp_path, files, lang, counts, line):
    done = cli("import", str(files["bad"]), "--db", str(tmp_path / "l.duckdb"),
               "--skip-bad-rows", "--lang", lang)
    assert done.returncode == 0, done.stderr
    assert counts in done.stdout
    assert any(out.startswith(line) for out in done.stdout.splitlines()), done.stdout


def test_usage_errors_exit_2(tmp_path):
    assert cli("import").returncode == 2
    assert cli("import", str(tmp_path / "missing.csv"), "--db", str(tmp_path / "x.duckdb")).returncode == 2
    assert cli("import", "x.csv", "--kind", "nonsense").returncode == 2


def test_database_held_by_another_process_is_explained_not_damaged(tmp_path, files):
    db = tmp_path / "held.duckdb"
    assert cli("import", str(files["good"]), "--db", str(db)).returncode == 0
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, time, store
            con = store.connect({str(db)!r})
            print("ready", flush=True)
            sys.stdin.read()
        """)],
        cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        busy = cli("import", str(files["good"]), "--db", str(db))
        assert busy.returncode == 2
        assert "in use by another Coachboard process" in busy.stderr
        assert "Traceback" not in busy.stderr
    finally:
        holder.communicate("", timeout=30)
    time.sleep(0.1)
    hist = json.loads(cli("history", "--db", str(db), "--json").stdout)
    assert [h["status"] for h in hist] == ["loaded"]
