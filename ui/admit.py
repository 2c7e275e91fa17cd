"""Admission: at most ``COACHBOARD_RUNS`` script runs of this process use the database at once.

One process runs every browser session's script in threads under one interpreter lock. On
PostgreSQL a run takes one pooled session at its first read and keeps it to its end
(store/pg_lease.py), so 100 runs started together wanted 100 sessions while they took turns
at the interpreter: past the pool (``COACHBOARD_PG_POOL``, 20) they gave up after the pool's
30 s (docs/performance.md, "Replicas on PostgreSQL"). So a run first waits here for one of
``limit()`` slots (default: half the pool), in the order the runs came, holding nothing; then
it takes its session (``ui.context._lease``) and gives both back at its end
(``ui.context.release``: app.py after the page, ui/parts.py after a part's own run; a run
stopped before either, when its thread starts its next run, or once its thread has ended).
The slots bound the sessions, not the work: measured, 4 or 8 slots served no more reruns than
50 and made the short reruns wait behind the long ones, so the default is as many as the pool
holds with room for writes. A run not let in within ``COACHBOARD_RUN_WAIT`` seconds (default
20) shows a sentence and stops: the process is overloaded, and a page drawn after a minute
helps nobody.
"""

from __future__ import annotations

import functools
import logging
import os
import threading
import time
from collections import deque

import streamlit as st
from streamlit.runtime.scriptrunner_utils.exceptions import StopException

from i18n import t

log = logging.getLogger("coachboard")
POOL, WAIT_S = 20, 20.0  # defaults: COACHBOARD_PG_POOL's (store/pg.py), COACHBOARD_RUN_WAIT's
SWEEP_S = 1.0  # how often a waiting run looks for slots left by runs whose thread has ended


class Gate:
    """``limit`` slots handed out first come, first served; a thread in holds its slot through
    nested entries (a whole run draws its parts inline) until its last ``leave``."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._lock = threading.Lock()
        self._held: dict[threading.Thread, int] = {}  # holder: depth of its entries
        self._queue: deque[tuple[threading.Thread, threading.Event]] = deque()

    def enter(self, timeout: float) -> bool:
        """Take a slot for this thread, waiting at most ``timeout`` s; False if none came."""
        me = threading.current_thread()
        with self._lock:
            if me in self._held:
                self._held[me] += 1
                return True
            self._sweep()
            if len(self._held) < self.limit and not self._queue:
                self._held[me] = 1
                return True
            turn = threading.Event()
            self._queue.append((me, turn))
        deadline = time.monotonic() + timeout
        while not turn.wait(max(0.0, min(SWEEP_S, deadline - time.monotonic()))):
            with self._lock:
                self._sweep()
                if turn.is_set():  # handed over while we looked
                    return True
                if time.monotonic() >= deadline:
                    self._queue.remove((me, turn))
                    return False
        return True

    def leave(self) -> int:
        """Give this thread's slot back at its last nested ``leave`` (the next in line gets
        it); the entries it still has."""
        me = threading.current_thread()
        with self._lock:
            depth = self._held.pop(me, 0)
            if depth > 1:
                self._held[me] = depth - 1
            self._hand_over()
            return max(0, depth - 1)

    def holding(self) -> int:
        """How many threads hold a slot now."""
        with self._lock:
            return len(self._held)

    def waiting(self) -> int:
        with self._lock:
            return len(self._queue)

    def _hand_over(self) -> None:
        while self._queue and len(self._held) < self.limit:
            thread, turn = self._queue.popleft()
            self._held[thread] = 1
            turn.set()

    def _sweep(self) -> None:
        """A run whose thread ended without giving its slot back (stopped before its release,
        when its session closed) no longer holds it."""
        gone = [thread for thread in self._held if not thread.is_alive()]
        for thread in gone:
            del self._held[thread]
        if gone:
            self._hand_over()


def _setting(name: str, default: float, kind: type) -> float:
    return _parsed(name, os.environ.get(name), default, kind)


@functools.cache  # an operator's typo is said once, not on every run
def _parsed(name: str, raw: str | None, default: float, kind: type) -> float:
    try:
        value = default if raw is None else kind(raw)
    except ValueError:
        value = 0
    if value > 0:
        return value
    log.warning("%s=%r is not a number above 0: using %s", name, raw, default)
    return default


_GATES: dict[int, Gate] = {}
_LOCK = threading.Lock()
_MINE = threading.local()  # the gate this thread entered (the limit may differ between tests)


def limit() -> int:
    """``COACHBOARD_RUNS``, by default half the pool (a run may hold a second session while it
    writes); never the whole pool: runs past it would wait for the pool instead, and give up
    after its 30 s."""
    pool = int(_setting("COACHBOARD_PG_POOL", POOL, int))
    return max(1, min(int(_setting("COACHBOARD_RUNS", max(1, pool // 2), int)), pool - 1))


def gate() -> Gate:
    """The process's gate for ``limit()`` slots."""
    size = limit()
    with _LOCK:
        if size not in _GATES:
            _GATES[size] = Gate(size)
        return _GATES[size]


def admit() -> None:
    """Let this script run in, or tell the viewer the server is busy and stop the run (a
    sentence, no traceback). Call before the run's first database session."""
    wait = _setting("COACHBOARD_RUN_WAIT", WAIT_S, float)
    mine = gate()
    if mine.enter(wait):
        _MINE.gate = mine
        return
    log.warning("a script run waited %.0f s for one of %d run slots: refused", wait, mine.limit)
    st.error(t("admit.busy", st.session_state.get("lang", "en"), seconds=f"{wait:.0f}"))
    st.stop()
    raise StopException  # st.stop() returns where no script runner takes its request


def leave() -> None:
    """Give this thread's run slot back (nothing if it holds none)."""
    mine = getattr(_MINE, "gate", None)
    if mine is not None and not mine.leave():
        _MINE.gate = None
