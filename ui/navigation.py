"""Which pages this rerun's viewer gets: sign-in, ask-for-access, or the pages of their role.

The rights that open each page come from ``store.features.NEEDS`` (``cli.py`` checks the same
table); a page a role lacks is not registered at all, so its URL leads nowhere for that viewer
(Streamlit falls back to the viewer's first page). The pages still check what they show:
scoping happens in the database connection, not here.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from ui.auth import auth_enabled, no_access_page, sign_in_page, signed_in
from ui.context import Viewer, opens, tr


@dataclass(frozen=True)
class PageSpec:
    view: str  # file in views/ without .py
    title: str  # i18n key
    icon: str  # material icon name
    url: str


# Grouped by who uses them: the manager's loop (prep -> talk -> follow up), HR, leadership.
SECTIONS: dict[str, tuple[PageSpec, ...]] = {
    "navsec.manager": (
        PageSpec("overview", "nav.overview", "dashboard", "overview"),
        PageSpec("employee", "nav.employee", "person_search", "employee"),
        PageSpec("coaching", "nav.coaching_log", "edit_note", "coaching"),
        PageSpec("coaching_due", "nav.followup", "event_upcoming", "follow-up"),
        PageSpec("coaching_plans", "nav.plans", "flag", "plans"),
        PageSpec("digest", "nav.digest", "forward_to_inbox", "digest"),
    ),
    "navsec.org": (
        PageSpec("impact", "nav.impact", "insights", "impact"),
        PageSpec("board", "nav.board", "traffic", "board"),
    ),
    "navsec.data": (
        PageSpec("upload", "nav.upload", "upload_file", "upload"),
        PageSpec("catalog", "nav.catalog", "tune", "catalog"),
        PageSpec("settings", "nav.settings", "settings", "settings"),
        PageSpec("admin", "nav.admin", "admin_panel_settings", "admin"),
    ),
    # Last, so it is nobody's default but an employee's (it is their only page).
    "navsec.me": (PageSpec("me", "nav.me", "person", "me"),),
}


def allowed(who: Viewer) -> dict[str, list[PageSpec]]:
    """The sections and pages ``who`` may open, in menu order (empty sections dropped)."""
    out = {}
    for section, specs in SECTIONS.items():
        mine = [s for s in specs if opens(who, s.view)]
        if mine:
            out[section] = mine
    return out


def _page(spec: PageSpec, *, default: bool) -> st.Page:
    return st.Page(f"views/{spec.view}.py", title=tr(spec.title), icon=f":material/{spec.icon}:",
                   url_path=spec.url, default=default)


def navigation(who: Viewer | None) -> StreamlitPage:
    """The navigation of this rerun; its first page is the default one."""
    if who is None:
        # Team server only (local mode always has a viewer): not signed in, or not a user.
        if auth_enabled() and not signed_in():
            gate = st.Page(sign_in_page, title=tr("nav.signin"), icon=":material/login:",
                           url_path="signin")
        else:
            gate = st.Page(no_access_page, title=tr("nav.no_access"), icon=":material/block:",
                           url_path="no-access")
        return st.navigation([gate])
    sections = allowed(who)
    first = True
    pages = {}
    for section, specs in sections.items():
        pages[tr(section)] = [_page(s, default=first and i == 0) for i, s in enumerate(specs)]
        first = False
    # Expanded: a folded menu says "View 3 more" / "View less", Streamlit's own English.
    return st.navigation(pages, expanded=True)
