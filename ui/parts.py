"""Parts of a page that rerun alone (``st.fragment``) when a widget inside them changes.

A click inside a part reruns and resends that part only (a rerun of a whole page
costs the server 0.1-0.2 CPU s, most of it Streamlit building and sending the page). A part is
drawn with its page's snapshot (the viewer's scope and the data version, its first argument);
when either has changed since, a click inside it reruns the whole page instead: a removed user
gets the sign-in gate at once, and new data shows on the whole page, never in one part only.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from ui.cache import Snapshot, snapshot
from ui.context import release


def part(func: Callable[..., None]) -> Callable[..., None]:
    """``func(snap, ...)`` as a fragment that checks ``snap`` is still current first."""

    @functools.wraps(func)
    def checked(snap: Snapshot, *args: object, **kwargs: object) -> None:
        if not alone():  # drawn by its page's run, which gives the session back
            func(snap, *args, **kwargs)
            return
        try:
            if _current() != snap:
                st.rerun(scope="app")
            func(snap, *args, **kwargs)
        finally:
            release()  # the part's own run ends: its session and run slot back (ui/admit.py)

    return st.fragment(checked)


def alone() -> bool:
    """Whether this run reruns fragments only (in a whole run the page's snapshot is fresh)."""
    ctx = get_script_run_ctx()
    return bool(ctx is not None and ctx.fragment_ids_this_run)


def _current() -> Snapshot | None:
    try:
        return snapshot()
    except PermissionError:  # signed out or removed: the whole app shows the gate
        return None
