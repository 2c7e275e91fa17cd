"""The running app sends the day's digests itself, from the hour set in Settings.

DuckDB lets one process hold the database file for writing: on a team server the app holds it,
so a timer's ``cli.py digest --send`` is refused while the app runs. The app therefore runs the
same sending in a background thread: every few minutes it sends the digests due today that
have not gone out yet (the audit says which did), and tries a failed one again on later rounds,
up to ``MAX_ROUNDS`` a day, every failure recorded.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable

import duckdb

from commands.digest_send import Delivery, Overrides, send_one
from store import digest as config
from store.access import stored
from store.audit import DIGEST
from store.locks import exclusive

MAX_ROUNDS = 3  # failed sends a day after which a user's digest waits for tomorrow
log = logging.getLogger("coachboard")


def today_log(con: duckdb.DuckDBPyConnection, day: dt.date) -> dict[str, list[bool]]:
    """Recipient -> the outcome (True: sent) of each digest send recorded on ``day``."""
    rows = con.execute(
        f"SELECT target, detail FROM {stored(con)}.audit_log "
        "WHERE action = ? AND CAST(logged_at AS DATE) = ? ORDER BY logged_at",
        [DIGEST, day]).fetchall()
    out: dict[str, list[bool]] = {}
    for target, detail in rows:
        out.setdefault(target, []).append(" status=ok " in f" {detail} ")
    return out


def due_now(con: duckdb.DuckDBPyConnection, now: dt.datetime) -> list[config.Subscription]:
    """The subscriptions to send at ``now``: due today, past the hour, not yet sent today, and
    failed fewer than ``MAX_ROUNDS`` times today."""
    hour = config.send_hour(con)
    if hour is None or now.hour < hour:
        return []
    done = today_log(con, now.date())
    return [s for s in config.subscriptions(con) if s.due_on(now.date())
            and not any(done.get(s.email, [])) and len(done.get(s.email, [])) < MAX_ROUNDS]


def run_due(con: duckdb.DuckDBPyConnection, now: dt.datetime,
            over: Overrides | None = None) -> list[Delivery]:
    """Send what is due at ``now``; every send (ok or failed) lands in the audit.

    Replicas on one PostgreSQL each run this loop: one round at a time sends (the others skip
    theirs), and the next round of any replica sees in the audit what went out.
    """
    with exclusive(con, "digest-round") as mine:
        return [send_one(con, sub, over=over) for sub in due_now(con, now)] if mine else []


def start(open_cursor: Callable[[], duckdb.DuckDBPyConnection], *, every: float = 300.0,
          clock: Callable[[], dt.datetime] = dt.datetime.now,
          stop: threading.Event | None = None) -> threading.Thread:
    """A daemon thread running ``run_due`` every ``every`` seconds on a fresh cursor, until
    ``stop`` is set (never, for the app)."""
    stop = stop or threading.Event()

    def loop() -> None:
        while not stop.is_set():
            try:
                failed = [d for d in run_due(open_cursor(), clock())
                          if d.outcome is not None and not d.outcome.ok]
                if failed:  # counts only: who and why are in the audit, not in the log
                    log.warning("%d digest(s) could not be sent; see the audit", len(failed))
            except Exception as exc:  # the loop must outlive one bad round
                log.error("digest round failed: %s", type(exc).__name__)
            stop.wait(every)

    thread = threading.Thread(target=loop, name="coachboard-digests", daemon=True)
    thread.start()
    return thread
