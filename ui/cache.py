"""Cached results of the manager's pages, keyed by everything they depend on.

The key is the data version (``store.data_version``: changes with every import, undo, catalog or
settings edit), the as-of date and the language; never the connection: each cached function
opens its own cursor with ``ui.context.cursor()``. ``max_entries`` bounds the memory.

The team-wide analyses (``reports.team_view``) are the expensive part: they are cached once per
(version, as-of) and shared by the overview and every employee's prep, so opening one employee
after the overview only pays for that employee.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

import store
from reports.brief import brief_html, brief_markdown
from reports.employee import employee_prep as _employee_prep
from reports.overview import Overview, overview
from reports.team import TeamView, team_view
from ui.context import cursor, data_version

MAX_ENTRIES = 16


def _day(as_of: pd.Timestamp | str | None) -> str | None:
    return None if as_of is None else pd.Timestamp(as_of).strftime("%Y-%m-%d")


@st.cache_data(max_entries=8, show_spinner=False)
def _view(version: str, as_of: str | None) -> TeamView:
    return team_view(cursor(), as_of=None if as_of is None else pd.Timestamp(as_of))


@st.cache_data(max_entries=MAX_ENTRIES, show_spinner=False)
def _overview(version: str, as_of: str | None, lang: str) -> Overview:
    return overview(cursor(), as_of=as_of, lang=lang, view=_view(version, as_of))


def team_overview(as_of: pd.Timestamp | str | None, lang: str) -> Overview:
    """``reports.overview.overview`` for ``as_of`` in ``lang``, cached per data version."""
    return _overview(data_version(cursor()), _day(as_of), lang)


@st.cache_data(max_entries=MAX_ENTRIES, show_spinner=False)
def _periods(version: str) -> list[pd.Timestamp]:
    trend = store.team_trend(cursor())
    return [pd.Timestamp(p) for p in sorted(pd.to_datetime(trend["period"]).unique(), reverse=True)]


def periods() -> list[pd.Timestamp]:
    """Every period in the data, newest first (the as-of choices), cached per data version."""
    return _periods(data_version(cursor()))


@st.cache_data(max_entries=MAX_ENTRIES, show_spinner=False)
def _people(version: str) -> pd.DataFrame:
    return store.employees(cursor())


def people() -> pd.DataFrame:
    """The roster (``store.employees``), cached per data version."""
    return _people(data_version(cursor()))


@st.cache_data(max_entries=64, show_spinner=False)
def _prep(version: str, employee_id: str, as_of: str | None, lang: str):
    return _employee_prep(cursor(), employee_id, as_of=as_of, lang=lang,
                          view=_view(version, as_of))


def employee_prep(employee_id: str, as_of: pd.Timestamp | str | None, lang: str):
    """``reports.employee.employee_prep``, cached per data version, employee, as-of and language."""
    return _prep(data_version(cursor()), employee_id, _day(as_of), lang)


@st.cache_data(max_entries=64, show_spinner=False)
def _brief(version: str, employee_id: str, as_of: str | None, lang: str) -> tuple[str, str]:
    prep = _prep(version, employee_id, as_of, lang)
    return brief_markdown(prep), brief_html(prep)


def brief(employee_id: str, as_of: pd.Timestamp | str | None, lang: str) -> tuple[str, str]:
    """(Markdown, HTML) coaching brief of one employee, cached like ``employee_prep``."""
    return _brief(data_version(cursor()), employee_id, _day(as_of), lang)
