"""The sidebar's workspace facts."""

from __future__ import annotations

import streamlit as st

from analytics.grain import grain_of
from i18n import t
from reports.periods import period_label
from ui import cache
from ui.context import Viewer, db_name, lang, tr


def workspace_facts() -> None:
    """The viewer's counts (read after the page ran: fresh), on every page's every run."""
    snap = cache.snapshot()
    for kind, text in texts(snap.who, snap.version, lang()):
        (st.markdown if kind == "markdown" else st.caption)(text)
    st.caption(tr("sidebar.db", path=db_name()))


# Written once per viewer scope, data version and language: the period range's grain and labels
# were worked out again on every run of every page.
@st.cache_data(max_entries=cache.MAX_ENTRIES, show_spinner=False)
def texts(who: Viewer, version: str, language: str) -> list[tuple[str, str]]:
    """[(element, text)] of the facts: the heading, the counts, the period range if any."""
    snap = cache.Snapshot(who, version)
    f = cache.facts(snap)
    out = [("caption", t("sidebar.workspace", language)), ("markdown", t(
        "sidebar.roster", language, employees=f["employees"], teams=f["teams"],
        metrics=f["metrics"], sessions=f["sessions"], imports=f["imports"]))]
    if f["last_period"] is not None:
        grain = grain_of(cache.periods_at(snap))  # 2023 Q1 to 2024 Q2 for quarterly data
        out.append(("caption", t("sidebar.periods", language, **{
            end: period_label(f[f"{end}_period"], grain, language, year=True)
            for end in ("first", "last")})))
    return out
