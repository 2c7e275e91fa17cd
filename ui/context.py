"""Per-rerun context: the viewer, their scoped database cursor, the language, the data version.

The one module of ``ui/`` that imports the store (pyproject.toml's contract): opening the
database, finding out who is looking and scoping a cursor to them is Streamlit glue with no layer
between. Pages and the rest of ``ui/`` take the viewer, what they may open
(``store.features.opens``) and the cursor from here, read through ``reports/`` and write through
``writes/``.
"""

from __future__ import annotations

import threading
import weakref

import duckdb
import streamlit as st

import store
from i18n import t
from store.access import LOCAL, Viewer, cache_key, viewer_of
from store.dialect import is_pg
from store.features import opens
from store.scope import scoped
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
    """A cursor that sees only what ``who`` (default: this rerun's viewer) may see.

    DuckDB: a fresh cursor per call (a DuckDB connection is not safe across script threads).
    PostgreSQL: the script thread's live cursor of the same scope when there is one (below).
    """
    who = who or viewer()
    if who is None:
        raise PermissionError("no access")
    con = _connection(db_path())
    return _shared(con, who) if is_pg(con) else scoped(con, who)


# On PostgreSQL every cursor is a pooled session. A cursor per call made one rerun hold up to 7
# at once (the page's, then one per cached read, nested in each other), and 20 sessions
# rerunning together each held some and waited for the pool's last ones until its 30 s timeout
# (docs/performance.md, "Replicas on PostgreSQL"). So a script thread's reads share one session
# per scope: a cached read keyed by ``cache_key(viewer)`` gives the same result on any cursor of
# that key (that is what makes its cache shareable), and a cursor asked for a full viewer is
# only ever that viewer's (its writes are audited under their email). Weak references: the
# session goes back to the pool when the rerun drops its cursor, as before.
_HELD = threading.local()


def _shared(con: duckdb.DuckDBPyConnection, who: Viewer) -> duckdb.DuckDBPyConnection:
    held: dict[Viewer, weakref.ref] = _HELD.__dict__.setdefault("cursors", {})
    key = cache_key(who)
    ref = held.get(key)
    live = ref() if ref is not None else None
    if live is not None and (who == key or viewer_of(live) == who):
        return live
    fresh = scoped(con, who)
    for gone in [k for k, r in held.items() if r() is None]:  # a long-lived thread, many viewers
        del held[gone]
    held[key] = weakref.ref(fresh)
    return fresh


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
    """Changes whenever data or the catalog changes: the key of every cached result.

    It names the database too: two databases at the same version (two copies of the demo, as
    the page tests open one after another in a process) must not share cached results.
    """
    return f"{db_path()}#{store.data_version(con)}"
