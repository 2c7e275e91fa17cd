"""Import: upload an export, check the guessed mapping, see every problem, load it."""

import hashlib

import streamlit as st

import ingest
import store
from ingest.fields import KINDS
from ingest.limits import MAX_UPLOAD_MB
from ui.context import cursor, lang, tr
from ui.feedback import friendly
from ui.imports import history_section, show_check, show_result
from ui.mapping import mapping_editor

con = cursor()
st.title(tr("upload.title"))
st.caption(tr("upload.intro"))

upload = st.file_uploader(
    tr("upload.file"), type=["csv", "txt", "tsv", "xlsx", "xlsm"], key="upload_file"
)
st.caption(tr("upload.limit", mb=MAX_UPLOAD_MB))
if upload is not None:
    raw = upload.getvalue()
    key = hashlib.sha1(raw).hexdigest()[:12]
    with friendly():
        table = ingest.read_upload(raw, upload.name)
        guessed = ingest.guess_kind(list(table.frame.columns))
        st.caption(tr("upload.detected", encoding=table.encoding, rows=len(table.frame),
                      header=table.header_line, delimiter=repr(table.delimiter or "-")))
        choices = ingest.kind_choices(list(table.frame.columns))
        if len(choices) > 1:  # the headers do not decide: the user says, nothing is guessed
            st.warning(tr("people.kind_ask"))
            kind = st.radio(tr("upload.kind"), choices, index=None, horizontal=True,
                            format_func=lambda k: tr(f"kind.{k}"), key=f"kind_ask:{key}")
            if kind is None:
                st.stop()
        else:
            kind = st.selectbox(
                tr("upload.kind"), KINDS, index=KINDS.index(guessed) if guessed else 0,
                format_func=lambda k: tr(f"kind.{k}"), key=f"kind:{key}",
            )
        if guessed is None:
            st.warning(tr("upload.kind_unknown"))
        st.subheader(tr("upload.mapping"))
        mapping = mapping_editor(
            table.frame, kind, ingest.guess_mapping(list(table.frame.columns), kind), key
        )
        st.subheader(tr("upload.preview"))
        st.dataframe(table.frame.head(10), width="stretch", hide_index=True)
        ingest.check_mapping(kind, mapping)
        parsed = ingest.parse(table, kind=kind, mapping=mapping)
        show_check(parsed)
        go = st.button(tr("upload.import"), type="primary", key=f"go:{key}")
        skip = bool(parsed.bad_lines) and st.button(
            tr("upload.import_valid", bad=len(parsed.bad_lines)), key=f"skip:{key}"
        )
        if go or skip:
            bar = st.progress(0.0, text=tr("upload.progress.read"))

            def tick(stage: str, done: int, total: int) -> None:
                bar.progress(min(done / total, 1.0) if total else 0.0,
                             text=tr(f"upload.progress.{stage}", done=done, total=total))

            result = store.import_bytes(
                con, raw, upload.name, kind=kind, mapping=mapping, skip_bad_rows=skip,
                progress=tick,
            )
            bar.empty()
            show_result(result, lang())

st.divider()
history_section(con)
