"""The overview's attention list: one row per flagged person, most urgent first, cut to
``FLAGS_SHOWN`` rows with "Show more", filtered by team and reason, found by name or ID; a
clicked cell shows the person's flags in full, a ticked row opens their coaching prep."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from reports.overview import flag_rows
from ui.context import tr
from ui.logflow import can_log, log_link
from ui.text import md

EMPLOYEE_PAGE = "views/employee.py"

# Rows four lines tall let the grid wrap evidence and focus inside their columns, which fit
# 1440 px without scrolling sideways; clicking a cell shows the row's texts in full under the
# table. The row's checkbox still opens the coaching prep.
ROW_HEIGHT = 84
FLAGS_SHOWN = 50  # rows of the attention list at first, and per "Show more"


def flag_columns() -> dict:
    """Column labels and widths of the attention list (pixels: the long texts get the room)."""
    text = st.column_config.TextColumn
    return {
        "name": text(tr("team.col.name"), width=70), "employee_id": text(tr("team.col.employee_id"), width=72),
        "team": text(tr("team.col.team"), width=64),
        "reason_text": text(tr("team.col.reason"), width=100),
        "n_flags": st.column_config.NumberColumn(tr("team.col.flags"), width=52),
        "evidence": text(tr("team.col.evidence"), width=208),
        "focus": text(tr("team.col.focus"), width=122),
        "model": text(tr("team.col.model"), width=66),
        "priority": st.column_config.ProgressColumn(
            tr("team.col.priority"), min_value=0.0, max_value=1.0, format="%.2f", width=56),
        "log": st.column_config.LinkColumn(tr("fu.col.log"), width=100,
                                           display_text=tr("flow.log_this_talk")),
    }


# The rows of a filter are worked out once per overview (``key``: the viewer's scope, data
# version, as-of and language it was drawn with) and filter, not on every rerun of the page
# (4 ms of a 33 ms rerun on the demo). Never two viewers' rows: their scope is in ``key``.
@st.cache_data(max_entries=64, show_spinner=False)
def found_rows(key: tuple, _flags: pd.DataFrame, teams: tuple[str, ...],
               reasons: tuple[str, ...], search: str) -> pd.DataFrame:
    """``flag_rows`` of ``_flags`` (the overview's of ``key``) with the list's filters."""
    return flag_rows(_flags, teams=teams, reasons=reasons, search=search)


def attention(ov, key: tuple) -> None:
    """Who needs attention: one row per flagged person, most urgent first (``key``: see
    ``found_rows``)."""
    st.subheader(tr("team.flags_title"))
    if ov.flags.empty:
        st.success(tr("team.no_flags", as_of=ov.as_of.strftime("%Y-%m-%d")))
        return
    left, right, find = st.columns([2, 2, 1])
    teams = left.multiselect(tr("team.filter_team"), sorted(ov.flags["team"].dropna().unique()),
                             key="ov_teams", placeholder=tr("team.all"))
    reasons = right.multiselect(
        tr("team.by_reason"), list(ov.by_reason), key="ov_reasons", placeholder=tr("team.all"),
        format_func=lambda r: f"{tr(f'mgr.reason.{r}')} ({ov.by_reason[r]})")
    search = find.text_input(tr("attention.search"), key="ov_search",
                             placeholder=tr("attention.search_hint"))
    found = found_rows(key, ov.flags, tuple(teams), tuple(reasons), search)
    if found.empty and search.strip():
        st.info(tr("attention.no_match", total=f"{ov.flagged:,}", text=md(search.strip())))
        return
    table = found.head(st.session_state.setdefault("ov_flags_limit", FLAGS_SHOWN))
    talk = can_log()  # each flagged row carries its person to the coaching log
    if talk:
        table = table.assign(log=table["employee_id"].map(log_link))
    st.caption(f"{tr('team.flags_hint')} {tr('team.flags_cell_hint')}")
    event = st.dataframe(
        table, key="ov_flags", on_select="rerun", selection_mode=["single-row", "single-cell"],
        hide_index=True, width="stretch", row_height=ROW_HEIGHT, column_config=flag_columns(),
        column_order=["name", "employee_id", *(["log"] if talk else []), "team", "reason_text",
                      "n_flags", "evidence", "focus", "model", "priority"])
    more_rows(len(table), len(found))
    if event.selection.rows:
        chosen = str(table.iloc[event.selection.rows[0]]["employee_id"])
        st.session_state["employee_id"] = chosen
        st.switch_page(EMPLOYEE_PAGE, query_params={"id": chosen})
    cells = event.selection.cells
    if cells and cells[0][0] < len(table):
        details(ov, table.iloc[cells[0][0]], talk)


def more_rows(shown: int, total: int) -> None:
    """Under a cut list: how many of how many are shown, and a button for more (at 5,000
    people the whole list was 1.5 MB sent to the browser on every rerun)."""
    if shown < total:
        st.caption(tr("attention.shown", shown=f"{shown:,}", total=f"{total:,}"))
        st.button(tr("attention.more", n=FLAGS_SHOWN), key="ov_flags_more", on_click=_more)


def _more() -> None:
    st.session_state["ov_flags_limit"] += FLAGS_SHOWN


def details(ov, row, talk: bool) -> None:
    """Every flag of the person of ``row`` in full: evidence, focus, model and why, style."""
    mine = ov.flags.loc[ov.flags["employee_id"].astype(str).eq(str(row["employee_id"]))]
    with st.container(border=True, key="ov_details"):
        st.markdown(f"**{md(row['name'])}** ({md(row['employee_id'])}) · {md(row['team'])}")
        for flag in mine.itertuples():
            st.markdown(f"- **{md(flag.reason_text)}**: {md(flag.evidence)}")
        top = mine.iloc[0]
        st.markdown(tr("team.details", focus=md(top["focus"]), model=md(top["model"]),
                       why=md(top["model_reason"]), style=md(top["style"])))
        links = st.columns(2)
        links[0].page_link(EMPLOYEE_PAGE, label=tr("team.open_prep"), icon=":material/person:",
                           query_params={"id": str(row["employee_id"])})
        if talk:
            links[1].page_link("views/coaching.py", label=tr("flow.log_this_talk"),
                               icon=":material/edit_note:",
                               query_params={"id": str(row["employee_id"])})
