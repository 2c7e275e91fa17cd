"""`cli.py backup` / `cli.py restore` as scripts: exit codes, sentences, the file replaced."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FILE = "工号,周开始日期,客户满意度\nE1,2025/7/7,88\nE2,2025/7/7,91\n"


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), *args], capture_output=True, text=True,
        cwd=ROOT, timeout=120, check=False,
    )


def test_backup_then_restore_into_a_new_and_an_old_database(tmp_path):
    src, bk = str(tmp_path / "src.duckdb"), tmp_path / "bk"
    csv = tmp_path / "team.csv"
    csv.write_text(FILE, encoding="utf-8")
    assert cli("import", str(csv), "--db", src).returncode == 0
    done = cli("backup", str(bk), "--db", src)
    assert done.returncode == 0, done.stderr
    assert "Backup written to" in done.stdout
    assert json.loads((bk / "manifest.json").read_text())["tables"]["metric_values"] == 2

    again = cli("backup", str(bk), "--db", src)
    assert again.returncode == 1
    assert "not empty" in again.stderr
    assert "Traceback" not in again.stderr

    dst = str(tmp_path / "dst.duckdb")
    restored = cli("restore", str(bk), "--db", dst)
    assert restored.returncode == 0, restored.stderr
    hist = json.loads(cli("history", "--db", dst, "--json").stdout)
    assert [(h["file_name"], h["status"]) for h in hist] == [("team.csv", "loaded")]

    refused = cli("restore", str(bk), "--db", dst)
    assert refused.returncode == 1
    assert "already holds data" in refused.stderr
    assert "Traceback" not in refused.stderr
    forced = cli("restore", str(bk), "--db", dst, "--force")
    assert forced.returncode == 0, forced.stderr
    assert len(list(tmp_path.glob("dst.before-restore-*.duckdb"))) == 1


def test_restore_of_a_folder_that_is_no_backup_is_refused(tmp_path):
    (tmp_path / "photos").mkdir()
    out = cli("restore", str(tmp_path / "photos"), "--db", str(tmp_path / "x.duckdb"))
    assert out.returncode == 1
    assert "is not a Coachboard backup" in out.stderr
    assert "Traceback" not in out.stderr
