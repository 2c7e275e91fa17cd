"""The refusals a page shows as a sentence (``ui.feedback.friendly``), raised below in the store
on a read or a write: the database busy or newer than this app, an import already running, a
change that would put managers in a circle, a right or a person the viewer does not have."""

from __future__ import annotations

from store.access import AccessDenied
from store.db import DatabaseBusy
from store.errors import CircleRefused, ImportBusy, SchemaTooNew

__all__ = ["AccessDenied", "CircleRefused", "DatabaseBusy", "ImportBusy", "SchemaTooNew"]
