"""The CLI's users, audit and --as: a manager sees their team only, a refusal is a sentence."""

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TEAM_M01 = {f"E{i:03d}" for i in range(1, 9)}


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), *args], capture_output=True, text=True,
        cwd=ROOT, timeout=180, check=False,
    )


@pytest.fixture
def db(tmp_path, demo_db) -> str:
    target = tmp_path / "demo.duckdb"
    shutil.copy(demo_db, target)
    added = cli("users", "add", " M01@X ", "--role", "manager", "--employee-id", "M01",
                "--db", str(target))
    assert added.returncode == 0, added.stderr
    assert added.stdout.strip() == "m01@x can now sign in as Manager."
    return str(target)


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_flags_as_a_manager_are_their_team_only(db):
    everyone = cli("flags", "--db", db)
    mine = cli("flags", "--as", "m01@x", "--db", db)
    assert mine.returncode == 0, mine.stderr
    ids = {r["employee_id"] for r in rows(mine.stdout)}
    assert ids, "the demo team M01 has flagged people"
    assert ids <= TEAM_M01
    expected = [r for r in rows(everyone.stdout) if r["employee_id"] in TEAM_M01]
    assert rows(mine.stdout) == expected


def test_unknown_or_removed_user_exits_2_with_a_sentence(db):
    unknown = cli("flags", "--as", "nobody@x", "--db", db)
    assert unknown.returncode == 2
    assert unknown.stdout == ""
    assert "nobody@x is not a Coachboard user" in unknown.stderr
    assert "Traceback" not in unknown.stderr
    removed = cli("users", "remove", "m01@x", "--db", db)
    assert removed.returncode == 0, removed.stderr
    refused = cli("flags", "--as", "m01@x", "--db", db)
    assert refused.returncode == 2
    assert "m01@x is not a Coachboard user (or was removed)" in refused.stderr


def test_brief_outside_the_team_is_refused_without_traceback(db):
    other = cli("brief", "E009", "--as", "m01@x", "--db", db)
    assert other.returncode == 1
    assert other.stdout == ""
    assert "E009" in other.stderr
    assert "Traceback" not in other.stderr
    own = cli("brief", "E001", "--as", "m01@x", "--db", db)
    assert own.returncode == 0, own.stderr
    assert "(E001)" in own.stdout


def test_a_manager_may_not_manage_users_or_read_the_audit(db):
    add = cli("users", "add", "x@y", "--role", "admin", "--as", "m01@x", "--db", db)
    assert add.returncode == 2
    assert "it needs the “users” right" in add.stderr
    audit = cli("audit", "--as", "m01@x", "--db", db)
    assert audit.returncode == 2
    assert "it needs the “audit” right" in audit.stderr
    assert [r["email"] for r in rows(cli("users", "list", "--db", db).stdout)] == ["m01@x"]


@pytest.mark.parametrize(("args", "message"), [
    (("nope", "--role", "hr"), "“nope” is not an email address"),
    (("a@x", "--role", "manager"), "A manager needs an employee id"),
    (("a@x", "--role", "manager", "--employee-id", "Z99"), "no employee with id Z99"),
    (("a@x", "--role", "employee"), "An employee needs an employee id"),
])
def test_add_refuses_bad_input_with_a_sentence(db, args, message):
    done = cli("users", "add", *args, "--db", db)
    assert done.returncode == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr


def test_audit_lists_user_changes_newest_first_and_is_formula_safe(db):
    cli("users", "add", "=cmd@x", "--role", "hr", "--db", db)
    cli("users", "add", "m01@x", "--role", "leadership", "--db", db)
    listed = rows(cli("users", "list", "--db", db).stdout)
    assert {r["email"]: r["role"] for r in listed} == {"'=cmd@x": "hr", "m01@x": "leadership"}
    audit = rows(cli("audit", "--action", "user_add", "--action", "user_remove", "--db", db).stdout)
    assert [(r["action"], r["target"]) for r in audit] == [
        ("user_add", "m01@x"), ("user_add", "'=cmd@x"), ("user_add", "m01@x")]
    assert {r["actor"] for r in audit} == {"local"}
    as_json = json.loads(cli("audit", "--format", "json", "--action", "user_add",
                             "--since", "2000-01-01", "--db", db).stdout)
    assert as_json[0]["detail"] == "role=leadership"
    assert cli("audit", "--since", "2099-01-01", "--db", db).stdout.strip() == (
        "logged_at,actor,action,target,rows,detail")
    bad = cli("audit", "--since", "someday", "--db", db)
    assert bad.returncode == 2
    assert "is not a date" in bad.stderr


def test_an_employee_is_added_with_their_roster_id(db):
    done = cli("users", "add", "e001@x", "--role", "employee", "--employee-id", "E001", "--db", db)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "e001@x can now sign in as Employee."
    listed = json.loads(cli("users", "list", "--format", "json", "--db", db).stdout)
    assert [(u["role"], u["employee_id"]) for u in listed if u["email"] == "e001@x"] == \
        [("employee", "E001")]
