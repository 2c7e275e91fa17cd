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


def pick_person(labels: dict[str, str], *, key: str, label: str, ids: list[str] | None = None,
                first: str | None = None, listed: str = "paging.listed", exact: bool = False,
                **options) -> str | None:
    """A select box of the people ``ids`` (every one of ``labels``, id -> label, by default),
    ``first`` chosen unless the box holds a choice; above ``PICK_MAX`` of them a search box
    first and only its first ``PICK_MAX`` matches listed, ``first`` and the current choice kept,
    with the sentence ``listed`` (shown, total). ``exact``: a whole ID typed picks that person."""
    ids = list(labels) if ids is None else ids
    if len(ids) > PICK_MAX:
        ids = _matches(labels, ids, key=key, first=first, listed=listed, exact=exact)
    if first in ids and "index" not in options:
        options["index"] = ids.index(first)
    return st.selectbox(label, ids, format_func=labels.get, key=key, **options)


def _matches(labels: dict[str, str], ids: list[str], *, key: str, first: str | None,
             listed: str, exact: bool) -> list[str]:
    find = f"{key}_find"
    text = st.text_input(tr("paging.find_person"), key=find,
                         placeholder=tr("paging.search_hint")).strip().lower()
    if exact:
        _take_id(text, key, labels)
    texts = _lowered(labels, "texts") if text else {}
    found = [i for i in ids if text in texts[i]] if text else ids
    shown = found[:PICK_MAX]
    kept = [i for i in dict.fromkeys((st.session_state.get(key), first))
            if i in labels and i not in shown]
    st.caption(tr(listed, shown=f"{len(shown) + len(kept):,}", total=f"{len(ids):,}"))
    return [*kept, *shown]


# Per use, the labels last searched (the employee page's is one cached object shared by the
# sessions) and what is looked up in them in lower case: lowering 5,000 labels and ids on every
# search was a millisecond of a click.
_LOWERED: dict[str, tuple[dict, dict[str, str]]] = {}


def _lowered(labels: dict[str, str], use: str) -> dict[str, str]:
    """``use`` "texts": id -> its label and id in lower case, a NUL between them (typed text
    holds none, so a match is in one or the other); "ids": lower-case id -> the first id so
    written."""
    kept = _LOWERED.get(use)  # one read: another session may replace it meanwhile
    if kept is None or kept[0] is not labels:
        made = ({i: f"{label}\0{i}".lower() for i, label in labels.items()} if use == "texts"
                else {i.lower(): i for i in reversed(labels)})
        kept = _LOWERED[use] = (labels, made)
    return kept[1]


def _take_id(text: str, key: str, labels: dict[str, str]) -> None:
    # A whole ID typed opens that person at once, as their link does (one rerun, not a search
    # and then a pick); only when newly typed, so a later pick in the box is not undone.
    taken = f"{key}_taken"
    hit = _lowered(labels, "ids").get(text) if text else None
    if hit is not None and st.session_state.get(taken) != text:
        st.session_state[key] = hit
    st.session_state[taken] = text if hit is not None else None
