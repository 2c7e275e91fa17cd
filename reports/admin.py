"""What the admin page reads: the users and their roles, and the audit log from a day on."""

from __future__ import annotations

from store.access import ROLES
from store.audit import audit_log
from store.users import users

__all__ = ["ROLES", "audit_log", "users"]
