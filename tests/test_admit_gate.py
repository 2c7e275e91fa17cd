"""ui/admit.py's gate on real threads: never more than its limit inside at once, first come
first served, re-entrant on one thread, a bounded wait, and a slot left by a thread that ended
goes to the next in line. What the runs saw is checked against a log of their own entries and
exits, replayed in order (the most inside at once is the running sum's peak)."""

from __future__ import annotations

import threading
import time

import pytest

from ui import admit
from ui.admit import Gate


def _peak(events: list[tuple[float, int]]) -> int:
    """The most threads inside at once, replayed from (time, +1 entered / -1 left)."""
    inside = peak = 0
    for _, step in sorted(events, key=lambda e: (e[0], e[1])):  # a leave first at a tie
        inside += step
        peak = max(peak, inside)
    return peak


@pytest.mark.parametrize(("runs", "limit"), [(12, 1), (12, 3), (30, 4), (5, 8)])
def test_never_more_runs_inside_than_the_limit(runs, limit):
    gate, events, lock, served = Gate(limit), [], threading.Lock(), []
    # The first runs in hold their slots until the gate is full (or 10 s), so every other run
    # tries to get in while it is: a sleep as the run's work let a loaded machine start the
    # threads so far apart that fewer than the limit were ever inside together (a CI flake).
    full, inside = threading.Event(), [0]

    def run(i: int) -> None:
        assert gate.enter(timeout=30)
        with lock:
            events.append((time.monotonic(), 1))
            inside[0] += 1
            if inside[0] >= min(limit, runs):
                full.set()
        full.wait(timeout=10)
        time.sleep(0.005)  # the run's work: the others keep trying to get in
        with lock:
            events.append((time.monotonic(), -1))
            inside[0] -= 1
            served.append(i)
        gate.leave()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(runs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(served) == list(range(runs))
    assert _peak(events) == min(limit, runs)
    assert gate.holding() == gate.waiting() == 0


def test_first_come_first_served():
    """With one slot taken, runs that queue one after another get in in that order."""
    gate, order, queued = Gate(1), [], []
    assert gate.enter(timeout=1)

    def run(i: int) -> None:
        assert gate.enter(timeout=30)
        order.append(i)
        gate.leave()

    threads = []
    for i in range(8):
        threads.append(threading.Thread(target=run, args=(i,)))
        threads[-1].start()
        while gate.waiting() < i + 1:  # the next one queues only after this one did
            time.sleep(0.001)
        queued.append(i)
    gate.leave()
    for thread in threads:
        thread.join()
    assert order == queued


def test_a_thread_holds_one_slot_through_nested_entries():
    gate = Gate(1)
    assert gate.enter(timeout=1)  # a page's run ...
    assert gate.enter(timeout=1)  # ... then its part, inline
    assert gate.holding() == 1
    got: list[bool] = []
    other = threading.Thread(target=lambda: got.append(gate.enter(timeout=0.2)))
    other.start()
    other.join()
    assert got == [False]  # still held by the outer entry
    assert gate.leave() == 1
    assert gate.holding() == 1
    assert gate.leave() == 0
    assert gate.holding() == 0


def test_a_wait_is_bounded_and_leaves_the_queue():
    gate = Gate(1)
    assert gate.enter(timeout=1)
    got, took = [], []

    def late() -> None:
        start = time.monotonic()
        got.append(gate.enter(timeout=0.3))
        took.append(time.monotonic() - start)

    thread = threading.Thread(target=late)
    thread.start()
    thread.join()
    assert got == [False]
    assert 0.3 <= took[0] < 2
    assert gate.waiting() == 0
    gate.leave()
    assert gate.holding() == 0


def test_a_slot_left_by_an_ended_thread_goes_to_the_next(monkeypatch):
    """A run stopped before its release, whose thread then ended, holds no slot any more."""
    monkeypatch.setattr(admit, "SWEEP_S", 0.05)
    gate = Gate(1)
    gone = threading.Thread(target=lambda: gate.enter(timeout=1))  # never leaves
    gone.start()
    gone.join()
    assert gate.holding() == 1
    start = time.monotonic()
    assert gate.enter(timeout=5)
    assert time.monotonic() - start < 1
    gate.leave()


@pytest.mark.parametrize(("runs", "pool", "expected"), [
    (None, None, 10),  # half the store's default pool of 20
    (None, "60", 30),  # make team's pool
    ("2", None, 2),
    ("50", None, 19),  # never the whole pool: the runs past it would wait for the pool
    ("50", "60", 50),
    ("0", None, 10),  # not a number above 0: the default, and a warning in the log
    ("many", "60", 30),
    (None, "1", 1),
])
def test_the_limit_comes_from_the_environment(monkeypatch, runs, pool, expected):
    for name, raw in (("COACHBOARD_RUNS", runs), ("COACHBOARD_PG_POOL", pool)):
        if raw is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, raw)
    assert admit.gate().limit == expected
