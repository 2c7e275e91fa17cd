"""The HR impact page's sections: the correlation (scatter, tiles, tables), the event study and
the compliance with the coaching policy, each with its CSV and XLSX downloads."""

from __future__ import annotations

import math
from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from analytics.compliance import COVERAGE_TARGET, MEASURES, PLAN_TARGET
from analytics.event_study import MIN_CONTROL_EMPLOYEES
from charts import impact as charts
from charts import limits
from charts.density import density
from i18n.numbers import percent
from reports import impact as rep
from ui.context import tr
from ui.downloads import audited, download_name
from ui.headcount import headcount_words
from ui.impact import lazy, manager_labels, table
from ui.plot import plot
from ui.text import md

# chart(name, build): the page's figure ``name``, built once per viewer, data and choices.
Chart = Callable[[str, Callable[[], go.Figure]], go.Figure]


def num(value, digits: int = 2) -> str:
    return "–" if value is None or (isinstance(value, float) and math.isnan(value)) \
        else f"{value:.{digits}f}"


def pct(value) -> str:
    return percent(value)


def sample_text(report: rep.ImpactReport) -> str:
    """What n rests on: everyone in the selection, or who is not counted and why."""
    n = int(report.overall["n"])
    if not report.missing:
        return tr("impact.sample_all", n=n)
    why = "; ".join(tr(f"impact.why.{code}", k=k) for code, k in report.missing.items())
    people = report.headcount.people if report.headcount is not None else n
    return tr("impact.sample", n=n, headcount=people, why=why)


def downloads(frame: pd.DataFrame, name: str, what: str) -> None:
    """CSV and XLSX downloads of one table, formula-safe, built when clicked."""
    left, right, _ = st.columns([1, 1, 6])
    left.download_button(tr("impact.download_csv"), lazy(frame, "csv"), download_name(name, "csv"),
                         "text/csv", key=f"imp_dl_{name}_csv", help=tr("impact.download", what=what),
                         on_click=audited(f"impact_{name}_csv", rows=len(frame)))
    right.download_button(tr("impact.download_xlsx"), lazy(frame, "xlsx"),
                          download_name(name, "xlsx"), key=f"imp_dl_{name}_xlsx",
                          help=tr("impact.download", what=what),
                          mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                          on_click=audited(f"impact_{name}_xlsx", rows=len(frame)))


def correlation_section(snap, report: rep.ImpactReport, score: str, chart: Chart) -> None:
    st.header(tr("impact.corr_title"))
    o = report.overall
    n = int(o["n"])
    people = report.employees
    if people.empty or not people["sessions"].fillna(0).gt(0).any():
        # A scatter of everyone at 0 sessions and a fit through it measure nothing.
        st.info(tr("impact.no_sessions"))
        return
    if n < rep.SMALL_N:
        st.warning(tr("impact.small_n", n=n))
    cloud(report, score, chart)
    tiles = st.columns(4)
    tiles[0].metric(tr("impact.pearson"), num(o["pearson_r"]))
    tiles[1].metric(tr("impact.spearman"), num(o["spearman_rho"]))
    tiles[2].metric(tr("impact.n"), n)
    tiles[3].metric(tr("impact.p"), num(o["p_value"], 3))
    st.caption(tr("impact.ci", low=num(o["ci_low"]), high=num(o["ci_high"]), n=n,
                  sp=num(o["spearman_p"], 3), partial=num(o["partial_r"]),
                  pp=num(o["partial_p"], 3)))
    st.caption(sample_text(report))
    st.markdown(tr(f"impact.reading_{report.reading}"))
    st.subheader(tr("impact.by_group"))
    table(snap, report.correlations, "correlations", key="imp_corr_table")
    downloads(report.correlations, "correlations", tr("impact.by_group"))
    st.subheader(tr("impact.people_table"))
    table(snap, report.employees, "people", key="imp_people_table")
    downloads(report.employees, "people", tr("impact.people_table"))


def cloud(report: rep.ImpactReport, score: str, chart: Chart) -> None:
    """Sessions x change: a dot per person (click one to see them), or above
    ``SCATTER_MAX_PEOPLE`` people counted in cells, said in words."""
    words = {"title": tr("impact.scatter_title"), "x_label": tr("impact.x_sessions"),
             "y_label": tr(f"impact.y_change_{score}"), "fit_label": tr("impact.fit"),
             "band_label": tr("impact.band")}
    shown = int(report.employees["change"].notna().sum())
    if shown > limits.SCATTER_MAX_PEOPLE:
        fig = chart("density", lambda: density(report.employees, report.fit, **words,
                                               count_label=tr("big5k.people_in_cell")))
        plot(fig, width="stretch", key="imp_density")
        st.caption(tr("big5k.density_note", n=f"{shown:,}", most=f"{limits.SCATTER_MAX_PEOPLE:,}"))
        return
    fig = chart("scatter", lambda: charts.scatter(report.employees, report.fit, **words))
    event = plot(fig, width="stretch", on_select="rerun", selection_mode="points",
                 key="imp_scatter")
    st.caption(tr("impact.click_hint"))
    selected_person(event, report)


def selected_person(event, report: rep.ImpactReport) -> None:
    """The person clicked in the scatter, with a link to their page."""
    points = event.selection.points if event and event.selection else []
    if points and points[0].get("customdata"):
        # The chart wrote "<" and ">" as entities (charts.style.plain); undo that for the id.
        emp = str(points[0]["customdata"][0]).replace("&lt;", "<").replace("&gt;", ">")
        row = report.employees.set_index("employee_id").loc[emp]
        st.info(tr("impact.selected", name=md(row["name"]), id=md(emp), sessions=int(row["sessions"]),
                   change=num(row["change"])))
        st.page_link("views/employee.py", label=tr("impact.open_employee", name=md(row["name"])),
                     query_params={"id": emp}, icon=":material/person:")


def event_section(snap, report: rep.ImpactReport, chart: Chart) -> None:
    st.header(tr("impact.event_title"))
    rows = report.event_summary
    if rows.empty or not rows["n_events"].sum():
        st.info(tr("impact.event_none"))
        return
    top = rows.iloc[0]
    st.markdown(tr("impact.event_change", change=num(top["change"]), low=num(top["change_low"]),
                   high=num(top["change_high"]), n=int(top["n_employees"]),
                   events=int(top["n_events"])))
    if math.isnan(top["effect"]):
        st.warning(tr("impact.event_no_controls", controls=int(top["n_control_employees"]),
                      min=MIN_CONTROL_EMPLOYEES))
    else:
        st.markdown(tr("impact.event_effect", controls=int(top["n_control_employees"]),
                       effect=num(top["effect"]), low=num(top["ci_low"]),
                       high=num(top["ci_high"])))
    names = {"coached": tr("impact.coached"), "control": tr("impact.control")}
    path = report.profile
    if math.isnan(top["effect"]):  # one or two colleagues' curves would pass for "the control"
        path = path[path["group"] == "coached"]
    plot(chart("event_line", lambda: charts.event_line(
        path, title=tr("impact.event_chart"), x_label=tr("impact.rel_period"),
        y_label=tr("impact.score_axis"), names=names, band_label=tr("impact.band"))),
        width="stretch")
    st.subheader(tr("impact.event_table"))
    table(snap, rows, "event_study", key="imp_event_table")
    downloads(rows, "event_study", tr("impact.event_table"))


def compliance_section(snap, report: rep.ImpactReport, chart: Chart) -> None:
    st.header(tr("impact.compliance_title"))
    rates = report.compliance
    if rates.empty:
        st.info(tr("impact.note_no_compliance"))
        return
    measures = {m: tr(f"impact.m.{m}") for m in MEASURES}
    names = manager_labels()
    named = rates.assign(manager_id=rates["manager_id"].map(lambda m: names.get(m, m)))
    plot(chart("compliance", lambda: charts.compliance_bars(
        named, title=tr("impact.compliance_chart"), measures=measures, target=COVERAGE_TARGET,
        target_label=tr("impact.target"), rate_label=tr("impact.rate"),
        all_label=tr("impact.all_managers"))), width="stretch")
    table(snap, rates[rates["eligible"] > 0], "compliance", key="imp_compliance_table")
    downloads(rates, "compliance", tr("impact.compliance_table"))
    st.header(tr("impact.coverage_title"))
    overall = rates[rates["manager_id"] == "all"].set_index("measure")
    tiles = st.columns(3)
    heads = report.headcount
    tiles[0].metric(tr("impact.coverage_all"), pct(heads.coverage),
                    help=tr("head.coverage_help", **headcount_words(heads)))
    tiles[0].caption(tr("impact.vs_target", met=heads.coached, n=heads.people,
                        target=f"{COVERAGE_TARGET:.0%}"))
    row = overall.loc["core_coverage"]
    tiles[1].metric(tr("impact.coverage_core"), pct(row["rate"]))
    tiles[1].caption(tr("impact.vs_target", met=int(row["met"]), n=int(row["eligible"]),
                        target=f"{COVERAGE_TARGET:.0%}"))
    plans = report.plans
    if plans and plans["due"]:
        tiles[2].metric(tr("impact.plans"), pct(plans["rate"]))
        tiles[2].caption(tr("impact.vs_target", met=plans["on_time"], n=plans["due"],
                            target=f"{PLAN_TARGET:.0%}"))
    else:
        tiles[2].caption(tr("impact.note_no_plans"))
