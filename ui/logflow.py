"""The coaching log's session form, which follows one person.

The log opens on the person of the link (``?id=``) or of the last coaching page, never silently
on the first person of the list; its heading names them; saving for someone other than the
person the log was opened for, or a second session of the same person, day and type, is
confirmed first. The form shows the parts of the chosen model only.
"""

from __future__ import annotations

from datetime import date
from urllib.parse import quote

import pandas as pd
import streamlit as st

from i18n import t
from ingest.fields import MODELS, SESSION_TYPES
from reports import coaching as log
from reports.coaching import PARTS
from ui import paging
from ui.cache import Snapshot
from ui.coaching import entry_error, remember
from ui.context import Viewer, cursor, lang, tr, viewer
from ui.text import md
from writes import coaching as write
from writes.coaching import EntryError

PICK = "cl_employee"
ORIGIN = "cl_origin"  # the person the log was opened for (plain state, not a widget)
PENDING = "cl_pending"  # a save waiting for its confirmation
SHARED = "_kept_coaching_employee"  # a person chosen by hand on another coaching page


def person_labels(people: pd.DataFrame, language: str) -> dict[str, str]:
    """employee id -> "name (id) · team" (the id alone when the roster has no name)."""
    out = {}
    for r in people.itertuples():
        name = r.name if isinstance(r.name, str) and r.name else r.employee_id
        team = r.team if isinstance(r.team, str) and r.team else None
        out[r.employee_id] = (t("flow.person_label", language, name=name, id=r.employee_id,
                                team=team) if team else
                              t("flow.person_label_noteam", language, name=name,
                                id=r.employee_id))
    return out


# Labelling 5,000 people (a sentence each) on every click in the log's part cost more than the
# box that lists a hundred of them: made once per data version and language.
@st.cache_data(max_entries=16, show_spinner=False)
def _labels(who: Viewer, version: str, language: str) -> dict[str, str]:
    return person_labels(log.people(cursor(who)), language)


def pick_person(snap: Snapshot) -> tuple[str, str] | None:
    """Whom the talk was with: the linked person first; None until somebody is chosen."""
    labels = _labels(snap.who, snap.version, lang())
    if not labels:
        st.info(tr("cl.no_people"))
        return None
    linked = st.query_params.get("id")
    if linked and linked not in labels:  # a stale link or a typed id: say so, never guess
        st.warning(tr("flow.unknown_id", id=md(linked)))
    if PICK not in st.session_state:  # arriving on the page (widgets of other pages are gone)
        # A link, a person chosen by hand on another coaching page, or a roster of one: never
        # a default (the list's first person once got a talk meant for E010).
        kept = st.session_state.get(SHARED)
        only = next(iter(labels)) if len(labels) == 1 else None
        wanted = linked if linked in labels else kept if kept in labels else only
        st.session_state[ORIGIN] = st.session_state[PICK] = wanted
    chosen = paging.pick_person(labels, key=PICK, label=tr("flow.person"), index=None,
                                placeholder=tr("flow.person_placeholder"))
    if chosen is None:
        st.info(tr("flow.choose_first"))
        return None
    if st.session_state.get(ORIGIN) is None:  # the first person chosen by hand
        st.session_state[ORIGIN] = chosen
    remember("coaching_employee", chosen)
    st.query_params["id"] = chosen  # the address names the person: reload or share it
    return chosen, labels[chosen]


def _parts(model: str) -> dict[str, str]:
    """The text boxes of ``model``'s parts only (OKR has none: its notes say what to write)."""
    names = PARTS.get(model, ())
    st.caption(tr(f"flow.parts.{model}"))
    out = {}
    for i in range(0, len(names), 2):  # a row per pair: G R / O W, and in order on a phone
        for column, part in zip(st.columns(2), names[i:i + 2], strict=False):
            out[part] = column.text_input(tr(f"cl.part.{part}"), key=f"cl_f_{part}")
    return out


def _clear_after_save() -> None:
    if st.session_state.pop("cl_clear_log", False):
        for key in ["cl_f_notes", *(f"cl_f_{p}" for n in PARTS.values() for p in n)]:
            st.session_state[key] = ""


def log_form(con, employee_id: str, label: str, who: str) -> None:
    """The session form for ``employee_id``; on an error every typed value stays."""
    _clear_after_save()
    st.subheader(tr("flow.log_for", name=md(label)))
    model = st.selectbox(tr("cl.model"), MODELS, key="cl_f_model")
    with st.form("cl_log_form"):
        c1, c2 = st.columns(2)
        day = c1.date_input(tr("cl.date"), value=date.today(), key="cl_f_date")
        types = {k: tr(f"cl.type.{k}") for k in SESSION_TYPES}
        kind = c2.radio(tr("cl.type"), SESSION_TYPES, key="cl_f_type", horizontal=True,
                        format_func=types.get)
        notes = st.text_area(tr("cl.notes"), key="cl_f_notes", height=90)
        parts = _parts(model)
        submitted = st.form_submit_button(tr("cl.save_session"), type="primary")
    if submitted:
        st.session_state.pop(PENDING, None)
        if not who:
            entry_error(EntryError("coach", "required"))
            return
        _ask_or_save(con, {"employee_id": employee_id, "session_date": day,
                           "session_type": kind, "model": model, "coach": who,
                           "notes": notes, "parts": parts}, label, who)
    _confirm_box(con, employee_id, label, who)


def _doubts(con, entry: dict, label: str) -> list[str]:
    """What to confirm before saving: another person than the log's, a same-day repeat."""
    out = []
    origin = st.session_state.get(ORIGIN)
    if origin and origin != entry["employee_id"]:
        labels = person_labels(log.people(con), lang())
        out.append(tr("flow.confirm_person", origin=md(labels.get(origin, origin)),
                      name=md(label)))
    day = entry["session_date"]
    if isinstance(day, date) and (n := log.same_talks(con, entry["employee_id"], day,
                                                       entry["session_type"])):
        out.append(tr("flow.confirm_duplicate", name=md(label), n=n, date=f"{day:%Y-%m-%d}",
                      type=tr(f"cl.type.{entry['session_type']}")))
    return out


def _ask_or_save(con, entry: dict, label: str, who: str) -> None:
    try:
        doubts = _doubts(con, entry, label)
    except EntryError as exc:
        entry_error(exc)
        return
    if doubts:
        st.session_state[PENDING] = {"entry": entry, "doubts": doubts}
        return
    _save(con, entry, who)


def _save(con, entry: dict, who: str) -> None:
    try:
        sid = write.log_session(con, **entry, by=who)
    except EntryError as exc:
        entry_error(exc)
        return
    st.session_state.pop(PENDING, None)
    st.session_state[ORIGIN] = entry["employee_id"]
    st.session_state["cl_session"] = sid
    st.session_state["cl_flash"] = tr("cl.session_saved",
                                      date=f"{entry['session_date']:%Y-%m-%d}")
    st.session_state["cl_clear_log"] = True
    st.rerun()


def _confirm_box(con, employee_id: str, label: str, who: str) -> None:
    pending = st.session_state.get(PENDING)
    if pending is None:
        return
    if pending["entry"]["employee_id"] != employee_id:  # the person changed again: start over
        st.session_state.pop(PENDING)
        return
    st.warning("\n\n".join(pending["doubts"]))
    yes, no = st.columns(2)
    if yes.button(tr("flow.save_anyway", name=md(label)), key="cl_confirm_save",
                  type="primary"):
        _save(con, pending["entry"], who)
    if no.button(tr("flow.dont_save"), key="cl_confirm_cancel"):
        st.session_state.pop(PENDING)
        st.session_state["cl_flash_info"] = tr("flow.not_saved")
        st.rerun()


def _first_words(notes: object, limit: int = 32) -> str:
    """The start of the notes on one line (plain text in a select box, never Markdown/HTML)."""
    if not isinstance(notes, str) or not notes.strip():
        return ""
    flat = " ".join(notes.split())
    return f"“{flat[:limit]}…”" if len(flat) > limit else f"“{flat}”"


def session_labels(sessions: pd.DataFrame) -> dict[str, str]:
    """session id -> "2025-12-22 14:05 · Formal review · GROW · 王建华 · “first words…”":
    two sessions of one day are told apart by the time, the coach and the notes."""
    out = {}
    for r in sessions.itertuples():
        when = (f"{r.logged_at:%Y-%m-%d %H:%M}" if pd.notna(r.logged_at)
                and r.logged_at.date() == r.session_date.date() else f"{r.session_date:%Y-%m-%d}")
        bits = [when, tr(f"cl.type.{r.session_type}") if isinstance(r.session_type, str) else "",
                r.model if isinstance(r.model, str) else "",
                r.coach_name if isinstance(r.coach_name, str) else "", _first_words(r.notes)]
        out[r.session_id] = " · ".join(b for b in bits if b)
    return out


def can_log() -> bool:
    """The viewer may open the coaching log (leadership reads no notes: no link for them)."""
    who = viewer()
    return who is not None and who.can("notes")


def log_link(employee_id: object) -> str:
    """The address of the log opened on ``employee_id``, relative to the app, with the
    viewer's language (a link column opens a new tab: a new session)."""
    suffix = f"&lang={lang()}" if lang() != "en" else ""
    return f"coaching?id={quote(str(employee_id))}{suffix}"
