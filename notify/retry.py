"""Retry with exponential backoff; the outcome of a delivery, whatever happened."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass


class SendFailed(Exception):
    """A delivery attempt failed; ``retry`` False when trying again cannot help (a refused
    login, a bad signature reported by the receiver)."""

    def __init__(self, reason: str, *, retry: bool = True) -> None:
        super().__init__(reason)
        self.reason, self.retry = reason, retry


@dataclass(frozen=True)
class Outcome:
    ok: bool
    attempts: int
    error: str | None = None  # the last failure, short and without the message's content


def deliver(send: Callable[[], None], *, tries: int = 3, backoff: float = 2.0,
            sleep: Callable[[float], None] = time.sleep) -> Outcome:
    """Call ``send`` until it succeeds, at most ``tries`` times, waiting ``backoff``, then
    twice as long, … between attempts. ``send`` raises ``SendFailed`` (or an OSError, which
    covers refused connections and timeouts) when an attempt fails.
    """
    if tries < 1:
        raise ValueError(f"tries must be at least 1, got {tries}")
    error = None
    for attempt in range(1, tries + 1):
        try:
            send()
        except SendFailed as exc:
            error = exc.reason
            if not exc.retry:
                return Outcome(False, attempt, error)
        except OSError as exc:  # refused, unreachable, timed out, TLS failed
            error = f"{type(exc).__name__}: {exc}"[:200]
        except Exception as exc:  # a defect, not the network: report it, do not repeat it
            return Outcome(False, attempt, f"{type(exc).__name__}: {exc}"[:200])
        else:
            return Outcome(True, attempt)
        if attempt < tries:
            sleep(backoff * 2 ** (attempt - 1))
    return Outcome(False, tries, error)
