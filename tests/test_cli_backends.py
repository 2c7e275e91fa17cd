"""The command line on both backends: the same commands on a DuckDB file and on a PostgreSQL
database (``--db URL``) print the same answers. DuckDB's output is the independent reference."""

from __future__ import annotations

import json

import pytest

from tests.test_cli import cli

# (command, whether its output must be the same on both backends); on the demo workspace
JOURNEY = [
    (["flags", "--format", "csv"], True),
    (["import", "{file}", "--json"], True),
    (["undo", "5"], True),
    (["flags", "--format", "csv"], True),
    (["users", "add", "m01@example.com", "--role", "manager", "--employee", "M01"], True),
    (["flags", "--format", "csv", "--as", "m01@example.com"], True),
]


@pytest.fixture
def late_file(tmp_path):
    path = tmp_path / "late.csv"
    path.write_text("工号,周开始日期,客户满意度\nE001,2025/12/29,55\nE002,2025/12/29,99\n",
                    encoding="utf-8")
    return path


def _run(db: str, file) -> list[str]:
    outputs = []
    for args, _ in JOURNEY:
        done = cli(*[a.format(file=file) for a in args], "--db", db)
        assert done.returncode == 0, (args, done.stderr)
        outputs.append(done.stdout)
    return outputs


def test_the_same_commands_print_the_same_on_duckdb_and_postgresql(pg_cluster, tmp_path,
                                                                     late_file, demo_db):
    url = pg_cluster.database("demo")
    (tmp_path / "cli.duckdb").write_bytes(demo_db.read_bytes())
    try:
        duck = _run(str(tmp_path / "cli.duckdb"), late_file)
        pg = _run(url, late_file)
    finally:
        pg_cluster.drop(url)
    for (args, same), a, b in zip(JOURNEY, duck, pg, strict=True):
        if same:
            assert a == b, args
    imported = json.loads(duck[1])
    assert (imported["rows_loaded"], imported["rows_changed"]) == (2, 2)
    assert duck[3] == duck[0]  # the undo put everything back
    mine = {line.split(",")[0] for line in duck[5].splitlines()[1:]}
    assert mine
    assert mine < {line.split(",")[0] for line in duck[0].splitlines()[1:]}
    history = json.loads(cli("history", "--db", str(tmp_path / "cli.duckdb"), "--json").stdout)
    assert [h["status"] for h in history][:1] == ["undone"]
