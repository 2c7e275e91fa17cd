"""The app's own sender: what is due at a given time, sent once a day, failures tried again a
few rounds and recorded, and the background thread delivering to a real receiver."""

from __future__ import annotations

import datetime as dt
import threading
import time

import pytest

import store
from commands.digest_schedule import MAX_ROUNDS, due_now, run_due, start, today_log
from commands.digest_send import Overrides
from store import digest as config
from tests.digest.helpers import setup

# The audit stamps sends with the wall clock, so "today" here is the real today.
TODAY = dt.date.today()
TOMORROW = TODAY + dt.timedelta(days=1)


def at(hour: int, minute: int = 0, day: dt.date = TODAY) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute))


@pytest.fixture
def con(db, receiver):
    url, _ = receiver
    setup(db, [config.Subscription("m01@example.com", "slack", "daily"),
               config.Subscription("hr@example.com", "wecom", "weekly",
                                   weekday=TOMORROW.weekday())],
          {"slack": {"url": f"{url}/slack"}, "wecom": {"url": f"{url}/wecom"}})
    c = store.connect(db)
    config.save_send_hour(c, 7)
    yield c
    c.close()


@pytest.mark.parametrize(("now", "expected"), [
    (at(6, 59), []),  # before the hour
    (at(7), ["m01@example.com"]),  # daily; HR's weekly digest is tomorrow
    (at(8, day=TOMORROW), ["hr@example.com", "m01@example.com"]),
])
def test_what_is_due_follows_hour_frequency_and_day(con, now, expected):
    assert [s.email for s in due_now(con, now)] == expected


def test_nothing_is_due_when_the_app_does_not_send(con):
    config.save_send_hour(con, None)
    assert due_now(con, at(12)) == []


def test_sent_once_a_day_and_recorded(con, receiver):
    _, box = receiver
    [done] = run_due(con, at(7, 5))
    assert done.outcome.ok
    assert run_due(con, at(9)) == []  # already sent today (the audit says so)
    assert len(box.posts) == 1
    assert today_log(con, TODAY)["m01@example.com"] == [True]


def test_a_failing_receiver_is_tried_on_later_rounds_then_waits_for_tomorrow(con, receiver):
    _, box = receiver
    box.answers = [(500, b"")] * (MAX_ROUNDS + 5)
    quick = Overrides(tries=1, backoff=0)
    for minute in range(MAX_ROUNDS):
        [done] = run_due(con, at(7, minute), quick)
        assert not done.outcome.ok
    assert run_due(con, at(8), quick) == []
    assert len(box.posts) == MAX_ROUNDS
    assert today_log(con, TODAY)["m01@example.com"] == [False] * MAX_ROUNDS


def test_the_background_thread_delivers(db, con, receiver):
    _, box = receiver
    stop = threading.Event()
    thread = start(con.cursor, every=0.05, clock=lambda: at(7, 1), stop=stop)
    deadline = time.monotonic() + 30
    while not box.posts and time.monotonic() < deadline:
        time.sleep(0.05)
    stop.set()
    thread.join(timeout=30)
    assert not thread.is_alive()
    assert len(box.posts) == 1  # sent once although the thread ran many rounds
    assert box.posts[0][0] == "/slack"
