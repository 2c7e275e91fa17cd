"""Widgets the manager's pages share: the as-of date, one choice kept across pages.

The overview, the prep and the board pick a period of the data; the follow-up page picks the
data's date or today (reports.as_of). Both read and write one session value, ``AS_OF_KEY``: a
period's day, or ``today``. A period page shows its newest period while today is chosen and
keeps today until its own box is moved.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics.grain import grain_of
from i18n.dates import day as day_text
from reports import as_of as policy
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
    if not (chosen == policy.TODAY and day == days[0]):  # today stays until the box moves
        st.session_state[AS_OF_KEY] = day
    return pd.Timestamp(day)


def _kept_day() -> pd.Timestamp | None:
    kept = st.session_state.get(AS_OF_KEY)
    if not isinstance(kept, str) or kept == policy.TODAY:
        return None
    try:
        return pd.Timestamp(kept)
    except ValueError:
        return None


def as_of_radio(con, key: str) -> pd.Timestamp:
    """The follow-up page's as-of: the period chosen on another page (else the data's last
    day) or today; the choice is the one the other pages share."""
    latest, today = (policy.as_of_date(con, c) for c in (policy.DATA, policy.TODAY))
    chosen = _kept_day() or latest
    days = {policy.DATA: chosen, policy.TODAY: today}
    options = {c: tr(f"cl.as_of.{c}", date=day_text(d)) for c, d in days.items()}
    if chosen != latest:  # an older period, picked on another page
        options[policy.DATA] = tr("cl.as_of_period", date=day_text(chosen))
    index = 1 if st.session_state.get(AS_OF_KEY) == policy.TODAY else 0
    choice = st.radio(tr("cl.as_of"), list(options), index=index, format_func=options.get,
                      key=key, horizontal=True)
    st.session_state[AS_OF_KEY] = (policy.TODAY if choice == policy.TODAY
                                   else f"{chosen:%Y-%m-%d}")
    return days[choice]
