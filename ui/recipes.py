"""Recipes on the Import page: the offer for a file of a known shape, and the list of recipes
(rename, delete, export as JSON, add from JSON)."""

from __future__ import annotations

import duckdb
import streamlit as st

from i18n.dates import short_day
from ingest.model import IngestError, Workbook
from ingest.plan import ImportPlan
from ingest.propose import Hints, plan_for, signature
from reports.imports import Recipe, export_json, find, list_recipes
from ui.context import lang, tr
from ui.downloads import audited, download_name
from ui.text import md
from writes import recipes
from writes.recipes import RecipeError


def offer(con: duckdb.DuckDBPyConnection, book: Workbook,
          proposed: ImportPlan) -> tuple[ImportPlan, Recipe | None]:
    """The plan to start from: the recipe of this file's shape (said in a sentence) if there is
    one that fits, else the proposal."""
    found = find(con, signature(proposed, book))
    if found is None:
        return proposed, None
    try:
        fitted = plan_for(book, Hints(recipe=found.plan))
    except IngestError:
        return proposed, None
    st.info(tr("sheets.recipe.offer", name=md(found.name),
               date=short_day(found.used_at or found.created_at, lang(), missing="-")))
    return fitted, found


def manage(con: duckdb.DuckDBPyConnection) -> None:
    """The saved recipes: list, rename, delete, export and import (JSON)."""
    with st.expander(tr("sheets.recipes.title")):
        listed = list_recipes(con)
        _add_from_file(con)
        if listed.empty:
            st.caption(tr("sheets.recipes.empty"))
            return
        shown = listed.drop(columns="signature").assign(
            created_at=listed["created_at"].dt.strftime("%Y-%m-%d %H:%M"),
            used_at=listed["used_at"].dt.strftime("%Y-%m-%d %H:%M"),
            # the app's own user without sign-in was shown as its code, "local"
            created_by=[tr("role.local") if b == "local" else b for b in listed["created_by"]])
        st.dataframe(shown.rename(columns=lambda c: tr(f"sheets.recipes.col.{c}")).fillna("-"),
                     width="stretch", hide_index=True, key="recipes_table")
        pick = st.selectbox(tr("sheets.recipes.pick"), listed["name"].tolist(), format_func=md,
                            key="recipe_pick")
        st.download_button(tr("sheets.recipes.export"), export_json(con),
                           file_name=download_name("recipes", "json"),
                           mime="application/json", key="recipes_export",
                           on_click=audited("recipes", rows=len(listed)))
        new = st.text_input(tr("sheets.recipes.new_name"), key="recipe_new_name")
        if st.button(tr("sheets.recipes.rename"), key="recipe_rename", disabled=not new.strip()):
            _change(lambda: recipes.rename(con, pick, new), "sheets.recipes.renamed", new)
        sure = st.checkbox(tr("sheets.recipes.confirm", name=md(pick)), key="recipe_sure")
        if st.button(tr("sheets.recipes.delete"), key="recipe_delete", disabled=not sure):
            _change(lambda: recipes.delete(con, pick), "sheets.recipes.deleted", pick)


def _change(action, done_key: str, name: str) -> None:
    try:
        action()
    except RecipeError as exc:
        st.error(md(exc.message(lang())))
        return
    for widget in ("recipe_sure", "recipe_new_name"):
        st.session_state.pop(widget, None)
    st.toast(tr(done_key, name=md(name)))
    st.rerun()


def _add_from_file(con: duckdb.DuckDBPyConnection) -> None:
    shared = st.file_uploader(tr("sheets.recipes.import"), type=["json"], key="recipes_file")
    if shared is None or not st.button(tr("sheets.recipes.add"), key="recipes_add"):
        return
    try:
        added = recipes.import_json(con, shared.getvalue().decode("utf-8", errors="replace"))
    except RecipeError as exc:
        st.error(md(exc.message(lang())))
        return
    st.success(tr("sheets.recipes.added", names=md(", ".join(added))))
