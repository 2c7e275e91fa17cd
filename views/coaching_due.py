"""Follow-up: per manager, what is due or overdue; one person's timeline; satisfaction; export."""

import math

import streamlit as st

from reports.people import label_people
from ui import followup as cached
from ui.cache import Snapshot, snapshot
from ui.coaching import pick_as_of, pick_employee
from ui.context import cursor, lang, tr
from ui.feedback import friendly


def pick_manager(key: Snapshot) -> str | None:
    managers, names = cached.managers(key)
    options = ["", *managers]  # "" = everyone (None would show as an empty choice)
    chosen = st.selectbox(tr("fu.manager"), options, key="fu_manager", format_func=lambda m: (
        tr("fu.everyone") if m == "" else f"{names.get(m) or ''} ({m})"))
    return chosen or None


def due_table(due, as_of, horizon: int) -> None:
    if due.empty:
        st.success(tr("fu.nothing_due", date=f"{as_of:%Y-%m-%d}"))
        return
    overdue = int((due["days_overdue"] > 0).sum())
    st.markdown(tr("fu.summary", date=f"{as_of:%Y-%m-%d}", overdue=overdue,
                   soon=len(due) - overdue, days=horizon))
    kinds = {k: tr(f"fu.kind.{k}") for k in due["kind"].unique()}  # not once per row
    view = label_people(due.assign(kind=due["kind"].map(kinds)), lang())
    st.dataframe(view, hide_index=True, width="stretch", key="fu_due_table",
                 column_order=["name", "employee_id", "team", "kind", "due", "days_overdue",
                               "focus", "detail"],
                 column_config={
                     "name": tr("fu.col.name"), "employee_id": "ID", "team": tr("fu.col.team"),
                     "kind": tr("fu.col.kind"),
                     "due": st.column_config.DateColumn(tr("fu.col.due"), format="YYYY-MM-DD"),
                     "days_overdue": st.column_config.NumberColumn(tr("fu.col.days")),
                     "focus": st.column_config.CheckboxColumn(tr("fu.col.focus")),
                     "detail": tr("fu.col.detail")})


def satisfaction_box(key: Snapshot) -> None:
    st.subheader(tr("fu.satisfaction_header"))
    result = cached.satisfaction(key)
    if not result["rated"]:
        st.info(tr("fu.no_ratings"))
        return
    rate, target = result["rate"], result["target"]
    st.metric(tr("fu.satisfaction"), f"{rate:.0%}", delta=f"{rate - target:+.0%}",
              help=tr("fu.satisfaction_delta", target=f"{target:.0%}"))
    st.caption(tr("fu.rated", satisfied=result["satisfied"], rated=result["rated"]) + " · "
               + tr("fu.satisfaction_delta", target=f"{target:.0%}"))
    if not math.isnan(result["manager_mean"]):
        st.caption(f"{tr('cl.rate.manager')}: {result['manager_mean']:.1f}")


def timeline_box(con, key: Snapshot, as_of) -> None:
    st.subheader(tr("fu.timeline_header"))
    picked = pick_employee(con, "fu_employee")
    if picked is None:
        return
    figure = cached.timeline_figure(key, picked[0], as_of, lang(), picked[1])
    if figure is None:
        st.info(tr("fu.no_timeline"))
        return
    st.plotly_chart(figure, width="stretch", key="fu_timeline")


con = cursor()
key = snapshot()
st.title(tr("fu.title"))
st.caption(tr("fu.intro"))
with friendly():
    if not cached.managers(key)[1]:
        st.info(tr("cl.no_people"))
        st.stop()
    left, right = st.columns([2, 1])
    with left:
        as_of = pick_as_of(con, "fu_as_of")
    with right:
        manager = pick_manager(key)
    due, horizon = cached.due(key, as_of, manager)
    due_table(due, as_of, horizon)
    st.subheader(tr("cl.export_header"))
    cached.record_downloads(key, manager, lang(), "fu_export", f"follow-up-{manager or 'all'}")
    satisfaction_box(key)
    timeline_box(con, key, as_of)
