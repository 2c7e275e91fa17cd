"""Who is using the app: the local user, or a signed-in user mapped to a role.

Two modes. Local (no ``[auth]`` section in ``.streamlit/secrets.toml``): one user with full
rights, no sign-in. Team server (``[auth]`` configured): ``st.login`` through OpenID Connect;
the signed-in email is looked up in the ``users`` table on every rerun, so removing a user takes
effect at once even though Streamlit's identity cookie lives on for 30 days.
"""

from __future__ import annotations

import streamlit as st

from store.access import LOCAL, Viewer


def auth_enabled() -> bool:
    """True when an ``[auth]`` section is configured (the team-server mode)."""
    try:
        return "auth" in st.secrets
    except Exception:
        return False


def signed_in_email() -> str | None:
    """The signed-in user's email, lower-cased; None when nobody is signed in."""
    if not st.user.is_logged_in:
        return None
    email = st.user.get("email")
    return str(email).strip().lower() if email else None


def current_viewer(raw) -> Viewer | None:
    """The viewer of this rerun: LOCAL in local mode; None when signed out or unknown."""
    if not auth_enabled():
        return LOCAL
    email = signed_in_email()
    if email is None:
        return None
    from store.users import lookup

    return lookup(raw, email)
