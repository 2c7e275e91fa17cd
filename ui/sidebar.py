"""The sidebar's workspace facts."""

from __future__ import annotations

import streamlit as st

from analytics.grain import grain_of
from reports.periods import period_label
from ui import cache
from ui.context import db_name, lang, tr


def workspace_facts() -> None:
    """The viewer's counts, cached per data version (read after the page ran: fresh)."""
    snap = cache.snapshot()
    f = cache.facts(snap)
    st.caption(tr("sidebar.workspace"))
    st.markdown(
        tr("sidebar.roster", employees=f["employees"], teams=f["teams"], metrics=f["metrics"],
           sessions=f["sessions"], imports=f["imports"])
    )
    if f["last_period"] is not None:
        grain = grain_of(cache.periods_at(snap))  # 2023 Q1 to 2024 Q2 for quarterly data
        st.caption(tr("sidebar.periods", **{
            end: period_label(f[f"{end}_period"], grain, lang(), year=True)
            for end in ("first", "last")}))
    st.caption(tr("sidebar.db", path=db_name()))
