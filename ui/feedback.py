"""Errors become sentences a manager understands; no traceback ever reaches the screen."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator

import streamlit as st

import store
from ingest import IngestError
from ui.context import lang, tr

log = logging.getLogger("coachboard")


@contextlib.contextmanager
def friendly() -> Iterator[None]:
    """Show known problems as their sentence and unknown ones as a plain apology.

    Only the exception type is logged: messages can hold personal data from a file.
    """
    try:
        yield
    except IngestError as exc:
        st.error(exc.message(lang()))
    except store.DatabaseBusy:
        st.error(tr("error.busy"))
    except Exception as exc:
        log.error("unexpected %s", type(exc).__name__)
        st.error(tr("error.unexpected"))
