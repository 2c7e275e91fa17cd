"""The manager's view of the upward pulse: aggregates only, from ``reports.pulse.MIN_ANSWERS``."""

from __future__ import annotations

import streamlit as st

from reports import pulse
from ui.context import tr
from ui.text import md


def pulse_box(con) -> None:
    """Counts and means over the viewer's people's pulse answers, or how many there are so far."""
    st.subheader(tr("pulse.title"))
    found = pulse.summary(con)
    if not found.shown:
        key = "pulse.too_few" if found.n < pulse.MIN_ANSWERS else "pulse.too_few_people"
        st.caption(tr(key, n=found.n, people=found.people, least=pulse.MIN_ANSWERS))
        return
    left, right = st.columns(2)
    left.metric(tr("pulse.useful", n=found.n), f"{found.useful_mean:.1f} / 5")
    right.metric(tr("pulse.facts", n=found.n), f"{found.facts_right_share:.0%}")
    st.markdown(f"**{tr('pulse.support')}**")
    st.markdown("\n".join(f"- {md(text)}" for text in found.support) or tr("pulse.no_text"))
