"""The admin page's sections: the users table, add/change and remove a user, the audit log.

Each section reads (``reports.admin``) and writes (``writes.users``) through the viewer's scoped
connection; the store checks the right again on every change, so a hidden button is never the only guard.
"""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd
import streamlit as st

from reports.admin import ROLES, audit_log, users
from reports.audit_text import readable
from reports.safe import neutralise
from ui.context import lang, tr, viewer_of
from ui.downloads import audited, download_name
from ui.feedback import friendly
from writes.users import UserError, add_user, remove_user

_MSG = "admin_msg"  # a success sentence shown after the rerun that refreshes the table
AUDIT_DAYS = 30  # the audit shown by default: the last month


def flash() -> None:
    """Show the sentence a change left for this rerun."""
    if message := st.session_state.pop(_MSG, None):
        st.success(message)


def _done(message: str) -> None:
    st.session_state[_MSG] = message
    st.rerun()


def _role(role: str) -> str:
    return tr(f"role.{role}")


def users_section(con: duckdb.DuckDBPyConnection) -> None:
    """The users table (roles translated)."""
    st.subheader(tr("admin.users"))
    table = users(con)
    if table.empty:
        st.info(tr("admin.users_empty"))
        return
    table["role"] = table["role"].map(_role)
    st.dataframe(table, hide_index=True, width="stretch", column_config={
        name: tr(f"admin.{name}") for name in table.columns})


def user_form(con: duckdb.DuckDBPyConnection) -> None:
    """Add a user, or change an existing user's role and employee id."""
    st.subheader(tr("admin.form"))
    with st.form("admin_user_form", clear_on_submit=False):
        email = st.text_input(tr("admin.email"), key="admin.email")
        role = st.selectbox(tr("admin.role"), ROLES, format_func=_role, key="admin.role")
        employee = st.text_input(tr("admin.employee_id"), key="admin.employee_id",
                                 help=tr("admin.employee_id.help"))
        submitted = st.form_submit_button(tr("admin.save"), type="primary")
    if not submitted:
        return
    with friendly():
        try:
            who = add_user(con, email, role=role, employee_id=employee.strip() or None)
        except UserError as exc:  # the form keeps the entries so they can be corrected
            st.error(exc.message(lang()))
            return
        _done(tr("admin.saved", email=who.email, role=_role(who.role)))


def remove_form(con: duckdb.DuckDBPyConnection) -> None:
    """Remove a user (never oneself), after a confirmation."""
    me = viewer_of(con).email
    emails = [e for e in users(con)["email"] if e != me]
    if not emails:
        return
    st.subheader(tr("admin.remove_title"))
    email = st.selectbox(tr("admin.remove_pick"), emails, key="admin.remove_pick")
    sure = st.checkbox(tr("admin.remove_confirm"), key="admin.remove_confirm")
    if st.button(tr("admin.remove"), disabled=not sure, key="admin.remove"):
        with friendly():
            try:
                remove_user(con, email)
            except UserError as exc:
                st.error(exc.message(lang()))
                return
            st.session_state.pop("admin.remove_confirm", None)
            _done(tr("admin.removed", email=email))


def audit_csv(rows: pd.DataFrame) -> bytes:
    """The audit rows as formula-safe CSV (UTF-8 with BOM, so Excel reads Chinese right)."""
    out = rows.assign(logged_at=pd.to_datetime(rows["logged_at"]).dt.strftime("%Y-%m-%d %H:%M:%S"))
    return neutralise(out).to_csv(index=False).encode("utf-8-sig")


def audit_section(con: duckdb.DuckDBPyConnection) -> None:
    """The audit log from a chosen day, newest first, and its CSV download."""
    st.subheader(tr("admin.audit"))
    st.caption(tr("admin.audit_intro"))
    since = st.date_input(tr("admin.since"), value=dt.date.today() - dt.timedelta(days=AUDIT_DAYS),
                          key="admin.since")
    rows = audit_log(con, since=since)
    if rows.empty:
        st.info(tr("admin.audit_empty", since=since))
        return
    st.dataframe(readable(rows, lang()), hide_index=True, width="stretch", placeholder="",
                 column_config={
        name: tr(f"admin.{name}") for name in rows.columns})
    st.download_button(tr("admin.download"), audit_csv(rows), file_name=download_name(f"audit-since-{since}", "csv"),
                       mime="text/csv", key="admin.download",
                       on_click=audited("audit_csv", rows=len(rows)))
