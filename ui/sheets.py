"""The Import page's review of an upload, sheet by sheet: what each was recognised as, its kind
(include, exclude, change), its columns, a periods sheet's metric, an events sheet's KPIs and
grain, and a preview. The plan the user leaves is what the Import button runs."""

from __future__ import annotations

import hashlib

import streamlit as st

import ingest
from i18n import t
from ingest import plausible
from ingest.combine import combine, split_lines
from ingest.fields import KINDS
from ingest.model import Parsed, Workbook
from ingest.plan import GRAINS, SHEET_KINDS, ImportPlan, SheetPlan
from ingest.propose import Hints, apply_hints, plan_for
from ui.context import lang, tr
from ui.kpis import kpi_editor
from ui.mapping import mapping_editor
from ui.sheet_periods import grain_question, year_question
from ui.text import md

_HELD = "upload_book"  # session key: (file hash, sheets read, proposed plan) of the last file


def load(raw: bytes, file_name: str, key: str) -> tuple[Workbook, ImportPlan]:
    """The upload's sheets and proposed plan, read once per file (kept across reruns)."""
    held = st.session_state.get(_HELD)
    if held is None or held[0] != key:
        book = ingest.read_sheets(raw, file_name)
        held = (key, book, plan_for(book, Hints()))
        st.session_state[_HELD] = held
    return held[1], ImportPlan.from_json(held[2].to_json())


def review(book: Workbook, base: ImportPlan, key: str) -> ImportPlan:
    """Every sheet's section (one expander each in a workbook); returns the plan as left."""
    plan = ImportPlan.from_json(base.to_json())
    if len(book.order) == 1:
        _sheet(book, plan, plan.sheets[0], key, single=True)
        return plan
    st.caption(tr("sheets.read", n=len(book.order)))
    for sp in plan.sheets:
        label = f"{md(sp.sheet)} · {tr(f'kind.{sp.kind}')}"
        with st.expander(label, expanded=sp.kind != "skip"):
            _sheet(book, plan, sp, key, single=False)
    return plan


def _sheet(book: Workbook, plan: ImportPlan, sp: SheetPlan, key: str, *, single: bool) -> None:
    table = book.tables.get(sp.sheet)
    if table is not None:
        st.caption(tr("upload.detected", encoding=table.encoding, rows=len(table.frame),
                      header=table.header_line, delimiter=repr(table.delimiter or "-")))
    if sp.note:
        st.caption(md(ingest.describe(sp.note, lang(), targets_for=sp.targets_for)))
    if table is None:
        return
    _kind(book, plan, sp, key, single=single)
    if sp.kind == "skip":
        return
    if sp.kind in ("metrics", "targets"):  # a roster's row is a person, not a person-period
        st.caption(tr(f"sheets.layout.{sp.layout}"))
    if sp.kind == "targets":
        _targets_for(plan, sp, key)
    if sp.layout == "periods_across":
        _periods(sp, key)
    elif sp.layout == "events":
        kpi_editor(table.frame, sp, f"{key}:{sp.sheet}")
        _grain(sp, key)
    else:
        st.subheader(tr("upload.mapping"))
        read_as = "metrics" if sp.kind == "targets" else sp.kind
        sp.mapping = mapping_editor(table.frame, read_as, sp.mapping, f"{key}:{sp.sheet}")
        if {"employee_id", "name"} & set(sp.mapping.values()) and sp.ask == "person":
            sp.ask = None
    year_question(table, sp, key)
    grain_question(table, sp, key)
    st.subheader(tr("upload.preview"))
    st.dataframe(table.frame.head(10).fillna(""), width="stretch", hide_index=True)


def _kind(book: Workbook, plan: ImportPlan, sp: SheetPlan, key: str, *, single: bool) -> None:
    """The sheet's kind, as proposed until the user changes it (the sheet is then re-read).

    A sheet that could be metrics or a roster is asked about, nothing pre-chosen; until the
    user answers, a one-sheet file stops here and a workbook's sheet is left out.
    """
    label = tr("upload.kind") if single else tr("sheets.kind")
    lg = lang()  # labels bound to this run's language (Streamlit may format them later)
    if sp.ask == "kind":
        st.warning(tr("people.kind_ask"))
        kind = st.radio(label, ["metrics", "roster"], index=None, horizontal=True,
                        format_func=lambda k: t(f"kind.{k}", lg),
                        key=f"kind_ask:{key}" if single else f"kind_ask:{key}:{sp.sheet}")
        if kind is None and single:
            st.stop()
        apply_hints(plan, book, Hints(sheets={sp.sheet: kind or "skip"}))
        return
    others = [s for s in plan.sheets if s is not sp and s.kind == "metrics"]
    options = list(KINDS) if single else [
        k for k in SHEET_KINDS if k != "targets" or others or sp.kind == "targets"]
    if sp.kind not in options:
        options.append(sp.kind)
    kind = st.selectbox(label, options, index=options.index(sp.kind),
                        format_func=lambda k: t(f"kind.{k}", lg), key=f"kind:{key}:{sp.sheet}")
    if sp.ask == "person":
        st.warning(tr("upload.kind_unknown"))
    if kind != sp.kind:
        apply_hints(plan, book, Hints(sheets={sp.sheet: kind}))


def _targets_for(plan: ImportPlan, sp: SheetPlan, key: str) -> None:
    names = [s.sheet for s in plan.sheets if s.kind == "metrics" and s is not sp]
    if not names:
        return
    index = names.index(sp.targets_for) if sp.targets_for in names else 0
    sp.targets_for = st.selectbox(tr("sheets.targets_for"), names, index=index,
                                  format_func=md, key=f"targets_for:{key}:{sp.sheet}")


def _periods(sp: SheetPlan, key: str) -> None:
    """A periods-across sheet: its metric's name (asked when the file does not say)."""
    periods = [c for c, f in sp.mapping.items() if f == "period"]
    st.caption(tr("sheets.periods", n=len(periods), first=md(periods[0] if periods else "-"),
                  last=md(periods[-1] if periods else "-")))
    name = st.text_input(tr("sheets.metric"), value=sp.metric or "",
                         key=f"metric:{key}:{sp.sheet}")
    sp.metric = name.strip() or None
    if sp.metric is None:
        st.warning(tr("sheets.ask.metric"))
    elif sp.ask == "metric":
        sp.ask = None


def _grain(sp: SheetPlan, key: str) -> None:
    lg = lang()
    sp.grain = st.selectbox(tr("sheets.grain"), list(GRAINS), index=GRAINS.index(sp.grain),
                            format_func=lambda g: t(f"sheets.grain.{g}", lg),
                            key=f"grain:{key}:{sp.sheet}")
    sp.include_partial = st.checkbox(tr("sheets.include_partial"), value=sp.include_partial,
                                     key=f"partial:{key}:{sp.sheet}")
    if sp.ask == "grain":
        sp.ask = None


def check(raw: bytes, file_name: str, plan: ImportPlan, book: Workbook,
          allow: tuple[str, ...] = ()) -> Parsed:
    """Every included sheet parsed as one import would be, errors named by sheet and line;
    ``allow``: metrics confirmed to hold values ``ingest.plausible`` doubts."""
    digest = hashlib.sha1(raw).hexdigest()
    parsed = _checked(digest, file_name, plan.to_json(), tuple(allow), raw, book)
    if parsed.targets_unmatched:
        st.caption(tr("sheets.sum.targets_unmatched", n=parsed.targets_unmatched))
    return parsed


# Kept per file (its bytes' hash) and plan: a rerun that changes neither (a click elsewhere on
# the page) does not parse the whole file again. Few entries: a big file's rows are many.
@st.cache_data(max_entries=4, show_spinner=False)
def _checked(digest: str, file_name: str, plan_json: str, allow: tuple[str, ...],
             _raw: bytes, _book: Workbook) -> Parsed:
    plan = ImportPlan.from_json(plan_json)
    parsed, sheets = combine(ingest.run_plan(_raw, file_name, plan, book=_book))
    parsed = plausible.check(parsed, allow)
    errors = split_lines(parsed.errors, sheets)
    parsed.errors = errors if any(s is not None for s in sheets) else errors.drop(
        columns="sheet")
    return parsed
