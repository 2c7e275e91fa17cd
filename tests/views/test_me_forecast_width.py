"""The employee's own forecast table fits a 1440 px page and wraps its sentences: eight texts
on one line cut the last columns and their cells ("接下来 4 周每周需…")."""

import json

import pytest

from i18n import t
from tests.views.conftest import make_app
from tests.views.test_qa_columns import text_px

PAGE_PX = 944  # measured with the prep's flag table: the main column at 1440 px
LINES = 4


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_forecast_table_fits_and_wraps(monkeypatch, demo_copy, lang):
    at = make_app(monkeypatch, demo_copy, page="views/me.py", lang=lang)
    grid = next(d for d in at.dataframe if t("me.fc.status", lang) in d.value.columns)
    columns = {k: c for k, c in json.loads(grid.proto.columns).items() if not c.get("hidden")}
    assert t("me.fc.needed", lang) in columns
    assert all("width" in c for c in columns.values())
    assert sum(c["width"] for c in columns.values()) <= PAGE_PX
    assert grid.proto.row_height > 64
    for name, cells in grid.value.items():
        room = LINES * (columns[name]["width"] - 12)
        assert text_px(name) <= columns[name]["width"], name  # a header does not wrap
        assert all(text_px(str(v)) <= room for v in cells), (name, list(cells))
