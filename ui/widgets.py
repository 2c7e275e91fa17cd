"""Widgets the manager's pages share: the as-of date, kept across pages."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ui.context import tr

AS_OF_KEY = "as_of"  # plain session value (not a widget key): survives page switches


def as_of_select(periods: list[pd.Timestamp], *, key: str) -> pd.Timestamp | None:
    """A select box of the data's periods (newest first); the choice is shared by every page.

    Returns None when there are no periods.
    """
    if not periods:
        return None
    days = [p.strftime("%Y-%m-%d") for p in periods]
    chosen = st.session_state.get(AS_OF_KEY)
    index = days.index(chosen) if chosen in days else 0
    day = st.selectbox(tr("team.as_of"), days, index=index, key=key, help=tr("team.as_of_help"))
    st.session_state[AS_OF_KEY] = day
    return pd.Timestamp(day)
