"""Versioned schema upgrades: an old database file is brought up to date when it is opened.

``MIGRATIONS`` maps each version to the step that upgrades the version before it. Each step runs
in its own transaction together with the bump of ``meta.schema_version``, so a crash leaves the
file at the old version or the new one, never in between. A step's SQL is frozen here: it must
say what that version changed, even when ``store/schema.py`` later changes again.

Adding a version: raise ``SCHEMA_VERSION`` in ``store/schema.py``, change its table dicts (what
a fresh database gets), and add the step here. tests/store/test_migrations.py checks that an
upgraded database and a fresh one have the same tables and columns.
"""

from __future__ import annotations

from collections.abc import Callable

import duckdb

from store.dialect import is_pg, table_names
from store.errors import SchemaTooNew
from store.schema import SCHEMA_VERSION, create_tables

Step = Callable[[duckdb.DuckDBPyConnection], None]


def _v2_access(con: duckdb.DuckDBPyConnection) -> None:
    """Issue 8: users, denied users and the audit log; who ran each import."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS users (email TEXT PRIMARY KEY, role TEXT NOT NULL, "
        "employee_id TEXT, added_by TEXT, added_at TIMESTAMP)"
    )
    con.execute(
        "CREATE TABLE IF NOT EXISTS denied_users "
        "(email TEXT PRIMARY KEY, denied_by TEXT, denied_at TIMESTAMP)"
    )
    con.execute(
        "CREATE TABLE IF NOT EXISTS audit_log (logged_at TIMESTAMP NOT NULL, actor TEXT, "
        "action TEXT NOT NULL, target TEXT, rows INTEGER, detail TEXT)"
    )
    # imports has no _history twin (only the data tables do), so one ALTER is all.
    con.execute("ALTER TABLE imports ADD COLUMN IF NOT EXISTS imported_by TEXT")


def _v3_shapes(con: duckdb.DuckDBPyConnection) -> None:
    """Per-event imports: how many events stand behind a value and whether its period is only
    partly covered by the file; saved import recipes."""
    con.execute("ALTER TABLE metric_values ADD COLUMN IF NOT EXISTS n_events INTEGER")
    con.execute("ALTER TABLE metric_values ADD COLUMN IF NOT EXISTS partial BOOLEAN")
    # The history twin keeps superseded_by last, as a fresh database has it.
    con.execute(
        "CREATE TABLE metric_values_history_v3 AS SELECT employee_id, period, metric, value, "
        "target, import_id, NULL::INTEGER AS n_events, NULL::BOOLEAN AS partial, superseded_by "
        "FROM metric_values_history"
    )
    con.execute("DROP TABLE metric_values_history")
    con.execute("ALTER TABLE metric_values_history_v3 RENAME TO metric_values_history")
    con.execute(
        "CREATE TABLE IF NOT EXISTS recipes (name TEXT PRIMARY KEY, signature TEXT NOT NULL, "
        "plan JSON NOT NULL, file_name TEXT, created_by TEXT, created_at TIMESTAMP, "
        "used_at TIMESTAMP)"
    )


def _v4_digests(con: duckdb.DuckDBPyConnection) -> None:
    """Issue 21: each user's digest channel, frequency, day and language."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS digest_subscriptions (email TEXT PRIMARY KEY, "
        "channel TEXT NOT NULL, frequency TEXT NOT NULL, weekday INTEGER NOT NULL, "
        "lang TEXT NOT NULL, address TEXT, secret TEXT, changed_by TEXT, changed_at TIMESTAMP)"
    )


def _v5_pulse(con: duckdb.DuckDBPyConnection) -> None:
    """Issue 21: the employee's upward pulse after each session."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS session_pulse (session_id TEXT PRIMARY KEY, "
        "employee_id TEXT NOT NULL, useful INTEGER NOT NULL, facts_right BOOLEAN NOT NULL, "
        "support TEXT, answered_at TIMESTAMP)"
    )


def _v6_audit_ids(con: duckdb.DuckDBPyConnection) -> None:
    """Issue 20: audit rows get ids from a sequence (unique and ordered across replicas); the
    rows already there are numbered in the order they were logged."""
    count = con.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    con.execute("ALTER TABLE audit_log ADD COLUMN IF NOT EXISTS audit_id BIGINT")
    con.execute(
        "UPDATE audit_log SET audit_id = o.n FROM (SELECT rowid AS r, row_number() OVER "
        "(ORDER BY logged_at, rowid) AS n FROM audit_log) o WHERE audit_log.rowid = o.r"
    )
    con.execute(f"CREATE SEQUENCE IF NOT EXISTS audit_seq START {int(count) + 1}")


def _v7_unkeyed_values(con: duckdb.DuckDBPyConnection) -> None:
    """Issue 16: DuckDB keeps metric_values without its primary key (store.schema
    ``UNKEYED_IN_DUCKDB``): the table is rebuilt without it, rows and order unchanged.
    PostgreSQL keeps the key."""
    if is_pg(con):
        return
    con.execute(
        "CREATE TABLE metric_values_v7 (employee_id TEXT NOT NULL, period DATE NOT NULL, "
        "metric TEXT NOT NULL, value DOUBLE NOT NULL, target DOUBLE, import_id INTEGER, "
        "n_events INTEGER, partial BOOLEAN)"
    )
    con.execute("INSERT INTO metric_values_v7 SELECT employee_id, period, metric, value, "
                "target, import_id, n_events, partial FROM metric_values ORDER BY rowid")
    con.execute("DROP TABLE metric_values")
    con.execute("ALTER TABLE metric_values_v7 RENAME TO metric_values")


MIGRATIONS: dict[int, Step] = {2: _v2_access, 3: _v3_shapes, 4: _v4_digests, 5: _v5_pulse,
                               6: _v6_audit_ids, 7: _v7_unkeyed_values}


def current_version(con: duckdb.DuckDBPyConnection) -> int | None:
    """The file's schema version, or None for a new (empty) database."""
    if "meta" not in table_names(con):
        return None
    row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else 1  # meta existed from version 1 on


def migrate(con: duckdb.DuckDBPyConnection) -> int:
    """Bring the database to ``SCHEMA_VERSION``; return the version it had (0 if new).

    Raises:
        SchemaTooNew: the file was written by a newer Coachboard; nothing is changed.
    """
    found = current_version(con)
    if found is None:
        _in_transaction(con, lambda c: (create_tables(c), _set_version(c, SCHEMA_VERSION)))
        return 0
    if found > SCHEMA_VERSION:
        raise SchemaTooNew("schema_too_new", found=found, supported=SCHEMA_VERSION)
    for version in range(found + 1, SCHEMA_VERSION + 1):
        step = MIGRATIONS[version]
        _in_transaction(con, lambda c, s=step, v=version: (s(c), _set_version(c, v)))
    return found


def _set_version(con: duckdb.DuckDBPyConnection, version: int) -> None:
    con.execute(
        "INSERT INTO meta VALUES ('schema_version', ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [str(version)],
    )


def _in_transaction(con: duckdb.DuckDBPyConnection, work: Callable) -> None:
    con.execute("BEGIN TRANSACTION")
    try:
        work(con)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
