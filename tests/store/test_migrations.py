"""Schema versions on real files: a version-1 database is upgraded in place, data kept."""

import duckdb
import pytest

import store
from store.errors import SchemaTooNew
from store.migrations import MIGRATIONS, current_version
from store.schema import SCHEMA_VERSION

# The schema as Coachboard 1 wrote it (EXPORT DATABASE's schema.sql of a version-1 file), frozen.
V1_DDL = """
CREATE SEQUENCE import_seq START 1;
CREATE TABLE coaching_actions(action_id VARCHAR PRIMARY KEY, session_id VARCHAR NOT NULL, employee_id VARCHAR NOT NULL, goal VARCHAR, "action" VARCHAR NOT NULL, "owner" VARCHAR, deadline DATE, support VARCHAR, progress VARCHAR, status VARCHAR NOT NULL, next_adjustment VARCHAR, "version" INTEGER NOT NULL, changed_by VARCHAR, changed_at TIMESTAMP);
CREATE TABLE coaching_actions_history(action_id VARCHAR, session_id VARCHAR, employee_id VARCHAR, goal VARCHAR, "action" VARCHAR, "owner" VARCHAR, deadline DATE, support VARCHAR, progress VARCHAR, status VARCHAR, next_adjustment VARCHAR, "version" INTEGER, changed_by VARCHAR, changed_at TIMESTAMP, PRIMARY KEY(action_id, "version"));
CREATE TABLE coaching_sessions(session_id VARCHAR PRIMARY KEY, employee_id VARCHAR NOT NULL, session_date DATE NOT NULL, session_type VARCHAR, model VARCHAR, coach VARCHAR, notes VARCHAR, import_id INTEGER);
CREATE TABLE coaching_sessions_history(session_id VARCHAR, employee_id VARCHAR, session_date DATE, session_type VARCHAR, model VARCHAR, coach VARCHAR, notes VARCHAR, import_id INTEGER, superseded_by INTEGER);
CREATE TABLE employees(employee_id VARCHAR PRIMARY KEY, "name" VARCHAR, team VARCHAR, manager_id VARCHAR, "role" VARCHAR, hire_date DATE, high_potential BOOLEAN, import_id INTEGER);
CREATE TABLE employees_history(employee_id VARCHAR, "name" VARCHAR, team VARCHAR, manager_id VARCHAR, "role" VARCHAR, hire_date DATE, high_potential BOOLEAN, import_id INTEGER, superseded_by INTEGER);
CREATE TABLE goals(employee_id VARCHAR, objective VARCHAR, key_result VARCHAR, weight DOUBLE, due_date DATE, progress DOUBLE, import_id INTEGER, PRIMARY KEY(employee_id, objective, key_result));
CREATE TABLE goals_history(employee_id VARCHAR, objective VARCHAR, key_result VARCHAR, weight DOUBLE, due_date DATE, progress DOUBLE, import_id INTEGER, superseded_by INTEGER);
CREATE TABLE imports(import_id INTEGER PRIMARY KEY, file_name VARCHAR, content_hash VARCHAR, kind VARCHAR, "encoding" VARCHAR, "mapping" JSON, rows_read INTEGER, rows_loaded INTEGER, rows_rejected INTEGER, rows_changed INTEGER, status VARCHAR, message VARCHAR, imported_at TIMESTAMP, undone_at TIMESTAMP);
CREATE TABLE improvement_plans(plan_id VARCHAR PRIMARY KEY, employee_id VARCHAR NOT NULL, goal VARCHAR NOT NULL, measures VARCHAR, "owner" VARCHAR, milestones VARCHAR, deadline DATE, created_by VARCHAR, created_at TIMESTAMP, manager_confirmed_by VARCHAR, manager_confirmed_at TIMESTAMP, employee_confirmed_by VARCHAR, employee_confirmed_at TIMESTAMP, assessment VARCHAR, assessment_note VARCHAR, assessed_by VARCHAR, assessed_at TIMESTAMP);
CREATE TABLE meta("key" VARCHAR PRIMARY KEY, "value" VARCHAR);
CREATE TABLE metric_catalog(metric VARCHAR PRIMARY KEY, direction VARCHAR NOT NULL, category VARCHAR NOT NULL, unit VARCHAR, default_target DOUBLE, edited BOOLEAN DEFAULT(false));
CREATE TABLE metric_values(employee_id VARCHAR, period DATE, metric VARCHAR, "value" DOUBLE NOT NULL, "target" DOUBLE, import_id INTEGER, PRIMARY KEY(employee_id, period, metric));
CREATE TABLE metric_values_history(employee_id VARCHAR, period DATE, metric VARCHAR, "value" DOUBLE, "target" DOUBLE, import_id INTEGER, superseded_by INTEGER);
CREATE TABLE plan_reviews(plan_id VARCHAR, "week" INTEGER, review_date DATE, progress VARCHAR, note VARCHAR, changed_by VARCHAR, changed_at TIMESTAMP, PRIMARY KEY(plan_id, "week"));
CREATE TABLE rejected_rows(import_id INTEGER, line INTEGER, column_name VARCHAR, "value" VARCHAR, code VARCHAR, message VARCHAR);
CREATE TABLE sessions_deleted(session_id VARCHAR PRIMARY KEY, employee_id VARCHAR, session_date DATE, session_type VARCHAR, model VARCHAR, coach VARCHAR, notes VARCHAR, import_id INTEGER, deleted_by VARCHAR, deleted_at TIMESTAMP);
CREATE TABLE session_log(session_id VARCHAR NOT NULL, "event" VARCHAR NOT NULL, changed_by VARCHAR, changed_at TIMESTAMP);
CREATE TABLE session_parts(session_id VARCHAR, part VARCHAR, "text" VARCHAR, PRIMARY KEY(session_id, part));
CREATE TABLE session_ratings(session_id VARCHAR, rater VARCHAR, score INTEGER NOT NULL, "comment" VARCHAR, changed_by VARCHAR, changed_at TIMESTAMP, PRIMARY KEY(session_id, rater));
CREATE TABLE settings("key" VARCHAR PRIMARY KEY, "value" JSON);
INSERT INTO meta VALUES ('schema_version', '1');
"""

V1_DATA = """
INSERT INTO employees VALUES ('00123', '王芳', '售后一组', 'M1', 'agent', DATE '2025-03-01', false, 1);
INSERT INTO metric_values VALUES ('00123', DATE '2025-07-07', 'CSAT', 86.5, 85, 1);
INSERT INTO imports VALUES (nextval('import_seq'), 'team.csv', 'abc', 'metrics', 'gb18030', NULL,
    1, 1, 0, 1, 'loaded', NULL, TIMESTAMP '2025-07-08 09:00:00', NULL);
INSERT INTO settings VALUES ('flags', '{"streak": 2}');
"""


def columns(con) -> dict[str, list[tuple[str, str]]]:
    rows = con.execute(
        "SELECT table_name, column_name, data_type FROM information_schema.columns "
        "WHERE table_schema = 'main' ORDER BY table_name, ordinal_position"
    ).fetchall()
    out: dict[str, list[tuple[str, str]]] = {}
    for table, column, dtype in rows:
        out.setdefault(table, []).append((column, dtype))
    return out


@pytest.fixture
def v1_file(tmp_path):
    path = tmp_path / "v1.duckdb"
    con = duckdb.connect(str(path))
    con.execute(V1_DDL + V1_DATA)
    con.close()
    return path


def test_v1_file_is_upgraded_in_place_with_its_data(v1_file, tmp_path):
    con = store.connect(v1_file)
    try:
        assert current_version(con) == SCHEMA_VERSION == 7
        upgraded = columns(con)
        assert {"users", "denied_users", "audit_log"} <= set(upgraded)
        assert upgraded["imports"][-1] == ("imported_by", "VARCHAR")
        assert con.execute("SELECT name, team FROM employees").fetchall() == [("王芳", "售后一组")]
        assert con.execute("SELECT value FROM metric_values").fetchall() == [(86.5,)]
        assert con.execute(
            "SELECT import_id, file_name, imported_by FROM imports").fetchall() == [(1, "team.csv", None)]
        assert con.execute("SELECT value FROM settings").fetchall() == [('{"streak": 2}',)]
        # the sequence goes on where version 1 left it, and the app's INSERT fits the new shape
        result = store.import_bytes(con, b"employee id,period,metric,value\nE9,2025-07-14,CSAT,90\n",
                                    "more.csv")
        assert (result.status, result.import_id) == ("loaded", 2)
    finally:
        con.close()
    fresh = store.connect(tmp_path / "fresh.duckdb")
    try:
        assert columns(fresh) == upgraded, "a step in store/migrations.py is missing or differs"
    finally:
        fresh.close()


def test_opening_twice_changes_nothing(v1_file):
    store.connect(v1_file).close()
    con = store.connect(v1_file)
    try:
        assert con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall() == [(str(SCHEMA_VERSION),)]
        assert con.execute("SELECT count(*) FROM employees").fetchone()[0] == 1
    finally:
        con.close()


def test_new_file_gets_the_current_schema_directly(tmp_path):
    con = store.connect(tmp_path / "new.duckdb")
    try:
        assert current_version(con) == SCHEMA_VERSION
        assert sorted(MIGRATIONS) == list(range(2, SCHEMA_VERSION + 1))
    finally:
        con.close()


def test_a_failed_step_leaves_version_1_and_no_half_upgrade(v1_file):
    # imports is replaced by a view: the step creates three tables, then its ALTER TABLE fails
    con = duckdb.connect(str(v1_file))
    con.execute("DROP TABLE imports; CREATE VIEW imports AS SELECT 1 AS import_id")
    con.close()
    with pytest.raises(duckdb.Error):
        store.connect(v1_file)
    con = duckdb.connect(str(v1_file))  # the file was released
    try:
        assert con.execute("SELECT value FROM meta").fetchall() == [("1",)]
        tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        assert not {"users", "denied_users", "audit_log"} & tables
    finally:
        con.close()


def test_a_newer_file_is_refused_with_a_sentence(tmp_path):
    path = tmp_path / "future.duckdb"
    store.connect(path).close()
    con = duckdb.connect(str(path))
    con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(SchemaTooNew) as info:
        store.connect(path)
    assert "newer Coachboard" in str(info.value)
    assert "99" in info.value.message("zh")
    store.connect(tmp_path / "other.duckdb").close()  # the refused file was released
    con = duckdb.connect(str(path))
    assert con.execute("SELECT value FROM meta").fetchall() == [("99",)]
    con.close()


def test_v6_numbers_the_old_audit_rows_in_the_order_they_were_logged(tmp_path):
    path = tmp_path / "v5.duckdb"
    store.connect(path).close()
    con = duckdb.connect(str(path))  # back to version 5: no audit ids, rows out of time order
    con.execute("ALTER TABLE audit_log DROP COLUMN audit_id; DROP SEQUENCE audit_seq; "
                "UPDATE meta SET value = '5' WHERE key = 'schema_version'")
    logged = ["2025-07-03 09:00", "2025-07-01 09:00", "2025-07-02 09:00"]
    for n, at in enumerate(logged):
        con.execute("INSERT INTO audit_log VALUES (?::TIMESTAMP, 'a', 'export', ?, NULL, NULL)",
                    [at, str(n)])
    con.close()
    con = store.connect(path)
    rows = con.execute("SELECT target, audit_id FROM audit_log ORDER BY audit_id").fetchall()
    by_time = sorted(range(len(logged)), key=lambda n: logged[n])
    assert rows == [(str(n), i + 1) for i, n in enumerate(by_time)]
    from store.audit import EXPORT, record

    record(con, EXPORT, target="new")
    assert con.execute("SELECT audit_id FROM audit_log WHERE target = 'new'").fetchone() == (4,)
    con.close()


def _values_csv(values: dict[tuple[str, str], float]) -> bytes:
    rows = [f"{e},{p},CSAT,{v}" for (e, p), v in values.items()]
    return ("employee id,period,metric,value\n" + "\n".join(rows) + "\n").encode()


def _key_constraints(con) -> int:
    return con.execute("SELECT count(*) FROM duckdb_constraints() WHERE table_name = "
                       "'metric_values' AND constraint_type = 'PRIMARY KEY'").fetchall()[0][0]


def test_v7_drops_only_the_key_of_metric_values_and_undo_still_works(tmp_path):
    first = {(f"E{i}", p): 60.0 + i for i in range(6) for p in ("2025-07-07", "2025-07-14")}
    second = {k: v + 10 for k, v in first.items() if k[0] in ("E1", "E2")}
    path = tmp_path / "v6.duckdb"
    con = store.connect(path)
    ids = [store.import_bytes(con, _values_csv(v), n).import_id
           for v, n in ((first, "a.csv"), (second, "b.csv"))]
    con.close()
    # Back to version 6: metric_values with its primary key, as store/schema.py declared it then.
    con = duckdb.connect(str(path))
    con.execute("""CREATE TABLE v6 (employee_id TEXT NOT NULL, period DATE NOT NULL,
        metric TEXT NOT NULL, value DOUBLE NOT NULL, target DOUBLE, import_id INTEGER,
        n_events INTEGER, partial BOOLEAN, PRIMARY KEY (employee_id, period, metric));
        INSERT INTO v6 SELECT * FROM metric_values; DROP TABLE metric_values;
        ALTER TABLE v6 RENAME TO metric_values;
        UPDATE meta SET value = '6' WHERE key = 'schema_version'""")
    assert _key_constraints(con) == 1
    con.close()
    con = store.connect(path)
    try:
        assert current_version(con) == 7
        assert _key_constraints(con) == 0
        stored = "SELECT employee_id, period::TEXT, value, import_id FROM metric_values"
        assert sorted(con.execute(stored).fetchall()) == sorted(
            (e, p, second.get((e, p), v), ids[1] if (e, p) in second else ids[0])
            for (e, p), v in first.items())
        assert con.execute("SELECT count(*) FROM metric_values_history").fetchall()[0][0] == len(
            second)
        assert store.undo_import(con, ids[1])
        assert sorted(con.execute(stored).fetchall()) == sorted(
            (e, p, v, ids[0]) for (e, p), v in first.items())
        again = store.import_bytes(con, _values_csv(second), "b.csv")
        assert (again.status, again.rows_changed) == ("loaded", len(second))
    finally:
        con.close()
    fresh = store.connect(tmp_path / "fresh.duckdb")
    try:
        assert _key_constraints(fresh) == 0
    finally:
        fresh.close()
