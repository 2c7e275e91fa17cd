"""The admin page's writes: a user added (or their role changed) and a user removed.
Rights: ``users``, checked in ``store.users`` (a removed user loses access on their next rerun)."""

from __future__ import annotations

from store.users import UserError, add_user, remove_user

__all__ = ["UserError", "add_user", "remove_user"]
