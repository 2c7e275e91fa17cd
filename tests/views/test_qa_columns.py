"""Short columns of the overview's attention list show their header and fixed text whole.

At 76 px the link read "Log this tal" / "记录这次面" and at 40 px the header "预警"; the
estimate is measured on those screenshots: Latin about 5.5 px a character, Chinese 13, and
6 px padding each side.
"""

import json

import pytest

from i18n import t
from tests.views.conftest import make_app

FIXED_TEXT = {"log": "flow.log_this_talk"}  # the words every cell of the column shows


def text_px(text: str) -> float:
    return sum(13 if "\u2e80" <= ch <= "\u9fff" else 5.5 for ch in text) + 12


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_short_columns_fit_their_words(monkeypatch, demo_copy, lang):
    at = make_app(monkeypatch, demo_copy, lang=lang)
    grid = next(d for d in at.dataframe if d.key == "ov_flags")
    columns = json.loads(grid.proto.columns)
    checked = 0
    for name, config in columns.items():
        words = [config.get("label", "")]
        if name in FIXED_TEXT:
            words.append(t(FIXED_TEXT[name], lang))
        if config.get("width", 999) < 120:  # the long texts wrap; the short ones cannot
            checked += 1
            assert all(text_px(w) <= config["width"] for w in words), (name, words)
    assert checked >= 6
    # Measured at 1440 px with the sidebar open: 934 px of columns (plus the row checkbox)
    # scrolled sideways by 20 px in tests/browser/test_journey_reading.py; 910 fit.
    assert sum(c.get("width", 0) for c in columns.values()) <= 912


def test_prep_flags_fit_1440_and_wrap(monkeypatch, demo_copy):
    # The prep's flag table ran six texts on one line past the page ("Why this mod…").
    at = make_app(monkeypatch, demo_copy)
    at.query_params["id"] = "E017"
    at.switch_page("views/employee.py").run()
    assert not at.exception
    grid = next(d for d in at.dataframe if t("emp.col.model_reason") in
                [c.get("label") for c in json.loads(d.proto.columns).values()])
    columns = {k: c for k, c in json.loads(grid.proto.columns).items() if not c.get("hidden")}
    assert all("width" in c for c in columns.values())
    assert sum(c["width"] for c in columns.values()) + 32 <= 1000
    assert grid.proto.row_height > 64
