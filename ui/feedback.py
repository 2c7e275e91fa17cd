"""Errors become sentences a manager understands; no traceback ever reaches the screen."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator

import streamlit as st

from ingest import IngestError
from reports.errors import AccessDenied, CircleRefused, DatabaseBusy, ImportBusy, SchemaTooNew
from ui.context import lang, tr
from ui.text import md

log = logging.getLogger("coachboard")


@contextlib.contextmanager
def friendly() -> Iterator[None]:
    """Show known problems as their sentence and unknown ones as a plain apology.

    Only the exception type is logged: messages can hold personal data from a file.
    """
    try:
        yield
    except IngestError as exc:
        st.error(md(exc.message(lang())))
    except DatabaseBusy:
        st.error(tr("error.busy"))
    except (ImportBusy, SchemaTooNew, CircleRefused) as exc:
        st.error(exc.message(lang()))
    except AccessDenied as exc:
        # Which people were refused is the user's own input (ids), never other people's data.
        st.error(tr(f"access.{exc.code}", **_params(exc)))
    except Exception as exc:
        log.error("unexpected %s", type(exc).__name__)
        st.error(tr("error.unexpected"))


def _params(exc: AccessDenied) -> dict[str, object]:
    ids = exc.params.get("ids") or []
    return {**exc.params, "ids": ", ".join(map(str, ids[:10])) + (" …" if len(ids) > 10 else "")}
