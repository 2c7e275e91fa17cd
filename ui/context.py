"""Per-rerun context: the viewer, their scoped database cursor, the language, the data version.

The one module of ``ui/`` that imports the store (pyproject.toml's contract): opening the
database, finding out who is looking and scoping a cursor to them is Streamlit glue with no layer
between. Pages and the rest of ``ui/`` take the viewer, what they may open
(``store.features.opens``) and the cursor from here, read through ``reports/`` and write through
``writes/``.
"""

from __future__ import annotations

import duckdb
import streamlit as st

import store
from i18n import t
from store.access import LOCAL, Viewer, cache_key, scoped, viewer_of
from store.features import opens
from store.users import lookup
from ui.auth import auth_enabled, signed_in_email

__all__ = ["Viewer", "cursor", "data_version", "db_name", "db_path", "lang", "opens", "raw_cursor", "scope",
           "tr", "viewer", "viewer_of"]


@st.cache_resource(show_spinner=False)
def _connection(path: str) -> duckdb.DuckDBPyConnection:
    return store.connect(path)


def db_path() -> str:
    """The database this app serves (``COACHBOARD_DB``): a file's absolute path, or a
    PostgreSQL URL."""
    return store.db.db_key()


def db_name() -> str:
    """The database as the sidebar names it (a file's name; ``database@host``)."""
    return store.db.display_name()


def raw_cursor() -> duckdb.DuckDBPyConnection:
    """A fresh unscoped cursor: only for finding out who the viewer is."""
    return _connection(db_path()).cursor()


def viewer() -> Viewer | None:
    """Who is looking, checked against the users table on every call (None: no access).

    LOCAL in the local mode; on a team server the signed-in email looked up on every rerun, so a
    removed user loses access at once (None when signed out or unknown).
    """
    if not auth_enabled():
        return LOCAL
    email = signed_in_email()
    return None if email is None else lookup(raw_cursor(), email)


def cursor(who: Viewer | None = None) -> duckdb.DuckDBPyConnection:
    """A fresh cursor that sees only what ``who`` (default: this rerun's viewer) may see.

    A cursor per call: a DuckDB connection is not safe across script threads.
    """
    who = who or viewer()
    if who is None:
        raise PermissionError("no access")
    return scoped(_connection(db_path()), who)


def scope() -> Viewer:
    """This rerun's viewer reduced to what decides query results: every cache key holds it."""
    who = viewer()
    if who is None:
        raise PermissionError("no access")
    return cache_key(who)


def lang() -> str:
    return st.session_state.get("lang", "en")


def tr(key: str, **params: object) -> str:
    """Translate ``key`` into the viewer's language."""
    return t(key, lang(), **params)


def data_version(con: duckdb.DuckDBPyConnection) -> str:
    """Changes whenever data or the catalog changes: the key of every cached result."""
    return store.data_version(con)
