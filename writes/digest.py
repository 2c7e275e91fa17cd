"""Digest choices' writes: a user's channel, day and language (the Digest page), and the
channels, the app's address and the send hour an admin sets once (the Settings page).
Rights: ``digest`` for one's own choice, ``settings`` for the channels (``store.digest``)."""

from __future__ import annotations

import duckdb

from store.digest import (
    DigestConfigError,
    Subscription,
    remove_channel,
    save_base_url,
    save_channel,
    save_send_hour,
    subscribe,
    unsubscribe,
)

__all__ = ["DigestConfigError", "choose", "remove_channel", "save_base_url", "save_channel",
           "save_send_hour", "unsubscribe"]


def choose(con: duckdb.DuckDBPyConnection, email: str, *, channel: str, frequency: str,
           weekday: int, lang: str, address: str | None, secret: str | None) -> Subscription:
    """Store ``email``'s digest choice; returns it as stored.

    Raises:
        DigestConfigError: a choice to correct (an unknown channel, a bad address …).
    """
    sub = Subscription(email, channel=channel, frequency=frequency, weekday=weekday, lang=lang,
                       address=address, secret=secret)
    subscribe(con, sub)
    return sub
