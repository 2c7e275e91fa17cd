"""PostgreSQL: run slots (ui/admit.py) with real Streamlit run contexts on real threads.
N runs at once, each reading through ui.context as a page does, hold at most COACHBOARD_RUNS
pooled sessions at any moment (summed over every run's lease by a watcher), and that many
once the runs let in wait for each other; every run still reads its people (walked in pandas,
tests/views/test_pg_sessions.py). A part drawn inline by its page's run takes no second slot,
and a run that ended without its release leaves its slot to the next run of its thread."""

from __future__ import annotations

import threading
import time

import pytest
from streamlit.runtime.scriptrunner_utils.exceptions import StopException

from tests.views.run_context import in_thread, new_run, watched
from tests.views.test_lease_threads import _people
from tests.views.test_pg_sessions import _measured
from ui import admit, context
from ui.cache import snapshot
from ui.parts import part

RUNS = 8


@pytest.fixture
def url(pg_demo, monkeypatch) -> str:
    monkeypatch.setenv("COACHBOARD_DB", pg_demo)
    return pg_demo


def _watch(leases: list, lock: threading.Condition, stop: threading.Event, peak: list[int]) -> None:
    while not stop.is_set():
        with lock:
            peak[0] = max(peak[0], sum(lease.held() for lease in leases))
        time.sleep(0.001)


@pytest.mark.parametrize("limit", [1, 3, RUNS])
def test_runs_hold_no_more_sessions_than_the_slots(url, monkeypatch, limit):
    monkeypatch.setenv("COACHBOARD_RUNS", str(limit))
    everyone = _measured(url, "local", None)
    leases, turn, stop, peak, seen, together = [], threading.Condition(), threading.Event(), [0], [], []
    count = {"in": 0, "done": 0}

    def run() -> None:
        new_run()
        try:
            first = _people(context.cursor())  # the run's first read: its slot, its session
            with turn:  # the rest of the page, until as many runs are in as can be
                leases.append(context._RUN.lease)
                count["in"] += 1
                turn.notify_all()
                turn.wait_for(lambda: count["in"] >= min(limit, RUNS - count["done"]), 10)
                together.append(sum(lease.held() for lease in leases))
            seen.append(first == _people(context.cursor()) == everyone)
            with turn:
                count["in"] -= 1
                count["done"] += 1
        finally:
            context.release()
        with turn:
            turn.notify_all()

    watcher = threading.Thread(target=_watch, args=(leases, turn, stop, peak))
    watched([threading.Thread(target=run) for _ in range(RUNS)], watcher, stop)
    assert seen == [True] * RUNS
    assert max(together) == limit  # as many as the slots at once ...
    assert peak[0] <= limit  # ... and never more
    assert admit.gate().holding() == 0


def test_a_part_inline_and_a_run_left_unreleased_take_no_second_slot(url, monkeypatch):
    monkeypatch.setenv("COACHBOARD_RUNS", "1")
    gate = admit.gate()
    inside: list[int] = []

    @part
    def people(snap) -> None:
        _people(context.cursor())
        inside.append(gate.holding())

    def page_runs() -> None:
        for _ in range(3):  # each run ends without release(): stopped before app.py's page
            new_run()
            people(snapshot())  # the page's run draws its part inline
            inside.append(gate.holding())
        context.release()

    in_thread(page_runs)
    assert inside == [1] * 6
    assert gate.holding() == 0


def test_a_parts_own_run_refused_stops_and_holds_nothing(url, monkeypatch):
    """A click inside a part while the slots are taken: the part's run stops (the sentence is
    tests/views/test_admit_busy.py's) and neither a slot nor a session stays with it."""
    monkeypatch.setenv("COACHBOARD_RUNS", "1")
    monkeypatch.setenv("COACHBOARD_RUN_WAIT", "0.2")
    gate = admit.gate()
    drawn, stopped = [], []

    @part
    def people(snap) -> None:
        drawn.append(_people(context.cursor()))

    def click() -> None:
        new_run()
        snap = snapshot()
        context.release()
        new_run(fragment=True)
        holder = threading.Thread(target=_hold, args=(gate, hold_done, hold_in))
        holder.start()
        hold_in.wait(5)
        try:
            people(snap)
        except StopException:
            stopped.append(True)
        finally:
            hold_done.set()
            holder.join()
        assert context._RUN.lease is None

    hold_done, hold_in = threading.Event(), threading.Event()
    in_thread(click)
    assert stopped == [True]
    assert drawn == []
    assert gate.holding() == 0


def _hold(gate, done: threading.Event, inside: threading.Event) -> None:
    assert gate.enter(timeout=5)
    inside.set()
    done.wait(10)
    gate.leave()
