"""The sidebar's workspace facts."""

from __future__ import annotations

import streamlit as st

import store
from ui import cache
from ui.context import tr


def workspace_facts() -> None:
    """The viewer's counts, cached per data version (read after the page ran: fresh)."""
    f = cache.facts(cache.snapshot())
    st.caption(tr("sidebar.workspace"))
    st.markdown(
        tr("sidebar.roster", employees=f["employees"], teams=f["teams"], metrics=f["metrics"],
           sessions=f["sessions"], imports=f["imports"])
    )
    if f["last_period"] is not None:
        st.caption(tr("sidebar.periods", first=f["first_period"], last=f["last_period"]))
    st.caption(tr("sidebar.db", path=store.db_path().name))
