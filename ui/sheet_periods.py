"""The Import page's questions about a sheet's periods: the year of periods written without
one (``1月``, ``Q1``, ``W05``), proposed and said in words, changed by the user, kept in the
recipe with the rest of the plan."""

from __future__ import annotations

from datetime import date

import streamlit as st

from ingest.model import RawTable
from ingest.periods import year_hint
from ingest.plan import SheetPlan
from ingest.years import guess_year, needs_year
from ui.context import tr
from ui.text import md

_SHOWN = 4  # periods named in the sentence


def year_question(table: RawTable, sp: SheetPlan, key: str) -> None:
    """Ask the year of a metrics sheet's periods when the file does not give one; sets
    ``sp.year`` (and answers ``sp.ask == "year"``)."""
    bare = needs_year(sp, table)
    if not bare:
        return
    today = date.today()
    if sp.year is None:
        why, year = "guess", guess_year(bare, today, roll=sp.layout == "periods_across")
    else:
        found = year_hint(sp.sheet, *table.titles)
        why, year = ("file" if found == sp.year else "kept"), sp.year
    shown = ", ".join(bare[:_SHOWN]) + (" …" if len(bare) > _SHOWN else "")
    st.caption(tr(f"imports16.year.{why}", periods=md(shown), year=year))
    sp.year = int(st.number_input(tr("imports16.year"), min_value=1990, max_value=today.year + 1,
                                  value=min(year, today.year + 1), step=1, format="%d",
                                  key=f"year:{key}:{sp.sheet}"))
    if sp.ask == "year":
        sp.ask = None
