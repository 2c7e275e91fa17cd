"""Backups across backends: the same folder from a DuckDB file or a PostgreSQL database, each
restoring into the other, every row and the import ids intact."""

from __future__ import annotations

import pandas as pd
import pytest

import store
from store.backup import backup, restore, table_counts
from store.errors import BackupError


def _checksum(con, table: str) -> int:
    """An order-free checksum of a table's rows, computed in pandas (not by either engine)."""
    rows = con.execute(f'SELECT * FROM "{table}"').df().astype(str)
    return int(pd.util.hash_pandas_object(rows, index=False).sum())


def _same(a, b) -> None:
    counts = {t: n for t, n in table_counts(a).items() if t != "meta"}
    assert counts == {t: n for t, n in table_counts(b).items() if t != "meta"}
    for table in ("metric_values", "employees", "coaching_sessions", "imports", "goals"):
        assert counts[table] > 0
        assert _checksum(a, table) == _checksum(b, table), table


@pytest.fixture
def pg_demo(pg_cluster):
    url = pg_cluster.database("demo")
    yield url
    pg_cluster.drop(url)


@pytest.fixture
def pg_empty(pg_cluster):
    url = pg_cluster.database("empty")
    yield url
    pg_cluster.drop(url)


def test_a_postgresql_backup_restores_into_a_duckdb_file(pg_demo, tmp_path):
    source = store.connect(pg_demo)
    manifest = backup(source, tmp_path / "bak")
    assert manifest["tables"]["metric_values"] == 2416
    restore(tmp_path / "bak", tmp_path / "copy.duckdb")
    copy = store.connect(tmp_path / "copy.duckdb")
    _same(source, copy)
    # import ids continue after the restored ones on the file too
    assert copy.execute("SELECT nextval('import_seq')").fetchone()[0] == 5
    source.close()
    copy.close()


def _copy(demo_db, tmp_path):
    (tmp_path / "demo.duckdb").write_bytes(demo_db.read_bytes())
    return store.connect(tmp_path / "demo.duckdb")


def test_a_duckdb_backup_moves_onto_a_server_and_undo_still_works(demo_db, pg_empty, tmp_path):
    file = _copy(demo_db, tmp_path)
    backup(file, tmp_path / "bak")
    restore(tmp_path / "bak", pg_empty)
    server = store.connect(pg_empty)
    _same(file, server)
    file.close()
    again = store.import_bytes(server, b"employee id,period,metric,value\nE001,2025-07-07,CSAT,1\n",
                               "late.csv")
    assert again.import_id == 5  # after the four demo imports
    assert store.undo_import(server, 1)  # an import made in the file, undone on the server
    assert server.execute("SELECT count(*) FROM metric_values WHERE import_id = 1"
                          ).fetchone()[0] == 0
    server.close()


def test_restoring_over_a_servers_data_needs_force_and_keeps_a_backup_of_it(
        pg_demo, demo_db, tmp_path):
    file = _copy(demo_db, tmp_path)
    store.import_bytes(file, b"employee id,period,metric,value\nE001,2025-07-07,CSAT,1\n", "x.csv")
    backup(file, tmp_path / "bak")
    file.close()
    with pytest.raises(BackupError) as refused:
        restore(tmp_path / "bak", pg_demo)
    assert refused.value.code == "restore_not_empty"
    restore(tmp_path / "bak", pg_demo, force=True)
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("bak.before-restore-")]
    assert len(kept) == 1
    assert (kept[0] / "manifest.json").is_file()
    server = store.connect(pg_demo)
    assert server.execute("SELECT count(*) FROM imports").fetchone()[0] == 5
    server.close()
