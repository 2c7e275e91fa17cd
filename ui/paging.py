"""Long tables and person lists cut to what a reader uses: the first rows with "Show more" and a
search by name or ID; above ``PICK_MAX`` people a person box lists the matches of a search.

At 5,000 people the follow-up page's due table was 1.1 MB and its person box 83 KiB, the HR
page's tables 0.8 MB, sent on every rerun, although nobody reads a few thousand rows.
"""

from __future__ import annotations

from typing import NamedTuple

import pandas as pd
import streamlit as st

from ui.context import tr
from ui.text import md

ROWS = 50  # rows of a cut table at first, and per "Show more"
PICK_MAX = 100  # people a person box lists at most
SEARCHED = ("name", "employee_id")


class Cut(NamedTuple):
    rows: pd.DataFrame  # what to show
    total: int  # rows found (all of them without a search)


def matching(frame: pd.DataFrame, text: str, columns: tuple[str, ...] = SEARCHED) -> pd.DataFrame:
    """The rows of ``frame`` whose ``columns`` contain ``text`` (any case; blank: every row)."""
    text = text.strip().lower()
    present = [c for c in columns if c in frame.columns]
    if not text or not present:
        return frame
    hit = pd.Series(False, index=frame.index)
    for column in present:
        hit |= frame[column].astype(str).str.lower().str.contains(text, regex=False)
    return frame.loc[hit]


def cut(frame: pd.DataFrame, *, key: str) -> Cut | None:
    """The rows of a table to show: all of a short one; of a longer one, a search box (when it
    has names or IDs) and the first ``ROWS`` matches, more after ``more``. None (said on the
    page) when the search matches nothing."""
    if len(frame) <= ROWS:
        return Cut(frame, len(frame))
    found = frame
    if any(c in frame.columns for c in SEARCHED):
        text = st.text_input(tr("paging.search"), key=f"{key}_search",
                             placeholder=tr("paging.search_hint"))
        found = matching(frame, text)
        if found.empty:
            st.info(tr("paging.no_match", total=f"{len(frame):,}", text=md(text.strip())))
            return None
    limit = st.session_state.setdefault(f"{key}_limit", ROWS)
    return Cut(found.head(limit), len(found))


def more(shown: Cut, *, key: str) -> None:
    """Under a cut table: how many of how many are shown, and a button for more."""
    if len(shown.rows) < shown.total:
        st.caption(tr("paging.shown", shown=f"{len(shown.rows):,}", total=f"{shown.total:,}"))
        st.button(tr("paging.more", n=ROWS), key=f"{key}_more", on_click=_more,
                  args=(f"{key}_limit",))


def _more(limit_key: str) -> None:
    st.session_state[limit_key] = st.session_state.get(limit_key, ROWS) + ROWS


def pick_person(labels: dict[str, str], *, key: str, label: str, **options) -> str | None:
    """A select box of the people of ``labels`` (id -> label); above ``PICK_MAX`` of them a
    search box first and only its first ``PICK_MAX`` matches listed, the current choice kept."""
    ids = list(labels)
    if len(ids) > PICK_MAX:
        text = st.text_input(tr("paging.find_person"), key=f"{key}_find",
                             placeholder=tr("paging.search_hint")).strip().lower()
        found = [i for i in ids if text in labels[i].lower() or text in i.lower()]
        chosen = st.session_state.get(key)
        ids = found[:PICK_MAX]
        if chosen in labels and chosen not in ids:
            ids = [chosen, *ids]
        st.caption(tr("paging.listed", shown=f"{len(ids):,}", total=f"{len(labels):,}"))
    return st.selectbox(label, ids, format_func=labels.get, key=key, **options)
