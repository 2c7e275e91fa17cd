"""Who is using the app: the local user, or a signed-in user mapped to a role.

Two modes. Local (no ``[auth]`` section in ``.streamlit/secrets.toml``): one user with full
rights, no sign-in. Team server (``[auth]`` configured): ``st.login`` through OpenID Connect;
the signed-in email is looked up in the ``users`` table on every rerun (``ui.context.viewer``), so
removing a user takes effect at once even though Streamlit's identity cookie lives on for 30 days.

The two pages a team server shows before anyone is let in (sign in, ask for access) and the
sidebar's user box live here too: they are the only pages that need no database scope.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from i18n import t
from ui.text import md

if TYPE_CHECKING:  # ui.context imports this module
    from ui.context import Viewer


def auth_enabled() -> bool:
    """True when an ``[auth]`` section is configured (the team-server mode)."""
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file at all, or an unreadable one: the local mode
        return False


def signed_in() -> bool:
    """Somebody passed the identity provider (whether or not they are a Coachboard user)."""
    return bool(st.user.is_logged_in)


def signed_in_email() -> str | None:
    """The signed-in user's email, lower-cased; None when nobody is signed in."""
    if not st.user.is_logged_in:
        return None
    email = st.user.get("email")
    return str(email).strip().lower() if email else None


def _tr(key: str, **params: object) -> str:
    # ui.context imports this module: read the language directly instead of importing it.
    return t(key, st.session_state.get("lang", "en"), **params)


def sign_in_page() -> None:
    """The only page of a team server before sign-in: what this is and one button."""
    st.title(_tr("signin.title"))
    st.write(_tr("signin.intro"))
    if st.button(_tr("signin.button"), type="primary", key="signin",
                 icon=":material/login:"):
        st.login()


def no_access_page() -> None:
    """Signed in, but not (or no longer) a user: say who they are and whom to ask."""
    st.title(_tr("signin.no_access_title"))
    email = signed_in_email()
    st.warning(_tr("signin.no_access", email=md(email)) if email else _tr("signin.no_email"))
    sign_out_button(key="signout_page")


def sign_out_button(*, key: str) -> None:
    if st.button(_tr("signin.sign_out"), key=key, icon=":material/logout:"):
        st.logout()
        st.stop()  # the rest of this run would ask for a viewer that is gone


def user_box(who: Viewer) -> None:
    """The sidebar's "signed in as" line and sign-out button (nothing in the local mode)."""
    if who.role == "local":
        return
    st.caption(_tr("signin.signed_in_as", email=md(who.email), role=_tr(f"role.{who.role}")))
    sign_out_button(key="signout")
