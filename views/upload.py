"""Import: upload an export (every sheet of a workbook), review what each sheet was recognised
as, see every problem, load it; a file of a known shape imports in one click by its recipe."""

import hashlib

import streamlit as st

from ingest import plausible
from ingest.limits import MAX_UPLOAD_MB
from ingest.propose import Hints
from ui import recipes, sheets
from ui.context import cursor, lang, tr
from ui.feedback import friendly
from ui.imports import file_box_words, history_section, progress_bar, show_check, show_result
from writes.imports import import_plan

con = cursor()
st.title(tr("upload.title"))
st.caption(tr("upload.intro"))

upload = st.file_uploader(
    tr("upload.file"), type=["csv", "txt", "tsv", "xlsx", "xlsm"], key="upload_file"
)
st.caption(tr("upload.limit", mb=MAX_UPLOAD_MB))
file_box_words(MAX_UPLOAD_MB)
if upload is not None:
    raw = upload.getvalue()
    key = hashlib.sha1(raw).hexdigest()[:12]
    with friendly():
        book, proposed = sheets.load(raw, upload.name, key)
        start, recipe = recipes.offer(con, book, proposed)
        if recipe is not None and st.button(tr("sheets.recipe.use"), type="primary",
                                            key=f"recipe_go:{key}"):
            with progress_bar() as tick:
                result = import_plan(con, raw, upload.name, plan=start, book=book,
                                     recipe=recipe.name, progress=tick)
            show_result(result, lang())
        # widget keys name the language: a keyed choice keeps its labels across a switch
        plan = sheets.review(book, start, f"{key}.{lang()}")
        parsed = sheets.check(raw, upload.name, plan, book)
        # Values a metric cannot take are bad lines unless the user confirms the metric.
        doubted = plausible.metrics_refused(parsed.errors)
        allow = tuple(st.multiselect(tr("people.allow_metrics"), doubted, key=f"allow:{key}",
                                     help=tr("people.allow_help")) if doubted else ())
        if allow:
            parsed = sheets.check(raw, upload.name, plan, book, allow)
        show_check(parsed)
        go = st.button(tr("upload.import"), type="primary", key=f"go:{key}")
        skip = bool(parsed.bad_lines) and st.button(
            tr("upload.import_valid", bad=len(parsed.bad_lines)), key=f"skip:{key}"
        )
        if go or skip:
            with progress_bar() as tick:
                result = import_plan(con, raw, upload.name, plan=plan, book=book,
                                     skip_bad_rows=skip, progress=tick,
                                     hints=Hints(allow_metrics=allow),
                                     recipe=recipe.name if recipe is not None else None)
            show_result(result, lang())

st.divider()
history_section(con)
recipes.manage(con)
