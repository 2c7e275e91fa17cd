"""Per-rerun context: the viewer, their scoped database cursor, the language, the data version."""

from __future__ import annotations

from pathlib import Path

import duckdb
import streamlit as st

import store
from i18n import t
from store.access import Viewer, cache_key, scoped, viewer_of
from ui.auth import current_viewer

# What pages and ui/ take from here rather than from the store (ui/context.py is the one glue
# module that may import it: pyproject.toml's contract).
__all__ = ["Viewer", "cursor", "data_version", "lang", "raw_cursor", "scope", "tr", "viewer",
           "viewer_of"]


@st.cache_resource(show_spinner=False)
def _connection(path: str) -> duckdb.DuckDBPyConnection:
    return store.connect(path)


def raw_cursor() -> duckdb.DuckDBPyConnection:
    """A fresh unscoped cursor: only for finding out who the viewer is."""
    return _connection(str(Path(store.db_path()).resolve())).cursor()


def viewer() -> Viewer | None:
    """Who is looking, checked against the users table on every call (None: no access)."""
    return current_viewer(raw_cursor())


def cursor(who: Viewer | None = None) -> duckdb.DuckDBPyConnection:
    """A fresh cursor that sees only what ``who`` (default: this rerun's viewer) may see.

    A cursor per call: a DuckDB connection is not safe across script threads.
    """
    who = who or viewer()
    if who is None:
        raise PermissionError("no access")
    return scoped(_connection(str(Path(store.db_path()).resolve())), who)


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
