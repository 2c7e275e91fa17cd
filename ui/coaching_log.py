"""The coaching log's sections: the actions table (edited in place, a stale save refused and the
edits kept), the one-action form, the rating form, delete with undo, the person's sessions.
Every write goes through ``writes.coaching``."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from reports import coaching as log
from reports.coaching import EDIT_COLUMNS, RATERS, STATUSES
from ui.coaching import entry_error
from ui.context import tr
from writes import coaching as write
from writes.coaching import ActionConflict, EntryError


def _clear(flag: str, keys: list[str]) -> None:
    """Empty a form's text fields after a successful save (before its widgets are drawn)."""
    if st.session_state.pop(flag, False):
        for key in keys:
            st.session_state[key] = None if "deadline" in key else ""


def _action_columns(disabled_all: bool = False) -> dict:
    text = st.column_config.TextColumn
    return {
        "goal": text(tr("cl.col.goal"), disabled=disabled_all),
        "action": text(tr("cl.col.action"), required=True, disabled=disabled_all),
        "owner": text(tr("cl.col.owner"), disabled=disabled_all, width="small"),
        "deadline": st.column_config.DateColumn(tr("cl.col.deadline"), format="YYYY-MM-DD",
                                                disabled=disabled_all),
        "support": text(tr("cl.col.support"), disabled=disabled_all),
        "progress": text(tr("cl.col.progress"), disabled=disabled_all),
        "status": st.column_config.SelectboxColumn(
            tr("cl.col.status"), options=STATUSES, default="open", required=True,
            format_func=lambda s: tr(f"cl.status.{s}"), disabled=disabled_all, width="small"),
        "next_adjustment": text(tr("cl.col.next"), disabled=disabled_all),
        "version": st.column_config.NumberColumn(tr("cl.col.version"), disabled=True,
                                                 width="small"),
    }


def _reset_editor(sid: str) -> None:
    st.session_state.pop(f"cl_base_{sid}", None)
    st.session_state.pop(f"cl_theirs_{sid}", None)
    st.session_state[f"cl_gen_{sid}"] = st.session_state.get(f"cl_gen_{sid}", 0) + 1


def actions_editor(con, sid: str, who: str) -> None:
    """The tracking table, edited in place; a stale save is refused and the edits kept."""
    st.subheader(tr("cl.actions_header"))
    st.caption(tr("cl.actions_help"))
    base = st.session_state.setdefault(f"cl_base_{sid}", log.session_actions(con, sid))
    theirs = st.session_state.get(f"cl_theirs_{sid}")
    order = [*EDIT_COLUMNS, "version"]
    if theirs is not None:
        st.warning(tr("cl.conflict"))
        st.dataframe(theirs, column_order=order, column_config=_action_columns(True),
                     hide_index=True, key=f"cl_theirs_view_{sid}")
        if st.button(tr("cl.take_theirs"), key=f"cl_take_{sid}"):
            _reset_editor(sid)
            st.rerun()
    editor_key = f"cl_actions_{sid}_{st.session_state.get(f'cl_gen_{sid}', 0)}"
    shown = base.fillna({c: "" for c in EDIT_COLUMNS if c not in ("deadline", "status")})
    edited = st.data_editor(shown, key=editor_key, num_rows="add", hide_index=True,
                            column_order=order, column_config=_action_columns(), width="stretch")
    if st.button(tr("cl.save_actions"), key=f"cl_save_{sid}", type="primary"):
        try:
            counts = write.save_actions(con, sid, edited, base=base, by=who)
        except EntryError as exc:
            entry_error(exc)
        except ActionConflict as exc:
            st.session_state[f"cl_theirs_{sid}"] = exc.theirs
            st.rerun()
        else:
            _reset_editor(sid)
            st.session_state["cl_flash"] = tr("cl.actions_saved", **counts)
            st.rerun()
    add_form(con, sid, who, editor_key)
    with st.expander(tr("cl.history")):
        hist = log.action_history(con, sid)
        hist = hist.assign(status=hist["status"].map(lambda k: tr(f"cl.status.{k}")))
        st.dataframe(hist, hide_index=True, column_config={
            c: tr(f"cl.col.{c}") for c in ("version", "changed_by", "changed_at", "goal",
                                            "action", "owner", "deadline", "status", "progress")
        } | {"next_adjustment": tr("cl.col.next")}, column_order=[c for c in hist.columns
                                                                    if c != "action_id"])


def add_form(con, sid: str, who: str, editor_key: str) -> None:
    """One action at a time, for those who prefer a form to the table."""
    fields = ("goal", "action", "owner", "deadline", "support")
    _clear(f"cl_clear_add_{sid}", [f"cl_a_{part}_{sid}" for part in fields])
    with st.form(f"cl_add_{sid}"):
        st.markdown(f"**{tr('cl.add_header')}**")
        c1, c2, c3 = st.columns(3)
        goal = c1.text_input(tr("cl.col.goal"), key=f"cl_a_goal_{sid}")
        action = c2.text_input(tr("cl.col.action"), key=f"cl_a_action_{sid}")
        owner = c3.text_input(tr("cl.col.owner"), key=f"cl_a_owner_{sid}")
        c4, c5 = st.columns([1, 2])
        deadline = c4.date_input(tr("cl.col.deadline"), value=None, key=f"cl_a_deadline_{sid}")
        support = c5.text_input(tr("cl.col.support"), key=f"cl_a_support_{sid}")
        submitted = st.form_submit_button(tr("cl.add_action"))
    if submitted:
        try:
            write.add_action(con, sid, goal=goal, action=action, owner=owner,
                             deadline=deadline, support=support, by=who)
        except EntryError as exc:
            entry_error(exc)
            return
        pending = st.session_state.get(editor_key) or {}
        if not any(pending.get(k) for k in ("edited_rows", "added_rows", "deleted_rows")):
            _reset_editor(sid)  # nothing unsaved in the table: show the new action there
        st.session_state[f"cl_clear_add_{sid}"] = True
        st.session_state["cl_flash"] = tr("cl.action_added")
        st.rerun()


def rating_form(con, sid: str, who: str) -> None:
    st.subheader(tr("cl.rate_header"))
    with st.form(f"cl_rate_{sid}"):
        given = {}
        for column, rater in zip(st.columns(2), RATERS, strict=True):
            score = column.radio(tr(f"cl.rate.{rater}"), [1, 2, 3, 4, 5], index=None,
                                 horizontal=True, key=f"cl_r_{rater}_{sid}")
            comment = column.text_input(tr("cl.rate.comment"), key=f"cl_rc_{rater}_{sid}")
            given[rater] = (score, comment)
        if st.form_submit_button(tr("cl.rate.save")):
            write.rate_session(con, sid, given, by=who)
            st.success(tr("cl.rate.saved"))


def delete_box(con, session, who: str) -> None:
    """Delete asks first; the undo button appears at the top of the page afterwards."""
    sid, day = session["session_id"], f"{session['session_date']:%Y-%m-%d}"
    if st.session_state.get("cl_confirm") != sid:
        if st.button(tr("cl.delete"), key="cl_delete"):
            st.session_state["cl_confirm"] = sid
            st.rerun()
        return
    st.warning(tr("cl.delete_confirm", date=day, n=int(session["actions"])))
    yes, no = st.columns(2)
    if yes.button(tr("cl.delete_yes"), key="cl_delete_yes", type="primary"):
        write.delete_session(con, sid, by=who)
        st.session_state.pop("cl_confirm", None)
        st.session_state["cl_deleted"] = (sid, day)
        st.rerun()
    if no.button(tr("cl.delete_no"), key="cl_delete_no"):
        st.session_state.pop("cl_confirm", None)
        st.rerun()


def undo_banner(con, who: str) -> None:
    if (deleted := st.session_state.get("cl_deleted")) is None:
        return
    st.success(tr("cl.deleted", date=deleted[1]))
    if st.button(tr("cl.undo"), key="cl_undo"):
        write.restore_session(con, deleted[0], by=who)
        st.session_state.pop("cl_deleted")
        st.session_state["cl_session"] = deleted[0]
        st.session_state["cl_flash"] = tr("cl.restored")
        st.rerun()


def session_table(frame):
    """The person's sessions; "Logged at" is when a talk was logged here, or "Imported"."""
    view = frame.assign(
        session_type=frame["session_type"].map(lambda k: tr(f"cl.type.{k}")
                                               if isinstance(k, str) else "–"),
        model=frame["model"].fillna("–"), coach_name=frame["coach_name"].fillna("–"),
        notes=frame["notes"].fillna("–"),
        logged_at=[f"{x:%Y-%m-%d %H:%M}" if pd.notna(x) else tr("flow.source.import")
                   for x in frame["logged_at"]])
    st.dataframe(view, hide_index=True, width="stretch", key="cl_sessions_table",
                 column_order=["session_date", "logged_at", "session_type", "model", "coach_name",
                               "notes", "actions", "open_actions"],
                 column_config={"session_date": st.column_config.DateColumn(
                     tr("cl.col.date"), format="YYYY-MM-DD"),
                     "notes": st.column_config.TextColumn(tr("cl.col.notes"), width="large")}
                 | {c: tr(k) for c, k in (
                     ("logged_at", "flow.logged_at"), ("session_type", "cl.col.type"),
                     ("model", "cl.col.model"), ("coach_name", "cl.col.coach"),
                     ("actions", "cl.col.actions"), ("open_actions", "cl.col.open"))})
