"""The HR page where it has nothing to measure: no coaching logged, people without a team/role."""

import numpy as np
import pandas as pd
import pytest

import store
from i18n import t
from tests.views.conftest import db_from_rows, make_app

PAGE = "views/impact.py"


@pytest.fixture
def no_coaching(tmp_path):
    """Twelve weeks of scores for eight people in two teams and no coaching log at all."""
    path = tmp_path / "calls.duckdb"
    weeks = pd.date_range("2025-07-07", periods=12, freq="W-MON")
    rng = np.random.default_rng(1)
    rows = pd.DataFrame([(f"E{i}", f"T{i % 2}", w.strftime("%Y/%m/%d"), 80 + rng.normal(0, 3))
                         for i in range(8) for w in weeks], columns=["工号", "团队", "日期", "客户满意度"])
    return db_from_rows(path, rows, "s.csv")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_coaching_logged_draws_no_scatter(monkeypatch, no_coaching, lang):
    at = make_app(monkeypatch, no_coaching, PAGE, lang)
    assert t("impact.no_sessions", lang) in [i.value for i in at.info]
    # no chart of sessions against change: nobody had one
    assert not [c for c in at.get("plotly_chart") if "imp_scatter" in str(c.proto.id)]
    assert not at.exception


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_groups_of_people_without_a_team_or_role_are_named(monkeypatch, demo_copy, lang):
    con = store.connect(demo_copy)
    gone = [r[0] for r in con.execute(
        "SELECT employee_id FROM employees WHERE team IS NOT NULL ORDER BY employee_id LIMIT 4"
    ).fetchall()]
    con.execute("UPDATE employees SET team = NULL, role = NULL WHERE employee_id IN (?, ?, ?, ?)",
                gone)
    con.close()
    at = make_app(monkeypatch, demo_copy, PAGE, lang)
    table = next(d.value for d in at.dataframe if "group_by" in d.value.columns)
    groups = table["group"].astype(str)
    assert not groups.eq("-").any()
    for by, word in ((t("impact.team", lang), "people.no_team"),
                     (t("impact.col.role", lang), "people.no_role")):
        assert t(word, lang) in set(groups[table["group_by"].eq(by)])
    assert not at.exception
