"""Layout for narrow screens: what a manager needs first comes first on a phone."""

from __future__ import annotations

import streamlit as st

PHONE_PX = 640  # Streamlit stacks columns below this width too


def attention_first(parent: str, first: str) -> None:
    """On a phone, show the container keyed ``first`` before its siblings inside the container
    keyed ``parent`` (the overview's attention list before its KPI tiles).

    Only static CSS on the page's own class names (``st-key-<key>``); no user text.
    """
    st.html(
        f"<style>@media (max-width: {PHONE_PX}px) {{"
        f".st-key-{parent} > .st-key-{first}, "
        f".st-key-{parent} > div:has(> .st-key-{first}) {{ order: -1; }}}}</style>")
