"""The follow-up page's sections: whose people (a manager box), what is due or overdue, the
after-session satisfaction and one person's timeline, each from ``ui.followup``'s caches."""

from __future__ import annotations

import math

import streamlit as st

from i18n.numbers import percent
from reports.people import label_people
from reports.team import cadence_rules
from ui import followup as cached
from ui import paging
from ui.cache import Snapshot
from ui.coaching import pick_employee, remember
from ui.context import cursor, lang, tr
from ui.logflow import log_link
from ui.parts import alone, part
from ui.plot import plot


def pick_manager(key: Snapshot) -> str | None:
    """Everyone, or one manager by name (and team); the id only when the roster has no name."""
    managers, names = cached.managers(key)
    teams = cached.manager_teams(key)
    labels = {"": tr("fu.everyone")}  # "" = everyone (None would show as an empty choice)
    for m in managers:
        name = names.get(m) if isinstance(names.get(m), str) else m
        team = teams.get(m)
        labels[m] = tr("fu.manager_label", name=name, team=team) if isinstance(team, str) else name
    chosen = st.selectbox(tr("fu.manager"), list(labels), key="fu_manager", format_func=labels.get)
    return chosen or None


def when(days: int) -> str:
    """"overdue by 11 days" / "due today" / "due in 3 days" (never a negative count)."""
    if days == 0:
        return tr("fu.when.today")
    kind, n = ("overdue", days) if days > 0 else ("soon", -days)
    return tr(f"fu.when.{kind}_one") if n == 1 else tr(f"fu.when.{kind}", n=n)


@part
def due_box(snap: Snapshot, as_of, manager: str | None) -> None:
    """What is due or overdue: a part of its own, so a search, "Show more" or a ticked row
    reruns the table alone (a row followed by the timeline reruns the page)."""
    due, horizon = cached.due(snap, as_of, manager)
    if due.empty:
        st.success(tr("fu.nothing_due", date=f"{as_of:%Y-%m-%d}"))
        return
    overdue = int((due["days_overdue"] > 0).sum())
    st.markdown(tr("fu.summary", date=f"{as_of:%Y-%m-%d}", overdue=overdue,
                   soon=len(due) - overdue, days=horizon))
    kinds = {k: tr(f"fu.kind.{k}") for k in due["kind"].unique()}  # not once per row
    shown = paging.cut(label_people(due, lang()), key="fu_due")
    if shown is None:
        return
    rows = shown.rows
    view = rows.assign(kind=rows["kind"].map(kinds), when=rows["days_overdue"].map(when),
                       detail=rows["detail"].replace("", "–"),
                       log=rows["employee_id"].map(log_link))
    rules = cadence_rules(cursor())
    st.caption(tr("fu.pick_hint"))
    event = st.dataframe(
        view, hide_index=True, width="stretch", key="fu_due_table", on_select="rerun",
        selection_mode="single-row",
        column_order=["name", "kind", "when", "log", "due", "team", "focus", "detail"],
        column_config={
            "name": tr("fu.col.name"), "team": tr("fu.col.team"), "kind": tr("fu.col.kind"),
            "when": st.column_config.TextColumn(tr("fu.col.when"), help=tr("fu.col.when_help")),
            "due": st.column_config.DateColumn(tr("fu.col.due"), format="YYYY-MM-DD"),
            "focus": st.column_config.CheckboxColumn(tr("fu.col.often"), help=tr(
                "fu.col.often_help", days=rules.focus_contact_days, contact=rules.contact_days)),
            "detail": st.column_config.TextColumn(tr("fu.col.action"),
                                                  help=tr("fu.col.action_help")),
            "log": st.column_config.LinkColumn(tr("fu.col.log"),
                                               display_text=tr("flow.log_a_talk"))})
    paging.more(shown, key="fu_due")
    picked = event.selection.rows
    if picked and picked != st.session_state.get("fu_followed"):  # the timeline follows
        st.session_state["fu_followed"] = picked
        st.session_state["fu_employee"] = str(rows.iloc[picked[0]]["employee_id"])
        remember("coaching_employee", st.session_state["fu_employee"])
        if alone():
            st.rerun(scope="app")


def satisfaction_box(key: Snapshot) -> None:
    st.subheader(tr("fu.satisfaction_header"))
    result = cached.satisfaction(key)
    if not result["rated"]:
        st.info(tr("fu.no_ratings"))
        return
    rate, target = result["rate"], result["target"]
    st.metric(tr("fu.satisfaction"), percent(rate),
              delta=("+" if rate >= target else "") + percent(rate - target),
              help=tr("fu.satisfaction_delta", target=f"{target:.0%}"))
    st.caption(tr("fu.rated", satisfied=result["satisfied"], rated=result["rated"]) + " · "
               + tr("fu.satisfaction_delta", target=f"{target:.0%}"))
    if not math.isnan(result["manager_mean"]):
        st.caption(f"{tr('cl.rate.manager')}: {result['manager_mean']:.1f}")


@part
def timeline_box(snap: Snapshot, as_of) -> None:
    """One person's timeline: a part of its own (picking someone reruns it alone)."""
    st.subheader(tr("fu.timeline_header"))
    picked = pick_employee(cursor(), "fu_employee")
    if picked is None:
        return
    st.page_link("views/coaching.py", label=tr("flow.log_a_talk"), icon=":material/edit_note:",
                 query_params={"id": picked[0]})
    figure = cached.timeline_figure(snap, picked[0], as_of, lang(), picked[1])
    if figure is None:
        st.info(tr("fu.no_timeline"))
        return
    plot(figure, width="stretch", key="fu_timeline")
