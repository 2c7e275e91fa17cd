"""File names of downloads: who took it and when, because a download URL is not private.

Streamlit serves a download at ``/media/<id>``, and that URL is not tied to the session that
made it: whoever has the link gets the file while it lives. So every file carries a short tag
of the viewer (the first 8 hex digits of sha256 of their email: a forwarded file says whose
it was without spelling out the address; ``local`` in the single-user mode) and the UTC minute
it was made, e.g. ``brief-E001-2025-12-29-3f2a9c1b-20261123T1930Z.html``.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from ui.context import Viewer, cursor, viewer
from writes.audit import exported


def viewer_tag(who: Viewer | None) -> str:
    """``local`` for the single-user mode, else 8 hex digits of sha256(email)."""
    if who is None or who.role == "local":
        return "local"
    return hashlib.sha256(who.email.encode("utf-8")).hexdigest()[:8]


def download_name(stem: str, ext: str, *, now: dt.datetime | None = None,
                  who: Viewer | None = None) -> str:
    """``<stem>-<viewer tag>-<UTC minute>.<ext>`` for this rerun's viewer (or ``who``).

    Minutes, not seconds: a rerun in the same minute keeps the same name, so Streamlit keeps
    serving the same file instead of registering a new one each time.
    """
    stamp = (now or dt.datetime.now(dt.UTC)).strftime("%Y%m%dT%H%MZ")
    return f"{stem}-{viewer_tag(who or viewer())}-{stamp}.{ext.lstrip('.')}"


def audited(kind: str, target: object = None, *, rows: int | None = None):
    """An ``on_click`` for a download button that records the export in the audit log.

    ``kind`` says what was exported (``brief``, ``board_xlsx`` …), ``target`` which person or
    scope by id; never the file's content. The click reruns the page, as any recorded action.
    """
    def record() -> None:
        exported(cursor(), kind, target, rows=rows)

    return record
