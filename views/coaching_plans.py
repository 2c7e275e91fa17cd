"""Improvement plans (docs/domain.md, "Cadence"): create, confirm on both sides, follow up
weekly, assess."""

import pandas as pd
import streamlit as st

from reports import coaching as read
from ui.coaching import editor_name, pick_employee
from ui.context import cursor, tr
from ui.feedback import friendly
from ui.plans import assess_form, confirm_box, new_plan_form, review_form

con = cursor()
st.title(tr("pl.title"))
st.caption(tr("pl.intro"))
with friendly():
    who = editor_name()
    picked = pick_employee(con, "pl_employee")
    if picked is None:
        st.stop()
    if flash := st.session_state.pop("pl_flash", None):
        st.success(flash)
    with st.expander(tr("pl.new"), expanded=False):
        new_plan_form(con, picked[0], who)
    found = read.plans(con, employee_id=picked[0])
    if found.empty:
        st.info(tr("pl.none"))
        st.stop()
    ids = found["plan_id"].tolist()
    if st.session_state.get("pl_plan") not in ids:
        st.session_state["pl_plan"] = ids[0]
    names = {r.plan_id: f"{r.goal} ({pd.Timestamp(r.created_at):%Y-%m-%d})"
             for r in found.itertuples()}
    pid = st.selectbox(tr("pl.plan"), ids, format_func=names.get, key="pl_plan")
    plan = found.set_index("plan_id").loc[pid].to_dict() | {"plan_id": pid}
    st.text(f"{tr('pl.goal')}: {plan['goal']}")
    for field in ("measures", "owner", "milestones", "deadline"):
        if isinstance(plan[field], str) or (plan[field] is not None and pd.notna(plan[field])):
            st.text(f"{tr(f'pl.{field}')}: {plan[field]}")
    confirm_box(con, plan, who)
    review_form(con, pid, who)
    assess_form(con, plan, who)
