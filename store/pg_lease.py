"""One pooled PostgreSQL session for one unit of work (a rerun of the app), given back at its end.

A rerun reads through several cursors: who the viewer is and the data version (past the
viewer's views), the page's scoped cursor, each cached read's. A ``Lease`` takes one session
from the pool at the first read and hands every read cursor of the run out of it:

- ``raw()``: for the reads past the viewer's views; its statements run with the stored tables
  first on the ``search_path`` (set per transaction), so the viewer's temporary views in the
  same session never answer them;
- ``scoped(who)``: the viewer's scoped cursor (its temporary views; its role and settings per
  transaction, ``store.pg_security``). Temporary views belong to a session, so a second viewer
  in the same run gets a session of its own;
- writes (``store.access.writer``, the audit) take sessions of their own, as ever: a write must
  not go through a viewer's views. The lease keeps track of them too.

``close()`` gives every session back to the pool, whose reset drops the temporary views.
"""

from __future__ import annotations

import contextlib
import weakref
from typing import TYPE_CHECKING

from store.access import Viewer, ViewerConnection, cache_key, viewer_of
from store.dialect import PG_SCHEMA
from store.scope import scoped

if TYPE_CHECKING:  # psycopg's pool is loaded only for a server (store/db.py)
    from store.pg import PgConnection


class _Writes:
    """The connection writers take new sessions from: the app's own, each session tracked."""

    def __init__(self, base: PgConnection, sessions: weakref.WeakSet) -> None:
        self._base, self._sessions = base, sessions

    def cursor(self) -> PgConnection:
        session = self._base.cursor()
        self._sessions.add(session)
        return session

    def __getattr__(self, name: str):
        return getattr(self._base, name)


class Lease:
    """The sessions of one unit of work on the database behind ``base`` (see the module);
    ``tag`` names the unit of work (the caller's: which run it belongs to)."""

    def __init__(self, base: PgConnection, tag: object = None) -> None:
        self._base, self.tag = base, tag
        self._session: PgConnection | None = None
        self._raw: PgConnection | None = None
        self._views: dict[Viewer, ViewerConnection] = {}
        self._more: list[PgConnection] = []  # further viewers' sessions
        self._writers: weakref.WeakSet = weakref.WeakSet()  # dropped ones went back already
        self._writes = _Writes(base, self._writers)

    def _shared(self) -> PgConnection:
        if self._session is None:
            self._session = self._base.cursor()
            self._raw = self._session.sibling()
            self._raw.scope_to({"search_path": f"{PG_SCHEMA}, pg_temp"})
        return self._session

    def raw(self) -> PgConnection:
        """An unscoped read handle on the run's session."""
        self._shared()
        return self._raw

    def scoped(self, who: Viewer) -> ViewerConnection:
        """``who``'s scoped cursor: the same one for every read of the run with the same
        ``cache_key`` (a cached read gives the same result on any cursor of its key, which is
        what makes it shareable), unless it was opened for another full viewer."""
        key = cache_key(who)
        live = self._views.get(key)
        if live is not None and (who == key or viewer_of(live) == who):
            return live
        if self._views:
            read = self._base.cursor()
            self._more.append(read)
        else:
            read = self._shared().sibling()
        fresh = scoped(self._writes, who, read=read)
        self._views[key] = fresh
        return fresh

    def held(self) -> int:
        """How many pooled sessions the unit of work holds right now."""
        return (self._session is not None) + len(self._more) + len(self._writers)

    def close(self) -> None:
        """Give every session back (a writer still in use is closed too: the run is over)."""
        for session in [*self._writers, *self._more, self._session]:
            if session is not None:
                session.close()
        self._session = self._raw = None
        self._views, self._more = {}, []
        self._writers.clear()

    def __del__(self) -> None:
        # A run stopped before its release whose thread then ended drops its lease with the
        # thread's state: its sessions go back to the pool rather than being lost to it.
        with contextlib.suppress(Exception):
            self.close()
