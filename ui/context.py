"""Per-rerun context: the database cursor, the language, the data version."""

from __future__ import annotations

from pathlib import Path

import duckdb
import streamlit as st

import store
from i18n import t


@st.cache_resource(show_spinner=False)
def _connection(path: str) -> duckdb.DuckDBPyConnection:
    return store.connect(path)


def cursor() -> duckdb.DuckDBPyConnection:
    """A fresh cursor on the shared connection: a connection is not safe across script threads."""
    return _connection(str(Path(store.db_path()).resolve())).cursor()


def lang() -> str:
    return st.session_state.get("lang", "en")


def tr(key: str, **params: object) -> str:
    """Translate ``key`` into the viewer's language."""
    return t(key, lang(), **params)


def data_version(con: duckdb.DuckDBPyConnection) -> str:
    """Changes whenever data or the catalog changes: the key of every cached result."""
    return store.data_version(con)
