"""The improvement plans page's forms: a new plan, each side's confirmation, the weekly review
and the assessment. Every write goes through ``writes.plans``."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from reports import coaching as read
from ui.coaching import entry_error
from ui.context import tr, viewer_of
from ui.text import md
from writes import plans as write
from writes.plans import EntryError


def new_plan_form(con, employee_id: str, who: str) -> None:
    with st.form("pl_new_form"):
        goal = st.text_input(tr("pl.goal"), key="pl_f_goal")
        measures = st.text_area(tr("pl.measures"), key="pl_f_measures", height=80)
        c1, c2, c3 = st.columns(3)
        owner = c1.text_input(tr("pl.owner"), key="pl_f_owner")
        milestones = c2.text_input(tr("pl.milestones"), key="pl_f_milestones")
        deadline = c3.date_input(tr("pl.deadline"), value=None, key="pl_f_deadline")
        submitted = st.form_submit_button(tr("pl.create"), type="primary")
    if submitted:
        try:
            pid = write.create_plan(con, employee_id=employee_id, goal=goal, measures=measures,
                                    owner=owner, milestones=milestones, deadline=deadline,
                                    by=who)
        except EntryError as exc:
            entry_error(exc)
            return
        for key in ("goal", "measures", "owner", "milestones", "deadline"):
            st.session_state.pop(f"pl_f_{key}", None)
        st.session_state["pl_plan"] = pid
        st.session_state["pl_flash"] = tr("pl.created")
        st.rerun()


def _when(value) -> str:
    return f"{pd.Timestamp(value):%Y-%m-%d %H:%M}"


def confirm_box(con, plan: dict, who: str) -> None:
    pid = plan["plan_id"]
    for column, role in zip(st.columns(2), ("manager", "employee"), strict=True):
        with column:
            st.markdown(f"**{tr(f'pl.{role}_side')}**")
            if pd.notna(plan[f"{role}_confirmed_at"]):
                # A signed-in manager confirms as their roster id: shown by name, not "M01".
                by = read.coach_name(con, plan[f"{role}_confirmed_by"])
                st.caption(tr("pl.confirmed", who=md(by),
                              when=_when(plan[f"{role}_confirmed_at"])))
                continue
            if role == "employee" and viewer_of(con).role != "local":
                st.caption(tr("me.plan.waiting"))  # their own click, on their page
                continue
            st.caption(tr("pl.unconfirmed"))
            name = who if role == "manager" else st.text_input(
                tr("pl.employee_name"), key=f"pl_emp_name_{pid}")
            if st.button(tr(f"pl.confirm_as_{role}"), key=f"pl_confirm_{role}_{pid}"):
                try:
                    write.confirm_plan(con, pid, role=role, by=name)
                except EntryError as exc:
                    entry_error(exc)
                else:
                    st.rerun()


def review_form(con, pid: str, who: str) -> None:
    st.markdown(f"**{tr('pl.review')}**")
    st.dataframe(read.plan_reviews(con, pid), hide_index=True, key=f"pl_reviews_{pid}",
                 column_config={"week": tr("pl.week"), "review_date": tr("pl.review_date"),
                                "progress": tr("pl.progress"), "note": tr("pl.note"),
                                "changed_by": tr("cl.col.changed_by"),
                                "changed_at": tr("cl.col.changed_at")})
    with st.form(f"pl_review_{pid}"):
        c1, c2 = st.columns([1, 2])
        week = c1.selectbox(tr("pl.week"), [1, 2, 3, 4], key=f"pl_week_{pid}")
        day = c1.date_input(tr("pl.review_date"), value=date.today(), key=f"pl_rdate_{pid}")
        progress = c2.text_input(tr("pl.progress"), key=f"pl_progress_{pid}")
        note = c2.text_input(tr("pl.note"), key=f"pl_note_{pid}")
        if st.form_submit_button(tr("pl.save_review")):
            write.review_plan(con, pid, week=int(week), review_date=day, progress=progress,
                              note=note, by=who)
            st.success(tr("pl.review_saved", week=week))


def assess_form(con, plan: dict, who: str) -> None:
    pid = plan["plan_id"]
    st.markdown(f"**{tr('pl.assess')}**")
    results = list(read.ASSESSMENTS)
    current = plan["assessment"] if isinstance(plan["assessment"], str) else None
    with st.form(f"pl_assess_{pid}"):
        result = st.radio(tr("pl.result"), results, horizontal=True, key=f"pl_result_{pid}",
                          index=results.index(current) if current else None,
                          format_func=lambda r: tr(f"pl.result.{r}"))
        note = st.text_input(tr("pl.note"), key=f"pl_anote_{pid}")
        if st.form_submit_button(tr("pl.save_assess")) and result is not None:
            write.assess_plan(con, pid, result=result, note=note, by=who)
            st.success(tr("pl.assessed"))
