"""The import check lists its notes in the viewer's language (a total row, in Chinese)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.views.conftest import TIMEOUT
from ui.text import md


def _check_page(lang: str) -> None:
    import streamlit as st

    import ingest
    from ui.imports import show_check

    st.session_state["lang"] = lang
    csv = "工号,姓名,月份,销售额\nE1,张三,2025-07,10\nE2,李四,2025-07,20\n合计,,2025-07,30\n"
    show_check(ingest.prepare(csv.encode(), "sales.csv")[3])


@pytest.mark.parametrize(("lang", "note"), [
    ("zh", "第 4 行看起来是合计行，未导入。"),
    ("en", "Line 4 looks like a total row and was not imported.")])
def test_the_total_row_note_reads_in_the_viewers_language(lang, note):
    at = AppTest.from_function(_check_page, args=(lang,), default_timeout=TIMEOUT).run()
    assert not at.exception, at.exception
    captions = [c.value for c in at.caption]
    assert md(note) in captions  # shown as escaped Markdown, never as HTML
    if lang == "zh":
        assert not [c for c in captions if "Line" in c or "total row" in c]
