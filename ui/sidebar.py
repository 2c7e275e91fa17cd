"""The sidebar's workspace facts."""

from __future__ import annotations

import duckdb
import streamlit as st

import store
from ui.context import tr


def workspace_facts(con: duckdb.DuckDBPyConnection) -> None:
    f = store.facts(con)
    st.caption(tr("sidebar.workspace"))
    st.markdown(
        tr("sidebar.facts", employees=f["employees"], teams=f["teams"], metrics=f["metrics"],
           sessions=f["sessions"], imports=f["imports"])
    )
    if f["last_period"] is not None:
        st.caption(tr("sidebar.periods", first=f["first_period"], last=f["last_period"]))
    st.caption(tr("sidebar.db", path=store.db_path().name))
