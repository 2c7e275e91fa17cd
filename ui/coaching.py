"""Streamlit glue shared by the coaching pages: who is editing, whom, as of when, errors."""

from __future__ import annotations

import streamlit as st

from i18n import has, t
from reports import coaching
from reports.followup import followup_record, to_csv, to_xlsx
from ui import paging
from ui.cache import Snapshot
from ui.context import Viewer, cursor, lang, tr, viewer
from ui.downloads import audited, download_name
from ui.text import md
from writes.coaching import EntryError


def keep(key: str) -> None:
    """Carry a widget's value across pages (Streamlit forgets widgets of pages not shown)."""
    shadow = f"_kept_{key}"
    if key not in st.session_state and shadow in st.session_state:
        st.session_state[key] = st.session_state[shadow]


def remember(key: str, value: object) -> None:
    st.session_state[f"_kept_{key}"] = value


def editor_name() -> str:
    """Who is writing, recorded as the coach of a session and as who made each change.

    Team server: the signed-in user (their roster id, else their email), never a text box in
    which anyone could type another name. Local mode: a name the user must give, remembered in
    this session and, across restarts, taken from the last session logged here.
    """
    who = viewer()
    if who is not None and who.role != "local":
        me = who.employee_id or who.email
        st.caption(tr("flow.coach_signed_in", name=md(coaching.coach_name(cursor(), me))))
        return me
    keep("coach_name")
    if "coach_name" not in st.session_state:
        st.session_state["coach_name"] = coaching.last_coach(cursor()) or ""
    name = st.text_input(tr("flow.coach_local"), key="coach_name", help=tr("flow.coach_help"),
                         max_chars=80, placeholder=tr("flow.coach_placeholder"))
    remember("coach_name", name)
    return name.strip()


def pick_employee(con, key: str) -> tuple[str, str] | None:
    """An employee select box; returns ``(employee_id, label)`` or None when nobody exists."""
    people = coaching.people(con)
    if people.empty:
        st.info(tr("cl.no_people"))
        return None
    labels = {r.employee_id: f"{r.name} ({r.employee_id})" if isinstance(r.name, str)
              else str(r.employee_id) for r in people.itertuples()}
    shared = "coaching_employee"  # the same person on every coaching page
    if key not in st.session_state and st.session_state.get(f"_kept_{shared}") in labels:
        st.session_state[key] = st.session_state[f"_kept_{shared}"]
    # Only a choice made by hand travels to the other coaching pages, never the list's first
    # person (a default carried to the log saved a talk to the wrong person).
    chosen = paging.pick_person(labels, key=key, label=tr("cl.employee"),
                                on_change=lambda: remember(shared, st.session_state[key]))
    return None if chosen is None else (chosen, labels[chosen])


def entry_error(exc: EntryError) -> None:
    """Show an entry error as a sentence; the user's input stays on screen."""
    key = f"cl.error.{exc.field}.{exc.code}"
    if not has(key):  # a code without its own sentence says what went wrong in general
        text = tr("cl.error.other", problem=str(exc))
    else:
        text = tr(key, row=exc.row) if exc.row is not None else tr(key)
    st.error(text)
    st.caption(tr("cl.kept"))


RECORD = ("date", "employee", "item", "summary", "measure", "owner", "deadline")


@st.cache_data(max_entries=32, show_spinner=False)
def _record(who: Viewer, version: str, employee_id: str, lang: str) -> tuple[int, bytes, bytes]:
    frame = followup_record(cursor(who), employee_id=employee_id, lang=lang)
    labels = {c: t(f"rec.{c}", lang) for c in RECORD}
    return len(frame), to_csv(frame, labels=labels), to_xlsx(frame, labels=labels)


def download_record(snap: Snapshot, employee_id: str, key: str, stem: str) -> None:
    """CSV and XLSX download buttons of a person's follow-up record (formulas neutralised),
    the files made once per data version (they were made on every rerun of the log)."""
    rows, csv, xlsx = _record(snap.who, snap.version, employee_id, lang())
    left, right = st.columns(2)
    left.download_button(tr("cl.export_csv"), csv, file_name=download_name(stem, "csv"),
                         mime="text/csv", key=f"{key}_csv", on_click=audited(f"{key}_csv", rows=rows))
    right.download_button(
        tr("cl.export_xlsx"), xlsx, file_name=download_name(stem, "xlsx"),
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"{key}_xlsx", on_click=audited(f"{key}_xlsx", rows=rows))
