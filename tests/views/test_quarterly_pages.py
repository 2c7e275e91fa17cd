"""Quarterly data stays quarterly on the pages: 2024 Q2, not 2024-04-01; quarters, not weeks."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import store
from tests.views.conftest import make_app

QUARTERS = pd.date_range("2022-01-01", periods=10, freq="QS")


@pytest.fixture(scope="module")
def quarterly_db(tmp_path_factory) -> Path:
    """年度 + 季度 scores of six people; E0 falls under target for the last four quarters."""
    path = tmp_path_factory.mktemp("quarterly") / "q.duckdb"
    con = store.connect(path)
    text = "工号,姓名,部门,年度,季度,得分,目标\n" + "".join(
        f"E{p},P{p},T{p % 2},{q.year},{q.quarter},{60 if p == 0 and i > 5 else 85 + p},80\n"
        for p in range(6) for i, q in enumerate(QUARTERS))
    assert store.import_bytes(con, text.encode("gbk"), "q.csv").status == "loaded"
    con.close()
    return path


def label(day: pd.Timestamp) -> str:
    return f"{day.year} Q{day.quarter}"


def test_board_names_the_quarter(monkeypatch, quarterly_db):
    at = make_app(monkeypatch, quarterly_db, "views/board.py")
    assert not at.exception
    captions = " ".join(c.value for c in at.caption)
    assert f"{label(QUARTERS[-1])} · " in captions
    box = at.selectbox(key="board_as_of")
    assert box.options[:2] == [label(QUARTERS[-1]), label(QUARTERS[-2])]
    at.toggle(key="board_rolling").set_value(True).run()
    assert "quarters" in " ".join(c.value for c in at.caption)


def test_overview_flags_speak_in_quarters(monkeypatch, quarterly_db):
    at = make_app(monkeypatch, quarterly_db, "views/overview.py")
    assert not at.exception
    assert at.selectbox(key="ov_as_of").options[0] == label(QUARTERS[-1])
    evidence = " ".join(at.dataframe[0].value["evidence"].astype(str))
    assert "4 quarters since 2023 Q3" in evidence
    assert "week" not in evidence
    assert "month" not in evidence


def test_sidebar_names_the_first_and_last_quarter(monkeypatch, quarterly_db):
    at = make_app(monkeypatch, quarterly_db, "views/overview.py", lang="zh")
    captions = " ".join(c.value for c in at.sidebar.caption)
    first, last = QUARTERS[0], QUARTERS[-1]
    assert f"{first.year}年第{first.quarter}季度" in captions
    assert f"{last.year}年第{last.quarter}季度" in captions
