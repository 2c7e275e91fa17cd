"""PostgreSQL only: opening a server's database, and the viewer's scope enforced by the server.

``connect_pg`` opens a pooled session, brings the schema up to date under an advisory lock (two
replicas starting at once upgrade once) and installs what PostgreSQL needs beside the tables:

- ``coachboard_stored``: a view owned by the tables' owner per table, for the few reads that
  must see past the viewer's scope (``store.access.stored``);
- row-level security: the role ``coachboard_reader`` (no login) reads every personal table only
  through policies that keep the rows of the people ``coachboard_scope()`` returns, computed
  from the ``coachboard.viewer_*`` settings. ``enter`` makes a scoped cursor set them from the
  viewer, with that role, at the start of each of its transactions (``set_config(..., true)``,
  as SET LOCAL): they end with the transaction, so a pooled connection never carries a
  viewer's scope into other work (the pool's reset, ``store.pg``, also clears the session).

The scoped views of ``store.scope`` keep doing what they do on DuckDB (blank the notes, keep
the imports and the audit to those allowed); the policies make a query that forgets the scope
(a table named with its schema, a view bypassed) still return only the viewer's people.
"""

from __future__ import annotations

from store.dialect import PG_SCHEMA, PG_STORED, table_names
from store.pg import PgConnection
from store.schema import SCHEMA_VERSION, ensure_schema

READER = "coachboard_reader"
_LOCK_KEY = 74231905  # pg_advisory_lock key: one process sets the database up at a time
_SETUP = f"{SCHEMA_VERSION}.4"  # raise the part after the dot when this module's SQL changes
# Personal tables the policies filter, by the column that names the person.
BY_EMPLOYEE = (
    "employees", "metric_values", "coaching_sessions", "goals", "coaching_actions",
    "coaching_actions_history", "improvement_plans", "sessions_deleted", "employees_history",
    "metric_values_history", "coaching_sessions_history", "goals_history", "session_pulse",
)
BY_SESSION = ("session_parts", "session_log", "session_ratings")

_SCOPE_FUNCTION = f"""
CREATE OR REPLACE FUNCTION coachboard_scope() RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = {PG_SCHEMA}, pg_temp AS $fn$
    WITH RECURSIVE me(scope, id) AS (
        SELECT current_setting('coachboard.viewer_scope', true),
               current_setting('coachboard.viewer_employee', true)),
    below(employee_id) AS (
        SELECT e.employee_id FROM {PG_SCHEMA}.employees e, me WHERE me.scope = 'chain' AND e.manager_id = me.id
        UNION
        SELECT e.employee_id FROM {PG_SCHEMA}.employees e JOIN below b ON e.manager_id = b.employee_id)
    SELECT employee_id FROM below WHERE employee_id <> (SELECT id FROM me)
    UNION ALL SELECT employee_id FROM {PG_SCHEMA}.employees WHERE (SELECT scope FROM me) = 'all'
    UNION ALL SELECT id FROM me WHERE scope = 'self'
$fn$"""

_ROLE = f"""
DO $do$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{READER}') THEN
        CREATE ROLE {READER} NOLOGIN;
    END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;  -- another database made it
END $do$;
GRANT {READER} TO current_user
"""


def connect_pg(url: str) -> PgConnection:
    """A session on the database at ``url`` with its schema, views and policies current.

    Raises:
        store.errors.SchemaTooNew: the database was written by a newer Coachboard.
        psycopg.OperationalError: the server cannot be reached or refused the login.
    """
    con = PgConnection(url)
    try:
        con.raw.execute("SELECT pg_advisory_lock(%s)", [_LOCK_KEY])
        try:
            ensure_schema(con)
            _set_up(con)
        finally:
            con.raw.execute("SELECT pg_advisory_unlock(%s)", [_LOCK_KEY])
    except BaseException:
        con.close()
        raise
    return con


def _set_up(con: PgConnection) -> None:
    done = con.execute("SELECT value FROM meta WHERE key = 'pg_setup'").fetchone()
    if done and done[0] == _SETUP:
        return
    raw = con.raw
    with raw.transaction():
        raw.execute(_ROLE)
        raw.execute(f"CREATE SCHEMA IF NOT EXISTS {PG_STORED}")
        tables = table_names(con)
        for table in tables:
            raw.execute(f'CREATE OR REPLACE VIEW {PG_STORED}."{table}" AS '
                        f'SELECT * FROM {PG_SCHEMA}."{table}"')
        raw.execute(_SCOPE_FUNCTION)
        # The scope walks the manager chain one level at a time (here and in the scoped views):
        # by index, not a read of every person per level.
        raw.execute(f"CREATE INDEX IF NOT EXISTS employees_manager_id "
                    f"ON {PG_SCHEMA}.employees (manager_id)")
        raw.execute(f"GRANT USAGE ON SCHEMA {PG_SCHEMA}, {PG_STORED} TO {READER}; "
                    f"GRANT SELECT ON ALL TABLES IN SCHEMA {PG_SCHEMA} TO {READER}; "
                    f"GRANT SELECT ON ALL TABLES IN SCHEMA {PG_STORED} TO {READER}")
        for table, rule in _policies(tables).items():
            raw.execute(f'ALTER TABLE {PG_SCHEMA}."{table}" ENABLE ROW LEVEL SECURITY; '
                        f'DROP POLICY IF EXISTS viewer ON {PG_SCHEMA}."{table}"; '
                        f'CREATE POLICY viewer ON {PG_SCHEMA}."{table}" FOR SELECT '
                        f"TO {READER} USING ({rule})")
        raw.execute("INSERT INTO meta VALUES ('pg_setup', %s) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value", [_SETUP])


def _policies(tables: list[str]) -> dict[str, str]:
    # ARRAY(SELECT ...) is computed once per query (an init plan) and its ids probe the
    # primary keys: a manager's 2,288 values of a million in milliseconds. ``IN (SELECT ...)``
    # stays a filter under row-level security, read against every row of the table.
    mine = "employee_id = ANY (ARRAY(SELECT coachboard_scope()))"
    sessions = (f"session_id IN (SELECT session_id FROM {PG_SCHEMA}.coaching_sessions "
                f"UNION ALL SELECT session_id FROM {PG_SCHEMA}.sessions_deleted)")
    rules = {t: mine for t in BY_EMPLOYEE} | {t: sessions for t in BY_SESSION}
    return {t: r for t, r in rules.items() if t in tables}


def enter(con: PgConnection, viewer) -> None:
    """Make ``con`` read as the app's reader for ``viewer`` (a ``store.access.Viewer``): the
    policies keep everyone (``all``), the chain below their employee id, themselves (``self``)
    or nobody (``none``)."""
    employee_id = viewer.employee_id
    if viewer.sees_everyone:
        scope = "all"
    elif viewer.role == "employee":
        scope = "self" if employee_id else "none"
    else:
        scope = "chain" if viewer.can("people") and employee_id else "none"
    con.scope_to({"coachboard.viewer_scope": scope,
                  "coachboard.viewer_employee": employee_id or ""}, role=READER)
