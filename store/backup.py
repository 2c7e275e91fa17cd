"""Backups a person can read and move: one Parquet file per table plus a manifest.

``backup`` writes DuckDB's ``EXPORT DATABASE`` (schema.sql, load.sql, one .parquet per table,
sequences at their current value) and then ``manifest.json``, last, so a backup cut short by a
crash has no manifest and is refused by ``restore``. ``restore`` builds the database in a new
file next to the target, checks every table's row count against the manifest, and only then
swaps it in: a failed restore leaves the old file untouched. On PostgreSQL both go through an
in-memory DuckDB, in the same folder format (``store.pg_backup``): a backup of either backend
restores into either.
"""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

import duckdb

from store import pg_backup
from store.db import _CONFIG, connect
from store.dialect import is_pg, is_url, table_names
from store.errors import BackupError
from store.migrations import current_version, migrate
from store.schema import SCHEMA_VERSION

MANIFEST = "manifest.json"
APP = "coachboard"


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")


def table_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Rows per table of the main schema, by table name."""
    names = table_names(con)
    return {n: int(con.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0]) for n in names}


def backup(con: duckdb.DuckDBPyConnection, directory: str | Path) -> dict:
    """Write the whole database to the new or empty ``directory``; return the manifest.

    Raises:
        BackupError: ``directory`` exists and is not empty (a backup never overwrites one).
    """
    target = Path(directory).resolve()
    if target.exists() and any(target.iterdir()):
        raise BackupError("backup_not_empty", path=str(target))
    target.mkdir(parents=True, exist_ok=True)
    # One transaction: the counts and the export see the same snapshot, even while the app
    # keeps writing through other cursors.
    if is_pg(con):
        counts, version = pg_backup.export(con, target)  # the same folder, through DuckDB
    else:
        counts, version = _export(con, target)
    manifest = {"app": APP, "schema_version": version, "tables": counts,
                "created_at": datetime.now().isoformat(timespec="seconds")}
    (target / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    return manifest


def _export(con: duckdb.DuckDBPyConnection, target: Path) -> tuple[dict[str, int], int | None]:
    con.execute("BEGIN TRANSACTION")
    try:
        counts = table_counts(con)
        version = current_version(con)
        con.execute(f"EXPORT DATABASE '{_sql_path(target)}' (FORMAT parquet)")
    finally:
        con.execute("ROLLBACK")  # read-only: nothing to commit
    return counts, version


def read_manifest(directory: str | Path) -> dict:
    """The backup's manifest, checked.

    Raises:
        BackupError: not a Coachboard backup, or one made by a newer version.
    """
    path = Path(directory).resolve()
    try:
        manifest = json.loads((path / MANIFEST).read_text(encoding="utf-8"))
        version, counts = int(manifest["schema_version"]), dict(manifest["tables"])
        ok = manifest.get("app") == APP and (path / "schema.sql").is_file()
    except (OSError, ValueError, KeyError, TypeError):
        ok = False
    if not ok:
        raise BackupError("not_a_backup", path=str(path))
    if version > SCHEMA_VERSION:
        raise BackupError("backup_too_new", found=version, supported=SCHEMA_VERSION)
    return {**manifest, "tables": counts}


def restore(directory: str | Path, db_path: str | Path, *, force: bool = False) -> dict:
    """Restore the backup in ``directory`` into the database file ``db_path``.

    A database that holds data is replaced only with ``force``; it is then kept next to the
    new one as ``<name>.before-restore-<time>.duckdb``, never deleted.

    Raises:
        BackupError: not a backup, too new, incomplete, or the database is not empty.
        store.DatabaseBusy: another process has the database open.
    """
    source = Path(directory).resolve()
    manifest = read_manifest(source)
    if is_url(db_path):  # a server's rows are replaced in one transaction (store.pg_backup)
        pg_backup.restore(source, manifest, str(db_path), force=force)
        return manifest
    target = Path(db_path).resolve()
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    kept = target.with_name(f"{target.stem}.before-restore-{stamp}{target.suffix}")
    has_data = target.exists() and _has_data(target)
    if has_data and not force:
        raise BackupError("restore_not_empty", path=str(target), kept=kept.name)
    staged = target.with_name(target.name + ".restoring")
    _build(source, staged, manifest)
    if has_data:
        os.replace(target, kept)
    elif target.exists():
        target.unlink()
    os.replace(staged, target)
    return manifest


def _has_data(path: Path) -> bool:
    con = connect(path)  # raises DatabaseBusy while the app holds it; upgrades an old file
    try:
        return any(n for table, n in table_counts(con).items() if table != "meta")
    finally:
        con.close()  # a clean close checkpoints: no .wal is left beside the file


def _build(source: Path, staged: Path, manifest: dict) -> None:
    for leftover in (staged, staged.with_name(staged.name + ".wal")):
        leftover.unlink(missing_ok=True)
    con = duckdb.connect(str(staged), config=_CONFIG)
    try:
        con.execute(f"IMPORT DATABASE '{_sql_path(source)}'")
        found = table_counts(con)
        for table, expected in manifest["tables"].items():
            if found.get(table) != expected:
                raise BackupError("restore_incomplete", path=str(source), table=table,
                                  found=found.get(table, 0), expected=expected)
        migrate(con)  # a backup of an older version is upgraded like an old file
        con.execute("CHECKPOINT")
    except BaseException:
        con.close()
        staged.unlink(missing_ok=True)
        raise
    con.close()
