"""Follow-up: per manager, what is due or overdue; one person's timeline; satisfaction; export."""

import math

import streamlit as st

import store
from charts.timeline import employee_timeline
from reports.followup import due_list, followup_record, satisfaction_summary, timeline
from ui.coaching import download_record, pick_as_of, pick_employee
from ui.context import cursor, tr
from ui.feedback import friendly


def pick_manager(con) -> str | None:
    people = store.employees(con)
    managers = sorted(m for m in people["manager_id"].dropna().unique())
    names = dict(zip(people["employee_id"], people["name"], strict=True))
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
    view = due.assign(kind=due["kind"].map(lambda k: tr(f"fu.kind.{k}")))
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


def satisfaction_box(con) -> None:
    st.subheader(tr("fu.satisfaction_header"))
    result = satisfaction_summary(con)
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


def timeline_box(con, as_of) -> None:
    st.subheader(tr("fu.timeline_header"))
    picked = pick_employee(con, "fu_employee")
    if picked is None:
        return
    view = timeline(con, picked[0], as_of=as_of)
    if view.series.empty and view.sessions.empty:
        st.info(tr("fu.no_timeline"))
        return
    labels = {"sessions": tr("fu.sessions"), "actions": tr("fu.actions"),
              "value": tr("fu.value"), "team": tr("fu.team_mean")}
    labels |= {f"status.{s}": tr(f"cl.status.{s}") for s in ("open", "done", "dropped")}
    st.plotly_chart(employee_timeline(view.series, view.sessions, view.actions, labels=labels,
                                      title=tr("fu.timeline_title", name=picked[1])),
                    width="stretch", key="fu_timeline")


con = cursor()
st.title(tr("fu.title"))
st.caption(tr("fu.intro"))
with friendly():
    if store.employees(con).empty:
        st.info(tr("cl.no_people"))
        st.stop()
    left, right = st.columns([2, 1])
    with left:
        as_of = pick_as_of(con, "fu_as_of")
    with right:
        manager = pick_manager(con)
    from reports.team import cadence_rules

    due_table(due_list(con, as_of=as_of, manager_id=manager), as_of,
              cadence_rules(con).horizon_days)
    st.subheader(tr("cl.export_header"))
    download_record(followup_record(con, manager_id=manager), "fu_export",
                    f"follow-up-{manager or 'all'}")
    satisfaction_box(con)
    timeline_box(con, as_of)
