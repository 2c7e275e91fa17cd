"""The prep page's "Problem analysis" and "Coaching tracking" tables fit a 1440 px page and wrap
their sentences: on one line each the evidence and the support ran past the page's edge."""

import json

import pytest

from i18n import t
from tests.views.test_employee_page import open_prep
from tests.views.test_qa_columns import text_px

# Measured with the flag table: 944 px of columns fit the page at 1440 px, sidebar open.
PAGE_PX = 944
LINES = 4  # rows of 84 px hold four lines of text


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(("title", "heads"), [
    ("emp.problems", {"dimension": "emp.col.dimension", "observed": "emp.col.observed",
                      "evidence": "emp.col.evidence", "priority": "emp.col.priority"}),
    ("emp.tracking", {"goal": "emp.col.goal", "action": "emp.col.action",
                      "deadline": "emp.col.deadline", "support": "emp.col.support"}),
])
def test_plan_tables_fit_the_page_and_wrap(monkeypatch, demo_copy, lang, title, heads):
    at = open_prep(monkeypatch, demo_copy, "E017", lang)
    assert t(title, lang) in [h.value for h in at.subheader]
    grid = next(d for d in at.dataframe if set(heads) <= set(d.value.columns))
    columns = {k: c for k, c in json.loads(grid.proto.columns).items() if not c.get("hidden")}
    assert {k: columns[k]["label"] for k in heads} == {k: t(v, lang) for k, v in heads.items()}
    assert all("width" in c for c in columns.values())
    assert sum(c["width"] for c in columns.values()) <= PAGE_PX
    assert grid.proto.row_height > 64  # the grid wraps text only in rows over 4rem
    for name, cells in grid.value.items():
        room = LINES * (columns[name]["width"] - 12)
        assert all(text_px(str(v)) <= room for v in cells), name
