"""The Import page's questions about a sheet's periods, each proposed and said in words, changed
by the user, kept in the recipe with the rest of the plan: the year of periods written without
one (``1月``, ``Q1``, ``W05``), and the grain of dates on arbitrary days (reviews)."""

from __future__ import annotations

import json
from datetime import date

import streamlit as st

from i18n import t
from ingest import date_grain
from ingest.date_grain import DATE_GRAINS, Fit
from ingest.model import RawTable
from ingest.periods import year_hint
from ingest.plan import SheetPlan
from ingest.years import guess_year, needs_year
from ui.context import lang, tr
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
    sep = "、" if lang() == "zh" else ", "
    shown = sep.join(bare[:_SHOWN]) + (" …" if len(bare) > _SHOWN else "")
    st.caption(tr(f"upload.year.{why}", periods=md(shown), year=year))
    sp.year = int(st.number_input(tr("upload.year"), min_value=1990, max_value=today.year + 1,
                                  value=min(year, today.year + 1), step=1, format="%d",
                                  key=f"year:{key}:{sp.sheet}"))
    if sp.ask == "year":
        sp.ask = None


def grain_question(table: RawTable, sp: SheetPlan, key: str) -> None:
    """The period each date counts for, when a long metrics sheet's dates fall on arbitrary
    days far apart (``ingest.date_grain``); sets ``sp.period_grain``."""
    found = _fit(key, sp.sheet, sp.kind, sp.layout, json.dumps(sp.mapping), table)
    if found is None and sp.period_grain is None:
        return
    if found is not None:
        column = next(c for c, f in sp.mapping.items() if f == "period")
        why = "why" if found.gap_days is not None else "why_once"
        st.caption(tr(f"upload.grain.{why}", column=md(column), gap=found.gap_days,
                      people=found.people, held=found.per_period,
                      grain=tr(f"upload.grain.{found.grain}")))
    current, lg = sp.period_grain or "day", lang()
    chosen = st.selectbox(tr("upload.grain"), list(DATE_GRAINS),
                          index=DATE_GRAINS.index(current),
                          format_func=lambda g: t(f"upload.grain.{g}", lg),
                          key=f"dategrain:{key}:{sp.sheet}")
    sp.period_grain = None if chosen == "day" else chosen


# The fit reads every date of the sheet: once per file, sheet and columns, not on every rerun.
@st.cache_data(max_entries=8, show_spinner=False)
def _fit(file_key: str, sheet: str | None, kind: str, layout: str, mapping: str,
         _table: RawTable) -> Fit | None:
    plan = SheetPlan(sheet=sheet, kind=kind, layout=layout, mapping=json.loads(mapping))
    return date_grain.fit(_table, plan)
