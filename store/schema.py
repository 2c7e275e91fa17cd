"""The DuckDB schema. Each data table has a ``<table>_history`` twin holding the rows an
import replaced, so any import can be undone exactly."""

from __future__ import annotations

import duckdb

from store.dialect import is_pg

SCHEMA_VERSION = 7  # raise with a step in store/migrations.py

DATA_TABLES: dict[str, str] = {
    "employees": """employee_id TEXT PRIMARY KEY, name TEXT, team TEXT, manager_id TEXT,
        role TEXT, hire_date DATE, high_potential BOOLEAN, import_id INTEGER""",
    "metric_values": """employee_id TEXT NOT NULL, period DATE NOT NULL, metric TEXT NOT NULL,
        value DOUBLE NOT NULL, target DOUBLE, import_id INTEGER, n_events INTEGER,
        partial BOOLEAN, PRIMARY KEY (employee_id, period, metric)""",
    "coaching_sessions": """session_id TEXT PRIMARY KEY, employee_id TEXT NOT NULL,
        session_date DATE NOT NULL, session_type TEXT, model TEXT, coach TEXT, notes TEXT,
        import_id INTEGER""",
    "goals": """employee_id TEXT NOT NULL, objective TEXT NOT NULL, key_result TEXT NOT NULL,
        weight DOUBLE, due_date DATE, progress DOUBLE, import_id INTEGER,
        PRIMARY KEY (employee_id, objective, key_result)""",
}

# DuckDB stores metric_values without its primary key: the key's index (text, date, text) cost
# an import of 312,000 figures 0.4-0.6 s of its 2.1-2.7 s of CPU, and its file 30 MiB instead
# of 6 (docs/performance.md). There, store.upsert keeps the keys unique and store.upsert.claim
# fails the later of two overlapping imports, as the key did. PostgreSQL keeps the key.
UNKEYED_IN_DUCKDB: dict[str, str] = {"metric_values": ", PRIMARY KEY (employee_id, period, metric)"}


def table_ddl(con: object, name: str, columns: str) -> str:
    """``columns`` of table ``name`` as this database declares them."""
    key = UNKEYED_IN_DUCKDB.get(name)
    return columns.replace(key, "") if key and not is_pg(con) else columns


OTHER_TABLES: dict[str, str] = {
    "imports": """import_id INTEGER PRIMARY KEY, file_name TEXT, content_hash TEXT, kind TEXT,
        encoding TEXT, mapping JSON, rows_read INTEGER, rows_loaded INTEGER,
        rows_rejected INTEGER, rows_changed INTEGER, status TEXT, message TEXT,
        imported_at TIMESTAMP, undone_at TIMESTAMP, imported_by TEXT""",
    "rejected_rows": """import_id INTEGER, line INTEGER, column_name TEXT, value TEXT,
        code TEXT, message TEXT""",
    "metric_catalog": """metric TEXT PRIMARY KEY, direction TEXT NOT NULL, category TEXT NOT NULL,
        unit TEXT, default_target DOUBLE, edited BOOLEAN DEFAULT false""",
    "settings": "key TEXT PRIMARY KEY, value JSON",
    # How a file of a known shape was imported (ingest.plan.ImportPlan as JSON), reused next time.
    "recipes": """name TEXT PRIMARY KEY, signature TEXT NOT NULL, plan JSON NOT NULL,
        file_name TEXT, created_by TEXT, created_at TIMESTAMP, used_at TIMESTAMP""",
    "meta": "key TEXT PRIMARY KEY, value TEXT",
}


# The coaching log written in the app. Sessions themselves live in
# ``coaching_sessions`` (import_id NULL when logged in the app); these tables hold what an import
# cannot: structured notes, actions with every version, plans, ratings, deletions (for undo).
COACHING_TABLES: dict[str, str] = {
    "session_parts": """session_id TEXT NOT NULL, part TEXT NOT NULL, text TEXT,
        PRIMARY KEY (session_id, part)""",
    "session_log": """session_id TEXT NOT NULL, event TEXT NOT NULL, changed_by TEXT,
        changed_at TIMESTAMP""",
    "sessions_deleted": """session_id TEXT PRIMARY KEY, employee_id TEXT, session_date DATE,
        session_type TEXT, model TEXT, coach TEXT, notes TEXT, import_id INTEGER,
        deleted_by TEXT, deleted_at TIMESTAMP""",
    "coaching_actions": """action_id TEXT PRIMARY KEY, session_id TEXT NOT NULL,
        employee_id TEXT NOT NULL, goal TEXT, action TEXT NOT NULL, owner TEXT, deadline DATE,
        support TEXT, progress TEXT, status TEXT NOT NULL, next_adjustment TEXT,
        version INTEGER NOT NULL, changed_by TEXT, changed_at TIMESTAMP""",
    "coaching_actions_history": """action_id TEXT NOT NULL, session_id TEXT, employee_id TEXT,
        goal TEXT, action TEXT, owner TEXT, deadline DATE, support TEXT, progress TEXT,
        status TEXT, next_adjustment TEXT, version INTEGER NOT NULL, changed_by TEXT,
        changed_at TIMESTAMP, PRIMARY KEY (action_id, version)""",
    "improvement_plans": """plan_id TEXT PRIMARY KEY, employee_id TEXT NOT NULL,
        goal TEXT NOT NULL, measures TEXT, owner TEXT, milestones TEXT, deadline DATE,
        created_by TEXT, created_at TIMESTAMP, manager_confirmed_by TEXT,
        manager_confirmed_at TIMESTAMP, employee_confirmed_by TEXT,
        employee_confirmed_at TIMESTAMP, assessment TEXT, assessment_note TEXT,
        assessed_by TEXT, assessed_at TIMESTAMP""",
    "plan_reviews": """plan_id TEXT NOT NULL, week INTEGER NOT NULL, review_date DATE,
        progress TEXT, note TEXT, changed_by TEXT, changed_at TIMESTAMP,
        PRIMARY KEY (plan_id, week)""",
    "session_ratings": """session_id TEXT NOT NULL, rater TEXT NOT NULL, score INTEGER NOT NULL,
        comment TEXT, changed_by TEXT, changed_at TIMESTAMP,
        PRIMARY KEY (session_id, rater)""",
}


# Who may see what: users and their roles, and the audit trail. The audit holds who did
# what to which ids and how many rows, never the personal data itself.
ACCESS_TABLES: dict[str, str] = {
    "users": """email TEXT PRIMARY KEY, role TEXT NOT NULL, employee_id TEXT, added_by TEXT,
        added_at TIMESTAMP""",
    "denied_users": "email TEXT PRIMARY KEY, denied_by TEXT, denied_at TIMESTAMP",
    # audit_id: from audit_seq, unique and in the order rows were written, whichever process
    # (replica) wrote them; clocks may differ, the sequence does not.
    "audit_log": """logged_at TIMESTAMP NOT NULL, actor TEXT, action TEXT NOT NULL, target TEXT,
        rows INTEGER, detail TEXT, audit_id BIGINT""",
}


# Digests: each user's channel, frequency, day and language. ``address`` is their own
# e-mail address or webhook (NULL: their sign-in email / the channel's configured webhook),
# ``secret`` the signing secret of their own webhook; neither is ever shown back.
DIGEST_TABLES: dict[str, str] = {
    "digest_subscriptions": """email TEXT PRIMARY KEY, channel TEXT NOT NULL,
        frequency TEXT NOT NULL, weekday INTEGER NOT NULL, lang TEXT NOT NULL, address TEXT,
        secret TEXT, changed_by TEXT, changed_at TIMESTAMP""",
}


# The employee's upward pulse after a session. Read back only by its author;
# a manager gets aggregates over at least 5 answers (store.pulse), never a row or its author.
PULSE_TABLES: dict[str, str] = {
    "session_pulse": """session_id TEXT PRIMARY KEY, employee_id TEXT NOT NULL,
        useful INTEGER NOT NULL, facts_right BOOLEAN NOT NULL, support TEXT,
        answered_at TIMESTAMP""",
}


def create_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Create every table of the current schema that is missing (a fresh database)."""
    tables = {**DATA_TABLES, **OTHER_TABLES, **COACHING_TABLES, **ACCESS_TABLES, **DIGEST_TABLES,
              **PULSE_TABLES}
    for name, columns in tables.items():
        con.execute(f"CREATE TABLE IF NOT EXISTS {name} ({table_ddl(con, name, columns)})")
    for name in DATA_TABLES:
        con.execute(
            f"CREATE TABLE IF NOT EXISTS {name}_history AS "
            f"SELECT *, NULL::INTEGER AS superseded_by FROM {name} LIMIT 0"
        )
    con.execute("CREATE SEQUENCE IF NOT EXISTS import_seq START 1")
    con.execute("CREATE SEQUENCE IF NOT EXISTS audit_seq START 1")


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create a new database's schema or upgrade an old one; safe to call on every connection.

    Raises:
        store.errors.SchemaTooNew: the file was written by a newer Coachboard.
    """
    from store.migrations import migrate  # migrations import this module's tables

    migrate(con)
