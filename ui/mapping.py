"""The mapping editor: one select box per column of the upload, pre-set to the guess."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from i18n import t
from ingest.fields import AS_METRIC, FIELDS, IGNORE
from ui.context import lang, tr
from ui.text import md

PER_ROW = 4


def mapping_editor(frame: pd.DataFrame, kind: str, guess: dict[str, str], key: str) -> dict:
    """Render the editor; returns {column: field} as the user left it."""
    options = [IGNORE, *([AS_METRIC] if kind == "metrics" else []), *FIELDS[kind]]
    mapping: dict[str, str] = {}
    lg = lang()  # labels bound to this run's language (Streamlit may format them later)
    columns = list(frame.columns)
    for start in range(0, len(columns), PER_ROW):
        cells = st.columns(PER_ROW)
        for cell, column in zip(cells, columns[start : start + PER_ROW], strict=False):
            guessed = guess.get(column, IGNORE)
            samples = frame[column].dropna().astype(str).head(3).tolist()
            mapping[column] = cell.selectbox(
                md(column), options, index=options.index(guessed) if guessed in options else 0,
                format_func=lambda f: t(f"field.{f}", lg),
                key=f"{key}:{kind}:{column}",
                help=tr("upload.samples", samples=" | ".join(md(s) for s in samples) or "-"),
            )
    return mapping
