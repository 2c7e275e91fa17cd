"""Users: lookup through any connection, validated adds, removal that denies at once, the audit."""

import pytest

from store.access import AccessDenied, Viewer
from store.audit import USER_ADD, USER_REMOVE, audit_log
from store.scope import scoped
from store.users import UserError, add_user, lookup, remove_user, users

ADMIN = Viewer("boss@x", "admin")


@pytest.fixture
def con(demo_con):
    return demo_con


def test_lookup_is_trimmed_case_insensitive_and_reads_through_a_scoped_connection(con):
    assert lookup(con, "m01@x") is None
    add_user(con, "  M01@Example.COM ", role="manager", employee_id="M01")
    manager = Viewer("m01@example.com", "manager", "M01")
    assert lookup(con, "m01@example.com") == manager
    assert lookup(con, " M01@EXAMPLE.com") == manager
    # A manager's own scoped connection shows the users table empty; lookup still finds them.
    mine = scoped(con, manager)
    assert users(mine).empty
    assert lookup(mine, "m01@example.com") == manager
    assert lookup(con, "") is None
    assert lookup(con, None) is None


def test_remove_denies_at_once_and_re_adding_lifts_the_denial(con):
    add_user(con, "hr@x", role="hr")
    assert remove_user(con, "HR@x") is True
    assert lookup(con, "hr@x") is None
    assert con.execute("SELECT email, denied_by FROM denied_users").fetchall() == [("hr@x", "local")]
    assert remove_user(con, "never@x") is False  # denied all the same
    assert lookup(con, "never@x") is None
    add_user(con, "hr@x", role="leadership", employee_id="D01")
    assert lookup(con, "hr@x") == Viewer("hr@x", "leadership", "D01")
    assert con.execute("SELECT email FROM denied_users").fetchall() == [("never@x",)]


def test_upsert_changes_the_role_and_keeps_one_row(con):
    add_user(con, "a@x", role="manager", employee_id="M02")
    add_user(con, "a@x", role="hr")
    assert users(con)[["email", "role", "employee_id"]].to_dict("records") == [
        {"email": "a@x", "role": "hr", "employee_id": None}]


@pytest.mark.parametrize(("email", "role", "employee_id", "code"), [
    ("no-at-sign", "hr", None, "bad_email"),
    ("two words@x", "hr", None, "bad_email"),
    ("a@x", "owner", None, "bad_role"),
    ("a@x", "manager", None, "needs_employee"),
    ("a@x", "manager", "Z99", "unknown_employee"),
    ("a@x", "leadership", "Z99", "unknown_employee"),
])
def test_add_refuses_bad_input_and_stores_nothing(con, email, role, employee_id, code):
    with pytest.raises(UserError) as caught:
        add_user(con, email, role=role, employee_id=employee_id)
    assert caught.value.code == code
    assert isinstance(caught.value, ValueError)
    assert caught.value.message("zh") != caught.value.message("en")
    assert users(con).empty
    assert audit_log(con, actions=[USER_ADD]).empty


def test_only_users_right_may_change_users(con):
    add_user(con, "m01@x", role="manager", employee_id="M01")
    for who in (Viewer("m01@x", "manager", "M01"), Viewer("hr@x", "hr"),
                Viewer("lead@x", "leadership")):
        view = scoped(con, who)
        with pytest.raises(AccessDenied):
            add_user(view, "z@x", role="admin")
        with pytest.raises(AccessDenied):
            remove_user(view, "m01@x")
    assert list(users(con)["email"]) == ["m01@x"]
    assert users(scoped(con, Viewer("hr@x", "hr"))).empty  # HR has no "users" right


def test_an_admin_manages_users_through_their_scoped_connection_and_is_audited(con):
    add_user(con, ADMIN.email, role="admin")
    admin = scoped(con, ADMIN)
    # The admin sees nobody in the roster, yet the employee id is checked against it.
    assert con.execute("SELECT count(*) FROM employees").fetchone()[0] > 0
    assert admin.execute("SELECT count(*) FROM employees").fetchone()[0] == 0
    add_user(admin, "m02@x", role="manager", employee_id="M02")
    assert remove_user(admin, "m02@x") is True
    with pytest.raises(UserError, match="cannot remove yourself"):
        remove_user(admin, ADMIN.email)
    with pytest.raises(UserError, match="own admin role"):
        add_user(admin, ADMIN.email, role="hr")
    log = audit_log(admin, actions=[USER_ADD, USER_REMOVE])
    assert list(zip(log["actor"], log["action"], log["target"], log["rows"], strict=True)) == [
        ("boss@x", "user_remove", "m02@x", 1), ("boss@x", "user_add", "m02@x", 1),
        ("local", "user_add", "boss@x", 1)]
    assert log["detail"].iloc[1] == "role=manager employee=M02"
