"""The board's drill-down where no metric has a target (a call log): no outlook sentence with
its period and grain left blank."""

import numpy as np
import pandas as pd
import pytest

from i18n import t
from tests.views.conftest import db_from_rows, make_app

PAGE = "views/board.py"


def _outlook_head(lang: str) -> str:
    # the sentence's words before its first field, in each language
    text = t("forecast.board.caption", lang, grain="\0", start="\0", on_track=0, at_risk=0,
             likely_to_miss=0)
    return text.split("\0")[0]


@pytest.fixture
def no_targets(tmp_path):
    path = tmp_path / "calls.duckdb"
    weeks = pd.date_range("2025-07-07", periods=10, freq="W-MON")
    rng = np.random.default_rng(2)
    rows = pd.DataFrame([(f"E{i}", "T", w.strftime("%Y/%m/%d"), 80 + rng.normal(0, 3))
                         for i in range(5) for w in weeks], columns=["工号", "团队", "日期", "接通率"])
    return db_from_rows(path, rows, "c.csv")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_outlook_sentence_without_targets(monkeypatch, no_targets, lang):
    at = make_app(monkeypatch, no_targets, PAGE, lang)
    assert len(at.dataframe) >= 2  # the board and the drill-down are shown
    head = _outlook_head(lang)
    assert head
    assert not [c.value for c in at.caption if c.value.startswith(head)]
    assert not at.exception


def test_the_demo_still_says_its_outlook(monkeypatch, demo_copy):
    at = make_app(monkeypatch, demo_copy, PAGE)
    captions = [c.value for c in at.caption if c.value.startswith(_outlook_head("en"))]
    assert len(captions) == 1
    assert "–" not in captions[0]
