"""Audit records made from pages: the page views the issue asks to be traceable."""

from __future__ import annotations

import streamlit as st

from ui.context import audit_cursor
from writes import audit

REFUSED = "refused"  # the detail of a refused view: the id asked for is not the viewer's


def viewed_employee(employee_id: str) -> None:
    """Record that this session opened ``employee_id``'s page, once per session and person.

    Every rerun (a changed widget) would otherwise add a row; once per session is what an
    auditor needs: who looked at whom, and when first.
    """
    seen = st.session_state.setdefault("_audited_views", set())
    if employee_id in seen:
        return
    audit.viewed_employee(audit_cursor(), employee_id)
    seen.add(employee_id)


def refused_employee(asked: str) -> None:
    """Record that this session asked for ``asked`` (a link or typed id) and was refused.

    The id asked for is the user's own input, whoever it names (or nobody): it is cut short
    (``writes.audit.ID_MAX``), and recorded once per session like a view.
    """
    seen = st.session_state.setdefault("_audited_refusals", set())
    if asked in seen:
        return
    audit.refused_employee(audit_cursor(), asked, detail=REFUSED)
    seen.add(asked)
