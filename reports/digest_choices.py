"""What the Digest and Settings pages read of the digests' set-up: a user's choice, everyone's
choices, the channels an admin set up (the app's address and send hour with them), the
channels' vocabularies, and the users whose digest the local user may look at."""

from __future__ import annotations

from store.digest import (
    CHANNELS,
    FREQUENCIES,
    SIGNED,
    Subscription,
    channels,
    send_hour,
    subscription,
    subscription_frame,
)
from store.users import lookup, users

__all__ = ["CHANNELS", "FREQUENCIES", "SIGNED", "Subscription", "channels", "lookup", "send_hour",
           "subscription", "subscription_frame", "users"]
