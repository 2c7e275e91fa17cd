"""The admin page, run in the app as the local user: users added, changed, refused, removed;
the audit log with its date filter and a formula-safe CSV."""

import datetime as dt

import pandas as pd

import store
from i18n import t
from store.users import lookup
from tests.views.conftest import make_app
from ui.admin import audit_csv

PAGE = "views/admin.py"


def _save(at, email: str, role: str, employee_id: str = ""):
    at.text_input(key="admin.email").input(email)
    at.selectbox(key="admin.role").set_value(role)
    at.text_input(key="admin.employee_id").input(employee_id)
    next(b for b in at.button if b.label == t("admin.save")).click().run()
    assert not at.exception, at.exception
    return at


def _lookup(db, email):
    con = store.connect(db)
    try:
        return lookup(con, email)
    finally:
        con.close()


def test_add_change_refuse_and_remove_a_user(monkeypatch, demo_copy):
    at = make_app(monkeypatch, demo_copy, PAGE)
    assert at.title[0].value == t("admin.title")
    assert at.info[0].value == t("admin.users_empty")
    _save(at, "M01@X", "manager", "M01")
    assert at.success[0].value == t("admin.saved", email="m01@x", role=t("role.manager"))
    shown = at.dataframe[0].value
    assert shown[["email", "role", "employee_id"]].to_dict("records") == [
        {"email": "m01@x", "role": t("role.manager"), "employee_id": "M01"}]
    _save(at, "m01@x", "leadership", "")
    assert _lookup(demo_copy, "m01@x").role == "leadership"
    _save(at, "a@x", "manager", "")  # a manager needs an employee id: refused, entries kept
    assert at.error[0].value == t("access.needs_employee")
    assert at.text_input(key="admin.email").value == "a@x"
    assert _lookup(demo_copy, "a@x") is None
    at.selectbox(key="admin.remove_pick").set_value("m01@x")
    assert at.button(key="admin.remove").disabled
    at.checkbox(key="admin.remove_confirm").check().run()
    at.button(key="admin.remove").click().run()
    assert at.success[0].value == t("admin.removed", email="m01@x")
    assert _lookup(demo_copy, "m01@x") is None


def test_audit_log_with_date_filter(monkeypatch, demo_copy):
    at = make_app(monkeypatch, demo_copy, PAGE)
    _save(at, "hr@x", "hr")
    audit = at.dataframe[-1].value
    newest = audit.iloc[0]
    # in words, not codes; the CSV keeps the codes
    assert (newest["actor"], newest["action"], newest["target"]) == (
        t("role.local"), t("audit.action.user_add"), "hr@x")
    assert newest["detail"] == f"{t('audit.key.role')} {t('role.hr')}"
    # loading the demo imported files
    assert set(audit["action"]) <= {t("audit.action.user_add"), t("audit.action.import")}
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    at.date_input(key="admin.since").set_value(tomorrow).run()
    assert at.info[-1].value == t("admin.audit_empty", since=tomorrow)


def test_audit_csv_is_formula_safe():
    rows = pd.DataFrame({"logged_at": [pd.Timestamp("2026-01-02 03:04:05")], "actor": ["=x@y"],
                         "action": ["export"], "target": ["@flags"], "rows": [-3],
                         "detail": ["-csv"]})
    text = audit_csv(rows).decode("utf-8-sig")
    assert text.splitlines() == ["logged_at,actor,action,target,rows,detail",
                                 "2026-01-02 03:04:05,'=x@y,export,'@flags,-3,'-csv"]


def test_page_in_chinese(monkeypatch, empty_db):
    at = make_app(monkeypatch, empty_db, PAGE, lang="zh")
    assert at.title[0].value == t("admin.title", "zh")
    assert at.caption[0].value == t("admin.local", "zh")
