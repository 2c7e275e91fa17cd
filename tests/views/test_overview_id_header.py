"""The overview's attention list names its ID column in the viewer's language ("工号", not
"ID", in Chinese mode), as the other pages' tables do."""

import json

import pytest

from i18n import t
from tests.views.conftest import make_app


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_id_header_in_the_viewers_language(monkeypatch, demo_copy, lang):
    at = make_app(monkeypatch, demo_copy, lang=lang)
    grid = next(d for d in at.dataframe if d.key == "ov_flags")
    label = json.loads(grid.proto.columns)["employee_id"]["label"]
    assert label == t("impact.col.employee_id", lang)  # the HR page's people table says the same
    assert label.isascii() == (lang == "en")
