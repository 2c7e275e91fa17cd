"""Widgets the manager's pages share: the as-of date, kept across pages."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics.grain import grain_of
from reports.periods import period_label
from ui.context import lang, tr

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
    grain = grain_of(periods)
    # A week is best named by its date; coarser periods by name (2024 Q1, not 2024-01-01).
    names = {} if grain in ("day", "week") else {
        d: period_label(p, grain, lang()) for d, p in zip(days, periods, strict=True)}
    day = st.selectbox(tr("team.as_of"), days, index=index, key=key, help=tr("team.as_of_help"),
                       format_func=lambda d: names.get(d, d))
    st.session_state[AS_OF_KEY] = day
    return pd.Timestamp(day)
