"""Backup and restore on real files: every table round-trips, sequences go on, refusals."""

import json
from datetime import date, datetime

import duckdb
import pandas as pd
import pytest

import store
from store.backup import backup, restore, table_counts
from store.coaching_log import log_session
from store.errors import BackupError

NEW_FILE = b"employee id,period,metric,value\nE900,2025-07-14,CSAT,90\n"


def frame(con, table: str) -> pd.DataFrame:
    df = con.execute(f'SELECT * FROM "{table}"').df()
    return df.sort_values(list(df.columns)).reset_index(drop=True) if len(df) else df


@pytest.fixture(scope="module")
def source(tmp_path_factory, module_demo_con):
    """A demo database with app-logged coaching, a user and an audit row, and its backup."""
    tmp, con = tmp_path_factory.mktemp("backup"), module_demo_con
    employee = con.execute("SELECT min(employee_id) FROM employees").fetchone()[0]
    log_session(con, employee_id=employee, session_date=date(2025, 7, 1), session_type="formal",
                model="GROW", coach="M01", notes="first talk", parts={"goal": "CSAT 85"}, by="m01")
    con.execute("INSERT INTO users VALUES ('lead@example.com', 'hr', NULL, 'admin', ?)",
                [datetime(2025, 7, 1, 9, 30)])
    con.execute("INSERT INTO audit_log VALUES (?, 'lead@example.com', 'export', 'board', 24, NULL, "
                "nextval('audit_seq'))",
                [datetime(2025, 7, 1, 9, 31)])
    manifest = backup(con, tmp / "bk")
    return tmp, con, manifest


def test_every_table_round_trips_and_the_sequence_goes_on(source):
    tmp, src, manifest = source
    assert manifest["schema_version"] == store.schema.SCHEMA_VERSION
    assert manifest["tables"]["metric_values"] > 1000
    assert manifest["tables"]["users"] == 1
    assert manifest["tables"]["audit_log"] == 1 + 4  # the test's row and the demo's 4 imports
    restore(tmp / "bk", tmp / "dst.duckdb")
    dst = store.connect(tmp / "dst.duckdb")
    try:
        assert table_counts(dst) == table_counts(src)
        for table in table_counts(src):
            pd.testing.assert_frame_equal(frame(dst, table), frame(src, table), obj=table)
        last = dst.execute("SELECT max(import_id) FROM imports").fetchone()[0]
        assert store.import_bytes(dst, NEW_FILE, "new.csv").import_id > last
    finally:
        dst.close()


def test_backup_never_writes_into_a_folder_that_holds_files(source, tmp_path):
    _, src, _ = source
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(BackupError, match="not empty"):
        backup(src, tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_restore_over_data_needs_force_and_keeps_the_old_file(source, tmp_path):
    tmp, src, _ = source
    db = tmp_path / "live.duckdb"
    con = store.connect(db)
    store.import_bytes(con, NEW_FILE, "new.csv")
    con.close()
    with pytest.raises(BackupError, match="already holds data") as info:
        restore(tmp / "bk", db)
    assert "--force" in str(info.value)
    assert info.value.message("zh") != str(info.value)
    restore(tmp / "bk", db, force=True)
    con = store.connect(db)
    assert con.execute("SELECT count(*) FROM metric_values").fetchone()[0] == table_counts(src)[
        "metric_values"]
    con.close()
    kept = [p for p in tmp_path.iterdir() if ".before-restore-" in p.name]
    assert len(kept) == 1
    old = duckdb.connect(str(kept[0]))
    assert old.execute("SELECT employee_id FROM metric_values").fetchall() == [("E900",)]
    old.close()


def test_restore_refuses_what_is_not_a_whole_backup(source, tmp_path):
    tmp, _, _ = source
    (tmp_path / "random").mkdir()
    (tmp_path / "random" / "schema.sql").write_text("DROP TABLE employees;")
    with pytest.raises(BackupError, match="not a Coachboard backup"):
        restore(tmp_path / "random", tmp_path / "a.duckdb")
    with pytest.raises(BackupError, match="not a Coachboard backup"):
        restore(tmp_path / "missing", tmp_path / "a.duckdb")
    manifest = json.loads((tmp / "bk" / "manifest.json").read_text())
    for name, change in {"newer": {"schema_version": 99},
                         "cut": {"tables": {**manifest["tables"], "goals": 999_999}}}.items():
        copy = tmp_path / name
        copy.mkdir()
        for f in (tmp / "bk").iterdir():
            (copy / f.name).write_bytes(f.read_bytes())
        (copy / "manifest.json").write_text(json.dumps({**manifest, **change}))
        with pytest.raises(BackupError, match=r"newer Coachboard|incomplete"):
            restore(copy, tmp_path / f"{name}.duckdb")
        assert not (tmp_path / f"{name}.duckdb").exists()
        assert not (tmp_path / f"{name}.duckdb.restoring").exists()
