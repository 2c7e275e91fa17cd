"""The role matrix, enforced in the store: what each viewer's connection reads and may write."""

from __future__ import annotations

from datetime import date

import duckdb
import psycopg.errors
import pytest

from store.access import LOCAL, AccessDenied, Viewer, cache_key, viewer_of, writer
from store.coaching_log import EntryError, delete_session, log_session
from store.scope import scoped

TEAM_M01 = {f"E{i:03d}" for i in range(1, 9)}
EVERYONE_BELOW_D01 = {f"E{i:03d}" for i in range(1, 25)} | {"M01", "M02", "M03"}

MANAGER = Viewer("m01@example.com", "manager", "M01")
LEADER = Viewer("d01@example.com", "leadership", "D01")
HR = Viewer("hr@example.com", "hr")
ADMIN = Viewer("admin@example.com", "admin")


@pytest.fixture
def con(demo_con) -> duckdb.DuckDBPyConnection:
    demo_con.execute("INSERT INTO users VALUES ('m01@example.com', 'manager', 'M01', 't', now())")
    demo_con.execute("INSERT INTO audit_log VALUES (now(), 'hr@example.com', 'export', 'board', "
                     "3, '', nextval('audit_seq'))")
    return demo_con


def _ids(con, table: str) -> set[str]:
    return {r[0] for r in con.execute(f"SELECT DISTINCT employee_id FROM {table}").fetchall()}


@pytest.mark.parametrize(
    ("viewer", "expected"),
    [
        (MANAGER, TEAM_M01),
        (LEADER, EVERYONE_BELOW_D01),
        (Viewer("ceo@example.com", "leadership"), EVERYONE_BELOW_D01 | {"D01"}),
        (HR, EVERYONE_BELOW_D01 | {"D01"}),
        (ADMIN, set()),
        (Viewer("m9@example.com", "manager", "NOBODY"), set()),
        (Viewer("x@example.com", "manager"), set()),
    ],
    ids=["manager", "leadership-org", "leadership-all", "hr", "admin", "manager-unknown-id",
         "manager-no-id"],
)
@pytest.mark.parametrize("table", ["employees", "metric_values", "coaching_sessions", "goals"])
def test_each_viewer_reads_only_their_people(con, viewer, expected, table):
    everyone = _ids(con, table)
    assert _ids(scoped(con, viewer), table) == expected & everyone


@pytest.mark.parametrize(("viewer", "sees_notes"), [(MANAGER, True), (HR, True), (LEADER, False)])
def test_leadership_sees_sessions_but_not_their_notes(con, viewer, sees_notes):
    sid = log_session(con, employee_id="E001", session_date=date(2025, 12, 1),
                      session_type="formal", model="GROW", coach="M01", notes="private words",
                      parts={"goal": "a goal"})
    view = scoped(con, viewer)
    notes = view.execute("SELECT notes FROM coaching_sessions WHERE session_id = ?",
                         [sid]).fetchall()
    parts = view.execute("SELECT count(*) FROM session_parts WHERE session_id = ?",
                         [sid]).fetchone()[0]
    assert notes == [("private words" if sees_notes else None,)]
    assert parts == (1 if sees_notes else 0)


@pytest.mark.parametrize(
    ("viewer", "sees_users", "sees_audit"),
    [(MANAGER, False, False), (LEADER, False, False), (HR, False, True), (ADMIN, True, True),
     (LOCAL, True, True)],
)
def test_users_and_audit_are_for_admin_and_hr(con, viewer, sees_users, sees_audit):
    view = scoped(con, viewer)
    for table, sees in (("users", sees_users), ("audit_log", sees_audit)):
        stored = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        assert stored > 0
        assert view.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == (stored if sees else 0)


def test_a_scoped_connection_cannot_write_through_its_views(con):
    view = scoped(con, MANAGER)
    # PostgreSQL refuses sooner: the scoped cursor reads as a role that may not write at all.
    pg = psycopg.errors.InsufficientPrivilege
    with pytest.raises((duckdb.CatalogException, pg)):
        view.execute("INSERT INTO employees (employee_id, name) VALUES ('X1', 'x')")
    with pytest.raises((duckdb.BinderException, pg)):
        view.execute("DELETE FROM metric_values")
    assert con.execute("SELECT count(*) FROM employees").fetchone()[0] == 28


@pytest.mark.parametrize(
    ("viewer", "capability", "ids", "outcome"),
    [
        (MANAGER, "coach", ["E001"], None),
        (MANAGER, "coach", ["E001", "E009"], "out_of_scope"),
        (MANAGER, "coach", ["M01"], "out_of_scope"),
        (MANAGER, "settings", [], "denied"),
        (MANAGER, "users", [], "denied"),
        (LEADER, "coach", ["E001"], "denied"),
        (LEADER, "import", [], "denied"),
        (HR, "coach", ["E009", "D01"], None),
        (HR, "settings", [], "denied"),
        (ADMIN, "settings", [], None),
        (ADMIN, "coach", ["E001"], "denied"),
    ],
)
def test_writer_checks_role_and_people(con, viewer, capability, ids, outcome):
    view = scoped(con, viewer)
    if outcome is None:
        assert writer(view, capability, employee_ids=ids) is not None
    else:
        with pytest.raises(AccessDenied) as caught:
            writer(view, capability, employee_ids=ids)
        assert caught.value.code == outcome


def test_a_manager_cannot_log_or_delete_another_teams_session(con):
    other = con.execute("SELECT session_id FROM coaching_sessions WHERE employee_id = 'E009' "
                        "LIMIT 1").fetchone()[0]
    view = scoped(con, MANAGER)
    with pytest.raises(AccessDenied):
        delete_session(view, other, by="m01")
    with pytest.raises(EntryError, match="employee"):  # not among the people they can see
        log_session(view, employee_id="E009", session_date=date(2025, 12, 1),
                    session_type="formal", model="GROW", coach="M01", notes="x")
    assert con.execute("SELECT count(*) FROM coaching_sessions WHERE session_id = ?",
                       [other]).fetchone()[0] == 1


def test_own_team_writes_land_in_the_stored_tables(con):
    view = scoped(con, MANAGER)
    sid = log_session(view, employee_id="E003", session_date=date(2025, 12, 1),
                      session_type="informal", model=None, coach="M01", notes="ok")
    assert con.execute("SELECT employee_id FROM coaching_sessions WHERE session_id = ?",
                       [sid]).fetchall() == [("E003",)]


def test_a_loop_in_the_manager_chain_terminates(con):
    con.execute("UPDATE employees SET manager_id = 'E001' WHERE employee_id = 'M01'")
    assert _ids(scoped(con, MANAGER), "employees") == TEAM_M01


def test_hostile_email_in_the_import_rule_is_data_not_sql(con):
    view = scoped(con, Viewer("x' OR true OR '@example.com", "manager", "M01"))
    assert view.execute("SELECT count(*) FROM imports").fetchone()[0] == 0


def test_plain_connections_are_the_local_user_and_cache_keys_drop_hr_emails():
    assert viewer_of(object()) is LOCAL
    assert cache_key(HR) == cache_key(Viewer("other@example.com", "hr"))
    assert cache_key(MANAGER) != cache_key(Viewer("m02@example.com", "manager", "M01"))
