"""Coaching prep of one employee: the evidence, the suggested focus, the tables, the brief."""

import streamlit as st

from i18n.dates import day
from reports.people import person_label
from ui import cache, paging
from ui import employee as cached
from ui import employee_sections as sections
from ui.audit import refused_employee, viewed_employee
from ui.context import lang, tr
from ui.feedback import friendly
from ui.parts import part
from ui.text import md
from ui.what_if import what_if
from ui.widgets import as_of_select


def _pick(ids: list[str], label: dict[str, str]) -> str:
    wanted = st.query_params.get("id") or st.session_state.get("employee_id")
    if wanted in label and wanted not in ids:
        ids = [wanted, *ids]
    # A stale link, a typed id or someone outside the viewer's people, and nobody picked yet:
    # say so and show no one, so the audit holds the refusal, not a view of someone else.
    refused = bool(wanted) and wanted not in ids and st.session_state.get("emp_pick") not in ids
    if refused:
        st.warning(tr("emp.unknown_id", id=md(wanted)))
        refused_employee(wanted)
    # Above paging.PICK_MAX people: a search and the most urgent listed (the box sent 5,000
    # names, 239 KiB, on every click); a whole ID typed opens that person.
    chosen = paging.pick_person(
        label, ids=ids, first=None if refused else wanted if wanted in ids else ids[0],
        key="emp_pick", label=tr("emp.pick"), listed="big5k.emp_listed", exact=True,
        placeholder=tr("org.pick_someone"), **({"index": None} if refused else {}))
    if chosen is None:
        st.stop()
    st.session_state["employee_id"] = chosen
    st.query_params["id"] = chosen
    return chosen


def _head(prep) -> None:
    # The name and the id (Markdown brackets would need escaping: a middle dot does not).
    st.header(" · ".join(md(x) for x in dict.fromkeys(
        (person_label(prep.name, prep.employee_id).removesuffix(f" ({prep.employee_id})"),
         prep.employee_id))))
    st.caption(sections.facts(prep))
    st.info(md(prep.summary))


@part
def person(snap, as_of) -> None:
    """The picked person's prep: a part of its own, so picking someone else reruns it alone."""
    ready = False
    with friendly():
        ids, labels = cached.choices(snap, as_of, lang())
        if not ids:
            st.info(tr("emp.none"))
            st.stop()
        employee_id = _pick(ids, labels)
        prep = cached.prep_at(snap, employee_id, as_of, lang())
        viewed_employee(employee_id)
        ready = True
    if not ready:
        st.stop()
    if prep is None:
        st.warning(tr("emp.not_found", as_of=day(as_of)))
        st.stop()
    _head(prep)
    sections.downloads(prep)
    sections.open_actions(prep)
    sections.flags(prep)
    sections.trends(snap, prep)
    what_if(snap, prep)
    sections.comparison(prep)
    left, right = st.columns(2)
    with left:
        sections.strengths(snap, prep)
    with right:
        sections.grow(prep)
    sections.plan(prep)


st.title(tr("emp.title"))
snap = cache.snapshot()  # the data version is read once per rerun (one query), not per call
periods = cache.periods_at(snap)
if not periods:
    st.info(tr("emp.none"))
    st.stop()
as_of = as_of_select(periods, key="emp_as_of")
person(snap, as_of)
