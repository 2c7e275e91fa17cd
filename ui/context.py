"""Per-rerun context: the viewer, their scoped database cursor, the language, the data version.

The one module of ``ui/`` that imports the store (pyproject.toml's contract): opening the
database, finding out who is looking and scoping a cursor to them is Streamlit glue with no layer
between. Pages and the rest of ``ui/`` take the viewer, what they may open
(``store.features.opens``) and the cursor from here, read through ``reports/`` and write through
``writes/``.
"""

from __future__ import annotations

import threading

import duckdb
import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

import store
from i18n import t
from store.access import LOCAL, Viewer, cache_key, viewer_of
from store.dialect import is_pg
from store.features import opens
from store.pg_lease import Lease
from store.scope import scoped
from store.users import lookup
from ui.admit import admit, leave
from ui.auth import auth_enabled, signed_in_email

__all__ = ["Viewer", "audit_cursor", "cursor", "data_version", "db_name", "db_path", "lang", "opens",
           "raw_cursor", "release", "run_version", "scope", "tr", "viewer", "viewer_of"]


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
    """An unscoped cursor: only for finding out who the viewer is and the data version."""
    con = _connection(db_path())
    lease = _lease(con)
    return con.cursor() if lease is None else lease.raw()


def viewer() -> Viewer | None:
    """Who is looking, checked against the users table on every call (None: no access).

    LOCAL in the local mode; on a team server the signed-in email looked up on every rerun, so a
    removed user loses access at once (None when signed out or unknown).
    """
    memo = _run_memo()
    if "auth" not in memo:  # a run asks 6-8 times; st.secrets answers in ~0.1 ms each
        memo["auth"] = auth_enabled()
    if not memo["auth"]:
        return LOCAL
    email = signed_in_email()
    return None if email is None else lookup(raw_cursor(), email)


def cursor(who: Viewer | None = None) -> duckdb.DuckDBPyConnection:
    """A cursor that sees only what ``who`` (default: this rerun's viewer) may see.

    DuckDB: a fresh cursor per call (a DuckDB connection is not safe across script threads).
    PostgreSQL: a cursor of the run's one pooled session (below).
    """
    return _scoped(who, watched=True)


def audit_cursor() -> duckdb.DuckDBPyConnection:
    """``cursor()`` for the page-view audit's rows only (``writes.audit``): they are not part of
    the data version, so writing one keeps this run's version (the employee page writes one for
    each person a session opens first)."""
    return _scoped(None, watched=False)


def _scoped(who: Viewer | None, *, watched: bool) -> duckdb.DuckDBPyConnection:
    who = who or viewer()
    if who is None:
        raise PermissionError("no access")
    con = _connection(db_path())
    lease = _lease(con)
    if lease is not None:
        return lease.scoped(who)
    return scoped(_Writes(con) if watched else con, who, read=con.cursor())


class _Writes:
    """The connection beneath a scoped DuckDB cursor, which writers take their cursors from
    (``store.access.writer``, the audit): using it marks this run's data version as stale."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self._con = con

    def __getattr__(self, name: str):
        _run_memo().pop("version", None)
        return getattr(self._con, name)


# On PostgreSQL every cursor was a pooled session: a rerun held up to 7 at once (the page's,
# one per cached read, the viewer's look-up), and 20 sessions rerunning together waited for the
# pool's last ones (docs/performance.md, "Replicas on PostgreSQL"). Now a run takes one session
# at its first read, every read of the run shares it (store/pg_lease.py), and the run gives it
# back at its end (``release``: app.py after the page, ui/parts.py after a part's own run). A run
# that ended without it (stopped before app.py's page) is released when the next run of its
# thread starts, or with its thread. Outside a script run (the digest sender's thread) a cursor
# is a session of its own, back in the pool when dropped.
_RUN = threading.local()


def _lease(con: duckdb.DuckDBPyConnection) -> Lease | None:
    ctx = get_script_run_ctx(suppress_warning=True)
    if ctx is None or not is_pg(con):
        return None
    held = getattr(_RUN, "lease", None)
    if held is not None and held.tag is not ctx.cursors:  # Streamlit's state of one run
        release()
        held = None
    if held is None:
        admit()  # a run slot first (ui/admit.py): a run waiting for its turn holds no session
        held = _RUN.lease = Lease(con, tag=ctx.cursors)
    return held


def _run_memo() -> dict:
    """What this script run has read already ({} outside a run: nothing is kept)."""
    ctx = get_script_run_ctx(suppress_warning=True)
    if ctx is None:
        return {}
    held = getattr(_RUN, "memo", None)
    if held is None or held[0] is not ctx.cursors:  # a new run (or a part's own run)
        held = _RUN.memo = (ctx.cursors, {})
    return held[1]


def release() -> None:
    """Give this run's database session back to the pool (nothing to do on DuckDB)."""
    held = getattr(_RUN, "lease", None)
    _RUN.lease = None
    if held is not None:
        try:
            held.close()
        finally:
            leave()  # the run's slot (ui/admit.py), once its sessions are back


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


def run_version() -> str:
    """``data_version`` read once per run on DuckDB (the page's snapshot, the sidebar's facts and
    the digest check share it: each read is ~6 ms of DuckDB CPU, a tenth of a served rerun),
    read again after the run took a cursor that can write, so what a run imported is counted.
    On PostgreSQL every call reads it (its writers are the run's lease's, not watched here)."""
    con = _connection(db_path())
    if _lease(con) is not None:
        return data_version(raw_cursor())
    memo = _run_memo()
    if "version" not in memo:
        memo["version"] = data_version(con.cursor())
    return memo["version"]
