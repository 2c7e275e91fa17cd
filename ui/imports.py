"""Rendering of validation reports, import results and the import history."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

import duckdb
import pandas as pd
import streamlit as st

from ingest.model import Parsed
from ingest.notes import render as render_note
from reports.imports import ImportResult, describe_row, history, rejected, summary
from ui.context import lang, tr
from ui.feedback import friendly
from ui.text import md
from writes.imports import undo_import


def error_table(errors: pd.DataFrame) -> pd.DataFrame:
    """Every bad cell as (sheet |) line | column | value | reason, in the viewer's language."""
    table = pd.DataFrame(
        {
            tr("report.line"): errors["line"].astype(int).to_numpy(),
            tr("report.column"): errors["column"].to_numpy(),
            tr("report.value"): errors["value"].to_numpy(),
            tr("report.reason"): [describe_row(r, lang()) for r in errors.itertuples()],
        }
    )
    if "sheet" in errors and errors["sheet"].notna().any():
        table.insert(0, tr("sheets.sheet"), errors["sheet"].fillna("-").to_numpy())
    return table


def file_box_words(limit_mb: int) -> None:
    """In Chinese, the file boxes' own English words ("Upload", "200MB per file • CSV …") are
    hidden and ours shown instead: static CSS on Streamlit's test ids, our own catalogue's words
    (never user text). In English Streamlit's words stay."""
    if lang() != "zh":
        return
    box, words = '[data-testid="stFileUploaderDropzone"]', '[data-testid="stFileUploaderDropzoneInstructions"]'
    button, limit = tr("upload.box.button"), tr("upload.box.limit", mb=limit_mb)
    st.html(
        f"<style>{box} button p, {words} span {{ font-size: 0 !important; }}"
        f'{box} button p::after {{ content: "{button}"; font-size: 0.875rem; }}'
        f'{words} span::after {{ content: "{limit}"; font-size: 0.875rem; }}</style>')


def bad_line_count(errors: pd.DataFrame) -> int:
    """Lines with a problem; line 5 of two sheets is two lines."""
    keys = [c for c in ("sheet", "line") if c in errors]
    return len(errors[keys].drop_duplicates())


@contextlib.contextmanager
def progress_bar() -> Iterator[Callable[[str, int, int], None]]:
    """A progress bar for an import: yields the ``progress`` callback, removed at the end."""
    bar = st.progress(0.0, text=tr("upload.progress.read"))

    def tick(stage: str, done: int, total: int) -> None:
        bar.progress(min(done / total, 1.0) if total else 0.0,
                     text=tr(f"upload.progress.{stage}", done=done, total=total))

    yield tick
    bar.empty()


def show_check(parsed: Parsed) -> None:
    """The validation report before importing."""
    bad = bad_line_count(parsed.errors)
    good = parsed.rows_read - bad
    if bad:
        st.warning(tr("report.bad", bad=bad, good=good, total=parsed.rows_read))
        st.dataframe(error_table(parsed.errors), width="stretch", hide_index=True)
    else:
        st.success(tr("report.ok", total=parsed.rows_read))
    for note in parsed.notes:
        st.caption(md(render_note(note, lang())))


def show_result(result: ImportResult, lang_code: str) -> None:
    """What the import did: loaded, or nothing loaded and why."""
    if result.problem is not None:
        st.error(md(result.problem.message(lang_code)))
    elif result.status == "loaded":
        st.success(tr("result.loaded", loaded=result.rows_loaded, changed=result.rows_changed,
                      rejected=result.rows_rejected, file=md(result.file_name)))
        st.caption(md(summary(result, lang_code)))
        if result.recipe:
            st.caption(tr("sheets.recipe.saved", name=md(result.recipe)))
    else:
        st.error(tr("result.nothing", bad=result.rows_rejected, file=md(result.file_name)))
        st.dataframe(error_table(result.errors), width="stretch", hide_index=True)


def history_section(con: duckdb.DuckDBPyConnection) -> None:
    """The import history, with undo behind a confirmation."""
    st.subheader(tr("history.title"))
    hist = history(con)
    if hist.empty:
        st.caption(tr("history.empty"))
        return
    shown = hist.drop(columns=["message"]).assign(
        status=hist["status"].map(lambda s: tr(f"status.{s}")),
        # a workbook of several kinds is one import: "roster+metrics"
        kind=hist["kind"].map(lambda k: " + ".join(tr(f"kind.{p}") for p in k.split("+"))
                              if k else "-"),
    )
    st.dataframe(shown.rename(columns=lambda c: tr(f"history.{c}")), width="stretch",
                 hide_index=True, key="history_table")
    _rejected_viewer(con, hist)
    _undo_control(con, hist)


def _rejected_viewer(con: duckdb.DuckDBPyConnection, hist: pd.DataFrame) -> None:
    with_rejects = hist[hist["rows_rejected"] > 0]
    if with_rejects.empty:
        return
    with st.expander(tr("history.rejected")):
        pick = st.selectbox(tr("history.pick"), with_rejects["import_id"].tolist(),
                            format_func=lambda i: _label(hist, i), key="rejected_pick")
        st.dataframe(rejected(con, int(pick)), width="stretch", hide_index=True)


def _undo_control(con: duckdb.DuckDBPyConnection, hist: pd.DataFrame) -> None:
    loaded = hist[hist["status"] == "loaded"]
    if loaded.empty:
        return
    with st.expander(tr("history.undo")):
        pick = st.selectbox(tr("history.pick"), loaded["import_id"].tolist(),
                            format_func=lambda i: _label(hist, i), key="undo_pick")
        sure = st.checkbox(tr("history.confirm"), key="undo_sure")
        if st.button(tr("history.undo_button"), disabled=not sure, key="undo_go"):
            with friendly():  # a refused undo (a circle of managers) says why
                undo_import(con, int(pick))
                st.session_state.pop("undo_sure", None)
                st.toast(tr("history.undone", id=pick))
                st.rerun()


def _label(hist: pd.DataFrame, import_id: int) -> str:
    row = hist.set_index("import_id").loc[import_id]
    return f"#{import_id} · {row['file_name']} · {row['imported_at']:%Y-%m-%d %H:%M}"
